"""Spelling and word sense before the patterns run (bot/nlu/spelling.py): real words are never "corrected", and a
"so" before a word of degree reads as "very"."""

from __future__ import annotations

import pytest

from bot.nlu.extraction import ClinicalExtractor
from bot.nlu.spelling import INTENSIFIER, canonical_spelling


@pytest.mark.parametrize(
    "word", ["pulling", "pursing", "blurring", "slurry", "healing", "heating", "commuter", "ruffled"]
)
def test_real_words_are_not_corrected(word: str) -> None:
    assert canonical_spelling(word) == word


@pytest.mark.parametrize(
    ("text", "so_is_very"),
    [
        ("the lid shuts so tight", True),
        ("it's so bad", True),
        ("I'm stressed so I can't sleep", False),
        ("so say it spreads", False),
    ],
)
def test_so_before_a_word_of_degree_intensifies(
    extractor: ClinicalExtractor, text: str, so_is_very: bool
) -> None:
    doc = extractor.nlp(text)
    so = next(token for token in doc if token.lower_ == "so")
    assert (so.norm_ == INTENSIFIER) is so_is_very
