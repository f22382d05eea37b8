"""How a finding is talked about, second round: the many ways people deny a pattern finding (the twitch does not get in
the way, does not force the eye shut, has not spread, moves nothing else, hearing is as before), the twitch named only
as the subject of another denial, relatives compared with the person, feared futures, general claims, a relative's
past stroke, past episodes, and the spellings and openings that misled the extractor.

In words of our own (tests/nlu/context_dev.yml, "round 2", holds more). Red flags are kept whenever the wording is in
doubt: a missed red flag under-triages, the worst error the assistant can make.
"""

from __future__ import annotations

import pytest

from bot.nlu.extraction import ClinicalExtractor
from bot.nlu.spelling import canonical_spelling
from tests.nlu_components.reading import A, P, findings_of

FUNCTION_IMPACT_DENIED = [
    ("I can still cook and drive fine", {"function_impact": A}),
    ("i can read no bother", {"function_impact": A}),
    ("it's had no impact on my job", {"function_impact": A}),
    ("it doesn't keep me from working", {"function_impact": A}),
    ("honestly I just get on with my day", {"function_impact": A}),
    ("coping fine at work", {"function_impact": A}),
    ("driving is fine", {"function_impact": A}),
    ("it never gets in my way", {"function_impact": A}),
    ("doesn't bother me when I'm driving", {"function_impact": A}),
    ("its not effecting my work", {"function_impact": A}),
    ("it doesn't make it hard to read", {"function_impact": A}),
    # ... and what still says it does
    ("it stops me reading", {"function_impact": P}),
    ("I can't carry on as normal", {}),
    ("I can hardly read anymore", {"function_impact": P}),
    ("it bothers me at work", {}),
    # "can I drive?" asks; "working normally" is said of the arms
    ("can I drive with it?", {}),
    ("arms are working normally", {"limb_weakness": A}),
]


@pytest.mark.parametrize(("text", "expected"), FUNCTION_IMPACT_DENIED)
def test_function_impact_denied(extractor: ClinicalExtractor, text: str, expected: dict[str, str]) -> None:
    assert findings_of(extractor, text) == expected


EYE_CLOSURE_DENIED = [
    ("it never closes my eye", {"eye_closure": A}),
    ("it doesn't squeeze my eye shut", {"eye_closure": A}),
    ("it isn't bad enough to shut my eye", {"eye_closure": A}),
    ("my lid never gets forced shut", {"eye_closure": A}),
    ("my eye doesn't end up closed", {"eye_closure": A}),
    ("no involuntary closing of my eye", {"eye_closure": A}),
    ("I can keep my eyes open", {"eye_closure": A}),
    ("nah eye stays open", {"eye_closure": A}),
    # an eye forced shut is a spasm; denied, it says nothing of the twitch (and nothing of weakness)
    ("my eyelid clamps shut", {"twitching": P, "eye_closure": P}),
    ("the lid doesn't slam shut, it just flickers", {"eye_closure": A, "twitching": P}),
    ("my eye shuts tight and I keep blinking hard", {"twitching": P, "eye_closure": P}),
    # the twitch as the time the denial speaks of is there
    ("my eye stays open while it twitches", {"eye_closure": A, "twitching": P}),
    ("eye doesn't close during the spasm", {"eye_closure": A, "twitching": P}),
    # the spasm closing the eye
    ("it shuts my eye for a second", {"eye_closure": P}),
    ("my eye closes when it twitches", {"eye_closure": P, "twitching": P}),
    # an eye that cannot close is weak, whatever the spasm does
    ("my eye won't close when it twitches", {"facial_weakness": P, "twitching": P}),
    ("my eye doesn't close properly during the spasms", {"facial_weakness": P, "twitching": P}),
]


@pytest.mark.parametrize(("text", "expected"), EYE_CLOSURE_DENIED)
def test_eye_closure_denied(extractor: ClinicalExtractor, text: str, expected: dict[str, str]) -> None:
    assert findings_of(extractor, text) == expected


SPREAD_DENIED = [
    ("it's stayed put", {"spread": A}),
    ("hasn't moved anywhere else", {"spread": A}),
    ("it hasn't travelled", {}),
    ("it hasn't travelled anywhere", {"spread": A}),
    ("never gone past the eyelid", {"spread": A}),
    ("it's stuck to my top lid", {"spread": A}),
    ("stays where it is", {"spread": A}),
    ("always the same spot", {"spread": A}),
    ("it's only ever my left eye", {"spread": A}),
    ("nowhere else", {"spread": A}),
    ("it's not in my cheek", {"spread": A}),
    # "hasn't gone anywhere" says the twitch is still there, not where it is
    ("the twitch hasn't gone anywhere", {"twitching": P}),
    # one side of the face is not one spot; a correction names no spread
    ("my face went droopy on one side", {"facial_weakness": P}),
    ("not the mouth, I meant the eye", {}),
    # it has moved
    ("it's moved somewhere else on my face", {"spread": P}),
]


@pytest.mark.parametrize(("text", "expected"), SPREAD_DENIED)
def test_spread_denied(extractor: ClinicalExtractor, text: str, expected: dict[str, str]) -> None:
    assert findings_of(extractor, text) == expected


LINKED_MOVEMENTS_DENIED = [
    ("nothing else moves with it", {"linked_movements": A}),
    ("nothing else twitches along with it", {"linked_movements": A}),
    ("no other part of my face moves when it happens", {"linked_movements": A}),
    ("when I laugh nothing happens to my mouth", {"linked_movements": A}),
    ("blinking does nothing to my lip", {}),
    ("eating doesn't do anything to my eye", {"linked_movements": A}),
    ("laughing doesn't shut my eye", {"linked_movements": A}),
    ("there's no pulling at my mouth when I blink", {"linked_movements": A}),
    ("my cheek stays still when I close my eyes", {"linked_movements": A}),
    ("my eye stays open when I grin", {"linked_movements": A}),
    ("when I chew my eye is fine", {"linked_movements": A}),
    ("no odd movements when chewing or talking", {"linked_movements": A}),
    ("no connection with smiling", {"linked_movements": A}),
    # someone else's linked movement is a finding; so is one with watering
    ("his eye closes whenever he smiles", {"linked_movements": P}),
    ("when I eat my eyes water and shut", {"linked_movements": P}),
]


@pytest.mark.parametrize(("text", "expected"), LINKED_MOVEMENTS_DENIED)
def test_linked_movements_denied(extractor: ClinicalExtractor, text: str, expected: dict[str, str]) -> None:
    assert findings_of(extractor, text) == expected


HEARING_DENIED = [
    ("hearing's the same as ever", {"hearing_change": A}),
    ("my hearing is as good as always", {"hearing_change": A}),
    ("hearing - no problems", {"hearing_change": A}),
    ("vision, no issues", {"vision_loss": A}),
    ("nothing's different with my ears", {"hearing_change": A}),
    # "nothing's changed" said of the hearing is not the twitch staying the same
    ("nothing has changed with my hearing", {"hearing_change": A}),
    ("my hearing hasn't changed", {"hearing_change": A}),
    ("nothing's changed", {"worsening": A}),
    # a change
    ("i think my hearing's going", {"hearing_change": P}),
    ("something's wrong with my ear", {"hearing_change": P}),
]


@pytest.mark.parametrize(("text", "expected"), HEARING_DENIED)
def test_hearing_denied(extractor: ClinicalExtractor, text: str, expected: dict[str, str]) -> None:
    assert findings_of(extractor, text) == expected


TWITCH_AS_SUBJECT = [
    # the twitch the person already has, named as the subject of another finding's denial, is not a new report
    ("the twitch never shuts my eye", {"eye_closure": A}),
    ("the spasm isn't painful", {"severe_pain": A}),
    ("this twitch hasn't spread", {"spread": A}),
    # said to be going on, it is reported
    ("the spasms aren't getting any better", {"twitching": P}),
    ("the twitch won't stop", {"twitching": P}),
    ("my eye twitches but doesn't close", {"twitching": P}),
    # and a red flag said after it is kept
    ("the twitch doesn't hurt but my face is drooping", {"severe_pain": A, "facial_weakness": P}),
]


@pytest.mark.parametrize(("text", "expected"), TWITCH_AS_SUBJECT)
def test_twitch_as_the_subject_of_a_denial(
    extractor: ClinicalExtractor, text: str, expected: dict[str, str]
) -> None:
    assert findings_of(extractor, text) == expected


RELATIVES_COMPARED = [
    # a relative likened to the person, said to be well, or an inherited twitch: not the one assessed
    ("my dad's eyelid twitches too", {}),
    ("my brother drinks tons of coffee and gets twitches as well", {}),
    ("my nan has the same problem, she's always stressed", {}),
    ("my aunt is vegetarian and she's fine", {}),
    ("my mum and gran both get twitchy eyes, it's genetic", {}),
    ("eye twitching runs in our family", {}),
    # the person's own twitch is kept
    ("my eye twitches and my dad's did the same", {"twitching": P}),
    ("my eye twitches, it runs in the family", {"twitching": P}),
    # a relative described as the one with the symptoms
    ("my son's eyelid keeps flickering and he's exhausted", {"twitching": P, "poor_sleep": P}),
    ("my daughter is vegan and her eye keeps twitching", {"diet_deficiency": P, "twitching": P}),
    # red flags are kept whoever has them, compared or not
    ("my mum's face is drooping too", {"facial_weakness": P}),
    ("my sister's speech is slurred like mine", {"speech_difficulty": P}),
]


@pytest.mark.parametrize(("text", "expected"), RELATIVES_COMPARED)
def test_relatives_compared(extractor: ClinicalExtractor, text: str, expected: dict[str, str]) -> None:
    assert findings_of(extractor, text) == expected


FEARS_AND_CLAIMS = [
    # a feared future, red flag or not
    ("scared I'll go deaf", {}),
    ("worried that I'm going to go blind", {}),
    ("im terrified ill lose my sight", {}),
    ("afraid I'll end up with a droopy mouth", {}),
    ("worried about losing my vision", {}),
    ("I'd be more anxious if it spread", {}),
    ("will my face droop?", {}),
    ("say it starts to spread, then what?", {}),
    # an uncertain sign now, a habitual "will", and a fear about a sign that is there, are kept
    ("I'm scared I might be going blind", {"vision_loss": P}),
    ("worried I'm losing my hearing", {"hearing_change": P}),
    ("my vision will go blurry for a minute at a time", {"vision_loss": P}),
    ("worried about my face drooping", {"facial_weakness": P}),
    ("why would my face feel numb?", {"numbness_tingling": P}),
    ("I suppose my face could be a bit weaker", {"facial_weakness": P}),
    ("my smile might be a tiny bit lopsided", {"facial_weakness": P}),
    # what something may cause or mean, said in general
    ("I saw online that twitching can mean MS", {}),
    ("numbness can be a sign of a stroke, right?", {}),
    ("twitching could lead to vision loss?", {}),
    ("my twitch can last for hours", {"twitching": P}),
    # someone else's guess is not a report; what they said is
    ("my husband thinks it's stress", {}),
    ("my wife reckons I'm stressed", {}),
    ("the GP said I'm low in vitamin B12", {"diet_deficiency": P}),
]


@pytest.mark.parametrize(("text", "expected"), FEARS_AND_CLAIMS)
def test_fears_and_general_claims(extractor: ClinicalExtractor, text: str, expected: dict[str, str]) -> None:
    assert findings_of(extractor, text) == expected


PAST_STORIES = [
    # a relative's past stroke, and the signs it came with
    ("my gran had a stroke and her speech went", {}),
    ("my grandad went blind in one eye after his stroke", {}),
    ("my neighbour's face drooped after her stroke", {}),
    # a sign now, a recent stroke, the person's own sign, or a stroke named after the sign: kept
    ("my dad had a stroke and now his face is drooping", {"facial_weakness": P}),
    ("my mum had a stroke and her face drooped this morning", {"facial_weakness": P}),
    ("my dad's face drooped and he had a stroke", {"facial_weakness": P}),
    (
        "his face drooped and his speech went funny, I think it's a stroke",
        {"facial_weakness": P, "speech_difficulty": P},
    ),
    # a past twitch that went is an earlier episode; only "nothing now" denies the twitch
    ("I had a twitch at school years ago that cleared up", {}),
    ("had a twitchy eye years ago, nothing now", {"twitching": A}),
    ("back in college I had a twitch for weeks", {}),
    ("I had an eyelid flicker once before", {}),
    # a trigger of a past episode is not denied by the episode ending; "calmer now" denies it
    ("had a twitch years ago during a stressful job, it went away", {}),
    ("I was very stressed last year but it's calmer now", {"stress": A}),
    # "used to" earlier in the clause reaches a trigger inside it
    ("my face used to feel numb after a few beers", {}),
    # a finding told in the past then gone is absent, but not a red flag that came and went (a mini stroke?)
    ("my eye used to clamp shut but that's stopped", {"eye_closure": A}),
    ("my face drooped this morning but it's gone now", {"facial_weakness": P}),
    ("my arm was weak yesterday but that's gone", {"limb_weakness": P}),
    # a sign of a past Bell's palsy said to be gone
    ("had a droopy mouth after bells palsy, all fine now", {"bells_palsy_history": P, "facial_weakness": A}),
]


@pytest.mark.parametrize(("text", "expected"), PAST_STORIES)
def test_past_stories(extractor: ClinicalExtractor, text: str, expected: dict[str, str]) -> None:
    assert findings_of(extractor, text) == expected


OTHER_DENIALS = [
    # "never had my", "not noticed my": the negation reaches past "my"
    ("never had my arm go weak", {"limb_weakness": A}),
    ("haven't noticed my face drooping", {"facial_weakness": A}),
    ("not had my arm go weak, but my face is drooping", {"limb_weakness": A, "facial_weakness": P}),
    ("no weakness at all in my legs", {"limb_weakness": A}),
    ("my face looks the same", {"facial_weakness": A}),
    ("smile's fine", {"facial_weakness": A}),
    # energy drinks are caffeine, not alcohol
    ("I used to drink loads of energy drinks, not any more", {"caffeine": A}),
    # "and his", "and her" start another person's statement, which a denial before does not reach
    ("my dad doesn't drink and his eyelid flickers", {"alcohol": A, "twitching": P}),
    ("my son doesn't eat meat and his eye twitches", {"diet_deficiency": P, "twitching": P}),
    # diets respect context: questions, plans, the past, a denial
    ("is being vegan bad for twitching?", {}),
    ("I'm thinking of going vegan", {}),
    ("I was vegetarian years ago", {}),
    ("I'm not vegan", {"diet_deficiency": A}),
    ("I never eat vegetables", {"diet_deficiency": P}),
]


@pytest.mark.parametrize(("text", "expected"), OTHER_DENIALS)
def test_other_denials(extractor: ClinicalExtractor, text: str, expected: dict[str, str]) -> None:
    assert findings_of(extractor, text) == expected


@pytest.mark.parametrize(
    "word", ["pulling", "pursing", "blurring", "slurry", "healing", "heating", "commuter", "ruffled"]
)
def test_real_words_are_not_corrected(word: str) -> None:
    assert canonical_spelling(word) == word


def test_blurring_vision_is_vision_not_speech(extractor: ClinicalExtractor) -> None:
    assert findings_of(extractor, "my vision keeps blurring") == {"vision_loss": P}
    assert findings_of(extractor, "my speech is slurry") == {"speech_difficulty": P}
