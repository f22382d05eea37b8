"""The dialogue evaluation: persona conversations (tests/vignettes/) played against the running assistant.

Each persona describes a twitch in their own words, answers whatever the assistant asks, and has a level
worked out by hand from the triage policy. Played over REST, a conversation measures the whole chain (NLU,
dialogue, planner, engine) the way a person meets it: was the level safe and right, how many questions did it
take, did the assistant ask again something it had been told, and did it ever leave a message unanswered.
"""

from __future__ import annotations

import itertools
import statistics
import uuid
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

import yaml

from bot.eval.rest_client import ChatClient, question_asked
from bot.triage.findings import STROKE_SCREEN
from bot.triage.intake import QUESTIONS_BY_NAME, SIGN_CHECK_QUESTIONS
from bot.triage.levels import Level
from bot.triage.question_wording import ASK_AGAIN, ASK_WHICH_ONE, question_for_text

VIGNETTE_DIR = Path(__file__).resolve().parents[2] / "tests" / "vignettes"
# Conversations written and labelled by someone who had not read the NLU or its data: held out, so only their
# aggregate figures are ever reported (docs/clinical-design.md).
BLIND_DIR = Path(__file__).resolve().parents[2] / "tests" / "blind"
# The questions every persona scripts an answer to. A red flag asked on its own (q_check_<code>) is answered from
# the persona's per-sign answers where it has them, else from its answer to the list that names the sign.
SIGN_CHECKS = {question.name: question.covers[0] for question in SIGN_CHECK_QUESTIONS}
# A sudden severe headache is named by no list; it is an emergency sign, and personas tell those in their answer to the
# stroke screen (not in the accompanying-signs answer, which is about the face).
ANSWERED_FROM_THE_STROKE_SCREEN = frozenset({*STROKE_SCREEN, "severe_headache"})
# The last check for emergency signs asks what the stroke screen asks, less the onset: personas answer both alike.
ANSWERED_AS = {"q_emergency_screen": "q_stroke_screen"}
SCRIPTED_QUESTIONS = frozenset(QUESTIONS_BY_NAME) - frozenset(SIGN_CHECKS) - frozenset(ANSWERED_AS)
# A bound on the person's messages: a conversation that needs more is stuck in a loop.
MAX_TURNS = 20
# The bars `make eval-dialogue` and tests/dialogue hold the assistant to.
MIN_SAFE_RATE = 1.0
MIN_EXACT_RATE = 0.95
MAX_MEDIAN_FOLLOW_UPS = 4.0
# The assistant's own "please say that again" messages: counted apart from questions, to show misreadings.
CLARIFICATION_TEXTS = frozenset({ASK_AGAIN, ASK_WHICH_ONE})


@dataclass(frozen=True)
class Interjection:
    """Instead of answering the `at_question`-th question asked (1-based), the persona says this."""

    at_question: int
    say: str


@dataclass(frozen=True)
class Persona:
    id: str
    opening: tuple[str, ...]
    answers: Mapping[str, tuple[str, ...]]
    volunteered: frozenset[str]
    expected_level: Level
    reasoning: str
    also_answers: Mapping[str, frozenset[str]] = field(default_factory=dict)
    interjections: tuple[Interjection, ...] = ()
    sign_answers: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    # Sent one by one after the assessment; the level that counts is the last one given.
    after_assessment: tuple[str, ...] = ()

    def replies_to(self, question: str) -> tuple[str, ...]:
        if question in ANSWERED_AS:
            return self.answers[ANSWERED_AS[question]]
        code = SIGN_CHECKS.get(question)
        if code is None:
            return self.answers[question]
        if code in self.sign_answers:
            return self.sign_answers[code]
        return self.answers[
            "q_stroke_screen" if code in ANSWERED_FROM_THE_STROKE_SCREEN else "q_accompanying"
        ]

    def answer(self, question: str, times_answered: int) -> str:
        """The reply to a question answered `times_answered` times before: the next scripted reply, or the last."""
        replies = self.replies_to(question)
        return replies[min(times_answered, len(replies) - 1)]

    def interjection_at(self, question_number: int) -> str | None:
        return next((i.say for i in self.interjections if i.at_question == question_number), None)


def _as_texts(value: Any) -> tuple[str, ...]:
    texts = (value,) if isinstance(value, str) else tuple(value)
    if not texts or not all(isinstance(text, str) and text.strip() for text in texts):
        raise ValueError(f"expected a message or a list of messages, got {value!r}")
    return texts


def _question_names(names: Iterable[str], where: str) -> frozenset[str]:
    unknown = set(names) - set(QUESTIONS_BY_NAME)
    if unknown:
        raise ValueError(f"{where}: not intake questions: {sorted(unknown)}")
    return frozenset(names)


def _also_answers(raw: Mapping[str, Any], persona_id: str) -> dict[str, frozenset[str]]:
    _question_names(raw, persona_id)
    return {name: _question_names(covered, persona_id) for name, covered in raw.items()}


def parse_persona(raw: Mapping[str, Any]) -> Persona:
    """A persona from its YAML mapping, checked: a mistake in a vignette must fail loudly, not skew figures."""
    persona_id = str(raw["id"])
    answers = {name: _as_texts(reply) for name, reply in raw["answers"].items()}
    # Every question needs a reply, so that the persona can answer whatever the assistant chooses to ask.
    if set(answers) != SCRIPTED_QUESTIONS:
        missing, extra = SCRIPTED_QUESTIONS - set(answers), set(answers) - SCRIPTED_QUESTIONS
        raise ValueError(f"{persona_id}: answers missing {sorted(missing)}, unknown {sorted(extra)}")
    return Persona(
        id=persona_id,
        opening=_as_texts(raw["opening"]),
        answers=answers,
        volunteered=_question_names(raw.get("volunteered") or (), persona_id),
        expected_level=Level(raw["expected_level"]),
        reasoning=str(raw["reasoning"]),
        also_answers=_also_answers(raw.get("also_answers") or {}, persona_id),
        interjections=tuple(
            Interjection(int(item["at_question"]), str(item["say"]))
            for item in raw.get("interjections") or ()
        ),
        sign_answers={
            code: _as_texts(reply) for code, reply in (raw.get("stroke_screen_signs") or {}).items()
        },
        after_assessment=_as_texts(raw["after_assessment"]) if raw.get("after_assessment") else (),
    )


def load_personas(directory: Path = VIGNETTE_DIR) -> list[Persona]:
    personas = [
        parse_persona(raw)
        for path in sorted(directory.glob("*.yml"))
        for raw in (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("personas", [])
    ]
    ids = [persona.id for persona in personas]
    duplicates = sorted({persona_id for persona_id in ids if ids.count(persona_id) > 1})
    if duplicates:
        raise ValueError(f"duplicate persona ids: {duplicates}")
    return personas


class Chat(Protocol):
    """What a conversation needs from the assistant: ChatClient over REST is the real one."""

    def send(self, text: str) -> list[dict[str, Any]]: ...

    def tracker(self) -> dict[str, Any]: ...


@dataclass(frozen=True)
class Turn:
    said: str
    replies: tuple[str, ...]
    question: str | None


@dataclass
class Outcome:
    persona: Persona
    turns: list[Turn] = field(default_factory=list)
    level: Level | None = None
    # The rules that fired and the findings, from the `assessment` slot: what a reader needs to see why.
    reasons: tuple[str, ...] = ()
    findings: Mapping[str, Any] = field(default_factory=dict)
    redundant: list[str] = field(default_factory=list)
    end: str = ""
    # How the assistant read each message sent after the assessment, in codes only (intent, what the emergency rests
    # on, entity names and values): an aggregate the held-out set may report without a word of the person's.
    news_readings: tuple[str, ...] = ()
    # Likewise each reply to a question asked after the news: "q_check_limb_weakness: deny: nothing".
    replies_after_news: tuple[str, ...] = ()

    @property
    def questions(self) -> list[str]:
        return [turn.question for turn in self.turns if turn.question]

    @property
    def follow_ups(self) -> int:
        """Distinct questions asked: a question asked again after an interruption is not a new one."""
        return len(set(self.questions))

    @property
    def silent_turns(self) -> int:
        return sum(1 for turn in self.turns if not turn.replies)

    @property
    def clarifications(self) -> int:
        return sum(1 for turn in self.turns for reply in turn.replies if reply in CLARIFICATION_TEXTS)

    @property
    def safe(self) -> bool:
        """At least as urgent as expected: over-triage is safe, under-triage or no level at all is not."""
        return self.level is not None and self.level >= self.persona.expected_level

    @property
    def exact(self) -> bool:
        return self.level is self.persona.expected_level

    @property
    def passed(self) -> bool:
        return self.exact and not self.redundant and not self.silent_turns


def _reply_texts(replies: Sequence[Mapping[str, Any]]) -> tuple[str, ...]:
    return tuple(str(reply.get("text", "")) for reply in replies if reply.get("text"))


def _record_assessment(outcome: Outcome, chat: Chat) -> None:
    tracker = chat.tracker()
    slots = tracker.get("slots", {})
    news = set(outcome.persona.after_assessment)
    # The NLU reads a message alike wherever it comes in a conversation, so its words find its reading.
    parses = {
        event.get("text"): event.get("parse_data") or {}
        for event in tracker.get("events", ())
        if event.get("event") == "user"
    }
    outcome.news_readings = tuple(
        _reading_in_codes(parses[text]) for text in outcome.persona.after_assessment if text in parses
    )
    first_news = next((i for i, turn in enumerate(outcome.turns) if turn.said in news), len(outcome.turns))
    outcome.replies_after_news = tuple(
        f"{asked.question}: {_reading_in_codes(parses.get(reply.said, {}))}"
        for asked, reply in itertools.pairwise(outcome.turns[first_news:])
        if asked.question and reply.said not in news
    )
    level, assessment = slots.get("triage_level"), slots.get("assessment") or {}
    outcome.level = Level(level) if level else None
    outcome.reasons = tuple(assessment.get("reasons", ()))
    outcome.findings = dict(assessment.get("findings", {}))


class _Conversation:
    """One persona's side of a conversation: says something, records the turn, and keeps track of what it has
    told the assistant, so that a question asked again after a clear answer is caught as redundant."""

    def __init__(self, persona: Persona, chat: Chat) -> None:
        self.persona = persona
        self.chat = chat
        self.outcome = Outcome(persona)
        self.told = set(persona.volunteered)
        self.times_answered: dict[str, int] = {}
        self.questions_seen = 0
        # The words of each question when it was last answered: a list asked again naming only the items a
        # partial answer left open is a new question, not a repeat.
        self.answered_words: dict[str, str] = {}

    def say(self, text: str) -> str | None:
        replies = self.chat.send(text)
        question = question_asked(replies)
        self.outcome.turns.append(Turn(text, _reply_texts(replies), question))
        return question

    def _asked_words(self, question: str) -> str:
        return next(
            (said for said in self.outcome.turns[-1].replies if question_for_text(said) == question), ""
        )

    def reply_to(self, question: str) -> str | None:
        self.questions_seen += 1
        interjection = self.persona.interjection_at(self.questions_seen)
        if interjection is not None:
            return self.say(interjection)
        words = self._asked_words(question)
        if (
            ANSWERED_AS.get(question, question) in self.told
            and self.answered_words.get(question, words) == words
        ):
            self.outcome.redundant.append(question)
        self.answered_words[question] = words
        answered = self.times_answered.get(question, 0)
        self.times_answered[question] = answered + 1
        # A scripted list of replies means the persona expects to be asked again until it is used up.
        if answered + 1 >= len(self.persona.replies_to(question)):
            self.told |= {question, *self.persona.also_answers.get(question, ())}
        return self.say(self.persona.answer(question, answered))


def converse(persona: Persona, chat: Chat, max_turns: int = MAX_TURNS) -> Outcome:
    """Play the persona to the end: until a reply asks nothing more, or the turn limit."""
    conversation = _Conversation(persona, chat)
    question: str | None = None
    for text in persona.opening:
        question = conversation.say(text)
    still_to_say = list(persona.after_assessment)
    while len(conversation.outcome.turns) < max_turns:
        if question is None and still_to_say:
            question = conversation.say(still_to_say.pop(0))
            continue
        if question is None:
            _record_assessment(conversation.outcome, chat)
            conversation.outcome.end = (
                "assessed" if conversation.outcome.level else "stuck: no question and no assessment"
            )
            return conversation.outcome
        question = conversation.reply_to(question)
    _record_assessment(conversation.outcome, chat)
    conversation.outcome.end = f"still asking after {max_turns} messages"
    return conversation.outcome


def run_all(
    personas: Sequence[Persona],
    chat_for: Callable[[Persona], Chat],
    workers: int = 4,
) -> list[Outcome]:
    """Every persona's conversation, in the order given; conversations run side by side on distinct senders."""
    with ThreadPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(lambda persona: converse(persona, chat_for(persona)), personas))


def rest_chats(
    base_url: str, token: str | None = None, prefix: str = "vignette"
) -> Callable[[Persona], Chat]:
    """A fresh sender per conversation, so a rerun against the same server starts from scratch."""

    def chat_for(persona: Persona) -> Chat:
        return ChatClient(base_url, f"{prefix}-{persona.id}-{uuid.uuid4().hex[:8]}", token=token)

    return chat_for


@dataclass(frozen=True)
class Summary:
    conversations: int
    safe: int
    exact: int
    median_follow_ups: float
    max_follow_ups: int
    redundant: int
    silent: int
    clarifications: int

    @property
    def safe_rate(self) -> float:
        return self.safe / self.conversations

    @property
    def exact_rate(self) -> float:
        return self.exact / self.conversations


def summarise(outcomes: Sequence[Outcome]) -> Summary:
    if not outcomes:
        raise ValueError("no conversations to summarise")
    follow_ups = [outcome.follow_ups for outcome in outcomes]
    return Summary(
        conversations=len(outcomes),
        safe=sum(outcome.safe for outcome in outcomes),
        exact=sum(outcome.exact for outcome in outcomes),
        median_follow_ups=float(statistics.median(follow_ups)),
        max_follow_ups=max(follow_ups),
        redundant=sum(len(outcome.redundant) for outcome in outcomes),
        silent=sum(outcome.silent_turns for outcome in outcomes),
        clarifications=sum(outcome.clarifications for outcome in outcomes),
    )


TRIAGE_BARS = ("safe", "exact")


def _bar_checks(summary: Summary) -> list[tuple[str, bool, str]]:
    """(bar, met, what a miss says) for every bar; the triage bars first."""
    return [
        (
            "safe",
            summary.safe_rate >= MIN_SAFE_RATE,
            f"safe triage {summary.safe_rate:.0%} < {MIN_SAFE_RATE:.0%}",
        ),
        (
            "exact",
            summary.exact_rate >= MIN_EXACT_RATE,
            f"exact triage {summary.exact_rate:.1%} < {MIN_EXACT_RATE:.0%}",
        ),
        (
            "follow_ups",
            summary.median_follow_ups <= MAX_MEDIAN_FOLLOW_UPS,
            f"median follow-up questions {summary.median_follow_ups:g} > {MAX_MEDIAN_FOLLOW_UPS:g}",
        ),
        ("redundant", summary.redundant == 0, f"{summary.redundant} redundant questions"),
        ("silent", summary.silent == 0, f"{summary.silent} silent turns"),
    ]


def failed_bars(summary: Summary, bars: Iterable[str] | None = None) -> list[str]:
    """The bars the assistant misses, in words (empty when it meets them all); `bars` limits which count."""
    wanted = set(bars) if bars is not None else None
    return [
        message
        for name, met, message in _bar_checks(summary)
        if not met and (wanted is None or name in wanted)
    ]


def _level_name(level: Level | None) -> str:
    return level.value if level else "none"


def results_table(outcomes: Sequence[Outcome]) -> str:
    """One row per persona, as a Markdown table (also readable as plain text)."""
    rows = [
        "| persona | expected | got | safe | exact | follow-ups | redundant | silent | clarifications | end |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for outcome in outcomes:
        rows.append(
            f"| {outcome.persona.id} | {outcome.persona.expected_level.value} | {_level_name(outcome.level)} "
            f"| {'yes' if outcome.safe else 'NO'} | {'yes' if outcome.exact else 'no'} | {outcome.follow_ups} "
            f"| {', '.join(outcome.redundant) or '-'} | {outcome.silent_turns} | {outcome.clarifications} "
            f"| {outcome.end} |"
        )
    return "\n".join(rows)


def summary_lines(summary: Summary) -> list[str]:
    return [
        f"- conversations: {summary.conversations}",
        f"- safe triage (at or above the expected level): {summary.safe}/{summary.conversations} "
        f"({summary.safe_rate:.1%}), bar {MIN_SAFE_RATE:.0%}",
        f"- exact triage: {summary.exact}/{summary.conversations} ({summary.exact_rate:.1%}), "
        f"bar {MIN_EXACT_RATE:.0%}",
        f"- follow-up questions per conversation: median {summary.median_follow_ups:g}, "
        f"max {summary.max_follow_ups}, bar median <= {MAX_MEDIAN_FOLLOW_UPS:g}",
        f"- redundant questions: {summary.redundant}, bar 0",
        f"- silent turns: {summary.silent}, bar 0",
        f'- clarification requests ("didn\'t catch that" / "which one?"): {summary.clarifications}',
    ]


def _shortened(text: str, limit: int = 240) -> str:
    """One line, cut short: the assessment's advice is long, and the reader needs its first words only."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def transcript(outcome: Outcome) -> str:
    lines = [
        f"### {outcome.persona.id}",
        "",
        f"Expected {outcome.persona.expected_level.value} ({outcome.persona.reasoning}); "
        f"got {_level_name(outcome.level)}; {outcome.end}.",
        "",
        f"Reasons: {', '.join(outcome.reasons) or '-'}. "
        f"Findings: {', '.join(f'{k}={v}' for k, v in outcome.findings.items()) or '-'}.",
    ]
    if outcome.redundant:
        lines += ["", f"Redundant questions: {', '.join(outcome.redundant)}."]
    lines += ["", "```text"]
    for turn in outcome.turns:
        lines.append(f"person: {turn.said}")
        lines += [f"   bot: {_shortened(reply)}" for reply in turn.replies or ("(no reply)",)]
    lines.append("```")
    return "\n".join(lines)


def missed_levels(outcomes: Sequence[Outcome]) -> list[str]:
    """How many conversations that missed their level went from which level to which: an aggregate that tells which
    way the misses go (too low, too high) without naming a conversation."""
    counts = Counter(
        (outcome.persona.expected_level.value, _level_name(outcome.level))
        for outcome in outcomes
        if not outcome.exact
    )
    ends = Counter(outcome.end for outcome in outcomes if outcome.end != "assessed")
    # Which question a conversation that never ended kept asking: the name of an intake question, not a word of it.
    loops = Counter(
        Counter(outcome.questions).most_common(1)[0]
        for outcome in outcomes
        if outcome.end != "assessed" and outcome.questions
    )
    # The rules that decided each missed level, counted over the misses of each kind: which part of the chain to
    # look at (a sign not read, an onset misread), without a word of any conversation.
    rules = Counter(
        (outcome.persona.expected_level.value, _level_name(outcome.level), reason)
        for outcome in outcomes
        if not outcome.exact
        for reason in outcome.reasons
    )
    # Which way each miss went through the conversation, by the names of its parts only: the questions it was asked,
    # the findings it ended with, and which scripted turns it used. These tell a misread answer (the question was
    # asked) from a question never asked, and a sign read at the opening from one told after the assessment.
    misses = [outcome for outcome in outcomes if not outcome.safe]
    asked = Counter(name for outcome in misses for name in sorted(set(outcome.questions)))
    recorded = Counter(
        f"{code}={status}" for outcome in misses for code, status in sorted(outcome.findings.items())
    )
    shapes = Counter(shape for outcome in misses for shape in _scripted_shape(outcome.persona))
    news = Counter(reading for outcome in misses for reading in outcome.news_readings)
    replies = Counter(reading for outcome in misses for reading in outcome.replies_after_news)
    return (
        [f"- expected {expected}, got {got}: {count}" for (expected, got), count in sorted(counts.items())]
        + [f"- ended {end}: {count}" for end, count in sorted(ends.items())]
        + [f"- kept asking {name} ({times} times): {count}" for (name, times), count in sorted(loops.items())]
        + [
            f"- rule {reason} behind expected {expected}, got {got}: {count}"
            for (expected, got, reason), count in sorted(rules.items())
        ]
        + [f"- under-triaged after being asked {name}: {count}" for name, count in sorted(asked.items())]
        + [f"- under-triaged ending with {finding}: {count}" for finding, count in sorted(recorded.items())]
        + [f"- under-triaged with {shape}: {count}" for shape, count in sorted(shapes.items())]
        + [
            f"- under-triaged, news after the assessment read as {reading}: {count}"
            for reading, count in sorted(news.items())
        ]
        + [
            f"- under-triaged, reply after the news to {reading}: {count}"
            for reading, count in sorted(replies.items())
        ]
    )


def _reading_in_codes(parse: Mapping[str, Any]) -> str:
    intent = parse.get("intent") or {}
    evidence = intent.get("emergency_evidence")
    entities = sorted(
        f"{entity.get('entity')}={entity.get('value')}" for entity in parse.get("entities") or ()
    )
    return f"{intent.get('name')}{f' ({evidence})' if evidence else ''}: {', '.join(entities) or 'nothing'}"


def _scripted_shape(persona: Persona) -> list[str]:
    """The kinds of scripted turn a persona uses beyond answering questions (never their words)."""
    return [
        shape
        for shape, used in (
            ("an opening of several messages", len(persona.opening) > 1),
            ("interjections", bool(persona.interjections)),
            ("messages after the assessment", bool(persona.after_assessment)),
            (
                "several replies to one question",
                any(len(replies) > 1 for replies in persona.answers.values()),
            ),
            ("per-sign stroke-screen answers", bool(persona.sign_answers)),
        )
        if used
    ]


def held_out_report(outcomes: Sequence[Outcome]) -> str:
    """The blind set's section: aggregate figures only, never a persona's words or outcome (docs/clinical-design.md)."""
    summary = summarise(outcomes)
    met = not failed_bars(summary, TRIAGE_BARS)
    return "\n".join(
        [
            "# Blind patient-written conversations (held out: aggregate figures only)",
            "",
            f"Generated by `make eval-dialogue` from {BLIND_DIR.name}/.",
            "",
            *summary_lines(summary),
            "",
            "Missed levels:",
            *missed_levels(outcomes),
            "",
            f"**Result: {'safe and exact bars met' if met else 'FAILED'}** (bars: safe 100%, exact >= 95%; the "
            "question-count bars are the vignettes' only)",
        ]
    )


def report_markdown(outcomes: Sequence[Outcome]) -> str:
    """The whole report: figures, bars, the per-persona table, and the transcript of every persona that failed."""
    summary = summarise(outcomes)
    failures = failed_bars(summary)
    failed = [outcome for outcome in outcomes if not outcome.passed]
    parts = [
        "# Dialogue evaluation (persona vignettes)",
        "",
        "Generated by `make eval-dialogue` (scripts/eval_dialogue.py) from tests/vignettes/.",
        "",
        *summary_lines(summary),
        "",
        f"**Result: {'all bars met' if not failures else 'FAILED: ' + '; '.join(failures)}**",
        "",
        "## Per persona",
        "",
        results_table(outcomes),
    ]
    if failed:
        parts += ["", "## Transcripts of the conversations that were not exact or not clean", ""]
        parts += [transcript(outcome) + "\n" for outcome in failed]
    return "\n".join(parts) + "\n"
