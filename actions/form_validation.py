"""A form-validation base class for planner-driven questionnaires.

Instead of one `validate_<slot>` method per question, every reply is read the same way: as an answer to the
question that was asked, plus whatever else the person volunteered. What to ask next, and in which words,
comes from bot.triage (intake planner and question wording), so the clinical order lives with the clinical
logic; this class only moves values between the tracker and the planner.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import replace
from enum import Enum
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.forms import REQUESTED_SLOT, FormValidationAction
from rasa_sdk.types import DomainDict

from actions.tracker_findings import (
    ASSESSMENT_SLOT,
    evidence_from_tracker,
    latest_reading,
    only_the_classifier_suspects_an_emergency,
    reports_emergency,
    slot_events,
)
from bot.dialogue.evidence import CORRECT_INTENT, ONSET_CODE, Evidence, MessageReading, Source
from bot.dialogue.restatement import EMERGENCY_RESPONSE, slots_before_latest_message
from bot.intents import REPORT_EMERGENCY, SUSPECTED_SIGN_ENTITY
from bot.nlu.plain_answers import (
    answer_after_questions_back,
    asks_to_erase,
    asks_to_start_again,
    opens_with_a_no,
    opens_with_a_plain_no,
    opens_with_a_plain_yes,
    says_farewell,
    tells_a_recent_time,
    tells_it_has_passed,
    tells_something_unread,
)
from bot.triage.engine import decide
from bot.triage.findings import (
    EMERGENCY_SCREEN_SIGNS,
    RED_FLAG_CODES,
    STROKE_SCREEN,
    TWITCHING_CODE,
    Findings,
    Status,
)
from bot.triage.intake import (
    ACCOMPANYING_QUESTION,
    DURATION_QUESTION,
    EMERGENCY_SCREEN_QUESTION,
    LOCATION_QUESTION,
    QUESTIONS_BY_NAME,
    SIDE_QUESTION,
    SIGN_CHECK_QUESTIONS,
    STROKE_SCREEN_QUESTION,
    AnswerKind,
    Question,
    apply_checklist_answer,
    apply_unspecified_yes,
    at_least_one_present,
    last_check_asked_again,
    pending_questions,
    record_duration,
    record_emergency_screen,
    record_locations,
    record_side,
)
from bot.triage.levels import Level
from bot.triage.question_wording import (
    ASK_AGAIN,
    ASK_WHICH_ONE,
    NEWS_NOT_UNDERSTOOD,
    RECORDED_AS_NOT_KNOWN,
    RECORDED_AS_ONE_OF_THEM,
    RECORDED_AS_POSSIBLE,
    UPDATED,
    prompt_for,
)

UNCLEAR_ANSWERS_SLOT = "unclear_answers"
# The intents of a reply that may say yes by pointing back at something told before: never a "no", a correction, a
# request or small talk ("forget what I told you", "none of those, like I said").
ANSWERS_THAT_MAY_POINT_BACK = frozenset({"inform", "affirm", "describe_symptoms"})
# Intents of a reply that tells something in its own words, as opposed to a yes, a no, a "not sure" or a refusal.
REPLIES_THAT_TELL_SOMETHING = frozenset({"inform", "describe_symptoms"})
TIMES_ASKED_SLOT = "times_asked"
# A question asked this many times and still open is not asked again, whatever kept it open (questions back, small
# talk, replies that settle nothing): it is recorded as a reply still unclear after asking twice is, never as a "no".
MOST_ASKS_OF_ONE_QUESTION = 3
TRIAGE_LEVEL_SLOT = "triage_level"
# Replies that are never answers: the form rejects them so that a rule handles them, then asks again.
ASK_QUESTION = "ask_question"
INTERRUPTIONS = frozenset({REPORT_EMERGENCY, ASK_QUESTION, "ask_why", "other_language", "request_summary"})
# Replies that are usually not answers, unless they carry one ("thanks, it's the left side"): DIET sometimes
# reads a short answer as small talk, and a rule answering small talk would then repeat the question forever.
# Starting over and erasing are here too: read as such, an answer ("I did start a new inhaler") would throw the
# whole intake away, while a real request to start over carries no answer to the question asked.
GOODBYE = "goodbye"
START_OVER = "start_over"
DELETE_MY_DATA = "delete_my_data"
SMALL_TALK = frozenset(
    {"greet", GOODBYE, "thank", "bot_challenge", "out_of_scope", START_OVER, DELETE_MY_DATA}
)
FALLBACK_INTENT = "nlu_fallback"
ANSWER_KIND_BY_INTENT = {
    "none_of_these": AnswerKind.NONE,
    "deny": AnswerKind.NONE,
    "affirm": AnswerKind.YES_UNSPECIFIED,
    "not_sure": AnswerKind.NOT_SURE,
    "decline_to_answer": AnswerKind.NOT_SURE,
}
# Lists of warning signs: a denial there that is not a "no" to the question covers only the signs it names
# (docs/clinical-design.md); elsewhere, and after a "no", naming one item ("no, not getting worse") answers the whole list.
WARNING_SIGN_QUESTIONS = frozenset({STROKE_SCREEN_QUESTION, ACCOMPANYING_QUESTION})
YES_OR_UNCLEAR = frozenset({AnswerKind.YES_UNSPECIFIED, AnswerKind.NOT_SURE})
# Asked about one red flag, or about stroke signs: a "yes" or a "not sure" is the answer at once, with no time
# lost on asking which (docs/clinical-design.md: an unclear answer to the stroke screen is the emergency).
ANSWERED_AT_ONCE_WHEN_UNCLEAR = frozenset({STROKE_SCREEN_QUESTION, *SIGN_CHECK_QUESTIONS})
# Asked about an arm, speech, sight or a headache, two replies that deny only the other stroke signs are a "no". Not
# so for the face and the onset, which people describe in their own words ("my mouth is down as I said", "it was fine
# at six, I noticed it at nine") next to their denials: words the NLU missed there are not a "no".
SIGNS_A_DENIAL_OF_OTHERS_LEAVES_OPEN = frozenset({"facial_weakness", "sudden_onset"})
SIGN_CHECK_QUESTIONS_A_DENIAL_OF_OTHERS_ANSWERS = frozenset(
    question
    for question in SIGN_CHECK_QUESTIONS
    if not set(question.covers) & SIGNS_A_DENIAL_OF_OTHERS_LEAVES_OPEN
)
# Questions about stroke signs that count a sign that has passed: each stroke sign asked on its own (worded "even if it
# has passed" in bot.triage.question_wording), the stroke screen and the last check (which ask whether there has been
# any), and the onset of a weakness, which came on suddenly if it came and went.
ASKED_EVEN_IF_PASSED = frozenset(
    {STROKE_SCREEN_QUESTION, EMERGENCY_SCREEN_QUESTION}
    | {
        question
        for question in SIGN_CHECK_QUESTIONS
        if set(question.covers) <= set(EMERGENCY_SCREEN_SIGNS) | {ONSET_CODE}
    }
)
# What the unclear-answers slot remembers of a first unclear reply that was a "yes" without saying which.
FIRST_REPLY_WAS_YES = "yes"
# ... and of a reply that denied only some signs of a list, so that the rest was asked again.
PARTLY_ANSWERED = "partly"
RECORDED_ANSWER_TEXTS = frozenset({RECORDED_AS_NOT_KNOWN, RECORDED_AS_ONE_OF_THEM, RECORDED_AS_POSSIBLE})
# The signs an emergency that only the intent classifier saw is checked for, one at a time (FAST, BE-FAST and
# the policy's sudden severe headache): a "yes" or an unclear answer to any of them is the emergency.
EMERGENCY_SCREEN = frozenset({"facial_weakness", *STROKE_SCREEN, "severe_headache"} - {"sudden_onset"})


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
        just_spoke = _is_reply(tracker)
        carried = _answer_carried_by_a_question(tracker, intent, QUESTIONS_BY_NAME.get(requested or ""))
        # A question of the person's before the answer is answered first (the form rejects, the rule runs), and the
        # answer read when the form resumes; a statement worded as a question is read at once.
        resumed_with_an_answer = not just_spoke and carried is CarriedAnswer.AFTER_ASKING_BACK
        replying = just_spoke or resumed_with_an_answer
        read_as_an_answer = resumed_with_an_answer or (
            just_spoke and carried is CarriedAnswer.WORDED_AS_A_QUESTION
        )
        before = evidence_from_tracker(tracker)
        evidence = before
        events: list[EventType] = []
        if intent == REPORT_EMERGENCY and not reports_emergency(tracker):
            # Not an emergency answer but an answer to the intake: a restatement (bot.dialogue.restatement), or an
            # emergency only the intent classifier saw, which the stroke screen checks sign by sign (docs/clinical-design.md).
            # The level that the emergency intent's slot mapping set from this message is taken back.
            intent = None
            level_before = slots_before_latest_message(tracker.events).get(TRIAGE_LEVEL_SLOT)
            events.append(SlotSet(TRIAGE_LEVEL_SLOT, level_before))
            if only_the_classifier_suspects_an_emergency(tracker):
                evidence = evidence.record(
                    _suspecting(evidence.findings, EMERGENCY_SCREEN), Source.DESCRIPTION
                )
        if (
            replying
            and not read_as_an_answer
            and _is_interruption(intent, requested, evidence.findings, tracker)
        ):
            # Nothing validated: the form rejects, and the rule for this intent runs before we ask again.
            return [SlotSet(REQUESTED_SLOT, requested)]
        if intent == FALLBACK_INTENT or read_as_an_answer:
            intent = _likeliest_answer_intent(tracker)

        clarification = None
        question = QUESTIONS_BY_NAME.get(requested or "") if replying else None
        if replying:
            reading = latest_reading(tracker)
            merged = evidence.add_message(reading, question.name if question else None)
            corrected = merged.findings != evidence.findings and merged.pieces[-1].source is Source.CORRECTION
            if corrected:
                dispatcher.utter_message(text=UPDATED)
            if question is None and _tells_news_nobody_could_read(tracker, intent, reading):
                merged = merged.record(last_check_asked_again(merged.findings), Source.DESCRIPTION)
                dispatcher.utter_message(text=NEWS_NOT_UNDERSTOOD)
            if question:
                merged, clarification, reply_events = _read_reply(
                    question, intent, evidence.findings, merged, reading, tracker, corrected
                )
                events += reply_events
                with_the_sign = _weakness_whose_onset_was_affirmed(question, merged.findings)
                if with_the_sign != merged.findings:
                    merged = merged.record(with_the_sign, Source.ANSWER, question.name)
            evidence = merged
        times_asked: dict[str, int] = dict(tracker.get_slot(TIMES_ASKED_SLOT) or {})
        said_yes_to = {
            name
            for name, reply in (tracker.get_slot(UNCLEAR_ANSWERS_SLOT) or {}).items()
            if reply == FIRST_REPLY_WAS_YES
        }
        evidence, recorded_unasked = _record_questions_asked_too_often(evidence, times_asked, said_yes_to)
        clarification = recorded_unasked or clarification
        events += slot_events(before, evidence)

        findings = evidence.findings
        pending = pending_questions(findings)
        next_question = pending[0].name if pending else None
        # "Sorry, I didn't catch that" only makes sense when the same question follows.
        if clarification and (clarification in RECORDED_ANSWER_TEXTS or next_question == requested):
            dispatcher.utter_message(text=clarification)
        if decide(findings)[0] is Level.EMERGENCY and decide(before.findings)[0] is not Level.EMERGENCY:
            # An answer made it an emergency: the person hears it now, as they would had they said it unasked,
            # and any question that could still narrow it down comes after (docs/triage-policy.md, 5a).
            dispatcher.utter_message(response=EMERGENCY_RESPONSE)
            events.append(SlotSet(TRIAGE_LEVEL_SLOT, Level.EMERGENCY.value))
        if next_question:
            prompt = prompt_for(next_question, findings)
            dispatcher.utter_message(text=prompt.text, buttons=prompt.buttons())
            times_asked[next_question] = times_asked.get(next_question, 0) + 1
            events.append(SlotSet(TIMES_ASKED_SLOT, times_asked))
        return [*events, SlotSet(REQUESTED_SLOT, next_question)]


def _record_questions_asked_too_often(
    evidence: Evidence, times_asked: dict[str, int], said_yes_to: set[str]
) -> tuple[Evidence, str | None]:
    """The evidence with every question that would be asked once too often recorded as still unclear, and what to
    tell the person about the last one (None when no question was). A question first answered with a "yes" that named
    nothing ("yes, one of them", then only "why do you need to know?") keeps that yes."""
    said = None
    for question in pending_questions(evidence.findings):
        if times_asked.get(question.name, 0) < MOST_ASKS_OF_ONE_QUESTION:
            break
        recorded, said = _still_unclear(
            question, evidence.findings, yes_was_said=question.name in said_yes_to
        )
        evidence = evidence.record(recorded, Source.ANSWER, question.name)
    return evidence, said


def _read_spans(tracker: Tracker) -> list[tuple[int, int]]:
    """Where the latest message was read. A suspected sign is a doubt about the words, not a reading of them: the
    learned reader's covers the whole message."""
    return [
        (int(entity["start"]), int(entity["end"]))
        for entity in tracker.latest_message.get("entities") or ()
        if "start" in entity and "end" in entity and entity.get("entity") != SUSPECTED_SIGN_ENTITY
    ]


def _tells_news_nobody_could_read(tracker: Tracker, intent: str | None, reading: MessageReading) -> bool:
    """After the assessment, a message that tells something ("Oh, forgot to say, last night I saw two moons side by
    side") of which no finding and no suspicion could be read: it may be a sign that was denied, in words nobody
    listed. A side, a place or a time read from it do not count as understood: they are never a sign."""
    if not tracker.get_slot(ASSESSMENT_SLOT) or intent not in REPLIES_THAT_TELL_SOMETHING | {CORRECT_INTENT}:
        return False
    if reading.statuses or reading.suspected or reading.signs_a_vague_feeling_may_be:
        return False
    return tells_something_unread(tracker.latest_message.get("text") or "", _read_spans(tracker))


def _suspecting(findings: Findings, signs: frozenset[str]) -> Findings:
    return replace(findings, suspected=findings.suspected | signs)


def _is_interruption(intent: str | None, requested: str | None, findings: Findings, tracker: Tracker) -> bool:
    if intent in INTERRUPTIONS:
        return True
    if intent in SMALL_TALK:
        question = QUESTIONS_BY_NAME.get(requested or "")
        reading = latest_reading(tracker)
        text = tracker.latest_message.get("text") or ""
        if question is not None and (
            (intent == GOODBYE and not says_farewell(text))
            or (intent == START_OVER and not asks_to_start_again(text))
            or (intent == DELETE_MY_DATA and not asks_to_erase(text))
        ):
            # "He hasn't said. I'd have to ask him", read as a goodbye, ended the intake with no assessment, and "I'd
            # have to ask him when he's back", read as starting over, asked whether to throw the intake away; "nah all
            # clear", read as erasing, asked whether to delete everything: only words of leaving, starting again or
            # erasing do that; anything else is read as a reply (and asked again if it answers nothing).
            return False
        return question is None or _record_answer(question, None, findings, findings, reading, text) is None
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
    known_before: Findings,
    evidence: Evidence,
    reading: MessageReading,
    tracker: Tracker,
    corrected: bool,
) -> tuple[Evidence, str | None, list[EventType]]:
    """The evidence after this reply (already merged into `evidence`), what to tell the person about it (if
    anything), and the events that record how many unclear replies the question has had."""
    findings = evidence.findings
    text = answer_after_questions_back(tracker.latest_message.get("text") or "")
    if _tells_a_sign_has_passed(question, reading, text):
        intent = "affirm"
    elif _is_a_plain_no(question, reading, text, findings):
        intent = "deny"
    elif _is_a_plain_yes(question, reading, text) or _tells_of_something_sudden(question, reading, text):
        intent = "affirm"
    named_and_denied = question in SIGN_CHECK_QUESTIONS and Status.ABSENT in (
        reading.statuses.get(code) for code in question.covers
    )
    if named_and_denied and ANSWER_KIND_BY_INTENT.get(intent or "") is AnswerKind.YES_UNSPECIFIED:
        # Asked about one sign, a "yes" beside a denial of it ("yes, the wrong words since lunch, not slurred" to
        # "slurred or muddled speech?", "yeah, my arm's fine") is unclear, not a "no": the sign is as it was before
        # the reply, asked again, and counted if still unclear.
        findings = _with_statuses_of(findings, known_before, question.covers)
        evidence = evidence.record(findings, Source.ANSWER, question.name)
        reading = replace(
            reading, statuses={c: v for c, v in reading.statuses.items() if c not in question.covers}
        )
    retries: dict[str, Any] = dict(tracker.get_slot(UNCLEAR_ANSWERS_SLOT) or {})
    asked_the_rest = retries.get(question.name) == PARTLY_ANSWERED
    if (
        question == EMERGENCY_SCREEN_QUESTION
        and not asked_the_rest
        and _denies_only_some_emergency_signs(reading, findings, intent, text)
    ):
        # "Not my arms, no": a denial covers only what it names; the signs still open are asked again, once.
        retries[question.name] = PARTLY_ANSWERED
        return evidence, None, [SlotSet(UNCLEAR_ANSWERS_SLOT, retries)]
    answered = _record_answer(
        question,
        intent,
        known_before,
        findings,
        reading,
        text,
        asked_the_rest,
        tells_something_else=tells_something_unread(text, _read_spans(tracker)),
    )
    if answered is not None:
        marker: list[EventType] = []
        if _only_denies_some(question, intent, reading) and not asked_the_rest:
            # The rest of the list is asked again, naming only what is still unknown.
            marker = [SlotSet(UNCLEAR_ANSWERS_SLOT, {**retries, question.name: PARTLY_ANSWERED})]
        return evidence.record(answered, Source.ANSWER, question.name), None, marker
    if corrected:
        # It corrected an earlier answer instead of answering this question: not an unclear answer, the
        # question is simply asked again if it is still needed.
        return evidence, None, []

    kind = ANSWER_KIND_BY_INTENT.get(intent or "")
    if question in SIGN_CHECK_QUESTIONS and kind is AnswerKind.YES_UNSPECIFIED and not named_and_denied:
        # Asked about one sign, a "yes" names it.
        named = apply_checklist_answer(findings, question, question.covers, AnswerKind.NAMED)
        return evidence.record(named, Source.ANSWER, question.name), None, []
    unclear_yes = kind in YES_OR_UNCLEAR
    if question in ANSWERED_AT_ONCE_WHEN_UNCLEAR and unclear_yes and not named_and_denied:
        return (
            evidence.record(apply_unspecified_yes(findings, question), Source.ANSWER, question.name),
            None,
            [],
        )

    first_unclear_reply = retries.get(question.name)
    if not first_unclear_reply or first_unclear_reply == PARTLY_ANSWERED:
        retries[question.name] = FIRST_REPLY_WAS_YES if kind is AnswerKind.YES_UNSPECIFIED else 1
        lists_several = question not in SIGN_CHECK_QUESTIONS
        clarification = ASK_WHICH_ONE if kind is AnswerKind.YES_UNSPECIFIED and lists_several else ASK_AGAIN
        return evidence, clarification, [SlotSet(UNCLEAR_ANSWERS_SLOT, retries)]

    if question in SIGN_CHECK_QUESTIONS_A_DENIAL_OF_OTHERS_ANSWERS and _denies_only_other_warning_signs(
        reading
    ):
        # Asked about one warning sign, twice, and answered twice with denials of other warning signs ("no, it came
        # on slowly, my speech and sight are fine"): a "no", not an unclear answer that would count as a "yes".
        denied = apply_checklist_answer(findings, question, [], AnswerKind.NONE)
        return evidence.record(denied, Source.ANSWER, question.name), None, []

    yes_was_said = first_unclear_reply == FIRST_REPLY_WAS_YES or kind is AnswerKind.YES_UNSPECIFIED
    # Told something about warning signs twice that reads as none of them, nor as a "no" or "not sure": most likely a
    # sign in words nobody listed, so one of them counts, as after a "yes" (docs/clinical-design.md).
    told_unread_words = question in WARNING_SIGN_QUESTIONS and intent in REPLIES_THAT_TELL_SOMETHING
    recorded, said = _still_unclear(question, findings, yes_was_said or told_unread_words)
    return evidence.record(recorded, Source.ANSWER, question.name), said, []


def _still_unclear(question: Question, findings: Findings, yes_was_said: bool) -> tuple[Findings, str]:
    """A question asked twice or more and still not answered, recorded towards care, and what to tell the person.

    After a "yes", or about red flags asked on their own, at least one of the signs is present; so is one of the
    signs a vague feeling was asked about (docs/clinical-design.md: never "not known, so self care"); otherwise it
    could not be found out."""
    if question == EMERGENCY_SCREEN_QUESTION:
        # Never answered, only asked back about ("is that a stroke list?"): as a "not sure" to it is, the emergency
        # (docs/clinical-design.md), and the check settled; recorded as "not known" it stayed open and was asked for ever.
        return record_emergency_screen(findings, yes_without_saying_which=True), RECORDED_AS_ONE_OF_THEM
    if question.is_checklist and (yes_was_said or question in ANSWERED_AT_ONCE_WHEN_UNCLEAR):
        said = RECORDED_AS_POSSIBLE if question in SIGN_CHECK_QUESTIONS else RECORDED_AS_ONE_OF_THEM
        return apply_unspecified_yes(findings, question), said
    still_open = (
        [code for code in question.covers if findings.is_unknown(code)] if question.is_checklist else []
    )
    if (
        question.is_checklist
        and 0 < len(still_open) < len(question.covers)
        and set(still_open) <= set(RED_FLAG_CODES)
    ):
        # Warning signs denied but for the ones asked again by name ("weakness or drooping of the face?", "numbness or
        # tingling?"), and these still unclear: a sign asked about on its own, where an unclear answer counts as the
        # sign, as it does for a sign check (docs/clinical-design.md: a partial denial is no "no" to the rest).
        said = RECORDED_AS_POSSIBLE if len(still_open) == 1 else RECORDED_AS_ONE_OF_THEM
        return at_least_one_present(findings, still_open), said
    not_known = _record_not_known(question, findings)
    if question.is_checklist and findings.suspected & frozenset(question.covers):
        return at_least_one_present(not_known, findings.suspected), RECORDED_AS_ONE_OF_THEM
    return not_known, RECORDED_AS_NOT_KNOWN


def _may_point_back(question: Question, intent: str | None) -> bool:
    """A reply pointing back at something told before says yes to a warning-sign list, and to a sign asked on its own
    ("only the head thing, like I said" to "a sudden severe headache?"), whatever the classifier made of it there, unless
    it is a "no" ("no, just the twitch I mentioned")."""
    if question in SIGN_CHECK_QUESTIONS:
        return ANSWER_KIND_BY_INTENT.get(intent or "") is not AnswerKind.NONE
    return question in WARNING_SIGN_QUESTIONS and intent in ANSWERS_THAT_MAY_POINT_BACK


def _denies_only_some_emergency_signs(
    reading: MessageReading, findings: Findings, intent: str | None, text: str
) -> bool:
    """A reply to the last check that denies some of its signs by name, names none present, leaves some open, and is
    neither a "no" of its own ("No. Arms fine, talking fine") nor a "yes" or "not sure" (which count at once)."""
    named = [reading.statuses[code] for code in EMERGENCY_SCREEN_SIGNS if code in reading.statuses]
    return (
        bool(named)
        and Status.PRESENT not in named
        and any(findings.is_unknown(code) for code in EMERGENCY_SCREEN_SIGNS)
        and not opens_with_a_plain_no(text)
        and ANSWER_KIND_BY_INTENT.get(intent or "") not in YES_OR_UNCLEAR
    )


def _tells_of_something_sudden(question: Question, reading: MessageReading, text: str) -> bool:
    """To the last check, which asks about sudden signs, a reply that tells of something that came on suddenly without
    naming it as any sign ("the seeing two came this evening, suddenly; arms ok, speaking ok") is a "yes" to the signs
    it leaves undenied: the sign is in words nobody listed, and its suddenness is what the check asks about. Not after
    a "no" of its own: "no nothing, the hangover headache was there when I woke up" tells of something else."""
    return (
        question == EMERGENCY_SCREEN_QUESTION
        and not opens_with_a_no(text)
        and reading.statuses.get("sudden_onset") is Status.PRESENT
        and not reading.names_as_present(EMERGENCY_SCREEN_SIGNS)
    )


def _tells_a_sign_has_passed(question: Question, reading: MessageReading, text: str) -> bool:
    """Asked whether a stroke sign was there "even if it has passed", a reply that tells of something passed ("No, it's
    back to normal now", "not any more", "it wore off after ten minutes") says it was there: a "yes", whatever "no" it
    opens with. Stroke signs that pass within minutes still need the emergency number (nidirect, "Transient ischaemic
    attack (TIA)", https://www.nidirect.gov.uk/conditions/transient-ischaemic-attack-tia), and a weakness that came and
    went within the hour came on suddenly. Not when the reply names the twitch (whose passing it may tell) or denies
    the sign asked about by name ("it came on over days, and it's gone now"). To a list, a reply that names the part
    that has passed ("talking ok, my eyes are fine again now") raises that sign, which is then asked on its own."""
    return (
        question in ASKED_EVEN_IF_PASSED
        and (question in SIGN_CHECK_QUESTIONS or not reading.signs_to_ask_about)
        and tells_it_has_passed(text)
        and TWITCHING_CODE not in reading.statuses
        and not any(reading.statuses.get(code) is Status.ABSENT for code in question.covers)
    )


def _with_statuses_of(findings: Findings, source: Findings, codes: tuple[str, ...]) -> Findings:
    """`findings` with the statuses of `codes` as `source` has them (unknown ones left out, as findings keep them)."""
    statuses = {code: status for code, status in findings.statuses.items() if code not in codes}
    statuses.update({code: source.status(code) for code in codes if not source.is_unknown(code)})
    return replace(findings, statuses=statuses)


def _is_a_plain_no(question: Question, reading: MessageReading, text: str, findings: Findings) -> bool:
    """ "No. My face isn't drooping, my arms are fine", "nope, doesn't stop me doing anything": a "no" to a yes-or-no
    question, however the classifier read the words after it, when those words tell of nothing present, point back at
    nothing and leave no sign to ask about (an unclear reply is never a "no": this one is not unclear).

    Asked about one sign, the "no" is to that sign whatever else the words after it tell ("no, just sore where they
    took blood", "nah, I had a hangover headache on Saturday, gone by lunch"); what they tell is kept as read. On the
    stroke screen, a "no" followed by denials of the other signs only ("no, arms fine, talking fine") says nothing of
    an onset still open, which people tell in words of their own (SIGNS_A_DENIAL_OF_OTHERS_LEAVES_OPEN)."""
    if not question.is_checklist or reading.points_back:
        return False
    if question in SIGN_CHECK_QUESTIONS:
        # What the words after the "no" set against it is another matter, read as it is ("no, but my hand has gone
        # funny" to "a sudden severe headache?": no headache, and a hand to ask about).
        (sign,) = question.covers
        return (
            opens_with_a_no(text)
            and reading.statuses.get(sign) is not Status.PRESENT
            and sign not in reading.signs_to_ask_about
        )
    if not opens_with_a_plain_no(text):
        return False
    if question == STROKE_SCREEN_QUESTION and _leaves_open_what_it_does_not_name(question, reading, findings):
        return False
    return Status.PRESENT not in reading.statuses.values() and not reading.signs_to_ask_about


def _leaves_open_what_it_does_not_name(
    question: Question, reading: MessageReading, findings: Findings
) -> bool:
    named = {code for code in question.covers if code in reading.statuses}
    unnamed_open = {code for code in question.covers if code not in named and findings.is_unknown(code)}
    return bool(named) and bool(unnamed_open & SIGNS_A_DENIAL_OF_OTHERS_LEAVES_OPEN)


def _is_a_plain_yes(question: Question, reading: MessageReading, text: str) -> bool:
    """ "yes, it's awful": a "yes" whatever the classifier made of the rest, as long as nothing else was read in it (a
    "yes, no pain though" names what it denies, and is read as it is). To the last check for emergency signs, a "yes,
    my speech is fine" or a "yes, and it's getting worse" is still a "yes" to the signs it does not deny; to one sign,
    a "yes" (unclear beside a denial of that sign)."""
    if not opens_with_a_plain_yes(text):
        return False
    if question == EMERGENCY_SCREEN_QUESTION:
        return True
    if question in SIGN_CHECK_QUESTIONS:
        return not reading.names_as_present(question.covers)
    return question.is_checklist and not reading.statuses


def _denies_only_other_warning_signs(reading: MessageReading) -> bool:
    """The reply denies warning signs and says nothing else of the person: no sign present, no vague feeling.
    Only red flags count: a stray denial of anything else ("I'd rather not go into it" read as "not spreading")
    is no sign that the person is saying no."""
    said = set(reading.statuses.values())
    only_red_flags = set(reading.statuses) <= set(RED_FLAG_CODES)
    return said == {Status.ABSENT} and only_red_flags and not reading.signs_to_ask_about


def _only_denies_some(question: Question, intent: str | None, reading: MessageReading) -> bool:
    """A reply to a warning-sign list that denies some of its signs by name, names none as present, and is not
    a "no" to the question: "not painful, the cheek just feels odd" (docs/clinical-design.md)."""
    named = [reading.statuses[code] for code in question.covers if code in reading.statuses]
    return (
        question in WARNING_SIGN_QUESTIONS
        and bool(named)
        and Status.PRESENT not in named
        and ANSWER_KIND_BY_INTENT.get(intent or "") is not AnswerKind.NONE
    )


def _record_answer(
    question: Question,
    intent: str | None,
    known_before: Findings,
    findings: Findings,
    reading: MessageReading,
    text: str,
    asked_the_rest: bool = False,
    tells_something_else: bool = False,
) -> Findings | None:
    """The findings with the answer recorded, or None when the reply does not answer the question.

    `findings` already hold what the reply said (merged by the evidence rules); `known_before` are the
    findings before it, to tell whether a denial taught anything new; `asked_the_rest` says the question was
    asked again about the signs an earlier reply left open.
    """
    if question == LOCATION_QUESTION:
        return record_locations(findings, ()) if reading.locations else None
    if question == SIDE_QUESTION:
        return record_side(findings, None) if reading.face_sides else None
    if question == DURATION_QUESTION:
        return record_duration(findings, None) if reading.duration_days is not None else None
    if question == EMERGENCY_SCREEN_QUESTION:
        return _record_last_check(intent, findings, reading, text, asked_the_rest, tells_something_else)

    keep_open = reading.signs_to_ask_about
    named = [code for code in question.covers if code in reading.statuses]
    present = [code for code in named if reading.statuses[code] is Status.PRESENT]
    if present:
        return apply_checklist_answer(findings, question, present, AnswerKind.NAMED, keep_open)
    undenied = [code for code in question.covers if findings.is_unknown(code)]
    if reading.points_back and undenied and _may_point_back(question, intent):
        # "no pain, no numbness, just the ear I mentioned", "the jolts I told you about": yes to something told in
        # words that name no sign, so one of the warning signs the reply leaves undenied (docs/clinical-design.md).
        # Not for the other lists: "only the pill, been on it for years" to the history is no new medicine.
        return at_least_one_present(findings, undenied)
    kind = ANSWER_KIND_BY_INTENT.get(intent or "")
    if _only_denies_some(question, intent, reading):
        still_open = {code for code in question.covers if known_before.is_unknown(code)}
        if (
            asked_the_rest
            and not keep_open & still_open
            and not any(known_before.is_unknown(code) for code in named)
            and still_open & SIGNS_A_DENIAL_OF_OTHERS_LEAVES_OPEN
        ):
            # Asked about the onset still open, and told again only that the other signs are fine ("no idea when it
            # started; his arms are fine, he talks normally"): nothing said of what was asked, so not a "no" to it.
            return None
        if asked_the_rest and tells_something_else:
            # Asked again about only the signs still open, and answered with denials of the others beside words that
            # read as nothing ("my face isn't weak; I get a sort of jolt when I brush my teeth"): most likely one of
            # them in words nobody listed, as after two replies of such words (docs/clinical-design.md).
            return at_least_one_present(
                findings, [code for code in question.covers if findings.is_unknown(code)]
            )
        if asked_the_rest:
            # Asked again about only the signs still open, and answered with denials again: a "no" to them, but
            # for the signs a vague feeling was already asked about by name and is still all the person can say:
            # they cannot be ruled out (docs/clinical-design.md), so at least one of them counts. Tried as "still
            # unknown" instead: the level settled at routine, the questions after it were no longer asked, and signs
            # told only in reply to them were missed (development set 6: 4 more conversations under-triaged).
            still_vague = keep_open & known_before.suspected
            denied = apply_checklist_answer(findings, question, [], AnswerKind.NONE, keep_open)
            return at_least_one_present(denied, still_vague)
        # "Not painful, the cheek just feels odd": a denial that is not a "no" to the question covers only what
        # it names (docs/clinical-design.md); the other signs are asked again, by name. Denials are never an unclear answer.
        return findings
    if kind is AnswerKind.NONE or named:
        # "no", or only denials ("no, not getting worse"): the rest of the list is denied too.
        return apply_checklist_answer(findings, question, [], AnswerKind.NONE, keep_open)
    if keep_open:
        # A feeling that matches no sign ("my face feels funny"): not a "no"; the signs it may be are asked. Asked
        # about them and still only a feeling: they cannot be ruled out, so at least one of the signs it may be counts
        # (docs/clinical-design.md), the mildest of them deciding the level, instead of the same question for ever.
        still_vague = keep_open & known_before.suspected
        asked_by_name = still_vague & frozenset(question.covers)
        if not asked_by_name:
            return findings
        # A "yes" to one sign asked by name ("slurred or muddled speech?") is that sign: "at least one" of it and the
        # other suspicions let a sign that is no red flag on its own (a sudden onset) stand for it. A feeling still
        # vague is at least one of the signs it may be, the mildest deciding.
        said_yes_to_it = question in SIGN_CHECK_QUESTIONS and kind is AnswerKind.YES_UNSPECIFIED
        return at_least_one_present(findings, asked_by_name if said_yes_to_it else still_vague)
    return None


def _weakness_whose_onset_was_affirmed(question: Question, findings: Findings) -> Findings:
    """ "Did the weakness or drooping come on suddenly?" "Yes, this morning": the yes says the weakness is there, even
    where it was only one of the signs a vague reply may have meant ("my mouth won't keep the tea in, as I said"); left
    as "at least one of" them, the mildest decided and the level fell to urgent."""
    if question.covers == (ONSET_CODE,) and findings.is_present(ONSET_CODE):
        return at_least_one_present(findings, ("facial_weakness",))
    return findings


def _record_last_check(
    intent: str | None,
    findings: Findings,
    reading: MessageReading,
    text: str,
    asked_the_rest: bool,
    tells_something_else: bool,
) -> Findings | None:
    """The last check for emergency signs answered, or None when the reply does not answer it.

    Signs the reply names or denies are already merged. As on the stroke screen, a "yes", a "not sure" or an "I'd
    rather not say" that names no sign is the emergency, and a "yes" may deny some signs by name. A reply that says
    neither yes, no nor not sure, and nothing of the signs ("I live on my own, I had a funny do after breakfast") is no
    answer: it is asked again, and counts as unclear if it stays so (docs/clinical-design.md: an unclear answer is
    never a "no").

    Asked again about the signs left open, a reply that denies the others once more beside words that read as nothing
    and a recent time ("since six o'clock everything on the telly is doubled; arms fine", "last night it came out as
    gobbledygook for a few minutes") tells of one of the open signs in words nobody listed: the check asks about signs
    that came on suddenly. Not when it opens with a "no" of its own ("No. Only the trolley pulled left, it had a wonky
    wheel; arms fine"), which answers the signs asked. Without a recent time, the unread words were most often about the
    twitch or an old complaint ("pins and needles since Tuesday, I'd put it down to the cold"), and counting them sent
    people to the emergency number needlessly."""
    kind = ANSWER_KIND_BY_INTENT.get(intent or "")
    says_no = kind is AnswerKind.NONE or opens_with_a_no(text)
    said_of_the_signs = any(code in reading.statuses for code in EMERGENCY_SCREEN_SIGNS)
    if kind is None and not says_no and not said_of_the_signs:
        return None
    denied_here = [code for code, status in reading.statuses.items() if status is Status.ABSENT]
    told_of_an_open_sign = (
        asked_the_rest and tells_something_else and not says_no and tells_a_recent_time(text)
    )
    # "Only the newspaper business this morning, I told you": pointing back at something told before is a yes to the
    # signs left undenied, as on the list of warning signs.
    pointed_back = reading.points_back and not says_no
    yes_to_unnamed = (
        kind in YES_OR_UNCLEAR or pointed_back or told_of_an_open_sign
    ) and not reading.names_as_present(EMERGENCY_SCREEN_SIGNS)
    return record_emergency_screen(findings, yes_to_unnamed, denied_here)


def _record_not_known(question: Question, findings: Findings) -> Findings:
    if question.is_checklist:
        return apply_checklist_answer(findings, question, [], AnswerKind.NOT_SURE)
    if question == LOCATION_QUESTION:
        return record_locations(findings, [])
    if question == SIDE_QUESTION:
        return record_side(findings, None)
    return record_duration(findings, None)


class CarriedAnswer(Enum):
    """How a message the classifier read as a question of the person's also answers ours."""

    # "Does it need to? No, it doesn't get in the way": an answer after the questions it opens with.
    AFTER_ASKING_BACK = "after asking back"
    # "Is the same, not more, only the eye lid": no question mark, worded as people writing English as a second
    # language often open a statement.
    WORDED_AS_A_QUESTION = "worded as a question"


def _answer_carried_by_a_question(
    tracker: Tracker, intent: str | None, question: Question | None
) -> CarriedAnswer | None:
    """Read as a question only, such a message had its question answered and ours asked again, the same reply given
    again, until it counted as unclear. Only an answer that says yes, no or something of what was asked counts: "Is
    that a stroke list? what do you mean" answers nothing."""
    if intent != ASK_QUESTION or question is None:
        return None
    text = tracker.latest_message.get("text") or ""
    answer = answer_after_questions_back(text)
    if answer != text:
        carried = CarriedAnswer.AFTER_ASKING_BACK
    elif "?" not in text:
        carried = CarriedAnswer.WORDED_AS_A_QUESTION
    else:
        return None
    return carried if _answers(question, answer, latest_reading(tracker)) else None


def _answers(question: Question, answer: str, reading: MessageReading) -> bool:
    """Says yes, no or something of what the question asks."""
    return (
        opens_with_a_no(answer)
        or opens_with_a_plain_yes(answer)
        or any(code in reading.statuses for code in question.covers)
    )


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
