"""The load shapes and the measurements `make bench` takes of a running assistant: conversations over REST,
the resident memory of its processes, and the machine it ran on."""

from __future__ import annotations

import os
import platform
import threading
import time
import urllib.error
import uuid
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from bot.eval.bench import Round
from bot.eval.rest_client import ChatClient

PROC = Path("/proc")


def conversation_latencies(base_url: str, messages: Sequence[str], prefix: str) -> list[float]:
    """Send the messages one after the other as a new person; each message's seconds until its replies came.

    A message left without any reply counts as a failure, so that a broken assistant cannot look fast.
    """
    chat = ChatClient(base_url, f"{prefix}-{uuid.uuid4().hex[:12]}")
    latencies = []
    for text in messages:
        started = time.perf_counter()
        replies = chat.send(text)
        latencies.append(time.perf_counter() - started)
        if not replies:
            raise RuntimeError(f"{base_url} sent no reply to {text!r}")
    return latencies


def serial_latencies(base_url: str, messages: Sequence[str], conversations: int, prefix: str) -> list[float]:
    latencies: list[float] = []
    for _ in range(conversations):
        latencies += conversation_latencies(base_url, messages, prefix)
    return latencies


def concurrent_round(base_url: str, messages: Sequence[str], conversations: int, prefix: str) -> Round:
    """`conversations` people at once, each sending the whole conversation; all start at the same moment."""
    start_line = threading.Barrier(conversations + 1)

    def one_person() -> list[float]:
        start_line.wait()
        return conversation_latencies(base_url, messages, prefix)

    with ThreadPoolExecutor(max_workers=conversations) as pool:
        futures = [pool.submit(one_person) for _ in range(conversations)]
        start_line.wait()
        started = time.perf_counter()
        results = [future.result() for future in futures]
        wall = time.perf_counter() - started
    return Round(wall, tuple(latency for result in results for latency in result))


def wait_until_answering(base_url: str, timeout: float, is_alive: Callable[[], bool] | None = None) -> None:
    """Until the REST webhook answers a message: the moment a person could start chatting."""
    deadline = time.monotonic() + timeout
    chat = ChatClient(base_url, f"ready-probe-{uuid.uuid4().hex[:8]}", timeout=10)
    while time.monotonic() < deadline:
        if is_alive is not None and not is_alive():
            raise RuntimeError(f"{base_url}: the server exited before it answered")
        try:
            chat.send("hello")
            return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.2)
    raise RuntimeError(f"{base_url} did not answer within {timeout:.0f} s")


def _children_by_parent() -> dict[int, list[int]]:
    children: dict[int, list[int]] = {}
    for entry in PROC.iterdir():
        if not entry.name.isdigit():
            continue
        try:
            # The command name (field 2) may hold spaces and parentheses: the parent pid follows the last ')'.
            parent = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue  # the process ended while we looked
        children.setdefault(parent, []).append(int(entry.name))
    return children


def process_tree(pid: int) -> list[int]:
    """The process and all its descendants."""
    children = _children_by_parent()
    tree, pending = [], [pid]
    while pending:
        current = pending.pop()
        tree.append(current)
        pending += children.get(current, [])
    return tree


def resident_bytes(pid: int) -> int:
    """VmRSS of one process (0 if it has ended)."""
    try:
        status = (PROC / str(pid) / "status").read_text()
    except OSError:
        return 0
    for line in status.splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) * 1024
    return 0


def tree_resident_bytes(pids: Sequence[int]) -> int:
    """Resident memory of these processes and their descendants, summed (the figure `ps` and `top` show).

    Each process counts once, also when both it and an ancestor are given: the launcher's children are
    supervisord and, under it, Rasa and the action server, which were counted twice before (2,004 MiB reported
    for about 1,000 in the run of 2026-12-04 18:13)."""
    return sum(resident_bytes(p) for p in {p for root in pids for p in process_tree(root)})


def load_average() -> str:
    one, five, fifteen = os.getloadavg()
    return f"{one:.2f} {five:.2f} {fifteen:.2f}"


def _cpu_model() -> str:
    try:
        for line in (PROC / "cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def _memory_total() -> str:
    try:
        for line in (PROC / "meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                return f"{int(line.split()[1]) / 2**20:.1f} GiB"
    except OSError:
        pass
    return "unknown"


def machine_description() -> dict[str, str]:
    return {
        "CPU": _cpu_model(),
        "cores available": str(len(os.sched_getaffinity(0))),
        "memory": _memory_total(),
        "system": f"{platform.system()} {platform.release()}",
        "Python": platform.python_version(),
    }
