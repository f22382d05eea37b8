"""How long the twitch has lasted, in days, from the words people use ("since last Tuesday", "a couple of weeks").

Triage compares the duration with 14 days (docs/triage-policy.md), so every choice here leans towards the longer
reading: "3 or 4 days" is 4, "a week or two" is 14, and when a message gives several durations the longest wins
(bot.nlu.twitch_duration first drops those said of something else: another symptom, person, medicine or old injury).
Qualifiers move the number by one day (by half the unit for hours and minutes), so that a boundary falls on the
right side of 14: "more than a fortnight", "over 2 weeks", "upwards of", "at least", "2+ weeks" are 15 days;
"nearly", "almost", "under", "not quite", "less than" two weeks are 13. Said after the unit, "two weeks plus", "and a bit",
"or more" are more too, as is "and a bit" between the number and the unit ("2 and a bit weeks" is 15) and "a good
fortnight"; "the best part of a month" is less. A smaller unit joined to a larger one adds to it: "three weeks and a
day" is 22. Recurrences count from the first spell: "it has come and gone since my teens" is a life stage gone by,
read as years (see bot.nlu.duration_amounts.LIFE_STAGE). An explicit
correction ("sorry, I meant 6 days", "not 3 days, more like 3 weeks") gives the value after it. A unit misspelt
after its number ("5 dyas", "3 monthes") is read as that unit when the word is no English word and is one slip
(two, for seven letters or more) from a unit; only unit words are ever corrected (see
bot.nlu.duration_amounts.unit_named). Vague answers ("ages", "a while") are reported as vague, with no number, so the
assistant can ask again or treat the duration as unknown. Relative dates ("since Monday") are counted from `now`, the
time of the message (bot.nlu.duration_dates). Clinical notation counts the unit its denominator stands for: "x3/7" is 3
days, "2/52" two weeks, "1/12" a month.

Values chosen for indefinite quantities: "a couple" = 2, "a few" = 3, "several" = 4, a bare plural ("for weeks",
"on and off for months") = 2 of that unit, a month = 30 days, a year = 365 days. Measured choices: docs/duration-parsing.md.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from datetime import datetime

from bot.nlu.duration_amounts import (
    Stated,
    bare_plurals,
    clinical_fractions,
    life_stages,
    past_periods,
    quantities,
)
from bot.nlu.duration_dates import (
    days_of_month,
    month_dates,
    period_starts,
    relative_days,
    seasons,
    weekday_dates,
)
from bot.nlu.resources import load

PHRASES = load("duration")

VAGUE = re.compile(rf"\b(?:{'|'.join(PHRASES['vague'])})\b", re.IGNORECASE)


@dataclass(frozen=True)
class DurationReading:
    """A duration found in a message: days (None when vague or absent), where it was said, and whether the message
    says it corrects an earlier one."""

    days: float | None
    vague: bool
    span: tuple[int, int] | None
    correction: bool = False

    @property
    def found(self) -> bool:
        return self.span is not None

    @property
    def entity_value(self) -> str | None:
        """The `duration_days` entity value of the NLU contract: a decimal string, "unknown", or None."""
        if self.vague:
            return "unknown"
        if self.days is None:
            return None
        return f"{round(self.days, 2):g}"


NOT_FOUND = DurationReading(days=None, vague=False, span=None)


def parse_duration_days(text: str, now: datetime) -> DurationReading:
    """The duration stated in `text` (the corrected one, else the longest), counting relative dates back from `now`."""
    return chosen(text, duration_readings(text, now))


CORRECTION_CUE = re.compile(rf"\b(?:{'|'.join(PHRASES['correction_cue'])})\b", re.IGNORECASE)


def chosen(text: str, readings: list[DurationReading]) -> DurationReading:
    """After an explicit correction, the longest duration said after its last cue; otherwise the longest. The
    corrected account is read as any account is: "I meant this bout started yesterday, but it's been on and off
    since my teens" is years (how long since the twitching first began, spells and returns counted)."""
    cues = [match.end() for match in CORRECTION_CUE.finditer(text)]
    if cues:
        after = [reading for reading in readings if reading.span is not None and reading.span[0] >= cues[-1]]
        if after:
            return replace(longest(after), correction=True)
    return longest(readings)


def duration_readings(text: str, now: datetime) -> list[DurationReading]:
    """Every duration stated in `text`; a vague one ("ages") only when no number is given."""
    numeric = [
        DurationReading(days=days, vague=False, span=span)
        for parser in PARSERS
        for days, span in parser(text, now)
    ]
    if numeric:
        return numeric
    return [DurationReading(days=None, vague=True, span=match.span()) for match in VAGUE.finditer(text)]


def longest(readings: list[DurationReading]) -> DurationReading:
    numeric = [reading for reading in readings if reading.days is not None]
    if numeric:
        return max(numeric, key=lambda reading: reading.days or 0.0)
    return readings[0] if readings else NOT_FOUND


PARSERS: tuple[Callable[[str, datetime], Iterator[Stated]], ...] = (
    quantities,
    bare_plurals,
    past_periods,
    life_stages,
    clinical_fractions,
    relative_days,
    weekday_dates,
    days_of_month,
    month_dates,
    period_starts,
    seasons,
)
