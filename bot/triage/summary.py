"""The assessment as plain chat messages, each short enough for one phone screen."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from bot.knowledge.items import CONDITIONS, DISCLAIMER, LEVEL_ADVICE, MAX_MESSAGE_CHARS, source_titles
from bot.triage.engine import Assessment
from bot.triage.levels import Level


def _pack(header: str, lines: Iterable[str]) -> list[str]:
    """Join lines under a header into as few messages as fit the length limit (the header starts each)."""
    messages: list[str] = []
    current = header
    for line in lines:
        candidate = f"{current}\n{line}"
        if len(candidate) <= MAX_MESSAGE_CHARS:
            current = candidate
            continue
        if current == header:
            raise ValueError(f"a line is too long for one message: {line[:60]!r}...")
        messages.append(current)
        current = f"{header}\n{line}"
    if current != header:
        messages.append(current)
    return messages


def _explanation_lines(assessment: Assessment) -> list[str]:
    return [
        f"• {CONDITIONS[explanation.condition].name}: {explanation.why_it_fits}."
        for explanation in assessment.explanations
    ]


def assessment_messages(assessment: Assessment, emergency_number: str) -> list[str]:
    """What to do first, then the safety net, the possible explanations, self care and the disclaimer."""
    advice = LEVEL_ADVICE[assessment.level.value]
    messages = [
        f"{advice.in_plain_words} {advice.render(advice.next_steps, emergency_number)}",
        advice.render(advice.safety_net, emergency_number),
    ]
    messages += _pack("What could fit what you describe (best fit first):", _explanation_lines(assessment))
    messages += _pack("Things that may help:", (f"• {advice.text}" for advice in assessment.self_care_advice))
    messages.append(DISCLAIMER)
    return messages


def why_messages(assessment: Assessment) -> list[str]:
    """Each rule that decided the level, in plain words, with the source it comes from."""
    advice = LEVEL_ADVICE[assessment.level.value]
    header = f"Why I said: “{advice.in_plain_words}”"
    lines = (f"• {rule.condition} (source: {source_titles(rule.sources)})" for rule in assessment.reasons)
    return _pack(header, lines)


def what_changed(previous: Mapping[str, Any] | None, assessment: Assessment) -> str | None:
    """After an earlier assessment in the same conversation: how the new one differs (DESIGN 5b), or None when
    there was none or nothing it rests on changed."""
    if not previous:
        return None
    new = assessment.to_json()
    if previous.get("findings") == new["findings"] and previous.get("level") == new["level"]:
        return None
    before, now = Level(previous["level"]), assessment.level
    if now > before:
        return (
            "What you've just told me changes my advice: it is now more urgent than before "
            f"(it was “{LEVEL_ADVICE[before.value].in_plain_words}”)."
        )
    if now < before:
        return (
            "With what you've corrected, my advice is now less urgent than before "
            f"(it was “{LEVEL_ADVICE[before.value].in_plain_words}”)."
        )
    return (
        "Thanks, I've added that to what you told me. It doesn't change my advice, which is repeated below."
    )
