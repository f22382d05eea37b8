"""bot.channels.guard without a server: each input rule, the text clean-up and cap, and the rate limiter."""

from __future__ import annotations

import json
from http import HTTPStatus
from typing import Any

import pytest

from bot.channels.guard import (
    DEFAULT_RATE_LIMIT_PER_MINUTE,
    MAX_BODY_BYTES,
    MAX_JSON_DEPTH,
    MAX_MESSAGE_CHARS,
    MAX_SENDER_ID_CHARS,
    BadInput,
    RateLimiter,
    chat_message,
    check_http_request,
    clean_text,
    nesting_depth_exceeds,
    parse_json_body,
    rate_limit_per_minute,
)

JSON = "application/json"


@pytest.mark.parametrize(
    ("body", "content_type", "status"),
    [
        (b"", JSON, HTTPStatus.BAD_REQUEST),
        (b"  \n", JSON, HTTPStatus.BAD_REQUEST),
        (b"{not json", JSON, HTTPStatus.BAD_REQUEST),
        (b'{"message": "\xff\xfe"}', JSON, HTTPStatus.BAD_REQUEST),
        (b"[" * (MAX_JSON_DEPTH + 1) + b"]" * (MAX_JSON_DEPTH + 1), JSON, HTTPStatus.BAD_REQUEST),
        (b'{"sender": "a", "message": "hi"}', "text/plain", HTTPStatus.UNSUPPORTED_MEDIA_TYPE),
        (b"sender=a&message=hi", "application/x-www-form-urlencoded", HTTPStatus.UNSUPPORTED_MEDIA_TYPE),
        (b'{"sender": "a", "message": "hi"}', None, HTTPStatus.UNSUPPORTED_MEDIA_TYPE),
        (b'{"m": "' + b"x" * MAX_BODY_BYTES + b'"}', JSON, HTTPStatus.REQUEST_ENTITY_TOO_LARGE),
    ],
    ids=["empty", "blank", "invalid", "not-utf8", "too-deep", "text-plain", "form", "no-type", "too-big"],
)
def test_a_body_that_is_not_usable_json_is_refused_with_its_status(
    body: bytes, content_type: str | None, status: HTTPStatus
) -> None:
    with pytest.raises(BadInput) as refused:
        parse_json_body(body, content_type)
    assert refused.value.status == status
    assert refused.value.message


def test_json_with_a_charset_and_nesting_at_the_limit_is_accepted() -> None:
    nested = "[" * (MAX_JSON_DEPTH - 2) + "]" * (MAX_JSON_DEPTH - 2)  # inside the body and the metadata
    body = json.dumps({"sender": "a", "message": "hi", "metadata": {"x": json.loads(nested)}}).encode()
    assert parse_json_body(body, "application/json; charset=utf-8")["message"] == "hi"


def test_brackets_inside_strings_do_not_count_as_nesting() -> None:
    text = json.dumps({"message": "[[[[" * 50 + '\\" {{{{' * 50})
    assert not nesting_depth_exceeds(text, MAX_JSON_DEPTH)
    assert nesting_depth_exceeds("[" * 3, 2)


@pytest.mark.parametrize(
    "payload",
    [
        [1, 2],
        "hello",
        None,
        {"message": "hi"},
        {"sender": 5, "message": "hi"},
        {"sender": "", "message": "hi"},
        {"sender": "   ", "message": "hi"},
        {"sender": "s" * (MAX_SENDER_ID_CHARS + 1), "message": "hi"},
        {"sender": "a\x00b", "message": "hi"},
        {"sender": "a"},
        {"sender": "a", "message": 5},
        {"sender": "a", "message": ["hi"]},
        {"sender": "a", "message": ""},
        {"sender": "a", "message": " \n\t "},
        {"sender": "a", "message": "\x00\x01"},
        {"sender": "a", "message": "hi", "metadata": "{}"},
    ],
)
def test_a_payload_without_a_sender_and_a_text_message_is_refused(payload: Any) -> None:
    with pytest.raises(BadInput) as refused:
        chat_message(payload)
    assert refused.value.status == HTTPStatus.BAD_REQUEST


def test_a_long_message_is_cut_at_the_cap_and_marked() -> None:
    message = chat_message({"sender": "a", "message": "twitch " * 1000})
    assert len(message.text) == MAX_MESSAGE_CHARS
    assert message.truncated
    assert not chat_message({"sender": "a", "message": "x" * MAX_MESSAGE_CHARS}).truncated


def test_right_to_left_text_emoji_and_markup_pass_unchanged() -> None:
    for text in ["عيني اليسرى ترتعش", "😣😣👁️", "<script>alert(1)</script>", "'; DROP TABLE events; --"]:
        assert chat_message({"sender": "a", "message": text}).text == text


def test_control_characters_become_spaces_and_unpaired_surrogates_a_replacement_character() -> None:
    assert clean_text("eye\x00lid\x07twitch\r") == "eye lid twitch "
    assert clean_text("line one\n\tline two") == "line one\n\tline two"
    assert clean_text("a\ud800b") == "a\ufffdb"


def test_the_sender_may_be_any_printable_text_up_to_the_limit() -> None:
    sender = "ü" * MAX_SENDER_ID_CHARS
    assert chat_message({"sender": sender, "message": "hi"}).sender_id == sender


def test_socket_io_payloads_name_their_sender_and_metadata_keys() -> None:
    message = chat_message(
        {"session_id": "s1", "message": "hi", "customData": {"page": "home"}},
        sender_key="session_id",
        metadata_key="customData",
    )
    assert (message.sender_id, message.metadata) == ("s1", {"page": "home"})


@pytest.mark.parametrize(
    ("method", "path", "body", "status"),
    [
        ("POST", "/conversations/c/messages", b"[1]", HTTPStatus.BAD_REQUEST),
        ("POST", "/conversations/c/messages", b'{"sender": "user", "text": 5}', HTTPStatus.BAD_REQUEST),
        (
            "POST",
            "/conversations/c/messages",
            b'{"sender": "user", "text": "a\\u0000"}',
            HTTPStatus.BAD_REQUEST,
        ),
        (
            "POST",
            "/conversations/c/messages",
            json.dumps({"sender": "user", "text": "x" * (MAX_MESSAGE_CHARS + 1)}).encode(),
            HTTPStatus.REQUEST_ENTITY_TOO_LARGE,
        ),
        ("POST", "/model/parse", b"{bad", HTTPStatus.BAD_REQUEST),
        ("POST", "/model/parse", b'"text"', HTTPStatus.BAD_REQUEST),
        ("POST", "/conversations/c/tracker/events", b"[1]", HTTPStatus.BAD_REQUEST),
        ("PUT", "/conversations/c/tracker/events", b"[]", HTTPStatus.BAD_REQUEST),
        (
            "GET",
            "/conversations/" + "c" * (MAX_SENDER_ID_CHARS + 1) + "/tracker",
            b"",
            HTTPStatus.BAD_REQUEST,
        ),
    ],
)
def test_a_malformed_http_api_or_webhook_request_is_refused(
    method: str, path: str, body: bytes, status: HTTPStatus
) -> None:
    with pytest.raises(BadInput) as refused:
        check_http_request(method, path, body, JSON)
    assert refused.value.status == status


@pytest.mark.parametrize(
    ("method", "path", "body"),
    [
        ("POST", "/conversations/c/messages", b'{"sender": "user", "text": "my eye twitches"}'),
        ("POST", "/conversations/a%2Fb/tracker/events", b'[{"event": "slot", "name": "x", "value": 1}]'),
        ("POST", "/conversations/c/tracker/events", b'{"event": "restart"}'),
        ("GET", "/conversations/c/tracker", b""),
        ("POST", "/model/train", b"not json: it is YAML"),
        ("POST", "/webhooks/slack/webhook", b'{"type": "event_callback"}'),
        ("POST", "/webhooks/rest/webhook", b"checked by the REST channel itself"),
    ],
)
def test_well_formed_and_unguarded_http_requests_pass(method: str, path: str, body: bytes) -> None:
    check_http_request(method, path, body, JSON)


def test_a_form_post_to_a_webhook_is_left_to_its_channel() -> None:
    check_http_request(
        "POST", "/webhooks/slack/webhook", b"payload=%7B%7D", "application/x-www-form-urlencoded"
    )


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_a_sender_gets_the_limit_at_once_then_one_message_per_share_of_a_minute() -> None:
    clock = FakeClock()
    limiter = RateLimiter(per_minute=20, clock=clock)

    assert all(limiter.allow("a") for _ in range(20))
    assert not limiter.allow("a")
    assert limiter.allow("b"), "each sender has a bucket of its own"
    assert limiter.seconds_until_allowed("a") == pytest.approx(3.0)

    clock.now += 3.0
    assert limiter.allow("a")
    assert not limiter.allow("a")
    clock.now += 60.0
    assert sum(limiter.allow("a") for _ in range(25)) == 20, "an idle minute refills the bucket, no more"


def test_refused_messages_do_not_count_against_the_sender() -> None:
    clock = FakeClock()
    limiter = RateLimiter(per_minute=1, clock=clock)
    assert limiter.allow("a")
    for _ in range(10):
        assert not limiter.allow("a")
    clock.now += 60.0
    assert limiter.allow("a")


def test_full_buckets_are_dropped_once_many_senders_were_seen() -> None:
    clock = FakeClock()
    limiter = RateLimiter(per_minute=2, clock=clock)
    limiter.PRUNE_ABOVE_SENDERS = 3
    for sender in ["a", "b", "c"]:
        limiter.allow(sender)
    clock.now += 60.0
    limiter.allow("d")
    assert limiter.allow("d") and not limiter.allow("d"), "the new sender's bucket is kept"
    assert len(limiter._buckets) == 1


@pytest.mark.parametrize(
    ("configured", "limit"),
    [(None, DEFAULT_RATE_LIMIT_PER_MINUTE), ("", DEFAULT_RATE_LIMIT_PER_MINUTE), ("7", 7)],
)
def test_the_configured_rate_limit_is_read_with_a_default(configured: str | None, limit: int) -> None:
    assert rate_limit_per_minute(configured) == limit


def test_a_zero_limit_turns_rate_limiting_off_and_a_negative_one_is_an_error() -> None:
    limiter = RateLimiter(rate_limit_per_minute("0"))
    assert all(limiter.allow("a") for _ in range(1000))
    with pytest.raises(ValueError):
        rate_limit_per_minute("-1")
