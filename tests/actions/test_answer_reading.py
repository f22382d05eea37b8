"""How the intake reads answers (docs/clinical-design.md: never towards less care), on small trackers, with the evidence the
validation stores. Each case in words of its own; the entities are what the NLU gives for them."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest

from actions.form_validation import FIRST_REPLY_WAS_YES
from bot.dialogue.evidence import Evidence
from bot.triage.engine import assess
from bot.triage.findings import ACCOMPANYING_SIGNS, FINDING_CODES, HISTORY_CODES, Findings
from bot.triage.levels import Level
from bot.triage.question_wording import (
    ASK_WHICH_ONE,
    RECORDED_AS_NOT_KNOWN,
    RECORDED_AS_ONE_OF_THEM,
    RECORDED_AS_POSSIBLE,
)
from tests.actions.test_intake_validation import EYELID_TWITCH, GRADUAL_WEAKNESS_SCREENED, validate
from tests.actions.trackers import INTAKE_FORM, intake_tracker, message, resumed_intake_tracker


def with_entities(intent: str, *entities: tuple[str, Any], **intent_extra: Any) -> dict[str, Any]:
    said = message(intent, **intent_extra)
    said["entities"] = [{"entity": name, "value": value} for name, value in entities]
    return said


def reply_text(text: str, intent: str, *entities: tuple[Any, ...]) -> dict[str, Any]:
    """A reply whose own words matter to the reading (a plain "yes" or "no" opening), with what the NLU gives for it:
    (entity, value), or (entity, value, the words it was read on) where what is left unread matters."""
    said = message(intent)
    said["text"] = text
    said["entities"] = [
        {"entity": name, "value": value, **_span_of(text, *words)} for name, value, *words in entities
    ]
    return said


def _span_of(text: str, *words: str) -> dict[str, int]:
    if not words:
        return {}
    start = text.index(words[0])
    return {"start": start, "end": start + len(words[0])}


def level_after(slots: dict[str, Any]) -> Level:
    return assess(Evidence.from_json(slots["evidence"]).findings).level


# A weakness that came on over days, nothing else known yet of the stroke screen.
GRADUAL_WEAKNESS = {
    "twitching": "present",
    "facial_weakness": "present",
    "sudden_onset": "absent",
    "locations": ["eyelid"],
    "face_side": "right",
    "duration_days": "4",
}


def test_a_yes_to_the_stroke_screen_after_a_gradual_onset_is_the_emergency() -> None:
    # "yeah" to: sudden? arm or leg? speech? sight?
    slots, _ = validate(intake_tracker(GRADUAL_WEAKNESS, message("affirm"), "q_stroke_screen"))

    assert level_after(slots) is Level.EMERGENCY
    assert slots["requested_slot"] is None  # nothing more is asked: the person must call now


def test_not_sure_to_the_stroke_screen_is_never_a_no() -> None:
    slots, _ = validate(intake_tracker(GRADUAL_WEAKNESS, message("not_sure"), "q_stroke_screen"))
    assert level_after(slots) is Level.EMERGENCY


def test_a_yes_to_the_signs_still_unclear_after_which_one_is_at_least_urgent() -> None:
    first, texts = validate(intake_tracker(EYELID_TWITCH, message("affirm"), "q_accompanying"))
    assert texts[0] == ASK_WHICH_ONE
    asked_which = {**EYELID_TWITCH, "unclear_answers": first["unclear_answers"]}

    # "hmm hard to put into words"
    slots, texts = validate(intake_tracker(asked_which, message("inform"), "q_accompanying"))

    assert texts[0] == RECORDED_AS_ONE_OF_THEM
    assert level_after(slots) is Level.URGENT


def test_a_yes_to_progression_still_unclear_is_at_least_routine() -> None:
    short_eyelid_twitch = {
        k: v for k, v in EYELID_TWITCH.items() if k not in ("worsening", "spread", "eye_closure")
    }
    first, _ = validate(intake_tracker(short_eyelid_twitch, message("affirm"), "q_progression"))
    asked_which = {**short_eyelid_twitch, "unclear_answers": first["unclear_answers"]}

    slots, _ = validate(intake_tracker(asked_which, message("affirm"), "q_progression"))

    findings = Evidence.from_json(slots["evidence"]).findings
    assert frozenset({"worsening", "spread", "eye_closure"}) in findings.at_least_one_of


def test_a_partial_denial_denies_only_what_it_names() -> None:
    # "it doesn't hurt as such, my cheek just feels weird"
    partly = with_entities("inform", ("severe_pain", "absent"), ("vague_sensation", "present"))

    slots, texts = validate(intake_tracker(EYELID_TWITCH, partly, "q_accompanying"))

    findings = Evidence.from_json(slots["evidence"]).findings
    assert findings.is_absent("severe_pain")
    for still_open in ("facial_weakness", "numbness_tingling", "hearing_change", "balance_problem"):
        assert findings.is_unknown(still_open)
    # Weakness, which could be an emergency, is asked about at once on its own; the checklist then comes back,
    # naming only what is still open.
    assert slots["requested_slot"] == "q_check_facial_weakness"
    assert "weakness or drooping" in texts[-1]


def test_a_no_with_a_strange_feeling_keeps_numbness_and_weakness_open() -> None:
    # "nah, though the side of my face is a bit peculiar"
    no_but_odd = with_entities("deny", ("vague_sensation", "present"))

    slots, _ = validate(intake_tracker(EYELID_TWITCH, no_but_odd, "q_accompanying"))

    findings = Evidence.from_json(slots["evidence"]).findings
    assert findings.is_absent("hearing_change") and findings.is_absent("balance_problem")
    assert findings.is_unknown("numbness_tingling") and findings.is_unknown("facial_weakness")
    assert level_after(slots) is not Level.SELF_CARE


def test_an_emergency_only_the_classifier_saw_is_checked_sign_by_sign() -> None:
    # A list of old medicines that DIET took for an emergency, with no sign in it.
    classifier_only = message("report_emergency", emergency_evidence="classifier")

    slots, texts = validate(intake_tracker(EYELID_TWITCH, classifier_only, "q_accompanying"))

    assert slots["triage_level"] is None  # the emergency the intent's slot mapping set is taken back
    assert slots["requested_slot"].startswith("q_check_")
    assert all("EMERGENCY" not in text for text in texts)


def test_yes_to_one_screened_sign_is_the_emergency() -> None:
    suspected = {**EYELID_TWITCH, "evidence": _evidence_suspecting(EYELID_TWITCH, "speech_difficulty")}
    slots, _ = validate(intake_tracker(suspected, message("affirm"), "q_check_speech_difficulty"))
    assert level_after(slots) is Level.EMERGENCY


def test_yes_to_one_sign_asked_by_name_is_that_sign_whatever_else_is_suspected() -> None:
    # "Yes, at tea her voice went thick for a few minutes" to "slurred or muddled speech?", the learned reader
    # suspecting a sudden onset too: the speech, not "at least one of" the speech and an onset.
    suspected = {
        **EYELID_TWITCH,
        "evidence": _evidence_suspecting(EYELID_TWITCH, "speech_difficulty", "sudden_onset"),
    }
    yes = reply_text(
        "Yes, at tea her voice went thick for a few minutes",
        "affirm",
        ("suspected_sign", "speech_difficulty", "voice"),
        ("suspected_sign", "sudden_onset"),
    )

    slots, _ = validate(intake_tracker(suspected, yes, "q_check_speech_difficulty"))

    assert level_after(slots) is Level.EMERGENCY


def test_yes_to_a_sudden_onset_of_the_weakness_says_the_weakness_is_there() -> None:
    # A vague yes to the list left "weakness or numbness, at least one"; then "did the weakness or drooping come on
    # suddenly?" "yes, at breakfast".
    vague = Evidence.from_json(_evidence_suspecting(EYELID_TWITCH))
    one_of_them = replace(
        vague.findings, at_least_one_of=frozenset({frozenset({"facial_weakness", "numbness_tingling"})})
    )
    known = {**EYELID_TWITCH, "evidence": Evidence(findings=one_of_them).to_json()}

    slots, _ = validate(intake_tracker(known, message("affirm"), "q_check_sudden_onset"))

    assert level_after(slots) is Level.EMERGENCY


def test_an_unclear_answer_to_one_screened_sign_is_the_emergency() -> None:
    suspected = {**EYELID_TWITCH, "evidence": _evidence_suspecting(EYELID_TWITCH, "limb_weakness")}
    slots, _ = validate(intake_tracker(suspected, message("not_sure"), "q_check_limb_weakness"))
    assert level_after(slots) is Level.EMERGENCY


def test_no_to_a_screened_sign_carries_on() -> None:
    suspected = {**EYELID_TWITCH, "evidence": _evidence_suspecting(EYELID_TWITCH, "vision_loss")}
    slots, _ = validate(intake_tracker(suspected, message("deny"), "q_check_vision_loss"))
    assert Evidence.from_json(slots["evidence"]).findings.is_absent("vision_loss")
    assert level_after(slots) is not Level.EMERGENCY


def test_a_later_shorter_spell_leaves_the_duration_as_it_was() -> None:
    # Known: on and off for about six weeks. Now, to the accompanying-signs question: "none, this flare began
    # on Sunday".
    long_twitch = {**EYELID_TWITCH, "duration_days": "42"}
    reply = with_entities("none_of_these", ("duration_days", "2"))

    slots, _ = validate(intake_tracker(long_twitch, reply, "q_accompanying"))

    assert Evidence.from_json(slots["evidence"]).findings.duration_days == 42


def test_naming_the_known_gradual_weakness_is_not_a_new_emergency() -> None:
    just_the_droop = with_entities(
        "report_emergency", ("facial_weakness", "present"), emergency_evidence="findings"
    )
    slots, texts = validate(intake_tracker(GRADUAL_WEAKNESS_SCREENED, just_the_droop, "q_accompanying"))
    assert slots["requested_slot"] != "q_accompanying"
    assert all("EMERGENCY" not in text for text in texts)


def _evidence_suspecting(known: dict[str, Any], *codes: str) -> dict[str, Any]:
    """The evidence slot for `known` slots, with signs suspected (as a classifier-only emergency leaves them)."""
    statuses = {name: value for name, value in known.items() if name in FINDING_CODES}
    findings = Findings.from_values(
        statuses,
        face_side=known.get("face_side"),
        locations=known.get("locations", ()),
        duration_days=float(known["duration_days"]),
        suspected=codes,
    )
    return Evidence(findings=findings).to_json()


def test_denials_repeated_to_the_stroke_screen_are_a_no_never_a_yes() -> None:
    # Onset, speech and sight already denied; the arms were never read. "nope, talking fine, eyes fine" twice.
    screened = {**GRADUAL_WEAKNESS, "speech_difficulty": "absent", "vision_loss": "absent"}
    denials = with_entities("inform", ("speech_difficulty", "absent"), ("vision_loss", "absent"))

    first, _ = validate(intake_tracker(screened, denials, "q_stroke_screen"))
    assert first["requested_slot"] == "q_stroke_screen"  # asked again, about the arms only

    asked_the_rest = {**screened, "unclear_answers": first["unclear_answers"]}
    slots, texts = validate(intake_tracker(asked_the_rest, denials, "q_stroke_screen"))

    assert Evidence.from_json(slots["evidence"]).findings.is_absent("limb_weakness")
    assert level_after(slots) is Level.URGENT
    assert all("EMERGENCY" not in text for text in texts)


def test_a_vague_feeling_said_again_after_being_asked_by_name_is_not_ruled_out() -> None:
    # "no pain, the cheek is just sort of off" twice: the second time numbness and weakness were named to them.
    vague_again = with_entities("inform", ("severe_pain", "absent"), ("vague_sensation", "present"))
    first, _ = validate(intake_tracker(EYELID_TWITCH, vague_again, "q_accompanying"))
    asked_by_name = {
        **EYELID_TWITCH,
        "evidence": first["evidence"],
        "unclear_answers": first["unclear_answers"],
    }

    slots, _ = validate(intake_tracker(asked_by_name, vague_again, "q_accompanying"))

    findings = Evidence.from_json(slots["evidence"]).findings
    assert findings.is_absent("hearing_change") and findings.is_absent("balance_problem")
    assert frozenset({"numbness_tingling", "facial_weakness"}) in findings.unresolved_lists()
    assert level_after(slots) is Level.URGENT


def test_denials_of_other_signs_twice_to_one_screened_sign_are_a_no() -> None:
    # Asked about the arms: "no, it came on slowly and my speech is fine", twice.
    suspected = {**EYELID_TWITCH, "evidence": _evidence_suspecting(EYELID_TWITCH, "limb_weakness")}
    other_denials = with_entities("inform", ("speech_difficulty", "absent"))
    first, _ = validate(intake_tracker(suspected, other_denials, "q_check_limb_weakness"))
    assert first["requested_slot"] == "q_check_limb_weakness"

    asked_again = {**suspected, "unclear_answers": first["unclear_answers"]}
    slots, _ = validate(intake_tracker(asked_again, other_denials, "q_check_limb_weakness"))

    assert Evidence.from_json(slots["evidence"]).findings.is_absent("limb_weakness")
    assert level_after(slots) is not Level.EMERGENCY


def test_declining_twice_is_never_read_as_a_no_even_when_a_stray_denial_is_read() -> None:
    # "I'd prefer not to get into that", which the extractor once read as "not spreading".
    declined = with_entities("decline_to_answer", ("spread", "absent"))
    asked_once = {**EYELID_TWITCH, "unclear_answers": {"q_accompanying": 1}}

    slots, _ = validate(intake_tracker(asked_once, declined, "q_accompanying"))

    findings = Evidence.from_json(slots["evidence"]).findings
    assert all(findings.is_unknown(code) for code in ("facial_weakness", "severe_pain", "numbness_tingling"))
    assert level_after(slots) is Level.ROUTINE


def test_a_feeling_still_vague_when_asked_about_by_name_counts_as_the_mildest_sign_it_may_be() -> None:
    # Asked "weakness or drooping on one side?" because the face "felt off"; the reply: "it's just sort of strange".
    # Weakness or numbness cannot be ruled out: at least one is there, and the milder (numbness) sets the level.
    suspected_signs = ("facial_weakness", "numbness_tingling")
    evidence = Evidence.from_json(_evidence_suspecting(EYELID_TWITCH, "facial_weakness"))
    evidence = Evidence(findings=replace(evidence.findings, suspected=frozenset(suspected_signs)))
    suspected = {**EYELID_TWITCH, "evidence": evidence.to_json()}
    still_vague = with_entities(
        "inform", ("vague_sensation", "present"), *(("suspected_sign", code) for code in suspected_signs)
    )

    slots, _ = validate(intake_tracker(suspected, still_vague, "q_check_facial_weakness"))

    findings = Evidence.from_json(slots["evidence"]).findings
    assert frozenset(suspected_signs) in findings.at_least_one_of
    assert slots["requested_slot"] != "q_check_facial_weakness"
    assert level_after(slots) is Level.URGENT


def test_a_question_asked_three_times_is_recorded_instead_of_asked_a_fourth() -> None:
    # The accompanying signs asked three times, each time met by something that answered nothing ("hmm").
    asked_thrice = {**EYELID_TWITCH, "times_asked": {"q_accompanying": 3}}

    slots, texts = validate(intake_tracker(asked_thrice, message("inform"), "q_accompanying"))

    assert slots["requested_slot"] != "q_accompanying"
    assert RECORDED_AS_NOT_KNOWN in texts
    findings = Evidence.from_json(slots["evidence"]).findings
    assert all(findings.is_unknown(code) for code in ("facial_weakness", "numbness_tingling"))
    assert level_after(slots) is Level.ROUTINE  # not known after asking is never self care


def test_a_vague_feeling_left_open_by_a_question_asked_too_often_counts() -> None:
    # The cheek "feels tight" (numbness or tingling suspected), and the list asked three times without an answer.
    suspected = {
        **EYELID_TWITCH,
        "evidence": _evidence_suspecting(EYELID_TWITCH, "numbness_tingling"),
        "times_asked": {"q_accompanying": 3},
    }

    slots, texts = validate(intake_tracker(suspected, message("inform"), "q_accompanying"))

    assert RECORDED_AS_ONE_OF_THEM in texts
    assert level_after(slots) is Level.URGENT


def test_each_question_asked_is_counted() -> None:
    slots, _ = validate(intake_tracker(EYELID_TWITCH, message("inform"), "q_accompanying"))
    assert slots["times_asked"] == {slots["requested_slot"]: 1}


@pytest.mark.parametrize("sign", ["facial_weakness", "sudden_onset"])
def test_denials_of_other_signs_twice_are_no_answer_about_the_face_or_the_onset(sign: str) -> None:
    # Asked twice about the face (or when it began): "my lip sort of hangs, like I said. arms ok, talking ok", with
    # the person's own words for the face missed and only the denials read.
    weak = {**EYELID_TWITCH, "facial_weakness": "present"} if sign == "sudden_onset" else EYELID_TWITCH
    suspected = {**weak, "evidence": _evidence_suspecting(weak, sign)}
    other_denials = with_entities("inform", ("limb_weakness", "absent"), ("speech_difficulty", "absent"))
    first, _ = validate(intake_tracker(suspected, other_denials, f"q_check_{sign}"))
    asked_again = {**suspected, "unclear_answers": first["unclear_answers"]}

    slots, _ = validate(intake_tracker(asked_again, other_denials, f"q_check_{sign}"))

    assert not Evidence.from_json(slots["evidence"]).findings.is_absent(sign)
    assert level_after(slots) is Level.EMERGENCY


# Weakness known, arms, speech and sight denied, the onset still open.
ONSET_OPEN = {
    **EYELID_TWITCH,
    "facial_weakness": "present",
    "limb_weakness": "absent",
    "speech_difficulty": "absent",
    "vision_loss": "absent",
}
OTHER_STROKE_SIGNS_DENIED = (
    ("limb_weakness", "absent"),
    ("speech_difficulty", "absent"),
    ("vision_loss", "absent"),
)


def _said_twice_to_the_open_onset(reply: dict[str, Any]) -> dict[str, Any]:
    first, _ = validate(intake_tracker(ONSET_OPEN, reply, "q_stroke_screen"))
    asked_the_rest = {**ONSET_OPEN, "unclear_answers": first["unclear_answers"]}
    slots, _ = validate(intake_tracker(asked_the_rest, reply, "q_stroke_screen"))
    return slots


def test_the_other_stroke_signs_denied_again_say_nothing_of_an_onset_still_open() -> None:
    # twice: "no idea when it started, maybe this morning, maybe last night; arms fine, talking fine, sees fine"
    slots = _said_twice_to_the_open_onset(with_entities("inform", *OTHER_STROKE_SIGNS_DENIED))

    assert "evidence" not in slots  # nothing recorded: the onset is asked once more, then taken as unclear
    assert slots["requested_slot"] == "q_stroke_screen"


def test_a_suspicion_of_a_sign_already_denied_does_not_make_the_other_denials_a_no_to_the_onset() -> None:
    # The same denials twice, and the learned reader suspecting speech in "my talking is normal": still nothing said
    # of when the weakness began, so the onset is not "gradual".
    reply = with_entities(
        "describe_symptoms", *OTHER_STROKE_SIGNS_DENIED, ("suspected_sign", "speech_difficulty")
    )

    slots = _said_twice_to_the_open_onset(reply)

    findings = Evidence.from_json(slots["evidence"]).findings if "evidence" in slots else None
    assert findings is None or not findings.is_absent("sudden_onset")


def test_pointing_back_at_something_told_is_a_yes_to_the_signs_left_undenied() -> None:
    # "face fine, no pain, no numbness, steady on my feet. Only the ear thing I said before"
    pointing_back = with_entities(
        "inform",
        ("facial_weakness", "absent"),
        ("severe_pain", "absent"),
        ("numbness_tingling", "absent"),
        ("balance_problem", "absent"),
        ("points_back", "present"),
    )

    slots, _ = validate(intake_tracker(EYELID_TWITCH, pointing_back, "q_accompanying"))

    findings = Evidence.from_json(slots["evidence"]).findings
    assert frozenset({"hearing_change"}) in findings.unresolved_lists()
    assert level_after(slots) is Level.URGENT


def test_a_reply_opening_with_a_plain_no_is_a_no_whatever_the_classifier_read() -> None:
    # "Nope. Arms are grand, talking's fine" to "a sudden severe headache?", classified as information
    suspected = {**EYELID_TWITCH, "evidence": _evidence_suspecting(EYELID_TWITCH, "severe_headache")}
    plain_no = reply_text(
        "Nope. Arms are grand, talking's fine",
        "inform",
        ("limb_weakness", "absent"),
        ("speech_difficulty", "absent"),
    )

    slots, _ = validate(intake_tracker(suspected, plain_no, "q_check_severe_headache"))

    assert Evidence.from_json(slots["evidence"]).findings.is_absent("severe_headache")


def test_no_idea_is_not_read_as_a_no() -> None:
    # "no idea, my arms are fine" to "a sudden severe headache?": "no" is no answer of its own here
    suspected = {**EYELID_TWITCH, "evidence": _evidence_suspecting(EYELID_TWITCH, "severe_headache")}
    reply = reply_text("no idea, my arms are fine", "inform", ("limb_weakness", "absent"))

    slots, _ = validate(intake_tracker(suspected, reply, "q_check_severe_headache"))

    assert not Evidence.from_json(slots["evidence"]).findings.is_absent("severe_headache")


@pytest.mark.parametrize("text", ["no, but my hand has gone a bit funny", "nah, only the ear thing"])
def test_a_no_to_one_sign_with_something_else_set_against_it_is_a_no_to_that_sign(text: str) -> None:
    # to "a sudden severe headache?": what is set against the "no" is another matter, read (and asked) on its own
    suspected = {**EYELID_TWITCH, "evidence": _evidence_suspecting(EYELID_TWITCH, "severe_headache")}
    reply = reply_text(text, "inform", ("suspected_sign", "limb_weakness"))

    slots, _ = validate(intake_tracker(suspected, reply, "q_check_severe_headache"))

    findings = Evidence.from_json(slots["evidence"]).findings
    assert findings.is_absent("severe_headache") and "limb_weakness" in findings.suspected


def test_pointing_back_in_reply_to_one_screened_sign_is_a_yes_to_it() -> None:
    # "only the head thing, like I told you" to "a sudden severe headache?", which DIET took for an emergency
    suspected = {**EYELID_TWITCH, "evidence": _evidence_suspecting(EYELID_TWITCH, "severe_headache")}
    pointing_back = with_entities(
        "report_emergency", ("points_back", "present"), emergency_evidence="classifier"
    )

    slots, _ = validate(intake_tracker(suspected, pointing_back, "q_check_severe_headache"))

    assert level_after(slots) is Level.EMERGENCY


@pytest.mark.parametrize(
    ("left_open", "level"), [("facial_weakness", Level.EMERGENCY), ("numbness_tingling", Level.URGENT)]
)
def test_a_warning_sign_a_list_left_open_and_still_unclear_counts_as_possible(
    left_open: str, level: Level
) -> None:
    # Every other sign of the accompanying list denied, then the same list asked again about only the one left open,
    # and again: replies that say nothing clear of it ("ah, maybe that, the coffee never feels hot on that side").
    # A warning sign asked on its own and still unclear is not a "no".
    others = [
        code
        for code in (
            "facial_weakness",
            "severe_pain",
            "numbness_tingling",
            "hearing_change",
            "balance_problem",
        )
        if code != left_open
    ]
    other_denials = with_entities("inform", *((code, "absent") for code in others))
    partly, _ = validate(intake_tracker(EYELID_TWITCH, other_denials, "q_accompanying"))
    asked_thrice = {**EYELID_TWITCH, "evidence": partly["evidence"], "times_asked": {"q_accompanying": 3}}

    slots, texts = validate(intake_tracker(asked_thrice, message("inform"), "q_accompanying"))

    assert RECORDED_AS_POSSIBLE in texts
    assert frozenset({left_open}) in Evidence.from_json(slots["evidence"]).findings.at_least_one_of
    assert level_after(slots) is level


def test_a_duration_still_unclear_after_asking_is_recorded_as_not_known() -> None:
    # "no idea", then "couldn't tell you, days or weeks": the duration stays unknown, and the intake goes on
    duration_unknown = {name: value for name, value in EYELID_TWITCH.items() if name != "duration_days"}
    asked_once = {**duration_unknown, "unclear_answers": {"q_duration": 1}}

    slots, texts = validate(intake_tracker(asked_once, message("not_sure"), "q_duration"))

    assert RECORDED_AS_NOT_KNOWN in texts
    assert slots["requested_slot"] != "q_duration"


def test_a_reply_opening_with_a_plain_yes_names_the_sign_asked_about() -> None:
    # "yeah, it's horrendous" to "a sudden severe headache?", classified as information
    suspected = {**EYELID_TWITCH, "evidence": _evidence_suspecting(EYELID_TWITCH, "severe_headache")}
    plain_yes = reply_text("yeah, it's horrendous", "inform")

    slots, _ = validate(intake_tracker(suspected, plain_yes, "q_check_severe_headache"))

    assert Evidence.from_json(slots["evidence"]).findings.is_present("severe_headache")
    assert level_after(slots) is Level.EMERGENCY


@pytest.mark.parametrize("unclear", ["not_sure", "decline_to_answer"])
def test_an_unclear_answer_to_the_last_check_is_the_emergency(unclear: str) -> None:
    # "erm, I can't really tell", "I'd prefer not to go into that" to: drooping, a weak arm or leg, speech, sight,
    # a sudden bad headache?
    slots, _ = validate(intake_tracker(EYELID_TWITCH, message(unclear), "q_emergency_screen"))
    assert level_after(slots) is Level.EMERGENCY


def test_a_yes_to_the_last_check_that_denies_some_signs_is_a_yes_to_the_others() -> None:
    # "yes, though my words come out fine and I can see ok", classified as information
    yes_but = reply_text(
        "yes, though my words come out fine and I can see ok",
        "inform",
        ("speech_difficulty", "absent"),
        ("vision_loss", "absent"),
    )

    slots, _ = validate(intake_tracker(EYELID_TWITCH, yes_but, "q_emergency_screen"))

    findings = Evidence.from_json(slots["evidence"]).findings
    assert findings.is_absent("speech_difficulty") and findings.is_absent("vision_loss")
    assert level_after(slots) is Level.EMERGENCY


def test_a_no_to_the_last_check_settles_it() -> None:
    slots, _ = validate(intake_tracker(EYELID_TWITCH, message("deny"), "q_emergency_screen"))
    assert level_after(slots) is not Level.EMERGENCY
    assert slots["requested_slot"] != "q_emergency_screen"


def test_a_plain_no_to_one_sign_is_a_no_to_it_whatever_else_the_reply_tells() -> None:
    # "nope, only achy where the nurse took blood" to "weakness in an arm or a leg?": the ache is read as it is
    suspected = {**EYELID_TWITCH, "evidence": _evidence_suspecting(EYELID_TWITCH, "limb_weakness")}
    reply = reply_text("nope, achy where the nurse took blood", "inform", ("severe_pain", "present"))

    slots, _ = validate(intake_tracker(suspected, reply, "q_check_limb_weakness"))

    findings = Evidence.from_json(slots["evidence"]).findings
    assert findings.is_absent("limb_weakness") and findings.is_present("severe_pain")
    assert level_after(slots) is Level.URGENT


def test_a_no_to_the_stroke_screen_that_names_only_other_signs_leaves_the_onset_open() -> None:
    # "nope, legs and arms ok, speaking ok, eyesight ok" after a weak face of unknown onset
    weak_face = {**GRADUAL_WEAKNESS, "sudden_onset": None}
    reply = reply_text(
        "nope, legs and arms ok, speaking ok, eyesight ok",
        "inform",
        ("limb_weakness", "absent"),
        ("speech_difficulty", "absent"),
        ("vision_loss", "absent"),
    )

    slots, _ = validate(intake_tracker(weak_face, reply, "q_stroke_screen"))

    findings = Evidence.from_json(slots["evidence"]).findings
    assert findings.is_unknown("sudden_onset") and findings.is_absent("limb_weakness")
    assert slots["requested_slot"] == "q_stroke_screen"  # asked again, about the onset
    assert level_after(slots) is Level.EMERGENCY  # a weak face of unknown onset, as the policy reads it


def test_a_yes_kept_unnamed_until_the_list_is_asked_too_often_still_counts() -> None:
    # "yes, one of them", then only "why should I say which?" until the list was asked three times
    said_yes = {
        **EYELID_TWITCH,
        "times_asked": {"q_accompanying": 3},
        "unclear_answers": {"q_accompanying": FIRST_REPLY_WAS_YES},
    }

    # The form resumes after the rule that answered the question back, as Rasa runs it.
    resumed = intake_tracker(said_yes, message("ask_why"), "q_accompanying")
    resumed.events += [
        {"event": "action", "name": "utter_why_asked"},
        {"event": "action", "name": INTAKE_FORM},
    ]

    slots, texts = validate(resumed)

    assert RECORDED_AS_ONE_OF_THEM in texts
    assert level_after(slots) is Level.URGENT


def test_a_yes_to_one_sign_beside_a_denial_of_it_is_asked_again_and_then_counts() -> None:
    # "yeah, he keeps mixing words up since teatime, not slurred though" to "slurred or muddled speech?", twice
    suspected = {**EYELID_TWITCH, "evidence": _evidence_suspecting(EYELID_TWITCH, "speech_difficulty")}
    reply = reply_text(
        "yeah, he keeps mixing words up since teatime, not slurred though",
        "inform",
        ("speech_difficulty", "absent"),
    )

    first, texts = validate(intake_tracker(suspected, reply, "q_check_speech_difficulty"))
    assert first["requested_slot"] == "q_check_speech_difficulty"
    assert ASK_WHICH_ONE not in texts  # one sign was asked about: nothing to choose between
    asked_again = {**suspected, "evidence": first["evidence"], "unclear_answers": first["unclear_answers"]}

    slots, _ = validate(intake_tracker(asked_again, reply, "q_check_speech_difficulty"))

    assert level_after(slots) is Level.EMERGENCY


# Everything asked but the last check: the accompanying signs, the impact and the history denied, a trigger told.
ONLY_THE_LAST_CHECK_LEFT = {
    **EYELID_TWITCH,
    **dict.fromkeys((*ACCOMPANYING_SIGNS, "function_impact", "linked_movements", *HISTORY_CODES), "absent"),
    "caffeine": "present",
}


def at_the_last_check(reply: dict[str, Any]) -> tuple[dict[str, Any], list[str]]:
    """The slots and texts after a reply to the last check, everything else asked."""
    return validate(intake_tracker(ONLY_THE_LAST_CHECK_LEFT, reply, "q_emergency_screen"))


def test_a_reply_to_the_last_check_that_denies_only_some_signs_asks_the_rest_once() -> None:
    # "well my arms are fine" to: a weak arm or leg, speech, sight, a sudden bad headache?
    partly = reply_text("well my arms are fine", "deny", ("limb_weakness", "absent", "arms are fine"))

    first, texts = at_the_last_check(partly)

    assert first["requested_slot"] == "q_emergency_screen"
    assert "arm" not in texts[-1] and "speech" in texts[-1]  # only the signs still open
    asked_the_rest = {
        **ONLY_THE_LAST_CHECK_LEFT,
        "evidence": first["evidence"],
        "unclear_answers": first["unclear_answers"],
    }
    slots, _ = validate(intake_tracker(asked_the_rest, partly, "q_emergency_screen"))
    assert slots["requested_slot"] != "q_emergency_screen"
    assert level_after(slots) is not Level.EMERGENCY


def test_denials_asked_again_beside_words_that_read_as_nothing_count_one_of_the_rest() -> None:
    # to the list, then to "weakness or drooping, or severe pain?": "my face isn't weak. I get a sort of zing along
    # the gum now and then"
    denies_some = with_entities("inform", ("numbness_tingling", "absent"), ("hearing_change", "absent"))
    first, _ = validate(intake_tracker(EYELID_TWITCH, denies_some, "q_accompanying"))
    asked_the_rest = {
        **EYELID_TWITCH,
        "evidence": first["evidence"],
        "unclear_answers": first["unclear_answers"],
    }
    reply = reply_text(
        "my face isn't weak. I get a sort of zing along the gum now and then",
        "inform",
        ("facial_weakness", "absent"),
    )
    reply["entities"][0].update(start=3, end=18)

    slots, _ = validate(intake_tracker(asked_the_rest, reply, "q_accompanying"))

    findings = Evidence.from_json(slots["evidence"]).findings
    assert frozenset({"severe_pain", "balance_problem"}) in findings.unresolved_lists()
    assert level_after(slots) is Level.URGENT


ANSWERED_THE_QUESTION = "action_answer_question"


def test_an_answer_after_a_question_back_counts_once_the_question_is_answered() -> None:
    # "is that bad then? nope, I can still read and drive fine" to what the twitch gets in the way of: the person's
    # question is answered first (the rule), then the intake reads the "nope" instead of asking again.
    asked_back = reply_text(
        "is that bad then? nope, I can still read and drive fine",
        "ask_question",
        ("function_impact", "absent"),
    )

    slots, _ = validate(resumed_intake_tracker(EYELID_TWITCH, asked_back, "q_impact", ANSWERED_THE_QUESTION))

    findings = Evidence.from_json(slots["evidence"]).findings
    assert findings.is_absent("function_impact") and findings.is_absent("linked_movements")
    assert slots["requested_slot"] != "q_impact"


def test_a_question_back_followed_by_no_answer_is_asked_again() -> None:
    # "why would it? what are you getting at": a second question without its mark, no answer to ours.
    only_asking = reply_text("why would it? what are you getting at", "ask_question")

    accompanying_denied = {**EYELID_TWITCH, **dict.fromkeys(ACCOMPANYING_SIGNS, "absent")}
    slots, _ = validate(
        resumed_intake_tracker(accompanying_denied, only_asking, "q_impact", ANSWERED_THE_QUESTION)
    )

    assert slots["requested_slot"] == "q_impact"
    assert "evidence" not in slots  # nothing recorded


def test_the_last_check_never_answered_but_asked_back_about_is_the_emergency() -> None:
    # Only ever asked back about ("what's that a list of?"), three times: unclear, so the emergency, and not asked
    # a fourth time.
    screened_rest = {**ONLY_THE_LAST_CHECK_LEFT, "times_asked": {"q_emergency_screen": 3}}
    slots, texts = validate(
        resumed_intake_tracker(
            screened_rest,
            reply_text("what's that a list of?", "ask_question"),
            "q_emergency_screen",
            ANSWERED_THE_QUESTION,
        )
    )

    assert RECORDED_AS_ONE_OF_THEM in texts
    assert level_after(slots) is Level.EMERGENCY
    assert slots["requested_slot"] is None


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        # the sign in words nobody listed, its suddenness read, the other signs denied
        ("came over me all at once at teatime, everything in pairs. legs are fine, talking fine", "inform"),
        # a "no" taken back on second thoughts is no "no"
        ("Nope... wait, at teatime the telly went to two pictures all at once. legs and speech fine", "deny"),
    ],
)
def test_something_sudden_told_at_the_last_check_in_words_naming_no_sign_is_a_yes(
    text: str, intent: str
) -> None:
    sudden = reply_text(
        text,
        intent,
        ("sudden_onset", "present"),
        ("limb_weakness", "absent"),
        ("speech_difficulty", "absent"),
    )

    slots, _ = at_the_last_check(sudden)

    assert level_after(slots) is Level.EMERGENCY


def test_a_reply_to_the_last_check_that_says_nothing_of_it_is_asked_again_then_counts_as_unclear() -> None:
    # "I'm on my own all day, and I had a queer turn after my porridge I can't put words to": neither yes, no nor
    # not sure, and nothing of the signs; read as a description.
    nothing_of_it = reply_text(
        "I'm on my own all day, and I had a queer turn after my porridge I can't put words to",
        "describe_symptoms",
    )

    first, _ = at_the_last_check(nothing_of_it)

    assert first["requested_slot"] == "q_emergency_screen"
    assert "evidence" not in first  # nothing settled by it
    asked_again = {**ONLY_THE_LAST_CHECK_LEFT, "unclear_answers": first["unclear_answers"]}
    slots, _ = validate(intake_tracker(asked_again, nothing_of_it, "q_emergency_screen"))
    assert level_after(slots) is Level.EMERGENCY


def test_a_no_of_its_own_the_classifier_missed_answers_the_last_check() -> None:
    # "No to all. Had a dull ache on Tuesday after a day of spreadsheets, went with sleep": a "no", however classified.
    no_to_all = reply_text(
        "No to all. Had a dull ache on Tuesday after a day of spreadsheets, went with sleep",
        "describe_symptoms",
    )

    slots, _ = at_the_last_check(no_to_all)

    assert slots["requested_slot"] != "q_emergency_screen"
    assert level_after(slots) is not Level.EMERGENCY


def test_pointing_back_at_the_last_check_is_a_yes_to_the_signs_left_undenied() -> None:
    # "just the reading thing I told you about. arms fine, talking fine"
    points_back = reply_text(
        "just the reading thing I told you about. arms fine, talking fine",
        "describe_symptoms",
        ("points_back", "present"),
        ("limb_weakness", "absent"),
        ("speech_difficulty", "absent"),
    )
    asked_the_rest = {**ONLY_THE_LAST_CHECK_LEFT, "unclear_answers": {"q_emergency_screen": "partly"}}

    slots, _ = validate(intake_tracker(asked_the_rest, points_back, "q_emergency_screen"))

    assert level_after(slots) is Level.EMERGENCY


def test_thanks_at_the_last_check_settles_nothing() -> None:
    # "cheers" is small talk, not a "no": the check is asked again after it is answered.
    slots, _ = at_the_last_check(reply_text("cheers", "thank"))

    assert "evidence" not in slots


@pytest.mark.parametrize(
    ("other_words", "counted"),
    [
        # a time earlier today: the check asks about signs that came on suddenly
        ("since teatime the print in my paper keeps splitting in two", True),
        ("the print in my paper has been swimming for a month, new glasses due", False),
    ],
)
def test_denials_of_the_others_asked_again_at_the_last_check_beside_unread_words(
    other_words: str, counted: bool
) -> None:
    # "legs work fine. <other words>", then asked about sight, speech and a headache, the same words again.
    reply = reply_text(
        f"legs work fine. {other_words}", "inform", ("limb_weakness", "absent", "legs work fine")
    )
    # the learned reader's doubt about the whole message reads none of its words
    reply["entities"].append(
        {"entity": "suspected_sign", "value": "sudden_onset", "start": 0, "end": len(reply["text"])}
    )
    first, texts = at_the_last_check(reply)
    assert "arm" not in texts[-1] and "vision" in texts[-1]
    asked_the_rest = {
        **ONLY_THE_LAST_CHECK_LEFT,
        "evidence": first["evidence"],
        "unclear_answers": first["unclear_answers"],
    }

    slots, _ = validate(intake_tracker(asked_the_rest, reply, "q_emergency_screen"))

    assert slots["requested_slot"] != "q_emergency_screen"
    assert (level_after(slots) is Level.EMERGENCY) is counted
    assert Evidence.from_json(slots["evidence"]).findings.is_absent("limb_weakness")


def test_something_sudden_told_after_a_no_of_its_own_is_no_yes() -> None:
    # "nah. woke up with a hangover headache sat, gone by lunch. arms and speech fine": the waking is read as sudden.
    after_a_no = reply_text(
        "nah. woke up with a hangover headache sat, gone by lunch. arms and speech fine",
        "deny",
        ("sudden_onset", "present"),
        ("limb_weakness", "absent"),
        ("speech_difficulty", "absent"),
    )

    slots, _ = at_the_last_check(after_a_no)

    assert level_after(slots) is not Level.EMERGENCY


def test_a_statement_worded_as_a_question_that_answers_ours_is_an_answer() -> None:
    # "Is same like before, not worse" (no question mark) to: is it getting worse?
    worded_as_a_question = reply_text(
        "Is same like before, not worse, only the lid", "ask_question", ("worsening", "absent")
    )
    twitch_only = {key: value for key, value in EYELID_TWITCH.items() if key not in ("worsening", "spread")}

    slots, _ = validate(intake_tracker(twitch_only, worded_as_a_question, "q_progression"))

    assert Evidence.from_json(slots["evidence"]).findings.is_absent("worsening")
    assert slots["requested_slot"] != "q_progression"


@pytest.mark.parametrize(
    ("text", "ends_the_intake"),
    [
        ("He hasn't said. I'd have to ask him", False),  # read as a goodbye, but no words of leaving
        ("ok bye for now, thanks", True),
    ],
)
def test_only_words_of_leaving_end_the_intake(text: str, ends_the_intake: bool) -> None:
    slots, _ = validate(intake_tracker(EYELID_TWITCH, reply_text(text, "goodbye"), "q_accompanying"))

    # the form rejects a goodbye, so that the rule that says goodbye runs; a reply is read and asked again
    assert (slots == {"requested_slot": "q_accompanying"}) is ends_the_intake
    assert slots["requested_slot"] == "q_accompanying"


@pytest.mark.parametrize(
    ("text", "intent", "leaves_the_question"),
    [
        # read as starting over, but no words of it
        ("Couldn't tell you till she's home from bingo", "start_over", False),
        ("hang on, can we start again from the beginning", "start_over", True),
        # read as erasing, but no words of it: a "no"
        ("nope, all clear", "delete_my_data", False),
        ("please wipe everything I've told you", "delete_my_data", True),
        ("can you delete my details", "delete_my_data", True),
    ],
)
def test_only_words_of_starting_again_or_erasing_leave_the_question_for_doing_so(
    text: str, intent: str, leaves_the_question: bool
) -> None:
    slots, _ = validate(intake_tracker(EYELID_TWITCH, reply_text(text, intent), "q_accompanying"))

    # the form rejects a wish to start over or erase, so that the rule asking to confirm it runs; a reply is read
    # (and asked again if it answers nothing)
    assert (slots == {"requested_slot": "q_accompanying"}) is leaves_the_question


def test_a_real_question_without_an_answer_still_pauses_the_intake() -> None:
    asking = reply_text("is it usual for it to go on this long", "ask_question")

    slots, _ = validate(intake_tracker(EYELID_TWITCH, asking, "q_accompanying"))

    assert slots == {"requested_slot": "q_accompanying"}  # the form rejects: the question is answered first


def test_the_rest_of_the_last_check_met_by_denials_alone_is_a_no() -> None:
    denials = reply_text(
        "arms fine, eyes fine, no headache",
        "inform",
        ("limb_weakness", "absent", "arms fine"),
        ("vision_loss", "absent", "eyes fine"),
        ("severe_headache", "absent", "no headache"),
    )
    first, _ = at_the_last_check(denials)
    asked_again = {**ONLY_THE_LAST_CHECK_LEFT, "unclear_answers": first["unclear_answers"]}

    slots, _ = validate(intake_tracker(asked_again, denials, "q_emergency_screen"))

    assert level_after(slots) is not Level.EMERGENCY


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("Nope, all fine again since about four", "deny"),
        ("no it wore off after a quarter of an hour", "deny"),
        ("Not any more, no", "deny"),
        ("she's right as rain now", "inform"),
    ],
)
def test_a_sign_told_as_passed_to_a_question_asked_even_if_it_has_passed_is_a_yes(
    text: str, intent: str
) -> None:
    # Stroke signs that pass within minutes still need the emergency number: "no, fine again" to "have you had
    # weakness in an arm or a leg, even if it has passed?" says it was there.
    suspected = {**EYELID_TWITCH, "evidence": _evidence_suspecting(EYELID_TWITCH, "limb_weakness")}

    slots, _ = validate(intake_tracker(suspected, reply_text(text, intent), "q_check_limb_weakness"))

    assert Evidence.from_json(slots["evidence"]).findings.is_present("limb_weakness")
    assert level_after(slots) is Level.EMERGENCY


@pytest.mark.parametrize(
    ("text", "entities"),
    [
        # the passing is the twitch's
        ("no, the twitching is fine again now", [("twitching", "present")]),
        # the sign denied by name: it came on over days
        ("No, it crept on over a week and went away", [("sudden_onset", "absent")]),
        # long ago: history, asked elsewhere
        ("no, I had it years back and it went away", []),
    ],
)
def test_a_passing_that_is_the_twitchs_long_ago_or_of_a_denied_sign_is_still_a_no(
    text: str, entities: list[tuple[str, str]]
) -> None:
    suspected = {**EYELID_TWITCH, "evidence": _evidence_suspecting(EYELID_TWITCH, "sudden_onset")}

    slots, _ = validate(
        intake_tracker(suspected, reply_text(text, "deny", *entities), "q_check_sudden_onset")
    )

    assert Evidence.from_json(slots["evidence"]).findings.is_absent("sudden_onset")
