"""medspaCy ConText rules for how a finding is talked about (DESIGN.md section 3).

medspaCy ships rules written for clinical notes ("pt denies", "FHx"); people chatting write differently, so these
rules are our own. Categories:
- NEGATED_EXISTENCE: "no numbness", "I deny any drooping", "never had", "without pain" => absent.
- HYPOTHETICAL: "if it spreads", "what if it's a stroke", "I'm scared I'll get..." => not a finding; guesses
  ("could it be MS?", "might be a tumour") only for what is not a red flag.
- WORRY: "I'm worried about MS", "scared of Bell's palsy" => not a finding, but only for conditions, triggers and
  history. A worry about a red flag ("worried about the drooping") still counts: never under-triage.
- HISTORICAL: "years ago", "used to", "as a child" => a past symptom is not a current finding. History codes
  (Bell's palsy, injury, MS, medication) are history by nature, so this never applies to them.
- FAMILY: "my mum has MS" => a relative's illness is not the person's history. Only applies to history codes:
  someone describing another person's CURRENT symptoms ("my dad's face is drooping") gives findings.
- QUESTION: in a question, a cause or history item after the question word is asked about, not reported.
- CLAUSE: words that start a new statement ("my", "it", "but"), ending a negation's reach, so "no numbness and
  my face is drooping" keeps the drooping.
- UNCERTAIN: "not sure if", "wondering if": the finding counts (uncertain red flags are present).
- PSEUDO: look like negations but are not ("not sure", "no idea").
- RECENT: "is having", "just had", "right now": talk of a stroke happening now, even a relative's.
"""

from __future__ import annotations

from medspacy.context import ConTextRule
from spacy.tokens import Span

from bot.triage.findings import FINDING_CODES, HISTORY_CODES, RED_FLAG_CODES

NEGATED = "NEGATED_EXISTENCE"
HYPOTHETICAL = "HYPOTHETICAL"
WORRY = "WORRY"
QUESTION = "QUESTION"
UNCERTAIN = "UNCERTAIN"
HISTORICAL = "HISTORICAL"
FAMILY = "FAMILY"
CLAUSE = "CLAUSE"
RECENT = "RECENT"
# The target label group of talk of a stroke (bot.nlu.patterns.STROKE_WORDS).
STROKE = "stroke"
# Categories that make a mention not count at all (negation turns it into absent instead).
DISCOUNTING = frozenset({HYPOTHETICAL, WORRY, QUESTION, HISTORICAL, FAMILY})

NEGATION_PHRASES = (
    "no",
    "not",
    "never",
    "without",
    "deny",
    "denies",
    "denied",
    "nor",
    "neither",
    "nothing",
    "nah",
    "free of",
    "no sign of",
    "no signs of",
    "not any",
    "not had",
    "do not have",
    "does not have",
    "have not got",
    "have not had",
    "have not noticed",
    "not noticed",
    "no longer",
    "nothing like",
    "zero",
    "absence of",
    "lack of",
    "can not say i have",
    "not experiencing",
    "not getting",
    "not having",
    # longer than the clause start "my", so "not my cheek" stays negated (see also DENIED_WITH_MY)
    "not my",
    "not in my",
    "not on my",
    "no problems with my",
    "nothing wrong with my",
)
BOTH_WAYS_NEGATIONS = ("none", "nope", "not really", "absent")
# "it doesn't affect my driving", "smiling doesn't make my eye close": longer than the clause start "my", so the
# negation reaches the thing denied.
DENIED_VERBS = (
    "make",
    "makes",
    "making",
    "affect",
    "affects",
    "affecting",
    "stop",
    "stops",
    "stopping",
    "force",
    "forces",
    "forcing",
    "cause",
    "causes",
    "causing",
    "bother",
    "bothers",
    "close",
    "shut",
    "use",
    "interfere with",
    "get in the way of",
)
DENIED_WITH_MY = tuple(f"{negation} {verb} my" for negation in ("not", "never") for verb in DENIED_VERBS)
# "I barely use screens", "hardly ever on my phone": next to nothing, so absent - but only for what is not a red flag:
# "I can barely lift my arm" is weakness.
RARELY_PHRASES = (
    "barely",
    "hardly",
    "hardly ever",
    "rarely",
    "seldom",
    "almost never",
    "not much",
    "not often",
)
RARELY_WITH_MY = tuple(f"{rarely} {verb} my" for rarely in RARELY_PHRASES for verb in DENIED_VERBS)
# "no numbness, hearing is fine, had Bell's palsy": a statement that something is normal ends the negated list.
NORMAL_STATEMENTS = tuple(
    f"{verb} {normal}"
    for verb in ("is", "'s", "are", "was", "seems", "feels", "looks")
    for normal in ("fine", "normal", "ok", "okay", "good", "alright", "perfect", "grand")
)
# Said of a trigger: "I gave up coffee", "I cut out alcohol".
TRIGGER_STOPPED_PHRASES = (
    "gave up",
    "given up",
    "quit",
    "stopped drinking",
    "cut out",
    "no more",
    "avoid",
    "avoiding",
)
# Conditions and futures: "if it spreads", "will I get drooping" - nothing is reported, red flag or not.
HYPOTHETICAL_PHRASES = (
    "if",
    "what if",
    "in case",
    "whether",
    "unless",
    "would it",
    "will it",
    "a sign of",
    "signs of",
    "sign of",
    "i will get",
    "going to get",
    "might get",
    "could get",
    "will i get",
    "i'll get",
    "would be",
    "risk of",
    "chance of",
    "prevent",
    "lead to",
    "turn into",
    "become",
)
# Guesses about what it is: "could it be MS?", "might be a tumour". A sign said in the same breath is still reported
# ("is this a stroke, my mouth drooped", "my speech might be a bit slurred"), so these never discount red flags.
SPECULATION_PHRASES = (
    "could it be",
    "might it be",
    "is it",
    "is this",
    "could this be",
    "can this be",
    "do i have",
    "does this mean",
    "does it mean",
    "could be a",
    "might be a",
)
WORRY_PHRASES = (
    "worried about",
    "worried it is",
    "worried it's",
    "worried that",
    "worry about",
    "worried i have",
    "scared of",
    "scared it is",
    "scared that",
    "scared i have",
    "afraid of",
    "afraid it is",
    "afraid i have",
    "frightened of",
    "fear",
    "fears",
    "terrified of",
    "concerned about",
    "paranoid",
    "rule out",
)
# Questions about causes ("can coffee cause this?", "does stress make it worse?") name a trigger without reporting it.
QUESTION_WORDS = (
    "can",
    "could",
    "does",
    "do",
    "is",
    "are",
    "would",
    "will",
    "should",
    "might",
    "what about",
    "how about",
    "what",
    "whats",
    "how",
    "why",
    "explain",
    "tell me about",
)
# People often leave the question mark off a question that opens with one of these ("whats synkinesis").
QUESTION_OPENINGS = frozenset({"what", "whats", "how", "why", "explain", "tell"})
HISTORICAL_PHRASES = (
    "years ago",
    "year ago",
    "last year",
    "as a child",
    "as a kid",
    "when i was younger",
    "when i was a kid",
    "when i was little",
    "used to",
    "in the past",
    "history of",
    "previously",
    "once had",
    "back in",
    "went away",
    "cleared up",
    "got better",
    "recovered",
    "resolved",
)
FAMILY_PHRASES = (
    "mum",
    "mom",
    "mother",
    "dad",
    "father",
    "sister",
    "brother",
    "aunt",
    "auntie",
    "uncle",
    "grandma",
    "grandmother",
    "granny",
    "nan",
    "nana",
    "grandad",
    "grandpa",
    "grandfather",
    "cousin",
    "family",
    "parents",
    "parent",
    "son",
    "daughter",
    "wife",
    "husband",
    "partner",
    "friend",
    "runs in the family",
    "family history",
    "relative",
    "relatives",
    "niece",
    "nephew",
    "colleague",
    "he",
    "she",
    "they",
    "his",
    "her",
    "their",
)
# "but", "however" and "although" end every kind of scope (TERMINATE below), not only a negation's.
CLAUSE_STARTS = (
    "though",
    "except",
    "apart from",
    "aside from",
    "other than",
    "yet",
    "still",
    "just",
    "only",
    "now",
    "which",
    "whereas",
    "while",
    "my",
    "i",
    "it",
    "its",
    "because",
    "since",
    "and then",
    "also",
)
RECENT_PHRASES = (
    "is having",
    "are having",
    "having",
    "just had",
    "has just had",
    "right now",
    "just now",
    "happening",
    "today",
    "tonight",
    "this morning",
    "this afternoon",
    "this evening",
    "minutes ago",
    "hour ago",
    "hours ago",
    "suddenly",
)
# "not sure if my face is drooping" is an uncertain report, not a hypothetical: matched as a whole so the
# "if" inside it does not discount the finding, and an uncertain red flag counts (never under-triage).
UNCERTAIN_PHRASES = (
    "not sure if",
    "unsure if",
    "wondering if",
    "do not know if",
    "can not tell if",
    "not sure whether",
    "unsure whether",
    "can not tell whether",
)
PSEUDO_PHRASES = (
    "not sure",
    "not certain",
    "no idea",
    "not only",
    "not just",
    "no doubt",
    "not know",
    "do not know",
    "no clue",
    "not stop",
    "not stopped",
    "not go away",
    "not going away",
    "not gone",
    "not gone away",
    "no end",
    "no reason",
    "not normal",
    "not right",
    "no better",
    "not better",
    "not improved",
    "not improving",
    "not getting better",
    "no problem",
    "no problems",
    "no issue",
    "no issues",
    "no bother",
    "no trouble",
)

HISTORY = frozenset(HISTORY_CODES)
SYMPTOMS = frozenset(code for code in FINDING_CODES if code not in HISTORY)
NOT_RED_FLAGS = frozenset(code for code in FINDING_CODES if code not in RED_FLAG_CODES)
TRIGGERS = frozenset({"caffeine", "alcohol", "stress", "poor_sleep", "eye_strain", "diet_deficiency"})


def context_rules(target_labels: dict[str, set[str]]) -> list[ConTextRule]:
    """The rules, restricted to the target labels of the codes each category may modify.

    `target_labels` maps each finding code (and "place" for locations and sides) to the span labels of its targets.
    """

    def labels(codes: frozenset[str] | set[str]) -> set[str]:
        return {label for code in codes for label in target_labels.get(code, set())}

    everything = labels(set(target_labels))
    rules: list[ConTextRule] = []
    rules += rules_for(
        NEGATION_PHRASES + DENIED_WITH_MY, NEGATED, "FORWARD", everything, terminated_by={CLAUSE}
    )
    rules += rules_for(
        RARELY_PHRASES + RARELY_WITH_MY, NEGATED, "FORWARD", labels(NOT_RED_FLAGS), terminated_by={CLAUSE}
    )
    # Either way round, close by: "nope no headache", "drooping - not really", "weakness none". One rule per phrase:
    # two rules on the same words would leave ConText keeping one of them, whichever it happened to meet first.
    rules += rules_for(
        BOTH_WAYS_NEGATIONS, NEGATED, "BIDIRECTIONAL", everything, max_scope=4, terminated_by={CLAUSE}
    )
    rules += rules_for(TRIGGER_STOPPED_PHRASES, NEGATED, "FORWARD", labels(TRIGGERS), terminated_by={CLAUSE})
    rules += rules_for(HYPOTHETICAL_PHRASES, HYPOTHETICAL, "FORWARD", everything)
    rules += rules_for(SPECULATION_PHRASES, HYPOTHETICAL, "FORWARD", labels(NOT_RED_FLAGS))
    rules += rules_for(WORRY_PHRASES, WORRY, "FORWARD", labels(NOT_RED_FLAGS))
    rules += rules_for(UNCERTAIN_PHRASES, UNCERTAIN, "FORWARD", everything)
    rules += [
        ConTextRule(
            word,
            QUESTION,
            direction="FORWARD",
            allowed_types=labels(NOT_RED_FLAGS | {"place"}),
            on_modifies=in_question,
        )
        for word in QUESTION_WORDS
    ]
    # "had Bell's palsy years ago and now when I smile...": "now" starts the present again.
    rules += rules_for(
        HISTORICAL_PHRASES,
        HISTORICAL,
        "BIDIRECTIONAL",
        labels(SYMPTOMS | {STROKE}),
        max_scope=8,
        terminated_by={CLAUSE},
    )
    rules += rules_for(FAMILY_PHRASES, FAMILY, "BIDIRECTIONAL", labels(HISTORY | {STROKE}), max_scope=6)
    rules += rules_for(RECENT_PHRASES, RECENT, "BIDIRECTIONAL", labels({STROKE}), max_scope=6)
    rules += [ConTextRule(phrase, CLAUSE, direction="PSEUDO") for phrase in CLAUSE_STARTS + NORMAL_STATEMENTS]
    rules += [ConTextRule(phrase, "PSEUDO", direction="PSEUDO") for phrase in PSEUDO_PHRASES]
    rules += [
        ConTextRule(phrase, "TERMINATE", direction="TERMINATE") for phrase in ("but", "however", "although")
    ]
    return rules


def in_question(target: Span, modifier: Span, between: Span) -> bool:
    """A question word only discounts what follows it in a sentence that is a question."""
    sentence = modifier.sent
    return sentence.text.rstrip().endswith("?") or sentence[0].norm_ in QUESTION_OPENINGS


def rules_for(
    phrases: tuple[str, ...],
    category: str,
    direction: str,
    allowed_labels: set[str],
    max_scope: int | None = None,
    terminated_by: set[str] | None = None,
) -> list[ConTextRule]:
    return [
        ConTextRule(
            phrase,
            category,
            direction=direction,
            allowed_types=allowed_labels,
            max_scope=max_scope,
            terminated_by=terminated_by,
        )
        for phrase in phrases
    ]
