"""The page server fills the Rasa address into the demo page, safely, and serves the page with its headers."""

from __future__ import annotations

import functools
import threading
import urllib.request
from collections.abc import Iterator
from http.server import ThreadingHTTPServer

import pytest

from bot.web.server import WEB_ROOT, PageHandler, rasa_url_from_env, render_page


def test_the_rasa_address_defaults_to_rasa_port_on_this_machine() -> None:
    assert rasa_url_from_env({}) == "http://127.0.0.1:5005"
    assert rasa_url_from_env({"RASA_PORT": "6123"}) == "http://127.0.0.1:6123"


def test_a_public_address_wins_over_the_local_port() -> None:
    env = {"RASA_PUBLIC_URL": "https://chat.example.org/", "RASA_PORT": "6123"}
    assert rasa_url_from_env(env) == "https://chat.example.org"


def test_the_address_cannot_break_out_of_its_attribute() -> None:
    page = render_page('<div data-server-url="{{RASA_URL}}"></div>', 'http://x"><script>alert(1)</script>')
    assert "<script>" not in page
    assert page == '<div data-server-url="http://x&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"></div>'


@pytest.fixture
def page_server() -> Iterator[str]:
    handler = functools.partial(PageHandler, directory=str(WEB_ROOT), rasa_url="http://127.0.0.1:6123")
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_the_demo_page_embeds_the_snippet_with_the_rasa_address(page_server: str) -> None:
    with urllib.request.urlopen(page_server + "/", timeout=5) as response:
        page = response.read().decode("utf-8")
        csp = response.headers["Content-Security-Policy"]
    assert '<div id="twitch-triage-chat" data-server-url="http://127.0.0.1:6123"></div>' in page
    assert '<script src="widget.js"></script>' in page
    assert "script-src 'self'" in csp
