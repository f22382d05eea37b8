"""Shared fixtures: a running assistant started exactly as `make run` starts it, on free ports."""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from bot.config import ServerSettings
from bot.server.launcher import DEFAULT_MODEL, Servers, free_port, start_all

# How a person with a short, trigger-related eyelid twitch answers each follow-up question, in their own words
# (question names as in bot.triage.intake).
SELF_CARE_ANSWERS = {
    "q_location": "my eyelid",
    "q_side": "left",
    "q_duration": "since monday",
    "q_progression": "nope",
    "q_accompanying": "none of those",
    "q_impact": "no",
    "q_triggers": "loads of coffee",
    "q_history": "none",
    "q_emergency_screen": "no, nothing like that",
}


@dataclass
class RunningBot:
    settings: ServerSettings
    servers: Servers
    env: dict[str, str]

    @property
    def rasa_url(self) -> str:
        return f"http://127.0.0.1:{self.settings.rasa_port}"

    @property
    def web_url(self) -> str:
        return f"http://127.0.0.1:{self.settings.web_port}"


def start_bot(
    runtime_dir: Path, extra_env: dict[str, str] | None = None, with_web: bool = False
) -> RunningBot:
    if not DEFAULT_MODEL.exists():
        pytest.fail(
            f"no trained model at {DEFAULT_MODEL}: run the tests through `make test`, which trains it"
        )
    env = {
        **os.environ,
        "RASA_PORT": str(free_port()),
        "ACTION_PORT": str(free_port()),
        "WEB_PORT": str(free_port()),
        "TRACKER_DB": str(runtime_dir / "conversations.db"),
        "BOT_RUNTIME_DIR": str(runtime_dir),
        **(extra_env or {}),
    }
    servers, settings = start_all(env, DEFAULT_MODEL, with_web=with_web)
    return RunningBot(settings, servers, env)


@pytest.fixture(scope="session")
def running_bot(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningBot]:
    """One assistant for the whole session (starting Rasa takes ~15 s); tests use distinct sender ids."""
    bot = start_bot(tmp_path_factory.mktemp("bot"), with_web=True)
    yield bot
    bot.servers.stop()
