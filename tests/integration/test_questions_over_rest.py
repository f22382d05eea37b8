"""Questions as a person asks them, over REST against both servers: answered on the topic asked, and a question
that carries a symptom answered with the intake going on (docs/clinical-design.md)."""

from __future__ import annotations

import pytest

from bot.eval.questions import DEV_QUESTIONS, ON_TOPIC_BAR, ask_all, load_cases, rest_chats, summarise
from bot.eval.rest_client import ChatClient, question_asked
from bot.knowledge.items import NOT_COVERED, answer_text
from tests.conftest import RunningBot


def test_the_development_questions_are_answered_on_topic(running_bot: RunningBot) -> None:
    summary = summarise(ask_all(load_cases(DEV_QUESTIONS), rest_chats(running_bot.rasa_url, None, "dev")))
    assert summary.on_topic_rate >= ON_TOPIC_BAR
    assert summary.two_items_not_both_asked == 0
    assert summary.carrying_symptom_answered_and_intake >= summary.carrying_symptom - 2


@pytest.mark.parametrize(
    ("sender", "question", "item"),
    [
        ("flicker-job", "my right lower lid has been flickering all week, could it be my job?", "stress"),
        (
            "cheek-serious",
            "my cheek has twitched on and off for 5 days, should I be worried?",
            "is_it_serious",
        ),
        ("new-pills", "since I started new pills my eyelid jumps, can medication do that?", "medicines"),
    ],
)
def test_a_question_that_carries_a_symptom_is_answered_and_the_intake_starts(
    running_bot: RunningBot, sender: str, question: str, item: str
) -> None:
    client = ChatClient(running_bot.rasa_url, f"questions-{sender}")
    replies = client.send(question)
    texts = [reply.get("text") for reply in replies]

    assert texts[0] == answer_text(item)
    assert question_asked(replies) is not None
    assert client.tracker()["active_loop"]["name"] == "intake_form"


def test_a_question_during_the_intake_is_answered_and_the_intake_goes_on(running_bot: RunningBot) -> None:
    client = ChatClient(running_bot.rasa_url, "questions-during-intake")
    first_question = question_asked(client.send("my left eyelid keeps twitching"))
    assert first_question is not None

    replies = client.send("how long do these twitches normally last?")

    assert replies[0]["text"] == answer_text("duration")
    assert question_asked(replies) == first_question


def test_an_emergency_sign_in_a_question_gets_the_emergency_answer_first_then_the_answer(
    running_bot: RunningBot,
) -> None:
    client = ChatClient(running_bot.rasa_url, "questions-emergency")
    replies = client.send(
        "my face has suddenly dropped on one side and my speech is slurred, is this a stroke?"
    )
    texts = [reply.get("text") or "" for reply in replies]

    assert "emergency" in texts[0].lower() and "call" in texts[0].lower()
    assert any(reply.get("custom", {}).get("urgency") == "emergency" for reply in replies)
    stroke_answers = {answer_text("stroke_signs"), answer_text("stroke_or_twitch")}
    answered_at = [position for position, text in enumerate(texts) if text in stroke_answers]
    assert answered_at and answered_at[0] > 0
    assert client.tracker()["active_loop"].get("name") is None  # no intake question after the alarm


def test_after_the_emergency_answer_no_reassurance_is_given(running_bot: RunningBot) -> None:
    client = ChatClient(running_bot.rasa_url, "questions-emergency-reassurance")
    replies = client.send("my mouth went droopy on one side a few minutes ago, could it just be stress?")
    texts = [reply.get("text") or "" for reply in replies]

    assert "emergency" in texts[0].lower()
    assert answer_text("stress") not in texts


@pytest.mark.parametrize(
    ("sender", "asked", "item"),
    [
        ("explain-hfs", "I'd like someone to explain hemifacial spasm to me", "hemifacial_spasm"),
        ("info-blepharospasm", "info on blepharospasm pls", "blepharospasm"),
        # a topic typed as into a search box, and something heard asked back
        ("search-stroke", "Stroke symptoms", "stroke_signs"),
        (
            "hearsay-screens",
            "my brother-in-law swears eye twitches come from staring at monitors, is that true?",
            "eye_strain",
        ),
        ("hearsay-tea", "my aunt reckons all the tea I drink makes my lid flutter, is she right", "caffeine"),
    ],
)
def test_what_asks_without_a_question_word_is_answered(
    running_bot: RunningBot, sender: str, asked: str, item: str
) -> None:
    replies = ChatClient(running_bot.rasa_url, f"questions-{sender}").send(asked)
    assert replies[0]["text"] == answer_text(item)


def test_a_question_after_a_dash_is_answered_and_the_intake_starts(running_bot: RunningBot) -> None:
    client = ChatClient(running_bot.rasa_url, "questions-dash")
    replies = client.send(
        "my eyelid has been flickering since Friday - would all the energy drinks explain it"
    )

    assert replies[0]["text"] == answer_text("caffeine")
    assert question_asked(replies) is not None


def test_a_question_the_sources_do_not_answer_after_a_description_is_told_so_and_the_intake_starts(
    running_bot: RunningBot,
) -> None:
    client = ChatClient(running_bot.rasa_url, "questions-not-covered-described")
    replies = client.send("my top lip has twitched for four days and I've got psoriasis, are they linked")

    assert replies[0]["text"] == NOT_COVERED
    assert question_asked(replies) is not None
    assert client.tracker()["active_loop"]["name"] == "intake_form"


def test_the_cause_of_an_emergency_sign_asked_is_answered_with_how_a_stroke_differs(
    running_bot: RunningBot,
) -> None:
    client = ChatClient(running_bot.rasa_url, "questions-emergency-cause")
    replies = client.send("my mouth has suddenly sagged on one side, what causes that?")
    texts = [reply.get("text") or "" for reply in replies]

    assert "emergency" in texts[0].lower()
    assert answer_text("stroke_or_twitch") in texts[1:]
    assert answer_text("causes") not in texts
