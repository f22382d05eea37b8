"""A small client for the REST channel and the HTTP API, as an app or a tester would use them."""

from __future__ import annotations

import json
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from typing import Any

from bot.triage.question_wording import question_for_text


@dataclass
class ChatClient:
    base_url: str
    sender: str
    token: str | None = None
    timeout: float = 60.0

    def send(self, text: str) -> list[dict[str, Any]]:
        """Send one message; the bot's replies (text, buttons, custom payloads)."""
        body = json.dumps({"sender": self.sender, "message": text}).encode()
        request = urllib.request.Request(
            f"{self.base_url}/webhooks/rest/webhook", data=body, headers={"Content-Type": "application/json"}
        )
        with urllib.request.urlopen(request, timeout=self.timeout) as response:
            replies: list[dict[str, Any]] = json.loads(response.read())
        return replies

    def tracker(self) -> dict[str, Any]:
        query = f"?{urllib.parse.urlencode({'token': self.token})}" if self.token else ""
        url = f"{self.base_url}/conversations/{urllib.parse.quote(self.sender, safe='')}/tracker{query}"
        with urllib.request.urlopen(url, timeout=self.timeout) as response:
            tracker: dict[str, Any] = json.loads(response.read())
        return tracker


def question_asked(replies: list[dict[str, Any]]) -> str | None:
    """The intake question (bot.triage.intake name) among the replies, if one was asked."""
    for reply in replies:
        name = question_for_text(reply.get("text", ""))
        if name:
            return name
    return None
