"""Knowledge: every item is sourced from the permitted documents, short, and answers a known topic."""

from __future__ import annotations

import pytest

from bot.knowledge.items import (
    EMERGENCY_COUNTERPARTS,
    FIT_AFTER_AN_EMERGENCY,
    KNOWLEDGE,
    MAX_MESSAGE_CHARS,
    MEDICAL_SOURCES,
    NOT_COVERED,
    NOT_COVERED_TOPIC,
    KnowledgeItem,
    SourcedText,
    answer,
    answer_after_an_emergency,
    answer_text,
)
from bot.knowledge.sources import SOURCES, source
from bot.knowledge.topics import TOPIC_KEYWORDS


def test_every_named_topic_has_an_answer() -> None:
    assert set(TOPIC_KEYWORDS) <= set(KNOWLEDGE)


@pytest.mark.parametrize("topic", sorted(KNOWLEDGE))
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


def test_a_face_dropping_is_a_stroke_sign_on_its_own() -> None:
    """NHS, Bell's palsy: a face drooping on one side is itself a reason to call the emergency number, not only
    with arm weakness or slurred speech."""
    bells = answer("bells_palsy").body
    assert "call the emergency number now" in bells
    assert "comes with arm weakness" not in bells


@pytest.mark.parametrize("topic", sorted(FIT_AFTER_AN_EMERGENCY))
def test_no_answer_given_after_the_emergency_answer_reassures_before_it_says_to_call(topic: str) -> None:
    # "A twitch without weakness is different: ... very rarely serious" may come after "call the emergency number".
    body = answer(topic).body.lower()
    reassuring = (
        "usually not",
        "harmless",
        "very rarely",
        "settle on their own",
        "by itself",
        "not to worry",
        "few weeks",
    )
    first_reassurance = min((body.index(words) for words in reassuring if words in body), default=None)
    if first_reassurance is not None:
        assert -1 < body.find("call the emergency number") < first_reassurance


def test_reassurance_is_never_given_after_the_emergency_answer() -> None:
    assert {"is_it_serious", "self_care", "stress", "caffeine", "duration"}.isdisjoint(FIT_AFTER_AN_EMERGENCY)
    assert set(EMERGENCY_COUNTERPARTS.values()) <= FIT_AFTER_AN_EMERGENCY


@pytest.mark.parametrize("topic", ["twitching", "causes"])
def test_what_a_sign_means_asked_with_an_emergency_sign_is_told_how_a_stroke_differs(topic: str) -> None:
    assert answer_after_an_emergency(topic) == "stroke_or_twitch"


@pytest.mark.parametrize("topic", ["when_to_see_doctor", "bells_palsy"])
def test_weakness_over_hours_to_days_is_urgent_within_the_72_hours(topic: str) -> None:
    body = answer(topic).body
    assert "hours to days" in body and "urgent GP appointment" in body and "72 hours" in body


def test_blepharospasm_is_the_dystonia_that_forces_both_eyes_shut() -> None:
    item = answer("blepharospasm")
    assert "dystonia" in item.body and "both eyes" in item.body and "force them shut" in item.body
    assert "nhs_dystonia" in item.sources


def test_medicines_item_says_see_a_gp_and_not_to_stop_a_prescribed_medicine() -> None:
    body = answer("medicines").body
    assert "see a GP" in body and "do not stop taking it without getting medical advice" in body
    assert answer("medicines").sources == ("nhs_twitching",)


def test_no_diet_is_prescribed() -> None:
    """The sources say deficiencies can cause twitching, not what to eat."""
    texts = [answer("deficiencies").body, answer("self_care").body]
    assert not any("foods" in text or "eat enough" in text for text in texts)


@pytest.mark.parametrize("topic", sorted(KNOWLEDGE))
def test_answers_speak_to_the_person_not_about_documents(topic: str) -> None:
    assert "document" not in answer(topic).body.lower()


def test_a_question_the_sources_do_not_answer_is_told_so_and_pointed_to_a_doctor() -> None:
    assert answer_text(NOT_COVERED_TOPIC) == NOT_COVERED
    assert "won't guess" in NOT_COVERED and "GP" in NOT_COVERED
    with pytest.raises(KeyError):
        answer_text("horoscopes")
