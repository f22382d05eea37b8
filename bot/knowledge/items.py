"""What the assistant may say about facial twitching, each text with the sources it comes from.

Only the two source documents and the references of DESIGN.md section 6 are used; every text names its
sources, and building one without a permitted source fails at import time. The project's own triage policy
(`triage_policy`) is not medical content, so no text here may cite it.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.knowledge.sources import SOURCES, source
from bot.knowledge.topics import TOPIC_KEYWORDS

MAX_MESSAGE_CHARS = 640  # one phone screen of chat
POLICY_SOURCE = "triage_policy"
MEDICAL_SOURCES = frozenset(SOURCES) - {POLICY_SOURCE}

TWITCHING_DOC = "doc_facial_twitching"
SPASMS_DOC = "doc_facial_spasms"
BOTH_DOCS = (TWITCHING_DOC, SPASMS_DOC)


def _check_sources(what: str, sources: tuple[str, ...]) -> None:
    not_permitted = [source_id for source_id in sources if source_id not in MEDICAL_SOURCES]
    if not sources or not_permitted:
        raise ValueError(f"{what} needs sources from the permitted documents, got {sources}")


def source_titles(sources: tuple[str, ...]) -> str:
    return "; ".join(source(source_id).title for source_id in sources)


@dataclass(frozen=True)
class KnowledgeItem:
    """An answer to a question about one topic."""

    topic: str
    body: str
    sources: tuple[str, ...]

    def __post_init__(self) -> None:
        _check_sources(f"knowledge item {self.topic}", self.sources)
        if len(self.text) > MAX_MESSAGE_CHARS:
            raise ValueError(f"knowledge item {self.topic} is {len(self.text)} characters")

    @property
    def text(self) -> str:
        """The answer as sent: the body, then the source titles so the person can see where it comes from."""
        return f"{self.body} (Source: {source_titles(self.sources)})"


@dataclass(frozen=True)
class SourcedText:
    """A sentence of medical content used inside other messages (advice, explanations)."""

    text: str
    sources: tuple[str, ...]

    def __post_init__(self) -> None:
        _check_sources(f"text {self.text[:40]!r}", self.sources)


_ITEMS: tuple[KnowledgeItem, ...] = (
    KnowledgeItem(
        "twitching",
        "A facial twitch (fasciculation or myokymia) is an involuntary contraction of small muscle fibres "
        "under the skin, often in the eyelid. Larger, sustained contractions of a whole muscle group are "
        "called a spasm. Both come from abnormal electrical activity or irritation of the facial nerve or "
        "the muscles it controls. Most isolated twitches are temporary and harmless and settle on their "
        "own, but one that persists can signal an underlying condition.",
        BOTH_DOCS,
    ),
    KnowledgeItem(
        "caffeine",
        "Yes, it can. Too much caffeine overstimulates the nervous system: it makes nerves and muscles more "
        "irritable and can cause small, isolated twitches, often around the eye. Twitches like this usually "
        "stop once the trigger is dealt with, so cutting down on caffeine is worth trying.",
        BOTH_DOCS,
    ),
    KnowledgeItem(
        "alcohol",
        "It can. Drinking a lot of alcohol can upset the body's balance of electrolytes (salts such as "
        "magnesium) and the way the nervous system works, which can bring on temporary twitching.",
        BOTH_DOCS,
    ),
    KnowledgeItem(
        "stress",
        "Stress and anxiety raise the overall excitability of the nerves: stress hormones increase muscle "
        "tension and how often nerves fire, which can cause small, localised twitches. Twitches from "
        "everyday triggers like this usually stop once the trigger is dealt with.",
        BOTH_DOCS,
    ),
    KnowledgeItem(
        "sleep",
        "Tiredness and too little sleep are common causes. They make the nerve signals that control the face "
        "less stable, so small twitches, often of the eyelid, become more likely. Twitches from everyday "
        "triggers like this usually stop once the trigger is dealt with.",
        BOTH_DOCS,
    ),
    KnowledgeItem(
        "eye_strain",
        "Long periods of focus, such as reading or screen time, strain the eyes and can bring on twitching "
        "around them (one document calls eyelid twitching from screen strain blepharospasm). Twitches from "
        "everyday triggers like this usually stop once the trigger is dealt with.",
        BOTH_DOCS,
    ),
    KnowledgeItem(
        "electrolytes",
        "Low levels of minerals such as magnesium and calcium make nerve and muscle tissue more excitable, "
        "which can lead to twitching and spasms. An imbalance of electrolytes (body salts), especially low "
        "magnesium, makes spontaneous contractions more likely, and heavy drinking can upset this balance.",
        BOTH_DOCS,
    ),
    KnowledgeItem(
        "vitamin_b12",
        "A lack of B vitamins, particularly vitamin B12, affects how the nerves work and the health of the "
        "myelin sheath (the nerves' protective coating), and may contribute to twitching and other nerve and "
        "muscle symptoms.",
        (SPASMS_DOC,),
    ),
    KnowledgeItem(
        "facial_nerve",
        "The facial nerve (the seventh cranial nerve, CN VII) starts in the brainstem and branches out to "
        "control almost all the muscles of facial expression on its side of the face. When the nerve is "
        "irritated it can fire on its own, so the muscles contract without any command from the brain. Mild, "
        "short-lived irritation gives a small twitch; long-lasting irritation can cause a forceful spasm of "
        "several muscles.",
        (TWITCHING_DOC,),
    ),
    KnowledgeItem(
        "hemifacial_spasm",
        "Hemifacial spasm (HFS) is a long-lasting spasm of one side of the face. It usually starts with "
        "small twitches around the eye and spreads slowly, over months or years, to the cheek, mouth and "
        "neck on the same side, sometimes closing the eye or pulling the mouth. The usual cause is a blood "
        "vessel pressing on the facial nerve where it leaves the brainstem: the pressure wears down the "
        "nerve's protective coating (myelin), so signals 'short-circuit' and the muscles contract on their "
        "own.",
        BOTH_DOCS,
    ),
    KnowledgeItem(
        "synkinesis",
        "Synkinesis means unintended facial movements that happen together. It can develop after the "
        "facial nerve has been paralysed, for example by Bell's palsy, or injured: as the nerve regrows, "
        "its fibres get 'miswired' to the wrong muscles. The corner of the mouth may pull up when you "
        "close your eye, or the eye may narrow when you smile.",
        (SPASMS_DOC,),
    ),
    KnowledgeItem(
        "bells_palsy",
        "Bell's palsy is a paralysis of the facial nerve that causes weakness on one side of the face. The "
        "NHS advises seeing a GP as soon as possible for one-sided facial weakness, as treatment works "
        "best when started within 72 hours, and calling the emergency number if the drooping comes with "
        "arm weakness or slurred speech. Linked movements (synkinesis) can develop afterwards as the nerve "
        "regrows.",
        ("nhs_bells_palsy", SPASMS_DOC),
    ),
    KnowledgeItem(
        "blepharospasm",
        "One of the documents uses 'blepharospasm' for twitching of the eyelid muscle brought on by long "
        "periods of eye strain, for example from screens. Twitches from everyday triggers like this usually "
        "stop once the trigger is dealt with.",
        BOTH_DOCS,
    ),
    KnowledgeItem(
        "multiple_sclerosis",
        "Rarely, facial spasms come from multiple sclerosis: this demyelinating disease can cause lesions "
        "in the brainstem that irritate the facial nerve or its pathway. Most isolated facial twitches "
        "settle on their own; a doctor can look for rarer causes if a twitch persists or comes with other "
        "symptoms.",
        BOTH_DOCS,
    ),
    KnowledgeItem(
        "tumour",
        "Rarely, a tumour or cyst along the facial nerve presses on it and causes spasms that look like "
        "hemifacial spasm but need a different diagnostic approach. Most facial twitches are temporary and "
        "harmless; when one persists, a specialised MRI scan is often used to look at the facial nerve and "
        "rule out such causes.",
        BOTH_DOCS,
    ),
    KnowledgeItem(
        "mri",
        "When a twitch persists or looks like hemifacial spasm, a specialised MRI scan is often used to see "
        "the facial nerve and rule out structural causes such as a tumour or a lesion in the brainstem. "
        "Whether you need one is for a doctor to decide after examining you.",
        (TWITCHING_DOC,),
    ),
    KnowledgeItem(
        "when_to_see_doctor",
        "See a GP if the twitch lasts more than 2 weeks, gets more frequent or stronger, is in more than one "
        "place, or interferes with seeing or eating. See a doctor if it comes with weakness or drooping, "
        "severe pain, numbness or tingling, hearing changes or balance problems. Call the emergency number "
        "straight away if the face has fallen on one side, an arm is weak or speech is slurred.",
        (TWITCHING_DOC, "nhs_twitching", "nhs_stroke_fast"),
    ),
    KnowledgeItem(
        "is_it_serious",
        "Usually not. Most isolated twitches are temporary and harmless: they come from everyday triggers, "
        "do not involve damage to the facial nerve and are not a sign of a progressive disorder. A twitch "
        "that persists, spreads, gets worse or comes with weakness, pain, numbness, hearing or balance "
        "changes can point to a condition such as hemifacial spasm and should be checked by a doctor.",
        BOTH_DOCS,
    ),
    KnowledgeItem(
        "stroke_signs",
        "Stroke signs (FAST): the Face has fallen on one side, the person cannot lift both Arms, their "
        "Speech is slurred: it is Time to call the emergency number straight away. BE-FAST adds Balance "
        "and Eye (vision) problems; adding them cut missed strokes from 14.1% to 4.4%.",
        ("nhs_stroke_fast", "be_fast"),
    ),
    KnowledgeItem(
        "self_care",
        "Twitches from everyday triggers usually stop once the trigger is dealt with. It can help to cut "
        "down on caffeine and alcohol, get enough sleep, ease stress, take breaks from screens and "
        "reading, and eat enough foods with magnesium, calcium and vitamin B12. See a GP if it lasts more "
        "than 2 weeks.",
        (*BOTH_DOCS, "nhs_twitching"),
    ),
)

KNOWLEDGE: dict[str, KnowledgeItem] = {item.topic: item for item in _ITEMS}


def answer(topic: str) -> KnowledgeItem:
    """The answer for a topic key of `TOPIC_KEYWORDS`; KeyError for any other key."""
    if topic not in TOPIC_KEYWORDS:
        raise KeyError(topic)
    return KNOWLEDGE[topic]
