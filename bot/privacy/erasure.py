"""The signal between the "delete my data" action and the tracker store, shared by both sides.

The action cannot delete the conversation itself: Rasa saves the tracker after the action has run, and the
SQL tracker store would write back every event it finds missing. So the action sets this slot, and the store
(bot.privacy.store) erases the conversation when it is asked to save a turn that set it.
"""

from __future__ import annotations

ERASE_SLOT = "erase_requested"

ERASED_MESSAGE = (
    "Done: I've deleted this conversation and everything you told me in it. If you write again, "
    "we'll start from the beginning."
)
