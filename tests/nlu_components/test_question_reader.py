"""The question reader, trained as `rasa train` trains it (the shipped paraphrases, the NLU data's conversation
moves), stored and loaded through Rasa's model storage: questions in words it never saw get the item asked
about, two items only when both are asked, and a question read as something else becomes a question."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.shared.nlu.constants import ENTITIES, INTENT, TEXT
from rasa.shared.nlu.training_data.loading import load_data
from rasa.shared.nlu.training_data.message import Message

from bot.eval.questions import DEV_QUESTIONS, ON_TOPIC_BAR, TOPIC_OF_ITEM, load_cases
from bot.knowledge.items import NOT_COVERED_TOPIC
from bot.nlu.question_reader import QuestionReader, looks_like_a_question

NLU_DATA = Path("data/nlu")


@pytest.fixture(scope="module")
def reader(tmp_path_factory: pytest.TempPathFactory) -> QuestionReader:
    directory = tmp_path_factory.mktemp("question_reader")
    args: dict[str, Any] = {
        "config": {},
        "model_storage": LocalModelStorage(directory),
        "resource": Resource("question_reader"),
        "execution_context": ExecutionContext(GraphSchema({}), "test"),
    }
    QuestionReader.create(**args).train(load_data(str(NLU_DATA)))
    return QuestionReader.load(**args)


def read(reader: QuestionReader, text: str, intent: str = "ask_question") -> Message:
    message = Message(data={TEXT: text, INTENT: {"name": intent, "confidence": 0.9}, ENTITIES: []})
    reader.process([message])
    return message


def topics(message: Message) -> list[str]:
    return [entity["value"] for entity in message.get(ENTITIES) if entity["entity"] == "topic"]


def test_the_development_questions_are_answered_on_topic(reader: QuestionReader) -> None:
    cases = load_cases(DEV_QUESTIONS)
    on_topic = 0
    for case in cases:
        found = topics(read(reader, case.text))
        on_topic += bool(found) and TOPIC_OF_ITEM[found[0]] in case.right_topics
    assert on_topic / len(cases) >= ON_TOPIC_BAR


@pytest.mark.parametrize(
    ("question", "item"),
    [
        ("I drink a lot of coffee, is drinking it making the twitch worse?", "caffeine"),
        ("I think my tablets are causing it, should I just stop them?", "medicines"),
        ("what's the cause of hemifacial spasm", "hemifacial_spasm_cause"),
        ("how long do facial twitches usually go on for?", "duration"),
        ("Can I pass a twitch on to someone else?", NOT_COVERED_TOPIC),
        # a medicine named by its name, and a slip in a key word
        ("my GP put me on fluoxetine last month, could that be behind it?", "medicines"),
        ("can a magnesuim deficiency do this", "deficiencies"),
        # folklore, prices and animals are not in the sources, though they name a twitch
        ("is it lucky when your lower lid jumps", NOT_COVERED_TOPIC),
        ("what's the price tag on botox injections", NOT_COVERED_TOPIC),
        ("my cat's cheek keeps twitching, is she poorly", NOT_COVERED_TOPIC),
        # telling a stroke from a twitch, a search, a bare word about how long, a second sign told with the twitch
        ("what's the way to tell a spasm from a stroke", "stroke_or_twitch"),
        ("lip twitching reasons", "causes"),
        ("any idea what explains my lower lid going off like that", "causes"),
        ("for life?", "duration"),
        ("my cheek flutters and my jaw aches badly, is that bad", "red_flags"),
    ],
)
def test_the_answer_leads_with_the_item_asked_about(reader: QuestionReader, question: str, item: str) -> None:
    assert topics(read(reader, question))[0] == item


def test_two_items_when_both_are_asked(reader: QuestionReader) -> None:
    assert set(topics(read(reader, "is it the coffee or the stress that causes it?"))) == {
        "caffeine",
        "stress",
    }


def test_one_item_when_the_other_is_only_mentioned(reader: QuestionReader) -> None:
    assert topics(read(reader, "since my bell's palsy my eye shuts when I smile, why?")) == ["synkinesis"]


@pytest.mark.parametrize("move", ["why do you ask?", "yes", "no thanks", "start again", "delete my data"])
def test_the_conversations_own_moves_are_no_questions(reader: QuestionReader, move: str) -> None:
    message = read(reader, move, intent="ask_why")
    assert topics(message) == []
    assert message.get(INTENT)["name"] == "ask_why"


@pytest.mark.parametrize("move", ["how come?", "why is that?", "what do you mean?", "ok but why", "why?!"])
def test_a_short_why_stays_a_move_of_the_conversation(reader: QuestionReader, move: str) -> None:
    assert read(reader, move, intent="ask_why").get(INTENT)["name"] == "ask_why"


def test_a_question_about_twitching_read_as_a_why_becomes_a_question(reader: QuestionReader) -> None:
    message = read(reader, "why do people's eyelids start twitching?", intent="ask_why")
    assert message.get(INTENT)["name"] == "ask_question"


def test_a_question_read_as_a_description_becomes_a_question(reader: QuestionReader) -> None:
    message = read(reader, "my lid keeps flickering, could it be my job?", intent="describe_symptoms")
    assert message.get(INTENT)["name"] == "ask_question"
    assert topics(message)[0] == "stress"


def test_an_emergency_stays_an_emergency(reader: QuestionReader) -> None:
    message = read(reader, "is this a stroke? my face has dropped", intent="report_emergency")
    assert message.get(INTENT)["name"] == "report_emergency"


def test_an_emergency_that_asks_names_what_it_asks_about(reader: QuestionReader) -> None:
    # The emergency answer comes first; the topic lets the answer to the question follow it.
    message = read(
        reader,
        "my mouth's gone droopy on the left all of a sudden, are those stroke signs?",
        intent="report_emergency",
    )
    assert TOPIC_OF_ITEM[topics(message)[0]] == "stroke_signs"


def test_a_request_to_be_told_read_as_a_description_becomes_a_question(reader: QuestionReader) -> None:
    message = read(reader, "could you explain blepharospasm to me please", intent="describe_symptoms")
    assert message.get(INTENT)["name"] == "ask_question"
    assert topics(message)[0] == "blepharospasm"


def test_a_topic_typed_as_into_a_search_box_is_a_question(reader: QuestionReader) -> None:
    message = read(reader, "facts about blepharospasm", intent="nlu_fallback")
    assert message.get(INTENT)["name"] == "ask_question"
    assert topics(message)[0] == "blepharospasm"


def test_a_finding_not_understood_stays_an_answer(reader: QuestionReader) -> None:
    finding = {"entity": "alcohol", "value": "present", "start": 0, "end": 7}
    message = Message(
        data={TEXT: "alcohol", INTENT: {"name": "nlu_fallback", "confidence": 0.4}, ENTITIES: [finding]}
    )
    reader.process([message])
    assert message.get(INTENT)["name"] == "nlu_fallback"
    assert topics(message) == []


def test_something_not_understood_and_unsure_stays_not_understood(reader: QuestionReader) -> None:
    message = read(reader, "the thing from before", intent="nlu_fallback")
    assert message.get(INTENT)["name"] == "nlu_fallback"
    assert topics(message) == []


def test_a_description_that_asks_nothing_gets_no_topic(reader: QuestionReader) -> None:
    message = read(reader, "my left eyelid has been jumping since Monday", intent="describe_symptoms")
    assert topics(message) == []
    assert message.get(INTENT)["name"] == "describe_symptoms"


@pytest.mark.parametrize(
    ("text", "asks"),
    [
        ("can coffee cause this", True),
        ("eye twitching 4 days now cld it be the redbull", True),
        ("I'm terrified it's MS", True),
        # requests to be told, and a question after a dash or an opening word
        ("pls can u explain what blepharospasm even is", True),
        ("info about hemifacial spasm", True),
        ("I'd really like to understand what the facial nerve does", True),
        ("lid jumping since the weekend, had loads to drink - would that be it", True),
        ("pls tell me how to make it stop", True),
        ("twitchy eye for a fortnight. worth getting it checked", True),
        # something heard asked back, and a link asked about after a description
        ("my gran says twitches come from the nerves, is that right", True),
        ("my lid jumps and I've been doing night shifts, could that explain it", True),
        ("cheek twitching and I've got eczema, are they connected", True),
        # a search named after its subject
        ("cheek spasm reasons", True),
        ("home remedies for a flickering lid", True),
        ("twitchy eyelid cure", True),
        ("it twitches for no reason at all", False),
        ("my left eye twitches.", False),
        ("since Monday", False),
        ("the doctor said it was stress - he gave me nothing for it", False),
        ("that's right, the left one", False),
        ("ok thanks, that helps", False),
        # what an answer tells, after a word that could open a question in another message
        ("also have some numbness in my cheek", False),
    ],
)
def test_what_looks_like_a_question(text: str, asks: bool) -> None:
    assert looks_like_a_question(text) is asks


@pytest.mark.parametrize("text", ["", "   ", "😀😀😀", "z" * 10_000, "\x00\x1b[31m?"])
def test_odd_input_is_read_without_error(reader: QuestionReader, text: str) -> None:
    read(reader, text, intent="nlu_fallback")
