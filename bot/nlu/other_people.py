"""Whose a finding is: a relative compared with the person ("my mum's eye twitches too"), another person's past
finding or past stroke, and someone else's guess that the person then denies ("my wife thinks I'm stressed, I'm not")."""

from __future__ import annotations

import re
from collections.abc import Set as AbstractSet
from itertools import pairwise

from spacy.tokens import Span, Token

from bot.nlu.context_rules import ASKING_VERBS, GUESS_VERBS, HYPOTHETICAL, RECENT
from bot.nlu.kinds import ALARM_TALK, GENERIC, PRESENT
from bot.nlu.resources import load
from bot.nlu.targets import Target, targets_with_spans
from bot.nlu.tense import CLAUSE_JOINTS, PAST_ILLNESS_LINKS, PAST_TENSE_REACH, PAST_TENSE_WORDS, STILL_NOW
from bot.nlu.vocabulary import FIRST_PERSON, OTHER_PEOPLE, RELATIVES
from bot.triage.findings import HISTORY_CODES, RED_FLAG_CODES, TWITCHING_CODE

PHRASES = load("other_people")
WORDS = {name: frozenset(words) for name, words in PHRASES["words"].items()}

PERSON_ITSELF = frozenset({"me"})
INHERITED_REACH = 2
RELATIVE_COMPARED = re.compile("|".join(PHRASES["relative_compared"]))
RELATIVE_WELL = re.compile("|".join(PHRASES["relative_well"]))
NOT_ME = re.compile(PHRASES["not_me"])
# How far before a stroke the words telling it are looked for ("had a mini stroke", "after her stroke").
STROKE_STORY_REACH = 3


def owner_of(span: Span) -> Token | None:
    """Whose the finding is: the nearest person named before it in its sentence ("my mum's a big worrier": mum; "a
    friend of mine couldn't read": the friend)."""
    doc = span.doc
    for token in reversed(doc[span.sent.start : span.start]):
        if token.norm_ in ("mine", "ours") and token.i > 0 and doc[token.i - 1].norm_ == "of":
            continue
        if token.norm_ in OTHER_PEOPLE | FIRST_PERSON:
            return token
    return None


def told_of_someone_else(target: Target, span: Span) -> bool:
    """A sign of what is not a red flag or history item, told of another person."""
    if target.kind not in (PRESENT, GENERIC) or target.code in RED_FLAG_CODES or target.code in HISTORY_CODES:
        return False
    owner = owner_of(span)
    return owner is not None and owner.norm_ in OTHER_PEOPLE


def anothers_then_denied(target: Target, span: Span) -> bool:
    """ "my mum's a big worrier, not me though", "my sister is vegan but I'm not": what another person has, then denied
    of the person themself."""
    if not told_of_someone_else(target, span):
        return False
    after = " ".join(token.norm_ for token in span.doc[span.end : span.sent.end])
    return bool(NOT_ME.search(after))


def guessed_then_denied(target: Target, span: Span, categories: AbstractSet[str]) -> bool:
    """ "my wife thinks I'm stressed, I'm not really", "people keep asking if I'm stressed, I'm honestly not", "my partner
    keeps saying I'm stressed but I don't feel it": someone else's guess or question, then the person's own denial."""
    if HYPOTHETICAL not in categories or target.code in RED_FLAG_CODES:
        return False
    doc = span.doc
    guessed = False
    for modifier in span._.modifiers:
        if modifier.category != HYPOTHETICAL:
            continue
        start, end = modifier.modifier_span
        words = [token.norm_ for token in doc[start:end]]
        asked = (
            start > span.sent.start and doc[start - 1].norm_ in ASKING_VERBS and words[0] in WORDS["asked_if"]
        )
        guessed = guessed or asked or bool(set(words) & GUESS_VERBS)
    after = " ".join(token.norm_ for token in doc[span.end : span.sent.end])
    return guessed and bool(NOT_ME.search(after))


def told_of_others_past(target: Target, span: Span) -> bool:
    """ "my aunt had to give up driving because of her eye spasms", "a friend of mine couldn't read for months with
    blepharospasm", "mum was low on calcium when she was pregnant": another person's finding told only in the past tense
    is their past illness (docs/clinical-design.md), not the current symptoms of someone being assessed. Not when anything
    makes it present or recent ("my son's eye has been twitching", "was twitching all day", "she said her eye was
    jumping"), and never for a red flag (see told_of_others_past_stroke)."""
    if not told_of_someone_else(target, span):
        return False
    sentence = span.sent
    norms = [token.norm_ for token in sentence]
    if set(norms) & (
        WORDS["present_tense_words"] | STILL_NOW | WORDS["recent_words"] | WORDS["reporting_words"]
    ):
        return False
    past = [token for token in sentence if token.norm_ in PAST_TENSE_WORDS | {"could", "did"}]
    # "her eye was twitching": told as going on, which a parent may say of a child's current twitch
    going_on = any(token.i + 1 < sentence.end and token.nbor().norm_.endswith("ing") for token in past)
    return bool(past) and not going_on


def compared_with_relative(target: Target, span: Span) -> bool:
    """ "my mum's eye twitches too", "my sister is vegan and gets twitches as well", "my twin has the same thing, she
    drinks loads of coffee", "my mum's been vegan for years and she's fine", "twitching runs in my family": a relative
    compared with the person, or said to be well, is not the one being assessed, so what the sentence says of them (a
    twitch, a trigger) is not a finding. Red flags and history are left to their own rules."""
    if target.code in RED_FLAG_CODES or target.code in HISTORY_CODES:
        return False
    sentence = span.sent
    relatives = [token.i for token in sentence if token.norm_ in RELATIVES]
    if not relatives:
        return False
    twitches = [
        twitch_span
        for twitch, twitch_span in targets_with_spans(span.doc)
        if twitch.code == TWITCHING_CODE and sentence.start <= twitch_span.start < sentence.end
    ]
    if any(inherited_twitch(twitch_span) for twitch_span in twitches):
        return True
    compared = any(
        compared_twitch(twitch_span) and relatives[0] < twitch_span.start for twitch_span in twitches
    )
    words = " ".join(token.norm_ for token in sentence[relatives[0] - sentence.start :])
    inherited = any(token.norm_ in WORDS["inherited"] for token in sentence)
    if not (compared or inherited or RELATIVE_COMPARED.search(words) or RELATIVE_WELL.search(words)):
        return False
    told_after = span.doc[relatives[0] : span.start]
    return span.start > relatives[0] and not any(token.norm_ in ("i", "me") for token in told_after)


def compared_twitch(span: Span) -> bool:
    """The twitch said to be like the person's own: "twitches too", "gets it as well", "the same twitch"."""
    doc, sentence = span.doc, span.sent
    rest = []
    for token in doc[span.end : sentence.end]:
        if token.is_punct or token.norm_ in CLAUSE_JOINTS | {"while"}:
            break
        rest.append(token.norm_)
    before = {token.norm_ for token in doc[max(sentence.start, span.start - 3) : span.start]}
    return bool(
        WORDS["compared_after"] & set(rest)
        or ("as", "well") in set(pairwise(rest))
        or before & WORDS["compared_before"]
    )


def inherited_twitch(span: Span) -> bool:
    """ "twitching runs in my family", "the twitching is genetic" (not "my eye twitches, it runs in the family")."""
    following = span.doc[span.end : min(span.end + INHERITED_REACH + 1, span.sent.end)]
    for token in following:
        if token.is_punct:
            return False
        if token.norm_ in WORDS["inherited"]:
            return True
    return False


def told_of_others_past_stroke(target: Target, span: Span) -> bool:
    """ "my nan had a stroke and her face drooped", "my friend went blind in one eye after a stroke": a sign told in the
    past tense of another person, in a sentence telling of their past stroke (had before the sign, or linked to it by
    "after", "when"...) with nothing making it recent, is the story of that stroke. The person's own signs, signs told
    in the present or as recent, and "his face drooped, I think it's a stroke" are kept."""
    if target.code not in RED_FLAG_CODES:
        return False
    doc, sentence = span.doc, span.sent
    if any(token.norm_ in STILL_NOW for token in clause_around(span)):
        return False  # "his arm is still weak now"; not "his arm was weak, he's in rehab now"
    told_before = doc[max(sentence.start, span.start - PAST_TENSE_REACH) : span.end]
    if not any(token.norm_ in PAST_TENSE_WORDS for token in told_before):
        return False
    if not any(past_stroke_story(stroke, span) for stroke in strokes_in(sentence)):
        return False
    if span.start > sentence.start and doc[span.start - 1].norm_ == "'s":
        return True  # "my neighbour's face went droopy": someone's
    owner = next(
        (
            token
            for token in reversed(doc[sentence.start : span.start])
            if token.norm_ in OTHER_PEOPLE | FIRST_PERSON
        ),
        None,
    )
    return owner is not None and owner.norm_ in OTHER_PEOPLE


def clause_around(span: Span) -> Span:
    """The words of the span's sentence between the punctuation marks around it."""
    sentence = span.sent
    start = next(
        (token.i + 1 for token in reversed(span.doc[sentence.start : span.start]) if token.is_punct),
        sentence.start,
    )
    end = next((token.i for token in span.doc[span.end : sentence.end] if token.is_punct), sentence.end)
    return span.doc[start:end]


def strokes_in(sentence: Span) -> list[Span]:
    return [
        other_span
        for other, other_span in targets_with_spans(sentence.doc)
        if other.kind == ALARM_TALK and sentence.start <= other_span.start < sentence.end
    ]


def past_stroke_story(stroke: Span, sign: Span) -> bool:
    """A stroke had before the sign is told ("had a stroke and her face drooped"), or one the sign is linked to ("went
    blind after a stroke"), and not one said to be happening now."""
    if RECENT in {modifier.category for modifier in stroke._.modifiers}:
        return False
    told_with = {
        token.norm_
        for token in stroke.doc[max(stroke.sent.start, stroke.start - STROKE_STORY_REACH) : stroke.start]
    }
    if stroke.end <= sign.start:
        return bool(told_with & (PAST_TENSE_WORDS | {"suffered"}))
    # "her vision went weird before her stroke": the warning signs of that stroke, told with it
    return bool(told_with & (PAST_ILLNESS_LINKS | {"before"}))
