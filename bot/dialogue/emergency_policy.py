"""The emergency answer comes first, at any turn, with or without the action server.

Why a policy and not only the emergency rules in data/rules/emergency.yml: while a form is active, Rasa's
RulePolicy predicts the form before any rule ("loop happy path"), and the rules only get a turn if the form
rejects the message. Our form validates through the action server, so with the action server down the form
fails silently and the rule never runs. This policy outranks the loop and plays the same steps as the rules
(answer, leave the intake, record the assessment), so the emergency answer needs nothing but Rasa itself.

A message that carries an emergency sign and asks a question ("my face has dropped, is it Bell's palsy?") gets
the emergency answer first and then the answer to its question, before the assessment is recorded. The question's
answer is a custom action: with the action server down it is lost, and the emergency answer is not.
"""

from __future__ import annotations

from typing import Any

from rasa.core.constants import POLICY_PRIORITY, RULE_POLICY_PRIORITY
from rasa.core.policies.policy import Policy, PolicyPrediction, SupportedData
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.shared.core.constants import ACTION_DEACTIVATE_LOOP_NAME, ACTION_LISTEN_NAME
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, UserUttered
from rasa.shared.core.generator import TrackerWithCachedStates
from rasa.shared.core.trackers import DialogueStateTracker

from bot.dialogue.restatement import EMERGENCY_RESPONSE, restates_known_weakness
from bot.intents import EMERGENCY_EVIDENCE_KEY, EVIDENCE_CLASSIFIER, REPORT_EMERGENCY
from bot.knowledge.items import TOPIC_ENTITY

RECORD_ASSESSMENT_ACTION = "action_assess"
ANSWER_QUESTION_ACTION = "action_answer_question"
# Checks a classifier-only emergency sign by sign (its validation asks the stroke screen first).
INTAKE_FORM = "intake_form"


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.POLICY_WITHOUT_END_TO_END_SUPPORT, is_trainable=False)
class EmergencyInterruptPolicy(Policy):
    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {POLICY_PRIORITY: RULE_POLICY_PRIORITY + 1}

    @staticmethod
    def supported_data() -> SupportedData:
        return SupportedData.ML_AND_RULE_DATA

    def train(
        self, training_trackers: list[TrackerWithCachedStates], domain: Domain, **kwargs: Any
    ) -> Resource:
        return self._resource

    def predict_action_probabilities(
        self,
        tracker: DialogueStateTracker,
        domain: Domain,
        rule_only_data: dict[str, Any] | None = None,
        **kwargs: Any,
    ) -> PolicyPrediction:
        next_action = self._next_emergency_step(tracker)
        if next_action is None:
            return self._prediction(self._default_predictions(domain))
        probabilities = self._default_predictions(domain)
        probabilities[domain.index_for_action(next_action)] = 1.0
        # "no user prediction" is what lets the loop outrank rules; claiming it here lets this policy outrank the loop.
        return self._prediction(probabilities, is_no_user_prediction=True)

    @staticmethod
    def _next_emergency_step(tracker: DialogueStateTracker) -> str | None:
        """The next of: answer, leave an active intake, answer the question asked, record the assessment, listen."""
        latest_message = tracker.latest_message
        if latest_message is None or latest_message.intent.get("name") != REPORT_EMERGENCY:
            return None
        done = _actions_since_latest_user_message(tracker)
        if latest_message.intent.get(EMERGENCY_EVIDENCE_KEY) == EVIDENCE_CLASSIFIER:
            # No stroke sign was read and the person did not say it is an emergency: only the intent classifier
            # thinks so. The intake asks the stroke screen one sign at a time instead (docs/clinical-design.md); a "yes" or an
            # unclear answer there is the emergency.
            return None if done or tracker.active_loop_name else INTAKE_FORM
        if not done:
            if restates_known_weakness([event.as_dict() for event in tracker.events]):
                # An answer to the intake, not an emergency (see bot.dialogue.restatement): the form reads it.
                return None
            return EMERGENCY_RESPONSE
        if done[-1] == EMERGENCY_RESPONSE and tracker.active_loop_name:
            return ACTION_DEACTIVATE_LOOP_NAME
        if done[-1] in (EMERGENCY_RESPONSE, ACTION_DEACTIVATE_LOOP_NAME):
            return ANSWER_QUESTION_ACTION if _asks_a_question(latest_message) else RECORD_ASSESSMENT_ACTION
        if done[-1] == ANSWER_QUESTION_ACTION:
            return RECORD_ASSESSMENT_ACTION
        if done[-1] == RECORD_ASSESSMENT_ACTION and not tracker.active_loop_name:
            return ACTION_LISTEN_NAME
        # The assessment re-opened the intake (to ask the stroke screen): the form takes over from here.
        return None


def _asks_a_question(message: UserUttered) -> bool:
    """The question reader named what the message asks about (bot/nlu/question_reader.py)."""
    return any(entity.get("entity") == TOPIC_ENTITY for entity in message.entities)


def _actions_since_latest_user_message(tracker: DialogueStateTracker) -> list[str]:
    actions: list[str] = []
    for event in reversed(tracker.events):
        if isinstance(event, UserUttered):
            break
        if isinstance(event, ActionExecuted) and event.action_name:
            actions.append(event.action_name)
    return list(reversed(actions))
