"""The extractor's table of readings (bot.nlu.readings.RULES): tried in the order bot/nlu/resources/readings.yml
documents, each reading what the data says it reads, and each example decided by its own rule."""

from __future__ import annotations

from typing import Any

import pytest

from bot.nlu.extraction import ClinicalExtractor
from bot.nlu.kinds import LOCATION, SIDE
from bot.nlu.readings import RULES, DocumentReading
from bot.nlu.resources import load
from bot.nlu.targets import targets_with_spans
from bot.triage.findings import Status
from tests.nlu_components.reading import NOW

DOCUMENTED = load("readings")["rules"]
READS = {"present": Status.PRESENT, "absent": Status.ABSENT, "nothing": None}
EXAMPLES = [
    pytest.param(rule["name"], READS[rule["reads"]], example, id=f"{rule['name']}: {example['text']}")
    for rule in DOCUMENTED
    for example in rule["examples"]
]


def test_the_rules_are_tried_in_the_documented_order() -> None:
    assert [rule.name for rule in RULES] == [rule["name"] for rule in DOCUMENTED]


def test_each_rule_reads_what_the_data_says() -> None:
    assert {rule.name: rule.reading for rule in RULES} == {
        rule["name"]: READS[rule["reads"]] for rule in DOCUMENTED
    }


def test_each_rule_says_in_one_line_what_it_reads() -> None:
    for rule in RULES:
        assert rule.applies.__doc__ and "\n" not in rule.applies.__doc__.strip(), rule.name


def test_every_rule_has_an_example() -> None:
    assert all(rule["examples"] for rule in DOCUMENTED)


@pytest.mark.parametrize(("name", "reads", "example"), EXAMPLES)
def test_the_example_is_read_as_its_rule_says(
    extractor: ClinicalExtractor, name: str, reads: Status | None, example: dict[str, Any]
) -> None:
    text, code = example["text"], example["code"]
    doc = extractor.nlp(text)
    document = DocumentReading(doc)
    deciding = {
        document.rule_for(target, span).name: target
        for target, span in targets_with_spans(doc)
        if target.code == code
    }
    assert name in deciding, f"{code} in {text!r} is decided by {sorted(deciding)}"
    extraction = extractor.extract(text, NOW)
    if deciding[name].kind == LOCATION:
        assert (code in extraction.locations) == (reads is Status.PRESENT)
    elif deciding[name].kind == SIDE:
        assert (extraction.face_side == code) == (reads is Status.PRESENT)
    else:
        assert extraction.findings.get(code) is reads
