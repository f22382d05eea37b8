"""The eye findings in context (docs/clinical-design.md): denials inside longer messages, another person's current eye,
fears, questions and past episodes. Each case gives what the two eye codes must be; a code left out must not be read.
"""

from __future__ import annotations

import pytest

from bot.nlu.extraction import ClinicalExtractor
from bot.triage.findings import EYE_CODES
from tests.nlu_components.reading import A, P, findings_of

DENIED_MID_MESSAGE = [
    ("the lower lid has been jumping since friday, no redness or crust", {"red_eye": A}),
    ("it's been flickering for days but the eye isn't red at all", {"red_eye": A}),
    ("twitches every evening, not sore, not sticky", {"red_eye": A, "eye_pain": A}),
    ("it flickers on and off, not crusty or achy", {"red_eye": A, "eye_pain": A}),
    ("the lid spasms a lot but my eye doesn't hurt", {"eye_pain": A}),
    ("both eyes look normal to me, not bloodshot", {"red_eye": A}),
    ("nothing is leaking from my eye, it only flutters", {"red_eye": A}),
    ("flutters since the weekend, eye not red, not sore", {"red_eye": A, "eye_pain": A}),
    ("my right lid twitches at work, eye not pink", {"red_eye": A}),
    ("jumping eyelid for a fortnight, eyes not painful or bloodshot", {"red_eye": A, "eye_pain": A}),
]

PAIN_AROUND_THE_EYE = [
    ("there is no ache in or around my eye", {"eye_pain": A}),
    ("I get a dull pain behind and around the eye", {"eye_pain": P}),
    ("no discomfort on or near my eyeball at all", {"eye_pain": A}),
]

SOMEONE_ELSES_EYE_NOW = [
    ("my grandson's eye is pink and gunky this morning", {"red_eye": P}),
    ("his eye has been weepy and achy since monday", {"red_eye": P, "eye_pain": P}),
    ("my wife's eyelid is puffy and it twitches", {"red_eye": P}),
    ("my daughter says her eye stings", {"eye_pain": P}),
    ("there's stuff coming out of my boy's eye", {"red_eye": P}),
]

NOT_A_FINDING = [
    "I am terrified this could turn into conjunctivitis",
    "is this maybe pink eye?",
    "what should I do if my eye turns red",
    "scared my eye will get infected from rubbing it",
    "can a stye make your eyelid twitch?",
    "my brother had conjunctivitis last month",
    "I used to get styes as a teenager",
]


def eye_findings(extractor: ClinicalExtractor, text: str) -> dict[str, str]:
    return {code: status for code, status in findings_of(extractor, text).items() if code in EYE_CODES}


@pytest.mark.parametrize(("text", "expected"), DENIED_MID_MESSAGE)
def test_a_denial_inside_a_longer_message_is_absent(
    extractor: ClinicalExtractor, text: str, expected: dict[str, str]
) -> None:
    assert eye_findings(extractor, text) == expected


@pytest.mark.parametrize(("text", "expected"), PAIN_AROUND_THE_EYE)
def test_pain_in_or_around_the_eye(extractor: ClinicalExtractor, text: str, expected: dict[str, str]) -> None:
    assert eye_findings(extractor, text) == expected


@pytest.mark.parametrize(("text", "expected"), SOMEONE_ELSES_EYE_NOW)
def test_another_persons_current_eye_counts(
    extractor: ClinicalExtractor, text: str, expected: dict[str, str]
) -> None:
    assert eye_findings(extractor, text) == expected


@pytest.mark.parametrize("text", NOT_A_FINDING)
def test_fears_questions_and_the_past_give_nothing(extractor: ClinicalExtractor, text: str) -> None:
    assert eye_findings(extractor, text) == {}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a bare "not sore" or "not swollen" may be of the face: it says nothing of an eye
        ("my cheek isn't swollen or sore", {}),
        ("it's not sore", {}),
        # a short answer that names only what an eye is
        ("sticky", {"red_eye": P}),
    ],
)
def test_bare_words_stay_where_they_belong(
    extractor: ClinicalExtractor, text: str, expected: dict[str, str]
) -> None:
    assert eye_findings(extractor, text) == expected
