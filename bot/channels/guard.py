"""Checks applied to what arrives at a public entry point before any of it reaches Rasa, and per-sender rate
limiting. Pure Python, so that each rule is testable without a server.

Why each limit:
- MAX_MESSAGE_CHARS: a description of a twitch, with every follow-up detail, fits in a few hundred characters;
  the language pipeline's time grows with the text and Rasa handles one message at a time per process, so a
  100 KB message held every conversation up for more than a minute. Longer messages are cut, and the person told.
- MAX_SENDER_ID_CHARS: the SQL tracker store keeps sender ids in a 255-character column; a longer id would fail
  there (PostgreSQL) instead of being refused here.
- MAX_JSON_DEPTH: Python's JSON parser recurses, so a deeply nested body must be refused before it is parsed
  in full; no entry point of ours needs more than a few levels.
- MAX_BODY_BYTES: a capped message with metadata fits easily; anything far larger is not a chat message.
"""

from __future__ import annotations

import json
import re
import time
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from http import HTTPStatus
from typing import Any
from urllib.parse import unquote

MAX_MESSAGE_CHARS = 2000
MAX_SENDER_ID_CHARS = 255
MAX_JSON_DEPTH = 32
MAX_BODY_BYTES = 1_000_000
DEFAULT_RATE_LIMIT_PER_MINUTE = 20

LONG_MESSAGE_NOTICE = (
    f"That's a long message: I've read the first {MAX_MESSAGE_CHARS:,} characters. "
    "If something important came after that, please send it in a new message."
)
RATE_LIMITED_NOTICE = (
    "You're sending messages faster than I can read them. Please wait a minute, then carry on: "
    "nothing you've told me so far is lost."
)


def no_reply_notice(emergency_number: str | None) -> str:
    """Said when a turn produced no reply at all (the action server is down, say): silence in a health chat
    could hide an emergency, so the notice repeats what to do in one."""
    number = emergency_number or "your local emergency number"
    return (
        "Sorry, I couldn't answer that just now: please try again in a moment. If your face has suddenly "
        f"drooped, an arm is weak or your speech is slurred, call {number} now."
    )


EMPTY_MESSAGE_NOTICE = "I didn't get any text. Tell me in your own words what you're noticing."
# Kept in a message: line breaks and tabs are how people lay out what they write.
KEPT_CONTROL_CHARACTERS = frozenset("\n\t")


class BadInput(Exception):
    """A request refused before it reached Rasa: the HTTP status and a sentence saying what was wrong."""

    def __init__(self, message: str, status: HTTPStatus = HTTPStatus.BAD_REQUEST) -> None:
        super().__init__(message)
        self.message = message
        self.status = status


@dataclass(frozen=True)
class ChatMessage:
    sender_id: str
    text: str
    truncated: bool
    metadata: dict[str, Any] = field(default_factory=dict)


def parse_json_body(body: bytes, content_type: str | None) -> Any:
    """The body as JSON, or BadInput saying why it is not acceptable."""
    if not is_json_content_type(content_type):
        # Requiring application/json also makes a browser on another site ask first (a CORS preflight),
        # which the server then refuses, instead of posting a "simple" text/plain request unseen.
        raise BadInput(
            "Send the body as JSON, with Content-Type: application/json.", HTTPStatus.UNSUPPORTED_MEDIA_TYPE
        )
    if len(body) > MAX_BODY_BYTES:
        raise BadInput(
            f"The body is larger than {MAX_BODY_BYTES:,} bytes.", HTTPStatus.REQUEST_ENTITY_TOO_LARGE
        )
    if not body.strip():
        raise BadInput("The body is empty: send a JSON object.")
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        raise BadInput("The body is not valid UTF-8.") from None
    if nesting_depth_exceeds(text, MAX_JSON_DEPTH):
        raise BadInput(f"The JSON is nested more than {MAX_JSON_DEPTH} levels deep.")
    try:
        return json.loads(text)
    except ValueError:
        raise BadInput("The body is not valid JSON.") from None


def is_json_content_type(content_type: str | None) -> bool:
    media_type = (content_type or "").split(";", 1)[0].strip().lower()
    return media_type == "application/json"


def nesting_depth_exceeds(json_text: str, limit: int) -> bool:
    """Whether brackets outside strings nest deeper than `limit`, found without parsing (see the module doc)."""
    depth = 0
    in_string = escaped = False
    for character in json_text:
        if in_string:
            if escaped:
                escaped = False
            elif character == "\\":
                escaped = True
            elif character == '"':
                in_string = False
        elif character == '"':
            in_string = True
        elif character in "[{":
            depth += 1
            if depth > limit:
                return True
        elif character in "]}":
            depth -= 1
    return False


def chat_message(
    payload: Any, sender_key: str = "sender", text_key: str = "message", metadata_key: str = "metadata"
) -> ChatMessage:
    """A person's message from a parsed request: sender id checked, text cleaned and capped."""
    if not isinstance(payload, dict):
        raise BadInput(f'Send a JSON object such as {{"{sender_key}": "id", "{text_key}": "text"}}.')
    sender_id = valid_sender_id(payload.get(sender_key), sender_key)
    text = payload.get(text_key)
    if not isinstance(text, str):
        raise BadInput(f'"{text_key}" must be a string.')
    text, truncated = capped(clean_text(text))
    if not text.strip():
        raise BadInput(EMPTY_MESSAGE_NOTICE)
    metadata = payload.get(metadata_key) or {}
    if not isinstance(metadata, dict):
        raise BadInput(f'"{metadata_key}", when given, must be a JSON object.')
    return ChatMessage(sender_id, text, truncated, metadata)


def valid_sender_id(value: Any, key: str = "sender") -> str:
    """The conversation id as given, or BadInput: without this, a missing id put everyone in one conversation."""
    if not isinstance(value, str) or not value.strip():
        raise BadInput(f'"{key}" must be a non-empty string identifying the conversation.')
    if len(value) > MAX_SENDER_ID_CHARS:
        raise BadInput(f'"{key}" is longer than {MAX_SENDER_ID_CHARS} characters.')
    if not value.isprintable():
        raise BadInput(f'"{key}" must not contain control characters.')
    return value


def clean_text(text: str) -> str:
    """Control characters become spaces and unpaired surrogates (which no store can encode) become U+FFFD."""
    return "".join(cleaned_character(character) for character in text)


def cleaned_character(character: str) -> str:
    category = unicodedata.category(character)
    if category == "Cc" and character not in KEPT_CONTROL_CHARACTERS:
        return " "
    if category == "Cs":  # JSON's parser joins paired surrogates, so any left are unpaired
        return "\ufffd"
    return character


def capped(text: str) -> tuple[str, bool]:
    """The first MAX_MESSAGE_CHARS characters, and whether anything was cut."""
    return text[:MAX_MESSAGE_CHARS], len(text) > MAX_MESSAGE_CHARS


def rate_limit_per_minute(value: Any) -> int:
    """The configured limit (RATE_LIMIT_PER_MINUTE, passed on in the channel's credentials); 0 turns it off."""
    if value is None or value == "":
        return DEFAULT_RATE_LIMIT_PER_MINUTE
    limit = int(value)
    if limit < 0:
        raise ValueError(f"RATE_LIMIT_PER_MINUTE must be 0 (off) or a positive number, not {value!r}")
    return limit


class RateLimiter:
    """A token bucket per sender: `per_minute` messages at once, then one more every 60/per_minute seconds.

    In-process: with several Rasa replicas each keeps its own buckets, so a sender whose messages are spread
    over N replicas may send up to N times the limit.
    """

    # A bucket left alone long enough to be full again is the same as no bucket; past this many senders,
    # such buckets are dropped so that the table does not grow with every sender ever seen.
    PRUNE_ABOVE_SENDERS = 10_000

    def __init__(self, per_minute: int, clock: Callable[[], float] = time.monotonic) -> None:
        self.per_minute = per_minute
        self.clock = clock
        self._buckets: dict[str, tuple[float, float]] = {}  # sender -> (tokens, time they were counted)

    def allow(self, sender_id: str) -> bool:
        """Whether this sender may send a message now; if so, the message is counted."""
        if self.per_minute == 0:
            return True
        now = self.clock()
        tokens = self._tokens(sender_id, now)
        if tokens < 1:
            self._buckets[sender_id] = (tokens, now)
            return False
        self._buckets[sender_id] = (tokens - 1, now)
        if len(self._buckets) > self.PRUNE_ABOVE_SENDERS:
            self._prune(now)
        return True

    def seconds_until_allowed(self, sender_id: str) -> float:
        if self.per_minute == 0:
            return 0.0
        missing = 1 - self._tokens(sender_id, self.clock())
        return max(0.0, missing * 60 / self.per_minute)

    def _tokens(self, sender_id: str, now: float) -> float:
        tokens, counted_at = self._buckets.get(sender_id, (float(self.per_minute), now))
        return min(float(self.per_minute), tokens + (now - counted_at) * self.per_minute / 60)

    def _prune(self, now: float) -> None:
        full = [sender for sender in self._buckets if self._tokens(sender, now) >= self.per_minute]
        for sender in full:
            del self._buckets[sender]


# The HTTP API routes that read a JSON body, by the part of the path after /conversations/<id>/ (or the path):
# what the body must be. Rasa answers some malformed bodies of these with 500 and a Python error message.
CONVERSATION_PATH = re.compile(
    r"^/conversations/(?P<conversation_id>.+?)/(?P<endpoint>tracker/events|tracker|story|execute|trigger_intent"
    r"|predict|messages)$"
)
API_BODIES_WITH_TEXT = frozenset({"messages", "/model/parse"})
API_BODIES_OBJECT_OR_LIST = frozenset({"tracker/events"})
API_BODIES_OBJECT = frozenset({"execute", "trigger_intent", "messages", "/model/parse"})
# The other channels' webhooks (Slack, Telegram): Rasa's connectors answer 500 to a JSON body that is empty or
# not an object. Form posts (Slack's button clicks) are theirs to read. The REST channel checks its own.
OTHER_WEBHOOK_PATH = re.compile(r"^/webhooks/(?!rest/)[^/]+/webhook$")


def check_http_request(method: str, path: str, body: bytes, content_type: str | None) -> None:
    """Raises BadInput for an HTTP API or webhook request Rasa would fail on; other requests pass untouched."""
    if method == "POST" and OTHER_WEBHOOK_PATH.match(path) and is_json_content_type(content_type):
        payload = parse_json_body(body, content_type)
        if not isinstance(payload, dict):
            raise BadInput("Send a JSON object.")
        check_chat_webhook(path, payload)
        return
    conversation = CONVERSATION_PATH.match(path)
    if conversation:
        valid_sender_id(unquote(conversation["conversation_id"]), "conversation id")
    endpoint = conversation["endpoint"] if conversation else path
    if method not in ("POST", "PUT") or endpoint not in API_BODIES_OBJECT | API_BODIES_OBJECT_OR_LIST:
        return
    payload = parse_json_body(body, content_type)
    if endpoint in API_BODIES_OBJECT_OR_LIST:
        events = payload if isinstance(payload, list) else [payload]
        if not events or not all(isinstance(event, dict) for event in events):
            raise BadInput("Send an event as a JSON object, or a list of them.")
        return
    if not isinstance(payload, dict):
        raise BadInput("Send a JSON object.")
    if endpoint in API_BODIES_WITH_TEXT:
        check_api_text(payload.get("text"))


TELEGRAM_MESSAGE_KEYS = ("message", "edited_message", "callback_query")


def check_chat_webhook(path: str, payload: dict[str, Any]) -> None:
    """Slack events and Telegram updates that Rasa's connectors would fail on (a 500, which both platforms
    retry): a text that is not a string, or a Telegram update with no message in it."""
    if path.startswith("/webhooks/slack/"):
        event = payload.get("event")
        if isinstance(event, dict) and "text" in event and not isinstance(event["text"], str):
            raise BadInput("A Slack event's text must be a string.")
    elif path.startswith("/webhooks/telegram/"):
        messages: list[dict[str, Any]] = [
            payload[key] for key in TELEGRAM_MESSAGE_KEYS if isinstance(payload.get(key), dict)
        ]
        if not messages:
            raise BadInput("This Telegram update has no message to answer.")
        if any("text" in message and not isinstance(message["text"], str) for message in messages):
            raise BadInput("A Telegram message's text must be a string.")


def check_api_text(text: Any) -> None:
    """The HTTP API is for programs, so its text is refused rather than silently cleaned or cut."""
    if not isinstance(text, str):
        raise BadInput('"text" must be a string.')
    if len(text) > MAX_MESSAGE_CHARS:
        raise BadInput(
            f'"text" is longer than {MAX_MESSAGE_CHARS:,} characters.', HTTPStatus.REQUEST_ENTITY_TOO_LARGE
        )
    if clean_text(text) != text:
        raise BadInput('"text" must not contain control characters or unpaired surrogates.')
