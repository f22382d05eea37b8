"""Which of overlapping target phrases stands: the longest of a kind, and a more specific phrase over a bare word, a
mention or a phrase that another finding's words read better ("my arm isn't weak" is about the arm, not the face)."""

from __future__ import annotations

from spacy.tokens import Span
from spacy.util import filter_spans

from bot.nlu.kinds import (
    ABSENT_KINDS,
    ANSWER,
    GENERIC,
    GENERIC_ABSENT,
    GENERIC_KINDS,
    LOCATION,
    MENTION,
    NOT_FINDINGS,
    PLACE_KINDS,
    PRESENT,
    SIDE,
)
from bot.nlu.resources import load
from bot.nlu.targets import Target, overlaps
from bot.nlu.vocabulary import NEGATION_WORDS
from bot.triage.findings import ONSET_CODE

PHRASES = load("target_overlaps")
# How specific the kinds of phrase that give way are; present and absent phrases are the most specific.
SPECIFICITY = {GENERIC: 0, GENERIC_ABSENT: 0, MENTION: 1, ANSWER: 1}
MOST_SPECIFIC = 2
WORDS = {name: frozenset(words) for name, words in PHRASES["words"].items()}

# Twitch progression words that make a bare "gradually" or "an hour ago" about the twitch, not about weakness.
PROGRESSION_CODES = ("twitching", "spread", "worsening")

# The signs whose onset the triage asks about (sudden or over days): weakness of the face or a limb, speech.
ONSET_TIMED_SIGNS = ("facial_weakness", "limb_weakness", "speech_difficulty")

# "nothing's changed" gives way to the thing said not to have changed: "nothing's changed with my hearing".
YIELDS_WHEN_ABSENT = frozenset({"worsening"})
FORCED_SHUT = tuple(PHRASES["forced_shut"])
MOUTH_PARTS = frozenset(PHRASES["mouth_parts"])
MOUTH_ACTIONS = frozenset(PHRASES["mouth_actions"])
# A finding inside a longer phrase for another finding gives way to it: "my eye doesn't close when I smile" denies
# a linked movement, not a weakness; "I can close my eye fully" is the eye closing at will, not forced shut.
GIVES_WAY_INSIDE = {
    # "my eye doesn't shut during the spasms" denies the closure, not the eye's closing at will
    "facial_weakness": frozenset({"linked_movements", "eye_closure"}),
    "eye_closure": frozenset({"facial_weakness", "linked_movements"}),
    # "when I laugh my eye stays put" says the eye does not move with the mouth, not that the twitch has not spread
    "spread": frozenset({"linked_movements"}),
    # "my eyes are tired and dry from the screen": tired eyes are eye strain, not poor sleep
    "poor_sleep": frozenset({"eye_strain"}),
    # "stumbling over my words" is speech, not balance
    "balance_problem": frozenset({"speech_difficulty"}),
    # "a sudden awful pain in my head" is a severe headache, not a severe pain of the face
    "severe_pain": frozenset({"severe_headache"}),
}
# Closing words shared with a weakness phrase are about closing at will: "I can't close my right eye fully".
# and a closing in a linked movement is not the spasm forcing the eye shut: "when I smile my eye closes by itself".
GIVES_WAY_OVERLAPPING = {"eye_closure": frozenset({"facial_weakness", "linked_movements"})}
INCOMPLETE_REACH = 2
# "my mouth doesn't lift when I smile", "my mouth isn't moving on the right when I talk": how far after a weakness
# phrase the mouth's own movement may be told.
MOUTH_ACTION_REACH = 6
# Eye words inside these phrases are not where the twitch is ("eye strain", "can't see out of my eye").
NOT_A_TWITCH_PLACE = ("eye_strain", "vision_loss")


def longest_per_group(
    found: list[tuple[Target, Span]], group_of: dict[str, str]
) -> list[tuple[Target, Span]]:
    """Within each group (a finding code, or all places of one kind) keep the longest of overlapping matches."""
    groups: dict[str, list[tuple[Target, Span]]] = {}
    for target, span in found:
        groups.setdefault(group_of.get(target.kind, target.code), []).append((target, span))
    kept: list[tuple[Target, Span]] = []
    for members in groups.values():
        by_span = {(span.start, span.end, span.label_): (target, span) for target, span in members}
        kept += [
            by_span[(span.start, span.end, span.label_)] for span in filter_spans([s for _, s in members])
        ]
    return kept


def resolve_overlaps(found: list[tuple[Target, Span]]) -> list[tuple[Target, Span]]:
    kept = longest_per_group(found, group_of={LOCATION: LOCATION, SIDE: SIDE})
    findings = [(target, span) for target, span in kept if target.kind not in NOT_FINDINGS]
    return [
        (target, span)
        for target, span in kept
        if not (target.kind in SPECIFICITY and yields_to_more_specific(target, span, findings))
        and not (
            target.code == ONSET_CODE and target.kind != PRESENT and times_the_twitch(target, span, findings)
        )
        and not (target.kind == LOCATION and inside_code(span, findings, NOT_A_TWITCH_PLACE))
        and not gives_way_inside(target, span, findings)
        and not said_of_another_finding(target, span, findings)
    ]


def times_the_twitch(target: Target, span: Span, findings: list[tuple[Target, Span]]) -> bool:
    """Whether an onset phrase times the twitch rather than a sign, so that it is no finding of the sign's onset.

    An onset told in the sign's own words ("the droop came on over days") or in a sentence that tells of a sign and
    not of the twitch ("my lid is drooping, it took days to come on") is the sign's. One in a sentence that tells of
    the twitch ("the twitching came on gradually") is the twitch's, even beside a sign: unknown is the safe reading
    of a sign's onset; but one told straight after the sign, with nothing else told between ("my lid has twitched for
    years, my face looks droopy, it wasn't sudden"), is the sign's. A bare onset word ("gradually", "an hour ago") in
    a sentence of neither times the twitch if the message tells of it anywhere. (A sudden onset told in words of its own is always kept: with a weakness, a sudden
    onset and an unknown one are both the emergency, so keeping it can never lower the level.)"""
    sign_spans = [other_span for other, other_span in findings if other.code in ONSET_TIMED_SIGNS]
    if any(overlaps(span, sign_span) for sign_span in sign_spans):
        return False
    told_just_before = last_told_before(span, findings)
    if told_just_before is not None and told_just_before.code in ONSET_TIMED_SIGNS:
        # "my lid has twitched for 2 years, my face looks droopy, it wasn't sudden": the onset follows the sign, the
        # last thing told before it in its sentence, as "it" follows what it stands for
        return False
    # a progression read inside a sign's own words ("half my face won't move" is no spread) tells of the sign
    told_in_sentence = {
        other.code
        for other, other_span in findings
        if other.kind in (PRESENT, GENERIC)
        and other_span.sent.start == span.sent.start
        and not (
            other.code in PROGRESSION_CODES
            and any(overlaps(other_span, sign_span) for sign_span in sign_spans)
        )
    }
    if told_in_sentence & set(PROGRESSION_CODES):
        return True
    if told_in_sentence & set(ONSET_TIMED_SIGNS):
        return False
    told = {other.code for other, _ in findings if other.kind in (PRESENT, GENERIC)}
    return target.kind in GENERIC_KINDS and bool(told & set(PROGRESSION_CODES))


def last_told_before(span: Span, findings: list[tuple[Target, Span]]) -> Target | None:
    """The finding told last before the span in its sentence, or None."""
    before = [
        (other_span.end, other)
        for other, other_span in findings
        if other.kind in (PRESENT, GENERIC)
        and other_span.sent.start == span.sent.start
        and other_span.end <= span.start
    ]
    return max(before, key=lambda told: told[0])[1] if before else None


def said_of_another_finding(target: Target, span: Span, findings: list[tuple[Target, Span]]) -> bool:
    """ "nothing's changed with my hearing", "my hearing hasn't changed": the change denied is the hearing's, so the
    phrase says nothing of the twitch getting worse (see YIELDS_WHEN_ABSENT)."""
    return (
        target.code in YIELDS_WHEN_ABSENT
        and target.kind in ABSENT_KINDS
        and any(
            other.code != target.code and other.kind not in PLACE_KINDS and overlaps(span, other_span)
            for other, other_span in findings
        )
    )


def denies_closing_only(span: Span) -> bool:
    """ "my eye doesn't close (when I smile)" denies a linked movement; "doesn't close properly", "my mouth doesn't
    lift when I smile" and "only one side of my mouth moves" say the face is weak, whatever the movement."""
    said_of_closing = span.doc[span.start : span.end + INCOMPLETE_REACH]
    words = {token.norm_ for token in span}
    action = {token.norm_ for token in span.doc[span.end : span.end + MOUTH_ACTION_REACH]}
    mouth_in_its_own_movement = bool(words & MOUTH_PARTS) and bool((words | action) & MOUTH_ACTIONS)
    return (
        bool(words & NEGATION_WORDS)
        and not mouth_in_its_own_movement
        and not any(token.norm_ in WORDS["incomplete_closing"] for token in said_of_closing)
    )


def gives_way_inside(target: Target, span: Span, findings: list[tuple[Target, Span]]) -> bool:
    """See GIVES_WAY_INSIDE and GIVES_WAY_OVERLAPPING: another finding's phrase reads these words better."""
    outer_codes = GIVES_WAY_INSIDE.get(target.code, frozenset())
    overlapping_codes = GIVES_WAY_OVERLAPPING.get(target.code, frozenset())
    if target.code == "facial_weakness" and any(token.norm_.startswith(FORCED_SHUT) for token in span):
        # "the lid doesn't clamp shut": a spasm's closing, not a weakness
        return any(
            other.code == "eye_closure" and overlaps(span, other_span) for other, other_span in findings
        )
    if target.code == "facial_weakness" and not denies_closing_only(span):
        return False
    unable = target.code == "facial_weakness" and told_as_unable(span)
    return any(
        (
            other.code in overlapping_codes
            and overlaps(span, other_span)
            and not (other.code != target.code and gives_way_inside(other, other_span, findings))
        )
        or (
            other.code in outer_codes
            and not (unable and other.code == "eye_closure")
            and other_span.start <= span.start
            and span.end <= other_span.end
            and len(other_span) > len(span)
        )
        for other, other_span in findings
    )


def told_as_unable(span: Span) -> bool:
    """ "my eye won't close when it twitches", "can't shut it during the spasms": an eye that cannot close is weak,
    whatever the spasm does ("doesn't close during the spasms" only denies the spasm closing it)."""
    return any(
        token.norm_ in WORDS["unable"] and token.i + 1 < span.end and token.nbor().norm_ == "not"
        for token in span
    )


def yields_to_more_specific(target: Target, span: Span, findings: list[tuple[Target, Span]]) -> bool:
    """A bare word or a mention gives way to a more specific phrase for another finding on the same words:
    "my arm isn't weak" is about the arm, not the face. An onset phrase ("the drooping came on over days") times
    the sign it names; it does not replace it."""
    return any(
        other.code not in (target.code, ONSET_CODE)
        and SPECIFICITY.get(other.kind, MOST_SPECIFIC) > SPECIFICITY[target.kind]
        and overlaps(span, other_span)
        for other, other_span in findings
    )


def inside_code(span: Span, findings: list[tuple[Target, Span]], codes: tuple[str, ...]) -> bool:
    return any(target.code in codes and overlaps(span, other) for target, other in findings)
