"""The Redis lock store two replicas share (bot.server.locks.AtomicRedisLockStore), on the machine's real Redis:
tickets issued at the same moment by two replicas are all different, so a conversation's turns never run at once."""

from __future__ import annotations

import threading
import uuid
from collections.abc import Iterator

import pytest
import redis
from rasa.core.lock_store import LockStore
from rasa.utils.endpoints import EndpointConfig

from bot.config import lock_store_config
from bot.server.locks import AtomicRedisLockStore

REDIS = "redis://127.0.0.1:6379/0"
TICKETS_PER_REPLICA = 200


@pytest.fixture()
def prefix() -> Iterator[str]:
    prefix = f"locktest{uuid.uuid4().hex[:10]}"
    yield prefix
    client = redis.Redis.from_url(REDIS)
    for key in client.scan_iter(f"{prefix}:*"):
        client.delete(key)


def replica_lock_store(prefix: str) -> LockStore:
    """The lock store `rasa run` builds from the endpoints that `make run` renders (bot.config)."""
    config = lock_store_config({"LOCK_STORE_URL": REDIS, "LOCK_STORE_PREFIX": prefix})
    assert config is not None
    return LockStore.create(EndpointConfig.from_dict(config))


def test_two_replicas_issuing_tickets_at_once_never_get_the_same_one(prefix: str) -> None:
    replicas = [replica_lock_store(prefix), replica_lock_store(prefix)]
    assert all(isinstance(store, AtomicRedisLockStore) for store in replicas)
    issued: list[list[int]] = [[], []]
    start_line = threading.Barrier(2)

    def issue(replica: int) -> None:
        start_line.wait()
        for _ in range(TICKETS_PER_REPLICA):
            issued[replica].append(replicas[replica].issue_ticket("conversation"))

    threads = [threading.Thread(target=issue, args=(replica,)) for replica in (0, 1)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    every_ticket = issued[0] + issued[1]
    assert sorted(every_ticket) == list(range(2 * TICKETS_PER_REPLICA))
    lock = replicas[0].get_lock("conversation")
    assert lock is not None and len(lock.tickets) == 2 * TICKETS_PER_REPLICA


def test_the_lock_goes_with_the_last_ticket_and_stays_while_another_waits(prefix: str) -> None:
    store = replica_lock_store(prefix)
    first, second = store.issue_ticket("conversation"), store.issue_ticket("conversation")
    lock = store.get_lock("conversation")
    assert lock is not None and lock.is_locked(second) and not lock.is_locked(first)

    store.cleanup("conversation", first)
    lock = store.get_lock("conversation")
    assert lock is not None and not lock.is_locked(second)

    store.cleanup("conversation", second)
    assert store.get_lock("conversation") is None


def test_expired_tickets_are_dropped_without_touching_the_others(prefix: str) -> None:
    store = replica_lock_store(prefix)
    store.issue_ticket("conversation", lock_lifetime=-1)  # expired at once
    waiting = store.issue_ticket("conversation")
    store.update_lock("conversation")
    lock = store.get_lock("conversation")
    assert lock is not None and [ticket.number for ticket in lock.tickets] == [waiting]
