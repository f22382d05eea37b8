"""The words that name a knowledge item outright, so that a question naming two ("is it the coffee or stress?")
gets both answers. Which item a question is about is the retriever's call (bot/knowledge/retrieval.py); these
words only confirm that a second item was asked about too.

Keywords are lower case and matched as whole words or phrases (see `topics_in`).
"""

from __future__ import annotations

import re

TOPIC_KEYWORDS: dict[str, tuple[str, ...]] = {
    "caffeine": ("coffee", "coffees", "caffeine", "energy drink", "energy drinks", "espresso", "cola", "tea"),
    "alcohol": ("alcohol", "booze", "beer", "beers", "wine", "hangover", "spirits", "pints"),
    "stress": ("stress", "stressed", "anxiety", "anxious", "nerves"),
    "sleep": ("sleep", "tired", "tiredness", "fatigue", "exhausted", "exhaustion", "insomnia"),
    "eye_strain": ("eye strain", "eyestrain", "screen", "screens", "computer", "phone", "reading", "monitor"),
    "deficiencies": (
        "magnesium",
        "calcium",
        "electrolyte",
        "electrolytes",
        "minerals",
        "b12",
        "vitamin b12",
        "vitamins",
        "deficiency",
    ),
    "medicines": ("medicine", "medicines", "medication", "medications", "tablets", "pills", "meds"),
    "facial_nerve": ("facial nerve", "seventh cranial nerve", "cranial nerve", "cn vii"),
    "hemifacial_spasm": ("hemifacial spasm", "hemi facial spasm", "hemi-facial spasm", "hfs"),
    "synkinesis": ("synkinesis",),
    "bells_palsy": ("bell's palsy", "bells palsy", "bell palsy"),
    "blepharospasm": ("blepharospasm",),
    "multiple_sclerosis": ("multiple sclerosis", "ms"),
    "tumour": ("tumour", "tumor", "tumours", "tumors", "cancer", "cyst"),
    "tests": ("mri", "scan", "scans", "blood test", "blood tests"),
    "stroke_signs": ("stroke", "strokes", "be fast", "be-fast"),
}


def _pattern(keyword: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w']){re.escape(keyword)}(?![\w'])")


# Longest keywords first, so "facial nerve" is preferred to a shorter keyword inside it.
_KEYWORDS_LONGEST_FIRST: tuple[tuple[str, str, re.Pattern[str]], ...] = tuple(
    sorted(
        (
            (keyword, topic, _pattern(keyword))
            for topic, keywords in TOPIC_KEYWORDS.items()
            for keyword in keywords
        ),
        key=lambda entry: -len(entry[0]),
    )
)


def topics_in(text: str) -> tuple[str, ...]:
    """The items a question names, most specific (longest matching keyword) first, each once.

    A word already claimed by a longer keyword does not count again.
    """
    remaining = text.lower().replace("\u2019", "'")
    topics: list[str] = []
    for _keyword, topic, pattern in _KEYWORDS_LONGEST_FIRST:
        if pattern.search(remaining):
            remaining = pattern.sub(" ", remaining)
            if topic not in topics:
                topics.append(topic)
    return tuple(topics)
