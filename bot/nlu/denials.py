"""Denials that ConText cannot see or reach: a negation inside a phrase's own words, right before a phrase that starts
with its verb, across an "or", a reply that denies an echoed question; and what a denial before a phrase does not
reach (a new statement after a comma, the twitch as the time the denial speaks of)."""

from __future__ import annotations

import re
from collections.abc import Callable
from itertools import pairwise

from spacy.tokens import Span

from bot.nlu.context_rules import NEGATED
from bot.nlu.kinds import ABSENT_KINDS, ANSWER, NOT_FINDINGS, PLACE_KINDS, PRESENT
from bot.nlu.resources import load
from bot.nlu.targets import INSIDE_NEGATIONS, Target, targets_with_spans
from bot.nlu.vocabulary import NEGATION_WORDS, POSSESSIVES, THIRD_PERSON, VERB_NEGATIONS
from bot.triage.findings import ONSET_CODE, RED_FLAG_CODES, TWITCHING_CODE, Status

PHRASES = load("denials")
WORDS = {name: frozenset(words) for name, words in PHRASES["words"].items()}

REPLY_DENIAL = re.compile(rf"^(?:{'|'.join(PHRASES['reply_denial'])})\b")
REPLY_WORDS = 6
# Whose a finding is, between a joining "or" and the finding: "... or my chewing".
OWNERS = POSSESSIVES | {"the"}
CONDITIONS = frozenset(PHRASES["conditions"])
DETERMINERS = frozenset(PHRASES["determiners"])
AUXILIARY_REACH = 2
# How far before an "or" a negation still covers what comes after it ("isn't weak or droopy").
COORDINATED_REACH = 3


def echoed_then_denied(span: Span) -> bool:
    """ "stress? not really", "Hearing? No.": the finding echoed back as a question on its own, then answered with a
    denial ("drooping? not sure" is not one: an uncertain sign counts)."""
    sentence, doc = span.sent, span.doc
    words = [token for token in sentence if not token.is_punct]
    if sentence[-1].text != "?" or not words or any(not span.start <= token.i < span.end for token in words):
        return False
    if sentence.end >= len(doc):
        return False
    reply = " ".join(token.norm_ for token in doc[sentence.end : sentence.end + REPLY_WORDS])
    return bool(REPLY_DENIAL.match(reply))


def twitch_as_condition(target: Target, span: Span) -> bool:
    """ "my eye doesn't close during the spasms", "it stays open when it twitches": the twitch after "when" or "during"
    in a denial is the time the denial speaks of, which is there."""
    if target.code != TWITCHING_CODE:
        return False
    before = span.doc[span.sent.start : span.start]
    negations = [token.i for token in before if token.norm_ in NEGATION_WORDS]
    return bool(negations) and any(
        token.norm_ in CONDITIONS for token in span.doc[negations[-1] : span.start]
    )


def not_just_before(span: Span) -> bool:
    return span.start > span.sent.start and span.doc[span.start - 1].norm_ in VERB_NEGATIONS


def has_negation_inside(span: Span) -> bool:
    """A negation in a phrase's gap, other than one that is not a denial ("my face won't stop drooping")."""
    return any(
        token.norm_ in INSIDE_NEGATIONS
        and not (token.i + 1 < span.end and token.nbor().norm_ in WORDS["not_a_denial_after"])
        for token in span
    )


def statement_after_comma(target: Target, span: Span) -> bool:
    """ "no pain, face is drooping", "can't smile on one side and arm feels weak": a phrase with its own verb after a
    comma or "and" is a new statement that the negation before does not reach (a list of denied signs has no verbs:
    "no numbness, tingling or weakness"). For safety, so is a red flag told in more than one word after a comma ("no
    pain, face drooping"): the sign is kept."""
    negations = [modifier for modifier in span._.modifiers if modifier.category == NEGATED]
    own_verb = any(token.norm_ in WORDS["statement_verbs"] for token in span)
    if not negations or not (own_verb or (target.code in RED_FLAG_CODES and len(span) > 1)):
        return False
    last_negation_end = max(modifier.modifier_span[1] for modifier in negations)
    return any(
        token.norm_ in WORDS["statement_separators"] for token in span.doc[last_negation_end : span.start]
    )


def new_subject_after_negation(span: Span) -> bool:
    """ "my son doesn't eat dairy and his eye twitches": "and" or a comma before another person's "his", "her" or
    "their" starts a new statement, as one before "my" does (those words are relatives' for ConText, not clause
    starts)."""
    negations = [modifier for modifier in span._.modifiers if modifier.category == NEGATED]
    if not negations:
        return False
    last_negation_end = max(modifier.modifier_span[1] for modifier in negations)
    between = span.doc[last_negation_end : span.start + 1]
    return any(
        first.norm_ in WORDS["statement_separators"] | {"but"} and second.norm_ in THIRD_PERSON
        for first, second in pairwise(between)
    )


def negated_just_before(span: Span) -> bool:
    """ "doesn't affect my driving", "I don't have MS": a phrase that starts with its verb overlaps the negation
    ("not affect my", "do not have"), which ConText then drops, so the word right before it is read here; likewise
    the second of a denied pair, "face isn't weak or droopy", whose negation sits inside the first phrase, and "no
    weakness in my face or arms", whose first phrase is denied."""
    before = span.doc[span.sent.start : span.start]
    if len(before) and before[-1].norm_ in VERB_NEGATIONS:
        return True
    # "haven't gone deaf", "hasn't gone numb": "not gone" is no denial of a twitch that has not gone away (a
    # pseudo-negation for ConText), but a sign right after it is denied
    if len(before) > 1 and before[-1].norm_ == "gone" and before[-2].norm_ in VERB_NEGATIONS:
        return True
    # the "or" before the phrase, or starting it ("no palsy or ms"), or before its owner ("doesn't affect my eyesight
    # or my chewing")
    if len(before) and before[-1].norm_ in WORDS["alternatives"]:
        joint = before[-1].i
    elif len(before) > 1 and before[-1].norm_ in OWNERS and before[-2].norm_ in WORDS["alternatives"]:
        joint = before[-2].i
    elif span[0].norm_ in WORDS["alternatives"]:
        joint = span.start
    else:
        return False
    before_joint = span.doc[max(span.sent.start, joint - COORDINATED_REACH) : joint]
    return any(token.norm_ in VERB_NEGATIONS for token in before_joint) or any(
        other_span.end == joint
        and (
            NEGATED in {modifier.category for modifier in other_span._.modifiers}
            or negated_just_before(other_span)
        )
        for _, other_span in targets_with_spans(span.doc)
    )


def inside_a_denial(target: Target, span: Span) -> bool:
    """ "smiling doesn't make my eye twitch", "nothing else twitches along with it": the twitch is part of another
    finding's denial ("not" inside that longer phrase, before this one, or a negation of the whole phrase), so it says
    nothing of its own."""
    if not any(token.norm_ in INSIDE_NEGATIONS for token in span.doc[span.sent.start : span.start]):
        return False  # no denial can hold it (and the common case stays quick)
    if twitch_as_condition(target, span):
        return False
    return any(
        other.code != target.code
        and other.kind not in PLACE_KINDS
        and not other.negation_in_pattern
        and other_span.start <= span.start
        and span.end <= other_span.end
        and len(other_span) > len(span)
        and (
            any(token.norm_ in INSIDE_NEGATIONS for token in span.doc[other_span.start : span.start])
            or (
                other_span.start < span.start
                # a phrase saying things are normal is not denied by a negation before it ("no, speech and vision
                # are fine" lists on), so it holds no denial either
                and other.kind not in ABSENT_KINDS
                and NEGATED in {modifier.category for modifier in other_span._.modifiers}
            )
        )
        for other, other_span in targets_with_spans(span.doc)
    )


def onset_of_a_named_sign(target: Target, span: Span) -> bool:
    """ "no sudden deafness", "no sudden weakness": "sudden" said of the sign right after it, in a denial, denies the
    sign, not the suddenness (the sign's own phrase reads the denial)."""
    if target.code != ONSET_CODE or span.end >= span.sent.end:
        return False
    return any(
        other.code not in (ONSET_CODE, target.code)
        and other.kind not in NOT_FINDINGS
        and other_span.start == span.end
        for other, other_span in targets_with_spans(span.doc)
    )


def screen_among_activities(target: Target, span: Span) -> bool:
    """ "it hasn't interfered with reading or my screen work", "no issues with reading, screens or driving": a screen
    named beside the activities a twitch may hinder is one of them, so the denial is of the hindrance, not of screen use
    (eye strain)."""
    return (
        target.code == "eye_strain"
        and target.kind == ANSWER
        and any(
            other.code == "function_impact" and span.sent.start <= other_span.start < span.sent.end
            for other, other_span in targets_with_spans(span.doc)
        )
    )


def subject_of_a_denial(
    target: Target, span: Span, reading_of: Callable[[Target, Span], Status | None]
) -> bool:
    """ "the twitch doesn't make my eye shut", "the spasm never closes my eye": a twitch named as the subject of another
    finding's denial is the twitch already told of, not a new report (see DETERMINERS). "the twitching hasn't stopped"
    and "the spasms are not getting any better" still say it is there: no other finding is denied."""
    doc = span.doc
    if target.code != "twitching" or target.kind != PRESENT or len(span) != 1:
        return False
    if span.start == span.sent.start or doc[span.start - 1].norm_ not in DETERMINERS:
        return False
    following = doc[span.end : min(span.end + AUXILIARY_REACH + 1, span.sent.end)]
    negation = next((token.i for token in following if token.norm_ in NEGATION_WORDS), None)
    if negation is None or any(token.norm_ not in WORDS["auxiliaries"] for token in doc[span.end : negation]):
        return False
    return any(
        other.code != target.code
        and other.kind not in NOT_FINDINGS
        and other_span.end > negation
        and not any(token.is_punct for token in doc[negation : max(negation, other_span.start)])
        and reading_of(other, other_span) is Status.ABSENT
        for other, other_span in targets_with_spans(doc)
        if other_span.sent.start == span.sent.start
    )
