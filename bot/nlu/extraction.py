"""Free text in, DESIGN.md section 3 findings out: the clinical findings extractor, without Rasa.

The spaCy pipeline is built once per process (`ClinicalExtractor.shared()`) from `spacy.blank("en")`:
sentencizer -> spelling normaliser (bot.nlu.spelling) -> phrase targets (bot.nlu.patterns) -> medspaCy ConText
(bot.nlu.context_rules). The extractor then reads each target with its context: negated => absent; hypothetical,
worried-about, asked-about, historical or a relative's illness => nothing; otherwise present. It adds what ConText
cannot see: words caught inside a phrase's own gap ("my face will start drooping", "my eye used to close"), a
phrase that is part of another finding's denial or of a past illness's story, and a new statement after a comma or
"and" that a negation before it does not reach. When one message says both (a red flag mentioned twice, once
negated), present wins: the assistant must never under-triage.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from itertools import pairwise

import spacy
from medspacy.context import ConText
from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from bot.nlu import spelling  # noqa: F401  (registers the "lay_spelling" pipeline component)
from bot.nlu.context_rules import (
    AGAIN,
    DISCOUNTING,
    FAMILY,
    HISTORICAL,
    HYPOTHETICAL,
    NEGATED,
    RECENT,
    STROKE,
    TARGET_GROUP,
    context_rules,
)
from bot.nlu.duration import DurationReading, duration_readings, longest
from bot.nlu.pattern_language import compile_pattern
from bot.nlu.patterns import (
    FINDING_PATTERNS,
    LOCATION_PATTERNS,
    SHORT_REPLY_TOKENS,
    SIDE_PATTERNS,
    SIDE_WORDS,
    STROKE_WORDS,
)
from bot.triage.findings import HISTORY_CODES, RED_FLAG_CODES, Findings, Status

TARGETS = TARGET_GROUP
PRESENT, GENERIC, GENERIC_ABSENT, ABSENT = "present", "generic", "generic_absent", "absent"
MENTION, ANSWER, NEUTRAL = "mention", "answer", "neutral"
# Words in a reply short enough for a bare topic word to be the answer to the bot's question ("just my hearing").
SHORT_ANSWER_WORDS = 5
GENERIC_KINDS = (GENERIC, GENERIC_ABSENT)
# How specific the kinds of phrase that give way are; present and absent phrases are the most specific.
SPECIFICITY = {GENERIC: 0, GENERIC_ABSENT: 0, MENTION: 1, ANSWER: 1}
MOST_SPECIFIC = 2
# Phrases that say a finding is absent; a negation earlier in the sentence does not reverse them.
ABSENT_KINDS = (ABSENT, GENERIC_ABSENT)
LOCATION, SIDE = "location", "side"
PLACE_KINDS = (LOCATION, SIDE)
STROKE_TALK = "stroke_talk"
NEGATION_WORDS = frozenset({"not", "no", "never"})
# "that's right", "all right", "you're right", "not the left" are not answers naming a side.
NOT_A_SIDE_REPLY = NEGATION_WORDS | {"that", "all", "you", "quite", "exactly"}
# "it left", "I left": after a subject, "left" is a verb.
SUBJECTS = frozenset({"it", "i", "he", "she", "they", "we", "which", "who", "just"})
# Topics are entities only in questions ("can coffee cause this?"), not in descriptions that name them.
QUESTION_STARTS = frozenset(
    {
        "what",
        "why",
        "how",
        "can",
        "could",
        "does",
        "do",
        "is",
        "are",
        "should",
        "will",
        "would",
        "when",
        "where",
        "which",
        "who",
        "tell",
        "explain",
        "whats",
        "what's",
    }
)
# Twitch progression words that make a bare "gradually" or "an hour ago" about the twitch, not about weakness.
PROGRESSION_CODES = ("twitching", "spread", "worsening")
ONSET = "sudden_onset"
PAST_OR_OTHERS = frozenset({HISTORICAL, FAMILY})
# "but I never have", "though I have not", "but not now", "not any more".
DENIED_FOR_NOW = re.compile(
    r"\b(?:but|though|although|whereas) (?:i|me) (?:\S+ ){0,2}?(?:not|never|no)\b"
    r"|\bnot (?:now|anymore|any more|these days|nowadays|currently|at the moment|recently|lately|me)\b"
)
# Said of one's own past symptom: "the tingling was last year, nothing now", "... but that went away". Not of a
# relative's illness: "my dad had Bell's palsy but he recovered" says nothing of the person's own history.
GONE_NOW = re.compile(
    r"\b(?:nothing|none|gone|fine|ok|okay|normal|clear) (?:now|since|these days|anymore|any more)\b"
    r"|\b(?:went|gone|goes) away\b|\bcleared(?: up)?\b|\bresolved\b|\brecovered\b|\bgot better\b"
    r"|\b(?:not|never) (?:come|came|been) back\b|\bnot (?:returned|back|since)\b"
    r"|\b(?:it|that|they|which) (?:has |have |had )?stopped\b"
)
# Words inside a phrase's gap that put the whole phrase in the future or the past, which ConText cannot see (it drops
# a modifier that overlaps a target): "my face will start drooping", "my face might droop", "my eye used to close
# when I smiled". Not "my face might be drooping" (an uncertain sign, which counts) nor "will not close" (a sign).
FUTURE_WORDS = frozenset({"will", "might", "may"})
NOT_FUTURE_AFTER = frozenset({"be", "have", "been", "not", "never"})
# A finding with "now" right after it is current, whatever past time comes before: "broke my nose years back, eyelid
# twitches now".
NOW_WORDS = frozenset({"now", "currently", "nowadays"})
NOW_REACH = 2
# "won't stop drooping", "not only twitching": a negation inside a phrase that denies nothing.
NOT_A_DENIAL_AFTER = frozenset({"stop", "stopped", "stopping", "only", "just", "sure", "doubt"})
# What separates a new statement from a denial before it (see statement_after_comma).
STATEMENT_SEPARATORS = frozenset({",", ";", "and", "-"})
# Verbs that make a phrase a statement of its own ("face is drooping", "arm feels heavy").
STATEMENT_VERBS = frozenset(
    [
        "is",
        "'s",
        "are",
        "am",
        "was",
        "were",
        "feels",
        "feel",
        "felt",
        "looks",
        "look",
        "seems",
        "went",
        "gone",
        "has",
        "have",
        "keeps",
        "keep",
        "started",
        "starting",
    ]
)
# "my face drooped when I had Bell's palsy", "she had a droopy face after her Bell's palsy": a sign told in the past
# tense as part of a past illness named right after it is that illness's story, not a current finding. The present
# tense ("my face is still weak after my Bell's palsy") is a current sign.
PAST_ILLNESS_LINKS = frozenset({"when", "after", "during", "with", "from"})
# Only Bell's palsy: a face that drooped after a head injury or a stroke may be drooping still.
PAST_ILLNESS_CODES = frozenset({"bells_palsy_history"})
PAST_ILLNESS_REACH = 4
PAST_TENSE_WORDS = frozenset(
    {"had", "was", "were", "went", "got", "became", "drooped", "dropped", "sagged", "fell"}
)
PAST_TENSE_REACH = 3
# Words that make the sign recent, whatever the tense: "my face drooped after Bell's palsy last week".
STILL_NOW = frozenset(
    [
        "now",
        "still",
        "currently",
        "today",
        "yesterday",
        "tonight",
        "morning",
        "night",
        "week",
        "days",
        "hours",
        "minutes",
        "recently",
        "just",
        "again",
    ]
)
# A finding inside a longer phrase for another finding gives way to it: "my eye doesn't close when I smile" denies
# a linked movement, not a weakness; "I can close my eye fully" is the eye closing at will, not forced shut.
GIVES_WAY_INSIDE = {
    "facial_weakness": frozenset({"linked_movements"}),
    "eye_closure": frozenset({"facial_weakness", "linked_movements"}),
}
# Closing words shared with a weakness phrase are about closing at will: "I can't close my right eye fully".
# and a closing in a linked movement is not the spasm forcing the eye shut: "when I smile my eye closes by itself".
GIVES_WAY_OVERLAPPING = {"eye_closure": frozenset({"facial_weakness", "linked_movements"})}
# "my eye doesn't close properly when I smile" still says the eye does not close fully: weakness, kept.
INCOMPLETE_CLOSING = frozenset({"properly", "fully", "completely", "all"})
INCOMPLETE_REACH = 2
# How far before an "or" a negation still covers what comes after it ("isn't weak or droopy").
COORDINATED_REACH = 3
# Longest piece of a message analysed at once (see `chunks`).
CHUNK_CHARS = 400
# Eye words inside these phrases are not where the twitch is ("eye strain", "can't see out of my eye").
NOT_A_TWITCH_PLACE = ("eye_strain", "vision_loss")


@dataclass(frozen=True)
class EntitySpan:
    """One entity of the NLU contract: name (finding code, face_side, location, duration_days, topic), value, span."""

    entity: str
    value: str
    start: int
    end: int


@dataclass(frozen=True)
class Extraction:
    findings: Mapping[str, Status]
    face_side: str | None
    locations: tuple[str, ...]
    duration: DurationReading
    topics: tuple[str, ...]
    entities: tuple[EntitySpan, ...]
    # The message talks of a stroke, and only of a relative's or a past one ("my aunt had a stroke").
    stroke_only_past_or_others: bool = False

    def to_findings(self) -> Findings:
        return Findings(
            statuses=dict(self.findings),
            face_side=self.face_side,
            locations=frozenset(self.locations),
            duration_days=self.duration.days,
        )


@dataclass(frozen=True)
class Target:
    """What a pattern key stands for: the kind of phrase, the code or place it names, and whether the
    pattern itself contains a negation word ("can not close my eye" is a sign, not a negation)."""

    kind: str
    code: str
    negation_in_pattern: bool
    # The words the pattern itself names, so that a "will" it asks for is not read as talk of the future.
    words: frozenset[str] = frozenset()

    @property
    def label(self) -> str:
        return f"{self.kind}:{self.code}"


def target_key(kind: str, code: str, index: int) -> str:
    return f"{kind}:{code}:{index}"


def pattern_has_negation(notation: str) -> bool:
    return bool(pattern_words(notation) & NEGATION_WORDS)


def pattern_words(notation: str) -> frozenset[str]:
    return frozenset(word for token in notation.split() for word in token.rstrip("?").split("|"))


def all_patterns() -> Iterable[tuple[Target, str, int]]:
    for code, patterns in FINDING_PATTERNS.items():
        for kind in (PRESENT, GENERIC, GENERIC_ABSENT, ABSENT, MENTION, ANSWER, NEUTRAL):
            for index, notation in enumerate(getattr(patterns, kind)):
                yield (
                    Target(kind, code, pattern_has_negation(notation), pattern_words(notation)),
                    notation,
                    index,
                )
    for kind, table in (
        (LOCATION, LOCATION_PATTERNS),
        (SIDE, SIDE_PATTERNS),
        (STROKE_TALK, {STROKE: STROKE_WORDS}),
    ):
        for value, notations in table.items():
            for index, notation in enumerate(notations):
                yield Target(kind, value, pattern_has_negation(notation)), notation, index


class FindingTargets:
    """Pipeline component: marks every phrase that names a finding, place or side as a ConText target."""

    def __init__(self, nlp: Language) -> None:
        self.matcher = Matcher(nlp.vocab)
        self.targets: dict[int, Target] = {}
        for target, notation, index in all_patterns():
            key = target_key(target.kind, target.code, index)
            self.matcher.add(key, [compile_pattern(notation)])
            self.targets[nlp.vocab.strings[key]] = target

    def __call__(self, doc: Doc) -> Doc:
        found = [
            (self.targets[key], Span(doc, start, end, label=self.targets[key].label))
            for key, start, end in self.matcher(doc)
        ]
        chosen = resolve_overlaps(found)
        doc.spans[TARGETS] = [span for _, span in chosen]
        doc.user_data[TARGETS] = {(span.start, span.end, span.label_): target for target, span in chosen}
        return doc


@Language.factory(TARGETS)
def make_finding_targets(nlp: Language, name: str) -> FindingTargets:
    return FindingTargets(nlp)


def overlaps(one: Span, other: Span) -> bool:
    return one.start < other.end and other.start < one.end


def longest_per_group(
    found: list[tuple[Target, Span]], group_of: dict[str, str]
) -> list[tuple[Target, Span]]:
    """Within each group (a finding code, or all places of one kind) keep the longest of overlapping matches."""
    groups: dict[str, list[tuple[Target, Span]]] = {}
    for target, span in found:
        groups.setdefault(group_of.get(target.kind, target.code), []).append((target, span))
    kept: list[tuple[Target, Span]] = []
    for members in groups.values():
        by_span = {(span.start, span.end, span.label_): (target, span) for target, span in members}
        kept += [
            by_span[(span.start, span.end, span.label_)] for span in filter_spans([s for _, s in members])
        ]
    return kept


def resolve_overlaps(found: list[tuple[Target, Span]]) -> list[tuple[Target, Span]]:
    kept = longest_per_group(found, group_of={LOCATION: LOCATION, SIDE: SIDE})
    findings = [(target, span) for target, span in kept if target.kind not in PLACE_KINDS]
    codes = {target.code for target, _ in findings if target.kind in (PRESENT, GENERIC)}
    return [
        (target, span)
        for target, span in kept
        if not (target.kind in SPECIFICITY and yields_to_more_specific(target, span, findings))
        and not (target.code == ONSET and target.kind in GENERIC_KINDS and codes & set(PROGRESSION_CODES))
        and not (target.kind == LOCATION and inside_code(span, findings, NOT_A_TWITCH_PLACE))
        and not gives_way_inside(target, span, findings)
    ]


def denies_closing_only(span: Span) -> bool:
    """ "my eye doesn't close (when I smile)" denies a linked movement; "doesn't close properly" and "only one side of
    my mouth moves" say the face is weak, whatever the movement."""
    said_of_closing = span.doc[span.start : span.end + INCOMPLETE_REACH]
    return any(token.norm_ in NEGATION_WORDS for token in span) and not any(
        token.norm_ in INCOMPLETE_CLOSING for token in said_of_closing
    )


def gives_way_inside(target: Target, span: Span, findings: list[tuple[Target, Span]]) -> bool:
    """See GIVES_WAY_INSIDE and GIVES_WAY_OVERLAPPING: another finding's phrase reads these words better."""
    outer_codes = GIVES_WAY_INSIDE.get(target.code, frozenset())
    overlapping_codes = GIVES_WAY_OVERLAPPING.get(target.code, frozenset())
    if target.code == "facial_weakness" and not denies_closing_only(span):
        return False
    return any(
        (other.code in overlapping_codes and overlaps(span, other_span))
        or (
            other.code in outer_codes
            and other_span.start <= span.start
            and span.end <= other_span.end
            and len(other_span) > len(span)
        )
        for other, other_span in findings
    )


def yields_to_more_specific(target: Target, span: Span, findings: list[tuple[Target, Span]]) -> bool:
    """A bare word or a mention gives way to a more specific phrase for another finding on the same words:
    "my arm isn't weak" is about the arm, not the face. An onset phrase ("the drooping came on over days") times
    the sign it names; it does not replace it."""
    return any(
        other.code not in (target.code, ONSET)
        and SPECIFICITY.get(other.kind, MOST_SPECIFIC) > SPECIFICITY[target.kind]
        and overlaps(span, other_span)
        for other, other_span in findings
    )


def inside_code(span: Span, findings: list[tuple[Target, Span]], codes: tuple[str, ...]) -> bool:
    return any(target.code in codes and overlaps(span, other) for target, other in findings)


def build_pipeline() -> Language:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("lay_spelling")
    nlp.add_pipe(TARGETS, validate=False)  # postponed annotations defeat spaCy's config validation
    context: ConText = nlp.add_pipe(
        "medspacy_context",
        config={
            "rules": None,
            "input_span_type": "group",
            "span_group_name": TARGETS,
            "phrase_matcher_attr": "NORM",
            "prune_on_target_overlap": True,
            "span_attrs": None,
        },
    )
    context.add(context_rules(labels_by_code()))
    return nlp


def labels_by_code() -> dict[str, set[str]]:
    """Span labels per finding code, and all place labels under "place", for the ConText rule scopes."""
    labels: dict[str, set[str]] = {}
    for target, _, _ in all_patterns():
        group = "place" if target.kind in PLACE_KINDS else target.code
        labels.setdefault(group, set()).add(target.label)
    return labels


def topic_keywords() -> Mapping[str, tuple[str, ...]]:
    """The knowledge topics' keywords (bot.knowledge.topics, a teammate's module; empty until it exists)."""
    try:
        from bot.knowledge.topics import TOPIC_KEYWORDS
    except ImportError:
        return {}
    return TOPIC_KEYWORDS


class ClinicalExtractor:
    """Reads findings, face side, locations, duration and question topics from one message."""

    _shared: ClinicalExtractor | None = None

    def __init__(self) -> None:
        self.nlp = build_pipeline()
        self.topic_matcher = PhraseMatcher(self.nlp.vocab, attr="LOWER")
        for topic, keywords in topic_keywords().items():
            self.topic_matcher.add(topic, [self.nlp.make_doc(keyword) for keyword in keywords])

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
        findings, finding_spans = decide_findings(mentions)
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
        topics = self.topics(pieces, docs)
        entities = (
            [EntitySpan(code, status.value, *finding_spans[code]) for code, status in findings.items()]
            + [
                EntitySpan(LOCATION, mention.target.code, mention.start, mention.end)
                for mention in places
                if mention.target.kind == LOCATION
            ]
            + side_entities(face_side, places, len(text))
            + duration_entities(duration)
            + [EntitySpan("topic", topic, start, end) for topic, start, end in topics]
        )
        return Extraction(
            findings=findings,
            face_side=face_side,
            locations=locations,
            duration=duration,
            topics=ordered_unique(topic for topic, _, _ in topics),
            entities=tuple(entities),
            stroke_only_past_or_others=stroke_only_past_or_others(docs),
        )

    def topics(self, pieces: list[tuple[int, str]], docs: list[Doc]) -> list[tuple[str, int, int]]:
        if not looks_like_question(docs[0]):
            return []
        found = []
        for (offset, _), doc in zip(pieces, docs, strict=True):
            spans = filter_spans(
                [Span(doc, start, end, label=key) for key, start, end in self.topic_matcher(doc)]
            )
            found += [(span.label_, offset + span.start_char, offset + span.end_char) for span in spans]
        return found


@dataclass(frozen=True)
class Mention:
    """A target as read in context, with character offsets in the whole message."""

    target: Target
    status: Status | None
    start: int
    end: int
    sentence: tuple[int, int]


def chunks(text: str) -> list[tuple[int, str]]:
    """The message in pieces of at most CHUNK_CHARS, cut at sentence ends where possible, with their offsets.

    ConText compares every modifier with every other in a document, so a very long message (10,000 characters of
    "no no no...") would take seconds in one piece; in pieces it takes time in proportion to its length.
    """
    pieces: list[tuple[int, str]] = []
    start = 0
    while start < len(text) or not pieces:
        end = min(start + CHUNK_CHARS, len(text))
        if end < len(text):
            window = text[start:end]
            cut = max(window.rfind(mark) for mark in (". ", "! ", "? ", "\n"))
            if cut <= CHUNK_CHARS // 2:
                cut = window.rfind(" ")
            end = start + cut + 1 if cut > 0 else end
        pieces.append((start, text[start:end]))
        start = end
    return pieces


def mentions_in(doc: Doc, offset: int) -> list[Mention]:
    return [
        Mention(
            target=target,
            status=reading(target, span),
            start=offset + span.start_char,
            end=offset + span.end_char,
            sentence=(offset + span.sent.start_char, offset + span.sent.end_char),
        )
        for target, span in targets_with_spans(doc)
        if target.kind != STROKE_TALK
    ]


def stroke_only_past_or_others(docs: list[Doc]) -> bool:
    """Every mention of a stroke is a relative's or a past one, and none is said to be happening now."""
    said = [
        {modifier.category for modifier in span._.modifiers}
        for doc in docs
        for target, span in targets_with_spans(doc)
        if target.kind == STROKE_TALK
    ]
    return bool(said) and all(categories & PAST_OR_OTHERS and RECENT not in categories for categories in said)


def looks_like_question(doc: Doc) -> bool:
    return "?" in doc.text or any(token.lower_ in QUESTION_STARTS for token in doc[:1])


def targets_with_spans(doc: Doc) -> list[tuple[Target, Span]]:
    targets: dict[tuple[int, int, str], Target] = doc.user_data.get(TARGETS, {})
    return [(targets[(span.start, span.end, span.label_)], span) for span in doc.spans.get(TARGETS, [])]


def reading(target: Target, span: Span) -> Status | None:
    """What this mention says: present, absent, or nothing (hypothetical, historical, a relative's, asked about)."""
    if target.kind == NEUTRAL or inside_a_denial(target, span) or told_of_past_illness(target, span):
        return None
    categories = {modifier.category for modifier in span._.modifiers} | markers_inside(target, span)
    if categories & PAST_OR_OTHERS and denied_for_now(span, categories):
        return Status.ABSENT
    # "scared of getting Bell's palsy again": had before, feared or not
    if AGAIN in categories and target.code in HISTORY_CODES and FAMILY not in categories:
        return Status.PRESENT
    # "used to twitch, now it's back", "broke my nose years back, eyelid twitches now": current again
    if AGAIN in categories or said_to_be_now(span):
        categories.discard(HISTORICAL)
    if categories & DISCOUNTING:
        return None
    negated_inside = not target.negation_in_pattern and has_negation_inside(span)
    if target.kind in ABSENT_KINDS:
        # "No numbness, hearing's fine": a negation before a normal finding is the list going on, not a reversal.
        return None if negated_inside else Status.ABSENT
    denied = NEGATED in categories and not (target.kind == PRESENT and statement_after_comma(target, span))
    negated = denied or negated_inside or negated_just_before(span)
    if target.kind in PLACE_KINDS:
        return None if negated else Status.PRESENT
    if target.kind == MENTION:
        return Status.ABSENT if negated else None
    if target.kind == ANSWER:
        return Status.ABSENT if negated else Status.PRESENT if is_bare_answer(span.doc) else None
    return Status.ABSENT if negated else Status.PRESENT


def said_to_be_now(span: Span) -> bool:
    """ "eyelid twitches now": "now" right after the finding, in the same clause."""
    following = span.doc[span.end : min(span.end + NOW_REACH, span.sent.end)]
    return any(token.norm_ in NOW_WORDS for token in following) and not any(
        token.is_punct for token in following
    )


def future_just_before(span: Span) -> bool:
    """ "I'll lose my sight", "it might spread": a finding told in the future right after "will", "might" or "may"."""
    return (
        span.start > span.sent.start
        and span.doc[span.start - 1].norm_ in FUTURE_WORDS
        and span[0].norm_ not in NOT_FUTURE_AFTER
    )


def has_negation_inside(span: Span) -> bool:
    """A negation in a phrase's gap, other than one that is not a denial ("my face won't stop drooping")."""
    return any(
        token.norm_ in NEGATION_WORDS
        and not (token.i + 1 < span.end and token.nbor().norm_ in NOT_A_DENIAL_AFTER)
        for token in span
    )


def statement_after_comma(target: Target, span: Span) -> bool:
    """ "no pain, face is drooping", "can't smile on one side and arm feels weak": a phrase with its own verb after a
    comma or "and" is a new statement that the negation before does not reach (a list of denied signs has no verbs:
    "no numbness, tingling or weakness"). For safety, so is a red flag told in more than one word after a comma ("no
    pain, face drooping"): the sign is kept."""
    negations = [modifier for modifier in span._.modifiers if modifier.category == NEGATED]
    own_verb = any(token.norm_ in STATEMENT_VERBS for token in span)
    if not negations or not (own_verb or (target.code in RED_FLAG_CODES and len(span) > 1)):
        return False
    last_negation_end = max(modifier.modifier_span[1] for modifier in negations)
    return any(token.norm_ in STATEMENT_SEPARATORS for token in span.doc[last_negation_end : span.start])


def markers_inside(target: Target, span: Span) -> set[str]:
    """Future or past words caught in a phrase's gap (see FUTURE_WORDS), unless the phrase itself names them."""
    norms = [token.norm_ for token in span]
    pairs = list(pairwise(norms))
    found = set()
    if any(
        first in FUTURE_WORDS and first not in target.words and second not in NOT_FUTURE_AFTER
        for first, second in pairs
    ) or future_just_before(span):
        found.add(HYPOTHETICAL)
    if ("used", "to") in pairs:
        found.add(HISTORICAL)
    return found


def told_of_past_illness(target: Target, span: Span) -> bool:
    """ "my face drooped when I had Bell's palsy": a sign in the past tense, linked to a past Bell's palsy named right
    after it, and nothing in the sentence making it recent (see PAST_ILLNESS_LINKS)."""
    doc, sentence = span.doc, span.sent
    if (
        target.code in HISTORY_CODES
        or span.end >= sentence.end
        or doc[span.end].norm_ not in PAST_ILLNESS_LINKS
    ):
        return False
    told_before = doc[max(sentence.start, span.start - PAST_TENSE_REACH) : span.end]
    if not any(token.norm_ in PAST_TENSE_WORDS for token in told_before):
        return False
    if any(token.norm_ in STILL_NOW for token in sentence):
        return False
    return any(
        other.code in PAST_ILLNESS_CODES and 0 <= other_span.start - span.end <= PAST_ILLNESS_REACH
        for other, other_span in targets_with_spans(doc)
    )


def inside_a_denial(target: Target, span: Span) -> bool:
    """ "smiling doesn't make my eye twitch": the twitch is part of another finding's denial ("not" inside that
    longer phrase, before this one), so it says nothing of its own."""
    if not any(token.norm_ in NEGATION_WORDS for token in span.doc[span.sent.start : span.start]):
        return False  # no denial can hold it (and the common case stays quick)
    return any(
        other.code != target.code
        and other.kind not in PLACE_KINDS
        and not other.negation_in_pattern
        and other_span.start <= span.start
        and span.end <= other_span.end
        and len(other_span) > len(span)
        and any(token.norm_ in NEGATION_WORDS for token in span.doc[other_span.start : span.start])
        for other, other_span in targets_with_spans(span.doc)
    )


def denied_for_now(span: Span, categories: set[str]) -> bool:
    """ "my grandad had Bell's palsy but I never have", "I used to get tingling but not now": after a relative's or a
    past mention, a short denial in the same sentence says the person does not have it now; after one's own past
    symptom, so does saying it went ("the tingling was last year, nothing now")."""
    after = " ".join(token.norm_ for token in span.doc[span.end : span.sent.end])
    return bool(DENIED_FOR_NOW.search(after) or (HISTORICAL in categories and GONE_NOW.search(after)))


def is_bare_answer(doc: Doc) -> bool:
    """A short reply that names only topics ("just my hearing", "screens and stress" is not one): with another
    finding ("tingling in my arms") the topic word says where that finding is, not that it is a finding itself."""
    short = sum(not token.is_punct for token in doc) <= SHORT_ANSWER_WORDS
    return short and all(target.kind in (ANSWER, *PLACE_KINDS) for target, _ in targets_with_spans(doc))


def negated_just_before(span: Span) -> bool:
    """ "doesn't affect my driving", "I don't have MS": a phrase that starts with its verb overlaps the negation
    ("not affect my", "do not have"), which ConText then drops, so the word right before it is read here; likewise
    the second of a denied pair, "face isn't weak or droopy", whose negation sits inside the first phrase, and "no
    weakness in my face or arms", whose first phrase is denied."""
    before = span.doc[span.sent.start : span.start]
    if len(before) and before[-1].norm_ in ("not", "never"):
        return True
    # the "or" before the phrase, or starting it ("no palsy or ms")
    if len(before) and before[-1].norm_ in ("or", "nor"):
        joint = before[-1].i
    elif span[0].norm_ in ("or", "nor"):
        joint = span.start
    else:
        return False
    before_joint = span.doc[max(span.sent.start, joint - COORDINATED_REACH) : joint]
    return any(token.norm_ in ("not", "never") for token in before_joint) or any(
        other_span.end == joint
        and (
            NEGATED in {modifier.category for modifier in other_span._.modifiers}
            or negated_just_before(other_span)
        )
        for _, other_span in targets_with_spans(span.doc)
    )


def twitch_duration(text: str, mentions: list[Mention], now: datetime) -> DurationReading:
    """The longest duration, leaving out those said of a history item ("I had Bell's palsy two years ago")."""
    history = {
        mention.sentence
        for mention in mentions
        if mention.status is not None and mention.target.code in HISTORY_CODES
    }
    twitch = {
        mention.sentence
        for mention in mentions
        if mention.status is not None and mention.target.code in PROGRESSION_CODES
    }
    about_history = history - twitch

    def said_of_history(duration: DurationReading) -> bool:
        return duration.span is not None and any(
            start <= duration.span[0] < end for start, end in about_history
        )

    return longest([duration for duration in duration_readings(text, now) if not said_of_history(duration)])


def decide_findings(mentions: list[Mention]) -> tuple[dict[str, Status], dict[str, tuple[int, int]]]:
    """Per code: present if any mention says present (never under-triage), else absent if any says absent."""
    findings: dict[str, Status] = {}
    spans: dict[str, tuple[int, int]] = {}
    for mention in mentions:
        if mention.status is None or mention.target.kind in PLACE_KINDS:
            continue
        code = mention.target.code
        if findings.get(code) is not Status.PRESENT:
            findings[code] = mention.status
            spans[code] = (mention.start, mention.end)
    return findings, spans


def ordered_unique(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(values))


def short_reply_side(doc: Doc) -> tuple[str, ...]:
    """A one-word answer ("left", "the rite one", "both") names a side; in longer text these words rarely do."""
    words = [token for token in doc if not token.is_punct]
    if len(words) > SHORT_REPLY_TOKENS or any(token.norm_ in NOT_A_SIDE_REPLY for token in words):
        return ()
    return ordered_unique(
        SIDE_WORDS[token.norm_]
        for token in words
        if token.norm_ in SIDE_WORDS and not (token.i > 0 and doc[token.i - 1].norm_ in SUBJECTS)
    )


def combine_sides(sides: tuple[str, ...]) -> str | None:
    if not sides:
        return None
    if "both" in sides or {"left", "right"} <= set(sides):
        return "both"
    return sides[0]


def side_entities(face_side: str | None, places: list[Mention], text_length: int) -> list[EntitySpan]:
    if face_side is None:
        return []
    sides = [mention for mention in places if mention.target.kind == SIDE]
    start, end = (sides[0].start, sides[-1].end) if sides else (0, text_length)
    return [EntitySpan("face_side", face_side, start, end)]


def duration_entities(duration: DurationReading) -> list[EntitySpan]:
    value = duration.entity_value
    if value is None or duration.span is None:
        return []
    return [EntitySpan("duration_days", value, *duration.span)]
