"""The summary for a clinic's systems: an HL7 FHIR R4 (4.0.1) Bundle, built with the `fhir.resources` models.

Every resource is a `fhir.resources` model, which validates its elements, types and cardinalities as it is built,
and the finished Bundle is parsed back from its JSON before it is returned, so what leaves is what the library
accepts. The Bundle (type "collection") holds:
- a Patient with no identifying data: only the conversation's id, so that the other resources have the subject
  that RiskAssessment requires;
- a QuestionnaireResponse: the questions the assistant asked and the answers as the person gave them (a tapped
  option as its title), with their own description first;
- an Observation for each finding that is present or ruled out (valueBoolean true or false), coded with the
  project's finding code, a SNOMED CT code where one was looked up (bot.doctor_summary.snomed), and always the
  text; and one each for the site and the duration of the twitch when known;
- a RiskAssessment: the urgency level (prediction.outcome), the rules that set it (reasonCode, and the
  prediction's rationale), the triage policy version (method), the findings it rests on (basis), and the
  explanations considered and the line that it is not a diagnosis (note).
"""

from __future__ import annotations

import uuid
from typing import Any

from fhir.resources.annotation import Annotation
from fhir.resources.bundle import Bundle, BundleEntry
from fhir.resources.codeableconcept import CodeableConcept
from fhir.resources.coding import Coding
from fhir.resources.identifier import Identifier
from fhir.resources.observation import Observation
from fhir.resources.patient import Patient
from fhir.resources.quantity import Quantity
from fhir.resources.questionnaireresponse import (
    QuestionnaireResponse,
    QuestionnaireResponseItem,
    QuestionnaireResponseItemAnswer,
)
from fhir.resources.reference import Reference
from fhir.resources.resource import Resource
from fhir.resources.riskassessment import RiskAssessment, RiskAssessmentPrediction

from bot.doctor_summary.conversation import ConversationRecord
from bot.doctor_summary.snomed import SNOMED_CODES, SNOMED_SYSTEM
from bot.doctor_summary.summary import (
    LEVEL_NAMES,
    LOCATION_LABELS,
    NOT_A_DIAGNOSIS,
    DoctorSummary,
    finding_label,
)
from bot.knowledge.advice import LEVEL_ADVICE
from bot.triage.findings import FINDING_CODES, Findings

FHIR_VERSION = "4.0.1"
# The project's own code systems (URNs: no web address is implied).
CONVERSATION_SYSTEM = "urn:facial-twitch-triage:conversation"
FINDING_SYSTEM = "urn:facial-twitch-triage:finding"
LEVEL_SYSTEM = "urn:facial-twitch-triage:triage-level"
RULE_SYSTEM = "urn:facial-twitch-triage:triage-rule"
POLICY_SYSTEM = "urn:facial-twitch-triage:triage-policy"
# HL7's observation categories: what the person said about themselves.
CATEGORY_SYSTEM = "http://terminology.hl7.org/CodeSystem/observation-category"
UCUM = "http://unitsofmeasure.org"
# Stable resource ids within one conversation's Bundle (uuid5 of the conversation id and the resource's name).
_NAMESPACE = uuid.UUID("0d6b8d0e-6a43-4c55-9e0a-3f1c1f3b7a21")
SITE, DURATION = "site", "duration"


def _urn(conversation_id: str, name: str) -> str:
    return f"urn:uuid:{uuid.uuid5(_NAMESPACE, f'{conversation_id}/{name}')}"


def _survey() -> list[CodeableConcept]:
    return [CodeableConcept(coding=[Coding(system=CATEGORY_SYSTEM, code="survey", display="Survey")])]


def finding_concept(code: str) -> CodeableConcept:
    """The finding's code: the project's, SNOMED CT's where looked up, and always the text."""
    label = finding_label(code)
    codings = [Coding(system=FINDING_SYSTEM, code=code, display=label)]
    snomed = SNOMED_CODES.get(code)
    if snomed is not None:
        codings.append(Coding(system=SNOMED_SYSTEM, code=snomed.code, display=snomed.display))
    return CodeableConcept(coding=codings, text=label)


def _observation(
    conversation_id: str, name: str, code: CodeableConcept, when: str, **value: Any
) -> tuple[str, Observation]:
    full_url = _urn(conversation_id, f"observation/{name}")
    observation = Observation(
        status="final",
        category=_survey(),
        code=code,
        subject=Reference(reference=_urn(conversation_id, "patient")),
        effectiveDateTime=when,
        derivedFrom=[Reference(reference=_urn(conversation_id, "questionnaire-response"))],
        **value,
    )
    return full_url, observation


def finding_observations(
    conversation_id: str, findings: Findings, when: str
) -> list[tuple[str, Observation]]:
    """One Observation per finding present (true) or ruled out (false), then the site and the duration."""
    observations = [
        _observation(
            conversation_id, code, finding_concept(code), when, valueBoolean=findings.is_present(code)
        )
        for code in FINDING_CODES
        if not findings.is_unknown(code)
    ]
    if findings.locations:
        places = [LOCATION_LABELS.get(place, place) for place in sorted(findings.locations)]
        side = {"both": "both sides"}.get(findings.face_side or "", findings.face_side)
        site = CodeableConcept(coding=[Coding(system=FINDING_SYSTEM, code=SITE)], text="Site of the twitch")
        observations.append(
            _observation(
                conversation_id,
                SITE,
                site,
                when,
                valueString=", ".join(places) + (f" ({side})" if side else ""),
            )
        )
    if findings.duration_days is not None:
        duration = CodeableConcept(
            coding=[Coding(system=FINDING_SYSTEM, code=DURATION)], text="How long the twitch has lasted"
        )
        quantity = Quantity(value=findings.duration_days, unit="days", system=UCUM, code="d")
        observations.append(_observation(conversation_id, DURATION, duration, when, valueQuantity=quantity))
    return observations


def questionnaire_response(
    conversation_id: str, record: ConversationRecord, when: str
) -> QuestionnaireResponse:
    items = [
        QuestionnaireResponseItem(
            linkId=f"{index}.{exchange.link_id}",
            text=exchange.question or None,
            answer=[QuestionnaireResponseItemAnswer(valueString=exchange.answer)],
        )
        for index, exchange in enumerate(record.exchanges, start=1)
    ]
    return QuestionnaireResponse(
        identifier=Identifier(system=CONVERSATION_SYSTEM, value=conversation_id),
        status="completed",
        subject=Reference(reference=_urn(conversation_id, "patient")),
        authored=when,
        item=items or None,
    )


def risk_assessment(
    conversation_id: str, summary: DoctorSummary, basis: list[str], when: str
) -> RiskAssessment:
    advice = LEVEL_ADVICE.get(summary.level)
    level_text = LEVEL_NAMES.get(summary.level, summary.level)
    outcome = CodeableConcept(
        coding=[
            Coding(
                system=LEVEL_SYSTEM, version=summary.policy_version, code=summary.level, display=level_text
            )
        ],
        text=f"{level_text}: {advice.in_plain_words.text}" if advice else level_text,
    )
    rationale = "; ".join(f"{condition} [{name}]" for name, condition in summary.reasons)
    explanations = "; ".join(
        f"{item.name}: {item.why}" if item.why else item.name for item in summary.explanations
    )
    notes = [Annotation(text=f"Explanations considered (best fit first): {explanations or 'none'}")]
    notes.append(Annotation(text=NOT_A_DIAGNOSIS))
    return RiskAssessment(
        status="final",
        method=CodeableConcept(
            coding=[
                Coding(system=POLICY_SYSTEM, version=summary.policy_version, code=summary.policy_version)
            ],
            text=f"Facial twitch triage policy, version {summary.policy_version}",
        ),
        code=CodeableConcept(text="How soon to seek care for a facial twitch or spasm"),
        subject=Reference(reference=_urn(conversation_id, "patient")),
        occurrenceDateTime=when,
        reasonCode=[
            CodeableConcept(coding=[Coding(system=RULE_SYSTEM, code=name, display=condition)], text=condition)
            for name, condition in summary.reasons
        ]
        or None,
        basis=[Reference(reference=url) for url in basis] or None,
        prediction=[RiskAssessmentPrediction(outcome=outcome, rationale=rationale or None)],
        mitigation=summary.next_steps,
        note=notes,
    )


def _entry(full_url: str, resource: Resource) -> BundleEntry:
    return BundleEntry(fullUrl=full_url, resource=resource)


def fhir_bundle(conversation_id: str, record: ConversationRecord, summary: DoctorSummary) -> Bundle:
    """The conversation's summary as a validated FHIR R4 Bundle."""
    when = summary.assessed_at.isoformat()
    patient = Patient(identifier=[Identifier(system=CONVERSATION_SYSTEM, value=conversation_id)])
    observations = finding_observations(conversation_id, record.evidence.findings, when)
    response_url = _urn(conversation_id, "questionnaire-response")
    entries = [
        _entry(_urn(conversation_id, "patient"), patient),
        _entry(response_url, questionnaire_response(conversation_id, record, when)),
        *(_entry(url, observation) for url, observation in observations),
        _entry(
            _urn(conversation_id, "risk-assessment"),
            risk_assessment(
                conversation_id, summary, [url for url, _ in observations] + [response_url], when
            ),
        ),
    ]
    bundle = Bundle(
        identifier=Identifier(system=CONVERSATION_SYSTEM, value=conversation_id),
        type="collection",
        timestamp=when,
        entry=entries,
    )
    # Validated as built; parsed back from its JSON too, so a client parsing what we send gets the same.
    return Bundle.parse_raw(bundle.json())


def bundle_json(conversation_id: str, record: ConversationRecord, summary: DoctorSummary) -> str:
    """The Bundle as FHIR JSON text (what the chat page's server sends)."""
    text: str = fhir_bundle(conversation_id, record, summary).json(indent=2)
    return text
