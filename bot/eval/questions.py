"""Questions answered on the topic asked: a question set played against the assistant over REST.

Each question opens a conversation of its own. The answer's lead is the first knowledge item among the replies;
it is on topic when that item's topic (`TOPIC_OF_ITEM`, in the topic names of the question sets) is the
question's topic or one of its `also_on_topic`. A question that `carries_symptom` must also start the intake
(an intake question asked, or the emergency answer given). Only aggregate figures leave this module for the blind
set, which is held out: no question or reply text of it is ever printed or written (`miss_lines` is for the
development sets).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from bot.eval.rest_client import ChatClient, question_asked
from bot.knowledge.items import ANSWERABLE, NOT_COVERED_TOPIC, answer_text

BLIND_QUESTIONS = Path("tests/blind/questions.yml")
DEV_QUESTIONS = Path("tests/knowledge/dev_questions.yml")
ON_TOPIC_BAR = 0.95

# The topic each knowledge item answers, in the topic names the question sets use.
TOPIC_OF_ITEM: dict[str, str] = {
    **{item: item for item in ANSWERABLE},
    "deficiencies": "electrolytes",
    "hemifacial_spasm_cause": "hemifacial_spasm",
    "stroke_or_twitch": "stroke_signs",
    NOT_COVERED_TOPIC: "not_in_sources",
}
ITEM_OF_REPLY: dict[str, str] = {answer_text(item): item for item in ANSWERABLE}

# Words too common to tell one claim from another when checking that a forbidden claim was not made.
_FILLER_WORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "by",
        "can",
        "could",
        "do",
        "does",
        "for",
        "from",
        "has",
        "have",
        "if",
        "in",
        "into",
        "is",
        "it",
        "its",
        "may",
        "might",
        "of",
        "on",
        "or",
        "that",
        "the",
        "their",
        "them",
        "they",
        "this",
        "to",
        "was",
        "were",
        "will",
        "with",
        "would",
        "you",
        "your",
    ]
)


_NEGATIONS = frozenset(
    {"not", "no", "never", "don't", "doesn't", "won't", "can't", "cannot", "isn't", "aren't"}
)


@dataclass(frozen=True)
class QuestionCase:
    text: str
    topic: str
    also_on_topic: frozenset[str] = frozenset()
    carries_symptom: bool = False
    must_not_claim: tuple[str, ...] = ()

    @property
    def right_topics(self) -> frozenset[str]:
        return self.also_on_topic | {self.topic}


def load_cases(path: Path) -> list[QuestionCase]:
    raw: Mapping[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [
        QuestionCase(
            text=str(entry["text"]),
            topic=str(entry["topic"]),
            also_on_topic=frozenset(entry.get("also_on_topic") or ()),
            carries_symptom=bool(entry.get("carries_symptom")),
            must_not_claim=tuple(entry.get("must_not_claim") or ()),
        )
        for entry in raw["questions"]
    ]


@dataclass(frozen=True)
class Answered:
    """What the assistant did with one question."""

    case: QuestionCase
    items: tuple[str, ...]
    intake_started: bool
    claims_made: int

    @property
    def lead_topic(self) -> str | None:
        return TOPIC_OF_ITEM[self.items[0]] if self.items else None

    @property
    def on_topic(self) -> bool:
        return self.lead_topic in self.case.right_topics

    @property
    def kept_to_what_was_asked(self) -> bool:
        """Two items only when both topics were asked about."""
        return all(TOPIC_OF_ITEM[item] in self.case.right_topics for item in self.items[1:])


def _content_words(text: str) -> set[str]:
    return {word for word in re.findall(r"[a-z0-9']+", text.lower()) if word not in _FILLER_WORDS}


def claims_in(replies: Iterable[str], forbidden: Iterable[str]) -> int:
    """How many forbidden claims a reply sentence states: every content word of the claim in one sentence, and
    the sentence not negated where the claim is not ("do not stop taking it" does not claim "stop the medicine")."""
    sentences = [s for reply in replies for s in re.split(r"(?<=[.!?:;])\s+", reply)]
    return sum(1 for claim in forbidden if any(_states(sentence, claim) for sentence in sentences))


def _states(sentence: str, claim: str) -> bool:
    claim_words = _content_words(claim)
    sentence_words = _content_words(sentence)
    negated = bool(sentence_words & _NEGATIONS) and not claim_words & _NEGATIONS
    return bool(claim_words) and claim_words <= sentence_words and not negated


def ask(case: QuestionCase, chat: ChatClient) -> Answered:
    replies = chat.send(case.text)
    texts = [reply.get("text") or "" for reply in replies]
    items = tuple(ITEM_OF_REPLY[text] for text in texts if text in ITEM_OF_REPLY)
    emergency = any((reply.get("custom") or {}).get("urgency") == "emergency" for reply in replies)
    return Answered(
        case=case,
        items=items,
        intake_started=emergency or question_asked(replies) is not None,
        claims_made=claims_in(texts, case.must_not_claim),
    )


def ask_all(
    cases: Sequence[QuestionCase], chat_for: Callable[[int], ChatClient], workers: int = 4
) -> list[Answered]:
    with ThreadPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(lambda numbered: ask(numbered[1], chat_for(numbered[0])), enumerate(cases)))


@dataclass(frozen=True)
class QuestionSummary:
    questions: int
    on_topic: int
    unanswered: int
    two_items_not_both_asked: int
    claims_made: int
    carrying_symptom: int
    carrying_symptom_answered_and_intake: int
    misses_by_topic: dict[str, int] = field(default_factory=dict)

    @property
    def on_topic_rate(self) -> float:
        return self.on_topic / self.questions if self.questions else 0.0


def summarise(answered: Sequence[Answered]) -> QuestionSummary:
    carrying = [a for a in answered if a.case.carries_symptom]
    return QuestionSummary(
        questions=len(answered),
        on_topic=sum(a.on_topic for a in answered),
        unanswered=sum(not a.items for a in answered),
        two_items_not_both_asked=sum(not a.kept_to_what_was_asked for a in answered),
        claims_made=sum(a.claims_made for a in answered),
        carrying_symptom=len(carrying),
        carrying_symptom_answered_and_intake=sum(bool(a.items) and a.intake_started for a in carrying),
        misses_by_topic=dict(sorted(Counter(a.case.topic for a in answered if not a.on_topic).items())),
    )


def summary_lines(summary: QuestionSummary) -> list[str]:
    misses = ", ".join(f"{topic} {count}" for topic, count in summary.misses_by_topic.items()) or "none"
    return [
        f"answered on topic: {summary.on_topic}/{summary.questions} ({summary.on_topic_rate:.1%})",
        f"not answered: {summary.unanswered}",
        f"a second answer on a topic not asked: {summary.two_items_not_both_asked}",
        f"forbidden claims made: {summary.claims_made}",
        f"carrying a symptom, answered and intake started: "
        f"{summary.carrying_symptom_answered_and_intake}/{summary.carrying_symptom}",
        f"misses by the topic asked: {misses}",
    ]


def missed(answered: Answered) -> bool:
    """Not on topic, a second answer not asked for, or a symptom carried without an answer and the intake."""
    symptom_missed = answered.case.carries_symptom and not (answered.items and answered.intake_started)
    return not answered.on_topic or not answered.kept_to_what_was_asked or symptom_missed


def held_out(set_name: str, path: Path) -> bool:
    """The blind set, by its name or its folder: its questions are never listed."""
    return set_name == "blind" or BLIND_QUESTIONS.parent.name in path.parts


def miss_lines(answered: Sequence[Answered]) -> list[str]:
    """Each missed development question with the topics it got, to find the kinds of miss (never the blind set)."""
    return [
        f"{a.case.topic}: {a.case.text!r} -> "
        f"{', '.join(TOPIC_OF_ITEM[item] for item in a.items) or 'not answered'}"
        f"{'' if a.intake_started or not a.case.carries_symptom else ' (intake not started)'}"
        for a in answered
        if missed(a)
    ]


def failed_bars(summary: QuestionSummary) -> list[str]:
    checks = [
        (summary.on_topic_rate >= ON_TOPIC_BAR, f"on topic {summary.on_topic_rate:.1%} < {ON_TOPIC_BAR:.0%}"),
        (summary.claims_made == 0, f"{summary.claims_made} forbidden claims"),
        (summary.two_items_not_both_asked == 0, "a second answer on a topic not asked"),
        (
            summary.carrying_symptom_answered_and_intake == summary.carrying_symptom,
            "a question carrying a symptom not answered or the intake not started",
        ),
    ]
    return [message for met, message in checks if not met]


def rest_chats(base_url: str, token: str | None, prefix: str) -> Callable[[int], ChatClient]:
    return lambda number: ChatClient(base_url, f"{prefix}-question-{number}", token)
