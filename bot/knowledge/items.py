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

# The placeholder for the deployment's emergency number in advice templates.
EMERGENCY_NUMBER_FIELD = "{emergency_number}"
GENERIC_EMERGENCY_NUMBER = "your local emergency number"


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


@dataclass(frozen=True)
class Condition:
    """A possible explanation (condition code of DESIGN.md section 4) as shown to the person."""

    code: str
    name: str
    why_it_fits: SourcedText


@dataclass(frozen=True)
class LevelAdvice:
    """What to do at one triage level. Texts may contain `{emergency_number}`: use `render`."""

    level: str
    in_plain_words: str
    next_steps: str
    safety_net: str
    sources: tuple[str, ...]

    def __post_init__(self) -> None:
        _check_sources(f"advice for {self.level}", self.sources)

    def render(self, text: str, emergency_number: str = GENERIC_EMERGENCY_NUMBER) -> str:
        return text.replace(EMERGENCY_NUMBER_FIELD, emergency_number)


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


# Self-care advice, keyed by the trigger finding it addresses (DESIGN.md section 3 trigger codes).
SELF_CARE_ADVICE: dict[str, SourcedText] = {
    "caffeine": SourcedText(
        "Cut down on coffee and other caffeine: it stimulates the nerves and makes muscles more irritable.",
        BOTH_DOCS,
    ),
    "alcohol": SourcedText(
        "Drink less alcohol: heavy drinking can upset the body's salt balance and nerve function.",
        (SPASMS_DOC,),
    ),
    "stress": SourcedText(
        "Ease stress where you can: stress and anxiety make the nerves more excitable.",
        BOTH_DOCS,
    ),
    "poor_sleep": SourcedText(
        "Get enough sleep: tiredness makes the nerve signals to the face less stable.",
        BOTH_DOCS,
    ),
    "eye_strain": SourcedText(
        "Take regular breaks from screens and reading: eye strain can set off twitching around the eyes.",
        BOTH_DOCS,
    ),
    "diet_deficiency": SourcedText(
        "Eat enough foods with magnesium, calcium and vitamin B12: low levels make nerves more excitable.",
        BOTH_DOCS,
    ),
}
SELF_CARE_OUTLOOK = SourcedText(
    "Twitches from everyday triggers usually stop once the trigger is dealt with.", (SPASMS_DOC,)
)

CONDITIONS: dict[str, Condition] = {
    condition.code: condition
    for condition in (
        Condition(
            "myokymia",
            "Myokymia (a common eyelid twitch)",
            SourcedText(
                "a short-lived twitch, usually of the eyelid, that often follows everyday triggers such as "
                "caffeine, stress, poor sleep or screen time",
                BOTH_DOCS,
            ),
        ),
        Condition(
            "hemifacial_spasm",
            "Hemifacial spasm",
            SourcedText(
                "a spasm of one side of the face that usually starts around the eye and spreads slowly to "
                "the cheek and mouth, often getting worse over months or years",
                BOTH_DOCS,
            ),
        ),
        Condition(
            "blepharospasm",
            "Blepharospasm (eyelid spasm)",
            SourcedText(
                "twitching of the eyelid muscle, which eye strain from screens can bring on", (TWITCHING_DOC,)
            ),
        ),
        Condition(
            "synkinesis",
            "Synkinesis (linked facial movements)",
            SourcedText(
                "linked movements, such as the eye narrowing when you smile, that can follow Bell's palsy "
                "or an injury as the facial nerve regrows",
                (SPASMS_DOC,),
            ),
        ),
        Condition(
            "electrolyte_or_vitamin_deficiency",
            "Low minerals or vitamins",
            SourcedText(
                "low magnesium, calcium or vitamin B12 can make nerves and muscles more excitable, and heavy "
                "drinking can upset the body's salt balance",
                BOTH_DOCS,
            ),
        ),
        Condition(
            "secondary_neurological",
            "Another nerve condition (such as multiple sclerosis or a tumour)",
            SourcedText(
                "rarely, multiple sclerosis or a growth pressing on the facial nerve causes spasms, and new "
                "symptoms on the same side of the face are a reason to be checked",
                BOTH_DOCS,
            ),
        ),
        Condition(
            "stroke",
            "Stroke",
            SourcedText(
                "a face fallen on one side, arm weakness, slurred speech, and balance or vision problems are "
                "stroke warning signs",
                ("nhs_stroke_fast", "be_fast"),
            ),
        ),
        Condition(
            "bells_palsy",
            "Bell's palsy",
            SourcedText(
                "a paralysis of the facial nerve causing weakness on one side of the face; treatment works "
                "best when started within 72 hours",
                ("nhs_bells_palsy", SPASMS_DOC),
            ),
        ),
    )
}

_STROKE_WARNING = (
    f"Call {EMERGENCY_NUMBER_FIELD} straight away if your face droops on one side, you cannot lift both arms "
    "or your speech is slurred."
)

LEVEL_ADVICE: dict[str, LevelAdvice] = {
    advice.level: advice
    for advice in (
        LevelAdvice(
            "emergency",
            "This could be a stroke or another emergency.",
            f"Call {EMERGENCY_NUMBER_FIELD} now for an ambulance. Do not wait to see if it passes.",
            "If you cannot call, ask someone near you to call for you.",
            ("nhs_stroke_fast", "be_fast"),
        ),
        LevelAdvice(
            "urgent",
            "You should see a doctor today.",
            "Contact your GP today, or an urgent care service if your GP is closed: within 24 hours.",
            f"{_STROKE_WARNING} Do the same if your vision or balance suddenly changes.",
            (TWITCHING_DOC, "nhs_bells_palsy", "nhs_stroke_fast", "be_fast"),
        ),
        LevelAdvice(
            "routine",
            "This needs a doctor's opinion, but it is not urgent.",
            "Book an appointment with your GP within about the next two weeks. They may refer you to a "
            "neurologist.",
            "See a doctor sooner if it gets worse or spreads, or if you notice weakness, severe pain, "
            f"numbness or tingling, hearing changes or balance problems. {_STROKE_WARNING}",
            (TWITCHING_DOC, "nhs_twitching", "nhs_stroke_fast"),
        ),
        LevelAdvice(
            "self_care",
            "From what you have told me, this fits the common, temporary kind of twitch that you can look "
            "after yourself for now.",
            "Try the self-care advice below; most twitches like this settle on their own.",
            "Come back or see a GP if it lasts beyond two weeks, spreads, gets worse, or comes with "
            "weakness or drooping, severe pain, numbness or tingling, hearing changes or balance problems. "
            f"{_STROKE_WARNING}",
            (*BOTH_DOCS, "nhs_twitching", "nhs_stroke_fast"),
        ),
    )
}

DISCLAIMER = (
    "I am an automated assistant, not a doctor: this is not a diagnosis. If you are worried, or things "
    "change, speak to a doctor."
)
