"""Questions and "why?": the knowledge and explanation actions on small trackers."""

from __future__ import annotations

import asyncio
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.assessment import NOTHING_TO_EXPLAIN, ActionExplainWhy
from actions.knowledge import WHICH_TOPIC, ActionAnswerQuestion
from bot.intents import EMERGENCY_EVIDENCE_KEY, EVIDENCE_FINDINGS
from bot.knowledge.items import NOT_COVERED, NOT_COVERED_TOPIC, answer
from tests.actions.trackers import message, tracker_after


def run(action: Action, tracker: Tracker) -> tuple[list[dict[str, Any]], list[str]]:
    dispatcher = CollectingDispatcher()
    events = asyncio.run(action.run(dispatcher, tracker, {}))
    return events, [sent.get("text") or "" for sent in dispatcher.messages]


def test_a_question_on_a_topic_gets_that_topics_answer() -> None:
    question = message("ask_question")
    question["entities"] = [{"entity": "topic", "value": "hemifacial_spasm"}]

    _, texts = run(ActionAnswerQuestion(), tracker_after(question))

    assert texts == [answer("hemifacial_spasm").text]


def test_the_best_item_leads_and_two_at_most_are_given() -> None:
    question = message("ask_question")
    question["entities"] = [
        {"entity": "topic", "value": topic} for topic in ("caffeine", "stress", "caffeine", "sleep")
    ]

    _, texts = run(ActionAnswerQuestion(), tracker_after(question))

    assert texts == [answer("caffeine").text, answer("stress").text]


def test_a_question_the_sources_do_not_answer_is_told_so() -> None:
    question = message("ask_question")
    question["entities"] = [{"entity": "topic", "value": NOT_COVERED_TOPIC}]

    _, texts = run(ActionAnswerQuestion(), tracker_after(question))

    assert texts == [NOT_COVERED]


def test_a_topic_this_action_server_does_not_know_is_not_answered() -> None:
    # A model trained on older items than the action server's: the person is asked which topic, nothing breaks.
    question = message("ask_question")
    question["entities"] = [{"entity": "topic", "value": "mri"}]

    _, texts = run(ActionAnswerQuestion(), tracker_after(question))

    assert texts == [WHICH_TOPIC]


def test_a_question_without_a_topic_is_asked_which_topic() -> None:
    _, texts = run(ActionAnswerQuestion(), tracker_after(message("ask_question")))
    assert texts == [WHICH_TOPIC]


def test_a_question_that_names_a_symptom_starts_the_intake() -> None:
    events, texts = run(
        ActionAnswerQuestion(), tracker_after(message("ask_question", {"twitching": "present"}))
    )
    assert texts == []
    assert events[-1] == {"event": "active_loop", "name": "intake_form", "timestamp": None}
    assert {"event": "slot", "name": "twitching", "value": "present", "timestamp": None} in events


def test_a_question_that_carries_a_symptom_is_answered_and_the_symptom_counts() -> None:
    # "does caffeine make your cheek go numb like mine does?": a topic, and a numb cheek of the person's own.
    numb_cheek_question = message("ask_question", {"numbness_tingling": "present"})
    numb_cheek_question["entities"].append({"entity": "topic", "value": "caffeine"})

    events, texts = run(ActionAnswerQuestion(), tracker_after(numb_cheek_question))

    assert texts == [answer("caffeine").text]
    evidence = next(event["value"] for event in events if event.get("name") == "evidence")
    assert evidence["statuses"] == {"numbness_tingling": "present"}
    assert events[-1]["name"] == "intake_form"


def test_after_the_emergency_answer_a_question_gets_only_answers_that_say_the_same() -> None:
    # "my face has dropped on one side, is it stress or bell's palsy?": the emergency answer has been given.
    dropped_face_question = message(
        "report_emergency", {"facial_weakness": "present"}, **{EMERGENCY_EVIDENCE_KEY: EVIDENCE_FINDINGS}
    )
    dropped_face_question["entities"] += [
        {"entity": "topic", "value": "stress"},
        {"entity": "topic", "value": "bells_palsy"},
    ]

    events, texts = run(ActionAnswerQuestion(), tracker_after(dropped_face_question))

    # Not "stress can cause twitching" after an emergency; the assessment records the findings, and no intake.
    assert texts == [answer("bells_palsy").text]
    assert events == []


def test_after_the_emergency_answer_is_it_serious_is_answered_with_the_signs_that_are() -> None:
    # "I can't lift my arm and my eye twitches, is this serious?": never "usually not".
    weak_arm_question = message(
        "report_emergency", {"limb_weakness": "present"}, **{EMERGENCY_EVIDENCE_KEY: EVIDENCE_FINDINGS}
    )
    weak_arm_question["entities"].append({"entity": "topic", "value": "is_it_serious"})

    _, texts = run(ActionAnswerQuestion(), tracker_after(weak_arm_question))

    assert texts == [answer("red_flags").text]


def test_why_before_any_assessment_says_there_is_nothing_to_explain_yet() -> None:
    _, texts = run(ActionExplainWhy(), tracker_after(message("ask_why")))
    assert texts == [NOTHING_TO_EXPLAIN]


def test_is_it_serious_asked_with_a_red_flag_sign_is_answered_by_the_signs_that_need_a_doctor() -> None:
    # "my cheek flickers and I can't hear well on that side, should I worry?": not "usually not".
    question = message("ask_question", {"twitching": "present", "hearing_change": "present"})
    question["entities"].append({"entity": "topic", "value": "is_it_serious"})

    events, texts = run(ActionAnswerQuestion(), tracker_after(question))

    assert texts == [answer("red_flags").text]
    assert events[-1]["name"] == "intake_form"


def test_what_helps_asked_after_a_red_flag_sign_was_told_is_answered_by_when_to_see_a_doctor() -> None:
    question = message("ask_question")
    question["entities"] = [{"entity": "topic", "value": "self_care"}]
    told_before = {"numbness_tingling": "present"}

    _, texts = run(ActionAnswerQuestion(), tracker_after(question, told_before))

    assert texts == [answer("when_to_see_doctor").text]


def test_is_it_serious_without_a_red_flag_sign_keeps_its_own_answer() -> None:
    question = message("ask_question", {"twitching": "present"})
    question["entities"].append({"entity": "topic", "value": "is_it_serious"})

    _, texts = run(ActionAnswerQuestion(), tracker_after(question))

    assert texts == [answer("is_it_serious").text]
