"""Supervisord event listener for `make run` (bot.server.supervision): says when a restarted server answers
again, and stops everything when a server cannot stay up.

Supervisord restarts a server that dies and logs its exit status, but it would restart a server that dies every
minute for ever, and it calls a server "running" when its process has lived a few seconds, not when it answers.
This listener counts each server's exits; at `--exits` within `--window` seconds, or when supervisord itself gives
up on a server (FATAL, after its retries with back-off), it writes why to `--gave-up-file` and asks supervisord to
stop everything (SIGTERM), so `make run` ends with that message and a non-zero exit. After an exit, it polls the
server's ready URL and logs when it answers again.

Usage (written by bot.server.supervision): `python -m bot.server.watchdog --gave-up-file F --exits N --window S
NAME=READY_URL ...`. The listener protocol (supervisor.childutils) uses stdout; messages go to stderr.
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
import threading
import time
import urllib.error
import urllib.request
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from supervisor import childutils

# Loading Rasa's model takes 15-70 s, longer on a busy machine.
READY_TIMEOUT_SECONDS = 300.0
POLL_SECONDS = 0.25


def say(message: str) -> None:
    print(f"{time.strftime('%Y-%m-%d %H:%M:%S')} watchdog: {message}", file=sys.stderr, flush=True)


def answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return bool(response.status == 200)
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return False


@dataclass
class ServerWatch:
    name: str
    ready_url: str
    exits: deque[float] = field(default_factory=deque)
    # Counts the server's exits, so that a readiness poll of an earlier start stops once it exited again.
    generation: int = 0


class Watchdog:
    def __init__(
        self,
        ready_urls: dict[str, str],
        exit_limit: int,
        window_seconds: float,
        give_up: Callable[[str], None],
    ) -> None:
        self.servers = {name: ServerWatch(name, url) for name, url in ready_urls.items()}
        self.exit_limit = exit_limit
        self.window_seconds = window_seconds
        self.give_up = give_up

    def on_event(self, event: str, payload: dict[str, str]) -> None:
        server = self.servers.get(payload.get("processname", ""))
        if server is None:
            return
        if event in ("PROCESS_STATE_EXITED", "PROCESS_STATE_BACKOFF"):
            self._on_exit(server, payload)
        elif event == "PROCESS_STATE_FATAL":
            self.give_up(
                f"{server.name} could not be started: it kept exiting within seconds of each start, "
                f"{self.exit_limit} times in a row (see its log above)."
            )
        elif event == "PROCESS_STATE_STARTING" and server.exits:
            generation = server.generation
            threading.Thread(target=self._report_back, args=(server, generation), daemon=True).start()

    def _on_exit(self, server: ServerWatch, payload: dict[str, str]) -> None:
        now = time.monotonic()
        server.generation += 1
        server.exits.append(now)
        while server.exits and server.exits[0] < now - self.window_seconds:
            server.exits.popleft()
        if len(server.exits) >= self.exit_limit:
            self.give_up(
                f"{server.name} cannot stay up: it exited {len(server.exits)} times within "
                f"{self.window_seconds:.0f} s (see its log above)."
            )
            return
        say(
            f"{server.name} stopped while {payload.get('from_state', 'running').lower()}, exit "
            f"{len(server.exits)} within {self.window_seconds:.0f} s (at {self.exit_limit}, everything stops); "
            "it is being started again."
        )

    def _report_back(self, server: ServerWatch, generation: int) -> None:
        stopped_at = server.exits[-1]
        deadline = time.monotonic() + READY_TIMEOUT_SECONDS
        while time.monotonic() < deadline and server.generation == generation:
            if answers(server.ready_url):
                say(
                    f"{server.name} is back: {server.ready_url} answers, "
                    f"{time.monotonic() - stopped_at:.1f} s after it stopped."
                )
                return
            time.sleep(POLL_SECONDS)


def give_up_and_stop_supervisord(gave_up_file: Path) -> Callable[[str], None]:
    def give_up(reason: str) -> None:
        say(f"giving up: {reason}")
        gave_up_file.write_text(reason + "\n")
        os.kill(os.getppid(), signal.SIGTERM)  # supervisord, which stops every server cleanly

    return give_up


def parse_arguments(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--gave-up-file", type=Path, required=True)
    parser.add_argument("--exits", type=int, required=True)
    parser.add_argument("--window", type=float, required=True)
    parser.add_argument("servers", nargs="+", metavar="NAME=READY_URL")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> None:
    arguments = parse_arguments(argv)
    ready_urls = dict(server.split("=", 1) for server in arguments.servers)
    watchdog = Watchdog(
        ready_urls, arguments.exits, arguments.window, give_up_and_stop_supervisord(arguments.gave_up_file)
    )
    while True:
        headers, payload = childutils.listener.wait()  # says READY, then reads one event
        process_fields, _ = childutils.eventdata(payload + "\n")
        watchdog.on_event(headers["eventname"], process_fields)
        childutils.listener.ok()


if __name__ == "__main__":
    main()
