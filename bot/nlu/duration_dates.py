"""Durations stated as the date the twitch began ("since Monday", "it started yesterday", "since the 3rd of May"),
counted back from the time of the message."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import datetime, timedelta

from bot.nlu.duration_amounts import Stated
from bot.nlu.resources import load
from bot.nlu.vocabulary import words_of

PHRASES = load("duration_dates")
WORDS = {name: frozenset(words) for name, words in PHRASES["words"].items()}

WEEKDAYS: dict[str, int] = PHRASES["weekdays"]
MONTHS: dict[str, int] = PHRASES["months"]
WEEKDAY = PHRASES["weekday"]
MONTH = rf"(?:{'|'.join(PHRASES['month'])})"
ORDINAL = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"


def days_between(earlier: datetime, now: datetime) -> float:
    return max((now - earlier).total_seconds() / 86400, 0.0)


def days_since_start_of(date: datetime, now: datetime) -> float:
    """Days from the start of that date to the moment of the message: said on a Wednesday at noon, "since Monday"
    is 2.5 days. The symptom may have begun at any hour of that day; the start is the longer reading."""
    return days_between(start_of_day(date), now)


def start_of_day(moment: datetime) -> datetime:
    return moment.replace(hour=0, minute=0, second=0, microsecond=0)


def last_weekday(weekday: int, now: datetime) -> datetime:
    """The most recent such weekday before today ("since Monday" said on a Monday means a week ago)."""
    back = (now.weekday() - weekday) % 7 or 7
    return start_of_day(now) - timedelta(days=back)


def last_day_of_month(day: int, now: datetime) -> datetime | None:
    """The most recent date with this day of the month, today included."""
    year, month = now.year, now.month
    for _ in range(13):
        try:
            candidate = datetime(year, month, day, tzinfo=now.tzinfo)
        except ValueError:
            candidate = None
        if candidate is not None and candidate <= now:
            return candidate
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return None


def last_date(month: int, day: int, now: datetime) -> datetime | None:
    for year in (now.year, now.year - 1):
        try:
            candidate = datetime(year, month, day, tzinfo=now.tzinfo)
        except ValueError:
            continue
        if candidate <= now:
            return candidate
    return None


def hours_today(now: datetime) -> float:
    """Time since midnight, at least an hour: "it started this morning"."""
    return max(days_between(start_of_day(now), now), 1 / 24)


ONSET_CUE = re.compile(rf"\b(?:{'|'.join(PHRASES['onset_cue'])})\b", re.IGNORECASE)


def has_onset_cue(text: str, start: int, end: int) -> bool:
    """A relative day counts after an onset word in the same clause, or as the whole answer ("yesterday I think")."""
    if ONSET_CUE.search(text[max(0, start - 60) : start]):
        return True
    rest = words_of(text[:start] + " " + text[end:])
    return all(word in WORDS["filler_words"] for word in rest)


RELATIVE_DAY = re.compile(PHRASES["relative_day"], re.IGNORECASE)
DATE_HEDGE = PHRASES["date_hedges"]
WEEKDAY_DATE = re.compile(
    rf"\b(?:(?:{'|'.join(PHRASES['date_openers'])})\s+)?(?:(?:{'|'.join(PHRASES['last_week_words'])})\s+)?"
    rf"(?P<weekday>{WEEKDAY})\b",
    re.IGNORECASE,
)
DAY_OF_MONTH = re.compile(
    rf"\b(?:{'|'.join(PHRASES['day_of_month_openers'])})\s+{DATE_HEDGE}the\s+{ORDINAL}\b(?!\s*(?:of\s+)?{MONTH})",
    re.IGNORECASE,
)
MONTH_DATE = re.compile(
    rf"\b(?:{'|'.join(PHRASES['month_date_openers'])})\s+{DATE_HEDGE}(?:the\s+)?"
    rf"(?:(?:{ORDINAL}\s+(?:of\s+)?(?P<month1>{MONTH}))|(?:(?P<month2>{MONTH})(?:\s+(?P<day2>\d{{1,2}})"
    rf"(?:st|nd|rd|th)?)?))\b",
    re.IGNORECASE,
)
PERIOD_START = re.compile(PHRASES["period_start"], re.IGNORECASE)
SEASON = re.compile(PHRASES["season"], re.IGNORECASE)
SEASON_START_MONTHS: dict[str, int] = PHRASES["season_start_months"]
MONTHS_IN_A_SEASON = 3
DAYS_BACK: dict[str, int] = PHRASES["days_back"]
FIXED_DAYS: dict[str, int] = PHRASES["fixed_days"]


def relative_days(text: str, now: datetime) -> Iterator[Stated]:
    for match in RELATIVE_DAY.finditer(text):
        if not has_onset_cue(text, match.start(), match.end()):
            continue
        yield relative_day_days(match.group("what"), now), match.span()


def relative_day_days(what: str, now: datetime) -> float:
    key = " ".join(what.lower().split())
    if key in DAYS_BACK:
        return days_since_start_of(now - timedelta(days=DAYS_BACK[key]), now)
    if key in FIXED_DAYS:
        return float(FIXED_DAYS[key])
    if key in WORDS["the_weekend"]:
        return days_since_start_of(last_weekday(WEEKDAYS["sat"], now), now)
    if key in WORDS["this_week"]:
        return max(float(now.weekday()), 1.0)
    if key in WORDS["christmas"]:
        return days_since_start_of(last_date(12, 25, now) or now, now)
    if key in WORDS["new_year"]:
        return days_since_start_of(datetime(now.year, 1, 1, tzinfo=now.tzinfo), now)
    return hours_today(now)


def weekday_dates(text: str, now: datetime) -> Iterator[Stated]:
    for match in WEEKDAY_DATE.finditer(text):
        if not match.group(0).lower().startswith("since") and not has_onset_cue(text, *match.span()):
            continue
        weekday = WEEKDAYS[match.group("weekday")[:3].lower()]
        yield days_since_start_of(last_weekday(weekday, now), now), match.span()


def days_of_month(text: str, now: datetime) -> Iterator[Stated]:
    for match in DAY_OF_MONTH.finditer(text):
        date = last_day_of_month(int(match.group("day")), now)
        if date is not None:
            yield days_since_start_of(date, now), match.span()


def month_dates(text: str, now: datetime) -> Iterator[Stated]:
    for match in MONTH_DATE.finditer(text):
        month_word = match.group("month1") or match.group("month2")
        # "may" is also a verb; only a capitalised May or one with a day counts as the month.
        if (
            month_word.lower() == "may"
            and month_word != "May"
            and not (match.group("day") or match.group("day2"))
        ):
            continue
        day = int(match.group("day") or match.group("day2") or 1)
        date = last_date(MONTHS[month_word[:3].lower()], day, now)
        if date is not None:
            yield days_since_start_of(date, now), match.span()


def period_starts(text: str, now: datetime) -> Iterator[Stated]:
    for match in PERIOD_START.finditer(text):
        start = period_start(
            match.group("period").lower(), previous=match.group("which").lower() == "last", now=now
        )
        yield days_since_start_of(start, now), match.span()


def period_start(period: str, previous: bool, now: datetime) -> datetime:
    """The first day of this (or the previous) week, month or year; weeks start on Monday."""
    today = start_of_day(now)
    if period == "week":
        monday = today - timedelta(days=today.weekday())
        return monday - timedelta(days=7) if previous else monday
    if period == "month":
        first = today.replace(day=1)
        return (first - timedelta(days=1)).replace(day=1) if previous else first
    first = today.replace(month=1, day=1)
    return first.replace(year=first.year - 1) if previous else first


def seasons(text: str, now: datetime) -> Iterator[Stated]:
    for match in SEASON.finditer(text):
        start = season_start(
            SEASON_START_MONTHS[match.group("season").lower()],
            last=match.group("last") is not None,
            at_its_end=(match.group("edge") or "").lower() == "end",
            now=now,
        )
        yield days_since_start_of(start, now), match.span()


def season_start(first_month: int, last: bool, at_its_end: bool, now: datetime) -> datetime:
    """The first day of the latest such season begun by now ("last summer", said during a summer, is the one
    before); from its end, the first day of the season after it."""
    today = start_of_day(now)
    start = today.replace(month=first_month, day=1)
    if start > today:
        start = start.replace(year=start.year - 1)
    still_in_it = today < _months_after(start, MONTHS_IN_A_SEASON)
    if last and still_in_it:
        start = start.replace(year=start.year - 1)
    if at_its_end:
        start = min(_months_after(start, MONTHS_IN_A_SEASON), today)
    return start


def _months_after(date: datetime, months: int) -> datetime:
    month_index = date.month - 1 + months
    return date.replace(year=date.year + month_index // 12, month=month_index % 12 + 1)
