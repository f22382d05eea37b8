"""A whole conversation over HTTP, against both servers started as `make run` starts them."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from bot.eval.rest_client import ChatClient, question_asked
from tests.conftest import SELF_CARE_ANSWERS, RunningBot, start_bot
from tests.privacy.stores import stored_events, user_texts


def slot(tracker: dict[str, Any], name: str) -> Any:
    return tracker["slots"].get(name)


def converse(client: ChatClient, opening: str, answers: dict[str, str], max_turns: int = 12) -> list[str]:
    """Answer every question until none is asked; the questions asked, in order."""
    asked: list[str] = []
    replies = client.send(opening)
    for _ in range(max_turns):
        assert replies, "the assistant went silent"
        question = question_asked(replies)
        if question is None:
            return asked
        asked.append(question)
        replies = client.send(answers[question])
    raise AssertionError(f"still asking after {max_turns} turns: {asked}")


def test_description_to_assessment(running_bot: RunningBot) -> None:
    client = ChatClient(running_bot.rasa_url, "integration-self-care")
    asked = converse(
        client, "my left eyelid keeps jumping since Monday, I'm living on coffee", SELF_CARE_ANSWERS
    )

    assert "q_side" not in asked and "q_location" not in asked and "q_duration" not in asked
    tracker = client.tracker()
    assessment = slot(tracker, "assessment")
    assert slot(tracker, "triage_level") == "self_care"
    assert assessment["level"] == "self_care"
    assert assessment["findings"]["caffeine"] == "present"
    assert assessment["findings"]["facial_weakness"] == "absent"
    assert assessment["explanations"][0] == "myokymia"
    assert assessment["reasons"]


def test_every_message_and_event_is_stored_once_in_order(running_bot: RunningBot) -> None:
    """Rasa keeps recent conversations in memory in front of SQLite (bot.privacy.recent): what SQLite holds must
    still be the conversation exactly, each event once."""
    client = ChatClient(running_bot.rasa_url, "integration-stored-once")
    opening = "my left eyelid keeps jumping since Monday, I'm living on coffee"
    asked = converse(client, opening, SELF_CARE_ANSWERS)

    stored = stored_events(running_bot.env, client.sender)
    assert user_texts(stored) == [opening, *(SELF_CARE_ANSWERS[question] for question in asked)]
    assert len({json.dumps(event, sort_keys=True) for event in stored}) == len(stored)
    assert stored == client.tracker()["events"]


def test_stroke_signs_get_the_emergency_answer_at_once(running_bot: RunningBot) -> None:
    client = ChatClient(running_bot.rasa_url, "integration-emergency")
    replies = client.send("my face suddenly dropped on one side and I can't lift my right arm")

    assert "call" in replies[0]["text"].lower()
    assert any(reply.get("custom", {}).get("urgency") == "emergency" for reply in replies)
    assert slot(client.tracker(), "triage_level") == "emergency"


def test_conversation_survives_a_restart(tmp_path: Path) -> None:
    bot = start_bot(tmp_path)
    try:
        client = ChatClient(bot.rasa_url, "integration-restart")
        client.send("my right cheek has been twitching for 3 weeks")
    finally:
        bot.servers.stop()

    restarted = start_bot(tmp_path, extra_env={"RASA_PORT": bot.env["RASA_PORT"]})
    try:
        client = ChatClient(restarted.rasa_url, "integration-restart")
        tracker = client.tracker()
        assert slot(tracker, "face_side") == "right"
        assert slot(tracker, "locations") == ["cheek"]
        assert any(event.get("event") == "user" for event in tracker["events"])

        client.send("no")
        texts = user_texts(stored_events(restarted.env, client.sender))
        assert texts == ["my right cheek has been twitching for 3 weeks", "no"]
        assert slot(client.tracker(), "face_side") == "right"
    finally:
        restarted.servers.stop()
