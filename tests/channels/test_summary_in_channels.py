"""The summary for the doctor in Slack and Telegram: offered with a button after the assessment, and sent as
messages that each fit a phone screen when the button is tapped (Telegram's reply keyboard sends the button's
words, so this also checks that the words are understood)."""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from typing import Any

from actions.doctor_summary import SUMMARY_BUTTON, SUMMARY_OFFER
from bot.doctor_summary.summary import NOT_A_DIAGNOSIS, TITLE
from bot.knowledge.items import MAX_MESSAGE_CHARS
from bot.triage.question_wording import question_for_text
from tests.channels.conftest import TELEGRAM_SECRET_TOKEN, ChannelBot
from tests.channels.stubs import ApiCall, wait_until
from tests.channels.test_slack import button_click, direct_message, new_id, posts_to, signed_headers
from tests.channels.test_slack import send as send_to_slack
from tests.channels.test_telegram import messages_to, new_chat_id, update
from tests.channels.test_telegram import send as send_to_telegram
from tests.privacy.conversations import ANSWERS

DESCRIPTION = "My right eyelid has been twitching for 5 days, too much coffee"
# A burst of replies is over once nothing new has arrived for this long (Slack's replies are posted afterwards).
QUIET_SECONDS = 1.5


def text_of(call: ApiCall) -> str:
    return str(call.params.get("text", ""))


def settled(calls: Callable[[], list[ApiCall]], before: int) -> list[ApiCall]:
    """The new calls once a burst of them is over."""
    wait_until(lambda: len(calls()) > before, "an answer")
    count, quiet_since = len(calls()), time.monotonic()
    while time.monotonic() - quiet_since < QUIET_SECONDS:
        time.sleep(0.1)
        if len(calls()) != count:
            count, quiet_since = len(calls()), time.monotonic()
    return calls()[before:]


def answer_until_the_offer(calls: Callable[[], list[ApiCall]], say: Callable[[str], None]) -> ApiCall:
    """Describe the twitch and answer each question; the message that offers the summary."""
    before = len(calls())
    say(DESCRIPTION)
    for _ in range(12):
        replies = settled(calls, before)
        offer = next((call for call in replies if text_of(call) == SUMMARY_OFFER), None)
        if offer is not None:
            return offer
        question = next(name for name in map(question_for_text, map(text_of, reversed(replies))) if name)
        before = len(calls())
        say(ANSWERS[question])
    raise AssertionError("the summary was never offered")


def assert_is_the_summary(replies: list[ApiCall]) -> None:
    texts = [text_of(call) for call in replies]
    assert texts[0].startswith(TITLE), texts
    assert texts[-1].endswith(NOT_A_DIAGNOSIS)
    assert all(len(text) <= MAX_MESSAGE_CHARS for text in texts)
    assert any("Ruled out:" in text for text in texts)


def test_telegram_offers_the_summary_on_its_keyboard_and_sends_it(channel_bot: ChannelBot) -> None:
    chat_id = new_chat_id()

    def calls() -> list[ApiCall]:
        return messages_to(channel_bot, chat_id)

    def say(text: str) -> None:
        assert send_to_telegram(channel_bot, update(chat_id, text), TELEGRAM_SECRET_TOKEN)[0] == 200

    offer = answer_until_the_offer(calls, say)
    keyboard: dict[str, Any] = json.loads(offer.params["reply_markup"])
    assert [[button["text"] for button in row] for row in keyboard["keyboard"]] == [[SUMMARY_BUTTON["title"]]]

    before = len(calls())
    say(SUMMARY_BUTTON["title"])  # what a reply keyboard's button sends
    assert_is_the_summary(settled(calls, before))


def test_slack_offers_the_summary_with_a_button_and_sends_it(channel_bot: ChannelBot) -> None:
    user, channel = new_id("U"), new_id("D")

    def calls() -> list[ApiCall]:
        return posts_to(channel_bot, channel)

    def say(text: str) -> None:
        body = direct_message(user, channel, text)
        assert send_to_slack(channel_bot, body, signed_headers(body))[0] == 200

    offer = answer_until_the_offer(calls, say)
    _, actions = offer.params["blocks"]
    (button,) = actions["elements"]
    assert (button["text"]["text"], button["value"]) == (SUMMARY_BUTTON["title"], SUMMARY_BUTTON["payload"])

    before = len(calls())
    click = button_click(user, channel, offer, button)
    assert (
        send_to_slack(channel_bot, click, signed_headers(click, "application/x-www-form-urlencoded"))[0]
        == 200
    )
    assert_is_the_summary(settled(calls, before))
