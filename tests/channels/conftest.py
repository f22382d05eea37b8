"""One assistant with the Slack and Telegram channels on, talking to the stubbed Slack and Telegram APIs."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import pytest

from tests.channels.stubs import TELEGRAM_BOT_NAME, ApiStub, slack_answer, telegram_answer
from tests.conftest import RunningBot, start_bot

SLACK_TOKEN = "xoxb-0000000000-test"
SLACK_SIGNING_SECRET = "8f742231b10e8888abcd99yyyzzz85a5"
TELEGRAM_TOKEN = "123456:TEST-telegram-token"
TELEGRAM_SECRET_TOKEN = "test-secret-token_0123456789"
# Telegram is told to post here; only the stub ever hears of it.
TELEGRAM_WEBHOOK_URL = "https://triage.example.org/webhooks/telegram/webhook"


@dataclass
class ChannelBot:
    bot: RunningBot
    slack_api: ApiStub
    telegram_api: ApiStub


@pytest.fixture(scope="session")
def channel_bot(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ChannelBot]:
    slack_api = ApiStub(slack_answer)
    telegram_api = ApiStub(telegram_answer)
    env = {
        "SLACK_TOKEN": SLACK_TOKEN,
        "SLACK_SIGNING_SECRET": SLACK_SIGNING_SECRET,
        "SLACK_API_BASE_URL": f"{slack_api.base_url}/api/",
        "TELEGRAM_TOKEN": TELEGRAM_TOKEN,
        "TELEGRAM_BOT_NAME": TELEGRAM_BOT_NAME,
        "TELEGRAM_WEBHOOK_URL": TELEGRAM_WEBHOOK_URL,
        "TELEGRAM_SECRET_TOKEN": TELEGRAM_SECRET_TOKEN,
        "TELEGRAM_API_BASE_URL": telegram_api.base_url,
    }
    bot = start_bot(tmp_path_factory.mktemp("channels"), env)
    yield ChannelBot(bot, slack_api, telegram_api)
    bot.servers.stop()
    slack_api.stop()
    telegram_api.stop()
