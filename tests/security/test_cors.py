"""The widget's origins (CORS_ORIGINS) may call the REST channel and socket.io from a browser; other sites may not."""

from __future__ import annotations

import urllib.request

import pytest
import socketio

from tests.robustness.conftest import WidgetClient
from tests.security.conftest import LoggedBot

OTHER_ORIGIN = "https://elsewhere.example"
PATHS = ["/webhooks/rest/webhook", "/socket.io/?EIO=4&transport=polling"]


def allowed_origin(logged_bot: LoggedBot) -> str:
    return f"http://127.0.0.1:{logged_bot.bot.settings.web_port}"


def preflight(url: str, origin: str) -> dict[str, str]:
    """The headers of the browser's CORS preflight for a JSON POST from `origin`."""
    request = urllib.request.Request(
        url,
        method="OPTIONS",
        headers={
            "Origin": origin,
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "content-type",
        },
    )
    with urllib.request.urlopen(request, timeout=30) as answer:
        return {name.lower(): value for name, value in answer.headers.items()}


@pytest.mark.parametrize("path", PATHS, ids=["rest", "socket.io"])
def test_a_preflight_from_the_widget_s_origin_is_allowed(logged_bot: LoggedBot, path: str) -> None:
    origin = allowed_origin(logged_bot)
    headers = preflight(logged_bot.url + path, origin)
    assert headers["access-control-allow-origin"] == origin
    assert "content-type" in headers["access-control-allow-headers"].lower()


@pytest.mark.parametrize("path", PATHS, ids=["rest", "socket.io"])
def test_a_preflight_from_another_origin_is_not_allowed(logged_bot: LoggedBot, path: str) -> None:
    headers = preflight(logged_bot.url + path, OTHER_ORIGIN)
    assert headers.get("access-control-allow-origin") not in (OTHER_ORIGIN, "*")


def test_a_socket_from_the_widget_s_origin_connects(logged_bot: LoggedBot) -> None:
    widget = WidgetClient(logged_bot.url, origin=allowed_origin(logged_bot))
    try:
        assert widget.start_session()
    finally:
        widget.close()


def test_a_socket_from_another_origin_is_refused(logged_bot: LoggedBot) -> None:
    """Browsers do not apply CORS to WebSockets: the server checks the Origin of a socket itself."""
    with pytest.raises(socketio.exceptions.ConnectionError):
        WidgetClient(logged_bot.url, origin=OTHER_ORIGIN)
