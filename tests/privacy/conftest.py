"""One assistant per production tracker store (SQLite and PostgreSQL), shared by the privacy tests.

On SQLite the assistant keeps the conversations of the last MEMORY_IDLE_SECONDS in memory (bot.privacy.recent);
a few seconds here instead of minutes, so that a test can wait for memory to forget a conversation. The turns of
a test follow each other within that time, so erasure and purge are tested with the conversation in memory.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from rasa.shared.core.domain import Domain

from bot.server.launcher import PROJECT_ROOT
from tests.conftest import RunningBot
from tests.privacy.stores import STORES, running_bot_on

MEMORY_IDLE_SECONDS = 5


@pytest.fixture(scope="package", params=STORES)
def bot_on_store(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[RunningBot]:
    with running_bot_on(
        request.param,
        tmp_path_factory.mktemp(f"privacy_{request.param}"),
        "privacy",
        {"TRACKER_MEMORY_IDLE_SECONDS": str(MEMORY_IDLE_SECONDS)},
    ) as bot:
        yield bot


@pytest.fixture(scope="package")
def domain() -> Domain:
    """The assistant's domain, for the tests that build tracker stores themselves."""
    return Domain.load(PROJECT_ROOT / "domain.yml")
