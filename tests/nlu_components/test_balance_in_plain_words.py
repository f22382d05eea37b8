"""Balance problems in plain words (docs/clinical-design.md: balance_problem): unsteady walking, losing one's footing,
swaying. Weak legs are a limb weakness only when weakness is said."""

from __future__ import annotations

import pytest

from bot.nlu.extraction import ClinicalExtractor
from tests.nlu_components.reading import P, findings_of


@pytest.mark.parametrize(
    "text",
    [
        "I'm having difficulty walking in a straight line",
        "my footing keeps going on the pavement",
        "I lost my footing twice on the way here",
        "my legs are wobbly and I keep swaying",
        "I'm swaying about when I stand still",
        "I keep tripping over my own feet",
        "she's been struggling to walk steadily since the morning",
        "I'm teetering like I'm on a tightrope",
        "walking is a problem, I keep toppling sideways",
        "every time I stand the ground seems to roll under me",
        "honestly I am not steady, I hold on to things",
        "whenever I walk I keep drifting off to the right",
    ],
)
def test_plain_words_for_a_balance_problem(extractor: ClinicalExtractor, text: str) -> None:
    assert findings_of(extractor, text).get("balance_problem") == P


@pytest.mark.parametrize(
    "text",
    [
        "no difficulty walking",
        "no trouble walking at all",
        "I haven't lost my footing",
        "I'm not swaying",
        "I can keep my balance",
        "walking's fine",
        "I can walk in a straight line no problem",
        "I'm steady on my feet",
    ],
)
def test_a_steady_walk_denies_the_balance_problem(extractor: ClinicalExtractor, text: str) -> None:
    assert findings_of(extractor, text).get("balance_problem") != P


@pytest.mark.parametrize(
    "text",
    [
        "my legs feel wobbly and I sway",
        "I keep losing my footing",
        "I'm having trouble walking straight",
    ],
)
def test_wobbly_legs_are_balance_not_limb_weakness(extractor: ClinicalExtractor, text: str) -> None:
    findings = findings_of(extractor, text)
    assert findings.get("balance_problem") == P
    assert "limb_weakness" not in findings


def test_weak_legs_said_as_weak_are_limb_weakness(extractor: ClinicalExtractor) -> None:
    assert findings_of(extractor, "my legs are weak and I keep swaying").get("limb_weakness") == P


@pytest.mark.parametrize(
    "text",
    [
        "the trees were swaying in the wind on my walk",
        "I tripped over the cat's bowl last month",
        "my footing on the climbing wall was great today",
    ],
)
def test_look_alikes_are_no_balance_problem(extractor: ClinicalExtractor, text: str) -> None:
    assert findings_of(extractor, text).get("balance_problem") != P
