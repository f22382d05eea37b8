"""When the emergency reading of one message only restates what the conversation already knows.

The NLU reads each message alone, so "just the drooping", said in answer to the accompanying-signs question, is
a facial weakness of unknown onset: an emergency (bot.nlu.components.SafetyIntentOverride forces
report_emergency). When the conversation already holds that weakness with a gradual onset (a negative stroke
screen), the message adds nothing, and answering it with the emergency would contradict the stroke screen the
person has just answered. Only that case is taken back (bot.triage.engine.restates_known_gradual_weakness); an
emergency the person declared in their own words (DIET's report_emergency), or any new sign, stays one.

Pure Python over event dicts (`Event.as_dict()` in Rasa, the tracker's events in the action server), so that
the emergency policy and the intake form's validation decide alike. No Rasa imports.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from bot.intents import EMERGENCY_EVIDENCE_KEY, EVIDENCE_FINDINGS, REPORT_EMERGENCY
from bot.triage.engine import restates_known_gradual_weakness
from bot.triage.findings import FINDING_CODES, Findings

# The domain response that tells the person to call the emergency number (it needs no custom action).
EMERGENCY_RESPONSE = "utter_emergency"
# Events after which no slot keeps its value.
_SLOT_RESETS = frozenset({"restart", "reset_slots"})


def _latest_user_index(events: Sequence[Mapping[str, Any]]) -> int | None:
    return next((i for i in range(len(events) - 1, -1, -1) if events[i].get("event") == "user"), None)


def slots_before_latest_message(events: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    """The slot values as they stood before the person's latest message."""
    values: dict[str, Any] = {}
    for event in events[: _latest_user_index(events)]:
        if event.get("event") == "slot":
            values[event["name"]] = event.get("value")
        elif event.get("event") in _SLOT_RESETS:
            values.clear()
    return values


def _statuses_in_slots(slots: Mapping[str, Any]) -> Findings:
    return Findings.from_values({code: slots.get(code) for code in FINDING_CODES if slots.get(code)})


def finding_statuses(entities: Sequence[Mapping[str, Any]]) -> dict[str, str]:
    """Finding code -> present/absent, as a message's entities say."""
    return {
        entity["entity"]: entity["value"]
        for entity in entities
        if entity.get("entity") in FINDING_CODES and entity.get("value") in ("present", "absent")
    }


def restates_known_weakness(events: Sequence[Mapping[str, Any]]) -> bool:
    """True when the latest message is an emergency only because it names again a weakness that the
    conversation, before it, already knew to have come on gradually."""
    index = _latest_user_index(events)
    if index is None:
        return False
    parse_data = events[index].get("parse_data") or {}
    intent = parse_data.get("intent") or {}
    # Only an emergency that rests on the message's findings can be a restatement; one the person declared ("it's
    # a stroke", "call an ambulance") stays one, whatever the conversation knew.
    rests_on_findings = intent.get(EMERGENCY_EVIDENCE_KEY) == EVIDENCE_FINDINGS
    if intent.get("name") != REPORT_EMERGENCY or not rests_on_findings:
        return False
    return restates_known_gradual_weakness(
        _statuses_in_slots(slots_before_latest_message(events)),
        Findings.from_values(finding_statuses(parse_data.get("entities") or [])),
    )
