"""A red flag suspected from the body part it affects (bot.nlu.body_mentions): told of as the person's own and now,
not said to be well, and not read as a sign either way. Each suspicion becomes a question about that one sign."""

from __future__ import annotations

import pytest

from bot.intents import SUSPECTED_SIGN_ENTITY
from bot.nlu.extraction import ClinicalExtractor
from tests.nlu_components.reading import NOW


def suspected(extractor: ClinicalExtractor, text: str) -> set[str]:
    return {
        entity.value for entity in extractor.extract(text, NOW).entities if entity.entity == "suspected_sign"
    }


@pytest.mark.parametrize(
    ("text", "sign"),
    [
        ("while I was gardening something hit the inside of my head like a hammer", "severe_headache"),
        ("since lunch my right hand feels like it belongs to someone else", "limb_weakness"),
        ("my words have gone sort of sideways since lunch", "speech_difficulty"),
        ("my vision has a sort of shimmer at the edge since this morning", "vision_loss"),
        ("my left ear is like being in a swimming pool", "hearing_change"),
        ("my balance has been all over the shop", "balance_problem"),
        ("since breakfast there is something funny going on down my left side", "limb_weakness"),
    ],
)
def test_a_body_part_told_of_in_unlisted_words_raises_its_red_flag(
    extractor: ClinicalExtractor, text: str, sign: str
) -> None:
    assert sign in suspected(extractor, text)


@pytest.mark.parametrize(
    "text",
    [
        "nothing the matter with my arms",
        "my hearing's grand, thanks",
        "not a bother with my balance",
        "my head is ok, it's only the lid jumping",
    ],
)
def test_a_body_part_denied_or_said_to_be_well_raises_nothing(
    extractor: ClinicalExtractor, text: str
) -> None:
    assert suspected(extractor, text) == set()


@pytest.mark.parametrize(
    "text",
    [
        "would this ever spread to my arm?",
        "how long before it affects my eyesight",
        "I'm petrified I will lose my hearing over this",
        "if my speech goes strange what do I do",
        "my grandad's leg went after his stroke",
    ],
)
def test_a_worry_a_question_or_someone_elses_body_raises_nothing(
    extractor: ClinicalExtractor, text: str
) -> None:
    assert suspected(extractor, text) == set()


@pytest.mark.parametrize(
    ("text", "sign"),
    [
        ("my left leg has gone weak", "limb_weakness"),
        ("my speech is slurred", "speech_difficulty"),
        ("no problems with my vision", "vision_loss"),
    ],
)
def test_a_sign_read_in_the_message_is_no_suspicion(
    extractor: ClinicalExtractor, text: str, sign: str
) -> None:
    reading = extractor.extract(text, NOW)
    assert sign in reading.findings
    assert sign not in suspected(extractor, text)


@pytest.mark.parametrize(
    ("text", "sign"),
    [
        ("both eyes are back to normal, thank god", "vision_loss"),
        ("his smile's alright again", "facial_weakness"),
        ("my left leg is ok now", "limb_weakness"),
        ("talking's fine, my voice is normal again since tea", "speech_difficulty"),
    ],
)
def test_a_body_part_told_as_recovered_was_not_well_earlier(
    extractor: ClinicalExtractor, text: str, sign: str
) -> None:
    # A stroke sign that has passed still needs the emergency answer: asked about, never read as denied.
    assert sign in suspected(extractor, text)
    assert all(entity.entity != sign for entity in extractor.extract(text, NOW).entities)


@pytest.mark.parametrize(
    "text",
    [
        "my right eye keeps flickering",  # the eye and the face, where the twitch is, count only once recovered
        "her face looks fine to me",
        "the lid twitch keeps coming back",  # a twitch that returns is no recovery
    ],
)
def test_the_eye_and_the_face_raise_nothing_unless_told_as_recovered(
    extractor: ClinicalExtractor, text: str
) -> None:
    assert suspected(extractor, text) == set()


@pytest.mark.parametrize(
    ("text", "sign"),
    [
        ("he isn't slurring as such, though his words are off somehow", "speech_difficulty"),
        ("not dizzy, but my walking has gone all over the place since tea", "balance_problem"),
    ],
)
def test_a_denial_set_against_by_the_same_body_part_told_as_not_well_is_no_denial(
    extractor: ClinicalExtractor, text: str, sign: str
) -> None:
    assert sign in suspected(extractor, text)
    assert all(entity.entity != sign for entity in extractor.extract(text, NOW).entities)


@pytest.mark.parametrize(
    ("text", "sign"),
    [
        ("my ears are working normally and there's no buzzing", "hearing_change"),
        ("had Bell's palsy at 30, my face went back to normal", "facial_weakness"),
    ],
)
def test_a_denial_not_set_against_or_a_recovery_long_ago_stays_a_denial(
    extractor: ClinicalExtractor, text: str, sign: str
) -> None:
    assert any(
        entity.entity == sign and entity.value == "absent" for entity in extractor.extract(text, NOW).entities
    )


def test_a_body_part_singled_out_beside_a_denial_of_its_sign_is_no_denial() -> None:
    # "just the hand this morning, it went useless for a bit; arms otherwise fine": the hand is the one affected.
    reading = ClinicalExtractor.shared().extract(
        "just the hand this morning, for a bit. legs fine, arms fine, talking fine", NOW
    )
    assert "limb_weakness" not in reading.findings
    assert any(
        entity.entity == SUSPECTED_SIGN_ENTITY and entity.value == "limb_weakness"
        for entity in reading.entities
    )
