"""The Rasa graph components on real rasa Messages, created through their `create` classmethods (no training)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.shared.nlu.constants import ENTITIES, INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.nlu.components import EXTRACTION_PROPERTY, ClinicalFindingsExtractor, SafetyIntentOverride
from bot.triage.findings import FINDING_CODES, LOCATIONS


@pytest.fixture(scope="module")
def graph_args(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    storage = LocalModelStorage(Path(tmp_path_factory.mktemp("model_storage")))
    return {
        "config": {},
        "model_storage": storage,
        "resource": Resource("nlu_component"),
        "execution_context": ExecutionContext(GraphSchema({}), "test"),
    }


@pytest.fixture(scope="module")
def extractor(graph_args: dict[str, Any]) -> ClinicalFindingsExtractor:
    return ClinicalFindingsExtractor.create(**graph_args)


@pytest.fixture(scope="module")
def override(graph_args: dict[str, Any]) -> SafetyIntentOverride:
    return SafetyIntentOverride.create(**graph_args)


def classified(text: str, intent: str = "describe_symptoms", confidence: float = 0.9) -> Message:
    """A message as DIET would leave it."""
    message = Message(data={TEXT: text})
    message.set(INTENT, {"name": intent, "confidence": confidence})
    message.set(
        INTENT_RANKING_KEY,
        [{"name": intent, "confidence": confidence}, {"name": "inform", "confidence": 1 - confidence}],
    )
    return message


def test_extractor_adds_contract_entities(extractor: ClinicalFindingsExtractor) -> None:
    text = "my left eyelid has been twitching for 2 weeks, no numbness"
    [message] = extractor.process([Message(data={TEXT: text})])
    entities = message.get(ENTITIES)
    assert {(entity["entity"], entity["value"]) for entity in entities} == {
        ("twitching", "present"),
        ("numbness_tingling", "absent"),
        ("face_side", "left"),
        ("location", "eyelid"),
        ("duration_days", "14"),
    }
    for entity in entities:
        assert entity["extractor"] == "ClinicalFindingsExtractor"
        assert text[entity["start"] : entity["end"]]
        assert isinstance(entity["value"], str)


def test_extractor_keeps_entities_already_there(extractor: ClinicalFindingsExtractor) -> None:
    message = Message(
        data={TEXT: "dizzy", ENTITIES: [{"entity": "other", "value": "x", "start": 0, "end": 1}]}
    )
    extractor.process([message])
    assert [entity["entity"] for entity in message.get(ENTITIES)] == ["other", "balance_problem"]


def test_entity_names_are_contract_names(extractor: ClinicalFindingsExtractor) -> None:
    text = (
        "my right cheek and mouth twitch, it's spreading, worse for a few weeks, I feel dizzy, no headache, "
        "had Bell's palsy, stressed and not sleeping, what is hemifacial spasm?"
    )
    [message] = extractor.process([Message(data={TEXT: text})])
    allowed = set(FINDING_CODES) | {"face_side", "location", "duration_days"}
    names = {entity["entity"] for entity in message.get(ENTITIES)}
    assert names <= allowed
    assert {entity["value"] for entity in message.get(ENTITIES) if entity["entity"] == "location"} <= set(
        LOCATIONS
    )


BAD_INPUT = ["", "😀😀😀", "\x00\x01\x02\x1b[31m twitch", "my eye twitches " * 700, "z" * 10_000]


@pytest.mark.parametrize("text", BAD_INPUT, ids=range(len(BAD_INPUT)))
def test_components_never_raise_on_bad_input(
    extractor: ClinicalFindingsExtractor, override: SafetyIntentOverride, text: str
) -> None:
    [message] = override.process(extractor.process([classified(text)]))
    assert isinstance(message.get(ENTITIES), list)
    assert message.get(INTENT)["name"] in {"describe_symptoms", "report_emergency", "other_language"}


def test_message_without_text_never_raises(
    extractor: ClinicalFindingsExtractor, override: SafetyIntentOverride
) -> None:
    [message] = override.process(extractor.process([Message(data={})]))
    assert message.get(ENTITIES) == []


@pytest.mark.parametrize(
    "text",
    [
        "my face has suddenly dropped and I can't lift my arm",
        "my speech went slurred all of a sudden",
        "I have double vision",
        "worst headache of my life",
        "my dad's face is drooping",
        "I think my face might be drooping a bit",
    ],
)
def test_stroke_like_findings_force_the_emergency_intent(override: SafetyIntentOverride, text: str) -> None:
    [message] = override.process([classified(text, intent="describe_symptoms")])
    # What DIET said stays on record: the dialogue tells a declared emergency from one read off the findings.
    forced = {"name": "report_emergency", "confidence": 1.0, "classifier_intent": "describe_symptoms"}
    assert message.get(INTENT) == {**forced, "emergency_evidence": "findings"}
    ranking = message.get(INTENT_RANKING_KEY)
    assert ranking[0] == forced
    assert [entry["name"] for entry in ranking].count("report_emergency") == 1


@pytest.mark.parametrize(
    "text",
    [
        "my left eyelid keeps twitching",
        "no weakness or drooping",
        "I'm scared I'll get a stroke",
        "my face drooped gradually over a few days",
        "my aunt had a stroke",
        "left",
    ],
)
def test_other_messages_keep_their_intent(override: SafetyIntentOverride, text: str) -> None:
    [message] = override.process([classified(text, intent="inform", confidence=0.8)])
    assert message.get(INTENT) == {"name": "inform", "confidence": 0.8}


@pytest.mark.parametrize("text", ["tengo un tic en el ojo", "mein Auge zuckt", "我的眼睛一直在跳"])
def test_other_languages_get_other_language(override: SafetyIntentOverride, text: str) -> None:
    [message] = override.process([classified(text, intent="describe_symptoms")])
    assert message.get(INTENT)["name"] == "other_language"
    assert message.get(INTENT)["confidence"] == 1.0
    assert message.get(INTENT_RANKING_KEY)[0]["name"] == "other_language"


def test_emergency_number_entity_when_configured(
    override: SafetyIntentOverride, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("EMERGENCY_NUMBER", "999")
    [message] = override.process([classified("my speech is slurred and my arm is weak")])
    numbers = [entity for entity in message.get(ENTITIES) if entity["entity"] == "emergency_number"]
    assert [entity["value"] for entity in numbers] == ["999"]


def test_no_emergency_number_entity_without_the_setting(
    override: SafetyIntentOverride, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("EMERGENCY_NUMBER", raising=False)
    [message] = override.process([classified("my speech is slurred")])
    assert message.get(INTENT)["name"] == "report_emergency"
    assert not [entity for entity in message.get(ENTITIES) or [] if entity["entity"] == "emergency_number"]


def test_no_emergency_number_for_ordinary_messages(
    override: SafetyIntentOverride, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("EMERGENCY_NUMBER", "999")
    [message] = override.process([classified("my eyelid twitches")])
    assert not message.get(ENTITIES)


def durations_read(
    extractor: ClinicalFindingsExtractor, text: str, metadata: dict[str, Any] | None
) -> list[str]:
    [message] = extractor.process([Message(data={TEXT: text, "metadata": metadata})])
    return [entity["value"] for entity in message.get(ENTITIES) if entity["entity"] == "duration_days"]


@pytest.mark.parametrize(
    ("message_time", "days"),
    [("2026-11-19T15:00:00", "3.62"), ("2026-11-18T12:00:00Z", "2.5"), ("2026-11-23T09:00:00+01:00", "7.38")],
)
def test_relative_dates_use_the_message_time_in_the_metadata(
    extractor: ClinicalFindingsExtractor, message_time: str, days: str
) -> None:
    assert durations_read(extractor, "since Monday", {"message_time": message_time}) == [days]


@pytest.mark.parametrize("metadata", [None, {}, {"message_time": "last tuesday-ish"}, {"message_time": 12}])
def test_without_a_readable_message_time_the_server_clock_is_used(
    extractor: ClinicalFindingsExtractor, metadata: dict[str, Any] | None
) -> None:
    [days] = durations_read(extractor, "since yesterday", metadata)
    assert 1 <= float(days) <= 2


def test_text_in_another_language_gets_no_findings(extractor: ClinicalFindingsExtractor) -> None:
    [message] = extractor.process([Message(data={TEXT: "j'ai un tic à l'oeil depuis une semaine"})])
    assert message.get(ENTITIES) == []


def ranked(text: str, ranking: list[tuple[str, float]]) -> Message:
    """A message as DIET would leave it, with this ranking (the first is the predicted intent)."""
    message = Message(data={TEXT: text})
    message.set(INTENT, {"name": ranking[0][0], "confidence": ranking[0][1]})
    message.set(
        INTENT_RANKING_KEY, [{"name": name, "confidence": confidence} for name, confidence in ranking]
    )
    return message


@pytest.mark.parametrize(
    "text",
    [
        "no slurring and no weakness in my arms",
        "I deny any face drooping",
        "both arms feel strong, vision normal",
        "my granny had a stroke",
        "I had a mini-stroke back in 2015",
    ],
)
def test_denied_signs_and_a_relatives_or_past_stroke_are_not_an_emergency(
    override: SafetyIntentOverride, text: str
) -> None:
    message = ranked(text, [("report_emergency", 0.7), ("deny", 0.2), ("inform", 0.1)])
    override.process([message])
    assert message.get(INTENT)["name"] == "inform"
    assert [entry["name"] for entry in message.get(INTENT_RANKING_KEY)].count("inform") == 1


def test_denied_signs_are_inform_even_when_diet_did_not_rank_it(override: SafetyIntentOverride) -> None:
    message = ranked(
        "no drooping at all", [("report_emergency", 0.6), ("delete_my_data", 0.3), ("deny", 0.1)]
    )
    override.process([message])
    taken_back = {"name": "inform", "confidence": 1.0, "classifier_intent": "report_emergency"}
    assert message.get(INTENT) == taken_back
    assert message.get(INTENT_RANKING_KEY)[0] == taken_back


@pytest.mark.parametrize(
    "text",
    [
        "no numbness but my arm went weak",
        "my dad is having a stroke",
        "I think my nan just had a stroke",
        "call an ambulance",
        "I'm having a stroke",
        "no drooping but my cheek is numb",
    ],
)
def test_a_present_sign_or_a_stroke_now_keeps_the_emergency(
    override: SafetyIntentOverride, text: str
) -> None:
    message = ranked(text, [("report_emergency", 0.7), ("inform", 0.3)])
    override.process([message])
    assert message.get(INTENT)["name"] == "report_emergency"


def test_denied_signs_do_not_demote_other_intents(override: SafetyIntentOverride) -> None:
    message = ranked("no drooping", [("deny", 0.8), ("inform", 0.2)])
    override.process([message])
    assert message.get(INTENT) == {"name": "deny", "confidence": 0.8}


def test_the_extraction_is_read_once_and_never_output(
    extractor: ClinicalFindingsExtractor, override: SafetyIntentOverride
) -> None:
    message = classified("my face suddenly drooped")
    extractor.process([message])
    extraction = message.get(EXTRACTION_PROPERTY)
    override.process([message])

    assert message.get(EXTRACTION_PROPERTY) is extraction  # the override read the same one
    assert message.get(INTENT)["name"] == "report_emergency"
    assert EXTRACTION_PROPERTY not in message.as_dict(only_output_properties=True)


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("oh wait, I also noticed my cheek has gone numb on that side", "nlu_fallback"),
        ("by the way I've been put on new tablets for my blood pressure this week", "start_over"),
        ("bye for now, though my hearing has gone muffled on the left", "goodbye"),
        # an answer that tells only where or how long, read as a goodbye or a greeting
        ("the R one", "goodbye"),
        ("hi, the corner of my eye", "greet"),
        ("about 10 dys", "thank"),
        ("L", "other_language"),
        ("hmm I'm not sure how to put it, my hearing is all echoey", "not_sure"),
        ("why? something strange has started in my mouth as well", "ask_why"),
        # a red flag told with a bare yes or no, as after the assessment ("hang on...")
        ("oh hang on, my hearing has gone all muffled too", "deny"),
        ("yes and now the left side of my face has gone numb", "affirm"),
        # any finding that can raise the level, told so
        ("oh and another thing, it's spread down to my mouth now", "deny"),
        ("yes, plus I was put on a new inhaler last week", "affirm"),
    ],
)
def test_a_message_that_tells_of_a_sign_is_a_description_whatever_diet_said(
    override: SafetyIntentOverride, extractor: ClinicalFindingsExtractor, text: str, intent: str
) -> None:
    message = classified(text, intent)
    extractor.process([message])
    override.process([message])
    assert message.get(INTENT)["name"] == "inform"


@pytest.mark.parametrize("text", ["yes, loads of coffee", "no, just the twitching"])
def test_a_yes_or_no_with_a_trigger_or_the_twitch_stays_an_answer(
    override: SafetyIntentOverride, extractor: ClinicalFindingsExtractor, text: str
) -> None:
    intent = "affirm" if text.startswith("yes") else "deny"
    message = classified(text, intent)
    extractor.process([message])
    override.process([message])
    assert message.get(INTENT)["name"] == intent


def test_a_sign_only_the_learned_reader_suspects_makes_a_description(
    override: SafetyIntentOverride, extractor: ClinicalFindingsExtractor
) -> None:
    message = classified("not sure, my smile has gone a bit skew-whiff", "not_sure")
    extractor.process([message])
    # as the learned reader, which runs between the two, would add it
    message.set(
        ENTITIES, [*message.get(ENTITIES, []), {"entity": "suspected_sign", "value": "facial_weakness"}]
    )
    override.process([message])
    assert message.get(INTENT)["name"] == "inform"


@pytest.mark.parametrize("text", ["?????", "...", "👍👍"])
def test_a_message_without_letters_is_not_understood_rather_than_foreign(
    override: SafetyIntentOverride, extractor: ClinicalFindingsExtractor, text: str
) -> None:
    message = classified(text, "other_language")
    extractor.process([message])
    override.process([message])
    assert message.get(INTENT)["name"] == "nlu_fallback"


def test_a_plain_request_to_start_again_stays_one(
    override: SafetyIntentOverride, extractor: ClinicalFindingsExtractor
) -> None:
    message = classified("can we start from scratch please", "start_over")
    extractor.process([message])
    override.process([message])
    assert message.get(INTENT)["name"] == "start_over"
