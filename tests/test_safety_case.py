"""docs/safety.md stays current: every file, code name and test it names exists, and each hazard names at least one
control in the code and one test."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAFETY_CASE = (ROOT / "docs" / "safety.md").read_text(encoding="utf-8")
# `path` or `path::name`, for files of the repository (a path has a slash and an extension).
REFERENCE = re.compile(r"`((?:[\w.-]+/)+[\w.-]+\.\w+)(?:::(\w+))?`")
REFERENCES = REFERENCE.findall(SAFETY_CASE)
HAZARDS = re.split(r"^### ", SAFETY_CASE, flags=re.MULTILINE)[1:]


def _defines(path: Path, name: str) -> bool:
    """The file defines this function, class or module-level name."""
    return bool(
        re.search(
            rf"^(?:async def|def|class) {name}\b|^{name}\b\s*[:=]", path.read_text(encoding="utf-8"), re.M
        )
    )


@pytest.mark.parametrize(("path", "name"), REFERENCES, ids=[f"{path}::{name}" for path, name in REFERENCES])
def test_every_file_and_name_the_safety_case_cites_exists(path: str, name: str) -> None:
    assert (ROOT / path).is_file(), f"{path} does not exist"
    if name:
        assert _defines(ROOT / path, name), f"{path} defines no {name}"


@pytest.mark.parametrize("hazard", HAZARDS, ids=[hazard.splitlines()[0] for hazard in HAZARDS])
def test_each_hazard_names_a_control_and_a_test(hazard: str) -> None:
    cited = REFERENCE.findall(hazard)
    assert any(not path.startswith("tests/") for path, _ in cited), "no control in the code"
    assert any(path.startswith("tests/") and name.startswith("test_") for path, name in cited), "no test"


def test_the_five_hazards_are_covered() -> None:
    titles = " ".join(hazard.splitlines()[0].lower() for hazard in HAZARDS)
    for hazard in ("under-triage", "missed red flag", "false reassurance", "does not reach", "wrong content"):
        assert hazard in titles
