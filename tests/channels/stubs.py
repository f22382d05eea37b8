"""Stand-ins for the Slack Web API and the Telegram Bot API at their HTTP boundary, on 127.0.0.1.

The assistant's connectors run unchanged in the Rasa process and call these instead of slack.com and
api.telegram.org; each stub records every call so that a test can check what would have been sent.
"""

from __future__ import annotations

import json
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

TELEGRAM_BOT_NAME = "twitch_triage_test_bot"


@dataclass(frozen=True)
class ApiCall:
    path: str
    headers: dict[str, str]
    params: dict[str, Any]

    @property
    def method(self) -> str:
        """The API method: the last part of the path, e.g. chat.postMessage or sendMessage."""
        return self.path.rstrip("/").rsplit("/", 1)[-1]


def request_params(content_type: str, body: bytes) -> dict[str, Any]:
    """Slack's client sends JSON; aiogram sends a form whose structured fields are JSON strings."""
    if content_type.startswith("application/json"):
        params: dict[str, Any] = json.loads(body or b"{}")
        return params
    return {
        key: values[0] for key, values in urllib.parse.parse_qs(body.decode(), keep_blank_values=True).items()
    }


class ApiStub:
    """An HTTP server answering every POST with `answer(call)` and keeping the calls in order."""

    def __init__(self, answer: Callable[[ApiCall], dict[str, Any]]) -> None:
        self.calls: list[ApiCall] = []
        self._lock = threading.Lock()
        stub = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                call = ApiCall(
                    path=self.path,
                    headers=dict(self.headers.items()),
                    params=request_params(self.headers.get("Content-Type", ""), body),
                )
                with stub._lock:
                    stub.calls.append(call)
                reply = json.dumps(answer(call)).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(reply)))
                self.end_headers()
                self.wfile.write(reply)

            def log_message(self, format: str, *args: object) -> None:
                """Quiet: the tests report what matters."""

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self._server.serve_forever, daemon=True).start()

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    def calls_where(self, wanted: Callable[[ApiCall], bool]) -> list[ApiCall]:
        with self._lock:
            return [call for call in self.calls if wanted(call)]

    def wait_for(self, wanted: Callable[[ApiCall], bool], count: int = 1) -> list[ApiCall]:
        """The calls `wanted` picks, once there are `count` (the Slack connector answers in the background)."""
        wait_until(lambda: len(self.calls_where(wanted)) >= count, f"{count} call(s) to the stubbed API")
        return self.calls_where(wanted)

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()


def slack_answer(call: ApiCall) -> dict[str, Any]:
    if call.method == "chat.postMessage":
        return {"ok": True, "channel": call.params.get("channel"), "ts": f"{time.time():.6f}", "message": {}}
    return {"ok": True}


def telegram_answer(call: ApiCall) -> dict[str, Any]:
    if call.method == "getMe":
        return {
            "ok": True,
            "result": {"id": 123456, "is_bot": True, "first_name": "Triage", "username": TELEGRAM_BOT_NAME},
        }
    if call.method == "sendMessage":
        message = {
            "message_id": 1,
            "date": int(time.time()),
            "chat": {"id": int(call.params["chat_id"]), "type": "private"},
            "text": call.params.get("text", ""),
        }
        return {"ok": True, "result": message}
    return {"ok": True, "result": True}


def post(url: str, body: bytes, headers: dict[str, str]) -> tuple[int, str]:
    """The status and text of the answer, whatever the status."""
    request = urllib.request.Request(url, data=body, headers=headers, method="POST")
    try:
        with urllib.request.urlopen(request, timeout=60) as answer:
            return answer.status, answer.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def user_texts(rasa_url: str, conversation_id: str) -> list[str]:
    """What the person said in the conversation, in the order the tracker holds it."""
    url = f"{rasa_url}/conversations/{urllib.parse.quote(conversation_id, safe='')}/tracker"
    with urllib.request.urlopen(url, timeout=30) as answer:
        tracker = json.loads(answer.read())
    return [event["text"] for event in tracker["events"] if event["event"] == "user"]


def wait_until(condition: Callable[[], bool], what: str, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"still waiting for {what} after {timeout:.0f} s")
        time.sleep(0.1)
