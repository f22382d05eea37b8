"""The trained model against the held-out set (tests/nlu/holdout.yml), bar by bar.

`make test` trains the model first; run alone, the tests are skipped when models/ holds no model.

Every bar of issue 3 must hold, the safety ones first (red-flag recall).
"""

from __future__ import annotations

import asyncio

import pytest
from eval_nlu import REPORT_PATH, Check, Evaluation, evaluate_model, load_holdout, newest_model, render_report


@pytest.fixture(scope="module")
def evaluation() -> Evaluation:
    model = newest_model()
    if model is None:
        pytest.skip("no trained model in models/: `make test` trains one first (or run `make train`)")
    result = asyncio.run(evaluate_model(model, load_holdout()))
    REPORT_PATH.parent.mkdir(parents=True, exist_ok=True)
    REPORT_PATH.write_text(render_report(result, str(model)), encoding="utf-8")
    return result


def checks_named(evaluation: Evaluation, prefix: str) -> list[Check]:
    found = [check for check in evaluation.checks() if check.measure.startswith(prefix)]
    assert found, f"the evaluation has no measure called {prefix!r}"
    return found


def failed(checks: list[Check]) -> list[str]:
    return [f"{check.measure}: {check.value} (bar {check.bar})" for check in checks if not check.passed]


@pytest.mark.parametrize(
    "measure",
    [
        "intent macro-F1",
        "red-flag recall",
        "finding micro-F1",
        "context accuracy",
        "duration accuracy",
        "odd messages raising or malformed",
        "utterances with entities outside the contract",
    ],
)
def test_bar_is_met(evaluation: Evaluation, measure: str) -> None:
    assert failed(checks_named(evaluation, measure)) == []
