"""Slack: Events API and button-click requests in Slack's own format, signed as Slack signs them, reach the
assistant through bot.channels.slack; its answers are read at the stubbed Slack Web API."""

from __future__ import annotations

import hashlib
import hmac
import json
import time
import urllib.parse
import uuid
from typing import Any

import pytest

from tests.channels.conftest import SLACK_SIGNING_SECRET, SLACK_TOKEN, ChannelBot
from tests.channels.stubs import ApiCall, post, user_texts, wait_until

BOT_USER = "U0TRIAGEBOT"
TEAM = "T0TEAM0001"
DESCRIPTION = "My left eyelid has been twitching for 3 days"


def new_id(prefix: str) -> str:
    """Slack ids: U... a person, D... a direct-message channel, C... a channel."""
    return prefix + uuid.uuid4().hex[:10].upper()


def new_ts() -> str:
    return f"{time.time():.6f}"


def signature(body: bytes, timestamp: str, secret: str = SLACK_SIGNING_SECRET) -> str:
    base = f"v0:{timestamp}:".encode() + body
    return "v0=" + hmac.new(secret.encode(), base, hashlib.sha256).hexdigest()


def signed_headers(body: bytes, content_type: str = "application/json") -> dict[str, str]:
    timestamp = str(int(time.time()))
    return {
        "Content-Type": content_type,
        "X-Slack-Request-Timestamp": timestamp,
        "X-Slack-Signature": signature(body, timestamp),
    }


def event_callback(event: dict[str, Any]) -> bytes:
    payload = {
        "token": "ZZZZZZWSxiZZZ2yIvs3peJ",  # the legacy verification token Slack still sends
        "team_id": TEAM,
        "api_app_id": "A0TRIAGE01",
        "event": event,
        "type": "event_callback",
        "event_id": new_id("Ev"),
        "event_time": int(time.time()),
        "authorizations": [
            {
                "enterprise_id": None,
                "team_id": TEAM,
                "user_id": BOT_USER,
                "is_bot": True,
                "is_enterprise_install": False,
            }
        ],
        "is_ext_shared_channel": False,
    }
    return json.dumps(payload).encode()


def direct_message(user: str, channel: str, text: str, thread_ts: str | None = None) -> bytes:
    ts = new_ts()
    event = {
        "client_msg_id": str(uuid.uuid4()),
        "type": "message",
        "text": text,
        "user": user,
        "ts": ts,
        "team": TEAM,
        "channel": channel,
        "event_ts": ts,
        "channel_type": "im",
    }
    if thread_ts:
        event["thread_ts"] = thread_ts
    return event_callback(event)


def mention(user: str, channel: str, text: str, ts: str, thread_ts: str | None = None) -> bytes:
    event = {"type": "app_mention", "user": user, "text": f"<@{BOT_USER}> {text}", "ts": ts, "team": TEAM}
    event.update({"channel": channel, "event_ts": ts})
    if thread_ts:
        event["thread_ts"] = thread_ts
    return event_callback(event)


def button_click(user: str, channel: str, clicked: ApiCall, button: dict[str, Any]) -> bytes:
    """The block_actions request Slack posts when `button` of the message `clicked` is pressed."""
    message_ts = new_ts()
    payload = {
        "type": "block_actions",
        "user": {"id": user, "username": "pat", "name": "pat", "team_id": TEAM},
        "api_app_id": "A0TRIAGE01",
        "token": "ZZZZZZWSxiZZZ2yIvs3peJ",
        "container": {
            "type": "message",
            "message_ts": message_ts,
            "channel_id": channel,
            "is_ephemeral": False,
        },
        "trigger_id": "1234567890.0987654321.abcdef",
        "team": {"id": TEAM, "domain": "example"},
        "channel": {"id": channel, "name": "directmessage"},
        "message": {
            "type": "message",
            "user": BOT_USER,
            "bot_id": "B0TRIAGE01",
            "ts": message_ts,
            "text": clicked.params["text"],
            "blocks": clicked.params["blocks"],
        },
        "response_url": "https://hooks.slack.com/actions/T0TEAM0001/1/abcdef",
        "actions": [{**button, "action_id": "answer", "block_id": "answers", "action_ts": new_ts()}],
    }
    return urllib.parse.urlencode({"payload": json.dumps(payload)}).encode()


def send(channel_bot: ChannelBot, body: bytes, headers: dict[str, str]) -> tuple[int, str]:
    return post(f"{channel_bot.bot.rasa_url}/webhooks/slack/webhook", body, headers)


def posts_to(channel_bot: ChannelBot, channel: str) -> list[ApiCall]:
    return channel_bot.slack_api.calls_where(
        lambda call: call.method == "chat.postMessage" and call.params["channel"] == channel
    )


def wait_for_posts(channel_bot: ChannelBot, channel: str, wanted: int = 1) -> list[ApiCall]:
    wait_until(lambda: len(posts_to(channel_bot, channel)) >= wanted, f"{wanted} message(s) to {channel}")
    return posts_to(channel_bot, channel)


def test_a_direct_message_is_answered_in_place_with_the_question_s_buttons(channel_bot: ChannelBot) -> None:
    user, channel = new_id("U"), new_id("D")
    body = direct_message(user, channel, DESCRIPTION)
    assert send(channel_bot, body, signed_headers(body)) == (200, "")

    channel_bot.slack_api.wait_for(
        lambda call: call.params.get("channel") == channel and "blocks" in call.params
    )
    question = next(call for call in posts_to(channel_bot, channel) if "blocks" in call.params)
    assert question.headers["Authorization"] == f"Bearer {SLACK_TOKEN}"
    assert "thread_ts" not in question.params  # a direct message is answered in the conversation itself
    section, actions = question.params["blocks"]
    assert section == {"type": "section", "text": {"type": "plain_text", "text": question.params["text"]}}
    assert actions["type"] == "actions"
    assert actions["elements"], "the question offers buttons"
    for button in actions["elements"]:
        assert button["type"] == "button"
        assert button["text"]["type"] == "plain_text" and button["text"]["text"]
        assert button["value"]

    # A click comes back as a form post; the button's payload is the person's next message.
    replies_before = len(posts_to(channel_bot, channel))
    clicked_button = actions["elements"][0]
    click = button_click(user, channel, question, clicked_button)
    assert send(channel_bot, click, signed_headers(click, "application/x-www-form-urlencoded"))[0] == 200
    wait_for_posts(channel_bot, channel, replies_before + 1)
    assert user_texts(channel_bot.bot.rasa_url, user) == [DESCRIPTION, clicked_button["value"]]
    assert all("thread_ts" not in call.params for call in posts_to(channel_bot, channel))


def test_a_mention_in_a_channel_is_answered_in_its_thread_and_the_thread_is_one_conversation(
    channel_bot: ChannelBot,
) -> None:
    user, channel, root = new_id("U"), new_id("C"), new_ts()
    first = mention(user, channel, DESCRIPTION, root)
    assert send(channel_bot, first, signed_headers(first))[0] == 200
    replies_to_first = len(wait_for_posts(channel_bot, channel))

    reply = mention(user, channel, "no", new_ts(), thread_ts=root)
    assert send(channel_bot, reply, signed_headers(reply))[0] == 200
    posts = wait_for_posts(channel_bot, channel, replies_to_first + 1)

    assert {call.params["thread_ts"] for call in posts} == {root}
    assert user_texts(channel_bot.bot.rasa_url, f"{user}_{channel}_{root}") == [DESCRIPTION, "no"]


def test_a_message_in_a_direct_message_thread_is_answered_in_that_thread(channel_bot: ChannelBot) -> None:
    user, channel, thread = new_id("U"), new_id("D"), new_ts()
    body = direct_message(user, channel, DESCRIPTION, thread_ts=thread)
    assert send(channel_bot, body, signed_headers(body))[0] == 200

    posts = wait_for_posts(channel_bot, channel)
    assert {call.params["thread_ts"] for call in posts} == {thread}
    assert user_texts(channel_bot.bot.rasa_url, f"{user}_{channel}_{thread}") == [DESCRIPTION]


def wrong_signature(body: bytes) -> dict[str, str]:
    timestamp = str(int(time.time()))
    forged = signature(body, timestamp, secret="not-the-signing-secret")
    return {
        "Content-Type": "application/json",
        "X-Slack-Request-Timestamp": timestamp,
        "X-Slack-Signature": forged,
    }


def no_signature(body: bytes) -> dict[str, str]:
    return {"Content-Type": "application/json"}


def replayed_six_minutes_later(body: bytes) -> dict[str, str]:
    """Correctly signed, but with a timestamp outside Slack's five-minute window."""
    timestamp = str(int(time.time()) - 6 * 60)
    return {
        "Content-Type": "application/json",
        "X-Slack-Request-Timestamp": timestamp,
        "X-Slack-Signature": signature(body, timestamp),
    }


@pytest.mark.parametrize("headers_for", [wrong_signature, no_signature, replayed_six_minutes_later])
def test_a_request_not_signed_by_slack_within_five_minutes_is_refused_and_not_processed(
    channel_bot: ChannelBot, headers_for: Any
) -> None:
    user, channel = new_id("U"), new_id("D")
    body = direct_message(user, channel, "I think I'm having a stroke")
    status, _ = send(channel_bot, body, headers_for(body))
    assert status == 400

    # A genuine message sent afterwards is answered; by then a processed forgery would have been answered too.
    witness_user, witness_channel = new_id("U"), new_id("D")
    witness = direct_message(witness_user, witness_channel, DESCRIPTION)
    assert send(channel_bot, witness, signed_headers(witness))[0] == 200
    wait_for_posts(channel_bot, witness_channel)

    assert posts_to(channel_bot, channel) == []
    assert user_texts(channel_bot.bot.rasa_url, user) == []


def url_verification(challenge: str) -> bytes:
    return json.dumps(
        {"token": "ZZZZZZWSxiZZZ2yIvs3peJ", "challenge": challenge, "type": "url_verification"}
    ).encode()


def test_slack_s_url_verification_challenge_is_answered_with_its_value(channel_bot: ChannelBot) -> None:
    challenge = "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P"
    body = url_verification(challenge)
    assert send(channel_bot, body, signed_headers(body)) == (200, challenge)


def test_an_unsigned_url_verification_is_refused(channel_bot: ChannelBot) -> None:
    body = url_verification("forged-challenge")
    status, text = send(channel_bot, body, no_signature(body))
    assert status == 400
    assert "forged-challenge" not in text
