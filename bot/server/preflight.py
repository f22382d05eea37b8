"""Checks made before Rasa starts, so that a mistake in the set-up stops `make run` at once, with the reason.

Without them Rasa starts an unprotected HTTP API on a public address without a word, and retries an unreachable
database every five seconds for ever (rasa.core.tracker_store.SQLTrackerStore), looking as if it hangs.
"""

from __future__ import annotations

import ipaddress
import sqlite3
from collections.abc import Mapping
from typing import Any

import sqlalchemy as sa

from bot.config import ServerSettings, lock_store_config, tracker_store_config
from bot.privacy.database import connect_timeout_args, database_url, sqlite_path

CONNECT_TIMEOUT_SECONDS = 5


class StartupError(RuntimeError):
    """The set-up is wrong in a way that the deployer must fix; the message says how."""


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False  # a host name other than localhost may resolve to anything


def check_http_api_protected(settings: ServerSettings) -> None:
    """The HTTP API reads and rewrites every conversation: off this machine, only with a token or JWT secret."""
    if is_loopback(settings.host) or settings.auth_token or settings.jwt_secret:
        return
    raise StartupError(
        f"Refusing to serve the Rasa HTTP API on {settings.host} without authentication: anyone who can reach "
        "it could read every conversation. Set BOT_AUTH_TOKEN (or BOT_JWT_SECRET), or set BOT_HOST=127.0.0.1."
    )


def check_sqlite_writable(store: Mapping[str, Any]) -> None:
    path = sqlite_path(store)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        connection = sqlite3.connect(path, timeout=CONNECT_TIMEOUT_SECONDS)
        try:
            # Taking the write lock proves the file can be written, without changing it.
            connection.execute("BEGIN IMMEDIATE")
            connection.rollback()
        finally:
            connection.close()
    except (OSError, sqlite3.Error) as error:
        raise StartupError(
            f"The conversation database {path} cannot be written ({error}). "
            "Set TRACKER_DB to a writable file, or fix the permissions."
        ) from error


def check_postgresql_reachable(store: Mapping[str, Any]) -> None:
    # Rasa connects to the login database first and creates its own database there if missing.
    database = store.get("login_db") or store["db"]
    url = database_url(store, database=database)
    engine = sa.create_engine(url, connect_args=connect_timeout_args(store, CONNECT_TIMEOUT_SECONDS))
    try:
        with engine.connect():
            pass
    except sa.exc.SQLAlchemyError as error:
        raise StartupError(
            f"Cannot connect to the conversation database at {store.get('url')}:{store.get('port')} "
            f"(database {database}): {_first_line(error)}. Check TRACKER_STORE_URL and that PostgreSQL is running."
        ) from error
    finally:
        engine.dispose()


def check_tracker_store(env: Mapping[str, str]) -> None:
    store = tracker_store_config(env)
    if store["dialect"] == "sqlite":
        check_sqlite_writable(store)
    else:
        check_postgresql_reachable(store)


def check_lock_store(env: Mapping[str, str]) -> None:
    """With several replicas, a turn must not run without its lock: an unreachable Redis is fatal at start."""
    store = lock_store_config(env)
    if store is None:
        return
    import redis  # comes with Rasa; only needed when a Redis lock store is configured

    client = redis.Redis(
        host=store["url"],
        port=store["port"],
        db=store["db"],
        password=store.get("password"),
        socket_connect_timeout=CONNECT_TIMEOUT_SECONDS,
        socket_timeout=CONNECT_TIMEOUT_SECONDS,
    )
    try:
        client.ping()
    except redis.RedisError as error:
        raise StartupError(
            f"Cannot reach the Redis lock store at {store['url']}:{store['port']}: {error}. "
            "Check LOCK_STORE_URL and that Redis is running."
        ) from error
    finally:
        client.close()


def check_before_start(env: Mapping[str, str], settings: ServerSettings) -> None:
    check_http_api_protected(settings)
    check_tracker_store(env)
    check_lock_store(env)


def _first_line(error: BaseException) -> str:
    """The driver's own words, without SQLAlchemy's trailing background link."""
    original = getattr(error, "orig", None) or error
    return str(original).strip().splitlines()[0] if str(original).strip() else type(original).__name__
