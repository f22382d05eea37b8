"""The repository explains itself: no tracked file sends the reader to a file outside it (a design brief kept
elsewhere, a shared folder, a path on the machine it was written on), every relative link in its Markdown
resolves to a file inside it, and config.yml carries no dated diary of measurements (docs/benchmarks.md does)."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

PROJECT_ROOT = Path(__file__).resolve().parents[1]

# Assembled here so that this file does not match its own patterns.
OUTSIDE_REFERENCES = {
    "the design brief kept outside the repository": re.compile("DESIGN" + r"\.md"),
    "a shared folder beside the repository": re.compile(r"\.\./" + "shared"),
    "an absolute path of the machine it was written on": re.compile(r"(?<![\w.])/" + r"(work|root)/"),
}
MARKDOWN_LINK = re.compile(r"\[[^\]]*\]\(([^)\s]+)\)")
DATE = re.compile(r"\b20\d\d-\d\d-\d\d\b")
# Generated or vendored files whose text is not ours to word.
NOT_OURS = ("bot/web/package-lock.json",)


def tracked_text_files() -> list[Path]:
    listed = subprocess.run(
        ["git", "ls-files", "-z"], cwd=PROJECT_ROOT, capture_output=True, check=True
    ).stdout.decode()
    paths = [PROJECT_ROOT / name for name in listed.split("\0") if name and name not in NOT_OURS]
    return [path for path in paths if path.is_file() and b"\0" not in path.read_bytes()[:4096]]


def outside_references(text: str) -> list[tuple[str, str]]:
    return [
        (kind, match.group())
        for kind, pattern in OUTSIDE_REFERENCES.items()
        for match in pattern.finditer(text)
    ]


def broken_links(markdown: Path, root: Path = PROJECT_ROOT) -> list[str]:
    """Relative links of a Markdown file that do not lead to a file or folder inside the repository."""
    broken = []
    for target in MARKDOWN_LINK.findall(markdown.read_text()):
        path = target.split("#")[0]
        if not path or re.match(r"[a-z]+:", path):
            continue
        resolved = (markdown.parent / path).resolve()
        if not resolved.is_relative_to(root) or not resolved.exists():
            broken.append(target)
    return broken


@pytest.fixture(scope="module")
def files() -> list[Path]:
    found = tracked_text_files()
    assert len(found) > 50, "git ls-files listed the repository"
    return found


def test_the_patterns_find_what_they_are_for() -> None:
    assert [kind for kind, _ in outside_references("see ../" + "shared/" + "DESIGN" + ".md, section 5")] == [
        "the design brief kept outside the repository",
        "a shared folder beside the repository",
    ]
    assert outside_references("cp /" + "work/main/x .") != []
    assert outside_references("docs/design.md, bot/web/README.md, https://example.org/home/x") == []


def test_a_link_to_a_missing_file_or_out_of_the_repository_is_broken(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "b.md").write_text("")
    (tmp_path.parent / "outside.md").write_text("")
    markdown = tmp_path / "docs" / "a.md"
    markdown.write_text(
        "[b](b.md#part) [gone](gone.md) [out](../../outside.md) [web](https://example.org/x) [here](#top)"
    )
    assert broken_links(markdown, root=tmp_path) == ["gone.md", "../../outside.md"]


def test_no_tracked_file_refers_to_a_file_outside_the_repository(files: list[Path]) -> None:
    found = [
        (str(path.relative_to(PROJECT_ROOT)), kind, matched)
        for path in files
        for kind, matched in outside_references(path.read_text(errors="replace"))
    ]
    assert found == []


def test_every_relative_markdown_link_leads_inside_the_repository(files: list[Path]) -> None:
    found = [
        (str(path.relative_to(PROJECT_ROOT)), target)
        for path in files
        if path.suffix == ".md"
        for target in broken_links(path)
    ]
    assert found == []


def test_config_yml_says_why_each_setting_is_set_without_a_diary_of_measurements() -> None:
    comments = [line for line in (PROJECT_ROOT / "config.yml").read_text().splitlines() if "#" in line]
    assert [line for line in comments if DATE.search(line)] == []
