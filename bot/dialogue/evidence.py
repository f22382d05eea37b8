"""What the conversation knows: findings gathered across all its messages, each with where it came from.

One message is read at a time by the NLU; this model decides what a message may change in what was said before
(the merge rules below). Rasa slots only mirror it: no slot mapping can replace the conversation's findings with
one message's. Each change is kept as a `Piece` saying what was learnt, from which kind of message (a
description, the answer to a named question, a correction), so that an assessment can be traced to the words it
rests on. Pure Python over plain values; the custom actions store it in the `evidence` slot as JSON.

Merge rules (a later message changes a finding only when it speaks of that same finding):
- a sign said to be present stays present unless the person corrects it ("actually it isn't getting worse"): a
  later plain denial of a sign already described is more likely a slip than a retraction, and keeping the sign
  can only raise the level;
- places add up ("cheek and lower lid", then "mainly the lid now" is still both); sides add up to "both";
- a longer duration of the twitch replaces a shorter one; a shorter one replaces it only as a correction ("sorry,
  I meant 6 days, not 6 weeks"): "this bout started yesterday" after "on and off for a month" is still a month;
- a correction replaces what it names, and only that.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from enum import Enum
from typing import Any

from bot.intents import POINTS_BACK_ENTITY, SUSPECTED_SIGN_ENTITY
from bot.triage.findings import FACE_SIDES, FINDING_CODES, LOCATIONS, ONSET_CODE, Findings, Status

DURATION_ENTITY = "duration_days"
LOCATION_ENTITY = "location"
SIDE_ENTITY = "face_side"
VAGUE_SENSATION_ENTITY = "vague_sensation"
# Rasa's entity role that the NLU gives a value the person corrects ("I meant 6 days, not 6 weeks").
CORRECTION_ROLE = "correction"
CORRECT_INTENT = "correct"
# A feeling in the face that matches no sign is a reason to ask about these, never a "no" (docs/clinical-design.md).
SIGNS_A_VAGUE_FEELING_MAY_BE = ("numbness_tingling", "facial_weakness")
# The signs whose onset (sudden, or over days) the triage asks about: an onset told before any of them times the twitch.
SIGNS_AN_ONSET_TIMES = ("facial_weakness", "limb_weakness", "speech_difficulty")


class Source(str, Enum):
    """The kind of message a piece of evidence came from."""

    DESCRIPTION = "description"  # said unprompted: the opening, or anything volunteered later
    ANSWER = "answer"  # the answer to the question named in the piece
    CORRECTION = "correction"  # the person corrected something said before


@dataclass(frozen=True)
class MessageReading:
    """What one message says, as the NLU read it (entities and intent), before any merging."""

    statuses: Mapping[str, Status] = field(default_factory=dict)
    locations: frozenset[str] = frozenset()
    face_sides: tuple[str, ...] = ()
    duration_days: float | None = None
    corrects_duration: bool = False
    is_correction: bool = False
    vague_sensation: bool = False
    suspected: frozenset[str] = frozenset()
    message_id: str | None = None
    # "just the ear I mentioned": yes to something told before, in words that name no sign
    points_back: bool = False

    def names_as_present(self, codes: Iterable[str]) -> bool:
        """Whether the message reads any of these findings as present."""
        return any(self.statuses.get(code) is Status.PRESENT for code in codes)

    @property
    def signs_a_vague_feeling_may_be(self) -> frozenset[str]:
        return frozenset(SIGNS_A_VAGUE_FEELING_MAY_BE) if self.vague_sensation else frozenset()

    @property
    def signs_to_ask_about(self) -> frozenset[str]:
        """Signs this message gives a reason to ask about without saying them: suspected by the learned
        reader, or what a vague feeling in the face may be."""
        return self.suspected | self.signs_a_vague_feeling_may_be

    @property
    def says_anything(self) -> bool:
        return bool(
            self.statuses
            or self.locations
            or self.face_sides
            or self.duration_days is not None
            or self.vague_sensation
            or self.suspected
        )


def _days(value: Any) -> float | None:
    try:
        days = float(value)
    except (TypeError, ValueError):
        return None  # "unknown": a vague "ages" is no duration
    return days if days >= 0 else None


def read_message(
    entities: Sequence[Mapping[str, Any]], intent: str | None = None, message_id: str | None = None
) -> MessageReading:
    """The reading of one message from its NLU entities (Rasa's entity dicts) and intent name."""
    statuses: dict[str, Status] = {}
    locations: set[str] = set()
    sides: list[str] = []
    durations: list[tuple[float, bool]] = []
    vague = False
    points_back = False
    suspected: set[str] = set()
    for entity in entities:
        name, value = entity.get("entity"), entity.get("value")
        if name in FINDING_CODES and value in (Status.PRESENT.value, Status.ABSENT.value):
            # Within one message, present wins over absent (the NLU already does the same): never under-triage.
            if statuses.get(name) is not Status.PRESENT:
                statuses[name] = Status(value)
        elif name == LOCATION_ENTITY and value in LOCATIONS:
            locations.add(value)
        elif name == SIDE_ENTITY and value in FACE_SIDES:
            sides.append(value)
        elif name == DURATION_ENTITY and (days := _days(value)) is not None:
            durations.append((days, entity.get("role") == CORRECTION_ROLE))
        elif name == VAGUE_SENSATION_ENTITY:
            vague = True
        elif name == POINTS_BACK_ENTITY:
            points_back = True
        elif name == SUSPECTED_SIGN_ENTITY and value in FINDING_CODES:
            suspected.add(value)
    corrected = [days for days, is_correction in durations if is_correction]
    duration = corrected[-1] if corrected else max((days for days, _ in durations), default=None)
    return MessageReading(
        statuses=statuses,
        locations=frozenset(locations),
        face_sides=tuple(dict.fromkeys(sides)),
        duration_days=duration,
        corrects_duration=bool(corrected),
        is_correction=intent == CORRECT_INTENT,
        vague_sensation=vague,
        suspected=frozenset(suspected),
        message_id=message_id,
        points_back=points_back,
    )


@dataclass(frozen=True)
class Piece:
    """One thing learnt: `about` is a finding code, "locations", "face_side", "duration_days" or "asked"."""

    about: str
    value: Any
    source: Source
    question: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "about": self.about,
            "value": self.value,
            "source": self.source.value,
            "question": self.question,
        }

    @classmethod
    def from_json(cls, raw: Mapping[str, Any]) -> Piece:
        return cls(str(raw["about"]), raw.get("value"), Source(raw["source"]), raw.get("question"))


def _merged_side(known: str | None, said: Sequence[str], replaces: bool) -> str | None:
    if not said:
        return known
    sides = set(said) if replaces or known is None else {known, *said}
    return "both" if len(sides) > 1 or "both" in sides else sides.pop()


def _merged_duration(known: float | None, said: float | None, replaces: bool) -> float | None:
    if said is None:
        return known
    if known is None or replaces or said > known:
        return said
    return known


def _merged_status(known: Status, said: Status, replaces: bool) -> Status:
    if known is Status.UNKNOWN or replaces or said is Status.PRESENT:
        return said
    return known


def _onset_times_a_sign(findings: Findings, reading: MessageReading) -> bool:
    """Whether the message, or the conversation before it, tells of a sign whose onset the triage asks about."""
    told = {code for code, status in reading.statuses.items() if status is Status.PRESENT} | reading.suspected
    known = {code for code in SIGNS_AN_ONSET_TIMES if findings.is_present(code)} | findings.suspected
    listed = {code for signs in findings.at_least_one_of for code in signs}
    return bool((told | known | listed) & set(SIGNS_AN_ONSET_TIMES))


def merge_message(findings: Findings, reading: MessageReading) -> Findings:
    """The findings after one message, by the merge rules of this module's docstring."""
    statuses = dict(findings.statuses)
    for code, said in reading.statuses.items():
        if code == ONSET_CODE and not _onset_times_a_sign(findings, reading):
            # "it's come and gone for 10 days, this bit started an hour ago", before any weakness was told: the
            # time is the twitch's. Leaving the onset unknown never lowers a level (unknown asks, or is the emergency).
            continue
        statuses[code] = _merged_status(findings.status(code), said, reading.is_correction)
    # A new feeling that names no sign ("something new is going on with my face") after numbness and weakness were
    # denied may be either of them, new since: they are open again, to be asked (docs/clinical-design.md: never a "no").
    # So is a sign denied earlier whose body part a later message tells of as not well ("no headache", then "and the
    # head, which is the bad one"): the later words are the news.
    reopened = {
        code
        for code in reading.signs_a_vague_feeling_may_be | reading.suspected
        if findings.is_absent(code) and code not in reading.statuses
    }
    for code in reopened:
        del statuses[code]
    corrects_places = reading.is_correction and bool(reading.locations)
    # A suspicion about a sign the person has already spoken of would only ask again what they said.
    suspected = findings.suspected | {code for code in reading.signs_to_ask_about if code not in statuses}
    return replace(
        findings,
        statuses=statuses,
        # asked again: the answer given before was about a time before the news
        asked=findings.asked - reopened,
        locations=reading.locations if corrects_places else findings.locations | reading.locations,
        face_side=_merged_side(findings.face_side, reading.face_sides, reading.is_correction),
        duration_days=_merged_duration(
            findings.duration_days, reading.duration_days, reading.is_correction or reading.corrects_duration
        ),
        suspected=frozenset(suspected),
    )


def changes_between(before: Findings, after: Findings) -> list[tuple[str, Any]]:
    """(about, new value) for everything that differs: the pieces a change adds to the evidence."""
    changes: list[tuple[str, Any]] = [
        (code, after.status(code).value)
        for code in FINDING_CODES
        if after.status(code) != before.status(code)
    ]
    if after.locations != before.locations:
        changes.append(("locations", sorted(after.locations)))
    if after.face_side != before.face_side:
        changes.append(("face_side", after.face_side))
    if after.duration_days != before.duration_days:
        changes.append(("duration_days", after.duration_days))
    if after.asked != before.asked:
        changes.append(("asked", sorted(after.asked - before.asked)))
    if after.at_least_one_of != before.at_least_one_of:
        changes.append(("at_least_one_of", [sorted(signs) for signs in after.at_least_one_of]))
    if after.suspected != before.suspected:
        changes.append(("suspected", sorted(after.suspected)))
    if after.reported_emergency != before.reported_emergency:
        changes.append(("reported_emergency", after.reported_emergency))
    return changes


@dataclass(frozen=True)
class Evidence:
    """The conversation's findings, the pieces they were built from, and which messages have been read."""

    findings: Findings = field(default_factory=Findings)
    pieces: tuple[Piece, ...] = ()
    read_messages: tuple[str, ...] = ()

    def has_read(self, message_id: str | None) -> bool:
        return message_id is not None and message_id in self.read_messages

    def add_message(self, reading: MessageReading, question: str | None = None) -> Evidence:
        """Merge what a message says (once: reading the same message again changes nothing)."""
        if self.has_read(reading.message_id):
            return self
        if reading.is_correction or reading.corrects_duration:
            source = Source.CORRECTION
        else:
            source = Source.ANSWER if question else Source.DESCRIPTION
        updated = self.record(merge_message(self.findings, reading), source, question)
        if reading.message_id is None:
            return updated
        return replace(updated, read_messages=(*updated.read_messages, reading.message_id))

    def record(self, findings: Findings, source: Source, question: str | None = None) -> Evidence:
        """Take `findings` as what is now known, keeping a piece for each change."""
        pieces = tuple(
            Piece(about, value, source, question) for about, value in changes_between(self.findings, findings)
        )
        return replace(self, findings=findings, pieces=self.pieces + pieces)

    def to_json(self) -> dict[str, Any]:
        findings = self.findings
        return {
            "statuses": {code: status.value for code, status in findings.statuses.items()},
            "face_side": findings.face_side,
            "locations": sorted(findings.locations),
            "duration_days": findings.duration_days,
            "asked": sorted(findings.asked),
            "at_least_one_of": sorted(sorted(signs) for signs in findings.at_least_one_of),
            "suspected": sorted(findings.suspected),
            "reported_emergency": findings.reported_emergency,
            "pieces": [piece.to_json() for piece in self.pieces],
            "read_messages": list(self.read_messages),
        }

    @classmethod
    def from_json(cls, raw: Mapping[str, Any] | None) -> Evidence:
        if not raw:
            return cls()
        findings = Findings.from_values(
            raw.get("statuses") or {},
            face_side=raw.get("face_side"),
            locations=raw.get("locations") or (),
            duration_days=raw.get("duration_days"),
            asked=raw.get("asked") or (),
            at_least_one_of=raw.get("at_least_one_of") or (),
            suspected=raw.get("suspected") or (),
        )
        findings = replace(findings, reported_emergency=bool(raw.get("reported_emergency")))
        pieces = tuple(Piece.from_json(piece) for piece in raw.get("pieces") or ())
        return cls(findings, pieces, tuple(raw.get("read_messages") or ()))
