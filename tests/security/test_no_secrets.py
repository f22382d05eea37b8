"""No secret in the repository: every tracked file is scanned for private keys, Slack and Telegram tokens, AWS
keys and passwords written into URLs. Secrets come from the environment only (bot.config)."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

PROJECT_ROOT = Path(__file__).resolve().parents[2]

SECRET_PATTERNS = {
    "private key": re.compile(r"-----BEGIN ([A-Z]+ )*PRIVATE KEY( BLOCK)?-----"),
    "Slack token": re.compile(r"\bxox[abposr]-[0-9A-Za-z-]{10,}"),
    "Slack webhook URL": re.compile(r"hooks\.slack\.com/services/T[0-9A-Z]+/B[0-9A-Z]+/[0-9A-Za-z]+"),
    "Telegram bot token": re.compile(r"\b[0-9]{8,10}:AA[0-9A-Za-z_-]{33}\b"),
    "AWS access key id": re.compile(r"\b(AKIA|ASIA)[0-9A-Z]{16}\b"),
    "AWS secret access key": re.compile(r"aws_secret_access_key\s*[=:]\s*['\"]?[0-9A-Za-z/+]{40}"),
    # user:password@ in a URL, unless the password is a ${VARIABLE}, a <placeholder> or the word "password".
    "password in a URL": re.compile(
        r"\b[a-z][a-z0-9+.-]*://[^\s/:@'\"]+:(?![$<{])(?!(?i:password)@)[^\s/:@'\"]+@"
    ),
}

# Test fixtures that look like secrets and are fake: (path, matched text). Keep this list tiny.
FAKE_FIXTURES = {
    # The channel tests' Slack token: a bot token shape, all zeros, sent only to the local Slack stub.
    ("tests/channels/conftest.py", "xoxb" + "-0000000000-test"),
    # A made-up password with characters that must be percent-encoded, for the URL parsing test.
    ("tests/scaleout/test_store_settings.py", "postgresql://rasa:" + "p%40ss%2Fword@"),
}


def secrets_in(text: str) -> list[tuple[str, str]]:
    """(kind, matched text) of everything in `text` that looks like a secret."""
    return [
        (kind, match.group()) for kind, pattern in SECRET_PATTERNS.items() for match in pattern.finditer(text)
    ]


def tracked_files() -> list[str]:
    listed = subprocess.run(
        ["git", "ls-files", "-z"], cwd=PROJECT_ROOT, capture_output=True, check=True
    ).stdout.decode()
    return [path for path in listed.split("\0") if path and (PROJECT_ROOT / path).is_file()]


def test_no_tracked_file_holds_a_secret() -> None:
    files = tracked_files()
    assert len(files) > 50, "git ls-files listed the repository"
    found = [
        (path, kind, matched)
        for path in files
        for kind, matched in secrets_in((PROJECT_ROOT / path).read_text(errors="replace"))
        if (path, matched) not in FAKE_FIXTURES
    ]
    assert found == []


def test_no_environment_file_is_tracked() -> None:
    env_files = [path for path in tracked_files() if Path(path).name == ".env" or path.endswith("/.env")]
    assert env_files == []


# Built here from pieces, so that the scanned repository never holds them whole.
PLANTED = {
    "private key": "-----BEGIN " + "RSA PRIVATE KEY-----\nMIIEow",
    "Slack token": "token: " + "xoxb" + "-1234567890-0987654321-AbCdEfGhIjKlMnOp",
    "Slack webhook URL": "https://hooks.slack.com/services/" + "T0123ABCD/B0123ABCD/abcdefghijkl",
    "Telegram bot token": "TELEGRAM_TOKEN=" + "1234567890:AA" + "F" * 33,
    "AWS access key id": "AKIA" + "IOSFODNN7EXAMPLE",
    "AWS secret access key": "aws_secret_access_key = " + "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEYab",
    "password in a URL": "TRACKER_STORE_URL=postgresql://rasa:" + "hunter2@db:5432/rasa",
}


@pytest.mark.parametrize("kind", PLANTED)
def test_the_scan_finds_each_kind_of_secret(kind: str) -> None:
    assert kind in {found_kind for found_kind, _ in secrets_in(PLANTED[kind])}


@pytest.mark.parametrize(
    "text",
    [
        "postgresql://rasa:${POSTGRES_PASSWORD}@postgres/rasa",
        "redis://:<password>@redis:6379/0",
        "postgresql://user:password@host:5432/db",
        "postgresql://rasa:PASSWORD@postgres/rasa",
        "https://triage.example.org/webhooks/telegram/webhook",
        'SLACK_TOKEN = os.environ["SLACK_TOKEN"]',
    ],
)
def test_placeholders_and_plain_urls_are_not_secrets(text: str) -> None:
    assert secrets_in(text) == []
