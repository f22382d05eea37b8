"""Channels come from environment variables only; one whose secrets are missing is left off with one log line."""

from __future__ import annotations

import logging
import urllib.error
import urllib.request
from typing import Any

import pytest

from bot.config import credentials_config, server_settings
from tests.conftest import RunningBot

SLACK_ENV = {"SLACK_TOKEN": "xoxb-1", "SLACK_SIGNING_SECRET": "signing-secret"}
TELEGRAM_ENV = {
    "TELEGRAM_TOKEN": "123:abc",
    "TELEGRAM_BOT_NAME": "triage_bot",
    "TELEGRAM_WEBHOOK_URL": "https://triage.example.org/webhooks/telegram/webhook",
    "TELEGRAM_SECRET_TOKEN": "secret",
}
SLACK_CLASS = "bot.channels.slack.SlackInput"
TELEGRAM_CLASS = "bot.channels.telegram.SecretTokenTelegramInput"


def credentials(env: dict[str, str]) -> dict[str, Any]:
    return credentials_config(env, server_settings(env))


def secret_free_only(rendered: dict[str, Any]) -> bool:
    """Only the two channels that need no secret, REST and socket.io (whichever classes serve them)."""
    return len(rendered) == 2 and SLACK_CLASS not in rendered and TELEGRAM_CLASS not in rendered


def channel_log_lines(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [record.getMessage() for record in caplog.records if record.name == "bot.config"]


def test_without_secrets_only_the_secret_free_channels_are_on(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.INFO, logger="bot.config"):
        rendered = credentials({})

    assert secret_free_only(rendered)
    assert channel_log_lines(caplog) == [
        "The slack channel is off: set SLACK_TOKEN, SLACK_SIGNING_SECRET to turn it on.",
        "The telegram channel is off: set TELEGRAM_TOKEN, TELEGRAM_BOT_NAME, TELEGRAM_WEBHOOK_URL, "
        "TELEGRAM_SECRET_TOKEN to turn it on.",
    ]


def test_a_half_configured_channel_is_off_and_the_log_names_only_what_is_missing(
    caplog: pytest.LogCaptureFixture,
) -> None:
    env = {"SLACK_TOKEN": "xoxb-1", **{k: v for k, v in TELEGRAM_ENV.items() if k != "TELEGRAM_SECRET_TOKEN"}}
    with caplog.at_level(logging.INFO, logger="bot.config"):
        rendered = credentials(env)

    assert SLACK_CLASS not in rendered and TELEGRAM_CLASS not in rendered
    assert channel_log_lines(caplog) == [
        "The slack channel is off: set SLACK_SIGNING_SECRET to turn it on.",
        "The telegram channel is off: set TELEGRAM_SECRET_TOKEN to turn it on.",
    ]


def test_with_their_secrets_slack_and_telegram_are_on(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.INFO, logger="bot.config"):
        rendered = credentials({**SLACK_ENV, **TELEGRAM_ENV})

    assert rendered[SLACK_CLASS] == {
        "slack_token": "xoxb-1",
        "slack_signing_secret": "signing-secret",
        "use_threads": True,
        "conversation_granularity": "thread",
    }
    assert rendered[TELEGRAM_CLASS] == {
        "access_token": "123:abc",
        "verify": "triage_bot",
        "webhook_url": "https://triage.example.org/webhooks/telegram/webhook",
        "secret_token": "secret",
    }
    assert channel_log_lines(caplog) == []


def test_optional_settings_are_passed_only_when_set() -> None:
    env = {
        **SLACK_ENV,
        **TELEGRAM_ENV,
        "SLACK_CHANNEL": "C0TRIAGE",
        "SLACK_API_BASE_URL": "http://127.0.0.1:9/api/",
        "TELEGRAM_API_BASE_URL": "http://127.0.0.1:9",
        "TELEGRAM_SOMETHING_ELSE": "ignored",
    }
    rendered = credentials(env)

    assert rendered[SLACK_CLASS]["slack_channel"] == "C0TRIAGE"
    assert rendered[SLACK_CLASS]["api_base_url"] == "http://127.0.0.1:9/api/"
    assert rendered[TELEGRAM_CLASS]["api_base_url"] == "http://127.0.0.1:9"
    assert "TELEGRAM_SOMETHING_ELSE" not in str(rendered)


def test_the_assistant_starts_and_serves_without_slack_or_telegram(running_bot: RunningBot) -> None:
    if any(running_bot.env.get(variable) for variable in [*SLACK_ENV, *TELEGRAM_ENV]):
        pytest.skip("this environment configures Slack or Telegram")
    with urllib.request.urlopen(f"{running_bot.rasa_url}/", timeout=10) as answer:
        assert answer.status == 200
    for channel in ("slack", "telegram"):
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(
                f"{running_bot.rasa_url}/webhooks/{channel}/webhook", data=b"{}", timeout=10
            )
        assert refused.value.code == 404
