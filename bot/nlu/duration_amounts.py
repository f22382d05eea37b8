"""Durations stated as a number of units ("3 days", "a week or two", "2+ weeks", "three weeks and a day"), as a bare
plural ("for weeks") or as a stage of life ("since my teens"); the choices are explained in bot.nlu.duration."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import datetime
from fractions import Fraction
from functools import cache
from importlib.resources import files

from symspellpy import SymSpell, Verbosity

from bot.nlu.resources import load
from bot.nlu.spelling import WEEK_MISSPELLINGS, weak_means_week

PHRASES = load("duration_amounts")
WORDS = {name: frozenset(words) for name, words in PHRASES["words"].items()}

# A duration stated in a message: its days and where it was said.
Stated = tuple[float, tuple[int, int]]

UNIT_DAYS = {unit: float(Fraction(str(days))) for unit, days in PHRASES["unit_days"].items()}
UNIT_ALIASES: dict[str, str] = PHRASES["unit_aliases"]
NUMBER_WORDS: dict[str, float] = PHRASES["number_words"]
_NUMBER_WORD_RE = "|".join(sorted((re.escape(word) for word in NUMBER_WORDS), key=len, reverse=True))
NUMBER = rf"(?:\d+(?:\.\d+)?|{_NUMBER_WORD_RE})"
# A word where a unit may stand, misspelt or not: unit_named decides.
UNIT_WORD = r"[a-z]+"
UNIT = rf"(?:{'|'.join(PHRASES['unit'])})"
FULL_UNIT = rf"(?:{'|'.join(PHRASES['full_unit'])})"
NOT_A_DURATION_AFTER = re.compile(PHRASES["not_a_duration_after"], re.IGNORECASE)
NOT_A_DURATION_BEFORE = re.compile(PHRASES["not_a_duration_before"], re.IGNORECASE)
SINGULAR = ("a", "an")
# "6 red bulls a day", "3 monsters a day": "a day" after a counted thing is how often, not how long ("a bit over a
# month" counts no thing: an article is no count).
_COUNT_RE = "|".join(
    re.escape(word) for word in sorted(NUMBER_WORDS, key=len, reverse=True) if word.split()[0] not in SINGULAR
)
RATE_AFTER_COUNT = re.compile(rf"\b(?:\d+|{_COUNT_RE})\b\s*[a-z]+(?:\s+[a-z]+){{0,2}}\s+$", re.IGNORECASE)
# A unit and a joining word just before: what follows adds to that amount ("three weeks and a day").
AFTER_AN_AMOUNT = re.compile(rf"\b{FULL_UNIT}\s*(?:,\s*)?(?:and|plus|&|\+)\s*$", re.IGNORECASE)


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
        if lowered in WORDS["single_letter_units"] and not after_digits:
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
    if AT_MOST.search(before) and not plus:
        return days
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
    rf"(?:\s+(?P<whole>{'|'.join(PHRASES['whole_units'])})(?=\s+{UNIT}\b))?"
    rf"\s*(?:-\s*)?(?P<unit>{UNIT_WORD})\b(?P<half2>\s+and\s+a\s+half)?(?:\s+or\s+(?P<alt>two|three|so|2|3)\b)?",
    re.IGNORECASE,
)
MORE_THAN = re.compile(rf"\b(?:{'|'.join(PHRASES['more_than'])})\s+$", re.IGNORECASE)
LESS_THAN = re.compile(rf"\b(?:{'|'.join(PHRASES['less_than'])})\s+$", re.IGNORECASE)
AT_MOST = re.compile(rf"\b(?:{'|'.join(PHRASES['at_most'])})\s+$", re.IGNORECASE)
MORE_AFTER = re.compile(rf"\s*(?:{'|'.join(PHRASES['more_after'])})", re.IGNORECASE)
ADDED_AMOUNT = re.compile(PHRASES["added_amount"], re.IGNORECASE)
# Past a boundary by one day; for hours and minutes, by half the unit.
QUALIFIER_DAYS = 1.0
# Three letters ("dys", "wek") are enough for a slip, since only a word straight after a number is read as a unit.
MIN_FUZZY_LENGTH = 3
LONG_WORD = 7
BARE_PLURAL = re.compile(PHRASES["bare_plural"], re.IGNORECASE)


def quantities(text: str, now: datetime) -> Iterator[Stated]:
    amounts = [amount for match in QUANTITY.finditer(text) if (amount := amount_of(text, match)) is not None]
    added: set[int] = set()
    for index, (start, end, days, unit) in enumerate(amounts):
        if index in added:
            continue
        following = amounts[index + 1] if index + 1 < len(amounts) else None
        if following is not None and adds_to(text, end, following[0], unit, following[3], following[2]):
            # "three weeks and a day", "a fortnight and a couple of days": one duration, the sum of both
            added.add(index + 1)
            days, end = days + following[2], following[1]
        trailing = MORE_AFTER.match(text, end)
        if trailing:
            days, end = days + qualifier_step(unit), trailing.end()
        yield days, (start, end)


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


def adds_to(text: str, end: int, next_start: int, unit: float, next_unit: float, next_days: float) -> bool:
    """A smaller unit joined straight after a larger one adds to it ("2 weeks and 3 days"); "3 days and 2 nights"
    or "a week and a month" are two durations, and so is an amount as long as the larger unit, which says the
    same again in other words ("a week or so, 7 or 8 days")."""
    return next_unit < unit and next_days < unit and bool(ADDED_AMOUNT.fullmatch(text, end, next_start))


LIFE_STAGE = re.compile(rf"\b(?:{'|'.join(PHRASES['life_stage'])})\b", re.IGNORECASE)
LIFE_STAGE_DAYS = 2 * UNIT_DAYS["year"]


def life_stages(text: str, now: datetime) -> Iterator[Stated]:
    for match in LIFE_STAGE.finditer(text):
        yield LIFE_STAGE_DAYS, match.span()


def bare_plurals(text: str, now: datetime) -> Iterator[Stated]:
    for match in BARE_PLURAL.finditer(text):
        if is_other_measure(text, match.start(), match.end()):
            continue
        unit_start = match.start("unit")
        yield 2 * unit_days(match.group("unit")), (unit_start, match.end())


# "for the past week", "over the last month", "this past week or so": one of the unit, up to now.
PAST_PERIOD = re.compile(
    rf"\b(?:the|this)\s+(?:past|last|previous)\s+(?P<unit>{'|'.join(PHRASES['past_period_units'])})\b"
    r"(?P<or_two>\s+or\s+(?:two|2)\b)?(?!\s*and)",
    re.IGNORECASE,
)


def past_periods(text: str, now: datetime) -> Iterator[Stated]:
    for match in PAST_PERIOD.finditer(text):
        # "the past week or two": the longer of the two, as with "2 or 3 weeks"
        units = 2 if match.group("or_two") else 1
        yield units * UNIT_DAYS[match.group("unit").lower()], match.span()


CLINICAL_FRACTION = re.compile(PHRASES["clinical_fraction"], re.IGNORECASE)
CLINICAL_FRACTION_UNITS: dict[int, str] = PHRASES["clinical_fraction_units"]
DATE_WORD_BEFORE = re.compile(PHRASES["date_word_before"], re.IGNORECASE)


def clinical_fractions(text: str, now: datetime) -> Iterator[Stated]:
    """ "x3/7", "for 2/52": a count of the unit the denominator stands for (7 days, 52 weeks, 12 months)."""
    for match in CLINICAL_FRACTION.finditer(text):
        count, denominator = int(match.group("count")), int(match.group("denominator"))
        if count > 0 and not DATE_WORD_BEFORE.search(text, 0, match.start()):
            yield count * UNIT_DAYS[CLINICAL_FRACTION_UNITS[denominator]], match.span()
