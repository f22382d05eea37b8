"""Talk of a stroke or an emergency: not findings, but what the safety override needs to know: whether the person
declares one happening now, and whether every stroke told of is a relative's or a past one."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from bot.nlu.context_rules import DISCOUNTING, FAMILY, NEGATED, RECENT, STROKE
from bot.nlu.kinds import ALARM_TALK
from bot.nlu.resources import load
from bot.nlu.targets import targets_with_spans
from bot.nlu.tense import FEAR_WORDS, PAST_OR_OTHERS
from bot.nlu.vocabulary import NEGATION_WORDS, QUESTION_STARTS

PHRASES = load("alarm_talk")
WORDS = {name: frozenset(words) for name, words in PHRASES["words"].items()}


def stroke_only_past_or_others(docs: list[Doc]) -> bool:
    """Every mention of a stroke is a relative's or a past one, and none is said to be happening now."""
    said = [
        {modifier.category for modifier in span._.modifiers}
        for doc in docs
        for target, span in targets_with_spans(doc)
        if target.kind == ALARM_TALK and target.code == STROKE
    ]
    return bool(said) and all(categories & PAST_OR_OTHERS and RECENT not in categories for categories in said)


def declares_emergency(docs: list[Doc]) -> bool:
    """ "I think I'm having a stroke", "my husband is having a stroke", "this is an emergency", "call an ambulance": the
    person says so, for themselves or someone with them. Not when it is denied, supposed, a question, a fear, a guess
    ("might be a stroke") or a relative's or past stroke."""
    return any(
        target.kind == ALARM_TALK and declared(span)
        for doc in docs
        for target, span in targets_with_spans(doc)
    )


def declared(span: Span) -> bool:
    categories = {modifier.category for modifier in span._.modifiers}
    if categories & (DISCOUNTING - {FAMILY} | {NEGATED}) or (
        FAMILY in categories and RECENT not in categories
    ):
        return False
    sentence = span.sent
    # what comes before in the same clause: "not being dramatic, but I think I'm having a stroke" declares
    clause_start = max(
        [
            token.i + 1
            for token in span.doc[sentence.start : span.start]
            if token.norm_ in WORDS["clause_turns"]
        ],
        default=sentence.start,
    )
    said_before = {token.norm_ for token in span.doc[clause_start : span.start]}
    asked = sentence.text.rstrip().endswith("?") or span.doc[clause_start].norm_ in QUESTION_STARTS | {
        "if",
        "whether",
    }
    return not (asked or said_before & (FEAR_WORDS | WORDS["guessing_words"] | NEGATION_WORDS))
