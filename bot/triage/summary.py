"""The assessment as plain chat messages, each short enough for one phone screen."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from bot.knowledge.advice import CONDITIONS, DISCLAIMER, LEVEL_ADVICE, render
from bot.knowledge.items import MAX_MESSAGE_CHARS, SourcedText, source_titles
from bot.triage.engine import Assessment
from bot.triage.explanations import Explanation, shown_at_level
from bot.triage.levels import Level

EXPLANATIONS_HEADER = "What could fit what you describe (best fit first):"
# After the serious explanations of an urgent answer: the others, said so that they cannot be read as reassurance.
OTHER_EXPLANATIONS_HEADER = "Other things that can cause a twitch. They do not change the advice above:"
SELF_CARE_HEADER = "Things that may help:"


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


def _explanation_lines(explanations: Iterable[Explanation]) -> list[str]:
    return [
        f"• {CONDITIONS[explanation.condition].name}: {explanation.why_it_fits}."
        for explanation in explanations
    ]


def _paragraphs(sentences: Iterable[SourcedText], emergency_number: str) -> list[str]:
    """Sentences joined into as few messages as fit the length limit."""
    messages: list[str] = []
    for sentence in sentences:
        text = render(sentence.text, emergency_number)
        if messages and len(f"{messages[-1]} {text}") <= MAX_MESSAGE_CHARS:
            messages[-1] = f"{messages[-1]} {text}"
        else:
            messages.append(text)
    return messages


def _self_check_messages(assessment: Assessment, emergency_number: str) -> list[str]:
    """The checks as a list under their introduction, then what to do with the result."""
    if not assessment.self_check:
        return []
    intro, *steps, result = (render(sentence.text, emergency_number) for sentence in assessment.self_check)
    return _pack(intro, [*(f"• {step}" for step in steps), result])


def assessment_messages(assessment: Assessment, emergency_number: str) -> list[str]:
    """What to do first, then the safety net, how to check yourself, the possible explanations, self care and the
    disclaimer."""
    messages = _paragraphs(assessment.next_steps, emergency_number)
    messages += _paragraphs(assessment.safety_net, emergency_number)
    messages += _self_check_messages(assessment, emergency_number)
    leading, after = shown_at_level(assessment.explanations, assessment.level)
    messages += _pack(EXPLANATIONS_HEADER, _explanation_lines(leading))
    messages += _pack(OTHER_EXPLANATIONS_HEADER, _explanation_lines(after))
    messages += _pack(SELF_CARE_HEADER, (f"• {advice.text}" for advice in assessment.self_care_advice))
    messages.append(DISCLAIMER)
    return messages


def why_messages(assessment: Assessment) -> list[str]:
    """Each rule that decided the level, in plain words, with the source it comes from."""
    header = f"Why I said: “{LEVEL_ADVICE[assessment.level.value].in_plain_words.text}”"
    lines = (f"• {rule.condition} (source: {source_titles(rule.sources)})" for rule in assessment.reasons)
    return _pack(header, lines)


def what_changed(previous: Mapping[str, Any] | None, assessment: Assessment) -> str | None:
    """After an earlier assessment in the same conversation: how the new one differs (docs/clinical-design.md), or None when
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
            f"(it was “{LEVEL_ADVICE[before.value].in_plain_words.text}”)."
        )
    if now < before:
        return (
            "With what you've corrected, my advice is now less urgent than before "
            f"(it was “{LEVEL_ADVICE[before.value].in_plain_words.text}”)."
        )
    return (
        "Thanks, I've added that to what you told me. It doesn't change my advice, which is repeated below."
    )
