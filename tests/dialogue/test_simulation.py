"""A few hundred simulated patients (bot/eval/simulation.py) against the assistant started as `make run` starts
it: the same oracle and bars as `make simulate`, on a smaller sample with its own seed."""

from __future__ import annotations

from bot.eval.simulation import (
    MAX_REDUNDANT_RATE,
    MIN_EXACT_RATE,
    CaseSampler,
    figures,
    load_phrasebook,
    report_markdown,
    simulate,
)
from bot.server.launcher import PROJECT_ROOT
from bot.triage.rules import RULES
from tests.conftest import RunningBot

CONVERSATIONS = 300
SEED = 2026
# Issue 11's bars are 0 under-triaged and at most 0.5% needless emergency answers; `make simulate` holds its
# 5,000 conversations to them and fails while they are missed. This sample had 4 and 3 of 300 on 2026-12-04 (morning),
# 0 and 0 after the day's NLU fixes; the ceilings leave one conversation for a retrained model's small differences.
# They only stop it getting worse: never raise them.
UNDER_TRIAGED_CEILING = 1
NEEDLESS_EMERGENCY_CEILING = 1


def test_the_sampled_ground_truths_reach_every_level_and_the_duration_boundaries() -> None:
    sampler = CaseSampler(load_phrasebook(), SEED)
    cases = [sampler.next_case() for _ in range(CONVERSATIONS)]
    assert {case.oracle for case in cases} == {rule.level for rule in RULES}
    assert {13.0, 14.0, 15.0} <= {case.truth.duration_days for case in cases}


def test_simulated_patients_are_triaged_no_worse_than_before(running_bot: RunningBot) -> None:
    played = simulate(running_bot.rasa_url, CONVERSATIONS, SEED, workers=6)
    report = PROJECT_ROOT / "reports" / "simulation-make-test.md"
    report.parent.mkdir(parents=True, exist_ok=True)
    report.write_text(report_markdown(played, SEED), encoding="utf-8")

    result = figures(played)
    assert result.under_triaged <= UNDER_TRIAGED_CEILING, f"see {report}"
    assert result.needless_emergency <= NEEDLESS_EMERGENCY_CEILING, f"see {report}"
    assert result.exact_rate >= MIN_EXACT_RATE, f"see {report}"
    assert result.redundant_rate <= MAX_REDUNDANT_RATE, f"see {report}"
