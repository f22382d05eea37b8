"""What each target phrase says in its context: present, absent or nothing, decided by one ordered table of rules.

RULES is the precedence: the rules are tried in its order and the first that applies to a mention decides what it
says. Each rule is a small function with a one-line docstring; its examples, in the same order, are in
bot/nlu/resources/readings.yml (tests/nlu_components/test_reading_rules.py reads each one as its rule says). Broadly:
a past illness's story first; then talk that reports nothing of the person's own (inside another finding's denial,
another person's past stroke, a relative compared, a general claim, the twitch as the subject of a denial, a worry
about the symptom); then a finding said to be gone or denied of the person; then ConText's categories (historical,
hypothetical, a relative's, a question: nothing); then the kind of phrase with its negation. A new rule goes where
what it reads must win over the rules after it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from itertools import pairwise

from spacy.tokens import Doc, Span, Token

from bot.nlu.context_rules import AGAIN, DISCOUNTING, FAMILY, HISTORICAL, HYPOTHETICAL, NEGATED, QUESTION
from bot.nlu.denials import (
    echoed_then_denied,
    has_negation_inside,
    inside_a_denial,
    negated_just_before,
    new_subject_after_negation,
    not_just_before,
    onset_of_a_named_sign,
    screen_among_activities,
    statement_after_comma,
    subject_of_a_denial,
    twitch_as_condition,
)
from bot.nlu.general_talk import asked_in_general, is_bare_answer, told_as_doing, worry_about_the_symptom
from bot.nlu.kinds import (
    ABSENT_KINDS,
    ALARM_TALK,
    ANSWER,
    GENERIC,
    IMPLIED,
    MENTION,
    NEUTRAL,
    PLACE_KINDS,
    PRESENT,
)
from bot.nlu.other_people import (
    PERSON_ITSELF,
    anothers_then_denied,
    compared_with_relative,
    guessed_then_denied,
    told_of_others_past,
    told_of_others_past_stroke,
)
from bot.nlu.targets import Target, targets_with_spans
from bot.nlu.tense import (
    PAST_OR_OTHERS,
    denied_for_now,
    denied_only_before,
    markers_inside,
    said_gone_after,
    said_to_be_now,
    told_as_begun_after,
    told_of_past_illness,
    told_then_gone,
)
from bot.nlu.vocabulary import (
    FIRST_PERSON,
    OTHER_PEOPLE,
    RELATIVES,
    THIRD_PERSON_POSSESSIVES,
    has_negation_cue,
    words_of,
)
from bot.triage.findings import HISTORY_CODES, ONSET_CODE, Status

# Words that name another person only as "he", "his", "him": not who they are (OTHER_PEOPLE less the relatives).
THIRD_PERSON_WORDS = OTHER_PEOPLE - RELATIVES
# How far before a twitch or its place the person it belongs to is said ("his right upper eyelid").
OWNER_REACH = 3
# "does it count that I had ...": how far before a phrase the "that I" of a question may be.
THAT_CLAUSE_REACH = 10


@dataclass(frozen=True)
class Mention:
    """A target as read in context, with character offsets in the whole message."""

    target: Target
    status: Status | None
    start: int
    end: int
    sentence: tuple[int, int]


def names_own_thing(token: Token) -> bool:
    """ "they changed my medication": a "my" followed by a thing, not a person ("my mum's"), makes the phrase the
    person's own, whoever else the sentence names."""
    following = token.nbor() if token.i + 1 < len(token.doc) else None
    return token.norm_ == "my" and following is not None and following.norm_ not in RELATIVES


class Told:
    """One target phrase in its document, as the rules see it; what several rules ask is worked out once."""

    def __init__(self, target: Target, span: Span, document: DocumentReading) -> None:
        self.target = target
        self.span = span
        self.document = document

    @cached_property
    def categories(self) -> frozenset[str]:
        """ConText's categories for the phrase, with the future and past words caught inside its own gap."""
        return frozenset(modifier.category for modifier in self.span._.modifiers) | markers_inside(
            self.target, self.span
        )

    @cached_property
    def standing_categories(self) -> frozenset[str]:
        """The categories that still hold: a past said to be back or to be now is current ("used to twitch, now it's
        back", "eyelid twitches now"), and a phrase naming the person ("they put me on new pills") is theirs."""
        dropped = set()
        now = said_to_be_now(self.span)
        if AGAIN in self.categories or now:
            dropped.add(HISTORICAL)
        if QUESTION in self.categories and runs_on_past_the_question(self.span):
            dropped.add(QUESTION)
        if now or told_as_begun_after(self.span) or told_in_a_that_clause(self.span):
            # a supposition or question of what is so: "should I still use the compress if I'm seeing double now?",
            # "is it relevant that I had Bell's palsy?"
            dropped |= {HYPOTHETICAL, QUESTION}
        if any(token.norm_ in PERSON_ITSELF or names_own_thing(token) for token in self.span):
            dropped.add(FAMILY)
        if (
            FAMILY in self.categories
            and self.whose_only_by_a_pronoun
            and self.document.twitch_is_a_third_persons
        ):
            dropped.add(FAMILY)
        return self.categories - dropped

    @cached_property
    def whose_only_by_a_pronoun(self) -> bool:
        """Another person is named only by "he", "his", "her", "him"..., never by who they are ("my mum")."""
        family = [modifier for modifier in self.span._.modifiers if modifier.category == FAMILY]
        return all(
            all(token.norm_ in THIRD_PERSON_WORDS for token in self.span.doc[slice(*modifier.modifier_span)])
            for modifier in family
        )

    @cached_property
    def negated_inside(self) -> bool:
        """A negation in the phrase's gap that its pattern does not name ("my face won't stop drooping" has none)."""
        return not self.target.negation_in_pattern and has_negation_inside(self.span)

    @cached_property
    def negated(self) -> bool:
        """Denied: by ConText's negation where it reaches the phrase, inside the phrase, just before it, or in a
        reply to it echoed as a question."""
        target, span = self.target, self.span
        denied = (
            NEGATED in self.categories
            and not (target.kind == PRESENT and statement_after_comma(target, span))
            and not twitch_as_condition(target, span)
            and not new_subject_after_negation(span)
        )
        return denied or self.negated_inside or negated_just_before(span) or echoed_then_denied(span)


def runs_on_past_the_question(span: Span) -> bool:
    """A phrase that starts in a question and ends in a statement after it ("is an inhaler a medicine? I started a
    new one"): what it tells is said in the statement, not asked."""
    last_sentence = span[-1].sent
    return span[0].sent.start != last_sentence.start and not last_sentence.text.rstrip().endswith("?")


def told_in_a_that_clause(span: Span) -> bool:
    """ "Does it count that I had Bell's palsy?", "is it normal that my face feels numb?": the question takes as so what
    the person says of themself after its "that"."""
    if not span.sent.text.rstrip().endswith("?"):
        return False
    before = list(span.doc[max(span.sent.start, span.start - THAT_CLAUSE_REACH) : span.start])
    return any(
        token.norm_ == "that" and following.norm_ in FIRST_PERSON
        for token, following in pairwise([*before, span[0]])
    )


@dataclass(frozen=True)
class Rule:
    """A named reading: when `applies` holds for a phrase (and no rule before it did), the phrase says `reading`
    (None: nothing)."""

    applies: Callable[[Told], bool]
    reading: Status | None

    @property
    def name(self) -> str:
        return self.applies.__name__


def past_illness_then_gone(told: Told) -> bool:
    """A sign told as a past Bell's palsy's story and said to be gone since ("wonky smile after bells palsy, fine now")."""
    return (
        told.target.kind in (PRESENT, GENERIC)
        and told_of_past_illness(told.target, told.span)
        and said_gone_after(told.span)
    )


def past_illness(told: Told) -> bool:
    """A sign told as a past Bell's palsy's story ("my face drooped when I had Bell's palsy")."""
    return told.target.kind != NEUTRAL and told_of_past_illness(told.target, told.span)


def neutral_phrase(told: Told) -> bool:
    """A phrase that says nothing either way, read so that a shorter phrase of its finding does not take its words."""
    return told.target.kind == NEUTRAL


def part_of_another_denial(told: Told) -> bool:
    """Words inside a longer phrase that is denied ("smiling doesn't make my eye twitch")."""
    return inside_a_denial(told.target, told.span)


def others_past_stroke(told: Told) -> bool:
    """A red flag told as another person's past stroke ("my nan had a stroke and her face drooped")."""
    return told_of_others_past_stroke(told.target, told.span)


def relative_compared(told: Told) -> bool:
    """What a sentence says of a relative likened to the person, or said to be well ("my mum's eye twitches too")."""
    return compared_with_relative(told.target, told.span)


def general_claim(told: Told) -> bool:
    """A finding as the subject of what it may cause or mean ("twitching can lead to vision loss?")."""
    return asked_in_general(told.span)


def twitch_as_subject_of_a_denial(told: Told) -> bool:
    """The twitch as the subject of another finding's denial ("the twitch doesn't make my eye shut")."""
    return subject_of_a_denial(told.target, told.span, told.document.reading_of)


def worry_about_what_it_means(told: Told) -> bool:
    """Anxiety about what the symptom is or means, not stress ("anxious it could be a tumour")."""
    return worry_about_the_symptom(told.target, told.span)


def past_or_others_denied_for_now(told: Told) -> bool:
    """A relative's or a past finding, then denied of the person now ("grandad had Bell's palsy but I never have")."""
    # the categories that still stand: "they changed my medication, but I haven't had Bell's palsy" is the person's own
    standing = told.standing_categories
    return bool(standing & PAST_OR_OTHERS) and denied_for_now(told.target, told.span, standing)


def past_then_gone(told: Told) -> bool:
    """A finding told in the past tense, then said to have gone ("I was stressed but that's gone")."""
    return told_then_gone(told.target, told.span)


def guess_denied(told: Told) -> bool:
    """Someone else's guess or question, then the person's own denial ("my wife thinks I'm stressed, I'm not")."""
    return guessed_then_denied(told.target, told.span, told.categories)


def anothers_denied_of_the_person(told: Told) -> bool:
    """What another person has, then denied of the person themself ("my sister is vegan but I'm not")."""
    return anothers_then_denied(told.target, told.span)


def others_past(told: Told) -> bool:
    """Another person's finding told only in the past tense ("my aunt had to give up driving because of her eye spasms")."""
    return told_of_others_past(told.target, told.span)


def history_again(told: Told) -> bool:
    """A history item said to come again was had before, feared or not ("scared of getting Bell's palsy again")."""
    return AGAIN in told.categories and told.target.code in HISTORY_CODES and FAMILY not in told.categories


def discounted(told: Told) -> bool:
    """Hypothetical, worried about, asked about, historical or a relative's illness for ConText ("if it spreads")."""
    return bool(told.standing_categories & DISCOUNTING)


def normal_reversed(told: Told) -> bool:
    """A phrase saying something is normal, with a negation inside or right before it ("I can't go about my day")."""
    return told.target.kind in ABSENT_KINDS and (told.negated_inside or not_just_before(told.span))


def gradual_onset_denied(told: Told) -> bool:
    """A slow onset denied earlier in its clause ("I didn't notice it coming on slowly"): unknown, not slow."""
    return (
        told.target.code == ONSET_CODE
        and told.target.kind in ABSENT_KINDS
        and denied_earlier_in_clause(told.span)
    )


ANSWER_WORDS = frozenset({"no", "nope", "nah", "naw"})


def denied_earlier_in_clause(span: Span) -> bool:
    """A negation between the start of the span's clause (its sentence or the last comma or semicolon) and the span;
    not a "no" opening it, which answers a question ("no it's come on slowly over a week")."""
    text = span.doc.text[span.sent.start_char : span.start_char]
    words = words_of(re.split(r"[,;:]", text)[-1])
    while words and words[0] in ANSWER_WORDS:
        words = words[1:]
    return has_negation_cue(words)


def normal(told: Told) -> bool:
    """A phrase saying something is normal, which an earlier negation does not reverse ("no numbness, hearing's fine")."""
    return told.target.kind in ABSENT_KINDS


def place_denied(told: Told) -> bool:
    """A side or place denied ("not the left")."""
    return told.target.kind in PLACE_KINDS and told.negated


def place(told: Told) -> bool:
    """A side or place named ("my left eyelid")."""
    return told.target.kind in PLACE_KINDS


def onset_of_a_denied_sign(told: Told) -> bool:
    """ "sudden" said of a denied sign right after it denies the sign, not the suddenness ("no sudden weakness")."""
    return told.negated and onset_of_a_named_sign(told.target, told.span)


def screen_among_denied_activities(told: Told) -> bool:
    """A screen among the activities a twitch is said not to hinder ("hasn't interfered with reading or my screen")."""
    return told.negated and screen_among_activities(told.target, told.span)


def mention_denied(told: Told) -> bool:
    """A topic that is only mentioned, denied ("I don't drink coffee")."""
    return told.target.kind == MENTION and told.negated


def mention(told: Told) -> bool:
    """A topic that is only mentioned says nothing of itself ("coffee")."""
    return told.target.kind == MENTION


def implied_denied(told: Told) -> bool:
    """A phrase that tells of a finding as part of something else, denied ("it doesn't slam shut")."""
    return told.target.kind == IMPLIED and told.negated


def implied(told: Told) -> bool:
    """A phrase that tells of a finding as part of something else ("my eye clamps shut" is a spasm)."""
    return told.target.kind == IMPLIED


def answer_denied(told: Told) -> bool:
    """A topic word denied, as an answer or not ("not my driving")."""
    return told.target.kind == ANSWER and told.negated


def bare_answer(told: Told) -> bool:
    """A topic word in a short reply that names only topics ("just my hearing")."""
    return told.target.kind == ANSWER and is_bare_answer(told.span.doc) and not told_as_doing(told.span)


def answer_in_passing(told: Told) -> bool:
    """A topic word in a longer message, or naming an activity ("I wear glasses for reading"), answers nothing."""
    return told.target.kind == ANSWER


def denied_only_earlier_today(told: Told) -> bool:
    """A sign denied at a time earlier today ("it wasn't droopy this morning"): not there then, so no denial of now."""
    return told.negated and denied_only_before(told.span)


def denied(told: Told) -> bool:
    """A finding denied ("no numbness", "my face isn't drooping")."""
    return told.negated


def said(told: Told) -> bool:
    """A finding said, with nothing before in this table to discount it ("my eyelid keeps twitching")."""
    return True


RULES: tuple[Rule, ...] = (
    Rule(past_illness_then_gone, Status.ABSENT),
    Rule(past_illness, None),
    Rule(neutral_phrase, None),
    Rule(part_of_another_denial, None),
    Rule(others_past_stroke, None),
    Rule(relative_compared, None),
    Rule(general_claim, None),
    Rule(twitch_as_subject_of_a_denial, None),
    Rule(worry_about_what_it_means, None),
    Rule(past_or_others_denied_for_now, Status.ABSENT),
    Rule(past_then_gone, Status.ABSENT),
    Rule(guess_denied, Status.ABSENT),
    Rule(anothers_denied_of_the_person, Status.ABSENT),
    Rule(others_past, None),
    Rule(history_again, Status.PRESENT),
    Rule(discounted, None),
    Rule(normal_reversed, None),
    Rule(gradual_onset_denied, None),
    Rule(normal, Status.ABSENT),
    Rule(place_denied, None),
    Rule(place, Status.PRESENT),
    Rule(onset_of_a_denied_sign, None),
    Rule(screen_among_denied_activities, None),
    Rule(mention_denied, Status.ABSENT),
    Rule(mention, None),
    Rule(implied_denied, None),
    Rule(implied, Status.PRESENT),
    Rule(answer_denied, Status.ABSENT),
    Rule(bare_answer, Status.PRESENT),
    Rule(answer_in_passing, None),
    Rule(denied_only_earlier_today, None),
    Rule(denied, Status.ABSENT),
    Rule(said, Status.PRESENT),
)


class DocumentReading:
    """The rule that decides each target of one document, each decided once: the twitch as the subject of a denial
    depends on what the other phrases of its sentence say."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.decided: dict[tuple[int, int, str], Rule] = {}

    def rule_for(self, target: Target, span: Span) -> Rule:
        key = (span.start, span.end, span.label_)
        if key not in self.decided:
            told = Told(target, span, self)
            self.decided[key] = next(rule for rule in RULES if rule.applies(told))
        return self.decided[key]

    def reading_of(self, target: Target, span: Span) -> Status | None:
        return self.rule_for(target, span).reading

    @cached_property
    def twitch_is_a_third_persons(self) -> bool:
        """The message is written for someone else about their twitch ("His right eyelid has been twitching for 6
        days"): "he" and "his" are then the person the assistant is asked about, and their history is theirs ("the GP
        started him on a new tablet for his bladder")."""
        for target, span in targets_with_spans(self.doc):
            if target.code != "twitching" and target.kind not in PLACE_KINDS:
                continue
            before = self.doc[max(span.sent.start, span.start - OWNER_REACH) : span.start]
            if any(token.norm_ in THIRD_PERSON_POSSESSIVES for token in before):
                return True
        return False


def mentions_in(doc: Doc, offset: int) -> list[Mention]:
    document = DocumentReading(doc)
    return [
        Mention(
            target=target,
            status=document.reading_of(target, span),
            start=offset + span.start_char,
            end=offset + span.end_char,
            sentence=(offset + span.sent.start_char, offset + span.sent.end_char),
        )
        for target, span in targets_with_spans(doc)
        if target.kind != ALARM_TALK
    ]
