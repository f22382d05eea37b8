"""Two Rasa replicas behind an imaginary load balancer share one PostgreSQL tracker store and one Redis lock
store; every turn of 20 simultaneous conversations goes to the other replica than the turn before.

Needs the machine's PostgreSQL (127.0.0.1:5432, user postgres, trust auth) and Redis (127.0.0.1:6379). Each run
gets a fresh database and its own Redis key prefix, and removes both afterwards.
"""

from __future__ import annotations

import threading
import time
import uuid
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

import psycopg2
import pytest
import redis

from bot.eval.rest_client import ChatClient, question_asked
from tests.conftest import SELF_CARE_ANSWERS, RunningBot, start_bot

POSTGRES = "postgresql://postgres@127.0.0.1:5432"
REDIS = "redis://127.0.0.1:6379/0"
CONVERSATIONS = 20
TIME_LIMIT_SECONDS = 180
MAX_TURNS = 14

OPENING = "my left eyelid keeps jumping since Monday, I'm living on coffee"
# How each person answers whichever follow-up question comes.
ANSWERS = {**SELF_CARE_ANSWERS, "q_stroke_screen": "none of those"}
# Sent to both replicas at the same moment once assessed: only the lock store keeps these two turns apart.
SIMULTANEOUS = ("thanks", "thank you so much")


@dataclass
class Conversation:
    sender: str
    sent: list[str] = field(default_factory=list)


@pytest.fixture(scope="module")
def tracker_database() -> Iterator[str]:
    name = f"scaleout_{uuid.uuid4().hex[:12]}"
    admin = psycopg2.connect(f"{POSTGRES}/postgres")
    admin.autocommit = True
    with admin.cursor() as cursor:
        cursor.execute(f'CREATE DATABASE "{name}"')
    yield f"{POSTGRES}/{name}"
    with admin.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    admin.close()


@pytest.fixture(scope="module")
def lock_prefix() -> Iterator[str]:
    prefix = f"scaleout{uuid.uuid4().hex[:12]}"  # Rasa ignores a prefix that is not alphanumeric
    yield prefix
    client = redis.Redis.from_url(REDIS)
    for key in client.scan_iter(f"{prefix}:*"):
        client.delete(key)


@pytest.fixture(scope="module")
def replicas(
    tmp_path_factory: pytest.TempPathFactory, tracker_database: str, lock_prefix: str
) -> Iterator[list[RunningBot]]:
    shared = {
        "TRACKER_STORE_URL": tracker_database,
        "LOCK_STORE_URL": REDIS,
        "LOCK_STORE_PREFIX": lock_prefix,
    }
    started: list[RunningBot] = []
    try:
        # One after the other: the first creates the tables, so the two never race to.
        for replica in ("a", "b"):
            started.append(start_bot(tmp_path_factory.mktemp(f"replica_{replica}"), shared))
        yield started
    finally:
        for bot in started:
            bot.servers.stop()


def clients(replicas: list[RunningBot], sender: str) -> list[ChatClient]:
    return [ChatClient(bot.rasa_url, sender, timeout=60) for bot in replicas]


def converse(replicas: list[RunningBot], conversation: Conversation, first_replica: int) -> None:
    """Answer every question until the assessment, each turn through the other replica."""
    by_replica = clients(replicas, conversation.sender)

    def say(turn: int, text: str) -> list[dict[str, Any]]:
        conversation.sent.append(text)
        return by_replica[(first_replica + turn) % len(by_replica)].send(text)

    replies = say(0, OPENING)
    for turn in range(1, MAX_TURNS):
        question = question_asked(replies)
        if question is None:
            return
        replies = say(turn, ANSWERS[question])
    raise AssertionError(f"{conversation.sender}: still asking after {MAX_TURNS} turns")


def send_simultaneously(replicas: list[RunningBot], conversation: Conversation) -> None:
    start = threading.Barrier(len(SIMULTANEOUS))

    def send(client: ChatClient, text: str) -> None:
        start.wait()
        client.send(text)

    threads = [
        threading.Thread(target=send, args=(client, text))
        for client, text in zip(clients(replicas, conversation.sender), SIMULTANEOUS, strict=True)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)


def user_turns(tracker: dict[str, Any]) -> list[list[dict[str, Any]]]:
    """The events, cut at each user message: one list per turn, the user event first."""
    turns: list[list[dict[str, Any]]] = []
    for event in tracker["events"]:
        if event["event"] == "user":
            turns.append([event])
        elif turns:
            turns[-1].append(event)
    return turns


class LockWatcher:
    """Samples Redis for the replicas' lock keys, to show the locks really live there."""

    def __init__(self, prefix: str) -> None:
        self.prefix = prefix
        self.seen: set[str] = set()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._watch, daemon=True)

    def _watch(self) -> None:
        client = redis.Redis.from_url(REDIS)
        while not self._stop.is_set():
            self.seen.update(key.decode() for key in client.scan_iter(f"{self.prefix}:*"))
            time.sleep(0.01)

    def __enter__(self) -> LockWatcher:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


def run_conversation(replicas: list[RunningBot], index: int) -> Conversation:
    conversation = Conversation(sender=f"scaleout-{index}-{uuid.uuid4().hex[:8]}")
    converse(replicas, conversation, first_replica=index % 2)
    send_simultaneously(replicas, conversation)
    return conversation


def test_two_replicas_take_alternate_turns_of_twenty_simultaneous_conversations(
    replicas: list[RunningBot], lock_prefix: str
) -> None:
    started = time.monotonic()
    with LockWatcher(lock_prefix) as locks, ThreadPoolExecutor(max_workers=CONVERSATIONS) as pool:
        conversations = list(pool.map(lambda index: run_conversation(replicas, index), range(CONVERSATIONS)))
    elapsed = time.monotonic() - started

    for conversation in conversations:
        # Either replica serves the whole conversation from the shared store.
        for client in clients(replicas, conversation.sender):
            tracker = client.tracker()
            assert tracker["slots"]["triage_level"], f"{conversation.sender} has no assessment"
            turns = user_turns(tracker)
            said = [turn[0]["text"] for turn in turns]
            sequential, simultaneous = said[: len(conversation.sent)], said[len(conversation.sent) :]
            assert sequential == conversation.sent, f"{conversation.sender}: turns lost, doubled or reordered"
            assert sorted(simultaneous) == sorted(SIMULTANEOUS), f"{conversation.sender}: {simultaneous}"
            # A turn runs to its end (waiting for the next message) before the next one starts.
            assert all(
                turn[-1]["event"] == "action" and turn[-1]["name"] == "action_listen" for turn in turns
            )

    assert {f"{lock_prefix}:lock:{conversation.sender}" for conversation in conversations} & locks.seen
    assert elapsed < TIME_LIMIT_SECONDS, f"the conversations took {elapsed:.0f} s"
