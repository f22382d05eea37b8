"""SQL tracker stores that erase a conversation when the person has asked for it.

bot.config.tracker_store_config chooses one: `ErasableSQLTrackerStore` for PostgreSQL (several Rasa
replicas share it), `RecentInMemorySQLiteTrackerStore` for the one-machine SQLite default, which also keeps the
conversations of the last few minutes in memory (bot.privacy.recent).

Both talk to the database from a thread of their own, never from Rasa's event loop. SQLAlchemy and the database
drivers block: a turn's commit waiting for the disk would hold up every other conversation being answered, and
with many people at once that waiting was a large part of each turn (docs/benchmarks.md). Each call is still
awaited before the turn goes on, so nothing is acknowledged before it is stored. One thread keeps the calls in the
order they were made, which SQLite needs (a single writer) and costs PostgreSQL little (a few milliseconds a turn).
"""

from __future__ import annotations

import asyncio
import itertools
import json
import logging
import weakref
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any, TypeVar

import sqlalchemy
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.events import Event, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.nlu.constants import INTENT_NAME_KEY
from sqlalchemy.orm import sessionmaker
from sqlalchemy.pool import SingletonThreadPool

from bot.privacy.database import erase_conversations
from bot.privacy.erasure import ERASE_SLOT
from bot.privacy.recent import RecentTrackers

logger = logging.getLogger(__name__)

Result = TypeVar("Result")


def erasure_requested_this_turn(events: Iterable[Event]) -> bool:
    """Whether the events since the person's last message set the erasure slot.

    An erasure is asked for in the turn it is confirmed (actions/privacy.py sets the slot after the "yes"), and
    that turn's events are the ones after the last user message, so the tracker in hand is enough: no query."""
    for event in reversed(list(events)):
        if isinstance(event, UserUttered):
            return False
        if isinstance(event, SlotSet) and event.key == ERASE_SLOT and event.value:
            return True
    return False


class ErasableSQLTrackerStore(SQLTrackerStore):
    """Rasa's SQL store, except that the turn confirming an erasure deletes the conversation instead of being
    written (Rasa saves the tracker after the action has run, so only the store can erase it for good), and that
    reading and saving a conversation run in the database thread (see the module docstring).

    What is stored and read back is what Rasa's SQLTrackerStore stores and reads: the same rows, written after as
    many events as the database holds for the latest session (tests/privacy/test_store_thread.py compares them).
    """

    engine: sqlalchemy.engine.Engine  # set by SQLTrackerStore.__init__, which mypy cannot read

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._database_thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="tracker-store")

    async def _in_database_thread(self, call: Callable[..., Result], *args: Any) -> Result:
        return await asyncio.get_running_loop().run_in_executor(self._database_thread, call, *args)

    async def retrieve(self, sender_id: str) -> DialogueStateTracker | None:
        """The latest session of the conversation, as SQLTrackerStore.retrieve returns it."""
        events = await self._in_database_thread(self._latest_session_events, sender_id)
        if not events or self.domain is None:
            return None
        return DialogueStateTracker.from_dict(sender_id, events, self.domain.slots)

    def _latest_session_events(self, sender_id: str) -> list[dict[str, Any]]:
        with self.session_scope() as session:
            rows = self._event_query(session, sender_id, fetch_events_from_all_sessions=False).all()
            return [json.loads(row.data) for row in rows]

    async def save(self, tracker: DialogueStateTracker) -> None:
        if erasure_requested_this_turn(tracker.events):
            await self._erase(tracker.sender_id)
        else:
            await self._write(tracker)

    async def _write(self, tracker: DialogueStateTracker, already_stored: int | None = None) -> None:
        await self.stream_events(tracker)
        await self._in_database_thread(self._append_new_events, tracker, already_stored)

    def _append_new_events(self, tracker: DialogueStateTracker, already_stored: int | None = None) -> None:
        """The tracker's events beyond those stored for its latest session, one row each, in one transaction.
        `already_stored`, when the caller knows it, is how many that is; otherwise the database is asked.

        The tracker is read here while Rasa's event loop goes on: safe, as Rasa's lock store keeps the next
        message of this conversation waiting until this turn, save included, is over."""
        with self.session_scope() as session:
            new_events = (
                self._additional_events(session, tracker)
                if already_stored is None
                else itertools.islice(tracker.events, already_stored, len(tracker.events))
            )
            rows = [self._row(tracker.sender_id, event) for event in new_events]
            if rows:
                # One INSERT for all the turn's events (executemany), not one per ORM object: the same rows.
                session.execute(self.SQLEvent.__table__.insert(), rows)
            session.commit()

    @staticmethod
    def _row(sender_id: str, event: Event) -> dict[str, Any]:
        """The columns Rasa's SQLTrackerStore writes for an event."""
        data = event.as_dict()
        return {
            "sender_id": sender_id,
            "type_name": event.type_name,
            "timestamp": data.get("timestamp"),
            "intent_name": data.get("parse_data", {}).get("intent", {}).get(INTENT_NAME_KEY),
            "action_name": data.get("name"),
            "data": json.dumps(data),
        }

    async def _erase(self, sender_id: str) -> None:
        """Erase every session of the conversation; this turn's events are simply never written."""
        deleted = await self._in_database_thread(self._delete_conversation, sender_id)
        logger.info("Erased a conversation at the person's request (%d events).", deleted)

    def _delete_conversation(self, sender_id: str) -> int:
        with self.session_scope() as session:
            deleted = erase_conversations(session.connection(), [sender_id])
            session.commit()
        return deleted


@dataclass(frozen=True)
class HandedOut:
    """A tracker the store handed out, and how many events it held then: all of them stored, as SQLite holds the
    latest session and nothing else writes to it. Saving that tracker appends the events after them without first
    counting the rows, a query that was a third of the database thread's time with 20 conversations at once
    (docs/benchmarks.md)."""

    tracker: weakref.ref[DialogueStateTracker]
    events_stored: int


class RecentInMemorySQLiteTrackerStore(ErasableSQLTrackerStore):
    """Saves to SQLite, then keeps the tracker in memory for the next message; one Rasa process only.

    Configured with `memory_idle_seconds` and `memory_max_conversations` (bot.config); the rules that
    keep memory and database in step are in bot.privacy.recent.
    """

    def __init__(
        self,
        memory_idle_seconds: float,
        memory_max_conversations: int,
        dialect: str = "sqlite",
        **kwargs: Any,
    ) -> None:
        if dialect != "sqlite":
            raise ValueError(
                f"{type(self).__name__} keeps conversations in one process's memory: it is for SQLite only, "
                f"not {dialect}, which several Rasa replicas may share."
            )
        super().__init__(dialect=dialect, **kwargs)
        # One SQLite connection per thread, kept open: Rasa's engine (SQLAlchemy's NullPool for SQLite files) opened
        # a new one for every read and save, a tenth of the database thread's time with 20 conversations at once
        # (docs/benchmarks.md). Only the database thread reads and saves, so it holds the one connection that matters.
        self.engine = sqlalchemy.create_engine(self.engine.url, poolclass=SingletonThreadPool)
        self.sessionmaker = sessionmaker(bind=self.engine)
        self.recent = RecentTrackers(float(memory_idle_seconds), int(memory_max_conversations))
        # The trackers this store handed out, by sender id: weakly, as a reader may never save what it read.
        self._handed_out: dict[str, HandedOut] = {}
        self._sweep_scheduled = False

    async def retrieve(self, sender_id: str) -> DialogueStateTracker | None:
        tracker = self.recent.take(sender_id)
        if tracker is None:
            tracker = await super().retrieve(sender_id)
        else:
            logger.debug("Conversation read from memory.")
        if tracker is not None:
            self._hand_out(sender_id, tracker)
        return tracker

    async def _write(self, tracker: DialogueStateTracker, already_stored: int | None = None) -> None:
        stored = self._stored_when_handed_out(tracker)
        await super()._write(tracker, stored)  # SQLite first: memory never holds what the database does not
        if stored is not None:
            self.recent.put(tracker)
            self._drop_idle_later()
        else:
            self.recent.discard(tracker.sender_id)

    def _hand_out(self, sender_id: str, tracker: DialogueStateTracker) -> None:
        def forget(gone: weakref.ref[DialogueStateTracker]) -> None:
            # A tracker read and never saved (the HTTP API's reads) leaves nothing behind.
            if (handed_out := self._handed_out.get(sender_id)) is not None and handed_out.tracker is gone:
                del self._handed_out[sender_id]

        self._handed_out[sender_id] = HandedOut(weakref.ref(tracker, forget), len(tracker.events))

    def _stored_when_handed_out(self, tracker: DialogueStateTracker) -> int | None:
        """How many of the tracker's events the database holds, if this store handed it out (None otherwise).

        Only a tracker read from this store and grown by a turn mirrors the database after the save: Rasa's SQL
        store appends the events beyond those it holds, so one made elsewhere (the HTTP API's PUT of a
        conversation's events) may differ from what SQLite now holds."""
        handed_out = self._handed_out.pop(tracker.sender_id, None)
        return handed_out.events_stored if handed_out and handed_out.tracker() is tracker else None

    async def _erase(self, sender_id: str) -> None:
        self.recent.discard(sender_id)
        await super()._erase(sender_id)

    def _drop_idle_later(self) -> None:
        """Drop idle entries even if no other message comes, so that no one's words stay in memory for long."""
        if self._sweep_scheduled or not len(self.recent):
            return
        self._sweep_scheduled = True
        asyncio.get_running_loop().call_later(self.recent.idle_seconds, self._drop_idle_now)

    def _drop_idle_now(self) -> None:
        self._sweep_scheduled = False
        self.recent.drop_idle()
        self._drop_idle_later()
