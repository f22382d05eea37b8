"""How a finding is talked about (issue 3's context accuracy): denied history, questions about causes, linked
movements against weakness, the reach of a negation, relatives and fears, the past against the present.

Each case is a family of wording, in words of our own (tests/nlu/context_dev.yml holds more). Red flags are kept
whenever the wording is in doubt: a missed red flag under-triages, the worst error the assistant can make.
"""

from __future__ import annotations

import pytest

from bot.nlu.extraction import ClinicalExtractor
from tests.nlu_components.reading import A, P, findings_of

DENIED_HISTORY = [
    # "hurt my face" with an owner is an injury, not a pain
    ("I've never hurt my face", {"facial_injury_history": A}),
    ("I hurt my jaw skiing", {"facial_injury_history": P}),
    ("had no knocks to the head", {"facial_injury_history": A}),
    ("there was an injury to my jaw in my teens", {"facial_injury_history": P}),
    ("my head has never been injured", {"facial_injury_history": A}),
    # a lower-case "ms" after a denial
    ("no palsy and no ms", {"bells_palsy_history": A, "multiple_sclerosis": A}),
    ("not had bells palsy or ms", {"bells_palsy_history": A, "multiple_sclerosis": A}),
    ("never been told I have MS", {"multiple_sclerosis": A}),
    ("not diagnosed with anything like ms", {"multiple_sclerosis": A}),
    # Bell's palsy by its short name
    ("I've had bells twice", {"bells_palsy_history": P}),
    ("no bells, no injuries", {"bells_palsy_history": A, "facial_injury_history": A}),
    # new medicines in other words, and by name
    ("the GP didn't start me on anything", {"new_medication": A}),
    ("I did switch inhalers in the spring", {"new_medication": P}),
    ("not been prescribed anything new", {"new_medication": A}),
    ("I'm not taking anything new", {"new_medication": A}),
    ("just started sertraline", {"new_medication": P}),
    ("not currently on any tablets", {"new_medication": A}),
    # "I haven't changed anything" is not about the twitch changing
    ("no new pills, haven't changed anything", {"new_medication": A}),
]


@pytest.mark.parametrize(("text", "expected"), DENIED_HISTORY)
def test_denied_history(extractor: ClinicalExtractor, text: str, expected: dict[str, str]) -> None:
    assert findings_of(extractor, text) == expected


QUESTIONS = [
    # what a cause leads to, red flag or not, is asked about
    ("can tiredness cause drooping?", {}),
    ("could an infection make my face sag?", {}),
    ("do new tablets ever cause spasms", {}),
    # a finding the question opens on, or asks of people in general
    ("is tingling a worrying sign?", {}),
    ("does weakness always mean bell's palsy?", {}),
    ("why would somebody's speech slur?", {}),
    ("has anybody had dizziness with this?", {}),
    ("should I worry about numbness?", {}),
    # a question that makes the sign the person's own reports it
    ("why is my arm weak?", {"limb_weakness": P}),
    ("is my face drooping?", {"facial_weakness": P}),
    ("could tingling in my lip be related?", {"numbness_tingling": P}),
    ("should I be worried about the drooping?", {"facial_weakness": P}),
    ("can you help, my face is drooping?", {"facial_weakness": P}),
    # a sign told before the question, or in a sentence of its own, is reported
    ("my face is drooping, can stress cause that?", {"facial_weakness": P}),
    ("can stress cause weakness? my arm feels weak", {"limb_weakness": P}),
    # statements that open like questions are not questions
    ("can't lift my arm", {"limb_weakness": P}),
]


@pytest.mark.parametrize(("text", "expected"), QUESTIONS)
def test_questions_about_causes_and_conditions(
    extractor: ClinicalExtractor, text: str, expected: dict[str, str]
) -> None:
    assert findings_of(extractor, text) == expected


LINKED_OR_WEAK = [
    # the eye not closing when smiling denies a linked movement; it says nothing of weakness
    ("my eye doesn't close when I laugh", {"linked_movements": A}),
    ("my lip doesn't move when I blink", {"linked_movements": A}),
    ("smiling doesn't make my eye twitch", {"linked_movements": A}),
    # but an incomplete closing is weakness, whatever the movement
    ("my eye doesn't shut properly when I smile", {"facial_weakness": P, "linked_movements": A}),
    # an eye that does not close when blinking is weak: blinking is closing the eye
    ("my eye doesn't shut all the way when I blink", {"facial_weakness": P}),
    ("when I smile only one side of my mouth moves", {"facial_weakness": P, "linked_movements": P}),
    ("can't smile on one side", {"facial_weakness": P}),
    # the linked movement itself
    ("my eye narrows every time I laugh", {"linked_movements": P}),
    ("chewing makes the corner of my mouth jump", {"linked_movements": P, "twitching": P}),
    # closing the eye at will is not the spasm forcing it shut
    ("I can shut my eye fully", {"facial_weakness": A}),
    ("I can't close my left eye fully", {"facial_weakness": P}),
    ("my eyes close fine", {"facial_weakness": A}),
    ("my face moves normally", {"facial_weakness": A}),
]


@pytest.mark.parametrize(("text", "expected"), LINKED_OR_WEAK)
def test_linked_movements_against_weakness(
    extractor: ClinicalExtractor, text: str, expected: dict[str, str]
) -> None:
    assert findings_of(extractor, text) == expected


NEGATION_SCOPE = [
    # a comma before a new subject, or a statement with its own verb, ends a denial
    ("no pain, the twitching is getting worse", {"severe_pain": A, "twitching": P, "worsening": P}),
    ("no tingling, arm feels heavy", {"numbness_tingling": A, "limb_weakness": P}),
    ("no pain, mouth drooping", {"severe_pain": A, "facial_weakness": P}),
    ("he can't whistle and his arm feels dead", {"facial_weakness": P, "limb_weakness": P}),
    ("never drink wine, some coffee", {"alcohol": A, "caffeine": P}),
    ("nah not really, maybe a bit more often", {"worsening": P}),
    # a denial that carries on: "neither is my", "in my", "or" after a denied phrase
    ("speech is fine, neither is my balance off", {"speech_difficulty": A, "balance_problem": A}),
    ("no change in my hearing", {"hearing_change": A}),
    ("no weakness in my face or legs", {"facial_weakness": A, "limb_weakness": A}),
    ("it doesn't affect my reading or hearing", {"function_impact": A, "hearing_change": A}),
    ("I wouldn't say it's getting worse", {"worsening": A}),
    ("can't say I've noticed any numbness", {"numbness_tingling": A}),
    ("not once has it spread", {"spread": A}),
    ("doesn't stop me driving", {"function_impact": A}),
    # "no trouble", "no issues", "no problem" before a sign deny it
    ("no trouble speaking", {"speech_difficulty": A}),
    ("no issues with my hearing", {"hearing_change": A}),
    ("no problem seeing", {"vision_loss": A}),
    # a hedged denial counts for what is not a red flag
    ("I don't think I drink much coffee", {"caffeine": A}),
    # negations that deny nothing
    ("my mouth won't stop drooping", {"facial_weakness": P}),
    ("the twitching hasn't stopped", {"twitching": P}),
    ("not getting any better", {}),
    ("no doubt the spasms are more frequent", {"twitching": P, "worsening": P}),
]


@pytest.mark.parametrize(("text", "expected"), NEGATION_SCOPE)
def test_reach_of_a_negation(extractor: ClinicalExtractor, text: str, expected: dict[str, str]) -> None:
    assert findings_of(extractor, text) == expected


FEARS_AND_OTHERS = [
    # a fear or a guess about a condition is nothing; about a twitch, the twitch is still reported
    ("scared my twitch is MS", {"twitching": P}),
    ("afraid this is the start of MS", {}),
    ("it might be Bell's palsy", {}),
    ("my uncle has MS so I'm paranoid about my twitch", {"twitching": P}),
    # a future sign is not a sign
    ("worried my face will start to droop", {}),
    ("scared my face might droop", {}),
    ("I'm frightened I'll lose my hearing", {}),
    # an uncertain current sign counts
    ("my face might be drooping", {"facial_weakness": P}),
    # "again" says the person had it before, feared or not
    ("dreading bell's palsy coming back", {"bells_palsy_history": P}),
    ("terrified of getting bells palsy again", {"bells_palsy_history": P}),
    # a relative's past illness, and a sign told as part of a past Bell's palsy, are not findings
    ("my auntie had bells palsy", {}),
    ("my face sagged when I had bells palsy in my twenties", {"bells_palsy_history": P}),
    # a sign after a recent illness, or after an injury, is current
    ("my face drooped after my bells palsy last week", {"facial_weakness": P, "bells_palsy_history": P}),
    ("my face drooped after a head injury", {"facial_weakness": P, "facial_injury_history": P}),
    # someone else's current signs are findings
    ("my husband's mouth is drooping right now", {"facial_weakness": P}),
]


@pytest.mark.parametrize(("text", "expected"), FEARS_AND_OTHERS)
def test_fears_guesses_and_other_people(
    extractor: ClinicalExtractor, text: str, expected: dict[str, str]
) -> None:
    assert findings_of(extractor, text) == expected


PAST_AND_PRESENT = [
    # a past year, or a time after a preposition's "my", is said of the sign
    ("my face was weak on one side in 2017", {}),
    ("I had tingling in my lip years ago", {}),
    ("had bad dizziness a few years back", {}),
    # but not across a history item, whose time it is
    ("my hearing is fine, broke my jaw in 2015", {"hearing_change": A, "facial_injury_history": P}),
    # "now" after the sign, or the sign said to be back, is the present
    ("hurt my cheek years back, eyelid flickers now", {"facial_injury_history": P, "twitching": P}),
    ("had a twitchy eye as a teenager and now it's back", {"twitching": P}),
    # a past sign said to be gone is absent
    ("the numbness was years ago, none now", {"numbness_tingling": A}),
    ("used to get dizzy spells as a kid but it stopped", {"balance_problem": A}),
    ("my eye used to close when I smiled but that went away", {"linked_movements": A}),
]


@pytest.mark.parametrize(("text", "expected"), PAST_AND_PRESENT)
def test_past_against_present(extractor: ClinicalExtractor, text: str, expected: dict[str, str]) -> None:
    assert findings_of(extractor, text) == expected


OTHER_WORDING = [
    # "go to sleep" is not spreading; "not just my eye" is
    ("my eye won't close when I go to sleep", {"facial_weakness": P}),
    ("it's not just my eyelid anymore", {"spread": P}),
    ("and my lip too", {"spread": P}),
    # a sign out of nowhere
    ("with no warning my arm went weak", {"limb_weakness": P, "sudden_onset": P}),
    # "I don't drink" is about alcohol, unless the drink is named
    ("I don't drink", {"alcohol": A}),
    ("I don't drink tea", {"caffeine": A}),
]


@pytest.mark.parametrize(("text", "expected"), OTHER_WORDING)
def test_other_wording(extractor: ClinicalExtractor, text: str, expected: dict[str, str]) -> None:
    assert findings_of(extractor, text) == expected
