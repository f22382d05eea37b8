"""The dialogue evaluation's bars (issue 4), held by `make test`: every persona vignette played over REST against
the assistant started as `make run` starts it. `make eval-dialogue` runs the same evaluation and writes the report.
"""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from bot.eval.vignettes import (
    MAX_MEDIAN_FOLLOW_UPS,
    MIN_EXACT_RATE,
    Outcome,
    load_personas,
    rest_chats,
    run_all,
    summarise,
    transcript,
)
from tests.conftest import RunningBot


@pytest.fixture(scope="module")
def outcomes(running_bot: RunningBot) -> list[Outcome]:
    return run_all(load_personas(), rest_chats(running_bot.rasa_url, prefix="pytest-vignette"))


def _transcripts(outcomes: Sequence[Outcome]) -> str:
    return "\n\n".join(transcript(outcome) for outcome in outcomes)


def test_every_level_is_at_least_as_urgent_as_expected(outcomes: list[Outcome]) -> None:
    under_triaged = [outcome for outcome in outcomes if not outcome.safe]
    assert not under_triaged, _transcripts(under_triaged)


def test_the_level_is_exactly_right_at_least_95_percent_of_the_time(outcomes: list[Outcome]) -> None:
    summary = summarise(outcomes)
    wrong = [outcome for outcome in outcomes if not outcome.exact]
    assert summary.exact_rate >= MIN_EXACT_RATE, _transcripts(wrong)


def test_few_follow_up_questions(outcomes: list[Outcome]) -> None:
    assert summarise(outcomes).median_follow_ups <= MAX_MEDIAN_FOLLOW_UPS


def test_nothing_already_said_is_asked_again(outcomes: list[Outcome]) -> None:
    redundant = [outcome for outcome in outcomes if outcome.redundant]
    assert not redundant, _transcripts(redundant)


def test_every_message_gets_a_reply(outcomes: list[Outcome]) -> None:
    silent = [outcome for outcome in outcomes if outcome.silent_turns]
    assert not silent, _transcripts(silent)
