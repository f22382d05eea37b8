"""The two red-flag readers, alone and together: recall and precision per red flag and overall (issue 11).

- rules:   the rule reader (bot.nlu.extraction) reads the flag as present;
- learned: the learned reader (bot.nlu.red_flag_model) gives it a probability at or above its threshold;
- either:  the rules read it as present, or the learned reader raises a suspicion the rules left open
           (bot.nlu.red_flag_model.suspicions_to_raise): what leads to the emergency answer or to a question.
`questions` counts the suspicions actually raised and how many were right.

By default, k-fold cross-validation over the labelled phrases of tests/nlu/dev.yml and tests/nlu/context_dev.yml:
each fold is read by a learned reader trained on the other folds (plus the NLU data's negatives). With --holdout
FILE, the learned reader is trained on all of them and FILE is read once; only aggregate figures are printed, never
a phrase. A phrase is a positive for each flag labelled present; every other status is a negative.

    .venv/bin/python scripts/eval_red_flag_readers.py [--folds 5] [--holdout tests/nlu/holdout.yml]
"""

from __future__ import annotations

import argparse
import logging
import math
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from rasa.shared.nlu.training_data.loading import load_data
from sklearn.model_selection import KFold

REPO_ROOT = Path(__file__).resolve().parent.parent
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

from bot.nlu.extraction import ClinicalExtractor, EntitySpan  # noqa: E402
from bot.nlu.language import is_probably_english  # noqa: E402
from bot.nlu.learned_reader import DEFAULT_LABELLED_FILES, negative_texts  # noqa: E402
from bot.nlu.red_flag_model import (  # noqa: E402
    LabelledPhrase,
    RedFlagModel,
    load_all,
    suspicions_to_raise,
)
from bot.triage.findings import RED_FLAG_CODES, Status  # noqa: E402

NLU_DATA = REPO_ROOT / "data" / "nlu"
# The phrases' relative dates do not matter to red flags; a fixed clock keeps runs identical.
READING_TIME = datetime(2026, 11, 18, 12)
READERS = ("rules", "learned", "either", "questions")
SEED = 42


@dataclass(frozen=True)
class Reading:
    """The flags each reader gave one phrase."""

    rules: frozenset[str]
    learned: frozenset[str]
    questions: frozenset[str]
    # The questions on a flag the rules read as absent in words without a negation ("my speech is fine").
    after_reassurance: frozenset[str]

    @property
    def either(self) -> frozenset[str]:
        return self.rules | self.questions

    def of(self, reader: str) -> frozenset[str]:
        return frozenset(getattr(self, reader))


@dataclass
class Score:
    true_positives: int = 0
    false_positives: int = 0
    false_negatives: int = 0

    def add(self, expected: bool, predicted: bool) -> None:
        self.true_positives += expected and predicted
        self.false_positives += predicted and not expected
        self.false_negatives += expected and not predicted

    @property
    def recall(self) -> float:
        return ratio(self.true_positives, self.true_positives + self.false_negatives)

    @property
    def precision(self) -> float:
        return ratio(self.true_positives, self.true_positives + self.false_positives)


def ratio(part: int, whole: int) -> float:
    # Not a number when there is nothing to count (no positive of a flag, no question raised): shown as "-".
    return part / whole if whole else math.nan


def shown(value: float) -> str:
    return "-" if math.isnan(value) else f"{value:.3f}"


def rule_red_flags(extractor: ClinicalExtractor, text: str) -> tuple[EntitySpan, ...]:
    """What the rules put on the message, as ClinicalFindingsExtractor does: nothing for text that is not English."""
    if not is_probably_english(text):
        return ()
    entities = extractor.extract(text, READING_TIME).entities
    return tuple(entity for entity in entities if entity.entity in RED_FLAG_CODES)


def read(
    model: RedFlagModel, phrases: Sequence[LabelledPhrase], rules: Sequence[tuple[EntitySpan, ...]]
) -> list[Reading]:
    texts = [phrase.text for phrase in phrases]
    return [
        reading(text, suspected, entities)
        for text, suspected, entities in zip(texts, model.suspected(texts), rules, strict=True)
    ]


def reading(text: str, suspected: frozenset[str], entities: tuple[EntitySpan, ...]) -> Reading:
    """What each reader makes of one phrase; like the component, the learned reader reads English only."""
    english = is_probably_english(text)
    questions = frozenset(suspicions_to_raise(suspected, entities, text)) if english else frozenset()
    return Reading(
        rules=frozenset(entity.entity for entity in entities if entity.value == Status.PRESENT),
        learned=suspected if english else frozenset(),
        questions=questions,
        after_reassurance=questions & {entity.entity for entity in entities if entity.value == Status.ABSENT},
    )


def cross_validated(
    phrases: Sequence[LabelledPhrase],
    rules: Sequence[tuple[EntitySpan, ...]],
    negatives: Sequence[str],
    folds: int,
) -> list[Reading]:
    readings: dict[int, Reading] = {}
    for train, test in KFold(folds, shuffle=True, random_state=SEED).split(phrases):
        model = RedFlagModel.train([phrases[index] for index in train], negatives)
        fold = read(model, [phrases[index] for index in test], [rules[index] for index in test])
        readings.update(zip(test, fold, strict=True))
    return [readings[index] for index in range(len(phrases))]


def scores(phrases: Sequence[LabelledPhrase], readings: Sequence[Reading]) -> dict[str, dict[str, Score]]:
    """reader -> code (and "overall") -> score. `questions` has no false negatives of its own to speak of: its
    recall is the share of the rules' misses that a question catches."""
    table = {reader: {code: Score() for code in (*RED_FLAG_CODES, "overall")} for reader in READERS}
    for phrase, reading in zip(phrases, readings, strict=True):
        for reader in READERS:
            flags = reading.of(reader)
            for code in RED_FLAG_CODES:
                expected = code in phrase.present
                if reader == "questions" and code in reading.rules:
                    continue
                table[reader][code].add(expected, code in flags)
                table[reader]["overall"].add(expected, code in flags)
    return table


def report(phrases: Sequence[LabelledPhrase], readings: Sequence[Reading], title: str) -> str:
    table = scores(phrases, readings)
    header = f"{'red flag':<18} {'n':>4}  " + "  ".join(f"{reader + ' R/P':>15}" for reader in READERS)
    lines = [title, header]
    for code in (*RED_FLAG_CODES, "overall"):
        cells = [
            f"{shown(table[reader][code].recall)} / {shown(table[reader][code].precision)}"
            for reader in READERS
        ]
        positives = table["rules"][code].true_positives + table["rules"][code].false_negatives
        lines.append(f"{code:<18} {positives:>4}  " + "  ".join(f"{cell:>15}" for cell in cells))
    questions = table["questions"]["overall"]
    lines.append(
        f"questions raised: {questions.true_positives + questions.false_positives} "
        f"({questions.true_positives} right); rules' misses caught by a question: {questions.true_positives} "
        f"of {questions.true_positives + questions.false_negatives}"
    )
    lines.append(
        f"messages with a question: {sum(bool(reading.questions) for reading in readings)} of {len(readings)}; "
        f"questions after a rules' denial without a negation: {sum(len(r.after_reassurance) for r in readings)}"
    )
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--holdout", type=Path, help="a held-out file in the tests/nlu/*.yml format")
    args = parser.parse_args(argv)
    # Rasa and TensorFlow log at import and load; the figures are the output here.
    logging.basicConfig(level=logging.WARNING)

    extractor = ClinicalExtractor.shared()
    labelled = load_all(REPO_ROOT / path for path in DEFAULT_LABELLED_FILES)
    negatives = negative_texts(load_data(str(NLU_DATA)))
    if args.holdout is None:
        rules = [rule_red_flags(extractor, phrase.text) for phrase in labelled]
        readings = cross_validated(labelled, rules, negatives, args.folds)
        print(report(labelled, readings, f"{args.folds}-fold cross-validation on {len(labelled)} phrases"))
        return 0
    held_out = load_all([args.holdout])
    model = RedFlagModel.train(labelled, negatives)
    readings = read(model, held_out, [rule_red_flags(extractor, phrase.text) for phrase in held_out])
    print(report(held_out, readings, f"held-out {args.holdout.name}: {len(held_out)} phrases"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
