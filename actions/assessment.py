"""Giving the assessment, and explaining it ("why?")."""

from __future__ import annotations

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActiveLoop, EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.tracker_findings import (
    findings_from_slots,
    findings_from_tracker,
    reports_emergency,
    slot_events_for_changes,
)
from bot.triage.engine import assess
from bot.triage.intake import STROKE_SCREEN_QUESTION, pending_questions
from bot.triage.summary import assessment_messages, why_messages

INTAKE_FORM = "intake_form"
NOTHING_TO_EXPLAIN = (
    "I haven't given an assessment yet. Tell me about the twitch and I'll explain my reasoning once I have."
)


class ActionAssess(Action):
    """Assess the findings, tell the person, and record `triage_level` and `assessment` (DESIGN.md section 4)."""

    def name(self) -> str:
        return "action_assess"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        reported_emergency = reports_emergency(tracker)
        findings = findings_from_tracker(tracker)
        assessment = assess(findings, reported_emergency=reported_emergency)
        recorded: list[EventType] = [
            # An emergency message's findings are not in the slots yet (the intake ignores that message).
            *slot_events_for_changes(findings_from_slots(tracker), findings),
            SlotSet("triage_level", assessment.level.value),
            SlotSet("assessment", assessment.to_json()),
        ]
        if not reported_emergency:
            for message in assessment_messages(assessment, tracker.get_slot("emergency_number")):
                dispatcher.utter_message(text=message)
            return recorded
        # The emergency response has already said what to do. If the emergency rests on weakness whose onset
        # is not known, the stroke screen follows (DESIGN.md section 5): the intake resumes to ask it.
        if STROKE_SCREEN_QUESTION in pending_questions(findings):
            return [*recorded, ActiveLoop(INTAKE_FORM)]
        return recorded


class ActionExplainWhy(Action):
    """Say which rules decided the level, each with its source."""

    def name(self) -> str:
        return "action_explain_why"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        if not tracker.get_slot("assessment"):
            dispatcher.utter_message(text=NOTHING_TO_EXPLAIN)
            return []
        # Assessing is deterministic, so the same findings give the same reasons as when it was given.
        assessment = assess(
            findings_from_tracker(tracker), reported_emergency=tracker.get_slot("triage_level") == "emergency"
        )
        for message in why_messages(assessment):
            dispatcher.utter_message(text=message)
        return []
