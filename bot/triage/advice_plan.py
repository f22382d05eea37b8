"""Which advice sentences an assessment says: the level's own, those of the findings behind it, the safety net that
fits what the person already has, and how to check for stroke signs yourself when a warning sign was not ruled out.
"""

from __future__ import annotations

from collections.abc import Sequence

from bot.knowledge.advice import (
    FINDING_ADVICE,
    LEVEL_ADVICE,
    SELF_CHECK_INTRO,
    SELF_CHECK_RESULT,
    SELF_CHECK_RULE,
    SELF_CHECK_STEPS,
    STROKE_WARNING,
    STROKE_WARNING_FACE_ALREADY_DROOPS,
    SUDDEN_VISION_OR_BALANCE_CHANGE,
    FindingAdvice,
)
from bot.knowledge.items import SourcedText
from bot.triage.findings import Findings
from bot.triage.levels import Level
from bot.triage.rules import Rule


def finding_advice(reasons: Sequence[Rule]) -> tuple[FindingAdvice, ...]:
    """The advice of each rule among the reasons, in the order of FINDING_ADVICE, unless a rule that says it better
    is among them too."""
    names = {rule.name for rule in reasons}
    return tuple(
        advice for advice in FINDING_ADVICE if advice.rule in names and advice.unless_rule not in names
    )


def next_steps(level: Level, reasons: Sequence[Rule]) -> tuple[SourcedText, ...]:
    """What to do: the level's own words, then the advice of the findings behind it."""
    advice = LEVEL_ADVICE[level.value]
    if level is Level.EMERGENCY:
        # Nothing may come between "call now" and the person: the rest can wait.
        return (advice.in_plain_words, advice.next_steps)
    return (
        advice.in_plain_words,
        advice.next_steps,
        *(finding.next_step for finding in finding_advice(reasons)),
    )


def safety_net(level: Level, findings: Findings, reasons: Sequence[Rule]) -> tuple[SourcedText, ...]:
    """What should make the person act sooner. The stroke warning names only signs they do not already have."""
    advice = LEVEL_ADVICE[level.value]
    sentences = [advice.act_sooner_if] if advice.act_sooner_if else []
    if level is not Level.EMERGENCY:
        sentences += [finding.act_sooner_if for finding in finding_advice(reasons) if finding.act_sooner_if]
    if advice.warns_of_stroke:
        face_droops = findings.is_present("facial_weakness")
        sentences += [
            STROKE_WARNING_FACE_ALREADY_DROOPS if face_droops else STROKE_WARNING,
            SUDDEN_VISION_OR_BALANCE_CHANGE,
        ]
    return tuple(sentences)


def self_check(level: Level, reasons: Sequence[Rule]) -> tuple[SourcedText, ...]:
    """The FAST checks in plain words, when a warning sign could not be ruled out (an emergency answer already says
    to call)."""
    if level is Level.EMERGENCY or SELF_CHECK_RULE not in {rule.name for rule in reasons}:
        return ()
    return (SELF_CHECK_INTRO, *SELF_CHECK_STEPS, SELF_CHECK_RESULT)
