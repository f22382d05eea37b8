"""docs/triage-policy.md, generated from the rules themselves so the audited table is the code that runs.

Regenerate with `python -m bot.triage.policy_table`; a test fails when the committed file is out of date.
"""

from __future__ import annotations

from pathlib import Path

from bot.knowledge.items import source_titles
from bot.triage.rules import RULES, Rule

POLICY_DOC = Path(__file__).resolve().parents[2] / "docs" / "triage-policy.md"

_INTRO = """# Triage policy

Generated from `bot/triage/rules.py` by `python -m bot.triage.policy_table`: do not edit by hand.

The first level (most urgent first) with a rule that matches decides. Every matching rule is given as a
reason, most urgent first; the self-care rule only when it decides. An unknown finding is neither present
nor absent.
"""


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def _row(rule: Rule) -> str:
    cells = (rule.level.value, f"`{rule.name}`", _cell(rule.condition), _cell(source_titles(rule.sources)))
    return "| " + " | ".join(cells) + " |"


def render_policy_table() -> str:
    lines = ["| level | rule | condition | source |", "|---|---|---|---|", *(_row(rule) for rule in RULES)]
    return _INTRO + "\n" + "\n".join(lines) + "\n"


def main() -> None:
    POLICY_DOC.write_text(render_policy_table(), encoding="utf-8")


if __name__ == "__main__":
    main()
