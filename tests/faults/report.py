"""reports/faults.md: the figures of each fault injected under load, one section per fault, rewritten by each
run of its test (the other sections are kept)."""

from __future__ import annotations

import re
import time
from collections.abc import Sequence

from bot.server.launcher import PROJECT_ROOT

REPORT = PROJECT_ROOT / "reports" / "faults.md"
TITLE = "# Faults under load\n\nWritten by tests/faults/test_faults_under_load.py; one section per fault.\n"


def record_fault(name: str, figures: Sequence[tuple[str, str]]) -> None:
    """Replace the section `name` of the report with these (figure, value) rows."""
    rows = "\n".join(f"| {figure} | {value} |" for figure, value in figures)
    section = (
        f"## {name}\n\nMeasured {time.strftime('%Y-%m-%d %H:%M')}.\n\n| figure | value |\n|---|---|\n{rows}\n"
    )
    text = REPORT.read_text() if REPORT.exists() else TITLE
    sections = re.split(r"(?m)^(?=## )", text)
    kept = [part for part in sections[1:] if not part.startswith(f"## {name}\n")]
    REPORT.parent.mkdir(parents=True, exist_ok=True)
    REPORT.write_text(
        "\n".join(part.rstrip("\n") + "\n" for part in [sections[0], *sorted([*kept, section])])
    )
