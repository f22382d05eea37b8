"""The summary for the person's doctor, offered after every assessment ("Summary for your doctor")."""

from __future__ import annotations

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from bot.doctor_summary.conversation import read_conversation
from bot.doctor_summary.summary import build_summary

SOCKETIO_CHANNEL = "socketio"
SUMMARY_INTENT = "request_summary"
SUMMARY_BUTTON = {"title": "Summary for your doctor", "payload": f"/{SUMMARY_INTENT}"}
# Said after every assessment, with the button (actions/assessment.py).
SUMMARY_OFFER = (
    "If you see a doctor, I can write down what you've told me and what I advised, to show them: tap "
    "“Summary for your doctor” or type those words."
)
NO_SUMMARY_YET = (
    "I can write a summary for your doctor once I've given you an assessment. Tell me about the twitch first."
)
# The web widget shows the summary itself (bot/web/src/messages.js reads `doctor_summary`), with Copy and Print.
IN_THE_WIDGET = "Here is your summary for your doctor. You can copy it, or print it or save it as a PDF."


class ActionDoctorSummary(Action):
    """The conversation's latest assessment as a summary for a doctor (bot.doctor_summary): chat messages that
    each fit a phone screen, or in the web widget the summary itself, with Copy and Print."""

    def name(self) -> str:
        return "action_doctor_summary"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        record = read_conversation(tracker.events)
        summary = build_summary(record) if record is not None else None
        if summary is None:
            dispatcher.utter_message(text=NO_SUMMARY_YET)
            return []
        if tracker.get_latest_input_channel() == SOCKETIO_CHANNEL:
            dispatcher.utter_message(text=IN_THE_WIDGET)
            # Rasa's socket.io output emits a custom payload's `data` as the event's body.
            dispatcher.utter_message(json_message={"data": {"doctor_summary": summary.to_json()}})
            return []
        for message in summary.chat_messages():
            dispatcher.utter_message(text=message)
        return []
