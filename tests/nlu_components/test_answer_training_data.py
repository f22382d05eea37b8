"""The answer intents' training data (data/nlu/answers.yml) for a yes to a list that does not say which (docs/clinical-design.md):
"a couple of them" is a yes, and only a denial of the whole list is none_of_these."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import yaml

ANSWERS = Path(__file__).resolve().parents[2] / "data" / "nlu" / "answers.yml"
# Words that pick some of a list without saying which.
PART_OF_A_LIST = re.compile(r"\b(?:of (?:those|these|them|em|thoes|that)|one or two|a (?:few|couple)|some)\b")
NEGATIVE = re.compile(r"\b(?:no|none|nothing|neither|not|nope|zero|never)\b|n't\b")
FEWEST_UNSPECIFIED_YESES = 15


@cache
def examples() -> dict[str, list[str]]:
    data = yaml.safe_load(ANSWERS.read_text(encoding="utf-8"))
    return {
        item["intent"]: [line[2:].strip() for line in item["examples"].splitlines() if line.startswith("- ")]
        for item in data["nlu"]
        if "intent" in item
    }


def test_affirm_has_yeses_to_part_of_a_list() -> None:
    unspecified = [text for text in examples()["affirm"] if PART_OF_A_LIST.search(text.lower())]
    assert len(unspecified) >= FEWEST_UNSPECIFIED_YESES


def test_none_of_these_only_denies() -> None:
    assert [text for text in examples()["none_of_these"] if not NEGATIVE.search(text.lower())] == []


def test_no_example_is_given_two_answer_intents() -> None:
    seen: dict[str, str] = {}
    clashes = []
    for intent, texts in examples().items():
        for text in texts:
            key = text.lower()
            if seen.setdefault(key, intent) != intent:
                clashes.append((text, seen[key], intent))
    assert clashes == []
