"""What a report_emergency rests on (docs/clinical-design.md): the safety override's process() on real Rasa Messages."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.intents import (
    EMERGENCY_EVIDENCE_KEY,
    EVIDENCE_CLASSIFIER,
    EVIDENCE_DECLARED,
    EVIDENCE_FINDINGS,
)
from bot.nlu.components import SafetyIntentOverride


@pytest.fixture(scope="module")
def override(tmp_path_factory: pytest.TempPathFactory) -> SafetyIntentOverride:
    return SafetyIntentOverride.create(
        config={},
        model_storage=LocalModelStorage(Path(tmp_path_factory.mktemp("model_storage"))),
        resource=Resource("safety_override"),
        execution_context=ExecutionContext(GraphSchema({}), "test"),
    )


def processed(override: SafetyIntentOverride, text: str, intent: str) -> dict[str, Any]:
    message = Message(data={TEXT: text})
    message.set(INTENT, {"name": intent, "confidence": 0.8})
    message.set(INTENT_RANKING_KEY, [{"name": intent, "confidence": 0.8}])
    [message] = override.process([message])
    result: dict[str, Any] = message.get(INTENT)
    return result


@pytest.mark.parametrize(
    ("text", "classified_as"),
    [
        ("half my face has gone slack and my words are slurring", "describe_symptoms"),
        ("my leg gave out under me a few minutes ago", "report_emergency"),
        ("my right eye has gone black, I can't see anything out of it", "report_emergency"),
    ],
)
def test_an_emergency_rule_met_by_the_message_rests_on_findings(
    override: SafetyIntentOverride, text: str, classified_as: str
) -> None:
    intent = processed(override, text, classified_as)
    assert intent["name"] == "report_emergency"
    assert intent[EMERGENCY_EVIDENCE_KEY] == EVIDENCE_FINDINGS


@pytest.mark.parametrize(
    "text",
    [
        "help, I reckon I'm having a stroke",
        "my wife is having a stroke right now",
        "please send an ambulance",
        "we need paramedics here",
        "ring 999 for me",
        "it's an emergency",
        "grandad's having a stroke I think",
        # declared beside a sign: the words are kept for the rest of the conversation, whatever the onset
        "this is an emergency, I can't see anything out of my right eye",
        "I think this is a stroke, the left of my mouth has dropped in the last few minutes",
        # the call already made, or help on its way: the person has said it is an emergency
        "my partner has just rung 999",
        "I've phoned for an ambulance",
        "the paramedics are pulling up outside",
        "we're on our way to A&E",
        # what comes before a turn of the sentence does not take the declaration back
        "sorry to be a drama queen, but I'm having a stroke",
    ],
)
def test_the_person_declaring_it_rests_on_their_words(override: SafetyIntentOverride, text: str) -> None:
    intent = processed(override, text, "report_emergency")
    assert intent["name"] == "report_emergency"
    assert intent[EMERGENCY_EVIDENCE_KEY] == EVIDENCE_DECLARED


@pytest.mark.parametrize(
    "text",
    [
        "I feel awful, something is really wrong",
        "is this an emergency?",
        "should I ring for an ambulance?",
        "I'm frightened it's a stroke",
        "could this be a stroke",
        "if it gets worse I'll dial 999",
        "it isn't an emergency but I'm worried",
        "help me please",
        "if I got a droopy face, that's when I'd ring 999, right?",
        "my cousin said I should call an ambulance, as if",
        "I called 999 last year for my mum",
        "probably a mini stroke looking back, am I overreacting?",
        # a fear said with "anxious", and a stroke named as one of several guesses
        "I'm really anxious that this twitch means a stroke",
        "my mind keeps jumping to a brain tumour or a stroke",
    ],
)
def test_only_the_classifier_rests_on_the_classifier(override: SafetyIntentOverride, text: str) -> None:
    intent = processed(override, text, "report_emergency")
    assert intent.get("name") in ("report_emergency", "inform")
    if intent["name"] == "report_emergency":
        assert intent[EMERGENCY_EVIDENCE_KEY] == EVIDENCE_CLASSIFIER


def test_a_relatives_past_stroke_is_taken_back_and_records_nothing(override: SafetyIntentOverride) -> None:
    intent = processed(override, "my uncle had a stroke a few years back", "report_emergency")
    assert intent["name"] == "inform"
    assert EMERGENCY_EVIDENCE_KEY not in intent


@pytest.mark.parametrize("intent_name", ["describe_symptoms", "inform", "ask_question"])
def test_other_intents_get_no_evidence(override: SafetyIntentOverride, intent_name: str) -> None:
    intent = processed(override, "my eyelid flickers when I'm tired", intent_name)
    assert intent["name"] == intent_name
    assert EMERGENCY_EVIDENCE_KEY not in intent
