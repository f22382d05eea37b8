"""Rasa 3.6 graph components wrapping the clinical findings extractor (config.yml names them by this module).

- `ClinicalFindingsExtractor` adds the entities of the NLU contract (finding codes with present/absent, face_side,
  location, duration_days) to each message.
- `SafetyIntentOverride` goes last in the pipeline: a message that is not English gets `other_language`; one whose
  own findings meet an emergency rule (bot.triage.engine.is_emergency) gets `report_emergency`, whatever DIET
  guessed. Language is checked first: text we cannot read cannot be triaged. The other way round, DIET's
  `report_emergency` becomes `inform` when the message only denies the signs ("no drooping, speech fine") or only
  speaks of a relative's or a past stroke ("my aunt had a stroke"): those are facts given, not emergencies.
  Every message left with `report_emergency` records what the emergency rests on (docs/clinical-design.md): the message's own
  findings, the person declaring it, or the classifier alone (then the dialogue asks the stroke screen first).

Both build nothing per message: the spaCy pipeline is built once per process and shared.
"""

from __future__ import annotations

import logging
import os
import re
from datetime import datetime
from typing import Any

from rasa.engine.graph import GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.nlu.extractors.extractor import EntityExtractorMixin
from rasa.shared.nlu.constants import (
    ENTITIES,
    ENTITY_ATTRIBUTE_END,
    ENTITY_ATTRIBUTE_ROLE,
    ENTITY_ATTRIBUTE_START,
    ENTITY_ATTRIBUTE_TYPE,
    ENTITY_ATTRIBUTE_VALUE,
    EXTRACTOR,
    INTENT,
    INTENT_NAME_KEY,
    INTENT_RANKING_KEY,
    METADATA,
    PREDICTED_CONFIDENCE_KEY,
    TEXT,
)
from rasa.shared.nlu.training_data.message import Message
from typing_extensions import Self

from bot.intents import (
    CLASSIFIER_INTENT_KEY,
    EMERGENCY_EVIDENCE_KEY,
    EVIDENCE_CLASSIFIER,
    EVIDENCE_DECLARED,
    EVIDENCE_FINDINGS,
    REPORT_EMERGENCY,
    SUSPECTED_SIGN_ENTITY,
)
from bot.nlu.extraction import ClinicalExtractor, EntitySpan, Extraction
from bot.nlu.kinds import VAGUE_SENSATION
from bot.nlu.language import is_probably_english
from bot.triage.engine import is_emergency
from bot.triage.findings import FINDING_CODES, RED_FLAG_CODES, TRIGGER_CODES, Status

logger = logging.getLogger(__name__)

OTHER_LANGUAGE = "other_language"
NOT_UNDERSTOOD = "nlu_fallback"
INFORM = "inform"
# Intents under which a message tells the assistant nothing about the person: a present finding in it wins.
INTENTS_THAT_CARRY_NO_FACTS = frozenset(
    {
        "nlu_fallback",
        "start_over",
        "delete_my_data",
        "out_of_scope",
        "goodbye",
        "greet",
        "thank",
        "bot_challenge",
        # DIET's own guess for a one-letter answer ("L"); text the language check reads as foreign never gets here
        "other_language",
        # "just remembered, everything is spinning": unsure how to say it, sure it is there (a sign told is a sign)
        "not_sure",
        # "why did you say that?" asks; "also something else has started" read as it tells
        "ask_why",
        # "a summary for my doctor" asks for one; "the doctor put me on a new medicine" read as it tells
        "request_summary",
    }
)
# Yes, no and their like: answers that tell no sign by themselves, so one told with them is the message's news.
BARE_ANSWERS = frozenset({"affirm", "deny", "none_of_these", "decline_to_answer"})
# Findings that can raise the level, so that one told with a yes or a no is news: not the twitch itself ("yes, the
# twitch"), nor a trigger, which can only explain it ("yes, too much coffee" to a question is an answer).
NEWS_TOLD_WITH_A_YES_OR_NO = tuple(
    code for code in FINDING_CODES if code not in (*TRIGGER_CODES, "twitching")
)
EMERGENCY_NUMBER_ENTITY = "emergency_number"
EMERGENCY_NUMBER_VARIABLE = "EMERGENCY_NUMBER"
MESSAGE_TIME_KEY = "message_time"
EXTRACTION_PROPERTY = "clinical_extraction"


def message_text(message: Message) -> str:
    text = message.get(TEXT)
    return text if isinstance(text, str) else ""


def message_time(message: Message) -> datetime:
    """Relative dates ("since Monday") count from when the message was sent: the ISO-8601 `message_time` the
    channel put in the message metadata (in the sender's own time zone, if it says one), else the server clock."""
    metadata = message.get(METADATA)
    stated = metadata.get(MESSAGE_TIME_KEY) if isinstance(metadata, dict) else None
    if stated is None:
        return datetime.now()
    try:
        # Python 3.10 reads "+00:00" but not the "Z" that JavaScript's toISOString() writes.
        return datetime.fromisoformat(re.sub(r"[zZ]$", "+00:00", str(stated)))
    except ValueError:
        logger.warning("Unreadable message_time in the metadata; using the server clock.")
        return datetime.now()


def entity_dict(entity: EntitySpan) -> dict[str, Any]:
    attributes = {
        ENTITY_ATTRIBUTE_TYPE: entity.entity,
        ENTITY_ATTRIBUTE_VALUE: entity.value,
        ENTITY_ATTRIBUTE_START: entity.start,
        ENTITY_ATTRIBUTE_END: entity.end,
    }
    if entity.role is not None:
        attributes[ENTITY_ATTRIBUTE_ROLE] = entity.role
    return attributes


class UsesSharedExtractor(GraphComponent):
    """Both components read messages with the one extractor the process builds (building it takes seconds)."""

    @classmethod
    def create(cls, *args: Any, **kwargs: Any) -> Self:
        """Rasa's create: none of its arguments (config, model storage, resource, context) is needed."""
        return cls(ClinicalExtractor.shared())

    def __init__(self, extractor: ClinicalExtractor) -> None:
        self.extractor = extractor

    def extraction_or_none(self, message: Message, instead: str) -> Extraction | None:
        """The message's extraction, or None when reading it fails: logged, with what is done instead, and the
        message still answered (a safety check must never take the assistant down)."""
        try:
            return self.extraction_of(message)
        except Exception:
            logger.exception("Reading the message for the emergency check failed; %s.", instead)
            return None

    def extraction_of(self, message: Message) -> Extraction:
        """The message's extraction, computed once per message: the second component reads what the first one
        left on the message (not an output property, so it never reaches the tracker)."""
        extraction = message.get(EXTRACTION_PROPERTY)
        if not isinstance(extraction, Extraction):
            extraction = self.extractor.extract(message_text(message), message_time(message))
            message.set(EXTRACTION_PROPERTY, extraction)
        return extraction


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR, is_trainable=False)
class ClinicalFindingsExtractor(UsesSharedExtractor, EntityExtractorMixin):
    """Findings, face side, locations and duration as Rasa entities."""

    def process(self, messages: list[Message]) -> list[Message]:
        for message in messages:
            entities = self.add_extractor_name([entity_dict(entity) for entity in self.entities_of(message)])
            message.set(ENTITIES, message.get(ENTITIES, []) + entities, add_to_output=True)
        return messages

    def entities_of(self, message: Message) -> tuple[EntitySpan, ...]:
        text = message_text(message)
        # English words inside another language ("tengo un tic") are not findings: the override answers
        # other_language, and the slots must not fill from text the assistant says it cannot read.
        if not is_probably_english(text):
            return ()
        # A fault in one message's extraction must cost that message its entities, never the conversation.
        try:
            return self.extraction_of(message).entities
        except Exception:
            logger.exception("Clinical findings extraction failed; the message gets no findings.")
            return ()


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=False)
class SafetyIntentOverride(UsesSharedExtractor):
    """Forces `other_language` for text that is not English, and `report_emergency` for stroke-like findings;
    takes back DIET's `report_emergency` from a message that only denies signs or tells of a relative's or past
    stroke."""

    def process(self, messages: list[Message]) -> list[Message]:
        for message in messages:
            intent = self.forced_intent(message)
            if intent is not None:
                force_intent(message, intent)
            if intent == REPORT_EMERGENCY:
                add_emergency_number(message)
            if predicted_intent(message) == REPORT_EMERGENCY:
                record_evidence(message, self.emergency_evidence(message))
        return messages

    def emergency_evidence(self, message: Message) -> str:
        """What a report_emergency rests on: the person's own words first, then the findings, else the classifier.

        Words first: a declared emergency is kept for the rest of the conversation, which signs read as one are not
        ("I think I'm having a stroke, my face is dropping" stays an emergency after a "no" to the onset question)."""
        extraction = self.extraction_or_none(message, "the emergency rests on the classifier")
        if extraction is None:
            return EVIDENCE_CLASSIFIER
        if extraction.declares_emergency:
            return EVIDENCE_DECLARED
        if is_emergency(extraction.to_findings()):
            return EVIDENCE_FINDINGS
        return EVIDENCE_CLASSIFIER

    def forced_intent(self, message: Message) -> str | None:
        text = message_text(message)
        if not is_probably_english(text):
            return OTHER_LANGUAGE
        if predicted_intent(message) == OTHER_LANGUAGE and not any(char.isalpha() for char in text):
            # "?????", "...", "👍": no language at all, so not understood rather than foreign. Told "I only understand
            # English", a person answering a question would be asked it again and again (the intake counts a reply
            # it does not understand, and after two records "not known").
            return NOT_UNDERSTOOD
        extraction = self.extraction_or_none(message, "keeping the classifier's intent")
        if extraction is None:
            return None
        if is_emergency(extraction.to_findings()):
            return REPORT_EMERGENCY
        if predicted_intent(message) == REPORT_EMERGENCY and is_no_emergency(extraction):
            # Not DIET's runner-up: on such messages it is as often deny, none_of_these or delete_my_data (seen on
            # the held-out set), while by the NLU contract denied signs and a relative's illness are facts: inform.
            return INFORM
        if predicted_intent(message) in BARE_ANSWERS and any(
            extraction.findings.get(code) is Status.PRESENT for code in NEWS_TOLD_WITH_A_YES_OR_NO
        ):
            # "hang on, there's a whooshing in my ear as well", "hang on, it's definitely worsening as well" read as a
            # yes or a no after the assessment: with nothing asked, that is met with "tell me about the twitch", which
            # would drop the finding it tells of.
            return INFORM
        if predicted_intent(message) in INTENTS_THAT_CARRY_NO_FACTS and tells_of_the_person(
            extraction, message
        ):
            # "just remembered, there's a little droop at the corner of my mouth" read as not understood, "btw I
            # started a new drug" read as start over, "it's the L" read as goodbye: a message that tells of a sign,
            # a side, a place or a duration is a description or an answer (docs/clinical-design.md), and reading it otherwise
            # would drop what it says, end the intake or restart the conversation.
            return INFORM
        return None


def tells_of_the_person(extraction: Extraction, message: Message) -> bool:
    """The message tells of a sign (read, suspected from a body part, or suspected by the learned reader, which ran
    before), a side, a place, a duration or a feeling in the face."""
    return (
        Status.PRESENT in extraction.findings.values()
        or any(
            entity.get(ENTITY_ATTRIBUTE_TYPE) == SUSPECTED_SIGN_ENTITY
            for entity in message.get(ENTITIES) or ()
        )
        or extraction.face_side is not None
        or bool(extraction.locations)
        or extraction.duration.days is not None
        or any(entity.entity == VAGUE_SENSATION for entity in extraction.entities)
    )


def predicted_intent(message: Message) -> str | None:
    intent = message.get(INTENT) or {}
    return intent.get(INTENT_NAME_KEY)


def is_no_emergency(extraction: Extraction) -> bool:
    """No red flag is present, and the message either denies some ("I deny any drooping") or speaks of a stroke
    only as a relative's or a past one. Any present red flag keeps DIET's emergency: never under-triage."""
    red_flags = [status for code, status in extraction.findings.items() if code in RED_FLAG_CODES]
    if Status.PRESENT in red_flags:
        return False
    return Status.ABSENT in red_flags or extraction.stroke_only_past_or_others


def force_intent(message: Message, intent: str) -> None:
    """Make `intent` the message's intent, recording what the classifier had said: the dialogue tells an
    emergency the person declared ("I think it's a stroke") from one that rests on the findings alone."""
    chosen = {
        INTENT_NAME_KEY: intent,
        PREDICTED_CONFIDENCE_KEY: 1.0,
        CLASSIFIER_INTENT_KEY: predicted_intent(message),
    }
    ranking = [
        entry for entry in message.get(INTENT_RANKING_KEY) or [] if entry.get(INTENT_NAME_KEY) != intent
    ]
    message.set(INTENT, chosen, add_to_output=True)
    message.set(INTENT_RANKING_KEY, [chosen, *ranking], add_to_output=True)


def record_evidence(message: Message, evidence: str) -> None:
    intent = {**(message.get(INTENT) or {}), EMERGENCY_EVIDENCE_KEY: evidence}
    message.set(INTENT, intent, add_to_output=True)


def add_emergency_number(message: Message) -> None:
    number = os.environ.get(EMERGENCY_NUMBER_VARIABLE, "").strip()
    if not number:
        return
    entity = {
        ENTITY_ATTRIBUTE_TYPE: EMERGENCY_NUMBER_ENTITY,
        ENTITY_ATTRIBUTE_VALUE: number,
        ENTITY_ATTRIBUTE_START: 0,
        ENTITY_ATTRIBUTE_END: len(message_text(message)),
        EXTRACTOR: SafetyIntentOverride.__name__,
    }
    message.set(ENTITIES, [*message.get(ENTITIES, []), entity], add_to_output=True)
