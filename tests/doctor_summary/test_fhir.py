"""The FHIR R4 Bundle (bot.doctor_summary.fhir): it passes fhir.resources' validation, every finding present or
ruled out is an Observation with the right value, SNOMED CT codes only where looked up, and the level's reasons."""

from __future__ import annotations

import json
from typing import Any

import pytest
from fhir.resources import __fhir_version__
from fhir.resources.bundle import Bundle
from pydantic import ValidationError

from bot.doctor_summary.conversation import read_conversation
from bot.doctor_summary.fhir import FINDING_SYSTEM, LEVEL_SYSTEM, RULE_SYSTEM, bundle_json, fhir_bundle
from bot.doctor_summary.snomed import SNOMED_CODES, SNOMED_SYSTEM
from bot.doctor_summary.summary import NOT_A_DIAGNOSIS, POLICY_VERSION, build_summary
from bot.triage.findings import FINDING_CODES, Findings
from tests.doctor_summary.conversations import SELF_CARE_FINDINGS, assessed_events

CONVERSATION = "conversation-42"


def bundle_for(findings: Findings = SELF_CARE_FINDINGS) -> dict[str, Any]:
    record = read_conversation(assessed_events(findings))
    assert record is not None
    summary = build_summary(record)
    assert summary is not None
    parsed: dict[str, Any] = json.loads(bundle_json(CONVERSATION, record, summary))
    return parsed


def resources(bundle: dict[str, Any], kind: str) -> list[dict[str, Any]]:
    return [entry["resource"] for entry in bundle["entry"] if entry["resource"]["resourceType"] == kind]


def finding_values(bundle: dict[str, Any]) -> dict[str, bool]:
    values = {}
    for observation in resources(bundle, "Observation"):
        codes = [c["code"] for c in observation["code"]["coding"] if c["system"] == FINDING_SYSTEM]
        if codes[0] in FINDING_CODES:
            values[codes[0]] = observation["valueBoolean"]
    return values


def test_the_models_are_fhir_r4() -> None:
    assert __fhir_version__ == "4.0.1"


def test_the_bundle_passes_the_librarys_validation() -> None:
    bundle = bundle_for()
    Bundle.parse_obj(bundle)  # raises on anything FHIR R4 does not allow
    assert bundle["type"] == "collection"
    kinds = [entry["resource"]["resourceType"] for entry in bundle["entry"]]
    assert kinds[:2] == ["Patient", "QuestionnaireResponse"] and kinds[-1] == "RiskAssessment"
    assert all(entry["fullUrl"].startswith("urn:uuid:") for entry in bundle["entry"])


def test_the_library_refuses_what_r4_does_not_allow() -> None:
    bundle = bundle_for()
    risk = bundle["entry"][-1]["resource"]
    del risk["subject"]  # RiskAssessment.subject is 1..1
    with pytest.raises(ValidationError):
        Bundle.parse_obj(bundle)


def test_each_finding_present_or_ruled_out_is_an_observation_with_its_status() -> None:
    mixed = Findings.from_values(
        {code: ("present" if index % 2 else "absent") for index, code in enumerate(FINDING_CODES)},
        locations=["eyelid"],
    )
    for findings in (SELF_CARE_FINDINGS, mixed):
        expected = {
            code: findings.is_present(code) for code in FINDING_CODES if not findings.is_unknown(code)
        }
        assert finding_values(bundle_for(findings)) == expected


def test_codes_are_snomed_only_where_looked_up_and_always_have_the_text() -> None:
    everything = Findings.from_values(dict.fromkeys(FINDING_CODES, "present"))
    for observation in resources(bundle_for(everything), "Observation"):
        concept = observation["code"]
        assert concept["text"]
        finding = next(c["code"] for c in concept["coding"] if c["system"] == FINDING_SYSTEM)
        snomed = [c for c in concept["coding"] if c["system"] == SNOMED_SYSTEM]
        if finding in SNOMED_CODES:
            assert snomed == [
                {
                    "system": SNOMED_SYSTEM,
                    "code": SNOMED_CODES[finding].code,
                    "display": SNOMED_CODES[finding].display,
                }
            ]
        else:
            assert snomed == []


def test_site_and_duration_are_observations_too() -> None:
    observations = resources(bundle_for(), "Observation")
    by_code = {o["code"]["coding"][0]["code"]: o for o in observations}
    assert by_code["site"]["valueString"] == "eyelid (left)"
    assert by_code["duration"]["valueQuantity"] == {
        "value": 6,
        "unit": "days",
        "system": "http://unitsofmeasure.org",
        "code": "d",
    }


def test_the_questions_and_the_answers_as_given() -> None:
    (response,) = resources(bundle_for(), "QuestionnaireResponse")
    assert response["status"] == "completed"
    assert response["identifier"]["value"] == CONVERSATION
    answers = [(item["linkId"], item["answer"][0]["valueString"]) for item in response["item"]]
    assert answers == [
        ("1.description", "my left eyelid keeps jumping since monday, living on coffee"),
        ("2.q_progression", "No"),
        ("3.q_accompanying", "none of those"),
    ]


def test_the_risk_assessment_gives_the_level_its_reasons_and_the_policy_version() -> None:
    bundle = bundle_for()
    (risk,) = resources(bundle, "RiskAssessment")
    outcome = risk["prediction"][0]["outcome"]["coding"][0]
    assert (outcome["system"], outcome["code"], outcome["version"]) == (
        LEVEL_SYSTEM,
        "self_care",
        POLICY_VERSION,
    )
    assert [reason["coding"][0]["code"] for reason in risk["reasonCode"]] == ["self_care"]
    assert all(reason["coding"][0]["system"] == RULE_SYSTEM for reason in risk["reasonCode"])
    assert POLICY_VERSION in risk["method"]["text"]
    assert any(note["text"] == NOT_A_DIAGNOSIS for note in risk["note"])
    assert any("Myokymia" in note["text"] for note in risk["note"])
    urls = {entry["fullUrl"] for entry in bundle["entry"]}
    assert {basis["reference"] for basis in risk["basis"]} <= urls


def test_an_emergency_is_a_risk_assessment_with_its_rules() -> None:
    findings = Findings.from_values({"facial_weakness": "present", "limb_weakness": "present"})
    record = read_conversation(assessed_events(findings, reported_emergency=True))
    assert record is not None
    summary = build_summary(record)
    assert summary is not None
    bundle = fhir_bundle(CONVERSATION, record, summary)
    risk = bundle.entry[-1].resource
    assert risk.prediction[0].outcome.coding[0].code == "emergency"
    reasons = {reason.coding[0].code for reason in risk.reasonCode}
    assert {"reported_emergency", "sudden_facial_weakness", "limb_weakness"} <= reasons
