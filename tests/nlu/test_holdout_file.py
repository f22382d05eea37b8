"""The held-out set itself: complete, valid against the shared vocabulary, and independent of training data."""

from __future__ import annotations

import unicodedata
from collections import Counter
from pathlib import Path

import pytest
import yaml
from eval_nlu import (
    CONTRACT_INTENTS,
    EYE_HOLDOUT_PATH,
    FINDING_STATUSES,
    HOLDOUT_PATH,
    TAGS,
    UNKNOWN_DURATION,
    Expected,
    Holdout,
    load_holdout,
)

from bot.triage.engine import is_emergency
from bot.triage.findings import FACE_SIDES, FINDING_CODES, LOCATIONS, RED_FLAG_CODES, Findings

TRAINING_DATA_DIR = Path(__file__).resolve().parents[2] / "data" / "nlu"

MIN_UTTERANCES = 260
MIN_PER_INTENT = 8
MIN_CONTEXT = 70
MIN_DURATION = 70
MIN_RED_FLAG_PRESENT = 6
MIN_PER_FINDING_STATUS = 3  # "several" present and absent cases of every finding code


@pytest.fixture(scope="module")
def holdout() -> Holdout:
    return load_holdout()


def findings_of(example: Expected) -> Findings:
    return Findings.from_values(dict(example.findings))


def test_size_and_every_contract_intent_covered(holdout: Holdout) -> None:
    per_intent = Counter(example.intent for example in holdout.examples)
    assert len(holdout.examples) >= MIN_UTTERANCES
    assert set(per_intent) == set(CONTRACT_INTENTS)
    assert {intent: n for intent, n in per_intent.items() if n < MIN_PER_INTENT} == {}


def test_context_and_duration_minima(holdout: Holdout) -> None:
    tags = Counter(tag for example in holdout.examples for tag in example.tags)
    assert tags["context"] >= MIN_CONTEXT
    assert tags["duration"] >= MIN_DURATION


def test_values_are_the_shared_vocabulary(holdout: Holdout) -> None:
    for example in holdout.examples:
        assert {code for code, _ in example.findings} <= set(FINDING_CODES), example.text
        assert {status for _, status in example.findings} <= set(FINDING_STATUSES), example.text
        assert example.face_side in (None, *FACE_SIDES), example.text
        assert example.locations <= set(LOCATIONS), example.text
        assert example.tags <= set(TAGS), example.text
        assert isinstance(example.duration_days, float | None) or example.duration_days == UNKNOWN_DURATION


def test_one_status_per_code_in_an_utterance(holdout: Holdout) -> None:
    for example in holdout.examples:
        codes = [code for code, _ in example.findings]
        assert len(codes) == len(set(codes)), example.text


def test_duration_tag_marks_exactly_the_stated_durations(holdout: Holdout) -> None:
    for example in holdout.examples:
        assert ("duration" in example.tags) == (example.duration_days is not None), example.text


def test_every_finding_has_several_present_and_absent_cases(holdout: Holdout) -> None:
    # The eye codes came after holdout.yml's bars were set: their held-out items are a file of their own.
    eye_items = load_holdout(EYE_HOLDOUT_PATH).examples
    pairs = Counter(pair for example in (*holdout.examples, *eye_items) for pair in example.findings)
    too_few = {
        (code, status): pairs[(code, status)]
        for code in FINDING_CODES
        for status in FINDING_STATUSES
        if pairs[(code, status)] < MIN_PER_FINDING_STATUS
    }
    assert too_few == {}


def test_every_red_flag_has_enough_present_cases(holdout: Holdout) -> None:
    present = Counter(
        code for example in holdout.examples for code, status in example.findings if status == "present"
    )
    assert {code: present[code] for code in RED_FLAG_CODES if present[code] < MIN_RED_FLAG_PRESENT} == {}


def test_emergency_findings_are_labelled_report_emergency(holdout: Holdout) -> None:
    # The pipeline's safety override turns such messages into report_emergency; the labels must agree.
    mislabelled = [
        example.text
        for example in holdout.examples
        if is_emergency(findings_of(example)) and example.intent != "report_emergency"
    ]
    assert mislabelled == []


def test_no_duplicate_utterances(holdout: Holdout) -> None:
    # The same words sent at another time are another test of relative dates.
    texts = Counter((normalised(example.text), example.now) for example in holdout.examples)
    assert [text for text, n in texts.items() if n > 1] == []


def test_odd_messages_are_included(holdout: Holdout) -> None:
    texts = holdout.robustness_texts
    assert "" in texts
    assert any(text and not any(char.isalnum() for char in text) for text in texts)  # emoji or symbols only
    assert any(len(text) >= 10_000 for text in texts)
    assert any(in_another_script(text) for text in texts)


def in_another_script(text: str) -> bool:
    return any(unicodedata.name(char, "").startswith(("CJK", "CYRILLIC", "ARABIC")) for char in text)


def normalised(text: str) -> str:
    return " ".join(text.lower().split())


def training_texts() -> set[str]:
    texts = set()
    for path in TRAINING_DATA_DIR.glob("*.yml"):
        for block in (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("nlu", []):
            for line in str(block.get("examples", "")).splitlines():
                if line.strip().startswith("- "):
                    texts.add(normalised(line.strip()[2:]))
    return texts


def test_held_out_utterances_are_not_in_the_training_data(holdout: Holdout) -> None:
    # A leak check only: the held-out set was written without looking at data/nlu/. One-word replies
    # ("yes", "left", "skip") have no other wording, so only longer utterances must be new.
    longer = {normalised(e.text) for e in holdout.examples if len(e.text.split()) > 1}
    leaked = sorted(longer & training_texts())
    assert leaked == [], f"held-out utterances found in {TRAINING_DATA_DIR}: {leaked}"


def test_file_documents_its_value_conventions() -> None:
    header = HOLDOUT_PATH.read_text(encoding="utf-8").split("examples:")[0]
    for convention in ("month = 30", "year = 365", '"a few" = 3', '"a couple (of)" = 2'):
        assert convention in header
