"""Answering questions about the conditions, from bot/knowledge only."""

from __future__ import annotations

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActiveLoop, EventType
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.assessment import INTAKE_FORM
from actions.tracker_findings import evidence_from_tracker, latest_reading, reports_emergency, slot_events
from bot.knowledge.items import (
    ANSWERABLE,
    TOPIC_ENTITY,
    answer_after_an_emergency,
    answer_text,
    answer_with_a_red_flag,
)
from bot.triage.findings import RED_FLAG_CODES

WHICH_TOPIC = (
    "I can tell you about the causes of twitching (such as caffeine, alcohol, stress, sleep, screens, medicines "
    "or low minerals), how long a twitch lasts, what helps, hemifacial spasm, Bell's palsy, blepharospasm, "
    "stroke signs, MS and tumours, tests, and when to see a doctor. Which would help?"
)
# The question reader (bot/nlu/question_reader.py) lists the items best first: two at most, as a wall of text on
# a phone helps nobody.
MAX_ANSWERS = 2


class ActionAnswerQuestion(Action):
    def name(self) -> str:
        return "action_answer_question"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        # Only items this action server knows: a model trained on older items must not break the conversation.
        topics = list(
            dict.fromkeys(
                e["value"]
                for e in tracker.latest_message.get("entities", [])
                if e.get("entity") == TOPIC_ENTITY and e.get("value") in ANSWERABLE
            )
        )
        if reports_emergency(tracker):
            # After the emergency answer (bot/dialogue/emergency_policy.py), which has said what to do: only answers
            # that say the same, and the findings are the assessment's to record.
            fitting = (answer_after_an_emergency(topic) for topic in topics)
            for topic in list(dict.fromkeys(topic for topic in fitting if topic))[:MAX_ANSWERS]:
                dispatcher.utter_message(text=answer_text(topic))
            return []
        # A question that carries a symptom ("is it normal my cheek goes numb with it?") is a description too
        # (docs/clinical-design.md): what it says counts, the question is answered, and the intake starts or goes on.
        reading = latest_reading(tracker)
        before = evidence_from_tracker(tracker)
        after = before.add_message(reading)
        describes = reading.says_anything
        carried = slot_events(before, after) if describes else []
        if not topics and not describes:
            dispatcher.utter_message(text=WHICH_TOPIC)
        if any(after.findings.is_present(code) for code in RED_FLAG_CODES):
            topics = list(dict.fromkeys(answer_with_a_red_flag(topic) for topic in topics))
        for topic in topics[:MAX_ANSWERS]:
            dispatcher.utter_message(text=answer_text(topic))
        return [*carried, ActiveLoop(INTAKE_FORM)] if describes else []
