"""Erasure on request: the confirmation, the slot the tracker store acts on, and the chat widget's marker."""

from __future__ import annotations

import asyncio

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.privacy import ActionDeleteMyData
from bot.privacy.erasure import ERASE_SLOT, ERASED_MESSAGE
from tests.actions.trackers import message, tracker_after


@pytest.mark.parametrize(
    ("channel", "widget_marker"), [("socketio", True), ("rest", False), ("slack", False)]
)
def test_erasure_is_confirmed_and_the_widget_told_to_forget_its_copy(
    channel: str, widget_marker: bool
) -> None:
    tracker = tracker_after(message("affirm"))
    tracker.events[-1]["input_channel"] = channel
    dispatcher = CollectingDispatcher()

    events = asyncio.run(ActionDeleteMyData().run(dispatcher, tracker, {}))

    assert {"event": "slot", "name": ERASE_SLOT, "value": True} in [
        {key: event[key] for key in ("event", "name", "value")} for event in events
    ]
    assert dispatcher.messages[0]["text"] == ERASED_MESSAGE
    # Slack and Telegram would post a custom payload as a message of its own: only the widget gets one.
    custom = [sent["custom"] for sent in dispatcher.messages if sent.get("custom")]
    assert custom == ([{"data": {"conversation": "erased"}}] if widget_marker else [])
