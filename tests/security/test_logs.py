"""What people write is health information: it must not reach the servers' logs at INFO or above, whichever
channel it came through and whether or not it was accepted. The servers' whole output is read from a file."""

from __future__ import annotations

import json
import uuid

from tests.robustness.conftest import WidgetClient, send_rest, tracker_events, user_texts
from tests.security.conftest import LoggedBot


def distinctive(label: str) -> str:
    return f"my left eyelid twitches {label} {uuid.uuid4().hex}"


def test_message_text_is_not_in_the_servers_output(logged_bot: LoggedBot) -> None:
    answered = distinctive("answered")
    status, _ = send_rest(logged_bot.url, json.dumps({"sender": "log-check", "message": answered}).encode())
    assert status == 200

    # Refused before Rasa. Rasa's own REST channel failed on this body, and it logs a failed message's text at ERROR.
    refused = distinctive("refused")
    nested = "[" * 900 + "]" * 900
    body = f'{{"sender": "log-check-2", "message": "{refused}", "metadata": {{"x": {nested}}}}}'
    assert send_rest(logged_bot.url, body.encode())[0] == 400

    by_socket = distinctive("socket")
    widget = WidgetClient(logged_bot.url)
    try:
        session = widget.start_session()
        assert widget.send({"session_id": session, "message": by_socket})
        assert widget.send([session, by_socket])  # a malformed event: answered with what was wrong
    finally:
        widget.close()
    # The tracker store is written once the answer is given; by now every server had its chance to log.
    assert user_texts(logged_bot.url, "log-check") == [answered]
    assert tracker_events(logged_bot.url, session)

    output = logged_bot.output()
    assert "Rasa server is up and running" in output, "the servers' output is captured"
    for text in (answered, refused, by_socket):
        assert text not in output
