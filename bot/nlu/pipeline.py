"""The spaCy pipeline, built once per process from `spacy.blank("en")`: sentencizer -> spelling normaliser
(bot.nlu.spelling) -> phrase targets (bot.nlu.patterns, overlaps resolved by bot.nlu.target_overlaps) -> medspaCy
ConText (bot.nlu.context_rules); and the pieces a long message is cut into before it goes through."""

from __future__ import annotations

import spacy
from medspacy.context import ConText
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span

from bot.nlu import spelling  # noqa: F401  (registers the "lay_spelling" pipeline component)
from bot.nlu.context_rules import context_rules
from bot.nlu.kinds import PLACE_KINDS
from bot.nlu.pattern_language import compile_pattern
from bot.nlu.target_overlaps import resolve_overlaps
from bot.nlu.targets import TARGETS, Target, all_patterns, target_key

# Longest piece of a message analysed at once (see `chunks`).
CHUNK_CHARS = 400


class FindingTargets:
    """Pipeline component: marks every phrase that names a finding, place or side as a ConText target."""

    def __init__(self, nlp: Language) -> None:
        self.matcher = Matcher(nlp.vocab)
        self.targets: dict[int, Target] = {}
        for target, notation, index in all_patterns():
            key = target_key(target.kind, target.code, index)
            self.matcher.add(key, [compile_pattern(notation)])
            self.targets[nlp.vocab.strings[key]] = target

    def __call__(self, doc: Doc) -> Doc:
        found = [
            (self.targets[key], Span(doc, start, end, label=self.targets[key].label))
            for key, start, end in self.matcher(doc)
        ]
        chosen = resolve_overlaps(found)
        doc.spans[TARGETS] = [span for _, span in chosen]
        # kept with their targets, so that reading a document never looks its targets up again
        doc.user_data[TARGETS] = chosen
        return doc


@Language.factory(TARGETS)
def make_finding_targets(nlp: Language, name: str) -> FindingTargets:
    return FindingTargets(nlp)


def build_pipeline() -> Language:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("lay_spelling")
    nlp.add_pipe(TARGETS, validate=False)  # postponed annotations defeat spaCy's config validation
    context: ConText = nlp.add_pipe(
        "medspacy_context",
        config={
            "rules": None,
            "input_span_type": "group",
            "span_group_name": TARGETS,
            "phrase_matcher_attr": "NORM",
            "prune_on_target_overlap": True,
            "span_attrs": None,
        },
    )
    context.add(context_rules(labels_by_code()))
    return nlp


def labels_by_code() -> dict[str, set[str]]:
    """Span labels per finding code, and all place labels under "place", for the ConText rule scopes."""
    labels: dict[str, set[str]] = {}
    for target, _, _ in all_patterns():
        group = "place" if target.kind in PLACE_KINDS else target.code
        labels.setdefault(group, set()).add(target.label)
    return labels


def chunks(text: str) -> list[tuple[int, str]]:
    """The message in pieces of at most CHUNK_CHARS, cut at sentence ends where possible, with their offsets.

    ConText compares every modifier with every other in a document, so a very long message (10,000 characters of
    "no no no...") would take seconds in one piece; in pieces it takes time in proportion to its length.
    """
    pieces: list[tuple[int, str]] = []
    start = 0
    while start < len(text) or not pieces:
        end = min(start + CHUNK_CHARS, len(text))
        if end < len(text):
            window = text[start:end]
            cut = max(window.rfind(mark) for mark in (". ", "! ", "? ", "\n"))
            if cut <= CHUNK_CHARS // 2:
                cut = window.rfind(" ")
            end = start + cut + 1 if cut > 0 else end
        pieces.append((start, text[start:end]))
        start = end
    return pieces
