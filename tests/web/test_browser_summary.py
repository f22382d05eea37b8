"""The summary for the doctor in the chat widget, in a real headless Chromium against the real assistant: offered
after the assessment, shown with "Copy" (the clipboard gets the summary) and "Print / save as PDF" (the page prints
the summary alone). The printed page is saved as a screenshot in reports/ (and as the PDF Chromium prints)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from playwright.sync_api import Browser, Page, expect

from actions.doctor_summary import SUMMARY_BUTTON
from bot.doctor_summary.summary import NOT_A_DIAGNOSIS, TITLE
from bot.server.launcher import PROJECT_ROOT
from bot.triage.question_wording import question_for_text
from tests.privacy.conversations import ANSWERS
from tests.web.test_browser import (
    PHONE_VIEWPORT,
    REPLY_BUTTONS,
    browser,  # noqa: F401  (the module's Chromium fixture)
    type_and_send,
    wait_for_bot_replies,
)

if TYPE_CHECKING:
    from tests.conftest import RunningBot

PRINTED_PAGE = PROJECT_ROOT / "reports" / "doctor-summary-print.png"
PRINTED_PDF = PROJECT_ROOT / "reports" / "doctor-summary.pdf"
ON_SCREEN = PROJECT_ROOT / "reports" / "doctor-summary-widget.png"
SUMMARY = "#twitch-triage-chat .tt-summary"
A4_AT_96_DPI = {"width": 794, "height": 1123}


def answer_until_the_offer(page: Page, opening: str) -> None:
    replies = type_and_send(page, opening)
    for _ in range(12):
        if page.locator(REPLY_BUTTONS, has_text=SUMMARY_BUTTON["title"]).count():
            return
        question = next((name for name in map(question_for_text, reversed(replies)) if name), None)
        assert question is not None, replies
        replies = type_and_send(page, ANSWERS[question])
    raise AssertionError("the summary was never offered")


def test_the_summary_in_the_widget_with_copy_and_print(running_bot: RunningBot, browser: Browser) -> None:  # noqa: F811
    context = browser.new_context(viewport=PHONE_VIEWPORT, is_mobile=True, has_touch=True)
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=running_bot.web_url)
    page = context.new_page()
    page.goto(running_bot.web_url)
    wait_for_bot_replies(page, 0)

    answer_until_the_offer(
        page, "my right eyelid has been twitching for 4 days, I've been on my laptop all week"
    )
    page.locator(REPLY_BUTTONS, has_text=SUMMARY_BUTTON["title"]).click()
    summary = page.locator(SUMMARY)
    expect(summary).to_have_count(1)
    expect(summary.locator(".tt-summary-title")).to_have_text(TITLE)
    expect(summary).to_contain_text("Ruled out:")
    expect(summary).to_contain_text("Level: Self care")
    expect(summary.locator(".tt-summary-disclaimer")).to_have_text(NOT_A_DIAGNOSIS)
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")  # fits the phone
    summary.scroll_into_view_if_needed()
    ON_SCREEN.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ON_SCREEN))

    # Copy: the summary's plain text goes to the clipboard.
    summary.get_by_role("button", name="Copy").click()
    expect(summary.get_by_role("status")).to_contain_text("Copied")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.startswith(TITLE) and "Ruled out:" in copied and NOT_A_DIAGNOSIS in copied

    # Print: the browser's print dialog (recorded here, headless Chromium has none) on a page showing the summary
    # alone; Chromium's own print to PDF gives the same page.
    page.evaluate("() => { window.printCalls = 0; window.print = () => { window.printCalls += 1; }; }")
    summary.get_by_role("button", name="Print / save as PDF").click()
    assert page.evaluate("window.printCalls") == 1
    page.set_viewport_size(A4_AT_96_DPI)
    page.emulate_media(media="print")
    expect(page.locator("#twitch-triage-chat")).to_be_hidden()
    expect(page.locator("main .intro")).to_be_hidden()
    printed = page.locator(".tt-print-root")
    expect(printed).to_be_visible()
    expect(printed).to_contain_text(TITLE)
    expect(printed).to_contain_text(NOT_A_DIAGNOSIS)
    expect(printed.get_by_role("button")).to_have_count(0)
    PRINTED_PAGE.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(PRINTED_PAGE), full_page=True)
    margins = dict.fromkeys(("top", "right", "bottom", "left"), "15mm")  # a print dialog's default margins
    page.pdf(path=str(PRINTED_PDF), format="A4", margin=margins)
    assert PRINTED_PDF.read_bytes().startswith(b"%PDF")

    # After printing, the page is as it was.
    page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    page.emulate_media(media="screen")
    expect(page.locator(".tt-print-root")).to_have_count(0)
    expect(page.locator("#twitch-triage-chat")).to_be_visible()

    # A reload shows the summary again (the transcript on this device), with its buttons.
    page.reload()
    expect(page.locator(SUMMARY)).to_have_count(1)
    expect(page.locator(SUMMARY).get_by_role("button", name="Copy")).to_be_visible()
    context.close()
