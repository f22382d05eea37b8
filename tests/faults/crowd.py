"""A crowd of people going through the intake over REST at the same time, for faults injected under load.

Each person answers the questions as they come, pausing between messages as someone typing does, and starts a
new conversation after each assessment. A message that fails (an error status, no answer at all) or that gets
the "please try again" apology is sent again after the pause, as the person is asked to. Every message carries
an id of its own in its metadata, which Rasa stores with it, so the tracker store can be checked afterwards:
each answered message stored exactly once, in the order sent (tests/faults/test_faults_under_load.py).
"""

from __future__ import annotations

import http.client
import json
import random
import statistics
import threading
import time
import urllib.error
import urllib.request
import uuid
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from bot.eval.rest_client import ChatClient, question_asked
from tests.privacy.conversations import ANSWERS, VAGUE_OPENING, reply_texts
from tests.privacy.stores import stored_events

EMERGENCY = "my face has suddenly drooped and my arm is weak"
EMERGENCY_ANSWER_START = "⚠️ EMERGENCY"
ANSWERED = "answered"
# Longer than any answer should take even under this load: a message still unanswered then counts as a hang.
REQUEST_TIMEOUT_SECONDS = 30


@dataclass
class Attempt:
    """One message as sent, and what came back."""

    sender: str
    text: str
    attempt_id: str
    sent_at: float  # time.monotonic()
    seconds: float
    outcome: str  # ANSWERED, or the kind of error: "HTTP 500", "connection refused", "timeout", ...
    replies: list[dict[str, Any]] = field(default_factory=list)
    traceback: bool = False

    @property
    def answered(self) -> bool:
        return self.outcome == ANSWERED

    @property
    def apology(self) -> bool:
        """Rasa answered, but without the action server: the person is asked to try again."""
        return self.answered and any("try again" in text for text in reply_texts(self.replies))


def send(url: str, sender: str, text: str) -> Attempt:
    attempt_id = uuid.uuid4().hex
    body = json.dumps({"sender": sender, "message": text, "metadata": {"attempt": attempt_id}}).encode()
    request = urllib.request.Request(
        f"{url}/webhooks/rest/webhook", data=body, headers={"Content-Type": "application/json"}
    )
    started = time.monotonic()

    def attempt(outcome: str, replies: list[dict[str, Any]] | None = None, body: str = "") -> Attempt:
        return Attempt(
            sender, text, attempt_id, started, time.monotonic() - started, outcome, replies or [],
            traceback="Traceback" in body,
        )  # fmt: skip

    try:
        with urllib.request.urlopen(request, timeout=REQUEST_TIMEOUT_SECONDS) as response:
            raw = response.read().decode()
        return attempt(ANSWERED, json.loads(raw), raw)
    except urllib.error.HTTPError as error:
        raw = error.read().decode(errors="replace")
        return attempt(f"HTTP {error.code}", body=raw)
    except urllib.error.URLError as error:
        if isinstance(error.reason, ConnectionRefusedError):
            return attempt("connection refused")
        if isinstance(error.reason, TimeoutError):
            return attempt("timeout")
        return attempt(f"no answer ({type(error.reason).__name__})")
    except TimeoutError:
        return attempt("timeout")
    except (ConnectionError, http.client.HTTPException) as error:
        return attempt(f"no answer ({type(error).__name__})")


@dataclass
class Crowd:
    """`people` people at once; each turn of a person goes to the next of `rasa_urls` (a load balancer)."""

    rasa_urls: Sequence[str]
    people: int = 100
    # Between a reply and the person's next message: reading it and typing an answer. 100 people at this pace send
    # about 9 messages a second, well under what Rasa serves on the 2-core machine (about 20: docs/benchmarks.md),
    # so that the fault decides the figures, not the machine's capacity (at 3-6 s a probe sent into the saturated
    # queue waited up to 2.9 s with or without a fault).
    pause_seconds: tuple[float, float] = (8.0, 14.0)
    attempts: list[Attempt] = field(default_factory=list)
    # Conversations that did not go on where they were: (sender, what the person said, what came back).
    not_continued: list[tuple[str, str, list[str]]] = field(default_factory=list)
    assessed: int = 0
    _stop: threading.Event = field(default_factory=threading.Event)
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _threads: list[threading.Thread] = field(default_factory=list)

    def __enter__(self) -> Crowd:
        for index in range(self.people):
            thread = threading.Thread(target=self._person, args=(index,), daemon=True)
            thread.start()
            self._threads.append(thread)
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        for thread in self._threads:
            thread.join(timeout=REQUEST_TIMEOUT_SECONDS + 10)

    def _pause(self) -> None:
        self._stop.wait(random.uniform(*self.pause_seconds))

    def _person(self, index: int) -> None:
        turn = index  # people start on different replicas
        self._stop.wait(random.uniform(0, self.pause_seconds[1]))  # not all at the same instant
        while not self._stop.is_set():
            sender = f"crowd-{index}-{uuid.uuid4().hex[:10]}"
            text = VAGUE_OPENING
            while not self._stop.is_set():
                attempt = send(self.rasa_urls[turn % len(self.rasa_urls)], sender, text)
                turn += 1
                with self._lock:
                    self.attempts.append(attempt)
                self._pause()
                if not attempt.answered or attempt.apology:
                    continue  # the same message again
                question = question_asked(attempt.replies)
                if question is not None:
                    text = ANSWERS[question]
                elif self._assessed(sender):
                    with self._lock:
                        self.assessed += 1
                    break
                else:
                    with self._lock:
                        self.not_continued.append((sender, text, reply_texts(attempt.replies)))
                    break

    def _assessed(self, sender: str) -> bool:
        """Whether the conversation has its assessment (asked of the HTTP API until it answers)."""
        while not self._stop.is_set():
            try:
                return ChatClient(self.rasa_urls[0], sender).tracker()["slots"]["triage_level"] is not None
            except (OSError, http.client.HTTPException):
                self._stop.wait(1)
        return True  # stopped while the service was away: not this conversation's fault

    def since(self, moment: float) -> list[Attempt]:
        with self._lock:
            return [attempt for attempt in self.attempts if attempt.sent_at >= moment]


def recovered_at(attempts: Sequence[Attempt], fine: Callable[[Attempt], bool]) -> float | None:
    """When the service was fine again for good: the sending time of the first attempt from which on every
    attempt is fine; None if the last one was not."""
    recovered: float | None = None
    for attempt in sorted(attempts, key=lambda attempt: attempt.sent_at):
        if not fine(attempt):
            recovered = None
        elif recovered is None:
            recovered = attempt.sent_at
    return recovered


@dataclass
class Integrity:
    """Each answered message checked against the tracker store."""

    answered: int = 0
    lost: int = 0
    duplicated: int = 0
    out_of_order: int = 0
    # Messages answered with an error that the store nevertheless holds: sent again, they would be doubled.
    failed_but_stored: int = 0


def check_integrity(attempts: Sequence[Attempt], env: Mapping[str, str]) -> Integrity:
    integrity = Integrity()
    by_sender: dict[str, list[Attempt]] = {}
    for attempt in attempts:
        by_sender.setdefault(attempt.sender, []).append(attempt)
    for sender, sent in by_sender.items():
        stored = [
            event.get("metadata", {}).get("attempt")
            for event in stored_events(env, sender)
            if event.get("event") == "user"
        ]
        counts = Counter(stored)
        answered = [attempt.attempt_id for attempt in sent if attempt.answered]
        integrity.answered += len(answered)
        integrity.lost += sum(1 for attempt_id in answered if counts[attempt_id] == 0)
        integrity.duplicated += sum(1 for attempt_id in answered if counts[attempt_id] > 1)
        integrity.out_of_order += int([i for i in stored if i in set(answered)] != answered)
        integrity.failed_but_stored += sum(
            1 for attempt in sent if not attempt.answered and counts[attempt.attempt_id]
        )
    return integrity


def errors_by_kind(attempts: Sequence[Attempt]) -> dict[str, int]:
    return dict(Counter(attempt.outcome for attempt in attempts if not attempt.answered))


def latency_summary(attempts: Sequence[Attempt]) -> str:
    seconds = sorted(attempt.seconds for attempt in attempts if attempt.answered)
    if len(seconds) < 2:
        return "no answers"
    quantiles = statistics.quantiles(seconds, n=100, method="inclusive")
    return f"p50 {quantiles[49]:.2f} s, p95 {quantiles[94]:.2f} s, max {seconds[-1]:.2f} s"
