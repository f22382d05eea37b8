"""A private assistant for one evaluation run, started as `make run` starts it (bot.server.launcher)."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from bot.server.launcher import free_port, start_all


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
