"""The phrase resources of bot/nlu/resources: every file loads and opens with what it holds, word lists named in a
phrase are filled in, and a malformed entry fails at load time with a message naming the file and the entry."""

from __future__ import annotations

import pytest

from bot.nlu import patterns, vocabulary
from bot.nlu.resources import RESOURCES, ResourceError, expand, load

RESOURCE_NAMES = sorted(path.stem for path in RESOURCES.glob("*.yml"))


@pytest.mark.parametrize("name", RESOURCE_NAMES)
def test_a_resource_opens_with_a_comment_and_holds_named_sections(name: str) -> None:
    assert (RESOURCES / f"{name}.yml").read_text(encoding="utf-8").startswith("# ")
    assert isinstance(load(name), dict)


def test_a_name_standing_for_words_is_replaced_by_them() -> None:
    words = {"eye": "eye|eyes|eyelid"}
    assert expand("{eye} ~2 shut", words, "test") == ["eye|eyes|eyelid ~2 shut"]


def test_a_list_gives_one_phrase_per_item_the_first_name_varying_slowest() -> None:
    words = {"negation": ["not", "never"], "verb": ["make", "stop"]}
    assert expand("{negation} {verb} my", words, "test") == [
        "not make my",
        "not stop my",
        "never make my",
        "never stop my",
    ]


def test_a_list_may_name_another_list_and_an_empty_word_leaves_no_gap() -> None:
    words = {"cannot": ["can not", "unable"], "cannot_or_stops": ["{cannot}", "stops"], "where": ["", "in"]}
    assert expand("{cannot_or_stops} ~2 eat", words, "test") == [
        "can not ~2 eat",
        "unable ~2 eat",
        "stops ~2 eat",
    ]
    assert expand("not {where} my", words, "test") == ["not my", "not in my"]


def test_an_unknown_name_fails_naming_the_entry_and_the_name() -> None:
    with pytest.raises(ResourceError, match=r"findings\.twitching\.present\[3\].*\{eyes\}.*no word list"):
        expand("{eyes} ~2 twitch*", {"eye": "eye"}, "findings.twitching.present[3]")


def test_an_entry_that_is_not_a_phrase_fails() -> None:
    # YAML reads an unquoted no as false: the phrase "no" must be written in quotes.
    with pytest.raises(ResourceError, match="expected a phrase in quotes, found False"):
        expand(False, {}, "rules[0]")  # type: ignore[arg-type]


def test_phrases_of_an_unknown_finding_code_fail() -> None:
    with pytest.raises(ResourceError, match="'twiching' is no finding code"):
        patterns.code_patterns("twiching", {"present": ["twitch*"]}, {})


def test_an_unknown_kind_of_phrase_fails() -> None:
    with pytest.raises(ResourceError, match=r"findings\.twitching: the kinds of phrase are"):
        patterns.code_patterns("twitching", {"presnt": ["twitch*"]}, {})


def test_the_target_phrases_fill_in_their_word_lists() -> None:
    closure = patterns.FINDING_PATTERNS["eye_closure"].present
    assert not any("{" in phrase for code in patterns.FINDING_PATTERNS.values() for phrase in code.present)
    assert "eye|eyes|eyelid|eyelids|lid|lids ~2 squeez*|clamp*|screw* ~1 together" in closure


def test_a_vocabulary_list_of_other_than_lower_case_words_fails() -> None:
    with pytest.raises(
        ResourceError, match=r"vocabulary\.yml negations: expected a list of lower-case words"
    ):
        vocabulary.checked_word_lists({"verb_negations": ["not", "never"], "negations": ["Not", "no"]})
