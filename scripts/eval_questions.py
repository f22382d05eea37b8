"""`make eval-questions`: the development question set (tests/knowledge/dev_questions.yml) and the blind one
(tests/blind/questions.yml) asked of the assistant over REST, one conversation per question.

Without --url it starts the action server and Rasa itself, as `make eval-dialogue` does. Prints and writes
(reports/questions.md) aggregate figures only: the blind set is held out. --list-misses also prints each missed
question of the development set, never of the blind one. Exits non-zero unless the blind set
meets every bar: at least 95% answered on topic, no forbidden claim, no second answer on a topic not asked, and
every question that carries a symptom answered with the intake started.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from bot.eval.local_assistant import add_assistant_options, against_assistant, verdict
from bot.eval.questions import (
    BLIND_QUESTIONS,
    DEV_QUESTIONS,
    ask_all,
    failed_bars,
    held_out,
    load_cases,
    miss_lines,
    rest_chats,
    summarise,
    summary_lines,
)
from bot.server.launcher import PROJECT_ROOT

DEFAULT_REPORT = PROJECT_ROOT / "reports" / "questions.md"


def evaluate(
    base_url: str, token: str | None, sets: dict[str, Path], report: Path, workers: int, list_misses: bool
) -> int:
    sections = ["# Questions answered on topic", ""]
    failures: list[str] = []
    for name, path in sets.items():
        answered = ask_all(load_cases(path), rest_chats(base_url, token, name), workers)
        summary = summarise(answered)
        lines = summary_lines(summary)
        print("\n".join([f"{name} ({path}):", *lines, ""]))
        if list_misses and not held_out(name, path):
            print("\n".join(["missed:", *(f"  {line}" for line in miss_lines(answered)), ""]))
        sections += [f"## {name} ({path})", "", *(f"- {line}" for line in lines), ""]
        if name == "blind":
            failures += [f"blind set: {miss}" for miss in failed_bars(summary)]
    report.parent.mkdir(parents=True, exist_ok=True)
    report.write_text("\n".join(sections), encoding="utf-8")
    return verdict(report, failures)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    add_assistant_options(parser)
    parser.add_argument("--dev", type=Path, default=PROJECT_ROOT / DEV_QUESTIONS)
    parser.add_argument("--blind", type=Path, default=PROJECT_ROOT / BLIND_QUESTIONS)
    parser.add_argument("--no-blind", action="store_true", help="the development set only")
    parser.add_argument("--report", type=Path, default=DEFAULT_REPORT)
    parser.add_argument(
        "--list-misses",
        action="store_true",
        help="print each missed development question (never the blind set)",
    )
    parser.add_argument("--workers", type=int, default=4, help="questions asked side by side")
    args = parser.parse_args(argv)
    sets = {"dev": args.dev} if args.no_blind else {"dev": args.dev, "blind": args.blind}
    return against_assistant(
        args, lambda url: evaluate(url, args.token, sets, args.report, args.workers, args.list_misses)
    )


if __name__ == "__main__":
    sys.exit(main())
