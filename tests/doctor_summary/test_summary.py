"""The summary for the doctor from a conversation's events (bot.doctor_summary): content, phone-sized messages,
the policy version, and what it leaves out."""

from __future__ import annotations

import hashlib
import subprocess
import sys

import pytest

from bot.doctor_summary.conversation import DESCRIPTION, read_conversation
from bot.doctor_summary.summary import (
    FINDING_LABELS,
    NOT_A_DIAGNOSIS,
    POLICY_VERSION,
    TITLE,
    DoctorSummary,
    build_summary,
)
from bot.knowledge.items import MAX_MESSAGE_CHARS
from bot.server.launcher import PROJECT_ROOT
from bot.triage.findings import FINDING_CODES, Findings
from bot.triage.policy_table import render_policy_table
from tests.doctor_summary.conversations import SELF_CARE_FINDINGS, assessed_events, slot, user


def summary_of(events: list[dict[str, object]]) -> DoctorSummary:
    record = read_conversation(events)
    assert record is not None
    summary = build_summary(record)
    assert summary is not None
    return summary


def test_every_finding_has_a_clinical_label() -> None:
    assert set(FINDING_LABELS) == set(FINDING_CODES)


def test_the_policy_version_is_a_hash_of_the_rule_table() -> None:
    assert hashlib.sha256(render_policy_table().encode()).hexdigest()[:12] == POLICY_VERSION


def test_the_summary_says_what_was_reported_ruled_out_and_decided() -> None:
    summary = summary_of(assessed_events())
    text = summary.text()

    assert text.startswith(f"{TITLE} (4 December 2026, 08:20 UTC)")
    assert "Site: eyelid" in text and "Side: left" in text and "Duration: 6 days" in text
    assert "Course, denied: Spread beyond the eye; Getting more frequent or stronger" in text
    assert "Present: none reported" in text
    assert (
        "Ruled out: Facial weakness or droop; Severe facial pain; Facial numbness or tingling; Change in hearing; "
        "Balance or coordination problems" in text
    )
    assert "Triggers: Caffeine" in text and "Triggers, denied: Stress" in text
    assert "History, denied: Previous Bell's palsy; Multiple sclerosis" in text
    # The stroke signs were never asked: a doctor must know they were not ruled out.
    assert "Not asked: Arm or leg weakness; Slurred or difficult speech" in text
    assert "Level: Self care" in text and "[self_care]" in text
    assert "Myokymia" in text
    assert f"Version {POLICY_VERSION}" in text
    assert text.rstrip().endswith(NOT_A_DIAGNOSIS)


def test_what_could_not_be_ruled_out_is_said() -> None:
    findings = Findings.from_values(
        {"twitching": "present", "worsening": "present"},
        locations=["cheek"],
        asked=["hearing_change", "duration"],
        at_least_one_of=[["facial_weakness", "severe_pain"]],
        suspected=["balance_problem"],
    )
    text = summary_of(assessed_events(findings)).text()

    assert (
        "At least one of: Facial weakness or droop; Severe facial pain (said yes without saying which)"
        in text
    )
    assert "Asked, no clear answer: Change in hearing" in text
    assert "Asked, no clear answer: how long it has lasted" in text
    assert "Suspected from their words, not confirmed: Balance or coordination problems" in text
    assert "Course: Getting more frequent or stronger" in text


def test_each_chat_message_fits_a_phone_screen_even_when_everything_was_said() -> None:
    everything = Findings.from_values(
        dict.fromkeys(FINDING_CODES, "present"),
        face_side="both",
        locations=["eyelid", "cheek", "mouth", "neck"],
    )
    for findings in (SELF_CARE_FINDINGS, everything):
        summary = summary_of(assessed_events(findings))
        messages = summary.chat_messages()
        assert all(len(message) <= MAX_MESSAGE_CHARS for message in messages)
        assert messages[0].startswith(TITLE)
        assert messages[-1].endswith(NOT_A_DIAGNOSIS)
        # Nothing is lost in the split: every line of every section is in one of the messages.
        joined = "\n".join(messages)
        for section in summary.sections:
            for line in section.lines:
                assert line in joined or all(word in joined for word in line.split())


def test_no_summary_before_an_assessment_nor_after_starting_again() -> None:
    description = [user("my eyelid twitches", "describe_symptoms"), slot("requested_slot", "q_duration")]
    record = read_conversation(description)
    assert record is not None and build_summary(record) is None
    restarted = read_conversation([*assessed_events(), {"event": "restart"}, user("hi", "greet")])
    assert restarted is not None and build_summary(restarted) is None and restarted.exchanges == ()
    assert read_conversation([]) is None  # unknown or erased


def test_the_answers_are_kept_as_given_and_a_tapped_option_as_its_title() -> None:
    record = read_conversation(assessed_events())
    assert record is not None
    assert [(exchange.link_id, exchange.answer) for exchange in record.exchanges] == [
        (DESCRIPTION, "my left eyelid keeps jumping since monday, living on coffee"),
        ("q_progression", "No"),
        ("q_accompanying", "none of those"),
    ]
    assert record.exchanges[1].question.startswith("Is it getting worse")


def test_the_latest_assessment_is_summarised() -> None:
    later = Findings.from_values(
        {**SELF_CARE_FINDINGS.to_json(), "worsening": "present"}, locations=["eyelid"]
    )
    events = [*assessed_events(), *assessed_events(later)[-5:]]
    summary = summary_of(events)
    assert summary.level == "routine"
    assert "Course: Getting more frequent or stronger" in summary.text()


@pytest.mark.parametrize("module", ["bot.doctor_summary.summary", "bot.doctor_summary.fhir"])
def test_the_summary_needs_no_rasa(module: str) -> None:
    code = (
        f"import sys, {module}\n"
        "loaded = [m for m in sys.modules if m.split('.')[0] in ('rasa', 'rasa_sdk')]\n"
        "assert not loaded, loaded\n"
    )
    subprocess.run([sys.executable, "-c", code], cwd=PROJECT_ROOT, check=True)
