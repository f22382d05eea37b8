"""`make eval-dialogue`: play every persona vignette (tests/vignettes/) against the assistant over REST.

Without --url it starts the action server and Rasa itself (bot.server.launcher, as `make run` does) on free
ports with a throw-away SQLite tracker store. Writes reports/dialogue.md, prints the figures and a table, and
exits non-zero unless every bar is met (safe 100%, exact >= 95%, median follow-ups <= 4, no redundant
question, no silent turn).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from bot.eval.vignettes import (
    VIGNETTE_DIR,
    failed_bars,
    load_personas,
    report_markdown,
    rest_chats,
    results_table,
    run_all,
    summarise,
    summary_lines,
)
from bot.server.launcher import DEFAULT_MODEL, PROJECT_ROOT, free_port, start_all

DEFAULT_REPORT = PROJECT_ROOT / "reports" / "dialogue.md"


@contextmanager
def local_assistant(model: Path) -> Iterator[str]:
    """A private assistant for this run: nothing it stores outlives it, nothing else shares its ports."""
    with tempfile.TemporaryDirectory(prefix="eval-dialogue-") as runtime_dir:
        env = {
            **os.environ,
            "RASA_PORT": str(free_port()),
            "ACTION_PORT": str(free_port()),
            "TRACKER_DB": str(Path(runtime_dir) / "conversations.db"),
            "BOT_RUNTIME_DIR": runtime_dir,
        }
        servers, settings = start_all(env, model, with_web=False)
        try:
            yield f"http://127.0.0.1:{settings.rasa_port}"
        finally:
            servers.stop()


def evaluate(base_url: str, token: str | None, vignettes: Path, report: Path, workers: int) -> int:
    outcomes = run_all(load_personas(vignettes), rest_chats(base_url, token), workers=workers)
    report.parent.mkdir(parents=True, exist_ok=True)
    report.write_text(report_markdown(outcomes), encoding="utf-8")

    summary = summarise(outcomes)
    print(results_table(outcomes))
    print("\n".join(["", *summary_lines(summary)]))
    failures = failed_bars(summary)
    print(f"\nReport: {report}")
    if failures:
        print("FAILED: " + "; ".join(failures))
        return 1
    print("All bars met.")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--url", help="a running assistant (e.g. http://127.0.0.1:5005); default: start one")
    parser.add_argument("--token", default=os.environ.get("BOT_AUTH_TOKEN"), help="HTTP API token, if set")
    parser.add_argument("--model", type=Path, default=DEFAULT_MODEL)
    parser.add_argument("--vignettes", type=Path, default=VIGNETTE_DIR)
    parser.add_argument("--report", type=Path, default=DEFAULT_REPORT)
    parser.add_argument("--workers", type=int, default=4, help="conversations played side by side")
    args = parser.parse_args(argv)

    if args.url:
        return evaluate(args.url.rstrip("/"), args.token, args.vignettes, args.report, args.workers)
    if not args.model.exists():
        print(f"no trained model at {args.model}: run `make train` first", file=sys.stderr)
        return 2
    with local_assistant(args.model) as base_url:
        return evaluate(base_url, args.token, args.vignettes, args.report, args.workers)


if __name__ == "__main__":
    sys.exit(main())
