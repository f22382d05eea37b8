"""`make run`: the action server, Rasa and the chat page under supervisord, which starts again any that exits
(bot.server.supervision); waits until all answer, stops all on Ctrl-C or SIGTERM.

Tests start the servers with this module's commands and settings: most of them unsupervised, through
start_all; the fault tests run `python -m bot.server.launcher` itself, as `make run` does.
"""

from __future__ import annotations

import argparse
import logging
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from bot.config import (
    ServerSettings,
    credentials_config,
    endpoints_config,
    server_settings,
)
from bot.server.preflight import StartupError, check_before_start
from bot.server.supervision import (
    GAVE_UP_NAME,
    STOP_WAIT_SECONDS,
    Program,
    supervisord_command,
    write_supervisord_config,
)

logger = logging.getLogger("bot.server")

PROJECT_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_MODEL = PROJECT_ROOT / "models" / "current.tar.gz"
# Loading the model takes 15-70 s, longer on a busy two-core machine; a dead server is noticed at once anyway.
READY_TIMEOUT_SECONDS = 300.0
ACTIONS, RASA, WEB = "actions", "rasa", "web"


def free_port() -> int:
    """A port nobody on 127.0.0.1 is listening on now (for test and benchmark runs beside `make run`)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def rasa_command(settings: ServerSettings, model: Path, runtime_dir: Path) -> list[str]:
    command = [
        sys.executable, "-m", "bot.server.rasa_main", "run",
        "--model", str(model),
        "--enable-api",
        "--interface", settings.host,
        "--port", str(settings.rasa_port),
        "--endpoints", str(runtime_dir / "endpoints.yml"),
        "--credentials", str(runtime_dir / "credentials.yml"),
        "--cors", *settings.cors_origins,
    ]  # fmt: skip
    if settings.auth_token:
        command += ["--auth-token", settings.auth_token]
    if settings.jwt_secret:
        command += ["--jwt-secret", settings.jwt_secret]
    return command


def action_server_command(settings: ServerSettings) -> list[str]:
    return [sys.executable, "-m", "rasa_sdk", "--actions", "actions", "--port", str(settings.action_port)]


def web_command(settings: ServerSettings) -> list[str]:
    return [sys.executable, "-m", "bot.web.server", "--port", str(settings.web_port)]


def wait_until_ready(url: str, process: subprocess.Popen[bytes], timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{url} exited with code {process.returncode} before it was ready")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.5)
    raise RuntimeError(f"{url} did not answer within {timeout:.0f} s")


@dataclass
class Server:
    command: list[str]
    env: dict[str, str]
    ready_url: str
    process: subprocess.Popen[bytes]


class Servers:
    """The running processes by name (ACTIONS, RASA, WEB); stopping them is idempotent.

    A server can be killed and started again with the same command, as a supervisor or a fault test would.
    """

    def __init__(self) -> None:
        self.by_name: dict[str, Server] = {}

    @property
    def processes(self) -> list[subprocess.Popen[bytes]]:
        return [server.process for server in self.by_name.values()]

    def start(self, name: str, command: Sequence[str], env: Mapping[str, str], ready_url: str) -> None:
        """Start without waiting, so that several servers load side by side; see wait_until_ready."""
        process = subprocess.Popen(list(command), cwd=PROJECT_ROOT, env=dict(env))
        self.by_name[name] = Server(list(command), dict(env), ready_url, process)

    def wait_until_ready(self, name: str, timeout: float = READY_TIMEOUT_SECONDS) -> None:
        server = self.by_name[name]
        wait_until_ready(server.ready_url, server.process, timeout)

    def kill(self, name: str) -> None:
        """SIGKILL: no chance to clean up, as when a machine or a container dies."""
        process = self.by_name[name].process
        process.kill()
        process.wait()

    def restart(self, name: str) -> None:
        server = self.by_name[name]
        if server.process.poll() is None:
            self.kill(name)
        self.start(name, server.command, server.env, server.ready_url)
        self.wait_until_ready(name)

    def stop(self) -> None:
        for process in self.processes:
            if process.poll() is None:
                process.terminate()
        for process in self.processes:
            try:
                process.wait(timeout=STOP_WAIT_SECONDS)
            except subprocess.TimeoutExpired:
                process.kill()


def write_yaml(path: Path, content: Mapping[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(dict(content), sort_keys=False))


def prepare_rasa(env: Mapping[str, str], settings: ServerSettings, runtime_dir: Path) -> None:
    """Check the set-up (bot.server.preflight) and write the configuration Rasa reads, from the environment.

    Shared by `make run` and the container entrypoint, so both refuse the same unsafe set-ups."""
    check_before_start(env, settings)
    write_yaml(runtime_dir / "endpoints.yml", endpoints_config(env, settings))
    write_yaml(runtime_dir / "credentials.yml", credentials_config(env, settings))


def server_programs(
    env: Mapping[str, str], settings: ServerSettings, model: Path, runtime_dir: Path, with_web: bool
) -> list[Program]:
    """The servers `make run` runs, in the order they are started."""
    programs = [
        Program(
            ACTIONS,
            action_server_command(settings),
            f"http://127.0.0.1:{settings.action_port}/health",
            start_seconds=3,
        ),
        # Rasa answers only once its model is loaded; living this long proves at least that it got that far.
        Program(
            RASA,
            rasa_command(settings, model, runtime_dir),
            f"http://127.0.0.1:{settings.rasa_port}/",
            start_seconds=10,
        ),
    ]
    if with_web:
        programs.append(
            Program(WEB, web_command(settings), f"http://127.0.0.1:{settings.web_port}/", start_seconds=2)
        )
    return programs


def runtime_directory(env: Mapping[str, str]) -> Path:
    return Path(env.get("BOT_RUNTIME_DIR", PROJECT_ROOT / "var"))


# Sanic counts a new connection as idle until it has read the request on it, and closes idle connections after
# KEEP_ALIVE_TIMEOUT, 5 s by default. On a busy server a request can wait longer than that for the event loop, and
# the connection was closed under it: with 200 conversations at once, some of Rasa's calls to the action server
# failed with "Cannot write to closing transport" and the person was asked to try again (tests/load/test_soak.py).
# 60 s is Sanic's own limit for receiving a request (REQUEST_TIMEOUT). A deployer's own setting wins.
SERVER_DEFAULTS = {"SANIC_KEEP_ALIVE_TIMEOUT": "60"}


def child_environment(env: Mapping[str, str]) -> dict[str, str]:
    return {
        **SERVER_DEFAULTS,
        **env,
        "SANIC_HOST": env.get("ACTION_HOST", "127.0.0.1"),
        "PYTHONPATH": str(PROJECT_ROOT),
    }


def start_all(env: Mapping[str, str], model: Path, with_web: bool) -> tuple[Servers, ServerSettings]:
    """Prepare Rasa's configuration, then start the servers, unsupervised, and wait until each answers."""
    settings = server_settings(env)
    runtime_dir = runtime_directory(env)
    prepare_rasa(env, settings, runtime_dir)
    programs = server_programs(env, settings, model, runtime_dir, with_web)
    servers = Servers()
    try:
        for program in programs:  # side by side: Rasa's model loads while the others start
            servers.start(program.name, program.command, child_environment(env), program.ready_url)
        for program in programs:
            servers.wait_until_ready(program.name)
    except BaseException:
        servers.stop()
        raise
    return servers, settings


def gave_up_reason(runtime_dir: Path) -> str | None:
    """Why the watchdog stopped everything (bot.server.watchdog), if it did."""
    path = runtime_dir / GAVE_UP_NAME
    return path.read_text().strip() if path.exists() else None


def serve_supervised(env: Mapping[str, str], model: Path, with_web: bool) -> int:
    """Run supervisord with the servers until Ctrl-C or SIGTERM (exit 0) or until a server cannot stay up
    (exit 1); StartupError before anything starts when the set-up is wrong."""
    settings = server_settings(env)
    runtime_dir = runtime_directory(env)
    prepare_rasa(env, settings, runtime_dir)
    programs = server_programs(env, settings, model, runtime_dir, with_web)
    config = write_supervisord_config(programs, runtime_dir, PROJECT_ROOT)
    supervisord = subprocess.Popen(supervisord_command(config), cwd=PROJECT_ROOT, env=child_environment(env))
    stop_requested = False

    def request_stop(signum: int, frame: object) -> None:
        nonlocal stop_requested
        stop_requested = True
        if supervisord.poll() is None:
            supervisord.terminate()  # supervisord stops every server: SIGTERM, SIGKILL after a while

    signal.signal(signal.SIGINT, request_stop)
    signal.signal(signal.SIGTERM, request_stop)
    try:
        for program in programs:
            wait_until_ready(program.ready_url, supervisord, READY_TIMEOUT_SECONDS)
    except RuntimeError as not_ready:
        if supervisord.poll() is None and not stop_requested:  # a server that neither answers nor exits
            print(f"Not ready: {not_ready}", file=sys.stderr, flush=True)
            request_stop(signal.SIGTERM, None)
    else:
        print(
            f"\nReady.\n"
            f"  Chat page:      http://127.0.0.1:{settings.web_port}/\n"
            f"  REST webhook:   POST http://127.0.0.1:{settings.rasa_port}/webhooks/rest/webhook\n"
            f"  Rasa HTTP API:  http://127.0.0.1:{settings.rasa_port}/\n"
            f"  Action server:  http://127.0.0.1:{settings.action_port}/health\n"
            f"  Supervision:    {sys.executable} -m supervisor.supervisorctl -c {config} status\n"
            f"Press Ctrl-C to stop.\n",
            flush=True,
        )
    try:
        returncode = supervisord.wait()
    except BaseException:
        supervisord.kill()
        raise
    reason = gave_up_reason(runtime_dir)
    if reason:
        print(f"Stopped: {reason}", file=sys.stderr, flush=True)
        return 1
    if stop_requested:
        return 0
    print(
        f"Stopped: supervisord exited unexpectedly (exit status {returncode}).", file=sys.stderr, flush=True
    )
    return 1


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--model", type=Path, default=DEFAULT_MODEL)
    parser.add_argument("--no-web", action="store_true", help="do not serve the chat page")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    try:
        return serve_supervised(os.environ, args.model, with_web=not args.no_web)
    except StartupError as error:
        print(f"Not starting: {error}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
