"""Conversations played on a tracker store as Rasa's processor plays them: fetch the tracker, append the turn's
events, save."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable
from typing import Any

from rasa.core.tracker_store import TrackerStore
from rasa.shared.core.events import ActionExecuted, BotUttered, Event, SessionStarted, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

SENDER = "memory-test"


def session_start() -> list[Event]:
    return [ActionExecuted("action_session_start"), SessionStarted(), ActionExecuted("action_listen")]


def turn(text: str, *extra: Event) -> list[Event]:
    """One exchange as Rasa logs it: the message, the answer, any further events, then listening again."""
    return [
        UserUttered(text, intent={"name": "inform", "confidence": 1.0}),
        ActionExecuted("utter_ok"),
        BotUttered("ok"),
        *extra,
        ActionExecuted("action_listen"),
    ]


async def play(store: TrackerStore, events: list[Event], sender: str = SENDER) -> DialogueStateTracker:
    """A turn as MessageProcessor.handle_message does it (a new conversation starts with its session)."""
    tracker = await store.get_or_create_tracker(sender, append_action_listen=False)
    if not tracker.events:
        events = session_start() + events
    for event in events:
        event.timestamp = time.time()
        tracker.update(event)
    await store.save(tracker)
    return tracker


def run(scenario: Callable[[], Awaitable[None]]) -> None:
    asyncio.run(scenario())


def as_dicts(tracker: DialogueStateTracker | None) -> list[dict[str, Any]]:
    assert tracker is not None
    return [event.as_dict() for event in tracker.events]
