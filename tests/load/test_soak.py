"""Soak: 200 persona conversations at once against one assistant on loopback, set up as `make run` sets it up.

Every conversation must reach its assessment with no error, within the time limit, go exactly as the same
persona's conversation goes when played alone (same messages, same level), and the tracker store must hold
exactly what each person said, in order. Latency (p50, p95 per message) is printed, not asserted: it depends
on the machine (two cores here, shared with the rest of the test run).

Each persona is first played once alone. One that does not reach its assessment even then is a dialogue fault,
which tests/dialogue reports; it is named here and left out of the soak, which is about concurrency.
"""

from __future__ import annotations

import statistics
import threading
import time
import uuid
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from itertools import cycle, islice
from typing import Any

import pytest

from bot.eval.rest_client import ChatClient
from bot.eval.vignettes import Outcome, Persona, converse, load_personas
from tests.conftest import RunningBot, start_bot
from tests.privacy.stores import stored_events, user_texts

CONVERSATIONS = 200
TIME_LIMIT_SECONDS = 360
# Generous: with 200 messages in flight on two cores, a message may wait behind most of the others.
REQUEST_TIMEOUT_SECONDS = 180


@dataclass
class TimedChat:
    """ChatClient that records how long each message took to be answered."""

    client: ChatClient
    latencies: list[float]
    lock: threading.Lock

    def send(self, text: str) -> list[dict[str, Any]]:
        started = time.perf_counter()
        replies = self.client.send(text)
        with self.lock:
            self.latencies.append(time.perf_counter() - started)
        return replies

    def tracker(self) -> dict[str, Any]:
        return self.client.tracker()


@dataclass
class Soak:
    outcomes: dict[str, Outcome] = field(default_factory=dict)
    errors: dict[str, BaseException] = field(default_factory=dict)
    latencies: list[float] = field(default_factory=list)
    seconds: float = 0.0


@pytest.fixture(scope="module")
def bot(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningBot]:
    running = start_bot(tmp_path_factory.mktemp("soak"))
    yield running
    running.servers.stop()


def percentile(values: list[float], share: float) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[round(share * 100) - 1]


def run_soak(bot: RunningBot, personas: list[Persona]) -> Soak:
    soak, lock = Soak(), threading.Lock()
    started = time.monotonic()

    def play(sender: str, persona: Persona) -> None:
        chat = TimedChat(
            ChatClient(bot.rasa_url, sender, timeout=REQUEST_TIMEOUT_SECONDS), soak.latencies, lock
        )
        try:
            soak.outcomes[sender] = converse(persona, chat)
        except Exception as error:  # every failure is counted and shown, not only the first
            soak.errors[sender] = error

    with ThreadPoolExecutor(max_workers=CONVERSATIONS) as pool:
        futures = [
            pool.submit(play, f"soak-{persona.id}-{uuid.uuid4().hex[:8]}", persona) for persona in personas
        ]
        _, not_done = wait(futures, timeout=TIME_LIMIT_SECONDS)
        for future in not_done:
            future.cancel()
    soak.seconds = time.monotonic() - started
    assert not not_done, f"{len(not_done)} conversations still running after {TIME_LIMIT_SECONDS} s"
    return soak


def played_alone(bot: RunningBot, personas: list[Persona]) -> dict[str, Outcome]:
    """Each persona's conversation with nothing else going on: what the soak's conversations must match."""
    return {
        persona.id: converse(persona, ChatClient(bot.rasa_url, f"alone-{persona.id}-{uuid.uuid4().hex[:8]}"))
        for persona in personas
    }


def last_replies(outcome: Outcome) -> list[str]:
    return [reply[:80] for reply in outcome.turns[-1].replies] if outcome.turns else []


def said(outcome: Outcome) -> list[str]:
    return [turn.said for turn in outcome.turns]


def test_200_simultaneous_conversations_all_complete_intact_and_without_error(
    bot: RunningBot, capsys: pytest.CaptureFixture[str]
) -> None:
    alone = played_alone(bot, load_personas())
    playable = [outcome.persona for outcome in alone.values() if outcome.end == "assessed"]
    assert playable, "no persona reaches its assessment even alone"
    personas = list(islice(cycle(playable), CONVERSATIONS))

    soak = run_soak(bot, personas)

    with capsys.disabled():
        left_out = {persona_id: o.end for persona_id, o in alone.items() if o.end != "assessed"}
        print(f"\nsoak: left out, no assessment even when played alone (see tests/dialogue): {left_out}")
        print(
            f"soak: {CONVERSATIONS} conversations, {len(soak.latencies)} messages in {soak.seconds:.0f} s; "
            f"latency p50 {percentile(soak.latencies, 0.50):.2f} s, p95 {percentile(soak.latencies, 0.95):.2f} s, "
            f"max {max(soak.latencies):.2f} s"
        )
    assert soak.errors == {}
    # The assistant's own replies at the turn a conversation stopped say whether it was an error, an apology or a
    # reply without a question; they are the assistant's words, never the person's.
    unfinished = {
        sender: f"{outcome.end} at turn {len(outcome.turns)}, after {last_replies(outcome)}"
        for sender, outcome in soak.outcomes.items()
        if outcome.end != "assessed"
    }
    assert unfinished == {}
    assert len(soak.outcomes) == CONVERSATIONS
    for sender, outcome in soak.outcomes.items():
        baseline = alone[outcome.persona.id]
        assert (said(outcome), outcome.level) == (said(baseline), baseline.level), sender
        assert user_texts(stored_events(bot.env, sender)) == said(outcome), sender
