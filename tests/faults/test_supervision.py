"""`make run` gives up on a server that cannot stay up, with a clear message and a non-zero exit, instead of
restarting it for ever; the container and Helm files leave restarts to their platform."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import yaml

from bot.server.launcher import PROJECT_ROOT
from bot.server.supervision import GIVE_UP_AFTER_EXITS
from tests.conftest import free_port

DEPLOY = PROJECT_ROOT / "deploy"
# Supervisord's back-off after failed starts: 1 + 2 + 3 + 4 s, then the stop; Rasa is stopped too.
GIVE_UP_WITHIN_SECONDS = 90


def test_a_server_that_cannot_start_stops_make_run_with_the_reason(tmp_path: Path) -> None:
    with socket.socket() as taken:  # the action server's port is in use: it exits at every start
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        env = {
            **os.environ,
            "ACTION_PORT": str(taken.getsockname()[1]),
            "RASA_PORT": str(free_port()),
            "BOT_RUNTIME_DIR": str(tmp_path),
            "TRACKER_DB": str(tmp_path / "conversations.db"),
        }
        started = time.monotonic()
        result = subprocess.run(
            [sys.executable, "-m", "bot.server.launcher", "--no-web"],
            cwd=PROJECT_ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=GIVE_UP_WITHIN_SECONDS,
        )

    output = result.stdout + result.stderr
    assert result.returncode == 1, output[-3000:]
    assert "Stopped: actions" in result.stderr, output[-3000:]
    assert output.count("exited: actions") == GIVE_UP_AFTER_EXITS
    assert "Ready." not in output
    assert time.monotonic() - started < GIVE_UP_WITHIN_SECONDS


def test_the_containers_are_restarted_by_docker_and_probed_by_kubernetes() -> None:
    services = yaml.safe_load((DEPLOY / "docker-compose.yml").read_text())["services"]
    helm = yaml.safe_load((DEPLOY / "helm" / "values.yaml").read_text())

    for role in ("rasa", "actions", "web", "postgres", "redis", "proxy"):
        assert services[role]["restart"] == "unless-stopped", role
    for role in ("rasa", "actions", "web"):
        assert services[role]["healthcheck"]["test"], role
    # Kubernetes restarts a container that exits; the liveness probes also restart one that stops answering.
    assert helm["livenessProbe"]["httpGet"]["path"] == "/"
    assert helm["rasa-action-server"]["livenessProbe"]["httpGet"]["path"] == "/health"
