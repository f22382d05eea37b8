"""The NLU's phrases and rules as data: one YAML file per kind of phrase, read once per process.

Code in bot/nlu holds the engine (how a phrase list or a rule is applied); the words themselves live here so that a
clinician or the next engineer can add a wording without reading Python.

Phrases may name word lists kept beside them as {name}: a name whose value is one string stands for it; a name whose
value is a list gives one phrase per item, so "{negation} {verb} my" is every negation before every verb. Lists may
name other lists.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Any

import yaml

RESOURCES = Path(__file__).resolve().parent
WordLists = Mapping[str, str | list[str]]
REFERENCE = re.compile(r"\{([a-z_]+)\}")


class ResourceError(ValueError):
    """A resource file holds an entry the engine cannot read; the message names the file and the entry."""


@cache
def load(name: str) -> Any:
    """The parsed contents of `<name>.yml` in this folder (cached: callers must not mutate what they get)."""
    return yaml.safe_load((RESOURCES / f"{name}.yml").read_text(encoding="utf-8"))


def expand(phrase: str, words: WordLists, where: str) -> list[str]:
    """Every phrase that `phrase` stands for once its {name}s are replaced from `words`, the first name varying
    slowest; white space is folded, so a name standing for "" leaves no gap. `where` names the entry in errors."""
    return [" ".join(expanded.split()) for expanded in filled_in(phrase, words, where)]


def filled_in(phrase: str, words: WordLists, where: str) -> list[str]:
    if not isinstance(phrase, str):
        raise ResourceError(f"{where}: expected a phrase in quotes, found {phrase!r}")
    reference = REFERENCE.search(phrase)
    if reference is None:
        return [phrase]
    name = reference.group(1)
    if name not in words:
        raise ResourceError(f"{where}: {phrase!r} names {{{name}}}, which is no word list")
    value = words[name]
    items = value if isinstance(value, list) else [value]
    before = phrase[: reference.start()]
    rests = filled_in(phrase[reference.end() :], words, where)
    return [
        before + filled + rest
        for item in items
        for filled in filled_in(item, words, f"{where} > {name}")
        for rest in rests
    ]
