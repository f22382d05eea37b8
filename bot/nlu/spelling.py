"""Spelling tolerance: each token's NORM is set to the spelling the finding patterns are written in.

People type fast and on phones ("twiching", "numbnes", "rite side", "dizzyness"), and write British or American
English. The patterns match on NORM, so a misspelt key word still matches. Two layers:
- known variants and misspellings, looked up directly;
- for longer key words only, one slip (a letter missing, extra, wrong or two letters swapped). Short words and
  words that are real words in their own right ("switch", "months", "check") are never "corrected", because
  turning "months" into "mouths" or "check" into "cheek" would invent a finding.
Medicines named by their generic or brand names ("propranolol", "Prozac") read as "medication". The words themselves
are in bot/nlu/resources/spelling.yml.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from bot.nlu.resources import load

SPELLINGS = load("spelling")
VARIANTS: dict[str, str] = SPELLINGS["variants"]
# Key words long enough to be recognised through a single slip; the real words one slip from them are never corrected.
SLIP_TOLERANT_WORDS: tuple[str, ...] = tuple(SPELLINGS["slip_tolerant_words"])
NEVER_CORRECTED = frozenset(SPELLINGS["never_corrected"])
MIN_SLIP_LENGTH = 5
DRUG_ENDINGS: tuple[str, ...] = tuple(SPELLINGS["drug_endings"])
# No common English word this long ends like a medicine.
MIN_DRUG_LENGTH = 7
MEDICINE_BRANDS = frozenset(SPELLINGS["medicine_brands"])
MEDICATION = "medication"
# "so" before a word of degree intensifies it ("the lid shuts so tight") and starts no clause, unlike the "so" of "I'm
# stressed so I can't sleep": read as "very", which the phrase gaps may cross.
DEGREE_WORDS = frozenset(SPELLINGS["degree_words"])
INTENSIFIER = "very"
# "for a weak", "2 weaks ago": a misspelt "week" (see weak_means_week).
WEEK_MISSPELLINGS: dict[str, str] = SPELLINGS["week_misspellings"]
COUNTS_BEFORE_A_WEEK = frozenset(SPELLINGS["counts_before_a_week"])
WORDS_AFTER_A_DURATION = frozenset(SPELLINGS["words_after_a_duration"])


def damerau_within_one(word: str, other: str) -> bool:
    """True when the two differ by at most one inserted, deleted, replaced or swapped letter."""
    if word == other:
        return True
    if abs(len(word) - len(other)) > 1:
        return False
    if len(word) == len(other):
        diffs = [index for index, (a, b) in enumerate(zip(word, other, strict=False)) if a != b]
        if len(diffs) == 1:
            return True
        first, second = ([*diffs, -1, -1])[:2]
        return (
            len(diffs) == 2
            and second == first + 1
            and word[first] == other[second]
            and word[second] == other[first]
        )
    shorter, longer = sorted((word, other), key=len)
    return any(longer[:index] + longer[index + 1 :] == shorter for index in range(len(longer)))


def deletions(word: str) -> set[str]:
    return {word[:index] + word[index + 1 :] for index in range(len(word))} | {word}


# Symmetric-delete index: a word one slip away from a key word shares a one-letter deletion with it.
SLIP_INDEX: dict[str, tuple[str, ...]] = {}
for _key_word in SLIP_TOLERANT_WORDS:
    for _deleted in deletions(_key_word):
        SLIP_INDEX[_deleted] = (*SLIP_INDEX.get(_deleted, ()), _key_word)


@lru_cache(maxsize=20000)
def canonical_spelling(word: str) -> str:
    """The spelling the patterns use for this lower-case word (the word itself when nothing is known)."""
    if word in VARIANTS:
        return VARIANTS[word]
    if word in MEDICINE_BRANDS or (len(word) >= MIN_DRUG_LENGTH and word.endswith(DRUG_ENDINGS)):
        return MEDICATION
    if (
        len(word) < MIN_SLIP_LENGTH
        or word in NEVER_CORRECTED
        or word in SLIP_TOLERANT_WORDS
        or not word.isalpha()
    ):
        return word
    candidates = {key for deleted in deletions(word) for key in SLIP_INDEX.get(deleted, ())}
    matches = sorted(key for key in candidates if damerau_within_one(word, key))
    return matches[0] if len(matches) == 1 else word


def weak_means_week(before: str, after: str | None) -> bool:
    """Whether a "weak" between these two words (lower case; `after` None at the end of a phrase) is a week: with a
    count before it and nothing after it that could be weak ("a weak arm", "a weak and floppy face" stay weakness). The
    duration reader asks the same question (bot.nlu.duration), so both read such a "weak" alike."""
    counted = before in COUNTS_BEFORE_A_WEEK or before.isdigit()
    return counted and (after is None or not after.isalpha() or after in WORDS_AFTER_A_DURATION)


# "pins n needles", "on n off": a lone "n" between two words is "and".
SHORT_AND = "n"


@Language.component("lay_spelling")
def lay_spelling(doc: Doc) -> Doc:
    """Set each token's NORM to its canonical spelling (spaCy's own NORM already expands "n't" to "not")."""
    for token in doc:
        token.norm_ = canonical_spelling(token.norm_)
    for token in doc[:-1]:
        if token.norm_ == "so" and token.nbor().norm_ in DEGREE_WORDS:
            token.norm_ = INTENSIFIER
    for token in doc[1:]:
        following = doc[token.i + 1] if token.i + 1 < len(doc) else None
        if token.norm_ in WEEK_MISSPELLINGS and weak_means_week(
            doc[token.i - 1].norm_, following.norm_ if following is not None else None
        ):
            token.norm_ = WEEK_MISSPELLINGS[token.norm_]
        elif (
            token.norm_ == SHORT_AND
            and following is not None
            and token.nbor(-1).is_alpha
            and following.is_alpha
        ):
            token.norm_ = "and"
    return doc
