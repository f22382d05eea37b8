"""`make run`: start the action server, Rasa and the chat page, wait until all answer, stop all on Ctrl-C.

Tests start the servers through this same module, so what they exercise is what a deployer runs.
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

from bot.server.preflight import StartupError, check_before_start
from bot.server.settings import (
    ServerSettings,
    credentials_config,
    endpoints_config,
    server_settings,
    write_yaml,
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
        sys.executable, "-m", "rasa", "run",
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
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()


def prepare_rasa(env: Mapping[str, str], settings: ServerSettings, runtime_dir: Path) -> None:
    """Check the set-up (bot.server.preflight) and write the configuration Rasa reads, from the environment.

    Shared by `make run` and the container entrypoint, so both refuse the same unsafe set-ups."""
    check_before_start(env, settings)
    write_yaml(runtime_dir / "endpoints.yml", endpoints_config(env, settings))
    write_yaml(runtime_dir / "credentials.yml", credentials_config(env, settings))


def start_all(env: Mapping[str, str], model: Path, with_web: bool) -> tuple[Servers, ServerSettings]:
    """Prepare Rasa's configuration, then start the servers and wait until each answers."""
    settings = server_settings(env)
    runtime_dir = Path(env.get("BOT_RUNTIME_DIR", PROJECT_ROOT / "var"))
    prepare_rasa(env, settings, runtime_dir)
    child_env = {**env, "SANIC_HOST": env.get("ACTION_HOST", "127.0.0.1"), "PYTHONPATH": str(PROJECT_ROOT)}

    servers = Servers()
    try:
        servers.start(
            ACTIONS,
            action_server_command(settings),
            child_env,
            f"http://127.0.0.1:{settings.action_port}/health",
        )
        servers.start(
            RASA,
            rasa_command(settings, model, runtime_dir),
            child_env,
            f"http://127.0.0.1:{settings.rasa_port}/",
        )
        servers.wait_until_ready(ACTIONS)
        servers.wait_until_ready(RASA)
        if with_web:
            servers.start(WEB, web_command(settings), child_env, f"http://127.0.0.1:{settings.web_port}/")
            servers.wait_until_ready(WEB)
    except BaseException:
        servers.stop()
        raise
    return servers, settings


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--model", type=Path, default=DEFAULT_MODEL)
    parser.add_argument("--no-web", action="store_true", help="do not serve the chat page")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")

    try:
        servers, settings = start_all(os.environ, args.model, with_web=not args.no_web)
    except StartupError as error:
        print(f"Not starting: {error}", file=sys.stderr)
        return 2
    stop_requested = False

    def request_stop(signum: int, frame: object) -> None:
        nonlocal stop_requested
        stop_requested = True

    signal.signal(signal.SIGINT, request_stop)
    signal.signal(signal.SIGTERM, request_stop)
    print(
        f"\nReady.\n"
        f"  Chat page:      http://127.0.0.1:{settings.web_port}/\n"
        f"  REST webhook:   POST http://127.0.0.1:{settings.rasa_port}/webhooks/rest/webhook\n"
        f"  Rasa HTTP API:  http://127.0.0.1:{settings.rasa_port}/\n"
        f"  Action server:  http://127.0.0.1:{settings.action_port}/health\n"
        f"Press Ctrl-C to stop.\n",
        flush=True,
    )
    try:
        while not stop_requested and all(p.poll() is None for p in servers.processes):
            time.sleep(0.5)
    finally:
        servers.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
