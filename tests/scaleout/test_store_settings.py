"""Replicas share their state only through the stores the environment names (bot.config)."""

from __future__ import annotations

from typing import Any

import pytest

from bot.config import (
    DEFAULT_MEMORY_CONVERSATIONS,
    DEFAULT_MEMORY_IDLE_SECONDS,
    SQLITE_TRACKER_STORE_TYPE,
    TRACKER_STORE_TYPE,
    endpoints_config,
    lock_store_config,
    server_settings,
    tracker_store_config,
)


def without_type(config: dict[str, Any]) -> dict[str, Any]:
    """The store's settings; its class (Rasa's SQL store or a subclass of it) is not this file's concern."""
    return {key: value for key, value in config.items() if key != "type"}


def test_by_default_conversations_go_to_sqlite_and_locks_stay_in_memory() -> None:
    env = {"TRACKER_DB": "/srv/triage/conversations.db"}
    endpoints = endpoints_config(env, server_settings(env))

    assert without_type(endpoints["tracker_store"]) == {
        "dialect": "sqlite",
        "db": "/srv/triage/conversations.db",
        "memory_idle_seconds": DEFAULT_MEMORY_IDLE_SECONDS,
        "memory_max_conversations": DEFAULT_MEMORY_CONVERSATIONS,
    }
    assert "lock_store" not in endpoints  # one process: Rasa's in-memory lock store is enough


def test_only_the_one_process_sqlite_set_up_keeps_conversations_in_memory() -> None:
    memory = {"TRACKER_MEMORY_IDLE_SECONDS": "120", "TRACKER_MEMORY_CONVERSATIONS": "50"}
    sqlite = tracker_store_config(memory)
    postgresql = tracker_store_config({**memory, "TRACKER_STORE_URL": "postgresql://db/rasa"})

    assert sqlite["type"] == SQLITE_TRACKER_STORE_TYPE
    assert (sqlite["memory_idle_seconds"], sqlite["memory_max_conversations"]) == (120, 50)
    assert postgresql["type"] == TRACKER_STORE_TYPE
    assert not any(key.startswith("memory_") for key in postgresql)


@pytest.mark.parametrize("variable", ["TRACKER_MEMORY_IDLE_SECONDS", "TRACKER_MEMORY_CONVERSATIONS"])
def test_zero_turns_the_memory_off(variable: str) -> None:
    config = tracker_store_config({variable: "0"})

    assert config["type"] == TRACKER_STORE_TYPE
    assert not any(key.startswith("memory_") for key in config)


@pytest.mark.parametrize(
    ("env", "reason"),
    [
        ({"TRACKER_MEMORY_IDLE_SECONDS": "86400"}, "make purge"),
        ({"TRACKER_MEMORY_IDLE_SECONDS": "ten minutes"}, "whole number"),
        ({"TRACKER_MEMORY_CONVERSATIONS": "-1"}, "0 or more"),
    ],
)
def test_a_memory_setting_that_could_outlive_purge_or_is_not_a_number_is_refused(
    env: dict[str, str], reason: str
) -> None:
    with pytest.raises(ValueError, match=reason):
        tracker_store_config(env)


def test_a_postgresql_url_selects_the_postgresql_tracker_store() -> None:
    config = tracker_store_config(
        {"TRACKER_STORE_URL": "postgresql://rasa:p%40ss%2Fword@db.internal:6543/triage"}
    )

    assert without_type(config) == {
        "dialect": "postgresql",
        "url": "db.internal",
        "port": 6543,
        "db": "triage",
        "login_db": "postgres",
        "username": "rasa",
        "password": "p@ss/word",
    }


def test_postgresql_defaults_and_the_login_database() -> None:
    config = tracker_store_config(
        {"TRACKER_STORE_URL": "postgres://db", "TRACKER_STORE_LOGIN_DB": "rasa_admin"}
    )

    assert (config["url"], config["port"], config["db"], config["login_db"]) == (
        "db",
        5432,
        "rasa",
        "rasa_admin",
    )
    assert "username" not in config and "password" not in config


def test_a_tracker_store_url_that_is_not_postgresql_is_refused_at_start() -> None:
    with pytest.raises(ValueError, match="postgresql://"):
        tracker_store_config({"TRACKER_STORE_URL": "mysql://db/rasa"})


def test_a_redis_url_selects_the_redis_lock_store_with_its_key_prefix() -> None:
    env = {"LOCK_STORE_URL": "redis://:s3cret@redis.internal:6380/2", "LOCK_STORE_PREFIX": "triageprod"}
    endpoints = endpoints_config(env, server_settings(env))

    assert endpoints["lock_store"] == {
        "type": "bot.server.locks.AtomicRedisLockStore",
        "url": "redis.internal",
        "port": 6380,
        "db": 2,
        "key_prefix": "triageprod",
        "password": "s3cret",
    }
    assert lock_store_config({"LOCK_STORE_URL": "redis://redis"}) == {
        "type": "bot.server.locks.AtomicRedisLockStore",
        "url": "redis",
        "port": 6379,
        "db": 0,
        "key_prefix": "twitchtriage",
    }


def test_the_action_server_url_can_point_at_a_load_balanced_service() -> None:
    env = {"ACTION_ENDPOINT_URL": "http://actions:5055/webhook"}
    assert endpoints_config(env, server_settings(env))["action_endpoint"] == {
        "url": "http://actions:5055/webhook"
    }
