"""What a reply says by its shape (bot.nlu.plain_answers): a "no" or a "yes" of its own, and words none of its
readings touch."""

from __future__ import annotations

import pytest

from bot.nlu.plain_answers import (
    answer_after_questions_back,
    opens_with_a_no,
    opens_with_a_plain_no,
    tells_a_recent_time,
    tells_something_unread,
)


@pytest.mark.parametrize(
    ("text", "of_its_own", "plain"),
    [
        ("nope. all fine", True, True),
        ("no, but my hand feels strange", True, False),  # something set against it
        ("no idea, sorry", False, False),
        ("Nah... hmm, actually my hand went odd at lunch", False, False),  # taken back on second thoughts
        ("no, well-ish, just tired", False, False),
        ("No, wellbeing's fine", True, True),  # a word that only begins like "well"
        ("nah nothin like that, legs are fine", True, True),  # what is said after a "no" in one breath
        ("No to all of them. Slept badly, that's all", True, True),
        ("No lah, none", True, True),
        ("nah all good, only the lid", True, False),
    ],
)
def test_a_no_of_its_own_and_a_plain_no(text: str, of_its_own: bool, plain: bool) -> None:
    assert opens_with_a_no(text) is of_its_own
    assert opens_with_a_plain_no(text) is plain


def test_a_clause_no_reading_touches_tells_something() -> None:
    text = "my face isn't weak. I get a sort of zing along the gum now and then"
    assert tells_something_unread(text, [(3, 18)])


@pytest.mark.parametrize(
    ("text", "read_spans"),
    [
        ("not numb, hearing's fine, that's it", [(0, 8), (10, 24)]),  # a short aside says nothing
        ("no pain, and nothing else going on", [(0, 7)]),  # a clause that denies
        ("my face is not weak and my hearing is normal", [(0, 44)]),
    ],
)
def test_read_clauses_denials_and_asides_tell_nothing_more(
    text: str, read_spans: list[tuple[int, int]]
) -> None:
    assert not tells_something_unread(text, read_spans)


@pytest.mark.parametrize(
    ("text", "answer"),
    [
        ("why, is that bad?? nah it's only the lid", "nah it's only the lid"),
        ("What's that? Should I? No, none", "No, none"),
        ("does a hangover count?", "does a hangover count?"),  # only a question: kept whole
        ("no, nothing like that", "no, nothing like that"),
    ],
)
def test_the_answer_is_what_follows_the_questions_a_reply_opens_with(text: str, answer: str) -> None:
    assert answer_after_questions_back(text) == answer


@pytest.mark.parametrize(
    ("text", "recent"),
    [
        ("the words went wrong around half four, about 4:30", True),
        ("she was right as rain at elevenses", True),
        ("since this afternoon the telly is in two", True),
        ("twenty minutes ago my hand went", True),
        ("last night it came out as gobbledygook", True),
        ("two of everything for like 15 min on the motorway", True),
        ("the lid has flickered since Sunday", False),
        ("it's been a month, on and off", False),
    ],
)
def test_a_recent_time(text: str, recent: bool) -> None:
    assert tells_a_recent_time(text) is recent
