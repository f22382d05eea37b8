"""What the assistant may say about facial twitching, each text with the sources it comes from.

Only the two source documents and the references of bot/knowledge/sources.py are used; every text names its
sources, and building one without a permitted source fails at import time. The project's own triage policy
(`triage_policy`) is not medical content, so no text here may cite it.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.knowledge.sources import SOURCES, source

MAX_MESSAGE_CHARS = 640  # one phone screen of chat
POLICY_SOURCE = "triage_policy"
MEDICAL_SOURCES = frozenset(SOURCES) - {POLICY_SOURCE}

TWITCHING_DOC = "doc_facial_twitching"
SPASMS_DOC = "doc_facial_spasms"
BOTH_DOCS = (TWITCHING_DOC, SPASMS_DOC)
NHS_TWITCHING = "nhs_twitching"
NHS_BELLS_PALSY = "nhs_bells_palsy"
NHS_STROKE_FAST = "nhs_stroke_fast"
NHS_DYSTONIA = "nhs_dystonia"
BE_FAST = "be_fast"


def _check_sources(what: str, sources: tuple[str, ...]) -> None:
    not_permitted = [source_id for source_id in sources if source_id not in MEDICAL_SOURCES]
    if not sources or not_permitted:
        raise ValueError(f"{what} needs sources from the permitted documents, got {sources}")


def source_titles(sources: tuple[str, ...]) -> str:
    return "; ".join(source(source_id).title for source_id in sources)


@dataclass(frozen=True)
class KnowledgeItem:
    """An answer to a question about one topic.

    `fit_after_an_emergency`: the answer may follow the emergency answer when a message both shows an emergency
    sign and asks something ("my face has dropped, is it Bell's palsy?"): it says what to do about a dropped face,
    or only says what something is. An answer that reassures ("usually not serious", "settles on its own"), points
    to an everyday trigger or suggests waiting would undercut the emergency answer, so it is not given after it.
    """

    topic: str
    body: str
    sources: tuple[str, ...]
    fit_after_an_emergency: bool = False

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
        "A facial twitch (doctors call it fasciculation or myokymia) is a small movement of muscle fibres under "
        "the skin that you do not control, often in the eyelid. A larger, longer contraction of a whole muscle "
        "group is called a spasm. Both come from abnormal electrical activity or irritation of the facial nerve "
        "or the muscles it controls. Most isolated twitches are temporary and harmless and settle on their "
        "own, but one that persists can signal an underlying condition.",
        BOTH_DOCS,
    ),
    KnowledgeItem(
        "causes",
        "Most facial twitches have everyday causes: stress and anxiety, tiredness or too little sleep, too much "
        "caffeine or alcohol, and eye strain from screens or reading. Low magnesium, calcium or vitamin B12 can "
        "play a part, and some medicines can cause twitching. A twitch that lasts and spreads on one side of "
        "the face is most often hemifacial spasm, from a blood vessel pressing on the facial nerve; rarely, "
        "multiple sclerosis or a tumour is the cause.",
        (*BOTH_DOCS, NHS_TWITCHING),
    ),
    KnowledgeItem(
        "caffeine",
        "Yes, it can. Too much caffeine, such as in coffee and tea, overstimulates the nervous system: it makes "
        "nerves and muscles more irritable and can cause small, isolated twitches, often around the eye. "
        "Twitches like this usually stop once the trigger is dealt with, so cutting down on caffeine is worth "
        "trying.",
        (*BOTH_DOCS, NHS_TWITCHING),
    ),
    KnowledgeItem(
        "alcohol",
        "It can. Drinking a lot of alcohol can upset the body's balance of electrolytes (salts such as "
        "magnesium) and the way the nervous system works, which can bring on twitching. Cutting down on "
        "alcohol is worth trying.",
        (*BOTH_DOCS, NHS_TWITCHING),
    ),
    KnowledgeItem(
        "stress",
        "Yes. Stress and anxiety make the nerves more excitable: stress hormones increase muscle tension and how "
        "often nerves fire, which can cause small, local twitches. Finding ways to relax can help, and try not "
        "to worry about the twitch itself: it is usually harmless, and worrying can make it worse.",
        (*BOTH_DOCS, NHS_TWITCHING),
    ),
    KnowledgeItem(
        "sleep",
        "Yes. Tiredness and too little sleep are common causes: they make the nerve signals that control the "
        "face less stable, so small twitches, often of the eyelid, become more likely. Getting plenty of rest "
        "can help, and twitches like this usually stop once the trigger is dealt with.",
        (*BOTH_DOCS, NHS_TWITCHING),
    ),
    KnowledgeItem(
        "eye_strain",
        "It can. Long periods of focus, such as reading or screen time, strain the eyes and can bring on "
        "twitching around them. Twitches like this usually stop once the trigger is dealt with, so regular "
        "breaks from the screen or the page are worth trying.",
        BOTH_DOCS,
    ),
    KnowledgeItem(
        "deficiencies",
        "Low levels of minerals such as magnesium and calcium make nerves and muscles more excitable, which can "
        "lead to twitching and spasms, and heavy drinking can upset this balance. A lack of B vitamins, "
        "particularly vitamin B12, affects how the nerves work. The information I have does not say what to "
        "eat or whether supplements help: a GP can look for the cause of a twitch that does not go away.",
        (*BOTH_DOCS, NHS_TWITCHING),
    ),
    KnowledgeItem(
        "medicines",
        "Yes, some medicines can cause twitching as a side effect: the packet or leaflet lists a medicine's "
        "side effects. If you think a prescribed medicine might be causing your twitch, see a GP, but do not "
        "stop taking it without getting medical advice first.",
        (NHS_TWITCHING,),
    ),
    KnowledgeItem(
        "facial_nerve",
        "The facial nerve (the seventh cranial nerve, CN VII) starts in the brainstem and branches out to "
        "control almost all the muscles of facial expression on its side of the face. When the nerve is "
        "irritated it can fire on its own, so the muscles contract without any command from the brain. Mild, "
        "short-lived irritation gives a small twitch; long-lasting irritation can cause a forceful spasm of "
        "several muscles.",
        (TWITCHING_DOC,),
        fit_after_an_emergency=True,
    ),
    KnowledgeItem(
        "hemifacial_spasm",
        "Hemifacial spasm (HFS) is a long-lasting condition in which the muscles of one side of the face "
        "contract on their own. It usually starts with small twitches around the eye and spreads slowly, over "
        "months or years, to the cheek, mouth and neck on the same side, sometimes closing the eye or pulling "
        "the mouth to one side. It is most often caused by a blood vessel pressing on the facial nerve.",
        BOTH_DOCS,
        fit_after_an_emergency=True,
    ),
    KnowledgeItem(
        "hemifacial_spasm_cause",
        "Hemifacial spasm is most often caused by a blood vessel, usually a small artery, pressing on the "
        "facial nerve where it leaves the brainstem. The constant pulsing wears down the nerve's protective "
        "coating (the myelin sheath), so signals 'short-circuit' between nerve fibres and the face muscles "
        "contract on their own. Rarely, a tumour, a cyst or a lesion of multiple sclerosis presses on or "
        "irritates the nerve instead; an MRI scan can show the nerve.",
        BOTH_DOCS,
        fit_after_an_emergency=True,
    ),
    KnowledgeItem(
        "synkinesis",
        "Synkinesis means unintended facial movements that happen together. It can develop after the facial "
        "nerve has been paralysed, for example by Bell's palsy, or injured: as the nerve regrows, its fibres "
        "get 'miswired' to the wrong muscles. The corner of the mouth may pull up when you close your eye, or "
        "the eye may narrow when you smile.",
        (SPASMS_DOC,),
        fit_after_an_emergency=True,
    ),
    KnowledgeItem(
        "bells_palsy",
        "Bell's palsy is weakness of one side of the face from the facial nerve, coming on over hours to days. "
        "A face that has dropped on one side can also be a stroke: if it came on suddenly, call the emergency "
        "number now. For weakness or drooping that came on over hours to days, ask for an urgent GP "
        "appointment today: treatment works best when started within 72 hours. Linked movements (synkinesis) "
        "can develop afterwards as the nerve regrows.",
        (NHS_BELLS_PALSY, NHS_STROKE_FAST, SPASMS_DOC),
        fit_after_an_emergency=True,
    ),
    KnowledgeItem(
        "blepharospasm",
        "Blepharospasm is a long-lasting condition, a kind of dystonia, in which the muscles around the eyes "
        "force them shut or make them blink uncontrollably; it usually affects both eyes. It is not the common, "
        "short-lived eyelid twitch from tiredness, stress or screens, though the word is sometimes used loosely "
        "for that. Eyes being forced shut, or a spasm that gets in the way of seeing, should be checked by a "
        "doctor.",
        (NHS_DYSTONIA, TWITCHING_DOC),
        fit_after_an_emergency=True,
    ),
    KnowledgeItem(
        "multiple_sclerosis",
        "Multiple sclerosis (MS) is a rare cause of facial spasms: it can cause lesions in the brainstem that "
        "irritate the facial nerve or its pathway. Twitches are common and very rarely a sign of anything "
        "serious. If a twitch persists, spreads, or comes with other symptoms such as weakness, numbness or "
        "balance problems, see a GP, who can look for the cause and refer you to a neurologist for tests.",
        (*BOTH_DOCS, NHS_TWITCHING),
    ),
    KnowledgeItem(
        "tumour",
        "A tumour is a rare cause: a tumour or cyst along the facial nerve can press on it and cause spasms "
        "that look like hemifacial spasm. Twitches are common and very rarely a sign of anything serious. If a "
        "twitch persists or spreads, a GP can refer you to a neurologist, and a specialised MRI scan is often "
        "used to look at the facial nerve and rule such causes out.",
        (*BOTH_DOCS, NHS_TWITCHING),
    ),
    KnowledgeItem(
        "tests",
        "If a twitch does not go away, a GP may check for causes such as stress or a medicine you take, ask you "
        "to come back if it has not stopped in a few weeks, or refer you to a neurologist for tests. For a "
        "spasm that persists or looks like hemifacial spasm, a specialised MRI scan is often used to see the "
        "facial nerve and rule out causes such as a tumour. Which tests you need is for the doctor to decide.",
        (TWITCHING_DOC, NHS_TWITCHING),
    ),
    KnowledgeItem(
        "when_to_see_doctor",
        "Call the emergency number now if your face has dropped on one side, you cannot lift both arms or your "
        "speech is slurred. For weakness or drooping that came on over hours to days, ask for an urgent GP "
        "appointment today (treatment for Bell's palsy works best within 72 hours). See a GP if a twitch lasts "
        "more than 2 weeks, gets worse, spreads, stops you seeing or eating, comes with pain, numbness, hearing "
        "or balance changes, or a medicine may be causing it.",
        (TWITCHING_DOC, NHS_TWITCHING, NHS_BELLS_PALSY, NHS_STROKE_FAST),
        fit_after_an_emergency=True,
    ),
    KnowledgeItem(
        "is_it_serious",
        "Usually not. Twitches are common and very rarely a sign of anything serious: most come from everyday "
        "triggers, do not damage the facial nerve and settle on their own. A twitch that lasts more than 2 "
        "weeks, spreads, gets worse or comes with weakness, pain, numbness, hearing or balance changes should "
        "be checked by a doctor. A face dropped on one side, a weak arm or slurred speech is an emergency.",
        (*BOTH_DOCS, NHS_TWITCHING, NHS_STROKE_FAST),
    ),
    KnowledgeItem(
        "stroke_signs",
        "The signs of a stroke (FAST): the Face has dropped on one side, the person cannot lift both Arms and "
        "keep them there, or their Speech is slurred: it is Time to call the emergency number straight away. "
        "BE-FAST adds Balance and Eye (vision) problems; adding them cut missed strokes from 14.1% to 4.4%.",
        (NHS_STROKE_FAST, BE_FAST),
        fit_after_an_emergency=True,
    ),
    KnowledgeItem(
        "stroke_or_twitch",
        "A stroke shows as weakness, usually coming on suddenly: a face that has dropped on one side, an arm "
        "that cannot be lifted, or slurred speech. If you notice any of these, call the emergency number now, "
        "even if you are not sure. A twitch without weakness is different: twitches are common and very rarely "
        "a sign of anything serious; see a GP if one lasts more than 2 weeks.",
        (NHS_STROKE_FAST, NHS_BELLS_PALSY, NHS_TWITCHING),
        fit_after_an_emergency=True,
    ),
    KnowledgeItem(
        "red_flags",
        "See a doctor if a twitch comes with weakness or drooping of the face, severe pain, numbness or "
        "tingling, changes in hearing, or problems with balance, especially new ones on the same side; or if it "
        "lasts more than 2 weeks, gets stronger or more frequent, spreads, or stops you seeing or eating. A "
        "face that has dropped, a weak arm or slurred speech are stroke signs: call the emergency number now.",
        (TWITCHING_DOC, NHS_TWITCHING, NHS_STROKE_FAST),
        fit_after_an_emergency=True,
    ),
    KnowledgeItem(
        "self_care",
        "Twitches from everyday triggers usually stop once the trigger is dealt with. It can help to get "
        "plenty of rest and sleep, find ways to relax, cut down on caffeine and alcohol, and take breaks from "
        "screens and reading. Try not to worry about it: a twitch is usually harmless, and worrying can make "
        "it worse. See a GP if it lasts more than 2 weeks.",
        (*BOTH_DOCS, NHS_TWITCHING),
    ),
    KnowledgeItem(
        "duration",
        "A twitch may come and go, but it usually stops within a few days or weeks; one from an everyday "
        "trigger stops once the trigger is dealt with. See a GP if a twitch lasts more than 2 weeks. "
        "Hemifacial spasm is different: it is long-lasting and can slowly get worse over months or years.",
        (*BOTH_DOCS, NHS_TWITCHING),
    ),
    KnowledgeItem(
        "treatment",
        "There is not usually any treatment for an ordinary twitch: it tends to stop by itself, and dealing "
        "with the trigger helps. For a twitch that does not go away, a GP can look for the cause and may refer "
        "you to a neurologist. The information I have does not cover treatments for long-lasting spasms, such "
        "as injections, medicines or surgery, so please ask a doctor about those.",
        (SPASMS_DOC, NHS_TWITCHING),
    ),
)

KNOWLEDGE: dict[str, KnowledgeItem] = {item.topic: item for item in _ITEMS}

# What the assistant says when the question is outside what its sources say (is it contagious? inherited? a
# named treatment?): plainly that it does not know, and who does. Not medical content, so it cites nothing.
NOT_COVERED_TOPIC = "not_covered"
NOT_COVERED = (
    "I'm sorry, the medical information I have does not answer that, so I won't guess: a GP can. If you "
    "tell me about your twitch, I can help you decide how soon to get it checked."
)
ANSWERABLE = frozenset(KNOWLEDGE) | {NOT_COVERED_TOPIC}
FIT_AFTER_AN_EMERGENCY = frozenset(item.topic for item in _ITEMS if item.fit_after_an_emergency)
# Some questions have an answer fit after an emergency under another item: once an emergency sign is there, "is it
# serious?" asks which signs are (the red flags), "what can I do?" where to get help and how fast, and "what does a
# drooping face mean?" or "what causes it?" how a stroke differs from a twitch.
EMERGENCY_COUNTERPARTS = {
    "is_it_serious": "red_flags",
    "self_care": "when_to_see_doctor",
    "twitching": "stroke_or_twitch",
    "causes": "stroke_or_twitch",
}


# Once a sign the sources name as a reason to see a doctor is there (numbness, a muffled ear, a weak face...), "is
# it serious?" and "what can I do?" have the same kind of answer: "usually not" or "try not to worry" would undercut
# it, so they are answered by which signs need a doctor and how soon.
RED_FLAG_COUNTERPARTS = {
    "is_it_serious": "red_flags",
    "self_care": "when_to_see_doctor",
}


def answer_with_a_red_flag(topic: str) -> str:
    """The item that answers a question about `topic` asked by someone with a red-flag sign of their own."""
    return RED_FLAG_COUNTERPARTS.get(topic, topic)


def answer_after_an_emergency(topic: str) -> str | None:
    """The item that answers a question about `topic` asked with an emergency sign, or None when none may follow
    the emergency answer (see `KnowledgeItem.fit_after_an_emergency`)."""
    if topic in FIT_AFTER_AN_EMERGENCY:
        return topic
    return EMERGENCY_COUNTERPARTS.get(topic)


# The entity by which the NLU names, best first, the items a message asks about (bot/nlu/question_reader.py); the
# emergency policy and the answering action read it.
TOPIC_ENTITY = "topic"


def answer(topic: str) -> KnowledgeItem:
    """The item for a topic key of `KNOWLEDGE`; KeyError for any other key."""
    return KNOWLEDGE[topic]


def answer_text(topic: str) -> str:
    """What the person is told for a topic key of `KNOWLEDGE`, or `NOT_COVERED_TOPIC`; KeyError for any other."""
    return NOT_COVERED if topic == NOT_COVERED_TOPIC else answer(topic).text
