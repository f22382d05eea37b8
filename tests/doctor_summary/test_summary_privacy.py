"""Privacy of the summary: only the token's holder reads the FHIR Bundle; an erased or purged conversation and one
that never existed are 404; a person's summary reaches only their own conversation."""

from __future__ import annotations

import json
import urllib.request

from actions.doctor_summary import NO_SUMMARY_YET
from bot.doctor_summary.summary import TITLE
from bot.eval.rest_client import question_asked
from bot.privacy.purge import main as purge
from tests.conftest import RunningBot
from tests.doctor_summary.conftest import TOKEN, get_summary, summary_url
from tests.privacy.conversations import answer_until_assessed, assessed_conversation, new_client, reply_texts
from tests.privacy.stores import age_conversation, stored_events


def test_without_the_token_or_with_another_there_is_no_summary(bot_with_token: RunningBot) -> None:
    person, _ = assessed_conversation(bot_with_token, "token")
    assert get_summary(bot_with_token, person.sender).status == 200

    for authorization in (
        None,
        "Bearer",
        f"Bearer {TOKEN}x",
        f"Bearer {TOKEN[:-1]}",
        f"Basic {TOKEN}",
        TOKEN,
    ):
        answer = get_summary(bot_with_token, person.sender, authorization)
        assert answer.status == 401, authorization
        assert answer.headers["WWW-Authenticate"].startswith("Bearer")
        assert json.loads(answer.body)["resourceType"] == "OperationOutcome"
        assert person.sender.encode() not in answer.body and b"eyelid" not in answer.body
    # Rasa's own way of passing its token does not open this endpoint.
    assert get_summary(bot_with_token, person.sender, None, f"?token={TOKEN}").status == 401


def test_a_server_without_bot_auth_token_gives_the_summary_to_nobody(running_bot: RunningBot) -> None:
    person, _ = assessed_conversation(running_bot, "no-token")
    for authorization in (None, "Bearer ", "Bearer anything"):
        assert get_summary(running_bot, person.sender, authorization).status == 401


def test_a_conversation_that_does_not_exist_is_not_found(bot_with_token: RunningBot) -> None:
    assert get_summary(bot_with_token, "nobody-ever-wrote-this").status == 404
    request = urllib.request.Request(
        summary_url(bot_with_token, "x" * 300), headers={"Authorization": f"Bearer {TOKEN}"}
    )
    try:
        urllib.request.urlopen(request, timeout=10)
        raise AssertionError("a 300-character id was answered")
    except urllib.error.HTTPError as error:
        assert error.code == 404


def test_an_erased_conversation_has_no_summary_anywhere(bot_with_token: RunningBot) -> None:
    person, _ = assessed_conversation(bot_with_token, "erased")
    assert get_summary(bot_with_token, person.sender).status == 200

    person.send("please delete my data")
    person.send("yes")

    assert stored_events(bot_with_token.env, person.sender) == []
    assert get_summary(bot_with_token, person.sender).status == 404
    assert reply_texts(person.send("summary for your doctor")) == [NO_SUMMARY_YET]


def test_a_purged_conversation_has_no_summary(bot_with_token: RunningBot) -> None:
    person, _ = assessed_conversation(bot_with_token, "purged")
    assert get_summary(bot_with_token, person.sender).status == 200

    age_conversation(bot_with_token.env, person.sender, days=31)
    assert purge(["--days", "30"], env=bot_with_token.env) == 0

    assert get_summary(bot_with_token, person.sender).status == 404


def test_a_summary_reaches_only_its_own_conversation(bot_with_token: RunningBot) -> None:
    first, first_said = assessed_conversation(bot_with_token, "first")
    first_bundle = get_summary(bot_with_token, first.sender).body

    # Someone else, with no assessment: no summary, and nothing of the first person's.
    other = new_client(bot_with_token, "other")
    other.send("hello")
    assert reply_texts(other.send("summary for your doctor")) == [NO_SUMMARY_YET]
    assert get_summary(bot_with_token, other.sender).status == 404

    # Someone else, assessed: their own summary only.
    cheek = "my right cheek has been twitching for 3 weeks"
    answer_until_assessed(other, question_asked(other.send(cheek)))
    summary = reply_texts(other.send("/request_summary"))
    assert summary[0].startswith(TITLE) and "cheek" in "\n".join(summary)
    other_bundle = get_summary(bot_with_token, other.sender).body
    assert cheek.encode() in other_bundle and other.sender.encode() in other_bundle
    assert first.sender.encode() not in other_bundle
    assert first_said[0].encode() not in other_bundle
    assert get_summary(bot_with_token, first.sender).body == first_bundle
