"""What the words around a finding do to it: a denial and how far it reaches, the person's own history, questions,
fears and guesses, other people, and past against present (the ConText rules of bot/nlu/context_rules.py).

The phrases, each with what must be read and why, are in tests/nlu_components/cases/ (format in phrase_cases.py).
Red flags are kept whenever the wording is in doubt: a missed red flag under-triages, the worst error the assistant
can make.
"""

from __future__ import annotations

import pytest

from bot.nlu.extraction import ClinicalExtractor
from tests.nlu_components.phrase_cases import PhraseCase, cases_of, check_reading


@pytest.mark.parametrize(
    "case", cases_of("negation", "history", "questions", "fears_and_guesses", "other_people", "time")
)
def test_findings_in_context(extractor: ClinicalExtractor, case: PhraseCase) -> None:
    check_reading(extractor, case)
