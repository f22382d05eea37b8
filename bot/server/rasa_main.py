"""`rasa run`, except that a conversation store that fails fails the turn, instead of the turn being lost.

Rasa wraps every tracker store in its FailSafeTrackerStore, which logs a database error and carries on: a read
that fails starts the conversation anew, a write that fails keeps the turn in this process's memory only. The
person is answered as if all were well, and the turn never reaches the database (while PostgreSQL restarted
under load, 120 of 410 answered messages were lost so: tests/faults/test_faults_under_load.py). Here the error
goes on to the channel, which answers "please try again" and stores nothing, so the message sent again is
neither lost nor doubled. bot.server.launcher starts Rasa through this module, in `make run` and in containers.
"""

from __future__ import annotations

import logging
import sys

from rasa.core.tracker_store import FailSafeTrackerStore

logger = logging.getLogger(__name__)


def _fail_the_turn(store: FailSafeTrackerStore, error: Exception) -> None:
    logger.error(
        "The conversation store failed (%s): this message is refused, not kept in memory.",
        type(error).__name__,
    )
    raise error


def make_store_errors_fail_the_turn() -> None:
    """FailSafeTrackerStore calls these two on every error of the store it wraps, before falling back."""
    FailSafeTrackerStore.on_tracker_store_error = _fail_the_turn
    FailSafeTrackerStore.on_tracker_store_retrieve_error = _fail_the_turn


def main() -> None:
    make_store_errors_fail_the_turn()
    from rasa.__main__ import main as rasa_main

    sys.argv[0] = "rasa"
    rasa_main()


if __name__ == "__main__":
    main()
