"""Answering questions about the conditions, from bot/knowledge only."""

from __future__ import annotations

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActiveLoop, EventType
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.assessment import INTAKE_FORM
from bot.knowledge.items import answer
from bot.triage.findings import FINDING_CODES

WHICH_TOPIC = (
    "I can tell you about common triggers (caffeine, alcohol, stress, sleep, screens), the facial nerve, "
    "hemifacial spasm, synkinesis, vitamin and mineral causes, MS and tumours, scans, and when to see a doctor. "
    "Which would help?"
)


class ActionAnswerQuestion(Action):
    def name(self) -> str:
        return "action_answer_question"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        topics = [
            e["value"] for e in tracker.latest_message.get("entities", []) if e.get("entity") == "topic"
        ]
        if not topics:
            if any(e.get("entity") in FINDING_CODES for e in tracker.latest_message.get("entities", [])):
                # No topic but a symptom ("eye twitch" read as a question): it is a description, so the
                # intake starts, as it would have for describe_symptoms.
                return [ActiveLoop(INTAKE_FORM)]
            dispatcher.utter_message(text=WHICH_TOPIC)
            return []
        # Two answers at most: a wall of text on a phone helps nobody.
        for topic in list(dict.fromkeys(topics))[:2]:
            dispatcher.utter_message(text=answer(topic).text)
        return []
