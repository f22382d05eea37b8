"""Slack through Rasa 3.6's connector, which already verifies `X-Slack-Signature` (and rejects a timestamp
more than five minutes off) and answers Slack's url_verification challenge.

What this subclass changes, and why:
- the Slack Web API base URL is configurable (SLACK_API_BASE_URL), so that tests can answer for Slack at its
  HTTP boundary on this machine;
- buttons: Rasa drops all buttons beyond five (an old attachments limit); Slack's actions block takes 25;
- threads: a person who writes in a thread, or mentions the assistant in a channel, is answered in that thread,
  and each thread is a conversation of its own; a direct message outside a thread is answered in place;
- the url_verification challenge is answered as Slack documents it (the bare value as text/plain), once the
  request's signature is verified; Rasa answers with a JSON string, which is none of Slack's accepted forms.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from typing import Any

from rasa.core.channels.channel import InputChannel, OutputChannel, UserMessage
from rasa.core.channels.slack import SlackBot
from rasa.core.channels.slack import SlackInput as RasaSlackInput
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse
from slack_sdk.web.async_client import AsyncWebClient

SLACK_API_BASE_URL = "https://slack.com/api/"
BUTTONS_PER_ACTIONS_BLOCK = 25  # Slack's limit for the elements of one actions block


class SlackOutput(SlackBot):
    def __init__(
        self,
        token: str,
        slack_channel: str | None,
        thread_id: str | None,
        proxy: str | None,
        api_base_url: str,
    ) -> None:
        super().__init__(token, slack_channel, thread_id, proxy)
        self.client = AsyncWebClient(token, proxy=proxy, base_url=api_base_url)

    async def send_text_with_buttons(
        self, recipient_id: str, text: str, buttons: list[dict[str, Any]], **kwargs: Any
    ) -> None:
        await self._post_message(
            channel=self.slack_channel or recipient_id,
            as_user=True,
            text=text,  # shown in notifications, where blocks are not
            blocks=[
                {"type": "section", "text": {"type": "plain_text", "text": text}},
                *button_blocks(buttons),
            ],
        )


def button_blocks(buttons: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Rasa buttons as Slack actions blocks; a click sends the button's payload back as the message."""
    elements = [
        {
            "type": "button",
            "text": {"type": "plain_text", "text": button["title"]},
            "value": button["payload"],
        }
        for button in buttons
    ]
    return [
        {"type": "actions", "elements": elements[start : start + BUTTONS_PER_ACTIONS_BLOCK]}
        for start in range(0, len(elements), BUTTONS_PER_ACTIONS_BLOCK)
    ]


class SlackInput(RasaSlackInput):
    """Configured by bot.config with `use_threads: true` and `conversation_granularity: thread`."""

    api_base_url = SLACK_API_BASE_URL

    @classmethod
    def from_credentials(cls, credentials: dict[str, Any] | None) -> InputChannel:
        channel = super().from_credentials(credentials)
        channel.api_base_url = (credentials or {}).get("api_base_url") or SLACK_API_BASE_URL
        return channel

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        slack_webhook: Blueprint = super().blueprint(on_new_message)

        @slack_webhook.middleware("request")
        async def answer_url_verification(request: Request) -> HTTPResponse | None:
            if is_url_verification(request) and self.is_request_from_slack_authentic(request):
                return response.text(request.json["challenge"])
            return None  # everything else, unsigned challenges included, goes to Rasa's handler

        return slack_webhook

    def get_metadata(self, request: Request) -> dict[str, Any]:
        metadata: dict[str, Any] = super().get_metadata(request)
        if metadata:
            metadata["thread_id"] = thread_to_answer_in(request)
        return metadata

    def get_output_channel(self, channel: str | None = None, thread_id: str | None = None) -> OutputChannel:
        return SlackOutput(
            self.slack_token, channel or self.slack_channel, thread_id, self.proxy, self.api_base_url
        )


def thread_to_answer_in(request: Request) -> str | None:
    """The `ts` of the thread's first message, or None to answer in the conversation itself.

    Rasa would answer every message in a thread under it, which in a direct message starts a new thread,
    and so (with thread granularity) a new conversation, at every message.
    """
    if request.headers.get("content-type") == "application/x-www-form-urlencoded":
        # A button click: the clicked message is the assistant's, already in the thread if there is one.
        clicked = json.loads(request.form["payload"][0]).get("message", {})
        return clicked.get("thread_ts")
    event = request.json.get("event", {})
    if event.get("thread_ts"):
        return str(event["thread_ts"])
    in_direct_message = event.get("channel_type") == "im"
    return None if in_direct_message else event.get("ts")


def is_url_verification(request: Request) -> bool:
    return (
        request.method == "POST"
        and request.headers.get("content-type") == "application/json"
        and request.json.get("type") == "url_verification"
    )
