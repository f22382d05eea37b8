"""Container entrypoint: one server per container, configured from environment variables only.

`python deploy/entrypoint.py rasa|actions|web` renders Rasa's endpoints and credentials exactly as `make run`
does (bot.config: PostgreSQL/Redis from TRACKER_STORE_URL/LOCK_STORE_URL, a channel only when its
secrets are set), then replaces itself with the server's process, so that the container's stop signal reaches
the server directly. Replicas of each role run behind a load balancer (docs/deploy.md).
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path

from bot.config import server_settings
from bot.server.launcher import (
    DEFAULT_MODEL,
    PROJECT_ROOT,
    SERVER_DEFAULTS,
    action_server_command,
    prepare_rasa,
    rasa_command,
    web_command,
)
from bot.server.preflight import StartupError

ROLES = ("rasa", "actions", "web")
# In a container every server must listen beyond the loopback interface; `make run` keeps 127.0.0.1.
CONTAINER_HOST = "0.0.0.0"


def container_env(env: Mapping[str, str]) -> dict[str, str]:
    """The environment with container defaults for what a deployer did not set."""
    defaults = {
        **SERVER_DEFAULTS,
        "BOT_HOST": CONTAINER_HOST,
        "SANIC_HOST": env.get("ACTION_HOST", CONTAINER_HOST),  # where rasa_sdk listens
        "BOT_RUNTIME_DIR": "/tmp/twitch-triage",  # writable even with a read-only root file system
        "PYTHONPATH": str(PROJECT_ROOT),
    }
    return {**defaults, **env}


def command_for(role: str, env: Mapping[str, str]) -> list[str]:
    settings = server_settings(env)
    if role == "rasa":
        runtime_dir = Path(env["BOT_RUNTIME_DIR"])
        try:
            prepare_rasa(env, settings, runtime_dir)
        except StartupError as refusal:
            raise SystemExit(f"Not starting: {refusal}") from refusal
        return rasa_command(settings, Path(env.get("MODEL_PATH", str(DEFAULT_MODEL))), runtime_dir)
    if role == "actions":
        return action_server_command(settings)
    if role == "web":
        return [*web_command(settings), "--host", settings.host]
    raise SystemExit(f"unknown role {role!r}: choose one of {', '.join(ROLES)}")


def main(argv: Sequence[str]) -> None:
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    if len(argv) != 1:
        raise SystemExit(f"usage: entrypoint.py {{{'|'.join(ROLES)}}}")
    env = container_env(os.environ)
    command = command_for(argv[0], env)
    os.chdir(PROJECT_ROOT)
    os.execvpe(command[0], command, env)


if __name__ == "__main__":
    main(sys.argv[1:])
