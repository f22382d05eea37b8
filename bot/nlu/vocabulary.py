"""The words every module of bot/nlu reads alike: negations, people, question openings and triggers.

The words are in bot/nlu/resources/vocabulary.yml (which says what each list is for); the triggers are the trigger
codes of bot/triage/findings.py. Import them from here, never copy them: a word added to a list reaches every reader.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from bot.nlu.resources import ResourceError, load
from bot.triage.findings import TRIGGER_CODES

RESOURCE = "vocabulary"


def checked_word_lists(lists: dict[str, Any]) -> dict[str, list[str]]:
    """The lists, or a ResourceError naming the first that is not a list of lower-case words."""
    for name, words in lists.items():
        if not isinstance(words, list) or not all(
            isinstance(word, str) and word == word.lower() for word in words
        ):
            raise ResourceError(
                f"{RESOURCE}.yml {name}: expected a list of lower-case words, found {words!r}"
            )
    return lists


WORD_LISTS = checked_word_lists(load(RESOURCE))

NEGATION_WORDS = frozenset(WORD_LISTS["negations"])
# "not" and "never": the negations of a verb ("doesn't make", "never had").
VERB_NEGATIONS = frozenset(WORD_LISTS["verb_negations"])

# The words that make a denial explicit, besides an "n't".
NEGATION_CUES = frozenset(WORD_LISTS["negation_cues"]) | frozenset(WORD_LISTS["negation_cues_unpunctuated"])


# A word as the readers split text: letters and apostrophes, so that "doesn't" stays one word for has_negation_cue.
WORD = re.compile(r"[a-z']+")


def words_of(text: str) -> list[str]:
    """The lower-case words of a text, in order."""
    return WORD.findall(text.lower())


def has_negation_cue(words: Iterable[str]) -> bool:
    """A negation among lower-case words as written: a cue word ("no", "never") or a contraction ("doesn't")."""
    return any(word in NEGATION_CUES or word.endswith("n't") for word in words)


# A phrase's gap never crosses these: past them, the words belong to another statement.
CLAUSE_BREAKS = frozenset(WORD_LISTS["clause_breaks"])

THIRD_PERSON_POSSESSIVES = frozenset(WORD_LISTS["third_person_possessives"])
POSSESSIVES = frozenset(WORD_LISTS["conversation_possessives"]) | THIRD_PERSON_POSSESSIVES
ANYONE = frozenset(WORD_LISTS["anyone"])
# Whose something is, when it is someone's in particular: "your" is also said of people in general.
OWN_POSSESSIVES = POSSESSIVES - ANYONE
FIRST_PERSON = frozenset(WORD_LISTS["first_person"])
THIRD_PERSON = frozenset(WORD_LISTS["third_person_subjects"]) | THIRD_PERSON_POSSESSIVES
NOT_ALWAYS_SOMEONE_ELSE = frozenset(WORD_LISTS["relatives_not_always_someone_else"])
RELATIVES = frozenset(WORD_LISTS["relatives"]) | NOT_ALWAYS_SOMEONE_ELSE
OTHER_PEOPLE = RELATIVES | THIRD_PERSON | frozenset(WORD_LISTS["third_person_objects"])

# Open a question even without its question mark ("whats synkinesis").
ASKING_WORDS = frozenset(WORD_LISTS["asking_words"])
# Open a question, but also a statement that leaves out its subject ("is getting worse").
AUXILIARY_OPENINGS = frozenset(WORD_LISTS["auxiliary_openings"]) | frozenset(
    WORD_LISTS["tentative_auxiliary_openings"]
)
QUESTION_STARTS = (
    ASKING_WORDS | frozenset(WORD_LISTS["other_question_words"]) | frozenset(WORD_LISTS["auxiliary_openings"])
)
QUESTION_STARTS_IN_CHAT = QUESTION_STARTS | frozenset(WORD_LISTS["chat_question_openings"])

TRIGGERS = frozenset(TRIGGER_CODES)
