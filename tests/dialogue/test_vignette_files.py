"""The persona vignettes themselves: well formed, enough of them, every level, a realistic mix."""

from __future__ import annotations

from collections import Counter

import pytest

from bot.eval.vignettes import Persona, load_personas, parse_persona
from bot.triage.levels import Level

ID_PREFIX_BY_LEVEL = {
    Level.EMERGENCY: "em_",
    Level.URGENT: "ur_",
    Level.ROUTINE: "ro_",
    Level.SELF_CARE: "sc_",
}
ANSWERS = {
    name: "no"
    for name in (
        "q_stroke_screen",
        "q_location",
        "q_side",
        "q_duration",
        "q_progression",
        "q_accompanying",
        "q_impact",
        "q_triggers",
        "q_history",
    )
}


@pytest.fixture(scope="module")
def personas() -> list[Persona]:
    return load_personas()


def test_there_are_at_least_45_personas(personas: list[Persona]) -> None:
    assert len(personas) >= 45


def test_every_level_is_covered_and_about_a_third_is_self_care(personas: list[Persona]) -> None:
    levels = Counter(persona.expected_level for persona in personas)

    assert set(levels) == set(Level)
    assert 0.25 <= levels[Level.SELF_CARE] / len(personas) <= 0.40


def test_ids_name_the_expected_level(personas: list[Persona]) -> None:
    # A reader scanning the report should see the expected level from the id alone.
    mismatched = [p.id for p in personas if not p.id.startswith(ID_PREFIX_BY_LEVEL[p.expected_level])]
    assert mismatched == []


def test_interruptions_and_unclear_replies_are_represented(personas: list[Persona]) -> None:
    assert any(persona.interjections for persona in personas)
    assert any(len(persona.opening) > 1 for persona in personas)
    assert any(len(replies) > 1 for persona in personas for replies in persona.answers.values())


def test_a_persona_must_answer_every_question() -> None:
    raw = {"id": "x", "opening": "eye twitch", "answers": {"q_side": "left"}, "expected_level": "routine"}

    with pytest.raises(ValueError, match="answers missing"):
        parse_persona({**raw, "reasoning": "r"})


def test_unknown_question_names_are_rejected() -> None:
    raw = {
        "id": "x",
        "opening": "eye twitch",
        "answers": ANSWERS,
        "expected_level": "routine",
        "reasoning": "r",
    }

    with pytest.raises(ValueError, match="not intake questions"):
        parse_persona({**raw, "volunteered": ["q_colour"]})


def test_successive_replies_are_used_in_order_then_the_last_repeats() -> None:
    raw = {
        "id": "x",
        "opening": ["hi", "eye twitch"],
        "answers": {**ANSWERS, "q_duration": ["ages", "no idea"]},
        "expected_level": "routine",
        "reasoning": "r",
    }
    persona = parse_persona(raw)

    assert persona.opening == ("hi", "eye twitch")
    assert [persona.answer("q_duration", times) for times in range(3)] == ["ages", "no idea", "no idea"]
    assert persona.answer("q_side", 0) == "no"
