"""When a finding is told: in the past ("used to", a past Bell's palsy's story), gone since ("but that's stopped"),
feared for the future ("scared I'll go blind"), or now ("eyelid twitches now")."""

from __future__ import annotations

import re
from collections.abc import Set as AbstractSet
from itertools import pairwise

from spacy.tokens import Doc, Span

from bot.nlu.context_rules import FAMILY, HISTORICAL, HYPOTHETICAL
from bot.nlu.kinds import GENERIC, PRESENT
from bot.nlu.resources import load
from bot.nlu.targets import Target, targets_with_spans
from bot.nlu.vocabulary import TRIGGERS, VERB_NEGATIONS
from bot.triage.findings import HISTORY_CODES, RED_FLAG_CODES, TWITCHING_CODE

PHRASES = load("tense")
WORDS = {name: frozenset(words) for name, words in PHRASES["words"].items()}

PAST_OR_OTHERS = frozenset({HISTORICAL, FAMILY})
DENIED_FOR_NOW = re.compile("|".join(PHRASES["denied_for_now"]))
NOTHING_NOW = PHRASES["nothing_now"]
GONE_NOW = re.compile("|".join([NOTHING_NOW, *PHRASES["gone_now"]]))
GONE_SINCE = re.compile("|".join(PHRASES["gone_since"]))
BEGUN_AFTER = re.compile("|".join(PHRASES["begun_after"]), re.IGNORECASE)
EARLIER_TODAY = re.compile("|".join(PHRASES["earlier_today"]), re.IGNORECASE)
PAST_DENIALS = frozenset(PHRASES["past_denials"])
# How far before a sign its past-tense denial is looked for: "it was not droopy", "his smile wasn't all crooked".
PAST_DENIAL_REACH = 4
# A past twitch that went away is the story of an earlier episode: the person is here about a twitch, so only saying
# there is none now denies it ("I had a twitch years ago, nothing now").
GONE_FOR_GOOD = re.compile(NOTHING_NOW)
NOW_REACH = 2
PAST_ILLNESS_LINKS = frozenset(PHRASES["past_illness_links"])
# Only Bell's palsy: a face that drooped after a head injury or a stroke may be drooping still.
PAST_ILLNESS_CODES = frozenset({"bells_palsy_history"})
PAST_ILLNESS_REACH = 4
PAST_TENSE_WORDS = frozenset(PHRASES["past_tense_words"])
PAST_TENSE_REACH = 3
STILL_NOW = frozenset(PHRASES["still_now"])
CLAUSE_JOINTS = frozenset(PHRASES["clause_joints"])
FEAR_WORDS = frozenset(PHRASES["fear_words"])
FUTURE_REACH = 5
HABITUAL = re.compile(rf"\b(?:{'|'.join(PHRASES['habitual'])})\b")


def said_to_be_now(span: Span) -> bool:
    """ "eyelid twitches now": "now" right after the finding, in the same clause."""
    for token in span.doc[span.end : min(span.end + NOW_REACH, span.sent.end)]:
        if token.is_punct:
            return False
        if token.norm_ in WORDS["now_words"]:
            return True
    return False


def told_as_begun_after(span: Span) -> bool:
    """ "Is it serious if you see two of everything? That's only started this evening": the next sentence says when the
    sign supposed in this one began, so the person has it."""
    after = span.sent.end
    return after < len(span.doc) and bool(BEGUN_AFTER.match(span.doc[after].sent.text))


def denied_only_before(span: Span) -> bool:
    """ "It wasn't droopy this morning": a sign denied in the past tense at an earlier time today, which says it has come
    since, not that it is not there."""
    before = list(span.doc[max(span.sent.start, span.start - PAST_DENIAL_REACH) : span.start])
    denied_in_the_past = any(
        token.norm_ in PAST_DENIALS and following.norm_ in VERB_NEGATIONS
        for token, following in pairwise(before + list(span))
    )
    rest_of_sentence = span.doc[span.end : span.sent.end].text
    return denied_in_the_past and bool(EARLIER_TODAY.match(rest_of_sentence.lstrip(" ,")))


def future_just_before(span: Span) -> bool:
    """ "I'll lose my sight", "it might spread": a finding told in the future right after "will", "might" or "may"."""
    return (
        span.start > span.sent.start
        and span.doc[span.start - 1].norm_ in WORDS["future_words"]
        and (span[0].norm_ not in WORDS["not_future_after"] or future_obligation(span))
    )


def future_obligation(span: Span) -> bool:
    """ "I might have to stop driving": "have to" after "might" is a future need, not a past possibility."""
    return span[0].norm_ == "have" and len(span) > 1 and span[1].norm_ == "to"


def markers_inside(target: Target, span: Span) -> set[str]:
    """Future or past words caught in a phrase's gap (future_words in bot/nlu/resources/tense.yml), unless the phrase itself names them."""
    norms = [token.norm_ for token in span]
    pairs = list(pairwise(norms))
    found = set()
    habitual = bool(HABITUAL.search(span.sent.text.lower()))
    if not habitual and (
        any(
            first in WORDS["future_words"]
            and first not in target.words
            and second not in WORDS["not_future_after"]
            for first, second in pairs
        )
        or future_just_before(span)
    ):
        found.add(HYPOTHETICAL)
    if ("used", "to") in pairs or (target.code not in HISTORY_CODES and used_to_before(span)):
        found.add(HISTORICAL)
    if feared_future(span):
        found.add(HYPOTHETICAL)
    return found


def used_to_before(span: Span) -> bool:
    """ "my speech used to be slurred after a few drinks": "used to" earlier in the same clause (ConText cannot see it
    when it sits inside another finding's phrase)."""
    doc = span.doc
    for token in reversed(doc[span.sent.start : span.start]):
        if token.is_punct or token.norm_ in CLAUSE_JOINTS or token.norm_ in WORDS["now_words"]:
            return False
        if token.norm_ == "used" and token.i + 1 < span.start and token.nbor().norm_ == "to":
            return True
    return False


def feared_future(span: Span) -> bool:
    """ "I'm scared I'll go blind", "worried that I'm going to end up losing my sight": a sign a few words after a future
    ("will", "might", "going to") whose subject follows a fear word. "scared I might be going blind" is an uncertain sign,
    and "scared because my vision will go blurry at times" tells of what happens: both are kept."""
    if feared_becoming(span):
        return True
    doc, sentence = span.doc, span.sent
    before = doc[max(sentence.start, span.start - FUTURE_REACH - 1) : span.start]
    for token in before:
        if (
            token.norm_ in WORDS["subject_and_will"]
            and token.i > sentence.start
            and doc[token.i - 1].norm_ in FEAR_WORDS
        ):
            return (
                doc[token.i + 1].norm_ not in WORDS["not_future_after"]
            )  # "scared ill lose my sight" (I'll)
        going = token.norm_ == "going" and token.i + 1 < span.start and token.nbor().norm_ == "to"
        if token.norm_ not in WORDS["future_words"] and not going:
            continue
        after = doc[token.i + 2] if going else doc[token.i + 1]
        if after.i < span.end and after.norm_ in WORDS["not_future_after"]:
            continue
        if any(word.is_punct or word.norm_ in CLAUSE_JOINTS for word in doc[token.i : span.start]):
            continue
        return fear_before_subject(
            doc, token.i - 1 - (going and doc[token.i - 1].norm_ in WORDS["be_words"]), sentence
        )
    return False


def fear_before_subject(doc: Doc, subject: int, sentence: Span) -> bool:
    """ "scared I", "worried that it": the subject of a feared future, right after the fear word (and "that")."""
    if subject <= sentence.start or doc[subject].norm_ not in WORDS["future_subjects"]:
        return False
    feeling = subject - 1
    if doc[feeling].norm_ == "that" and feeling > sentence.start:
        feeling -= 1
    return doc[feeling].norm_ in FEAR_WORDS


def feared_becoming(span: Span) -> bool:
    """ "worried about going blind", "scared of losing my sight": a fear of coming to have the sign (not "worried about
    the drooping" or "about my face drooping", which name a sign that is there)."""
    doc = span.doc
    index = span.start
    if index > span.sent.start and doc[index - 1].norm_ in WORDS["becoming"]:
        index -= 1
    elif not span[0].norm_.endswith("ing"):
        return False
    return (
        index - 2 >= span.sent.start
        and doc[index - 1].norm_ in WORDS["feared_of"]
        and doc[index - 2].norm_ in FEAR_WORDS
    )


def told_of_past_illness(target: Target, span: Span) -> bool:
    """ "my face drooped when I had Bell's palsy": a sign in the past tense, linked to a past Bell's palsy named right
    after it, and nothing in the sentence making it recent (see PAST_ILLNESS_LINKS)."""
    doc, sentence = span.doc, span.sent
    if (
        target.code in HISTORY_CODES
        or span.end >= sentence.end
        or doc[span.end].norm_ not in PAST_ILLNESS_LINKS
    ):
        return False
    told_before = doc[max(sentence.start, span.start - PAST_TENSE_REACH) : span.end]
    if not any(token.norm_ in PAST_TENSE_WORDS for token in told_before):
        return False
    # "fine now" says the sign has gone, not that it is recent; "last week" or "this morning" still make it recent
    recent = STILL_NOW - {"now"} if said_gone_after(span) else STILL_NOW
    if any(token.norm_ in recent for token in sentence):
        return False
    return any(
        other.code in PAST_ILLNESS_CODES and 0 <= other_span.start - span.end <= PAST_ILLNESS_REACH
        for other, other_span in targets_with_spans(doc)
    )


def said_gone_after(span: Span) -> bool:
    """ "..., fine now", "... but it went away": the rest of the sentence says the sign has gone."""
    after = " ".join(token.norm_ for token in span.doc[span.end : span.sent.end])
    return bool(GONE_NOW.search(after))


def denied_for_now(target: Target, span: Span, categories: AbstractSet[str]) -> bool:
    """ "my grandad had Bell's palsy but I never have", "I used to get tingling but not now": after a relative's or a
    past mention, a short denial in the same sentence says the person does not have it now; after one's own past
    symptom, so does saying it went ("the tingling was last year, nothing now"; for a twitch, see GONE_FOR_GOOD)."""
    after = " ".join(token.norm_ for token in span.doc[span.end : span.sent.end])
    # the triggers of a past episode ("a twitch years ago during exams, which went away") likewise
    gone = GONE_FOR_GOOD if target.code == TWITCHING_CODE or target.code in TRIGGERS else GONE_NOW
    return bool(DENIED_FOR_NOW.search(after) or (HISTORICAL in categories and gone.search(after)))


def told_then_gone(target: Target, span: Span) -> bool:
    """ "my eye used to clamp shut but that's stopped", "I was stressed but that's gone": a finding told in the past
    tense, then said to have gone, is not there now. Not for a red flag: one that came and went ("my face drooped this
    morning but that's gone") may have been a mini stroke. For a twitch, see GONE_FOR_GOOD."""
    if (
        target.code == TWITCHING_CODE
        or target.code in RED_FLAG_CODES
        or target.kind not in (PRESENT, GENERIC)
    ):
        return False
    doc, sentence = span.doc, span.sent
    told_before = doc[max(sentence.start, span.start - PAST_TENSE_REACH) : span.end]
    # a regular past inside the phrase counts too: "my eye closed when I smiled, but that's stopped now"
    if not any(token.norm_ in PAST_TENSE_WORDS | {"felt"} for token in told_before) and not any(
        token.norm_.endswith("ed") for token in span[1:]
    ):
        return False
    after = " ".join(token.norm_ for token in doc[span.end : sentence.end])
    return bool(GONE_SINCE.search(after))
