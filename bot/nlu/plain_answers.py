"""A reply that opens with a plain "no" or "yes" of its own: "No. My face is fine, my arms are fine", "nope, doesn't
bother me", "yes, it's awful".

The intake reads such a reply as a "no" or a "yes" to its yes-or-no question whatever the classifier made of the words
after it (actions/form_validation.py). A module of its own, with no spaCy, so that the action server can read it
cheaply.
"""

from __future__ import annotations

import re

from bot.nlu.resources import load
from bot.nlu.vocabulary import has_negation_cue, words_of

PHRASES = load("extraction")
PLAIN_NO_OPENING = re.compile("|".join(PHRASES["plain_no_opening"]), re.IGNORECASE)
SECOND_THOUGHTS_AFTER_NO = re.compile("|".join(PHRASES["second_thoughts_after_no"]), re.IGNORECASE)
CONTRAST_AFTER_NO = re.compile("|".join(PHRASES["contrast_after_no"]), re.IGNORECASE)
PLAIN_YES_OPENING = re.compile("|".join(PHRASES["plain_yes_opening"]), re.IGNORECASE)


def _no_opening(text: str) -> re.Match[str] | None:
    """The "no" the reply opens with, standing on its own and not taken back on second thoughts ("No... well, a grey
    patch came over what I could see" tells of something, as "well, a grey patch..." would)."""
    opening = PLAIN_NO_OPENING.match(text)
    if opening is None or SECOND_THOUGHTS_AFTER_NO.match(text, opening.end()):
        return None
    return opening


def opens_with_a_no(text: str) -> bool:
    """The reply's first word is a "no" standing on its own ("no.", "nah,", "nope"), whatever follows it."""
    return _no_opening(text) is not None


def opens_with_a_plain_no(text: str) -> bool:
    """The reply's first word is a "no" standing on its own, and nothing after it is set against it ("no, but my hand
    feels strange" and "nah, only the ear" are not plain)."""
    opening = _no_opening(text)
    return opening is not None and not CONTRAST_AFTER_NO.search(text, opening.end())


RECENT_TIME = re.compile("|".join(PHRASES["recent_time"]), re.IGNORECASE)


def tells_a_recent_time(text: str) -> bool:
    """The reply names a recent time or a spell of minutes: "since six o'clock", "at lunch", "last night", "for a few
    minutes"."""
    return RECENT_TIME.search(text) is not None


FAREWELL = re.compile("|".join(PHRASES["farewell"]), re.IGNORECASE)
START_AGAIN = re.compile("|".join(PHRASES["start_again"]), re.IGNORECASE)


def says_farewell(text: str) -> bool:
    """The reply says goodbye or thanks in words of leaving: "ok bye", "gotta go, thanks"."""
    return FAREWELL.search(text) is not None


def asks_to_start_again(text: str) -> bool:
    """The reply asks to start over in words of starting again: "can we start again?", "reset please"."""
    return START_AGAIN.search(text) is not None


ERASE = re.compile("|".join(PHRASES["erase"]), re.IGNORECASE)


def asks_to_erase(text: str) -> bool:
    """The reply asks for the conversation to be deleted in words of erasing: "delete my data", "wipe what I said"."""
    return ERASE.search(text) is not None


def opens_with_a_plain_yes(text: str) -> bool:
    """The reply's first word is a "yes" standing on its own ("yes, it's awful", "yeah.")."""
    return PLAIN_YES_OPENING.match(text) is not None


PASSED_SINCE = re.compile("|".join(PHRASES["passed_since"]), re.IGNORECASE)
PASSED_LONG_AGO = re.compile("|".join(PHRASES["passed_long_ago"]), re.IGNORECASE)


def tells_it_has_passed(text: str) -> bool:
    """The reply tells of something that was there and has passed, not long ago: "no, it's back to normal now", "not
    any more", "it wore off after ten minutes" (not "it went away after a few weeks, years back")."""
    return PASSED_SINCE.search(text) is not None and PASSED_LONG_AGO.search(text) is None


# A question the reply opens with, up to its question mark: "Does it need to? No, it doesn't get in the way".
LEADING_QUESTION = re.compile(r"[^?]*\?+\s*")


def answer_after_questions_back(text: str) -> str:
    """The reply without the questions it opens with, when an answer follows them: people ask back and then answer
    ("Is that a stroke list? No, none of it"), and the answer is what opens with the "no". A reply that is only
    questions is returned as it is."""
    rest = text
    while (question := LEADING_QUESTION.match(rest)) and rest[question.end() :].strip():
        rest = rest[question.end() :]
    return rest


CLAUSE_SPLIT = re.compile(r"[.;:!?,\n]|\bbut\b|\bthough\b", re.IGNORECASE)
# Fewer words than this make no statement of their own ("that's it", "thanks").
WORDS_OF_A_STATEMENT = 3


def tells_something_unread(text: str, read_spans: list[tuple[int, int]]) -> bool:
    """A clause of the reply that none of its readings touches, says something and denies nothing: "I get a sort of
    jolt sometimes" beside "my face isn't weak". A reply made only of read clauses, denials and short asides does
    not ("not numb, hearing's fine, that's it")."""
    start = 0
    for boundary in [*CLAUSE_SPLIT.finditer(text), None]:
        end = boundary.start() if boundary else len(text)
        words = words_of(text[start:end])
        touched = any(span_start < end and span_end > start for span_start, span_end in read_spans)
        if len(words) >= WORDS_OF_A_STATEMENT and not touched and not has_negation_cue(words):
            return True
        start = boundary.end() if boundary else end
    return False
