"""The socket.io channel (the chat widget) with every event checked before Rasa sees it.

Rasa 3.6's SocketIOInput raises inside its handler when a message event carries something other than an
object with a text `message` (the person is left without an answer and the error is logged with the data),
accepts any session id as a conversation id, and lets a page on any site open a socket. This one answers a bad
event with a bot message saying what was wrong, cuts long messages (saying so), limits each conversation's
rate, and refuses connections whose Origin is not one of the configured CORS origins. Browsers apply CORS to
HTTP requests only; for a WebSocket the server has to check the Origin itself.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Awaitable, Callable, Sequence
from typing import Any

from rasa.core.channels.channel import InputChannel, UserMessage
from rasa.core.channels.socketio import SocketIOInput, SocketIOOutput
from sanic import Blueprint
from socketio import AsyncServer

from bot.channels.guard import (
    LONG_MESSAGE_NOTICE,
    RATE_LIMITED_NOTICE,
    BadInput,
    ChatMessage,
    RateLimiter,
    chat_message,
    no_reply_notice,
    rate_limit_per_minute,
    valid_sender_id,
)

logger = logging.getLogger(__name__)

SESSION_KEY = "session_id"


class AnsweringSocketIOOutput(SocketIOOutput):
    """Remembers whether anything was sent, so that a turn is never answered with silence."""

    def __init__(self, sio: AsyncServer, bot_message_evt: str) -> None:
        super().__init__(sio, bot_message_evt)
        self.sent = False

    async def _send_message(self, socket_id: str, response: Any) -> None:
        self.sent = True
        await super()._send_message(socket_id, response)


class GuardedSocketIOInput(SocketIOInput):
    """Registered in credentials as `bot.channels.socketio.GuardedSocketIOInput`; keeps Rasa's name and URL."""

    def __init__(
        self, *args: Any, rate_limit: int, allowed_origins: Sequence[str] = (), **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.rate_limiter = RateLimiter(rate_limit)
        self.allowed_origins = frozenset(allowed_origins)

    @classmethod
    def from_credentials(cls, credentials: dict[str, Any] | None) -> InputChannel:
        given = credentials or {}
        return cls(
            given.get("user_message_evt", "user_uttered"),
            given.get("bot_message_evt", "bot_uttered"),
            given.get("namespace"),
            given.get("session_persistence", False),
            given.get("socketio_path", "/socket.io"),
            given.get("jwt_key"),
            given.get("jwt_method", "HS256"),
            given.get("metadata_key", "metadata"),
            rate_limit=rate_limit_per_minute(given.get("rate_limit_per_minute")),
            allowed_origins=given.get("cors_allowed_origins") or (),
        )

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        webhook = super().blueprint(on_new_message)
        sio = self.sio
        assert sio is not None  # set by Rasa's blueprint()
        namespace = self.namespace or "/"
        rasa_connect = sio.handlers[namespace]["connect"]
        rasa_session_request = sio.handlers[namespace]["session_request"]

        async def connect(sid: str, environ: dict[str, Any], auth: Any = None) -> bool:
            origin = environ.get("HTTP_ORIGIN")
            if origin and not self.origin_allowed(origin):
                logger.warning("Refused a socket.io connection from origin %s.", origin)
                return False
            return bool(await rasa_connect(sid, environ, auth))

        async def session_request(sid: str, data: Any = None, *_: Any) -> None:
            # An unusable session id is treated as none: the person gets a new conversation.
            await rasa_session_request(sid, data if has_valid_session_id(data) else None)

        async def handle_message(sid: str, data: Any = None, *_: Any) -> None:
            await self.handle_message(sio, sid, data, on_new_message)

        sio.on("connect", connect, namespace=self.namespace)
        sio.on("session_request", session_request, namespace=self.namespace)
        sio.on(self.user_message_evt, handle_message, namespace=self.namespace)
        return webhook

    def origin_allowed(self, origin: str) -> bool:
        return not self.allowed_origins or "*" in self.allowed_origins or origin in self.allowed_origins

    async def handle_message(
        self, sio: AsyncServer, sid: str, data: Any, on_new_message: Callable[[UserMessage], Awaitable[Any]]
    ) -> None:
        output = AnsweringSocketIOOutput(sio, self.bot_message_evt)
        try:
            message = chat_message(
                self.with_sender(sid, data), sender_key=SESSION_KEY, metadata_key=str(self.metadata_key)
            )
        except BadInput as error:
            await output.send_text_message(sid, error.message)
            return
        if not self.rate_limiter.allow(message.sender_id):
            await output.send_text_message(message.sender_id, RATE_LIMITED_NOTICE)
            return
        if message.truncated:
            await output.send_text_message(message.sender_id, LONG_MESSAGE_NOTICE)
        await on_new_message(self.user_message(message, output))
        if not output.sent:
            await output.send_text_message(
                message.sender_id, no_reply_notice(os.environ.get("EMERGENCY_NUMBER"))
            )

    def with_sender(self, sid: str, data: Any) -> Any:
        """Without session persistence, the socket is the conversation (as in Rasa)."""
        if self.session_persistence or not isinstance(data, dict):
            return data
        return {**data, SESSION_KEY: sid}

    def user_message(self, message: ChatMessage, output: AnsweringSocketIOOutput) -> UserMessage:
        return UserMessage(
            message.text, output, message.sender_id, input_channel=self.name(), metadata=message.metadata
        )


def has_valid_session_id(data: Any) -> bool:
    if not isinstance(data, dict) or data.get(SESSION_KEY) is None:
        return False
    try:
        valid_sender_id(data[SESSION_KEY], SESSION_KEY)
    except BadInput:
        return False
    return True
