"""The two production tracker stores, for tests: SQLite in the test's directory, or a fresh PostgreSQL database.

Needs the machine's PostgreSQL (127.0.0.1:5432, user postgres, trust auth). Each PostgreSQL test run gets its
own database and drops it afterwards.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import psycopg2
import sqlalchemy as sa

from bot.config import tracker_store_config
from bot.privacy.database import events_engine
from tests.conftest import RunningBot, start_bot

POSTGRES_SERVER = "postgresql://postgres@127.0.0.1:5432"
STORES = ("sqlite", "postgresql")

_EVENTS = sa.table(
    "events",
    sa.column("id", sa.Integer),
    sa.column("sender_id", sa.String),
    sa.column("timestamp", sa.Float),
    sa.column("data", sa.Text),
)


@contextmanager
def fresh_postgres_database(prefix: str) -> Iterator[str]:
    """A new, empty database for one test run; its URL. Dropped afterwards, connections and all."""
    name = f"{prefix}_{uuid.uuid4().hex[:12]}"
    admin = psycopg2.connect(f"{POSTGRES_SERVER}/postgres")
    admin.autocommit = True
    try:
        with admin.cursor() as cursor:
            cursor.execute(f'CREATE DATABASE "{name}"')
        yield f"{POSTGRES_SERVER}/{name}"
        with admin.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    finally:
        admin.close()


@contextmanager
def store_environment(store: str, prefix: str) -> Iterator[dict[str, str]]:
    """The environment that selects `store` (start_bot already points SQLite at the test's directory)."""
    if store == "sqlite":
        yield {}
        return
    with fresh_postgres_database(prefix) as url:
        yield {"TRACKER_STORE_URL": url}


@contextmanager
def running_bot_on(
    store: str, runtime_dir: Path, prefix: str, extra_env: Mapping[str, str] | None = None
) -> Iterator[RunningBot]:
    """An assistant started as `make run` starts it, writing to `store`; stopped (and its database dropped) after."""
    with store_environment(store, prefix) as store_env:
        bot = start_bot(runtime_dir, {**store_env, **(extra_env or {})})
        try:
            yield bot
        finally:
            bot.servers.stop()


def stored_events(env: Mapping[str, str], sender: str) -> list[dict[str, Any]]:
    """Every event the tracker store holds for `sender`, in order, read straight from its database."""
    engine = events_engine(tracker_store_config(env))
    try:
        with engine.connect() as connection:
            rows = connection.execute(
                sa.select(_EVENTS.c.data).where(_EVENTS.c.sender_id == sender).order_by(_EVENTS.c.id)
            )
            return [json.loads(data) for data in rows.scalars()]
    finally:
        engine.dispose()


def age_conversation(env: Mapping[str, str], sender: str, days: float) -> None:
    """Move every event of the conversation `days` days into the past, as if it had happened then."""
    engine = events_engine(tracker_store_config(env))
    try:
        with engine.begin() as connection:
            connection.execute(
                sa.update(_EVENTS)
                .where(_EVENTS.c.sender_id == sender)
                .values(timestamp=_EVENTS.c.timestamp - days * 86_400)
            )
    finally:
        engine.dispose()


def user_texts(events: list[dict[str, Any]]) -> list[str]:
    return [str(event.get("text")) for event in events if event.get("event") == "user"]
