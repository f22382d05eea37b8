"""Per-sender rate limiting on the public channels, against the running assistant (limit: RATE_LIMIT a minute).

Messages are sent all at once: the limit is checked on arrival, and one more message is allowed only every
60 / RATE_LIMIT seconds, far longer than they take to arrive."""

from __future__ import annotations

import json
from concurrent.futures import ThreadPoolExecutor

from bot.channels.guard import RATE_LIMITED_NOTICE
from tests.robustness.conftest import (
    DESCRIPTION,
    RATE_LIMIT,
    GuardedBot,
    WidgetClient,
    new_sender,
    rest_message,
    send_rest,
    user_texts,
)

EXTRA = 2


def test_rest_answers_429_with_a_friendly_message_beyond_the_limit_and_drops_those_messages(
    guarded_bot: GuardedBot,
) -> None:
    sender = new_sender("busy")
    bodies = [
        json.dumps({"sender": sender, "message": f"message {n}"}).encode() for n in range(RATE_LIMIT + EXTRA)
    ]
    with ThreadPoolExecutor(max_workers=len(bodies)) as pool:
        answers = list(pool.map(lambda body: send_rest(guarded_bot.url, body), bodies))

    statuses = sorted(status for status, _ in answers)
    assert statuses == [200] * RATE_LIMIT + [429] * EXTRA
    refusal = json.loads(next(body for status, body in answers if status == 429))
    assert refusal["message"] == RATE_LIMITED_NOTICE
    assert len(user_texts(guarded_bot.url, sender)) == RATE_LIMIT

    other_status, other_replies = rest_message(guarded_bot.url, new_sender("calm"), DESCRIPTION)
    assert other_status == 200 and other_replies, "another sender is not limited"


def test_socket_io_answers_with_a_friendly_message_beyond_the_limit_and_drops_those_messages(
    guarded_bot: GuardedBot,
) -> None:
    widget = WidgetClient(guarded_bot.url)
    try:
        session = widget.start_session()
        for n in range(RATE_LIMIT + EXTRA):
            widget.sio.emit("user_uttered", {"session_id": session, "message": f"message {n}"})
        replies = widget.send({"session_id": session, "message": "one more"})
    finally:
        widget.close()

    assert [reply["text"] for reply in replies].count(RATE_LIMITED_NOTICE) == EXTRA + 1
    assert len(user_texts(guarded_bot.url, session)) == RATE_LIMIT
