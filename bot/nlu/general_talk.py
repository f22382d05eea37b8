"""Talk that reports nothing: a general claim ("twitching can mean MS"), anxiety about what the symptom means
("anxious it could be a tumour"), and a topic word that names an activity rather than answering a question."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from bot.nlu.denials import DETERMINERS
from bot.nlu.kinds import ANSWER, GENERIC, IMPLIED, PLACE_KINDS, PRESENT
from bot.nlu.resources import load
from bot.nlu.targets import Target, targets_with_spans
from bot.nlu.vocabulary import TRIGGERS

PHRASES = load("general_talk")
WORDS = {name: frozenset(words) for name, words in PHRASES["words"].items()}

# Words in a reply short enough for a bare topic word to be the answer to the bot's question ("just my hearing").
SHORT_ANSWER_WORDS = 5


def asked_in_general(span: Span) -> bool:
    """ "twitching can lead to vision loss?", "I read that eyelid twitching can mean MS": a finding named as the subject of
    what it may cause or mean is talked of in general, not reported. Not the person's own ("my twitch can last hours")."""
    doc, sentence = span.doc, span.sent
    if span.start > sentence.start and doc[span.start - 1].norm_ in DETERMINERS - {"that", "the"}:
        return False
    end = end_of_coordination(span)
    following = [token.norm_ for token in doc[end : min(end + 3, sentence.end)]]
    if len(following) < 2 or following[0] not in WORDS["general_modals"]:
        return False
    return following[1] in WORDS["general_claims"] or (
        len(following) == 3 and following[1] == "be" and following[2] in WORDS["claimed"]
    )


def end_of_coordination(span: Span) -> int:
    """Where a list that starts with this finding ends: "stress and low b12 can cause it" is a claim about both."""
    doc, end = span.doc, span.end
    while end < span.sent.end and doc[end].norm_ in WORDS["list_joints"]:
        joined = [
            other_span.end
            for other, other_span in targets_with_spans(doc)
            if other.kind not in PLACE_KINDS and end < other_span.start <= end + 2
        ]
        if not joined:
            break
        end = max(joined)
    return end


def worry_about_the_symptom(target: Target, span: Span) -> bool:
    """ "I'm anxious it could be a brain tumour", "stressed that I might have MS", "nervous about the twitching":
    anxiety about what the symptom is or means is a worry about the symptom, not the stress that can trigger a twitch
    ("stressed about my exams" is stress)."""
    if target.code != "stress" or span.end >= span.sent.end:
        return False
    doc = span.doc
    index = span.end
    if doc[index].norm_ == "that" and index + 1 < span.sent.end:
        index += 1
    following = [token.norm_ for token in doc[index : min(index + 3, span.sent.end)]]
    if (
        len(following) >= 2
        and following[0] in WORDS["worried_subjects"]
        and following[1] in WORDS["worried_verbs"]
    ):
        return True
    if not following or following[0] not in WORDS["worried_about"]:
        return False
    if len(following) > 1 and following[1] in WORDS["the_symptom"]:
        return True
    return any(
        other.code not in TRIGGERS
        and other.kind in (PRESENT, GENERIC, IMPLIED)
        and index < other_span.start <= index + 3
        for other, other_span in targets_with_spans(doc)
    )


def told_as_doing(span: Span) -> bool:
    """ "I wear glasses for reading", "I've been working hard": a topic word after "for" names what something is for,
    and one after "been" or "am" tells of doing it; neither answers what the twitch gets in the way of."""
    return span.start > span.sent.start and span.doc[span.start - 1].norm_ in WORDS["doing_words"]


def is_bare_answer(doc: Doc) -> bool:
    """A short reply that names only topics ("just my hearing", "screens and stress" is not one): with another
    finding ("tingling in my arms") the topic word says where that finding is, not that it is a finding itself."""
    short = sum(not token.is_punct for token in doc) <= SHORT_ANSWER_WORDS
    return short and all(target.kind in (ANSWER, *PLACE_KINDS) for target, _ in targets_with_spans(doc))
