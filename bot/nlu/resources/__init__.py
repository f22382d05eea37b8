"""The NLU's phrases and rules as data: one YAML file per kind of phrase, read once per process.

Code in bot/nlu holds the engine (how a phrase list or a rule is applied); the words themselves live here so that a
clinician or the next engineer can add a wording without reading Python.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import yaml

RESOURCES = Path(__file__).resolve().parent


@cache
def load(name: str) -> Any:
    """The parsed contents of `<name>.yml` in this folder (cached: callers must not mutate what they get)."""
    return yaml.safe_load((RESOURCES / f"{name}.yml").read_text(encoding="utf-8"))
