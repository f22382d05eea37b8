"""Topic keywords: well-formed, and the questions of the NLU contract find their topic."""

from __future__ import annotations

import pytest

from bot.knowledge.topics import TOPIC_KEYWORDS, topics_in


def test_keywords_are_lower_case_and_unique() -> None:
    keywords = [keyword for words in TOPIC_KEYWORDS.values() for keyword in words]
    assert all(keyword == keyword.lower().strip() and keyword for keyword in keywords)
    assert len(keywords) == len(set(keywords))


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("what is hemifacial spasm?", "hemifacial_spasm"),
        ("can coffee cause this?", "caffeine"),
        ("do I need an MRI?", "mri"),
        ("could it be a tumour?", "tumour"),
        ("when should I see a doctor?", "when_to_see_doctor"),
        ("what is synkinesis?", "synkinesis"),
        ("Is this Bell’s palsy?", "bells_palsy"),
        ("what does the facial nerve do", "facial_nerve"),
        ("could it be MS?", "multiple_sclerosis"),
        ("is low magnesium a cause", "electrolytes"),
        ("is this serious?", "is_it_serious"),
        ("what are the signs of a stroke", "stroke_signs"),
    ],
)
def test_contract_questions_find_their_topic_first(question: str, topic: str) -> None:
    assert topics_in(question)[0] == topic


def test_a_longer_phrase_claims_its_words() -> None:
    assert topics_in("what is the facial nerve") == ("facial_nerve",)
    assert topics_in("tell me about hemifacial spasm") == ("hemifacial_spasm",)


def test_words_inside_other_words_do_not_match() -> None:
    assert "multiple_sclerosis" not in topics_in("my muscles twitch")
    assert topics_in("hello there") == ()
