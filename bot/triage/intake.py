"""The adaptive question planner: which follow-up questions are still worth asking, in clinical order.

A question is worth asking when its answer could change the urgency level (simulated with the engine), with
three exceptions set by the policy: the accompanying-signs checklist is always asked until every sign is
known (self care needs each one ruled out), triggers are asked only to tailor self-care advice, and the side
only when it could change the possible explanations. The Rasa form asks `pending_questions(...)[0]` and
records the answer with the `apply_*` / `record_*` helpers below.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from enum import Enum

from bot.triage.engine import decide
from bot.triage.explanations import rank_explanations
from bot.triage.findings import (
    ACCOMPANYING_SIGNS,
    DURATION,
    EMERGENCY_SCREEN_SIGNS,
    EMERGENCY_SCREENED,
    FACE_SIDE_ASKED,
    FACE_SIDES,
    FINDING_CODES,
    HISTORY_CODES,
    LOCATIONS,
    LOCATIONS_ASKED,
    ONSET_CODE,
    RED_FLAG_CODES,
    STROKE_SCREEN,
    TRIGGER_CODES,
    Findings,
    Status,
)
from bot.triage.levels import Level
from bot.triage.rules import SELF_CARE_MAX_DAYS


@dataclass(frozen=True)
class Question:
    """A follow-up question; `name` is the Rasa form slot, `covers` the codes or markers it settles."""

    name: str
    covers: tuple[str, ...]

    @property
    def is_checklist(self) -> bool:
        """A yes/no question about one or more finding codes (as opposed to side, place or duration)."""
        return all(code in FINDING_CODES for code in self.covers)


# One red flag at a time, for a sign the conversation suspects but nobody said (Findings.suspected): asked
# before anything else, because a "yes" or an unclear answer can make it an emergency (docs/clinical-design.md).
SIGN_CHECK_QUESTIONS: tuple[Question, ...] = tuple(
    Question(f"q_check_{code}", (code,)) for code in RED_FLAG_CODES
)
STROKE_SCREEN_QUESTION = Question("q_stroke_screen", STROKE_SCREEN)
# Signs any one of which can make it an emergency (bot.triage.rules.EMERGENCY_RULES): a suspicion of one is
# checked at once, never left to a list later in the intake.
SIGNS_CHECKED_AT_ONCE = (
    "facial_weakness",
    "limb_weakness",
    "speech_difficulty",
    "vision_loss",
    "severe_headache",
)
LOCATION_QUESTION = Question("q_location", (LOCATIONS_ASKED,))
SIDE_QUESTION = Question("q_side", (FACE_SIDE_ASKED,))
DURATION_QUESTION = Question("q_duration", (DURATION,))
PROGRESSION_QUESTION = Question("q_progression", ("worsening", "spread", "eye_closure"))
ACCOMPANYING_QUESTION = Question("q_accompanying", ACCOMPANYING_SIGNS)
IMPACT_QUESTION = Question("q_impact", ("function_impact", "linked_movements"))
TRIGGERS_QUESTION = Question("q_triggers", TRIGGER_CODES)
HISTORY_QUESTION = Question("q_history", HISTORY_CODES)
# Asked last, of everyone the stroke screen was not asked of: the emergency signs, which people tell in passing, in
# words nobody listed, or only when asked (docs/clinical-design.md). It only adds: a sign the reply names counts, a
# "yes" without saying which is the emergency, and anything else leaves the signs as they were, so that a reply the
# assistant cannot read never turns into an emergency or blocks self care.
EMERGENCY_SCREEN_QUESTION = Question("q_emergency_screen", (EMERGENCY_SCREENED,))

QUESTIONS: tuple[Question, ...] = (
    *SIGN_CHECK_QUESTIONS,
    STROKE_SCREEN_QUESTION,
    LOCATION_QUESTION,
    SIDE_QUESTION,
    DURATION_QUESTION,
    PROGRESSION_QUESTION,
    ACCOMPANYING_QUESTION,
    IMPACT_QUESTION,
    TRIGGERS_QUESTION,
    HISTORY_QUESTION,
    EMERGENCY_SCREEN_QUESTION,
)
QUESTIONS_BY_NAME: dict[str, Question] = {question.name: question for question in QUESTIONS}


class AnswerKind(str, Enum):
    """How a person answered a checklist question."""

    NONE = "none"  # "no", "none of these"
    NAMED = "named"  # named one or more of the signs
    YES_UNSPECIFIED = "yes_unspecified"  # "yes" without saying which: the form asks which
    NOT_SURE = "not_sure"  # "not sure", "I'd rather not say"


def record_emergency_screen(
    findings: Findings, yes_without_saying_which: bool, denied_in_reply: Iterable[str] = ()
) -> Findings:
    """Record a reply to the last check for emergency signs: the signs it named or denied are already in the findings;
    a "yes" that names none means at least one of those it did not deny, even one denied earlier in the
    conversation (the check is asked last so that a change since is told: the later "yes" wins)."""
    screened = _mark_asked(findings, EMERGENCY_SCREEN_QUESTION)
    if not yes_without_saying_which:
        return screened
    open_again = [code for code in EMERGENCY_SCREEN_SIGNS if code not in frozenset(denied_in_reply)]
    reopened = {code: Status.UNKNOWN for code in open_again if screened.status(code) is Status.ABSENT}
    return at_least_one_present(_with_statuses(screened, reopened), open_again)


def last_check_asked_again(findings: Findings) -> Findings:
    """The last check for emergency signs to be asked once more: after the assessment, a message told something in
    words nobody could read ("last night I saw two moons side by side"), which may be one of those signs, even one
    denied before: those signs are open again. Its reply is read as the first one was: a "yes" naming none is the
    emergency. (A weakness of the face, asked in the accompanying signs, is left as it was: the check is about what
    came on suddenly.)"""
    reopened = frozenset(EMERGENCY_SCREEN_SIGNS) - {"facial_weakness"}
    statuses = {code: Status.UNKNOWN for code in reopened if findings.is_absent(code)}
    return replace(
        _with_statuses(findings, statuses),
        asked=findings.asked - reopened - frozenset(EMERGENCY_SCREEN_QUESTION.covers),
    )


def _is_known(findings: Findings, covered: str) -> bool:
    if covered == EMERGENCY_SCREENED:
        return False  # settled only by being asked
    if covered == LOCATIONS_ASKED:
        return bool(findings.locations)
    if covered == FACE_SIDE_ASKED:
        return findings.face_side is not None
    if covered == DURATION:
        return findings.duration_days is not None
    return not findings.is_unknown(covered)


def is_settled(findings: Findings, question: Question) -> bool:
    """Everything the question covers is known, or was asked already (asking again would not help)."""
    return all(_is_known(findings, covered) or covered in findings.asked for covered in question.covers)


def _mark_asked(findings: Findings, question: Question) -> Findings:
    return replace(findings, asked=findings.asked | frozenset(question.covers))


def _with_statuses(findings: Findings, statuses: dict[str, Status]) -> Findings:
    return replace(findings, statuses={**findings.statuses, **statuses})


def apply_checklist_answer(
    findings: Findings,
    question: Question,
    named_codes: Iterable[str],
    answer_kind: AnswerKind,
    keep_open: Iterable[str] = (),
) -> Findings:
    """Record an answer to a checklist question; every answer marks the question's codes as asked.

    A "no" fills in only the codes still unknown, so it never overrides a sign the person described
    earlier; a sign they name now is present whatever was recorded before. `keep_open` are signs the same
    reply gave a reason to ask about (a face that "feels odd"): neither denied nor marked asked.
    """
    named = frozenset(named_codes)
    if not question.is_checklist or not named <= frozenset(question.covers):
        raise ValueError(f"{sorted(named)} are not codes of {question.name}")
    onset_open = _onset_a_bare_no_leaves_open(findings, question, answer_kind)
    held = (frozenset(keep_open) | onset_open) - named
    unknown = [code for code in question.covers if findings.is_unknown(code) and code not in held]
    if answer_kind is AnswerKind.NONE:
        updates = {code: Status.ABSENT for code in unknown}
    elif answer_kind is AnswerKind.NAMED:
        updates = {code: Status.PRESENT if code in named else Status.ABSENT for code in unknown}
        updates.update({code: Status.PRESENT for code in named})
    else:
        updates = {}
    answered = _with_statuses(findings, updates)
    return replace(
        answered,
        asked=answered.asked | (frozenset(question.covers) - held),
        suspected=answered.suspected | onset_open,
    )


def _onset_a_bare_no_leaves_open(
    findings: Findings, question: Question, answer_kind: AnswerKind
) -> frozenset[str]:
    """ "About the weakness: did it come on suddenly? And any weak arm, slurred speech, loss of sight?" "No, none of
    those": the "no" answers the list of signs, the last thing asked; whether the weakness came on suddenly, which
    decides between the emergency and a doctor today, is asked on its own rather than read from it (an unclear answer
    is never a "no"). Seen after an emergency answer, where such a "no" had lowered it to "see a doctor today"."""
    if (
        question is STROKE_SCREEN_QUESTION
        and answer_kind is AnswerKind.NONE
        and findings.is_unknown(ONSET_CODE)
        and _weakness_told_or_suspected(findings)
    ):
        return frozenset({ONSET_CODE})
    return frozenset()


def apply_unspecified_yes(findings: Findings, question: Question) -> Findings:
    """A "yes" to a checklist without saying which (or, for a red flag asked on its own, an unclear answer):
    at least one of its still-unknown signs is present (docs/clinical-design.md), which the rules read as the mildest level
    any of them would give. A named sign later settles it."""
    return _mark_asked(at_least_one_present(findings, question.covers), question)


def at_least_one_present(findings: Findings, signs: Iterable[str]) -> Findings:
    """At least one of these signs (those still unknown) is present, though nobody said which; each asked."""
    unknown = frozenset(code for code in signs if findings.is_unknown(code))
    if not unknown:
        return findings
    return replace(
        findings, at_least_one_of=findings.at_least_one_of | {unknown}, asked=findings.asked | unknown
    )


def record_locations(findings: Findings, locations: Iterable[str]) -> Findings:
    """Record the answer to q_location (an empty answer: asked, still unknown)."""
    all_locations = findings.locations | frozenset(locations)
    return _mark_asked(replace(findings, locations=all_locations), LOCATION_QUESTION)


def record_side(findings: Findings, side: str | None) -> Findings:
    """Record the answer to q_side (None: asked, still unknown)."""
    return _mark_asked(replace(findings, face_side=side or findings.face_side), SIDE_QUESTION)


def record_duration(findings: Findings, duration_days: float | None) -> Findings:
    """Record the answer to q_duration (None: asked, still unknown)."""
    new_duration = findings.duration_days if duration_days is None else duration_days
    return _mark_asked(replace(findings, duration_days=new_duration), DURATION_QUESTION)


def _possible_answers(findings: Findings, question: Question) -> tuple[Findings, ...]:
    """One representative of each kind of answer; "not sure" (asked, nothing learnt) is always one of them."""
    not_sure: Findings
    if question is LOCATION_QUESTION:
        not_sure = record_locations(findings, ())
        return (not_sure, *(record_locations(findings, (location,)) for location in LOCATIONS))
    if question is SIDE_QUESTION:
        return (record_side(findings, None), *(record_side(findings, side) for side in FACE_SIDES))
    if question is DURATION_QUESTION:
        within, beyond = SELF_CARE_MAX_DAYS, SELF_CARE_MAX_DAYS + 1
        return tuple(record_duration(findings, days) for days in (None, within, beyond))
    unknown = [code for code in question.covers if findings.is_unknown(code)]
    # Each sign on its own is enough: the rules only ever get more urgent as more signs are present.
    return (
        apply_checklist_answer(findings, question, (), AnswerKind.NOT_SURE),
        apply_checklist_answer(findings, question, (), AnswerKind.NONE),
        *(apply_checklist_answer(findings, question, (code,), AnswerKind.NAMED) for code in unknown),
    )


def _best_case(findings: Findings, question: Question) -> Findings:
    """The question answered as reassuringly as possible: no signs, around the eye, short."""
    if question is LOCATION_QUESTION:
        return record_locations(findings, ("eyelid",))
    if question is SIDE_QUESTION:
        return findings
    if question is DURATION_QUESTION:
        return record_duration(findings, 1.0)
    if question is EMERGENCY_SCREEN_QUESTION:
        return record_emergency_screen(findings, yes_without_saying_which=False)
    return apply_checklist_answer(findings, question, (), AnswerKind.NONE)


def _others_answered_best_case(findings: Findings, question: Question | None) -> Findings:
    """Every other unsettled question answered reassuringly.

    Judging a question against this completion asks: could its answer change the level once the rest is
    known? Judged against the findings as they are, a duration would look pointless while the checklist is
    unanswered, because self care is out of reach until both are known.
    """
    for other in QUESTIONS:
        if other is not question and not is_settled(findings, other):
            findings = _best_case(findings, other)
    return findings


def _level(findings: Findings) -> Level:
    return decide(findings)[0]


def could_change_level(findings: Findings, question: Question) -> bool:
    levels = {
        _level(_others_answered_best_case(answered, question))
        for answered in _possible_answers(findings, question)
    }
    return len(levels) > 1


def could_change_explanations(findings: Findings, question: Question) -> bool:
    rankings = {
        tuple(explanation.condition for explanation in rank_explanations(answered))
        for answered in _possible_answers(findings, question)
    }
    return len(rankings) > 1


def likely_level(findings: Findings) -> Level:
    """The level if every open question were answered reassuringly: the best the person can hope for."""
    return _level(_others_answered_best_case(findings, None))


def _suspicion_asked_on_its_own(findings: Findings, code: str) -> bool:
    """A suspected sign is asked about on its own, unless a list that names it is still to come: the stroke
    screen, or, for a sign that is not an emergency by itself, the accompanying-signs checklist. One question
    about it, not two; but a possible emergency never waits behind other questions."""
    if code not in findings.suspected:
        return False
    if code == ONSET_CODE and not _weakness_told_or_suspected(findings):
        # The policy times only a weakness of the face (bot.triage.rules); the onset of anything else, a headache say,
        # is asked within that sign's own question, and "did the weakness come on suddenly?" would make no sense.
        return False
    if code in STROKE_SCREEN and _worth_asking(findings, STROKE_SCREEN_QUESTION):
        # after the list was asked, what it left open is asked on its own
        return is_settled(findings, STROKE_SCREEN_QUESTION) or _list_asked_without(
            findings, STROKE_SCREEN, code
        )
    if code in ACCOMPANYING_SIGNS and code not in SIGNS_CHECKED_AT_ONCE:
        return is_settled(findings, ACCOMPANYING_QUESTION)
    return True


def _list_asked_without(findings: Findings, signs: tuple[str, ...], code: str) -> bool:
    return all(sign in findings.asked for sign in signs if sign != code)


def _weakness_told_or_suspected(findings: Findings) -> bool:
    return findings.is_present("facial_weakness") or "facial_weakness" in findings.suspected


def _worth_asking(findings: Findings, question: Question) -> bool:
    if question in SIGN_CHECK_QUESTIONS:
        return _suspicion_asked_on_its_own(findings, question.covers[0])
    if question is STROKE_SCREEN_QUESTION:
        # Asked as soon as weakness or drooping is present or suspected (docs/triage-policy.md).
        return findings.is_present("facial_weakness")
    if question is ACCOMPANYING_QUESTION:
        return True
    if question is EMERGENCY_SCREEN_QUESTION:
        # Last, once nothing else is left to ask (pending_questions plans the others first); not after the stroke
        # screen, which asks the same signs.
        return ONSET_CODE not in findings.asked and any(
            findings.is_unknown(code) for code in EMERGENCY_SCREEN_SIGNS
        )
    if question is TRIGGERS_QUESTION:
        no_trigger_known = not any(findings.is_present(code) for code in TRIGGER_CODES)
        return no_trigger_known and likely_level(findings) is Level.SELF_CARE
    if question is SIDE_QUESTION:
        return could_change_explanations(findings, question)
    return could_change_level(findings, question)


def pending_questions(findings: Findings) -> tuple[Question, ...]:
    """The follow-up questions still worth asking, in clinical order (ask the first, then plan again).

    Nothing is asked once the level is an emergency whatever the answers: the person must call now, and
    further questions would only delay that.
    """
    if likely_level(findings) is Level.EMERGENCY:
        return ()
    pending = tuple(
        question
        for question in QUESTIONS
        if question is not EMERGENCY_SCREEN_QUESTION
        and not is_settled(findings, question)
        and _worth_asking(findings, question)
    )
    last_check = EMERGENCY_SCREEN_QUESTION
    if pending or is_settled(findings, last_check) or not _worth_asking(findings, last_check):
        return pending
    return (last_check,)
