"""`make purge`: delete the conversations whose latest event is older than RETENTION_DAYS (default 30).

Run it daily (cron, a Kubernetes CronJob). It reads the same environment as `make run` (TRACKER_STORE_URL or
TRACKER_DB), so it purges the database the assistant writes to. A conversation is kept whole or deleted whole:
one that is still going on keeps its earlier turns, which the assistant needs to carry on.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Mapping, Sequence

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from bot.config import tracker_store_config, whole_number
from bot.privacy.database import EVENTS, erase_conversations, events_engine, has_events_table

DEFAULT_RETENTION_DAYS = 30
SECONDS_PER_DAY = 86_400


def retention_days(env: Mapping[str, str]) -> int:
    # Zero would delete every conversation in progress, which is never what a retention period means.
    return whole_number(env, "RETENTION_DAYS", DEFAULT_RETENTION_DAYS, minimum=1)


def expired_conversations(connection: Connection, cutoff: float) -> list[str]:
    """Sender ids whose latest event happened before `cutoff` (a Unix time, as Rasa stores timestamps)."""
    query = (
        sa.select(EVENTS.c.sender_id)
        .group_by(EVENTS.c.sender_id)
        .having(sa.func.max(EVENTS.c.timestamp) < cutoff)
    )
    return [str(sender_id) for sender_id in connection.execute(query).scalars()]


def purge(connection: Connection, days: int, now: float) -> list[str]:
    """Delete the conversations idle for more than `days` days at time `now`; their sender ids."""
    if not has_events_table(connection):
        return []
    expired = expired_conversations(connection, now - days * SECONDS_PER_DAY)
    erase_conversations(connection, expired)
    return expired


def main(argv: Sequence[str] | None = None, env: Mapping[str, str] = os.environ) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--days", type=int, help="override RETENTION_DAYS")
    args = parser.parse_args(argv)
    try:
        days = retention_days({**env, "RETENTION_DAYS": str(args.days)} if args.days is not None else env)
    except ValueError as error:
        print(f"purge: {error}", file=sys.stderr)
        return 2
    store = tracker_store_config(env)
    with events_engine(store).begin() as connection:
        expired = purge(connection, days, time.time())
    print(f"purge: deleted {len(expired)} conversation(s) with no activity in the last {days} day(s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
