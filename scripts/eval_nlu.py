"""Held-out NLU evaluation: how well the trained model reads messages it never saw.

Parses every utterance of tests/nlu/holdout.yml with the trained Rasa model and scores intents (macro-F1),
findings (a (code, status) pair is one item), red-flag recall, context handling (negated, hypothetical,
historical, family and other people's symptoms), durations, and that odd input never raises. Writes
reports/nlu.md, prints a summary, and exits 1 when a bar fails (2 when there is no model).

    .venv/bin/python scripts/eval_nlu.py [--model models/x.tar.gz] [--cross-validation]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import math
import os
import subprocess
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import yaml
from sklearn.metrics import f1_score

REPO_ROOT = Path(__file__).resolve().parent.parent
# The model's custom components live in bot/, which must be importable when the model loads.
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

from bot.triage.findings import FACE_SIDES, FINDING_CODES, LOCATIONS, RED_FLAG_CODES  # noqa: E402

HOLDOUT_PATH = REPO_ROOT / "tests" / "nlu" / "holdout.yml"
# Held-out items for the eye codes (red_eye, eye_pain), written after HOLDOUT_PATH's bars were set: measured apart.
EYE_HOLDOUT_PATH = HOLDOUT_PATH.with_name("holdout_eye.yml")
REPORT_PATH = REPO_ROOT / "reports" / "nlu.md"
CV_OUTPUT_DIR = REPO_ROOT / "reports" / "nlu_cross_validation"

# The intents of the NLU contract: a prediction outside this list (e.g. nlu_fallback) is always wrong.
CONTRACT_INTENTS = (
    "greet",
    "goodbye",
    "thank",
    "bot_challenge",
    "out_of_scope",
    "other_language",
    "describe_symptoms",
    "inform",
    "affirm",
    "deny",
    "none_of_these",
    "not_sure",
    "decline_to_answer",
    "correct",
    "ask_question",
    "report_emergency",
    "ask_why",
    "start_over",
    "delete_my_data",
)
FINDING_STATUSES = ("present", "absent")
UNKNOWN_DURATION = "unknown"
TAGS = ("context", "duration")
# Entities of the contract that the held-out set does not score; any other unscored entity is malformed output.
IGNORED_ENTITIES = ("topic", "emergency_number", "vague_sensation", "suspected_sign", "points_back")


@dataclass(frozen=True)
class Bars:
    intent_macro_f1: float = 0.95
    finding_f1: float = 0.93
    red_flag_recall: float = 0.98
    context_accuracy: float = 0.95
    duration_accuracy: float = 0.95
    # Too few scored phrases would make an accuracy meaningless, so fewer is a failure too.
    min_context_phrases: int = 60
    min_duration_phrases: int = 60


BARS = Bars()

Duration = float | str | None  # days, UNKNOWN_DURATION for a vague one, None when none was stated
FindingPairs = frozenset[tuple[str, str]]


@dataclass(frozen=True)
class Expected:
    """One held-out utterance and what a correct reading of it is."""

    text: str
    intent: str
    findings: FindingPairs = frozenset()
    face_side: str | None = None
    locations: frozenset[str] = frozenset()
    duration_days: Duration = None
    now: datetime = datetime(2026, 11, 18, 12)
    tags: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Reading:
    """What the model made of one message."""

    intent: str | None
    findings: FindingPairs = frozenset()
    face_sides: frozenset[str] = frozenset()
    locations: frozenset[str] = frozenset()
    durations: tuple[Duration, ...] = ()
    malformed: tuple[str, ...] = ()


@dataclass(frozen=True)
class Holdout:
    examples: tuple[Expected, ...]
    robustness_texts: tuple[str, ...]


# ---------------------------------------------------------------------------------------------- loading


def load_holdout(path: Path = HOLDOUT_PATH) -> Holdout:
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    default_now = as_datetime(raw["default_now"])
    examples = tuple(expected_from_yaml(item, default_now) for item in raw["examples"])
    robustness = tuple(robustness_text(item) for item in raw.get("robustness", []))
    return Holdout(examples, robustness)


def expected_from_yaml(item: Mapping[str, Any], default_now: datetime) -> Expected:
    duration = item.get("duration_days")
    return Expected(
        text=str(item["text"]),
        intent=str(item["intent"]),
        findings=frozenset((code, str(status)) for code, status in (item.get("findings") or {}).items()),
        face_side=item.get("face_side"),
        locations=frozenset(item.get("locations") or ()),
        duration_days=duration if duration in (None, UNKNOWN_DURATION) else float(duration),
        now=as_datetime(item["now"]) if "now" in item else default_now,
        tags=frozenset(item.get("tags") or ()),
    )


def as_datetime(value: str | datetime) -> datetime:
    # YAML reads an unquoted ISO timestamp as a datetime already.
    return value if isinstance(value, datetime) else datetime.fromisoformat(value)


def robustness_text(item: Mapping[str, Any]) -> str:
    """The message itself, or a long one built by repeating `unit` up to `length` characters."""
    if "repeat" not in item:
        return str(item["text"])
    unit, length = str(item["repeat"]["unit"]), int(item["repeat"]["length"])
    return (unit * (length // len(unit) + 1))[:length]


# ---------------------------------------------------------------------------------------------- readings


def reading_from_parse(parse_data: Mapping[str, Any]) -> Reading:
    """Turn Rasa's parse result into a Reading; entity values the contract does not allow are noted."""
    intent = (parse_data.get("intent") or {}).get("name")
    findings: set[tuple[str, str]] = set()
    sides: set[str] = set()
    locations: set[str] = set()
    durations: list[Duration] = []
    malformed: list[str] = []
    for entity in parse_data.get("entities") or []:
        name, value = entity.get("entity"), entity.get("value")
        if name in FINDING_CODES and value in FINDING_STATUSES:
            findings.add((name, value))
        elif name == "face_side" and value in FACE_SIDES:
            sides.add(value)
        elif name == "location" and value in LOCATIONS:
            locations.add(value)
        elif name == "duration_days" and (days := duration_value(value)) is not None:
            durations.append(days)
        elif name not in IGNORED_ENTITIES:
            malformed.append(f"{name}={value!r}")
    return Reading(
        intent=intent,
        findings=frozenset(findings),
        face_sides=frozenset(sides),
        locations=frozenset(locations),
        durations=tuple(durations),
        malformed=tuple(malformed),
    )


def duration_value(value: Any) -> Duration:
    """The contract's duration entity value ("3", "0.5", "unknown") as days; None when it is not one."""
    if value == UNKNOWN_DURATION:
        return UNKNOWN_DURATION
    try:
        days = float(value)
    except (TypeError, ValueError):
        return None
    return days if math.isfinite(days) and days >= 0 else None


# ---------------------------------------------------------------------------------------------- metrics


@dataclass(frozen=True)
class Counts:
    true_positives: int = 0
    false_positives: int = 0
    false_negatives: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(
            self.true_positives + other.true_positives,
            self.false_positives + other.false_positives,
            self.false_negatives + other.false_negatives,
        )

    @property
    def precision(self) -> float:
        return ratio(self.true_positives, self.true_positives + self.false_positives)

    @property
    def recall(self) -> float:
        return ratio(self.true_positives, self.true_positives + self.false_negatives)

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0


def ratio(part: int, whole: int) -> float:
    # Nothing expected and nothing predicted is a perfect score, not a division by zero.
    return part / whole if whole else 1.0


def set_counts(expected: Iterable[Any], predicted: Iterable[Any]) -> Counts:
    expected_set, predicted_set = set(expected), set(predicted)
    return Counts(
        len(expected_set & predicted_set),
        len(predicted_set - expected_set),
        len(expected_set - predicted_set),
    )


def finding_counts_by_code(pairs: Sequence[tuple[Expected, Reading]]) -> dict[str, Counts]:
    """Per finding code; a wrong status is both a false positive and a false negative."""
    counts = {code: Counts() for code in FINDING_CODES}
    for expected, reading in pairs:
        for code in FINDING_CODES:
            counts[code] += set_counts(
                (pair for pair in expected.findings if pair[0] == code),
                (pair for pair in reading.findings if pair[0] == code),
            )
    return counts


def red_flag_recall(pairs: Sequence[tuple[Expected, Reading]]) -> dict[str, tuple[float, int]]:
    """Recall of each red flag stated as present: (recall, number expected). Missing one under-triages."""
    result = {}
    for code in RED_FLAG_CODES:
        wanted = [reading for expected, reading in pairs if (code, "present") in expected.findings]
        found = sum((code, "present") in reading.findings for reading in wanted)
        result[code] = (ratio(found, len(wanted)), len(wanted))
    return result


def durations_match(expected: Duration, reading: tuple[Duration, ...]) -> bool:
    """Right when one duration was read and it is within 1 day or 10% of the expected one (or both vague)."""
    if len(reading) != 1 or expected is None:
        return not reading and expected is None
    got = reading[0]
    if expected == UNKNOWN_DURATION or got == UNKNOWN_DURATION:
        return expected == got
    assert isinstance(expected, float) and isinstance(got, float)
    return abs(got - expected) <= max(1.0, 0.1 * expected)


def intent_name(reading: Reading) -> str:
    return reading.intent or "<none>"


def intent_macro_f1(pairs: Sequence[tuple[Expected, Reading]]) -> float:
    return float(
        f1_score(
            [expected.intent for expected, _ in pairs],
            [intent_name(reading) for _, reading in pairs],
            labels=list(CONTRACT_INTENTS),
            average="macro",
            zero_division=0,
        )
    )


def intent_f1_by_intent(pairs: Sequence[tuple[Expected, Reading]]) -> dict[str, float]:
    scores = f1_score(
        [expected.intent for expected, _ in pairs],
        [intent_name(reading) for _, reading in pairs],
        labels=list(CONTRACT_INTENTS),
        average=None,
        zero_division=0,
    )
    return {intent: float(score) for intent, score in zip(CONTRACT_INTENTS, scores, strict=True)}


def tagged_accuracy(
    pairs: Sequence[tuple[Expected, Reading]], tag: str, correct: Callable[[Expected, Reading], bool]
) -> tuple[float, int]:
    """(accuracy, number scored) over the utterances carrying `tag`."""
    tagged = [(expected, reading) for expected, reading in pairs if tag in expected.tags]
    return ratio(sum(correct(expected, reading) for expected, reading in tagged), len(tagged)), len(tagged)


def context_correct(expected: Expected, reading: Reading) -> bool:
    return reading.findings == expected.findings


def duration_correct(expected: Expected, reading: Reading) -> bool:
    return durations_match(expected.duration_days, reading.durations)


# ---------------------------------------------------------------------------------------------- mistakes


def mistakes(expected: Expected, reading: Reading) -> list[str]:
    """Everything the reading got wrong, in words a reviewer can act on; empty when it is all right."""
    found: list[str] = []
    if intent_name(reading) != expected.intent:
        found.append(f"intent {expected.intent} -> {intent_name(reading)}")
    missed = sorted(expected.findings - reading.findings)
    extra = sorted(reading.findings - expected.findings)
    if missed:
        found.append("missed " + ", ".join(f"{code}:{status}" for code, status in missed))
    if extra:
        found.append("extra " + ", ".join(f"{code}:{status}" for code, status in extra))
    expected_sides = {expected.face_side} if expected.face_side else set()
    if reading.face_sides != expected_sides:
        found.append(f"side {sorted(expected_sides)} -> {sorted(reading.face_sides)}")
    if reading.locations != expected.locations:
        found.append(f"locations {sorted(expected.locations)} -> {sorted(reading.locations)}")
    if not durations_match(expected.duration_days, reading.durations):
        found.append(f"duration {expected.duration_days} -> {list(reading.durations)}")
    if reading.malformed:
        found.append("malformed entities " + ", ".join(reading.malformed))
    return found


# ---------------------------------------------------------------------------------------------- evaluation


@dataclass(frozen=True)
class Evaluation:
    pairs: tuple[tuple[Expected, Reading], ...]
    robustness_failures: tuple[str, ...] = ()
    cross_validation_f1: float | None = None
    bars: Bars = BARS

    @property
    def finding_counts(self) -> dict[str, Counts]:
        return finding_counts_by_code(self.pairs)

    @property
    def malformed_utterances(self) -> list[str]:
        return [expected.text for expected, reading in self.pairs if reading.malformed]

    @property
    def intent_macro_f1(self) -> float:
        return intent_macro_f1(self.pairs)

    @property
    def finding_micro(self) -> Counts:
        return sum(self.finding_counts.values(), Counts())

    @property
    def red_flag_recall(self) -> dict[str, tuple[float, int]]:
        return red_flag_recall(self.pairs)

    @property
    def context(self) -> tuple[float, int]:
        return tagged_accuracy(self.pairs, "context", context_correct)

    @property
    def duration(self) -> tuple[float, int]:
        return tagged_accuracy(self.pairs, "duration", duration_correct)

    @property
    def side_accuracy(self) -> float:
        return ratio(
            sum(
                reading.face_sides == ({expected.face_side} if expected.face_side else set())
                for expected, reading in self.pairs
            ),
            len(self.pairs),
        )

    @property
    def location_counts(self) -> Counts:
        return sum((set_counts(e.locations, r.locations) for e, r in self.pairs), Counts())

    def checks(self) -> list[Check]:
        """Every measure with its bar; the bars decide pass or fail, the rest is for information."""
        bars = self.bars
        context, context_n = self.context
        duration, duration_n = self.duration
        checks = [
            Check(
                "intent macro-F1",
                fmt(self.intent_macro_f1),
                f">= {bars.intent_macro_f1}",
                self.intent_macro_f1 >= bars.intent_macro_f1,
            ),
            Check(
                "finding micro-F1",
                fmt(self.finding_micro.f1),
                f">= {bars.finding_f1}",
                self.finding_micro.f1 >= bars.finding_f1,
            ),
            *(
                # A red flag with no present case in the set could not be measured, which fails too.
                Check(
                    f"red-flag recall {code} (n={n})",
                    fmt(recall),
                    f">= {bars.red_flag_recall}",
                    n > 0 and recall >= bars.red_flag_recall,
                )
                for code, (recall, n) in self.red_flag_recall.items()
            ),
            Check(
                f"context accuracy (n={context_n})",
                fmt(context),
                f">= {bars.context_accuracy} on >= {bars.min_context_phrases}",
                context >= bars.context_accuracy and context_n >= bars.min_context_phrases,
            ),
            Check(
                f"duration accuracy (n={duration_n})",
                fmt(duration),
                f">= {bars.duration_accuracy} on >= {bars.min_duration_phrases}",
                duration >= bars.duration_accuracy and duration_n >= bars.min_duration_phrases,
            ),
            Check(
                "odd messages raising or malformed",
                str(len(self.robustness_failures)),
                "0",
                not self.robustness_failures,
            ),
            Check(
                "utterances with entities outside the contract",
                str(len(self.malformed_utterances)),
                "0",
                not self.malformed_utterances,
            ),
            Check("face side accuracy", fmt(self.side_accuracy)),
            Check("location micro-F1", fmt(self.location_counts.f1)),
        ]
        if self.cross_validation_f1 is not None:
            checks.append(Check("5-fold CV intent macro-F1 (training data)", fmt(self.cross_validation_f1)))
        return checks

    def failures(self) -> list[str]:
        """Each bar that is not met, as a sentence; empty when the model passes."""
        return [
            f"{check.measure} {check.value} (bar {check.bar})"
            for check in self.checks()
            if check.passed is False
        ]


@dataclass(frozen=True)
class Check:
    measure: str
    value: str
    bar: str = "-"
    passed: bool | None = None  # None: informational, no bar

    @property
    def verdict(self) -> str:
        return {True: "PASS", False: "FAIL", None: "-"}[self.passed]


# ---------------------------------------------------------------------------------------------- report


def fmt(value: float) -> str:
    return f"{value:.3f}"


def markdown_table(header: Sequence[str], rows: Iterable[Sequence[str]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    return lines + ["| " + " | ".join(cell.replace("|", "\\|") for cell in row) + " |" for row in rows]


def render_report(evaluation: Evaluation, model: str) -> str:
    failures = evaluation.failures()
    lines = [
        "# Held-out NLU evaluation",
        "",
        f"Model: `{model}`; {len(evaluation.pairs)} held-out utterances (tests/nlu/holdout.yml), "
        f"generated {datetime.now().isoformat(timespec='seconds')} by scripts/eval_nlu.py.",
        "",
        "**Result: " + ("all bars met**" if not failures else "FAILED**: " + "; ".join(failures)),
        "",
        *markdown_table(
            ("measure", "value", "bar", "verdict"),
            ((c.measure, c.value, c.bar, c.verdict) for c in evaluation.checks()),
        ),
        "",
        "## Findings (a (code, status) pair is one item)",
        "",
    ]
    finding_rows = [
        (code, fmt(c.precision), fmt(c.recall), fmt(c.f1), str(c.true_positives + c.false_negatives))
        for code, c in evaluation.finding_counts.items()
    ]
    micro = evaluation.finding_micro
    finding_rows.append(
        (
            "**micro**",
            fmt(micro.precision),
            fmt(micro.recall),
            fmt(micro.f1),
            str(micro.true_positives + micro.false_negatives),
        )
    )
    lines += markdown_table(("code", "precision", "recall", "F1", "expected"), finding_rows)
    lines += ["", "## Red-flag recall (stated present)", ""]
    lines += markdown_table(
        ("red flag", "recall", "expected present"),
        ((code, fmt(recall), str(n)) for code, (recall, n) in evaluation.red_flag_recall.items()),
    )
    lines += ["", "## Intent F1 per intent", ""]
    lines += markdown_table(
        ("intent", "F1", "utterances"),
        (
            (intent, fmt(score), str(sum(e.intent == intent for e, _ in evaluation.pairs)))
            for intent, score in intent_f1_by_intent(evaluation.pairs).items()
        ),
    )
    wrong = [
        (expected, found) for expected, reading in evaluation.pairs if (found := mistakes(expected, reading))
    ]
    # Held out: what was misread is counted by kind, never quoted, so that nobody tunes on the held-out words.
    kinds = Counter(mistake for _, found in wrong for mistake in found)
    lines += [
        "",
        f"## Still wrong ({len(wrong)} utterances), by kind of mistake (the words are held out)",
        "",
    ]
    lines += [f"- {count} × {kind}" for kind, count in kinds.most_common()] or ["(none)"]
    lines += [
        "",
        "## Odd messages (empty, emoji only, 10,000 characters, control characters, other scripts)",
        "",
    ]
    lines += [f"- {failure}" for failure in evaluation.robustness_failures] or ["All parsed without raising."]
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------------------------------------- running


def newest_model(models_dir: Path = REPO_ROOT / "models") -> Path | None:
    models = sorted(models_dir.glob("*.tar.gz"), key=lambda path: path.stat().st_mtime)
    return models[-1] if models else None


async def parse(agent: Any, text: str, now: datetime) -> dict[str, Any]:
    """Parse as the live assistant does; `now` travels in the message metadata for relative dates."""
    from rasa.core.channels.channel import UserMessage

    message = UserMessage(text, metadata={"message_time": now.isoformat()})
    return dict(await agent.processor.parse_message(message))


async def read_all(agent: Any, examples: Sequence[Expected]) -> tuple[tuple[Expected, Reading], ...]:
    pairs = []
    for example in examples:
        pairs.append((example, reading_from_parse(await parse(agent, example.text, example.now))))
    return tuple(pairs)


async def robustness_failures(agent: Any, texts: Sequence[str], now: datetime) -> tuple[str, ...]:
    failures = []
    for text in texts:
        label = f"{text[:40]!r}" + (f"... ({len(text)} chars)" if len(text) > 40 else "")
        try:
            reading = reading_from_parse(await parse(agent, text, now))
        except Exception as error:  # any exception at all is what this looks for
            failures.append(f"{label} raised {type(error).__name__}: {error}")
            continue
        if reading.malformed:
            failures.append(f"{label} gave malformed entities {', '.join(reading.malformed)}")
    return tuple(failures)


def load_agent(model: Path) -> Any:
    from rasa.core.agent import Agent
    from rasa.utils.common import configure_logging_and_warnings
    from rasa.utils.log_utils import configure_structlog

    # Rasa logs every parse at debug level; the report is the output here.
    configure_logging_and_warnings(logging.WARNING)
    configure_structlog(logging.WARNING)
    return Agent.load(str(model))


async def evaluate_model(model: Path, holdout: Holdout) -> Evaluation:
    agent = load_agent(model)
    pairs = await read_all(agent, holdout.examples)
    odd = await robustness_failures(agent, holdout.robustness_texts, datetime.now())
    return Evaluation(pairs, robustness_failures=odd)


def cross_validation_macro_f1(config: Path = REPO_ROOT / "config.yml", folds: int = 5) -> float:
    """Run `rasa test nlu --cross-validation` on the training data and read its intent macro-F1."""
    command = [
        sys.executable,
        "-m",
        "rasa",
        "test",
        "nlu",
        "--nlu",
        str(REPO_ROOT / "data" / "nlu"),
        "--config",
        str(config),
        "--cross-validation",
        "--folds",
        str(folds),
        "--out",
        str(CV_OUTPUT_DIR),
        "--no-plot",
    ]
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join(filter(None, (str(REPO_ROOT), os.environ.get("PYTHONPATH")))),
    }
    subprocess.run(command, check=True, cwd=REPO_ROOT, env=env)
    report = json.loads((CV_OUTPUT_DIR / "intent_report.json").read_text(encoding="utf-8"))
    return float(report["macro avg"]["f1-score"])


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--model", type=Path, help="model archive (default: the newest in models/)")
    parser.add_argument("--holdout", type=Path, default=HOLDOUT_PATH)
    parser.add_argument("--report", type=Path, default=REPORT_PATH)
    parser.add_argument(
        "--cross-validation", action="store_true", help="also run 5-fold cross-validation on data/nlu/"
    )
    args = parser.parse_args(argv)

    model = args.model or newest_model()
    if model is None or not model.exists():
        print("No trained model: run `make train` (or pass --model).", file=sys.stderr)
        return 2
    evaluation = asyncio.run(evaluate_model(model, load_holdout(args.holdout)))
    if args.cross_validation:
        evaluation = Evaluation(
            evaluation.pairs, evaluation.robustness_failures, cross_validation_f1=cross_validation_macro_f1()
        )
    args.report.parent.mkdir(parents=True, exist_ok=True)
    args.report.write_text(render_report(evaluation, str(model)), encoding="utf-8")
    print_summary(evaluation, args.report)
    return 1 if evaluation.failures() else 0


def print_summary(evaluation: Evaluation, report: Path) -> None:
    checks = evaluation.checks()
    width = max(len(check.measure) for check in checks)
    for check in checks:
        print(f"{check.measure:<{width}}  {check.value:>6}  {check.bar:<20} {check.verdict}")
    print(f"Report: {report}")


if __name__ == "__main__":
    sys.exit(main())
