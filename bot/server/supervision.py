"""`make run` under supervisord (the Supervisor project): a server that exits is started again while the others
keep serving, and `make run` gives up, with a non-zero exit, when a server cannot stay up.

Supervisord does the process work: starting, restarting with a growing delay after a failed start, stopping
each server with SIGTERM and then SIGKILL, and logging each exit with its status ("exited: rasa (terminated by
SIGKILL; not expected)"). What it lacks is a limit on how often a server that did start may die again, and
a word on when a restarted server answers again; bot.server.watchdog, one of its event listeners, adds both.
docs/deploy.md says why supervisord rather than circus or a loop of our own.
"""

from __future__ import annotations

import shlex
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

# A server that exits this many times within the window cannot stay up: `make run` stops with an error.
GIVE_UP_AFTER_EXITS = 5
GIVE_UP_WINDOW_SECONDS = 120
# SIGTERM first; a server still running after this long is killed.
STOP_WAIT_SECONDS = 15
CONFIG_NAME = "supervisord.conf"
SOCKET_NAME = "supervisor.sock"
# Written by the watchdog when it gives up, read by the launcher for its message and exit status.
GAVE_UP_NAME = "gave-up.txt"


@dataclass(frozen=True)
class Program:
    """One server as supervisord runs it."""

    name: str
    command: list[str]
    ready_url: str
    # Staying up this long after a start counts as started; an exit before is a failed start, retried after
    # a delay that grows by a second each time (supervisord's back-off), at most GIVE_UP_AFTER_EXITS times.
    start_seconds: int


def _escaped(value: str) -> str:
    """Supervisord expands %(name)s in its configuration values: a literal % must be doubled."""
    return value.replace("%", "%%")


def _section(header: str, settings: dict[str, str | int]) -> str:
    lines = [f"[{header}]", *(f"{key}={_escaped(str(value))}" for key, value in settings.items())]
    return "\n".join(lines) + "\n"


def _program_section(program: Program, project_root: Path) -> str:
    return _section(
        f"program:{program.name}",
        {
            "command": shlex.join(program.command),
            "directory": str(project_root),
            "autorestart": "true",
            "startsecs": program.start_seconds,
            "startretries": GIVE_UP_AFTER_EXITS - 1,
            "stopsignal": "TERM",
            "stopwaitsecs": STOP_WAIT_SECONDS,
            # Rasa's and Sanic's worker processes go with their parent.
            "stopasgroup": "true",
            "killasgroup": "true",
            # The servers' own logs, on `make run`'s output as before supervision.
            "redirect_stderr": "true",
            "stdout_logfile": "/dev/stdout",
            "stdout_logfile_maxbytes": 0,
        },
    )


def watchdog_command(programs: Sequence[Program], runtime_dir: Path) -> list[str]:
    return [
        sys.executable, "-m", "bot.server.watchdog",
        "--gave-up-file", str(runtime_dir / GAVE_UP_NAME),
        "--exits", str(GIVE_UP_AFTER_EXITS),
        "--window", str(GIVE_UP_WINDOW_SECONDS),
        *(f"{program.name}={program.ready_url}" for program in programs),
    ]  # fmt: skip


def supervisord_config(programs: Sequence[Program], runtime_dir: Path, project_root: Path) -> str:
    socket = runtime_dir / SOCKET_NAME
    sections = [
        _section(
            "supervisord",
            {
                # In the foreground, its own log on stdout too, its files in the runtime directory.
                "nodaemon": "true",
                "logfile": str(runtime_dir / "supervisord.log"),
                "pidfile": str(runtime_dir / "supervisord.pid"),
                "childlogdir": str(runtime_dir),
            },
        ),
        # `supervisorctl -c var/supervisord.conf status` for the operator: a socket only this user can use.
        _section("unix_http_server", {"file": str(socket), "chmod": "0700"}),
        _section("supervisorctl", {"serverurl": f"unix://{socket}"}),
        _section(
            "rpcinterface:supervisor",
            {"supervisor.rpcinterface_factory": "supervisor.rpcinterface:make_main_rpcinterface"},
        ),
        _section(
            "eventlistener:watchdog",
            {
                "command": shlex.join(watchdog_command(programs, runtime_dir)),
                "directory": str(project_root),
                "events": "PROCESS_STATE",
                "autorestart": "true",
                # Its stdout talks to supervisord; what it says for people goes to stderr.
                "stderr_logfile": "/dev/stderr",
                "stderr_logfile_maxbytes": 0,
            },
        ),
        *(_program_section(program, project_root) for program in programs),
    ]
    return "\n".join(sections)


def write_supervisord_config(programs: Sequence[Program], runtime_dir: Path, project_root: Path) -> Path:
    """The configuration file, readable by this user only: the commands can carry the HTTP API's token."""
    runtime_dir.mkdir(parents=True, exist_ok=True)
    (runtime_dir / GAVE_UP_NAME).unlink(missing_ok=True)  # a verdict of an earlier run
    path = runtime_dir / CONFIG_NAME
    path.touch(mode=0o600)
    path.chmod(0o600)
    path.write_text(supervisord_config(programs, runtime_dir, project_root))
    return path


def supervisord_command(config: Path) -> list[str]:
    return [sys.executable, "-m", "supervisor.supervisord", "--configuration", str(config)]


def supervisorctl_command(config: Path, *arguments: str) -> list[str]:
    return [sys.executable, "-m", "supervisor.supervisorctl", "--configuration", str(config), *arguments]
