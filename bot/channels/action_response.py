"""Check the action server's answers against Rasa's schema with a validator built once, not on every call.

Rasa 3.6's `RemoteAction._validate_action_result` calls `jsonschema.validate(result, schema)`, which first checks
the large events schema against its meta-schema and builds a new validator: about 38 ms of every custom-action
call on a busy machine, 19% of Rasa's time per message (docs/benchmarks.md). jsonschema's own documentation
recommends checking the schema once and reusing a validator, which is what this does. What is accepted, and the
error raised otherwise (the same best-matching `ValidationError`, with Rasa's hint appended), do not change.

Why here: this package's `__init__` installs it, and every `rasa run` imports this package, because each channel
in credentials.yml and in the rendered var/credentials.yml is one of ours (bot.channels.rest at least). The
tracker store module would miss a bare `rasa run --endpoints endpoints.yml`, whose store is Rasa's own.
"""

from __future__ import annotations

import functools
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


@functools.lru_cache(maxsize=1)
def action_response_validator() -> Validator:
    """Rasa's response schema, checked against its meta-schema once, as a reusable validator."""
    schema = RemoteAction.action_response_format_spec()
    validator_class = validator_for(schema)
    validator_class.check_schema(schema)
    return validator_class(schema)


def validate_action_result(self: RemoteAction, result: dict[str, Any]) -> bool:
    """Drop-in for RemoteAction._validate_action_result: True, or the error `jsonschema.validate` would raise."""
    error: ValidationError | None = best_match(action_response_validator().iter_errors(result))
    if error is not None:
        error.message += RASA_HINT
        raise error
    return True


def install() -> None:
    """Make every RemoteAction in this process use the validator built once (idempotent)."""
    RemoteAction._validate_action_result = validate_action_result
