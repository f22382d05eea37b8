"""Phrase families behind the held-out misses of issue 3, each in wording of our own (never the held-out text).

Red flags first: a missed red flag under-triages, the worst error the assistant can make.
"""

from __future__ import annotations

import pytest

from bot.nlu.extraction import ClinicalExtractor
from tests.nlu_components.reading import NOW, A, P, findings_of

RED_FLAG_CASES = [
    # a limb that gives way
    ("his knee gave way on the stairs", {"limb_weakness": P}),
    ("my legs keep giving way", {"limb_weakness": P}),
    # slurring, also when the person is unsure (an uncertain red flag counts)
    ("she's slurring her speech", {"speech_difficulty": P}),
    ("maybe my words are a little slurred", {"speech_difficulty": P}),
    ("I reckon my speech could be a bit slurred", {"speech_difficulty": P}),
    # what is seen changes suddenly, whatever the subject of the sentence
    ("things went dark in my right eye", {"vision_loss": P}),
    ("my eye went blurry suddenly", {"vision_loss": P, "sudden_onset": P}),
    ("blurry in my left eye out of the blue", {"vision_loss": P, "sudden_onset": P}),
    # a guess about the cause does not discount the sign said with it
    ("is it a stroke? my lip drooped half an hour ago", {"facial_weakness": P, "sudden_onset": P}),
    ("could this be a stroke, my arm feels heavy", {"limb_weakness": P}),
    # minutes or hours ago is a sudden onset for a sign
    ("her face went lopsided about an hour ago", {"facial_weakness": P, "sudden_onset": P}),
    ("the droop started in the last couple of hours", {"facial_weakness": P, "sudden_onset": P}),
    # over days, or slowly, is not sudden; the sign itself still counts
    ("the weakness has been creeping in over the last week", {"facial_weakness": P, "sudden_onset": A}),
    ("the drooping developed over a few days", {"facial_weakness": P, "sudden_onset": A}),
    ("my arm went weak gradually", {"limb_weakness": P, "sudden_onset": A}),
    ("it came on very slowly", {"sudden_onset": A}),
    ("gradually", {"sudden_onset": A}),
    # signs said in other words: whistling, seeing, a headache that is "so bad", pains in the plural
    ("I couldn't whistle this morning", {"facial_weakness": P}),
    ("since this morning I can barely see", {"vision_loss": P}),
    ("migraine really severe", {"severe_headache": P}),
    ("stabbing pains in my jaw", {"severe_pain": P}),
    # the second of a denied pair is denied too
    ("smile isn't lopsided or weak", {"facial_weakness": A}),
]


@pytest.mark.parametrize(("text", "expected"), RED_FLAG_CASES)
def test_red_flag_families(extractor: ClinicalExtractor, text: str, expected: dict[str, str]) -> None:
    assert findings_of(extractor, text) == expected


def test_a_twitch_that_started_hours_ago_is_not_a_sudden_onset(extractor: ClinicalExtractor) -> None:
    assert findings_of(extractor, "my eye started twitching two hours ago") == {"twitching": P}


SCOPE_CASES = [
    # a statement that something is normal ends a negated list
    (
        "no tingling, my balance is fine, had a facial injury in 2019",
        {"numbness_tingling": A, "balance_problem": A, "facial_injury_history": P},
    ),
    (
        "no pain, vision's normal, started new pills last week",
        {"severe_pain": A, "vision_loss": A, "new_medication": P},
    ),
    # a negation right before a phrase that starts with its verb
    ("I've not got MS", {"multiple_sclerosis": A}),
    ("it doesn't affect my work at all", {"function_impact": A}),
    ("it never interferes with my reading", {"function_impact": A}),
    # next to nothing is absent, for triggers
    ("I rarely look at a screen", {"eye_strain": A}),
    ("I hardly drink coffee these days", {"caffeine": A}),
    # but "barely" with a red flag sign is the sign
    ("I can barely lift my left arm", {"limb_weakness": P}),
    # enough sleep is not poor sleep; little sleep is
    ("I get a solid 9 hours sleep", {"poor_sleep": A}),
    ("about 7 hours a night, no issues", {"poor_sleep": A}),
    ("only 4 hours sleep most nights", {"poor_sleep": P}),
    # drinking, denied
    ("not touched a drink since new year", {"alcohol": A}),
    ("I'm a non drinker", {"alcohol": A}),
    # the movement as the subject, denied
    ("blinking doesn't make my mouth move", {"linked_movements": A}),
    ("it doesn't force my eye shut", {"eye_closure": A}),
    ("yes I can raise both my arms", {"limb_weakness": A}),
    # a relative's or a past mention, then a denial for now
    ("my sister has MS but I don't", {"multiple_sclerosis": A}),
    ("I used to get dizzy spells as a teenager but not any more", {"balance_problem": A}),
    ("my mum had Bell's palsy", {}),
    # "not really" negates both ways, whatever other rules exist
    ("I'm not really anxious", {"stress": A}),
    ("I don't really drink tea", {"caffeine": A}),
    ("tingling, not really", {"numbness_tingling": A}),
    # "but" ends a hypothetical as well as a negation
    ("if it spreads I'll go to the GP, but my mouth is drooping now", {"facial_weakness": P}),
    # a twitch that has stopped, and one that has not
    ("the flickering has stopped", {"twitching": A}),
    ("it still hasn't stopped jumping", {"twitching": P}),
    # normal blood results and a good diet
    ("my vitamin levels are fine", {"diet_deficiency": A}),
    ("blood test showed no deficiency", {"diet_deficiency": A}),
    # "nothing else moves", "stayed in one place"
    ("nothing else moves when I laugh", {"linked_movements": A}),
    ("it stays in one spot", {"spread": A}),
    ("it's the same as last week", {"worsening": A}),
    # closing the eye denied
    ("it never shuts my eye fully", {"eye_closure": A}),
    # "now" brings a past sentence back to the present
    (
        "I broke my cheekbone years ago and now my eye closes when I chew",
        {"facial_injury_history": P, "linked_movements": P},
    ),
]


@pytest.mark.parametrize(("text", "expected"), SCOPE_CASES)
def test_negation_and_context_scope(
    extractor: ClinicalExtractor, text: str, expected: dict[str, str]
) -> None:
    assert findings_of(extractor, text) == expected


def test_a_mention_gives_way_to_a_phrase_about_another_finding(extractor: ClinicalExtractor) -> None:
    assert findings_of(extractor, "his leg isn't weak") == {"limb_weakness": A}


FALSE_POSITIVE_CASES = [
    # "hard to say" is not knowing, not a speech problem
    ("difficult to say tbh", {}),
    ("I do have trouble saying some words", {"speech_difficulty": P}),
    # a spreadsheet is not a spread
    ("my spreadsheets are a mess", {}),
    # energy drink brands are caffeine
    ("two monsters before lunch", {"caffeine": P}),
    ("a couple of redbulls", {"caffeine": P}),
    # "like I'm drunk" is a comparison
    ("I'm wobbly, as if I was drunk", {"balance_problem": P}),
    ("got drunk at the weekend", {"alcohol": P}),
    # questions about a condition, with or without a question mark
    ("what is blepharospasm exactly", {}),
    ("tell me about hemifacial spasm", {}),
    # a relative's recurring headaches, or one's own, are not the sudden severe headache of BE-FAST
    ("my mum suffers from terrible migraines", {}),
    ("I don't get migraines", {"severe_headache": A}),
    ("I've got a terrible headache", {"severe_headache": P}),
    # a mild ache is not severe pain, and counts when denied
    ("there's a slight ache in my jaw", {}),
    ("not even a mild ache", {"severe_pain": A}),
    # a screen named in passing is not screen use
    ("can a computer really tell me what this is?", {}),
    ("I'm glued to my phone", {"eye_strain": P}),
]


@pytest.mark.parametrize(("text", "expected"), FALSE_POSITIVE_CASES)
def test_false_positive_families(extractor: ClinicalExtractor, text: str, expected: dict[str, str]) -> None:
    assert findings_of(extractor, text) == expected


MISSED_CASES = [
    # getting in the way
    ("I've had to stop reading at night", {"function_impact": P}),
    ("reading mostly", {"function_impact": P}),
    ("my eye slams shut while I'm cycling", {"eye_closure": P, "function_impact": P, "twitching": P}),
    ("it snaps shut", {"eye_closure": P, "twitching": P}),  # an eye forced shut is a spasm
    # a linked movement, not a twitch of the mouth
    ("my lip pulls up whenever I blink", {"linked_movements": P}),
    ("my cheek keeps pulling", {"twitching": P}),
    # reading for hours, late nights, a baby
    ("reading my kindle in bed for hours", {"eye_strain": P}),
    ("up past midnight every night", {"poor_sleep": P}),
    ("the toddler is up every night", {"poor_sleep": P}),
    # short replies naming a topic of the question
    ("my ears mainly", {"hearing_change": P}),
    ("coordination", {"balance_problem": P}),
    ("phone and laptop", {"eye_strain": P}),
    ("my speech", {"speech_difficulty": P}),
    # a topic word next to another finding is where that finding is
    ("pins and needles in my arms", {"numbness_tingling": P}),
]


@pytest.mark.parametrize(("text", "expected"), MISSED_CASES)
def test_missed_finding_families(extractor: ClinicalExtractor, text: str, expected: dict[str, str]) -> None:
    assert findings_of(extractor, text) == expected


# The titles of the bot's own buttons (bot/triage/question_wording.py), as people type or tap them.
BUTTON_TITLES = [
    ("Hearing changes", {"hearing_change": P}),
    ("Balance problems", {"balance_problem": P}),
    ("Weakness or drooping", {"facial_weakness": P}),
    ("Severe pain", {"severe_pain": P}),
    ("Numbness or tingling", {"numbness_tingling": P}),
    ("Getting worse", {"worsening": P}),
    ("Spreading", {"spread": P}),
    ("Forces my eye shut", {"eye_closure": P}),
    ("Gets in the way", {"function_impact": P}),
    ("Linked movements", {"linked_movements": P}),
    ("Caffeine", {"caffeine": P}),
    ("Stress", {"stress": P}),
    ("Poor sleep", {"poor_sleep": P}),
    ("Screens", {"eye_strain": P}),
    ("Bell's palsy", {"bells_palsy_history": P}),
    ("Face injury", {"facial_injury_history": P}),
    ("MS", {"multiple_sclerosis": P}),
    ("New medicine", {"new_medication": P}),
]


@pytest.mark.parametrize(("title", "expected"), BUTTON_TITLES)
def test_button_titles_are_findings(
    extractor: ClinicalExtractor, title: str, expected: dict[str, str]
) -> None:
    assert findings_of(extractor, title) == expected


@pytest.mark.parametrize(
    ("title", "location", "side"),
    [
        ("Eyelid", "eyelid", None),
        ("Around the eye", "around_eye", None),
        ("Cheek", "cheek", None),
        ("Mouth", "mouth", None),
        ("Left", None, "left"),
        ("Right", None, "right"),
        ("Both", None, "both"),
    ],
)
def test_place_button_titles(
    extractor: ClinicalExtractor, title: str, location: str | None, side: str | None
) -> None:
    result = extractor.extract(title, NOW)
    assert result.locations == ((location,) if location else ())
    assert result.face_side == side


def test_the_eyebrow_is_the_forehead(extractor: ClinicalExtractor) -> None:
    assert extractor.extract("my right eyebrow keeps jumping", NOW).locations == ("forehead",)
    assert extractor.extract("twitch between my brows and up into my forehead", NOW).locations == (
        "forehead",
    )
