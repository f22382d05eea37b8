"""Serves the chat page and the widget's built assets (`make run` starts it beside Rasa).

The demo page embeds the widget exactly as README.md's snippet does; only the Rasa server's address, which differs
between machines (and between test runs, which use free ports), is filled in when the page is served.

It also serves the summary for the doctor of a conversation as FHIR R4, to the holder of BOT_AUTH_TOKEN only:
`GET /api/conversations/{conversation_id}/summary.fhir.json` (bot.web.fhir_api).
"""

from __future__ import annotations

import argparse
import functools
import html
import os
from collections.abc import Mapping
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from bot.web.fhir_api import FHIR_JSON, SummaryApi, conversation_id_of

WEB_ROOT = Path(__file__).resolve().parent / "public"
PAGE_PATHS = ("/", "/index.html")
RASA_URL_PLACEHOLDER = "{{RASA_URL}}"
# Defence in depth behind the widget's text-only rendering: no inline script or event handler on the page runs.
CONTENT_SECURITY_POLICY = "script-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'"


def rasa_url_from_env(env: Mapping[str, str]) -> str:
    """Where browsers reach Rasa: RASA_PUBLIC_URL behind a proxy, else Rasa's port on this machine (`make run`)."""
    public_url = env.get("RASA_PUBLIC_URL")
    if public_url:
        return public_url.rstrip("/")
    return f"http://127.0.0.1:{env.get('RASA_PORT', '5005')}"


def render_page(template: str, rasa_url: str) -> str:
    return template.replace(RASA_URL_PLACEHOLDER, html.escape(rasa_url, quote=True))


class PageHandler(SimpleHTTPRequestHandler):
    def __init__(self, *args: Any, rasa_url: str, summaries: SummaryApi | None = None, **kwargs: Any) -> None:
        self.rasa_url = rasa_url  # before super().__init__, which handles the request
        self.summaries = summaries
        self.cache_control = "no-cache"
        super().__init__(*args, **kwargs)

    # The page talks only to our own Rasa server; nothing is loaded from elsewhere.
    def end_headers(self) -> None:
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Referrer-Policy", "no-referrer")
        self.send_header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        # Revalidate every time, so a rebuilt widget.js is picked up on the next reload; health data is never kept.
        self.send_header("Cache-Control", self.cache_control)
        super().end_headers()

    def do_GET(self) -> None:
        conversation_id = conversation_id_of(self.path)
        if conversation_id is not None and self.summaries is not None:
            self.send_summary(self.summaries, conversation_id)
        elif self.path.split("?", 1)[0] in PAGE_PATHS:
            self.send_page()
        else:
            super().do_GET()

    def send_summary(self, summaries: SummaryApi, conversation_id: str) -> None:
        response = summaries.summary(conversation_id, self.headers.get("Authorization"))
        self.cache_control = "no-store"
        self.send_response(response.status)
        self.send_header("Content-Type", FHIR_JSON)
        self.send_header("Content-Length", str(len(response.body)))
        for name, value in response.headers:
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(response.body)

    def send_page(self) -> None:
        template = (WEB_ROOT / "index.html").read_text(encoding="utf-8")
        body = render_page(template, self.rasa_url).encode("utf-8")
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        """Page requests carry no health data, but keep the console for the servers' own lines."""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8080)
    parser.add_argument(
        "--rasa-url",
        default=rasa_url_from_env(os.environ),
        help="the Rasa server's address as browsers reach it (default: RASA_PUBLIC_URL, else port RASA_PORT here)",
    )
    args = parser.parse_args()
    # The FHIR endpoint reads the same environment as Rasa: its tracker store, and BOT_AUTH_TOKEN (never an argument,
    # which other users of the machine could read).
    handler = functools.partial(
        PageHandler, directory=str(WEB_ROOT), rasa_url=args.rasa_url, summaries=SummaryApi(os.environ)
    )
    ThreadingHTTPServer((args.host, args.port), handler).serve_forever()


if __name__ == "__main__":
    main()
