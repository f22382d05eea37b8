"""Speech, sight and headache red flags in everyday words (docs/clinical-design.md), and what they are not: words that
trip are speech, not balance; an eye held shut by the spasm is not lost sight; a mild headache is no red flag."""

from __future__ import annotations

import pytest

from bot.nlu.extraction import ClinicalExtractor
from tests.nlu_components.reading import A, P, findings_of


@pytest.mark.parametrize(
    "text",
    [
        "he keeps tripping up over his sentences",
        "I'm fumbling my words on the phone",
        "I stumble on simple words since lunch",
        "my tongue keeps tangling when I talk",
        "her talking is all over the place this evening",
    ],
)
def test_words_that_trip_are_a_speech_difficulty_not_balance(extractor: ClinicalExtractor, text: str) -> None:
    findings = findings_of(extractor, text)
    assert findings.get("speech_difficulty") == P
    assert "balance_problem" not in findings


def test_stumbling_when_walking_is_still_balance(extractor: ClinicalExtractor) -> None:
    assert findings_of(extractor, "I keep stumbling on the stairs").get("balance_problem") == P


@pytest.mark.parametrize(
    "text",
    [
        "everything seems foggy on the right",
        "things are all hazy and smeared",
        "the world looks wavy out of my left eye",
        "I've a grey smudge across my sight",
        "there's a shadow coming down over my left eye",
        "a black blotch in the middle of my vision",
        "bits of my eyesight are missing",
    ],
)
def test_blurred_or_patchy_sight_is_vision_loss(extractor: ClinicalExtractor, text: str) -> None:
    assert findings_of(extractor, text).get("vision_loss") == P


@pytest.mark.parametrize(
    "text",
    [
        "the spasm pinches my eye shut and I can't see properly out of it",
        "my lids squeeze shut so I can't see out of that eye till it stops",
        "dark shadows under my eyes from no sleep",
        "there's a spot over my eyebrow",
        "the room is dark and everything is fine",
    ],
)
def test_an_eye_held_shut_or_the_skin_around_it_is_not_vision_loss(
    extractor: ClinicalExtractor, text: str
) -> None:
    assert findings_of(extractor, text).get("vision_loss") != P


@pytest.mark.parametrize(
    "text",
    [
        "a really strong headache hit me this afternoon",
        "the most brutal headache I have known",
        "a hugely painful headache came from nowhere",
        "my headache was like a clap of thunder, a thunderclap",
        "extreme headache, very sudden",
    ],
)
def test_a_severe_headache_in_plain_words(extractor: ClinicalExtractor, text: str) -> None:
    assert findings_of(extractor, text).get("severe_headache") == P


@pytest.mark.parametrize("text", ["a mild headache now and then", "strong tea gives me a headache"])
def test_an_ordinary_headache_is_no_red_flag(extractor: ClinicalExtractor, text: str) -> None:
    assert "severe_headache" not in findings_of(extractor, text)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("no strong headache", "severe_headache"),
        ("things aren't blurry", "vision_loss"),
        ("I'm not tripping over my words", "speech_difficulty"),
    ],
)
def test_the_plain_words_denied(extractor: ClinicalExtractor, text: str, code: str) -> None:
    assert findings_of(extractor, text).get(code) == A


@pytest.mark.parametrize(
    "text",
    [
        "on the drive home I saw 2 traffic lights side by side for a while",
        "she was seeing two teapots next to each other at breakfast",
        "after lunch his left eye saw nothing for five minutes",
        "everything went black, like a shutter coming down, then it lifted",
    ],
)
def test_sight_doubled_or_gone_in_plain_words_is_a_loss_of_vision(
    extractor: ClinicalExtractor, text: str
) -> None:
    assert findings_of(extractor, text).get("vision_loss") == P


@pytest.mark.parametrize(
    "text",
    [
        "my eyes see nothing unusual",
        "I can see nothing wrong in the mirror",
        "we drew the curtains and came down",
    ],
)
def test_seeing_nothing_wrong_or_curtains_at_home_are_no_loss_of_vision(
    extractor: ClinicalExtractor, text: str
) -> None:
    assert findings_of(extractor, text).get("vision_loss") in (None, A)


@pytest.mark.parametrize(
    "text",
    [
        "in photos her left mouth corner barely lifts any more",
        "his eyebrow on that side not raising when he's surprised",
    ],
)
def test_a_part_of_the_face_that_barely_lifts_is_weakness(extractor: ClinicalExtractor, text: str) -> None:
    assert findings_of(extractor, text).get("facial_weakness") == P


def test_a_face_that_feels_normal_to_touch_denies_numbness_not_weakness(extractor: ClinicalExtractor) -> None:
    findings = findings_of(extractor, "my smile's gone lopsided, though the face feels fine to the touch")
    assert findings.get("facial_weakness") == P and findings.get("numbness_tingling") == A


@pytest.mark.parametrize(
    "text",
    [
        "went out Friday and got blind drunk, lid's been jumping since",
        "I can't see the sense in cutting out tea, honestly",
        "can't see why my eyelid would suddenly start this",
    ],
)
def test_idioms_of_blindness_and_seeing_are_no_loss_of_vision(
    extractor: ClinicalExtractor, text: str
) -> None:
    assert "vision_loss" not in findings_of(extractor, text)


def test_not_seeing_what_is_in_front_of_one_is_still_lost_sight(extractor: ClinicalExtractor) -> None:
    assert findings_of(extractor, "suddenly I can't see what's in front of me").get("vision_loss") == P


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("my nanna's words went funny before her stroke, so I worry about mine", "speech_difficulty"),
        ("mam had a stroke at Easter, her left leg was useless, she's home now", "limb_weakness"),
        ("the in-laws are visiting and I can't get a word in edgewise", "speech_difficulty"),
    ],
)
def test_a_relatives_old_stroke_and_a_talkative_visitor_are_no_sign_of_ones_own(
    extractor: ClinicalExtractor, text: str, code: str
) -> None:
    assert code not in findings_of(extractor, text)


def test_a_relatives_stroke_sign_said_to_last_until_now_is_still_told(extractor: ClinicalExtractor) -> None:
    text = "my mam had a stroke in 2019 and her leg is still weak now"
    assert findings_of(extractor, text).get("limb_weakness") == P
