"""A server that is slow to read a request still answers it.

Rasa and the action server are Sanic servers. Sanic treats a connection whose request it has not read yet as
idle, and by default closes idle connections after 5 s. When a server is busy, a request can wait longer than that
for the event loop (with 200 conversations at once, answers took up to 13 s), and the connection was closed under
it: Rasa's call to the action server failed and the person was told to try again. A connection that opens and only
sends its request 6 s later is what the busy server sees, made deterministic.
"""

from __future__ import annotations

import socket
import time
from collections.abc import Callable, Mapping

import pytest

from bot.server.launcher import child_environment
from deploy.entrypoint import container_env
from tests.conftest import RunningBot

SANIC_DEFAULT_KEEP_ALIVE_SECONDS = 5


def answer_after_a_pause(connections: dict[str, socket.socket], pause: float) -> dict[str, bytes]:
    time.sleep(pause)
    answers = {}
    for path, connection in connections.items():
        with connection:
            connection.sendall(
                f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".encode()
            )
            answers[path] = connection.recv(64)
    return answers


def test_rasa_and_the_action_server_answer_a_request_that_arrives_after_sanics_default_idle_limit(
    running_bot: RunningBot,
) -> None:
    connections = {
        "/": socket.create_connection(("127.0.0.1", running_bot.settings.rasa_port)),
        "/health": socket.create_connection(("127.0.0.1", running_bot.settings.action_port)),
    }

    answers = answer_after_a_pause(connections, SANIC_DEFAULT_KEEP_ALIVE_SECONDS + 1)

    assert {path: answer.split(b"\r\n")[0] for path, answer in answers.items()} == {
        "/": b"HTTP/1.1 200 OK",
        "/health": b"HTTP/1.1 200 OK",
    }


@pytest.mark.parametrize("environment", [child_environment, container_env], ids=["make run", "a container"])
def test_the_idle_limit_is_raised_wherever_the_servers_start_and_a_deployers_own_setting_wins(
    environment: Callable[[Mapping[str, str]], dict[str, str]],
) -> None:
    assert float(environment({})["SANIC_KEEP_ALIVE_TIMEOUT"]) > SANIC_DEFAULT_KEEP_ALIVE_SECONDS
    assert environment({"SANIC_KEEP_ALIVE_TIMEOUT": "20"})["SANIC_KEEP_ALIVE_TIMEOUT"] == "20"
