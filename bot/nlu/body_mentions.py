"""Red flags suspected from the body part they affect: "the back of my head feels like it was hit with a bat", "my hand
let go of the kettle", "my hearing has gone all tinny".

People tell a sign in words nobody listed far more often than they leave out the body part it is in. So a body part a
red flag affects, told of as the person's own and not said to be well, in a message that read nothing of that red flag,
makes the dialogue ask about the red flag on its own: a "no" carries on, an unclear answer counts as the sign
(docs/clinical-design.md). The phrases are in resources/target_phrases.yml (body_mentions).

A body part told as recovered ("my arm's fine now", "the eye's back to normal") was not well earlier: a stroke sign
that has passed still needs the emergency answer, so it is asked about too. The eye and the face, left out of the body
parts because the twitch is in them, count only so (recovered_body_mentions).

These phrases are matched apart from the finding phrases and ConText on purpose: as targets of their own they would
take the negations ConText hands out one target at a time ("no issues with my balance" would deny the body part and
leave the balance unread).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from spacy.matcher import Matcher
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from bot.nlu.pattern_language import compile_pattern
from bot.nlu.patterns import BODY_MENTION_PATTERNS, RECOVERED_BODY_MENTION_PATTERNS, RECOVERY_PATTERNS
from bot.nlu.resources import load
from bot.nlu.tense import FEAR_WORDS
from bot.nlu.tense import WORDS as TENSE_WORDS
from bot.nlu.vocabulary import (
    QUESTION_STARTS_IN_CHAT,
    RELATIVES,
    THIRD_PERSON_POSSESSIVES,
    has_negation_cue,
    words_of,
)
from bot.triage.findings import RED_FLAG_CODES, Status

CLAUSE_END = re.compile(r"[,.;:!?\n]|\bbut\b", re.IGNORECASE)
# Words before a body part in its sentence that make it a worry, a supposition or the past, not what is happening:
# "scared I'll lose my sight", "if my arm goes numb", "my speech used to be slurred".
# A sentence with one of these tells of someone else's body, or of someone else's stroke, when it says "his" or "her".
ANOTHERS = RELATIVES | {"stroke", "strokes"}
NOT_NOW_BEFORE = TENSE_WORDS["future_words"] | FEAR_WORDS | {"if", "unless", "whether", "used"}
NORMAL_WORDS = frozenset(load("context_rules")["words"]["normal_words"])
RECOVERY = "recovery"
RECOVERED_ONLY = "recovered:"


@dataclass(frozen=True)
class BodyMention:
    """A body part a red flag affects, told of as now; `recovered`: said after it, in its clause, to be well again."""

    code: str
    start: int
    end: int
    recovered: bool
    counts_only_recovered: bool


class BodyMentions:
    """Finds the body-part phrases of a document, by the red flag each one names."""

    def __init__(self, vocab: Vocab) -> None:
        unknown = (set(BODY_MENTION_PATTERNS) | set(RECOVERED_BODY_MENTION_PATTERNS)) - set(RED_FLAG_CODES)
        if unknown:
            raise ValueError(f"body_mentions names no red flag: {sorted(unknown)}")
        self.matcher = Matcher(vocab)
        for code, notations in BODY_MENTION_PATTERNS.items():
            self.matcher.add(code, [compile_pattern(notation) for notation in notations])
        for code, notations in RECOVERED_BODY_MENTION_PATTERNS.items():
            self.matcher.add(RECOVERED_ONLY + code, [compile_pattern(notation) for notation in notations])
        self.matcher.add(RECOVERY, [compile_pattern(notation) for notation in RECOVERY_PATTERNS])

    def in_doc(self, doc: Doc, offset: int) -> list[BodyMention]:
        """The body-part phrases told of as now, offsets in the whole message."""
        matches = [
            (doc.vocab.strings[match_id], doc[start:end]) for match_id, start, end in self.matcher(doc)
        ]
        recoveries = [span.start for label, span in matches if label == RECOVERY]
        return [
            BodyMention(
                label.removeprefix(RECOVERED_ONLY),
                offset + span.start_char,
                offset + span.end_char,
                any(span.end <= start < clause_end(span) for start in recoveries),
                label.startswith(RECOVERED_ONLY),
            )
            for label, span in matches
            if label != RECOVERY and told_as_now(span)
        ]


def clause_end(span: Span) -> int:
    """The token index where the clause of a span ends (a punctuation mark or a "but" after it)."""
    sentence = span.sent
    return next(
        (token.i for token in span.doc[span.end : sentence.end] if CLAUSE_END.fullmatch(token.text)),
        sentence.end,
    )


def told_as_now(span: Span) -> bool:
    """Not in a question ("could it affect my eyesight?"), not someone else's, and not after a worry, a supposition or a
    past in its sentence: those are answered as worries, and asking about the sign would not follow what was said."""
    sentence = span.sent
    if sentence.text.rstrip().endswith("?") or sentence[0].norm_ in QUESTION_STARTS_IN_CHAT:
        return False
    if span[0].norm_ in THIRD_PERSON_POSSESSIVES and any(token.norm_ in ANOTHERS for token in sentence):
        # "my nan lost her sight after a stroke": a relative's body, not the patient's (who may be "he" when someone
        # types for them: "his right hand wouldn't hold the fork")
        return False
    return not any(token.norm_ in NOT_NOW_BEFORE for token in span.doc[sentence.start : span.start])


def suspected_signs(
    text: str, mentions: Iterable[BodyMention], findings: Mapping[str, Status]
) -> dict[str, tuple[int, int]]:
    """The red flags to ask about, with the span of the body part that raised each: a sign the message read, present
    or denied, was heard and is no suspicion."""
    suspected: dict[str, tuple[int, int]] = {}
    for mention in mentions:
        if mention.code in findings or mention.code in suspected:
            continue
        if mention.recovered or told_of_as_unwell(text, mention):
            suspected[mention.code] = (mention.start, mention.end)
    return suspected


def told_of_as_unwell(text: str, mention: BodyMention) -> bool:
    """A body part that raises its red flag by itself (not the eye or the face) and is not said to be well."""
    return not mention.counts_only_recovered and not said_to_be_well(text, mention.start, mention.end)


def said_to_be_well(text: str, start: int, end: int) -> bool:
    """Denied before it or said to be well after it, within its clause ("nothing wrong with my head", "my arm's fine").
    A negation after it tells what is wrong ("my hand won't hold the cup") and is no denial."""
    clause_start = max((match.end() for match in CLAUSE_END.finditer(text, 0, start)), default=0)
    clause_end = next((match.start() for match in CLAUSE_END.finditer(text, end)), len(text))
    before = set(words_of(text[clause_start:start]))
    after = set(words_of(text[end:clause_end]))
    denied_before = has_negation_cue(before)
    return denied_before or bool(after & NORMAL_WORDS)
