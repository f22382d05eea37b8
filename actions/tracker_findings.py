"""Reading and writing the findings of a conversation (DESIGN.md section 3) from and to Rasa slots."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet

from bot.dialogue.restatement import EMERGENCY_INTENT, finding_statuses, restates_known_weakness
from bot.triage.findings import FINDING_CODES, LOCATIONS, Findings

ASKED_SLOT = "asked"
DURATION_SLOT = "duration_days"
# The slots that hold findings, besides one slot per finding code.
DESCRIPTIVE_SLOTS = ("face_side", "locations", DURATION_SLOT)


def parse_duration(value: Any) -> float | None:
    """The duration slot holds days as text, or "unknown" when the person could not say."""
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def findings_from_slots(tracker: Tracker) -> Findings:
    """The findings the conversation's slots hold."""
    return Findings.from_values(
        {code: tracker.get_slot(code) for code in FINDING_CODES},
        face_side=tracker.get_slot("face_side"),
        locations=tracker.get_slot("locations") or (),
        duration_days=parse_duration(tracker.get_slot(DURATION_SLOT)),
        asked=tracker.get_slot(ASKED_SLOT) or (),
    )


def findings_from_tracker(tracker: Tracker) -> Findings:
    """The findings in the slots, overlaid with those of the latest message.

    The overlay matters for an emergency message during the intake: the form ignores that message's entities
    (so that it rejects and the emergency path runs), but the assessment must still see them.
    """
    in_slots = findings_from_slots(tracker)
    entities = tracker.latest_message.get("entities", [])
    statuses: dict[str, Any] = {code: status.value for code, status in in_slots.statuses.items()}
    statuses.update(finding_statuses(entities))
    face_side = in_slots.face_side
    locations = set(in_slots.locations)
    for entity in entities:
        name, value = entity.get("entity"), entity.get("value")
        if name == "face_side":
            face_side = value
        elif name == "location" and value in LOCATIONS:
            locations.add(value)
    return Findings.from_values(statuses, face_side, locations, in_slots.duration_days, in_slots.asked)


def slot_events_for_changes(before: Findings, after: Findings) -> list[SlotSet]:
    """SlotSet events that turn the slots holding `before` into `after`."""
    events = [
        SlotSet(code, None if after.is_unknown(code) else after.status(code).value)
        for code in FINDING_CODES
        if after.status(code) != before.status(code)
    ]
    if after.face_side != before.face_side:
        events.append(SlotSet("face_side", after.face_side))
    if after.locations != before.locations:
        events.append(SlotSet("locations", sorted(after.locations)))
    if after.asked != before.asked:
        events.append(SlotSet(ASKED_SLOT, sorted(after.asked)))
    return events


def reports_emergency(tracker: Tracker) -> bool:
    """The latest message is an emergency: its intent says so, and it is more than a restatement of a weakness
    already known to be gradual (bot.dialogue.restatement)."""
    intent = tracker.latest_message.get("intent", {}).get("name")
    return intent == EMERGENCY_INTENT and not restates_known_weakness(tracker.events)
