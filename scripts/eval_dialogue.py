"""`make eval-dialogue`: play the persona vignettes (tests/vignettes/) and the blind patient-written set
(tests/blind/) against the assistant over REST.

Without --url it starts the action server and Rasa itself (bot.server.launcher, as `make run` does) on free
ports with a throw-away SQLite tracker store. Writes reports/dialogue.md, prints the figures and a table, and
exits non-zero unless every bar is met: for the vignettes safe 100%, exact >= 95%, median follow-ups <= 4, no
redundant question, no silent turn; for the blind set safe 100% and exact >= 95%. The blind set is held out:
only its aggregate figures are printed or written.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from bot.eval.local_assistant import add_assistant_options, against_assistant, verdict
from bot.eval.vignettes import (
    BLIND_DIR,
    TRIAGE_BARS,
    VIGNETTE_DIR,
    failed_bars,
    held_out_report,
    load_personas,
    missed_levels,
    report_markdown,
    rest_chats,
    results_table,
    run_all,
    summarise,
    summary_lines,
)
from bot.server.launcher import PROJECT_ROOT

DEFAULT_REPORT = PROJECT_ROOT / "reports" / "dialogue.md"


def evaluate(
    base_url: str, token: str | None, vignettes: Path, blind: Path | None, report: Path, workers: int
) -> int:
    outcomes = run_all(load_personas(vignettes), rest_chats(base_url, token), workers=workers)
    summary = summarise(outcomes)
    print(results_table(outcomes))
    print("\n".join(["", "Vignettes:", *summary_lines(summary)]))
    failures = failed_bars(summary)
    sections = [report_markdown(outcomes)]
    if blind is not None:
        held_out = run_all(load_personas(blind), rest_chats(base_url, token, prefix="blind"), workers=workers)
        held_out_summary = summarise(held_out)
        print(
            "\n".join(
                ["", "Blind set (held out):", *summary_lines(held_out_summary), *missed_levels(held_out)]
            )
        )
        failures += [f"blind set: {miss}" for miss in failed_bars(held_out_summary, TRIAGE_BARS)]
        sections.append(held_out_report(held_out))
    report.parent.mkdir(parents=True, exist_ok=True)
    report.write_text("\n".join(sections) + "\n", encoding="utf-8")
    return verdict(report, failures)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    add_assistant_options(parser)
    parser.add_argument("--vignettes", type=Path, default=VIGNETTE_DIR)
    parser.add_argument(
        "--blind", type=Path, default=BLIND_DIR, help="held-out conversations (aggregates only)"
    )
    parser.add_argument("--no-blind", action="store_true", help="play the vignettes only")
    parser.add_argument("--report", type=Path, default=DEFAULT_REPORT)
    parser.add_argument("--workers", type=int, default=4, help="conversations played side by side")
    args = parser.parse_args(argv)
    blind = None if args.no_blind else args.blind

    return against_assistant(
        args, lambda url: evaluate(url, args.token, args.vignettes, blind, args.report, args.workers)
    )


if __name__ == "__main__":
    sys.exit(main())
