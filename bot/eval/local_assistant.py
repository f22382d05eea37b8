"""What the evaluation scripts share: a private assistant started as `make run` starts it (bot.server.launcher),
the options that choose it, and how a run's bars are reported."""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from bot.server.launcher import DEFAULT_MODEL, free_port, start_all


@contextmanager
def local_assistant(model: Path) -> Iterator[str]:
    """A private assistant for this run: nothing it stores outlives it, nothing else shares its ports."""
    with tempfile.TemporaryDirectory(prefix="eval-dialogue-") as runtime_dir:
        env = {
            **os.environ,
            "RASA_PORT": str(free_port()),
            "ACTION_PORT": str(free_port()),
            "TRACKER_DB": str(Path(runtime_dir) / "conversations.db"),
            "BOT_RUNTIME_DIR": runtime_dir,
        }
        servers, settings = start_all(env, model, with_web=False)
        try:
            yield f"http://127.0.0.1:{settings.rasa_port}"
        finally:
            servers.stop()


def add_assistant_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--url", help="a running assistant (e.g. http://127.0.0.1:5005); default: start one")
    parser.add_argument("--token", default=os.environ.get("BOT_AUTH_TOKEN"), help="HTTP API token, if set")
    parser.add_argument("--model", type=Path, default=DEFAULT_MODEL)


def against_assistant(args: argparse.Namespace, evaluate: Callable[[str], int]) -> int:
    """`evaluate(base_url)` against the assistant at --url, or a private one started from --model."""
    if args.url:
        return evaluate(args.url.rstrip("/"))
    if not args.model.exists():
        print(f"no trained model at {args.model}: run `make train` first", file=sys.stderr)
        return 2
    with local_assistant(args.model) as base_url:
        return evaluate(base_url)


def verdict(report: Path, missed: Sequence[str]) -> int:
    """Say where the report is and whether every bar was met; the exit status."""
    print(f"\nReport: {report}")
    if missed:
        print("FAILED: " + "; ".join(missed))
        return 1
    print("All bars met.")
    return 0
