"""A form-validation base class for planner-driven questionnaires.

Instead of one `validate_<slot>` method per question, every reply is read the same way: as an answer to the
question that was asked, plus whatever else the person volunteered. What to ask next, and in which words,
comes from bot.triage (intake planner and question wording), so the clinical order lives with the clinical
logic; this class only moves values between the tracker and the planner.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.forms import REQUESTED_SLOT, FormValidationAction
from rasa_sdk.types import DomainDict

from actions.tracker_findings import (
    DESCRIPTIVE_SLOTS,
    DURATION_SLOT,
    findings_from_tracker,
    parse_duration,
    reports_emergency,
    slot_events_for_changes,
)
from bot.dialogue.restatement import EMERGENCY_INTENT, finding_statuses, slots_before_latest_message
from bot.triage.findings import FINDING_CODES, LOCATIONS, Findings
from bot.triage.intake import (
    DURATION_QUESTION,
    LOCATION_QUESTION,
    QUESTIONS_BY_NAME,
    SIDE_QUESTION,
    STROKE_SCREEN_QUESTION,
    AnswerKind,
    Question,
    apply_checklist_answer,
    pending_questions,
    record_duration,
    record_locations,
    record_side,
)
from bot.triage.question_wording import (
    ASK_AGAIN,
    ASK_WHICH_ONE,
    RECORDED_AS_NOT_KNOWN,
    UPDATED,
    prompt_for,
)

UNCLEAR_ANSWERS_SLOT = "unclear_answers"
TRIAGE_LEVEL_SLOT = "triage_level"
# Replies that are never answers: the form rejects them so that a rule handles them, then asks again.
INTERRUPTIONS = frozenset({EMERGENCY_INTENT, "ask_question", "ask_why", "other_language"})
# Replies that are usually not answers, unless they carry one ("thanks, it's the left side"): DIET sometimes
# reads a short answer as small talk, and a rule answering small talk would then repeat the question forever.
# Starting over and erasing are here too: read as such, an answer ("I did start a new inhaler") would throw the
# whole intake away, while a real request to start over carries no answer to the question asked.
SMALL_TALK = frozenset(
    {"greet", "goodbye", "thank", "bot_challenge", "out_of_scope", "start_over", "delete_my_data"}
)
FALLBACK_INTENT = "nlu_fallback"
ANSWER_KIND_BY_INTENT = {
    "none_of_these": AnswerKind.NONE,
    "deny": AnswerKind.NONE,
    "affirm": AnswerKind.YES_UNSPECIFIED,
    "not_sure": AnswerKind.NOT_SURE,
    "decline_to_answer": AnswerKind.NOT_SURE,
}
SLOT_FOR_ENTITY = {**{code: code for code in FINDING_CODES}, "location": "locations"} | {
    slot: slot for slot in DESCRIPTIVE_SLOTS
}


class QuestionnaireValidationAction(FormValidationAction, ABC):
    """Reads each reply as an answer to the requested question, asks once more when it is unclear, then
    records "not known" (an unknown after asking is not self care: bot.triage.rules)."""

    # Abstract, so that the action server does not register this base class as an action of its own
    # (rasa_sdk registers every non-abstract Action subclass, and this one has no name).
    @abstractmethod
    def name(self) -> str: ...

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        intent = tracker.latest_message.get("intent", {}).get("name")
        requested = tracker.get_slot(REQUESTED_SLOT)
        replying = _is_reply(tracker)
        before = findings_from_tracker(tracker)
        events: list[EventType] = []
        if intent == EMERGENCY_INTENT and not reports_emergency(tracker):
            # Not an emergency but an answer (bot.dialogue.restatement): the level that the emergency intent's
            # slot mapping set from this message is taken back.
            intent = None
            level_before = slots_before_latest_message(tracker.events).get(TRIAGE_LEVEL_SLOT)
            events.append(SlotSet(TRIAGE_LEVEL_SLOT, level_before))
        if replying and _is_interruption(intent, requested, before, tracker):
            # Nothing validated: the form rejects, and the rule for this intent runs before we ask again.
            return [SlotSet(REQUESTED_SLOT, requested)]
        if intent == FALLBACK_INTENT:
            intent = _likeliest_answer_intent(tracker)

        findings = before
        events += _volunteered_slot_events(tracker)
        corrected = intent == "correct" and bool(events)
        if corrected:
            dispatcher.utter_message(text=UPDATED)
        clarification = None
        if replying and requested in QUESTIONS_BY_NAME:
            findings, clarification, reply_events = _read_reply(
                QUESTIONS_BY_NAME[requested], intent, findings, tracker, corrected
            )
            events += reply_events
        events += slot_events_for_changes(before, findings)

        pending = pending_questions(findings)
        next_question = pending[0].name if pending else None
        # "Sorry, I didn't catch that" only makes sense when the same question follows.
        if clarification and (clarification == RECORDED_AS_NOT_KNOWN or next_question == requested):
            dispatcher.utter_message(text=clarification)
        if next_question:
            prompt = prompt_for(next_question, findings)
            dispatcher.utter_message(text=prompt.text, buttons=prompt.buttons())
        return [*events, SlotSet(REQUESTED_SLOT, next_question)]


def _is_interruption(intent: str | None, requested: str | None, findings: Findings, tracker: Tracker) -> bool:
    if intent in INTERRUPTIONS:
        return True
    if intent in SMALL_TALK:
        question = QUESTIONS_BY_NAME.get(requested or "")
        return question is None or _record_answer(question, None, findings, tracker) is None
    return False


def _likeliest_answer_intent(tracker: Tracker) -> str | None:
    """For a reply the NLU was unsure of: the best-ranked intent if it is a kind of answer, else None (unclear).

    In reply to a question, an uncertain "no its just annoying" is still most likely a "no"; and an unclear
    reply is asked once more and then recorded as not known, instead of "please rephrase" for ever.
    """
    ranking = tracker.latest_message.get("intent_ranking", [])
    names = [entry.get("name") for entry in ranking if entry.get("name") != FALLBACK_INTENT]
    best = names[0] if names else None
    return None if best in INTERRUPTIONS | SMALL_TALK else best


def _read_reply(
    question: Question,
    intent: str | None,
    findings: Findings,
    tracker: Tracker,
    corrected: bool,
) -> tuple[Findings, str | None, list[EventType]]:
    """The findings after this reply, what to tell the person about it (if anything), and the events that
    record how many unclear replies the question has had."""
    answered = _record_answer(question, intent, findings, tracker)
    if answered is not None:
        return answered, None, []
    if corrected:
        # It corrected an earlier answer instead of answering this question: not an unclear answer, the
        # question is simply asked again if it is still needed.
        return findings, None, []

    kind = ANSWER_KIND_BY_INTENT.get(intent or "")
    if question == STROKE_SCREEN_QUESTION and kind in (AnswerKind.YES_UNSPECIFIED, AnswerKind.NOT_SURE):
        # Any "yes" or "not sure" here leaves a stroke possible: that is the answer, with no time lost on
        # asking which sign it was.
        return apply_checklist_answer(findings, question, [], kind), None, []

    retries: dict[str, int] = dict(tracker.get_slot(UNCLEAR_ANSWERS_SLOT) or {})
    if retries.get(question.name, 0) == 0:
        retries[question.name] = 1
        clarification = ASK_WHICH_ONE if kind is AnswerKind.YES_UNSPECIFIED else ASK_AGAIN
        return findings, clarification, [SlotSet(UNCLEAR_ANSWERS_SLOT, retries)]

    # Asked twice and still unclear: record that it was asked and could not be found out.
    return _record_not_known(question, findings), RECORDED_AS_NOT_KNOWN, []


def _record_answer(
    question: Question, intent: str | None, findings: Findings, tracker: Tracker
) -> Findings | None:
    """The findings with the answer recorded, or None when the reply does not answer the question."""
    if question == LOCATION_QUESTION:
        locations = [value for value in _entity_values(tracker, "location") if value in LOCATIONS]
        return record_locations(findings, locations) if locations else None
    if question == SIDE_QUESTION:
        sides = _entity_values(tracker, "face_side")
        return record_side(findings, sides[-1]) if sides else None
    if question == DURATION_QUESTION:
        days = [parse_duration(value) for value in _entity_values(tracker, DURATION_SLOT)]
        known = [day for day in days if day is not None]
        return record_duration(findings, known[-1]) if known else None

    mentioned = finding_statuses(tracker.latest_message.get("entities", []))
    named = [code for code in question.covers if code in mentioned]
    present = [code for code in named if mentioned[code] == "present"]
    if present:
        return apply_checklist_answer(findings, question, present, AnswerKind.NAMED)
    kind = ANSWER_KIND_BY_INTENT.get(intent or "")
    if kind is AnswerKind.NONE or (named and kind is None):
        # "no", or only denials ("no numbness, no pain"): the rest of the checklist is denied too.
        return apply_checklist_answer(findings, question, [], AnswerKind.NONE)
    return None


def _record_not_known(question: Question, findings: Findings) -> Findings:
    if question.is_checklist:
        return apply_checklist_answer(findings, question, [], AnswerKind.NOT_SURE)
    if question == LOCATION_QUESTION:
        return record_locations(findings, [])
    if question == SIDE_QUESTION:
        return record_side(findings, None)
    return record_duration(findings, None)


def _entity_values(tracker: Tracker, name: str) -> list[Any]:
    return [e.get("value") for e in tracker.latest_message.get("entities", []) if e.get("entity") == name]


def _is_reply(tracker: Tracker) -> bool:
    """True when the form runs straight after the person spoke, False when it resumes after an interruption.

    Rasa hands the validation a tracker ending in the form's own run; what came before that tells: the
    person's message (a reply) or another action (the rule that handled an interruption).
    """
    form_run_seen = False
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            return True
        if event.get("event") == "action":
            if form_run_seen:
                return False
            form_run_seen = True
    return True


def _volunteered_slot_events(tracker: Tracker) -> list[EventType]:
    """Re-state the finding slots this message filled, so that a volunteered fact or a correction counts as a
    valid reply (the form would otherwise reject a message that does not answer the requested question)."""
    mentioned = sorted(
        {e.get("entity") for e in tracker.latest_message.get("entities", [])} & SLOT_FOR_ENTITY.keys()
    )
    return [SlotSet(SLOT_FOR_ENTITY[name], tracker.get_slot(SLOT_FOR_ENTITY[name])) for name in mentioned]
