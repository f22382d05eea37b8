"""Start-up checks (bot.server.preflight): a set-up mistake stops the launcher at once, with the reason and a
non-zero exit, before any server starts: never an open HTTP API on a public address, never Rasa's endless
retry against a database or lock store it cannot reach."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from bot.config import server_settings
from bot.server.launcher import PROJECT_ROOT
from bot.server.preflight import StartupError, check_http_api_protected, is_loopback
from tests.conftest import free_port

TIME_LIMIT_SECONDS = 30


@dataclass
class Launch:
    returncode: int | None
    stderr: str
    seconds: float
    action_port: int


def launch(tmp_path: Path, **overrides: str) -> Launch:
    """`make run` with these settings; the launcher and whatever it started are killed after the time limit."""
    action_port = free_port()
    env = {
        **os.environ,
        "RASA_PORT": str(free_port()),
        "ACTION_PORT": str(action_port),
        "BOT_RUNTIME_DIR": str(tmp_path),
        "TRACKER_DB": str(tmp_path / "conversations.db"),
        **overrides,
    }
    started = time.monotonic()
    process = subprocess.Popen(
        [sys.executable, "-m", "bot.server.launcher", "--no-web"],
        cwd=PROJECT_ROOT,
        env=env,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    try:
        _, stderr = process.communicate(timeout=TIME_LIMIT_SECONDS)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        _, stderr = process.communicate()
        return Launch(None, stderr, time.monotonic() - started, action_port)
    return Launch(process.returncode, stderr, time.monotonic() - started, action_port)


def is_listening(port: int) -> bool:
    with socket.socket() as sock:
        return sock.connect_ex(("127.0.0.1", port)) == 0


def assert_refused(result: Launch, reason: str) -> None:
    assert result.returncode is not None, (
        f"still running after {TIME_LIMIT_SECONDS} s:\n{result.stderr[-2000:]}"
    )
    assert result.returncode != 0
    assert reason in result.stderr, result.stderr[-2000:]
    assert not is_listening(result.action_port), "a server was started before the set-up was checked"


def test_a_public_address_without_a_token_is_refused(tmp_path: Path) -> None:
    assert_refused(launch(tmp_path, BOT_HOST="0.0.0.0", BOT_AUTH_TOKEN=""), "Set BOT_AUTH_TOKEN")


def test_an_sqlite_file_that_cannot_be_written_is_refused(tmp_path: Path) -> None:
    not_a_directory = tmp_path / "a-file"
    not_a_directory.write_text("")
    result = launch(tmp_path, TRACKER_DB=str(not_a_directory / "conversations.db"))
    assert_refused(result, "cannot be written")


@pytest.mark.parametrize(
    "url",
    [
        pytest.param(f"postgresql://postgres@127.0.0.1:{free_port()}/triage", id="connection refused"),
        pytest.param("postgresql://postgres@no-such-host.invalid:5432/triage", id="unknown host"),
    ],
)
def test_an_unreachable_postgresql_is_refused(tmp_path: Path, url: str) -> None:
    assert_refused(launch(tmp_path, TRACKER_STORE_URL=url), "Cannot connect to the conversation database")


def test_an_unreachable_redis_lock_store_is_refused(tmp_path: Path) -> None:
    result = launch(tmp_path, LOCK_STORE_URL=f"redis://127.0.0.1:{free_port()}/0")
    assert_refused(result, "Cannot reach the Redis lock store")


@pytest.mark.parametrize("host", ["127.0.0.1", "127.0.0.2", "::1", "localhost"])
def test_loopback_addresses_need_no_token(host: str) -> None:
    assert is_loopback(host)
    check_http_api_protected(server_settings({"BOT_HOST": host}))


@pytest.mark.parametrize("host", ["0.0.0.0", "::", "10.0.0.5", "bot.example.org"])
def test_any_other_address_needs_a_token_or_a_jwt_secret(host: str) -> None:
    with pytest.raises(StartupError, match="without authentication"):
        check_http_api_protected(server_settings({"BOT_HOST": host}))
    check_http_api_protected(server_settings({"BOT_HOST": host, "BOT_AUTH_TOKEN": "s3cret"}))
    check_http_api_protected(server_settings({"BOT_HOST": host, "BOT_JWT_SECRET": "s3cret"}))
