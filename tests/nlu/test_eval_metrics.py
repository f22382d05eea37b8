"""The evaluator's scoring, on hand-made parse results shaped like Rasa's (no model needed)."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest
from eval_nlu import (
    UNKNOWN_DURATION,
    Bars,
    Evaluation,
    Expected,
    Reading,
    durations_match,
    load_holdout,
    mistakes,
    reading_from_parse,
    render_report,
)


def parse_result(intent: str | None, *entities: tuple[str, str]) -> dict[str, Any]:
    return {
        "text": "…",
        "intent": {"name": intent, "confidence": 0.9},
        "entities": [
            {"entity": name, "value": value, "start": 0, "end": 1, "extractor": "ClinicalFindingsExtractor"}
            for name, value in entities
        ],
    }


def correct_reading(expected: Expected) -> Reading:
    """What a perfect model would return for this utterance."""
    return Reading(
        intent=expected.intent,
        findings=expected.findings,
        face_sides=frozenset({expected.face_side} if expected.face_side else ()),
        locations=expected.locations,
        durations=() if expected.duration_days is None else (expected.duration_days,),
    )


@pytest.fixture(scope="module")
def examples() -> tuple[Expected, ...]:
    return load_holdout().examples


def test_reading_collects_each_kind_of_entity() -> None:
    reading = reading_from_parse(
        parse_result(
            "describe_symptoms",
            ("twitching", "present"),
            ("numbness_tingling", "absent"),
            ("face_side", "left"),
            ("location", "eyelid"),
            ("location", "cheek"),
            ("duration_days", "10.5"),
            ("topic", "caffeine"),
        )
    )
    assert reading == Reading(
        intent="describe_symptoms",
        findings=frozenset({("twitching", "present"), ("numbness_tingling", "absent")}),
        face_sides=frozenset({"left"}),
        locations=frozenset({"eyelid", "cheek"}),
        durations=(10.5,),
    )


def test_vague_duration_and_entities_outside_the_contract() -> None:
    reading = reading_from_parse(
        parse_result(
            None,
            ("duration_days", "unknown"),
            ("twitching", "maybe"),
            ("location", "knee"),
            ("colour", "red"),
        )
    )
    assert reading.durations == (UNKNOWN_DURATION,)
    assert reading.malformed == ("twitching='maybe'", "location='knee'", "colour='red'")


@pytest.mark.parametrize(
    ("expected", "read", "right"),
    [
        (14.0, (15.0,), True),  # within a day
        (14.0, (15.5,), False),
        (365.0, (330.0,), True),  # within 10%
        (365.0, (320.0,), False),
        (UNKNOWN_DURATION, (UNKNOWN_DURATION,), True),
        (UNKNOWN_DURATION, (30.0,), False),
        (30.0, (UNKNOWN_DURATION,), False),
        (30.0, (), False),
        (None, (), True),
        (None, (3.0,), False),  # a duration read where none was stated
        (3.0, (3.0, 21.0), False),  # two readings for one message is ambiguous
    ],
)
def test_duration_tolerance(expected: float | str | None, read: tuple[float | str, ...], right: bool) -> None:
    assert durations_match(expected, read) is right


def test_a_perfect_model_meets_every_bar(examples: tuple[Expected, ...]) -> None:
    evaluation = Evaluation(tuple((e, correct_reading(e)) for e in examples))
    assert evaluation.failures() == []
    assert evaluation.intent_macro_f1 == 1.0
    assert evaluation.finding_micro.f1 == 1.0


def test_one_missed_red_flag_fails_its_recall_bar(examples: tuple[Expected, ...]) -> None:
    first_droop = next(e for e in examples if ("facial_weakness", "present") in e.findings)
    pairs = tuple(
        (e, replace(correct_reading(e), findings=e.findings - {("facial_weakness", "present")}))
        if e is first_droop
        else (e, correct_reading(e))
        for e in examples
    )
    evaluation = Evaluation(pairs)
    recall, n = evaluation.red_flag_recall["facial_weakness"]
    assert recall == pytest.approx((n - 1) / n)
    assert [f for f in evaluation.failures() if "facial_weakness" in f] != []
    assert mistakes(first_droop, pairs[examples.index(first_droop)][1]) == ["missed facial_weakness:present"]


def test_wrong_status_counts_against_precision_and_recall() -> None:
    expected = Expected(
        "no numbness", "inform", frozenset({("numbness_tingling", "absent")}), tags=frozenset({"context"})
    )
    negation_missed = Reading("inform", frozenset({("numbness_tingling", "present")}))
    evaluation = Evaluation(((expected, negation_missed),))
    counts = evaluation.finding_counts["numbness_tingling"]
    assert (counts.true_positives, counts.false_positives, counts.false_negatives) == (0, 1, 1)
    assert evaluation.context == (0.0, 1)


def test_context_needs_exactly_the_expected_findings() -> None:
    expected = Expected("my aunt had a stroke", "inform", tags=frozenset({"context"}))
    family_taken_as_own = Reading("inform", frozenset({("facial_weakness", "present")}))
    nothing = Reading("inform")
    assert Evaluation(((expected, family_taken_as_own),)).context == (0.0, 1)
    assert Evaluation(((expected, nothing),)).context == (1.0, 1)


def test_intents_outside_the_contract_are_wrong() -> None:
    pairs = (
        (Expected("hi", "greet"), Reading("greet")),
        (Expected("bye", "goodbye"), Reading("nlu_fallback")),
    )
    assert Evaluation(pairs).intent_macro_f1 < 1.0
    assert mistakes(*pairs[1]) == ["intent goodbye -> nlu_fallback"]


def test_too_few_scored_phrases_fail_even_when_all_right() -> None:
    expected = Expected("2 weeks", "inform", duration_days=14.0, tags=frozenset({"duration"}))
    evaluation = Evaluation(((expected, correct_reading(expected)),), bars=Bars(min_duration_phrases=60))
    assert any(f.startswith("duration accuracy") for f in evaluation.failures())


def test_odd_message_failures_fail_the_evaluation(examples: tuple[Expected, ...]) -> None:
    evaluation = Evaluation(
        tuple((e, correct_reading(e)) for e in examples), robustness_failures=("'' raised ValueError: boom",)
    )
    assert evaluation.failures() == ["odd messages raising or malformed 1 (bar 0)"]


def test_report_counts_every_remaining_mistake_by_kind_and_never_quotes_held_out_words(
    examples: tuple[Expected, ...],
) -> None:
    wrong = next(e for e in examples if e.intent != "greet")  # misread as a greeting: one mistake
    pairs = tuple((e, Reading("greet") if e is wrong else correct_reading(e)) for e in examples)
    report = render_report(Evaluation(pairs), "models/test.tar.gz")
    assert "| intent macro-F1 |" in report
    assert "| red-flag recall facial_weakness" in report
    assert "## Still wrong (1 utterances)" in report
    assert f"- 1 × intent {wrong.intent} -> greet" in report
    assert f"`{wrong.text}`" not in report
