"""The learned red-flag reader as a Rasa graph component (issue 11, docs/red-flag-readers.md).

`LearnedRedFlagReader` trains at `rasa train` one classifier per red flag (bot.nlu.red_flag_model) on the labelled
phrases of the files its config names (by default tests/nlu/dev.yml and tests/nlu/context_dev.yml, read where they
are, paths relative to the directory `rasa train` runs in), with the NLU examples of intents that never report a sign
(greetings, yes/no...) as extra negatives. The model ships inside the Rasa model archive (model storage).

At inference it adds, for each red flag it reads as present and the rule reader left open, an entity
`suspected_sign` whose value is the flag's code (its span is the whole message: the reader does not localise). It
never changes the intent and never adds finding entities: a suspicion is something to ask about, not a finding.
It runs after ClinicalFindingsExtractor, whose entities tell it what the rules already read.
"""

from __future__ import annotations

import hashlib
import inspect
import logging
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.nlu.extractors.extractor import EntityExtractorMixin
from rasa.shared.nlu.constants import (
    ENTITIES,
    ENTITY_ATTRIBUTE_END,
    ENTITY_ATTRIBUTE_START,
    ENTITY_ATTRIBUTE_TYPE,
    ENTITY_ATTRIBUTE_VALUE,
    EXTRACTOR,
    INTENT,
    TEXT,
)
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.intents import SUSPECTED_SIGN_ENTITY
from bot.nlu import red_flag_model
from bot.nlu.components import ClinicalFindingsExtractor, message_text
from bot.nlu.extraction import EntitySpan
from bot.nlu.language import is_probably_english
from bot.nlu.red_flag_model import (
    DEFAULT_THRESHOLD,
    NEGATIVE_INTENTS,
    RedFlagModel,
    load_all,
    suspicions_to_raise,
)
from bot.nlu.stored_model import StoredModelComponent
from bot.triage.findings import RED_FLAG_CODES

logger = logging.getLogger(__name__)

RULE_READER = ClinicalFindingsExtractor.__name__
DEFAULT_LABELLED_FILES = ("tests/nlu/dev.yml", "tests/nlu/context_dev.yml")


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR, is_trainable=True)
class LearnedRedFlagReader(StoredModelComponent[RedFlagModel], EntityExtractorMixin):
    """Adds a `suspected_sign` entity per red flag the learned model reads and the rules left open."""

    model_file = "red_flag_model.joblib"
    # A model without its reader still serves: the rules read every message, only the suspicions are lost.
    without_model = "No learned red-flag model in the archive; no sign will be suspected."

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {"labelled_files": list(DEFAULT_LABELLED_FILES), "threshold": DEFAULT_THRESHOLD}

    @classmethod
    def fingerprint_addon(cls, config: dict[str, Any]) -> str | None:
        """Rasa reuses a cached training when the component's config and input are unchanged; the labelled files
        and the model's code are neither, so they are part of the fingerprint."""
        digest = hashlib.sha256(inspect.getsource(red_flag_model).encode("utf-8"))
        for path in labelled_paths(config):
            digest.update(path.read_bytes() if path.is_file() else b"missing")
        return digest.hexdigest()

    def train(self, training_data: TrainingData) -> Resource:
        phrases = load_all(labelled_paths(self.config))
        model = RedFlagModel.train(phrases, negative_texts(training_data), float(self.config["threshold"]))
        logger.info("Learned red-flag reader trained on %d labelled phrases.", len(phrases))
        return self.store(model)

    def process(self, messages: list[Message]) -> list[Message]:
        for message in messages:
            codes = self.suspicions(message)
            if codes:
                entities = self.add_extractor_name(
                    [suspicion_entity(code, message_text(message)) for code in codes]
                )
                message.set(ENTITIES, message.get(ENTITIES, []) + entities, add_to_output=True)
        return messages

    def suspicions(self, message: Message) -> tuple[str, ...]:
        text = message_text(message)
        if self.model is None or not text.strip() or not is_probably_english(text):
            return ()
        # A fault here must cost the message its suspicions, never the conversation.
        try:
            suspected = self.model.suspected([text])[0]
            return suspicions_to_raise(suspected, rule_red_flags(message), text)
        except Exception:
            logger.exception("Learned red-flag reading failed; the message gets no suspicion.")
            return ()


def labelled_paths(config: dict[str, Any]) -> list[Path]:
    # Rasa's training hook also fingerprints a node it restored from its cache, with that node's own config, which
    # has none of ours: the defaults (the same files config.yml names) stand in.
    return [Path(path) for path in config.get("labelled_files", DEFAULT_LABELLED_FILES)]


def negative_texts(training_data: TrainingData) -> list[str]:
    """The NLU examples of intents that never report a sign (bot.nlu.red_flag_model.NEGATIVE_INTENTS)."""
    return [
        str(example.get(TEXT))
        for example in training_data.intent_examples
        if example.get(INTENT) in NEGATIVE_INTENTS
    ]


def rule_red_flags(message: Message) -> Iterable[EntitySpan]:
    """The red-flag entities the rule reader put on the message."""
    return [
        EntitySpan(
            entity[ENTITY_ATTRIBUTE_TYPE],
            entity[ENTITY_ATTRIBUTE_VALUE],
            entity[ENTITY_ATTRIBUTE_START],
            entity[ENTITY_ATTRIBUTE_END],
        )
        for entity in message.get(ENTITIES) or []
        if entity.get(EXTRACTOR) == RULE_READER and entity.get(ENTITY_ATTRIBUTE_TYPE) in RED_FLAG_CODES
    ]


def suspicion_entity(code: str, text: str) -> dict[str, Any]:
    return {
        ENTITY_ATTRIBUTE_TYPE: SUSPECTED_SIGN_ENTITY,
        ENTITY_ATTRIBUTE_VALUE: code,
        ENTITY_ATTRIBUTE_START: 0,
        ENTITY_ATTRIBUTE_END: len(text),
    }
