"""Amounts added to a duration and qualifiers said after it (docs/clinical-design.md): a smaller unit joined to a larger
one adds to it, "and a bit" or "plus" after the unit is more than the number, "the best part of" is less."""

from __future__ import annotations

import pytest

from bot.nlu.duration import parse_duration_days
from bot.nlu.extraction import ClinicalExtractor
from tests.nlu_components.reading import NOW


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("four weeks and two days", 30),
        ("a fortnight and a day", 15),
        ("1 month and 1 week", 37),
        ("a week plus three days", 10),
        ("3 wks, 2 days", 23),
        ("twelve days and six hours", 12.25),
    ],
)
def test_a_smaller_unit_joined_to_a_larger_one_adds_to_it(text: str, days: float) -> None:
    assert parse_duration_days(text, NOW).days == pytest.approx(days, abs=0.01)


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("a fortnight plus", 15),
        ("3 weeks plus", 22),
        ("ten days and a little bit", 11),
        ("a month and then some", 31),
        ("two weeks or more", 15),
        ("fourteen days and counting", 15),
    ],
)
def test_more_than_said_after_the_unit_moves_past_the_boundary(text: str, days: float) -> None:
    assert parse_duration_days(text, NOW).days == pytest.approx(days, abs=0.01)


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("the better part of a fortnight", 13),
        ("the greater part of three weeks", 20),
        ("most of a month", 29),
    ],
)
def test_most_of_a_period_is_less_than_it(text: str, days: float) -> None:
    assert parse_duration_days(text, NOW).days == pytest.approx(days, abs=0.01)


@pytest.mark.parametrize(
    ("text", "days"),
    [("a good fortnight", 15), ("a good few days", 4), ("a whole month", 30), ("a full week", 7)],
)
def test_a_good_amount_is_at_least_that_amount(text: str, days: float) -> None:
    assert parse_duration_days(text, NOW).days == pytest.approx(days, abs=0.01)


@pytest.mark.parametrize(
    ("text", "days"),
    [("5 days and a month", 30), ("3 days and 2 nights", 3), ("2 coffees and a tea a day for a week", 7)],
)
def test_amounts_that_do_not_add_up_stay_apart(text: str, days: float) -> None:
    assert parse_duration_days(text, NOW).days == pytest.approx(days)


def test_the_twitchs_duration_keeps_the_added_amount(extractor: ClinicalExtractor) -> None:
    extraction = extractor.extract("my lower lid has been jumping for two weeks and a couple of days", NOW)
    assert extraction.duration.days == pytest.approx(16)


def test_the_better_part_of_a_period_is_no_improvement(extractor: ClinicalExtractor) -> None:
    extraction = extractor.extract("the flicker has been there the better part of three weeks", NOW)
    assert "worsening" not in extraction.findings
    assert extraction.duration.days == pytest.approx(20)
