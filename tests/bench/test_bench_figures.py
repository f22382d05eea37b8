"""The figures, bars and report of `make bench` (bot.eval.bench), from figures given by hand."""

from __future__ import annotations

import pytest

from bot.eval.bench import (
    GENERATED_END,
    GENERATED_START,
    AssistantFigures,
    MakeRun,
    Round,
    comparison_rows,
    failed_bars,
    markdown_table,
    percentile,
    replace_generated,
    text_table,
)


def figures(
    name: str, latency: float, throughput: float, rss_mib: int, ready: float, training: float
) -> AssistantFigures:
    """Figures with every serial message taking `latency` s and rounds of 100 messages at `throughput`/s."""
    return AssistantFigures(
        name,
        messages_per_conversation=5,
        serial_latencies=[latency] * 10,
        concurrent_rounds=[Round(100 / throughput, (latency * 2,) * 100)],
        rss_bytes=rss_mib * 2**20,
        ready_seconds=ready,
        training_seconds=training,
    )


STARTER = figures("starter", latency=0.100, throughput=20.0, rss_mib=1000, ready=20.0, training=100.0)


def verdicts(ours: AssistantFigures, make_run: MakeRun | None = None) -> dict[str, bool | None]:
    return {row.metric: row.passed for row in comparison_rows(STARTER, ours, make_run)}


def test_percentile_interpolates_between_ranks() -> None:
    values = [float(v) for v in range(1, 101)]
    assert percentile(values, 0.5) == pytest.approx(50.5)
    assert percentile(values, 0.95) == pytest.approx(95.05)
    assert percentile([3.0], 0.95) == 3.0


def test_percentile_of_nothing_is_an_error() -> None:
    with pytest.raises(ValueError):
        percentile([], 0.5)


def test_throughput_is_messages_per_second_of_the_round() -> None:
    assert Round(4.0, (0.1,) * 120).throughput == pytest.approx(30.0)


def test_throughput_takes_the_median_round_so_one_disturbed_round_does_not_decide() -> None:
    rounds = [Round(10.0, (0.1,) * 100), Round(5.0, (0.1,) * 100), Round(50.0, (0.1,) * 100)]
    assert AssistantFigures("x", 5, concurrent_rounds=rounds).throughput == pytest.approx(10.0)


def test_an_assistant_within_every_bar_passes_them_all() -> None:
    ours = figures("ours", latency=0.125, throughput=20.0, rss_mib=1250, ready=25.0, training=200.0)
    results = verdicts(ours, MakeRun(28.0, retrained=False))
    assert failed_bars(comparison_rows(STARTER, ours, MakeRun(28.0, retrained=False))) == []
    assert [passed for passed in results.values() if passed is not None] == [True] * 6


@pytest.mark.parametrize(
    ("ours", "failing"),
    [
        (figures("ours", 0.131, 20.0, 1000, 20.0, 100.0), "serial p50 per message"),
        (figures("ours", 0.100, 19.0, 1000, 20.0, 100.0), "20 concurrent: throughput"),
        (figures("ours", 0.100, 20.0, 1400, 20.0, 100.0), "resident memory (RSS) after load"),
        (figures("ours", 0.100, 20.0, 1000, 31.0, 100.0), "start to ready"),
        (figures("ours", 0.100, 20.0, 1000, 20.0, 241.0), "full training"),
    ],
)
def test_each_bar_fails_on_its_own(ours: AssistantFigures, failing: str) -> None:
    assert failed_bars(comparison_rows(STARTER, ours, None)) == [failing]


def test_make_run_that_retrains_misses_its_bar() -> None:
    ours = figures("ours", 0.100, 20.0, 1000, 20.0, 100.0)
    rows = comparison_rows(STARTER, ours, MakeRun(200.0, retrained=True))
    assert failed_bars(rows) == ["`make run`, nothing changed"]
    assert "RETRAINED" in text_table(rows)


def test_p95_rows_are_information_without_a_bar() -> None:
    ours = figures("ours", 0.500, 20.0, 1000, 20.0, 100.0)
    results = verdicts(ours)
    assert results["serial p95 per message"] is None
    assert results["20 concurrent: p95 per message"] is None


def test_tables_show_figures_and_ratios() -> None:
    ours = figures("ours", 0.150, 10.0, 1000, 20.0, 100.0)
    rows = comparison_rows(STARTER, ours, None)
    text = text_table(rows)
    assert "100 ms" in text and "150 ms" in text and "1.50x" in text and "FAIL" in text
    markdown = markdown_table(rows).splitlines()
    assert markdown[2].startswith("| serial p50 per message | 100 ms | 150 ms | 1.50x |")
    assert len(markdown) == len(rows) + 2


def test_generated_part_is_appended_then_replaced_and_the_rest_kept() -> None:
    written_by_hand = "# Benchmarks\n\nProfiling notes.\n"
    first = replace_generated(written_by_hand, "run one")
    assert first.startswith(written_by_hand.rstrip())
    assert f"{GENERATED_START}\nrun one\n{GENERATED_END}" in first
    second = replace_generated(first + "\nMore notes.\n", "run two")
    assert "run one" not in second
    assert "run two" in second
    assert "Profiling notes." in second and "More notes." in second
