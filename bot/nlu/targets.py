"""What a target phrase stands for: its kind (bot.nlu.kinds), the code or place it names, the words of its pattern;
and the targets the pipeline marked in a document (bot.nlu.pipeline)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from bot.nlu.context_rules import STROKE, TARGET_GROUP
from bot.nlu.kinds import ALARM_TALK, EMERGENCY, FINDING_KINDS, LOCATION, SIDE, VAGUE, VAGUE_SENSATION
from bot.nlu.patterns import (
    EMERGENCY_WORDS,
    FINDING_PATTERNS,
    LOCATION_PATTERNS,
    SIDE_PATTERNS,
    STROKE_WORDS,
    VAGUE_FEELING_WORDS,
)
from bot.nlu.vocabulary import NEGATION_WORDS

TARGETS = TARGET_GROUP

# Inside a phrase, "nothing" denies as "not" does: "when I smile nothing happens to my eye".
INSIDE_NEGATIONS = NEGATION_WORDS | {"nothing"}


@dataclass(frozen=True)
class Target:
    """What a pattern key stands for: the kind of phrase, the code or place it names, and whether the
    pattern itself contains a negation word ("can not close my eye" is a sign, not a negation)."""

    kind: str
    code: str
    negation_in_pattern: bool
    # The words the pattern itself names, so that a "will" it asks for is not read as talk of the future.
    words: frozenset[str] = frozenset()

    @property
    def label(self) -> str:
        return f"{self.kind}:{self.code}"


def target_key(kind: str, code: str, index: int) -> str:
    return f"{kind}:{code}:{index}"


def pattern_has_negation(notation: str) -> bool:
    return bool(pattern_words(notation) & INSIDE_NEGATIONS)


def pattern_words(notation: str) -> frozenset[str]:
    return frozenset(word for token in notation.split() for word in token.rstrip("?").split("|"))


def all_patterns() -> Iterable[tuple[Target, str, int]]:
    for code, patterns in FINDING_PATTERNS.items():
        for kind in FINDING_KINDS:
            for index, notation in enumerate(getattr(patterns, kind)):
                yield (
                    Target(kind, code, pattern_has_negation(notation), pattern_words(notation)),
                    notation,
                    index,
                )
    for kind, table in (
        (LOCATION, LOCATION_PATTERNS),
        (SIDE, SIDE_PATTERNS),
        (ALARM_TALK, {STROKE: STROKE_WORDS, EMERGENCY: EMERGENCY_WORDS}),
        (VAGUE, {VAGUE_SENSATION: VAGUE_FEELING_WORDS}),
    ):
        for value, notations in table.items():
            for index, notation in enumerate(notations):
                yield Target(kind, value, pattern_has_negation(notation)), notation, index


def targets_with_spans(doc: Doc) -> list[tuple[Target, Span]]:
    """The targets the pipeline marked in the document (bot.nlu.pipeline.FindingTargets), in order."""
    targets: list[tuple[Target, Span]] = doc.user_data.get(TARGETS, [])
    return targets


def overlaps(one: Span, other: Span) -> bool:
    return one.start < other.end and other.start < one.end
