"""The chat widget in a real headless Chromium against the real assistant (Rasa + action server + page server).

One conversation, as a person on a phone would have it: describe the twitch, answer, tap a quick reply, reload
the page (the conversation and its history stay), report stroke signs (shown as an alert), and type markup
(shown as text, never run).
"""

from __future__ import annotations

import json
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from playwright.sync_api import Browser, Dialog, Page, ViewportSize, expect, sync_playwright

from bot.server.launcher import PROJECT_ROOT
from bot.web.server import WEB_ROOT

if TYPE_CHECKING:
    from tests.conftest import RunningBot

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PHONE_VIEWPORT: ViewportSize = {"width": 390, "height": 844}
SCREENSHOT = PROJECT_ROOT / "reports" / "web-widget.png"
REPLY_TIMEOUT_MS = 30_000
# A burst of bot messages (an assessment comes in several) is over once nothing new arrived for this long.
QUIET_SECONDS = 1.5

BOT_TEXTS = "#twitch-triage-chat .tt-msg--bot .tt-msg-text"
USER_TEXTS = "#twitch-triage-chat .tt-msg--user .tt-msg-text"
REPLY_BUTTONS = "#twitch-triage-chat .tt-replies button.tt-reply"
STORAGE_KEY_PREFIX = "twitch-triage-chat:"

MARKUP = "<img src=x onerror=alert(1)>"

expect.set_options(timeout=REPLY_TIMEOUT_MS)


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: apt-get install -y chromium")
    if not (WEB_ROOT / "widget.js").exists():
        pytest.fail("bot/web/public/widget.js is not built: cd bot/web && npm ci && npm run build")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def bot_message_count(page: Page) -> int:
    return page.locator(BOT_TEXTS).count()


def wait_for_bot_replies(page: Page, seen: int) -> list[str]:
    """Waits for new bot messages after the `seen` first ones, until the burst is over; returns the new texts."""
    page.wait_for_function(
        "([selector, seen]) => document.querySelectorAll(selector).length > seen",
        arg=[BOT_TEXTS, seen],
        timeout=REPLY_TIMEOUT_MS,
    )
    count = bot_message_count(page)
    quiet_since = time.monotonic()
    while time.monotonic() - quiet_since < QUIET_SECONDS:
        page.wait_for_timeout(200)
        if bot_message_count(page) != count:
            count = bot_message_count(page)
            quiet_since = time.monotonic()
    return page.locator(BOT_TEXTS).all_text_contents()[seen:]


def type_and_send(page: Page, text: str) -> list[str]:
    """Types `text` and presses Enter (the keyboard path), then returns the assistant's new messages."""
    seen = bot_message_count(page)
    field = page.get_by_label("Your message")
    field.fill(text)
    field.press("Enter")
    expect(page.locator(USER_TEXTS).last).to_have_text(text)
    return wait_for_bot_replies(page, seen)


def session_id(page: Page) -> str:
    stored = page.evaluate(
        """prefix => {
            const key = Object.keys(localStorage).find(k => k.startsWith(prefix));
            return key ? JSON.parse(localStorage.getItem(key)).sessionId : null;
        }""",
        STORAGE_KEY_PREFIX,
    )
    assert isinstance(stored, str) and stored, "the widget keeps the session id in localStorage"
    return stored


def tracker(bot: RunningBot, sender_id: str) -> dict[str, Any]:
    with urllib.request.urlopen(f"{bot.rasa_url}/conversations/{sender_id}/tracker", timeout=10) as response:
        result: dict[str, Any] = json.load(response)
    return result


def user_texts_in_tracker(bot: RunningBot, sender_id: str) -> list[str]:
    return [event["text"] for event in tracker(bot, sender_id)["events"] if event["event"] == "user"]


def test_a_conversation_in_a_real_browser(running_bot: RunningBot, browser: Browser) -> None:
    context = browser.new_context(viewport=PHONE_VIEWPORT, is_mobile=True, has_touch=True)
    page = context.new_page()
    dialogs: list[str] = []

    def record_and_dismiss(dialog: Dialog) -> None:
        dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", record_and_dismiss)

    page.goto(running_bot.web_url)
    log = page.get_by_role("log", name="Conversation")
    expect(log).to_have_attribute("aria-live", "polite")
    # A new conversation opens with the assistant's greeting, which carries the emergency advice.
    wait_for_bot_replies(page, 0)
    expect(page.locator(BOT_TEXTS).first).to_contain_text("triage assistant")

    # Free text first; the assistant asks what it still needs, answered here by text until options are offered.
    questions = type_and_send(page, "my left eyelid keeps twitching")
    assert any("?" in text for text in questions), questions
    if page.locator(REPLY_BUTTONS).count() == 0:
        type_and_send(page, "about 3 days")
    first_option = page.locator(REPLY_BUTTONS).first
    expect(first_option).to_be_visible()
    first_option.focus()
    expect(first_option).to_be_focused()  # options are real buttons, reachable by keyboard
    title = first_option.inner_text()
    chosen = first_option.element_handle()
    seen = bot_message_count(page)
    first_option.click()
    expect(page.locator(USER_TEXTS).last).to_have_text(title)  # the title is shown, not the payload
    wait_for_bot_replies(page, seen)
    assert not chosen.evaluate("button => button.isConnected")  # answered options go away

    # A reload keeps the conversation: the same session, the same history on screen.
    conversation_id = session_id(page)
    user_before = page.locator(USER_TEXTS).all_text_contents()
    bot_before = page.locator(BOT_TEXTS).all_text_contents()
    page.reload()
    expect(page.locator(USER_TEXTS)).to_have_text(user_before)
    expect(page.locator(BOT_TEXTS)).to_have_text(bot_before)
    assert session_id(page) == conversation_id
    expect(page.get_by_role("button", name="Send")).to_be_enabled()  # session confirmed again after reload

    # Stroke signs: the answer is marked as an emergency, for the eye (colour) and for screen readers (alert).
    type_and_send(page, "my face suddenly drooped and my arm is weak")
    alert = page.locator("#twitch-triage-chat .tt-msg--emergency[role='alert']")
    expect(alert).to_have_count(1)
    expect(alert).to_contain_text("EMERGENCY")
    emergency_colour = alert.evaluate("node => getComputedStyle(node).backgroundColor")
    ordinary_colour = page.locator("#twitch-triage-chat .tt-msg--bot").first.evaluate(
        "node => getComputedStyle(node).backgroundColor"
    )
    assert emergency_colour != ordinary_colour

    # Markup typed by the person is shown as the characters typed, and nothing in it runs.
    type_and_send(page, MARKUP)
    expect(page.locator(USER_TEXTS).last).to_have_text(MARKUP)
    assert page.locator("img").count() == 0
    assert dialogs == []

    # Everything went to one server-side conversation, across the reload, in order.
    typed = ["my left eyelid keeps twitching", "my face suddenly drooped and my arm is weak", MARKUP]
    sent = user_texts_in_tracker(running_bot, conversation_id)
    assert [text for text in sent if text in typed] == typed
    assert tracker(running_bot, conversation_id)["slots"]["triage_level"] == "emergency"

    # Phone layout: nothing wider than the screen.
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOT), full_page=True)

    # "New chat" forgets the conversation on this device and starts a new session, greeted again.
    page.get_by_role("button", name="Start a new chat and forget this one on this device").click()
    expect(page.locator(USER_TEXTS)).to_have_count(0)
    wait_for_bot_replies(page, 0)
    expect(page.locator(BOT_TEXTS)).to_have_count(1)
    assert session_id(page) != conversation_id
    context.close()


def stored_entries(page: Page) -> list[Any]:
    entries = page.evaluate(
        """prefix => {
            const key = Object.keys(localStorage).find(k => k.startsWith(prefix));
            return key ? JSON.parse(localStorage.getItem(key)).entries : null;
        }""",
        STORAGE_KEY_PREFIX,
    )
    assert isinstance(entries, list)
    return entries


def test_deleting_my_data_also_forgets_the_copy_in_the_browser(
    running_bot: RunningBot, browser: Browser
) -> None:
    context = browser.new_context(viewport=PHONE_VIEWPORT, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(running_bot.web_url)
    wait_for_bot_replies(page, 0)
    type_and_send(page, "my right eyelid has been flickering for a week")
    conversation_id = session_id(page)
    assert any(entry.get("from") == "user" for entry in stored_entries(page))

    type_and_send(page, "please delete my data")
    seen = bot_message_count(page)
    page.locator(REPLY_BUTTONS, has_text="Yes, delete it").click()
    replies = wait_for_bot_replies(page, seen)

    assert any("deleted this conversation" in text for text in replies), replies
    assert stored_entries(page) == []  # nothing of what was said is left on this device
    assert user_texts_in_tracker(running_bot, conversation_id) == []  # nor on the server
    page.reload()
    expect(page.locator(USER_TEXTS)).to_have_count(0)
    context.close()
