"""The triage engine: findings in, an assessment out (docs/triage-policy.md). No Rasa here."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from bot.knowledge.advice import SELF_CARE_ADVICE, SELF_CARE_OUTLOOK, render
from bot.knowledge.items import SourcedText
from bot.triage.advice_plan import next_steps, safety_net, self_check
from bot.triage.explanations import Explanation, fit_to_level, rank_explanations
from bot.triage.findings import TRIGGER_CODES, Findings
from bot.triage.levels import Level
from bot.triage.rules import EMERGENCY_RULES, Rule, gradual_weakness, matching_rules

SUDDEN_FACIAL_WEAKNESS = "sudden_facial_weakness"


def _said(sentences: tuple[SourcedText, ...]) -> str:
    """Sentences as one text, with the generic emergency number (the chat messages carry the deployment's)."""
    return render(" ".join(sentence.text for sentence in sentences))


@dataclass(frozen=True)
class Assessment:
    findings: Findings
    level: Level
    reasons: tuple[Rule, ...]
    # Most serious first in an emergency or urgent answer (bot.triage.explanations.fit_to_level).
    explanations: tuple[Explanation, ...]
    next_steps: tuple[SourcedText, ...]
    safety_net: tuple[SourcedText, ...]
    # How to check for stroke signs yourself, when a warning sign could not be ruled out.
    self_check: tuple[SourcedText, ...]
    self_care_advice: tuple[SourcedText, ...]

    def to_json(self) -> dict[str, Any]:
        """A JSON-serialisable summary (stored in the `assessment` slot, README.md)."""
        findings: dict[str, Any] = dict(self.findings.to_json())
        if self.findings.face_side is not None:
            findings["face_side"] = self.findings.face_side
        if self.findings.locations:
            findings["locations"] = sorted(self.findings.locations)
        if self.findings.duration_days is not None:
            findings["duration_days"] = self.findings.duration_days
        return {
            "level": self.level.value,
            "findings": findings,
            "explanations": [explanation.condition for explanation in self.explanations],
            "reasons": [rule.name for rule in self.reasons],
            "next_steps": _said(self.next_steps),
            "safety_net": _said(self.safety_net),
        }


def emergency_grounds(findings: Findings) -> tuple[str, ...]:
    """The names of the emergency rules these findings meet; empty when it is not an emergency."""
    return tuple(rule.name for rule in EMERGENCY_RULES if rule.applies(findings))


def is_emergency(findings: Findings) -> bool:
    """True when an emergency rule applies (the NLU calls it on one message to force the emergency intent)."""
    return bool(emergency_grounds(findings))


def restates_known_gradual_weakness(known_before: Findings, message: Findings) -> bool:
    """True when a message is an emergency only as a restatement of a weakness already known to be gradual.

    Read alone, "just the drooping" is a facial weakness of unknown onset, which the policy treats as sudden
    (an emergency). In a conversation that already holds that weakness, with a gradual onset and so a negative
    stroke screen, it adds nothing: the conversation's level stands. Any other emergency sign in the message,
    a sudden onset said in it, or a weakness the conversation did not already know keeps the emergency.
    """
    return (
        emergency_grounds(message) == (SUDDEN_FACIAL_WEAKNESS,)
        and not message.is_present("sudden_onset")
        and gradual_weakness(known_before)
    )


def decide(findings: Findings) -> tuple[Level, tuple[Rule, ...]]:
    """The level of the most urgent matching rule, and the reasons: every matching rule, most urgent first.

    Each rule says "at least this urgent" except the self-care rule, which says "no more than self care";
    when a more urgent rule overrules it, it is not a reason for the decision, so it is left out.
    """
    matched = matching_rules(findings)
    if not matched:
        # Unreachable while the routine catch-all is the negation of the self-care rule; kept loud on purpose.
        raise AssertionError("no triage rule matched: the policy has a gap")
    level = matched[0].level
    return level, tuple(
        rule for rule in matched if rule.level is not Level.SELF_CARE or level is Level.SELF_CARE
    )


def _self_care_advice(findings: Findings) -> tuple[SourcedText, ...]:
    """Advice for the triggers the person mentioned; all of it when none is known, then the outlook."""
    mentioned = [code for code in TRIGGER_CODES if findings.is_present(code)]
    codes = mentioned or list(SELF_CARE_ADVICE)
    return (*(SELF_CARE_ADVICE[code] for code in codes), SELF_CARE_OUTLOOK)


def assess(findings: Findings, reported_emergency: bool = False) -> Assessment:
    """The assessment of these findings; `reported_emergency` is the report_emergency intent of the message."""
    if reported_emergency:
        findings = replace(findings, reported_emergency=True)
    level, reasons = decide(findings)
    return Assessment(
        findings=findings,
        level=level,
        reasons=reasons,
        explanations=fit_to_level(rank_explanations(findings), level),
        next_steps=next_steps(level, reasons),
        safety_net=safety_net(level, findings, reasons),
        self_check=self_check(level, reasons),
        self_care_advice=_self_care_advice(findings) if level is Level.SELF_CARE else (),
    )
