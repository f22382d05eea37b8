"""The ConText rules' word lists (bot/nlu/context_rules.py) agree with the extractor's."""

from __future__ import annotations

from bot.nlu import context_rules, other_people


def test_one_list_of_relatives() -> None:
    assert frozenset(context_rules.RELATIVE_WORDS) == other_people.RELATIVES
    family = set(context_rules.FAMILY_PHRASES)
    assert set(context_rules.RELATIVE_WORDS) - context_rules.NOT_ALWAYS_SOMEONE_ELSE <= family
