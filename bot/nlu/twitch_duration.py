"""Which of the durations a message states is the twitch's: not one in a clause about another symptom, a trigger, a
medicine, an old illness or another person (bot.nlu.duration finds every duration)."""

from __future__ import annotations

import re
from datetime import datetime

from bot.nlu.duration import CORRECTION_CUE, DurationReading, chosen, duration_readings
from bot.nlu.kinds import PLACE_KINDS
from bot.nlu.readings import Mention
from bot.nlu.resources import load
from bot.nlu.vocabulary import FIRST_PERSON, OTHER_PEOPLE, words_of
from bot.triage.findings import TWITCHING_CODE, Status

PHRASES = load("twitch_duration")
WORDS = {name: frozenset(words) for name, words in PHRASES["words"].items()}

# The twitch's own findings (docs/clinical-design.md, "pattern"): a time said with them is the twitch's.
TWITCH_PATTERN_CODES = frozenset(
    {"twitching", "spread", "worsening", "eye_closure", "function_impact", "linked_movements"}
)

CLAUSE_BOUNDARY = re.compile("|".join(PHRASES["clause_boundary"]), re.IGNORECASE)
# Whose a clause's time is (see whose_clause).
THE_TWITCH, SOMETHING_ELSE = "the twitch", "something else"
# Another person named in a clause: "my sister had Bell's palsy years back", "dad's been on them for years".
OTHER_PERSON_WORDS = re.compile(
    r"\b(?:" + "|".join(re.escape(word) for word in sorted(OTHER_PEOPLE)) + r")\b",
    re.IGNORECASE,
)


def twitch_duration(text: str, mentions: list[Mention], now: datetime) -> DurationReading:
    """The twitch's duration (docs/clinical-design.md): of the durations said, those not said of something else, the
    corrected one or else the longest."""
    readings = [
        reading
        for reading in duration_readings(text, now)
        if reading.span is None or not said_of_something_else(text, reading.span, mentions)
    ]
    reading = chosen(text, readings)
    if reading.span is not None and times_only_this_spell(text, reading.span, mentions):
        # how long the twitch has come and gone is still to be asked: the current spell is no more than its least
        return DurationReading(days=None, vague=True, span=reading.span)
    return reading


def times_only_this_spell(text: str, span: tuple[int, int], mentions: list[Mention]) -> bool:
    """ "this bout started Monday", "at it again since the weekend": a time in the clause of the latest spell of a
    twitch that has come before, which says nothing of how long it has been coming and going. So is a time told
    right after a clause saying the twitch is back ("my lid's started twitching again, this lot began 3 days ago")."""
    clause = clause_around(text, span)
    words = set(words_in(text, clause))
    if words & (WORDS["current_spell"] | WORDS["twitch_back_again"]):
        return True
    if clause[0] == 0:
        return False
    before = clause_before(text, clause[0])
    return bool(set(words_in(text, before)) & WORDS["twitch_back_again"]) and (
        whose_clause(text, before, mentions, denials_count=False) == THE_TWITCH
    )


def said_of_something_else(text: str, span: tuple[int, int], mentions: list[Mention]) -> bool:
    """A time in a clause about another symptom, a trigger, a medicine, an old illness or injury, or another person,
    and not about the twitch: "my arm went weak 10 minutes ago", "my sister had Bell's palsy years back", "I've taken
    the same tablets for years". A clause that names the twitch, or nothing else ("it's been 3 weeks"), is the twitch's;
    one that only goes on with the clause before it ("..., have done for years") is that clause's."""
    clause = clause_around(text, span)
    whose = whose_clause(text, clause, mentions, denials_count=True)
    if whose is None and tells_of_the_persons_own_doings_or_things(text, clause, span):
        return True
    if whose == THE_TWITCH and another_persons_twitch_beside_ones_own(text, clause, mentions):
        return True
    while whose is None and clause[0] > 0 and continues_the_clause_before(text, clause, span):
        clause = clause_before(text, clause[0])
        # a denied sign has no time of its own: "no numbness, been like this 3 weeks" is the twitch's
        whose = whose_clause(text, clause, mentions, denials_count=False)
    return whose == SOMETHING_ELSE


def whose_clause(
    text: str, clause: tuple[int, int], mentions: list[Mention], denials_count: bool
) -> str | None:
    """THE_TWITCH when the clause says the twitch is there, SOMETHING_ELSE when it names another finding, medicine,
    illness or person, None when it names neither. The twitch's own findings said not to be there or unchanged ("it
    hasn't got worse") name nothing else."""
    start, end = clause
    said = [
        mention
        for mention in mentions
        # a phrase begun in the clause before counts too: "is an inhaler a medicine? I started a new one 10 days ago"
        if mention.start < end and mention.end > start and mention.target.kind not in PLACE_KINDS
    ]
    if any(
        mention.target.code in TWITCH_PATTERN_CODES and mention.status is Status.PRESENT for mention in said
    ):
        return THE_TWITCH
    others = [
        mention
        for mention in said
        if mention.target.code not in TWITCH_PATTERN_CODES
        and (denials_count or mention.status is not Status.ABSENT)
    ]
    return SOMETHING_ELSE if others or OTHER_PERSON_WORDS.search(text[start:end]) else None


def another_persons_twitch_beside_ones_own(
    text: str, clause: tuple[int, int], mentions: list[Mention]
) -> bool:
    """ "I've got a twitch in my lower lid. My husband had an eye twitch for 2 weeks last spring": a twitch of another
    person's, told beside the person's own, is timed for that person. The own twitch may be told with no subject at all
    before the other person comes in ("got a twitch in the bottom lid. my husband had one for 2 weeks"): a chat is the
    writer's. Typed for someone else ("my husband has had an eye twitch for 2 weeks"), with no twitch of the writer's
    own, it is the twitch asked about."""
    if not OTHER_PERSON_WORDS.search(text[clause[0] : clause[1]]):
        return False

    def the_writers(mention: Mention) -> bool:
        own_clause = clause_around(text, (mention.start, mention.end))
        told_first_of_nobody = mention.start < clause[0] and not OTHER_PERSON_WORDS.search(
            text[: own_clause[1]]
        )
        return is_the_writers_own(text, own_clause) or told_first_of_nobody

    return any(
        mention.target.code == TWITCHING_CODE
        and mention.status is Status.PRESENT
        and not clause[0] <= mention.start < clause[1]
        and the_writers(mention)
        for mention in mentions
    )


def is_the_writers_own(text: str, clause: tuple[int, int]) -> bool:
    """The clause speaks of the writer ("I've got", "my lid") and of nobody else."""
    said = text[clause[0] : clause[1]]
    return bool(with_bare_forms(words_in(text, clause)) & FIRST_PERSON) and not OTHER_PERSON_WORDS.search(
        said
    )


def tells_of_the_persons_own_doings_or_things(
    text: str, clause: tuple[int, int], span: tuple[int, int]
) -> bool:
    """ "I had a full health check 3 months ago", "I turned 40 last month", "my lower back has bugged me for 3 months",
    "forgot to mention that I game for hours": a clause whose subject is the person or something of theirs, naming
    neither the twitch, its place, nor anything that stands for it ("I've had it for 3 weeks", "my lid has been at it a
    month" are the twitch's), times something else. A clause that opens with an onset word ("since I started the new job
    2 months ago") is not one: it may date the twitch; nor is the person's estimate ("I'd say for about 3 weeks")."""
    if CORRECTION_CUE.search(text, clause[0], clause[1]):
        return False  # "I meant 5 weeks": the person correcting what they said of the twitch
    words = words_in(text, clause)
    while words and words[0] in WORDS["clause_fillers"]:
        words = words[1:]
    before_the_time = words_in(text, (clause[0], span[0]))
    subjects = [i for i, word in enumerate(before_the_time) if word in WORDS["first_person_subjects"]]
    if subjects:
        subject = subjects[-1]
        if set(before_the_time[subject + 1 : subject + 2]) & WORDS["estimating_verbs"]:
            return False  # "I'd say for about 3 weeks": the person's estimate of the twitch's time
        if subject > 0 and before_the_time[subject - 1] == "that":
            # "forgot to say that I work nights for years": the clause after "that" has the person as subject
            words = before_the_time[subject:] + words_in(text, (span[0], clause[1]))
    said = {*words, *with_bare_forms(words)}
    if not words or said & WORDS["words_for_the_twitch"]:
        return False
    if words[0] in WORDS["first_person_possessives"]:
        return not said & WORDS["places_of_the_twitch"]
    return words[0] in WORDS["first_person_subjects"]


def continues_the_clause_before(text: str, clause: tuple[int, int], span: tuple[int, int]) -> bool:
    """The clause has no subject of its own: it opens with a verb ("have done for years", "been on them since
    2015", "had it for ages"), or it is only the time ("ages ago", "for years now")."""
    words = words_in(text, clause)
    rest = words_in(text, (clause[0], span[0])) + words_in(text, (span[1], clause[1]))
    return bool(words) and (
        words[0] in WORDS["continuing_openers"] or all(word in WORDS["time_fillers"] for word in rest)
    )


def words_in(text: str, span: tuple[int, int]) -> list[str]:
    """The lower-case words of a part of the message, apostrophes kept ("i've", "eye's")."""
    return words_of(text[span[0] : span[1]])


def with_bare_forms(words: list[str]) -> set[str]:
    """Each word without what follows its apostrophe ("eye's" -> "eye", "i've" -> "i")."""
    return {word.split("'")[0] for word in words}


def clause_around(text: str, span: tuple[int, int]) -> tuple[int, int]:
    """The clause holding the span: between sentence marks, commas, or a joining word before a new subject."""
    starts = [match.end() for match in CLAUSE_BOUNDARY.finditer(text, 0, span[0])]
    following = CLAUSE_BOUNDARY.search(text, span[1])
    return (starts[-1] if starts else 0, following.start() if following else len(text))


def clause_before(text: str, start: int) -> tuple[int, int]:
    """The clause that ends where the clause starting at `start` begins."""
    boundaries = [match for match in CLAUSE_BOUNDARY.finditer(text, 0, start) if match.end() <= start]
    end = boundaries[-1].start() if boundaries else 0
    return clause_around(text, (end, end))
