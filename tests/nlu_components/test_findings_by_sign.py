"""How each sign is said, and what only looks like one: red flags, linked movements, function impact, hearing, an eye
forced shut, spread, triggers, sight, look-alikes, everyday wordings and the titles of the bot's own buttons
(docs/clinical-design.md).

The phrases, each with what must be read and why, are in tests/nlu_components/cases/ (format in phrase_cases.py).
"""

from __future__ import annotations

import pytest

from bot.nlu.extraction import ClinicalExtractor
from tests.nlu_components.phrase_cases import PhraseCase, cases_of, check_reading


@pytest.mark.parametrize(
    "case",
    cases_of(
        "red_flags",
        "linked_movements",
        "function_impact",
        "hearing",
        "eye_closure",
        "spread",
        "triggers",
        "vision",
        "look_alikes",
        "everyday_wordings",
        "button_titles",
        "told_after_the_advice",
        "parts_that_fail",
    ),
)
def test_findings_by_sign(extractor: ClinicalExtractor, case: PhraseCase) -> None:
    check_reading(extractor, case)


@pytest.mark.parametrize("case", cases_of("places_and_sides"))
def test_places_and_sides(extractor: ClinicalExtractor, case: PhraseCase) -> None:
    check_reading(extractor, case)
