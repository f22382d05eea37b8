"""Retention: `make purge` (python -m bot.privacy.purge) deletes conversations idle for more than
RETENTION_DAYS, on SQLite and PostgreSQL, and keeps every other one whole."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

from bot.privacy.purge import DEFAULT_RETENTION_DAYS, main, retention_days
from bot.server.launcher import PROJECT_ROOT
from tests.conftest import RunningBot
from tests.privacy.conftest import MEMORY_IDLE_SECONDS
from tests.privacy.conversations import new_client
from tests.privacy.stores import age_conversation, stored_events, user_texts


def run_purge(bot: RunningBot, days: int) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bot.privacy.purge"],
        cwd=PROJECT_ROOT,
        env={**bot.env, "RETENTION_DAYS": str(days)},
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )


def test_purge_deletes_only_conversations_idle_longer_than_the_retention_period(
    bot_on_store: RunningBot,
) -> None:
    idle = {"expired": 31.0, "within": 29.0, "today": 0.0}
    clients = {name: new_client(bot_on_store, f"purge-{name}") for name in idle}
    for name, client in clients.items():
        client.send("my left eyelid twitches")
        age_conversation(bot_on_store.env, client.sender, idle[name])
    kept_before = {
        name: stored_events(bot_on_store.env, clients[name].sender) for name in ("within", "today")
    }

    result = run_purge(bot_on_store, days=30)

    assert "deleted 1 conversation(s)" in result.stdout
    assert stored_events(bot_on_store.env, clients["expired"].sender) == []
    for name, events in kept_before.items():
        assert stored_events(bot_on_store.env, clients[name].sender) == events


def test_a_conversation_with_recent_activity_is_kept_whole_however_old_its_start(
    bot_on_store: RunningBot,
) -> None:
    client = new_client(bot_on_store, "purge-resumed")
    client.send("my left eyelid twitches")
    age_conversation(bot_on_store.env, client.sender, 90.0)
    client.send("about 3 days")

    run_purge(bot_on_store, days=30)

    assert user_texts(stored_events(bot_on_store.env, client.sender)) == [
        "my left eyelid twitches",
        "about 3 days",
    ]


def test_a_purged_conversation_is_not_written_back_from_the_running_assistants_memory(
    bot_on_store: RunningBot,
) -> None:
    """On SQLite Rasa keeps recent conversations in memory; purge runs in another process. Real idleness is days,
    far longer than memory keeps a conversation: the wait stands for it, as aging the events stands for the days."""
    client = new_client(bot_on_store, "purge-memory")
    client.send("my left eyelid twitches")
    client.send("about 3 days")
    age_conversation(bot_on_store.env, client.sender, 31.0)
    time.sleep(MEMORY_IDLE_SECONDS + 1)

    run_purge(bot_on_store, days=30)
    client.send("hello")

    assert user_texts(stored_events(bot_on_store.env, client.sender)) == ["hello"]


def test_purge_before_the_assistant_ever_started_has_nothing_to_delete(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([], env={"TRACKER_DB": str(tmp_path / "never-started.db")}) == 0
    assert "deleted 0 conversation(s)" in capsys.readouterr().out


def test_retention_is_thirty_days_unless_set() -> None:
    assert retention_days({}) == DEFAULT_RETENTION_DAYS == 30
    assert retention_days({"RETENTION_DAYS": "7"}) == 7


@pytest.mark.parametrize("value", ["0", "-3", "a month"])
def test_a_retention_period_that_would_delete_everything_or_is_not_a_number_is_refused(
    value: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(ValueError, match="RETENTION_DAYS"):
        retention_days({"RETENTION_DAYS": value})
    assert main([], env={"RETENTION_DAYS": value, "TRACKER_DB": str(tmp_path / "c.db")}) == 2
    assert "RETENTION_DAYS" in capsys.readouterr().err
