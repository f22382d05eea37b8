"""Reading and writing what the conversation knows (bot.dialogue.evidence) from and to the Rasa tracker.

The `evidence` slot is the record; the finding slots, `face_side`, `locations`, `duration_days` and `asked` are
mirrors of it for readers of the tracker (apps, the HTTP API). No slot mapping fills them from one message.
"""

from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet

from bot.dialogue.evidence import Evidence, MessageReading, read_message
from bot.dialogue.restatement import restates_known_weakness
from bot.intents import EMERGENCY_EVIDENCE_KEY, EVIDENCE_CLASSIFIER, EVIDENCE_DECLARED, REPORT_EMERGENCY
from bot.triage.findings import FINDING_CODES, Findings

EVIDENCE_SLOT = "evidence"
ASSESSMENT_SLOT = "assessment"
ASKED_SLOT = "asked"
DURATION_SLOT = "duration_days"


def _days(value: Any) -> float | None:
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def _findings_from_mirror_slots(tracker: Tracker) -> Findings:
    """For a conversation stored before the evidence slot existed: its findings as its slots held them."""
    return Findings.from_values(
        {code: tracker.get_slot(code) for code in FINDING_CODES},
        face_side=tracker.get_slot("face_side"),
        locations=tracker.get_slot("locations") or (),
        duration_days=_days(tracker.get_slot(DURATION_SLOT)),
        asked=tracker.get_slot(ASKED_SLOT) or (),
    )


def evidence_from_tracker(tracker: Tracker) -> Evidence:
    """What the conversation knew before anything in this action (the latest message may not be read yet)."""
    stored = tracker.get_slot(EVIDENCE_SLOT)
    if stored:
        return Evidence.from_json(stored)
    return Evidence(findings=_findings_from_mirror_slots(tracker))


def latest_reading(tracker: Tracker) -> MessageReading:
    message = tracker.latest_message or {}
    intent = (message.get("intent") or {}).get("name")
    return read_message(message.get("entities") or [], intent, message.get("message_id"))


def slot_events(before: Evidence, after: Evidence) -> list[SlotSet]:
    """The events that store `after` and bring the mirror slots in line with it."""
    if after == before:
        return []
    old, new = before.findings, after.findings
    events = [
        SlotSet(code, None if new.is_unknown(code) else new.status(code).value)
        for code in FINDING_CODES
        if new.status(code) != old.status(code)
    ]
    if new.face_side != old.face_side:
        events.append(SlotSet("face_side", new.face_side))
    if new.locations != old.locations:
        events.append(SlotSet("locations", sorted(new.locations)))
    if new.duration_days != old.duration_days:
        events.append(SlotSet(DURATION_SLOT, None if new.duration_days is None else f"{new.duration_days:g}"))
    if new.asked != old.asked:
        events.append(SlotSet(ASKED_SLOT, sorted(new.asked)))
    return [*events, SlotSet(EVIDENCE_SLOT, after.to_json())]


def _latest_emergency_evidence(tracker: Tracker) -> str | None:
    intent = (tracker.latest_message or {}).get("intent") or {}
    if intent.get("name") != REPORT_EMERGENCY:
        return None
    return str(intent.get(EMERGENCY_EVIDENCE_KEY) or "")


def only_the_classifier_suspects_an_emergency(tracker: Tracker) -> bool:
    """The latest message is report_emergency with no stroke sign read and no emergency declared: the stroke
    screen is asked, one sign at a time, instead of the emergency answer (docs/clinical-design.md)."""
    return _latest_emergency_evidence(tracker) == EVIDENCE_CLASSIFIER


def declares_emergency(tracker: Tracker) -> bool:
    """The person said it is an emergency (a stroke, an ambulance), not only signs the rules read as one."""
    return _latest_emergency_evidence(tracker) == EVIDENCE_DECLARED


def reports_emergency(tracker: Tracker) -> bool:
    """The latest message is an emergency: its intent says so, the emergency rests on more than the intent
    classifier, and it is more than a restatement of a weakness already known to be gradual."""
    evidence = _latest_emergency_evidence(tracker)
    if evidence is None or evidence == EVIDENCE_CLASSIFIER:
        return False
    return not restates_known_weakness(tracker.events)
