"""The one-machine tracker store (bot.privacy.store.RecentInMemorySQLiteTrackerStore), built by Rasa's own factory
from bot.config, on a real SQLite file: memory in front of SQLite never changes what is stored or read
back, and never outlives an erasure or `make purge`. Turns are played on the store as Rasa's processor plays them:
fetch the tracker, append the turn's events, save."""

from __future__ import annotations

import asyncio
import logging
import time
from pathlib import Path

import pytest
import sqlalchemy
from rasa.core.tracker_store import TrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import (
    ActionExecuted,
    Event,
    SessionStarted,
    SlotSet,
    UserUttered,
)
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.utils.endpoints import EndpointConfig

from bot.config import tracker_store_config
from bot.privacy.database import events_engine
from bot.privacy.erasure import ERASE_SLOT
from bot.privacy.purge import purge
from bot.privacy.recent import RecentTrackers, latest_event_time_if_one_session
from bot.privacy.store import (
    ErasableSQLTrackerStore,
    RecentInMemorySQLiteTrackerStore,
    erasure_requested_this_turn,
)
from tests.privacy.stores import age_conversation, stored_events, user_texts
from tests.privacy.turns import SENDER, as_dicts, play, run, session_start, turn


def store_env(tmp_path: Path, **memory: int) -> dict[str, str]:
    env = {"TRACKER_DB": str(tmp_path / "conversations.db")}
    env.update({f"TRACKER_MEMORY_{name.upper()}": str(value) for name, value in memory.items()})
    return env


def create_store(env: dict[str, str], domain: Domain) -> TrackerStore:
    """The store `rasa run` would build from the endpoints.yml that `make run` renders (bot.config)."""
    return TrackerStore.create(EndpointConfig.from_dict(tracker_store_config(env)), domain)


def test_the_sqlite_default_keeps_recent_conversations_in_memory_and_reads_them_from_there(
    tmp_path: Path, domain: Domain
) -> None:
    store = create_store(store_env(tmp_path), domain)
    assert isinstance(store, RecentInMemorySQLiteTrackerStore)

    async def scenario() -> None:
        await play(store, turn("my eyelid twitches"))  # a new conversation: SQLite has nothing yet
        saved = await play(store, turn("since monday"))
        assert await store.retrieve(SENDER) is saved

    run(scenario)


def test_what_memory_serves_is_what_sqlite_would_and_each_event_is_stored_once(
    tmp_path: Path, domain: Domain
) -> None:
    """Also across a new session (Rasa's SQL store reads the latest session only): nothing written twice."""
    env = store_env(tmp_path)
    store = create_store(env, domain)

    async def scenario() -> None:
        for text in ("my eyelid twitches", "since monday", "no"):
            await play(store, turn(text))
        await play(store, session_start() + turn("back again"))  # an expired session, as Rasa restarts it
        tracker = await play(store, turn("still twitching"))

        from_sqlite = await create_store(env, domain).retrieve(SENDER)
        assert from_sqlite is not None and as_dicts(tracker) == as_dicts(from_sqlite)
        assert tracker.current_state() == from_sqlite.current_state()

    run(scenario)
    texts = ["my eyelid twitches", "since monday", "no", "back again", "still twitching"]
    assert user_texts(stored_events(env, SENDER)) == texts


def test_every_turn_is_in_sqlite_so_a_restart_finds_the_conversation(tmp_path: Path, domain: Domain) -> None:
    env = store_env(tmp_path)

    async def scenario() -> None:
        first = create_store(env, domain)
        await play(first, turn("my eyelid twitches"))
        await play(first, turn("since monday", SlotSet("face_side", "left")))

        restarted = create_store(env, domain)
        tracker = await restarted.retrieve(SENDER)
        assert tracker is not None and tracker.get_slot("face_side") == "left"
        await play(restarted, turn("no"))

    run(scenario)
    assert user_texts(stored_events(env, SENDER)) == ["my eyelid twitches", "since monday", "no"]


def test_an_erasure_removes_the_conversation_from_memory_and_from_sqlite(
    tmp_path: Path, domain: Domain
) -> None:
    env = store_env(tmp_path)
    store = create_store(env, domain)

    async def scenario() -> None:
        await play(store, turn("my eyelid twitches"))
        await play(store, turn("please delete my data"))
        await play(store, turn("yes", SlotSet(ERASE_SLOT, True)))
        assert stored_events(env, SENDER) == []
        assert await store.retrieve(SENDER) is None

        await play(store, turn("hello"))

    run(scenario)
    assert user_texts(stored_events(env, SENDER)) == ["hello"]


def test_a_conversation_replaced_through_the_http_api_is_read_back_as_sqlite_holds_it(
    tmp_path: Path, domain: Domain
) -> None:
    """`PUT /conversations/ID/tracker/events` saves a tracker that Rasa's SQL store merges into what it holds."""
    env = store_env(tmp_path)
    store = create_store(env, domain)

    async def scenario() -> None:
        await play(store, turn("my eyelid twitches"))
        await play(store, turn("since monday"))
        replacement = DialogueStateTracker.from_events(SENDER, [SessionStarted(), *turn("other words")])
        await store.save(replacement)

        from_sqlite = await create_store(env, domain).retrieve(SENDER)
        assert as_dicts(await store.retrieve(SENDER)) == as_dicts(from_sqlite)

    run(scenario)


def test_an_erasure_saved_without_reading_the_conversation_first_also_empties_memory(
    tmp_path: Path, domain: Domain
) -> None:
    env = store_env(tmp_path)
    store = create_store(env, domain)

    async def scenario() -> None:
        await play(store, turn("my eyelid twitches"))
        await play(store, turn("since monday"))
        erasure = DialogueStateTracker.from_events(
            SENDER, [SessionStarted(), *turn("yes", SlotSet(ERASE_SLOT, True))]
        )
        await store.save(erasure)

        assert await store.retrieve(SENDER) is None

    run(scenario)
    assert stored_events(env, SENDER) == []


def test_memory_takes_only_a_tracker_holding_what_sqlite_would_return_for_it() -> None:
    """SQLite returns the events stamped no earlier than the latest SessionStarted, whatever their order."""
    now = time.time()

    def tracker(*stamped: tuple[Event, float]) -> DialogueStateTracker:
        for event, timestamp in stamped:
            event.timestamp = timestamp
        return DialogueStateTracker.from_events(SENDER, [event for event, _ in stamped])

    same_instant = tracker((ActionExecuted("action_session_start"), now), (SessionStarted(), now))
    earlier_event = tracker((ActionExecuted("action_session_start"), now - 1), (SessionStarted(), now))
    two_sessions = tracker((SessionStarted(), now - 1), (UserUttered("hi"), now - 1), (SessionStarted(), now))

    assert latest_event_time_if_one_session(same_instant) == now
    assert latest_event_time_if_one_session(earlier_event) is None
    assert latest_event_time_if_one_session(two_sessions) is None


def test_an_entry_idle_for_longer_than_the_limit_is_never_handed_out() -> None:
    recent = RecentTrackers(idle_seconds=1, max_conversations=10)
    recent.put(DialogueStateTracker.from_events(SENDER, [SessionStarted(), *turn("my eyelid twitches")]))
    assert len(recent) == 1

    time.sleep(1.2)  # no event loop here, so no sweep: only `take` can refuse it

    assert recent.take(SENDER) is None


def test_a_turn_that_fails_before_saving_leaves_nothing_in_memory(tmp_path: Path, domain: Domain) -> None:
    env = store_env(tmp_path)
    store = create_store(env, domain)

    async def scenario() -> None:
        await play(store, turn("my eyelid twitches"))
        saved = as_dicts(await play(store, turn("since monday")))
        failed = await store.get_or_create_tracker(SENDER)
        failed.update(UserUttered("lost in a crash"))  # and Rasa never saves this turn

        tracker = await store.retrieve(SENDER)
        assert tracker is not failed and as_dicts(tracker) == saved

    run(scenario)


def test_a_conversation_purged_from_sqlite_never_comes_back_from_memory(
    tmp_path: Path, domain: Domain
) -> None:
    """Memory forgets a conversation idle for memory_idle_seconds; `make purge` deletes after RETENTION_DAYS
    (at least a day). Here the database is aged by 31 days and the wait stands for that idle time."""
    env = store_env(tmp_path, idle_seconds=1)
    store = create_store(env, domain)

    async def scenario() -> None:
        await play(store, turn("my eyelid twitches"))
        await play(store, turn("since monday"))
        age_conversation(env, SENDER, 31.0)
        await asyncio.sleep(1.2)
        with events_engine(tracker_store_config(env)).begin() as connection:
            assert purge(connection, days=30, now=time.time()) == [SENDER]

        await play(store, turn("hello again"))

    run(scenario)
    assert user_texts(stored_events(env, SENDER)) == ["hello again"]


def test_idle_conversations_leave_memory_even_when_no_message_comes(tmp_path: Path, domain: Domain) -> None:
    store = create_store(store_env(tmp_path, idle_seconds=1), domain)
    assert isinstance(store, RecentInMemorySQLiteTrackerStore)

    async def scenario() -> None:
        await play(store, turn("my eyelid twitches"))
        await play(store, turn("since monday"))
        assert len(store.recent) == 1
        await asyncio.sleep(2.5)  # the sweep runs every idle period; an entry goes within two of them
        assert len(store.recent) == 0

    run(scenario)


def test_memory_holds_at_most_the_configured_number_of_conversations(tmp_path: Path, domain: Domain) -> None:
    store = create_store(store_env(tmp_path, conversations=2), domain)
    assert isinstance(store, RecentInMemorySQLiteTrackerStore)

    async def scenario() -> None:
        saved = {}
        for sender in ("first", "second", "third"):
            await play(store, turn("my eyelid twitches"), sender)
            saved[sender] = await play(store, turn("since monday"), sender)
        assert len(store.recent) == 2
        assert await store.retrieve("first") is not saved["first"]  # read back from SQLite
        assert await store.retrieve("third") is saved["third"]

    run(scenario)


def test_no_words_of_the_conversation_are_logged_at_info_or_above(
    tmp_path: Path, domain: Domain, caplog: pytest.LogCaptureFixture
) -> None:
    store = create_store(store_env(tmp_path), domain)
    said = ["my left eyelid twitches after wine", "please delete my data", "yes"]

    async def scenario() -> None:
        await play(store, turn(said[0]))
        await play(store, turn(said[1]))
        await play(store, turn(said[2], SlotSet(ERASE_SLOT, True)))

    with caplog.at_level(logging.DEBUG):
        run(scenario)
    logged = [record.getMessage() for record in caplog.records if record.levelno >= logging.INFO]
    assert logged and not [message for message in logged if any(text in message for text in said)]


def test_postgresql_and_a_turned_off_memory_get_the_store_without_memory(
    tmp_path: Path, domain: Domain
) -> None:
    config = tracker_store_config({"TRACKER_STORE_URL": "postgresql://postgres@127.0.0.1:5432/x"})
    assert config["type"] == f"{ErasableSQLTrackerStore.__module__}.{ErasableSQLTrackerStore.__name__}"
    assert not any(key.startswith("memory_") for key in config)
    store = create_store(store_env(tmp_path, idle_seconds=0), domain)
    assert type(store) is ErasableSQLTrackerStore


def test_the_memory_store_refuses_a_database_that_several_replicas_could_share() -> None:
    with pytest.raises(ValueError, match="SQLite only"):
        RecentInMemorySQLiteTrackerStore(
            memory_idle_seconds=600, memory_max_conversations=10, dialect="postgresql", db="rasa"
        )


def test_only_an_erasure_confirmed_since_the_last_message_counts() -> None:
    confirmed = [*turn("delete my data"), UserUttered("yes"), SlotSet(ERASE_SLOT, True)]
    earlier = [UserUttered("yes"), SlotSet(ERASE_SLOT, True), *turn("hello")]
    declined = [UserUttered("no"), SlotSet(ERASE_SLOT, False)]

    assert erasure_requested_this_turn(confirmed)
    assert not erasure_requested_this_turn(earlier)
    assert not erasure_requested_this_turn(declined)


def test_saving_a_conversation_it_handed_out_appends_without_counting_the_stored_rows(
    tmp_path: Path, domain: Domain
) -> None:
    """The store knows how many events it handed out, all stored; counting them again was a query every turn."""
    env = store_env(tmp_path)
    first, restarted = create_store(env, domain), create_store(env, domain)
    statements: list[str] = []
    for store in (first, restarted):
        assert isinstance(store, RecentInMemorySQLiteTrackerStore)
        sqlalchemy.event.listen(
            store.engine, "before_cursor_execute", lambda *call: statements.append(str(call[2]).lower())
        )

    async def scenario() -> None:
        await play(first, turn("my eyelid twitches"))
        statements.clear()
        await play(first, turn("since monday"))  # handed out from memory
        await play(restarted, turn("no"))  # handed out from SQLite

    run(scenario)
    assert any("insert" in statement for statement in statements)
    assert not any("count(" in statement for statement in statements)
    assert user_texts(stored_events(env, SENDER)) == ["my eyelid twitches", "since monday", "no"]
