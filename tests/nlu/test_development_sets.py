"""The extractor alone (no Rasa model) against the labelled phrases of the NLU development sets.

tests/nlu/dev.yml and tests/nlu/context_dev.yml (1,464 phrases, format in dev.yml's header) were labelled by hand
and then used to improve bot/nlu, so they measure no generalisation (tests/nlu/holdout.yml does); they guard
against regressions. Each phrase is read once per module by `ClinicalExtractor.shared().extract(text, now)`, the
reading the Rasa component turns into entities; the whole module takes about 15 seconds (the 1,464 readings, and
one robustness message of 10,000 emoji).

Two kinds of assertion, chosen by what a mistake costs:

- Per item, for every red flag labelled present: the extractor must read it present. A missed red flag
  under-triages, the worst error the assistant can make, so not one miss is tolerated; each phrase is a test of its
  own, and a failure names it. The robustness messages of dev.yml are also per item: each must be read without
  raising and with entities of the contract.
- An accuracy floor for everything else (all the findings of a phrase exactly, the side, the places, the duration),
  at the figure measured when the floor was set. Some phrases are read wrongly today, none of them a red flag
  missed: a denial not read, a trigger or a denial read that was not said, a side or a place read where the labels
  name none (most of them, in context_dev.yml, whose labels name few places) or a place not read. Each is worth
  fixing, but not as a condition of every other change, so the floor is a count of wrong readings per set: a new
  mistake fails the test (unless the same change fixed another), and the failure lists every wrong reading. When a
  change fixes readings, lower the count to the new figure.

Durations are scored as scripts/eval_nlu.py scores them (within a day or 10%; no duration read where none is
labelled); findings on exact equality (an extracted code that is not labelled is a mistake).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path

import pytest
from eval_nlu import Expected, Reading, durations_match, load_holdout, reading_from_parse

from bot.nlu.extraction import ClinicalExtractor
from bot.triage.findings import FACE_SIDES, FINDING_CODES, LOCATIONS, RED_FLAG_CODES

NLU_TESTS_DIR = Path(__file__).resolve().parent
DEVELOPMENT_SETS = {name: load_holdout(NLU_TESTS_DIR / name) for name in ("dev.yml", "context_dev.yml")}
# dev.yml's default message time, for its robustness messages, which carry none.
ROBUSTNESS_MESSAGE_TIME = datetime(2026, 11, 18, 12)

LabelledReading = tuple[Expected, Reading]


def read_by_the_extractor(extractor: ClinicalExtractor, expected: Expected) -> Reading:
    """The extractor's entities as Rasa would carry them, scored by the same rules as the held-out evaluation."""
    extraction = extractor.extract(expected.text, expected.now)
    entities = [{"entity": entity.entity, "value": entity.value} for entity in extraction.entities]
    return reading_from_parse({"intent": None, "entities": entities})


@pytest.fixture(scope="module")
def readings() -> dict[str, tuple[LabelledReading, ...]]:
    extractor = ClinicalExtractor.shared()
    return {
        name: tuple((expected, read_by_the_extractor(extractor, expected)) for expected in labelled.examples)
        for name, labelled in DEVELOPMENT_SETS.items()
    }


def red_flags_labelled_present() -> list[object]:
    """One case per (set, phrase, red flag) labelled present; the id is the set and the phrase's place in it."""
    cases: list[object] = []
    for name, labelled in DEVELOPMENT_SETS.items():
        for index, expected in enumerate(labelled.examples):
            cases.extend(
                pytest.param(name, index, code, id=f"{name}#{index}:{code}")
                for code in sorted(RED_FLAG_CODES)
                if (code, "present") in expected.findings
            )
    return cases


@pytest.mark.parametrize(("name", "index", "code"), red_flags_labelled_present())
def test_every_red_flag_labelled_present_is_read_present(
    readings: dict[str, tuple[LabelledReading, ...]], name: str, index: int, code: str
) -> None:
    expected, reading = readings[name][index]
    assert (code, "present") in reading.findings, f"{code} missed in {expected.text!r}"


@pytest.mark.parametrize(
    "text",
    DEVELOPMENT_SETS["dev.yml"].robustness_texts,
    ids=[f"robustness#{index}" for index, _ in enumerate(DEVELOPMENT_SETS["dev.yml"].robustness_texts)],
)
def test_odd_messages_are_read_without_error_into_contract_entities(text: str) -> None:
    extraction = ClinicalExtractor.shared().extract(text, ROBUSTNESS_MESSAGE_TIME)
    for entity in extraction.entities:
        if entity.entity in FINDING_CODES:
            assert entity.value in ("present", "absent")
        elif entity.entity == "face_side":
            assert entity.value in FACE_SIDES
        elif entity.entity == "location":
            assert entity.value in LOCATIONS


def findings_wrong(expected: Expected, reading: Reading) -> str | None:
    if reading.findings == expected.findings:
        return None
    return f"findings {sorted(expected.findings)} read as {sorted(reading.findings)}"


def side_wrong(expected: Expected, reading: Reading) -> str | None:
    expected_sides = {expected.face_side} if expected.face_side else set()
    return (
        None
        if reading.face_sides == expected_sides
        else f"side {expected_sides} read as {set(reading.face_sides)}"
    )


def places_wrong(expected: Expected, reading: Reading) -> str | None:
    if reading.locations == expected.locations:
        return None
    return f"places {sorted(expected.locations)} read as {sorted(reading.locations)}"


def duration_wrong(expected: Expected, reading: Reading) -> str | None:
    if durations_match(expected.duration_days, reading.durations):
        return None
    return f"duration {expected.duration_days} read as {list(reading.durations)}"


# Wrong readings per set when the floors were set (4 December 2026; dev.yml has 434 phrases, context_dev.yml 1,030).
MISTAKES_AT_MOST = [
    ("dev.yml", findings_wrong, 3),
    ("dev.yml", side_wrong, 1),
    ("dev.yml", places_wrong, 7),
    ("dev.yml", duration_wrong, 0),
    ("context_dev.yml", findings_wrong, 17),
    ("context_dev.yml", side_wrong, 5),
    ("context_dev.yml", places_wrong, 97),
    ("context_dev.yml", duration_wrong, 4),
]


@pytest.mark.parametrize(
    ("name", "wrong", "at_most"),
    MISTAKES_AT_MOST,
    ids=[f"{name}:{wrong.__name__}" for name, wrong, _ in MISTAKES_AT_MOST],
)
def test_no_more_wrong_readings_than_when_the_floor_was_set(
    readings: dict[str, tuple[LabelledReading, ...]],
    name: str,
    wrong: Callable[[Expected, Reading], str | None],
    at_most: int,
) -> None:
    mistakes = wrong_readings(readings[name], wrong)
    assert len(mistakes) <= at_most, f"{len(mistakes)} wrong (at most {at_most}):\n" + "\n".join(mistakes)


def wrong_readings(
    pairs: Sequence[LabelledReading], wrong: Callable[[Expected, Reading], str | None]
) -> list[str]:
    return [f"{expected.text!r}: {why}" for expected, reading in pairs if (why := wrong(expected, reading))]
