"""docs/clinical-content.md: every health sentence the assistant can say, where it says it, and its sources.

Generated so that a clinician audits what runs: `python -m bot.triage.clinical_content` (also `make policy-docs`);
a test fails when the committed file is out of date or a sentence has no permitted source.

The sentences come from four places:
- bot/knowledge, read structurally: every object of its modules with `sources` and prose fields, wherever it sits
  (a dict, a tuple, a field of another object), so new or reshaped content is listed without changes here;
- the domain's responses (domain.yml), each classified below as health content with its sources or as framing;
- the reason given for each triage rule when the person asks "why?";
- the framing lines the assessment adds around them (headers, the disclaimer).
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, fields, is_dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

import yaml

import bot.knowledge
from bot.knowledge.advice import CONDITIONS, DISCLAIMER, FINDING_ADVICE, SELF_CHECK_RULE
from bot.knowledge.items import MEDICAL_SOURCES
from bot.knowledge.sources import SOURCES
from bot.triage.explanations import SERIOUS_CONDITIONS
from bot.triage.levels import LEVELS_MOST_URGENT_FIRST, Level
from bot.triage.rules import RULES
from bot.triage.summary import EXPLANATIONS_HEADER, OTHER_EXPLANATIONS_HEADER, SELF_CARE_HEADER

ROOT = Path(__file__).resolve().parents[2]
CONTENT_DOC = ROOT / "docs" / "clinical-content.md"
DOMAIN_FILE = ROOT / "domain.yml"


@dataclass(frozen=True)
class ResponseContent:
    """A domain response that says something about health: where it is said and what it rests on."""

    said: str
    sources: tuple[str, ...]


# Every domain response is one or the other; a new response fails the content test until it is classified here.
HEALTH_RESPONSES: dict[str, ResponseContent] = {
    "utter_greet": ResponseContent("the greeting, before anything is described", ("nhs_stroke_fast",)),
    "utter_emergency": ResponseContent(
        "the emergency answer, at any turn, as soon as a stroke sign is read or the person says it is an emergency",
        ("nhs_stroke_fast",),
    ),
    "utter_other_language": ResponseContent(
        "a message in a language the assistant cannot read", ("nhs_stroke_fast",)
    ),
    "utter_second_fallback": ResponseContent(
        "after two messages the assistant could not understand", ("nhs_stroke_fast", "nhs_twitching")
    ),
    "utter_goodbye": ResponseContent("saying goodbye", ("doc_facial_twitching",)),
}
# Responses that state no medical fact: the assistant talking about itself or the conversation.
FRAMING_RESPONSES = frozenset(
    {
        "utter_back_to_questions",
        "utter_you_are_welcome",
        "utter_iamabot",
        "utter_out_of_scope",
        "utter_describe_prompt",
        "utter_please_rephrase",
        "utter_confirm_start_over",
        "utter_start_over_cancelled",
        "utter_starting_over",
        "utter_confirm_delete",
        "utter_delete_cancelled",
    }
)
# Lines the assessment adds around the health sentences, stating no medical fact of their own.
ASSESSMENT_FRAMING = (EXPLANATIONS_HEADER, OTHER_EXPLANATIONS_HEADER, SELF_CARE_HEADER, DISCLAIMER)

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z“(⚠])")
# Words that make a sentence say something about health: framing must have none, a health response at least one.
CLINICAL_WORDS = re.compile(
    r"\b(?:stroke|droop\w*|weak\w*|slurr\w*|arms?|numb\w*|tingl\w*|pain\w*|hearing|balance|vision|sight|GP|"
    r"pharmacist|medicines?|ambulance|emergency|hours|worse|worrying|gets better)\b|\{emergency_number\}",
    re.IGNORECASE,
)


def is_clinical(sentence: str) -> bool:
    return bool(CLINICAL_WORDS.search(sentence))


def sentences(text: str) -> list[str]:
    """The sentences of a text, as said (whitespace folded)."""
    return [sentence for sentence in _SENTENCE_END.split(" ".join(text.split())) if sentence]


@dataclass(frozen=True)
class Row:
    section: str
    sentence: str
    said: str
    sources: tuple[str, ...]
    # The sources this kind of sentence may cite: medical content only the documents and references, a rule's
    # reason also the assistant's own policy.
    permitted: frozenset[str]


# --- bot/knowledge, read structurally ---


@dataclass(frozen=True)
class SourcedContent:
    """One prose field of an object that names its sources, and where the object sits."""

    module: str
    path: tuple[Any, ...]  # global name, then keys, indexes and field names
    text: str
    sources: tuple[str, ...]


def _is_prose(value: Any) -> bool:
    return isinstance(value, str) and " " in value.strip()


def _children(value: Any) -> Iterator[tuple[Any, Any]]:
    """The named or numbered parts of a record (a dataclass, a named tuple, a plain object) or a collection."""
    if is_dataclass(value):
        yield from ((field.name, getattr(value, field.name)) for field in fields(value))
    elif hasattr(value, "_asdict"):
        yield from value._asdict().items()
    elif isinstance(value, Mapping):
        yield from value.items()
    elif isinstance(value, (tuple, list)):
        yield from enumerate(value)
    elif hasattr(value, "__dict__"):
        yield from vars(value).items()


def _sources_of(value: Any) -> tuple[str, ...] | None:
    """The source ids a record names, whatever collection holds them; None for anything else."""
    sources = getattr(value, "sources", None)
    if (
        isinstance(sources, (tuple, list, frozenset))
        and sources
        and all(isinstance(item, str) for item in sources)
    ):
        return tuple(sources)
    return None


def sourced_content(
    module: str, value: Any, path: tuple[Any, ...], seen: set[int] | None = None
) -> Iterator[SourcedContent]:
    """Every prose field of a record with `sources` found in `value` or inside it, each record once (`seen`)."""
    seen = set() if seen is None else seen
    if id(value) in seen or isinstance(value, (str, bytes, int, float, type, ModuleType)) or callable(value):
        return
    seen.add(id(value))
    sources = _sources_of(value)
    for key, child in _children(value):
        if sources is not None and _is_prose(child):
            yield SourcedContent(module, (*path, key), child, sources)
        yield from sourced_content(module, child, (*path, key), seen)


def knowledge_content() -> list[SourcedContent]:
    """Every sourced prose field of the public objects of bot/knowledge's modules, each object once."""
    seen: set[int] = set()
    found: list[SourcedContent] = []
    for info in sorted(pkgutil.iter_modules(bot.knowledge.__path__), key=lambda info: info.name):
        module = importlib.import_module(f"bot.knowledge.{info.name}")
        for name, value in vars(module).items():
            if not name.startswith("_"):
                found += sourced_content(info.name, value, (name,), seen=seen)
    return found


def _levels_from(level: Level) -> list[Level]:
    """The levels of answers that give a rule's own advice: its level and the more urgent ones, but the emergency
    answer, which says only to call."""
    return [other for other in LEVELS_MOST_URGENT_FIRST if level <= other < Level.EMERGENCY]


def _level_names(levels: list[Level]) -> str:
    names = [level.value.replace("_", "-") for level in levels]
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


_LEVEL_PART = {
    "in_plain_words": "what the level means, first",
    "next_steps": "what to do",
    "act_sooner_if": "safety net",
}
_RULE_LEVEL = {rule.name: rule.level for rule in RULES}
_NOT_EMERGENCY = _level_names([level for level in LEVELS_MOST_URGENT_FIRST if level is not Level.EMERGENCY])
_SAID_BY_GLOBAL = {
    "STROKE_WARNING": f"safety net of {_NOT_EMERGENCY} answers, when the face does not droop",
    "STROKE_WARNING_FACE_ALREADY_DROOPS": "safety net of the urgent answer when the face already droops",
    "SUDDEN_VISION_OR_BALANCE_CHANGE": f"safety net of {_NOT_EMERGENCY} answers, after the stroke warning",
    "SELF_CHECK_INTRO": (
        f"{_NOT_EMERGENCY} answers when a warning sign could not be ruled out (`{SELF_CHECK_RULE}`): the FAST check"
    ),
    "SELF_CHECK_STEPS": f"the FAST check (`{SELF_CHECK_RULE}`), one line each",
    "SELF_CHECK_RESULT": f"the FAST check (`{SELF_CHECK_RULE}`): what to do with the result",
    "SELF_CARE_OUTLOOK": "self-care answer, after the advice",
}


def _said_where(content: SourcedContent) -> str:
    """Where a piece of bot/knowledge is said, in words; its path when nothing better is known."""
    root, *keys = content.path
    if content.module != "advice":
        if root == "KNOWLEDGE":
            return f"answer to a question about {str(keys[0]).replace('_', ' ')}"
        return f"`{content.module}.{root}` " + "".join(f"[{key!r}]" for key in keys)
    if root == "LEVEL_ADVICE":
        return f"{keys[0].replace('_', '-')} answer: {_LEVEL_PART.get(keys[1], keys[1])}"
    if root == "FINDING_ADVICE":
        advice = FINDING_ADVICE[keys[0]]
        part = "what to do" if keys[1] == "next_step" else "safety net"
        return f"{_level_names(_levels_from(_RULE_LEVEL[advice.rule]))} answers with the reason `{advice.rule}`: {part}"
    if root == "CONDITIONS":
        if keys[0] in SERIOUS_CONDITIONS:
            return (
                "possible explanations of any answer the findings fit; first in emergency and urgent answers"
            )
        return (
            "possible explanations of routine and self-care answers the findings fit; in an urgent answer after the "
            "line that they do not change the advice; never in an emergency answer"
        )
    if root == "SELF_CARE_ADVICE":
        return f"self-care answer, when {keys[0].replace('_', ' ')} was mentioned, or no trigger was"
    return _SAID_BY_GLOBAL.get(root, f"`advice.{root}`")


def _said_text(content: SourcedContent) -> str:
    """The text as the person reads it: an explanation after the name of its condition."""
    if content.module == "advice" and content.path[0] == "CONDITIONS":
        return f"{CONDITIONS[content.path[1]].name}: {content.text}."
    return content.text


def _section(content: SourcedContent) -> str:
    if content.module == "advice":
        return "The triage answer"
    return "Answers to questions"


def knowledge_rows() -> list[Row]:
    return [
        Row(_section(content), sentence, _said_where(content), content.sources, MEDICAL_SOURCES)
        for content in knowledge_content()
        for sentence in sentences(_said_text(content))
    ]


# --- the domain's responses ---


def domain_responses() -> dict[str, list[str]]:
    """Each response of domain.yml and its distinct texts (channel variants share one)."""
    responses = yaml.safe_load(DOMAIN_FILE.read_text(encoding="utf-8"))["responses"]
    return {
        name: list(dict.fromkeys(variation["text"] for variation in variations if variation.get("text")))
        for name, variations in responses.items()
    }


def response_rows() -> list[Row]:
    """The sentences of the health responses, all resting on the response's sources."""
    return [
        Row("Fixed responses", sentence, f"`{name}`: {content.said}", content.sources, MEDICAL_SOURCES)
        for name, texts in domain_responses().items()
        if (content := HEALTH_RESPONSES.get(name))
        for text in texts
        for sentence in sentences(text)
    ]


def framing_sentences() -> list[tuple[str, str]]:
    """(where, sentence) for every sentence said around the health sentences."""
    framing = [("the assessment", sentence) for text in ASSESSMENT_FRAMING for sentence in sentences(text)]
    for name, texts in domain_responses().items():
        if name in FRAMING_RESPONSES:
            framing += [(f"`{name}`", sentence) for text in texts for sentence in sentences(text)]
    return framing


# --- the reasons given for "why?" ---


def reason_rows() -> list[Row]:
    permitted = frozenset(SOURCES)
    return [
        Row(
            "Reasons given when asked why",
            f"{rule.condition}.",
            f"“why?” after an answer at the {rule.level.value.replace('_', '-')} level that rule `{rule.name}` gave",
            rule.sources,
            permitted,
        )
        for rule in RULES
    ]


def all_rows() -> list[Row]:
    return [*knowledge_rows(), *response_rows(), *reason_rows()]


# --- the document ---

_INTRO = """# Clinical content

Generated by `python -m bot.triage.clinical_content` (or `make policy-docs`) from `bot/knowledge`, the responses of
`domain.yml` and the triage rules: do not edit by hand. A test fails when this file is out of date, when a sentence
has no source it may cite, or when the assessment says a sentence that is not listed here.

Every health sentence the assistant can say, where it says it, and the sources it rests on. `{emergency_number}` is
the deployment's emergency number. The intake questions (`bot/triage/question_wording.py`) ask about signs and state
no medical fact, so they are not listed.
"""


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def _sources_table() -> list[str]:
    lines = ["## Sources", "", "| id | title | where to find it |", "|---|---|---|"]
    lines += [f"| `{item.id}` | {_cell(item.title)} | {_cell(item.citation)} |" for item in SOURCES.values()]
    return lines


def _rows_table(rows: list[Row]) -> list[str]:
    lines = ["| sentence | where it is said | sources |", "|---|---|---|"]
    lines += [f"| {_cell(row.sentence)} | {_cell(row.said)} | {', '.join(row.sources)} |" for row in rows]
    return lines


def _framing() -> list[str]:
    lines = [
        "## Framing (no medical fact)",
        "",
        "Said around the health sentences; the test holds them free of clinical words.",
        "",
    ]
    lines += [f"- {where}: {sentence}" for where, sentence in framing_sentences()]
    return lines


def render_clinical_content() -> str:
    rows = all_rows()
    lines = [*_sources_table(), ""]
    for section in dict.fromkeys(row.section for row in rows):
        lines += [f"## {section}", "", *_rows_table([row for row in rows if row.section == section]), ""]
    lines += _framing()
    return _INTRO + "\n" + "\n".join(lines) + "\n"


def main() -> None:
    CONTENT_DOC.write_text(render_clinical_content(), encoding="utf-8")


if __name__ == "__main__":
    main()
