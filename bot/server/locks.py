"""Redis ticket locks that several Rasa replicas can share without losing a turn.

Rasa 3.6's RedisLockStore reads a conversation's lock, changes it and writes it back as three separate Redis
calls. Two replicas issuing a ticket for the same conversation at the same moment can both read "no lock", both
take ticket 0 and both run their turn at once; the second save then appends nothing (Rasa's SQL store writes only
the events beyond those stored), and a message is lost. tests/scaleout/test_two_replicas.py saw exactly that. Here
each change of a lock is one optimistic Redis transaction (WATCH, then MULTI/EXEC, retried when another replica
changed the lock in between); the lock's format and keys stay Rasa's.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from typing import TypeVar

import redis
from rasa.core.lock import TicketLock
from rasa.core.lock_store import LOCK_LIFETIME, LockError, RedisLockStore
from rasa.utils.endpoints import EndpointConfig

logger = logging.getLogger(__name__)

Result = TypeVar("Result")


class AtomicRedisLockStore(RedisLockStore):
    """RedisLockStore whose ticket issuing, expiry and clean-up are each atomic across replicas."""

    def __init__(self, endpoint_config: EndpointConfig) -> None:
        # Rasa builds a custom lock store from its endpoint alone; its own Redis store takes these arguments.
        super().__init__(host=endpoint_config.url, **endpoint_config.kwargs)

    def _change(
        self, conversation_id: str, change: Callable[[TicketLock | None], tuple[TicketLock | None, Result]]
    ) -> Result:
        """Apply `change` to the stored lock (None: no lock) in one transaction; it returns the lock to store
        (None: delete it) and a result."""
        key = self.key_prefix + conversation_id
        with self.red.pipeline() as pipe:
            while True:
                try:
                    pipe.watch(key)
                    serialised = pipe.get(key)
                    lock = TicketLock.from_dict(json.loads(serialised)) if serialised else None
                    changed, result = change(lock)
                    pipe.multi()
                    if changed is None:
                        pipe.delete(key)
                    else:
                        pipe.set(key, changed.dumps())
                    pipe.execute()
                    return result
                except redis.WatchError:
                    continue  # another replica changed the lock first: read it again

    def issue_ticket(self, conversation_id: str, lock_lifetime: float = LOCK_LIFETIME) -> int:
        def take_ticket(lock: TicketLock | None) -> tuple[TicketLock, int]:
            lock = lock or TicketLock(conversation_id)
            return lock, lock.issue_ticket(lock_lifetime)

        try:
            return self._change(conversation_id, take_ticket)
        except redis.RedisError as error:
            raise LockError(f"Error while acquiring lock. Error:\n{error}") from error

    def update_lock(self, conversation_id: str) -> None:
        def drop_expired(lock: TicketLock | None) -> tuple[TicketLock | None, None]:
            if lock is not None:
                lock.remove_expired_tickets()
            return lock, None

        self._change(conversation_id, drop_expired)

    def cleanup(self, conversation_id: str, ticket_number: int) -> None:
        """Give up the ticket; the lock goes when no one else holds one, in the same transaction.

        Rasa gives up the ticket after the turn, which is stored by then: if Redis is away at that moment, failing
        would answer the person with an error for a turn that was kept, and the message sent again would be stored
        twice (seen while Redis restarted under load, tests/faults/test_faults_under_load.py). The ticket expires
        by itself after its lifetime, and a restarted Redis has forgotten it anyway."""

        def finish(lock: TicketLock | None) -> tuple[TicketLock | None, None]:
            if lock is None:
                return None, None
            lock.remove_ticket_for(ticket_number)
            return (lock if lock.is_someone_waiting() else None), None

        try:
            self._change(conversation_id, finish)
        except redis.RedisError as error:
            logger.warning(
                "A conversation's lock ticket was left to expire: Redis is unreachable (%s).", error
            )
