"""Every change this project makes to Rasa's own code at run time, applied by `apply()`.

Checked against Rasa 3.6.21 (`CHECKED_AGAINST`, the version requirements.lock pins; tests/integration/
test_rasa_patches.py fails on any other, so that an upgrade re-reads each patch against the new code). Each
patch replaces one attribute of a Rasa class; `apply()` refuses to start if that attribute is gone.

`apply()` is called by bot.server.rasa_main before Rasa starts, and every way this project starts Rasa goes
through that module: `make run` and the tests (bot.server.launcher), the containers (deploy/entrypoint.py), the
evaluation scripts (bot.eval.local_assistant). A bare `rasa run` runs Rasa unpatched: it answers the same, more
slowly, and loses turns when the conversation store fails.

1. `RemoteAction._validate_action_result`: the action server's answers checked with a validator built once.
   Rasa 3.6 calls `jsonschema.validate(result, schema)`, which first checks the large events schema against its
   meta-schema and builds a new validator: about 38 ms of every custom-action call on a busy machine, 19% of
   Rasa's time per message (docs/benchmarks.md). jsonschema's own documentation recommends checking the schema
   once and reusing a validator. What is accepted, and the error raised otherwise (the same best-matching
   `ValidationError`, with Rasa's hint appended), do not change.
   Even built once, the full check costs about 5 ms per answer: each event is tried against all 23 event
   schemas of the schema's `oneOf` to prove that exactly one fits. Every one of those schemas fixes the `event`
   name to a constant of its own and the item schema requires that name, so the only schema that can fit an
   event is the one named by it. A quick check tries that one alone (about 0.5 ms per answer); it only ever
   accepts. Anything it does not accept goes through the full check, which decides and gives the error.
2. `FailSafeTrackerStore.on_tracker_store_error` and `.on_tracker_store_retrieve_error`: a conversation store
   that fails fails the turn, instead of the turn being lost. Rasa wraps every tracker store in its
   FailSafeTrackerStore, which logs a database error and carries on: a read that fails starts the conversation
   anew, a write that fails keeps the turn in this process's memory only. The person is answered as if all
   were well, and the turn never reaches the database (while PostgreSQL restarted under load, 120 of 410
   answered messages were lost so: tests/faults/test_faults_under_load.py). Raising instead lets the error go
   on to the channel, which answers "please try again" and stores nothing, so the message sent again is neither
   lost nor doubled.
"""

from __future__ import annotations

import copy
import functools
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from jsonschema import ValidationError
from jsonschema.exceptions import best_match
from jsonschema.protocols import Validator
from jsonschema.validators import validator_for
from rasa.core.actions.action import RemoteAction
from rasa.core.tracker_store import FailSafeTrackerStore
from rasa.shared.constants import DOCS_BASE_URL

logger = logging.getLogger(__name__)

CHECKED_AGAINST = "3.6.21"

# Rasa's own words (rasa.core.actions.action.RemoteAction._validate_action_result), so logs read the same.
RASA_HINT = (
    ". Failed to validate Action server response from API, "
    "make sure your response from the Action endpoint is valid. "
    f"For more information about the format visit {DOCS_BASE_URL}/custom-actions"
)


@dataclass(frozen=True)
class ActionResponseCheck:
    """The full check of an answer against Rasa's schema, and the quick one described in patch 1."""

    full: Validator
    without_event_schemas: Validator
    by_event_name: dict[str, Validator]

    def accepts_quickly(self, result: Any) -> bool:
        """True only for an answer the full check accepts; False means "ask the full check"."""
        if not self.without_event_schemas.is_valid(result):
            return False
        for event in result.get("events", ()):
            validator = self.by_event_name.get(event["event"])
            if validator is None or not validator.is_valid(event):
                return False
        return True


@functools.lru_cache(maxsize=1)
def action_response_validator() -> ActionResponseCheck:
    """Rasa's response schema, checked against its meta-schema once, as reusable validators."""
    schema = RemoteAction.action_response_format_spec()
    validator_class = validator_for(schema)
    validator_class.check_schema(schema)
    without_event_schemas = copy.deepcopy(schema)
    item_schema = without_event_schemas["properties"]["events"]["items"]
    event_schemas = item_schema.pop("oneOf")
    names = [
        event_schema.get("properties", {}).get("event", {}).get("const") for event_schema in event_schemas
    ]
    # What makes the quick check sound; a later Rasa whose schema breaks it fails here, at start-up.
    if "event" not in item_schema["required"] or None in names or len(set(names)) != len(names):
        raise ValueError("Rasa's action response schema no longer names one event schema per event")
    return ActionResponseCheck(
        full=validator_class(schema),
        without_event_schemas=validator_class(without_event_schemas),
        by_event_name={
            name: validator_class(event_schema)
            for name, event_schema in zip(names, event_schemas, strict=True)
        },
    )


def validate_action_result(self: RemoteAction, result: dict[str, Any]) -> bool:
    """Patch 1, in place of RemoteAction._validate_action_result: True, or the error `jsonschema.validate` would
    raise."""
    check = action_response_validator()
    if check.accepts_quickly(result):
        return True
    error: ValidationError | None = best_match(check.full.iter_errors(result))
    if error is not None:
        error.message += RASA_HINT
        raise error
    return True


def fail_the_turn(store: FailSafeTrackerStore, error: Exception) -> None:
    """Patch 2, in place of FailSafeTrackerStore's two error handlers."""
    logger.error(
        "The conversation store failed (%s): this message is refused, not kept in memory.",
        type(error).__name__,
    )
    raise error


@dataclass(frozen=True)
class Patch:
    owner: type
    attribute: str
    replacement: Callable[..., Any]

    @property
    def name(self) -> str:
        return f"{self.owner.__name__}.{self.attribute}"

    def is_applied(self) -> bool:
        return getattr(self.owner, self.attribute, None) is self.replacement


PATCHES = (
    Patch(RemoteAction, "_validate_action_result", validate_action_result),
    Patch(FailSafeTrackerStore, "on_tracker_store_error", fail_the_turn),
    Patch(FailSafeTrackerStore, "on_tracker_store_retrieve_error", fail_the_turn),
)


def apply() -> None:
    """Apply every patch to the Rasa classes of this process (idempotent)."""
    missing = [patch.name for patch in PATCHES if not hasattr(patch.owner, patch.attribute)]
    if missing:
        raise RuntimeError(
            f"Rasa no longer has {', '.join(missing)}: bot/rasa_patches.py was checked against Rasa "
            f"{CHECKED_AGAINST}; re-check each patch against the installed Rasa."
        )
    for patch in PATCHES:
        setattr(patch.owner, patch.attribute, patch.replacement)
