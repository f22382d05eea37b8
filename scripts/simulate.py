"""`make simulate`: simulated patients with a safety oracle (bot/eval/simulation.py) against the assistant.

Without --url it starts the action server and Rasa itself, as `make run` does, on free ports with a throw-away
SQLite store. Writes reports/simulation.md (figures, and the transcript of every failing conversation), prints
the figures, and exits non-zero unless every bar is met.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from bot.eval.local_assistant import add_assistant_options, against_assistant, verdict
from bot.eval.simulation import figures, report_markdown, simulate
from bot.server.launcher import PROJECT_ROOT

DEFAULT_REPORT = PROJECT_ROOT / "reports" / "simulation.md"


def run(base_url: str, count: int, seed: int, workers: int, token: str | None, report: Path) -> int:
    played = simulate(base_url, count, seed, workers, token)
    report.parent.mkdir(parents=True, exist_ok=True)
    report.write_text(report_markdown(played, seed), encoding="utf-8")
    result = figures(played)
    print(
        f"{result.conversations} conversations: {result.under_triaged} under-triaged, "
        f"{result.needless_emergency} needless emergency ({result.needless_emergency_rate:.2%}), "
        f"exact {result.exact_rate:.1%}, asked again what was said {result.redundant_rate:.1%}"
    )
    return verdict(report, result.missed_bars())


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    add_assistant_options(parser)
    parser.add_argument("--conversations", type=int, default=5000)
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--workers", type=int, default=8, help="conversations played side by side")
    parser.add_argument("--report", type=Path, default=DEFAULT_REPORT)
    args = parser.parse_args(argv)
    return against_assistant(
        args, lambda url: run(url, args.conversations, args.seed, args.workers, args.token, args.report)
    )


if __name__ == "__main__":
    sys.exit(main())
