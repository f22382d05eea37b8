"""Rasa's conversation table, reached with SQLAlchemy from the same settings Rasa is given.

The purge job and the start-up check open the database that bot.config.tracker_store_config names,
without importing Rasa, so that they run in a second and see exactly the database Rasa writes to.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import URL, Connection, Engine

PROJECT_ROOT = Path(__file__).resolve().parents[2]

# Rasa's SQLTrackerStore keeps one row per event; only these two columns matter for retention and erasure.
EVENTS = sa.table("events", sa.column("sender_id", sa.String), sa.column("timestamp", sa.Float))
# The same rows with the event itself (Rasa's event dict as JSON), for the summary for the doctor.
EVENT_DATA = sa.table(
    "events", sa.column("id", sa.Integer), sa.column("sender_id", sa.String), sa.column("data", sa.Text)
)


def sqlite_path(store: Mapping[str, Any]) -> Path:
    """Where the SQLite file is: Rasa is started in the project root, so a relative path is relative to it."""
    path = Path(str(store["db"]))
    return path if path.is_absolute() else PROJECT_ROOT / path


def database_url(store: Mapping[str, Any], database: str | None = None) -> URL:
    """The SQLAlchemy URL of a tracker-store configuration; `database` overrides the database name."""
    if store["dialect"] == "sqlite":
        return sa.engine.URL.create("sqlite", database=str(sqlite_path(store)))
    return sa.engine.URL.create(
        "postgresql",
        username=store.get("username"),
        password=store.get("password"),
        host=store.get("url"),
        port=store.get("port"),
        database=database or store["db"],
    )


def connect_timeout_args(store: Mapping[str, Any], seconds: int) -> dict[str, Any]:
    """Driver arguments that make a connection attempt give up after `seconds` instead of hanging."""
    if store["dialect"] == "sqlite":
        return {"timeout": seconds}
    return {"connect_timeout": seconds}


def events_engine(store: Mapping[str, Any], connect_timeout: int = 10) -> Engine:
    return sa.create_engine(
        database_url(store), connect_args=connect_timeout_args(store, connect_timeout), future=True
    )


def has_events_table(connection: Connection) -> bool:
    """False before Rasa's first start has created the table: there is nothing to purge then."""
    return sa.inspect(connection).has_table("events")


def erase_conversations(connection: Connection, sender_ids: Sequence[str]) -> int:
    """Delete every event of these conversations, in every session; the number of events deleted."""
    if not sender_ids:
        return 0
    result = connection.execute(sa.delete(EVENTS).where(EVENTS.c.sender_id.in_(list(sender_ids))))
    return int(result.rowcount or 0)


def conversation_events(connection: Connection, sender_id: str) -> list[dict[str, Any]]:
    """Every stored event of one conversation, in order, as Rasa's event dicts; empty when there are none (never
    stored, erased at the person's request, or purged)."""
    if not has_events_table(connection):
        return []
    rows = connection.execute(
        sa.select(EVENT_DATA.c.data).where(EVENT_DATA.c.sender_id == sender_id).order_by(EVENT_DATA.c.id)
    )
    return [json.loads(data) for data in rows.scalars()]
