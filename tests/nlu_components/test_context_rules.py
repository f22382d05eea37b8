"""The ConText rules read from bot/nlu/resources/context_rules.yml (engine: bot/nlu/context_rules.py): a malformed
group fails naming it, each group modifies only the codes it allows, and the family rules take the people words of
bot/nlu/vocabulary.py."""

from __future__ import annotations

import pytest

from bot.nlu import context_rules, vocabulary
from bot.nlu.extraction import ClinicalExtractor
from bot.nlu.resources import ResourceError
from tests.nlu_components.reading import findings_of


@pytest.mark.parametrize(
    ("group", "problem"),
    [
        (
            {"name": "n", "category": "NEGATED", "direction": "FORWARD", "literals": ["no"]},
            "category 'NEGATED'",
        ),
        (
            {
                "name": "n",
                "category": "HYPOTHETICAL",
                "direction": "FORWARD",
                "allowed_types": ["redflags"],
                "literals": ["if"],
            },
            "allowed_types names 'redflags', which is no group of codes",
        ),
        (
            {
                "name": "n",
                "category": "QUESTION",
                "direction": "FORWARD",
                "on_modifies": "asks",
                "literals": ["can"],
            },
            "on_modifies 'asks' is none of",
        ),
        (
            {"name": "n", "category": "NOW", "direction": "PSEUDO", "literals": ["now"], "scope": 3},
            "unknown field 'scope'",
        ),
        (
            {"name": "n", "category": "NOW", "direction": "PSEUDO"},
            "needs either literals or a literal and a pattern",
        ),
        ({"name": "n", "category": "NOW", "direction": "PSEUDO", "literals": ["{nows}"]}, "no word list"),
    ],
)
def test_a_malformed_context_rule_group_fails_naming_it(group: dict[str, object], problem: str) -> None:
    with pytest.raises(ResourceError, match=r"context_rules\.yml rules\[7\]") as error:
        context_rules.checked(group, 7)
    assert problem in str(error.value)


def test_a_context_rule_modifies_only_the_codes_its_group_allows() -> None:
    # (medspaCy keeps the labels in upper case)
    target_labels = {code: {f"PRESENT:{code.upper()}"} for code in ("numbness", "stress", "twitching")}
    rules = {rule.literal: rule for rule in context_rules.context_rules(target_labels)}
    assert rules["no"].allowed_types == {"PRESENT:NUMBNESS", "PRESENT:STRESS", "PRESENT:TWITCHING"}
    # a guess ("might be a tumour") never discounts a red flag; worry about a twitch still reports it
    assert rules["might be a"].allowed_types == {"PRESENT:STRESS", "PRESENT:TWITCHING"}
    assert rules["worried about"].allowed_types == {"PRESENT:STRESS"}
    assert rules["gave up"].allowed_types == {"PRESENT:STRESS"}
    assert rules["my"].allowed_types is None


def test_a_relative_always_someone_else_is_a_family_phrase_and_the_others_are_not() -> None:
    family = {
        rule.literal for rule in context_rules.context_rules({}) if rule.category == context_rules.FAMILY
    }
    assert family >= vocabulary.RELATIVES - vocabulary.NOT_ALWAYS_SOMEONE_ELSE
    assert not vocabulary.NOT_ALWAYS_SOMEONE_ELSE & family
    assert family >= vocabulary.THIRD_PERSON


@pytest.mark.parametrize(
    ("text", "told"),
    [
        ("left arm went weak but nope, no headache or anything else at all", {"limb_weakness": "present"}),
        (
            "words came out wrong but not really, nothing else bothering me today",
            {"speech_difficulty": "present"},
        ),
        (
            "got a new prescription, but nope, never had my face injured in any way",
            {"new_medication": "present"},
        ),
        ("a brand new inhaler, but not really, no face injuries in my life", {"new_medication": "present"}),
    ],
)
def test_a_short_reaching_denial_stops_at_but_even_inside_a_long_sentence(
    extractor: ClinicalExtractor, text: str, told: dict[str, str]
) -> None:
    # "nope" and "not really" reach a few words either way; "but" before them ends that reach, however far the
    # sentence goes on after it (medspaCy's overlap test missed a reach lying wholly inside the sentence).
    findings = findings_of(extractor, text)
    assert {code: findings.get(code) for code in told} == told


@pytest.mark.parametrize(
    ("text", "told"),
    [
        (
            "Twitchy top lid for 6 days. To save you asking:\nSudden onset: no\nFacial pain: nope\nPins and needles: no\nHearing: normal",
            {"sudden_onset": "absent", "severe_pain": "absent", "numbness_tingling": "absent"},
        ),
        ("* tingling/numbness: nah\n* vision: nil", {"numbness_tingling": "absent"}),
        (
            "speech slurred since tea\nheadache: no",
            {"speech_difficulty": "present", "severe_headache": "absent"},
        ),
        ("Pins and needles: no clue", {"numbness_tingling": "present"}),
        ("lost feeling in my cheek, pain: no", {"numbness_tingling": "present", "severe_pain": "absent"}),
    ],
)
def test_a_no_after_a_colon_answers_only_the_label_right_before_it(
    extractor: ClinicalExtractor, text: str, told: dict[str, str]
) -> None:
    findings = findings_of(extractor, text)
    assert {code: findings.get(code) for code in told} == told


def test_a_comma_and_so_end_a_denial_before_what_follows_from_it(extractor: ClinicalExtractor) -> None:
    findings = findings_of(
        extractor, "at breakfast the spoon wouldn't stay in my hand, so within the last hour"
    )
    assert findings.get("sudden_onset") == "present"
