"""A sudden severe headache in plain words is severe_headache (BE-FAST), not the face's severe_pain; a usual, mild
or tension headache is neither (docs/clinical-design.md and docs/triage-policy.md)."""

from __future__ import annotations

import pytest

from bot.nlu.extraction import ClinicalExtractor
from tests.nlu_components.reading import A, P, findings_of


@pytest.mark.parametrize(
    "text",
    [
        "out of nowhere my head started pounding like mad",
        "my head is absolutely hammering all of a sudden",
        "I've got a splitting head since an hour ago",
        "a terrible pain in my head hit me while I was cooking",
        "sudden horrible ache across my skull",
        "a headache that came on suddenly, the worst I've known",
        "a thumping head came from nowhere this afternoon",
        "my head feels like it's bursting",
        "my head is in agony",
    ],
)
def test_a_sudden_severe_headache_in_plain_words(extractor: ClinicalExtractor, text: str) -> None:
    assert findings_of(extractor, text).get("severe_headache") == P


@pytest.mark.parametrize(
    "text",
    [
        "a sudden dreadful pain inside my head",
        "an awful pain in my head came on in seconds",
        "severe pain across my head",
    ],
)
def test_a_pain_in_the_head_is_not_the_face_pain(extractor: ClinicalExtractor, text: str) -> None:
    findings = findings_of(extractor, text)
    assert findings.get("severe_headache") == P
    assert "severe_pain" not in findings


def test_a_face_pain_stays_a_face_pain(extractor: ClinicalExtractor) -> None:
    findings = findings_of(extractor, "a terrible pain in my cheek")
    assert findings.get("severe_pain") == P
    assert "severe_headache" not in findings


@pytest.mark.parametrize(
    "text",
    [
        "just my normal headache after work",
        "my usual pounding headache when I'm dehydrated",
        "a mild headache now and then",
        "bit of a headache this evening",
        "a tension headache by teatime most days",
        "a slight headache from the screen",
        "I get a dull headache sometimes",
        "I have a headache",
    ],
)
def test_a_usual_or_mild_headache_is_not_severe(extractor: ClinicalExtractor, text: str) -> None:
    assert findings_of(extractor, text).get("severe_headache") != P


@pytest.mark.parametrize(
    "text",
    [
        "no headache",
        "my head isn't pounding",
        "no pain in my head at all",
    ],
)
def test_a_denied_headache(extractor: ClinicalExtractor, text: str) -> None:
    assert findings_of(extractor, text).get("severe_headache") in (A, None)
    assert findings_of(extractor, text).get("severe_headache") != P
