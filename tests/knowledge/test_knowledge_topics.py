"""Topic keywords: well-formed, and a question names the items it mentions outright."""

from __future__ import annotations

import pytest

from bot.knowledge.topics import TOPIC_KEYWORDS, topics_in


def test_keywords_are_lower_case_and_unique() -> None:
    keywords = [keyword for words in TOPIC_KEYWORDS.values() for keyword in words]
    assert all(keyword == keyword.lower().strip() and keyword for keyword in keywords)
    assert len(keywords) == len(set(keywords))


@pytest.mark.parametrize(
    ("question", "topics"),
    [
        ("is it the coffee or the stress?", {"caffeine", "stress"}),
        ("Is this Bell’s palsy?", {"bells_palsy"}),
        ("do I need an MRI?", {"tests"}),
        ("could it be MS or a tumour", {"multiple_sclerosis", "tumour"}),
        ("what does the facial nerve do", {"facial_nerve"}),
        ("can my new tablets do this", {"medicines"}),
    ],
)
def test_a_question_names_the_items_it_mentions(question: str, topics: set[str]) -> None:
    assert set(topics_in(question)) == topics


def test_drinking_coffee_names_no_alcohol() -> None:
    assert topics_in("I drink a lot of coffee, is drinking it the cause?") == ("caffeine",)


def test_words_inside_other_words_do_not_match() -> None:
    assert "multiple_sclerosis" not in topics_in("my muscles twitch")
    assert topics_in("hello there") == ()
