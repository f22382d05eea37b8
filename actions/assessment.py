"""Giving the assessment, and explaining it ("why?")."""

from __future__ import annotations

from dataclasses import replace

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActiveLoop, EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.doctor_summary import SUMMARY_BUTTON, SUMMARY_OFFER
from actions.tracker_findings import (
    ASSESSMENT_SLOT,
    declares_emergency,
    evidence_from_tracker,
    latest_reading,
    reports_emergency,
    slot_events,
)
from bot.dialogue.evidence import Source
from bot.doctor_summary.summary import POLICY_VERSION
from bot.triage.engine import assess
from bot.triage.intake import STROKE_SCREEN_QUESTION, pending_questions
from bot.triage.summary import assessment_messages, what_changed, why_messages

INTAKE_FORM = "intake_form"
NOTHING_TO_EXPLAIN = (
    "I haven't given an assessment yet. Tell me about the twitch and I'll explain my reasoning once I have."
)


class ActionAssess(Action):
    """Assess the findings, tell the person, and record `triage_level` and `assessment` (README.md)."""

    def name(self) -> str:
        return "action_assess"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        reported_emergency = reports_emergency(tracker)
        # An emergency message is not read by the intake (it rejects it so that the emergency answer comes
        # first): its findings are merged here. A message the intake did read is not merged twice.
        before = evidence_from_tracker(tracker)
        evidence = before.add_message(latest_reading(tracker))
        if declares_emergency(tracker):
            # Said in so many words ("it's a stroke", "call an ambulance"): kept for the rest of the conversation,
            # which no answer can take back (docs/clinical-design.md). Signs read as an emergency are kept as the signs are.
            evidence = evidence.record(
                replace(evidence.findings, reported_emergency=True), Source.DESCRIPTION
            )
        findings = evidence.findings
        assessment = assess(findings, reported_emergency=reported_emergency)
        previous = tracker.get_slot(ASSESSMENT_SLOT)
        recorded: list[EventType] = [
            *slot_events(before, evidence),
            SlotSet("triage_level", assessment.level.value),
            # With the version of the triage policy that produced it, for the summary for the doctor.
            SlotSet(ASSESSMENT_SLOT, {**assessment.to_json(), "policy_version": POLICY_VERSION}),
        ]
        if not reported_emergency:
            change = what_changed(previous, assessment)
            if change:
                dispatcher.utter_message(text=change)
            for message in assessment_messages(assessment, tracker.get_slot("emergency_number")):
                dispatcher.utter_message(text=message)
            dispatcher.utter_message(text=SUMMARY_OFFER, buttons=[SUMMARY_BUTTON])
            return recorded
        # The emergency response has already said what to do. If the emergency rests on weakness whose onset
        # is not known, the stroke screen follows (docs/triage-policy.md): the intake resumes to ask it.
        if STROKE_SCREEN_QUESTION in pending_questions(findings):
            return [*recorded, ActiveLoop(INTAKE_FORM)]
        dispatcher.utter_message(text=SUMMARY_OFFER, buttons=[SUMMARY_BUTTON])
        return recorded


class ActionExplainWhy(Action):
    """Say which rules decided the level, each with its source."""

    def name(self) -> str:
        return "action_explain_why"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        if not tracker.get_slot(ASSESSMENT_SLOT):
            dispatcher.utter_message(text=NOTHING_TO_EXPLAIN)
            return []
        # Assessing is deterministic, so the same findings give the same reasons as when it was given.
        assessment = assess(evidence_from_tracker(tracker).findings)
        for message in why_messages(assessment):
            dispatcher.utter_message(text=message)
        return []
