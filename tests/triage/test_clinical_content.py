"""docs/clinical-content.md: current, every health sentence with a source it may cite, nothing said that it lacks."""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from hypothesis import given, settings
from triage_cases import any_findings

from bot.knowledge.advice import EMERGENCY_NUMBER_FIELD
from bot.triage.clinical_content import (
    CONTENT_DOC,
    FRAMING_RESPONSES,
    HEALTH_RESPONSES,
    all_rows,
    domain_responses,
    framing_sentences,
    is_clinical,
    render_clinical_content,
    sentences,
    sourced_content,
)
from bot.triage.engine import assess
from bot.triage.findings import Findings
from bot.triage.summary import assessment_messages

ROWS = all_rows()
LISTED = {row.sentence for row in ROWS} | {sentence for _, sentence in framing_sentences()}


def test_committed_doc_is_up_to_date() -> None:
    assert CONTENT_DOC.read_text(encoding="utf-8") == render_clinical_content(), (
        "docs/clinical-content.md is out of date: run `make policy-docs`"
    )


def test_every_health_sentence_has_a_source_it_may_cite() -> None:
    unsourced = [row.sentence for row in ROWS if not row.sources or not set(row.sources) <= row.permitted]
    assert not unsourced


def test_every_sentence_of_the_triage_answer_says_where_it_is_said_in_words() -> None:
    answer_rows = [row for row in ROWS if row.section == "The triage answer"]
    assert answer_rows
    assert not [row.sentence for row in answer_rows if row.said.startswith("`advice.")]


def test_every_domain_response_is_health_content_or_framing() -> None:
    names = set(domain_responses())
    assert set(HEALTH_RESPONSES) | FRAMING_RESPONSES == names
    assert not set(HEALTH_RESPONSES) & FRAMING_RESPONSES


def test_framing_says_nothing_clinical_and_health_responses_do() -> None:
    assert not [sentence for _, sentence in framing_sentences() if is_clinical(sentence)]
    for name in HEALTH_RESPONSES:
        assert any(is_clinical(text) for text in domain_responses()[name]), name


def _said_sentences(case: Findings) -> list[str]:
    said: list[str] = []
    for message in assessment_messages(assess(case), EMERGENCY_NUMBER_FIELD):
        for line in message.splitlines():
            said += sentences(line.removeprefix("• "))
    return said


@settings(max_examples=300, deadline=None)
@given(case=any_findings)
def test_every_sentence_of_an_assessment_is_listed(case: Findings) -> None:
    assert [sentence for sentence in _said_sentences(case) if sentence not in LISTED] == []


@dataclass(frozen=True)
class _Sentence:
    text: str
    sources: tuple[str, ...]


@dataclass(frozen=True)
class _Item:
    topic: str
    sentences: tuple[_Sentence, ...]


class _Answer(NamedTuple):
    body: str
    sources: frozenset[str]


def test_content_is_found_however_it_is_shaped_or_nested() -> None:
    # Content shaped in ways the generator was not written for: a dict of records holding sourced sentences, a
    # named tuple whose sources are a set.
    items = {
        "caffeine": _Item("caffeine", (_Sentence("Caffeine can cause twitching.", ("nhs_twitching",)),)),
        "stress": [_Answer("Stress can cause twitching.", frozenset({"nhs_twitching"}))],
    }
    found = list(sourced_content("items", items, ("ITEMS",)))
    assert [(content.path, content.text, content.sources) for content in found] == [
        (("ITEMS", "caffeine", "sentences", 0, "text"), "Caffeine can cause twitching.", ("nhs_twitching",)),
        (("ITEMS", "stress", 0, "body"), "Stress can cause twitching.", ("nhs_twitching",)),
    ]
