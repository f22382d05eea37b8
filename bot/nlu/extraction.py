"""Free text in, docs/clinical-design.md findings out: the clinical findings extractor, without Rasa.

The spaCy pipeline is built once per process (`ClinicalExtractor.shared()`) from `spacy.blank("en")`:
sentencizer -> spelling normaliser (bot.nlu.spelling) -> phrase targets (bot.nlu.patterns) -> medspaCy ConText
(bot.nlu.context_rules). The extractor then reads each target with its context: negated => absent; hypothetical,
worried-about, asked-about, historical or a relative's illness => nothing; otherwise present. It adds what ConText
cannot see: words caught inside a phrase's own gap ("my face will start drooping", "my eye used to close"), a
phrase that is part of another finding's denial or of a past illness's story, and a new statement after a comma or
"and" that a negation before it does not reach. Also: the twitch named only as the subject of another finding's
denial ("the twitch never shuts my eye"), a relative compared with the person ("my mum's eye twitches too"), a feared
future ("scared I'll go blind"), a general claim ("twitching can mean MS"), a relative's past stroke told with its
signs, past episodes said to be over, another person's finding told only in the past ("my aunt had to give up driving
because of her eye spasms"), someone else's guess then denied ("my wife thinks I'm stressed, I'm not"), and anxiety
about what the symptom means ("anxious it could be a tumour"). When one message says both (a red flag mentioned
twice, once negated), present wins: the assistant must never under-triage.
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
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from bot.nlu import spelling  # noqa: F401  (registers the "lay_spelling" pipeline component)
from bot.nlu.context_rules import (
    AGAIN,
    ASKING_VERBS,
    DISCOUNTING,
    FAMILY,
    GUESS_VERBS,
    HISTORICAL,
    HYPOTHETICAL,
    NEGATED,
    RECENT,
    RELATIVE_WORDS,
    STROKE,
    TARGET_GROUP,
    TRIGGERS,
    context_rules,
)
from bot.nlu.duration import DurationReading, chosen, duration_readings
from bot.nlu.pattern_language import compile_pattern
from bot.nlu.patterns import (
    EMERGENCY_WORDS,
    FINDING_PATTERNS,
    LOCATION_PATTERNS,
    SHORT_REPLY_TOKENS,
    SIDE_PATTERNS,
    SIDE_WORDS,
    STROKE_WORDS,
    VAGUE_FEELING_WORDS,
)
from bot.triage.findings import HISTORY_CODES, RED_FLAG_CODES, Findings, Status

TARGETS = TARGET_GROUP
PRESENT, GENERIC, GENERIC_ABSENT, ABSENT = "present", "generic", "generic_absent", "absent"
MENTION, ANSWER, NEUTRAL, IMPLIED = "mention", "answer", "neutral", "implied"
# Words in a reply short enough for a bare topic word to be the answer to the bot's question ("just my hearing").
SHORT_ANSWER_WORDS = 5
GENERIC_KINDS = (GENERIC, GENERIC_ABSENT)
CORRECTION_ROLE = "correction"
# How specific the kinds of phrase that give way are; present and absent phrases are the most specific.
SPECIFICITY = {GENERIC: 0, GENERIC_ABSENT: 0, MENTION: 1, ANSWER: 1}
MOST_SPECIFIC = 2
# Phrases that say a finding is absent; a negation earlier in the sentence does not reverse them.
ABSENT_KINDS = (ABSENT, GENERIC_ABSENT)
LOCATION, SIDE = "location", "side"
PLACE_KINDS = (LOCATION, SIDE)
# Talk of a stroke or of an emergency: not findings, but what the safety override needs to know whose and when.
ALARM_TALK = "alarm_talk"
EMERGENCY = "emergency"
# A feeling in the face that names no sign (bot.nlu.patterns.VAGUE_FEELING_WORDS): an entity of its own, not a finding.
VAGUE = "vague"
VAGUE_SENSATION = "vague_sensation"
# Kinds of phrase that are no finding.
NOT_FINDINGS = (*PLACE_KINDS, ALARM_TALK, VAGUE)
NEGATION_WORDS = frozenset({"not", "no", "never"})
# A reply that denies what was just echoed as a question: "stress? not really" (not "not sure", "no idea").
REPLY_DENIAL = re.compile(
    r"^(?:no(?! idea| clue)|nope|nah|none|never|nothing|not (?:really|at all|much|that i know|that i have noticed))\b"
)
REPLY_WORDS = 6
# Whose a finding is, between a joining "or" and the finding: "... or my chewing".
OWNERS = frozenset({"my", "the", "his", "her", "their"})
# "that's right", "all right", "you're right", "not the left" are not answers naming a side.
NOT_A_SIDE_REPLY = NEGATION_WORDS | {"that", "all", "you", "quite", "exactly"}
# "it left", "I left": after a subject, "left" is a verb.
SUBJECTS = frozenset({"it", "i", "he", "she", "they", "we", "which", "who", "just"})
# The first words of a question ("can coffee cause this?").
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
# Words that make talk of a stroke or an emergency a guess, not a declaration: "it might be a stroke".
GUESSING_WORDS = frozenset({"might", "may", "could", "maybe", "perhaps", "possibly", "wonder", "wondering"})
# The twitch's own findings (docs/clinical-design.md, "pattern"): a time said with them is the twitch's.
TWITCH_PATTERN_CODES = frozenset(
    {"twitching", "spread", "worsening", "eye_closure", "function_impact", "linked_movements"}
)
# Where a clause ends: a sentence mark or comma, or a joining word before a new subject ("... and my arm went weak")
# or a change of time ("had Bell's palsy years ago and now my eye ...").
CLAUSE_BOUNDARY = re.compile(
    r"[.,;:!?\n]|\b(?:and|but|though|although|whereas|while|plus)\b(?=\s+(?:my|his|her|their|i|i'm|im|it|it's|its|"
    r"the|she|he|they|we|this|that|also|now|nowadays|lately|recently)\b)",
    re.IGNORECASE,
)
# Whose a clause's time is (see whose_clause).
THE_TWITCH, SOMETHING_ELSE = "the twitch", "something else"
# Words that open a clause with no subject of its own, which goes on with the clause before it: "I take two
# tablets, have done for years", "on blood pressure pills, been on them since 2015", "MS, diagnosed years back".
CONTINUING_OPENERS = frozenset(
    {
        "have",
        "has",
        "had",
        "'ve",
        "ve",
        "been",
        "done",
        "did",
        "taken",
        "took",
        "taking",
        "started",
        "began",
        "diagnosed",
        "got",
        "since",
        "ever",
        "on",
    }
)
# Words that may come with a time in a clause of its own ("ages ago", "for years now", "roughly 2015 or so").
TIME_FILLERS = frozenset(
    {
        "for",
        "since",
        "ago",
        "back",
        "now",
        "about",
        "around",
        "roughly",
        "like",
        "maybe",
        "probably",
        "or",
        "so",
        "ish",
        "just",
        "only",
        "already",
        "well",
        "over",
        "a",
        "the",
        "at",
        "least",
        "then",
        "too",
    }
)
# Another person named in a clause: "my sister had Bell's palsy years back", "dad's been on them for years".
OTHER_PERSON_WORDS = re.compile(
    r"\b(?:he|she|they|his|her|their|him|them|"
    + "|".join(re.escape(word) for word in RELATIVE_WORDS)
    + r")\b",
    re.IGNORECASE,
)
# Twitch progression words that make a bare "gradually" or "an hour ago" about the twitch, not about weakness.
PROGRESSION_CODES = ("twitching", "spread", "worsening")
# The signs whose onset the triage asks about (sudden or over days): weakness of the face or a limb, speech.
ONSET_TIMED_SIGNS = ("facial_weakness", "limb_weakness", "speech_difficulty")
ONSET = "sudden_onset"
PAST_OR_OTHERS = frozenset({HISTORICAL, FAMILY})
# "but I never have", "though I have not", ", I don't", "but not now", "not any more".
DENIED_FOR_NOW = re.compile(
    r"(?:\b(?:but|though|although|whereas)|(?:^|\s),) (?:i|me) (?:\S+ ){0,2}?(?:not|never|no)\b"
    r"|\bnot (?:now|anymore|any more|these days|nowadays|currently|at the moment|recently|lately|me)\b"
)
# The person's own short denial after what someone else has or thinks: "..., not me though", "... but I'm not really",
# "... but I don't feel it" - and nothing more in that clause ("but I don't know why" denies nothing).
NOT_ME = re.compile(
    r"(?:^|,|\bbut|\bthough|\balthough|\bwhereas) ?(?:i (?:am |do |have |really |honestly |personally |just )*"
    r"(?:not|never)|not me)"
    r"(?: (?:really|though|tho|myself|at all|personally|feel it|feel that way|think so|honestly|tbh|anymore|"
    r"any more|now|at the moment|either|have|had|been))*"
    r"(?= ?(?:$|[.!,;]|and\b|but\b))"
)
# Said of one's own past symptom: "the tingling was last year, nothing now", "... but that went away". Not of a
# relative's illness: "my dad had Bell's palsy but he recovered" says nothing of the person's own history.
NOTHING_NOW = (
    r"\b(?:(?:nothing|none)(?: (?:like|of) (?:that|it|this|them))?|gone|fine|ok|okay|normal|clear|calmer|better|easier|"
    r"settled|sorted) (?:now|since|these days|anymore|any more)\b"
)
GONE_NOW = re.compile(
    NOTHING_NOW
    + r"|\b(?:went|gone|goes) away\b|\bcleared(?: up)?\b|\bresolved\b|\brecovered\b|\bgot better\b"
    r"|\b(?:not|never) (?:come|came|been) back\b|\bnot (?:returned|back|since)\b"
    r"|\b(?:it|that|they|which) (?:has |have |had |'s |is )?stopped\b"
)
# "my eye used to clamp shut but that's stopped": a finding told in the past and then said to have gone.
GONE_SINCE = re.compile(
    r"\bbut (?:that|it|this|they|the \S+) (?:'s |is |has |have |had |was )?"
    r"(?:gone|went away|gone away|stopped|cleared|passed|settled|eased off)\b"
    # "I was stressed a few months ago but not anymore", "... but no longer"
    r"|\bbut (?:not|no longer)(?: (?:anymore|any more|now|these days|nowadays))?\s*$"
    # "I was anxious during lockdown but I'm fine now", "... but things are calmer these days"
    r"|\bbut (?:i|things|life|work|everything)(?: am| are| is| 's)? (?:\S+ )?"
    r"(?:fine|ok|okay|better|calmer|good|great|sorted) (?:now|these days|nowadays)\b"
)
# A past twitch that went away is the story of an earlier episode: the person is here about a twitch, so only saying
# there is none now denies it ("I had a twitch years ago, nothing now").
GONE_FOR_GOOD = re.compile(NOTHING_NOW)
PRESENTING_COMPLAINT = "twitching"
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
    {"had", "was", "were", "went", "got", "became", "drooped", "dropped", "sagged", "fell", "lost"}
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
# Inside a phrase, "nothing" denies as "not" does: "when I smile nothing happens to my eye".
INSIDE_NEGATIONS = NEGATION_WORDS | {"nothing"}
# Words that make what follows the time a statement speaks of (see twitch_as_condition).
CONDITIONS = frozenset({"when", "whenever", "while", "whilst", "during", "as", "from"})
# Words that join two statements.
CLAUSE_JOINTS = frozenset({"and", "but", "so", "because", "though", "although", "whereas"})
# An eye forced shut is a spasm, not a weakness: "the lid doesn't clamp shut" denies the closure (see gives_way_inside).
FORCED_SHUT = ("clamp", "slam", "snap", "squeez", "scrunch", "forc")
# "nothing's changed" gives way to the thing said not to have changed: "nothing's changed with my hearing".
YIELDS_WHEN_ABSENT = frozenset({"worsening"})
# "the twitch doesn't make my eye shut", "the spasm isn't strong enough to close my eye": the twitch named as the subject
# of another finding's denial is what the person already has, not a new report (see subject_of_a_denial).
DETERMINERS = frozenset({"the", "this", "that", "my", "these", "those", "its", "his", "her", "their", "your"})
AUXILIARIES = frozenset(
    {
        "is",
        "'s",
        "are",
        "was",
        "were",
        "does",
        "do",
        "did",
        "has",
        "have",
        "had",
        "can",
        "could",
        "will",
        "would",
    }
)
AUXILIARY_REACH = 2
# A relative's twitch compared with the person's own ("my mum's eye twitches too", "my sister is vegan and gets
# twitches as well", "twitching runs in my family"): the relative is not the one being assessed, so what the sentence
# says of them (a twitch, a trigger) is not a finding. Red flags are kept whoever has them.
RELATIVES = frozenset(RELATIVE_WORDS)
OTHER_PEOPLE = RELATIVES | {"he", "she", "they", "his", "her", "their", "him", "them"}
FIRST_PERSON = frozenset({"i", "me", "my", "mine", "myself"})
PERSON_ITSELF = frozenset({"me"})
OTHER_SUBJECTS = frozenset({"his", "her", "their", "he", "she", "they"})
COMPARED_AFTER = frozenset({"too", "aswell", "either"})
COMPARED_BEFORE = frozenset({"same", "similar"})
INHERITED = frozenset({"runs", "run", "running", "genetic", "hereditary", "inherited"})
INHERITED_REACH = 2
# "has the same thing", "gets it too": the relative likened to the person; "she's fine", "he never gets it": well.
RELATIVE_COMPARED = re.compile(
    r"\b(?:same|similar) (?:\S+ )?(?:thing|things|problem|problems|issue|issues|symptoms|trouble)\b"
    r"|\b(?:has|have|had|gets|get|got) (?:it|them|one|this|that) (?:too|as well|aswell)\b"
)
RELATIVE_WELL = re.compile(
    r"\b(?:she|he|they) (?:is|'s|are|'re|was|seems|seem) (?:fine|ok|okay|alright|healthy|well)\b"
    r"|\b(?:she|he|they) (?:has|have|does|do|did)? ?(?:never|not) (?:had|has|have|gets|get|got)\b"
)
# "I'm scared I'll go blind", "worried I might end up losing my sight": a feared future, red flag or not. Not "scared I
# might be going blind" (an uncertain sign, which counts; see NOT_FUTURE_AFTER).
FEAR_WORDS = frozenset(
    {
        "scared",
        "worried",
        "worry",
        "worrying",
        "afraid",
        "frightened",
        "terrified",
        "fear",
        "fearing",
        "concerned",
        "paranoid",
        "petrified",
        "panicking",
    }
)
FUTURE_REACH = 5
# "anxious it could be a tumour", "stressed that I might have MS": who and what a worry about the symptom is about.
WORRIED_SUBJECTS = frozenset({"it", "this", "i", "my", "he", "she", "its"})
WORRIED_VERBS = frozenset({"could", "might", "may", "will", "would", "means", "mean", "'ll"})
# Words before a topic word that make it an activity told of, not a short answer (see told_as_doing).
DOING_WORDS = frozenset({"for", "been", "am", "was", "were", "be"})
# Words that make another person's finding present or recent (see told_of_others_past): present-tense verbs ("'s" is
# left out: it is as often "mum's" as "she's"), recent times and reported speech.
PRESENT_TENSE_WORDS = frozenset(
    {
        "is",
        "are",
        "am",
        "'re",
        "has",
        "have",
        "keeps",
        "keep",
        "does",
        "do",
        "can",
        "gets",
        "get",
        "seems",
        "looks",
    }
)
RECENT_WORDS = frozenset({"day", "weeks", "since", "ongoing", "lately", "again", "?"})
REPORTING_WORDS = frozenset(
    {"said", "says", "told", "tells", "mentioned", "complained", "complaining", "reckons"}
)
UNABLE = frozenset({"will", "can", "could", "would"})
# "my vision will go blurry for a few seconds at a time": a "will" that tells of what keeps happening, not the future.
HABITUAL = re.compile(
    r"\b(?:sometimes|often|occasionally|every|times|then|regularly|always|usually|randomly|at a time|on and off)\b"
)
BECOMING = frozenset({"going", "getting", "becoming", "developing", "having", "ending"})
FUTURE_SUBJECTS = frozenset({"i", "it", "he", "she", "they", "we", "you"})
# "I'll" typed without its apostrophe, right after a fear word ("scared ill lose my sight").
SUBJECT_AND_WILL = frozenset({"ill", "itll"})
BE_WORDS = frozenset({"am", "'m", "is", "'s", "are", "'re"})
# How far before a stroke the words telling it are looked for ("had a mini stroke", "after her stroke").
STROKE_STORY_REACH = 3
# "twitching can lead to vision loss?", "does numbness mean...": a finding named as the subject of a question about what
# it causes or means is asked about, not reported.
GENERAL_MODALS = frozenset({"can", "could", "may", "might", "does", "do", "will", "would"})
GENERAL_CLAIMS = frozenset(
    {"cause", "lead", "mean", "trigger", "turn", "become", "signal", "indicate", "progress", "develop"}
)
# "twitching can be a sign of...", "can be caused by stress", "can be linked to MS"
CLAIMED = frozenset({"a", "an", "caused", "linked", "related", "due", "part", "associated", "connected"})
# A finding inside a longer phrase for another finding gives way to it: "my eye doesn't close when I smile" denies
# a linked movement, not a weakness; "I can close my eye fully" is the eye closing at will, not forced shut.
GIVES_WAY_INSIDE = {
    # "my eye doesn't shut during the spasms" denies the closure, not the eye's closing at will
    "facial_weakness": frozenset({"linked_movements", "eye_closure"}),
    "eye_closure": frozenset({"facial_weakness", "linked_movements"}),
    # "when I laugh my eye stays put" says the eye does not move with the mouth, not that the twitch has not spread
    "spread": frozenset({"linked_movements"}),
    # "my eyes are tired and dry from the screen": tired eyes are eye strain, not poor sleep
    "poor_sleep": frozenset({"eye_strain"}),
    # "stumbling over my words" is speech, not balance
    "balance_problem": frozenset({"speech_difficulty"}),
    # "a sudden awful pain in my head" is a severe headache, not a severe pain of the face
    "severe_pain": frozenset({"severe_headache"}),
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
    return bool(pattern_words(notation) & INSIDE_NEGATIONS)


def pattern_words(notation: str) -> frozenset[str]:
    return frozenset(word for token in notation.split() for word in token.rstrip("?").split("|"))


def all_patterns() -> Iterable[tuple[Target, str, int]]:
    for code, patterns in FINDING_PATTERNS.items():
        for kind in (PRESENT, GENERIC, GENERIC_ABSENT, ABSENT, MENTION, ANSWER, NEUTRAL, IMPLIED):
            for index, notation in enumerate(getattr(patterns, kind)):
                yield (
                    Target(kind, code, pattern_has_negation(notation), pattern_words(notation)),
                    notation,
                    index,
                )
    for kind, table in (
        (LOCATION, LOCATION_PATTERNS),
        (SIDE, SIDE_PATTERNS),
        (ALARM_TALK, {STROKE: STROKE_WORDS, EMERGENCY: EMERGENCY_WORDS}),
        (VAGUE, {VAGUE_SENSATION: VAGUE_FEELING_WORDS}),
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
    findings = [(target, span) for target, span in kept if target.kind not in NOT_FINDINGS]
    return [
        (target, span)
        for target, span in kept
        if not (target.kind in SPECIFICITY and yields_to_more_specific(target, span, findings))
        and not (target.code == ONSET and target.kind != PRESENT and times_the_twitch(target, span, findings))
        and not (target.kind == LOCATION and inside_code(span, findings, NOT_A_TWITCH_PLACE))
        and not gives_way_inside(target, span, findings)
        and not said_of_another_finding(target, span, findings)
    ]


def times_the_twitch(target: Target, span: Span, findings: list[tuple[Target, Span]]) -> bool:
    """Whether an onset phrase times the twitch rather than a sign, so that it is no finding of the sign's onset.

    An onset told in the sign's own words ("the droop came on over days") or in a sentence that tells of a sign and
    not of the twitch ("my lid is drooping, it took days to come on") is the sign's. One in a sentence that tells of
    the twitch ("the twitching came on gradually") is the twitch's, even beside a sign: unknown is the safe reading
    of a sign's onset. A bare onset word ("gradually", "an hour ago") in a sentence of neither times the twitch if the
    message tells of it anywhere. (A sudden onset told in words of its own is always kept: with a weakness, a sudden
    onset and an unknown one are both the emergency, so keeping it can never lower the level.)"""
    sign_spans = [other_span for other, other_span in findings if other.code in ONSET_TIMED_SIGNS]
    if any(overlaps(span, sign_span) for sign_span in sign_spans):
        return False
    # a progression read inside a sign's own words ("half my face won't move" is no spread) tells of the sign
    told_in_sentence = {
        other.code
        for other, other_span in findings
        if other.kind in (PRESENT, GENERIC)
        and other_span.sent.start == span.sent.start
        and not (
            other.code in PROGRESSION_CODES
            and any(overlaps(other_span, sign_span) for sign_span in sign_spans)
        )
    }
    if told_in_sentence & set(PROGRESSION_CODES):
        return True
    if told_in_sentence & set(ONSET_TIMED_SIGNS):
        return False
    told = {other.code for other, _ in findings if other.kind in (PRESENT, GENERIC)}
    return target.kind in GENERIC_KINDS and bool(told & set(PROGRESSION_CODES))


def said_of_another_finding(target: Target, span: Span, findings: list[tuple[Target, Span]]) -> bool:
    """ "nothing's changed with my hearing", "my hearing hasn't changed": the change denied is the hearing's, so the
    phrase says nothing of the twitch getting worse (see YIELDS_WHEN_ABSENT)."""
    return (
        target.code in YIELDS_WHEN_ABSENT
        and target.kind in ABSENT_KINDS
        and any(
            other.code != target.code and other.kind not in PLACE_KINDS and overlaps(span, other_span)
            for other, other_span in findings
        )
    )


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
    if target.code == "facial_weakness" and any(token.norm_.startswith(FORCED_SHUT) for token in span):
        # "the lid doesn't clamp shut": a spasm's closing, not a weakness
        return any(
            other.code == "eye_closure" and overlaps(span, other_span) for other, other_span in findings
        )
    if target.code == "facial_weakness" and not denies_closing_only(span):
        return False
    unable = target.code == "facial_weakness" and told_as_unable(span)
    return any(
        (
            other.code in overlapping_codes
            and overlaps(span, other_span)
            and not (other.code != target.code and gives_way_inside(other, other_span, findings))
        )
        or (
            other.code in outer_codes
            and not (unable and other.code == "eye_closure")
            and other_span.start <= span.start
            and span.end <= other_span.end
            and len(other_span) > len(span)
        )
        for other, other_span in findings
    )


def told_as_unable(span: Span) -> bool:
    """ "my eye won't close when it twitches", "can't shut it during the spasms": an eye that cannot close is weak,
    whatever the spasm does ("doesn't close during the spasms" only denies the spasm closing it)."""
    return any(
        token.norm_ in UNABLE and token.i + 1 < span.end and token.nbor().norm_ == "not" for token in span
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


class ClinicalExtractor:
    """Reads findings, face side, locations and duration from one message."""

    _shared: ClinicalExtractor | None = None

    def __init__(self) -> None:
        self.nlp = build_pipeline()

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
        if target.kind != ALARM_TALK
    ]


def stroke_only_past_or_others(docs: list[Doc]) -> bool:
    """Every mention of a stroke is a relative's or a past one, and none is said to be happening now."""
    said = [
        {modifier.category for modifier in span._.modifiers}
        for doc in docs
        for target, span in targets_with_spans(doc)
        if target.kind == ALARM_TALK and target.code == STROKE
    ]
    return bool(said) and all(categories & PAST_OR_OTHERS and RECENT not in categories for categories in said)


def declares_emergency(docs: list[Doc]) -> bool:
    """ "I think I'm having a stroke", "my husband is having a stroke", "this is an emergency", "call an ambulance": the
    person says so, for themselves or someone with them. Not when it is denied, supposed, a question, a fear, a guess
    ("might be a stroke") or a relative's or past stroke."""
    return any(
        target.kind == ALARM_TALK and declared(span)
        for doc in docs
        for target, span in targets_with_spans(doc)
    )


def declared(span: Span) -> bool:
    categories = {modifier.category for modifier in span._.modifiers}
    if categories & (DISCOUNTING - {FAMILY} | {NEGATED}) or (
        FAMILY in categories and RECENT not in categories
    ):
        return False
    sentence = span.sent
    said_before = {token.norm_ for token in span.doc[sentence.start : span.start]}
    asked = sentence.text.rstrip().endswith("?") or sentence[0].norm_ in QUESTION_STARTS | {"if", "whether"}
    return not (asked or said_before & (FEAR_WORDS | GUESSING_WORDS | NEGATION_WORDS))


def targets_with_spans(doc: Doc) -> list[tuple[Target, Span]]:
    targets: dict[tuple[int, int, str], Target] = doc.user_data.get(TARGETS, {})
    return [(targets[(span.start, span.end, span.label_)], span) for span in doc.spans.get(TARGETS, [])]


def reading(target: Target, span: Span) -> Status | None:
    """What this mention says: present, absent, or nothing (hypothetical, historical, a relative's, asked about)."""
    if target.kind != NEUTRAL and told_of_past_illness(target, span):
        # "had a wonky smile after bells palsy, fine now": the story of a past illness, and gone
        gone = target.kind in (PRESENT, GENERIC) and said_gone_after(span)
        return Status.ABSENT if gone else None
    if (
        target.kind == NEUTRAL
        or inside_a_denial(target, span)
        or told_of_others_past_stroke(target, span)
        or compared_with_relative(target, span)
        or asked_in_general(span)
        or subject_of_a_denial(target, span)
        or worry_about_the_symptom(target, span)
    ):
        return None
    categories = {modifier.category for modifier in span._.modifiers} | markers_inside(target, span)
    if (
        (categories & PAST_OR_OTHERS and denied_for_now(target, span, categories))
        or told_then_gone(target, span)
        or guessed_then_denied(target, span, categories)
        or anothers_then_denied(target, span)
    ):
        return Status.ABSENT
    if told_of_others_past(target, span):
        return None
    # "scared of getting Bell's palsy again": had before, feared or not
    if AGAIN in categories and target.code in HISTORY_CODES and FAMILY not in categories:
        return Status.PRESENT
    # "used to twitch, now it's back", "broke my nose years back, eyelid twitches now": current again
    if AGAIN in categories or said_to_be_now(span):
        categories.discard(HISTORICAL)
    # "they put me on new pills": a phrase that names the person ("me") is theirs, whoever else the sentence names
    if any(token.norm_ in PERSON_ITSELF for token in span):
        categories.discard(FAMILY)
    if categories & DISCOUNTING:
        return None
    negated_inside = not target.negation_in_pattern and has_negation_inside(span)
    if target.kind in ABSENT_KINDS:
        # "No numbness, hearing's fine": a negation before a normal finding is the list going on, not a reversal; one
        # right before it reverses it ("I can't go about my day").
        return None if negated_inside or not_just_before(span) else Status.ABSENT
    denied = (
        NEGATED in categories
        and not (target.kind == PRESENT and statement_after_comma(target, span))
        and not twitch_as_condition(target, span)
        and not new_subject_after_negation(span)
    )
    negated = denied or negated_inside or negated_just_before(span) or echoed_then_denied(span)
    if target.kind in PLACE_KINDS:
        return None if negated else Status.PRESENT
    if negated and (onset_of_a_named_sign(target, span) or screen_among_activities(target, span)):
        return None
    if target.kind == MENTION:
        return Status.ABSENT if negated else None
    if target.kind == IMPLIED:
        return None if negated else Status.PRESENT
    if target.kind == ANSWER:
        if negated:
            return Status.ABSENT
        return Status.PRESENT if is_bare_answer(span.doc) and not told_as_doing(span) else None
    return Status.ABSENT if negated else Status.PRESENT


def onset_of_a_named_sign(target: Target, span: Span) -> bool:
    """ "no sudden deafness", "no sudden weakness": "sudden" said of the sign right after it, in a denial, denies the
    sign, not the suddenness (the sign's own phrase reads the denial)."""
    if target.code != ONSET or span.end >= span.sent.end:
        return False
    return any(
        other.code not in (ONSET, target.code)
        and other.kind not in NOT_FINDINGS
        and other_span.start == span.end
        for other, other_span in targets_with_spans(span.doc)
    )


def screen_among_activities(target: Target, span: Span) -> bool:
    """ "it hasn't interfered with reading or my screen work", "no issues with reading, screens or driving": a screen
    named beside the activities a twitch may hinder is one of them, so the denial is of the hindrance, not of screen use
    (eye strain)."""
    return (
        target.code == "eye_strain"
        and target.kind == ANSWER
        and any(
            other.code == "function_impact" and span.sent.start <= other_span.start < span.sent.end
            for other, other_span in targets_with_spans(span.doc)
        )
    )


def told_as_doing(span: Span) -> bool:
    """ "I wear glasses for reading", "I've been working hard": a topic word after "for" names what something is for,
    and one after "been" or "am" tells of doing it; neither answers what the twitch gets in the way of."""
    return span.start > span.sent.start and span.doc[span.start - 1].norm_ in DOING_WORDS


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
    if len(following) >= 2 and following[0] in WORRIED_SUBJECTS and following[1] in WORRIED_VERBS:
        return True
    if not following or following[0] not in ("about", "over", "of"):
        return False
    if len(following) > 1 and following[1] in ("it", "this", "that"):
        return True
    return any(
        other.code not in TRIGGERS
        and other.kind in (PRESENT, GENERIC, IMPLIED)
        and index < other_span.start <= index + 3
        for other, other_span in targets_with_spans(doc)
    )


def guessed_then_denied(target: Target, span: Span, categories: set[str]) -> bool:
    """ "my wife thinks I'm stressed, I'm not really", "people keep asking if I'm stressed, I'm honestly not", "my partner
    keeps saying I'm stressed but I don't feel it": someone else's guess or question, then the person's own denial."""
    if HYPOTHETICAL not in categories or target.code in RED_FLAG_CODES:
        return False
    doc = span.doc
    guessed = False
    for modifier in span._.modifiers:
        if modifier.category != HYPOTHETICAL:
            continue
        start, end = modifier.modifier_span
        words = [token.norm_ for token in doc[start:end]]
        asked = (
            start > span.sent.start and doc[start - 1].norm_ in ASKING_VERBS and words[0] in ("if", "whether")
        )
        guessed = guessed or asked or bool(set(words) & GUESS_VERBS)
    after = " ".join(token.norm_ for token in doc[span.end : span.sent.end])
    return guessed and bool(NOT_ME.search(after))


def owner_of(span: Span) -> Token | None:
    """Whose the finding is: the nearest person named before it in its sentence ("my mum's a big worrier": mum; "a
    friend of mine couldn't read": the friend)."""
    doc = span.doc
    for token in reversed(doc[span.sent.start : span.start]):
        if token.norm_ in ("mine", "ours") and token.i > 0 and doc[token.i - 1].norm_ == "of":
            continue
        if token.norm_ in OTHER_PEOPLE | FIRST_PERSON:
            return token
    return None


def told_of_someone_else(target: Target, span: Span) -> bool:
    """A sign of what is not a red flag or history item, told of another person."""
    if target.kind not in (PRESENT, GENERIC) or target.code in RED_FLAG_CODES or target.code in HISTORY_CODES:
        return False
    owner = owner_of(span)
    return owner is not None and owner.norm_ in OTHER_PEOPLE


def anothers_then_denied(target: Target, span: Span) -> bool:
    """ "my mum's a big worrier, not me though", "my sister is vegan but I'm not": what another person has, then denied
    of the person themself."""
    if not told_of_someone_else(target, span):
        return False
    after = " ".join(token.norm_ for token in span.doc[span.end : span.sent.end])
    return bool(NOT_ME.search(after))


def told_of_others_past(target: Target, span: Span) -> bool:
    """ "my aunt had to give up driving because of her eye spasms", "a friend of mine couldn't read for months with
    blepharospasm", "mum was low on calcium when she was pregnant": another person's finding told only in the past tense
    is their past illness (docs/clinical-design.md), not the current symptoms of someone being assessed. Not when anything
    makes it present or recent ("my son's eye has been twitching", "was twitching all day", "she said her eye was
    jumping"), and never for a red flag (see told_of_others_past_stroke)."""
    if not told_of_someone_else(target, span):
        return False
    sentence = span.sent
    norms = [token.norm_ for token in sentence]
    if set(norms) & (PRESENT_TENSE_WORDS | STILL_NOW | RECENT_WORDS | REPORTING_WORDS):
        return False
    past = [token for token in sentence if token.norm_ in PAST_TENSE_WORDS | {"could", "did"}]
    # "her eye was twitching": told as going on, which a parent may say of a child's current twitch
    going_on = any(token.i + 1 < sentence.end and token.nbor().norm_.endswith("ing") for token in past)
    return bool(past) and not going_on


def echoed_then_denied(span: Span) -> bool:
    """ "stress? not really", "Hearing? No.": the finding echoed back as a question on its own, then answered with a
    denial ("drooping? not sure" is not one: an uncertain sign counts)."""
    sentence, doc = span.sent, span.doc
    words = [token for token in sentence if not token.is_punct]
    if sentence[-1].text != "?" or not words or any(not span.start <= token.i < span.end for token in words):
        return False
    if sentence.end >= len(doc):
        return False
    reply = " ".join(token.norm_ for token in doc[sentence.end : sentence.end + REPLY_WORDS])
    return bool(REPLY_DENIAL.match(reply))


def twitch_as_condition(target: Target, span: Span) -> bool:
    """ "my eye doesn't close during the spasms", "it stays open when it twitches": the twitch after "when" or "during"
    in a denial is the time the denial speaks of, which is there."""
    if target.code != PRESENTING_COMPLAINT:
        return False
    before = span.doc[span.sent.start : span.start]
    negations = [token.i for token in before if token.norm_ in NEGATION_WORDS]
    return bool(negations) and any(
        token.norm_ in CONDITIONS for token in span.doc[negations[-1] : span.start]
    )


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
        and (span[0].norm_ not in NOT_FUTURE_AFTER or future_obligation(span))
    )


def future_obligation(span: Span) -> bool:
    """ "I might have to stop driving": "have to" after "might" is a future need, not a past possibility."""
    return span[0].norm_ == "have" and len(span) > 1 and span[1].norm_ == "to"


def not_just_before(span: Span) -> bool:
    return span.start > span.sent.start and span.doc[span.start - 1].norm_ in ("not", "never")


def has_negation_inside(span: Span) -> bool:
    """A negation in a phrase's gap, other than one that is not a denial ("my face won't stop drooping")."""
    return any(
        token.norm_ in INSIDE_NEGATIONS
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


def new_subject_after_negation(span: Span) -> bool:
    """ "my son doesn't eat dairy and his eye twitches": "and" or a comma before another person's "his", "her" or
    "their" starts a new statement, as one before "my" does (those words are relatives' for ConText, not clause
    starts)."""
    negations = [modifier for modifier in span._.modifiers if modifier.category == NEGATED]
    if not negations:
        return False
    last_negation_end = max(modifier.modifier_span[1] for modifier in negations)
    between = span.doc[last_negation_end : span.start + 1]
    return any(
        first.norm_ in STATEMENT_SEPARATORS | {"but"} and second.norm_ in OTHER_SUBJECTS
        for first, second in pairwise(between)
    )


def markers_inside(target: Target, span: Span) -> set[str]:
    """Future or past words caught in a phrase's gap (see FUTURE_WORDS), unless the phrase itself names them."""
    norms = [token.norm_ for token in span]
    pairs = list(pairwise(norms))
    found = set()
    habitual = bool(HABITUAL.search(span.sent.text.lower()))
    if not habitual and (
        any(
            first in FUTURE_WORDS and first not in target.words and second not in NOT_FUTURE_AFTER
            for first, second in pairs
        )
        or future_just_before(span)
    ):
        found.add(HYPOTHETICAL)
    if ("used", "to") in pairs or (target.code not in HISTORY_CODES and used_to_before(span)):
        found.add(HISTORICAL)
    if feared_future(span):
        found.add(HYPOTHETICAL)
    return found


def used_to_before(span: Span) -> bool:
    """ "my speech used to be slurred after a few drinks": "used to" earlier in the same clause (ConText cannot see it
    when it sits inside another finding's phrase)."""
    doc = span.doc
    for token in reversed(doc[span.sent.start : span.start]):
        if token.is_punct or token.norm_ in CLAUSE_JOINTS or token.norm_ in NOW_WORDS:
            return False
        if token.norm_ == "used" and token.i + 1 < span.start and token.nbor().norm_ == "to":
            return True
    return False


def feared_future(span: Span) -> bool:
    """ "I'm scared I'll go blind", "worried that I'm going to end up losing my sight": a sign a few words after a future
    ("will", "might", "going to") whose subject follows a fear word. "scared I might be going blind" is an uncertain sign,
    and "scared because my vision will go blurry at times" tells of what happens: both are kept."""
    if feared_becoming(span):
        return True
    doc, sentence = span.doc, span.sent
    before = doc[max(sentence.start, span.start - FUTURE_REACH - 1) : span.start]
    for token in before:
        if (
            token.norm_ in SUBJECT_AND_WILL
            and token.i > sentence.start
            and doc[token.i - 1].norm_ in FEAR_WORDS
        ):
            return doc[token.i + 1].norm_ not in NOT_FUTURE_AFTER  # "scared ill lose my sight" (I'll)
        going = token.norm_ == "going" and token.i + 1 < span.start and token.nbor().norm_ == "to"
        if token.norm_ not in FUTURE_WORDS and not going:
            continue
        after = doc[token.i + 2] if going else doc[token.i + 1]
        if after.i < span.end and after.norm_ in NOT_FUTURE_AFTER:
            continue
        if any(word.is_punct or word.norm_ in CLAUSE_JOINTS for word in doc[token.i : span.start]):
            continue
        return fear_before_subject(
            doc, token.i - 1 - (going and doc[token.i - 1].norm_ in BE_WORDS), sentence
        )
    return False


def fear_before_subject(doc: Doc, subject: int, sentence: Span) -> bool:
    """ "scared I", "worried that it": the subject of a feared future, right after the fear word (and "that")."""
    if subject <= sentence.start or doc[subject].norm_ not in FUTURE_SUBJECTS:
        return False
    feeling = subject - 1
    if doc[feeling].norm_ == "that" and feeling > sentence.start:
        feeling -= 1
    return doc[feeling].norm_ in FEAR_WORDS


def feared_becoming(span: Span) -> bool:
    """ "worried about going blind", "scared of losing my sight": a fear of coming to have the sign (not "worried about
    the drooping" or "about my face drooping", which name a sign that is there)."""
    doc = span.doc
    index = span.start
    if index > span.sent.start and doc[index - 1].norm_ in BECOMING:
        index -= 1
    elif not span[0].norm_.endswith("ing"):
        return False
    return (
        index - 2 >= span.sent.start
        and doc[index - 1].norm_ in ("about", "of")
        and doc[index - 2].norm_ in FEAR_WORDS
    )


def subject_of_a_denial(target: Target, span: Span) -> bool:
    """ "the twitch doesn't make my eye shut", "the spasm never closes my eye": a twitch named as the subject of another
    finding's denial is the twitch already told of, not a new report (see DETERMINERS). "the twitching hasn't stopped"
    and "the spasms are not getting any better" still say it is there: no other finding is denied."""
    doc = span.doc
    if target.code != "twitching" or target.kind != PRESENT or len(span) != 1:
        return False
    if span.start == span.sent.start or doc[span.start - 1].norm_ not in DETERMINERS:
        return False
    following = doc[span.end : min(span.end + AUXILIARY_REACH + 1, span.sent.end)]
    negation = next((token.i for token in following if token.norm_ in NEGATION_WORDS), None)
    if negation is None or any(token.norm_ not in AUXILIARIES for token in doc[span.end : negation]):
        return False
    return any(
        other.code != target.code
        and other.kind not in NOT_FINDINGS
        and other_span.end > negation
        and not any(token.is_punct for token in doc[negation : max(negation, other_span.start)])
        and reading(other, other_span) is Status.ABSENT
        for other, other_span in targets_with_spans(doc)
        if other_span.sent.start == span.sent.start
    )


def compared_with_relative(target: Target, span: Span) -> bool:
    """ "my mum's eye twitches too", "my sister is vegan and gets twitches as well", "my twin has the same thing, she
    drinks loads of coffee", "my mum's been vegan for years and she's fine", "twitching runs in my family": a relative
    compared with the person, or said to be well, is not the one being assessed, so what the sentence says of them (a
    twitch, a trigger) is not a finding. Red flags and history are left to their own rules."""
    if target.code in RED_FLAG_CODES or target.code in HISTORY_CODES:
        return False
    sentence = span.sent
    relatives = [token.i for token in sentence if token.norm_ in RELATIVES]
    if not relatives:
        return False
    twitches = [
        twitch_span
        for twitch, twitch_span in targets_with_spans(span.doc)
        if twitch.code == PRESENTING_COMPLAINT and sentence.start <= twitch_span.start < sentence.end
    ]
    if any(inherited_twitch(twitch_span) for twitch_span in twitches):
        return True
    compared = any(
        compared_twitch(twitch_span) and relatives[0] < twitch_span.start for twitch_span in twitches
    )
    words = " ".join(token.norm_ for token in sentence[relatives[0] - sentence.start :])
    inherited = any(token.norm_ in INHERITED for token in sentence)
    if not (compared or inherited or RELATIVE_COMPARED.search(words) or RELATIVE_WELL.search(words)):
        return False
    told_after = span.doc[relatives[0] : span.start]
    return span.start > relatives[0] and not any(token.norm_ in ("i", "me") for token in told_after)


def compared_twitch(span: Span) -> bool:
    """The twitch said to be like the person's own: "twitches too", "gets it as well", "the same twitch"."""
    doc, sentence = span.doc, span.sent
    rest = []
    for token in doc[span.end : sentence.end]:
        if token.is_punct or token.norm_ in CLAUSE_JOINTS | {"while"}:
            break
        rest.append(token.norm_)
    before = {token.norm_ for token in doc[max(sentence.start, span.start - 3) : span.start]}
    return bool(
        COMPARED_AFTER & set(rest) or ("as", "well") in set(pairwise(rest)) or before & COMPARED_BEFORE
    )


def inherited_twitch(span: Span) -> bool:
    """ "twitching runs in my family", "the twitching is genetic" (not "my eye twitches, it runs in the family")."""
    following = span.doc[span.end : min(span.end + INHERITED_REACH + 1, span.sent.end)]
    for token in following:
        if token.is_punct:
            return False
        if token.norm_ in INHERITED:
            return True
    return False


def asked_in_general(span: Span) -> bool:
    """ "twitching can lead to vision loss?", "I read that eyelid twitching can mean MS": a finding named as the subject of
    what it may cause or mean is talked of in general, not reported. Not the person's own ("my twitch can last hours")."""
    doc, sentence = span.doc, span.sent
    if span.start > sentence.start and doc[span.start - 1].norm_ in DETERMINERS - {"that", "the"}:
        return False
    end = end_of_coordination(span)
    following = [token.norm_ for token in doc[end : min(end + 3, sentence.end)]]
    if len(following) < 2 or following[0] not in GENERAL_MODALS:
        return False
    return following[1] in GENERAL_CLAIMS or (
        len(following) == 3 and following[1] == "be" and following[2] in CLAIMED
    )


def end_of_coordination(span: Span) -> int:
    """Where a list that starts with this finding ends: "stress and low b12 can cause it" is a claim about both."""
    doc, end = span.doc, span.end
    while end < span.sent.end and doc[end].norm_ in ("and", "or"):
        joined = [
            other_span.end
            for other, other_span in targets_with_spans(doc)
            if other.kind not in PLACE_KINDS and end < other_span.start <= end + 2
        ]
        if not joined:
            break
        end = max(joined)
    return end


def told_of_others_past_stroke(target: Target, span: Span) -> bool:
    """ "my nan had a stroke and her face drooped", "my friend went blind in one eye after a stroke": a sign told in the
    past tense of another person, in a sentence telling of their past stroke (had before the sign, or linked to it by
    "after", "when"...) with nothing making it recent, is the story of that stroke. The person's own signs, signs told
    in the present or as recent, and "his face drooped, I think it's a stroke" are kept."""
    if target.code not in RED_FLAG_CODES:
        return False
    doc, sentence = span.doc, span.sent
    if any(token.norm_ in STILL_NOW for token in sentence):
        return False
    told_before = doc[max(sentence.start, span.start - PAST_TENSE_REACH) : span.end]
    if not any(token.norm_ in PAST_TENSE_WORDS for token in told_before):
        return False
    if not any(past_stroke_story(stroke, span) for stroke in strokes_in(sentence)):
        return False
    if span.start > sentence.start and doc[span.start - 1].norm_ == "'s":
        return True  # "my neighbour's face went droopy": someone's
    owner = next(
        (
            token
            for token in reversed(doc[sentence.start : span.start])
            if token.norm_ in OTHER_PEOPLE | FIRST_PERSON
        ),
        None,
    )
    return owner is not None and owner.norm_ in OTHER_PEOPLE


def strokes_in(sentence: Span) -> list[Span]:
    return [
        other_span
        for other, other_span in targets_with_spans(sentence.doc)
        if other.kind == ALARM_TALK and sentence.start <= other_span.start < sentence.end
    ]


def past_stroke_story(stroke: Span, sign: Span) -> bool:
    """A stroke had before the sign is told ("had a stroke and her face drooped"), or one the sign is linked to ("went
    blind after a stroke"), and not one said to be happening now."""
    if RECENT in {modifier.category for modifier in stroke._.modifiers}:
        return False
    told_with = {
        token.norm_
        for token in stroke.doc[max(stroke.sent.start, stroke.start - STROKE_STORY_REACH) : stroke.start]
    }
    if stroke.end <= sign.start:
        return bool(told_with & (PAST_TENSE_WORDS | {"suffered"}))
    # "her vision went weird before her stroke": the warning signs of that stroke, told with it
    return bool(told_with & (PAST_ILLNESS_LINKS | {"before"}))


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
    # "fine now" says the sign has gone, not that it is recent; "last week" or "this morning" still make it recent
    recent = STILL_NOW - {"now"} if said_gone_after(span) else STILL_NOW
    if any(token.norm_ in recent for token in sentence):
        return False
    return any(
        other.code in PAST_ILLNESS_CODES and 0 <= other_span.start - span.end <= PAST_ILLNESS_REACH
        for other, other_span in targets_with_spans(doc)
    )


def said_gone_after(span: Span) -> bool:
    """ "..., fine now", "... but it went away": the rest of the sentence says the sign has gone."""
    after = " ".join(token.norm_ for token in span.doc[span.end : span.sent.end])
    return bool(GONE_NOW.search(after))


def inside_a_denial(target: Target, span: Span) -> bool:
    """ "smiling doesn't make my eye twitch", "nothing else twitches along with it": the twitch is part of another
    finding's denial ("not" inside that longer phrase, before this one, or a negation of the whole phrase), so it says
    nothing of its own."""
    if not any(token.norm_ in INSIDE_NEGATIONS for token in span.doc[span.sent.start : span.start]):
        return False  # no denial can hold it (and the common case stays quick)
    if twitch_as_condition(target, span):
        return False
    return any(
        other.code != target.code
        and other.kind not in PLACE_KINDS
        and not other.negation_in_pattern
        and other_span.start <= span.start
        and span.end <= other_span.end
        and len(other_span) > len(span)
        and (
            any(token.norm_ in INSIDE_NEGATIONS for token in span.doc[other_span.start : span.start])
            or (
                other_span.start < span.start
                # a phrase saying things are normal is not denied by a negation before it ("no, speech and vision
                # are fine" lists on), so it holds no denial either
                and other.kind not in ABSENT_KINDS
                and NEGATED in {modifier.category for modifier in other_span._.modifiers}
            )
        )
        for other, other_span in targets_with_spans(span.doc)
    )


def denied_for_now(target: Target, span: Span, categories: set[str]) -> bool:
    """ "my grandad had Bell's palsy but I never have", "I used to get tingling but not now": after a relative's or a
    past mention, a short denial in the same sentence says the person does not have it now; after one's own past
    symptom, so does saying it went ("the tingling was last year, nothing now"; for a twitch, see GONE_FOR_GOOD)."""
    after = " ".join(token.norm_ for token in span.doc[span.end : span.sent.end])
    # the triggers of a past episode ("a twitch years ago during exams, which went away") likewise
    gone = GONE_FOR_GOOD if target.code == PRESENTING_COMPLAINT or target.code in TRIGGERS else GONE_NOW
    return bool(DENIED_FOR_NOW.search(after) or (HISTORICAL in categories and gone.search(after)))


def told_then_gone(target: Target, span: Span) -> bool:
    """ "my eye used to clamp shut but that's stopped", "I was stressed but that's gone": a finding told in the past
    tense, then said to have gone, is not there now. Not for a red flag: one that came and went ("my face drooped this
    morning but that's gone") may have been a mini stroke. For a twitch, see GONE_FOR_GOOD."""
    if (
        target.code == PRESENTING_COMPLAINT
        or target.code in RED_FLAG_CODES
        or target.kind not in (PRESENT, GENERIC)
    ):
        return False
    doc, sentence = span.doc, span.sent
    told_before = doc[max(sentence.start, span.start - PAST_TENSE_REACH) : span.end]
    # a regular past inside the phrase counts too: "my eye closed when I smiled, but that's stopped now"
    if not any(token.norm_ in PAST_TENSE_WORDS | {"felt"} for token in told_before) and not any(
        token.norm_.endswith("ed") for token in span[1:]
    ):
        return False
    after = " ".join(token.norm_ for token in doc[span.end : sentence.end])
    return bool(GONE_SINCE.search(after))


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
    # "haven't gone deaf", "hasn't gone numb": "not gone" is no denial of a twitch that has not gone away (a
    # pseudo-negation for ConText), but a sign right after it is denied
    if len(before) > 1 and before[-1].norm_ == "gone" and before[-2].norm_ in ("not", "never"):
        return True
    # the "or" before the phrase, or starting it ("no palsy or ms"), or before its owner ("doesn't affect my eyesight
    # or my chewing")
    if len(before) and before[-1].norm_ in ("or", "nor"):
        joint = before[-1].i
    elif len(before) > 1 and before[-1].norm_ in OWNERS and before[-2].norm_ in ("or", "nor"):
        joint = before[-2].i
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
    """The twitch's duration (docs/clinical-design.md): of the durations said, those not said of something else, the
    corrected one or else the longest."""
    readings = [
        reading
        for reading in duration_readings(text, now)
        if reading.span is None or not said_of_something_else(text, reading.span, mentions)
    ]
    return chosen(text, readings)


def said_of_something_else(text: str, span: tuple[int, int], mentions: list[Mention]) -> bool:
    """A time in a clause about another symptom, a trigger, a medicine, an old illness or injury, or another person,
    and not about the twitch: "my arm went weak 10 minutes ago", "my sister had Bell's palsy years back", "I've taken
    the same tablets for years". A clause that names the twitch, or nothing else ("it's been 3 weeks"), is the twitch's;
    one that only goes on with the clause before it ("..., have done for years") is that clause's."""
    clause = clause_around(text, span)
    whose = whose_clause(text, clause, mentions, denials_count=True)
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
        if start <= mention.start < end and mention.target.kind not in PLACE_KINDS
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


def continues_the_clause_before(text: str, clause: tuple[int, int], span: tuple[int, int]) -> bool:
    """The clause has no subject of its own: it opens with a verb ("have done for years", "been on them since
    2015", "had it for ages"), or it is only the time ("ages ago", "for years now")."""
    words = re.findall(r"[a-z']+", text[clause[0] : clause[1]].lower())
    rest = re.findall(r"[a-z']+", (text[clause[0] : span[0]] + " " + text[span[1] : clause[1]]).lower())
    return bool(words) and (words[0] in CONTINUING_OPENERS or all(word in TIME_FILLERS for word in rest))


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


def vague_sensation_entities(mentions: list[Mention]) -> list[EntitySpan]:
    """A vague feeling said to be there, on words that no sign's phrase reads ("not painful, just feels odd" keeps it)."""
    signs = [
        mention
        for mention in mentions
        if mention.target.kind not in NOT_FINDINGS and mention.status is not None
    ]
    vague = [
        mention
        for mention in mentions
        if mention.target.kind == VAGUE
        and mention.status is Status.PRESENT
        and not any(sign.start < mention.end and mention.start < sign.end for sign in signs)
    ]
    return [EntitySpan(VAGUE_SENSATION, Status.PRESENT.value, vague[0].start, vague[0].end)] if vague else []


def duration_entities(duration: DurationReading) -> list[EntitySpan]:
    value = duration.entity_value
    if value is None or duration.span is None:
        return []
    role = CORRECTION_ROLE if duration.correction else None
    return [EntitySpan("duration_days", value, *duration.span, role=role)]
