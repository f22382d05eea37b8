"""One assistant with every entry point on (REST, socket.io, HTTP API, Slack and Telegram against their stubbed
APIs) and a low rate limit, plus a conversation started before any bad input, to check none of it is lost."""

from __future__ import annotations

import json
import queue
import urllib.parse
import urllib.request
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest
import socketio

from tests.channels.conftest import (
    SLACK_SIGNING_SECRET,
    SLACK_TOKEN,
    TELEGRAM_SECRET_TOKEN,
    TELEGRAM_TOKEN,
    TELEGRAM_WEBHOOK_URL,
)
from tests.channels.stubs import TELEGRAM_BOT_NAME, ApiStub, post, slack_answer, telegram_answer
from tests.conftest import RunningBot, start_bot

RATE_LIMIT = 5  # per sender per minute: low, so that a test reaches it quickly
DESCRIPTION = "My left eyelid has been twitching for 3 days"
REPLY_TIMEOUT = 90.0  # seconds; a loaded test machine answers slowly
QUIET_AFTER_REPLY = 2.0  # seconds without a further bot message before a turn counts as answered


@dataclass
class GuardedBot:
    bot: RunningBot
    slack_api: ApiStub
    telegram_api: ApiStub
    reference_sender: str
    reference_events: list[dict[str, Any]]

    @property
    def url(self) -> str:
        return self.bot.rasa_url


def new_sender(prefix: str = "robust") -> str:
    return f"{prefix}-{uuid.uuid4().hex[:12]}"


def send_rest(url: str, body: bytes, content_type: str = "application/json") -> tuple[int, str]:
    return post(f"{url}/webhooks/rest/webhook", body, {"Content-Type": content_type})


def rest_message(url: str, sender: str, text: str) -> tuple[int, Any]:
    status, body = send_rest(url, json.dumps({"sender": sender, "message": text}).encode())
    return status, json.loads(body)


def tracker_events(url: str, sender: str) -> list[dict[str, Any]]:
    address = f"{url}/conversations/{urllib.parse.quote(sender, safe='')}/tracker"
    with urllib.request.urlopen(address, timeout=60) as answer:
        events: list[dict[str, Any]] = json.loads(answer.read())["events"]
    return events


def user_texts(url: str, sender: str) -> list[str]:
    return [event["text"] for event in tracker_events(url, sender) if event["event"] == "user"]


class WidgetClient:
    """A real Socket.IO client speaking to the socket.io channel as the chat widget does."""

    def __init__(self, url: str, origin: str | None = None) -> None:
        self.replies: queue.Queue[Any] = queue.Queue()
        self.sessions: queue.Queue[str] = queue.Queue()
        self.sio = socketio.Client(reconnection=False)
        self.sio.on("bot_uttered", self.replies.put)
        self.sio.on("session_confirm", self.sessions.put)
        self.sio.connect(url, headers={"Origin": origin} if origin else {}, wait_timeout=60)

    def start_session(self, session_id: Any = None) -> str:
        self.sio.emit("session_request", {"session_id": session_id})
        return self.sessions.get(timeout=REPLY_TIMEOUT)

    def send(self, *data: Any) -> list[Any]:
        """Emits a user_uttered event with `data` as its arguments; the bot messages that follow."""
        self.sio.emit("user_uttered", data[0] if len(data) == 1 else data)
        replies = [self.replies.get(timeout=REPLY_TIMEOUT)]
        while True:
            try:
                replies.append(self.replies.get(timeout=QUIET_AFTER_REPLY))
            except queue.Empty:
                return replies

    def close(self) -> None:
        self.sio.disconnect()


@pytest.fixture(scope="session")
def guarded_bot(tmp_path_factory: pytest.TempPathFactory) -> Iterator[GuardedBot]:
    slack_api = ApiStub(slack_answer)
    telegram_api = ApiStub(telegram_answer)
    env = {
        "RATE_LIMIT_PER_MINUTE": str(RATE_LIMIT),
        "SLACK_TOKEN": SLACK_TOKEN,
        "SLACK_SIGNING_SECRET": SLACK_SIGNING_SECRET,
        "SLACK_API_BASE_URL": f"{slack_api.base_url}/api/",
        "TELEGRAM_TOKEN": TELEGRAM_TOKEN,
        "TELEGRAM_BOT_NAME": TELEGRAM_BOT_NAME,
        "TELEGRAM_WEBHOOK_URL": TELEGRAM_WEBHOOK_URL,
        "TELEGRAM_SECRET_TOKEN": TELEGRAM_SECRET_TOKEN,
        "TELEGRAM_API_BASE_URL": telegram_api.base_url,
    }
    bot = start_bot(tmp_path_factory.mktemp("robustness"), env)
    reference = new_sender("reference")
    status, replies = rest_message(bot.rasa_url, reference, DESCRIPTION)
    assert status == 200 and replies
    yield GuardedBot(bot, slack_api, telegram_api, reference, tracker_events(bot.rasa_url, reference))
    bot.servers.stop()
    slack_api.stop()
    telegram_api.stop()
