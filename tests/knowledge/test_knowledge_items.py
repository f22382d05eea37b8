"""Knowledge: every item is sourced from the permitted documents, short, and answers a known topic."""

from __future__ import annotations

import pytest

from bot.knowledge.items import (
    KNOWLEDGE,
    MAX_MESSAGE_CHARS,
    MEDICAL_SOURCES,
    KnowledgeItem,
    SourcedText,
    answer,
)
from bot.knowledge.sources import SOURCES, source
from bot.knowledge.topics import TOPIC_KEYWORDS


def test_every_topic_has_an_answer_and_every_answer_a_topic() -> None:
    assert set(KNOWLEDGE) == set(TOPIC_KEYWORDS)


@pytest.mark.parametrize("topic", sorted(TOPIC_KEYWORDS))
def test_answer_is_sourced_short_and_names_its_source(topic: str) -> None:
    item = answer(topic)
    assert item.topic == topic
    assert item.sources and set(item.sources) <= MEDICAL_SOURCES
    assert len(item.text) <= MAX_MESSAGE_CHARS
    assert item.text.endswith(f"{source(item.sources[-1]).title})")


def test_answer_rejects_an_unknown_topic() -> None:
    with pytest.raises(KeyError):
        answer("horoscopes")


def test_an_item_without_a_source_cannot_be_built() -> None:
    with pytest.raises(ValueError):
        KnowledgeItem("caffeine", "Coffee is fine.", ())
    with pytest.raises(ValueError):
        SourcedText("Made-up advice.", ("wikipedia",))


def test_the_project_policy_is_not_a_medical_source() -> None:
    assert "triage_policy" in SOURCES
    with pytest.raises(ValueError):
        SourcedText("A rule of thumb.", ("triage_policy",))


def test_stroke_and_bells_content_stays_within_the_nhs_and_be_fast_references() -> None:
    assert set(answer("stroke_signs").sources) == {"nhs_stroke_fast", "be_fast"}
    assert "72 hours" in answer("bells_palsy").body
