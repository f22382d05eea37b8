"""The summary for the person's doctor: what they reported in plain clinical terms, what could not be ruled out,
the level and the rules that set it, the explanations considered, and the triage policy's version.

Built from a conversation's record (bot.doctor_summary.conversation): the findings are the conversation's
evidence, the level, rules and explanations are those of the assessment the person was given. The same summary
is sent as chat messages that each fit one phone screen (Slack, Telegram, REST), shown in the web widget with
"Copy" and "Print / save as PDF", and carried by the FHIR Bundle (bot.doctor_summary.fhir).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any

from bot.doctor_summary.conversation import ConversationRecord
from bot.knowledge.advice import CONDITIONS, LEVEL_ADVICE
from bot.knowledge.items import MAX_MESSAGE_CHARS
from bot.triage.explanations import rank_explanations
from bot.triage.findings import (
    DURATION,
    EYE_CODES,
    HISTORY_CODES,
    PATTERN_CODES,
    RED_FLAG_CODES,
    TRIGGER_CODES,
    Findings,
)
from bot.triage.policy_table import render_policy_table
from bot.triage.rules import RULES

TITLE = "Summary for your doctor"
NOT_A_DIAGNOSIS = (
    "This is not a diagnosis. It was written by an automated triage assistant from what the person typed, "
    "for a clinician to check with them."
)
# The triage policy that produced an assessment: a hash of the rule table that docs/triage-policy.md shows
# (bot.triage.policy_table renders it from bot/triage/rules.py), so any change to a rule, its level, its
# wording or its sources gives a new version.
POLICY_VERSION = hashlib.sha256(render_policy_table().encode("utf-8")).hexdigest()[:12]

# Each finding in plain clinical terms (bot.triage.findings codes).
FINDING_LABELS: dict[str, str] = {
    "twitching": "Facial twitching",
    "spread": "Spread beyond the eye",
    "worsening": "Getting more frequent or stronger",
    "eye_closure": "Spasm forces the eye shut",
    "function_impact": "Interferes with seeing, eating, speaking or driving",
    "linked_movements": "Linked movements (synkinesis), e.g. the eye closing when smiling",
    "facial_weakness": "Facial weakness or droop",
    "sudden_onset": "Sudden onset of the weakness",
    "limb_weakness": "Arm or leg weakness",
    "speech_difficulty": "Slurred or difficult speech",
    "vision_loss": "Sudden loss of vision or double vision",
    "severe_headache": "Sudden severe headache",
    "severe_pain": "Severe facial pain",
    "numbness_tingling": "Facial numbness or tingling",
    "hearing_change": "Change in hearing",
    "balance_problem": "Balance or coordination problems",
    "caffeine": "Caffeine",
    "alcohol": "Alcohol",
    "stress": "Stress",
    "poor_sleep": "Poor sleep or tiredness",
    "eye_strain": "Eye strain (screens, reading)",
    "diet_deficiency": "Poor diet",
    "bells_palsy_history": "Previous Bell's palsy",
    "facial_injury_history": "Previous injury to the face or facial nerve",
    "multiple_sclerosis": "Multiple sclerosis",
    "new_medication": "Recently started a new medicine",
    "red_eye": "Red, swollen or sticky eye",
    "eye_pain": "Pain in or around the eye",
}
LOCATION_LABELS = {
    "eyelid": "eyelid",
    "around_eye": "around the eye",
    "cheek": "cheek",
    "mouth": "mouth",
    "neck": "neck",
    "forehead": "forehead",
}
LEVEL_NAMES = {"emergency": "Emergency", "urgent": "Urgent", "routine": "Routine", "self_care": "Self care"}
SIGN_CODES = RED_FLAG_CODES + EYE_CODES
COURSE_CODES = tuple(code for code in PATTERN_CODES if code != "twitching")
# Signs whose absence matters to the level: not ruled out while unknown (sudden onset only with a weakness).
_MUST_BE_RULED_OUT = (*RED_FLAG_CODES, "worsening")


def finding_label(code: str) -> str:
    return FINDING_LABELS.get(code, code.replace("_", " ").capitalize())


def policy_version() -> str:
    return POLICY_VERSION


@dataclass(frozen=True)
class Section:
    heading: str
    lines: tuple[str, ...]

    def render(self) -> str:
        return "\n".join([f"{self.heading}:", *(f"• {line}" for line in self.lines)])


@dataclass(frozen=True)
class Explained:
    name: str
    why: str | None


@dataclass(frozen=True)
class DoctorSummary:
    """What the summary says, channel-independent; `chat_messages`, `text` and `to_json` render it."""

    assessed_at: datetime
    level: str
    reasons: tuple[tuple[str, str], ...]  # (rule name, its condition in words)
    explanations: tuple[Explained, ...]
    sections: tuple[Section, ...]
    policy_version: str
    next_steps: str | None = None  # as the person was told them

    @property
    def date(self) -> str:
        return self.assessed_at.strftime("%-d %B %Y, %H:%M UTC")

    @property
    def heading(self) -> str:
        return f"{TITLE} ({self.date})"

    def text(self) -> str:
        """The whole summary as plain text (what "Copy" puts on the clipboard)."""
        blocks = [self.heading, *(section.render() for section in self.sections), NOT_A_DIAGNOSIS]
        return "\n\n".join(blocks) + "\n"

    def chat_messages(self, max_chars: int = MAX_MESSAGE_CHARS) -> list[str]:
        """The summary as chat messages of at most `max_chars` each (one phone screen): the title first, the
        sections in order, a section split only when it is longer than a message, and the line that it is
        not a diagnosis at the end."""
        blocks = [block for section in self.sections for block in _section_blocks(section, max_chars)]
        return _pack([self.heading, *blocks, NOT_A_DIAGNOSIS], max_chars)

    def to_json(self) -> dict[str, Any]:
        """The summary as the web widget shows it (bot/web/src/messages.js, `doctor_summary`)."""
        return {
            "title": TITLE,
            "date": self.date,
            "level": self.level,
            "sections": [
                {"heading": section.heading, "lines": list(section.lines)} for section in self.sections
            ],
            "disclaimer": NOT_A_DIAGNOSIS,
            "policy_version": self.policy_version,
            "text": self.text(),
        }


def _wrap(line: str, width: int) -> list[str]:
    """A line cut at spaces into pieces of at most `width` characters (only for a line longer than a message)."""
    pieces: list[str] = []
    current = ""
    for word in line.split(" "):
        candidate = f"{current} {word}" if current else word
        if len(candidate) <= width:
            current = candidate
            continue
        if current:
            pieces.append(current)
        while len(word) > width:
            pieces.append(word[:width])
            word = word[width:]
        current = word
    if current:
        pieces.append(current)
    return pieces


def _section_blocks(section: Section, max_chars: int) -> list[str]:
    """A section as one block, or as several that each fit a message, the heading said again on each."""
    whole = section.render()
    if len(whole) <= max_chars:
        return [whole]
    heading = f"{section.heading} (continued):"
    room = max_chars - len(heading) - 3
    lines = [f"• {piece}" for line in section.lines for piece in _wrap(line, room)]
    blocks: list[str] = []
    current = f"{section.heading}:"
    for line in lines:
        if len(current) + 1 + len(line) > max_chars:
            blocks.append(current)
            current = heading
        current = f"{current}\n{line}"
    blocks.append(current)
    return blocks


def _pack(blocks: Iterable[str], max_chars: int) -> list[str]:
    messages: list[str] = []
    current = ""
    for block in blocks:
        candidate = f"{current}\n\n{block}" if current else block
        if len(candidate) <= max_chars:
            current = candidate
            continue
        messages.append(current)
        current = block
    if current:
        messages.append(current)
    return messages


def _joined(codes: Iterable[str]) -> str:
    return "; ".join(finding_label(code) for code in codes)


def _duration(days: float) -> str:
    if days < 1:
        return f"{days * 24:g} hours"
    if days == 1:
        return "1 day"
    weeks = f" (about {days / 7:.0f} weeks)" if days >= 14 else ""
    return f"{days:g} days{weeks}"


def _site(findings: Findings) -> str:
    places = [LOCATION_LABELS.get(place, place) for place in sorted(findings.locations)]
    if not places:
        return "not said"
    return " and ".join([", ".join(places[:-1]), places[-1]]) if len(places) > 1 else places[0]


_SIDES = {"left": "left", "right": "right", "both": "both sides"}


def _present_and_denied(label: str, codes: Sequence[str], findings: Findings) -> list[str]:
    present = [code for code in codes if findings.is_present(code)]
    absent = [code for code in codes if findings.is_absent(code)]
    lines = []
    if present:
        lines.append(f"{label}: {_joined(present)}")
    if absent:
        lines.append(f"{label}, denied: {_joined(absent)}")
    return lines


def reported_section(findings: Findings) -> Section:
    """Site, side, duration and course, as the person reported them."""
    lines = [f"Site: {_site(findings)}", f"Side: {_SIDES.get(findings.face_side or '', 'not said')}"]
    if findings.duration_days is not None:
        lines.append(f"Duration: {_duration(findings.duration_days)}")
    else:
        lines.append("Duration: not said")
    lines += _present_and_denied("Course", COURSE_CODES, findings)
    return Section("What the person reported", tuple(lines))


def signs_section(findings: Findings) -> Section:
    present = [code for code in SIGN_CODES if findings.is_present(code)]
    absent = [code for code in SIGN_CODES if findings.is_absent(code)]
    return Section(
        "Accompanying signs",
        (f"Present: {_joined(present) or 'none reported'}", f"Ruled out: {_joined(absent) or 'none'}"),
    )


def triggers_and_history_section(findings: Findings) -> Section:
    lines = _present_and_denied("Triggers", TRIGGER_CODES, findings)
    lines += _present_and_denied("History", HISTORY_CODES, findings)
    return Section("Triggers and history", tuple(lines or ["None said"]))


def not_ruled_out_section(findings: Findings) -> Section:
    """What could not be ruled out: signs asked about without a clear answer, a "yes" to a list without saying
    which, signs suspected from the person's words, and the warning signs that were never asked about."""
    relevant = [
        code
        for code in _MUST_BE_RULED_OUT
        if findings.is_unknown(code) and (code != "sudden_onset" or findings.is_present("facial_weakness"))
    ]
    unclear = [code for code in relevant if code in findings.asked]
    suspected = [code for code in relevant if code in findings.suspected and code not in findings.asked]
    never_asked = [code for code in relevant if code not in findings.asked and code not in findings.suspected]
    lines = [
        f"At least one of: {_joined(sorted(signs))} (said yes without saying which)"
        for signs in findings.unresolved_lists()
    ]
    if unclear:
        lines.append(f"Asked, no clear answer: {_joined(unclear)}")
    if findings.duration_days is None and DURATION in findings.asked:
        lines.append("Asked, no clear answer: how long it has lasted")
    if suspected:
        lines.append(f"Suspected from their words, not confirmed: {_joined(suspected)}")
    if never_asked:
        lines.append(f"Not asked: {_joined(never_asked)}")
    return Section("Not ruled out", tuple(lines or ["Nothing: every warning sign was ruled out"]))


_RULES_BY_NAME = {rule.name: rule for rule in RULES}


def _reasons(assessment: Mapping[str, Any]) -> tuple[tuple[str, str], ...]:
    names = [str(name) for name in assessment.get("reasons") or ()]
    return tuple(
        (name, _RULES_BY_NAME[name].condition if name in _RULES_BY_NAME else name.replace("_", " "))
        for name in names
    )


def _explanations(assessment: Mapping[str, Any], findings: Findings) -> tuple[Explained, ...]:
    why = {explanation.condition: explanation.why_it_fits for explanation in rank_explanations(findings)}
    return tuple(
        Explained(CONDITIONS[code].name if code in CONDITIONS else str(code), why.get(str(code)))
        for code in assessment.get("explanations") or ()
    )


def assessment_section(level: str, reasons: Sequence[tuple[str, str]]) -> Section:
    advice = LEVEL_ADVICE.get(level)
    plain = f" ({advice.in_plain_words.text})" if advice else ""
    lines = [f"Level: {LEVEL_NAMES.get(level, level)}{plain}"]
    lines += [f"Rule: {condition} [{name}]" for name, condition in reasons]
    return Section("Assessment", tuple(lines))


def explanations_section(explanations: Sequence[Explained]) -> Section:
    lines = [f"{item.name}: {item.why}" if item.why else item.name for item in explanations]
    return Section("Explanations considered (best fit first)", tuple(lines or ["None"]))


def build_summary(record: ConversationRecord) -> DoctorSummary | None:
    """The summary of the conversation's latest assessment; None before any assessment."""
    if not record.is_assessed or record.assessment is None or record.assessed_at is None:
        return None
    assessment = record.assessment
    findings = record.evidence.findings
    level = str(assessment.get("level"))
    reasons = _reasons(assessment)
    explanations = _explanations(assessment, findings)
    version = str(assessment.get("policy_version") or "not recorded")
    sections = (
        reported_section(findings),
        signs_section(findings),
        triggers_and_history_section(findings),
        not_ruled_out_section(findings),
        assessment_section(level, reasons),
        explanations_section(explanations),
        Section("Triage policy", (f"Version {version} (a hash of the rule table in bot/triage/rules.py)",)),
    )
    return DoctorSummary(
        assessed_at=datetime.fromtimestamp(record.assessed_at, tz=timezone.utc),
        level=level,
        reasons=reasons,
        explanations=explanations,
        sections=sections,
        policy_version=version,
        next_steps=str(assessment["next_steps"]) if assessment.get("next_steps") else None,
    )
