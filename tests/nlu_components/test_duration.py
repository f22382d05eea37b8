"""Durations in days from free text; relative dates counted from a fixed message time."""

from __future__ import annotations

from datetime import datetime

import pytest

from bot.nlu.duration import parse_duration_days

# Thursday 19 November 2026, 3 pm.
NOW = datetime(2026, 11, 19, 15, 0)
# A named day counts from its start, so the hours already gone today are part of the duration.
TODAY = 15 / 24

NUMERIC = [
    ("3 days", 3),
    ("three days", 3),
    ("for 3 days now", 3),
    ("about 10 days", 10),
    ("twelve days", 12),
    ("a day", 1),
    ("a day or two", 2),
    ("2 weeks", 14),
    ("two weeks", 14),
    ("a week", 7),
    ("a week or two", 14),
    ("a week and a half", 10.5),
    ("two and a half weeks", 17.5),
    ("1.5 weeks", 10.5),
    ("3wks", 21),
    ("2-3 weeks", 21),
    ("3 or 4 days", 4),
    ("3 to 5 days", 5),
    ("a couple of weeks", 14),
    ("couple of days", 2),
    ("a few days", 3),
    ("a few weeks", 21),
    ("several days", 4),
    ("a fortnight", 14),
    ("about a fortnight now", 14),
    ("a month", 30),
    ("a month or so", 30),
    ("nearly 2 months", 59),
    ("for the past six months", 180),
    ("a year", 365),
    ("over a year", 366),
    ("more than a year", 366),
    ("on and off for months", 60),
    ("for weeks", 14),
    ("for years", 730),
    ("2 hours", 2 / 24),
    ("half an hour ago", 0.5 / 24),
    ("30 minutes", 30 / 1440),
    ("half a day", 0.5),
    ("since Monday", 3 + TODAY),
    ("since monday morning", 3 + TODAY),
    ("since last Tuesday", 2 + TODAY),
    ("since thurs", 7 + TODAY),
    ("it started on sunday", 4 + TODAY),
    ("since Friday", 6 + TODAY),
    ("since yesterday", 1 + TODAY),
    ("it started yesterday", 1 + TODAY),
    ("the day before yesterday", 2 + TODAY),
    ("since last night", 1),
    ("since this morning", 15 / 24),
    ("started last week", 7),
    ("since last month", 30),
    ("since the weekend", 5 + TODAY),
    ("since the 3rd", 16 + TODAY),
    ("since the 25th", 25 + TODAY),
    ("since March", 263 + TODAY),
    # a hedge between the opener and the date dates it all the same
    ("on and off since roughly March", 263 + TODAY),
    ("since around the 3rd", 16 + TODAY),
    ("since October 5", 45 + TODAY),
    ("since 5th of october", 45 + TODAY),
    ("since Christmas", 329 + TODAY),
    ("yesterday I think", 1 + TODAY),
    ("my left eyelid keeps jumping since Monday, I'm living on coffee", 3 + TODAY),
    ("it began 3 weeks ago but got worse in the last 2 days", 21),
    ("sorry I meant 3 days not weeks", 3),
    ("twitching since the beginning of this month", 18 + TODAY),
    ("it's been going since the start of last month", 49 + TODAY),
    ("from the start of the week", 3 + TODAY),
    ("since the start of the year", 322 + TODAY),
    ("I've had 4 coffees a day lately and it began two days ago", 2),
    # clinical notation: the denominator names the unit
    ("L lower lid fasciculations x4/7", 4),
    ("hx of R cheek twitch 3/52", 21),
    ("intermittent for 2/12", 60),
    ("twitching x 10/7", 10),
]


@pytest.mark.parametrize(("text", "days"), NUMERIC)
def test_durations_are_read_in_days(text: str, days: float) -> None:
    reading = parse_duration_days(text, NOW)
    assert reading.days == pytest.approx(days, abs=0.01)
    assert not reading.vague
    assert reading.span is not None


@pytest.mark.parametrize(
    "text",
    [
        "ages",
        "a while",
        "forever",
        "for ages",
        "a long time",
        "quite a while now",
        "as long as I can remember",
    ],
)
def test_vague_durations_are_unknown(text: str) -> None:
    reading = parse_duration_days(text, NOW)
    assert reading.vague
    assert reading.days is None
    assert reading.entity_value == "unknown"


@pytest.mark.parametrize(
    "text",
    [
        "I drink 3 cups a day",
        "I'm 35 years old",
        "I get 5 hours sleep",
        "it's worse today",
        "I may have",
        "10 hours a day on screens",
        "my eye twitches",
        "",
        "8hrs a day at my desk",
        "two cans of coke a day",
        "5 espressos a day",
        "on my laptop 24/7",
        "next review on 3/7",
        "seen in clinic on 1/12/2025",
    ],
)
def test_other_numbers_and_dates_are_not_durations(text: str) -> None:
    reading = parse_duration_days(text, NOW)
    assert not reading.found
    assert reading.entity_value is None


def test_entity_value_is_a_decimal_string() -> None:
    assert parse_duration_days("a week and a half", NOW).entity_value == "10.5"
    assert parse_duration_days("2 weeks", NOW).entity_value == "14"
    assert parse_duration_days("12 hours", NOW).entity_value == "0.5"


def test_span_points_at_the_duration() -> None:
    text = "it has been twitching for 2 weeks"
    reading = parse_duration_days(text, NOW)
    assert reading.span is not None
    assert text[reading.span[0] : reading.span[1]] == "2 weeks"


def test_relative_dates_follow_the_message_time() -> None:
    monday_9am = datetime(2026, 11, 23, 9, 0)
    assert parse_duration_days("since Friday", monday_9am).days == pytest.approx(3 + 9 / 24)
    assert parse_duration_days("since Monday", monday_9am).days == pytest.approx(7 + 9 / 24)
    early_january = datetime(2027, 1, 2, 12, 0)
    assert parse_duration_days("since the 20th", early_january).days == pytest.approx(13.5)
    assert parse_duration_days("since Christmas", early_january).days == pytest.approx(8.5)
    assert parse_duration_days("since the start of the month", early_january).days == pytest.approx(1.5)


def test_a_weekday_said_on_wednesday_noon_counts_from_its_start() -> None:
    wednesday_noon = datetime(2026, 11, 18, 12, 0)
    assert parse_duration_days("since Monday", wednesday_noon).days == pytest.approx(2.5)


def test_relative_dates_keep_the_senders_time_zone() -> None:
    tuesday_1am_in_sydney = datetime.fromisoformat("2026-11-24T01:00:00+11:00")
    assert parse_duration_days("since yesterday", tuesday_1am_in_sydney).days == pytest.approx(1 + 1 / 24)


def test_a_season_dates_the_start_from_its_first_day() -> None:
    mid_october = datetime(2026, 10, 15, 12, 0)
    assert parse_duration_days("on and off since the summer", mid_october).days == pytest.approx(136.5)
    assert parse_duration_days("comes and goes since the spring", mid_october).days == pytest.approx(228.5)
    # In the autumn, "last autumn" is the one a year before; "this autumn" the one under way.
    assert parse_duration_days("since last autumn", mid_october).days == pytest.approx(409.5)
    assert parse_duration_days("since the end of the summer", mid_october).days == pytest.approx(44.5)
    assert parse_duration_days("ever since last fall", mid_october).days == pytest.approx(409.5)


def test_a_fall_that_is_no_season_dates_nothing() -> None:
    assert parse_duration_days("twitching since the fall", datetime(2026, 10, 15, 12, 0)).days is None


def test_a_season_said_of_something_else_is_no_start() -> None:
    assert parse_duration_days("it gets worse in the summer", datetime(2026, 10, 15, 12, 0)).days is None
