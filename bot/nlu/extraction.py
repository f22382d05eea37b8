"""Free text in, docs/clinical-design.md findings out: the clinical findings extractor, without Rasa.

A message goes through the pipeline (bot.nlu.pipeline) in pieces; each target phrase it marks is read in its context
by the ordered rules of bot.nlu.readings (negated => absent; hypothetical, worried-about, asked-about, historical or a
relative's illness => nothing; otherwise present). Per finding, present wins over absent when one message says both:
the assistant must never under-triage. The side (bot.nlu.sides), places and the twitch's duration
(bot.nlu.twitch_duration) complete the reading, as entities of the NLU contract.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import datetime

from bot.intents import POINTS_BACK_ENTITY, SUSPECTED_SIGN_ENTITY
from bot.nlu.alarm_talk import declares_emergency, stroke_only_past_or_others
from bot.nlu.body_mentions import BodyMention, BodyMentions, suspected_signs, told_of_as_unwell
from bot.nlu.duration import DurationReading
from bot.nlu.kinds import GENERIC, LOCATION, NOT_FINDINGS, PLACE_KINDS, SIDE, VAGUE, VAGUE_SENSATION
from bot.nlu.pipeline import build_pipeline, chunks
from bot.nlu.plain_answers import CONTRAST_AFTER_NO as CONTRAST
from bot.nlu.readings import Mention, mentions_in
from bot.nlu.resources import load
from bot.nlu.sides import combine_sides, ordered_unique, short_reply_side
from bot.nlu.twitch_duration import twitch_duration
from bot.nlu.vocabulary import has_negation_cue, words_of
from bot.triage.findings import ONSET_CODE, Findings, Status

CORRECTION_ROLE = "correction"


@dataclass(frozen=True)
class EntitySpan:
    """One entity of the NLU contract: name (finding code, face_side, location, duration_days), value, span."""

    entity: str
    value: str
    start: int
    end: int
    # Rasa's entity role: "correction" on a duration that corrects one said before.
    role: str | None = None


@dataclass(frozen=True)
class Extraction:
    findings: Mapping[str, Status]
    face_side: str | None
    locations: tuple[str, ...]
    duration: DurationReading
    entities: tuple[EntitySpan, ...]
    # The message talks of a stroke, and only of a relative's or a past one ("my aunt had a stroke").
    stroke_only_past_or_others: bool = False
    # The person says it is an emergency or a stroke happening now, or asks for an ambulance (docs/clinical-design.md).
    declares_emergency: bool = False

    def to_findings(self) -> Findings:
        return Findings(
            statuses=dict(self.findings),
            face_side=self.face_side,
            locations=frozenset(self.locations),
            duration_days=self.duration.days,
        )


class ClinicalExtractor:
    """Reads findings, face side, locations and duration from one message."""

    _shared: ClinicalExtractor | None = None

    def __init__(self) -> None:
        self.nlp = build_pipeline()
        self.body_mentions = BodyMentions(self.nlp.vocab)

    @classmethod
    def shared(cls) -> ClinicalExtractor:
        """The process-wide extractor: building the pipeline takes about a second, using it a few milliseconds."""
        if cls._shared is None:
            cls._shared = cls()
        return cls._shared

    def extract(self, text: str, now: datetime) -> Extraction:
        pieces = chunks(text)
        docs = list(self.nlp.pipe(piece for _, piece in pieces))
        mentions = [
            mention
            for (offset, _), doc in zip(pieces, docs, strict=True)
            for mention in mentions_in(doc, offset)
        ]
        mentions = sight_lost_behind_a_shut_eye(mentions, text)
        body_parts = [
            body_part
            for (offset, _), doc in zip(pieces, docs, strict=True)
            for body_part in self.body_mentions.in_doc(doc, offset)
        ]
        findings, finding_spans = decide_findings(mentions)
        findings = denials_a_body_part_contradicts(findings, finding_spans, body_parts, text)
        places = [
            mention
            for mention in mentions
            if mention.target.kind in PLACE_KINDS and mention.status is Status.PRESENT
        ]
        locations = ordered_unique(
            mention.target.code for mention in places if mention.target.kind == LOCATION
        )
        sides = ordered_unique(mention.target.code for mention in places if mention.target.kind == SIDE)
        face_side = combine_sides(sides or short_reply_side(docs[0]))
        duration = twitch_duration(text, mentions, now)
        entities = (
            [EntitySpan(code, status.value, *finding_spans[code]) for code, status in findings.items()]
            + [
                EntitySpan(LOCATION, mention.target.code, mention.start, mention.end)
                for mention in places
                if mention.target.kind == LOCATION
            ]
            + side_entities(face_side, places, len(text))
            + duration_entities(duration)
            + vague_sensation_entities(mentions)
            + suspected_sign_entities(text, body_parts, findings)
            + pointing_back_entities(text)
        )
        return Extraction(
            findings=findings,
            face_side=face_side,
            locations=locations,
            duration=duration,
            entities=tuple(entities),
            stroke_only_past_or_others=stroke_only_past_or_others(docs),
            declares_emergency=declares_emergency(docs),
        )


DISTORTED_SIGHT = re.compile("|".join(load("extraction")["distorted_sight"]), re.IGNORECASE)
# How far before a word of distorted sight a denial of it is looked for ("nothing double", "no blur").
NEGATION_REACH = 12
SHUTTING_WORDS = re.compile("|".join(load("extraction")["shutting_words"]), re.IGNORECASE)


# "only the leg, no force; arms OK": the body part told as the one affected, beside a denial of its sign for the rest.
SINGLED_OUT = re.compile("|".join(load("extraction")["singled_out"]), re.IGNORECASE)
POINTS_BACK = re.compile("|".join(load("extraction")["points_back"]), re.IGNORECASE)
# What pointing back at something already told never means: "no, just the twitch", "only the eye".
THE_TWITCH_ITSELF = re.compile("|".join(load("extraction")["the_twitch_itself"]), re.IGNORECASE)


def pointing_back_entities(text: str) -> list[EntitySpan]:
    """ "just the ear I mentioned", "the jolts I told you about": a reply that says yes to something told before in
    the person's own words, which the checklist reads as one of the signs it has not heard denied."""
    for match in POINTS_BACK.finditer(text):
        clause_start = max(text.rfind(mark, 0, match.start()) for mark in ",.;!?\n") + 1
        clause_end = min(
            (end for mark in ",.;!?\n" if (end := text.find(mark, match.end())) >= 0), default=len(text)
        )
        clause_words = set(words_of(text[clause_start:clause_end]))
        denied_here = has_negation_cue(clause_words)
        pointed_at = text[match.end() - len(match.group(0).split()[-1]) :]
        if not denied_here and not THE_TWITCH_ITSELF.match(pointed_at):
            # "no pain as I said" points back at a denial, "just the twitch" at the twitch itself
            return [EntitySpan(POINTS_BACK_ENTITY, Status.PRESENT.value, match.start(), match.end())]
    return []


def sight_lost_behind_a_shut_eye(mentions: list[Mention], text: str) -> list[Mention]:
    """ "my eye clamps shut and I can't see out of it", "both eyes slam shut and I'm blind for a few seconds": sight
    lost in the sentence that tells of a spasm forcing the eye shut is the spasm getting in the way of seeing
    (function_impact), not a loss of vision (docs/clinical-design.md). A sentence that tells of blurred or double sight
    keeps its loss of vision."""
    shut_in = {
        mention.sentence
        for mention in mentions
        if mention.target.code == "eye_closure" and mention.status is Status.PRESENT
    }

    denied = [mention for mention in mentions if mention.status is Status.ABSENT]

    def tells_distorted_sight(sentence: tuple[int, int]) -> bool:
        # what the sentence denies ("nothing double", "no blurring or double vision") tells of no distorted sight
        told = list(text[sentence[0] : sentence[1]])
        for other in denied:
            for index in range(max(other.start, sentence[0]), min(other.end, sentence[1])):
                told[index - sentence[0]] = " "
        said = "".join(told)
        return any(
            not has_negation_cue(words_of(said[max(0, match.start() - NEGATION_REACH) : match.start()]))
            for match in DISTORTED_SIGHT.finditer(said)
        )

    def behind_a_shut_eye(mention: Mention) -> bool:
        start, end = mention.sentence
        # a bare "I can't see" beside a shutting word names no eye: "when it clamps I can't see out of that eye"
        shut = mention.sentence in shut_in or (
            mention.target.kind == GENERIC and SHUTTING_WORDS.search(text, start, end) is not None
        )
        return shut and not tells_distorted_sight(mention.sentence)

    return [
        replace(mention, target=replace(mention.target, code="function_impact"))
        if mention.target.code == "vision_loss"
        and mention.status is Status.PRESENT
        and behind_a_shut_eye(mention)
        else mention
        for mention in mentions
    ]


def decide_findings(mentions: list[Mention]) -> tuple[dict[str, Status], dict[str, tuple[int, int]]]:
    """Per code: present if any mention says present (never under-triage), else absent if any says absent."""
    findings: dict[str, Status] = {}
    spans: dict[str, tuple[int, int]] = {}
    for mention in mentions:
        if mention.status is None or mention.target.kind in NOT_FINDINGS:
            continue
        code = mention.target.code
        if findings.get(code) is not Status.PRESENT:
            findings[code] = mention.status
            spans[code] = (mention.start, mention.end)
    return findings, spans


def side_entities(face_side: str | None, places: list[Mention], text_length: int) -> list[EntitySpan]:
    if face_side is None:
        return []
    sides = [mention for mention in places if mention.target.kind == SIDE]
    start, end = (sides[0].start, sides[-1].end) if sides else (0, text_length)
    return [EntitySpan("face_side", face_side, start, end)]


def vague_sensation_entities(mentions: list[Mention]) -> list[EntitySpan]:
    """A vague feeling said to be there, on words that no sign's phrase reads ("not painful, just feels odd" keeps it).
    An onset is no sign: "something weird just happened" is still a feeling nobody named."""
    signs = [
        mention
        for mention in mentions
        if mention.target.kind not in NOT_FINDINGS
        and mention.status is not None
        and mention.target.code != ONSET_CODE
    ]
    vague = [
        mention
        for mention in mentions
        if mention.target.kind == VAGUE
        and mention.status is Status.PRESENT
        and not any(sign.start < mention.end and mention.start < sign.end for sign in signs)
    ]
    return [EntitySpan(VAGUE_SENSATION, Status.PRESENT.value, vague[0].start, vague[0].end)] if vague else []


def denials_a_body_part_contradicts(
    findings: dict[str, Status],
    finding_spans: Mapping[str, tuple[int, int]],
    body_parts: list[BodyMention],
    text: str,
) -> dict[str, Status]:
    """A denial that the message contradicts by the sign's body part is no denial: "she's not slurring but the words
    are wrong" (the body part set against the denial, and told of as not well) or "my arm is fine now" (told as recovered:
    not well earlier). The sign is left unread, and the body part makes it a suspicion to ask about
    (bot.nlu.body_mentions)."""

    def contradicts(mention: BodyMention) -> bool:
        if findings.get(mention.code) is not Status.ABSENT:
            return False
        if mention.recovered:
            return True
        _, denial_end = finding_spans[mention.code]
        set_against = (
            mention.start >= denial_end and CONTRAST.search(text, denial_end, mention.start) is not None
        )
        singled_out = SINGLED_OUT.search(text, 0, mention.start) is not None
        return (set_against or singled_out) and told_of_as_unwell(text, mention)

    contradicted = {mention.code for mention in body_parts if contradicts(mention)}
    return {code: status for code, status in findings.items() if code not in contradicted}


def suspected_sign_entities(
    text: str, body_parts: list[BodyMention], findings: Mapping[str, Status]
) -> list[EntitySpan]:
    return [
        EntitySpan(SUSPECTED_SIGN_ENTITY, code, start, end)
        for code, (start, end) in suspected_signs(text, body_parts, findings).items()
    ]


def duration_entities(duration: DurationReading) -> list[EntitySpan]:
    value = duration.entity_value
    if value is None or duration.span is None:
        return []
    role = CORRECTION_ROLE if duration.correction else None
    return [EntitySpan("duration_days", value, *duration.span, role=role)]
