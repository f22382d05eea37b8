"""A whole conversation over REST, then the summary in the chat (by the button and in words) and the FHIR Bundle
over HTTP from the chat page's server, all started as `make run` starts them."""

from __future__ import annotations

from typing import Any

from fhir.resources.bundle import Bundle

from actions.doctor_summary import SUMMARY_BUTTON, SUMMARY_OFFER
from bot.doctor_summary.fhir import FINDING_SYSTEM, LEVEL_SYSTEM
from bot.doctor_summary.summary import NOT_A_DIAGNOSIS, POLICY_VERSION, TITLE
from bot.eval.rest_client import ChatClient, question_asked
from bot.knowledge.items import MAX_MESSAGE_CHARS
from bot.triage.findings import FINDING_CODES
from tests.conftest import RunningBot
from tests.doctor_summary.conftest import TOKEN, get_summary
from tests.privacy.conversations import ANSWERS

OPENING = "my left eyelid keeps jumping since Monday, I'm living on coffee, no numbness"
WORDS_FOR_IT = (
    "summary for my doctor please",
    "can I get a summary of this to show my doctor",
    "is there a summary I could print out for the GP?",
)


def converse(client: ChatClient) -> tuple[list[str], list[dict[str, Any]]]:
    """Answer every question until the assessment; what the person said, and the assessment's replies."""
    said = [OPENING]
    replies = client.send(OPENING)
    for _ in range(15):
        question = question_asked(replies)
        if question is None:
            return said, replies
        said.append(ANSWERS[question])
        replies = client.send(ANSWERS[question])
    raise AssertionError(f"still asking: {said}")


def texts(replies: list[dict[str, Any]]) -> list[str]:
    return [str(reply["text"]) for reply in replies if reply.get("text")]


def test_a_whole_conversation_then_its_summary_in_the_chat_and_in_fhir(bot_with_token: RunningBot) -> None:
    client = ChatClient(bot_with_token.rasa_url, "summary-whole-conversation", token=TOKEN)
    said, assessment = converse(client)

    # The assessment offers the summary, with a button.
    offer = assessment[-1]
    assert offer["text"] == SUMMARY_OFFER and offer["buttons"] == [SUMMARY_BUTTON]

    # The button, then the same in words: the summary, in messages that each fit a phone screen.
    by_button = texts(client.send(SUMMARY_BUTTON["payload"]))
    assert by_button[0].startswith(TITLE) and by_button[-1].endswith(NOT_A_DIAGNOSIS)
    assert all(len(text) <= MAX_MESSAGE_CHARS for text in by_button)
    assert f"Version {POLICY_VERSION}" in "\n".join(by_button)
    # Words, including ones the NLU was not trained on, and questions, which the question reader must leave alone.
    for words in WORDS_FOR_IT:
        assert texts(client.send(words)) == by_button, words

    tracker = client.tracker()
    statuses: dict[str, str] = tracker["slots"]["evidence"]["statuses"]
    assert statuses.get("caffeine") == "present" and statuses.get("numbness_tingling") == "absent"

    answer = get_summary(bot_with_token, client.sender)
    assert answer.status == 200
    assert answer.headers["Content-Type"].startswith("application/fhir+json")
    assert answer.headers["Cache-Control"] == "no-store"
    bundle = Bundle.parse_raw(answer.body)  # the library's validation
    entries = [entry.resource for entry in bundle.entry]

    # Each finding the conversation established, with its status.
    observed = {}
    for resource in entries:
        if resource.resource_type == "Observation":
            code = next(c.code for c in resource.code.coding if c.system == FINDING_SYSTEM)
            if code in FINDING_CODES:
                observed[code] = "present" if resource.valueBoolean else "absent"
    assert observed == statuses

    # The level as the person was told it, with the rules that set it.
    (risk,) = [resource for resource in entries if resource.resource_type == "RiskAssessment"]
    outcome = risk.prediction[0].outcome.coding[0]
    assert (outcome.system, outcome.code) == (LEVEL_SYSTEM, tracker["slots"]["triage_level"])
    assert [reason.coding[0].code for reason in risk.reasonCode] == tracker["slots"]["assessment"]["reasons"]

    # A message that tells of a sign is read as such even when it sounds like a request for the summary
    # (bot.nlu.components.INTENTS_THAT_CARRY_NO_FACTS): what it says counts.
    told = texts(client.send("I was prescribed something new for my back by the doctor"))
    assert not any(text.startswith(TITLE) for text in told), told
    assert client.tracker()["slots"]["evidence"]["statuses"]["new_medication"] == "present"

    # The questions asked and the answers as given, the description first.
    (response,) = [resource for resource in entries if resource.resource_type == "QuestionnaireResponse"]
    answers = [item.answer[0].valueString for item in response.item]
    assert answers == said
