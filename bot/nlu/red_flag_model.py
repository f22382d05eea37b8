"""The learned red-flag reader's model, without Rasa: one linear classifier per red flag over word and character
n-grams, trained on the labelled phrases of tests/nlu/*.yml (issue 11, docs/red-flag-readers.md).

The rule reader (bot.nlu.extraction) only knows the wordings someone listed; this model generalises from the
labelled phrases to wordings nobody listed ("my mouth has gone all lopsided"), at the price of reading negation
and context poorly. So it only ever raises a suspicion, which the dialogue turns into a question.

Kept apart from the Rasa component (bot.nlu.learned_reader) so that the evaluation script and the tests can train
and score it without loading Rasa.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import yaml
from scipy.special import expit
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import FeatureUnion

from bot.nlu.extraction import EntitySpan
from bot.nlu.vocabulary import NEGATION_CUES
from bot.triage.findings import RED_FLAG_CODES, Status

# Chosen on the cross-validated development phrases (docs/red-flag-readers.md): a suspicion only leads to a
# question, so a missed sign costs more than an extra question, and the threshold leans towards recall.
DEFAULT_THRESHOLD = 0.3
# A code needs this many positive phrases to be learned at all; with fewer the classifier would only echo them.
MIN_POSITIVES = 2
# Long messages are read up to here: n-gram features of 10,000 characters cost time and add nothing a clinician
# would not have seen in the first lines (the channels cut messages at 2,000 characters anyway).
MAX_CHARS = 2000
# Logistic regression's inverse regularisation, chosen with the threshold on the cross-validated development phrases
# (docs/red-flag-readers.md): weaker regularisation (C 3 or 10) fits the listed wordings closer and lost recall on
# the unseen ones (0.76 and 0.71 against 0.83 at this threshold).
REGULARISATION_C = 1.0
RANDOM_SEED = 42
# NLU training intents whose examples never report a sign as present: extra negatives, so that greetings and short
# answers ("yes", "thanks", "start again") are never suspected. Symptom descriptions, answers (`inform`), questions,
# corrections and emergencies are left out: the rules miss some of their wordings, and those are the ones to learn.
NEGATIVE_INTENTS = (
    "greet",
    "goodbye",
    "thank",
    "bot_challenge",
    "out_of_scope",
    "affirm",
    "deny",
    "none_of_these",
    "not_sure",
    "decline_to_answer",
    "start_over",
    "delete_my_data",
    "ask_why",
    "request_summary",
)
# A rules' denial counts as explicit when a negation cue (bot/nlu/vocabulary.py) is in it or just before it ("no
# numbness", "I haven't had any weakness"); apostrophes are often left out in chat ("havent", "cant").
NEGATION_CUE = re.compile(r"n'?t\b|\b(?:" + "|".join(sorted(NEGATION_CUES)) + r")\b", re.IGNORECASE)
NEGATION_REACH_CHARS = 30


@dataclass(frozen=True)
class LabelledPhrase:
    """One labelled message: its text and the red flags it reports as present (any other status is a negative)."""

    text: str
    present: frozenset[str]


def load_labelled_phrases(path: Path) -> tuple[LabelledPhrase, ...]:
    """The `examples` of a file in the tests/nlu/*.yml format (see the header of tests/nlu/dev.yml)."""
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    return tuple(labelled_phrase(item) for item in raw.get("examples") or ())


def labelled_phrase(item: Mapping[str, Any]) -> LabelledPhrase:
    findings = item.get("findings") or {}
    return LabelledPhrase(
        text=str(item["text"]),
        present=frozenset(
            code for code, status in findings.items() if code in RED_FLAG_CODES and status == Status.PRESENT
        ),
    )


def load_all(paths: Iterable[Path]) -> tuple[LabelledPhrase, ...]:
    return tuple(phrase for path in paths for phrase in load_labelled_phrases(path))


def features() -> FeatureUnion:
    """Words and word pairs for what is said; characters inside words for typos and word forms ("droopy",
    "drooping", "dropped")."""
    return FeatureUnion(
        [
            ("words", TfidfVectorizer(analyzer="word", ngram_range=(1, 2), sublinear_tf=True, min_df=1)),
            (
                "characters",
                TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True, min_df=2),
            ),
        ]
    )


def readable(text: str) -> str:
    return text[:MAX_CHARS].lower()


class RedFlagModel:
    """Per red flag, the probability that a message reports it as present."""

    def __init__(
        self, vectoriser: FeatureUnion, classifiers: Mapping[str, LogisticRegression], threshold: float
    ) -> None:
        self.vectoriser = vectoriser
        self.classifiers = dict(classifiers)
        self.threshold = threshold

    @classmethod
    def train(
        cls,
        phrases: Sequence[LabelledPhrase],
        negatives: Sequence[str] = (),
        threshold: float = DEFAULT_THRESHOLD,
    ) -> RedFlagModel:
        """`negatives` are texts known to report no red flag (e.g. greetings and yes/no answers of the NLU data)."""
        texts = [readable(phrase.text) for phrase in phrases] + [readable(text) for text in negatives]
        vectoriser = features()
        matrix = vectoriser.fit_transform(texts)
        classifiers = {}
        for code in RED_FLAG_CODES:
            labels = np.array([code in phrase.present for phrase in phrases] + [False] * len(negatives))
            if labels.sum() >= MIN_POSITIVES:
                classifiers[code] = classifier().fit(matrix, labels)
        return cls(vectoriser, classifiers, threshold)

    def probabilities(self, texts: Sequence[str]) -> list[dict[str, float]]:
        if not texts or not self.classifiers:
            return [{} for _ in texts]
        matrix = self.vectoriser.transform([readable(text) for text in texts])
        codes, weights, intercepts = self._stacked_classifiers
        # Each classifier's predict_proba is the logistic function of its decision function; all of them at once,
        # as one product, instead of one scikit-learn call per flag (most of whose time went on checking its input).
        scores = expit(matrix @ weights.T + intercepts)
        by_code = {code: scores[:, column] for column, code in enumerate(codes)}
        # A text without one known n-gram (emoji, another script) would get the bare intercept, which the balanced
        # class weights put near one half for every flag: nothing was read, so nothing is suspected.
        read = matrix.getnnz(axis=1) > 0
        return [
            {code: float(values[row]) for code, values in by_code.items()} if read[row] else {}
            for row in range(len(texts))
        ]

    @functools.cached_property
    def _stacked_classifiers(self) -> tuple[tuple[str, ...], np.ndarray, np.ndarray]:
        """The codes, and the weights and intercepts of their classifiers, one row and one entry per code."""
        codes = tuple(self.classifiers)
        weights = np.vstack([self.classifiers[code].coef_[0] for code in codes])
        intercepts = np.array([self.classifiers[code].intercept_[0] for code in codes])
        return codes, weights, intercepts

    def suspected(self, texts: Sequence[str]) -> list[frozenset[str]]:
        """Per text, the red flags read as present with a probability at or above the threshold, in the whole text
        or in any one of its sentences: in a long message the words of one sign are a small share of its n-grams,
        so a sign said in a sentence of its own ("...for about 12 days. I'm mixing up my words") would fall below
        the threshold if the message were only read whole."""
        pieces = [(index, piece) for index, text in enumerate(texts) for piece in (text, *sentences_of(text))]
        found: list[set[str]] = [set() for _ in texts]
        for (index, _), row in zip(pieces, self.probabilities([piece for _, piece in pieces]), strict=True):
            found[index] |= {code for code, probability in row.items() if probability >= self.threshold}
        return [frozenset(codes) for codes in found]


SENTENCE_END = re.compile(r"[.!?;\n]+")


def sentences_of(text: str) -> list[str]:
    """The sentences of a message of more than one (an empty list for one sentence, already read whole)."""
    pieces = [piece.strip() for piece in SENTENCE_END.split(text) if piece.strip()]
    return pieces if len(pieces) > 1 else []


def classifier() -> LogisticRegression:
    # Balanced weights: a flag is present in a few percent of the phrases, and a missed one is the costly error.
    return LogisticRegression(
        C=REGULARISATION_C,
        class_weight="balanced",
        max_iter=2000,
        solver="liblinear",
        random_state=RANDOM_SEED,
    )


def suspicions_to_raise(
    suspected: Iterable[str], rule_entities: Iterable[EntitySpan], text: str
) -> tuple[str, ...]:
    """The suspected red flags the rule reader left open: not read as present (already known), and not explicitly
    denied (read as absent with a negation in or just before the denial's words).

    A rules' absent without a negation ("my speech is fine", "it came on gradually") leaves the suspicion standing:
    the rules read it from a list of reassuring phrases, and a question costs less than a missed sign. An explicit
    negation wins: asking "any numbness?" straight after "no numbness" would tell the person they were not heard,
    and the learned reader, reading n-grams, fires on the sign's own word whatever negates it.
    """
    settled = {entity.entity for entity in rule_entities if is_settled(entity, text)}
    return tuple(code for code in RED_FLAG_CODES if code in set(suspected) - settled)


def is_settled(entity: EntitySpan, text: str) -> bool:
    if entity.value == Status.PRESENT:
        return True
    if entity.value != Status.ABSENT:
        return False
    return NEGATION_CUE.search(text[max(0, entity.start - NEGATION_REACH_CHARS) : entity.end]) is not None
