"""How a finding is talked about, third round: more everyday denials of function impact, hearing change and linked
movements (answers to the bot's questions, comparisons, a denial beside another finding), a finding echoed back as a
question and then denied, other people's guesses, feared futures said as "will I ...?", past triggers said to be over,
and the one list of relatives shared by the ConText rules and the extractor.

In words of our own (tests/nlu/context_dev.yml, "round 3", holds more). Red flags are kept whenever the wording is in
doubt: a missed red flag under-triages, the worst error the assistant can make.
"""

from __future__ import annotations

import pytest

from bot.nlu import context_rules, extraction
from bot.nlu.extraction import ClinicalExtractor
from tests.nlu_components.reading import A, P, findings_of

FUNCTION_IMPACT_DENIED = [
    # "not in the way"
    ("honestly it's never in the way", {"function_impact": A}),
    # "still <doing>"
    ("I'm still cooking every night", {"function_impact": A}),
    # a list of activities, unaffected
    ("reading and talking are completely fine", {"function_impact": A, "speech_difficulty": A}),
    ("I can cook and read as normal", {"function_impact": A}),
    # an activity named without a verb
    ("chewing fine", {"function_impact": A}),
    ("daily life is unaffected", {"function_impact": A}),
    ("functioning ok thanks", {"function_impact": A}),
    ("no problem when I'm reading", {"function_impact": A}),
    # "bother" and "chewing"; "or my ..." still in the denial
    ("it doesn't bother my chewing", {"function_impact": A}),
    ("it doesn't affect my sight or my reading", {"function_impact": A}),
    ("my studies haven't been affected", {"function_impact": A}),
    # beside a present finding
    ("work isn't affected but my cheek has gone numb", {"function_impact": A, "numbness_tingling": P}),
]

FUNCTION_IMPACT_STILL_THERE = [
    ("my driving is affected", {"function_impact": P}),
    ("I'm still working but it's hard to focus", {"function_impact": P}),
]

HEARING_DENIED = [
    ("hearing unchanged", {"hearing_change": A}),
    ("there's nothing wrong with my hearing", {"hearing_change": A}),
    ("everything sounds the same in my right ear", {"hearing_change": A}),
    ("hearing: no change", {"hearing_change": A}),
    ("no ear issues", {"hearing_change": A}),
    ("no muffling", {"hearing_change": A}),
    ("my hearing is sharp", {"hearing_change": A}),
]

HEARING_STILL_THERE = [
    ("something's wrong with my ears", {"hearing_change": P}),
    ("my left ear sounds muffled", {"hearing_change": P}),
]

LINKED_MOVEMENTS_DENIED = [
    ("my eyelid doesn't shut when I move my jaw", {"linked_movements": A}),
    ("chewing doesn't set anything else off", {"linked_movements": A}),
    ("when I whistle my eye stays as it is", {"linked_movements": A}),
    # the eye staying put says nothing about the twitch spreading
    ("when I smile my eye stays put", {"linked_movements": A}),
    ("my lid is normal when I laugh", {"linked_movements": A}),
    ("nope, nothing like my mouth pulling when I blink", {"linked_movements": A}),
]

LINKED_MOVEMENTS_STILL_THERE = [
    ("my eye closes when I move my mouth", {"linked_movements": P}),
    ("when I move my lips my eye shuts", {"linked_movements": P}),
]

ECHOED_THEN_DENIED = [
    ("anxiety? nope", {"stress": A}),
    ("tingling? not that I have noticed", {"numbness_tingling": A}),
    # an uncertain sign is kept
    ("drooping? not sure", {"facial_weakness": P}),
    ("weakness? no idea", {"facial_weakness": P}),
    ("drooping? yes a bit", {"facial_weakness": P}),
]

NOT_THE_PERSONS_NOW = [
    # someone else's guess
    ("my friends keep saying it's stress", {}),
    # a past trigger said to be over
    ("I was under pressure at work but not anymore", {"stress": A}),
    ("I was stressed in the summer but things are calmer now", {"stress": A}),
    ("my magnesium was low a couple of years ago but it's sorted now", {"diet_deficiency": A}),
    # a relative's illness, then a denial after a comma
    ("my dad has MS, I don't", {"multiple_sclerosis": A}),
    # a relative's past stroke told with the sign it left
    ("my grandad lost his sight after a stroke", {}),
]

FEARED_OR_ASKED = [
    ("will I go blind?", {}),
    ("am I going to lose my hearing?", {}),
    ("is it possible to get double vision from this?", {}),
    ("I might have to stop reading at night if this carries on", {}),
    # a sign the person has, in a question, is kept
    ("will I be ok? my face is drooping", {"facial_weakness": P}),
]

RED_FLAGS_KEPT = [
    ("my eyes feel blurry", {"vision_loss": P}),
    ("I think my eye is a bit fuzzy", {"vision_loss": P}),
    ("I can't close my eye when I move my mouth", {"facial_weakness": P}),
]


@pytest.mark.parametrize(
    ("text", "expected"),
    FUNCTION_IMPACT_DENIED
    + FUNCTION_IMPACT_STILL_THERE
    + HEARING_DENIED
    + HEARING_STILL_THERE
    + LINKED_MOVEMENTS_DENIED
    + LINKED_MOVEMENTS_STILL_THERE
    + ECHOED_THEN_DENIED
    + NOT_THE_PERSONS_NOW
    + FEARED_OR_ASKED,
)
def test_findings_in_context(extractor: ClinicalExtractor, text: str, expected: dict[str, str]) -> None:
    assert findings_of(extractor, text) == expected


@pytest.mark.parametrize(("text", "expected"), RED_FLAGS_KEPT)
def test_red_flags_are_kept(extractor: ClinicalExtractor, text: str, expected: dict[str, str]) -> None:
    found = findings_of(extractor, text)
    assert {code: found.get(code) for code in expected} == expected


def test_one_list_of_relatives() -> None:
    assert frozenset(context_rules.RELATIVE_WORDS) == extraction.RELATIVES
    family = set(context_rules.FAMILY_PHRASES)
    assert set(context_rules.RELATIVE_WORDS) - context_rules.NOT_ALWAYS_SOMEONE_ELSE <= family


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # words that do not always name someone else leave the person's own history alone
        ("I had Bell's palsy after my baby was born", {"bells_palsy_history": P}),
        # a partner's history is theirs
        ("my girlfriend has MS", {}),
        ("my flatmate had Bell's palsy last year", {}),
    ],
)
def test_relatives_and_history(extractor: ClinicalExtractor, text: str, expected: dict[str, str]) -> None:
    assert findings_of(extractor, text) == expected
