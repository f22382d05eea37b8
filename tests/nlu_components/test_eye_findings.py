"""The eye itself (docs/clinical-design.md, "eye"): a red, swollen or sticky eye is red_eye, a painful one eye_pain.

Each case gives what the two eye codes must be; a code left out must not be read at all. The look-alikes are words
that sound close and must give neither: a red face, red wine, a twitch around the eye, tired or watery eyes.
"""

from __future__ import annotations

import pytest

from bot.nlu.extraction import ClinicalExtractor
from bot.triage.findings import EYE_CODES
from tests.nlu_components.reading import A, P, findings_of

RED_EYE_PRESENT = [
    "the twitchy eye is also red and gunky",
    "her eye is bloodshot",
    "my right eye is really bloodshot",
    "my eye's gone a bit pink",
    "his eye is red and swollen",
    "the white of my eye is red",
    "the twitching eye looks inflamed",
    "my left eye has been twitching for a week and now it's all red and crusty in the mornings",
    "my lashes are stuck together when I wake up",
    "there's yellow gunk coming out of my eye",
    "my daughter has pink eye and her eyelid keeps twitching",
    "I think I've got conjunctivitis",
    "my eye lid is swolen",
    "eyes r all red n gunky",
    "my lid flickers and it's a bit puffy",
    "a burst blood vessel in my eye",
    "lots of discharge from the eye that twitches",
    "eye redness since Tuesday",
    "my eyelid has gone puffy and there's a stye",
    "my eye is blood shot",
]

EYE_PAIN_PRESENT = [
    "my eye hurts when it twitches",
    "it hurts when my eye twitches",
    "my eye is throbbing",
    "my eyeball aches",
    "stinging eyes since yesterday",
    "dull ache behind my eye",
    "she says her eye stings",
    "eye is soar",
    "my eyes are achy",
    "there's a bit of eye pain as well",
]

BOTH_PRESENT = [
    "my left eye is red and sore",
    "sore red eye",
    "my eye twich is rly sore n red",
    "the twitchy eye has gone bloodshot and it hurts",
    "his eye is swollen, painful",
]

LOOK_ALIKES = [
    "my face goes red when I'm embarrassed",
    "I went bright red when the twitch started",
    "I have a red face",
    "my eye twitch is worse after red wine",
    "red bull gives me an eye twitch",
    "no red bulls for me",
    "a twitch around the eye that comes and goes",
    "twitching around my eye all week",
    "my eyes are watery from the screen",
    "my eye waters a lot",
    "my eyes are tired and dry from the screen",
    "my eyes feel strained after work",
    "my eyelid is drooping",
    "my eyelids screw shut and I can't see",
    "my eye closes when I smile",
    "my eye is fine, just twitching",
    "could it be conjunctivitis?",
    "I had pink eye as a kid",
    "I'm not in any pain",
    "the eye twitch is a real pain",
]

DENIALS = [
    ("no redness", {"red_eye": A}),
    ("eye isn't sore", {"eye_pain": A}),
    ("my eye doesn't hurt", {"eye_pain": A}),
    ("my eyes aren't red at all", {"red_eye": A}),
    ("the eye isn't red or sore", {"red_eye": A, "eye_pain": A}),
    ("my eye is red but it doesn't hurt", {"red_eye": P, "eye_pain": A}),
    ("my eye twitches, it doesn't hurt though", {"eye_pain": A}),
    ("eyelid twitching, no pain, no redness, no discharge", {"red_eye": A}),
    ("no pain in my eye", {"eye_pain": A}),
    ("her eye is not bloodshot", {"red_eye": A}),
]


def eye_findings(extractor: ClinicalExtractor, text: str) -> dict[str, str]:
    return {code: status for code, status in findings_of(extractor, text).items() if code in EYE_CODES}


@pytest.mark.parametrize("text", RED_EYE_PRESENT)
def test_a_red_swollen_or_sticky_eye_is_red_eye(extractor: ClinicalExtractor, text: str) -> None:
    assert eye_findings(extractor, text) == {"red_eye": P}


@pytest.mark.parametrize("text", EYE_PAIN_PRESENT)
def test_pain_in_or_around_the_eye_is_eye_pain(extractor: ClinicalExtractor, text: str) -> None:
    assert eye_findings(extractor, text) == {"eye_pain": P}


@pytest.mark.parametrize("text", BOTH_PRESENT)
def test_a_red_and_painful_eye_is_both(extractor: ClinicalExtractor, text: str) -> None:
    assert eye_findings(extractor, text) == {"red_eye": P, "eye_pain": P}


@pytest.mark.parametrize("text", LOOK_ALIKES)
def test_look_alikes_give_no_eye_finding(extractor: ClinicalExtractor, text: str) -> None:
    assert eye_findings(extractor, text) == {}


@pytest.mark.parametrize(("text", "expected"), DENIALS)
def test_denials_are_absent(extractor: ClinicalExtractor, text: str, expected: dict[str, str]) -> None:
    assert eye_findings(extractor, text) == expected


@pytest.mark.parametrize(
    ("text", "code", "status"),
    [
        # the other findings read as before
        ("my eyelid is drooping", "facial_weakness", P),
        ("my eyelids screw shut and I can't see", "eye_closure", P),
        ("my eye closes when I smile", "linked_movements", P),
        ("my eyes are tired and dry from the screen", "eye_strain", P),
        ("the twitchy eye is also red and gunky", "twitching", P),
        # severe pain in or around the eye is severe_pain as well, as ever
        ("sharp stabbing pain in my eye", "severe_pain", P),
        ("sharp stabbing pain in my eye", "eye_pain", P),
        ("my eye is red but it doesn't hurt", "severe_pain", A),
    ],
)
def test_other_findings_are_unchanged(
    extractor: ClinicalExtractor, text: str, code: str, status: str
) -> None:
    assert findings_of(extractor, text).get(code) == status


def test_a_bare_denial_of_pain_stays_with_severe_pain(extractor: ClinicalExtractor) -> None:
    # "doesn't hurt" with no eye named denies the pain asked about (severe_pain), as before; it says nothing of an eye
    assert findings_of(extractor, "no it doesn't hurt") == {"severe_pain": A}


@pytest.mark.parametrize(
    "text",
    [
        "her left eye not shutting fully since she woke",
        "the eyelid not closing all the way, that's what worries me",
        "when I blink, the top lid only comes down halfway",
    ],
)
def test_an_eye_that_will_not_close_all_the_way_is_weakness_of_the_face(
    extractor: ClinicalExtractor, text: str
) -> None:
    assert findings_of(extractor, text).get("facial_weakness") == P


def test_an_eye_not_closing_when_it_twitches_stays_a_denial_of_the_spasm_shutting_it(
    extractor: ClinicalExtractor,
) -> None:
    findings = findings_of(extractor, "the lid flickers but the eye's not closing with it")
    assert "facial_weakness" not in findings
