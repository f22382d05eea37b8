"""A simulation with a safety oracle: patients generated from ground-truth findings, played against the assistant.

Each simulated patient has a ground truth (every finding present or absent, where, which side, how long), chosen
to cover every triage rule and its boundaries (13, 14 and 15 days; each red flag; the places; other people's and
other events' times). They describe it in words from a phrasebook that someone who had never read the NLU wrote
(tests/simulation/phrasebook.yml: it is never edited to make a case pass), and answer whatever the assistant asks
in one of several styles: plainly, "yes" without saying which and then naming it, a partial denial, a vague
feeling, a question that carries the symptom, a wrong duration corrected, a symptom remembered only after the
assessment.

The oracle is the triage engine applied to the ground truth (bot.triage.engine.decide): the conversation's final
level must never be below it. An emergency answer for a ground truth with no emergency sign is over-triage.
"""

from __future__ import annotations

import random
import re
import uuid
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from bot.eval.rest_client import ChatClient, question_asked
from bot.triage.engine import decide
from bot.triage.findings import (
    EMERGENCY_SCREEN_SIGNS,
    FINDING_CODES,
    HISTORY_CODES,
    LOCATIONS,
    RED_FLAG_CODES,
    TRIGGER_CODES,
    Findings,
    Status,
)
from bot.triage.intake import EMERGENCY_SCREEN_QUESTION, QUESTIONS_BY_NAME
from bot.triage.levels import Level
from bot.triage.question_wording import ASK_WHICH_ONE
from bot.triage.rules import SELF_CARE_MAX_DAYS

PHRASEBOOK = Path(__file__).resolve().parents[2] / "tests" / "simulation" / "phrasebook.yml"
MAX_TURNS = 24
# A question whose answer is about signs it does not record as its own: the patient answers about those signs.
SIGNS_ASKED_BY = {EMERGENCY_SCREEN_QUESTION.name: EMERGENCY_SCREEN_SIGNS}
# The figures `make simulate` and the test hold the assistant to (issue 11).
MAX_UNDER_TRIAGED = 0
MAX_NEEDLESS_EMERGENCY_RATE = 0.005
MIN_EXACT_RATE = 0.97
MAX_REDUNDANT_RATE = 0.01
# Findings the simulated patients can describe: the codes of the phrasebook that the assistant's vocabulary has.
ROUTINE_PATTERN_CODES = ("worsening", "spread", "eye_closure", "function_impact", "linked_movements")
EYE_PLACES = ("eyelid", "around_eye")
OTHER_PLACES = tuple(place for place in LOCATIONS if place not in EYE_PLACES)


# ------------------------------------------------------------------------------------------ the phrasebook


@dataclass(frozen=True)
class Span:
    """Words for how long, and the range of days they mean."""

    text: str
    min_days: float
    max_days: float

    def fits(self, days: float) -> bool:
        """On the same side of the self-care limit as `days`, wherever in the range the truth lies."""
        over = days > SELF_CARE_MAX_DAYS
        return (self.min_days > SELF_CARE_MAX_DAYS) if over else (self.max_days <= SELF_CARE_MAX_DAYS)


@dataclass(frozen=True)
class Phrasebook:
    findings: Mapping[str, Mapping[str, tuple[str, ...]]]
    twitch: tuple[str, ...]
    locations: Mapping[str, tuple[str, ...]]
    sides: Mapping[str, tuple[str, ...]]
    both_sides: tuple[str, ...]
    durations: tuple[Span, ...]
    recurrences: tuple[Span, ...]
    other_times: tuple[str, ...]
    openings: tuple[str, ...]
    proxy_openings: tuple[str, ...]
    answers: Mapping[str, tuple[str, ...]]

    def describable(self, code: str, status: Status) -> bool:
        return bool(self.findings.get(code, {}).get(status.value))


def _texts(values: Any) -> tuple[str, ...]:
    return tuple(str(value) for value in values or ())


def _spans(values: Any) -> tuple[Span, ...]:
    return tuple(
        Span(str(item["text"]), float(item["min_days"]), float(item["max_days"])) for item in values or ()
    )


def load_phrasebook(path: Path = PHRASEBOOK) -> Phrasebook:
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    return Phrasebook(
        findings={
            code: {status: _texts(phrases) for status, phrases in (statuses or {}).items()}
            for code, statuses in (raw.get("findings") or {}).items()
        },
        twitch=_texts(raw["twitch"]),
        locations={place: _texts(phrases) for place, phrases in raw["locations"].items()},
        sides={side: _texts(phrases) for side, phrases in raw["sides"].items()},
        both_sides=_texts(raw.get("both_sides_phrases")),
        durations=_spans(raw["durations"]),
        recurrences=_spans(raw.get("recurrences")),
        other_times=_texts(raw.get("other_times")),
        openings=_texts(raw["openings"]),
        proxy_openings=_texts(raw.get("proxy_openings")),
        answers={style: _texts(phrases) for style, phrases in raw["answers"].items()},
    )


# ------------------------------------------------------------------------------------------ ground truths


@dataclass(frozen=True)
class Case:
    """A simulated patient: the ground truth, and how they tell it."""

    id: str
    scenario: str
    truth: Findings
    duration: Span
    opening_codes: tuple[str, ...]  # present findings said in the opening (the rest wait to be asked)
    style: str = "plain"
    told_after: str | None = None  # a present finding said only after the assessment
    with_other_time: bool = False
    proxy: bool = False
    wrong_duration: Span | None = None  # said first, then corrected

    @property
    def oracle(self) -> Level:
        return decide(self.truth)[0]


# Three patients in five answer plainly; the rest say "yes" then which, or deny one sign and state another.
ANSWER_STYLES = ("plain", "plain", "yes_then_name", "partial_denial", "plain")


def _truth(
    present: Sequence[str],
    *,
    locations: Sequence[str],
    side: str,
    days: float,
) -> Findings:
    """Every finding present or absent: what the patient knows about themselves."""
    present_set = {"twitching", *present}
    statuses = {code: Status.PRESENT if code in present_set else Status.ABSENT for code in FINDING_CODES}
    return Findings(statuses=statuses, face_side=side, locations=frozenset(locations), duration_days=days)


class CaseSampler:
    """Ground truths spread over every rule: scenarios taken in turn, details drawn at random."""

    def __init__(self, book: Phrasebook, seed: int) -> None:
        self.book = book
        self.random = random.Random(seed)
        red_flags = [code for code in RED_FLAG_CODES if code != "sudden_onset"]
        self.scenarios: list[tuple[str, Callable[[], tuple[list[str], list[str], float | None]]]] = [
            ("self_care", lambda: ([], ["eyelid"], None)),
            ("self_care_boundary", lambda: ([], ["eyelid"], self.random.choice((13.0, 14.0)))),
            ("long_boundary", lambda: ([], ["eyelid"], 15.0)),
            ("long", lambda: ([], ["eyelid"], self.random.choice((20.0, 45.0, 120.0, 800.0)))),
            *((f"red_flag:{code}", self._with(code)) for code in red_flags),
            ("gradual_weakness", lambda: (["facial_weakness"], ["eyelid"], None)),
            ("sudden_weakness", lambda: (["facial_weakness", "sudden_onset"], ["eyelid"], None)),
            *((f"pattern:{code}", self._with(code)) for code in ROUTINE_PATTERN_CODES),
            *((f"history:{code}", self._with(code)) for code in HISTORY_CODES),
            ("beyond_the_eye", lambda: ([], [self.random.choice(OTHER_PLACES)], None)),
            ("eye_and_cheek", lambda: (["spread"], ["eyelid", "cheek"], None)),
            ("triggers", lambda: ([self.random.choice(TRIGGER_CODES)], ["eyelid"], None)),
        ]
        self.count = 0

    def _with(self, code: str) -> Callable[[], tuple[list[str], list[str], float | None]]:
        return lambda: ([code], [self.random.choice(EYE_PLACES)], None)

    def _duration(self, days: float | None) -> tuple[float, Span]:
        spans = self.book.durations
        if days is None:
            span = self.random.choice(spans)
            return (span.min_days + span.max_days) / 2, span
        fitting = [span for span in spans if span.min_days <= days <= span.max_days and span.fits(days)]
        if not fitting:
            fitting = [span for span in spans if span.fits(days)]
        return days, self.random.choice(fitting)

    def next_case(self) -> Case:
        scenario, make = self.scenarios[self.count % len(self.scenarios)]
        self.count += 1
        present, locations, days = make()
        present = [code for code in present if self.book.describable(code, Status.PRESENT)]
        if self.random.random() < 0.08 and self.book.recurrences and days is None:
            span = self.random.choice(self.book.recurrences)
            days = (span.min_days + span.max_days) / 2
        else:
            days, span = self._duration(days)
        side = self.random.choice(("left", "right", "left", "right", "both"))
        truth = _truth(present, locations=locations, side=side, days=days)
        style = self.random.choice(ANSWER_STYLES)
        told_after = None
        # Some red flags and history items come out only after the assessment (a symptom remembered late).
        if present and self.random.random() < 0.12:
            told_after = present[0]
        opening = [code for code in present if code != told_after and self.random.random() < 0.5]
        wrong = None
        if self.random.random() < 0.06:
            wrong = self.random.choice(
                [other for other in self.book.durations if not other.fits(days)] or [span]
            )
        return Case(
            id=f"sim-{self.count:05d}",
            scenario=scenario,
            truth=truth,
            duration=span,
            opening_codes=tuple(opening),
            style=style,
            told_after=told_after,
            with_other_time=self.random.random() < 0.25,
            proxy=self.random.random() < 0.1 and bool(self.book.proxy_openings),
            wrong_duration=wrong,
        )


# ------------------------------------------------------------------------------------------ the patient


def _fill(template: str, **values: str) -> str:
    """The template with its placeholders filled; an empty one leaves no stray stops or commas behind."""
    text = template
    for name, value in values.items():
        text = text.replace("{" + name + "}", value)
    text = re.sub(r"\s+([.,!?])", r"\1", " ".join(text.split()))
    text = re.sub(r"([.,])(?:\s*[.,])+", r"\1", text)
    return text.strip(" ,.") if text.strip(" ,.") else text


@dataclass
class Patient:
    case: Case
    book: Phrasebook
    random: random.Random
    said_present: set[str] = field(default_factory=set)
    answered: dict[str, int] = field(default_factory=dict)
    told_places: bool = False
    told_duration: bool = False
    corrected: bool = False
    asked_codes: set[str] = field(default_factory=set)

    def phrase(self, code: str, status: Status) -> str:
        words = self.random.choice(self.book.findings[code][status.value])
        if code == "facial_weakness" and status is Status.PRESENT:
            # People who describe a weak or drooping face say how it came on, as the phrasebook's onset phrases
            # do; without it, the policy rightly treats the onset as sudden.
            onset = self.case.truth.status("sudden_onset")
            words += ", " + self.random.choice(self.book.findings["sudden_onset"][onset.value])
            self.said_present.add("sudden_onset")
        return words

    def answer(self, style: str, **values: str) -> str:
        return _fill(self.random.choice(self.book.answers[style]), **values)

    def places(self) -> str:
        truth = self.case.truth
        names = [
            _fill(self.random.choice(self.book.locations[place]), side="")
            for place in sorted(truth.locations)
        ]
        said = " and ".join(names)
        if truth.face_side == "both" and self.book.both_sides:
            said += " " + self.random.choice(self.book.both_sides)
        return said

    def opening(self) -> str:
        case = self.case
        twitch = _fill(self.random.choice(self.book.twitch), place=self.places())
        duration = (case.wrong_duration or case.duration).text
        findings = ". ".join(self.phrase(code, Status.PRESENT) for code in case.opening_codes)
        self.said_present.update(case.opening_codes)
        other = (
            self.random.choice(self.book.other_times)
            if case.with_other_time and self.book.other_times
            else ""
        )
        template = self.random.choice(self.book.proxy_openings if case.proxy else self.book.openings)
        self.told_places = True
        self.told_duration = case.wrong_duration is None and "{duration}" in template
        return _fill(template, twitch=twitch, duration=duration, findings=findings, other_time=other)

    def reply(self, question: str, asked_which: bool) -> str:
        """The reply to the assistant's question, from the ground truth, in this patient's style."""
        self.answered[question] = self.answered.get(question, 0) + 1
        case, truth = self.case, self.case.truth
        if case.wrong_duration is not None and not self.corrected:
            self.corrected = True
            self.told_duration = True
            return self.answer(
                "correction_duration", right=case.duration.text, wrong=case.wrong_duration.text
            )
        if question == "q_location":
            return self.answer("location_answer", place=self.places())
        if question == "q_side":
            if truth.face_side == "both" and self.book.both_sides:
                return self.random.choice(self.book.both_sides)
            side = self.random.choice(self.book.sides[truth.face_side or "left"])
            return self.answer("side_answer", side=side)
        if question == "q_duration":
            return self.answer("duration_answer", duration=case.duration.text)
        covers = SIGNS_ASKED_BY.get(question) or QUESTIONS_BY_NAME[question].covers
        self.asked_codes.update(covers)
        present = [
            code
            for code in covers
            if truth.is_present(code)
            # the symptom this patient forgets is denied until it is remembered, after the assessment
            and (code != case.told_after or code in self.said_present)
            and self.book.describable(code, Status.PRESENT)
        ]
        if not present:
            return self.answer("no")
        named = " and ".join(self.phrase(code, Status.PRESENT) for code in present)
        self.said_present.update(present)
        if question.startswith("q_check_"):
            return named if self.random.random() < 0.5 else self.answer("yes_unspecified")
        if asked_which:
            return self.answer("which_follow_up", signs=named)
        if case.style == "yes_then_name" and self.answered[question] == 1:
            self.said_present.difference_update(present)
            return self.answer("yes_unspecified")
        absent = [
            code for code in covers if truth.is_absent(code) and self.book.describable(code, Status.ABSENT)
        ]
        if case.style == "partial_denial" and absent:
            return self.answer("partial_denial", absent=self.phrase(absent[0], Status.ABSENT), present=named)
        return named

    def after_assessment(self) -> str | None:
        """A symptom said only after the assessment: the one the patient forgot, else one the assistant never
        asked about (a person with an arm that is weak says so sooner or later), else nothing."""
        forgotten = [self.case.told_after] if self.case.told_after else []
        never_asked = [code for code in self.case.truth.present_codes() if code not in self.asked_codes]
        unsaid = [
            code
            for code in (*forgotten, *never_asked)
            if code not in ("twitching", *self.said_present) and self.book.describable(code, Status.PRESENT)
        ]
        if not unsaid:
            return None
        self.said_present.add(unsaid[0])
        return self.answer("new_symptom_after", present=self.phrase(unsaid[0], Status.PRESENT))


# ------------------------------------------------------------------------------------------ playing


@dataclass
class Played:
    case: Case
    lines: list[tuple[str, str]] = field(default_factory=list)
    level: Level | None = None
    emergency_answered: bool = False
    redundant: list[str] = field(default_factory=list)
    end: str = ""

    @property
    def under_triaged(self) -> bool:
        return self.level is None or self.level < self.case.oracle

    @property
    def needless_emergency(self) -> bool:
        return self.case.oracle is not Level.EMERGENCY and (
            self.emergency_answered or self.level is Level.EMERGENCY
        )

    @property
    def exact(self) -> bool:
        return self.level is self.case.oracle

    @property
    def failed(self) -> bool:
        return self.under_triaged or self.needless_emergency or not self.exact or bool(self.redundant)


def _is_emergency_answer(reply: Mapping[str, Any]) -> bool:
    custom = reply.get("custom") or {}
    return custom.get("urgency") == "emergency" or "EMERGENCY" in str(reply.get("text", ""))


def play(case: Case, chat: ChatClient, book: Phrasebook, seed: int) -> Played:
    patient = Patient(case, book, random.Random(seed))
    played = Played(case)
    asked: dict[str, int] = {}

    def say(text: str) -> str | None:
        played.lines.append(("patient", text))
        replies = chat.send(text)
        for reply in replies:
            played.lines.append(("bot", str(reply.get("text", ""))))
            played.emergency_answered |= _is_emergency_answer(reply)
        return question_asked(replies)

    question = say(patient.opening())
    while len(played.lines) < MAX_TURNS * 4:
        if question is None:
            late = patient.after_assessment()
            if late is None:
                break
            question = say(late)
            continue
        # The opening named the places and (unless it gave a wrong one to correct) the duration.
        told = {"q_location": patient.told_places, "q_duration": patient.told_duration}
        if told.get(question) and asked.get(question, 0) == 0:
            played.redundant.append(question)
        asked[question] = asked.get(question, 0) + 1
        asked_which = any(text == ASK_WHICH_ONE for who, text in played.lines[-4:] if who == "bot")
        question = say(patient.reply(question, asked_which))
    slots = chat.tracker().get("slots", {})
    played.level = Level(slots["triage_level"]) if slots.get("triage_level") else None
    played.end = "assessed" if played.level else "no assessment"
    return played


def simulate(base_url: str, count: int, seed: int, workers: int, token: str | None = None) -> list[Played]:
    book = load_phrasebook()
    sampler = CaseSampler(book, seed)
    cases = [sampler.next_case() for _ in range(count)]

    def run(index_case: tuple[int, Case]) -> Played:
        index, case = index_case
        chat = ChatClient(base_url, f"{case.id}-{uuid.uuid4().hex[:8]}", token=token)
        return play(case, chat, book, seed * 100_003 + index)

    with ThreadPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(run, enumerate(cases)))


# ------------------------------------------------------------------------------------------ figures


@dataclass(frozen=True)
class Figures:
    conversations: int
    under_triaged: int
    needless_emergency: int
    exact: int
    with_redundant_question: int

    @property
    def needless_emergency_rate(self) -> float:
        return self.needless_emergency / self.conversations

    @property
    def exact_rate(self) -> float:
        return self.exact / self.conversations

    @property
    def redundant_rate(self) -> float:
        return self.with_redundant_question / self.conversations

    def missed_bars(self) -> list[str]:
        checks = (
            (self.under_triaged <= MAX_UNDER_TRIAGED, f"{self.under_triaged} under-triaged"),
            (
                self.needless_emergency_rate <= MAX_NEEDLESS_EMERGENCY_RATE,
                f"emergency without an emergency sign {self.needless_emergency_rate:.2%}",
            ),
            (self.exact_rate >= MIN_EXACT_RATE, f"exact level {self.exact_rate:.1%}"),
            (
                self.redundant_rate <= MAX_REDUNDANT_RATE,
                f"asked again what was said {self.redundant_rate:.1%}",
            ),
        )
        return [message for met, message in checks if not met]


def figures(played: Sequence[Played]) -> Figures:
    return Figures(
        conversations=len(played),
        under_triaged=sum(one.under_triaged for one in played),
        needless_emergency=sum(one.needless_emergency for one in played),
        exact=sum(one.exact for one in played),
        with_redundant_question=sum(bool(one.redundant) for one in played),
    )


def _by_scenario(played: Sequence[Played]) -> list[str]:
    scenarios = sorted({one.case.scenario for one in played})
    rows = [
        "| scenario | conversations | under-triaged | needless emergency | exact |",
        "|---|---|---|---|---|",
    ]
    for scenario in scenarios:
        group = [one for one in played if one.case.scenario == scenario]
        rows.append(
            f"| {scenario} | {len(group)} | {sum(o.under_triaged for o in group)} | "
            f"{sum(o.needless_emergency for o in group)} | {sum(o.exact for o in group)} |"
        )
    return rows


def _transcript(one: Played) -> list[str]:
    case = one.case
    truth = ", ".join(case.truth.present_codes())
    lines = [
        f"### {case.id} ({case.scenario}, style {case.style})",
        "",
        f"Truth: {truth}; places {sorted(case.truth.locations)}, side {case.truth.face_side}, "
        f"{case.truth.duration_days:g} days. Oracle {case.oracle.value}; got "
        f"{one.level.value if one.level else 'none'}"
        + (f"; asked again: {', '.join(one.redundant)}" if one.redundant else "")
        + ".",
        "",
        "```text",
    ]
    lines += [f"{who:>7}: {' '.join(text.split())[:300]}" for who, text in one.lines]
    return [*lines, "```", ""]


def report_markdown(played: Sequence[Played], seed: int) -> str:
    result = figures(played)
    missed = result.missed_bars()
    parts = [
        "# Simulation with a safety oracle",
        "",
        f"Generated by `make simulate` (bot/eval/simulation.py), seed {seed}. The oracle is the triage engine "
        "applied to each patient's ground truth.",
        "",
        f"- conversations: {result.conversations}",
        f"- under-triaged (final level below the oracle's): {result.under_triaged}, bar {MAX_UNDER_TRIAGED}",
        f"- emergency answers for a ground truth with no emergency sign: {result.needless_emergency} "
        f"({result.needless_emergency_rate:.2%}), bar {MAX_NEEDLESS_EMERGENCY_RATE:.1%}",
        f"- exact level: {result.exact} ({result.exact_rate:.1%}), bar {MIN_EXACT_RATE:.0%}",
        f"- conversations with a question about something already said: {result.with_redundant_question} "
        f"({result.redundant_rate:.1%}), bar {MAX_REDUNDANT_RATE:.0%}",
        "",
        f"**Result: {'all bars met' if not missed else 'FAILED: ' + '; '.join(missed)}**",
        "",
        "## By scenario",
        "",
        *_by_scenario(played),
        "",
        "## Transcripts of every failing conversation",
        "",
    ]
    for one in played:
        if one.failed:
            parts += _transcript(one)
    return "\n".join(parts) + "\n"
