"""Spelling tolerance: each token's NORM is set to the spelling the finding patterns are written in.

People type fast and on phones ("twiching", "numbnes", "rite side", "dizzyness"), and write British or American
English. The patterns match on NORM, so a misspelt key word still matches. Two layers:
- known variants and misspellings, looked up directly;
- for longer key words only, one slip (a letter missing, extra, wrong or two letters swapped). Short words and
  words that are real words in their own right ("switch", "months", "check") are never "corrected", because
  turning "months" into "mouths" or "check" into "cheek" would invent a finding.
Medicines named by their generic or brand names ("propranolol", "Prozac") read as "medication" (see DRUG_ENDINGS).
"""

from __future__ import annotations

from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

VARIANTS = {
    # British / American and common alternative spellings
    "tumour": "tumor",
    "tumours": "tumors",
    "paralysed": "paralyzed",
    "paralyse": "paralyze",
    "paralysing": "paralyzing",
    "agonising": "agonizing",
    "numbed": "numb",
    "colour": "color",
    "behaviour": "behavior",
    "programme": "program",
    "anaemia": "anemia",
    "haemorrhage": "hemorrhage",
    "oedema": "edema",
    "whisky": "whiskey",
    "tyre": "tire",
    "tiredness": "tired",
    "effecting": "affecting",
    "effected": "affected",
    "stressy": "stressed",
    "eyelids": "eyelid",
    "lefthand": "left",
    "righthand": "right",
    # typos on short words, which the one-slip rule below leaves alone
    "rite": "right",
    "rigth": "right",
    "rght": "right",
    "riht": "right",
    "rigt": "right",
    "lft": "left",
    "leftt": "left",
    "lef": "left",
    "eys": "eyes",
    "eyse": "eyes",
    "iye": "eye",
    "ey": "eye",
    "lid's": "lid",
    "chek": "cheek",
    "cheak": "cheek",
    "cheeck": "cheek",
    "moth": "mouth",
    "mouf": "mouth",
    "nek": "neck",
    "twich": "twitch",
    "twitchs": "twitches",
    "spazm": "spasm",
    "spazms": "spasms",
    "spazzing": "spasming",
    "numbe": "numb",
    "numbnes": "numbness",
    "numness": "numbness",
    "dizy": "dizzy",
    "dizzi": "dizzy",
    "dizzyness": "dizziness",
    "dizzines": "dizziness",
    "weekness": "weakness",
    "weaknes": "weakness",
    "week-ness": "weakness",
    "droping": "drooping",
    "slured": "slurred",
    "slurd": "slurred",
    "headach": "headache",
    "hedache": "headache",
    "migrane": "migraine",
    "tinglin": "tingling",
    "tingleing": "tingling",
    "coffe": "coffee",
    "cofee": "coffee",
    "caffiene": "caffeine",
    "cafeine": "caffeine",
    "caffine": "caffeine",
    "alchohol": "alcohol",
    "alcohal": "alcohol",
    "stresed": "stressed",
    "stess": "stress",
    "stres": "stress",
    "anxios": "anxious",
    "exausted": "exhausted",
    "knackerd": "knackered",
    "sleeep": "sleep",
    "slep": "sleep",
    "bels": "bells",
    "bell's": "bells",
    "pallsy": "palsy",
    "palsey": "palsy",
    "palsie": "palsy",
    "pulsy": "palsy",
    "ms.": "ms",
    "meds.": "meds",
    "tabs": "tablets",
    "medz": "meds",
    "visoin": "vision",
    "blury": "blurry",
    "blured": "blurred",
    "vission": "vision",
    "ballance": "balance",
    "balence": "balance",
    # a red or painful eye (red_eye, eye_pain)
    "swolen": "swollen",
    "swollan": "swollen",
    "swolled": "swollen",
    "bloodshoot": "bloodshot",
    "blodshot": "bloodshot",
    "bludshot": "bloodshot",
    "bloodshotted": "bloodshot",
    "rednes": "redness",
    "reddness": "redness",
    "inflammed": "inflamed",
    "inflamated": "inflamed",
    "puffey": "puffy",
    "dischage": "discharge",
    "discarge": "discharge",
    "dicharge": "discharge",
    "throbing": "throbbing",
    "painfull": "painful",
    "hurtin": "hurting",
    "hurtts": "hurts",
    "stingin": "stinging",
}

# Key words long enough to be recognised through a single slip, and distinctive enough that no common
# English word is one slip away (those are listed in NEVER_CORRECTED below).
SLIP_TOLERANT_WORDS = (
    "twitching",
    "twitches",
    "twitched",
    "twitchy",
    "twitch",
    "spasming",
    "spasms",
    "flickering",
    "fluttering",
    "jumping",
    "eyelid",
    "eyebrow",
    "forehead",
    "cheekbone",
    "numbness",
    "tingling",
    "tingles",
    "drooping",
    "droopy",
    "droops",
    "weakness",
    "paralyzed",
    "paralysis",
    "dizzy",
    "dizziness",
    "headache",
    "migraine",
    "slurred",
    "slurring",
    "speech",
    "vision",
    "blurry",
    "blurred",
    "double",
    "balance",
    "unsteady",
    "vertigo",
    "tinnitus",
    "hearing",
    "muffled",
    "ringing",
    "caffeine",
    "coffee",
    "espresso",
    "alcohol",
    "stressed",
    "stress",
    "anxiety",
    "anxious",
    "exhausted",
    "knackered",
    "insomnia",
    "sleeping",
    "screens",
    "computer",
    "magnesium",
    "calcium",
    "deficiency",
    "deficient",
    "vitamin",
    "palsy",
    "sclerosis",
    "multiple",
    "medication",
    "medicine",
    "tablets",
    "antidepressants",
    "injury",
    "injured",
    "accident",
    "suddenly",
    "sudden",
    "worse",
    "worsening",
    "frequent",
    "spreading",
    "spread",
    "tremor",
    "quivering",
    "pulsing",
)
NEVER_CORRECTED = frozenset(
    {
        "switch",
        "stitch",
        "witch",
        "months",
        "mouths",
        "check",
        "checks",
        "single",
        "singles",
        "tinkling",
        # "my tongue keeps tangling" is speech, not tingling
        "tangling",
        "heading",
        "bearing",
        "fearing",
        "nearing",
        "wearing",
        "tearing",
        "searing",
        "gearing",
        "sleeting",
        "sweeping",
        "steeping",
        "toffee",
        "worst",
        "horse",
        "nurse",
        "purse",
        "curse",
        "whose",
        "words",
        "world",
        "bread",
        "dread",
        "spreads",
        "bumping",
        "dumping",
        "pumping",
        "humping",
        "lumping",
        "vitamins",
        "tablet",
        "medicines",
        "trouble",
        "doubles",
        "stresses",
        "balanced",
        "pansy",
        "injure",
        "tizzy",
        "busy",
        "screen",
        "scream",
        "screams",
        "cream",
        "computers",
        "sober",
        "twitter",
        "tweets",
        "visions",
        "version",
        "versions",
        "mission",
        "session",
        "dropping",
        "dropped",
        "drops",
        "troops",
        "trooping",
        "witches",
        "switches",
        "switched",
        "switching",
        "witching",
        "switchy",
        "fizzy",
        "slurping",
        "singing",
        "bringing",
        "wringing",
        "ranging",
        "seeping",
        "meditation",
        "tables",
        "sodden",
        "morse",
        "forehand",
        "cluttering",
        "quavering",
        "jingling",
        "mingling",
        "tinkles",
        "jingles",
        "meekness",
        # real words one slip from a key word: "pulling" is not "pulsing", "blurring" is vision, not "slurring"
        "pulling",
        "pursing",
        "blurring",
        "slurry",
        "healing",
        "heating",
        "rinsing",
        "commuter",
        "commuters",
        "dumbness",
        "flattering",
        "ruffled",
        "spams",
        "ditzy",
    }
)


def damerau_within_one(word: str, other: str) -> bool:
    """True when the two differ by at most one inserted, deleted, replaced or swapped letter."""
    if word == other:
        return True
    if abs(len(word) - len(other)) > 1:
        return False
    if len(word) == len(other):
        diffs = [index for index, (a, b) in enumerate(zip(word, other, strict=False)) if a != b]
        if len(diffs) == 1:
            return True
        first, second = ([*diffs, -1, -1])[:2]
        return (
            len(diffs) == 2
            and second == first + 1
            and word[first] == other[second]
            and word[second] == other[first]
        )
    shorter, longer = sorted((word, other), key=len)
    return any(longer[:index] + longer[index + 1 :] == shorter for index in range(len(longer)))


def deletions(word: str) -> set[str]:
    return {word[:index] + word[index + 1 :] for index in range(len(word))} | {word}


# Symmetric-delete index: a word one slip away from a key word shares a one-letter deletion with it.
SLIP_INDEX: dict[str, tuple[str, ...]] = {}
for _key_word in SLIP_TOLERANT_WORDS:
    for _deleted in deletions(_key_word):
        SLIP_INDEX[_deleted] = (*SLIP_INDEX.get(_deleted, ()), _key_word)

MIN_SLIP_LENGTH = 5
# Medicines by name ("started propranolol", "new sertraline dose"), recognised by the endings of their generic names
# and read as "medication", which the finding patterns know. No common English word of more than MIN_DRUG_LENGTH
# letters ends so.
DRUG_ENDINGS = (
    "olol",
    "pril",
    "sartan",
    "statin",
    "prazole",
    "oxetine",
    "opram",
    "triptyline",
    "azepam",
    "azolam",
    "dipine",
    "triptan",
    "mycin",
    "cillin",
    "cycline",
    "floxacin",
    "gabalin",
    "apentin",
    "olone",
    "isone",
    "afaxine",
    "azapine",
    "traline",
    "formin",
    "thyroxine",
    "profen",
    "cetamol",
    "farin",
    "xaban",
    "gliptin",
    "thiazide",
    "semide",
    "dronate",
    "lukast",
    "aspirin",
    "trigine",
    "apine",
    "azepine",
    "phenidate",
    "butamol",
    "piramate",
    "racetam",
    "valproate",
    "iclone",
    "irizine",
    "atadine",
)
MIN_DRUG_LENGTH = 7
# Medicines often called by a brand name ("since I started Prozac"), read as "medication" like the generic names.
MEDICINE_BRANDS = frozenset(
    {
        "prozac",
        "zoloft",
        "lustral",
        "cipramil",
        "cipralex",
        "lexapro",
        "seroxat",
        "paxil",
        "efexor",
        "effexor",
        "cymbalta",
        "wellbutrin",
        "xanax",
        "valium",
        "ritalin",
        "concerta",
        "adderall",
        "elvanse",
        "lyrica",
        "neurontin",
        "tegretol",
        "epilim",
        "lamictal",
        "keppra",
        "topamax",
        "ventolin",
        "hrt",
    }
)
MEDICATION = "medication"


@lru_cache(maxsize=20000)
def canonical_spelling(word: str) -> str:
    """The spelling the patterns use for this lower-case word (the word itself when nothing is known)."""
    if word in VARIANTS:
        return VARIANTS[word]
    if word in MEDICINE_BRANDS or (len(word) >= MIN_DRUG_LENGTH and word.endswith(DRUG_ENDINGS)):
        return MEDICATION
    if (
        len(word) < MIN_SLIP_LENGTH
        or word in NEVER_CORRECTED
        or word in SLIP_TOLERANT_WORDS
        or not word.isalpha()
    ):
        return word
    candidates = {key for deleted in deletions(word) for key in SLIP_INDEX.get(deleted, ())}
    matches = sorted(key for key in candidates if damerau_within_one(word, key))
    return matches[0] if len(matches) == 1 else word


# "so" before a word of degree intensifies it ("the lid shuts so tight", "it's so bad") and starts no clause, unlike the
# "so" of "I'm stressed so I can't sleep": read as "very", which the phrase gaps may cross.
DEGREE_WORDS = frozenset(
    {
        "tight",
        "tightly",
        "hard",
        "bad",
        "badly",
        "much",
        "often",
        "strong",
        "strongly",
        "fast",
        "quickly",
        "violently",
        "forcefully",
        "severe",
        "intense",
        "frequent",
        "frequently",
    }
)
INTENSIFIER = "very"


# "for a weak", "2 weaks ago": with a count before it and nothing after it that could be weak, "weak" is a misspelt
# "week" and never weakness ("a weak arm", "a weak smile", "a weak and floppy face" name what is weak, so stay
# weakness). The duration reader asks the same question (bot.nlu.duration), so both read such a "weak" alike.
WEEK_MISSPELLINGS = {"weak": "week", "weaks": "weeks"}
COUNTS_BEFORE_A_WEEK = frozenset(
    {"a", "one", "last", "this", "past", "couple", "few", "two", "three", "four", "five", "six", "several"}
)
WORDS_AFTER_A_DURATION = frozenset(
    {"ago", "or", "now", "already", "yeah", "yes", "so", "lol", "tbh", "plus", "but", "i", "it", "its", "my"}
)


def weak_means_week(before: str, after: str | None) -> bool:
    """Whether a "weak" between these two words (lower case; `after` None at the end of a phrase) is a week."""
    counted = before in COUNTS_BEFORE_A_WEEK or before.isdigit()
    return counted and (after is None or not after.isalpha() or after in WORDS_AFTER_A_DURATION)


# "pins n needles", "on n off": a lone "n" between two words is "and".
SHORT_AND = "n"


@Language.component("lay_spelling")
def lay_spelling(doc: Doc) -> Doc:
    """Set each token's NORM to its canonical spelling (spaCy's own NORM already expands "n't" to "not")."""
    for token in doc:
        token.norm_ = canonical_spelling(token.norm_)
    for token in doc[:-1]:
        if token.norm_ == "so" and token.nbor().norm_ in DEGREE_WORDS:
            token.norm_ = INTENSIFIER
    for token in doc[1:]:
        following = doc[token.i + 1] if token.i + 1 < len(doc) else None
        if token.norm_ in WEEK_MISSPELLINGS and weak_means_week(
            doc[token.i - 1].norm_, following.norm_ if following is not None else None
        ):
            token.norm_ = WEEK_MISSPELLINGS[token.norm_]
        elif (
            token.norm_ == SHORT_AND
            and following is not None
            and token.nbor(-1).is_alpha
            and following.is_alpha
        ):
            token.norm_ = "and"
    return doc
