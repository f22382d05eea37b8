"""The assistant started exactly as `make run` starts it (`python -m bot.server.launcher`, under supervisord), on
free ports, for the fault tests; a server of it can be killed by name, as a crash would kill it."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

from bot.config import ServerSettings, server_settings
from bot.server.launcher import DEFAULT_MODEL, PROJECT_ROOT, free_port
from bot.server.supervision import CONFIG_NAME, supervisorctl_command

READY_TIMEOUT_SECONDS = 300
STOP_TIMEOUT_SECONDS = 60


@dataclass
class SupervisedBot:
    process: subprocess.Popen[bytes]
    env: dict[str, str]
    settings: ServerSettings
    runtime_dir: Path
    output: Path
    seconds_to_ready: float

    @property
    def rasa_url(self) -> str:
        return f"http://127.0.0.1:{self.settings.rasa_port}"

    def pid(self, server: str) -> int:
        """The server's process id, asked of supervisord as an operator would (`supervisorctl pid`)."""
        command = supervisorctl_command(self.runtime_dir / CONFIG_NAME, "pid", server)
        return int(subprocess.run(command, capture_output=True, text=True, check=True).stdout)

    def kill(self, server: str) -> float:
        """SIGKILL the server, as a crash or the out-of-memory killer would; when it was killed (monotonic)."""
        os.kill(self.pid(server), signal.SIGKILL)
        return time.monotonic()

    def log(self) -> str:
        return self.output.read_text(errors="replace")


def wait_for_ready(process: subprocess.Popen[bytes], output: Path) -> None:
    deadline = time.monotonic() + READY_TIMEOUT_SECONDS
    while "\nReady.\n" not in output.read_text(errors="replace"):
        if process.poll() is not None or time.monotonic() > deadline:
            pytest.fail(f"`make run` did not get ready:\n{output.read_text(errors='replace')[-3000:]}")
        time.sleep(0.5)


@contextmanager
def supervised_bot(
    runtime_dir: Path, extra_env: dict[str, str], with_web: bool = True
) -> Iterator[SupervisedBot]:
    """`make run` on free ports; stopped with SIGTERM afterwards, which must end it cleanly (exit status 0)."""
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
        **extra_env,
    }
    output = runtime_dir / "make-run.log"
    started = time.monotonic()
    # Appending: supervisord reopens the same file (/dev/stdout) for the servers' output.
    with output.open("ab") as sink:
        command = [sys.executable, "-m", "bot.server.launcher", *([] if with_web else ["--no-web"])]
        process = subprocess.Popen(command, cwd=PROJECT_ROOT, env=env, stdout=sink, stderr=subprocess.STDOUT)
    try:
        wait_for_ready(process, output)
        yield SupervisedBot(
            process, env, server_settings(env), runtime_dir, output, time.monotonic() - started
        )
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            returncode = process.wait(timeout=STOP_TIMEOUT_SECONDS)
        except subprocess.TimeoutExpired:
            process.kill()
            raise
        assert returncode == 0, (
            f"`make run` ended with {returncode} on SIGTERM:\n{output.read_text()[-3000:]}"
        )
