"""The FHIR endpoint's answers (bot.web.fhir_api) on a tracker-store database made here, without the servers;
tests/doctor_summary/ test it through the running servers."""

from __future__ import annotations

import json
from pathlib import Path

import sqlalchemy as sa
from fhir.resources.bundle import Bundle

from bot.web.fhir_api import SummaryApi, bearer_token, conversation_id_of
from tests.doctor_summary.conversations import assessed_events

TOKEN = "a-token-made-for-this-test"


def database_with(path: Path, conversations: dict[str, list[dict[str, object]]]) -> dict[str, str]:
    """A SQLite file with Rasa's `events` table holding these conversations; the environment that names it."""
    engine = sa.create_engine(f"sqlite:///{path}")
    metadata = sa.MetaData()
    events = sa.Table(
        "events",
        metadata,
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("sender_id", sa.String(255)),
        sa.Column("type_name", sa.String(255)),
        sa.Column("timestamp", sa.Float),
        sa.Column("data", sa.Text),
    )
    metadata.create_all(engine)
    with engine.begin() as connection:
        for sender, stored in conversations.items():
            for event in stored:
                row = {
                    "sender_id": sender,
                    "type_name": event["event"],
                    "timestamp": 0.0,
                    "data": json.dumps(event),
                }
                connection.execute(events.insert().values(**row))
    engine.dispose()
    return {"TRACKER_DB": str(path), "BOT_AUTH_TOKEN": TOKEN}


def test_the_path_names_the_conversation() -> None:
    assert conversation_id_of("/api/conversations/abc/summary.fhir.json") == "abc"
    assert conversation_id_of("/api/conversations/a%2Fb%20c/summary.fhir.json?x=1") == "a/b c"
    assert conversation_id_of("/api/conversations/a/b/summary.fhir.json") is None
    assert conversation_id_of("/api/conversations//summary.fhir.json") is None
    assert conversation_id_of("/widget.js") is None


def test_only_a_bearer_header_carries_a_token() -> None:
    assert bearer_token(f"Bearer {TOKEN}") == TOKEN
    assert bearer_token(f"bearer   {TOKEN} ") == TOKEN
    assert bearer_token("Bearer") is None and bearer_token("Bearer  ") is None
    assert (
        bearer_token(f"Basic {TOKEN}") is None and bearer_token(TOKEN) is None and bearer_token(None) is None
    )


def test_the_answers(tmp_path: Path) -> None:
    env = database_with(
        tmp_path / "conversations.db", {"assessed": assessed_events(), "new": assessed_events()[:3]}
    )
    api = SummaryApi(env)

    ok = api.summary("assessed", f"Bearer {TOKEN}")
    assert ok.status == 200
    Bundle.parse_raw(ok.body)
    assert api.summary("assessed", None).status == 401
    assert api.summary("assessed", "Bearer nope").status == 401
    assert api.summary("new", f"Bearer {TOKEN}").status == 404  # no assessment yet
    assert api.summary("nobody", f"Bearer {TOKEN}").status == 404
    assert api.summary("x" * 256, f"Bearer {TOKEN}").status == 404
    assert SummaryApi({**env, "BOT_AUTH_TOKEN": ""}).summary("assessed", "Bearer ").status == 401


def test_before_rasa_has_created_its_table_every_conversation_is_unknown(tmp_path: Path) -> None:
    api = SummaryApi({"TRACKER_DB": str(tmp_path / "empty.db"), "BOT_AUTH_TOKEN": TOKEN})
    assert api.summary("anyone", f"Bearer {TOKEN}").status == 404


def test_a_store_that_cannot_be_reached_is_a_503(tmp_path: Path) -> None:
    api = SummaryApi({"TRACKER_DB": str(tmp_path / "no" / "such" / "dir.db"), "BOT_AUTH_TOKEN": TOKEN})
    answer = api.summary("anyone", f"Bearer {TOKEN}")
    assert answer.status == 503
    assert json.loads(answer.body)["resourceType"] == "OperationOutcome"
