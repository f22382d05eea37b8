"""The patches of bot.rasa_patches: applied by the module that starts Rasa, checked against the Rasa installed,
and (patch 1) Rasa checks the action server's answers with validators built once, accepting and refusing exactly
what Rasa 3.6 did; the quick check in front of the full one only ever accepts what the full one accepts. Patch 2
is shown under load by tests/faults/test_faults_under_load.py."""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import rasa
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

from bot import rasa_patches
from bot.config import server_settings
from bot.rasa_patches import RASA_HINT, action_response_validator
from bot.server.launcher import DEFAULT_MODEL, PROJECT_ROOT, rasa_command

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


@pytest.fixture(scope="module", autouse=True)
def patched_rasa() -> Iterator[None]:
    """The patches in this test process, taken back after this module, so that other tests meet Rasa as it is."""
    with pytest.MonkeyPatch.context() as monkeypatch:
        for patch in rasa_patches.PATCHES:
            monkeypatch.setattr(patch.owner, patch.attribute, patch.replacement)
        yield


def test_the_patches_were_checked_against_the_rasa_installed() -> None:
    assert rasa.__version__ == rasa_patches.CHECKED_AGAINST


def test_rasa_is_started_through_the_module_that_applies_every_patch(tmp_path: Path) -> None:
    command = rasa_command(server_settings({}), DEFAULT_MODEL, tmp_path)
    assert command[1:4] == ["-m", "bot.server.rasa_main", "run"]
    started = (
        "import sys\n"
        "from bot import rasa_patches\n"
        "from bot.server import rasa_main\n"
        "sys.argv = ['rasa', '--version']\n"
        "rasa_main.main()\n"
        "print([patch.name for patch in rasa_patches.PATCHES if not patch.is_applied()])\n"
    )
    finished = subprocess.run(
        [sys.executable, "-c", started],
        cwd=PROJECT_ROOT,
        env={**os.environ, "PYTHONPATH": str(PROJECT_ROOT)},
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    assert finished.stdout.splitlines()[-1] == "[]"


def test_a_rasa_without_a_patched_attribute_is_refused_at_start(monkeypatch: pytest.MonkeyPatch) -> None:
    renamed = rasa_patches.Patch(RemoteAction, "_no_such_method", rasa_patches.validate_action_result)
    monkeypatch.setattr(rasa_patches, "PATCHES", (*rasa_patches.PATCHES, renamed))
    with pytest.raises(RuntimeError, match=r"Rasa no longer has RemoteAction._no_such_method"):
        rasa_patches.apply()


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
