"""Red flags in plain and non-native wording, an eye held shut versus lost sight, medicines old and new, and a vague
feeling in the face (docs/clinical-design.md). Wording of our own, unlike the patterns' examples."""

from __future__ import annotations

import pytest

from bot.nlu.extraction import ClinicalExtractor
from tests.nlu_components.reading import NOW, A, P, findings_of


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("the telly sounds hollow and far away on my right", "hearing_change"),
        ("my ear has felt plugged since this morning", "hearing_change"),
        ("people's voices seem muffled to me", "hearing_change"),
        ("the floor keeps tilting under me", "balance_problem"),
        ("I'm staggering about as if I was drunk", "balance_problem"),
        ("I walked into the wall twice today", "balance_problem"),
        ("half my face feels like rubber", "numbness_tingling"),
        ("my lip is like after a filling at the dentist", "numbness_tingling"),
        ("my words are coming out scrambled", "speech_difficulty"),
        ("I used the wrong word for everything at lunch", "speech_difficulty"),
        ("my tongue is not working properly", "speech_difficulty"),
        ("my hand won't obey me", "limb_weakness"),
        ("my right foot is dragging when I walk", "limb_weakness"),
        ("my strength has gone in my left hand", "limb_weakness"),
        ("the corner of my mouth won't come up when I grin", "facial_weakness"),
        ("tea trickles out of my lip when I sip", "facial_weakness"),
        ("my left brow sits lower than the right now", "facial_weakness"),
    ],
)
def test_plain_words_for_a_red_flag(extractor: ClinicalExtractor, text: str, code: str) -> None:
    assert findings_of(extractor, text).get(code) == P


@pytest.mark.parametrize(
    "text",
    [
        "the lids glue together in a spasm and you cannot see a thing",
        "it screws my eye shut and I can't see while it lasts",
        "both eyes squeeze together and I need to hold them open with my fingers",
    ],
)
def test_an_eye_held_shut_is_closure_not_vision_loss(extractor: ClinicalExtractor, text: str) -> None:
    findings = findings_of(extractor, text)
    assert findings.get("eye_closure") == P
    assert findings.get("function_impact") == P
    assert "vision_loss" not in findings


@pytest.mark.parametrize(
    "text",
    [
        "out of nowhere I can't see out of my right eye",
        "things look doubled when I read",
        "my sight in the left eye went misty an hour ago",
    ],
)
def test_real_loss_of_sight_stays_vision_loss(extractor: ClinicalExtractor, text: str) -> None:
    assert findings_of(extractor, text).get("vision_loss") == P


@pytest.mark.parametrize(
    "text",
    [
        "I've had the same two tablets every morning for about ten years",
        "I take a statin and an inhaler, both for years now",
        "no changes to my medication",
    ],
)
def test_long_standing_or_unchanged_medicines_are_not_new(extractor: ClinicalExtractor, text: str) -> None:
    assert findings_of(extractor, text).get("new_medication") in (None, A)


def test_years_on_a_medicine_are_not_the_twitchs_duration(extractor: ClinicalExtractor) -> None:
    extraction = extractor.extract("been on thyroid pills for 12 years, the lid flicker began on Friday", NOW)
    assert extraction.duration.days is not None and extraction.duration.days < 14


@pytest.mark.parametrize(
    "text",
    [
        "my GP started me on something for my blood pressure a fortnight ago",
        "ever since they put me on propranolol my cheek jumps",
        "I began some new capsules from the pharmacy on Saturday",
    ],
)
def test_a_medicine_just_started_is_new_medication(extractor: ClinicalExtractor, text: str) -> None:
    assert findings_of(extractor, text).get("new_medication") == P


@pytest.mark.parametrize(
    "text",
    [
        "my cheek has felt a bit peculiar since yesterday",
        "my lip feels off",
        "there's an odd sensation around my mouth",
        "the left side of my face is not feeling normal",
        "something's not right with my left side",
        "it feels strange down one side of my face",
        "my cheek feels like it belongs to a shop dummy",
        "the skin by my mouth feels as though it's been wrapped in cling film",
    ],
)
def test_a_vague_face_feeling_is_its_own_entity(extractor: ClinicalExtractor, text: str) -> None:
    extraction = extractor.extract(text, NOW)
    vague = [
        (entity.entity, entity.value) for entity in extraction.entities if entity.entity == "vague_sensation"
    ]
    assert vague == [("vague_sensation", "present")]
    assert "numbness_tingling" not in extraction.findings
    assert "facial_weakness" not in extraction.findings


def test_a_denied_sign_denies_only_that_sign(extractor: ClinicalExtractor) -> None:
    extraction = extractor.extract("it doesn't hurt, my cheek just feels unusual", NOW)
    assert dict(extraction.findings) == {"severe_pain": extraction.findings["severe_pain"]}
    assert extraction.findings["severe_pain"].value == A
    assert any(entity.entity == "vague_sensation" for entity in extraction.entities)


def test_a_denied_vague_feeling_is_no_entity(extractor: ClinicalExtractor) -> None:
    extraction = extractor.extract("nothing feels strange in my face", NOW)
    assert not any(entity.entity == "vague_sensation" for entity in extraction.entities)


@pytest.mark.parametrize(
    "text",
    [
        "oh, and something different has started in my cheek",
        "there's another sensation now that I can't explain",
        "I've got an extra symptom since this morning",
        # an onset beside it is no sign that takes its words
        "something odd has just happened, all of a sudden",
        # what the face looked or went like, by someone who saw it
        "my mum says my face went peculiar for a minute at tea",
        "his mouth looked wrong when he laughed just now",
        # the face told together with a limb
        "her face and hand went strange for a minute, fine again now",
    ],
)
def test_something_new_that_names_no_sign_is_a_vague_feeling(extractor: ClinicalExtractor, text: str) -> None:
    assert "vague_sensation" in {entity.entity for entity in extractor.extract(text, NOW).entities}


@pytest.mark.parametrize(
    ("text", "points_back"),
    [
        ("no drooping or pain, only the buzzing I described earlier", True),
        ("the stabbing thing I said, that's still there", True),
        ("nope, just the twitch", False),
        ("no numbness like I said, all fine", False),
    ],
)
def test_a_reply_pointing_back_at_something_told_before_is_marked(
    extractor: ClinicalExtractor, text: str, points_back: bool
) -> None:
    entities = [entity.entity for entity in extractor.extract(text, NOW).entities]
    assert ("points_back" in entities) is points_back


@pytest.mark.parametrize(
    "text",
    [
        "every time it slams I can't see a thing out of that side, vision's fine between, no doubling",
        "sight ok otherwise, not blurry, only when the twitch screws up I can't see for a sec",
    ],
)
def test_a_bare_cannot_see_beside_the_spasm_shutting_the_eye_is_not_lost_sight(
    extractor: ClinicalExtractor, text: str
) -> None:
    findings = findings_of(extractor, text)
    assert findings.get("function_impact") == P
    assert findings.get("vision_loss") != P


@pytest.mark.parametrize(
    "text",
    [
        "I can't see out of my left eye and I slammed the car door on my hand",
        "I can't see properly, so I shut the laptop",
    ],
)
def test_a_bare_cannot_see_beside_shutting_something_else_is_still_lost_sight(
    extractor: ClinicalExtractor, text: str
) -> None:
    assert findings_of(extractor, text).get("vision_loss") == P


def test_a_limb_named_after_the_face_is_asked_about(extractor: ClinicalExtractor) -> None:
    # "my face and arm went funny": the arm's own words are missing, but it was named as unwell beside the face
    entities = extractor.extract("out of the blue my face and leg went odd for a bit", NOW).entities
    assert ("suspected_sign", "limb_weakness") in {(entity.entity, entity.value) for entity in entities}
