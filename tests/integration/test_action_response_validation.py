"""Rasa checks the action server's answers with validators built once (bot.channels.action_response), installed
by importing the channels package as `rasa run` does, and accepts and refuses exactly what Rasa 3.6 did; the quick
check in front of the full one only ever accepts what the full one accepts."""

from __future__ import annotations

import contextlib
from datetime import datetime
from typing import Any

import jsonschema
import pytest
from rasa.core.actions.action import RemoteAction
from rasa.shared.core.events import (
    ActionExecuted,
    ActionExecutionRejected,
    ActionReverted,
    ActiveLoop,
    AllSlotsReset,
    BotUttered,
    ConversationPaused,
    ConversationResumed,
    FollowupAction,
    LoopInterrupted,
    ReminderScheduled,
    Restarted,
    SessionStarted,
    SlotSet,
    UserUtteranceReverted,
    UserUttered,
)

import bot.channels  # noqa: F401 - what `rasa run` imports to load our channels
from bot.channels.action_response import RASA_HINT, action_response_validator

GOOD = [
    {"events": [], "responses": []},
    {
        "events": [
            {"event": "slot", "timestamp": None, "name": "face_side", "value": "left"},
            {"event": "active_loop", "name": None},
            {"event": "followup", "name": "action_assess"},
        ],
        "responses": [
            {"text": "Which side of your face?", "buttons": [{"title": "Left", "payload": "left"}]}
        ],
    },
    {},  # an action that returns nothing
]
BAD = [
    {"events": "slot"},
    {"events": [{"name": "face_side", "value": "left"}]},
    {"events": [{"event": "slot", "name": 3, "value": "left"}]},
    {"events": [{"event": "no_such_event"}]},
    {"responses": {"text": "hello"}},
    [],
]


def stock_rasa_error(result: Any) -> jsonschema.ValidationError | None:
    """What Rasa 3.6's own check (jsonschema.validate against the same schema) raises, before its hint."""
    try:
        jsonschema.validate(result, RemoteAction.action_response_format_spec())
    except jsonschema.ValidationError as error:
        return error
    return None


def action() -> RemoteAction:
    return RemoteAction("action_assess", None)


@pytest.mark.parametrize("result", GOOD)
def test_a_valid_action_server_response_is_accepted(result: dict[str, Any]) -> None:
    assert stock_rasa_error(result) is None
    assert action()._validate_action_result(result) is True


@pytest.mark.parametrize("result", BAD)
def test_an_invalid_response_is_refused_with_the_error_and_hint_rasa_gives(result: Any) -> None:
    expected = stock_rasa_error(result)
    assert expected is not None

    with pytest.raises(jsonschema.ValidationError) as refused:
        action()._validate_action_result(result)

    assert refused.value.message == expected.message + RASA_HINT
    assert (list(refused.value.path), refused.value.validator) == (list(expected.path), expected.validator)
    assert "Failed to validate Action server response from API" in str(refused.value)


def test_every_call_uses_the_one_validator_compiled_at_the_first() -> None:
    first = action_response_validator()
    calls_before = action_response_validator.cache_info().hits
    for result in [*GOOD, *BAD]:
        with contextlib.suppress(jsonschema.ValidationError):
            action()._validate_action_result(result)

    assert action_response_validator.cache_info().hits - calls_before == len(GOOD) + len(BAD)
    assert action_response_validator.cache_info().misses == 1
    assert action_response_validator() is first


def every_kind_of_event() -> list[dict[str, Any]]:
    """One event of each kind our actions and Rasa's send, as Rasa serialises them."""
    return [
        event.as_dict()
        for event in (
            SlotSet("face_side", "left"),
            SlotSet("findings", {"twitching": "present"}),
            ActiveLoop("intake_form"),
            ActiveLoop(None),
            FollowupAction("action_assess"),
            BotUttered("Which side?", {"buttons": [{"title": "Left", "payload": "left"}]}),
            UserUttered("left", {"name": "inform", "confidence": 0.9}),
            ActionExecuted("action_listen"),
            SessionStarted(),
            Restarted(),
            AllSlotsReset(),
            ConversationPaused(),
            ConversationResumed(),
            LoopInterrupted(True),
            ActionExecutionRejected("validate_intake_form"),
            UserUtteranceReverted(),
            ActionReverted(),
            ReminderScheduled("EXTERNAL_reminder", datetime(2026, 11, 22, 12, 0)),
        )
    ]


def spoilt(event: dict[str, Any]) -> list[dict[str, Any]]:
    """The event with each of its values replaced by one of the wrong type, and with no name."""
    variants = [{**event, key: [1, 2]} for key in event]
    return [*variants, {key: value for key, value in event.items() if key != "event"}]


def test_the_quick_check_accepts_every_kind_of_event_rasa_accepts_and_nothing_it_refuses() -> None:
    check = action_response_validator()
    events = every_kind_of_event()
    for event in events:
        assert stock_rasa_error({"events": [event]}) is None
        assert check.accepts_quickly({"events": [event]})
    assert check.accepts_quickly({"events": events, "responses": [{"text": "ok"}]})

    answers: list[Any] = [*BAD, *({"events": [bad]} for event in events for bad in spoilt(event))]
    for answer in answers:
        if check.accepts_quickly(answer):
            assert stock_rasa_error(answer) is None, answer
    assert sum(stock_rasa_error(answer) is not None for answer in answers) > len(events)
