"""The learned red-flag reader (issue 11): trained on a small labelled set of its own, through Rasa's model storage,
on real rasa Messages; and its cross-validated figures on the development phrases against a floor."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.shared.nlu.constants import ENTITIES, EXTRACTOR, INTENT, TEXT
from rasa.shared.nlu.training_data.loading import load_data
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.intents import SUSPECTED_SIGN_ENTITY
from bot.nlu.components import ClinicalFindingsExtractor
from bot.nlu.extraction import ClinicalExtractor
from bot.nlu.learned_reader import (
    DEFAULT_LABELLED_FILES,
    LearnedRedFlagReader,
    negative_texts,
)
from bot.nlu.red_flag_model import LabelledPhrase, RedFlagModel, load_all

REPO_ROOT = Path(__file__).resolve().parents[2]
if str(REPO_ROOT / "scripts") not in sys.path:
    sys.path.insert(0, str(REPO_ROOT / "scripts"))

from eval_red_flag_readers import NLU_DATA, cross_validated, rule_red_flags, scores  # noqa: E402

# Our own wordings, a few per sign, and negatives: negated, feared, a relative's past, and the twitch alone.
SIGN_PHRASES = {
    "facial_weakness": [
        "my face is drooping on one side",
        "one side of my mouth droops",
        "my smile has gone lopsided",
        "I can't smile properly on the left",
        "the right side of my face is sagging",
        "half my face looks droopy",
        "my cheek is hanging down on one side",
    ],
    "speech_difficulty": [
        "my speech is slurred",
        "I'm slurring my words",
        "words come out jumbled when I talk",
        "I can't get my words out properly",
        "my talking is all garbled",
    ],
    "numbness_tingling": [
        "my cheek feels numb",
        "pins and needles in my face",
        "my lip is tingling",
        "half my face has gone numb",
        "my jaw feels tingly and numb",
    ],
}
NEGATIVE_PHRASES = [
    "my left eyelid keeps twitching",
    "the twitch in my eye has lasted a week",
    "no numbness at all",
    "my speech is fine",
    "no drooping",
    "I'm scared my face will droop",
    "my gran had a stroke years ago",
    "my eye flickers when I'm tired",
    "lots of coffee and not much sleep",
    "it's my lower lid, on the right",
    "the spasm started around my eye and moved to my cheek",
    "no slurring, no weakness",
]
GREETINGS = ["hi", "hello there", "yes", "no", "thanks", "bye"]
TEST_THRESHOLD = 0.5
# Not among the phrases above: a paraphrase the model must generalise to.
PARAPHRASE = "the corner of my mouth is drooping"
# Set from the measured 5-fold figures (docs/red-flag-readers.md: learned recall 0.832, precision 0.417, either
# recall 1.000), a little below them, so that a retrained model that reads clearly worse fails.
LEARNED_RECALL_FLOOR = 0.78
LEARNED_PRECISION_FLOOR = 0.35
EITHER_RECALL_FLOOR = 0.99


def labelled_file(path: Path) -> Path:
    examples = [
        {"text": text, "intent": "describe_symptoms", "findings": {code: "present"}}
        for code, texts in SIGN_PHRASES.items()
        for text in texts
    ] + [{"text": text, "intent": "inform"} for text in NEGATIVE_PHRASES]
    path.write_text(yaml.safe_dump({"version": "1", "examples": examples}), encoding="utf-8")
    return path


def training_data() -> TrainingData:
    return TrainingData([Message(data={TEXT: text, INTENT: "greet"}) for text in GREETINGS])


@pytest.fixture(scope="module")
def graph_args(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    directory = tmp_path_factory.mktemp("learned_reader")
    (directory / "storage").mkdir()
    return {
        # A higher threshold than the shipped one: trained on a few dozen phrases, the model's probabilities are
        # flatter than those of the full model (a plain twitch scores about 0.35 here).
        "config": {
            "labelled_files": [labelled_file(directory / "labelled.yml")],
            "threshold": TEST_THRESHOLD,
        },
        "model_storage": LocalModelStorage(directory / "storage"),
        "resource": Resource("learned_red_flag_reader"),
        "execution_context": ExecutionContext(GraphSchema({}), "test"),
    }


@pytest.fixture(scope="module")
def trained(graph_args: dict[str, Any]) -> LearnedRedFlagReader:
    reader = LearnedRedFlagReader.create(**graph_args)
    reader.train(training_data())
    return reader


@pytest.fixture(scope="module")
def loaded(graph_args: dict[str, Any], trained: LearnedRedFlagReader) -> LearnedRedFlagReader:
    return LearnedRedFlagReader.load(**graph_args)


def message(text: str, rule_entities: tuple[tuple[str, str, str], ...] = ()) -> Message:
    """A message as the rule reader left it: (code, status, words) entities, with the words' span in the text."""
    entities = [
        {
            "entity": code,
            "value": status,
            "start": text.index(words),
            "end": text.index(words) + len(words),
            EXTRACTOR: ClinicalFindingsExtractor.__name__,
        }
        for code, status, words in rule_entities
    ]
    return Message(
        data={TEXT: text, INTENT: {"name": "describe_symptoms", "confidence": 0.9}, ENTITIES: entities}
    )


def suspected(reader: LearnedRedFlagReader, item: Message) -> list[str]:
    reader.process([item])
    return [entity["value"] for entity in item.get(ENTITIES) if entity["entity"] == SUSPECTED_SIGN_ENTITY]


def test_the_model_survives_a_round_trip_through_model_storage(
    trained: LearnedRedFlagReader, loaded: LearnedRedFlagReader
) -> None:
    assert isinstance(loaded.model, RedFlagModel) and isinstance(trained.model, RedFlagModel)
    texts = [PARAPHRASE, "my eyelid twitches"]
    assert loaded.model.probabilities(texts) == trained.model.probabilities(texts)


def test_a_paraphrase_of_a_trained_sign_is_suspected(loaded: LearnedRedFlagReader) -> None:
    item = message(PARAPHRASE)
    assert suspected(loaded, item) == ["facial_weakness"]
    assert item.get(INTENT)["name"] == "describe_symptoms"
    assert all(entity["entity"] == SUSPECTED_SIGN_ENTITY for entity in item.get(ENTITIES))


def test_a_sign_in_one_sentence_of_a_long_message_is_suspected(loaded: LearnedRedFlagReader) -> None:
    preamble = (
        "Good evening, I am writing on behalf of my elderly father who is not good with phones. His right eyelid "
        "has been twitching on and off since the middle of last month, mostly in the evenings after his walk. "
        "He drinks two cups of tea a day and sleeps reasonably well. "
    )
    assert suspected(loaded, message(preamble + PARAPHRASE)) == ["facial_weakness"]


def test_a_plain_twitch_or_a_greeting_is_not_suspected(loaded: LearnedRedFlagReader) -> None:
    assert suspected(loaded, message("my right eyelid has been twitching since monday")) == []
    assert suspected(loaded, message("hello")) == []


def test_a_sign_the_rules_read_as_present_is_not_suggested_again(loaded: LearnedRedFlagReader) -> None:
    text = "my smile has gone lopsided"
    assert suspected(loaded, message(text)) == ["facial_weakness"]
    assert (
        suspected(loaded, message(text, (("facial_weakness", "present", "smile has gone lopsided"),))) == []
    )


def test_an_explicit_denial_by_the_rules_wins_over_a_suspicion(loaded: LearnedRedFlagReader) -> None:
    text = "no slurring of my speech"
    assert suspected(loaded, message(text, (("speech_difficulty", "absent", "slurring"),))) == []


def test_a_denial_without_a_negation_leaves_the_suspicion_standing(loaded: LearnedRedFlagReader) -> None:
    """The documented choice: a reassuring phrase ("my face is fine") is weaker evidence than a negation."""
    text = "my face is fine but half my face looks droopy"
    assert suspected(loaded, message(text, (("facial_weakness", "absent", "face is fine"),))) == [
        "facial_weakness"
    ]


def test_with_the_real_rule_reader_a_rule_read_sign_is_not_suggested(loaded: LearnedRedFlagReader) -> None:
    rules = ClinicalFindingsExtractor.create(
        {}, loaded.model_storage, Resource("rules"), ExecutionContext(GraphSchema({}), "test")
    )
    item = Message(data={TEXT: "my speech is slurred and my face is drooping"})
    rules.process([item])
    assert suspected(loaded, item) == []


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "my face is drooping " * 500,
        "😬😬😬 👁️⚡",
        "我的眼睛一直在跳，脸也下垂了",
        "tengo la cara caída y no puedo hablar bien desde hace una hora",
        "\x00\ufffd\u202e",
    ],
    ids=["empty", "blank", "10000 characters", "emoji", "chinese", "spanish", "control characters"],
)
def test_odd_input_is_safe_and_gets_nothing_unless_english(loaded: LearnedRedFlagReader, text: str) -> None:
    codes = suspected(loaded, message(text))
    assert codes == (["facial_weakness"] if "drooping" in text else [])


def test_a_model_without_its_reader_suspects_nothing(graph_args: dict[str, Any]) -> None:
    reader = LearnedRedFlagReader.load(**{**graph_args, "resource": Resource("never_trained")})
    assert reader.model is None
    assert suspected(reader, message(PARAPHRASE)) == []


def test_cross_validated_figures_meet_their_floor() -> None:
    phrases = load_all(REPO_ROOT / path for path in DEFAULT_LABELLED_FILES)
    rules = [rule_red_flags(ClinicalExtractor.shared(), phrase.text) for phrase in phrases]
    table = scores(
        phrases, cross_validated(phrases, rules, negative_texts(load_data(str(NLU_DATA))), folds=5)
    )
    assert table["learned"]["overall"].recall >= LEARNED_RECALL_FLOOR
    assert table["learned"]["overall"].precision >= LEARNED_PRECISION_FLOOR
    assert table["either"]["overall"].recall >= EITHER_RECALL_FLOOR


def test_the_probabilities_are_those_of_each_classifier_of_its_own() -> None:
    phrases = [
        LabelledPhrase(text, frozenset({code})) for code, texts in SIGN_PHRASES.items() for text in texts
    ]
    model = RedFlagModel.train(phrases + [LabelledPhrase(text, frozenset()) for text in NEGATIVE_PHRASES])
    texts = [PARAPHRASE, "hi", "no numbness but my speech is a bit slurred", *NEGATIVE_PHRASES]

    rows = model.probabilities(texts)

    matrix = model.vectoriser.transform([text.lower() for text in texts])
    for code, classifier in model.classifiers.items():
        own = classifier.predict_proba(matrix)[:, 1]
        assert [row.get(code) for row in rows] == pytest.approx(
            [value if row else None for value, row in zip(own, rows, strict=True)]
        )
