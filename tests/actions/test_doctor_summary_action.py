"""The summary for the doctor in the chat (actions/doctor_summary.py) and its offer after the assessment."""

from __future__ import annotations

import asyncio
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.assessment import ActionAssess
from actions.doctor_summary import (
    IN_THE_WIDGET,
    NO_SUMMARY_YET,
    SUMMARY_BUTTON,
    SUMMARY_OFFER,
    ActionDoctorSummary,
)
from bot.doctor_summary.summary import NOT_A_DIAGNOSIS, POLICY_VERSION, TITLE
from bot.knowledge.items import MAX_MESSAGE_CHARS
from tests.actions.trackers import message, tracker_after
from tests.doctor_summary.conversations import assessed_events, user


def tracker_with(events: list[dict[str, Any]], channel: str) -> Tracker:
    latest = {**user("summary for your doctor", "request_summary"), "input_channel": channel}
    slots = {event["name"]: event["value"] for event in events if event["event"] == "slot"}
    return Tracker(
        sender_id="person",
        slots=slots,
        latest_message=latest["parse_data"],
        events=[*events, latest],
        paused=False,
        followup_action=None,
        active_loop={},
        latest_action_name="action_listen",
    )


def run(tracker: Tracker) -> list[dict[str, Any]]:
    dispatcher = CollectingDispatcher()
    asyncio.run(ActionDoctorSummary().run(dispatcher, tracker, {}))
    return dispatcher.messages


def test_in_a_chat_the_summary_comes_as_messages_that_fit_a_phone_screen() -> None:
    for channel in ("rest", "slack", "telegram"):
        sent = run(tracker_with(assessed_events(), channel))
        texts = [item["text"] for item in sent]
        assert texts[0].startswith(TITLE) and texts[-1].endswith(NOT_A_DIAGNOSIS)
        assert all(len(text) <= MAX_MESSAGE_CHARS for text in texts)
        assert not any(item.get("custom") for item in sent)


def test_in_the_web_widget_the_summary_comes_whole_for_copy_and_print() -> None:
    sent = run(tracker_with(assessed_events(), "socketio"))
    assert sent[0]["text"] == IN_THE_WIDGET
    summary = sent[1]["custom"]["data"]["doctor_summary"]
    assert summary["title"] == TITLE and summary["disclaimer"] == NOT_A_DIAGNOSIS
    assert summary["text"].startswith(TITLE) and summary["policy_version"] == POLICY_VERSION


def test_before_any_assessment_there_is_no_summary() -> None:
    sent = run(tracker_with([user("hello", "greet")], "rest"))
    assert [item["text"] for item in sent] == [NO_SUMMARY_YET]


def test_the_assessment_offers_the_summary_and_records_the_policy_version() -> None:
    latest = message(
        "describe_symptoms",
        {"twitching": "present", "facial_weakness": "absent", "severe_pain": "absent"},
    )
    dispatcher = CollectingDispatcher()
    tracker = tracker_after(latest, {"emergency_number": "999"})
    events = asyncio.run(ActionAssess().run(dispatcher, tracker, {}))

    assert dispatcher.messages[-1]["text"] == SUMMARY_OFFER
    assert dispatcher.messages[-1]["buttons"] == [SUMMARY_BUTTON]
    (assessment,) = [event["value"] for event in events if event.get("name") == "assessment"]
    assert assessment["policy_version"] == POLICY_VERSION


def test_after_the_emergency_answer_the_summary_is_offered_too() -> None:
    latest = message(
        "report_emergency",
        {"facial_weakness": "present", "sudden_onset": "present", "limb_weakness": "present"},
        emergency_evidence="findings",
    )
    dispatcher = CollectingDispatcher()
    asyncio.run(ActionAssess().run(dispatcher, tracker_after(latest), {}))
    assert [item["text"] for item in dispatcher.messages] == [SUMMARY_OFFER]
