"""The only places the assistant's medical content may come from: the two source documents, four NHS pages and the
BE-FAST study, each cited by title and public address.

Every knowledge item, triage rule and explanation names one of these ids; tests fail if one does not.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Source:
    id: str
    title: str
    citation: str


SOURCES: dict[str, Source] = {
    source.id: source
    for source in (
        Source(
            "doc_facial_twitching",
            "Facial twitching: causes, the facial nerve and when to seek advice",
            "docs/sources/facial-twitching.txt",
        ),
        Source(
            "doc_facial_spasms",
            "What causes facial spasms? From minor to serious",
            "docs/sources/facial-spasms.txt",
        ),
        Source(
            "nhs_stroke_fast",
            "NHS: Stroke symptoms (FAST)",
            "NHS, Stroke: symptoms (face, arms, speech, time; other symptoms such as a sudden loss or blurring of "
            "vision and a sudden, very severe headache), https://www.nhs.uk/conditions/stroke/symptoms/",
        ),
        Source(
            "nhs_bells_palsy",
            "NHS: Bell's palsy",
            "NHS, Bell's palsy, https://www.nhs.uk/conditions/bells-palsy/",
        ),
        Source(
            "nhs_twitching",
            "NHS: Twitching eyes and muscles",
            "NHS, Twitching eyes and muscles, https://www.nhs.uk/conditions/twitching-eyes-and-muscles/",
        ),
        Source(
            "nhs_red_eye",
            "NHS: Red eye",
            "NHS, Red eye (a pharmacist can help; a painful red eye needs an urgent GP appointment), "
            "https://www.nhs.uk/conditions/red-eye/",
        ),
        Source(
            "nhs_dystonia",
            "NHS: Dystonia",
            "NHS, Dystonia (blepharospasm is one of its forms), https://www.nhs.uk/conditions/dystonia/",
        ),
        # Not a medical document: the project's own triage policy. Cited only by triage rules that the
        # policy sets but no document or reference states, so a clinician auditing the table sees it.
        Source("triage_policy", "This assistant's triage policy", "docs/triage-policy.md"),
        Source(
            "be_fast",
            "BE-FAST stroke screen",
            "Aroor S, Singh R, Goldstein LB. BE-FAST (Balance, Eyes, Face, Arm, Speech, Time): reducing the "
            "proportion of strokes missed using the FAST mnemonic. Stroke 2017;48(2):479-481, "
            "https://doi.org/10.1161/STROKEAHA.116.015169",
        ),
    )
}


def source(source_id: str) -> Source:
    """The source with this id; KeyError for an id that is not one of the permitted sources."""
    return SOURCES[source_id]
