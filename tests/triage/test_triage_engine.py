"""The engine: levels, reasons, advice, the JSON stored in the slot, and the red-flag monotonicity bar."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from triage_cases import clear_eyelid_twitch, findings

from bot.triage.engine import assess, is_emergency, restates_known_gradual_weakness
from bot.triage.findings import (
    DURATION,
    FACE_SIDES,
    FINDING_CODES,
    LOCATIONS,
    RED_FLAG_CODES,
    TRIGGER_CODES,
    Findings,
    Status,
)
from bot.triage.levels import Level


@pytest.mark.parametrize(
    ("case", "level"),
    [
        (findings(["facial_weakness"]), Level.EMERGENCY),
        (findings(["twitching", "speech_difficulty"], ["facial_weakness"]), Level.EMERGENCY),
        (findings(["facial_weakness"], ["sudden_onset"]), Level.URGENT),
        (clear_eyelid_twitch(["hearing_change"]), Level.URGENT),
        (clear_eyelid_twitch(days=60), Level.ROUTINE),
        (clear_eyelid_twitch(locations=["mouth"]), Level.ROUTINE),
        (findings(["twitching"], locations=["eyelid"], days=2), Level.ROUTINE),  # signs never asked about
        (clear_eyelid_twitch(["caffeine"]), Level.SELF_CARE),
    ],
)
def test_levels(case: Findings, level: Level) -> None:
    assert assess(case).level is level


def test_a_reported_emergency_is_an_emergency_whatever_was_recognised() -> None:
    assessment = assess(clear_eyelid_twitch(), reported_emergency=True)
    assert assessment.level is Level.EMERGENCY
    assert [rule.name for rule in assessment.reasons] == ["reported_emergency"]
    assert assess(clear_eyelid_twitch()).level is Level.SELF_CARE


def test_level_order() -> None:
    assert Level.EMERGENCY > Level.URGENT > Level.ROUTINE > Level.SELF_CARE
    assert [level.value for level in Level] == ["emergency", "urgent", "routine", "self_care"]


def test_is_emergency_matches_the_level() -> None:
    assert is_emergency(findings(["facial_weakness"]))
    assert not is_emergency(findings(["facial_weakness"], ["sudden_onset"]))
    assert not is_emergency(clear_eyelid_twitch())


def test_reasons_list_every_rule_that_fired_highest_level_first() -> None:
    assessment = assess(findings(["limb_weakness", "severe_pain", "spread"], locations=["cheek"]))
    names = [rule.name for rule in assessment.reasons]
    assert names[:2] == ["limb_weakness", "severe_facial_pain"]
    assert {"spreading", "beyond_the_eye", "self_care_conditions_not_met"} <= set(names)
    assert [rule.level for rule in assessment.reasons] == sorted(
        (rule.level for rule in assessment.reasons), reverse=True
    )


def test_self_care_rule_is_not_a_reason_when_a_routine_rule_decides() -> None:
    assessment = assess(clear_eyelid_twitch(["linked_movements"]))
    assert assessment.level is Level.ROUTINE
    assert [rule.name for rule in assessment.reasons] == ["linked_movements"]


def test_self_care_advice_only_for_self_care_and_tailored_to_triggers() -> None:
    coffee = assess(clear_eyelid_twitch(["caffeine"]))
    assert any("caffeine" in advice.text for advice in coffee.self_care_advice)
    assert not any("alcohol" in advice.text.lower() for advice in coffee.self_care_advice)
    no_trigger = assess(clear_eyelid_twitch())
    assert len(no_trigger.self_care_advice) == len(TRIGGER_CODES) + 1  # every tip, then the outlook
    assert assess(clear_eyelid_twitch(days=30)).self_care_advice == ()


def test_to_json_holds_what_the_slot_needs_and_serialises() -> None:
    case = clear_eyelid_twitch(["caffeine"], days=3.5)
    stored = json.loads(json.dumps(assess(case).to_json()))
    assert stored["level"] == "self_care"
    assert stored["findings"]["caffeine"] == "present"
    assert stored["findings"]["severe_pain"] == "absent"
    assert "stress" not in stored["findings"]  # unknown findings are left out
    assert stored["findings"]["face_side"] == "left"
    assert stored["findings"]["locations"] == ["eyelid"]
    assert stored["findings"]["duration_days"] == 3.5
    assert stored["explanations"][0] == "myokymia"
    assert stored["reasons"] == ["self_care"]


def test_emergency_advice_has_no_placeholder_left() -> None:
    stored = assess(findings(["limb_weakness"])).to_json()
    assert "{" not in stored["next_steps"] + stored["safety_net"]
    assert "emergency number" in stored["next_steps"]


# --- property tests (hypothesis): red flags only ever push the level up ---

statuses = st.dictionaries(st.sampled_from(FINDING_CODES), st.sampled_from([Status.PRESENT, Status.ABSENT]))
any_findings = st.builds(
    Findings,
    statuses=statuses,
    face_side=st.none() | st.sampled_from(FACE_SIDES),
    locations=st.frozensets(st.sampled_from(LOCATIONS)),
    duration_days=st.none() | st.floats(min_value=0, max_value=800, allow_nan=False),
    asked=st.frozensets(st.sampled_from((*FINDING_CODES, DURATION))),
)


def _with(case: Findings, code: str, status: Status | None) -> Findings:
    new_statuses = {other: value for other, value in case.statuses.items() if other != code}
    if status is not None:
        new_statuses[code] = status
    return replace(case, statuses=new_statuses)


@settings(max_examples=400, deadline=None)
@given(case=any_findings, code=st.sampled_from(RED_FLAG_CODES))
def test_a_red_flag_present_never_lowers_the_level(case: Findings, code: str) -> None:
    assert assess(_with(case, code, Status.PRESENT)).level >= assess(case).level


@settings(max_examples=400, deadline=None)
@given(case=any_findings, code=st.sampled_from(RED_FLAG_CODES))
def test_a_red_flag_absent_never_raises_the_level_above_the_other_findings(case: Findings, code: str) -> None:
    absent = assess(_with(case, code, Status.ABSENT)).level
    assert absent <= assess(_with(case, code, None)).level
    never_asked = replace(_with(case, code, None), asked=case.asked - {code})
    assert absent <= assess(never_asked).level


GRADUAL_WEAKNESS_KNOWN = findings(["twitching", "facial_weakness"], ["sudden_onset", "limb_weakness"])


@pytest.mark.parametrize(
    "message",
    [findings(["facial_weakness"]), findings(["facial_weakness", "twitching"], ["numbness_tingling"])],
)
def test_naming_a_weakness_known_to_be_gradual_again_restates_it(message: Findings) -> None:
    assert restates_known_gradual_weakness(GRADUAL_WEAKNESS_KNOWN, message)


@pytest.mark.parametrize(
    ("known_before", "message"),
    [
        # The weakness was not known before, or its onset was not: a stroke is still possible.
        (findings(["twitching"], ["sudden_onset"]), findings(["facial_weakness"])),
        (findings(["facial_weakness"]), findings(["facial_weakness"])),
        # The message says more than the weakness: a sudden onset, or another emergency sign.
        (GRADUAL_WEAKNESS_KNOWN, findings(["facial_weakness", "sudden_onset"])),
        (GRADUAL_WEAKNESS_KNOWN, findings(["facial_weakness", "speech_difficulty"])),
        (GRADUAL_WEAKNESS_KNOWN, findings(["limb_weakness"])),
        # Not an emergency at all: nothing to take back.
        (GRADUAL_WEAKNESS_KNOWN, findings(["twitching"])),
    ],
)
def test_anything_new_keeps_the_emergency(known_before: Findings, message: Findings) -> None:
    assert not restates_known_gradual_weakness(known_before, message)
