"""Telegram through Rasa 3.6's connector, with the webhook's secret token verified.

Rasa 3.6 accepts any POST to /webhooks/telegram/webhook whose bot name matches: anyone who knows the URL
could speak for any chat id. Telegram sends the secret given to setWebhook in the
`X-Telegram-Bot-Api-Secret-Token` header of every update; a request without the right one is refused before
anything of it is read or processed. aiogram 2.15 (Rasa's pin) predates that setWebhook parameter, so the
registration call is made here.

Also: buttons go out as reply keyboards (a tap sends the button's title as the person's message), and the
Bot API base URL is configurable (TELEGRAM_API_BASE_URL) so that tests can answer for Telegram on this machine.
"""

from __future__ import annotations

import asyncio
import hmac
import logging
from collections.abc import Awaitable, Callable
from http import HTTPStatus
from typing import Any

from aiogram.bot import api
from aiogram.utils.exceptions import TelegramAPIError
from rasa.core.channels.channel import InputChannel, UserMessage
from rasa.core.channels.telegram import TelegramInput, TelegramOutput
from rasa.shared.exceptions import InvalidConfigException, RasaException
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

logger = logging.getLogger(__name__)

TELEGRAM_API_BASE_URL = "https://api.telegram.org"
SECRET_TOKEN_HEADER = "X-Telegram-Bot-Api-Secret-Token"


class SecretTokenTelegramOutput(TelegramOutput):
    def __init__(self, access_token: str, secret_token: str, api_base_url: str) -> None:
        super().__init__(access_token)
        self.server = api.TelegramAPIServer.from_base(api_base_url)
        self.secret_token = secret_token

    async def set_webhook(self, url: str) -> bool:
        """Registers the webhook together with the secret Telegram must then send with every update."""
        return bool(
            await self.request(api.Methods.SET_WEBHOOK, {"url": url, "secret_token": self.secret_token})
        )

    async def send_text_with_buttons(
        self,
        recipient_id: str,
        text: str,
        buttons: list[dict[str, Any]],
        button_type: str | None = "reply",
        **kwargs: Any,
    ) -> None:
        """Reply keyboards by default: the person's choice then shows in the chat as their own answer."""
        await super().send_text_with_buttons(recipient_id, text, buttons, button_type=button_type, **kwargs)


class SecretTokenTelegramInput(TelegramInput):
    def __init__(
        self,
        access_token: str | None,
        verify: str | None,
        webhook_url: str | None,
        secret_token: str | None,
        api_base_url: str = TELEGRAM_API_BASE_URL,
    ) -> None:
        if not secret_token:
            raise InvalidConfigException(
                "The Telegram channel needs a `secret_token`: without it anyone could post updates to it."
            )
        super().__init__(access_token, verify, webhook_url)
        self.secret_token = secret_token
        self.api_base_url = api_base_url

    @classmethod
    def from_credentials(cls, credentials: dict[str, Any] | None) -> InputChannel:
        given = credentials or {}
        if not given:
            cls.raise_missing_credentials_exception()
        return cls(
            given.get("access_token"),
            given.get("verify"),
            given.get("webhook_url"),
            given.get("secret_token"),
            given.get("api_base_url") or TELEGRAM_API_BASE_URL,
        )

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        telegram_webhook: Blueprint = super().blueprint(on_new_message)

        @telegram_webhook.middleware("request")
        async def refuse_without_secret_token(request: Request) -> HTTPResponse | None:
            if is_health_check(request) or self.has_secret_token(request):
                return None
            logger.warning(
                "Refused a Telegram webhook request without the right %s header.", SECRET_TOKEN_HEADER
            )
            return response.text("forbidden", status=HTTPStatus.FORBIDDEN)

        return telegram_webhook

    def has_secret_token(self, request: Request) -> bool:
        sent = request.headers.get(SECRET_TOKEN_HEADER, "")
        return hmac.compare_digest(sent.encode(), str(self.secret_token).encode())

    def get_output_channel(self) -> SecretTokenTelegramOutput:
        channel = SecretTokenTelegramOutput(str(self.access_token), str(self.secret_token), self.api_base_url)
        asyncio.run(self._register_webhook(channel))
        return channel

    async def _register_webhook(self, channel: SecretTokenTelegramOutput) -> None:
        try:
            await channel.set_webhook(str(self.webhook_url))
        except TelegramAPIError as error:
            raise RasaException(f"Failed to set the Telegram webhook: {error}") from error
        finally:
            # The HTTP session belongs to this start-up event loop, which ends here; the server opens its own.
            await channel.session.close()


def is_health_check(request: Request) -> bool:
    """GET /webhooks/telegram/ tells a load balancer the channel is up; it reads and does nothing."""
    return request.method == "GET" and request.path.rstrip("/").endswith("/telegram")
