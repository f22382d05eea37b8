"""Conversations as Rasa's event dicts, for the summary's unit tests (the shape the tracker store keeps)."""

from __future__ import annotations

from typing import Any

from bot.dialogue.evidence import Evidence
from bot.doctor_summary.summary import POLICY_VERSION
from bot.triage.engine import assess
from bot.triage.findings import Findings

ASSESSED_AT = 1_796_372_400.0  # 2026-12-04 08:20 UTC

SELF_CARE_FINDINGS = Findings.from_values(
    {
        "twitching": "present",
        "caffeine": "present",
        "stress": "absent",
        "worsening": "absent",
        "spread": "absent",
        "facial_weakness": "absent",
        "severe_pain": "absent",
        "numbness_tingling": "absent",
        "hearing_change": "absent",
        "balance_problem": "absent",
        "multiple_sclerosis": "absent",
        "bells_palsy_history": "absent",
    },
    face_side="left",
    locations=["eyelid"],
    duration_days=6,
    asked=["worsening", "spread", "eye_closure", *("facial_weakness", "severe_pain")],
)


def user(text: str, intent: str = "inform", entities: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    return {
        "event": "user",
        "text": text,
        "input_channel": "rest",
        "parse_data": {"intent": {"name": intent}, "entities": entities or []},
    }


def bot(text: str, buttons: list[dict[str, str]] | None = None) -> dict[str, Any]:
    return {"event": "bot", "text": text, "data": {"buttons": buttons} if buttons else {}}


def slot(name: str, value: Any, timestamp: float = ASSESSED_AT - 60) -> dict[str, Any]:
    return {"event": "slot", "name": name, "value": value, "timestamp": timestamp}


def assessed_events(
    findings: Findings = SELF_CARE_FINDINGS, reported_emergency: bool = False
) -> list[dict[str, Any]]:
    """A description, two questions answered (one by a tapped option), then the assessment."""
    assessment = {**assess(findings, reported_emergency).to_json(), "policy_version": POLICY_VERSION}
    return [
        user("my left eyelid keeps jumping since monday, living on coffee", "describe_symptoms"),
        slot("requested_slot", "q_progression"),
        bot(
            "Is it getting worse, spreading, or forcing your eye shut?", [{"title": "No", "payload": "/deny"}]
        ),
        user("/deny", "deny"),
        slot("requested_slot", "q_accompanying"),
        bot(
            "Do you have any of these with it: weakness?",
            [{"title": "None of these", "payload": "/none_of_these"}],
        ),
        user("none of those", "none_of_these"),
        slot("evidence", Evidence(findings=findings).to_json()),
        slot("requested_slot", None),
        {"event": "active_loop", "name": None},
        slot("triage_level", assessment["level"], ASSESSED_AT),
        slot("assessment", assessment, ASSESSED_AT),
    ]
