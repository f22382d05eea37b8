"""How a facial weakness came on, in plain words (docs/clinical-design.md and docs/triage-policy.md): over days is not sudden (urgent, not the
stroke emergency), within minutes or hours is. Said of the twitch alone, an onset is no finding of a sign."""

from __future__ import annotations

import pytest

from bot.nlu.extraction import ClinicalExtractor
from tests.nlu_components.reading import A, P, findings_of


@pytest.mark.parametrize(
    "text",
    [
        "one side of my mouth sags now, it took a good few days to happen",
        "my cheek has been slack since the weekend and the weakness took three days to build",
        "my lip droops on the left. It has been creeping on since Tuesday",
        "my right cheek is weak, it happened over the course of a week",
        "my eyelid droops, it developed over several days",
        "my smile is crooked, it's been building up since the weekend",
        "the droop appeared over two or three days",
    ],
)
def test_a_weakness_that_came_on_over_days_is_not_sudden(extractor: ClinicalExtractor, text: str) -> None:
    findings = findings_of(extractor, text)
    assert findings.get("facial_weakness") == P
    assert findings.get("sudden_onset") == A


@pytest.mark.parametrize(
    "text",
    [
        "my face sagged on one side, all at once",
        "the left of my mouth dropped in a matter of seconds",
        "my mouth went slack within moments",
        "my cheek sagged over about twenty minutes",
        "the droop came on over a couple of hours",
        "my face went floppy, it happened in a flash",
    ],
)
def test_a_weakness_that_came_on_in_minutes_or_hours_is_sudden(
    extractor: ClinicalExtractor, text: str
) -> None:
    findings = findings_of(extractor, text)
    assert findings.get("facial_weakness") == P
    assert findings.get("sudden_onset") == P


@pytest.mark.parametrize(
    "text",
    [
        "the twitching in my lid came on in a matter of minutes",
        "my eye began flickering a few minutes ago",
        "it took a few days to see the doctor",
        "I drank two energy drinks in one go",
    ],
)
def test_an_onset_said_without_a_sign_is_no_finding(extractor: ClinicalExtractor, text: str) -> None:
    assert "sudden_onset" not in findings_of(extractor, text)
