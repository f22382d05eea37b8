"""medspaCy ConText rules for how a finding is talked about (docs/clinical-design.md).

medspaCy ships rules written for clinical notes ("pt denies", "FHx"); people chatting write differently, so these
rules are our own. Categories:
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
  my face is drooping" keeps the drooping. BREAK: a comma before a new subject (", the twitch is worse"), which ends
  every kind of reach, worry and hypothesis included. NOW: "now", "these days": the present again after the past.
- AGAIN: "again", "came back": a history item said to recur was had before ("scared of getting Bell's palsy again"),
  and a past symptom said to be back is current ("used to twitch years ago, now it's back").
- UNCERTAIN: "not sure if", "wondering if": the finding counts (uncertain red flags are present).
- PSEUDO: look like negations but are not ("not sure", "no idea").
- RECENT: "is having", "just had", "right now": talk of a stroke happening now, even a relative's.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection

from medspacy.context import ConTextRule
from spacy.tokens import Span

from bot.triage.findings import FINDING_CODES, HISTORY_CODES, PATTERN_CODES, RED_FLAG_CODES

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
# What ends the reach of a negation and most other modifiers: a new statement, a comma before a new subject, "now".
CLAUSE_ENDS = frozenset({CLAUSE, BREAK, NOW})

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
    "not experiencing",
    "not getting",
    "not having",
    # longer than the clause start "my", so "not my cheek" stays negated (see also DENIED_WITH_MY)
    *(f"not {where}{owner}" for where in ("", "in ", "on ") for owner in ("my", "his", "her", "their")),
    "no problems with my",
    "no problem with my",
    "no issues with my",
    "no trouble with my",
    "nothing wrong with my",
    # "nothing like my eye closing when I smile"
    *(f"nothing like {owner}" for owner in ("my", "his", "her", "their")),
    # "not currently on any medication": longer than "currently", which starts the present after a past
    "not currently",
    "not at the moment",
    "none currently",
    # "never been told I have MS": longer than the clause start "i"
    *(f"{never} been {told} i" for never in ("never", "not") for told in ("told", "diagnosed", "warned")),
    # "hearing's fine, neither is my balance affected": longer than the clause start "my"
    *(
        f"{nor} {verb} my"
        for nor in ("neither", "nor")
        for verb in ("is", "are", "was", "has", "have", "does")
    ),
    "neither my",
    "nor my",
    # "I wouldn't say it's worse", "can't say I've noticed any drooping": longer than the clause starts "it", "i"
    *(
        f"{verb} not say {subject}".strip()
        for verb in ("would", "can", "could")
        for subject in ("", "it", "that", "i", "i have", "my", "there")
    ),
    # "not once has it spread": longer than the clause start "it"
    *(
        f"{never} {verb} {subject}"
        for never in ("not once", "never once", "at no point")
        for verb in ("has", "did", "have")
        for subject in ("it", "i", "my", "the")
    ),
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
    # "never had my eye slam shut", "haven't noticed my face drooping": longer than the clause start "my"
    "had",
    "got",
    "noticed",
    "felt",
    "seen",
)
DENIED_WITH_MY = tuple(f"{negation} {verb} my" for negation in ("not", "never") for verb in DENIED_VERBS)
# "haven't noticed my face drooping", "hasn't had his arm go weak": longer than "have not noticed", "have not had"
DENIED_WITH_MY += tuple(
    f"{aux} not {verb} {owner}"
    for aux in ("have", "has", "had")
    for verb in ("had", "got", "noticed", "felt", "seen")
    for owner in ("my", "his", "her")
)
# "it doesn't make it hard to see", "not making it worse": longer than the clause start "it"
DENIED_WITH_IT = tuple(
    f"{negation} {verb} it" for negation in ("not", "never") for verb in ("make", "makes", "making", "made")
)
# "doesn't stop me driving": longer than the pseudo-negation "not stop" ("won't stop twitching")
DENIED_FOR_ME = tuple(
    f"{negation} {verb} me"
    for negation in ("not", "never")
    for verb in ("stop", "stops", "stopping", "stopped")
)
# "I don't think I've ever injured my face": a hedged denial, which counts for what is not a red flag (a red flag
# someone is not sure about is kept: never under-triage).
HEDGED_DENIALS = tuple(
    f"{negation} {verb} {subject}"
    for negation in ("do not", "does not", "did not")
    for verb in ("think", "believe", "reckon")
    for subject in ("i", "my", "it", "there")
)
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
    # "is it possible to go blind from this?" (not "is it possible my face is drooping?", an uncertain sign)
    "is it possible to",
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
    # "I'd be more stressed if it spread" ("I'd been" is the past)
    "'d be",
    "'d get",
    "risk of",
    "chance of",
    "prevent",
    "lead to",
    "turn into",
    "become",
    "suppose",
    "supposing",
    "imagine",
    "hypothetically",
    "let us say",
    # "I'm scared my face will start drooping" (a "will" inside a finding's phrase: extraction.markers_inside)
    "will start",
    "will begin",
    "going to start",
    "might start",
    "may start",
    "could start",
    "would start",
)
# Only at the start of a sentence: "say it spreads, what then?" ("they say it's stress" reports nothing hypothetical).
# So do questions about the future: "would my hearing be affected if it got worse?", "will my face droop?" (not "why
# would my face feel tingly?", which asks about a sign that is there).
SUPPOSING_OPENINGS = (
    "say",
    "so say",
    "ok say",
    "would my",
    "will my",
    # "will I lose my sight?", "am I going to end up with a droopy face?"
    "will i",
    "would i",
    "am i going to",
    "am i gonna",
)
# What something may cause or mean, said in general: "I read that twitching can mean MS", "stress can cause numbness".
# Only the next few words, in the same statement: "coffee can cause it and my face is numb" reports the numbness.
CLAIM_PHRASES = tuple(
    f"{modal} {verb}"
    for modal in ("can", "could", "may", "might")
    for verb in (
        "mean",
        "cause",
        "lead to",
        "be a sign of",
        "be caused by",
        "turn into",
        "signal",
        "indicate",
    )
)
CLAIM_REACH = 4
# Someone else's guess: "my mum thinks it's stress", "people keep telling me it's stress" (see SPECULATION_PHRASES).
GUESSING = (
    "thinks",
    "thought",
    "reckons",
    "reckoned",
    "believes",
    "suspects",
    "guesses",
    "wonders",
    # "people keep telling me it's stress", "everyone says it's tiredness"
    "telling me",
    "tells me",
    "keep saying",
    "keeps saying",
)
# The verbs of GUESSING, and (ASKING_VERBS) the verbs of asking before an "if" ("people keep asking if I'm
# stressed"): bot.nlu.extraction reads a denial after them as the person's answer.
GUESS_VERBS = frozenset(
    word for phrase in GUESSING for word in phrase.split() if word not in ("me", "keep", "keeps")
)
ASKING_VERBS = frozenset({"ask", "asks", "asked", "asking", "wonder", "wondered", "wondering", "wonders"})
# Someone else's reading of the cause: "the pharmacist put it down to stress", "my GP blames it on tiredness" (the
# person's own "I put it down to stress" tells of their stress: see not_said_by_me).
ATTRIBUTING = (
    "put it down to",
    "puts it down to",
    "putting it down to",
    "blamed it on",
    "blames it on",
    "blaming it on",
    "chalked it up to",
    "chalks it up to",
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
    "start of",
    "beginning of",
    "onset of",
    # plans: "I'm thinking of going vegan", "planning to cut out coffee"
    "thinking of",
    "thinking about",
    "planning to",
    "planning on",
    "considering",
    # someone else's guess: "my mum thinks it's stress", "the GP reckons it could be tiredness" (what they said is a
    # report: "my GP said I'm low in magnesium")
    *(
        f"{verb} {guess}"
        for verb in GUESSING
        for guess in (
            "it is",
            "it's",
            "its",
            "it could be",
            "it might be",
            "it may be",
            "it was",
            "that it is",
            "that it's",
            "i am",
            "i'm",
            "that i am",
        )
    ),
)
# "frightened it might be MS": a guess reaches only the next few words, so that "it might be stress, work's been
# mental" still reports the work pressure said after it. ("probably too much wine" and "maybe 5 hours a night" are
# reports, hedged.)
SHORT_GUESSES = ("might be", "could be", "may be")
# A change of the twitch told with a "might be" ("it might be spreading a bit", "could be getting stronger") is an
# unsure report, which counts like an unsure red flag: it moves the level up; a guess at a cause does not.
CHANGES_OF_THE_TWITCH = frozenset(PATTERN_CODES) - {"twitching"}
SHORT_GUESS_REACH = 3
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
    # "scared my twitch is MS", "afraid this is the start of Bell's palsy": longer than the clause starts "my", "it"
    *(
        f"{feeling} {subject}"
        for feeling in ("worried", "scared", "afraid", "frightened", "terrified", "concerned", "paranoid")
        for subject in ("my", "this", "it", "it is", "that", "i", "i have", "i will", "i might", "i may")
    ),
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
    # "has anyone had numbness with this?"
    "anyone",
    "anybody",
    "someone",
    "somebody",
)
# People often leave the question mark off a question that opens with one of these ("whats synkinesis").
QUESTION_OPENINGS = frozenset({"what", "whats", "how", "why", "explain", "tell"})
# A question about what a cause leads to asks about the finding, red flag or not: "can stress cause weakness?",
# "could a tumour make my face droop?". The sign said before the question ("my face droops, can stress cause that?")
# is still reported: these only reach forward.
CAUSE_WORDS = (
    "cause",
    "causes",
    "causing",
    "make",
    "makes",
    "give",
    "gives",
    # ("lead to" is a hypothetical: one rule per phrase)
    "leads to",
    "bring on",
    "brings on",
    "trigger",
    "triggers",
    "result in",
    "results in",
    "linked to",
    "related to",
    "associated with",
    "come with",
    "comes with",
    "go with",
    "goes with",
    "symptom of",
    "symptoms of",
)
# Questions may open with these words too ("do new meds ever cause twitching"), but so do statements that leave out
# their subject ("is getting worse", "can't close my eye"): without a question mark, only with a word of asking
# about causes and meanings in it.
QUESTION_SIGNS = (
    *CAUSE_WORDS,
    "ever",
    "turn into",
    "turns into",
    "become",
    "normal",
    "serious",
    "dangerous",
    "a sign",
    "mean",
    "means",
    "possible",
    "common",
)
AUX_OPENINGS = frozenset(
    {"can", "could", "does", "do", "is", "are", "would", "will", "should", "might", "may"}
)
# The words between an opening "is" / "does" and a finding that make it the person's own: "is my face drooping?".
OWNING_WORDS = frozenset(
    {
        "my",
        "his",
        "her",
        "their",
        "our",
        "the",
        "this",
        "that",
        "these",
        "those",
        "it",
        "i",
        "he",
        "she",
        "they",
        "we",
    }
)
POSSESSIVES = frozenset({"my", "his", "her", "their", "our"})
# "why is", "why does": asking the reason for what is there (not "why would", "why might": a supposition).
WHY_VERBS = frozenset({"is", "are", "am", "'s", "does", "do", "did", "has", "have"})
# The kinds of target phrase (bot.nlu.extraction labels them "kind:code") that tell of a sign a question may presuppose.
PRESUPPOSABLE_KINDS = frozenset({"present", "generic", "implied"})
OWNED_REACH = 3
# "is numbness a bad sign?": the finding right after the opening word is what the question is about.
ASKED_SUBJECT_REACH = 2
# "should I worry about weakness?", "what should I look out for numbness?"
ASKED_ABOUT = frozenset({"about", "for"})
# "why would someone's face go numb?", "can you get numbness from stress?": a question about people in general.
ANYONE = frozenset({"someone", "somebody", "anyone", "anybody", "people", "person", "you", "your", "one's"})
QUESTION_SIGNS_PATTERN = re.compile(
    r"\b(?:" + "|".join(re.escape(phrase) for phrase in QUESTION_SIGNS) + r")\b"
)
HISTORICAL_PHRASES = (
    "years ago",
    "year ago",
    "last year",
    "as a child",
    "as a kid",
    "when i was younger",
    "when i was a kid",
    "when i was little",
    "as a teen",
    "as a teenager",
    "used to",
    "years back",
    "year back",
    "in the past",
    "history of",
    "previously",
    "once had",
    "once before",
    "back in",
    "went away",
    "cleared up",
    "got better",
    "recovered",
    "resolved",
    "ages ago",
    "long ago",
    "a long time ago",
    "way back",
    "in my teens",
    "in my twenties",
    "in my youth",
    "as a student",
    "when i was at school",
    "when i was at uni",
    "when i was young",
    "growing up",
    # a time of life: "back in uni I had a twitch for a month" (not "at uni", which may be now)
    *(
        f"{back} {place}"
        for back in ("back in", "back at")
        for place in ("uni", "university", "college", "school")
    ),
    "in high school",
    "at high school",
)
# The people someone may talk about besides themselves, one word each. bot.nlu.extraction uses the same list for
# relatives compared with the person ("my mum's eye twitches too").
RELATIVE_WORDS = (
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
    "relative",
    "relatives",
    "niece",
    "nephew",
    "colleague",
    "boyfriend",
    "girlfriend",
    "flatmate",
    "roommate",
    "kids",
    "siblings",
    "twin",
    "neighbour",
    "neighbor",
    "boss",
    "mate",
    "child",
    "baby",
    "grandson",
    "granddaughter",
    "stepdad",
    "stepmum",
    "stepmom",
    "fiance",
    "fiancee",
)
# Not for ConText's FAMILY, which would take the person's own history away: "I had Bell's palsy after my baby was
# born", "since having kids", "as a child", "had bells palsy mate".
NOT_ALWAYS_SOMEONE_ELSE = frozenset({"baby", "child", "kids", "mate"})
FAMILY_PHRASES = (
    *(relative for relative in RELATIVE_WORDS if relative not in NOT_ALWAYS_SOMEONE_ELSE),
    "runs in the family",
    "family history",
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
# A comma before a new subject starts a new statement: "I don't have any pain, the twitch is getting worse though".
BREAK_PHRASES = tuple(
    f", {subject}"
    for subject in (
        "the",
        "my",
        "it",
        "its",
        "i",
        "he",
        "she",
        "they",
        "his",
        "her",
        "their",
        "this",
        "that",
        "there",
        "everything",
        "now",
        "just",
        "only",
        # an amount starts a statement that something is there: "never drink alcohol, occasional coffee"
        "occasional",
        "occasionally",
        "some",
        "lots",
        "loads",
        "plenty",
        "a lot",
        "a few",
        "a couple",
        "a bit",
        "a little",
        "mostly",
        "mainly",
        "maybe",
        "perhaps",
    )
)
# The present again after talk of the past: "had Bell's palsy years ago and now the twitch".
NOW_PHRASES = (
    "now",
    "and now",
    "but now",
    "these days",
    "currently",
    "at the moment",
    "since then",
    "nowadays",
)
# In "twitching in my cheek years ago" or "no change in my vision" the "my" after a preposition does not start a new
# statement (a phrase longer than "my", with no effect of its own).
PREPOSITIONS = frozenset(
    {
        "in",
        "on",
        "to",
        "of",
        "with",
        "around",
        "under",
        "near",
        "by",
        "at",
        "across",
        "into",
        "from",
        "over",
        "after",
        "during",
    }
)
# ("his", "her", "their" are FAMILY phrases: one rule per phrase.)
OWNERS = ("my", "your")
PREPOSITION_MY = tuple(f"{preposition} {owner}" for preposition in sorted(PREPOSITIONS) for owner in OWNERS)
# A history item said to come again was had before; a past symptom said to be back is current.
AGAIN_PHRASES = (
    "again",
    "is back",
    "'s back",
    "are back",
    "came back",
    "come back",
    "comes back",
    "coming back",
    "returned",
    "has returned",
    "back again",
)
AGAIN_REACH = 10
# Words that make a past time the start of something still there: "it began last year".
ONSET_WORDS = frozenset({"started", "start", "starting", "began", "begun", "beginning", "since", "first"})
# A year written out ("in 2019"): 1900-2099.
PAST_YEAR = r"^(?:19|20)\d\d$"
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
    # "only the ringing, none of the other things": the others are denied, not the one named
    "none of the other",
    "none of the others",
    "none of the rest",
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
    # hedges, not suppositions: "I suppose my face could be a bit weaker"
    "i suppose",
    "i imagine",
    "i would imagine",
    "suppose so",
)

HISTORY = frozenset(HISTORY_CODES)
SYMPTOMS = frozenset(code for code in FINDING_CODES if code not in HISTORY)
NOT_RED_FLAGS = frozenset(code for code in FINDING_CODES if code not in RED_FLAG_CODES)
TRIGGERS = frozenset({"caffeine", "alcohol", "stress", "poor_sleep", "eye_strain", "diet_deficiency"})
RED_FLAGS = frozenset(RED_FLAG_CODES)
SINGLE_WORD_CLAUSE_STARTS = frozenset(phrase for phrase in CLAUSE_STARTS if " " not in phrase)


def context_rules(target_labels: dict[str, set[str]]) -> list[ConTextRule]:
    """The rules, restricted to the target labels of the codes each category may modify.

    `target_labels` maps each finding code (and "place" for locations and sides) to the span labels of its targets.
    """

    def labels(codes: frozenset[str] | set[str]) -> set[str]:
        return {label for code in codes for label in target_labels.get(code, set())}

    everything = labels(set(target_labels))
    rules: list[ConTextRule] = []
    rules += rules_for(
        NEGATION_PHRASES + DENIED_WITH_MY + DENIED_WITH_IT + DENIED_FOR_ME,
        NEGATED,
        "FORWARD",
        everything,
        terminated_by=CLAUSE_ENDS,
    )
    rules += rules_for(
        RARELY_PHRASES + RARELY_WITH_MY + HEDGED_DENIALS,
        NEGATED,
        "FORWARD",
        labels(NOT_RED_FLAGS),
        terminated_by=CLAUSE_ENDS,
    )
    # Either way round, close by: "nope no headache", "drooping - not really", "weakness none". One rule per phrase:
    # two rules on the same words would leave ConText keeping one of them, whichever it happened to meet first.
    rules += rules_for(
        BOTH_WAYS_NEGATIONS, NEGATED, "BIDIRECTIONAL", everything, max_scope=4, terminated_by=CLAUSE_ENDS
    )
    rules += rules_for(
        TRIGGER_STOPPED_PHRASES, NEGATED, "FORWARD", labels(TRIGGERS), terminated_by=CLAUSE_ENDS
    )
    rules += rules_for(HYPOTHETICAL_PHRASES, HYPOTHETICAL, "FORWARD", everything, terminated_by={BREAK})
    rules += rules_for(
        SPECULATION_PHRASES, HYPOTHETICAL, "FORWARD", labels(NOT_RED_FLAGS), terminated_by={BREAK}
    )
    rules += rules_for(
        ATTRIBUTING,
        HYPOTHETICAL,
        "FORWARD",
        labels(NOT_RED_FLAGS),
        terminated_by={BREAK},
        on_modifies=not_said_by_me,
    )
    rules += rules_for(
        CLAIM_PHRASES, HYPOTHETICAL, "FORWARD", everything, max_scope=CLAIM_REACH, terminated_by=CLAUSE_ENDS
    )
    # "say it starts closing my eye, is that bad?": a sentence opening with "say" supposes
    rules += rules_for(
        SUPPOSING_OPENINGS,
        HYPOTHETICAL,
        "FORWARD",
        everything,
        terminated_by={BREAK},
        on_modifies=opens_sentence,
    )
    rules += rules_for(
        SHORT_GUESSES,
        HYPOTHETICAL,
        "FORWARD",
        labels(NOT_RED_FLAGS - CHANGES_OF_THE_TWITCH),
        max_scope=SHORT_GUESS_REACH,
        terminated_by=CLAUSE_ENDS,
    )
    # Worry about a twitch ("paranoid about my twitch") still reports the twitch.
    rules += rules_for(
        WORRY_PHRASES, WORRY, "FORWARD", labels(NOT_RED_FLAGS - {"twitching"}), terminated_by={BREAK}
    )
    rules += rules_for(UNCERTAIN_PHRASES, UNCERTAIN, "FORWARD", everything)
    rules += question_rules(everything, labels(RED_FLAGS))
    # "had Bell's palsy years ago and now when I smile...": "now" starts the present again.
    past_of = past_time_of(labels(HISTORY))
    rules += rules_for(
        HISTORICAL_PHRASES,
        HISTORICAL,
        "BIDIRECTIONAL",
        labels(SYMPTOMS | {STROKE}),
        max_scope=8,
        terminated_by={BREAK, NOW},
        on_modifies=past_of,
    )
    # "my face was paralysed on one side in 2019": a past year
    rules += [
        ConTextRule(
            "in <year>",
            HISTORICAL,
            pattern=[{"LOWER": {"IN": ["in", "back"]}}, {"TEXT": {"REGEX": PAST_YEAR}}],
            direction="BIDIRECTIONAL",
            allowed_types=labels(SYMPTOMS | {STROKE}),
            max_scope=8,
            terminated_by={BREAK, NOW},
            on_modifies=past_of,
        )
    ]
    rules += rules_for(AGAIN_PHRASES, AGAIN, "BACKWARD", everything, max_scope=AGAIN_REACH)
    rules += rules_for(FAMILY_PHRASES, FAMILY, "BIDIRECTIONAL", labels(HISTORY | {STROKE}), max_scope=6)
    rules += rules_for(RECENT_PHRASES, RECENT, "BIDIRECTIONAL", labels({STROKE}), max_scope=6)
    rules += [ConTextRule(phrase, CLAUSE, direction="PSEUDO") for phrase in CLAUSE_STARTS + NORMAL_STATEMENTS]
    rules += [ConTextRule(phrase, BREAK, direction="PSEUDO") for phrase in BREAK_PHRASES]
    rules += [ConTextRule(phrase, NOW, direction="PSEUDO") for phrase in NOW_PHRASES]
    rules += [ConTextRule(phrase, "PREPOSITION", direction="PSEUDO") for phrase in PREPOSITION_MY]
    rules += [ConTextRule(phrase, "PSEUDO", direction="PSEUDO") for phrase in PSEUDO_PHRASES]
    rules += [
        ConTextRule(phrase, "TERMINATE", direction="TERMINATE") for phrase in ("but", "however", "although")
    ]
    return rules


def opens_sentence(target: Span, modifier: Span, between: Span) -> bool:
    return modifier.start == modifier.sent.start


def not_said_by_me(target: Span, modifier: Span, between: Span) -> bool:
    """ "the pharmacist put it down to stress" is a guess; "I'd put it down to stress" tells of the person's own."""
    before = modifier.doc[max(modifier.sent.start, modifier.start - 2) : modifier.start]
    return not any(token.norm_ in ("i", "we") for token in before)


def question_rules(everything: set[str], red_flags: set[str]) -> list[ConTextRule]:
    """Questions: after a question word, what is not a red flag is asked about ("can coffee cause this?"); a red flag
    only when the question asks what causes it or what it means (`asks_about`). One rule per word (see above)."""
    asks = asks_about(red_flags)
    return [
        *rules_for(QUESTION_WORDS, QUESTION, "FORWARD", everything, on_modifies=asks),
        *rules_for(
            CAUSE_WORDS, QUESTION, "FORWARD", everything, terminated_by={BREAK}, on_modifies=asks_cause
        ),
    ]


def asks_cause(target: Span, modifier: Span, between: Span) -> bool:
    """ "can stress cause weakness?" asks about the finding; "why does stress make my eye twitch?" presupposes it."""
    return in_question(target, modifier, between) and not presupposed(target)


def asks_about(red_flags: set[str]) -> Callable[[Span, Span, Span], bool]:
    def modifies(target: Span, modifier: Span, between: Span) -> bool:
        if not in_question(target, modifier, between):
            return False
        if target.label_ not in red_flags:
            return not presupposed(target)
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
    return bool(asked & (POSSESSIVES | {"i"})) and not asked & ANYONE


def owned(target: Span) -> bool:
    """ "could ringing in my ear be related?", "is tingling in my lip serious?": the person's own sign."""
    told_with = target.doc[target.start : min(target.end + OWNED_REACH, target.sent.end)]
    return any(token.norm_ in POSSESSIVES for token in told_with)


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
    if sentence.text.rstrip().endswith("?") or sentence[0].norm_ in QUESTION_OPENINGS:
        return True
    words = " ".join(token.norm_ for token in sentence)
    return opens_like_a_question(sentence) and bool(QUESTION_SIGNS_PATTERN.search(words))


def opens_like_a_question(sentence: Span) -> bool:
    """ "do new meds ever cause twitching": an opening "do", "can" or "is" not followed by a negation."""
    return (
        len(sentence) > 1 and sentence[0].norm_ in AUX_OPENINGS and sentence[1].norm_ not in ("not", "never")
    )


def past_time_of(history_labels: set[str]) -> Callable[[Span, Span, Span], bool]:
    """A time in the past is said of the finding next to it: in the same statement, and with no history item between
    them ("my balance is fine, had a facial injury in 2019": 2019 is the injury's)."""

    def modifies(target: Span, modifier: Span, between: Span) -> bool:
        return (
            same_statement(target, modifier, between)
            and (not history_between(between, history_labels) or caused_by_what_follows(target, between))
            and not told_as_onset(target, modifier)
        )

    return modifies


# "my face was paralysed from Bell's palsy years back": a sign told as caused by the history item after it has the
# item's time, so it is past too.
CAUSAL_LINKS = ("from", "with", "after", "by", "due to", "because of", "caused by")


def caused_by_what_follows(target: Span, between: Span) -> bool:
    if target.end != between.start:
        return False
    words = " ".join(token.norm_ for token in between[:2])
    return any(words == link or words.startswith(f"{link} ") for link in CAUSAL_LINKS)


def told_as_onset(target: Span, modifier: Span) -> bool:
    """ "it started as a twitch under my eye last year and now...": the time a finding began, not a past one."""
    told_until = max(target.end, modifier.start)
    return any(token.norm_ in ONSET_WORDS for token in target.doc[target.sent.start : told_until])


def history_between(between: Span, history_labels: set[str]) -> bool:
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


def rules_for(
    phrases: tuple[str, ...],
    category: str,
    direction: str,
    allowed_labels: set[str],
    max_scope: int | None = None,
    terminated_by: Collection[str] | None = None,
    on_modifies: Callable[[Span, Span, Span], bool] | None = None,
) -> list[ConTextRule]:
    return [
        ConTextRule(
            phrase,
            category,
            direction=direction,
            allowed_types=allowed_labels,
            max_scope=max_scope,
            terminated_by=set(terminated_by) if terminated_by is not None else None,
            on_modifies=on_modifies,
        )
        for phrase in phrases
    ]
