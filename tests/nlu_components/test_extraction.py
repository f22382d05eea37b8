"""Findings, places and sides from free text: present, negated, hypothetical, historical, family, someone else's."""

from __future__ import annotations

import pytest

from bot.nlu.extraction import ClinicalExtractor, Extraction
from bot.triage.findings import FINDING_CODES, LOCATIONS
from tests.nlu_components.reading import NOW, A, P, findings_of

PRESENT_CASES = [
    # pattern
    ("my eye keeps twitching", {"twitching": P}),
    ("twiching eyelid", {"twitching": P}),
    ("eyelid's jumping", {"twitching": P}),
    ("my lower lid flickers", {"twitching": P}),
    ("there's a little flutter under my eye", {"twitching": P}),
    ("I've got a tic in my cheek", {"twitching": P}),
    ("facial spasms", {"twitching": P}),
    ("the corner of my mouth pulls up", {"twitching": P}),
    ("it has spread to my cheek", {"spread": P}),
    ("it moved down to my mouth", {"spread": P}),
    ("now it's in my cheek too", {"spread": P}),
    ("it's starting to affect my cheek", {"spread": P}),
    ("it's getting worse", {"worsening": P}),
    ("happening more often", {"worsening": P}),
    ("stronger every week", {"worsening": P}),
    ("it's worse when I'm stressed", {"stress": P}),
    ("it forces my eye shut", {"eye_closure": P}),
    ("my eye clamps shut", {"eye_closure": P, "twitching": P}),
    ("it makes it hard to drive", {"function_impact": P}),
    ("it interferes with reading", {"function_impact": P}),
    ("my eye closes when I smile", {"linked_movements": P}),
    ("when I smile my eye narrows", {"linked_movements": P}),
    # red flags
    ("face is droopy", {"facial_weakness": P}),
    ("one side of my face has dropped", {"facial_weakness": P}),
    ("can't shut my eye properly", {"facial_weakness": P}),
    ("I can't close my left eye", {"facial_weakness": P}),
    ("my smile is lopsided", {"facial_weakness": P}),
    ("my eye won't close", {"facial_weakness": P}),
    ("my mouth is drooping", {"facial_weakness": P}),
    ("I think my face might be drooping a bit", {"facial_weakness": P}),
    ("I'm not sure if my face is drooping", {"facial_weakness": P}),
    ("I'm a bit worried about the drooping", {"facial_weakness": P}),
    ("my face has suddenly dropped", {"facial_weakness": P, "sudden_onset": P}),
    ("it came on all of a sudden", {"sudden_onset": P}),
    ("I woke up with it", {"sudden_onset": P}),
    ("my arm went weak", {"limb_weakness": P}),
    ("I can't lift my arm", {"limb_weakness": P}),
    ("my leg feels heavy", {"limb_weakness": P}),
    ("words coming out wrong", {"speech_difficulty": P}),
    ("my speech is slurred", {"speech_difficulty": P}),
    ("I'm slurring", {"speech_difficulty": P}),
    ("double vision", {"vision_loss": P}),
    ("I can't see out of my left eye", {"vision_loss": P}),
    ("my vision went blurry", {"vision_loss": P}),
    ("worst headache of my life", {"severe_headache": P}),
    ("a sudden severe headache", {"severe_headache": P, "sudden_onset": P}),
    ("my face really hurts", {"severe_pain": P}),
    ("sharp pain in my cheek", {"severe_pain": P}),
    ("pins and needles", {"numbness_tingling": P}),
    ("my lip feels numb", {"numbness_tingling": P}),
    ("numbnes in my cheek", {"numbness_tingling": P}),
    ("tingling in my face", {"numbness_tingling": P}),
    ("ringing in my ears", {"hearing_change": P}),
    ("muffled hearing", {"hearing_change": P}),
    ("sounds are really loud on that side", {"hearing_change": P}),
    ("dizzy", {"balance_problem": P}),
    ("I feel off balance", {"balance_problem": P}),
    ("the room is spinning", {"balance_problem": P}),
    # triggers
    ("living on coffee", {"caffeine": P}),
    ("I've been drinking loads of coffee", {"caffeine": P}),
    ("too many energy drinks", {"caffeine": P}),
    ("been on the lash", {"alcohol": P}),
    ("drinking a lot of wine", {"alcohol": P}),
    ("stressed out", {"stress": P}),
    ("anxiety at work", {"stress": P}),
    ("under a lot of pressure at work", {"stress": P}),
    ("sleeping maybe 4 hours a night", {"poor_sleep": P}),
    ("not sleeping", {"poor_sleep": P}),
    ("I can't sleep", {"poor_sleep": P}),
    ("exhausted", {"poor_sleep": P}),
    ("staring at screens all day", {"eye_strain": P}),
    ("on the computer all day", {"eye_strain": P}),
    ("my magnesium is low", {"diet_deficiency": P}),
    ("low b12", {"diet_deficiency": P}),
    ("been staring at spreadsheets 12 hours a day", {"eye_strain": P}),
    ("I'm vegan, could I be low on magnesium?", {"diet_deficiency": P}),
    ("maybe my diet, I don't eat much dairy", {"diet_deficiency": P}),
    ("is diet a cause of twitching?", {}),
    # seeing hindered by the twitch is the twitch getting in the way, not a loss of vision
    ("I cant see properly when it flutters", {"function_impact": P, "twitching": P}),
    ("I cant see out of my left eye", {"vision_loss": P}),
    ("cant see, face drooping", {"vision_loss": P, "facial_weakness": P}),
    # history
    ("had Bell's palsy", {"bells_palsy_history": P}),
    ("I had bells palsy two years ago", {"bells_palsy_history": P}),
    ("smashed my face", {"facial_injury_history": P}),
    ("I broke my cheekbone last year", {"facial_injury_history": P}),
    ("I have MS", {"multiple_sclerosis": P}),
    ("I was diagnosed with multiple sclerosis", {"multiple_sclerosis": P}),
    ("started new tablets", {"new_medication": P}),
    ("my doctor changed my medication", {"new_medication": P}),
]


@pytest.mark.parametrize(("text", "expected"), PRESENT_CASES)
def test_findings_are_recognised(extractor: ClinicalExtractor, text: str, expected: dict[str, str]) -> None:
    assert findings_of(extractor, text) == expected


NEGATED_CASES = [
    ("no numbness", {"numbness_tingling": A}),
    ("I deny any drooping", {"facial_weakness": A}),
    ("hearing's fine", {"hearing_change": A}),
    ("no weakness or tingling", {"facial_weakness": A, "numbness_tingling": A}),
    ("without pain", {"severe_pain": A}),
    ("never had bell's palsy", {"bells_palsy_history": A}),
    ("nope no headache", {"severe_headache": A}),
    ("my arm isn't weak", {"limb_weakness": A}),
    ("speech is normal", {"speech_difficulty": A}),
    ("my vision is fine", {"vision_loss": A}),
    ("no dizziness", {"balance_problem": A}),
    ("it's not getting worse", {"worsening": A}),
    ("it hasn't spread", {"spread": A}),
    ("I don't drink coffee", {"caffeine": A}),
    ("I gave up coffee", {"caffeine": A}),
    ("not stressed", {"stress": A}),
    ("I sleep fine", {"poor_sleep": A}),
    ("no new medication", {"new_medication": A}),
    ("I'm not on any meds", {"new_medication": A}),
    ("no injuries", {"facial_injury_history": A}),
    ("my face looks normal", {"facial_weakness": A}),
    ("I can smile fine", {"facial_weakness": A}),
    ("doesn't hurt", {"severe_pain": A}),
    ("no double vision", {"vision_loss": A}),
    ("no change in hearing or vision", {"hearing_change": A, "vision_loss": A}),
    ("it hasn't changed", {"worsening": A}),
    ("no numbness and my face is drooping", {"numbness_tingling": A, "facial_weakness": P}),
    ("no pain but some tingling", {"severe_pain": A, "numbness_tingling": P}),
]


@pytest.mark.parametrize(("text", "expected"), NEGATED_CASES)
def test_negated_findings_are_absent(
    extractor: ClinicalExtractor, text: str, expected: dict[str, str]
) -> None:
    assert findings_of(extractor, text) == expected


NOT_FINDINGS = [
    # hypothetical
    "if it spreads",
    "what if it's a stroke",
    "I'm scared I'll get a stroke",
    "if my face droops should I call 999?",
    "could it be Bell's palsy?",
    "is it MS?",
    "can coffee cause this?",
    "does alcohol make twitching worse?",
    "I'm worried it's MS",
    "I'm scared of Bell's palsy",
    # family and others' past illness
    "my mum has MS",
    "my aunt had a stroke",
    "my dad had Bell's palsy",
    "my sister has multiple sclerosis",
    # historical symptoms
    "I used to get dizzy as a kid",
    # mentions that say nothing is wrong or are not our findings
    "I have a headache",
    "I feel weak",
    "hello",
    "what is hemifacial spasm",
]


@pytest.mark.parametrize("text", NOT_FINDINGS)
def test_hypothetical_family_and_historical_mentions_are_not_findings(
    extractor: ClinicalExtractor, text: str
) -> None:
    findings = findings_of(extractor, text)
    assert all(code == "twitching" for code in findings), findings


def test_bells_palsy_history_is_not_current_facial_weakness(extractor: ClinicalExtractor) -> None:
    findings = findings_of(extractor, "I had Bell's palsy two years ago")
    assert findings == {"bells_palsy_history": P}


def test_someone_elses_current_symptoms_are_findings(extractor: ClinicalExtractor) -> None:
    assert findings_of(extractor, "my dad's face is drooping") == {"facial_weakness": P}
    assert findings_of(extractor, "my mum can't lift her arm and her speech is slurred") == {
        "limb_weakness": P,
        "speech_difficulty": P,
    }


def test_present_wins_when_a_finding_is_both_denied_and_reported(extractor: ClinicalExtractor) -> None:
    assert findings_of(extractor, "no numbness. actually my lip is numb")["numbness_tingling"] == P


def test_a_long_description(extractor: ClinicalExtractor) -> None:
    text = (
        "My left eyelid keeps jumping since Monday, I'm living on coffee and not sleeping much. "
        "No numbness or weakness, hearing's fine."
    )
    result = extractor.extract(text, NOW)
    assert {code: status.value for code, status in result.findings.items()} == {
        "twitching": P,
        "caffeine": P,
        "poor_sleep": P,
        "numbness_tingling": A,
        "facial_weakness": A,
        "hearing_change": A,
    }
    assert result.face_side == "left"
    assert result.locations == ("eyelid",)
    assert result.duration.days == pytest.approx(3 + 15 / 24)  # from the start of Monday to Thursday 3 pm


LOCATION_CASES = [
    ("my eyelid twitches", ("eyelid",)),
    ("my eye lid twitches", ("eyelid",)),
    ("upper lid", ("eyelid",)),
    ("under my eye", ("around_eye",)),
    ("my eyebrow keeps twitching", ("forehead",)),  # the conservative reading of the edge of the eye region
    ("the cheek", ("cheek",)),
    ("both cheeks", ("cheek",)),
    ("corner of my mouth", ("mouth",)),
    ("my lip twitches", ("mouth",)),
    ("my neck", ("neck",)),
    ("my forehead", ("forehead",)),
    ("eyelid and cheek", ("eyelid", "cheek")),
    ("it started in my eye and now my cheek and mouth", ("around_eye", "cheek", "mouth")),
    ("not my cheek", ()),
    ("if it spreads to my mouth", ()),
    ("can it spread to my cheek?", ()),
    ("eye strain from screens", ()),
]


@pytest.mark.parametrize(("text", "expected"), LOCATION_CASES)
def test_locations(extractor: ClinicalExtractor, text: str, expected: tuple[str, ...]) -> None:
    assert extractor.extract(text, NOW).locations == expected


SIDE_CASES = [
    ("left", "left"),
    ("Left.", "left"),
    ("the right one", "right"),
    ("rite", "right"),
    ("the rite side", "right"),
    ("it's the right side", "right"),
    ("my left eye", "left"),
    ("on the left", "left"),
    ("both", "both"),
    ("both sides", "both"),
    ("both eyes", "both"),
    ("left and right", "both"),
    ("it's on the left and the right", "both"),
    ("I'm worried about the drooping on my left side", "left"),
    ("that's right", None),
    ("right now it's bad", None),
    ("it left me tired", None),
    ("my eye twitches", None),
]


@pytest.mark.parametrize(("text", "expected"), SIDE_CASES)
def test_face_side(extractor: ClinicalExtractor, text: str, expected: str | None) -> None:
    assert extractor.extract(text, NOW).face_side == expected


def test_entities_follow_the_nlu_contract(extractor: ClinicalExtractor) -> None:
    text = "my left eyelid has been twitching for 2 weeks, no numbness"
    result = extractor.extract(text, NOW)
    entities = {(entity.entity, entity.value) for entity in result.entities}
    assert entities == {
        ("twitching", "present"),
        ("numbness_tingling", "absent"),
        ("face_side", "left"),
        ("location", "eyelid"),
        ("duration_days", "14"),
    }
    for entity in result.entities:
        assert 0 <= entity.start < entity.end <= len(text)
    spans = {entity.entity: text[entity.start : entity.end] for entity in result.entities}
    assert spans["duration_days"] == "2 weeks"
    assert spans["twitching"] == "twitching"
    assert spans["location"] == "eyelid"


def test_vague_duration_entity_is_unknown(extractor: ClinicalExtractor) -> None:
    result = extractor.extract("it's been going on for ages", NOW)
    assert [(entity.entity, entity.value) for entity in result.entities] == [("duration_days", "unknown")]


def test_every_finding_code_and_location_has_patterns() -> None:
    from bot.nlu.patterns import FINDING_PATTERNS, LOCATION_PATTERNS

    assert set(FINDING_PATTERNS) == set(FINDING_CODES)
    assert all(FINDING_PATTERNS[code].present for code in FINDING_CODES)
    assert set(LOCATION_PATTERNS) == set(LOCATIONS)


def result_codes(result: Extraction) -> set[str]:
    return set(result.findings)


BAD_INPUT = [
    "",
    "   ",
    "😀😀😀",
    "\x00\x01\x02 twitch \x7f",
    "twitch " * 1500,
    "a" * 10_000,
    "?!...,,,",
    "\u202e\ufeff",
]


@pytest.mark.parametrize("text", BAD_INPUT, ids=range(len(BAD_INPUT)))
def test_bad_input_never_raises(extractor: ClinicalExtractor, text: str) -> None:
    result = extractor.extract(text, NOW)
    assert result_codes(result) <= set(FINDING_CODES)


def test_the_pipeline_is_built_once() -> None:
    assert ClinicalExtractor.shared() is ClinicalExtractor.shared()


def test_long_messages_are_read_to_the_end(extractor: ClinicalExtractor) -> None:
    text = "My eye twitches, no numbness. " * 60 + "Now my arm went weak and my speech is slurred."
    result = extractor.extract(text, NOW)
    assert result.findings["limb_weakness"].value == P
    assert result.findings["speech_difficulty"].value == P
    assert result.findings["numbness_tingling"].value == A
    spans = {entity.entity: text[entity.start : entity.end] for entity in result.entities}
    assert spans["speech_difficulty"] == "speech is slurred"


def test_pieces_of_a_long_message_cover_it_exactly() -> None:
    from bot.nlu.pipeline import CHUNK_CHARS, chunks

    for text in ["", "short", "word " * 500, "One sentence here. " * 80, "x" * 1000]:
        pieces = chunks(text)
        assert "".join(piece for _, piece in pieces) == text
        assert all(text[offset : offset + len(piece)] == piece for offset, piece in pieces)
        assert all(len(piece) <= CHUNK_CHARS for _, piece in pieces)
