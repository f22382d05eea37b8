"""The question reader as a Rasa graph component: which knowledge items a question asks about.

`QuestionReader` trains the retriever of bot/knowledge/retrieval.py at `rasa train` on the paraphrases of
bot/knowledge/questions.yml; the model ships inside the Rasa model archive. At inference it adds to a message that asks something one `topic` entity
per item to answer, best first (the span is the whole message: the retriever does not localise).

A question the intent classifier took for a description, an answer or something it did not understand ("my
lid keeps flickering, could it be my job?") is still a question: when the retriever reads it as one, the intent
becomes `ask_question`, whose action answers it and lets what it tells of the symptoms count (docs/clinical-design.md).
It runs before SafetyIntentOverride, so an emergency sign in the same message still has the last word.
"""

from __future__ import annotations

import hashlib
import inspect
import logging
import re
import sys
from typing import Any

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.nlu.extractors.extractor import EntityExtractorMixin
from rasa.shared.nlu.constants import (
    ENTITIES,
    ENTITY_ATTRIBUTE_CONFIDENCE,
    ENTITY_ATTRIBUTE_END,
    ENTITY_ATTRIBUTE_START,
    ENTITY_ATTRIBUTE_TYPE,
    ENTITY_ATTRIBUTE_VALUE,
    INTENT,
    TEXT,
)
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.intents import REPORT_EMERGENCY
from bot.knowledge import retrieval
from bot.knowledge.items import NOT_COVERED_TOPIC, TOPIC_ENTITY
from bot.knowledge.retrieval import (
    MIN_CONFIDENCE,
    PARAPHRASES_FILE,
    Match,
    QuestionRetriever,
    load_paraphrases,
)
from bot.nlu import resources, spelling
from bot.nlu.components import force_intent, message_text, predicted_intent
from bot.nlu.language import is_probably_english
from bot.nlu.red_flag_model import NEGATIVE_INTENTS
from bot.nlu.spelling import canonical_spelling
from bot.nlu.stored_model import StoredModelComponent
from bot.nlu.vocabulary import QUESTION_STARTS_IN_CHAT

logger = logging.getLogger(__name__)

ASK_QUESTION = "ask_question"
# The intents whose reading stands even when the message asks something: the override after this component has
# the last word on emergencies, and text that is not English is not read at all.
INTENTS_KEPT = frozenset({ASK_QUESTION, REPORT_EMERGENCY, "other_language"})
# The conversation's own moves, which the retriever learns to tell from questions about twitching: the intents
# that never report a sign, and corrections ("sorry, I meant the left eye").
CONVERSATION_MOVES = frozenset(NEGATIVE_INTENTS) | {"correct"}
# How sure the retriever must be before a message read as a move of the conversation is answered as a question.
MIN_CONFIDENCE_OVER_A_MOVE = 0.5
MIN_WORDS_OVER_A_MOVE = 4
# A message the intent classifier did not understand that names a topic the way one types into a search box
# ("stroke symptoms", "causes of eye twitching") asks about it, when the retriever is this sure of the item and
# the findings extractor read nothing in it: "alcohol" alone answers the intake's question about triggers, and an
# unsure reading is more likely a garbled answer than a question.
NOT_UNDERSTOOD = "nlu_fallback"
MIN_CONFIDENCE_UNASKED = 0.8
# How a message asks (bot/nlu/resources/question_openings.yml), beside the question openings of the vocabulary.
OPENINGS = resources.load("question_openings")
OPENINGS_FILE = resources.RESOURCES / "question_openings.yml"
QUESTION_WORDS = QUESTION_STARTS_IN_CHAT | frozenset(OPENINGS["request_openings"])
OPENERS = "|".join(map(re.escape, OPENINGS["openers"]))
# The first word of each sentence or clause after any openers: clauses end at a sentence mark, a comma, a colon,
# a dash between words or a line break ("had a lot to drink on saturday - would that be it").
CLAUSE_START = re.compile(rf"(?:^|[.!?,;:\n(]\s*|\s[-\u2013\u2014]+\s+)(?:(?:{OPENERS})\b[\s,!.]*)*([a-z']+)")
CLAUSE_END = re.compile(r"(?<=[.!?;:])\s+|,\s*|\s[-\u2013\u2014]+\s+|\n")
ASKING_PHRASES = re.compile(rf"\b(?:{'|'.join(OPENINGS['asking_phrases'])})\b")


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR, is_trainable=True)
class QuestionReader(StoredModelComponent[QuestionRetriever], EntityExtractorMixin):
    """Adds a `topic` entity per knowledge item a question asks about, and reads a question as one."""

    model_file = "question_retriever.joblib"
    # A model without its retriever still serves: questions are then asked which topic they are about.
    without_model = "No question retriever in the archive; questions will get no topic."

    @classmethod
    def fingerprint_addon(cls, config: dict[str, Any]) -> str | None:
        """The paraphrases, the question openings and the code that reads them (the retriever, the spelling, this
        module) are not part of Rasa's own fingerprint."""
        digest = hashlib.sha256(PARAPHRASES_FILE.read_bytes())
        digest.update(OPENINGS_FILE.read_bytes())
        for module in (retrieval, spelling, sys.modules[__name__]):
            digest.update(inspect.getsource(module).encode("utf-8"))
        return digest.hexdigest()

    def train(self, training_data: TrainingData) -> Resource:
        not_questions = [
            str(example.get(TEXT))
            for example in training_data.intent_examples
            if example.get(INTENT) in CONVERSATION_MOVES
        ]
        paraphrases = {
            item: [in_canonical_spelling(text) for text in texts]
            for item, texts in load_paraphrases().items()
        }
        return self.store(
            QuestionRetriever.train(paraphrases, [in_canonical_spelling(text) for text in not_questions])
        )

    def process(self, messages: list[Message]) -> list[Message]:
        for message in messages:
            items = self.items_asked_about(message)
            if not items:
                continue
            text = message_text(message)
            entities = self.add_extractor_name([topic_entity(item, text) for item in items])
            message.set(ENTITIES, message.get(ENTITIES, []) + entities, add_to_output=True)
            if reads_as_a_question(message, items[0]):
                force_intent(message, ASK_QUESTION)
        return messages

    def items_asked_about(self, message: Message) -> list[Match]:
        text = message_text(message)
        intent = predicted_intent(message)
        asked = intent == ASK_QUESTION or looks_like_a_question(text)
        searched = intent == NOT_UNDERSTOOD and not message.get(ENTITIES)
        if self.model is None or not (asked or searched) or not is_probably_english(text):
            return []
        # A fault here must cost the message its answer, never the conversation.
        try:
            items = self.model.items_to_answer(
                in_canonical_spelling(text), in_canonical_spelling(asking_clauses(text))
            )
        except Exception:
            logger.exception("Question retrieval failed; the question gets no topic.")
            return []
        return items if asked or names_a_topic_plainly(items) else []


def in_canonical_spelling(text: str) -> str:
    """The words as the finding patterns spell them: slips mended, British and American alike, and a medicine
    named by its name read as "medication" ("since I went on sertraline"), in training and in use alike."""
    return " ".join(canonical_spelling(word) for word in re.findall(r"[\w']+|[^\w\s]", text.lower()))


def looks_like_a_question(text: str) -> bool:
    """A question mark, a sentence or clause that starts as a question, or an asking phrase."""
    lowered = text.lower().replace("\u2019", "'")
    return (
        "?" in text
        or any(word in QUESTION_WORDS for word in CLAUSE_START.findall(lowered))
        or ASKING_PHRASES.search(lowered) is not None
    )


def asking_clauses(text: str) -> str:
    """The sentences and clauses of `text` that ask ("what should I watch out for?" after a description), or all
    of it when none does alone."""
    clauses = [clause for clause in CLAUSE_END.split(text) if clause.strip()]
    asking = [clause.strip() for clause in clauses if looks_like_a_question(clause)]
    return " ".join(asking) or text


def reads_as_a_question(message: Message, best: Match) -> bool:
    """A message the classifier read as something else that asks about twitching. Taking a move of the
    conversation ("why?", "start again") for a question costs the person that move, so it needs a surer reading
    than a description or a message the classifier did not understand, and words enough to ask about something
    ("why?" and "ok but why" are about what the assistant said)."""
    intent = predicted_intent(message)
    if intent in INTENTS_KEPT:
        return False
    if intent in CONVERSATION_MOVES:
        words = len(message_text(message).split())
        return words >= MIN_WORDS_OVER_A_MOVE and best.confidence >= MIN_CONFIDENCE_OVER_A_MOVE
    return best.confidence >= MIN_CONFIDENCE


def names_a_topic_plainly(items: list[Match]) -> bool:
    """A sure reading of one of the items, as a message that does not ask needs to be taken for a question."""
    return (
        bool(items) and items[0].topic != NOT_COVERED_TOPIC and items[0].confidence >= MIN_CONFIDENCE_UNASKED
    )


def topic_entity(item: Match, text: str) -> dict[str, Any]:
    return {
        ENTITY_ATTRIBUTE_TYPE: TOPIC_ENTITY,
        ENTITY_ATTRIBUTE_VALUE: item.topic,
        ENTITY_ATTRIBUTE_START: 0,
        ENTITY_ATTRIBUTE_END: len(text),
        ENTITY_ATTRIBUTE_CONFIDENCE: round(item.confidence, 3),
    }
