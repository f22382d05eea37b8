"""A SQL tracker store that erases a conversation when the person has asked for it.

Configured as `type: bot.privacy.store.ErasableSQLTrackerStore` (bot.server.settings.tracker_store_config).
"""

from __future__ import annotations

import logging

from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.events import Event, SlotSet
from rasa.shared.core.trackers import DialogueStateTracker

from bot.privacy.database import erase_conversations
from bot.privacy.erasure import ERASE_SLOT

logger = logging.getLogger(__name__)


def erasure_requested(new_events: list[Event]) -> bool:
    """Only events not yet saved count: an erasure is asked for in the turn it is confirmed."""
    return any(isinstance(event, SlotSet) and event.key == ERASE_SLOT and event.value for event in new_events)


class ErasableSQLTrackerStore(SQLTrackerStore):
    async def save(self, tracker: DialogueStateTracker) -> None:
        if not self._erase_if_requested(tracker):
            await super().save(tracker)

    def _erase_if_requested(self, tracker: DialogueStateTracker) -> bool:
        """Erase every session of the conversation, this turn included, if this turn asked for it."""
        with self.session_scope() as session:
            if not erasure_requested(list(self._additional_events(session, tracker))):
                return False
            deleted = erase_conversations(session.connection(), [tracker.sender_id])
            session.commit()
        logger.info("Erased a conversation at the person's request (%d events).", deleted)
        return True
