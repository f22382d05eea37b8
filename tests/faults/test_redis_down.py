"""Redis goes away from one of two replicas: that replica's turn fails without touching the conversation, the
other replica carries on, and the failed replica works again once Redis is back.

The replica's Redis connection goes through a TcpProxy that the test cuts, so the machine's Redis stays up.
Needs the machine's PostgreSQL and Redis; a fresh database and a unique lock-key prefix per run.
"""

from __future__ import annotations

import json
import urllib.error
import uuid
from collections.abc import Iterator

import pytest
import redis

from bot.eval.rest_client import ChatClient, question_asked
from tests.conftest import RunningBot, start_bot
from tests.faults.proxy import TcpProxy
from tests.privacy.conversations import ANSWERS, VAGUE_OPENING, answer_until_assessed
from tests.privacy.stores import fresh_postgres_database, stored_events, user_texts

REDIS_HOST, REDIS_PORT = "127.0.0.1", 6379


@pytest.fixture(scope="module")
def redis_proxy() -> Iterator[TcpProxy]:
    proxy = TcpProxy(REDIS_HOST, REDIS_PORT)
    proxy.open()
    yield proxy
    proxy.cut()


@pytest.fixture(scope="module")
def replicas(tmp_path_factory: pytest.TempPathFactory, redis_proxy: TcpProxy) -> Iterator[list[RunningBot]]:
    """Replica 0 reaches Redis directly, replica 1 through the proxy; one PostgreSQL database, one key prefix."""
    prefix = f"redisdown{uuid.uuid4().hex[:12]}"  # Rasa ignores a prefix that is not alphanumeric
    started: list[RunningBot] = []
    with fresh_postgres_database("redisdown") as database:
        try:
            for index, port in enumerate((REDIS_PORT, redis_proxy.port)):
                env = {
                    "TRACKER_STORE_URL": database,
                    "LOCK_STORE_URL": f"redis://{REDIS_HOST}:{port}/0",
                    "LOCK_STORE_PREFIX": prefix,
                }
                started.append(start_bot(tmp_path_factory.mktemp(f"replica_{index}"), env))
            yield started
        finally:
            for bot in started:
                bot.servers.stop()
            client = redis.Redis(REDIS_HOST, REDIS_PORT)
            for key in client.scan_iter(f"{prefix}:*"):
                client.delete(key)


def test_a_replica_without_redis_fails_the_turn_and_leaves_the_conversation_intact(
    replicas: list[RunningBot], redis_proxy: TcpProxy
) -> None:
    sender = f"redis-down-{uuid.uuid4().hex[:10]}"
    healthy, cut_off = (ChatClient(bot.rasa_url, sender) for bot in replicas)
    question = question_asked(healthy.send(VAGUE_OPENING))
    assert question is not None
    question = question_asked(cut_off.send(ANSWERS[question]))
    assert question is not None
    stored_before = stored_events(replicas[0].env, sender)

    redis_proxy.cut()
    try:
        with pytest.raises(urllib.error.HTTPError) as failed:
            cut_off.send(ANSWERS[question])
        stored_during = stored_events(replicas[0].env, sender)
        next_question = question_asked(healthy.send(ANSWERS[question]))
    finally:
        redis_proxy.open()

    assert failed.value.code == 500
    assert "something went wrong" in json.loads(failed.value.read())["message"]
    assert stored_during == stored_before
    assert next_question != question  # the healthy replica took the answer and moved on
    answer_until_assessed(cut_off, next_question)
    kept = user_texts(stored_before)
    assert user_texts(stored_events(replicas[0].env, sender))[: len(kept)] == kept
