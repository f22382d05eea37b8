"""Every response the assistant can send: each one is played by a test, and none is longer than a phone screen.

The domain's responses are played by the test stories (tests/stories, `rasa test core` in `make test`); the
texts the custom actions send come from bot/ and actions/ and are all listed here, with every knowledge answer.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from actions.assessment import NOTHING_TO_EXPLAIN
from actions.knowledge import WHICH_TOPIC
from bot.knowledge.items import KNOWLEDGE, MAX_MESSAGE_CHARS
from bot.privacy.erasure import ERASED_MESSAGE
from bot.triage.question_wording import (
    ASK_AGAIN,
    ASK_WHICH_ONE,
    QUESTION_PROMPTS,
    RECORDED_AS_NOT_KNOWN,
    UPDATED,
)

ROOT = Path(__file__).resolve().parents[2]
DOMAIN = yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))
STORIES = "\n".join(
    path.read_text(encoding="utf-8") for path in sorted((ROOT / "tests" / "stories").glob("*.yml"))
)
# The longest emergency number text a message can carry: the slot's default.
EMERGENCY_NUMBER = DOMAIN["slots"]["emergency_number"]["initial_value"]


def domain_texts() -> list[tuple[str, str]]:
    responses: dict[str, list[dict[str, Any]]] = DOMAIN["responses"]
    return [
        (name, variation["text"].replace("{emergency_number}", EMERGENCY_NUMBER))
        for name, variations in responses.items()
        for variation in variations
    ]


ACTION_TEXTS = [
    *(prompt.text for prompt in QUESTION_PROMPTS.values()),
    ASK_AGAIN,
    ASK_WHICH_ONE,
    RECORDED_AS_NOT_KNOWN,
    UPDATED,
    WHICH_TOPIC,
    NOTHING_TO_EXPLAIN,
    ERASED_MESSAGE,
    *(item.text for item in KNOWLEDGE.values()),
]


@pytest.mark.parametrize("name", sorted(DOMAIN["responses"]))
def test_every_domain_response_is_played_by_a_test_story(name: str) -> None:
    assert f"action: {name}\n" in STORIES, f"no story in tests/stories plays {name}"


@pytest.mark.parametrize(("name", "text"), domain_texts())
def test_every_domain_response_fits_a_phone_screen(name: str, text: str) -> None:
    assert 0 < len(text) <= MAX_MESSAGE_CHARS, name


@pytest.mark.parametrize("text", ACTION_TEXTS)
def test_every_text_an_action_sends_fits_a_phone_screen(text: str) -> None:
    # The assessment's own messages are held to the same limit in tests/triage/test_triage_summary.py.
    assert 0 < len(text) <= MAX_MESSAGE_CHARS, text[:80]
