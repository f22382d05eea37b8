"""One vocabulary: the negations, people words, question openings and triggers of bot/nlu/vocabulary.py are the only
lists of them in bot/nlu, and every reader sees the same words."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import bot.nlu
from bot.nlu import vocabulary
from bot.triage.findings import TRIGGER_CODES

NLU_MODULES = sorted(
    path for path in Path(bot.nlu.__file__).parent.rglob("*.py") if path.name != "vocabulary.py"
)
# The lists of the resource and the sets the module makes of them (QUESTION_STARTS, OTHER_PEOPLE, ...).
VOCABULARY = {
    **{name: frozenset(words) for name, words in vocabulary.WORD_LISTS.items()},
    **{
        name: value
        for name, value in vars(vocabulary).items()
        if name.isupper() and isinstance(value, frozenset)
    },
}


def word_collections(path: Path) -> Iterator[tuple[int, frozenset[str]]]:
    """Every tuple, list or set of two or more literal words written in the module."""
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if (
            isinstance(node, (ast.Tuple, ast.List, ast.Set))
            and len(node.elts) >= 2
            and all(isinstance(item, ast.Constant) and isinstance(item.value, str) for item in node.elts)
        ):
            yield node.lineno, frozenset(item.value for item in node.elts)  # type: ignore[attr-defined]


def test_no_module_of_bot_nlu_writes_out_words_of_a_vocabulary_list() -> None:
    copies = [
        f"{path.name}:{line} {sorted(words)} copies {name}"
        for path in NLU_MODULES
        for line, words in word_collections(path)
        for name, listed in VOCABULARY.items()
        if words == listed
    ]
    assert copies == []


def test_the_triggers_are_the_trigger_codes_of_the_findings() -> None:
    assert frozenset(TRIGGER_CODES) == vocabulary.TRIGGERS


def test_a_question_opening_without_its_mark_is_a_question_start() -> None:
    assert vocabulary.ASKING_WORDS <= vocabulary.QUESTION_STARTS <= vocabulary.QUESTION_STARTS_IN_CHAT
    assert {"cld", "wat"} <= vocabulary.QUESTION_STARTS_IN_CHAT - vocabulary.QUESTION_STARTS


def test_your_is_said_of_people_in_general_so_is_no_one_in_particular() -> None:
    assert "your" in vocabulary.POSSESSIVES and "your" not in vocabulary.OWN_POSSESSIVES
    assert {"my", "his", "her", "their", "our"} == vocabulary.OWN_POSSESSIVES
