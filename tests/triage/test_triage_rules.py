"""Every rule of docs/triage-policy.md: at least one case where it fires and one where it must not."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

import pytest
from triage_cases import clear_eyelid_twitch, findings

from bot.knowledge.sources import SOURCES
from bot.triage.findings import ACCOMPANYING_SIGNS, DURATION, STROKE_SCREEN, Findings
from bot.triage.rules import RULES, Rule, matching_rules


def with_unspecified_yes(case: Findings, signs: Iterable[str]) -> Findings:
    return replace(case, at_least_one_of=case.at_least_one_of | {frozenset(signs)})


# rule name -> (findings where it fires, findings where it must not)
RULE_CASES: dict[str, tuple[Findings, Findings]] = {
    "reported_emergency": (
        replace(findings(["twitching"]), reported_emergency=True),
        findings(["twitching"]),
    ),
    "sudden_facial_weakness": (
        findings(["facial_weakness", "sudden_onset"]),
        findings(["facial_weakness"], ["sudden_onset"]),
    ),
    "limb_weakness": (findings(["limb_weakness"]), findings([], ["limb_weakness"])),
    "speech_difficulty": (findings(["speech_difficulty"]), findings(["twitching"])),
    "vision_loss": (findings(["vision_loss"]), findings([], ["vision_loss"])),
    "severe_headache": (findings(["severe_headache"]), findings([], ["severe_headache"])),
    "gradual_facial_weakness": (
        findings(["facial_weakness"], ["sudden_onset"]),
        findings(["facial_weakness"]),
    ),
    "severe_facial_pain": (findings(["severe_pain"]), findings([], ["severe_pain"])),
    "numbness_or_tingling": (findings(["numbness_tingling"]), findings([], ["numbness_tingling"])),
    "hearing_change": (findings(["hearing_change"]), findings([], ["hearing_change"])),
    "balance_problem": (findings(["balance_problem"]), findings([], ["balance_problem"])),
    "painful_red_eye": (
        clear_eyelid_twitch(["red_eye", "eye_pain"]),
        clear_eyelid_twitch(["red_eye"], absent=["eye_pain"]),
    ),
    "red_eye": (clear_eyelid_twitch(["red_eye"]), clear_eyelid_twitch(absent=["red_eye"])),
    "lasted_over_two_weeks": (clear_eyelid_twitch(days=15), clear_eyelid_twitch(days=14)),
    "getting_worse": (clear_eyelid_twitch(["worsening"]), clear_eyelid_twitch(absent=["worsening"])),
    "spreading": (clear_eyelid_twitch(["spread"]), clear_eyelid_twitch(absent=["spread"])),
    "eye_forced_shut": (clear_eyelid_twitch(["eye_closure"]), clear_eyelid_twitch()),
    "interferes_with_daily_life": (clear_eyelid_twitch(["function_impact"]), clear_eyelid_twitch()),
    "linked_movements": (clear_eyelid_twitch(["linked_movements"]), clear_eyelid_twitch()),
    "beyond_the_eye": (
        clear_eyelid_twitch(locations=["eyelid", "cheek"]),
        clear_eyelid_twitch(locations=["eyelid", "around_eye"]),
    ),
    "bells_palsy_history": (clear_eyelid_twitch(["bells_palsy_history"]), clear_eyelid_twitch()),
    "facial_injury_history": (clear_eyelid_twitch(["facial_injury_history"]), clear_eyelid_twitch()),
    "multiple_sclerosis": (clear_eyelid_twitch(["multiple_sclerosis"]), clear_eyelid_twitch()),
    "new_medication": (clear_eyelid_twitch(["new_medication"]), clear_eyelid_twitch()),
    "red_flag_unknown_after_asking": (
        findings(["twitching"], ["severe_pain"], asked=["severe_pain", "hearing_change"]),
        # Unknown but never asked: the checklist is still to come, so it is not "unknown after asking".
        findings(["twitching"], ["severe_pain"], asked=["severe_pain"]),
    ),
    "duration_unknown_after_asking": (
        clear_eyelid_twitch(days=None, asked=[DURATION]),
        clear_eyelid_twitch(days=None),
    ),
    "progression_unknown_after_asking": (
        clear_eyelid_twitch(asked=["worsening", "spread"]),
        clear_eyelid_twitch(absent=["worsening"], asked=["worsening"]),
    ),
    # "Yes" to a list, never said which (docs/clinical-design.md): worth the mildest level any one of its signs gives.
    "yes_to_stroke_signs_unspecified": (
        with_unspecified_yes(findings(["facial_weakness"], ["sudden_onset"]), STROKE_SCREEN),
        # Settled: the person went on to name one of them.
        with_unspecified_yes(findings(["facial_weakness", "limb_weakness"], ["sudden_onset"]), STROKE_SCREEN),
    ),
    "yes_to_warning_signs_unspecified": (
        with_unspecified_yes(findings(["twitching"], locations=["eyelid"], days=4), ACCOMPANYING_SIGNS),
        # Each sign denied by name since: nothing left that the "yes" could be.
        with_unspecified_yes(clear_eyelid_twitch(), ACCOMPANYING_SIGNS),
    ),
    "yes_to_a_list_unspecified": (
        with_unspecified_yes(clear_eyelid_twitch(), ("worsening", "spread", "eye_closure")),
        # Triggers only tailor self-care advice: a "yes" to them changes no level.
        with_unspecified_yes(clear_eyelid_twitch(), ("caffeine", "stress")),
    ),
    "self_care_conditions_not_met": (clear_eyelid_twitch(days=None), clear_eyelid_twitch()),
    "self_care": (clear_eyelid_twitch(), clear_eyelid_twitch(["worsening"])),
}


def test_every_rule_has_cases() -> None:
    assert set(RULE_CASES) == {rule.name for rule in RULES}


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.name)
def test_rule_fires(rule: Rule) -> None:
    fires, _ = RULE_CASES[rule.name]
    assert rule.applies(fires)
    assert rule in matching_rules(fires)


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.name)
def test_rule_does_not_fire(rule: Rule) -> None:
    _, does_not_fire = RULE_CASES[rule.name]
    assert not rule.applies(does_not_fire)


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.name)
def test_rule_cites_permitted_sources(rule: Rule) -> None:
    assert rule.sources
    assert all(source_id in SOURCES for source_id in rule.sources)


def test_rule_names_are_unique() -> None:
    names = [rule.name for rule in RULES]
    assert len(names) == len(set(names))


def test_rules_are_listed_most_urgent_first() -> None:
    levels = [rule.level for rule in RULES]
    assert levels == sorted(levels, reverse=True)


def test_self_care_needs_every_accompanying_sign_ruled_out() -> None:
    for sign in ("facial_weakness", "severe_pain", "numbness_tingling", "hearing_change", "balance_problem"):
        without_one = findings(
            ["twitching"],
            [
                s
                for s in (
                    "facial_weakness",
                    "severe_pain",
                    "numbness_tingling",
                    "hearing_change",
                    "balance_problem",
                )
                if s != sign
            ],
            locations=["eyelid"],
            days=3,
        )
        assert "self_care" not in {rule.name for rule in matching_rules(without_one)}, sign


def test_onset_unknown_after_asking_does_not_block_self_care_without_weakness() -> None:
    onset_unknown = clear_eyelid_twitch(asked=["sudden_onset"])
    assert "self_care" in {rule.name for rule in matching_rules(onset_unknown)}


def test_a_yes_to_the_triggers_without_saying_which_leaves_self_care_open() -> None:
    # "mm yeah" to caffeine, alcohol, stress, sleep, screens or diet: any of them is still self care.
    some_trigger = with_unspecified_yes(clear_eyelid_twitch(), ("caffeine", "stress", "eye_strain"))
    assert "self_care" in {rule.name for rule in matching_rules(some_trigger)}


def test_a_yes_to_a_list_of_warning_signs_without_saying_which_still_blocks_self_care() -> None:
    some_sign = with_unspecified_yes(
        clear_eyelid_twitch(asked=["worsening", "spread"]), ("worsening", "spread")
    )
    assert "self_care" not in {rule.name for rule in matching_rules(some_sign)}
