"""The REST channel (`POST /webhooks/rest/webhook`) with every request checked before Rasa sees it.

Rasa 3.6's RestInput answers a body that is not a JSON object with 500, files every message without a sender
under one shared conversation ("default"), lets the client name the input channel, and logs the message text at
ERROR when handling fails. This one refuses bad requests with a 4xx and a JSON `message`, cuts long messages
(saying so in the reply), limits each sender's rate (429), and logs no message text.

It also guards the HTTP API and the other channels' webhooks: `rasa run` offers no hook for the app's middleware
other than a channel's blueprint, so registering this channel's blueprint adds a middleware that refuses the
malformed bodies Rasa would otherwise answer with 500 (see bot.channels.guard.check_http_request). It runs
before the Slack signature and Telegram secret checks, so a malformed unsigned body gets 400, not 401/403.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Awaitable, Callable
from http import HTTPStatus
from typing import Any

from rasa.core.channels.channel import CollectingOutputChannel, InputChannel, UserMessage
from rasa.core.channels.rest import RestInput
from sanic import Blueprint, Sanic, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.channels.guard import (
    LONG_MESSAGE_NOTICE,
    RATE_LIMITED_NOTICE,
    BadInput,
    ChatMessage,
    RateLimiter,
    chat_message,
    check_http_request,
    no_reply_notice,
    parse_json_body,
    rate_limit_per_minute,
)

logger = logging.getLogger(__name__)


def error_response(status: HTTPStatus, message: str, headers: dict[str, str] | None = None) -> HTTPResponse:
    return response.json(
        {"status": status.value, "reason": status.phrase, "message": message}, status, headers
    )


async def refuse_malformed_requests(request: Request) -> HTTPResponse | None:
    try:
        check_http_request(request.method, request.path, request.body, request.content_type)
    except BadInput as error:
        return error_response(error.status, error.message)
    return None


class GuardedBlueprint(Blueprint):
    def register(self, app: Sanic, options: dict[str, Any]) -> None:
        super().register(app, options)
        app.register_middleware(refuse_malformed_requests, "request")


class GuardedRestInput(RestInput):
    """Registered in credentials as `bot.channels.rest.GuardedRestInput`; keeps Rasa's name and URL (`rest`)."""

    def __init__(self, rate_limit: int) -> None:
        self.rate_limiter = RateLimiter(rate_limit)

    @classmethod
    def from_credentials(cls, credentials: dict[str, Any] | None) -> InputChannel:
        return cls(rate_limit_per_minute((credentials or {}).get("rate_limit_per_minute")))

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        webhook = GuardedBlueprint("guarded_rest_webhook", __name__)

        @webhook.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @webhook.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> HTTPResponse:
            try:
                message = chat_message(parse_json_body(request.body, request.content_type))
            except BadInput as error:
                return error_response(error.status, error.message)
            if not self.rate_limiter.allow(message.sender_id):
                wait = self.rate_limiter.seconds_until_allowed(message.sender_id)
                retry_after = {"Retry-After": str(max(1, round(wait)))}
                return error_response(HTTPStatus.TOO_MANY_REQUESTS, RATE_LIMITED_NOTICE, retry_after)
            return await self.answer(message, on_new_message)

        return webhook

    async def answer(
        self, message: ChatMessage, on_new_message: Callable[[UserMessage], Awaitable[Any]]
    ) -> HTTPResponse:
        collector = CollectingOutputChannel()
        try:
            await on_new_message(
                UserMessage(
                    message.text,
                    collector,
                    message.sender_id,
                    input_channel=self.name(),
                    metadata=message.metadata,
                )
            )
        except Exception as error:
            # The traceback can quote the message, which is health information: only at DEBUG.
            logger.error("A REST message could not be handled (%s).", type(error).__name__)
            logger.debug("Handling a REST message failed.", exc_info=True)
            return error_response(
                HTTPStatus.INTERNAL_SERVER_ERROR, "Sorry, something went wrong on my side: please try again."
            )
        replies: list[dict[str, Any]] = collector.messages or [
            {"recipient_id": message.sender_id, "text": no_reply_notice(os.environ.get("EMERGENCY_NUMBER"))}
        ]
        if message.truncated:
            replies = [{"recipient_id": message.sender_id, "text": LONG_MESSAGE_NOTICE}, *replies]
        return response.json(replies)
