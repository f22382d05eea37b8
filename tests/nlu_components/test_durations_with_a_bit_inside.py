"""A qualifier between the number and the unit (docs/duration-parsing.md): "2 and a bit weeks" is more than two weeks
(15 days), as "2 weeks and a bit" is; "3 and a half days" is 3.5."""

from __future__ import annotations

import pytest

from bot.nlu.duration import parse_duration_days
from bot.nlu.extraction import ClinicalExtractor
from tests.nlu_components.reading import NOW


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("my eyelid has been flickering for 2 and a bit weeks", 15),
        ("two and a bit weeks of this twitch now", 15),
        ("the twitching started three and a bit months ago", 91),
        ("about 1 and a little bit weeks", 8),
        ("it's been going 2 & a bit weeks", 15),
        ("it's twitched for 4 and a half days", 4.5),
        ("twitching on and off a month and a bit", 31),
        ("for two weeks and a bit", 15),
        ("13 and a bit days of twitching", 14),
    ],
)
def test_and_a_bit_between_number_and_unit(text: str, days: float) -> None:
    assert parse_duration_days(text, NOW).days == days


@pytest.mark.parametrize(
    "text",
    [
        "I had 2 and a bit glasses of wine",
        "I slept 5 and a bit hours a night",
    ],
)
def test_and_a_bit_of_something_else_is_no_duration(extractor: ClinicalExtractor, text: str) -> None:
    assert extractor.extract(text, NOW).duration.days is None


def test_two_and_a_bit_weeks_is_past_the_fortnight(extractor: ClinicalExtractor) -> None:
    days = extractor.extract("my eye has twitched for 2 and a bit weeks", NOW).duration.days
    assert days is not None and days > 14
