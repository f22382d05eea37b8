"""Conversations played to the assessment over REST, for the privacy and fault tests.

The answers are the plainest there are ("no", "none of those"): these tests are about what is stored and what
survives a fault, not about how well the assistant reads people, which tests/dialogue measures.
"""

from __future__ import annotations

import uuid

from bot.eval.rest_client import ChatClient, question_asked
from bot.triage.intake import SIGN_CHECK_QUESTIONS
from tests.conftest import RunningBot

OPENING = "my left eyelid keeps jumping since Monday"
# Says almost nothing, so that several questions follow: for tests that need an intake in progress.
VAGUE_OPENING = "my face keeps twitching"
# The answer to each intake question (bot.triage.intake names), whichever the assistant asks.
ANSWERS = {
    "q_stroke_screen": "none of those",
    "q_location": "my eyelid",
    "q_side": "left",
    "q_duration": "3 days",
    "q_progression": "no",
    "q_accompanying": "none of those",
    "q_impact": "no",
    "q_triggers": "coffee",
    "q_history": "none",
    "q_emergency_screen": "none of those",
    # A red flag asked on its own, when something said made the assistant suspect it.
    **{question.name: "no" for question in SIGN_CHECK_QUESTIONS},
}
MAX_TURNS = 15


def new_client(bot: RunningBot, prefix: str) -> ChatClient:
    return ChatClient(bot.rasa_url, f"{prefix}-{uuid.uuid4().hex[:10]}", token=bot.settings.auth_token)


def answer_until_assessed(client: ChatClient, question: str | None) -> list[str]:
    """Answer every question until the assessment; the answers sent, in order."""
    sent: list[str] = []
    for _ in range(MAX_TURNS):
        if question is None:
            assert client.tracker()["slots"]["triage_level"] is not None, f"{client.sender}: no assessment"
            return sent
        sent.append(ANSWERS[question])
        question = question_asked(client.send(ANSWERS[question]))
    raise AssertionError(f"{client.sender}: still asking after {MAX_TURNS} answers: {sent}")


def assessed_conversation(bot: RunningBot, prefix: str) -> tuple[ChatClient, list[str]]:
    """A conversation that has reached its assessment; its client and what the person said, in order."""
    client = new_client(bot, prefix)
    question = question_asked(client.send(OPENING))
    return client, [OPENING, *answer_until_assessed(client, question)]


def reply_texts(replies: list[dict[str, object]]) -> list[str]:
    return [str(reply["text"]) for reply in replies if reply.get("text")]
