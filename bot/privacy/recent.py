"""Conversations saved in the last few minutes, kept in memory in front of SQLite (one-machine `make run` only).

Reading a conversation back from SQLite on every message (a query, then every event decoded and replayed) was
8% of Rasa's time per message (docs/benchmarks.md). Each rule below keeps the copy here from ever differing
from the database or outliving what the database keeps:

- One Rasa process only: with several replicas, another replica's turn would leave this copy stale. The settings
  choose the store that uses this for SQLite only, and that store refuses any other database.
- Written through: the store saves to SQLite first and only then keeps the tracker here, so a restart or a crash
  loses nothing; this only spares the reads.
- Handed over, not shared: `take` removes the entry and the turn that took it puts it back when it saves. A turn
  that fails before saving leaves nothing behind (the next message reads SQLite, as Rasa would), and whoever
  reads outside the turn (an event broker's diff, the HTTP API) gets the database's copy, never a turn half done.
- Only what SQLTrackerStore.retrieve would return: a tracker read from this store and grown by one turn, holding
  the latest session only. Rasa's SQL store writes the events after as many as the database holds for the
  latest session, so a tracker that also held earlier events would write some twice.
- Idle entries go: one whose latest event is older than `idle_seconds` is never handed out, and is dropped.
  `make purge` deletes only conversations whose latest event is older than RETENTION_DAYS, at least a day, by the
  same clock; with `idle_seconds` under a day (bot.config enforces it) purge never deletes a conversation
  held here, and a purged conversation can never be written back from here.
- Bounded: at most `max_conversations`; the least recently saved goes first.
- Erasure on request removes the entry as well as the rows (bot.privacy.store).
"""

from __future__ import annotations

import time
from collections import OrderedDict
from dataclasses import dataclass

from rasa.shared.core.events import SessionStarted
from rasa.shared.core.trackers import DialogueStateTracker


@dataclass(frozen=True)
class Entry:
    tracker: DialogueStateTracker
    latest_event_time: float  # Unix time, as Rasa stamps events and as `make purge` compares them


def latest_event_time_if_one_session(tracker: DialogueStateTracker) -> float | None:
    """The time of the tracker's latest event if it holds exactly what SQLTrackerStore.retrieve returns for it;
    None otherwise. That store selects the events stamped no earlier than the latest SessionStarted, so: one
    SessionStarted, and no event stamped before it (one stamped the same instant just before it counts)."""
    events = list(tracker.events)
    starts = [event.timestamp for event in events if isinstance(event, SessionStarted)]
    if len(starts) != 1 or any(event.timestamp < starts[0] for event in events):
        return None
    return max(event.timestamp for event in events)


class RecentTrackers:
    """Trackers by sender id, in the order they were saved; see the module docstring for the rules."""

    def __init__(self, idle_seconds: float, max_conversations: int) -> None:
        self.idle_seconds = idle_seconds
        self.max_conversations = max_conversations
        self._entries: OrderedDict[str, Entry] = OrderedDict()

    def __len__(self) -> int:
        return len(self._entries)

    def put(self, tracker: DialogueStateTracker) -> None:
        """Keep a tracker just saved to the database, if it mirrors what the database would return."""
        self._entries.pop(tracker.sender_id, None)
        latest = latest_event_time_if_one_session(tracker)
        if latest is None or self._is_idle(latest):
            return
        self._entries[tracker.sender_id] = Entry(tracker, latest)
        while len(self._entries) > self.max_conversations:
            self._entries.popitem(last=False)

    def take(self, sender_id: str) -> DialogueStateTracker | None:
        """Hand the tracker over to the turn that will save it back; None when absent or idle too long."""
        entry = self._entries.pop(sender_id, None)
        if entry is None or self._is_idle(entry.latest_event_time):
            return None
        return entry.tracker

    def discard(self, sender_id: str) -> None:
        self._entries.pop(sender_id, None)

    def drop_idle(self) -> None:
        idle = [key for key, entry in self._entries.items() if self._is_idle(entry.latest_event_time)]
        for sender_id in idle:
            del self._entries[sender_id]

    def _is_idle(self, latest_event_time: float) -> bool:
        return time.time() - latest_event_time > self.idle_seconds
