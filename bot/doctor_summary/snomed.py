"""SNOMED CT codes for findings, only where one was looked up and its meaning matches the finding; never guessed.

Each code below was looked up (December 2026) in published terminology material and found with the same code and
fully specified name in more than one independent source; the sources are named beside it. A finding whose
meaning no looked-up concept matches closely is sent with its text alone (FHIR allows a CodeableConcept with
text only): "a change in hearing" is not "hearing loss", "numbness, tingling or another change in feeling" is
not "numbness", "a red, swollen or sticky eye" is not only a "red eye", and a sudden severe headache is more
than "headache". Add a code only after looking it up the same way (docs/fhir.md says how).
"""

from __future__ import annotations

from dataclasses import dataclass

SNOMED_SYSTEM = "http://snomed.info/sct"


@dataclass(frozen=True)
class SnomedConcept:
    code: str
    display: str  # the concept's fully specified name


SNOMED_CODES: dict[str, SnomedConcept] = {
    # HL7 FHIR Shorthand value set of stroke signs, Synthea's condition statistics, a symptom-to-SNOMED table;
    # "slurred or difficult speech" is dysarthria.
    "speech_difficulty": SnomedConcept("8011004", "Dysarthria (finding)"),
    # A SNOMED CT release read by a terminology server's own tests, FHIR examples, UMLS-to-SNOMED tables.
    "multiple_sclerosis": SnomedConcept("24700007", "Multiple sclerosis (disorder)"),
    # The SNOMED International browser (conceptId 193093009), OpenSAFELY's Bell's palsy codelist, a Spanish FHIR
    # implementation guide ("parálisis de Bell"), a SNOMED-to-ICD-10 (G51.0) table. The finding is a history of it.
    "bells_palsy_history": SnomedConcept("193093009", "Bell's palsy (disorder)"),
    # FHIR Shorthand examples (with ICD-10 H57.1), a symptom-to-SNOMED table, a triage terminology mapping.
    "eye_pain": SnomedConcept("41652007", "Pain in eye (finding)"),
}
