""" "Delete my data": after the confirmation, the conversation is gone from the tracker store, on SQLite and
PostgreSQL, through the running server. Rasa saves the tracker after every turn, so only the store can erase
it for good (bot.privacy.store)."""

from __future__ import annotations

from bot.privacy.erasure import ERASED_MESSAGE
from tests.conftest import RunningBot
from tests.privacy.conversations import assessed_conversation, reply_texts
from tests.privacy.stores import stored_events, user_texts

CONFIRMATION_QUESTION = "Do you want me to delete this conversation"


def test_a_confirmed_erasure_deletes_every_event_of_that_conversation_and_no_other(
    bot_on_store: RunningBot,
) -> None:
    bystander, _ = assessed_conversation(bot_on_store, "bystander")
    bystander_events = stored_events(bot_on_store.env, bystander.sender)
    person, said = assessed_conversation(bot_on_store, "erase")
    assert user_texts(stored_events(bot_on_store.env, person.sender)) == said

    asked = reply_texts(person.send("please delete my data"))
    assert any(text.startswith(CONFIRMATION_QUESTION) for text in asked), asked
    assert reply_texts(person.send("yes")) == [ERASED_MESSAGE]

    assert stored_events(bot_on_store.env, person.sender) == []
    assert stored_events(bot_on_store.env, bystander.sender) == bystander_events
    tracker = person.tracker()
    assert user_texts(tracker["events"]) == []
    assert tracker["slots"]["triage_level"] is None and tracker["slots"]["assessment"] is None


def test_after_an_erasure_the_same_person_starts_afresh(bot_on_store: RunningBot) -> None:
    person, _ = assessed_conversation(bot_on_store, "afresh")
    person.send("delete my data")
    person.send("yes")

    person.send("hello")

    assert user_texts(stored_events(bot_on_store.env, person.sender)) == ["hello"]
    assert person.tracker()["slots"]["triage_level"] is None


def test_a_cancelled_erasure_keeps_the_whole_conversation(bot_on_store: RunningBot) -> None:
    person, said = assessed_conversation(bot_on_store, "keep")
    level = person.tracker()["slots"]["triage_level"]

    person.send("please delete my data")
    assert reply_texts(person.send("no")) == ["OK, I've kept it."]

    assert user_texts(stored_events(bot_on_store.env, person.sender)) == [
        *said,
        "please delete my data",
        "no",
    ]
    assert person.tracker()["slots"]["triage_level"] == level is not None
