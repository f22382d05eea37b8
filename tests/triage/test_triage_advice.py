"""What the triage answer tells the person to do, and what to watch for, for the findings they described.

Each test reads the answer as sent (bot.triage.summary), so it checks what the person sees.
"""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import given, settings
from triage_cases import any_findings, clear_eyelid_twitch, findings

from bot.knowledge.advice import CONDITIONS, FINDING_ADVICE, SELF_CHECK_RULE
from bot.triage.engine import assess
from bot.triage.explanations import SERIOUS_CONDITIONS
from bot.triage.findings import Findings, Status
from bot.triage.levels import Level
from bot.triage.rules import RULES
from bot.triage.summary import OTHER_EXPLANATIONS_HEADER, assessment_messages

NUMBER = "999"
GRADUAL_WEAKNESS = findings(
    ["twitching", "facial_weakness"],
    ["sudden_onset", "limb_weakness", "speech_difficulty", "vision_loss"],
    side="left",
    locations=["eyelid"],
    days=2,
)


def _answer(case: Findings) -> str:
    return "\n".join(assessment_messages(assess(case), NUMBER))


def _without(case: Findings, code: str) -> Findings:
    return replace(case, statuses={other: value for other, value in case.statuses.items() if other != code})


WEAKNESS_NOT_RULED_OUT = replace(
    _without(clear_eyelid_twitch(), "facial_weakness"), asked=frozenset({"facial_weakness"})
)


def test_the_urgent_answer_for_gradual_weakness_gives_the_72_hour_window() -> None:
    assessment = assess(GRADUAL_WEAKNESS)
    assert assessment.level is Level.URGENT
    assert "72 hours" in " ".join(sentence.text for sentence in assessment.next_steps)


def test_the_72_hour_window_is_not_given_for_other_urgent_signs() -> None:
    assert "72 hours" not in _answer(clear_eyelid_twitch(["numbness_tingling"]))


def test_a_face_that_already_droops_is_not_told_to_call_if_it_droops() -> None:
    safety_net = assessment_messages(assess(GRADUAL_WEAKNESS), NUMBER)[1]
    assert f"Call {NUMBER} straight away" in safety_net
    assert "droop" not in safety_net
    assert "arms" in safety_net and "speech" in safety_net


def test_a_face_that_does_not_droop_is_told_to_call_if_it_does() -> None:
    assert "droops on one side" in _answer(clear_eyelid_twitch(["numbness_tingling"]))


@pytest.mark.parametrize(
    "what_to_watch_for",
    [
        "forcing your eye shut",
        "red or sticky",
        "an eyelid droops",
        "a medicine might be causing it",
        "2 weeks",
    ],
)
def test_the_self_care_safety_net_names_what_needs_a_doctor(what_to_watch_for: str) -> None:
    case = clear_eyelid_twitch(["caffeine"])
    assert assess(case).level is Level.SELF_CARE
    assert what_to_watch_for in _answer(case)


def test_a_warning_sign_not_ruled_out_comes_with_the_fast_checks_and_what_to_do() -> None:
    assessment = assess(WEAKNESS_NOT_RULED_OUT)
    assert assessment.level is Level.ROUTINE
    answer = _answer(WEAKNESS_NOT_RULED_OUT)
    for check in ("Face: smile in a mirror", "Arms: lift both arms", "Speech: say a simple sentence"):
        assert check in answer
    assert f"If any answer is yes, call {NUMBER} now" in answer


def test_the_fast_checks_are_given_only_when_a_warning_sign_was_not_ruled_out() -> None:
    assert "Face: smile in a mirror" not in _answer(clear_eyelid_twitch(days=40))
    # An emergency answer already says to call.
    assert not assess(replace(WEAKNESS_NOT_RULED_OUT, statuses={"limb_weakness": Status.PRESENT})).self_check


def test_a_new_medicine_gets_the_nhs_advice_not_to_stop_it() -> None:
    case = clear_eyelid_twitch(["new_medication"])
    assert assess(case).level is Level.ROUTINE
    answer = _answer(case)
    assert "Some medicines can cause twitching" in answer
    assert "Do not stop taking a prescribed medicine without medical advice" in answer


def test_a_red_eye_that_does_not_hurt_is_for_a_pharmacist_and_says_when_to_call() -> None:
    answer = _answer(clear_eyelid_twitch(["red_eye"]))
    assert "A pharmacist can help" in answer
    assert "it hurts to look at light" in answer


def test_a_painful_red_eye_is_seen_the_same_day_and_not_sent_to_a_pharmacist() -> None:
    case = clear_eyelid_twitch(["red_eye", "eye_pain"])
    assert assess(case).level is Level.URGENT
    answer = _answer(case)
    assert "seen the same day" in answer
    assert "pharmacist" not in answer


def test_all_advice_belongs_to_a_rule_of_the_policy() -> None:
    names = {rule.name for rule in RULES}
    assert {advice.rule for advice in FINDING_ADVICE} | {SELF_CHECK_RULE} <= names
    assert {advice.unless_rule for advice in FINDING_ADVICE if advice.unless_rule} <= names


# --- explanations fit the level: for any findings, an emergency or urgent answer never leads with a harmless one ---

SERIOUS_NAMES = ("Stroke", "Bell's palsy", "Another nerve condition")


@settings(max_examples=500, deadline=None)
@given(case=any_findings)
def test_an_emergency_or_urgent_answer_never_lists_a_harmless_explanation_first(case: Findings) -> None:
    assessment = assess(case)
    if assessment.level not in (Level.EMERGENCY, Level.URGENT):
        return
    messages = assessment_messages(assessment, NUMBER)
    explanation_messages = [
        message for message in messages if message.startswith(("What could fit", OTHER_EXPLANATIONS_HEADER))
    ]
    lines = [
        (line, message.startswith(OTHER_EXPLANATIONS_HEADER))
        for message in explanation_messages
        for line in message.splitlines()[1:]
    ]
    harmless_seen = False
    for line, after_the_line in lines:
        serious = line.startswith(tuple(f"• {name}" for name in SERIOUS_NAMES))
        if serious:
            assert not harmless_seen, messages
        else:
            harmless_seen = True
            assert after_the_line and assessment.level is Level.URGENT, messages


def test_the_serious_names_are_those_of_the_serious_conditions() -> None:
    assert {
        code for code, condition in CONDITIONS.items() if condition.name.startswith(SERIOUS_NAMES)
    } == set(SERIOUS_CONDITIONS)


def test_an_urgent_answer_says_other_explanations_do_not_change_the_advice() -> None:
    answer = _answer(
        replace(GRADUAL_WEAKNESS, statuses={**GRADUAL_WEAKNESS.statuses, "caffeine": Status.PRESENT})
    )
    serious_at = answer.index("Bell's palsy:")
    harmless_at = answer.index("Myokymia")
    assert serious_at < answer.index(OTHER_EXPLANATIONS_HEADER) < harmless_at


def test_an_emergency_answer_lists_no_harmless_explanation() -> None:
    case = findings(
        ["facial_weakness", "speech_difficulty", "caffeine", "stress"], locations=["eyelid"], days=2
    )
    answer = _answer(case)
    assert "Stroke:" in answer
    assert "Myokymia" not in answer
