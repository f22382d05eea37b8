"""Check the action server's answers against Rasa's schema with a validator built once, not on every call.

Rasa 3.6's `RemoteAction._validate_action_result` calls `jsonschema.validate(result, schema)`, which first checks
the large events schema against its meta-schema and builds a new validator: about 38 ms of every custom-action
call on a busy machine, 19% of Rasa's time per message (docs/benchmarks.md). jsonschema's own documentation
recommends checking the schema once and reusing a validator, which is what this does. What is accepted, and the
error raised otherwise (the same best-matching `ValidationError`, with Rasa's hint appended), do not change.

Even built once, the full check costs about 5 ms per answer: each event is tried against all 23 event schemas of
the schema's `oneOf` to prove that exactly one fits. Every one of those schemas fixes the `event` name to a
constant of its own and the item schema requires that name, so the only schema that can fit an event is the one
named by it. The quick check tries that one alone (about 0.5 ms per answer); it only ever accepts. Anything it does
not accept goes through the full check, which decides and gives the error.

Why here: this package's `__init__` installs it, and every `rasa run` imports this package, because each channel
in credentials.yml and in the rendered var/credentials.yml is one of ours (bot.channels.rest at least). The
tracker store module would miss a bare `rasa run --endpoints endpoints.yml`, whose store is Rasa's own.
"""

from __future__ import annotations

import copy
import functools
from dataclasses import dataclass
from typing import Any

from jsonschema import ValidationError
from jsonschema.exceptions import best_match
from jsonschema.protocols import Validator
from jsonschema.validators import validator_for
from rasa.core.actions.action import RemoteAction
from rasa.shared.constants import DOCS_BASE_URL

# Rasa's own words (rasa.core.actions.action.RemoteAction._validate_action_result), so logs read the same.
RASA_HINT = (
    ". Failed to validate Action server response from API, "
    "make sure your response from the Action endpoint is valid. "
    f"For more information about the format visit {DOCS_BASE_URL}/custom-actions"
)


@dataclass(frozen=True)
class ActionResponseCheck:
    """The full check of an answer against Rasa's schema, and the quick one described in the module docstring."""

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
    """Drop-in for RemoteAction._validate_action_result: True, or the error `jsonschema.validate` would raise."""
    check = action_response_validator()
    if check.accepts_quickly(result):
        return True
    error: ValidationError | None = best_match(check.full.iter_errors(result))
    if error is not None:
        error.message += RASA_HINT
        raise error
    return True


def install() -> None:
    """Make every RemoteAction in this process use the validator built once (idempotent)."""
    RemoteAction._validate_action_result = validate_action_result
