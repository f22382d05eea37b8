"""docs/triage-policy.md is generated from the rules and must be kept up to date."""

from __future__ import annotations

from bot.knowledge.sources import source
from bot.triage.policy_table import POLICY_DOC, render_policy_table
from bot.triage.rules import RULES


def test_committed_policy_doc_is_up_to_date() -> None:
    assert POLICY_DOC.read_text(encoding="utf-8") == render_policy_table(), (
        "docs/triage-policy.md is out of date: run `python -m bot.triage.policy_table`"
    )


def test_table_has_a_row_per_rule_with_level_condition_and_source() -> None:
    table = render_policy_table()
    for rule in RULES:
        row = next(line for line in table.splitlines() if f"| `{rule.name}` |" in line)
        assert row.startswith(f"| {rule.level.value} |")
        assert rule.condition in row
        assert all(source(source_id).title in row for source_id in rule.sources)
