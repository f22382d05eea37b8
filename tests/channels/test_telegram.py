"""Telegram: Update objects in the Bot API's format reach the assistant through bot.channels.telegram only with
the webhook's secret token; its answers are read at the stubbed Bot API."""

from __future__ import annotations

import json
import random
import time
from typing import Any

import pytest

from tests.channels.conftest import (
    TELEGRAM_SECRET_TOKEN,
    TELEGRAM_TOKEN,
    TELEGRAM_WEBHOOK_URL,
    ChannelBot,
)
from tests.channels.stubs import ApiCall, post, user_texts

DESCRIPTION = "My left eyelid has been twitching for 3 days"


def update(chat_id: int, text: str) -> bytes:
    """A private-chat message Update, as Telegram posts it to the webhook."""
    person = {"id": chat_id, "is_bot": False, "first_name": "Pat", "language_code": "en"}
    message = {
        "message_id": random.randint(1, 10**6),
        "from": person,
        "chat": {"id": chat_id, "first_name": "Pat", "type": "private"},
        "date": int(time.time()),
        "text": text,
    }
    return json.dumps({"update_id": random.randint(1, 10**9), "message": message}).encode()


def send(channel_bot: ChannelBot, body: bytes, secret_token: str | None) -> tuple[int, str]:
    headers = {"Content-Type": "application/json"}
    if secret_token is not None:
        headers["X-Telegram-Bot-Api-Secret-Token"] = secret_token
    return post(f"{channel_bot.bot.rasa_url}/webhooks/telegram/webhook", body, headers)


def messages_to(channel_bot: ChannelBot, chat_id: int) -> list[ApiCall]:
    return channel_bot.telegram_api.calls_where(
        lambda call: call.method == "sendMessage" and call.params["chat_id"] == str(chat_id)
    )


def new_chat_id() -> int:
    return random.randint(10**8, 10**9)


def test_the_webhook_is_registered_at_start_with_the_secret_token(channel_bot: ChannelBot) -> None:
    registrations = channel_bot.telegram_api.calls_where(lambda call: call.method == "setWebhook")
    assert registrations, "setWebhook was called at start"
    assert registrations[0].params == {"url": TELEGRAM_WEBHOOK_URL, "secret_token": TELEGRAM_SECRET_TOKEN}


def test_an_update_with_the_secret_token_is_answered_with_a_reply_keyboard(channel_bot: ChannelBot) -> None:
    chat_id = new_chat_id()
    assert send(channel_bot, update(chat_id, DESCRIPTION), TELEGRAM_SECRET_TOKEN) == (200, "success")

    # The connector answers before it acknowledges the update, so the replies are already at the stub.
    replies = messages_to(channel_bot, chat_id)
    assert replies, "the assistant answered"
    assert {call.path for call in replies} == {f"/bot{TELEGRAM_TOKEN}/sendMessage"}
    question = next(call for call in replies if "reply_markup" in call.params)
    keyboard = json.loads(question.params["reply_markup"])
    assert keyboard["one_time_keyboard"] is True
    rows: list[list[dict[str, Any]]] = keyboard["keyboard"]
    assert rows and all(len(row) == 1 and row[0]["text"] for row in rows)
    assert "inline_keyboard" not in keyboard
    assert user_texts(channel_bot.bot.rasa_url, str(chat_id)) == [DESCRIPTION]


@pytest.mark.parametrize(
    "secret_token", ["not-the-secret-token", "", None], ids=["wrong", "empty", "missing"]
)
def test_an_update_without_the_right_secret_token_is_refused_and_not_processed(
    channel_bot: ChannelBot, secret_token: str | None
) -> None:
    chat_id = new_chat_id()
    calls_before = len(channel_bot.telegram_api.calls)

    status, _ = send(channel_bot, update(chat_id, "I think I'm having a stroke"), secret_token)

    assert status == 403
    assert channel_bot.telegram_api.calls[calls_before:] == []  # not even getMe: nothing of it was read
    assert user_texts(channel_bot.bot.rasa_url, str(chat_id)) == []
