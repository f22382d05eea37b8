"""Runtime configuration from environment variables: which stores and channels Rasa uses, on which ports.

Rasa reads endpoints.yml and credentials.yml, and fails at start when a `${VAR}` in them is unset. So the
launcher renders both files from the environment instead: one machine gets SQLite and the secret-free channels,
a deployment sets URLs and secrets, and a channel whose secrets are missing is left off with one log line.

Every reader of the environment (the launcher, the container entrypoint, `make purge`, the chat page's server)
parses it here, and this module imports nothing of ours, so any package may depend on it and none on another
for its settings (tests/test_import_graph.py).
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import unquote, urlparse

logger = logging.getLogger(__name__)

DEFAULT_SQLITE_PATH = "var/conversations.db"
REST_CHANNEL = "bot.channels.rest.GuardedRestInput"
SOCKETIO_CHANNEL = "bot.channels.socketio.GuardedSocketIOInput"
# Rasa's SQL tracker store, plus erasure on request ("delete my data"); see bot.privacy.store.
TRACKER_STORE_TYPE = "bot.privacy.store.ErasableSQLTrackerStore"
# The same on SQLite, which means one Rasa process, with the conversations of the last few minutes also kept in
# that process's memory (bot.privacy.recent). Never with PostgreSQL: replicas would read each other's stale copies.
SQLITE_TRACKER_STORE_TYPE = "bot.privacy.store.RecentInMemorySQLiteTrackerStore"
# Ten minutes covers the pauses of someone typing their answers; a conversation idle for longer is read back
# from SQLite once. A whole intake takes about 30 kB in memory (81 events, measured), so 500 take some 15 MB.
DEFAULT_MEMORY_IDLE_SECONDS = 600
DEFAULT_MEMORY_CONVERSATIONS = 500
# The shortest retention `make purge` accepts (RETENTION_DAYS >= 1). Memory must forget a conversation before
# purge may delete it, or the next message would write it back.
SHORTEST_RETENTION_SECONDS = 86_400


@dataclass(frozen=True)
class ServerSettings:
    host: str
    rasa_port: int
    action_port: int
    web_port: int
    auth_token: str | None
    cors_origins: tuple[str, ...]
    jwt_secret: str | None = None

    @property
    def action_url(self) -> str:
        return f"http://127.0.0.1:{self.action_port}/webhook"


def server_settings(env: Mapping[str, str]) -> ServerSettings:
    host = env.get("BOT_HOST", "127.0.0.1")
    auth_token = env.get("BOT_AUTH_TOKEN") or None
    web_port = int(env.get("WEB_PORT", "8080"))
    default_origin = f"http://127.0.0.1:{web_port},http://localhost:{web_port}"
    origins = tuple(o.strip() for o in env.get("CORS_ORIGINS", default_origin).split(",") if o.strip())
    return ServerSettings(
        host=host,
        rasa_port=int(env.get("RASA_PORT", "5005")),
        action_port=int(env.get("ACTION_PORT", "5055")),
        web_port=web_port,
        auth_token=auth_token,
        cors_origins=origins,
        jwt_secret=env.get("BOT_JWT_SECRET") or None,
    )


def tracker_store_config(env: Mapping[str, str]) -> dict[str, Any]:
    """SQLite in a file by default (TRACKER_DB), PostgreSQL when TRACKER_STORE_URL is a postgresql:// URL."""
    url = env.get("TRACKER_STORE_URL")
    if not url:
        memory = tracker_memory_config(env)
        return {
            "type": SQLITE_TRACKER_STORE_TYPE if memory else TRACKER_STORE_TYPE,
            "dialect": "sqlite",
            "db": env.get("TRACKER_DB", DEFAULT_SQLITE_PATH),
            **memory,
        }
    parsed = urlparse(url)
    if parsed.scheme not in ("postgresql", "postgres"):
        raise ValueError(f"TRACKER_STORE_URL must be a postgresql:// URL, not {parsed.scheme}://")
    config: dict[str, Any] = {
        "type": TRACKER_STORE_TYPE,
        "dialect": "postgresql",
        "url": parsed.hostname or "127.0.0.1",
        "port": parsed.port or 5432,
        "db": parsed.path.lstrip("/") or "rasa",
        "login_db": env.get("TRACKER_STORE_LOGIN_DB", "postgres"),
    }
    if parsed.username:
        config["username"] = unquote(parsed.username)
    if parsed.password:
        config["password"] = unquote(parsed.password)
    return config


def tracker_memory_config(env: Mapping[str, str]) -> dict[str, int]:
    """How long (seconds since a conversation's latest event) and how many conversations the SQLite store keeps
    in memory; empty when either variable is 0, which turns the memory off."""
    idle_seconds = whole_number(env, "TRACKER_MEMORY_IDLE_SECONDS", DEFAULT_MEMORY_IDLE_SECONDS)
    conversations = whole_number(env, "TRACKER_MEMORY_CONVERSATIONS", DEFAULT_MEMORY_CONVERSATIONS)
    if idle_seconds >= SHORTEST_RETENTION_SECONDS:
        raise ValueError(
            f"TRACKER_MEMORY_IDLE_SECONDS must be under {SHORTEST_RETENTION_SECONDS} (a day, the shortest "
            f"RETENTION_DAYS), not {idle_seconds}: `make purge` could delete a conversation still kept in memory."
        )
    if idle_seconds == 0 or conversations == 0:
        return {}
    return {"memory_idle_seconds": idle_seconds, "memory_max_conversations": conversations}


def lock_store_config(env: Mapping[str, str]) -> dict[str, Any] | None:
    """Redis locks (needed with several Rasa replicas) when LOCK_STORE_URL is set; in-memory otherwise."""
    url = env.get("LOCK_STORE_URL")
    if not url:
        return None
    parsed = urlparse(url)
    config: dict[str, Any] = {
        # Rasa's Redis lock store with atomic changes: two replicas can otherwise run one conversation's turns at once
        "type": "bot.server.locks.AtomicRedisLockStore",
        "url": parsed.hostname or "127.0.0.1",
        "port": parsed.port or 6379,
        "db": int(parsed.path.lstrip("/") or 0),
        "key_prefix": env.get("LOCK_STORE_PREFIX", "twitchtriage"),
    }
    if parsed.password:
        config["password"] = unquote(parsed.password)
    return config


def endpoints_config(env: Mapping[str, str], settings: ServerSettings) -> dict[str, Any]:
    endpoints: dict[str, Any] = {
        "action_endpoint": {"url": env.get("ACTION_ENDPOINT_URL", settings.action_url)},
        "tracker_store": tracker_store_config(env),
    }
    lock_store = lock_store_config(env)
    if lock_store:
        endpoints["lock_store"] = lock_store
    return endpoints


def credentials_config(env: Mapping[str, str], settings: ServerSettings) -> dict[str, Any]:
    # Rasa's REST and socket.io channels behind bot.channels.guard's input checks and per-sender rate limit
    # (messages per minute; when unset, the guard's default).
    rate_limit = env.get("RATE_LIMIT_PER_MINUTE")
    credentials: dict[str, Any] = {
        REST_CHANNEL: {"rate_limit_per_minute": rate_limit},
        SOCKETIO_CHANNEL: {
            "user_message_evt": "user_uttered",
            "bot_message_evt": "bot_uttered",
            "session_persistence": True,
            "rate_limit_per_minute": rate_limit,
            "cors_allowed_origins": list(settings.cors_origins),
        },
    }
    slack = _channel_from_env(
        env,
        "slack",
        required={"slack_token": "SLACK_TOKEN", "slack_signing_secret": "SLACK_SIGNING_SECRET"},
        optional={"api_base_url": "SLACK_API_BASE_URL", "slack_channel": "SLACK_CHANNEL"},
    )
    if slack:
        # Answers go in the person's thread, and a thread is a conversation (see bot.channels.slack).
        credentials["bot.channels.slack.SlackInput"] = {
            **slack,
            "use_threads": True,
            "conversation_granularity": "thread",
        }
    telegram = _channel_from_env(
        env,
        "telegram",
        required={
            "access_token": "TELEGRAM_TOKEN",
            "verify": "TELEGRAM_BOT_NAME",
            "webhook_url": "TELEGRAM_WEBHOOK_URL",
            "secret_token": "TELEGRAM_SECRET_TOKEN",
        },
        optional={"api_base_url": "TELEGRAM_API_BASE_URL"},
    )
    if telegram:
        credentials["bot.channels.telegram.SecretTokenTelegramInput"] = telegram
    return credentials


def _channel_from_env(
    env: Mapping[str, str],
    channel: str,
    required: Mapping[str, str],
    optional: Mapping[str, str],
) -> dict[str, str] | None:
    """The channel's credentials (key -> value of its variable), or None and one log line saying what is missing."""
    missing = [variable for variable in required.values() if not env.get(variable)]
    if missing:
        logger.info("The %s channel is off: set %s to turn it on.", channel, ", ".join(missing))
        return None
    wanted = {**required, **optional}
    return {key: env[variable] for key, variable in wanted.items() if env.get(variable)}


def whole_number(env: Mapping[str, str], variable: str, default: int, minimum: int = 0) -> int:
    """The variable as a whole number of at least `minimum`, `default` when unset; ValueError naming it otherwise."""
    raw = env.get(variable, str(default))
    try:
        value = int(raw)
    except ValueError:
        raise ValueError(f"{variable} must be a whole number, not {raw!r}") from None
    if value < minimum:
        raise ValueError(f"{variable} must be {minimum} or more, not {value}")
    return value
