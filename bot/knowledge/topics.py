"""The knowledge topics a person can ask about, and the words people use for them.

The NLU emits a `topic` entity with one of these keys; `bot.knowledge.items.answer(topic)` answers it.
Keywords are lower case and matched as whole words or phrases (see `topics_in`).
"""

from __future__ import annotations

import re

TOPIC_KEYWORDS: dict[str, tuple[str, ...]] = {
    "twitching": (
        "twitch",
        "twitching",
        "twitches",
        "myokymia",
        "fasciculation",
        "fasciculations",
        "spasm",
        "spasms",
        "eyelid twitch",
        "eye twitch",
        "jumping eyelid",
        "flutter",
        "fluttering",
    ),
    "caffeine": (
        "coffee",
        "caffeine",
        "energy drink",
        "energy drinks",
        "espresso",
        "cola",
        "tea",
        "red bull",
    ),
    "alcohol": ("alcohol", "drinking", "booze", "beer", "wine", "hangover", "spirits"),
    "stress": ("stress", "stressed", "anxiety", "anxious", "nerves", "worry", "pressure at work"),
    "sleep": ("sleep", "tired", "tiredness", "fatigue", "exhausted", "insomnia", "lack of sleep", "sleeping"),
    "eye_strain": (
        "eye strain",
        "eyestrain",
        "screen",
        "screens",
        "computer",
        "phone",
        "reading",
        "monitor",
        "screen time",
    ),
    "electrolytes": (
        "magnesium",
        "calcium",
        "electrolyte",
        "electrolytes",
        "minerals",
        "mineral",
        "potassium",
        "salts",
        "deficiency",
    ),
    "vitamin_b12": ("b12", "b 12", "vitamin b12", "vitamin b", "b vitamins", "vitamin", "vitamins"),
    "facial_nerve": (
        "facial nerve",
        "seventh nerve",
        "7th nerve",
        "cranial nerve",
        "cn vii",
        "cn7",
        "nerve",
        "nerves in my face",
    ),
    "hemifacial_spasm": (
        "hemifacial spasm",
        "hemi facial spasm",
        "hemifacial",
        "hemi facial",
        "hemi-facial",
        "hfs",
        "one side of my face",
        "half my face",
    ),
    "synkinesis": ("synkinesis", "synkinetic", "linked movements", "eye closes when i smile", "miswired"),
    "bells_palsy": ("bell's palsy", "bells palsy", "bell palsy", "bell's", "palsy", "facial paralysis"),
    "blepharospasm": ("blepharospasm", "blepharo", "eyelid spasm", "eye spasm"),
    "multiple_sclerosis": ("multiple sclerosis", "ms", "demyelinating", "demyelination", "sclerosis"),
    "tumour": (
        "tumour",
        "tumor",
        "tumours",
        "tumors",
        "cancer",
        "brain tumour",
        "brain tumor",
        "growth",
        "cyst",
        "lump",
    ),
    "mri": ("mri", "scan", "scans", "imaging", "ct", "ct scan", "brain scan", "x-ray", "tests"),
    "when_to_see_doctor": (
        "see a doctor",
        "see a gp",
        "doctor",
        "gp",
        "neurologist",
        "appointment",
        "when should i",
        "seek help",
        "medical advice",
        "a&e",
        "hospital",
    ),
    "is_it_serious": (
        "serious",
        "dangerous",
        "worried",
        "worry about",
        "harmless",
        "normal",
        "should i be concerned",
        "bad sign",
        "go away",
        "permanent",
    ),
    "stroke_signs": ("stroke", "be fast", "be-fast", "mini stroke", "tia", "signs of a stroke"),
    "self_care": (
        "what can i do",
        "how do i stop",
        "how to stop",
        "stop it",
        "make it stop",
        "treatment",
        "treat",
        "cure",
        "help it",
        "get rid of",
        "home remedy",
        "remedies",
    ),
}


def _pattern(keyword: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w']){re.escape(keyword)}(?![\w'])")


# Longest keywords first, so "facial nerve" is preferred to "nerve" and "bell's palsy" to "palsy".
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
    """The topics a question mentions, most specific (longest matching keyword) first, each once.

    A word already claimed by a longer keyword does not count again ("facial nerve" is not also "nerve").
    """
    remaining = text.lower().replace("\u2019", "'")
    topics: list[str] = []
    for _keyword, topic, pattern in _KEYWORDS_LONGEST_FIRST:
        if pattern.search(remaining):
            remaining = pattern.sub(" ", remaining)
            if topic not in topics:
                topics.append(topic)
    return tuple(topics)
