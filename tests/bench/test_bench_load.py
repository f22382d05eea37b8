"""The load shapes and measurements of `make bench` (bot.eval.bench_load), against a real local HTTP server
that answers like Rasa's REST webhook, and real processes."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import ClassVar

import pytest

from bot.eval.bench_load import (
    concurrent_round,
    conversation_latencies,
    machine_description,
    process_tree,
    resident_bytes,
    serial_latencies,
    tree_resident_bytes,
    wait_until_answering,
)

REPLY_DELAY = 0.02


class EchoWebhook(BaseHTTPRequestHandler):
    """Answers each message after REPLY_DELAY with one text reply; "silence" gets no reply at all."""

    received: ClassVar[list[dict[str, str]]] = []

    def do_POST(self) -> None:
        message = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        self.received.append(message)
        time.sleep(REPLY_DELAY)
        replies = (
            [] if message["message"] == "silence" else [{"recipient_id": message["sender"], "text": "ok"}]
        )
        body = json.dumps(replies).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass  # keep the test output readable


class Server(ThreadingHTTPServer):
    request_queue_size = 64  # 20 people connect at once; the default backlog of 5 resets some of them


@pytest.fixture
def webhook() -> Iterator[str]:
    EchoWebhook.received = []
    server = Server(("127.0.0.1", 0), EchoWebhook)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_a_conversation_is_one_sender_and_one_latency_per_message(webhook: str) -> None:
    latencies = conversation_latencies(webhook, ["hi", "no", "bye"], "test")
    assert len(latencies) == 3
    assert all(latency >= REPLY_DELAY for latency in latencies)
    assert [m["message"] for m in EchoWebhook.received] == ["hi", "no", "bye"]
    assert len({m["sender"] for m in EchoWebhook.received}) == 1


def test_serial_conversations_are_new_people(webhook: str) -> None:
    latencies = serial_latencies(webhook, ["hi", "bye"], conversations=3, prefix="test")
    assert len(latencies) == 6
    assert len({m["sender"] for m in EchoWebhook.received}) == 3


def test_a_message_without_reply_is_a_failure_not_a_fast_answer(webhook: str) -> None:
    with pytest.raises(RuntimeError, match="no reply"):
        conversation_latencies(webhook, ["hi", "silence"], "test")


def test_concurrent_conversations_overlap_in_time(webhook: str) -> None:
    round_ = concurrent_round(webhook, ["a", "b", "c"], conversations=20, prefix="test")
    assert len(round_.latencies) == 60
    assert len({m["sender"] for m in EchoWebhook.received}) == 20
    # Serially, 60 delayed replies would take 60 * REPLY_DELAY; at once, about 3 of them.
    assert round_.wall_seconds < 60 * REPLY_DELAY / 2
    assert round_.throughput > 1 / REPLY_DELAY


def test_ready_when_the_webhook_answers(webhook: str) -> None:
    wait_until_answering(webhook, timeout=5)
    assert EchoWebhook.received[0]["message"] == "hello"


def test_waiting_stops_when_the_server_has_exited() -> None:
    with pytest.raises(RuntimeError, match="exited"):
        wait_until_answering("http://127.0.0.1:9", timeout=5, is_alive=lambda: False)


def test_memory_counts_the_process_and_its_children() -> None:
    # Both processes say "ready" only once they are asleep: measured while an interpreter
    # is still starting, the same tree reads differently twice in a row.
    asleep = "print('ready', flush=True); time.sleep(30)"
    child = f"import time; {asleep}"
    code = f"import subprocess, sys, time; subprocess.Popen([sys.executable, '-c', {child!r}]); {asleep}"
    parent = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    try:
        assert parent.stdout is not None
        assert [parent.stdout.readline().strip() for _ in range(2)] == ["ready", "ready"]
        tree = process_tree(parent.pid)
        assert tree[0] == parent.pid and len(tree) == 2
        assert tree_resident_bytes([parent.pid]) == sum(resident_bytes(pid) for pid in tree)
        assert tree_resident_bytes([parent.pid]) > resident_bytes(parent.pid) > 0
        # A process given beside its ancestor is still one process.
        assert tree_resident_bytes(tree) == tree_resident_bytes([parent.pid])
    finally:
        for pid in reversed(process_tree(parent.pid)):
            subprocess.run(["kill", str(pid)], check=False)
        parent.wait()


def test_an_ended_process_has_no_memory() -> None:
    ended = subprocess.Popen([sys.executable, "-c", "pass"])
    ended.wait()
    assert resident_bytes(ended.pid) == 0


def test_machine_description_names_cpu_cores_and_memory() -> None:
    machine = machine_description()
    assert int(machine["cores available"]) >= 1
    assert machine["memory"].endswith("GiB")
    assert machine["CPU"]
