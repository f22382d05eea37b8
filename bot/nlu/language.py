"""Is this message English? A cheap heuristic, so the assistant can say it only understands English for now.

It errs towards English: short replies ("left", "nope", "2 weeks"), emoji, numbers and empty text are treated as
English (nothing to misunderstand), because telling an English speaker "I only understand English" mid-triage is
worse than letting the normal fallback handle an odd short message. Longer text is judged by its script (most
letters outside the Latin alphabet: Chinese, Arabic, Russian...) and by its common words (English function words
against those of Spanish, French, German, Italian, Portuguese and Dutch).
"""

from __future__ import annotations

import re
import unicodedata

from bot.nlu.resources import load

WORDS = load("language")
ENGLISH_WORDS = frozenset(WORDS["english"].split())
FOREIGN_WORDS = frozenset(WORDS["foreign"].split()) - ENGLISH_WORDS
WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?", re.UNICODE)
SHORT_REPLY_WORDS = 2
NON_LATIN_SHARE = 0.3


def is_probably_english(text: str) -> bool:
    words = [word.lower() for word in WORD.findall(text or "")]
    if not words:
        return True
    if non_latin_share(words) > NON_LATIN_SHARE:
        return False
    if len(words) <= SHORT_REPLY_WORDS:
        return True
    english = sum(word in ENGLISH_WORDS for word in words)
    foreign = sum(word in FOREIGN_WORDS or has_foreign_letters(word) for word in words)
    return english >= foreign


def non_latin_share(words: list[str]) -> float:
    letters = [char for word in words for char in word]
    non_latin = sum(not unicodedata.name(char, "").startswith("LATIN") for char in letters)
    return non_latin / len(letters)


def has_foreign_letters(word: str) -> bool:
    """Accented Latin letters (é, ñ, ü, ß...): rare in English chat."""
    return any(ord(char) > 127 for char in word)
