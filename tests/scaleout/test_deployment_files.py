"""deploy/: no Docker engine or cluster runs here, so the files are parsed and checked against the code they
start (the entrypoint, bot.config) and against each other."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
import yaml

from bot.config import credentials_config, endpoints_config, server_settings

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy"
VARIABLE = re.compile(r"\$\{(\w+)(?::?[-?][^}]*)?\}")


def load_entrypoint() -> ModuleType:
    spec = importlib.util.spec_from_file_location("deploy_entrypoint", DEPLOY / "entrypoint.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


entrypoint = load_entrypoint()


def example_env() -> dict[str, str]:
    lines = (DEPLOY / "example.env").read_text().splitlines()
    pairs = (line.split("=", 1) for line in lines if line.strip() and not line.startswith("#"))
    return {name: value for name, value in pairs}


def compose() -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load((DEPLOY / "docker-compose.yml").read_text())
    return loaded


def helm_values() -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load((DEPLOY / "helm" / "values.yaml").read_text())
    return loaded


def interpolate(value: str, env: dict[str, str]) -> str:
    """Docker Compose's ${NAME}, ${NAME:-default} and ${NAME:?error}, with the example .env."""
    return VARIABLE.sub(lambda match: env.get(match.group(1), ""), value)


def channels_with_secrets(credentials: dict[str, Any]) -> list[str]:
    return [
        name for name in credentials if name.startswith(("bot.channels.slack.", "bot.channels.telegram."))
    ]


def service_env(service: str) -> dict[str, str]:
    env = example_env()
    declared = compose()["services"][service]["environment"]
    return {name: interpolate(str(value), env) for name, value in declared.items()}


def test_compose_runs_every_part_of_a_scaled_out_deployment() -> None:
    services = compose()["services"]

    assert set(services) == {"postgres", "redis", "actions", "rasa", "web", "proxy"}
    for role in ("rasa", "actions", "web"):
        assert services[role]["build"] == {"context": "..", "dockerfile": "deploy/Dockerfile"}
        assert services[role]["command"] == [role]
        assert role in entrypoint.ROLES
    assert services["rasa"]["deploy"]["replicas"] >= 2
    assert services["actions"]["deploy"]["replicas"] >= 2


def test_compose_s_rasa_environment_selects_postgresql_and_redis() -> None:
    env = service_env("rasa")
    endpoints = endpoints_config(env, server_settings(env))

    assert endpoints["tracker_store"]["dialect"] == "postgresql"
    assert (endpoints["tracker_store"]["url"], endpoints["tracker_store"]["db"]) == ("postgres", "rasa")
    assert endpoints["tracker_store"]["password"] == example_env()["POSTGRES_PASSWORD"]
    assert endpoints["lock_store"]["type"] == "bot.server.locks.AtomicRedisLockStore"
    assert (endpoints["lock_store"]["url"], endpoints["lock_store"]["port"]) == ("redis", 6379)
    assert endpoints["lock_store"]["password"] == example_env()["REDIS_PASSWORD"]
    assert endpoints["action_endpoint"]["url"] == "http://actions:5055/webhook"


def test_compose_leaves_a_channel_off_until_its_secrets_are_filled_in() -> None:
    env = service_env("rasa")
    assert not channels_with_secrets(credentials_config(env, server_settings(env)))

    env.update(SLACK_TOKEN="xoxb-1", SLACK_SIGNING_SECRET="s")
    assert channels_with_secrets(credentials_config(env, server_settings(env))) == [
        "bot.channels.slack.SlackInput"
    ]


def test_compose_health_checks_use_the_servers_health_endpoints() -> None:
    services = compose()["services"]
    checks = {role: " ".join(services[role]["healthcheck"]["test"]) for role in ("rasa", "actions", "web")}

    assert "http://127.0.0.1:5005/'" in checks["rasa"]
    assert "http://127.0.0.1:5055/health'" in checks["actions"]
    assert "http://127.0.0.1:8080/'" in checks["web"]
    assert services["rasa"]["depends_on"]["actions"] == {"condition": "service_healthy"}


def test_the_proxy_forwards_the_channels_to_the_rasa_replicas_and_the_page_to_the_web_server() -> None:
    nginx = (DEPLOY / "nginx.conf").read_text()

    assert "server rasa:5005;" in nginx and "server web:8080;" in nginx
    assert "ip_hash;" in nginx  # socket.io long-polling needs one replica per session
    # Only these reach the outside: Rasa's HTTP API (/conversations, /model, ...) stays internal.
    assert re.findall(r"location (.+?) \{", nginx) == ["= /healthz", "/socket.io/", "/webhooks/", "/"]
    root = nginx[nginx.index("location / {") :]
    assert "proxy_pass http://web;" in root


def test_every_file_the_dockerfile_copies_exists_in_the_repository() -> None:
    dockerfile = (DEPLOY / "Dockerfile").read_text()
    copies = re.findall(r"^COPY (?!--from)(.+) \S+$", dockerfile, flags=re.MULTILINE)

    sources = [source for line in copies for source in line.split()]
    assert "requirements.lock" in sources and "bot" in sources
    missing = [source for source in sources if not (ROOT / source).exists()]
    assert missing == []
    assert 'ENTRYPOINT ["python", "deploy/entrypoint.py"]' in dockerfile


def test_helm_values_run_the_image_s_rasa_and_action_server_with_the_stores_from_a_secret() -> None:
    values = helm_values()
    actions = values["rasa-action-server"]
    env = {item["name"]: item for item in values["extraEnv"]}

    assert values["replicaCount"] >= 2
    assert values["image"]["repository"] == actions["image"]["repository"]
    assert values["command"] == actions["command"] == ["python", "deploy/entrypoint.py"]
    assert (values["args"], actions["args"]) == (["rasa"], ["actions"])
    assert values["applicationSettings"]["initialModel"] == ""  # the model is in the image
    assert env["TRACKER_STORE_URL"]["valueFrom"]["secretKeyRef"]["key"] == "TRACKER_STORE_URL"
    assert env["LOCK_STORE_URL"]["valueFrom"]["secretKeyRef"]["key"] == "LOCK_STORE_URL"
    action_port = actions["service"]["port"]
    assert (
        env["ACTION_ENDPOINT_URL"]["value"]
        == f"http://twitch-triage-rasa-action-server:{action_port}/webhook"
    )
    assert values["livenessProbe"]["httpGet"]["path"] == "/"
    assert values["readinessProbe"]["httpGet"]["path"] == "/version"
    assert actions["readinessProbe"]["httpGet"]["path"] == "/health"


def test_helm_channel_secrets_are_optional_so_a_missing_one_leaves_its_channel_off() -> None:
    env = {item["name"]: item for item in helm_values()["extraEnv"]}
    for name in ("SLACK_TOKEN", "SLACK_SIGNING_SECRET", "TELEGRAM_TOKEN", "TELEGRAM_SECRET_TOKEN"):
        assert env[name]["valueFrom"]["secretKeyRef"]["optional"] is True


def test_the_rasa_role_renders_the_configuration_and_listens_beyond_the_loopback(tmp_path: Path) -> None:
    env = entrypoint.container_env(
        {
            "BOT_RUNTIME_DIR": str(tmp_path),
            "BOT_AUTH_TOKEN": "a-token-made-for-this-test",
            # The machine's real PostgreSQL: the entrypoint checks the database answers before starting Rasa.
            "TRACKER_STORE_URL": "postgresql://postgres@127.0.0.1:5432/postgres",
        }
    )
    command = entrypoint.command_for("rasa", env)

    assert command[command.index("--interface") + 1] == "0.0.0.0"
    assert command[command.index("--endpoints") + 1] == str(tmp_path / "endpoints.yml")
    rendered = yaml.safe_load((tmp_path / "endpoints.yml").read_text())
    assert rendered["tracker_store"]["dialect"] == "postgresql"
    assert not channels_with_secrets(yaml.safe_load((tmp_path / "credentials.yml").read_text()))


def test_the_rasa_role_refuses_a_public_http_api_without_a_token(tmp_path: Path) -> None:
    env = entrypoint.container_env({"BOT_RUNTIME_DIR": str(tmp_path)})

    with pytest.raises(SystemExit, match=r"Not starting: Refusing to serve the Rasa HTTP API on 0\.0\.0\.0"):
        entrypoint.command_for("rasa", env)
    assert not (tmp_path / "credentials.yml").exists()


def test_the_action_server_and_the_page_listen_beyond_the_loopback() -> None:
    env = entrypoint.container_env({})

    assert env["SANIC_HOST"] == "0.0.0.0"  # read by rasa_sdk
    web = entrypoint.command_for("web", env)
    assert web[web.index("--host") + 1] == "0.0.0.0"
    assert "rasa_sdk" in entrypoint.command_for("actions", env)


def test_an_unknown_role_stops_the_container_with_the_roles_it_knows() -> None:
    with pytest.raises(SystemExit, match="rasa, actions, web"):
        entrypoint.command_for("worker", entrypoint.container_env({}))
