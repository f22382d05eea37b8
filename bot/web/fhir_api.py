"""`GET /api/conversations/{conversation_id}/summary.fhir.json` on the chat page's server (bot.web.server).

For a clinic's systems: the summary for the doctor of one conversation, as an HL7 FHIR R4 Bundle
(bot.doctor_summary.fhir). Only the holder of the deployment's BOT_AUTH_TOKEN may read it
(`Authorization: Bearer <token>`): without it, or with another, 401; with no BOT_AUTH_TOKEN set on the server, the
endpoint is closed (401 to everyone). A conversation that does not exist, was erased ("delete my data") or purged
(`make purge`), or has no assessment yet, is 404; a tracker store that cannot be reached, 503. Nothing is kept
here: each request reads the conversation from the tracker store, the database Rasa writes to, so what was erased
there is gone here too.
"""

from __future__ import annotations

import hmac
import logging
import re
import threading
from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import unquote

from fhir.resources.operationoutcome import OperationOutcome, OperationOutcomeIssue
from sqlalchemy.engine import Engine
from sqlalchemy.exc import SQLAlchemyError

from bot.config import tracker_store_config
from bot.doctor_summary.conversation import read_conversation
from bot.doctor_summary.fhir import bundle_json
from bot.doctor_summary.summary import build_summary
from bot.privacy.database import conversation_events, events_engine

logger = logging.getLogger(__name__)

SUMMARY_PATH = re.compile(r"^/api/conversations/(?P<conversation_id>[^/]+)/summary\.fhir\.json$")
FHIR_JSON = "application/fhir+json; charset=utf-8"
# Rasa's sender ids are at most 255 characters in its SQL tracker store.
MAX_CONVERSATION_ID = 255
NO_TOKEN_CONFIGURED = "This endpoint is closed: the server has no BOT_AUTH_TOKEN."
BAD_TOKEN = "Send Authorization: Bearer <BOT_AUTH_TOKEN>."
NOT_FOUND = "No assessed conversation with this id (it may never have existed, or have been erased)."
STORE_DOWN = "The conversation store cannot be reached; try again later."


@dataclass(frozen=True)
class Response:
    status: int
    body: bytes
    headers: tuple[tuple[str, str], ...] = ()


def conversation_id_of(path: str) -> str | None:
    """The conversation id in a summary URL, or None when the path is not one."""
    match = SUMMARY_PATH.match(path.split("?", 1)[0])
    return unquote(match["conversation_id"]) if match else None


def _outcome(status: int, code: str, text: str, headers: tuple[tuple[str, str], ...] = ()) -> Response:
    outcome = OperationOutcome(issue=[OperationOutcomeIssue(severity="error", code=code, diagnostics=text)])
    return Response(status, outcome.json().encode("utf-8"), headers)


def bearer_token(authorization: str | None) -> str | None:
    """The token of an `Authorization: Bearer <token>` header; None for any other header or none."""
    scheme, _, token = (authorization or "").strip().partition(" ")
    if scheme.lower() != "bearer":
        return None
    return token.strip() or None


class SummaryApi:
    """Answers summary requests from the tracker store named by the environment (as `make run` configures Rasa)."""

    def __init__(self, env: Mapping[str, str]) -> None:
        self.token = env.get("BOT_AUTH_TOKEN") or None
        self._env = dict(env)
        self._engine: Engine | None = None
        self._lock = threading.Lock()

    def _events_engine(self) -> Engine:
        with self._lock:
            if self._engine is None:
                self._engine = events_engine(tracker_store_config(self._env))
            return self._engine

    def authorised(self, authorization: str | None) -> bool:
        given = bearer_token(authorization)
        if self.token is None or given is None:
            return False
        return hmac.compare_digest(given.encode("utf-8"), self.token.encode("utf-8"))

    def summary(self, conversation_id: str, authorization: str | None) -> Response:
        challenge = (("WWW-Authenticate", 'Bearer realm="summary"'),)
        if self.token is None:
            return _outcome(401, "security", NO_TOKEN_CONFIGURED, challenge)
        if not self.authorised(authorization):
            return _outcome(401, "login", BAD_TOKEN, challenge)
        if not conversation_id or len(conversation_id) > MAX_CONVERSATION_ID:
            return _outcome(404, "not-found", NOT_FOUND)
        try:
            with self._events_engine().connect() as connection:
                events = conversation_events(connection, conversation_id)
        except SQLAlchemyError:
            logger.warning("The FHIR summary could not read the tracker store.", exc_info=False)
            return _outcome(503, "transient", STORE_DOWN)
        record = read_conversation(events)
        summary = build_summary(record) if record is not None else None
        if record is None or summary is None:
            return _outcome(404, "not-found", NOT_FOUND)
        return Response(200, bundle_json(conversation_id, record, summary).encode("utf-8"))
