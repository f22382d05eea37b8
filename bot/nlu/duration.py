"""How long the twitch has lasted, in days, from the words people use ("since last Tuesday", "a couple of weeks").

Triage compares the duration with 14 days (docs/triage-policy.md), so every choice here leans towards the longer
reading: "3 or 4 days" is 4, "a week or two" is 14, and when a message gives several durations the longest wins
(bot.nlu.extraction first drops those said of something else: another symptom, person, medicine or old injury).
Qualifiers move the number by one day (by half the unit for hours and minutes), so that a boundary falls on the
right side of 14: "more than a fortnight", "over 2 weeks", "upwards of", "at least", "2+ weeks" are 15 days;
"nearly", "almost", "under", "not quite", "less than" two weeks are 13. Said after the unit, "two weeks plus", "and a bit",
"or more" are more too, as is "and a bit" between the number and the unit ("2 and a bit weeks" is 15) and "a good
fortnight"; "the best part of a month" is less. A smaller unit joined to a larger one adds to it: "three weeks and a
day" is 22. Recurrences count from the first spell:
"it has come and gone since my teens" is a life stage gone by, read as years (see LIFE_STAGE). An explicit
correction ("sorry, I meant 6 days", "not 3 days, more like 3 weeks") gives the value after it. A unit misspelt
after its number ("5 dyas", "3 monthes") is read as that unit when the word is no English word and is one slip
(two, for seven letters or more) from a unit; only unit words are ever corrected (see unit_named). Vague answers ("ages", "a while") are reported as vague, with no number, so the
assistant can ask again or treat the duration as unknown. Relative dates ("since Monday") are counted from
`now`, the time of the message.

Values chosen for indefinite quantities: "a couple" = 2, "a few" = 3, "several" = 4, a bare plural ("for weeks",
"on and off for months") = 2 of that unit, a month = 30 days, a year = 365 days. Measured choices: docs/duration-parsing.md.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from functools import cache
from importlib.resources import files

from symspellpy import SymSpell, Verbosity

from bot.nlu.spelling import WEEK_MISSPELLINGS, weak_means_week

UNIT_DAYS = {
    "minute": 1 / 1440,
    "hour": 1 / 24,
    "day": 1.0,
    "night": 1.0,
    "week": 7.0,
    "fortnight": 14.0,
    "month": 30.0,
    "year": 365.0,
}
UNIT_ALIASES = {
    "min": "minute",
    "mins": "minute",
    "hr": "hour",
    "hrs": "hour",
    "h": "hour",
    "d": "day",
    "wk": "week",
    "wks": "week",
    "w": "week",
    "mth": "month",
    "mths": "month",
    "yr": "year",
    "yrs": "year",
    "y": "year",
    # misspellings that are English words of their own, so the slip reading (unit_named) leaves them alone
    "moths": "month",
    "minuets": "minute",
    "fortnite": "fortnight",
    "mos": "month",
}
NUMBER_WORDS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "couple": 2,
    "a couple": 2,
    "a couple of": 2,
    "couple of": 2,
    "few": 3,
    "a few": 3,
    "several": 4,
    "a dozen": 12,
    "dozen": 12,
    "half a": 0.5,
    "half an": 0.5,
}
WEEKDAYS = {
    "mon": 0,
    "tue": 1,
    "wed": 2,
    "thu": 3,
    "fri": 4,
    "sat": 5,
    "sun": 6,
}
MONTHS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}

_NUMBER_WORD_RE = "|".join(sorted((re.escape(word) for word in NUMBER_WORDS), key=len, reverse=True))
NUMBER = rf"(?:\d+(?:\.\d+)?|{_NUMBER_WORD_RE})"
# A word where a unit may stand, misspelt or not: unit_named decides.
UNIT_WORD = r"[a-z]+"
UNIT = (
    r"(?:minutes?|mins?|hours?|hrs?|h|days?|d|nights?|weeks?|wks?|w|fortnights?|months?|mths?|"
    r"years?|yrs?|y)"
)
FULL_UNIT = r"(?:minutes?|hours?|days?|nights?|weeks?|fortnights?|months?|years?)"
WEEKDAY = r"(?:mon|tue|tues|wed|weds|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|rsday|urday)?"
MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|"
    r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
ORDINAL = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"

# A number of units is not a duration when it measures something else: "8 hours sleep", "35 years old",
# "3 cups a day", "10 hours a day on screens".
NOT_A_DURATION_AFTER = re.compile(
    r"\s*(?:of\s+)?(?:old\b|sleep|kip|rest|a\s+(?:day|night|week)|per\b|each\b|every\b|a\s+time|at\s+a\s+time|"
    r"on\s+(?:the|my|a|screens?|computers?|phones?|laptops?)\b|in\s+front|of\s+screen)",
    re.IGNORECASE,
)
# "10hrs a day": the unit may be written onto its number, so no word boundary is required before it.
NOT_A_DURATION_BEFORE = re.compile(
    r"(?:(?:\b|(?<=\d))(?:not(?:\s+for|\s+since)?|n't|times|cups?|mugs?|cans?|pints?|glasses|drinks?|coffees?|teas?|per|every|each|"
    r"hours?|hrs?|minutes?|mins?)\s*)$",
    re.IGNORECASE,
)
SINGULAR = ("a", "an")
# "6 red bulls a day", "3 monsters a day": "a day" after a counted thing is how often, not how long ("a bit over a
# month" counts no thing: an article is no count).
_COUNT_RE = "|".join(
    re.escape(word) for word in sorted(NUMBER_WORDS, key=len, reverse=True) if word.split()[0] not in SINGULAR
)
RATE_AFTER_COUNT = re.compile(rf"\b(?:\d+|{_COUNT_RE})\b\s*[a-z]+(?:\s+[a-z]+){{0,2}}\s+$", re.IGNORECASE)
# A unit and a joining word just before: what follows adds to that amount ("three weeks and a day").
AFTER_AN_AMOUNT = re.compile(rf"\b{FULL_UNIT}\s*(?:,\s*)?(?:and|plus|&|\+)\s*$", re.IGNORECASE)

# People who cannot or will not put a number on it.
VAGUE = re.compile(
    r"\b(?:ages|for\s+ever|forever|a\s+(?:good\s+|long\s+|little\s+)?while|quite\s+a\s+while|(?:a\s+)?long\s+time|"
    r"some\s+time|as\s+long\s+as\s+i\s+can\s+remember|donkey'?s\s+years|years\s+and\s+years|eons?)\b",
    re.IGNORECASE,
)


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


# Words that say the duration after them corrects one said before: "sorry I meant 6 days", "not 3 days, more like 3
# weeks", "actually it's been a month", "correction: 10 days".
CORRECTION_CUE = re.compile(
    r"\b(?:i\s+meant|i\s+mean|meant\s+to\s+(?:say|type|write)|actually|correction|rather|more\s+like|make\s+that|"
    r"my\s+(?:mistake|bad)|typo|i\s+got\s+(?:that|it)\s+wrong|should\s+(?:have|'ve)\s+said)\b",
    re.IGNORECASE,
)


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
    numeric = [reading for parser in PARSERS for reading in parser(text, now)]
    if numeric:
        return numeric
    return [DurationReading(days=None, vague=True, span=match.span()) for match in VAGUE.finditer(text)]


def longest(readings: list[DurationReading]) -> DurationReading:
    numeric = [reading for reading in readings if reading.days is not None]
    if numeric:
        return max(numeric, key=lambda reading: reading.days or 0.0)
    return readings[0] if readings else NOT_FOUND


def number_value(word: str) -> float:
    cleaned = " ".join(word.lower().split())
    if cleaned in NUMBER_WORDS:
        return float(NUMBER_WORDS[cleaned])
    return float(cleaned)


def unit_days(unit: str) -> float:
    cleaned = unit.lower()
    cleaned = UNIT_ALIASES.get(cleaned, cleaned)
    if cleaned not in UNIT_DAYS:
        cleaned = cleaned.rstrip("s")
    return UNIT_DAYS[cleaned]


def unit_named(word: str, after_digits: bool) -> str | None:
    """The unit a word after a number names: a unit ("weeks", "wks"), or a misspelt one ("wekks") that is no English
    word. Single letters ("3d") count only straight after digits."""
    lowered = word.lower()
    if re.fullmatch(UNIT, lowered) or lowered in UNIT_ALIASES:
        if lowered in SINGLE_LETTER_UNITS and not after_digits:
            return None
        return lowered
    if len(lowered) < MIN_FUZZY_LENGTH or lowered in english_words():
        return None
    return closest_unit(lowered)


def closest_unit(word: str) -> str | None:
    slips = 2 if len(word) >= LONG_WORD else 1
    found = unit_speller().lookup(word, Verbosity.TOP, max_edit_distance=slips)
    return found[0].term if found else None


@cache
def unit_speller() -> SymSpell:
    """symspellpy over the unit words alone: a misspelling can only ever become a unit."""
    speller = SymSpell(max_dictionary_edit_distance=2)
    for unit in UNIT_DAYS:
        speller.create_dictionary_entry(unit, 1)
        speller.create_dictionary_entry(f"{unit}s", 1)
    return speller


@cache
def english_words() -> frozenset[str]:
    """symspellpy's English frequency list: a real word ("ways", "dads", "tears") is never read as a misspelt unit."""
    listing = files("symspellpy").joinpath("frequency_dictionary_en_82_765.txt").read_text(encoding="utf-8")
    return frozenset(line.split(" ", 1)[0] for line in listing.splitlines())


def qualifier_step(unit: float) -> float:
    """How far a qualifier moves a number past its boundary: a day, or half the unit for hours and minutes."""
    return QUALIFIER_DAYS if unit >= 1 else unit / 2


def qualified(days: float, unit: float, before: str, plus: bool) -> float:
    """ "more than a fortnight" and "2+ weeks" are 15 days, "nearly two weeks" 13 (see the module docstring)."""
    step = qualifier_step(unit)
    if plus or MORE_THAN.search(before):
        return days + step
    if LESS_THAN.search(before):
        return max(days - step, step)
    return days


def is_other_measure(text: str, start: int, end: int) -> bool:
    """True when the number of units measures sleep, age, a daily habit, or is negated ("not weeks")."""
    return bool(NOT_A_DURATION_AFTER.match(text, end)) or bool(NOT_A_DURATION_BEFORE.search(text[:start]))


def is_rate(text: str, start: int, count_word: str) -> bool:
    """ "6 red bulls a day" is how often; "three weeks and a day" adds a day to the weeks."""
    before = text[:start]
    return (
        count_word.lower() in SINGULAR
        and bool(RATE_AFTER_COUNT.search(before))
        and not AFTER_AN_AMOUNT.search(before)
    )


# "3 days", "a week and a half", "two and a half weeks", "3 or 4 days", "2-3 weeks", "a week or two", "2+ weeks",
# "2 and a bit weeks" (more than two weeks, as "2+ weeks" is).
QUANTITY = re.compile(
    rf"\b(?P<low>{NUMBER})(?:\s*(?:or|to|-|–|/)\s*(?P<high>{NUMBER}))?(?P<plus>\s*\+)?(?P<half1>\s+and\s+a\s+half)?"
    r"(?P<bit>\s+(?:and|&|n)\s+a\s+(?:little\s+|tiny\s+|wee\s+)?bit(?:\s+of)?)?"
    rf"(?:\s+(?P<whole>good|full|whole|solid|straight)(?=\s+{UNIT}\b))?"
    rf"\s*(?:-\s*)?(?P<unit>{UNIT_WORD})\b(?P<half2>\s+and\s+a\s+half)?(?:\s+or\s+(?P<alt>two|three|so|2|3)\b)?",
    re.IGNORECASE,
)
# Qualifiers right before the number: strictly more, or strictly less, than it.
MORE_THAN = re.compile(
    r"\b(?:over|more\s+than|upwards\s+of|at\s+least|longer\s+than|in\s+excess\s+of|a\s+(?:bit|little)\s+over|"
    r"well\s+over|just\s+over|over\s+and\s+above|a\s+good)\s+$",
    re.IGNORECASE,
)
LESS_THAN = re.compile(
    r"\b(?:nearly|almost|under|not\s+quite|not\s+even|less\s+than|fewer\s+than|just\s+under|short\s+of|"
    r"a\s+(?:bit|little)\s+under|shy\s+of|(?:the\s+)?(?:best|better|greater|biggest)\s+part\s+of|most\s+of)\s+$",
    re.IGNORECASE,
)
# Said after the unit, the same "more than": "two weeks plus", "2 weeks and a bit", "a month and then some",
# "three weeks or more", "ten days odd".
MORE_AFTER = re.compile(
    r"\s*(?:(?:and\s+)?plus\b|\+|and\s+a\s+(?:little\s+)?bit\b|and\s+a\s+little\b|and\s+then\s+some\b|"
    r"and\s+(?:some|more|counting)\b|or\s+(?:more|longer)\b|odd\b)",
    re.IGNORECASE,
)
# What joins a smaller amount to a larger one: "three weeks and a day", "a month plus two weeks", "2 weeks, 3 days".
ADDED_AMOUNT = re.compile(r"\s*(?:,\s*)?(?:and|plus|&|\+)?\s*", re.IGNORECASE)
# Past a boundary by one day; for hours and minutes, by half the unit.
QUALIFIER_DAYS = 1.0
# Three letters ("dys", "wek") are enough for a slip, since only a word straight after a number is read as a unit.
MIN_FUZZY_LENGTH = 3
LONG_WORD = 7
# "for weeks", "on and off for months": a bare plural is at least two of the unit.
BARE_PLURAL = re.compile(
    r"\b(?:for|over|in|past|last|since)\s+(?P<unit>minutes|hours|days|weeks|months|years)\b", re.IGNORECASE
)
# Single-letter units ("3d", "2w") only right after a number, never as words of their own.
SINGLE_LETTER_UNITS = {"h", "d", "w", "y"}


def quantities(text: str, now: datetime) -> Iterator[DurationReading]:
    amounts = [amount for match in QUANTITY.finditer(text) if (amount := amount_of(text, match)) is not None]
    added: set[int] = set()
    for index, (start, end, days, unit) in enumerate(amounts):
        if index in added:
            continue
        following = amounts[index + 1] if index + 1 < len(amounts) else None
        if following is not None and adds_to(text, end, following[0], unit, following[3]):
            # "three weeks and a day", "a fortnight and a couple of days": one duration, the sum of both
            added.add(index + 1)
            days, end = days + following[2], following[1]
        trailing = MORE_AFTER.match(text, end)
        if trailing:
            days, end = days + qualifier_step(unit), trailing.end()
        yield DurationReading(days=days, vague=False, span=(start, end))


def amount_of(text: str, match: re.Match[str]) -> tuple[int, int, float, float] | None:
    """Start, end, days and the unit's days of one number of units, or None when it is no duration."""
    unit = unit_named(
        match.group("unit"), after_digits=bool(re.match(r"\d", match.group("low")))
    ) or misspelt_week(text, match)
    if unit is None:
        return None
    if is_other_measure(text, match.start(), match.end()) or is_rate(text, match.start(), match.group("low")):
        return None
    count = number_value(match.group("high") or match.group("low"))
    if match.group("half1") or match.group("half2"):
        count += 0.5
    alternative = match.group("alt")
    if alternative and alternative.lower() != "so":
        count = max(count, number_value(alternative))
    # "a good week" is at least a week, as "2+ weeks" is; "a full week", "a whole month" are just that
    # "two and a bit weeks" is more than two weeks, as "two weeks and a bit" is
    plus = bool(match.group("plus") or match.group("bit")) or (match.group("whole") or "").lower() == "good"
    days = qualified(count * unit_days(unit), unit_days(unit), text[: match.start()], plus=plus)
    return match.start(), match.end(), days, unit_days(unit)


def misspelt_week(text: str, match: re.Match[str]) -> str | None:
    """ "for a weak", "2 weaks": the week that spelling.weak_means_week reads in the same words."""
    word = match.group("unit").lower()
    following = re.match(r"\s*(\S+)", text[match.end() :])
    # the next word, lower case; punctuation alone ("for a weak!!!") is kept as a mark, which ends the phrase
    after = (following.group(1).lower().strip(".,!?;:") or ",") if following else None
    if word in WEEK_MISSPELLINGS and weak_means_week(match.group("low").lower(), after):
        return WEEK_MISSPELLINGS[word]
    return None


def adds_to(text: str, end: int, next_start: int, unit: float, next_unit: float) -> bool:
    """A smaller unit joined straight after a larger one adds to it ("2 weeks and 3 days"); "3 days and 2 nights"
    or "a week and a month" are two durations."""
    return next_unit < unit and bool(ADDED_AMOUNT.fullmatch(text, end, next_start))


# A recurrence counted from a stage of life long gone: "it's come and gone since my teens", "on and off since I was a kid",
# "most of my life". Read as years: 2 years, as a bare "for years" is.
LIFE_STAGE = re.compile(
    r"\b(?:since\s+(?:my\s+|i\s+was\s+(?:a\s+|in\s+my\s+|at\s+)?|(?:i|we)\s+were\s+)"
    r"(?:teens?|teenager|kid|child|little|young|younger|twenties|20s|thirties|30s|school|uni|university|college|"
    r"student|baby|toddler)|(?:most|all)\s+of\s+my\s+(?:adult\s+)?life|all\s+my\s+life|since\s+childhood)\b",
    re.IGNORECASE,
)
LIFE_STAGE_DAYS = 2 * UNIT_DAYS["year"]


def life_stages(text: str, now: datetime) -> Iterator[DurationReading]:
    for match in LIFE_STAGE.finditer(text):
        yield DurationReading(days=LIFE_STAGE_DAYS, vague=False, span=match.span())


def bare_plurals(text: str, now: datetime) -> Iterator[DurationReading]:
    for match in BARE_PLURAL.finditer(text):
        if is_other_measure(text, match.start(), match.end()):
            continue
        unit_start = match.start("unit")
        yield DurationReading(
            days=2 * unit_days(match.group("unit")), vague=False, span=(unit_start, match.end())
        )


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


# Words that say when it began; "it was worse yesterday" is not a duration, "it started yesterday" is.
ONSET_CUE = re.compile(
    r"\b(?:since|start\w*|began|begun|from|notic\w*|woke|came\s+on|first|appeared|kicked\s+off|happen\w*)\b",
    re.IGNORECASE,
)
FILLER_WORDS = frozenset(
    {
        "i",
        "think",
        "maybe",
        "probably",
        "about",
        "around",
        "like",
        "um",
        "hmm",
        "erm",
        "ish",
        "it",
        "was",
        "so",
        "roughly",
        "approx",
        "prob",
    }
)


def has_onset_cue(text: str, start: int, end: int) -> bool:
    """A relative day counts after an onset word in the same clause, or as the whole answer ("yesterday I think")."""
    if ONSET_CUE.search(text[max(0, start - 60) : start]):
        return True
    rest = re.findall(r"[a-z']+", (text[:start] + " " + text[end:]).lower())
    return all(word in FILLER_WORDS for word in rest)


RELATIVE_DAY = re.compile(
    r"\b(?P<what>yesterday|last\s+night|the\s+day\s+before\s+yesterday|this\s+morning|today|earlier\s+today|"
    r"this\s+afternoon|last\s+week(?:end)?|the\s+weekend|last\s+month|last\s+year|earlier\s+this\s+week|"
    r"this\s+week|christmas|xmas|new\s+year)\b",
    re.IGNORECASE,
)
WEEKDAY_DATE = re.compile(
    rf"\b(?:(?:since|on|from)\s+)?(?:(?:last|this\s+past|past)\s+)?(?P<weekday>{WEEKDAY})\b", re.IGNORECASE
)
DAY_OF_MONTH = re.compile(rf"\b(?:since|from|on)\s+the\s+{ORDINAL}\b(?!\s*(?:of\s+)?{MONTH})", re.IGNORECASE)
MONTH_DATE = re.compile(
    rf"\b(?:since|from|in|early|mid|late|end\s+of|beginning\s+of|start\s+of)\s+(?:the\s+)?"
    rf"(?:(?:{ORDINAL}\s+(?:of\s+)?(?P<month1>{MONTH}))|(?:(?P<month2>{MONTH})(?:\s+(?P<day2>\d{{1,2}})"
    rf"(?:st|nd|rd|th)?)?))\b",
    re.IGNORECASE,
)

# "since the start of the month", "from the beginning of last week".
PERIOD_START = re.compile(
    r"\b(?:since|from)\s+(?:the\s+)?(?:start|beginning)\s+of\s+(?P<which>the|this|last)\s+"
    r"(?P<period>week|month|year)\b",
    re.IGNORECASE,
)


def relative_days(text: str, now: datetime) -> Iterator[DurationReading]:
    for match in RELATIVE_DAY.finditer(text):
        if not has_onset_cue(text, match.start(), match.end()):
            continue
        yield DurationReading(
            days=relative_day_days(match.group("what"), now), vague=False, span=match.span()
        )


def relative_day_days(what: str, now: datetime) -> float:
    key = " ".join(what.lower().split())
    days_back = {"yesterday": 1, "the day before yesterday": 2}
    if key in days_back:
        return days_since_start_of(now - timedelta(days=days_back[key]), now)
    fixed = {
        "last night": 1.0,
        "last week": 7.0,
        "last month": 30.0,
        "last year": 365.0,
    }
    if key in fixed:
        return fixed[key]
    if key in ("last weekend", "the weekend"):
        return days_since_start_of(last_weekday(WEEKDAYS["sat"], now), now)
    if key in ("this week", "earlier this week"):
        return max(float(now.weekday()), 1.0)
    if key in ("christmas", "xmas"):
        return days_since_start_of(last_date(12, 25, now) or now, now)
    if key == "new year":
        return days_since_start_of(datetime(now.year, 1, 1, tzinfo=now.tzinfo), now)
    return hours_today(now)


def weekday_dates(text: str, now: datetime) -> Iterator[DurationReading]:
    for match in WEEKDAY_DATE.finditer(text):
        if not match.group(0).lower().startswith("since") and not has_onset_cue(text, *match.span()):
            continue
        weekday = WEEKDAYS[match.group("weekday")[:3].lower()]
        yield DurationReading(
            days=days_since_start_of(last_weekday(weekday, now), now), vague=False, span=match.span()
        )


def days_of_month(text: str, now: datetime) -> Iterator[DurationReading]:
    for match in DAY_OF_MONTH.finditer(text):
        date = last_day_of_month(int(match.group("day")), now)
        if date is not None:
            yield DurationReading(days=days_since_start_of(date, now), vague=False, span=match.span())


def month_dates(text: str, now: datetime) -> Iterator[DurationReading]:
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
            yield DurationReading(days=days_since_start_of(date, now), vague=False, span=match.span())


def period_starts(text: str, now: datetime) -> Iterator[DurationReading]:
    for match in PERIOD_START.finditer(text):
        start = period_start(
            match.group("period").lower(), previous=match.group("which").lower() == "last", now=now
        )
        yield DurationReading(days=days_since_start_of(start, now), vague=False, span=match.span())


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


PARSERS: tuple[Callable[[str, datetime], Iterator[DurationReading]], ...] = (
    quantities,
    bare_plurals,
    life_stages,
    relative_days,
    weekday_dates,
    days_of_month,
    month_dates,
    period_starts,
)
