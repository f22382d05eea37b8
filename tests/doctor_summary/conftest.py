"""One assistant with BOT_AUTH_TOKEN set and the chat page's server, for the tests of the summary over HTTP."""

from __future__ import annotations

import json
import urllib.error
import urllib.parse
import urllib.request
import uuid
from collections.abc import Iterator
from dataclasses import dataclass

import pytest

from tests.conftest import RunningBot, start_bot

TOKEN = f"summary-{uuid.uuid4().hex}"


@pytest.fixture(scope="package")
def bot_with_token(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningBot]:
    bot = start_bot(tmp_path_factory.mktemp("summary"), {"BOT_AUTH_TOKEN": TOKEN}, with_web=True)
    yield bot
    bot.servers.stop()


@dataclass
class HttpAnswer:
    status: int
    headers: dict[str, str]
    body: bytes

    def json(self) -> dict[str, object]:
        parsed: dict[str, object] = json.loads(self.body)
        return parsed


def summary_url(bot: RunningBot, conversation_id: str) -> str:
    return f"{bot.web_url}/api/conversations/{urllib.parse.quote(conversation_id, safe='')}/summary.fhir.json"


def get_summary(
    bot: RunningBot, conversation_id: str, authorization: str | None = f"Bearer {TOKEN}", query: str = ""
) -> HttpAnswer:
    headers = {"Authorization": authorization} if authorization is not None else {}
    request = urllib.request.Request(summary_url(bot, conversation_id) + query, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return HttpAnswer(response.status, dict(response.headers), response.read())
    except urllib.error.HTTPError as error:
        return HttpAnswer(error.code, dict(error.headers), error.read())
