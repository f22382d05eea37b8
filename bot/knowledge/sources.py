"""The only places the assistant's medical content may come from (DESIGN.md section 6).

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
            "shared/sources/000_8024f8b374a21900.txt",
        ),
        Source(
            "doc_facial_spasms",
            "What causes facial spasms? From minor to serious",
            "shared/sources/001_e9681bc2406a5569.txt",
        ),
        Source("nhs_stroke_fast", "NHS: Stroke symptoms (FAST)", "NHS, stroke: face, arms, speech, time"),
        Source("nhs_bells_palsy", "NHS: Bell's palsy", "NHS, Bell's palsy"),
        Source("nhs_twitching", "NHS: Twitching eyes and muscles", "NHS, twitching eyes and muscles"),
        Source(
            "nhs_red_eye",
            "NHS: Red eye",
            "NHS, red eye (https://www.nhs.uk/conditions/red-eye/): a painful red eye needs urgent help",
        ),
        # Not a medical document: the project's own triage policy. Cited only by triage rules that the
        # policy sets but no document or reference states, so a clinician auditing the table sees it.
        Source("triage_policy", "Project triage policy (DESIGN.md section 5)", "DESIGN.md section 5"),
        Source(
            "be_fast",
            "BE-FAST stroke screen",
            "Aroor et al., BE-FAST (Balance, Eyes, Face, Arm, Speech, Time), Stroke 2017",
        ),
    )
}


def source(source_id: str) -> Source:
    """The source with this id; KeyError for an id that is not one of the permitted sources."""
    return SOURCES[source_id]
