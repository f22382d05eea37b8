"""Readings that simulated patients showed missing, each tested here in words of its own: a "weak" that is a week,
three-letter unit slips, a corrected account of a recurring twitch, the onset of a sign told in its own sentence,
and plain wordings of speech, vision, headache, function and worsening (docs/clinical-design.md)."""

from __future__ import annotations

import pytest

from bot.nlu.duration import parse_duration_days
from bot.nlu.extraction import ClinicalExtractor
from tests.nlu_components.reading import NOW, A, P, findings_of


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("it's been jumping for a weak now", 7),
        ("going on one weak, maybe more", 7),
        ("twitchy lid for 3 weaks", 21),
        ("about 9 dys", 9),
        ("4 mos on and off", 120),
        ("for 2 wek", 14),
        ("I mean 5 days, not for 3 weeks", 5),
    ],
)
def test_a_misspelt_unit_after_a_number_is_read(text: str, days: float) -> None:
    assert parse_duration_days(text, NOW).days == pytest.approx(days)


@pytest.mark.parametrize(
    "text", ["she has a weak grip", "one weak side of the mouth", "she has a weak smile on one side"]
)
def test_weak_naming_what_is_weak_is_no_duration_and_stays_weakness(
    extractor: ClinicalExtractor, text: str
) -> None:
    assert parse_duration_days(text, NOW).days is None
    assert P in findings_of(extractor, text).values()


def test_a_weak_that_is_a_week_is_no_weakness(extractor: ClinicalExtractor) -> None:
    findings = findings_of(extractor, "my lower lid has been flickering for a weak, really annoying")
    assert "facial_weakness" not in findings and "limb_weakness" not in findings


def test_a_correction_is_read_as_any_account_is_the_longest_time_of_the_twitch() -> None:
    text = "my mistake: this flare began on Sunday, but it has come and gone for about three years"
    reading = parse_duration_days(text, NOW)
    assert reading.correction and reading.days == pytest.approx(3 * 365)


@pytest.mark.parametrize(
    "text",
    [
        "My eyelid has fluttered for a fortnight. My mouth sags on one side, it took several days to come on.",
        "the twitch started in spring. since then my cheek has gone slack, it crept in bit by bit",
    ],
)
def test_the_onset_of_a_sign_told_in_its_own_sentence_is_the_signs(
    extractor: ClinicalExtractor, text: str
) -> None:
    findings = findings_of(extractor, text)
    assert findings.get("facial_weakness") == P
    assert findings.get("sudden_onset") == A


def test_an_onset_word_in_the_twitchs_own_sentence_still_times_the_twitch(
    extractor: ClinicalExtractor,
) -> None:
    findings = findings_of(extractor, "my face feels a bit weak. the twitching came on gradually over weeks")
    assert findings.get("facial_weakness") == P
    assert "sudden_onset" not in findings


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("he keeps muddling his words when he talks", "speech_difficulty"),
        ("I'm scrambling my sentences", "speech_difficulty"),
        ("she says she sees two of things", "vision_loss"),
        ("I saw everything twice for a while", "vision_loss"),
        ("his head is aching terribly all of a sudden", "severe_headache"),
        ("it's wrecking everything I do at work", "function_impact"),
        ("I've given up reading because of it", "function_impact"),
        ("my husband is avoiding driving since it started", "function_impact"),
        ("it's struggling to do my job with it going", "function_impact"),
        ("it has kicked up a notch since Friday", "worsening"),
        ("the spasms are ramping up", "worsening"),
        ("it may be creeping into my cheek, hard to tell", "spread"),
        ("hmm, could be getting a bit more frequent", "worsening"),
        ("I've been feeling giddy since lunch", "balance_problem"),
        ("his hearing in that ear has got quieter lately", "hearing_change"),
        ("she keeps having to turn the telly up", "hearing_change"),
        ("her cheek is hanging lower than the other one", "facial_weakness"),
        ("my left hand has hardly any grip today", "limb_weakness"),
        ("the twitch is moving outwards towards my temple", "spread"),
        ("pins n needles down my cheek", "numbness_tingling"),
        ("my son says what I say isn't making sense", "speech_difficulty"),
        ("this is messing with my whole day", "function_impact"),
        ("she's losing a bit of her sight on that side", "vision_loss"),
        ("I think his leg may be slightly heavy", "limb_weakness"),
        ("years ago I had a fall onto my face", "facial_injury_history"),
    ],
)
def test_plain_wordings_of_signs_are_read(extractor: ClinicalExtractor, text: str, code: str) -> None:
    assert findings_of(extractor, text).get(code) == P


@pytest.mark.parametrize(("text", "side"), [("L", "left"), ("the R side", "right"), ("rhs", "right")])
def test_sides_as_people_shorten_them(extractor: ClinicalExtractor, text: str, side: str) -> None:
    assert extractor.extract(text, NOW).face_side == side


def test_a_sign_told_as_caused_by_an_old_illness_is_past(extractor: ClinicalExtractor) -> None:
    findings = findings_of(
        extractor, "my lid flickers since Friday, my mouth drooped with Bell's palsy ages ago"
    )
    assert findings.get("bells_palsy_history") == P
    assert "facial_weakness" not in findings


def test_a_spread_read_inside_the_signs_words_leaves_its_onset_to_the_sign(
    extractor: ClinicalExtractor,
) -> None:
    findings = findings_of(extractor, "half of my face won't move right, not sudden at all")
    assert findings.get("facial_weakness") == P
    assert findings.get("sudden_onset") == A


@pytest.mark.parametrize(
    "text",
    [
        "oh, and something different has started in my cheek",
        "there's another sensation now that I can't explain",
        "I've got an extra symptom since this morning",
    ],
)
def test_something_new_that_names_no_sign_is_a_vague_feeling(extractor: ClinicalExtractor, text: str) -> None:
    assert "vague_sensation" in {entity.entity for entity in extractor.extract(text, NOW).entities}


@pytest.mark.parametrize("text", ["legs - no problems", "my hands have no issues at all"])
def test_limbs_said_to_have_no_problems_are_not_weak(extractor: ClinicalExtractor, text: str) -> None:
    assert findings_of(extractor, text).get("limb_weakness") == A


@pytest.mark.parametrize("text", ["might be the late nights", "could be the wine honestly", "may be stress"])
def test_a_guess_at_a_cause_is_still_no_finding(extractor: ClinicalExtractor, text: str) -> None:
    assert findings_of(extractor, text) == {}
