"""`make help` lists every target of the Makefile, one line each, with what it does."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[1]


def phony_targets(makefile: str) -> list[str]:
    """The targets the Makefile declares .PHONY (a declaration may continue over lines ending in a backslash)."""
    declarations = re.findall(r"^\.PHONY:((?:[^\n]*\\\n)*[^\n]*)", makefile, flags=re.MULTILINE)
    return [target for declaration in declarations for target in declaration.replace("\\\n", " ").split()]


def help_lines() -> dict[str, str]:
    """Target -> its line in `make help`, for each line of the form `make TARGET  what it does`."""
    printed = subprocess.run(
        ["make", "--no-print-directory", "-s", "help"],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    ).stdout
    lines: dict[str, str] = {}
    for line in printed.splitlines():
        match = re.fullmatch(r"make (\S+)\s+(\S.*)", line)
        assert match, f"not a `make TARGET  what it does` line: {line!r}"
        assert match.group(1) not in lines, f"{match.group(1)} is listed twice"
        lines[match.group(1)] = match.group(2)
    return lines


def test_the_phony_targets_are_read_from_the_makefile() -> None:
    assert phony_targets(".PHONY: run test \\\n  lint\nrun:\n") == ["run", "test", "lint"]
    targets = phony_targets((PROJECT_ROOT / "Makefile").read_text())
    assert {"help", "run", "test", "eval-nlu", "clean"} <= set(targets)


def test_make_help_lists_every_phony_target_once_with_what_it_does() -> None:
    targets = phony_targets((PROJECT_ROOT / "Makefile").read_text())
    listed = help_lines()
    missing_from_help = [target for target in targets if target not in listed]
    listed_but_not_phony = [target for target in listed if target not in targets]
    assert (missing_from_help, listed_but_not_phony) == ([], [])
