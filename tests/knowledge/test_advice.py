"""The triage answer's health sentences: each sourced from the permitted documents, one for each level and trigger."""

from __future__ import annotations

from bot.knowledge.advice import (
    CONDITIONS,
    FINDING_ADVICE,
    LEVEL_ADVICE,
    SELF_CARE_ADVICE,
    SELF_CARE_OUTLOOK,
    SELF_CHECK_INTRO,
    SELF_CHECK_RESULT,
    SELF_CHECK_STEPS,
    STROKE_WARNING,
    STROKE_WARNING_FACE_ALREADY_DROOPS,
    SUDDEN_VISION_OR_BALANCE_CHANGE,
)
from bot.knowledge.items import MEDICAL_SOURCES, SourcedText
from bot.triage.findings import TRIGGER_CODES
from bot.triage.levels import Level


def _level_sentences() -> list[SourcedText]:
    return [
        sentence
        for advice in LEVEL_ADVICE.values()
        for sentence in (advice.in_plain_words, advice.next_steps, advice.act_sooner_if)
        if sentence is not None
    ]


def test_every_sentence_of_the_answer_is_sourced_from_the_permitted_documents() -> None:
    sentences = [
        *_level_sentences(),
        *(advice.next_step for advice in FINDING_ADVICE),
        *(advice.act_sooner_if for advice in FINDING_ADVICE if advice.act_sooner_if),
        STROKE_WARNING,
        STROKE_WARNING_FACE_ALREADY_DROOPS,
        SUDDEN_VISION_OR_BALANCE_CHANGE,
        SELF_CHECK_INTRO,
        *SELF_CHECK_STEPS,
        SELF_CHECK_RESULT,
        *SELF_CARE_ADVICE.values(),
        SELF_CARE_OUTLOOK,
        *(condition.why_it_fits for condition in CONDITIONS.values()),
    ]
    assert all(sentence.sources and set(sentence.sources) <= MEDICAL_SOURCES for sentence in sentences)


def test_self_care_advice_covers_every_trigger_and_level_advice_every_level() -> None:
    assert set(SELF_CARE_ADVICE) == set(TRIGGER_CODES)
    assert set(LEVEL_ADVICE) == {level.value for level in Level}


def test_diet_advice_stays_within_the_sources() -> None:
    # The documents say low levels can cause twitching, not what to eat.
    assert "eat" not in SELF_CARE_ADVICE["diet_deficiency"].text.lower().split()
    assert "GP" in SELF_CARE_ADVICE["diet_deficiency"].text


def test_blepharospasm_is_explained_in_its_medical_sense() -> None:
    explanation = CONDITIONS["blepharospasm"].why_it_fits
    assert "force them shut" in explanation.text
    assert explanation.sources == ("nhs_dystonia",)
