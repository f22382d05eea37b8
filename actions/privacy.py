"""Erasing the conversation when the person asks for it and confirms."""

from __future__ import annotations

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from bot.privacy.erasure import ERASE_SLOT, ERASED_MESSAGE

SOCKETIO_CHANNEL = "socketio"
# Read by the chat widget (bot/web/src/messages.js, ERASED).
ERASED_MARKER = {"conversation": "erased"}


class ActionDeleteMyData(Action):
    """Ask the tracker store to erase the conversation (bot.privacy.store does it when it saves this turn)."""

    def name(self) -> str:
        return "action_delete_my_data"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        dispatcher.utter_message(text=ERASED_MESSAGE)
        if tracker.get_latest_input_channel() == SOCKETIO_CHANNEL:
            # The chat widget keeps a copy of the transcript in the browser: this tells it to forget it. Rasa's
            # socket.io output emits a custom payload's `data` as the event's body.
            dispatcher.utter_message(json_message={"data": ERASED_MARKER})
        return [SlotSet(ERASE_SLOT, True)]
