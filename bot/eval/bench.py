"""`make bench` figures: this assistant against Rasa's starter assistant (`rasa init`), measured in one run.

The bars are ratios to the starter because absolute figures on a shared 2-core machine mean little; both
assistants see the same machine, the same Rasa and the same load shapes, interleaved in time, so background
load falls on both. This module holds the figures, the bars and the report; scripts/bench.py measures.
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from dataclasses import dataclass, field

# Bars of issue 7, item 1.
MAX_SERIAL_P50_RATIO = 1.3
MIN_THROUGHPUT_RATIO = 1.0
MAX_MEMORY_RATIO = 1.3
MAX_READY_SECONDS = 30.0
MAX_TRAINING_SECONDS = 240.0

# docs/benchmarks.md keeps whatever is written outside these markers (e.g. profiling notes) across runs.
GENERATED_START = "<!-- bench:start (written by `make bench`; edit outside these markers) -->"
GENERATED_END = "<!-- bench:end -->"


def percentile(values: Sequence[float], fraction: float) -> float:
    """Linear interpolation between closest ranks (as numpy's default), so a p95 of few samples is not the max."""
    if not values:
        raise ValueError("no values")
    ordered = sorted(values)
    position = fraction * (len(ordered) - 1)
    lower = int(position)
    upper = min(lower + 1, len(ordered) - 1)
    return ordered[lower] + (ordered[upper] - ordered[lower]) * (position - lower)


@dataclass(frozen=True)
class Round:
    """Conversations sent at the same time: how long until the last reply, and each message's latency."""

    wall_seconds: float
    latencies: tuple[float, ...]

    @property
    def throughput(self) -> float:
        """Messages answered per second."""
        return len(self.latencies) / self.wall_seconds


@dataclass
class AssistantFigures:
    """What one assistant measured; None where a figure was not taken."""

    name: str
    messages_per_conversation: int
    serial_latencies: list[float] = field(default_factory=list)
    concurrent_rounds: list[Round] = field(default_factory=list)
    rss_bytes: int | None = None
    ready_seconds: float | None = None
    training_seconds: float | None = None

    @property
    def serial_p50(self) -> float:
        return statistics.median(self.serial_latencies)

    @property
    def serial_p95(self) -> float:
        return percentile(self.serial_latencies, 0.95)

    @property
    def throughput(self) -> float:
        """The median round, so that one round disturbed by someone else's test run does not decide."""
        return statistics.median(r.throughput for r in self.concurrent_rounds)

    @property
    def concurrent_p95(self) -> float:
        return percentile([latency for r in self.concurrent_rounds for latency in r.latencies], 0.95)


@dataclass(frozen=True)
class MakeRun:
    """`make run` with a trained model and nothing changed: seconds until the REST webhook answered."""

    seconds: float
    retrained: bool


@dataclass(frozen=True)
class Row:
    metric: str
    starter: str
    ours: str
    ratio: str
    bar: str
    passed: bool | None  # None: the row is information, no bar


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms"


def _mib(size: int) -> str:
    return f"{size / 2**20:.0f} MiB"


def _s(seconds: float | None) -> str:
    return "-" if seconds is None else f"{seconds:.1f} s"


def comparison_rows(starter: AssistantFigures, ours: AssistantFigures, make_run: MakeRun | None) -> list[Row]:
    """One row per figure; the rows with a bar say whether it passed."""
    p50_ratio = ours.serial_p50 / starter.serial_p50
    throughput_ratio = ours.throughput / starter.throughput
    rows = [
        Row(
            "serial p50 per message",
            _ms(starter.serial_p50),
            _ms(ours.serial_p50),
            f"{p50_ratio:.2f}x",
            f"<= {MAX_SERIAL_P50_RATIO}x",
            p50_ratio <= MAX_SERIAL_P50_RATIO,
        ),
        Row(
            "serial p95 per message",
            _ms(starter.serial_p95),
            _ms(ours.serial_p95),
            f"{ours.serial_p95 / starter.serial_p95:.2f}x",
            "",
            None,
        ),
        Row(
            "20 concurrent: throughput",
            f"{starter.throughput:.1f} msg/s",
            f"{ours.throughput:.1f} msg/s",
            f"{throughput_ratio:.2f}x",
            f">= {MIN_THROUGHPUT_RATIO}x",
            throughput_ratio >= MIN_THROUGHPUT_RATIO,
        ),
        Row(
            "20 concurrent: p95 per message",
            _ms(starter.concurrent_p95),
            _ms(ours.concurrent_p95),
            f"{ours.concurrent_p95 / starter.concurrent_p95:.2f}x",
            "",
            None,
        ),
    ]
    if starter.rss_bytes and ours.rss_bytes:
        memory_ratio = ours.rss_bytes / starter.rss_bytes
        rows.append(
            Row(
                "resident memory (RSS) after load",
                _mib(starter.rss_bytes),
                _mib(ours.rss_bytes),
                f"{memory_ratio:.2f}x",
                f"<= {MAX_MEMORY_RATIO}x",
                memory_ratio <= MAX_MEMORY_RATIO,
            )
        )
    rows.append(_absolute_row("start to ready", starter.ready_seconds, ours.ready_seconds, MAX_READY_SECONDS))
    rows.append(
        _absolute_row("full training", starter.training_seconds, ours.training_seconds, MAX_TRAINING_SECONDS)
    )
    if make_run is not None:
        rows.append(
            Row(
                "`make run`, nothing changed",
                "",
                f"{make_run.seconds:.1f} s" + (" (RETRAINED)" if make_run.retrained else ", no retraining"),
                "",
                "serves without retraining",
                not make_run.retrained,
            )
        )
    return rows


def _absolute_row(metric: str, starter: float | None, ours: float | None, limit: float) -> Row:
    ratio = f"{ours / starter:.2f}x" if starter and ours else ""
    return Row(
        metric, _s(starter), _s(ours), ratio, f"<= {limit:.0f} s", None if ours is None else ours <= limit
    )


def _verdict(passed: bool | None) -> str:
    return {True: "pass", False: "FAIL", None: ""}[passed]


def text_table(rows: Sequence[Row]) -> str:
    """The table make bench prints."""
    header = ("figure", "starter", "ours", "ratio", "bar", "")
    cells = [header, *((r.metric, r.starter, r.ours, r.ratio, r.bar, _verdict(r.passed)) for r in rows)]
    widths = [max(len(row[i]) for row in cells) for i in range(len(header))]
    lines = ["  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)) for row in cells]
    lines.insert(1, "  ".join("-" * width for width in widths))
    return "\n".join(line.rstrip() for line in lines)


def markdown_table(rows: Sequence[Row]) -> str:
    lines = ["| figure | starter | ours | ratio | bar | |", "|---|---|---|---|---|---|"]
    lines += [
        f"| {r.metric} | {r.starter} | {r.ours} | {r.ratio} | {r.bar} | {_verdict(r.passed)} |" for r in rows
    ]
    return "\n".join(lines)


def failed_bars(rows: Sequence[Row]) -> list[str]:
    return [r.metric for r in rows if r.passed is False]


def replace_generated(document: str, generated: str) -> str:
    """The document with its generated part replaced (appended if it has none), the rest kept as written."""
    block = f"{GENERATED_START}\n{generated.strip()}\n{GENERATED_END}"
    start, end = document.find(GENERATED_START), document.find(GENERATED_END)
    if start == -1 or end == -1 or end < start:
        return f"{document.rstrip()}\n\n{block}\n" if document.strip() else f"{block}\n"
    return document[:start] + block + document[end + len(GENERATED_END) :]
