"""Chat messages: the right advice per level, every message fits a phone screen."""

from __future__ import annotations

import pytest
from triage_cases import clear_eyelid_twitch, findings

from bot.knowledge.advice import DISCLAIMER
from bot.knowledge.items import MAX_MESSAGE_CHARS
from bot.knowledge.sources import source
from bot.triage.engine import assess
from bot.triage.findings import Findings
from bot.triage.levels import Level
from bot.triage.summary import assessment_messages, what_changed, why_messages

# One case per level, each with as many explanations and reasons as it can carry, to stress the lengths.
CASE_PER_LEVEL: dict[Level, Findings] = {
    Level.EMERGENCY: findings(
        [
            "facial_weakness",
            "limb_weakness",
            "speech_difficulty",
            "vision_loss",
            "severe_headache",
            "balance_problem",
            "severe_pain",
            "numbness_tingling",
            "hearing_change",
            "spread",
            "eye_closure",
            "multiple_sclerosis",
            "diet_deficiency",
            "alcohol",
            "linked_movements",
            "bells_palsy_history",
        ],
        side="left",
        locations=["eyelid", "cheek", "mouth", "neck"],
        days=400,
    ),
    Level.URGENT: findings(
        [
            "facial_weakness",
            "severe_pain",
            "numbness_tingling",
            "hearing_change",
            "balance_problem",
            "spread",
        ],
        ["sudden_onset"],
        side="right",
        locations=["cheek"],
    ),
    Level.ROUTINE: findings(
        [
            "twitching",
            "spread",
            "worsening",
            "eye_closure",
            "function_impact",
            "linked_movements",
            "bells_palsy_history",
            "facial_injury_history",
            "multiple_sclerosis",
            "new_medication",
            "caffeine",
        ],
        side="left",
        locations=["eyelid", "cheek", "mouth", "neck", "forehead"],
        days=700,
        asked=["hearing_change", "duration"],
    ),
    Level.SELF_CARE: clear_eyelid_twitch(),
}


@pytest.mark.parametrize("level", list(Level))
def test_every_message_fits_a_phone_screen(level: Level) -> None:
    assessment = assess(CASE_PER_LEVEL[level])
    assert assessment.level is level
    messages = assessment_messages(assessment, "999") + why_messages(assessment)
    assert messages
    assert all(0 < len(message) <= MAX_MESSAGE_CHARS for message in messages)


@pytest.mark.parametrize("level", list(Level))
def test_messages_give_action_safety_net_and_disclaimer(level: Level) -> None:
    messages = assessment_messages(assess(CASE_PER_LEVEL[level]), "112")
    assert messages[-1] == DISCLAIMER
    assert "112" in " ".join(messages)  # stroke warning or the call itself
    assert not any("{" in message for message in messages)


def test_emergency_says_call_now_first() -> None:
    first = assessment_messages(assess(findings(["limb_weakness"])), "999")[0]
    assert "Call 999 now" in first


def test_self_care_messages_include_advice_and_when_to_come_back() -> None:
    text = " ".join(assessment_messages(assess(clear_eyelid_twitch(["caffeine"])), "999"))
    assert "Cut down on coffee" in text
    assert "more than 2 weeks" in text
    assert "Myokymia" in text


def test_routine_messages_have_no_self_care_advice() -> None:
    text = " ".join(assessment_messages(assess(clear_eyelid_twitch(days=40)), "999"))
    assert "Things that may help" not in text
    assert "GP" in text


def test_why_names_each_rule_condition_and_source() -> None:
    assessment = assess(findings(["facial_weakness"], ["sudden_onset"]))
    text = " ".join(why_messages(assessment))
    assert "came on gradually" in text
    assert source("nhs_bells_palsy").title in text


def test_a_first_assessment_has_nothing_to_compare_with() -> None:
    assert what_changed(None, assess(clear_eyelid_twitch())) is None


def test_a_new_sign_after_the_assessment_says_the_advice_is_now_more_urgent() -> None:
    before = assess(clear_eyelid_twitch()).to_json()
    change = what_changed(before, assess(clear_eyelid_twitch(["hearing_change"])))
    assert change is not None and "more urgent" in change


def test_a_new_fact_that_does_not_change_the_level_says_so() -> None:
    before = assess(clear_eyelid_twitch()).to_json()
    change = what_changed(before, assess(clear_eyelid_twitch(["caffeine"])))
    assert change is not None and "doesn't change my advice" in change


def test_nothing_new_says_nothing() -> None:
    same = assess(clear_eyelid_twitch())
    assert what_changed(same.to_json(), same) is None
