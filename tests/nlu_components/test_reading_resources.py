"""The phrase files of the readings and the duration reader (bot/nlu/resources/<module>.yml): every word list holds
words as spaCy normalises them, so that each can ever match, and every pattern is a regular expression."""

from __future__ import annotations

import re
from typing import Any

import pytest

from bot.nlu.resources import load

MODULES = (
    "target_overlaps",
    "denials",
    "tense",
    "other_people",
    "general_talk",
    "alarm_talk",
    "twitch_duration",
    "sides",
    "duration",
    "duration_amounts",
    "duration_dates",
)


def patterns_in(entry: Any) -> list[str]:
    if isinstance(entry, str):
        return [entry]
    if isinstance(entry, list):
        return [item for item in entry if isinstance(item, str)]
    return []


@pytest.mark.parametrize("module", MODULES)
def test_every_word_is_written_as_a_token_is_normalised(module: str) -> None:
    for name, words in load(module).get("words", {}).items():
        assert words, f"{module}.yml words.{name} is empty"
        for word in words:
            assert word == word.lower() and word.strip() == word and word, (
                f"{module}.yml words.{name}: {word!r}"
            )


@pytest.mark.parametrize("module", MODULES)
def test_every_pattern_is_a_regular_expression(module: str) -> None:
    for name, entry in load(module).items():
        if name == "words":
            continue
        for pattern in patterns_in(entry):
            re.compile(pattern)
