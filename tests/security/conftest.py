"""One assistant started as `make run` starts it, with everything its servers print captured to a file."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import RunningBot, start_bot


@dataclass
class LoggedBot:
    bot: RunningBot
    log_file: Path

    @property
    def url(self) -> str:
        return self.bot.rasa_url

    def output(self) -> str:
        return self.log_file.read_text(errors="replace")


@contextmanager
def output_redirected_to(path: Path) -> Iterator[None]:
    """Processes started inside write their stdout and stderr to `path` (they inherit file descriptors 1 and 2)."""
    sys.stdout.flush()
    sys.stderr.flush()
    saved = os.dup(1), os.dup(2)
    with path.open("ab") as log:
        os.dup2(log.fileno(), 1)
        os.dup2(log.fileno(), 2)
    try:
        yield
    finally:
        os.dup2(saved[0], 1)
        os.dup2(saved[1], 2)
        os.close(saved[0])
        os.close(saved[1])


@pytest.fixture(scope="session")
def logged_bot(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LoggedBot]:
    runtime_dir = tmp_path_factory.mktemp("security")
    log_file = runtime_dir / "servers.log"
    with output_redirected_to(log_file):
        # INFO is what a deployment logs at (Rasa's default); set here so that the test does not depend on it.
        bot = start_bot(runtime_dir, {"LOG_LEVEL": "INFO"})
    yield LoggedBot(bot, log_file)
    bot.servers.stop()
