"""One assistant per production tracker store (SQLite and PostgreSQL), shared by the privacy tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.conftest import RunningBot
from tests.privacy.stores import STORES, running_bot_on


@pytest.fixture(scope="package", params=STORES)
def bot_on_store(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[RunningBot]:
    with running_bot_on(request.param, tmp_path_factory.mktemp(f"privacy_{request.param}"), "privacy") as bot:
        yield bot
