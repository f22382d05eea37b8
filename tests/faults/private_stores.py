"""A PostgreSQL and a Redis of the test's own (own data directory, own port), which it may stop and start at
will: the machine's shared servers on 5432 and 6379 are never touched.

The real binaries: PostgreSQL's initdb and pg_ctl from /usr/lib/postgresql/*/bin, and redis-server. PostgreSQL
refuses to run as root, so as root its commands run as the `postgres` user, which the Debian package creates.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from tests.conftest import free_port

START_TIMEOUT_SECONDS = 30


def postgresql_binary(name: str) -> str:
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    if not found:
        raise RuntimeError(f"PostgreSQL's {name} is not installed (Debian: apt-get install postgresql)")
    return found[-1]  # the newest version


def wait_until_listening(port: int, timeout: float = START_TIMEOUT_SECONDS) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)
    raise RuntimeError(f"nothing listens on 127.0.0.1:{port} after {timeout:.0f} s")


class PrivatePostgres:
    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self.data = directory / "data"
        self.port = free_port()
        self.url = f"postgresql://postgres@127.0.0.1:{self.port}/triage"

    def _run(self, *command: str) -> None:
        as_postgres = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        subprocess.run([*as_postgres, *command], check=True, capture_output=True)

    def create(self) -> None:
        if os.geteuid() == 0:
            shutil.chown(self.directory, "postgres", "postgres")
        self._run(
            postgresql_binary("initdb"), "-D", str(self.data), "-U", "postgres", "--auth=trust", "-E", "UTF8"
        )

    def start(self) -> None:
        options = f"-p {self.port} -c listen_addresses=127.0.0.1 -k {self.directory} -c fsync=off"
        self._run(
            postgresql_binary("pg_ctl"), "-D", str(self.data), "-o", options,
            "-l", str(self.directory / "server.log"), "-w", "start",
        )  # fmt: skip

    def stop(self) -> None:
        """Fast shutdown: open connections are ended, as when the database server is restarted."""
        self._run(postgresql_binary("pg_ctl"), "-D", str(self.data), "-m", "fast", "-w", "stop")


class PrivateRedis:
    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        # As deploy/docker-compose.yml runs it: no persistence, locks are short-lived.
        self.process = subprocess.Popen(
            ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--dir", str(self.directory),
             "--save", "", "--appendonly", "no"],
            stdout=subprocess.DEVNULL,
        )  # fmt: skip
        wait_until_listening(self.port)

    def stop(self) -> None:
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=START_TIMEOUT_SECONDS)
            self.process = None


@contextmanager
def private_stores() -> Iterator[tuple[PrivatePostgres, PrivateRedis]]:
    """A running PostgreSQL (with an empty database `triage`) and Redis; both stopped and deleted afterwards."""
    if shutil.which("redis-server") is None:
        raise RuntimeError("redis-server is not installed (Debian: apt-get install redis-server)")
    directory = Path(
        tempfile.mkdtemp(prefix="private-stores-")
    )  # not under pytest's 0700 root-only directory
    postgres, redis = PrivatePostgres(directory), PrivateRedis(directory)
    try:
        postgres.create()
        postgres.start()
        subprocess.run(
            [
                postgresql_binary("createdb"),
                "-h",
                "127.0.0.1",
                "-p",
                str(postgres.port),
                "-U",
                "postgres",
                "triage",
            ],
            check=True,
        )
        redis.start()
        yield postgres, redis
    finally:
        redis.stop()
        if (postgres.data / "postmaster.pid").exists():
            postgres.stop()
        shutil.rmtree(directory, ignore_errors=True)
