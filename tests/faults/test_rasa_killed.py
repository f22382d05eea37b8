"""Rasa is killed (SIGKILL, as when its machine dies) in the middle of the intake and started again: the
conversation carries on with every slot it had, on SQLite and on PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from bot.eval.rest_client import question_asked
from bot.server.launcher import RASA
from tests.conftest import RunningBot
from tests.privacy.conversations import ANSWERS, VAGUE_OPENING, answer_until_assessed, new_client
from tests.privacy.stores import STORES, running_bot_on, stored_events, user_texts


@pytest.fixture(scope="module", params=STORES)
def bot_on_store(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[RunningBot]:
    with running_bot_on(request.param, tmp_path_factory.mktemp(f"killed_{request.param}"), "killed") as bot:
        yield bot


def test_a_conversation_resumes_with_every_slot_after_rasa_is_killed(bot_on_store: RunningBot) -> None:
    client = new_client(bot_on_store, "killed")
    first_question = question_asked(client.send(VAGUE_OPENING))
    assert first_question is not None
    pending = question_asked(client.send(ANSWERS[first_question]))
    assert pending is not None, "the intake should still be going on when Rasa is killed"
    before = client.tracker()

    bot_on_store.servers.kill(RASA)
    bot_on_store.servers.restart(RASA)

    after = client.tracker()
    assert after["slots"] == before["slots"]
    assert after["active_loop"] == before["active_loop"]
    assert user_texts(after["events"]) == user_texts(before["events"])
    answer_until_assessed(client, pending)
    said = user_texts(stored_events(bot_on_store.env, client.sender))
    assert said[:2] == [VAGUE_OPENING, ANSWERS[first_question]] and len(said) > 2
