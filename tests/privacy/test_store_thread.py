"""Our SQL tracker stores talk to the database from a thread of their own (bot.privacy.store): what they store and
read back is exactly what Rasa's SQLTrackerStore stores and reads, on both production databases, and a database
that keeps a turn waiting does not keep Rasa's event loop, and so the other conversations, waiting with it."""

from __future__ import annotations

import asyncio
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from rasa.core.tracker_store import TrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import Event, SlotSet
from rasa.utils.endpoints import EndpointConfig

from bot.config import tracker_store_config
from bot.privacy.database import events_engine
from bot.privacy.store import ErasableSQLTrackerStore
from tests.privacy.stores import STORES, store_environment, stored_events, user_texts
from tests.privacy.turns import SENDER, as_dicts, play, run, session_start, turn

ROW_COLUMNS = ("sender_id", "type_name", "timestamp", "intent_name", "action_name", "data")


def conversation_turns() -> list[list[Event]]:
    """Turns with their timestamps fixed, so that two stores are given the very same events; the third turn
    starts a new session, as Rasa does after the session expires."""
    turns = [
        session_start() + turn("my left eyelid keeps jumping"),
        turn("since monday", SlotSet("duration_days", 4.0)),
        session_start() + turn("back again"),
        turn("still twitching"),
    ]
    started = time.time()
    for number, event in enumerate(event for events in turns for event in events):
        event.timestamp = started + number * 0.01
    return turns


async def replay(store: TrackerStore, turns: list[list[Event]]) -> None:
    for events in turns:
        tracker = await store.get_or_create_tracker(SENDER, append_action_listen=False)
        for event in events:
            tracker.update(event)
        await store.save(tracker)


def stored_rows(config: dict[str, Any]) -> list[tuple[Any, ...]]:
    engine = events_engine(config)
    try:
        with engine.connect() as connection:
            table = sa.table("events", sa.column("id"), *(sa.column(name) for name in ROW_COLUMNS))
            query = sa.select(*(table.c[name] for name in ROW_COLUMNS)).order_by(table.c.id)
            return [tuple(row) for row in connection.execute(query)]
    finally:
        engine.dispose()


def rasas_own(config: dict[str, Any]) -> dict[str, Any]:
    """The same database given to Rasa's plain SQLTrackerStore."""
    return {
        "type": "sql",
        **{key: value for key, value in config.items() if key != "type" and not key.startswith("memory_")},
    }


@contextmanager
def two_empty_databases(store: str, directory: Path) -> Iterator[tuple[dict[str, Any], dict[str, Any]]]:
    """Store configurations for ours and for Rasa's, on two empty databases of the same kind."""
    with store_environment(store, "ours") as ours, store_environment(store, "rasas") as rasas:
        yield (
            tracker_store_config({"TRACKER_DB": str(directory / "ours.db"), **ours}),
            rasas_own(tracker_store_config({"TRACKER_DB": str(directory / "rasas.db"), **rasas})),
        )


@pytest.mark.parametrize("store", STORES)
def test_the_rows_written_and_the_conversation_read_back_are_those_of_rasas_own_store(
    store: str, tmp_path: Path, domain: Domain
) -> None:
    turns = conversation_turns()
    with two_empty_databases(store, tmp_path) as (ours_config, rasas_config):
        ours = TrackerStore.create(EndpointConfig.from_dict(ours_config), domain)
        rasas = TrackerStore.create(EndpointConfig.from_dict(rasas_config), domain)
        assert isinstance(ours, ErasableSQLTrackerStore)
        assert type(rasas).__name__ == "SQLTrackerStore"

        async def scenario() -> None:
            await replay(ours, turns)
            await replay(rasas, turns)
            # A store built afresh reads from the database, not from the SQLite store's memory.
            ours_afresh = TrackerStore.create(EndpointConfig.from_dict(ours_config), domain)
            read_back = await ours_afresh.retrieve(SENDER)
            assert as_dicts(read_back) == as_dicts(await rasas.retrieve(SENDER))
            assert read_back is not None and user_texts(as_dicts(read_back)) == [
                "back again",
                "still twitching",
            ]

        run(scenario)
        ours_rows = stored_rows(ours_config)
        assert len(ours_rows) == sum(len(events) for events in turns)
        assert ours_rows == stored_rows(rasas_config)


@contextmanager
def sqlite_locked_by_another_process(database: Path) -> Iterator[None]:
    """Another program (`make purge`, a backup) holding SQLite's write lock: every other connection waits."""
    blocker = sqlite3.connect(database, isolation_level=None)
    try:
        blocker.execute("BEGIN EXCLUSIVE")
        yield
        blocker.execute("COMMIT")
    finally:
        blocker.close()


async def seconds_to_tick(ticks: int) -> float:
    """How long the event loop takes to run `ticks` short sleeps: about ticks x 10 ms when it is free."""
    started = time.perf_counter()
    for _ in range(ticks):
        await asyncio.sleep(0.01)
    return time.perf_counter() - started


def test_a_turn_waiting_for_the_database_does_not_hold_up_the_event_loop(
    tmp_path: Path, domain: Domain
) -> None:
    env = {"TRACKER_DB": str(tmp_path / "conversations.db")}
    store = TrackerStore.create(EndpointConfig.from_dict(tracker_store_config(env)), domain)

    async def scenario() -> None:
        await play(store, turn("my eyelid twitches"))  # creates the database and the conversation
        tracker = await store.get_or_create_tracker(SENDER, append_action_listen=False)
        for event in turn("since monday"):
            tracker.update(event)
        with sqlite_locked_by_another_process(tmp_path / "conversations.db"):
            saving = asyncio.create_task(store.save(tracker))
            # SQLite's own wait for a lock is 5 s: a save blocking the loop would take all of it here.
            assert await seconds_to_tick(20) < 1.0
            assert not saving.done()
        await saving

    run(scenario)
    assert user_texts(stored_events(env, SENDER)) == ["my eyelid twitches", "since monday"]
