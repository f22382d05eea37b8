"""The action server dies: the emergency answer still comes, at the start and in the middle of the intake, and
the conversation carries on where it was once the action server is back (README.md)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pytest

from bot.eval.rest_client import question_asked
from bot.server.launcher import ACTIONS
from tests.conftest import RunningBot, start_bot
from tests.privacy.conversations import ANSWERS, VAGUE_OPENING, new_client, reply_texts

EMERGENCY = "my face has suddenly drooped and my arm is weak"
EMERGENCY_ANSWER_START = "⚠️ EMERGENCY"


@pytest.fixture(scope="module")
def bot(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningBot]:
    running = start_bot(tmp_path_factory.mktemp("action_server_down"))
    yield running
    running.servers.stop()


@contextmanager
def action_server_down(bot: RunningBot) -> Iterator[None]:
    """The action server is killed (SIGKILL) for the block, and started again after it."""
    bot.servers.kill(ACTIONS)
    try:
        yield
    finally:
        bot.servers.restart(ACTIONS)


def assert_emergency_answer(replies: list[dict[str, object]]) -> None:
    # How each channel marks it as an alert is tests/integration's concern; here: the answer itself comes.
    texts = reply_texts(replies)
    assert texts and texts[0].startswith(EMERGENCY_ANSWER_START), texts


def test_the_emergency_answer_comes_at_the_start_without_the_action_server(bot: RunningBot) -> None:
    person = new_client(bot, "down-start")

    with action_server_down(bot):
        assert_emergency_answer(person.send(EMERGENCY))
        assert person.tracker()["slots"]["triage_level"] == "emergency"


def test_an_emergency_that_asks_a_question_gets_the_emergency_answer_without_the_action_server(
    bot: RunningBot,
) -> None:
    # The answer to the question is a custom action, after the emergency answer: only it is lost.
    person = new_client(bot, "down-question")

    with action_server_down(bot):
        assert_emergency_answer(
            person.send("my face just dropped on one side, what are the signs of a stroke?")
        )
        assert person.tracker()["slots"]["triage_level"] == "emergency"


def test_the_emergency_answer_comes_during_the_intake_without_the_action_server(bot: RunningBot) -> None:
    person = new_client(bot, "down-intake")
    assert question_asked(person.send(VAGUE_OPENING)) is not None

    with action_server_down(bot):
        assert_emergency_answer(person.send(EMERGENCY))
        tracker = person.tracker()

    assert tracker["slots"]["triage_level"] == "emergency"
    assert tracker["active_loop"].get("name") is None  # the intake was left: no question after the alarm


def test_the_intake_carries_on_where_it_was_once_the_action_server_is_back(bot: RunningBot) -> None:
    person = new_client(bot, "down-resume")
    question = question_asked(person.send(VAGUE_OPENING))
    assert question is not None
    before = person.tracker()

    answer = ANSWERS[question]
    with action_server_down(bot):
        person.send(answer)  # lost: the form cannot validate it without the action server

    after = person.tracker()
    assert after["active_loop"] == before["active_loop"]
    assert after["slots"]["requested_slot"] == before["slots"]["requested_slot"] == question
    assert question_asked(person.send(answer)) != question  # answered now, so the next question comes


def test_an_answer_during_the_intake_gets_a_reply_without_the_action_server(bot: RunningBot) -> None:
    person = new_client(bot, "down-silent")
    person.send(VAGUE_OPENING)

    with action_server_down(bot):
        replies = reply_texts(person.send("I don't know"))

    # Not silence: the person is told to try again, and what to do in an emergency meanwhile.
    assert len(replies) == 1
    assert "try again" in replies[0] and "emergency number" in replies[0]
