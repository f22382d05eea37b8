"""Which knowledge item a question asks about: a text classifier trained on many paraphrases of each item.

The paraphrases (bot/knowledge/questions.yml) are people's own words for each item of `KNOWLEDGE`, plus
questions the sources do not answer (`NOT_COVERED_TOPIC`); the conversation's own moves ("why do you ask?",
"yes", "start again") are one more class, `NOT_A_QUESTION`, so that they are never answered as questions. Word and character n-grams together read typos,
texting and British or American wording; a linear model over them trains in about a second. The answer leads
with the best item; a second item is added only when the question names its topic too ("coffee or stress?"),
so that two answers about different things are never given to a question about one.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import yaml
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import FeatureUnion, Pipeline

from bot.knowledge.items import ANSWERABLE, NOT_COVERED_TOPIC
from bot.knowledge.topics import topics_in

PARAPHRASES_FILE = Path(__file__).with_name("questions.yml")
NOT_A_QUESTION = "not_a_question"

# Below this the best item is a guess: the question is answered as one the sources do not cover.
MIN_CONFIDENCE = 0.15
# A second item named in the question is added only when the model also gives it this much weight.
SECOND_ITEM_MIN_CONFIDENCE = 0.15
MAX_ITEMS = 2
# How much the clauses that ask weigh against the whole message. A question after a description ("I can't lift my
# arm and my face twitches, what should I watch out for?") is about what its asking clause asks, which the
# description around it can outweigh; the whole message still counts, for "what does that mean?" says little
# alone. 0.3: the most weight that kept every development question on topic (tests/knowledge/dev_questions.yml).
ASKING_CLAUSE_WEIGHT = 0.3


@dataclass(frozen=True)
class Match:
    topic: str
    confidence: float


def normalise(text: str) -> str:
    text = text.lower().replace("\u2019", "'").replace("\u2018", "'")
    return re.sub(r"\s+", " ", text).strip()


def load_paraphrases(path: Path = PARAPHRASES_FILE) -> dict[str, list[str]]:
    """The training phrases per item; ValueError for an item the knowledge base does not have."""
    paraphrases: dict[str, list[str]] = yaml.safe_load(path.read_text(encoding="utf-8"))
    unknown = set(paraphrases) - ANSWERABLE
    if unknown:
        raise ValueError(f"paraphrases for unknown knowledge items: {sorted(unknown)}")
    return paraphrases


class QuestionRetriever:
    """Ranks the knowledge items for a question."""

    def __init__(self, model: Pipeline) -> None:
        self.model = model

    @classmethod
    def train(
        cls, paraphrases: Mapping[str, Sequence[str]], not_questions: Sequence[str] = ()
    ) -> QuestionRetriever:
        examples = {**paraphrases, NOT_A_QUESTION: not_questions} if not_questions else paraphrases
        texts = [normalise(text) for phrases in examples.values() for text in phrases]
        labels = [topic for topic, phrases in examples.items() for _ in phrases]
        features = FeatureUnion(
            [
                ("words", TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, token_pattern=r"[\w']+")),
                ("characters", TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True)),
            ]
        )
        model = Pipeline(
            [
                ("features", features),
                ("classifier", LogisticRegression(C=20, max_iter=5000, class_weight="balanced")),
            ]
        )
        model.fit(texts, labels)
        return cls(model)

    def ranking(self, text: str, asking_clauses: str | None = None) -> list[Match]:
        """The items by weight for `text`, whose `asking_clauses` (the part that asks, when it is not all of it)
        weigh `ASKING_CLAUSE_WEIGHT` more."""
        texts = [normalise(text)]
        if asking_clauses and normalise(asking_clauses) != texts[0]:
            texts.append(normalise(asking_clauses))
        whole, *asking = self.model.predict_proba(texts)
        probabilities = (
            (1 - ASKING_CLAUSE_WEIGHT) * whole + ASKING_CLAUSE_WEIGHT * asking[0] if asking else whole
        )
        ranked = sorted(zip(self.model.classes_, probabilities, strict=True), key=lambda pair: -pair[1])
        return [Match(str(topic), float(confidence)) for topic, confidence in ranked]

    def items_to_answer(self, text: str, asking_clauses: str | None = None) -> list[Match]:
        """The items to answer with, best first: at most two, the second only if the question names it; none for
        a move of the conversation."""
        ranking = self.ranking(text, asking_clauses)
        best = ranking[0]
        if best.topic == NOT_A_QUESTION:
            return []
        if best.confidence < MIN_CONFIDENCE:
            return [Match(NOT_COVERED_TOPIC, best.confidence)]
        named = set(topics_in(text))
        others = [
            match
            for match in ranking[1:]
            if match.topic in named and match.confidence >= SECOND_ITEM_MIN_CONFIDENCE
        ]
        return [best, *others][:MAX_ITEMS]
