"""The side of the face: from side phrases, or from a short reply that names one ("left", "the rite one", "both")."""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Doc

from bot.nlu.patterns import SHORT_REPLY_TOKENS, SIDE_WORDS
from bot.nlu.resources import load
from bot.nlu.vocabulary import NEGATION_WORDS

PHRASES = load("sides")
WORDS = {name: frozenset(words) for name, words in PHRASES["words"].items()}

NOT_A_SIDE_REPLY = NEGATION_WORDS | frozenset(PHRASES["not_a_side_reply"])


def ordered_unique(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(values))


def short_reply_side(doc: Doc) -> tuple[str, ...]:
    """A one-word answer ("left", "the rite one", "both") names a side; in longer text these words rarely do."""
    words = [token for token in doc if not token.is_punct]
    if len(words) > SHORT_REPLY_TOKENS or any(token.norm_ in NOT_A_SIDE_REPLY for token in words):
        return ()
    return ordered_unique(
        SIDE_WORDS[token.norm_]
        for token in words
        if token.norm_ in SIDE_WORDS and not (token.i > 0 and doc[token.i - 1].norm_ in WORDS["subjects"])
    )


def combine_sides(sides: tuple[str, ...]) -> str | None:
    if not sides:
        return None
    if "both" in sides or {"left", "right"} <= set(sides):
        return "both"
    return sides[0]
