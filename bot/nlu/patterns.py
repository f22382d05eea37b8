"""The everyday phrases for each finding, place and side, read from bot/nlu/resources/target_phrases.yml.

The file says what each kind of phrase means and how to add one; this module checks it and hands the extractor the
phrases with their word lists filled in (notation: bot.nlu.pattern_language).
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any

from bot.nlu.resources import ResourceError, WordLists, expand, load
from bot.triage.findings import FINDING_CODES

RESOURCE = "target_phrases"


@dataclass(frozen=True)
class CodePatterns:
    """The phrases of one finding by kind (target_phrases.yml says what each kind means)."""

    present: tuple[str, ...] = ()
    generic: tuple[str, ...] = ()
    generic_absent: tuple[str, ...] = ()
    absent: tuple[str, ...] = ()
    mention: tuple[str, ...] = ()
    answer: tuple[str, ...] = ()
    neutral: tuple[str, ...] = ()
    implied: tuple[str, ...] = ()


KINDS = frozenset(field.name for field in fields(CodePatterns))


def phrases(entries: Any, words: WordLists, where: str) -> tuple[str, ...]:
    """The phrases of a list of entries, word lists filled in; `where` names the list in errors."""
    if not isinstance(entries, list):
        raise ResourceError(f"{RESOURCE}.yml {where}: expected a list of phrases, found {entries!r}")
    return tuple(
        phrase
        for index, entry in enumerate(entries)
        for phrase in expand(entry, words, f"{RESOURCE}.yml {where}[{index}]")
    )


def code_patterns(code: str, kinds: Any, words: WordLists) -> CodePatterns:
    """The phrases of one finding code by kind, or a ResourceError for an unknown code or kind."""
    if code not in FINDING_CODES:
        raise ResourceError(f"{RESOURCE}.yml findings: {code!r} is no finding code (bot/triage/findings.py)")
    if not isinstance(kinds, dict) or not set(kinds) <= KINDS:
        raise ResourceError(
            f"{RESOURCE}.yml findings.{code}: the kinds of phrase are {sorted(KINDS)}, found {kinds!r}"
        )
    return CodePatterns(
        **{kind: phrases(entries, words, f"findings.{code}.{kind}") for kind, entries in kinds.items()}
    )


def phrases_by_name(section: str, words: WordLists) -> dict[str, tuple[str, ...]]:
    """The phrases of each place or side of a section."""
    return {name: phrases(entries, words, f"{section}.{name}") for name, entries in PHRASES[section].items()}


PHRASES = load(RESOURCE)
WORDS: WordLists = PHRASES["words"]
FINDING_PATTERNS: dict[str, CodePatterns] = {
    code: code_patterns(code, kinds, WORDS) for code, kinds in PHRASES["findings"].items()
}
# A feeling in the face that names no sign: not a finding; the dialogue asks about numbness and weakness because of it.
VAGUE_FEELING_WORDS = phrases(PHRASES["vague_feeling_words"], WORDS, "vague_feeling_words")
# A body part or function a red flag affects, by the red flag's code (target_phrases.yml says why).
BODY_MENTION_PATTERNS = phrases_by_name("body_mentions", WORDS)
RECOVERED_BODY_MENTION_PATTERNS = phrases_by_name("recovered_body_mentions", WORDS)
RECOVERY_PATTERNS = phrases(PHRASES["recovery_after"], WORDS, "recovery_after")
STROKE_WORDS = phrases(PHRASES["stroke_words"], WORDS, "stroke_words")
EMERGENCY_WORDS = phrases(PHRASES["emergency_words"], WORDS, "emergency_words")
LOCATION_PATTERNS = phrases_by_name("location_patterns", WORDS)
SIDE_PATTERNS = phrases_by_name("side_patterns", WORDS)
SIDE_WORDS: dict[str, str] = PHRASES["side_words"]
# A lone side word ("the left one") is read as the side only in a reply of at most this many tokens.
SHORT_REPLY_TOKENS = 4
