"""The intake form's validation (actions/intake.py), run on small trackers as the action server would."""

from __future__ import annotations

import asyncio
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.intake import ValidateIntakeForm
from bot.triage.question_wording import (
    ASK_AGAIN,
    ASK_WHICH_ONE,
    RECORDED_AS_NOT_KNOWN,
    RECORDED_AS_ONE_OF_THEM,
    UPDATED,
)
from tests.actions.trackers import intake_tracker, message

# A weakness that came on gradually, stroke screen negative: urgent, the checklist of other signs still open.
GRADUAL_WEAKNESS_SCREENED = {
    "twitching": "present",
    "facial_weakness": "present",
    "sudden_onset": "absent",
    "limb_weakness": "absent",
    "speech_difficulty": "absent",
    "vision_loss": "absent",
    "locations": ["eyelid"],
    "face_side": "left",
    "duration_days": "3",
    "asked": ["sudden_onset", "limb_weakness", "speech_difficulty", "vision_loss"],
}


def validate(tracker: Tracker) -> tuple[dict[str, Any], list[str]]:
    """The slots the validation sets, and the texts it sends."""
    dispatcher = CollectingDispatcher()
    events = asyncio.run(ValidateIntakeForm().run(dispatcher, tracker, {}))
    slots = {event["name"]: event["value"] for event in events if event["event"] == "slot"}
    return slots, [sent.get("text") or "" for sent in dispatcher.messages]


def test_naming_the_known_gradual_weakness_in_the_checklist_answers_it() -> None:
    just_the_drooping = message(
        "report_emergency", {"facial_weakness": "present"}, emergency_evidence="findings"
    )

    slots, texts = validate(intake_tracker(GRADUAL_WEAKNESS_SCREENED, just_the_drooping, "q_accompanying"))

    assert slots["triage_level"] is None  # the level the emergency intent's mapping set is taken back
    for other_sign in ("severe_pain", "numbness_tingling", "hearing_change", "balance_problem"):
        assert slots[other_sign] == "absent"
    # Answered: not asked again (with the level settled at urgent, the intake may well be done).
    assert slots["requested_slot"] != "q_accompanying"
    assert all("emergency" not in text.lower() for text in texts)


def test_a_new_emergency_sign_in_the_checklist_leaves_the_form_to_the_emergency_rules() -> None:
    drooping_and_slurring = message(
        "report_emergency",
        {"facial_weakness": "present", "speech_difficulty": "present"},
        emergency_evidence="findings",
    )

    slots, texts = validate(
        intake_tracker(GRADUAL_WEAKNESS_SCREENED, drooping_and_slurring, "q_accompanying")
    )

    assert slots == {"requested_slot": "q_accompanying"}  # nothing validated: the form rejects
    assert texts == []


def test_an_emergency_the_person_declares_is_never_taken_as_an_answer() -> None:
    its_a_stroke = message("report_emergency", {"facial_weakness": "present"}, emergency_evidence="declared")

    slots, _ = validate(intake_tracker(GRADUAL_WEAKNESS_SCREENED, its_a_stroke, "q_accompanying"))

    assert slots == {"requested_slot": "q_accompanying"}


# Where, which side, how long and how it changes are known: the accompanying-signs checklist comes next.
EYELID_TWITCH = {
    "twitching": "present",
    "worsening": "absent",
    "spread": "absent",
    "eye_closure": "absent",
    "locations": ["eyelid"],
    "face_side": "left",
    "duration_days": "3",
}


def test_a_bare_yes_to_a_checklist_is_asked_which_one() -> None:
    slots, texts = validate(intake_tracker(EYELID_TWITCH, message("affirm"), "q_accompanying"))

    assert texts[0] == ASK_WHICH_ONE
    assert slots["requested_slot"] == "q_accompanying"
    assert slots["unclear_answers"] == {
        "q_accompanying": "yes"
    }  # remembered: a second unclear reply is a yes


def test_not_knowing_is_asked_once_more_then_recorded_as_not_known() -> None:
    not_sure = message("not_sure")

    slots, texts = validate(intake_tracker(EYELID_TWITCH, not_sure, "q_accompanying"))
    assert texts[0] == ASK_AGAIN and slots["requested_slot"] == "q_accompanying"

    asked_once = {**EYELID_TWITCH, "unclear_answers": slots["unclear_answers"]}
    slots, texts = validate(intake_tracker(asked_once, not_sure, "q_accompanying"))
    assert texts[0] == RECORDED_AS_NOT_KNOWN
    assert slots["requested_slot"] != "q_accompanying"
    assert {"facial_weakness", "numbness_tingling"} <= set(slots["asked"])  # asked, and still unknown


def test_words_about_the_warning_signs_read_as_none_of_them_twice_count_one_of_them() -> None:
    # "it's like my cheek belongs to someone else", twice: told of something in words no sign's phrase reads, and
    # neither a "no" nor a "not sure": most likely one of the signs said in words nobody listed.
    unread_words = message("inform")

    slots, texts = validate(intake_tracker(EYELID_TWITCH, unread_words, "q_accompanying"))
    assert texts[0] == ASK_AGAIN

    asked_once = {**EYELID_TWITCH, "unclear_answers": slots["unclear_answers"]}
    slots, texts = validate(intake_tracker(asked_once, unread_words, "q_accompanying"))
    assert texts[0] == RECORDED_AS_ONE_OF_THEM
    assert slots["requested_slot"] != "q_accompanying"


def test_a_correction_is_acknowledged_and_recorded() -> None:
    right_side_after_all = message("correct")
    right_side_after_all["entities"] = [{"entity": "face_side", "value": "right"}]

    slots, texts = validate(intake_tracker(EYELID_TWITCH, right_side_after_all, "q_accompanying"))

    assert texts[0] == UPDATED
    assert slots["face_side"] == "right"


def test_an_answer_read_as_start_over_is_still_an_answer() -> None:
    # "I did start a new inhaler a couple of weeks ago", in reply to the history question, once read as start_over.
    new_inhaler = message("start_over", {"new_medication": "present"})

    slots, _ = validate(intake_tracker(EYELID_TWITCH, new_inhaler, "q_history"))

    assert slots["new_medication"] == "present"
    assert slots["requested_slot"] != "q_history"


def test_a_request_to_start_over_leaves_the_form_to_its_rule() -> None:
    asking = {**message("start_over"), "text": "sorry, can we start over?"}
    slots, texts = validate(intake_tracker(EYELID_TWITCH, asking, "q_history"))

    assert slots == {"requested_slot": "q_history"}
    assert texts == []
