"""medspaCy ConText rules for how a finding is talked about (docs/clinical-design.md): the engine.

medspaCy ships rules written for clinical notes ("pt denies", "FHx"); people chatting write differently, so these
rules are our own, kept as data in bot/nlu/resources/context_rules.yml. This module reads them, and holds the checks
(on_modifies) that decide what a word list cannot: whether a modifier reaches a given target. Categories:
- NEGATED_EXISTENCE: "no numbness", "I deny any drooping", "never had", "without pain" => absent.
- HYPOTHETICAL: "if it spreads", "what if it's a stroke", "I'm scared I'll get...", a sentence opening "say it
  spreads" or "will my face droop?", and general claims ("can cause", "could mean") => not a finding; guesses
  ("could it be MS?", "might be a tumour", "my mum thinks it's stress", "the GP put it down to stress") only for what
  is not a red flag.
- WORRY: "I'm worried about MS", "scared of Bell's palsy" => not a finding, but only for conditions, triggers and
  history. A worry about a red flag ("worried about the drooping") still counts: never under-triage.
- HISTORICAL: "years ago", "used to", "as a child" => a past symptom is not a current finding. History codes
  (Bell's palsy, injury, MS, medication) are history by nature, so this never applies to them.
- FAMILY: "my mum has MS" => a relative's illness is not the person's history. Only applies to history codes:
  someone describing another person's CURRENT symptoms ("my dad's face is drooping") gives findings.
- QUESTION: in a question, a cause or history item after the question word is asked about, not reported; so is any
  finding, red flag or not, that a question asks the cause or meaning of ("can stress cause weakness?", "is numbness a
  bad sign?"), unless the question presupposes it is there ("why is my face drooping?", "why does my eye shut when I
  smile?").
- CLAUSE: words that start a new statement ("my", "it", "but"), ending a negation's reach, so "no numbness and
  my face is drooping" keeps the drooping. BREAK: a comma or a "because" before a new subject (", the twitch is worse",
  "asked if I'd been drinking because my words were mushy"), which ends every kind of reach, worry and hypothesis
  included. NOW: "now", "these days": the present again after the past.
- AGAIN: "again", "came back": a history item said to recur was had before ("scared of getting Bell's palsy again"),
  and a past symptom said to be back is current ("used to twitch years ago, now it's back").
- UNCERTAIN: "not sure if", "wondering if": the finding counts (uncertain red flags are present).
- PSEUDO: look like negations but are not ("not sure", "no idea").
- RECENT: "is having", "just had", "right now": talk of a stroke happening now, even a relative's.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from medspacy.context import ConTextRule
from spacy.tokens import Doc, Span

from bot.nlu.kinds import EMERGENCY
from bot.nlu.resources import ResourceError, WordLists, expand, load
from bot.nlu.vocabulary import (
    ANYONE,
    ASKING_WORDS,
    AUXILIARY_OPENINGS,
    OWN_POSSESSIVES,
    TRIGGERS,
    VERB_NEGATIONS,
    WORD_LISTS,
)
from bot.triage.findings import FINDING_CODES, HISTORY_CODES, PATTERN_CODES, RED_FLAG_CODES, TWITCHING_CODE

# Whether a modifier reaches a target: (target, modifier, the words between them).
Check = Callable[[Span, Span, Span], bool]
NEGATED = "NEGATED_EXISTENCE"
HYPOTHETICAL = "HYPOTHETICAL"
WORRY = "WORRY"
QUESTION = "QUESTION"
UNCERTAIN = "UNCERTAIN"
HISTORICAL = "HISTORICAL"
FAMILY = "FAMILY"
CLAUSE = "CLAUSE"
BREAK = "BREAK"
NOW = "NOW"
AGAIN = "AGAIN"
RECENT = "RECENT"
# The target label group of talk of a stroke (bot.nlu.patterns.STROKE_WORDS).
STROKE = "stroke"
# The doc span group that holds the targets (bot.nlu.extraction).
TARGET_GROUP = "finding_targets"
# Categories that make a mention not count at all (negation turns it into absent instead).
DISCOUNTING = frozenset({HYPOTHETICAL, WORRY, QUESTION, HISTORICAL, FAMILY})

RESOURCE = "context_rules"
RULES = load(RESOURCE)
OWN_WORDS: WordLists = RULES["words"]
WORDS: WordLists = {**WORD_LISTS, **OWN_WORDS}
LIST_JOINERS = frozenset(WORDS["list_joiners"])
LIST_JOINER_REACH = 2


def words_of(name: str) -> tuple[str, ...]:
    """A word list of the resource's own `words`, its {name}s filled in."""
    return tuple(
        expanded
        for entry in OWN_WORDS[name]
        for expanded in expand(entry, WORDS, f"{RESOURCE}.yml words.{name}")
    )


# Read by bot.nlu.extraction: a denial after a verb of guessing or asking is the person's answer.
GUESS_VERBS = frozenset(words_of("guess_verbs"))
ASKING_VERBS = frozenset(words_of("asking_verbs"))
QUESTION_SIGNS_PATTERN = re.compile(
    r"\b(?:" + "|".join(re.escape(phrase) for phrase in words_of("question_signs")) + r")\b"
)
OWNING_WORDS = frozenset(words_of("owning_words"))
SPEAKERS = frozenset(words_of("speakers"))
WHY_VERBS = frozenset(words_of("why_verbs"))
ASKED_ABOUT = frozenset(words_of("asked_about"))
ONSET_WORDS = frozenset(words_of("onset_words"))
CAUSAL_LINKS = frozenset(words_of("causal_links"))
PREPOSITIONS = frozenset(words_of("prepositions"))
# The kinds of target phrase (bot.nlu.extraction labels them "kind:code") that tell of a sign a question may presuppose.
PRESUPPOSABLE_KINDS = frozenset({"present", "generic", "implied"})
OWNED_REACH = 3
# "my twitch", "my eyelid twitch", "gives me face spasms": how far before the twitch the person's "my" or "me" may be.
OWN_TWITCH_REACH = 2
OWN_OBJECTS = frozenset({"me"})
# "is numbness a bad sign?": the finding right after the opening word is what the question is about.
ASKED_SUBJECT_REACH = 2

HISTORY = frozenset(HISTORY_CODES)
# The groups of finding codes a rule's allowed_types and except_types name ("everything" is every target).
CODE_GROUPS: dict[str, frozenset[str]] = {
    "red_flags": frozenset(RED_FLAG_CODES),
    "not_red_flags": frozenset(FINDING_CODES) - frozenset(RED_FLAG_CODES),
    "history": HISTORY,
    "symptoms": frozenset(FINDING_CODES) - HISTORY,
    "triggers": TRIGGERS,
    "stroke": frozenset({STROKE}),
    # the person saying it is an emergency ("I've called an ambulance"): a past one ("last year") declares nothing now
    "emergency_talk": frozenset({EMERGENCY}),
    # A change of the twitch told with a "might be" ("it might be spreading a bit") is an unsure report.
    "changes_of_the_twitch": frozenset(PATTERN_CODES) - {"twitching"},
    **{code: frozenset({code}) for code in FINDING_CODES},
}
EVERYTHING = "everything"
CATEGORIES = frozenset(
    {NEGATED, HYPOTHETICAL, WORRY, QUESTION, UNCERTAIN, HISTORICAL, FAMILY, CLAUSE, BREAK, NOW, AGAIN, RECENT}
    | {"PREPOSITION", "PSEUDO", "TERMINATE"}
)
DIRECTIONS = frozenset({"FORWARD", "BACKWARD", "BIDIRECTIONAL", "PSEUDO", "TERMINATE"})
GROUP_FIELDS = frozenset(
    {"name", "category", "direction", "allowed_types", "except_types", "max_scope", "terminated_by"}
    | {"on_modifies", "literal", "literals", "pattern"}
)


def checked(group: Any, index: int) -> dict[str, Any]:
    """The rule group, or a ResourceError naming the entry and what is wrong with it."""
    where = f"{RESOURCE}.yml rules[{index}]"
    if not isinstance(group, dict) or "name" not in group:
        raise ResourceError(f"{where}: a rule group needs a name and ConTextRule fields, found {group!r}")
    where = f"{where} ({group['name']})"
    problems = [
        *(f"unknown field {field!r}" for field in sorted(set(group) - GROUP_FIELDS)),
        *(
            [f"category {group.get('category')!r} is none of {sorted(CATEGORIES)}"]
            if group.get("category") not in CATEGORIES
            else []
        ),
        *(
            [f"direction {group.get('direction')!r} is none of {sorted(DIRECTIONS)}"]
            if group.get("direction") not in DIRECTIONS
            else []
        ),
        *(
            f"{field} names {name!r}, which is no group of codes"
            for field in ("allowed_types", "except_types")
            for name in group.get(field, [])
            if name not in CODE_GROUPS and name != EVERYTHING
        ),
        *(
            f"terminated_by names {name!r}, which is no category"
            for name in group.get("terminated_by", [])
            if name not in CATEGORIES
        ),
        *(
            [f"on_modifies {group['on_modifies']!r} is none of {sorted(CHECKS)}"]
            if group.get("on_modifies", "opens_sentence") not in CHECKS
            else []
        ),
        *(
            ["needs either literals or a literal and a pattern"]
            if ("literals" in group) == ("pattern" in group)
            else []
        ),
    ]
    if problems:
        raise ResourceError(f"{where}: " + "; ".join(problems))
    for entry in group.get("literals", []):
        expand(entry, WORDS, where)
    return group


def literals(group: dict[str, Any]) -> list[str]:
    """The phrases of a group, one rule each: its literals with their word lists filled in, or its pattern's name."""
    if "pattern" in group:
        return [group["literal"]]
    where = f"{RESOURCE}.yml rules ({group['name']})"
    return [literal for entry in group["literals"] for literal in expand(entry, WORDS, where)]


def opens_sentence(target: Span, modifier: Span, between: Span) -> bool:
    """ "say it spreads, what then?": a supposition only where the sentence opens with it; the person's own twitch
    asked about ("will I need a scan for my spasm?") is there all the same."""
    return modifier.start == modifier.sent.start and not own_twitch(target)


def not_said_by_me(target: Span, modifier: Span, between: Span) -> bool:
    """ "the pharmacist put it down to stress" is a guess; "I'd put it down to stress" tells of the person's own."""
    before = modifier.doc[max(modifier.sent.start, modifier.start - 2) : modifier.start]
    return not any(token.norm_ in SPEAKERS for token in before)


def asks_cause(target: Span, modifier: Span, between: Span) -> bool:
    """ "can stress cause weakness?" asks about the finding; "why does stress make my eye twitch?" presupposes it."""
    return in_question(target, modifier, between) and not presupposed(target) and not own_twitch(target)


def asks_about(red_flags: set[str]) -> Check:
    """A question word discounts what is not a red flag unless the question presupposes it; a red flag only when the
    question asks about it in general ("is numbness a bad sign?"), not the person's own ("is my face drooping?")."""

    def modifies(target: Span, modifier: Span, between: Span) -> bool:
        if not in_question(target, modifier, between):
            return False
        if target.label_ not in red_flags:
            return not presupposed(target) and not own_twitch(target)
        if owned(target):
            return False
        return (
            asked_subject(modifier, between)
            or asked_of_anyone(modifier, between)
            or asked_bare_object(target, modifier)
        )

    return modifies


def presupposed(target: Span) -> bool:
    """ "why does my eye shut when I smile?", "how come my hearing has gone muffled?": a question asking why the person's
    own sign is there presupposes it, red flag or not ("why would my eye twitch?" and "why do people get twitches?" do
    not)."""
    if target.label_.split(":")[0] not in PRESUPPOSABLE_KINDS:
        return False  # a topic word ("why is my reading not working") names no sign
    sentence = target.sent
    words = [token.norm_ for token in sentence.doc[sentence.start : target.end]]
    if len(words) < 2 or not (words[:2] == ["how", "come"] or (words[0] == "why" and words[1] in WHY_VERBS)):
        return False
    asked = set(words[2:])
    return bool(asked & (OWN_POSSESSIVES | {"i"})) and not asked & ANYONE


def own_twitch(target: Span) -> bool:
    """ "can my pills cause my lid twitch?", "what sets off the spasms in my cheek?", "does tea give me twitches?": a
    question about the person's own twitch tells that there is one (docs/clinical-design.md), though it asks about
    its cause or its future. Only the twitch itself: "is my twitch spreading?" asks whether it spreads."""
    kind, _, code = target.label_.partition(":")
    if code != TWITCHING_CODE or kind not in PRESUPPOSABLE_KINDS:
        return False
    before = target.doc[max(target.sent.start, target.start - OWN_TWITCH_REACH) : target.start]
    after = [token.norm_ for token in target.doc[target.end : min(target.end + 2, target.sent.end)]]
    owned_after = len(after) == 2 and after[0] in PREPOSITIONS and after[1] in OWN_POSSESSIVES
    return (
        owned_after
        or any(token.norm_ in OWN_POSSESSIVES | OWN_OBJECTS for token in before)
        or says_mine(target.doc)
    )


def says_mine(doc: Doc) -> bool:
    """ "what calms a twitch? mine won't stop", "does a twitch like mine need a scan?": the twitch asked about is the
    person's own ("a friend of mine" is someone else)."""
    return any(token.norm_ == "mine" and (token.i == 0 or doc[token.i - 1].norm_ != "of") for token in doc)


def not_an_own_twitch(target: Span, modifier: Span, between: Span) -> bool:
    """ "if my twitch gets worse", "in case they're giving me spasms": a condition about the person's own twitch
    does not make the twitch itself a supposition."""
    return not own_twitch(target)


def owned(target: Span) -> bool:
    """ "could ringing in my ear be related?", "is tingling in my lip serious?": the person's own sign."""
    told_with = target.doc[target.start : min(target.end + OWNED_REACH, target.sent.end)]
    return any(token.norm_ in OWN_POSSESSIVES for token in told_with)


def asked_subject(modifier: Span, between: Span) -> bool:
    """ "is numbness a bad sign?", "does drooping always mean a stroke?": a red flag right after the question's opening
    word, not made the person's own ("is my face drooping?" reports it)."""
    return (
        modifier.start == modifier.sent.start
        and len(between) <= ASKED_SUBJECT_REACH
        and not any(token.norm_ in OWNING_WORDS for token in between)
    )


def asked_of_anyone(modifier: Span, between: Span) -> bool:
    """ "why would someone's face go numb?", "has anyone had numbness?": a red flag asked about people in general."""
    norms = {token.norm_ for token in (*modifier, *between)}
    return bool(norms & ANYONE) and not norms & OWNING_WORDS


def asked_bare_object(target: Span, modifier: Span) -> bool:
    """ "should I worry about weakness?": a bare red flag that a question opens by asking about; "should I worry about
    the drooping?" speaks of the person's own."""
    return (
        modifier.start == modifier.sent.start
        and target.start > 0
        and target.doc[target.start - 1].norm_ in ASKED_ABOUT
    )


def in_question(target: Span, modifier: Span, between: Span) -> bool:
    """A question word only discounts what follows it in a sentence that is a question."""
    sentence = modifier.sent
    if sentence.text.rstrip().endswith("?") or sentence[0].norm_ in ASKING_WORDS:
        return True
    words = " ".join(token.norm_ for token in sentence)
    return opens_like_a_question(sentence) and bool(QUESTION_SIGNS_PATTERN.search(words))


def opens_like_a_question(sentence: Span) -> bool:
    """ "do new meds ever cause twitching": an opening "do", "can" or "is" not followed by a negation."""
    return (
        len(sentence) > 1
        and sentence[0].norm_ in AUXILIARY_OPENINGS
        and sentence[1].norm_ not in VERB_NEGATIONS
    )


def past_time_of(history_labels: set[str]) -> Check:
    """A time in the past is said of the finding next to it: in the same statement, and with no history item between
    them ("my balance is fine, had a facial injury in 2019": 2019 is the injury's)."""

    def modifies(target: Span, modifier: Span, between: Span) -> bool:
        return (
            same_statement(target, modifier, between)
            and (not history_between(between, history_labels) or caused_by_what_follows(target, between))
            and not told_as_onset(target, modifier)
        )

    return modifies


def caused_by_what_follows(target: Span, between: Span) -> bool:
    """ "my face was paralysed from Bell's palsy years back": a sign told as caused by the history item after it has
    the item's time, so it is past too."""
    if target.end != between.start:
        return False
    words = " ".join(token.norm_ for token in between[:2])
    return any(words == link or words.startswith(f"{link} ") for link in CAUSAL_LINKS)


def told_as_onset(target: Span, modifier: Span) -> bool:
    """ "it started as a twitch under my eye last year and now...": the time a finding began, not a past one."""
    told_until = max(target.end, modifier.start)
    return any(token.norm_ in ONSET_WORDS for token in target.doc[target.sent.start : told_until])


def history_between(between: Span, history_labels: set[str]) -> bool:
    """Whether a history item's target lies wholly between the time and the finding."""
    return any(
        span.label_ in history_labels and between.start <= span.start and span.end <= between.end
        for span in between.doc.spans.get(TARGET_GROUP, [])
    )


def same_statement(target: Span, modifier: Span, between: Span) -> bool:
    """A time in the past reaches its finding unless a new statement starts between them. "my", "it" or "I" right
    after the time ("years ago I had numbness") or after a preposition ("numbness in my cheek years ago") do not start
    one; elsewhere they do ("years ago I had Bell's palsy and my face droops" is two statements)."""
    return not any(
        token.norm_ in SINGLE_WORD_CLAUSE_STARTS
        and token.i != modifier.end
        and not (token.i > 0 and token.doc[token.i - 1].norm_ in PREPOSITIONS)
        for token in between
        if not modifier.start <= token.i < modifier.end
    )


# The checks a group may name as on_modifies, each made with the span labels of the codes of a group it needs.
def through_a_list(target: Span, modifier: Span, between: Span) -> bool:
    """A negation reaches past another finding only along a list: "no pain, numbness or tingling", "no pain numbness or
    tingling", "no blind spots or loss of sight". Once a denied thing is followed by words that join nothing ("no
    headache the mouth thing came on suddenly", said without punctuation; "not painful, more like a flutter"), a new
    statement has begun."""
    inside = [
        span
        for span in between.doc.spans[TARGET_GROUP]
        if between.start <= span.start and span.end <= between.end
    ]
    if not inside:
        return True
    after_last = between.doc[max(span.end for span in inside) : between.end]
    # the denied thing's own last word may lie outside its phrase: "no blind [spots] or loss of sight"
    joined_by_a_word = any(token.norm_ in LIST_JOINERS for token in after_last[:LIST_JOINER_REACH])
    return joined_by_a_word or all(token.is_punct or token.norm_ in LIST_JOINERS for token in after_last)


# What joins the signs of one label of a checklist: "numbness/tingling: no", "Numbness or tingling: no".
LABEL_JOINERS = frozenset({"/", "&", "or"})
LABEL_OWN_WORDS = 2


def answers_its_label(target: Span, modifier: Span, between: Span) -> bool:
    """A "no" after a colon answers the label right before it when nothing follows in its answer ("Pain: no",
    "- drooping: nope"), but not "Numbness: no idea" (an unclear answer is never a "no"); forward it denies as any
    "no" does ("None of those: no pain, no numbness"), since its match stands in for that "no"."""
    if target.start >= modifier.end:
        return through_a_list(target, modifier, between)
    doc = modifier.doc
    following = doc[modifier.end] if modifier.end < len(doc) else None
    answer_ends = following is None or following.is_punct or following.is_space
    label_rest = doc[target.end : modifier.start]
    in_a_target = {index for span in doc.spans[TARGET_GROUP] for index in range(span.start, span.end)}
    other_words = [
        token for token in label_rest if token.norm_ not in LABEL_JOINERS and token.i not in in_a_target
    ]
    # the label's own last words ("Sudden onset: no"), but nothing that starts another statement ("arm weak, pain: no")
    one_label = len(other_words) <= LABEL_OWN_WORDS and all(
        token.is_alpha and token.norm_ not in LIST_JOINERS for token in other_words
    )
    return answer_ends and one_label


CHECKS: dict[str, Callable[[Callable[[str], set[str]]], Check]] = {
    "through_a_list": lambda labels_of: through_a_list,
    "opens_sentence": lambda labels_of: opens_sentence,
    "not_an_own_twitch": lambda labels_of: not_an_own_twitch,
    "not_said_by_me": lambda labels_of: not_said_by_me,
    "answers_its_label": lambda labels_of: answers_its_label,
    "asks_about": lambda labels_of: asks_about(labels_of("red_flags")),
    "asks_cause": lambda labels_of: asks_cause,
    "in_the_past": lambda labels_of: past_time_of(labels_of("history")),
}
GROUPS = [checked(group, index) for index, group in enumerate(RULES["rules"])]
SINGLE_WORD_CLAUSE_STARTS = frozenset(
    literal
    for group in GROUPS
    if group["category"] == CLAUSE
    for literal in literals(group)
    if " " not in literal
)


# Directions of the rules that only end other rules' reach and never modify a target themselves.
ENDING_DIRECTIONS = frozenset({"PSEUDO", "TERMINATE"})
# medspaCy lets a rule end another's reach only where their scopes overlap, and its overlap test misses a scope that
# lies wholly inside the other: a clause break spanning its whole sentence never cut a negation whose window of a few
# words fell inside it, so the "nope" of "I started a new medicine but nope, never had Bell's palsy" reached back over
# "but". A scope of one word either side of the ending words themselves is always caught by the test.
ENDING_SCOPE = 1


def max_scope_of(group: dict[str, Any]) -> int | None:
    if group["direction"] in ENDING_DIRECTIONS:
        return ENDING_SCOPE
    return group.get("max_scope")


def context_rules(target_labels: dict[str, set[str]]) -> list[ConTextRule]:
    """The rules, restricted to the target labels of the codes each group may modify.

    `target_labels` maps each finding code (and "place" for locations and sides) to the span labels of its targets.
    """

    def codes(names: list[str]) -> set[str]:
        return {
            code for name in names for code in (target_labels if name == EVERYTHING else CODE_GROUPS[name])
        }

    def labels(codes: set[str]) -> set[str]:
        return {label for code in codes for label in target_labels.get(code, set())}

    def allowed_labels(group: dict[str, Any]) -> set[str] | None:
        if "allowed_types" not in group:
            return None
        return labels(codes(group["allowed_types"]) - codes(group.get("except_types", [])))

    checks = {name: make(lambda group_name: labels(codes([group_name]))) for name, make in CHECKS.items()}
    return [
        ConTextRule(
            literal,
            group["category"],
            pattern=group.get("pattern"),
            direction=group["direction"],
            allowed_types=allowed_labels(group),
            max_scope=max_scope_of(group),
            terminated_by=set(group["terminated_by"]) if "terminated_by" in group else None,
            on_modifies=checks[group["on_modifies"]] if "on_modifies" in group else None,
        )
        for group in GROUPS
        for literal in literals(group)
    ]
