"""Small rasa_sdk trackers for the custom actions' tests: a conversation as the action server receives it."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker

INTAKE_FORM = "intake_form"


def slot_events(values: dict[str, Any]) -> list[dict[str, Any]]:
    return [{"event": "slot", "name": name, "value": value} for name, value in values.items()]


def message(intent: str, findings: dict[str, str] | None = None, **intent_extra: Any) -> dict[str, Any]:
    """The parse data of a message: its intent and its finding entities (code -> present/absent)."""
    entities = [{"entity": code, "value": status} for code, status in (findings or {}).items()]
    return {
        "text": "(words)",
        "intent": {"name": intent, "confidence": 1.0, **intent_extra},
        "entities": entities,
    }


def intake_tracker(known: dict[str, Any], latest: dict[str, Any], requested_slot: str) -> Tracker:
    """The intake form running straight after the person's latest message, in answer to `requested_slot`.

    `known` holds the slots before that message (finding slots as the evidence mirrors them); no slot
    mapping applies the message's own entities: the validation merges them into the evidence itself.
    """
    slots = {**known, "requested_slot": requested_slot}
    events = [
        *slot_events(slots),
        {"event": "action", "name": "action_listen"},
        {"event": "user", "text": latest["text"], "parse_data": latest},
    ]
    return Tracker(
        sender_id="test",
        slots=slots,
        latest_message=latest,
        events=events,
        paused=False,
        followup_action=None,
        active_loop={"name": INTAKE_FORM},
        latest_action_name="action_listen",
    )


def resumed_intake_tracker(
    known: dict[str, Any], latest: dict[str, Any], requested_slot: str, interruption: str
) -> Tracker:
    """The intake form resuming after the rule for an interruption (`interruption`, e.g. the action that answered
    the person's question) handled the person's latest message, with `requested_slot` still to be answered."""
    tracker = intake_tracker(known, latest, requested_slot)
    tracker.events += [
        {"event": "action", "name": interruption},
        {"event": "action", "name": INTAKE_FORM},
    ]
    tracker.latest_action_name = INTAKE_FORM
    return tracker


def tracker_after(latest: dict[str, Any], slots: dict[str, Any] | None = None) -> Tracker:
    """Any action run straight after the person's latest message, outside the intake."""
    return Tracker(
        sender_id="test",
        slots=dict(slots or {}),
        latest_message=latest,
        events=[*slot_events(slots or {}), {"event": "user", "text": latest["text"], "parse_data": latest}],
        paused=False,
        followup_action=None,
        active_loop={},
        latest_action_name="action_listen",
    )
