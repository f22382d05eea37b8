"""Phrase cases kept as data, in tests/nlu_components/cases/<topic>.yml, and the one check every case gets.

Each case is a message, what the extractor must read from it, and a one-line why:

    - text: "no pain, the twitching is getting worse"
      findings: {severe_pain: absent, twitching: present, worsening: present}
      why: "a comma before a new subject ends a denial"

What it must read, one key or more:
  findings          every finding read, exactly: a code read that is not listed fails the case ({} = none at all);
  findings_include  these codes read with these statuses, whatever else is read (a red flag kept, say);
  not_read          codes that must not be read at all;
  locations         the places read, in order ([] = none);
  face_side         the side read (null = none).

Messages are read at tests/nlu_components/reading.NOW, through `ClinicalExtractor.extract`, the extractor's public
entry point.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml

from bot.nlu.extraction import ClinicalExtractor
from tests.nlu_components.reading import NOW

CASES_DIR = Path(__file__).resolve().parent / "cases"
EXPECTATIONS = ("findings", "findings_include", "not_read", "locations", "face_side")


@dataclass(frozen=True)
class PhraseCase:
    text: str
    why: str
    expected: dict[str, Any]


def phrase_case(item: dict[str, Any], source: Path) -> PhraseCase:
    unknown = set(item) - {"text", "why", *EXPECTATIONS}
    if unknown or not {"text", "why"} <= set(item) or not set(item) & set(EXPECTATIONS):
        raise ValueError(
            f"{source.name}: {item!r} needs text, why and one of {EXPECTATIONS}, and nothing else"
        )
    expected = {key: item[key] for key in EXPECTATIONS if key in item}
    return PhraseCase(str(item["text"]), str(item["why"]), expected)


def cases_of(*topics: str) -> list[object]:
    """The cases of these topics' files, each with the id "<topic>: <text>"."""
    params: list[object] = []
    for topic in topics:
        source = CASES_DIR / f"{topic}.yml"
        for item in yaml.safe_load(source.read_text(encoding="utf-8")):
            case = phrase_case(item, source)
            params.append(pytest.param(case, id=f"{topic}: {case.text}"))
    return params


def check_reading(extractor: ClinicalExtractor, case: PhraseCase) -> None:
    extraction = extractor.extract(case.text, NOW)
    findings = {code: status.value for code, status in extraction.findings.items()}
    expected = case.expected
    if "findings" in expected:
        assert findings == expected["findings"], case.why
    if "findings_include" in expected:
        included = {code: findings.get(code) for code in expected["findings_include"]}
        assert included == expected["findings_include"], case.why
    if "not_read" in expected:
        assert not set(expected["not_read"]) & set(findings), case.why
    if "locations" in expected:
        assert extraction.locations == tuple(expected["locations"]), case.why
    if "face_side" in expected:
        assert extraction.face_side == expected["face_side"], case.why
