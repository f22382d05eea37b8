"""Possible explanations: ranked by support, each with its findings, a reason and a permitted source."""

from __future__ import annotations

import pytest
from triage_cases import clear_eyelid_twitch, findings

from bot.knowledge.items import MEDICAL_SOURCES
from bot.triage.explanations import FEATURES, rank_explanations
from bot.triage.findings import Findings

CONDITION_CODES = {
    "myokymia",
    "hemifacial_spasm",
    "blepharospasm",
    "synkinesis",
    "electrolyte_or_vitamin_deficiency",
    "secondary_neurological",
    "stroke",
    "bells_palsy",
}


def _ranked(case: Findings) -> list[str]:
    return [explanation.condition for explanation in rank_explanations(case)]


def test_every_condition_of_the_design_is_covered() -> None:
    assert set(FEATURES) == CONDITION_CODES


@pytest.mark.parametrize(
    ("case", "best"),
    [
        (clear_eyelid_twitch(["caffeine", "poor_sleep"]), "myokymia"),
        (
            findings(
                ["twitching", "spread", "worsening"], side="left", locations=["around_eye", "cheek"], days=200
            ),
            "hemifacial_spasm",
        ),
        (findings(["linked_movements", "bells_palsy_history"], locations=["around_eye"]), "synkinesis"),
        (findings(["eye_closure"], side="both", locations=["eyelid"], days=200), "blepharospasm"),
        (findings(["diet_deficiency"]), "electrolyte_or_vitamin_deficiency"),
        (findings(["multiple_sclerosis", "numbness_tingling"]), "secondary_neurological"),
        (findings(["facial_weakness", "speech_difficulty"], side="left"), "stroke"),
        (findings(["facial_weakness"], ["sudden_onset"], side="right"), "bells_palsy"),
    ],
)
def test_best_supported_condition_ranks_first(case: Findings, best: str) -> None:
    assert _ranked(case)[0] == best


def test_only_supported_conditions_are_listed() -> None:
    assert _ranked(findings(["twitching"])) == []
    # One side alone suggests nothing: it only tells conditions apart.
    assert _ranked(findings(["twitching"], side="left")) == []


def test_weakness_of_unknown_onset_lists_stroke_before_bells_palsy() -> None:
    assert _ranked(findings(["facial_weakness"], side="left"))[:2] == ["stroke", "bells_palsy"]


def test_each_explanation_names_its_findings_reason_and_sources() -> None:
    case = findings(
        [
            "spread",
            "linked_movements",
            "bells_palsy_history",
            "caffeine",
            "diet_deficiency",
            "multiple_sclerosis",
        ],
        side="left",
        locations=["eyelid", "mouth"],
        days=40,
    )
    explanations = rank_explanations(case)
    assert len(explanations) >= 5
    for explanation in explanations:
        assert explanation.supporting_findings
        assert explanation.why_it_fits
        assert explanation.sources and set(explanation.sources) <= MEDICAL_SOURCES
    supports = [len(explanation.supporting_findings) for explanation in explanations]
    assert supports == sorted(supports, reverse=True)


def test_an_eyelid_twitch_from_screen_strain_is_not_blepharospasm() -> None:
    # One document calls it that; medically blepharospasm is a dystonia that forces the eyes shut.
    ranked = _ranked(clear_eyelid_twitch(["eye_strain"]))
    assert ranked[0] == "myokymia"
    assert "blepharospasm" not in ranked
    assert "blepharospasm" not in _ranked(clear_eyelid_twitch(["eye_strain"], days=60))
