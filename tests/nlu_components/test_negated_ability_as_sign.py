"""A sign told as a lost ability is present: "can't", "couldn't", "unable to", "not able to", "struggling to" belong
to the description of the sign, not to a denial of it (docs/clinical-design.md; the word list unable_to of
bot/nlu/resources/target_phrases.yml). Real denials are still read: the ability said to be there, or the difficulty
denied."""

from __future__ import annotations

import pytest

from bot.nlu.extraction import ClinicalExtractor
from tests.nlu_components.reading import NOW, A, P, findings_of


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("since lunchtime I cannot stay upright unless I lean on the wall", "balance_problem"),
        ("I'm unable to keep my balance on the stairs", "balance_problem"),
        ("my dad couldn't stand without grabbing the table", "balance_problem"),
        ("I just can't seem to stay on my feet today", "balance_problem"),
        ("I'm not able to walk in a straight line", "balance_problem"),
        ("I can't balance on one leg any more, I used to easily", "balance_problem"),
        ("she couldn't lift the kettle with her left hand", "limb_weakness"),
        ("I can't carry my shopping bag in my right arm", "limb_weakness"),
        ("I'm struggling to grip my toothbrush", "limb_weakness"),
        ("I wasn't able to squeeze with my right hand at the clinic", "limb_weakness"),
        ("I couldn't say the words properly on the phone", "speech_difficulty"),
        ("he can't form his words", "speech_difficulty"),
        ("I'm not able to talk clearly since this morning", "speech_difficulty"),
        ("I can't put a sentence together", "speech_difficulty"),
        ("I can't shut my left eye all the way", "facial_weakness"),
        ("I can't feel the right side of my lip", "numbness_tingling"),
        ("I can't hear anything on my left side", "hearing_change"),
    ],
)
def test_a_lost_ability_is_a_present_sign(extractor: ClinicalExtractor, text: str, code: str) -> None:
    assert findings_of(extractor, text).get(code) == P


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("I can still keep my balance", "balance_problem"),
        ("I can walk in a straight line, no bother", "balance_problem"),
        ("no difficulty standing or walking", "balance_problem"),
        ("I'm not wobbly on my feet", "balance_problem"),
        ("I can stand up straight fine", "balance_problem"),
        ("I can hold a mug without any trouble", "limb_weakness"),
        ("I can talk normally", "speech_difficulty"),
        ("I have no trouble speaking", "speech_difficulty"),
    ],
)
def test_the_ability_said_to_be_there_is_a_denial(extractor: ClinicalExtractor, text: str, code: str) -> None:
    assert findings_of(extractor, text).get(code) == A


@pytest.mark.parametrize(
    "text",
    [
        # idioms and other inabilities that are no sign
        "I can't stand the taste of decaf",
        "I can't get to sleep without the radio on",
        "I can't stop thinking about what it might be",
        "I couldn't find the words to describe the twitch",
        "it's hard to say when it began",
        "I can't hold my eye open when it spasms",
    ],
)
def test_an_inability_that_is_no_red_flag(extractor: ClinicalExtractor, text: str) -> None:
    findings = findings_of(extractor, text)
    for code in ("balance_problem", "limb_weakness", "speech_difficulty"):
        assert code not in findings, (code, findings)


def test_a_lost_ability_next_to_a_denial_is_still_a_sign(extractor: ClinicalExtractor) -> None:
    findings = findings_of(extractor, "no numbness, but I can't keep my balance")
    assert findings.get("numbness_tingling") == A
    assert findings.get("balance_problem") == P


def test_a_lost_ability_is_read_at_message_time(extractor: ClinicalExtractor) -> None:
    # the reading does not depend on the clock, but the extractor is always given one
    assert extractor.extract("I can't keep steady on my feet", NOW).findings
