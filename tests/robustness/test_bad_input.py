"""Bad input on every entry point: REST, socket.io (a real Socket.IO client), the HTTP API, and the Slack and
Telegram webhooks (correctly signed, so that it is the body that is bad).

Every case gets a 4xx with a JSON `message`, or a sensible answer; never a 5xx or a traceback. After each, a
normal message from a new sender is answered and the conversation started before any bad input is intact."""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest

from bot.channels.guard import LONG_MESSAGE_NOTICE, MAX_MESSAGE_CHARS
from tests.channels.conftest import TELEGRAM_SECRET_TOKEN
from tests.channels.stubs import post
from tests.channels.test_slack import direct_message, event_callback, new_id, signed_headers
from tests.channels.test_telegram import new_chat_id, update
from tests.robustness.conftest import (
    DESCRIPTION,
    GuardedBot,
    WidgetClient,
    new_sender,
    rest_message,
    send_rest,
    tracker_events,
    user_texts,
)

JSON = "application/json"
LONG_TEXT = "My eyelid twitches. " * 5000  # 100,000 characters
DEEP = b"[" * 100_000 + b"]" * 100_000
UNUSUAL_TEXTS = {
    "emoji-only": "😣👁️😣",
    "right-to-left": "جفن عيني اليسرى يرتعش منذ ثلاثة أيام",
    "html-and-script": "<script>alert('x')</script><b>my eye</b> twitches",
    "sql-like": "'; DROP TABLE events; -- my eye twitches",
}


def assert_still_serving(guarded_bot: GuardedBot) -> None:
    """A normal message is answered, and the conversation held since start-up is exactly as it was."""
    status, replies = rest_message(guarded_bot.url, new_sender("witness"), DESCRIPTION)
    assert status == 200 and replies, "a normal message is answered after the bad input"
    reference = tracker_events(guarded_bot.url, guarded_bot.reference_sender)
    assert reference == guarded_bot.reference_events, "the earlier conversation is intact"


def assert_clear_refusal(status: int, body: str, expected_status: int, json_error: bool = True) -> None:
    assert status == expected_status, body
    assert "Traceback" not in body and 'File "' not in body
    if json_error:
        error = json.loads(body)
        assert isinstance(error["message"], str) and error["message"]


def json_body(value: Any) -> bytes:
    return json.dumps(value).encode()


@dataclass(frozen=True)
class HttpCase:
    name: str
    path: str
    body: bytes
    status: int
    content_type: str = JSON
    json_error: bool = True


REST = "/webhooks/rest/webhook"
REFUSED_HTTP_CASES = [
    HttpCase("rest-empty-body", REST, b"", 400),
    HttpCase("rest-invalid-json", REST, b'{"sender": "a", "message": ', 400),
    HttpCase("rest-text-plain", REST, json_body({"sender": "a", "message": "hi"}), 415, "text/plain"),
    HttpCase("rest-form", REST, b"sender=a&message=hi", 415, "application/x-www-form-urlencoded"),
    HttpCase("rest-json-array", REST, b"[1, 2]", 400),
    HttpCase("rest-json-string", REST, b'"my eye twitches"', 400),
    HttpCase("rest-missing-sender", REST, json_body({"message": "hi"}), 400),
    HttpCase("rest-number-sender", REST, json_body({"sender": 5, "message": "hi"}), 400),
    HttpCase("rest-missing-message", REST, json_body({"sender": "a"}), 400),
    HttpCase("rest-number-message", REST, json_body({"sender": "a", "message": 5}), 400),
    HttpCase("rest-empty-message", REST, json_body({"sender": "a", "message": ""}), 400),
    HttpCase("rest-whitespace-message", REST, json_body({"sender": "a", "message": " \n\t "}), 400),
    HttpCase("rest-invalid-utf8", REST, b'{"sender": "a", "message": "eye \xff\xfe"}', 400),
    HttpCase("rest-deeply-nested", REST, DEEP, 400),
    HttpCase(
        "rest-deeply-nested-metadata",
        REST,
        b'{"sender": "a", "message": "hi", "metadata": ' + b"[" * 900 + b"]" * 900 + b"}",
        400,
    ),
    HttpCase("rest-10000-char-sender", REST, json_body({"sender": "s" * 10_000, "message": "hi"}), 400),
    HttpCase("api-messages-empty", "/conversations/{sender}/messages", b"", 400),
    HttpCase("api-messages-invalid-json", "/conversations/{sender}/messages", b"{bad", 400),
    HttpCase("api-messages-array", "/conversations/{sender}/messages", b"[1]", 400),
    HttpCase(
        "api-messages-number-text",
        "/conversations/{sender}/messages",
        json_body({"sender": "user", "text": 5}),
        400,
    ),
    HttpCase(
        "api-messages-text-plain",
        "/conversations/{sender}/messages",
        json_body({"sender": "user", "text": "hi"}),
        415,
        "text/plain",
    ),
    HttpCase("api-parse-invalid-json", "/model/parse", b"{bad", 400),
    HttpCase("api-parse-array", "/model/parse", b"[1]", 400),
    HttpCase("api-parse-number-text", "/model/parse", json_body({"text": 5}), 400),
    HttpCase("api-parse-nul", "/model/parse", json_body({"text": "eye\x00lid"}), 400),
    HttpCase("api-parse-100kb", "/model/parse", json_body({"text": LONG_TEXT}), 413),
    HttpCase("api-events-invalid-json", "/conversations/{sender}/tracker/events", b"[{", 400),
    HttpCase("api-events-not-objects", "/conversations/{sender}/tracker/events", b"[1, 2]", 400),
    HttpCase("api-events-deeply-nested", "/conversations/{sender}/tracker/events", DEEP, 400),
    HttpCase(
        "api-1000-char-conversation-id",
        "/conversations/" + "c" * 1_000 + "/messages",
        json_body({"sender": "user", "text": "hi"}),
        400,
    ),
    # Sanic itself refuses a request line over 8 KB, before any handler, with a plain-text 413.
    HttpCase(
        "api-10000-char-conversation-id",
        "/conversations/" + "c" * 10_000 + "/messages",
        json_body({"sender": "user", "text": "hi"}),
        413,
        json_error=False,
    ),
]


@pytest.mark.parametrize("case", REFUSED_HTTP_CASES, ids=lambda case: case.name)
def test_a_bad_http_request_is_refused_with_a_json_message(guarded_bot: GuardedBot, case: HttpCase) -> None:
    sender = new_sender()
    path = case.path.format(sender=sender)
    status, body = post(guarded_bot.url + path, case.body, {"Content-Type": case.content_type})

    assert_clear_refusal(status, body, case.status, case.json_error)
    assert user_texts(guarded_bot.url, sender) == [], "nothing of it reached the conversation"
    assert_still_serving(guarded_bot)


@pytest.mark.parametrize("text", UNUSUAL_TEXTS.values(), ids=UNUSUAL_TEXTS.keys())
def test_unusual_but_valid_text_on_rest_is_answered_and_stored_as_sent(
    guarded_bot: GuardedBot, text: str
) -> None:
    sender = new_sender()
    status, replies = rest_message(guarded_bot.url, sender, text)

    assert status == 200 and replies
    assert user_texts(guarded_bot.url, sender) == [text]
    assert_still_serving(guarded_bot)


def test_control_characters_and_unpaired_surrogates_on_rest_are_replaced_not_stored(
    guarded_bot: GuardedBot,
) -> None:
    sender = new_sender()
    body = b'{"sender": "%s", "message": "left\\u0000eyelid\\u0007twitch \\ud800 3 days"}' % sender.encode()
    status, answer = send_rest(guarded_bot.url, body)

    assert status == 200 and json.loads(answer)
    assert user_texts(guarded_bot.url, sender) == ["left eyelid twitch \ufffd 3 days"]
    assert_still_serving(guarded_bot)


def test_a_100kb_rest_message_is_read_up_to_the_cap_and_the_person_told(guarded_bot: GuardedBot) -> None:
    sender = new_sender()
    started = time.monotonic()
    status, replies = rest_message(guarded_bot.url, sender, LONG_TEXT)

    assert status == 200
    assert replies[0]["text"] == LONG_MESSAGE_NOTICE
    assert "2,000 characters" in LONG_MESSAGE_NOTICE
    assert len(replies) > 1, "the first 2,000 characters are answered as well"
    assert user_texts(guarded_bot.url, sender) == [LONG_TEXT[:MAX_MESSAGE_CHARS].strip()]
    assert time.monotonic() - started < 60
    assert_still_serving(guarded_bot)


@dataclass(frozen=True)
class SocketCase:
    name: str
    data: Callable[[str], tuple[Any, ...]]  # the user_uttered arguments, given the session id
    explained: bool  # answered with a bot message saying what was wrong (True) or answered normally


def saying(text: str) -> Callable[[str], tuple[Any, ...]]:
    return lambda session: ({"session_id": session, "message": text},)


SOCKET_CASES = [
    SocketCase("sio-string-payload", lambda session: ("my eye twitches",), True),
    SocketCase("sio-list-payload", lambda session: ([session, "hi"],), True),
    SocketCase("sio-missing-message", lambda session: ({"session_id": session},), True),
    SocketCase("sio-number-message", lambda session: ({"session_id": session, "message": 5},), True),
    SocketCase("sio-empty-message", lambda session: ({"session_id": session, "message": ""},), True),
    SocketCase("sio-whitespace-message", lambda session: ({"session_id": session, "message": " \n "},), True),
    SocketCase("sio-missing-session", lambda session: ({"message": "hi"},), True),
    SocketCase(
        "sio-10000-char-session", lambda session: ({"session_id": "s" * 10_000, "message": "hi"},), True
    ),
    SocketCase(
        "sio-metadata-string",
        lambda session: ({"session_id": session, "message": "hi", "metadata": "{"},),
        True,
    ),
    SocketCase(
        "sio-nul-control",
        lambda session: ({"session_id": session, "message": "eye\x00lid\x1btwitch"},),
        False,
    ),
    *[SocketCase(f"sio-{name}", saying(text), False) for name, text in UNUSUAL_TEXTS.items()],
]


@pytest.mark.parametrize("case", SOCKET_CASES, ids=lambda case: case.name)
def test_a_bad_socket_io_message_is_answered_with_what_was_wrong_or_normally(
    guarded_bot: GuardedBot, case: SocketCase
) -> None:
    widget = WidgetClient(guarded_bot.url)
    try:
        session = widget.start_session()
        replies = widget.send(*case.data(session))
        assert replies and all(isinstance(reply.get("text"), str) for reply in replies)
        stored = user_texts(guarded_bot.url, session)
        if case.explained:
            assert len(replies) == 1 and stored == [], "only an explanation, nothing reached Rasa"
        else:
            assert len(stored) == 1 and "\x00" not in stored[0] and "\x1b" not in stored[0]
        # The same socket still works.
        assert widget.send({"session_id": session, "message": DESCRIPTION})
    finally:
        widget.close()
    assert_still_serving(guarded_bot)


def test_a_100kb_socket_io_message_is_read_up_to_the_cap_and_the_person_told(guarded_bot: GuardedBot) -> None:
    widget = WidgetClient(guarded_bot.url)
    try:
        session = widget.start_session()
        replies = widget.send({"session_id": session, "message": LONG_TEXT})
    finally:
        widget.close()
    assert replies[0]["text"] == LONG_MESSAGE_NOTICE
    assert len(replies) > 1
    assert user_texts(guarded_bot.url, session) == [LONG_TEXT[:MAX_MESSAGE_CHARS].strip()]
    assert_still_serving(guarded_bot)


def test_an_unusable_session_id_gets_a_new_conversation(guarded_bot: GuardedBot) -> None:
    widget = WidgetClient(guarded_bot.url)
    try:
        for unusable in ["s" * 10_000, 12345, "a\x00b"]:
            session = widget.start_session(unusable)
            assert session != unusable and 0 < len(session) <= 255
    finally:
        widget.close()
    assert_still_serving(guarded_bot)


SLACK = "/webhooks/slack/webhook"


def slack_event(text: Any) -> bytes:
    event = {
        "type": "message",
        "text": text,
        "user": new_id("U"),
        "channel": new_id("D"),
        "channel_type": "im",
    }
    return event_callback({**event, "ts": "1700000000.000100", "event_ts": "1700000000.000100"})


SLACK_BODIES = [
    pytest.param(b"", id="slack-empty-body"),
    pytest.param(b'{"type": "event_callback", ', id="slack-invalid-json"),
    pytest.param(b"[1, 2]", id="slack-json-array"),
    pytest.param(json_body({"type": "event_callback"}), id="slack-no-event"),
    pytest.param(slack_event(5), id="slack-number-text"),
    pytest.param(DEEP, id="slack-deeply-nested"),
]


@pytest.mark.parametrize("body", SLACK_BODIES)
def test_a_bad_but_signed_slack_request_is_not_a_server_error(guarded_bot: GuardedBot, body: bytes) -> None:
    status, answer = post(guarded_bot.url + SLACK, body, signed_headers(body))
    assert status < 500, answer
    assert "Traceback" not in answer
    assert_still_serving(guarded_bot)


@pytest.mark.parametrize("text", ["eye\x00lid twitch", *UNUSUAL_TEXTS.values()])
def test_unusual_text_on_slack_is_answered(guarded_bot: GuardedBot, text: str) -> None:
    user, channel = new_id("U"), new_id("D")
    body = direct_message(user, channel, text)
    assert post(guarded_bot.url + SLACK, body, signed_headers(body))[0] == 200
    guarded_bot.slack_api.wait_for(lambda call: call.params.get("channel") == channel)
    assert_still_serving(guarded_bot)


TELEGRAM = "/webhooks/telegram/webhook"
TELEGRAM_BODIES = [
    pytest.param(b"", id="telegram-empty-body"),
    pytest.param(b'{"update_id": 1, ', id="telegram-invalid-json"),
    pytest.param(b"[1, 2]", id="telegram-json-array"),
    # Telegram sends updates without a message, e.g. when a person blocks the bot (my_chat_member).
    pytest.param(json_body({"update_id": 1}), id="telegram-no-message"),
    pytest.param(update(new_chat_id(), 5), id="telegram-number-text"),  # type: ignore[arg-type]
    pytest.param(DEEP, id="telegram-deeply-nested"),
]


def telegram_headers() -> dict[str, str]:
    return {"Content-Type": JSON, "X-Telegram-Bot-Api-Secret-Token": TELEGRAM_SECRET_TOKEN}


@pytest.mark.parametrize("body", TELEGRAM_BODIES)
def test_a_bad_telegram_update_with_the_secret_is_not_a_server_error(
    guarded_bot: GuardedBot, body: bytes
) -> None:
    status, answer = post(guarded_bot.url + TELEGRAM, body, telegram_headers())
    assert status < 500, answer
    assert "Traceback" not in answer
    assert_still_serving(guarded_bot)


@pytest.mark.parametrize("text", ["eye\x00lid twitch", *UNUSUAL_TEXTS.values()])
def test_unusual_text_on_telegram_is_answered(guarded_bot: GuardedBot, text: str) -> None:
    chat_id = new_chat_id()
    assert post(guarded_bot.url + TELEGRAM, update(chat_id, text), telegram_headers()) == (200, "success")
    sent = guarded_bot.telegram_api.calls_where(
        lambda call: call.method == "sendMessage" and call.params["chat_id"] == str(chat_id)
    )
    assert sent, "the assistant answered"
    assert_still_serving(guarded_bot)
