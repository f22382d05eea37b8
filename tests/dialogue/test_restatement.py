"""Telling a restated, known-gradual weakness from an emergency, on conversations as plain event dicts."""

from __future__ import annotations

from typing import Any

import pytest

from bot.dialogue.restatement import restates_known_weakness, slots_before_latest_message

GRADUAL_WEAKNESS_KNOWN = {"twitching": "present", "facial_weakness": "present", "sudden_onset": "absent"}


def slot_events(values: dict[str, Any]) -> list[dict[str, Any]]:
    return [{"event": "slot", "name": name, "value": value} for name, value in values.items()]


def user_event(intent: dict[str, Any], findings: dict[str, str]) -> dict[str, Any]:
    entities = [{"entity": code, "value": status} for code, status in findings.items()]
    return {"event": "user", "text": "...", "parse_data": {"intent": intent, "entities": entities}}


FORCED_FROM_FINDINGS = {"name": "report_emergency", "confidence": 1.0, "emergency_evidence": "findings"}


def conversation(
    known: dict[str, Any], intent: dict[str, Any], findings: dict[str, str]
) -> list[dict[str, Any]]:
    # The latest message's own slot mapping comes after it, as in Rasa: it must not count as known before.
    return [*slot_events(known), user_event(intent, findings), *slot_events(findings)]


def test_naming_the_known_gradual_weakness_again_is_a_restatement() -> None:
    events = conversation(GRADUAL_WEAKNESS_KNOWN, FORCED_FROM_FINDINGS, {"facial_weakness": "present"})
    assert restates_known_weakness(events)


@pytest.mark.parametrize(
    ("known", "intent", "findings"),
    [
        # DIET itself read an emergency ("it's a stroke, my face is drooping"): the person declared it.
        (
            GRADUAL_WEAKNESS_KNOWN,
            {"name": "report_emergency", "confidence": 1.0, "emergency_evidence": "declared"},
            {"facial_weakness": "present"},
        ),
        (
            {**GRADUAL_WEAKNESS_KNOWN},
            {"name": "report_emergency", "confidence": 0.9},
            {"facial_weakness": "present"},
        ),
        # Weakness new to the conversation: the gradual onset said before was the twitch's, not this weakness's.
        (
            {"twitching": "present", "sudden_onset": "absent"},
            FORCED_FROM_FINDINGS,
            {"facial_weakness": "present"},
        ),
        # The weakness was known, but not its onset.
        ({"facial_weakness": "present"}, FORCED_FROM_FINDINGS, {"facial_weakness": "present"}),
        # Something new with it.
        (
            GRADUAL_WEAKNESS_KNOWN,
            FORCED_FROM_FINDINGS,
            {"facial_weakness": "present", "speech_difficulty": "present"},
        ),
        (
            GRADUAL_WEAKNESS_KNOWN,
            FORCED_FROM_FINDINGS,
            {"facial_weakness": "present", "sudden_onset": "present"},
        ),
        # Not an emergency intent at all.
        (GRADUAL_WEAKNESS_KNOWN, {"name": "inform", "confidence": 0.8}, {"facial_weakness": "present"}),
    ],
)
def test_anything_else_is_not_a_restatement(
    known: dict[str, Any], intent: dict[str, Any], findings: dict[str, str]
) -> None:
    assert not restates_known_weakness(conversation(known, intent, findings))


def test_a_conversation_without_a_message_restates_nothing() -> None:
    assert not restates_known_weakness(slot_events(GRADUAL_WEAKNESS_KNOWN))


def test_slots_before_the_latest_message_ignore_what_it_set_and_what_a_restart_cleared() -> None:
    events = [
        *slot_events({"facial_weakness": "present"}),
        {"event": "restart"},
        *slot_events({"sudden_onset": "absent"}),
        user_event({"name": "inform"}, {"twitching": "present"}),
        *slot_events({"twitching": "present"}),
    ]
    assert slots_before_latest_message(events) == {"sudden_onset": "absent"}
