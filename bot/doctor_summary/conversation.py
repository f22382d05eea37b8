"""One conversation's record, read from its events (Rasa's event dicts, as stored and as the action server gets).

What the conversation knows is its latest `evidence` slot (bot.dialogue.evidence); the assessment is its latest
`assessment` slot, as the person was given it (actions/assessment.py), with the triage policy version that
produced it. The questions are the intake's (bot.triage.intake): while one is asked, `requested_slot` names it,
and the person's next message is its answer, kept as given (a tapped option as its title, not its payload).
Starting again (a `restart` event) sets everything before it aside, as the assistant does.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from bot.dialogue.evidence import Evidence, read_message
from bot.intents import REPORT_EMERGENCY
from bot.triage.intake import QUESTIONS_BY_NAME

EVIDENCE_SLOT = "evidence"
ASSESSMENT_SLOT = "assessment"
REQUESTED_SLOT = "requested_slot"
# Events after which no slot keeps its value (as in bot.dialogue.restatement).
SLOT_RESETS = frozenset({"restart", "reset_slots"})
# The linkId of the person's own description, which no question asked for.
DESCRIPTION = "description"
DESCRIPTION_TEXT = "In your own words, what are you noticing?"


@dataclass(frozen=True)
class Exchange:
    """A question the assistant asked (or the description it invited) and the person's answer, as given."""

    link_id: str
    question: str
    answer: str


@dataclass(frozen=True)
class ConversationRecord:
    evidence: Evidence
    assessment: Mapping[str, Any] | None
    assessed_at: float | None  # Unix time of the latest assessment
    exchanges: tuple[Exchange, ...]

    @property
    def is_assessed(self) -> bool:
        return bool(self.assessment) and self.assessed_at is not None


def _button_title(answer: str, buttons: Sequence[Mapping[str, Any]]) -> str:
    """A tapped option is sent as its payload ("/none_of_these"): the person saw and chose its title."""
    for button in buttons:
        if button.get("payload") == answer and button.get("title"):
            return str(button["title"])
    return answer


def read_conversation(events: Sequence[Mapping[str, Any]]) -> ConversationRecord | None:
    """The record of a conversation from its events, in order; None when there are none (unknown or erased)."""
    if not events:
        return None
    evidence_json: Any = None
    assessment: Any = None
    assessed_at: float | None = None
    requested: str | None = None
    exchanges: list[Exchange] = []
    last_bot_text = ""
    last_buttons: Sequence[Mapping[str, Any]] = ()
    for event in events:
        kind = event.get("event")
        if kind in SLOT_RESETS:
            evidence_json, assessment, assessed_at, requested = None, None, None, None
            exchanges = []
        elif kind == "slot":
            name, value = event.get("name"), event.get("value")
            if name == EVIDENCE_SLOT:
                evidence_json = value
            elif name == ASSESSMENT_SLOT:
                assessment = value
                assessed_at = float(event.get("timestamp") or 0.0) if value else None
            elif name == REQUESTED_SLOT:
                requested = value if isinstance(value, str) else None
        elif kind == "active_loop" and not event.get("name"):
            requested = None
        elif kind == "bot":
            last_bot_text = str(event.get("text") or "")
            last_buttons = (event.get("data") or {}).get("buttons") or ()
        elif kind == "user":
            text = str(event.get("text") or "").strip()
            if not text:
                continue
            question = QUESTIONS_BY_NAME.get(requested or "")
            if question is not None:
                exchanges.append(Exchange(question.name, last_bot_text, _button_title(text, last_buttons)))
            elif not text.startswith("/") and _describes(event):
                exchanges.append(Exchange(DESCRIPTION, DESCRIPTION_TEXT, text))
    return ConversationRecord(
        evidence=Evidence.from_json(evidence_json if isinstance(evidence_json, Mapping) else None),
        assessment=assessment if isinstance(assessment, Mapping) and assessment else None,
        assessed_at=assessed_at if assessment else None,
        exchanges=tuple(exchanges),
    )


# Messages outside the questions that tell of the twitch (docs/clinical-design.md: a message that tells of a sign is a
# description whatever the intent classifier made of it, so any message with a finding counts too).
_DESCRIBING_INTENTS = frozenset({"describe_symptoms", "inform", "correct", REPORT_EMERGENCY})


def _describes(event: Mapping[str, Any]) -> bool:
    parse_data = event.get("parse_data") or {}
    intent = (parse_data.get("intent") or {}).get("name")
    return intent in _DESCRIBING_INTENTS or read_message(parse_data.get("entities") or []).says_anything
