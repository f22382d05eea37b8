"""The everyday phrases for each finding, place and side (notation: bot.nlu.pattern_language).

For each finding code (docs/clinical-design.md) there are four kinds of phrase:
- present: says the finding is there ("face is drooping"); a negation in front turns it into absent;
- generic: a bare word ("weak", "pain") that counts as present unless a more specific phrase for another
  finding covers the same words ("my arm went weak" is limb weakness, not facial weakness);
- absent: says the thing is normal ("hearing's fine", "I can smile normally");
- generic_absent: a bare word that says the finding is not there ("gradually", "slowly" for sudden onset), with the
  same yielding as generic; like absent phrases, a negation earlier in the sentence does not reverse it;
- mention: names the topic without saying anything is wrong ("headache", "hearing"), so it counts only when
  negated ("nope no headache" is severe_headache absent; "I have a headache" is not a severe headache);
- answer: a mention that is also how people answer the bot's checklist questions ("just my hearing", "screens",
  "yes, driving"): present in a short reply (extraction.SHORT_ANSWER_WORDS), absent when negated, else nothing;
- neutral: says nothing either way, but being longer it replaces a shorter phrase for the same finding on the same
  words ("not getting any better" is neither the absent "better" nor a worsening);
- implied: says the finding is there as part of saying something else ("my eye clamps shut" is a spasm), so it counts
  when affirmed and says nothing when denied ("my eye doesn't clamp shut" denies the closure, not the twitch).

Uncertain wording ("I think my face might be drooping") is deliberately not a kind: a possible red flag counts as
present, so the assistant never under-triages.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class CodePatterns:
    present: tuple[str, ...] = ()
    generic: tuple[str, ...] = ()
    generic_absent: tuple[str, ...] = ()
    absent: tuple[str, ...] = ()
    mention: tuple[str, ...] = ()
    answer: tuple[str, ...] = ()
    neutral: tuple[str, ...] = ()
    implied: tuple[str, ...] = ()


FACE_PART = (
    "face|facial|cheek|cheeks|mouth|lip|lips|smile|eyelid|lid|lids|eye|eyes|eyebrow|eyebrows|brow|forehead|"
    "jaw|side"
)
# How a weak face looks or feels.
LOOKS_WEAK = (
    "droop*|dropped|dropping|sag*|slump*|fallen|slack|lopsided|crooked|uneven|wonky|paraly*|frozen|weak*|limp|heavy|"
    "floppy|hanging|hangs"
)
LIMB = "arm|arms|leg|legs|hand|hands|limb|limbs|foot|feet|fingers|grip"
BE = "is|'s|are|am|was|were|be|been|feels|feel|felt|looks|look|seems|seem|went|gone|going|go|has|have|got|gets|getting"
# "can't", "couldn't", "unable to", "not able to" - but not any "not": "it doesn't affect my driving" is a denial.
CANNOT = ("can|could not", "unable|hard|struggle|struggling|difficult*", "not able")
# Every way of saying an ability is lost: "can't", "couldn't", "not able to", "unable to", "struggling to", "having
# trouble", "hard to". The negation is part of the sign's own words (extraction.Target.negation_in_pattern), so "I can't
# keep my balance" is a present sign; its denials are said without one ("I can keep my balance fine", see the absent
# phrases) or deny the difficulty ("no trouble walking": the phrase without a negation of its own, negated).
UNABLE_TO = (
    "can|could not",
    "not able",
    "unable|struggl*|hard|harder|difficult*|trouble|difficulty|problem|problems|impossible|tricky",
)


def unable_to(ability: str, gap: int = 2) -> tuple[str, ...]:
    """One phrase per way of saying "cannot" before `ability` (notation), up to `gap` words apart ("can't seem to")."""
    return tuple(f"{cannot} ~{gap} {ability}" for cannot in UNABLE_TO)


# Things held in the hand, whose dropping or not being held says a limb is weak ("can't hold my cup").
HELD_THINGS = (
    "cup|cups|mug|mugs|glass|glasses|things|stuff|pen|pens|anything|kettle|bag|bags|fork|spoon|cutlery|objects|items|"
    "bottle|brush|toothbrush"
)
# Words a severe headache is told with, right before "head" ("a pounding head"; not "a bad head", often a mild one).
HEAD_SEVERE = "pounding|banging|splitting|thumping|hammering|exploding|bursting|killing"
# Parts of the face that an injury is told of.
INJURED_PART = (
    "face|cheek|cheeks|cheekbone|cheekbones|jaw|nose|eye|eyes|eyebrow|brow|forehead|temple|chin|mouth|lip|socket|"
    "head|skull"
)
# Hours of sleep a night: up to 6 is short, 7 or more is enough (an everyday reading, not a clinical cut-off).
FEW_HOURS = "1|2|3|4|5|6|one|two|three|four|five|six|2-3|3-4|4-5|5-6"
ENOUGH_HOURS = "7|8|9|10|seven|eight|nine|ten|7-8|8-9"
SPREADS = "spread|spreads|spreading|spreaded"
# Who makes the movement that sets off a linked one ("when I smile", "whenever he blinks").
MOVER = "i|he|she|they|you|we"
# What the face does in a linked movement (synkinesis), and the movements that set it off.
LINKED_ACTIONS = "clos*|shut*|narrow*|squint*|twitch*|mov*|pull*|lift*|goes|go|jump*|wink*"
MOUTH_MOVEMENTS = "smile*|smiling|eat*|chew*|talk*|speak*|laugh*|whistl*|grin*|pucker*|purse*|puff*"
EYE_MOVEMENTS = "blink*|clos*|shut*"
# A movement of the face as the subject of a sentence ("smiling makes my eye close", "raising my eyebrows doesn't do
# anything to my mouth").
MOVING = (
    "smil*|blink*|eating|chewing|talking|speaking|laughing|whistling|grinning|puffing|raising|frowning|yawning|"
    "pursing|puckering|closing|shutting"
)
# The parts of the face that move in a linked movement.
LINKED_PARTS = "eye|eyes|eyelid|lid|mouth|lip|lips|cheek|face"
# What a twitch does when it happens ("my eye shuts when it twitches", "stays open during the spasms").
TWITCH_EVENTS = "spasm*|twitch*|flicker*|jump*|flutter*|happens|starts|kicks|goes"
# Everyday activities a twitch can get in the way of (docs/clinical-design.md: seeing, eating, speaking, driving).
ACTIVITIES = (
    "drive|driving|read|reading|work|working|eat|eating|see|seeing|focus*|concentrat*|type|typing|study|studying|"
    "do|doing|function|cope|manage|use|cook|cooking|watch|watching|write|writing|play|playing|exercise"
)
# Activities named as nouns or gerunds, as people list them ("cooking, cleaning, work, all fine"); not "working"
# alone after a gap ("working hard" is effort, not a difficulty).
LISTED_ACTIVITIES = (
    "work|job|driving|reading|eating|chewing|cooking|cleaning|typing|studying|writing|talking|speaking|drinking|"
    "walking|shopping|housework|chores|school|uni|college|gym|exercise|sport|sports|swallowing"
)
# Activities a twitch can make hard, as the subject of "awkward", "hard" ("makes chewing awkward").
# (Talking named as hard is a speech difficulty: see speech_difficulty.)
HINDERED_ACTIVITIES = "reading|driving|eating|chewing|seeing|typing|focusing|concentrating|swallowing"
# Places beyond the eye a twitch spreads to.
SPREAD_PLACES = "cheek|cheeks|mouth|neck|jaw|lip|lips|chin|face"
# The eye held shut by the spasm, and the lids opened by hand: both are the closure, and get in the way (docs/clinical-design.md).
HELD_SHUT = "shut|closed|together|tight|tightly"
PRISED_OPEN = (
    "have|had|having|need|needs ~1 to ~2 pull|prise|prize|pry|force|prop|peel|hold|open ~3 eye|eyes|eyelid|eyelids|lid|"
    "lids|them|it ~1 apart|open"
)
# What is seen when sight is blurred, and the parts of it lost ("a dark patch", "a shadow") (vision_loss).
BLURRED = "blurry|blurred|blurring|fuzzy|hazy|cloudy|misty|foggy|smudged|smeared|distorted|wavy|doubled"
PATCH = "patch|patches|shadow|shadows|curtain|veil|smudge|blotch|blotches"
SEEING = "vision|sight|eyesight|view"
SHORT_TIME = "minute|minutes|min|mins|hour|hours|hr|hrs"
# How a sign came on ("it happened over a few days", "it came on within the hour"); with no more than a particle after
# them, so that the phrase never takes in the sign's own words (a longer onset phrase with them would give way to it).
ONSET_VERBS = (
    "came|come|comes|coming|crept|happened|happening|developed|developing|appeared|progressed|grew|built|set"
)
# Words that a face weakening is told with, when its onset is.
WEAKENING = "droop*|drop|dropped|dropping|weak*|sag*|slack|slump*"
LONG_TIME = "day|days|week|weeks|month|months"
# A topic answered with a denial: "hearing, no problems" (not "no change", which starts "no change in my speech").
NO_PROBLEMS = ",|-? no|nothing ~1 wrong|problem|problems|issue|issues|trouble"
NORMAL = "fine|normal|normally|ok|okay|good|great|perfect|perfectly|unaffected|clear|alright|grand|same|sharp"
# A topic word then a colon or dash and a normal word: "Hearing: fine.", "vision - ok" (the gaps of the other
# phrases never cross punctuation).
TOPIC_THEN_NORMAL = f",|-|: ~1 {NORMAL}|unchanged|unaffected"
# Senses and faculties said to be fine together ("my hearing and eyesight are fine"), with a plural verb.
SENSES = "hearing|ears|vision|sight|eyesight|eyes|balance|speech|talking"
PLURAL_BE = "are|were|seem|feel|look|both|'re"
# A trigger said not to be the cause: "stress isn't the issue" (with the negation in it, so it is a denial).
NOT_THE_CAUSE = "is|'s|was not|never ~2 issue|problem|cause|reason|culprit|trigger|factor"
# "spot on", "bang on": normal, in two words.
SPOT_ON = "spot|bang on"
# Two to four items listed, then said to be all normal: "reading, driving, eating - all normal", "cooking, cleaning,
# work, all fine" (the gaps of the other phrases never cross commas).
ALL_NORMAL = f"-|,|:? all|both|everything ~1 {BE}? ~1 {NORMAL}|unaffected|unchanged"


def listed_as_normal(items: str, first: str | None = None, last: str | None = None) -> str:
    """Two to four of `items` (the first among `first`, the last among `last`, when given) joined by commas or "and",
    then "all fine"."""
    between = ",|and|&|/"
    return f"{first or items} {between} {items}? {between}? {items}? {between}? {last or items} {ALL_NORMAL}"


DRINKS_WITH_CAFFEINE = (
    "coffee*|caffeine|caffeinated|espresso*|latte|lattes|cappuccino*|americano*|tea|teas|cola|coke|"
    "pepsi|cuppa*|mocha*|macchiato*|redbull*|monster|monsters"
)
SCREENS = (
    "screen|screens|computer|computers|laptop|laptops|monitor|monitors|phone|phones|tv|ipad|tablet|pc|kindle|"
    "e-reader|ereader"
)
SEVERE = (
    "worst|severe|terrible|awful|excruciating|splitting|thunderclap|blinding|agoniz*|crushing|massive|horrendous|"
    "unbearable|intense|sudden|horrible|pounding|banging|crippling|killer|bad|strong|painful|huge|extreme|violent|"
    "vicious|brutal"
)
NUTRIENTS = "magnesium|calcium|b12|vitamin*|electrolyte*|potassium|minerals"
MEDICINES = (
    "medication*|medicine*|meds|tablets|pills|drug|drugs|prescription*|prescribed|antidepressant*|inhaler*|dose|dosage|"
    "treatment|contraceptive*|injection*|jab|jabs|steroid*|antibiotic*|supplement*|capsule*|pill|patch|patches"
)

# Words that tell a medicine being started, prescribed or changed (new_medication, unless it was years ago).
STARTED_ON = "started|starting|began|begun|put|went|prescribed|switched|changed"

# The eye and its parts, for what the eye itself looks and feels like (red_eye, eye_pain).
EYE = "eye|eyes|eyeball|eyeballs|eyelid|lid|lids|eyelash*|lashes|socket|sockets"
# How an eye is said to be: "my eye is", "eyes r", "the eye's gone", "her eye looks".
EYE_STATE = (
    "is|'s|are|r|am|was|were|be|been|feels|feel|felt|looks|look|looking|looked|seems|seem|went|gone|going|go|goes|"
    "has|have|got|gets|getting|turned|turning|turns|became|become|becoming|stays|stayed|still"
)
# Words of degree, time and manner between an eye's state and what it is ("is also a bit red"), spelt out rather than
# a gap so that "my eye twitch is worse after red wine" says nothing of a red eye. The phrases leave a one-word gap
# before them for a negation ("isn't red"), which the extractor reads (a "not" in the pattern itself would not be).
EYE_DEGREE = (
    "also|too|really|very|so|a|bit|little|lil|abit|quite|slightly|super|v|proper|properly|totally|kinda|kind|"
    "sort|of|pretty|rather|extremely|all|both|now|still|more|bright|well|gone|going|getting|looking|been|actually|"
    "even|any"
)
# A red, swollen or sticky eye, or one with a discharge (docs/clinical-design.md: red_eye).
RED_WORDS = (
    "red|redder|reddish|redish|reddened|bloodshot|pink|pinkish|inflamed|swollen|swelled|swelling|puffy|puffed|"
    "puffing|sticky|crusty|crusted|crusting|gunky|gungy|gunked|goopy|gooey|gloopy|mucky|oozing|infected|weeping|weepy"
)
# The red_eye words that, said bare, can only be of an eye: "not sore, not sticky" denies a sticky eye, where a bare
# "not red" or "not swollen" may be of the face.
EYE_ONLY_RED = "bloodshot|sticky|crusty|crusted|gunky|gungy|gunked|goopy|gooey|gloopy|weepy|weeping"
# Joining the items of a list of denials: "not sore, not sticky", "not red or sore", "no redness nor pain".
DENIAL_LIST = ",|or|nor|and not|no|nothing?"
# What comes out of an eye, and what it shows (nouns): "gunk in my eye", "redness around the eye".
RED_THINGS = (
    "redness|swelling|inflammation|discharge|gunk|gunge|goo|gloop|pus|crust|crusts|crusting|mucus|muck|infection|"
    "puffiness|stickiness"
)
# A painful eye, said as a verb or an adjective (not the noun "pain": "the eye twitch is a pain" is a nuisance).
EYE_HURTS = (
    "hurt|hurts|hurting|hurted|aches|ache|aching|achy|achey|throbs|throb|throbbing|stings|sting|stinging|"
    "burns|burning|smarts|smarting|sore|soar|painful|tender|agony|raw|paining|pains"
)
PAIN_NOUNS = "pain|pains|ache|aches|aching|discomfort|soreness|tenderness|throbbing|stinging|agony"
# After a comma or "and": "my eye twitches and it's red", "..., it doesn't hurt though".
AND_IT = "and|,|but|though|although|plus|&|an|n"
# What comes after "and" before the eye's state: "and now it's red", "and lately it's sore".
AND_NOW = "now|also|then|lately|recently|today|suddenly"

FINDING_PATTERNS: dict[str, CodePatterns] = {
    "twitching": CodePatterns(
        present=(
            "twitch*",
            "spasm*",
            "spazz*",
            "tic|tics|ticcing",
            "flicker*",
            "flutter*",
            "jump*",
            "jerk*",
            "quiver*",
            "trembl*",
            "tremor*",
            "pulsat*",
            "pulsing|pulses|pulse",
            "vibrat*",
            "blepharospasm*",
            "myokymia",
            "fasciculat*",
            "contraction*",
            "spasam*",
            "mov* ~2 on its own",
            "mov* ~2 by itself",
            "mov* ~2 involuntarily",
            "can not stop blink*",
            "corner ~2 mouth ~3 pull*|lift*|tug*|goes",
            "not ~1 stopped|stop ~1 twitch*|spasm*|jump*|flicker*",
            # "the twitching hasn't stopped": longer than the absent "twitching ... stopped", so it wins
            "twitch*|spasm*|jump*|flicker* ~2 not|never ~1 stopped|ceased|settled|eased",
        ),
        absent=(
            "stopped|ceased ~1 twitch*|spasm*|jump*|flicker*",
            "twitch*|spasm*|jump*|flicker* ~3 stopped|ceased|settled",
        ),
        # "my mouth pulls up when I close my eyes" is a linked movement
        generic=("mouth|lip|cheek|face ~3 pull*|tug*|yank*",),
        # an eye forced shut is a spasm; "it doesn't clamp shut" denies the closure, not the twitch
        implied=(
            "squeez*|clamp*|slam*|scrunch*|snap* ~2 shut|closed",
            # "shuts tight", "closes so tightly" (bot.nlu.spelling reads that "so" as "very")
            "shut|shuts|closes|closed|shutting|closing ~1 tight|tightly",
            "blink|blinks|blinking ~1 hard|forcefully|uncontrollably|constantly|excessively",
        ),
    ),
    "spread": CodePatterns(
        present=(
            SPREADS,
            "moved|moving|moves|travel*|extend*|creep*|crept|progress* ~2 to|into|down|onto|across|outward|outwards",
            # "gone into my cheek", "went down to my mouth"; not "when I go to sleep" or "went to the GP"
            f"gone|going|goes|go|went|started ~2 to|into|down|onto|across ~2 {SPREAD_PLACES}",
            "gone|going|goes|go|went|started ~1 into|down|onto|across",
            f"affect*|involv*|reach*|{SPREADS} ~3 cheek|cheeks|mouth|neck|jaw|lip|lips|chin",
            "now ~4 cheek|cheeks|mouth|neck|jaw|lip|lips|chin ~2 too|also|aswell",
            "now ~4 cheek|cheeks|mouth|neck|jaw|lip|lips|chin ~1 as well",
            # "it's not just my eye now, it's my cheek too", "it isn't only the eyelid"
            "not ~1 just|only ~1 my|the ~1 eye|eyes|eyelid|eyelids|lid|lids",
            f"'s|is|and ~1 my|the? ~1 {SPREAD_PLACES} ~1 too|aswell|also",
            "also ~3 cheek|cheeks|mouth|neck|jaw|lip|lips|chin",
            "whole|entire|half ~3 face",
            "whole|entire ~1 side",
            "other parts ~2 face",
            "more of ~2 face",
            # "it's moved somewhere else", "hasn't travelled anywhere"; not "the twitch hasn't gone anywhere" (still there)
            "moved|moving|moves|gone|going|goes|go|went|spread*|travel*|creep*|crept|wander* ~2 anywhere|somewhere ~1 else",
            "moved|moving|moves|gone|going|goes|go|went|spread*|travel*|creep*|crept|wander* ~1 elsewhere",
            "moved|moving|spread*|travel*|creep*|crept|wander* ~1 anywhere",
            "moved|moving|gone|going|goes|go|went|spread*|travel*|extend*|reach* ~1 beyond|past|outside|further|farther "
            "~2 than? ~1 my|the|his|her ~1 eye|eyes|eyelid|eyelids|lid|lids",
        ),
        absent=(
            "stayed|stays|staying|still ~3 same|one ~1 spot|place|area|side",
            "always|only|ever ~2 same ~1 spot|place|area|bit",
            "stayed|stays|staying|stay|remained|remains ~2 where",
            "only|just ~1 ever ~3 eye|eyes|eyelid|eyelids|lid|lids",
            # "not in my mouth or cheek"
            f"not ~1 in|into|to|on ~1 my|the ~1 {SPREAD_PLACES}",
            "stayed|stays|staying|stay ~1 put",
            # "it's stayed in my left eyelid", "confined to the lid"
            "stayed|stays|staying|stay|remained|remains|remain|kept|keeps|stuck|sticks|confined|limited|restricted|"
            "localised|localized ~3 eye|eyes|eyelid|eyelids|lid|lids",
            "nowhere ~1 else",
        ),
    ),
    "worsening": CodePatterns(
        present=(
            "worse",
            "worsen*",
            "getting bad|stronger|longer|more",
            "stronger",
            "increas*",
            "intensif*",
            "escalat*",
            "more often|frequent*|intense|regular*|severe|noticeable|violent|forceful|powerful|obvious|constant",
            "more and more",
            "longer and longer",
            "lasting longer",
            "all the time now",
            "worst it has been",
            # "it's ramping up", "it's kicked up a gear"
            "ramp|ramps|ramping|ramped ~1 up",
            "kick|kicks|kicking|kicked|stepped|stepping ~1 up ~2 gear|notch",
        ),
        absent=(
            # "it hasn't changed"; "I haven't changed anything" is about something else
            "has ~1 not ~1 changed",
            "nothing ~1 has|'s|is ~1 changed",
            "it|twitch*|spasm*|twitches|they ~1 have ~1 not ~1 changed",
            "improv*",
            "better",
            "easing|eased|settling",
            "calmed down",
            "going away",
        ),
        # "the same" gives way to "stayed in the same spot", which is about spreading
        generic_absent=("same|steady|stable|unchanged|consistent",),
        # "worse when I'm tired" names a trigger, not a twitch that is getting worse
        mention=("worse ~1 when|whenever|if|after|during|with",),
        # "not getting any better" is not an improvement, and not a worsening either
        # "my dad did the same": "same" said of someone's doing, not of the twitch staying unchanged
        # "the better part of a month" is most of it, not an improvement
        neutral=(
            "not|no|never ~2 better|improv*",
            "better|best|greater part",
            "did|does|do|doing|had|has|have|got|get|gets ~1 the ~1 same",
        ),
    ),
    "eye_closure": CodePatterns(
        present=(
            "clos*|shut*|forc* ~2 my|the|his|her ~1 eye|eyes|eyelid|lid ~2 completely|fully|tight*|shut",
            "clamp*|slam*|snap*|scrunch* ~1 shut|closed",
            "force*|forcing|squeez*|clamp*|pull* ~3 eye|eyes|eyelid|lid ~1 shut|closed",
            "eye|eyes|eyelid|lid ~3 clos*|shut* ~3 involuntarily|completely|fully|tight*|itself|own",
            "eye|eyes|eyelid|lid ~3 shut|closed ~2 tight*",
            "can not open ~3 eye|eyes ~4 when|while|during|spasm*|twitch*",
            "eye|eyes|eyelid|eyelids|lid|lids ~3 clamp*|slam*|snap*|squeez*|scrunch*|forc* ~2 shut|closed|close?",
            # the twitch as the one closing the eye: "it shuts my eye", "it never closes my eye", "makes me shut my eye"
            "it|spasm*|twitch*|twitching|twitches|flicker*|they ~3 shut*|shuts|clos*|closes|force*|forcing|squeez* ~1 "
            "my|the|her|his ~1 eye|eyes|eyelid|eyelids|lid|lids",
            "make*|making ~1 me|him|her ~1 close|shut|squeeze|squint ~2 my|his|her|the? ~1 eye|eyes",
            "strong|hard|bad|severe ~1 enough ~2 to ~1 close|shut|force|clamp ~2 my|the|his|her ~1 eye|eyes|eyelid|lid",
            # the eye closing with the twitch: "my eye shuts when it twitches", "doesn't close during the spasms"
            f"eye|eyes|eyelid|eyelids|lid|lids ~3 clos*|shut* ~1 during|when|whenever|while|with ~2 {TWITCH_EVENTS}",
            "eye|eyes|eyelid|eyelids|lid|lids ~3 ends|end|ended|ending ~1 up ~1 shut|closed",
            "forced|involuntary|uncontrolled ~1 closing|closure|shutting ~2 of? ~1 my|the|his|her? ~1 eye|eyes|eyelid|lid",
            "eye|eyes|eyelid|eyelids|lid|lids ~2 gets|get|got|getting|goes|go|went|going ~1 shut|closed",
            "eye|eyes|eyelid|eyelids|lid|lids ~2 screw*|lock*|glue*|jam*|seal* ~1 shut|closed|together",
            "screw*|clamp*|squeez*|lock*|glue* ~2 my|the|his|her ~1 eye|eyes|eyelid|eyelids|lid|lids ~1 shut|closed|together",
            "eye|eyes|eyelid|eyelids|lid|lids ~2 squeez*|clamp*|screw* ~1 together",
            PRISED_OPEN,
        ),
        generic=("eye|eyes|eyelid|eyelids|lid|lids ~2 closes|shuts|closing|shutting|close|shut",),
        # "nope, eye stays open"; gives way to "my eye stays open when I smile" (a linked movement denied)
        generic_absent=("eye|eyes|eyelid|eyelids|lid|lids ~2 stays|stay|stayed|remains|remain ~1 open",),
        absent=(
            f"eye|eyes|eyelid|eyelids|lid|lids ~2 stays|stay|stayed|remains|remain|remained|staying ~1 open ~2 "
            f"during|when|whenever|while|through|with ~2 {TWITCH_EVENTS}",
            "can|could|able ~2 keep ~2 my|the|his|her ~1 eye|eyes ~1 open",
        ),
    ),
    "function_impact": CodePatterns(
        present=(
            "hardly|barely ~2 drive|read|eat|work|focus",
            "hard|harder|difficult|struggle|struggling|trouble|tricky|tough|awkward|impossible ~3 drive|driving|read|"
            "reading|eat|eating|work|working|job|see|seeing|focus*|concentrat*|type|typing|chew*|drink|drinking",
            # the activity first: "makes chewing awkward", "reading is a struggle now" (not "working hard": effort)
            f"{HINDERED_ACTIVITIES} {BE}? ~1 awkward|hard|harder|difficult|tricky|tough|impossible|struggle|nightmare",
            # "I'm struggling to get things done" ("no problems with getting stuff done" is its denial)
            "hard|harder|difficult|struggle|struggling|trouble|problem|problems|issue|issues ~4 get|getting ~1 "
            "stuff|things|anything|much|work ~1 done",
            # "it's holding me back", "hasn't held me back at all"
            "hold|holds|holding|held ~1 me|him|her|us ~1 back",
            # "it limits what I can do", "I'm not restricted in any way by it"
            "limit*|restrict* ~2 what ~3 do|doing",
            "limited|restricted ~4 by ~1 it|this|the|my|his|her",
            "affect*|impact*|limit*|restrict*|interfer*|disrupt*|ruin*|wreck*|dominat* ~2 anything|everything ~2 "
            "i|he|she|we ~1 do|does|did",
            # "I avoid driving now because of it", "she's given up reading" (not "stopped working", said of a remedy)
            "avoid|avoids|avoiding|avoided ~2 driving|reading|going|screens|work|working|cooking",
            "gave|given|give|giving|stopped|quit ~1 up? ~1 driving|reading|cooking",
            # "I've had to take time off work for it" ("haven't had to take any time off" is its denial)
            "have|had|having|need|needed|needing ~1 to ~1 take ~2 time ~1 off",
            *(
                f"{cannot} ~3 drive|driving|read|reading|work|working|focus*|concentrat*|eat|eating"
                for cannot in (*CANNOT, "stops|stopping|prevents|preventing")
            ),
            "can? not|unable ~2 do ~1 my ~1 job|work",
            "interfer*",
            "gets|getting|get|got ~1 in ~1 the|my|your ~1 way",
            f"stop|stops|stopped|stopping|prevent*|keep|keeps|keeping ~1 me ~2 from? ~1 {ACTIVITIES}|anything|everything|"
            "getting|going|carrying|living",
            "affect*|affecting|impact*|ruin*|disrupt*|mess*|bother|bothers|bothering|bothered ~2 my ~1 work|job|driving|reading|"
            "eating|chewing|life|day|vision|sight|sleep|studies|studying|ability|abilities|routine|hobbies",
            "pull over",
            # "work is affected" ("work isn't affected" is its denial)
            "work|job|driving|reading|eating|chewing|studies|studying ~3 affected|impacted|disrupted",
            "have|had|having|got ~1 to ~1 stop|quit ~1 driving|reading|working|work|doing",
            "impact*|effect|effects ~1 on ~3 day*|life|work|job|driving|reading|routine|studies|studying|anything|"
            "everything|things",
            # the eye forced shut at the wheel
            "clamp*|slam*|shut|closed|close|closes|closing ~2 when|while|whilst ~2 driving|reading|cycling|riding",
            # seeing hindered by the twitch itself ("I can't see properly when it flutters"): the twitch gets in the
            # way of seeing (docs/clinical-design.md), not a loss of vision; longer than the vision_loss "can't see"
            "can? not|barely|hardly|hard ~1 to? ~1 see ~2 when|while|whilst|whenever ~2 it|eye|lid|eyelid ~1 "
            "twitch*|flutter*|flicker*|jump*|spasm*|goes|starts|shuts|closes",
            # the eye shut so that nothing can be seen: "it shuts so hard when it spasms that I can't see the road", "the
            # lid clamps so tight I can't see" ("so" is a clause break for gaps, hence spelt out)
            "shut*|clos*|clamp*|squeez*|spasm*|twitch*|flutter* ~2 so? ~2 that i|he|she|you ~1 can not|barely|hardly ~1 "
            "see",
            "shut*|clos*|clamp*|squeez*|spasm*|twitch*|flutter* ~1 so|very ~2 i|he|she|you ~1 can not|barely|hardly ~1 "
            "see",
            # the eye held shut and nothing seen meanwhile: "my lid screws shut and I can't see a thing" (docs/clinical-design.md section
            # 3: not a loss of vision; longer than the vision_loss "can't see", so it wins)
            f"{HELD_SHUT} ~3 ,|and? i|you|he|she? can|could? not|barely|hardly|cannot ~1 see",
            PRISED_OPEN,
        ),
        answer=("driving|reading|eating|chewing|working|cooking",),
        # "doesn't bother me at work": a bother is no interference, but its denial says there is none; "no problems
        # with getting stuff done" likewise
        mention=(
            "bother*|bothering ~1 me ~2 at|when|while|in ~2 work|driving|reading|car|job|desk",
            "getting|get ~1 stuff|things|anything|work ~1 done",
        ),
        # "I can still drive and read fine", "I still go about my day", "reading's fine, driving's fine"
        absent=(
            f"can|could ~1 still ~2 {ACTIVITIES}|go|get|carry|keep",
            # "I can read and watch telly fine" (not "can I drive?")
            "i|we can|could drive|read|work|function|cope|concentrate|focus|watch|cook|type|write|study|exercise|eat|chew",
            # "it doesn't affect me", "hasn't impacted me much"
            "not|never ~1 affect|affects|affected|affecting|impact|impacts|impacted|impacting ~1 me|him|her|us",
            f"{ACTIVITIES}|working|driving ~2 as ~1 usual|normal|normally|always|before|ever",
            f"still ~1 able ~1 to ~2 {ACTIVITIES}|go|get|carry|keep",
            "go|going|goes|get|getting|gets|carry|carrying|carries ~1 about|on ~2 my|as|with ~2 day|days|life|business|"
            "normal|normally|usual|things|job|work",
            "keep|keeping|carry|carrying ~1 on? ~1 working|reading|driving|going ~2 through|fine|normally|ok|okay|as",
            "manag*|coping|cope|functioning|function ~1 at? ~1 work|job|fine|ok|okay|normally|well|alright",
            # "it's not a problem when I'm driving", "no bother while I read"
            f"not|no|never ~1 a? ~1 problem|issue|bother when|while|whilst i|i'm|im? ~1 {ACTIVITIES}",
            f"driving|reading|work|working|eating ~1 {BE} ~1 {NORMAL}|unaffected|unchanged",
            # "eating fine" (not "arms are working normally")
            f"driving|reading|eating|chewing {NORMAL}|unaffected|unchanged",
            # "everyday stuff is fine", "daily life's unaffected"
            f"everyday|daily|day-to-day ~1 stuff|life|things|tasks|activities ~1 {BE}? ~1 {NORMAL}|unaffected|unchanged",
            # "Daily activities? All normal.", "day to day stuff - fine"
            f"everyday|daily|day-to-day ~1 stuff|life|things|tasks|activities|routine ?|,|-|: all? ~1 {NORMAL}",
            f"day -? to -? day ~1 stuff|life|things|tasks|activities|routine ?|,|-|: all? ~1 {NORMAL}",
            f"day -? to -? day ~1 stuff|life|things|tasks|activities|routine ~1 {BE}? ~1 {NORMAL}|unaffected|unchanged",
            # "cooking, cleaning, work, all fine"
            listed_as_normal(LISTED_ACTIVITIES),
            # "eating and talking are totally unaffected", "I can see and eat and talk like normal" (gaps do not cross
            # "and", so the list is spelt out)
            f"driving|reading|working|eating|chewing|seeing and|or {ACTIVITIES}|talking|speaking ~1 {BE} ~1 "
            f"totally|completely|both|all? ~1 {NORMAL}|unaffected|unchanged",
            f"can|could ~1 {ACTIVITIES} and|or {ACTIVITIES}|talk|speak and|or? {ACTIVITIES}|talk|speak? ~1 like|as ~1 "
            "normal|usual|always|before|ever",
            # "it's not in the way of anything", "never in my way"
            "not|never ~2 in ~1 the|my|your ~1 way",
            # "still driving to work every day", "I'm still working" (a difficulty said as well wins: present)
            "still ~1 driving|working|reading|studying|typing|cooking|writing|eating|chewing",
        ),
    ),
    "linked_movements": CodePatterns(
        present=(
            "synkinesis",
            "linked|link|connected ~3 movement*|movements",
            "move*|moving|twitch*|pull*|go|goes|work|works|jump* together",
            # "nothing moves in sync with it"
            "move*|moving|twitch*|pull*|go|goes|work|works|jump* in ~1 sync|unison|tandem",
            # "my mouth doesn't move along with it": a weakness denied inside gives way (extraction.GIVES_WAY_INSIDE);
            # "my face doesn't move together like that" likewise
            f"{LINKED_PARTS} ~3 mov*|moves|twitch*|pull*|go|goes|jump* along? ~1 with ~1 it|them|this",
            f"{LINKED_PARTS} ~3 mov*|moves|twitch*|pull*|go|goes|jump* together",
            # "I smile and my eye closes"
            f"{MOVER} {MOUTH_MOVEMENTS} and ~1 my|the|his|her ~1 {LINKED_PARTS} ~1 {LINKED_ACTIONS}",
            # "it only happens when I smile", "it doesn't happen with smiling or eating"
            f"happen|happens|happening|come|comes|occur|occurs ~2 with|when|whenever|while ~1 {MOVER}? ~1 "
            f"{MOUTH_MOVEMENTS}|{MOVING} or|and? {MOUTH_MOVEMENTS}|{MOVING}?",
            # "something else moves when I smile"; "nothing else..." is its denial
            "else ~1 mov*|twitch*|pull*|goes|go ~2 when|whenever|if|as ~2 smile*|smiling|blink*|eat*|chew*|talk*|laugh*",
            # The eye moving with the mouth ("when I smile my eye closes"), or the mouth with the eye ("my lip pulls up
            # when I blink"); an eye that does not close when blinking is weak, not linked.
            f"when|whenever|if|as {MOVER} ~1 {MOUTH_MOVEMENTS} ~6 eye|eyes|eyelid|lid|mouth|lip|lips|cheek|face ~3 "
            f"{LINKED_ACTIONS}",
            f"when|whenever|if|as {MOVER} ~1 {EYE_MOVEMENTS} ~6 mouth|lip|lips|cheek|face ~3 {LINKED_ACTIONS}",
            "when|whenever|if|as i ~1 clos*|shut*|blink* ~2 eye|eyes ~4 mouth|lip|lips|cheek ~3 mov*|pull*|twitch*|"
            "lift*|goes|go|jump*",
            f"eye|eyes|eyelid|mouth|lip|lips|cheek ~3 {LINKED_ACTIONS} ~3 when|whenever|while|as|time {MOVER} ~1 "
            f"{MOUTH_MOVEMENTS}",
            f"mouth|lip|lips|cheek ~3 {LINKED_ACTIONS} ~3 when|whenever|while|as|time {MOVER} ~1 {EYE_MOVEMENTS}",
            # the movement as the subject: "smiling makes my eye close", "blinking doesn't move my mouth"
            f"{MOVING} ~4 make*|making|cause*|causing|mov*|pull* "
            "~4 eye|eyes|eyelid|lid|mouth|lip|lips|cheek|face ~2 clos*|shut*|narrow*|squint*|twitch*|mov*|pull*|lift*|"
            "go|goes|small|smaller|jump*",
            # "smiling doesn't close my eye"
            "smil*|eating|chewing|talking|speaking|laughing|whistling|grinning|puffing ~3 clos*|shut*|narrow* ~2 my|the ~1 "
            "eye|eyes|eyelid|lid",
            # "no link to smiling or eating"
            f"link|links|linked|connection|connected|related ~2 to|with ~1 {MOUTH_MOVEMENTS}|{EYE_MOVEMENTS} or|and? "
            f"{MOUTH_MOVEMENTS}|{EYE_MOVEMENTS}?",
            # "when I talk my eye doesn't do anything weird", "my eye does something odd when I smile"
            f"when|whenever|if|as {MOVER} ~1 {MOUTH_MOVEMENTS}|{EYE_MOVEMENTS} ~6 eye|eyes|eyelid|lid|mouth|lip|lips|cheek|"
            "face ~3 do|does|did ~1 anything|something",
            f"eye|eyes|eyelid|lid|mouth|lip|lips|cheek ~2 do|does|did ~1 anything|something ~2 weird|funny|strange|odd ~1 "
            f"when|whenever|while|as ~1 {MOVER} ~1 {MOUTH_MOVEMENTS}|{EYE_MOVEMENTS}",
            # "when I eat my eye waters and closes a bit"
            f"when|whenever|if|as {MOVER} ~1 {MOUTH_MOVEMENTS} ~6 eye|eyes ~2 waters|water|watering ~1 and ~1 {LINKED_ACTIONS}",
            f"eye|eyes ~2 waters|water|watering ~1 and ~1 {LINKED_ACTIONS} ~3 when|whenever|while|as|time {MOVER} ~1 "
            f"{MOUTH_MOVEMENTS}",
            # "something else moves with it" ("nothing else moves with it" is its denial)
            "else|other ~4 mov*|moves|twitch*|pull*|goes|go|jump* ~1 along? ~1 with ~1 it|them|the",
            f"else|other ~4 mov*|moves|twitch*|pull*|goes|go|jump* ~1 when|whenever|while|as ~1 it|they|the ~1 {TWITCH_EVENTS}|"
            "does",
            # "weird movements when eating or smiling"
            f"movement|movements|moving ~2 when|whenever|while|as ~1 {MOVER}? ~1 {MOUTH_MOVEMENTS}|{EYE_MOVEMENTS} or|and? "
            f"{MOUTH_MOVEMENTS}|{EYE_MOVEMENTS}?",
            # "when I smile something happens to my eye", "blinking doesn't do anything to my mouth"
            f"when|whenever|if i ~1 {MOUTH_MOVEMENTS}|{EYE_MOVEMENTS} or|and? {MOUTH_MOVEMENTS}|{EYE_MOVEMENTS}? ~3 "
            "happens|happen|goes|go ~2 to|with ~2 my|the ~1 eye|eyes|eyelid|lid|mouth|lip|lips|cheek|face",
            f"{MOVING} ~4 affect*|affects|affecting|effect|effects|impact ~1 on? ~2 my|the "
            "~1 eye|eyes|eyelid|lid|mouth|lip|lips|cheek",
            # "puffing my cheeks doesn't set my eye off"
            f"{MOVING} ~4 set|sets|trigger|triggers ~2 my|the ~1 {LINKED_PARTS} ~1 off",
            f"{MOVING} ~4 do|does|did|set|sets|trigger|triggers ~1 "
            "off? ~1 anything|something ~1 to|in|with|around ~2 my|the ~1 eye|eyes|eyelid|lid|mouth|lip|lips|cheek",
            # "my eye closes when I move my mouth", "when I move my lips my eye shuts"
            f"eye|eyes|eyelid|lid ~3 {LINKED_ACTIONS} ~3 when|whenever|while|as|time {MOVER} ~1 move|moving ~1 my|the|his|"
            "her ~1 mouth|lip|lips|jaw|face",
            f"when|whenever|if|as {MOVER} ~1 move|moving ~1 my|the|his|her ~1 mouth|lip|lips|jaw|face ~6 eye|eyes|eyelid|lid ~3 "
            f"{LINKED_ACTIONS}",
            # "moving my mouth doesn't set anything else off"
            "set|sets|setting|trigger|triggers|triggering ~1 off? ~1 anything|something ~1 else",
            # "my cheek pulls when I close my eyes" ("no pulling in my cheek when I close my eyes" is its denial)
            f"pull*|tug*|twitch*|movement*|moving ~3 mouth|lip|lips|cheek|face ~1 when|whenever|as|while|if ~1 i|i'm ~1 "
            f"{EYE_MOVEMENTS}",
        ),
        # "my eye stays open when I smile", "my mouth stays still when I blink"
        absent=(
            # "my mouth stays still when I blink", "my eye stays normal when I'm talking or eating"
            f"{LINKED_PARTS} ~2 stays|stay|stayed|remains|remain ~1 still|put|normal|same ~2 when|whenever|"
            f"while|as ~1 {MOVER} ~1 {EYE_MOVEMENTS}|{MOUTH_MOVEMENTS}",
            # "my face moves independently"
            "mov*|moves|work|works ~1 independently|separately",
            # "I smile and my eye's fine"
            f"{MOVER} {MOUTH_MOVEMENTS} and ~1 my|the|his|her ~1 {LINKED_PARTS} ~1 {BE} ~1 {NORMAL}|still|unaffected",
            # "when I smile my eye is normal"
            f"when|whenever|if|as {MOVER} ~1 {MOUTH_MOVEMENTS}|{EYE_MOVEMENTS} ~4 eye|eyes|eyelid|lid|mouth|lip|lips|cheek|"
            f"face ~1 {BE} ~1 {NORMAL}|still|unaffected",
            "eye|eyes|eyelid|lid ~2 stays|stay|stayed|remains|remain ~1 open ~2 when|whenever|while|as|if ~1 i|i'm ~1 "
            f"{MOUTH_MOVEMENTS}",
            # "my eye is fine when I smile"
            f"eye|eyes|eyelid|lid|mouth|lip|lips|cheek|face ~1 {BE} ~1 {NORMAL}|still|unaffected when|whenever|while|as "
            f"{MOVER} ~1 {MOUTH_MOVEMENTS}|{EYE_MOVEMENTS}",
            # "when I smile my eye stays as it is", "when I blink my mouth stays put"
            f"when|whenever|if|as {MOVER} ~1 {MOUTH_MOVEMENTS}|{EYE_MOVEMENTS} ~4 eye|eyes|eyelid|lid|mouth|lip|lips|cheek|"
            "face ~1 stays|stay|stayed|remains|remain ~1 as ~1 it|they ~1 is|are|was",
            f"when|whenever|if|as {MOVER} ~1 {MOUTH_MOVEMENTS}|{EYE_MOVEMENTS} ~4 eye|eyes|eyelid|lid|mouth|lip|lips|cheek|"
            "face ~1 stays|stay|stayed|remains|remain ~1 still|put|open|normal|same",
        ),
        # "my mouth doesn't join in when it twitches" denies a linked movement; "now my lip joins in" tells of the
        # twitch spreading, so the phrase counts only when denied
        mention=(f"{LINKED_PARTS} ~3 join|joins|joined|joining ~1 in",),
    ),
    "facial_weakness": CodePatterns(
        present=(
            f"{FACE_PART} ~3 {LOOKS_WEAK}",
            # "my smile might be a little crooked"
            f"{FACE_PART} ~3 a ~1 little|bit|tad|touch {LOOKS_WEAK}",
            f"droop*|saggy|sagging|lopsided|crooked|uneven|wonky|paraly*|weak|weakened|weakness|slack ~2 {FACE_PART}",
            f"weakness ~3 {FACE_PART}",
            "face ~2 fallen|fell|dropped ~2 one ~1 side",
            "one side ~3 droop*|dropped|sag*|weak*|slack|down|fallen",
            *(
                f"{cannot} ~2 close|shut|blink|smile|raise|lift|move|whistle|puff|wrinkle ~3 eye|eyes|eyelid|lid|eyebrow|"
                "eyebrows|brow|face|mouth|cheek|lip|lips|forehead"
                for cannot in CANNOT
            ),
            "can? not|unable ~1 smile|whistle|blink ~2 properly|fully|straight|evenly|normally",
            # "can't smile on one side", "unable to move the left side"
            *(
                f"{cannot} ~2 close|shut|blink|smile|raise|lift|move|whistle ~3 one|left|right|that ~1 side"
                for cannot in CANNOT
            ),
            "eye|eyes|eyelid|lid ~2 will|can|does|do|is not ~1 clos*|shut*|blink* ~2 properly|fully|completely",
            "eye|eyes|eyelid|lid ~2 will|can|does|do|is not ~1 clos*|shut*|blink* ~2 all the way",
            "eye|eyes|eyelid|lid ~2 will|can|does|do|is not ~1 clos*|shut*|blink*",
            "eyebrow|eyebrows|brow|mouth|lip|lips|face|cheek|forehead|smile ~2 will|can|does|do|is not ~1 lift*|mov*|"
            "rais*|work*",
            "drool*|dribbl*",
            "paralysis|paralyzed",
            # "only one side of my mouth moves when I smile"
            "only ~1 one side ~4 mov*|moves|lift*|work*|smile*|go|goes",
            "face|facial ~1 weakness",
            # whistling and puffing the cheeks need both sides of the face
            "can|could not|unable ~1 whistle|puff",
            "food|drink|drinks|water|liquid|liquids|soup|saliva|spit ~4 fall*|falls|spill*|dribbl*|leak*|run*|drip*|"
            "trickl*|escap*|seep*|pour* ~2 out",
            "run*|pour*|spill*|trickl*|dribbl*|drip*|leak*|seep*|escap* ~1 out ~4 mouth|lip|lips",
            # "half my smile won't go up"
            "smile|mouth|lip|lips|cheek|face|corner ~2 will|can|does|do|is not ~1 go|goes|come|comes ~1 up",
            # a lid or brow hanging low: "my eyelid is hanging lower than the other" (not "my lower lid twitches")
            "eyelid|lid|lids|eye|eyebrow|brow|mouth|cheek ~3 hang*|hangs|sits|sitting ~1 down|low|lower",
            "eyelid|lid|lids|eye|eyebrow|brow|mouth|corner ~3 lower ~1 than",
            # "my mouth is go down on one side", "the corner of her lip has gone down" (not "it went down to my chin")
            "mouth|lip|lips|smile|corner ~1 is|'s|has|have|gone|go|goes|going|went|come|came ~1 go|gone|come? down ~2 on|"
            "one|left|right|that|this|at|as|,|.",
            "mouth|lip|lips|smile|corner ~1 is|'s ~1 down ~2 on|one|left|right|that|this|as|,|.",
            # "when I drink water it fall from mouth"
            "it|water|drink|drinks|tea|food|liquid|soup ~2 fall*|falls|fell|drop*|comes|came|runs|ran ~1 from|of|out ~2 mouth|"
            "lip|lips",
        ),
        generic=("weakness|droop*|droopy|saggy|sagging|lopsided",),
        absent=(
            f"face ~2 {BE}? ~1 normal|fine|symmetrical|symmetric|even|ok|okay|straight|same|grand|alright",
            # "my smile looks normal", "smile's fine" (not "when I smile my eye is normal")
            f"smile|smiles ~1 {BE}? ~1 normal|fine|symmetrical|symmetric|even|ok|okay|straight|same",
            "can smile|close|shut|raise ~3 fine|normally|properly|ok|okay|fully|evenly",
            "face|mouth|smile|eyebrow|eyebrows|forehead ~1 mov*|moves|works|lifts ~1 normally|fine|ok|okay|properly|"
            "evenly",
            "eye|eyes|eyelid|eyelids|lid|lids ~1 close|closes|shut|shuts ~2 fine|normally|properly|ok|okay",
        ),
        mention=("weak",),
    ),
    "sudden_onset": CodePatterns(
        present=(
            "sudden*",
            "all of a sudden",
            "out of nowhere",
            "out of the blue",
            "came|come|comes|coming on ~2 quick*|fast|rapid*",
            "within ~2 minutes|seconds|hour|hours|minute",
            "overnight",
            "woke up ~3 with|and",
            "abrupt*",
            "instantly|instant",
            "straight away",
            "one minute ~4 next",
            "in seconds|minutes",
            "just ~1 happened",
            "happened ~1 just now",
            "without|no ~2 warning",
            # "my face went weak over about an hour": the sign told with its onset in minutes or hours
            f"{WEAKENING} ~3 over|in|within ~3 {SHORT_TIME}|moments|seconds",
        ),
        # Minutes or hours ago is sudden for a sign (docs/clinical-design.md: "within minutes to hours"); said of a twitch it is
        # only when the twitch started, hence generic (it yields to twitching, see extraction.resolve_overlaps).
        generic=(
            f"{SHORT_TIME} ~1 ago",
            f"in|over|within ~1 the ~1 last|past ~2 {SHORT_TIME}",
            # "it came on all at once", "in a matter of minutes", "it happened over about an hour"
            "all at once",
            "in a|an ~1 flash|instant|moment|heartbeat",
            "matter of ~1 seconds|minutes|moments|hours",
            "within moments|seconds",
            f"{ONSET_VERBS} ~1 over|in|within ~3 {SHORT_TIME}|moments|seconds",
        ),
        absent=(
            f"{WEAKENING} ~6 gradual*|slowly",
            f"{WEAKENING} ~6 bit by bit",
            f"{WEAKENING} ~6 over|across ~3 {LONG_TIME}",
            f"gradual*|slowly ~4 {WEAKENING}",
            "not ~1 sudden*",
            "came|come|coming|crept ~1 on ~1 slowly|gradual*",
            # "... over two or three days": the gaps never cross an "or", so the range has its own
            f"{ONSET_VERBS} ~1 on? ~1 over|across ~2 or? ~2 {LONG_TIME}",
            # "the weakness took days to come on", "it took three days for my face to drop"
            f"{WEAKENING} ~4 took|take|takes|taking ~3 {LONG_TIME}",
            f"took|take|takes|taking ~3 {LONG_TIME} ~1 for ~4 {WEAKENING}",
        ),
        # Said without the sign, these may time the twitch, so they give way to it (extraction.resolve_overlaps).
        generic_absent=(
            "gradual*",
            "slowly",
            "bit by bit",
            "little by little",
            "crept|creeping|creeps ~1 up|in|on",
            "built|build|building up",
            f"took|take|takes|taking ~3 {LONG_TIME} ~1 to ~2 come|appear*|develop*|show|set|build|happen",
            f"over ~1 the ~1 course ~1 of ~3 {LONG_TIME}",
        ),
    ),
    "limb_weakness": CodePatterns(
        present=(
            f"{LIMB} ~3 weak*|heavy|dead|limp|floppy|useless|collaps*|jelly|drag*",
            # hedged: "my arm might be a bit weak", "her leg could be a little heavy" (a possible sign counts)
            f"{LIMB} ~1 might|may|could|must ~1 be ~3 weak*|heavy|dead|limp|floppy|useless",
            # "one arm has no strength", "my hand's got hardly any grip", "lost the power in my leg"
            f"{LIMB} ~3 no|hardly|barely|little ~1 any? ~1 strength|power|grip",
            f"lost|losing|lose ~3 strength|power ~3 {LIMB}",
            # "my grip has gone", "my arm won't do what I tell it"
            "grip|strength ~2 went|gone|goes|going|giving|failing|failed",
            f"{LIMB} ~3 not ~1 do|work|working|move|moving|obey|listen|respond|cooperate|co-operate",
            f"weak*|heavy|dead|limp|floppy|useless ~2 {LIMB}",
            f"weakness ~3 in|of ~2 {LIMB}",
            f"can? not|unable|struggl*|hard|barely|hardly ~2 lift|raise|move|hold|grip|use|feel ~3 {LIMB}|cup|cups|"
            "things|stuff|pen",
            # "I couldn't carry my bag with my right arm", "not able to squeeze with my left hand", "can't grip the kettle"
            *unable_to(f"lift|raise|move|hold|grip|carry|squeeze|grasp|pick ~3 {LIMB}|{HELD_THINGS}"),
            "dropping|dropped|drop ~1 things|stuff|cups|cup|my",
            f"{LIMB}|knee|knees ~1 gave|give|giving|gives ~1 way|out",
            f"lost ~2 strength ~3 {LIMB}",
            "side of ~1 body ~3 weak*|heavy|numb",
            "body ~2 weak*",
        ),
        absent=(
            # "my arms have no problems", "legs - no issues"
            f"{LIMB} {NO_PROBLEMS}",
            f"{LIMB} ~1 have|has|had|got ~1 no ~1 problem|problems|issue|issues|trouble",
            f"arm|arms|legs|limbs|hands|grip ~2 {BE}? ~1 {NORMAL}|strong",
            "can lift|raise|move|hold ~2 both|my|the ~1 arm|arms|legs|hands",
            # "I can hold a mug without any trouble", "I can still grip things fine"
            f"can|could still? lift|raise|move|hold|grip|carry|squeeze ~3 {LIMB}|{HELD_THINGS} ~2 fine|normally|ok|"
            "okay|properly|well|without|no",
        ),
        answer=("arm|arms|legs|limbs", "arm|leg|limb weakness"),
    ),
    "speech_difficulty": CodePatterns(
        present=(
            "slur*",
            "speech ~3 slur*|strange|weird|funny|garbled|wrong|off|slow|thick|muddled|jumbled|affected|"
            "difficult*|different|odd|messed|slurry|slurred|drunk|impaired",
            "trouble|difficulty|difficult|hard|problem*|struggl*|unable ~3 speak*|talk*|speech|words|pronounc*",
            # "hard to say" and "difficult to say" mean "I don't know"
            "trouble|difficulty|problem*|struggl*|unable ~3 say*",
            "can not ~2 speak*|talk*|pronounc*",
            # the activity first: "talking is hard", "speaking's a struggle"
            f"talking|speaking {BE}? ~1 hard|harder|difficult|tricky|tough|impossible|struggle",
            # "can't say I've noticed any" and "can't say for sure" are not about speaking
            "can not ~2 say* ~2 words|word|anything|sentence*|names|properly|clearly|right",
            "can? not ~1 get ~2 words ~1 out",
            # "not able to speak clearly", "couldn't form my words", "struggling to get the words out right"
            *unable_to("speak*|talk* ~2 properly|clearly|right|normally|straight|well|coherently"),
            # (not "find": "I couldn't find the words to describe it" is a figure of speech)
            *unable_to("get|form|say|pronounce|string|put ~3 words|word|sentence|sentences"),
            "words ~3 coming|come|came ~1 out ~2 wrong|funny|weird|jumbled|strange|muddled|garbled|mixed|slurred",
            "talking|speaking|sound|sounds|sounding ~2 drunk|funny|weird|strange|gibberish|slurred|odd|garbled",
            "mumbl*",
            "garbled",
            "gibberish",
            "can not find ~2 words",
            # "my words get all mixed up", "I keep saying the wrong words", "my tongue won't say what I mean"
            "speech|words|sentences|talking|tongue ~3 mixed|scrambled|tangl*|confused|muddled|jumbled",
            # the muddling first: "I'm mixing up my words", "I keep jumbling my sentences"
            "mix*|jumbl*|scrambl*|muddl*|garbl* ~3 words|word|sentences|sentence|speech",
            # "I'm not making sense when I talk", "what she says doesn't make sense"
            "not ~1 making|make|makes ~1 sense ~3 talk*|speak*|say|says|saying",
            "talk*|speak*|say|says|saying|said|words ~3 not ~1 making|make|makes ~1 sense",
            # "tripping over my words", "fumbling my sentences", "my speech is all over the place"
            "stumbl*|trip*|fumbl*|tangl* ~3 word|words|sentence|sentences|speech|tongue",
            "speech|words|sentences|talking ~2 all over the place",
            "saying|say|said|using|use|used|uses|come|comes|came ~3 wrong ~1 word|words",
            "tongue ~3 not ~1 say|form|make|shape|work|working|cooperate|co-operate|behave",
            "aphasia",
            "dysarthria",
        ),
        absent=(
            f"speech|talking|speaking|voice ~2 {BE}? ~1 {NORMAL}",
            f"speech|talking|speaking|voice {NO_PROBLEMS}",
            f"talk|speak|talking|speaking ~1 {NORMAL}",
            f"speech|talking|speaking|voice {TOPIC_THEN_NORMAL}",
            f"speech|talking|speaking and|& my? {SENSES} ~1 {PLURAL_BE} ~2 {NORMAL}|unaffected|unchanged",
            # "reading, driving, eating, talking - all normal", "talking and eating, both fine"
            listed_as_normal(LISTED_ACTIVITIES, last="talking|speaking|speech"),
            listed_as_normal(LISTED_ACTIVITIES, first="talking|speaking|speech"),
        ),
        answer=("speech", "speaking", "talking"),
    ),
    "vision_loss": CodePatterns(
        present=(
            "double vision",
            "seeing|see|seen ~1 double",
            # "I keep seeing 2 of everything", "I see everything twice"
            "seeing|see|sees|seen|saw ~1 two|2 ~1 of ~1 everything|things|it|you|people|stuff|them",
            "seeing|see|sees|seen|saw ~1 everything|things|stuff ~1 twice",
            "seeing|see|seen ~2 two ~1 of",
            # "I've lost some of my sight", "losing part of the vision in one eye"
            "lost|loss|losing|lose ~4 vision|sight|eyesight",
            # "my vision might be a little blurred" (an uncertain sign counts) needs the longer gap
            "vision|sight|eyesight ~4 gone|went|lost|black|dark|blurry|blurred|blurring|fuzzy|dim|double|loss|go|"
            "going|blacked|greyed|grey|cloudy|hazy|misty|blank",
            # "my sight has changed" ("my sight hasn't changed at all" is its denial)
            "vision|sight|eyesight ~3 changed|change|changing|different|worse|worsened",
            "blurred|blurry|blurring|fuzzy|cloudy|hazy|misty|dim ~1 vision|sight|eyesight",
            "blind|blindness",
            "gone blind",
            "partial vision",
            "vision loss",
            # a sudden change in what is seen, whatever the subject ("everything went blurry", "my eye went dark")
            "everything|things|eye|eyes|it|world|room ~2 went|gone|goes|turned|turning ~1 blurry|blurred|black|dark|"
            "dim|fuzzy|grey|gray|hazy|cloudy|double|blank",
            "blurry|blurred|fuzzy|dim|dark|black|blank ~1 in|out ~1 of? ~1 one|my|the|left|right|both ~1 eye|eyes",
            # "my eye feels a bit blurry", "eyes are fuzzy"
            f"eye|eyes ~1 {BE} ~2 blurry|blurred|fuzzy|cloudy|hazy|misty",
            "things|everything|words|text|people|it ~2 look|looks|looking|looked|appear|appears ~1 double|doubled|twice",
            # "everything looks hazy", "things are a bit blurry" (not "dark": "the room is dark" is no sign)
            f"everything|things|world|view ~1 {BE}|appear|appears|seem ~2 {BLURRED}",
            # "a dark patch in my vision", "a shadow across my eye", "a curtain coming down over one eye"
            f"{PATCH} ~2 in|over|across|covering|blocking|down ~4 {SEEING}|eye|eyes|see",
            # a spot is in the sight, not over the eye ("a spot over my eye" is on the skin)
            f"spot|spots ~2 in|across|covering|blocking ~4 {SEEING}",
            f"{SEEING} ~3 missing|patchy|gaps|holes",
        ),
        # "I can't see": a loss of vision, unless the words go on to blame the twitch ("when it flutters"), which
        # makes them the twitch getting in the way of seeing (function_impact)
        generic=("can not ~1 see", "can? barely|hardly ~1 see"),
        absent=(
            f"vision|sight|eyesight {NO_PROBLEMS}",
            f"vision|sight|eyesight ~2 {BE}? ~1 {NORMAL}",
            "can see ~1 fine|ok|okay|normally|clearly|perfectly",
            f"vision|sight|eyesight {TOPIC_THEN_NORMAL}",
            f"vision|sight|eyesight ~2 {BE}? ~1 {SPOT_ON}",
            # "my vision and hearing are fine"
            f"vision|sight|eyesight and|& my? {SENSES} ~1 {PLURAL_BE} ~2 {NORMAL}|unaffected|unchanged",
        ),
        # "no visual problems": counts only when denied, as "vision problems" does
        mention=(
            "seeing",
            "visual ~1 problem|problems|issue|issues|disturbance|disturbances|changes|symptoms|trouble",
        ),
        answer=("vision", "sight", "eyesight"),
    ),
    "severe_headache": CodePatterns(
        present=(
            f"{SEVERE} ~2 headache*|migraine*",
            f"{SEVERE} ~2 head ~1 pain|ache",
            "headache*|migraine* ~5 worst|ever|life|severe|excruciating|unbearable|agony",
            "headache*|migraine* ~1 so|very|too|really ~1 bad|severe|intense|strong",
            "head ~2 killing|exploding|pounding|splitting|explode|bursting",
            # "my head is suddenly absolutely banging", "a pounding head", "my head's in agony"
            f"head ~4 {HEAD_SEVERE}|agony|unbearable|excruciating",
            f"{HEAD_SEVERE} ~1 head",
            # "my head suddenly hurts really really bad", "my head's aching so badly"
            f"head ~3 hurts|hurting|aches|aching|throbbing|throbs ~3 {SEVERE}|badly|terribly|horribly|awfully",
            # "sudden awful pain in my head" (the face's severe_pain gives way to it: extraction.GIVES_WAY_INSIDE)
            f"{SEVERE} ~2 pain|pains|ache|aches|aching ~1 in|inside|across|through|at|on ~2 head|skull|brain",
            # "a headache that came out of nowhere", "a headache that came on suddenly"
            "headache*|migraine* ~4 sudden*|nowhere",
            "thunderclap",
            "pain ~2 in ~1 my ~1 head ~2 severe|terrible|unbearable|worst",
        ),
        # "gets really bad migraines": recurring headaches are a history, not the sudden severe headache of BE-FAST
        mention=(
            "headache*|migraine*",
            "head ache|pain",
            "head aches",
            "get|gets|suffer|suffers|prone ~3 headache*|migraine*",
        ),
        # "my usual pounding headache", "a mild headache", "a bit of a headache", "a tension headache": not the
        # sudden severe headache (longer than the severe phrase inside it, so it replaces it)
        neutral=(
            "usual|normal|regular|typical|tension|mild|slight|little|minor|dull|niggling|bit|hangover ~3 "
            "headache*|migraine*",
        ),
    ),
    "severe_pain": CodePatterns(
        present=(
            "severe|terrible|awful|excruciating|sharp|stabbing|intense|shooting|burning|agoniz*|unbearable|bad "
            "~2 pain|pains|ache|aching",
            f"{FACE_PART} ~3 pain|pains|painful|hurts|hurting|aching|aches|sore|tender|agony",
            f"pain|pains ~3 {FACE_PART}",
        ),
        generic=("pain|painful|hurts|hurting|hurt|ache|aching|sore|agony|tender",),
        absent=("painless", "pain -? free", "does|do not ~1 hurt"),
        # a mild pain is not the severe facial pain the documents mean; it counts only when denied
        mention=("dull|mild|slight|little|niggl*|bit ~2 pain|ache|aching|discomfort",),
    ),
    "numbness_tingling": CodePatterns(
        present=(
            "numb*",
            "tingl*",
            "pins -? and -? needles",
            "prickl*",
            "paresthesia|paraesthesia",
            f"can not ~1 feel ~3 {FACE_PART}|skin|arm|hand|fingers|anything|it",
            # "no feeling", "lost all feeling", "loss of sensation" (not "no blocked feeling": a feeling of something)
            "no|lost|loss|lose|losing of? all|any|the|real|proper|much? feeling|sensation",
            "reduced|less|lack|altered ~2 feeling|sensation",
            "sensation ~2 changed|altered|reduced|gone",
            f"{FACE_PART}|skin ~2 feels ~2 dead|fuzzy|prickly|cold",
            "dead feeling|feel",
            # "my face feels like it's not there", "like I've had an injection at the dentist"
            f"{FACE_PART}|skin ~4 like ~5 dentist|injection|anaesthetic|anesthetic|novocaine|numbing|cardboard|rubber|rubbery",
            f"{FACE_PART} ~3 like ~2 not ~1 there",
        ),
        answer=("sensation", "feeling in ~2 face"),
    ),
    "hearing_change": CodePatterns(
        present=(
            "ringing|buzzing|whooshing|humming|rushing ~3 ear|ears",
            "ear|ears ~3 ringing|ring|rings|buzzing|blocked|full|muffled|popping|whooshing|humming|stuffed|plugged|bunged|"
            "clogged|stuffy|congested|cotton|wool|pressure",
            # "sounds are dull like I'm under water", "voices seem far off"
            "sound|sounds|noise|noises|voices|everything|things|music ~3 dull|far|distant|underwater|faint|echoey|tinny|"
            "hollow",
            "voices|sounds|noises|people|everything|things ~1 seem|seems|seemed ~2 far|distant|muffled|quiet|faint|off",
            "tinnitus",
            "muffl*",
            # "I keep asking her to repeat herself", "have to ask people to say things twice"
            "ask|asks|asking|asked ~3 to ~1 repeat|say ~2 themselves|herself|himself|itself|things|it|that|everything|"
            "again|twice",
            # "my hearing on the left has gone dull", "I keep turning the TV up"
            "hearing ~5 gone|going|got|getting ~1 dull|duller|muffled|quiet|quieter|faint|funny|weird|bad|worse",
            "keep|keeps|kept|have|having|had ~2 turn|turning ~2 tv|telly|television|volume ~1 up",
            "hearing|hear ~3 loss|lost|muffled|changed|change|different|worse|reduced|dull|funny|weird|off|gone|going|"
            "affected|down|sensitive|loud|louder|echo*|distort*|strange",
            "lost|losing|loss|change|changes|changed|reduced|drop|different|difference ~2 hearing",
            # "something's different with my ears" ("haven't noticed anything different with my ears" is its denial)
            "different|difference|changed|wrong|odd|weird|strange ~1 with|in|about ~1 my|the ~1 ear|ears",
            "can not ~1 hear",
            # "I don't hear well on the left" (longer than the normal "hear well")
            "not ~1 hear|hearing ~2 well|properly|clearly|right",
            "deaf*",
            "hard of hearing",
            # "noises don't seem any louder" (its denial) needs the longer gap
            "sound|sounds|noise|noises ~4 loud|louder|muffled|distorted|booming|echo*|quiet|quieter|painful",
            # "voices sound different", "a change in how things sound" ("no change to how things sound" is its denial);
            # not "that sounds weird" (a verb of seeming)
            "everything|things|voices|music|people|tv|telly ~1 sound|sounds|sounded ~2 different|weird|strange|odd|"
            "funny|tinny|dull|distant|far",
            "change|changes|changed|difference|different ~3 how ~2 things|everything|voices|music|noises ~1 sound|sounds",
            # "my left ear is affected" ("neither ear is affected" is its denial)
            "ear|ears ~2 affected",
            "sensitive ~2 sound|sounds|noise|noises",
            "hyperacusis",
        ),
        absent=(
            f"hearing|ears ~2 {BE}? ~1 {NORMAL}|unchanged",
            # "nothing wrong with my ears", "nowt different about my hearing": longer than the "wrong with my ears" sign
            "nothing|nowt ~1 wrong|different|odd|weird|strange|changed|up ~1 with|in|about ~1 my|the ~1 ear|ears|hearing",
            # "sounds are the same in both ears", "everything sounds normal"
            f"sound|sounds|noise|noises|everything ~2 {BE}? ~1 the? ~1 same|normal|fine|clear ~3 ear|ears",
            f"everything ~1 sounds ~1 {NORMAL}",
            "can hear ~2 fine|ok|okay|normally|well|perfectly",
            # "my hearing's as good as ever", "the same as always"
            "hearing|ears ~3 as ~1 good|sharp|normal|clear ~1 as ~1 ever|always|usual|before",
            "hearing|ears ~3 same ~1 as ~1 ever|always|usual|before",
            f"hearing|ears {NO_PROBLEMS}",
            # "hearing - no change" (only after a break: "no change in my hearing" is the phrase below)
            "hearing|ears ,|-|: no|nothing ~1 change|changes|changed|different|difference",
            f"hearing|ears {TOPIC_THEN_NORMAL}",
            f"hearing|ears ~2 {BE}? ~1 {SPOT_ON}",
            # "my hearing and eyesight are fine": two senses, one plural verb (gaps do not cross "and"; "no loss of hearing
            # and my balance is ok" is two statements)
            f"hearing|ears and|& my? {SENSES} ~1 {PLURAL_BE} ~2 {NORMAL}|unaffected|unchanged",
            # "I hear fine out of both ears", "I can hear the telly at normal volume"
            f"i|i'm|am|still hear|hearing ~1 {NORMAL}|well|clearly|everything",
            f"can still? hear ~4 {NORMAL}|well|clearly",
            # "both sides sound equally loud": longer than the "sound ... loud" sign
            "side|sides|ear|ears|everything|things ~1 sound|sounds ~1 equally|evenly|equal ~1 loud|clear|good",
        ),
        answer=("hearing", "ears"),
        # "no ear problems": ear trouble may be pain or wax, so it counts only when denied; "no ringing" likewise (a
        # ringing said to be there is a phone's as often as an ear's, unless the ear is named)
        mention=("ear|ears|hearing ~1 problem|problems|issue|issues|trouble", "ringing|buzzing|whooshing"),
        # a device or a test names hearing without saying it has changed: "my grandad wears hearing aids"
        neutral=("hearing ~1 aid|aids|test|tests|tested|check|checked",),
    ),
    "balance_problem": CodePatterns(
        present=(
            "dizz*",
            "off|lost|lose|losing|loss ~2 balance",
            "balance ~3 off|bad|poor|problem*|issue*|gone|wrong|affected|funny|weird|wobbly",
            "unsteady|wobbl*|vertigo|spinning|spins|woozy|giddy|giddiness|lighthead*|light-headed|stumbl*|stagger*|"
            "clumsy|veer*",
            "light -? headed",
            "unstable ~3 feet|walk*|stand*|legs",
            "i|he|she|am|is|feel|feels|felt ~2 unstable",
            "not ~1 stable|steady ~3 walk*|stand*|feet|legs|when|on",
            "falling|fall|fell ~1 over",
            "can not ~1 walk ~2 straight|properly",
            # an ability lost: "I can't keep my balance", "unable to stand up straight", "can't seem to stay on my feet",
            # "having trouble walking straight", "struggling to stand without holding on"
            *unable_to("keep*|hold*|maintain*|find*|get|getting|regain* ~2 balance|footing"),
            *unable_to("balance|balancing"),
            *unable_to("stand*|stay*|remain* ~2 upright|steady|balanced|straight"),
            *unable_to("keep*|staying ~1 upright|steady|balanced"),
            *unable_to("stand*|stay*|keep* ~1 on ~1 my|his|her|their|our|your ~1 feet"),
            *unable_to("walk* ~3 straight|steadily|steady|properly|normally|line"),
            *unable_to(
                "walk*|stand|standing|stay|staying ~1 up|upright|about|around? without ~1 holding|grabbing|help|"
                "support*|falling|leaning|stumbling|wobbling|swaying|toppling|tipping|something|a"
            ),
            # walking or standing named as hard: "trouble walking", "no difficulty standing" (its denial)
            "trouble|difficulty|problem|problems|struggl* ~2 walk*|standing",
            # "keep losing my footing", "my footing's gone"
            "off|lost|lose|losing|loss|loses ~2 footing",
            "footing ~3 off|bad|poor|gone|going|goes|unsure|unsteady|wrong",
            # a person swaying, not the trees ("I keep swaying", "she's tottering about")
            "i|he|she|we|am|is|are|keep|keeps|kept|been|start|started|starting|feel|feels|felt|body|myself|and ~2 "
            "sway|sways|swaying|swayed|teeter*|totter*|reeling|lurch*|topple|topples|toppling|toppled",
            "trip*|tripping ~2 over ~1 my|his|her ~1 own? ~1 feet",
            "tripping|tripped|trip ~2 over ~1 nothing",
            "coordination ~3 off|bad|poor|gone|problem*",
            # "the room whirls", "walking as if I'm drunk", "like I'm on a boat", "bumping into door frames"
            "room|world|everything|things|ceiling|floor ~2 spin*|whirl*|tilt*|swim*|sway*|rock*|lurch*",
            "walk*|stagger*|stumbl*|sway*|weav* ~3 like|if ~2 drunk|tipsy|pissed",
            "like|feel|feels ~4 on ~1 a ~1 boat|ship",
            "bump*|walk*|crash* ~1 into ~2 things|walls|wall|doors|door|furniture|frames|people",
        ),
        absent=(
            f"balance|walking|coordination ~2 {BE}? ~1 {NORMAL}",
            f"walk|walking ~1 {NORMAL}",
            f"balance|walking|coordination {NO_PROBLEMS}",
            f"balance|walking|coordination {TOPIC_THEN_NORMAL}",
            f"balance|walking|coordination and|& my? {SENSES} ~1 {PLURAL_BE} ~2 {NORMAL}|unaffected|unchanged",
            # "I can keep my balance", "I can still stand up straight", "I can walk in a straight line no problem"
            "can|could still? keep|hold|maintain ~2 balance|footing",
            "can|could still? walk|stand|balance ~4 fine|normally|ok|okay|straight|steadily|properly|perfectly|well",
            "can|could still? walk|stand|balance ~4 no ~1 problem|problems|bother|trouble|issue|issues",
        ),
        answer=("balance", "coordination"),
    ),
    "caffeine": CodePatterns(
        present=(
            DRINKS_WITH_CAFFEINE,
            "energy ~1 drink*",
            "red ~1 bull|bulls",
            "pre -? workout",
            "pro plus",
            "nodoz",
            f"drink*|drank ~4 {DRINKS_WITH_CAFFEINE}",
            "drink*|drank ~4 energy ~1 drink*",
        ),
        absent=("decaf*",),
    ),
    "alcohol": CodePatterns(
        present=(
            "alcohol*|booze|boozing|boozy|beer|beers|wine|wines|pint|pints|lager|cider|vodka|gin|rum|whiskey|"
            "spirits|cocktail*|prosecco|hungover|hangover*|tipsy|boozed",
            "on the ~1 lash|piss|sauce|booze|razz|tiles|town|turps",
            "heavy|binge ~1 drink*",
            "binge*",
            "night* out",
        ),
        generic=(
            "drunk",
            "been ~1 drinking",
            "drinking ~2 heavily|lot|loads|lots|much|every|most|heavy|more",
            "drink ~2 heavily|lot|loads|lots|much|every",
            "few|couple|several|many|lots|loads|more|had|having ~2 drinks",
            "a ~1 drink|drop ~1 in|for|since",
        ),
        absent=("teetotal*|tee-total|sober|abstain*|non-drinker", "non ~1 drinker"),
        # "unsteady, like I'm drunk": a comparison, not drinking; "I don't drink" means alcohol (a named drink,
        # "don't drink coffee", is a more specific phrase and wins)
        mention=("like|if|though ~2 drunk|tipsy", "drink|drinker"),
    ),
    "stress": CodePatterns(
        present=(
            "stress*",
            "anxi*",
            # "under pressure", "not under any strain" (not "eye strain": a strain one is under)
            "under ~3 pressure|strain",
            "work|exam|exams|job ~1 pressure",
            "overwhelm*",
            "burn* out",
            "burnout",
            "panic*",
            "tense",
            "nervous",
            "on edge",
            "exams|exam",
            "deadline*",
            "hectic",
            "rough|hard|tough|difficult|bad ~1 time|patch",
            "grief|grieving|bereave*",
            "divorce",
            "frazzled",
            "wound up",
            "highly strung",
            "worrier|worriers|worrywart",
            "uptight",
            "worked up",
            "work|job|life|things ~3 mental|manic|crazy|insane|nuts|hell|hectic|intense",
        ),
        absent=(
            "relaxed|calm|chilled|chill",
            "stress -? free",
            # "stress levels are low": longer than the sign "stress"
            f"stress ~1 levels|level? ~1 {BE}? ~2 low|minimal|fine|ok|okay|normal|manageable|nothing",
            # "mentally I'm in a good place", "mentally I'm fine"
            "in ~1 a ~1 good|great|happy|better|decent ~1 place|headspace",
            "mentally ~3 fine|good|great|ok|okay|well|healthy",
            # "stress isn't the issue", "stress is not the problem here"
            f"stress ~1 {NOT_THE_CAUSE}",
        ),
    ),
    "poor_sleep": CodePatterns(
        present=(
            "not|barely|hardly|never|struggling|struggle|trouble|difficulty ~2 sleep*|slept",
            "sleep*|slept ~2 badly|poorly|bad|terribly|terrible|awful|rubbish|crap|lightly|little|hardly",
            "bad|poor|little|broken|no|lack|less|disturbed|interrupted|rubbish|terrible|enough|much|short ~2 sleep",
            "insomnia",
            "sleepless*",
            "tired*",
            "exhaust*",
            "knackered",
            "shattered",
            "fatigue*",
            "sleep -? deprived",
            "up|awake ~1 all ~1 night",
            "night ~1 shift*",
            "all -? nighter*",
            f"{FEW_HOURS} hours ~1 sleep|kip",
            f"sleep* ~3 {FEW_HOURS} hours",
            f"{FEW_HOURS} hours ~1 a|per|each ~1 night",
            "worn out",
            "drained",
            "run down",
            "newborn",
            "new baby",
            "till|until|til|past|gone ~2 a.m.|midnight",
            "up ~1 late",
            "late ~1 nights",
            "because|cos|coz|cause|due ~3 baby|newborn|toddler",
            "baby|newborn|toddler ~3 up|waking|wakes|nights",
        ),
        absent=(
            "sleep*|slept ~2 well|fine|ok|okay|normally|great|loads|plenty|soundly",
            # "not sleeping badly": longer than the present "not sleeping"
            "not|never ~1 sleep*|slept ~1 badly|poorly|bad|terribly|terrible|awful",
            "good|plenty|enough|decent ~2 sleep",
            f"{ENOUGH_HOURS} hours ~1 sleep|kip",
            f"sleep* ~3 {ENOUGH_HOURS} hours",
            f"{ENOUGH_HOURS} hours ~1 a|per|each ~1 night",
        ),
    ),
    "eye_strain": CodePatterns(
        present=(
            "eye -? strain*",
            "eyestrain",
            "eyes ~2 strained|tired|dry",
            f"staring|looking|glued|scrolling|stare ~3 {SCREENS}",
            # what is on the screen ("staring at spreadsheets"); the word alone is no strain ("my spreadsheets")
            "staring|looking|stare ~3 spreadsheet|spreadsheets|emails|code",
            f"hours ~3 {SCREENS}",
            f"on|at|using|use|front ~2 {SCREENS}",
            "screen ~1 time",
            "reading ~2 lot|lots|loads|late|all",
            "reading ~4 hours|kindle|e-reader|ereader|nights",
            "gaming",
            "video games",
            "studying|revising",
        ),
        # a screen named without saying it is used a lot ("are you a doctor or a computer?") counts only when denied
        answer=(SCREENS,),
    ),
    "diet_deficiency": CodePatterns(
        present=(
            f"low|lack|lacking|deficien*|insufficient|short ~3 {NUTRIENTS}",
            f"not enough ~2 {NUTRIENTS}",
            f"{NUTRIENTS} ~3 low|deficien*|lacking|imbalance|down",
            "poor|bad|rubbish|unhealthy|terrible|crap|awful ~1 diet",
            "not eating ~2 properly|well|much|enough|right",
            "skipping|skip|skipped ~1 meals",
            "malnutrition|malnourished",
            "deficien*",
            # diets that the documents' nutrients can run short in
            "vegan|vegetarian|plant-based|dairy-free",
            # ("don't" is "do" and "not" by then)
            "not|never ~1 eat|eats|eating ~2 dairy|meat|fish|greens|vegetables|veg",
        ),
        # "maybe my diet" in answer to the triggers question
        answer=("diet",),
        absent=(
            "good|healthy|balanced ~1 diet",
            "eat|eating ~2 well|healthily|healthy|properly|balanced",
            f"diet ~2 {BE}? ~1 good|healthy|fine|balanced|ok|okay|decent|varied|normal|alright|great",
            f"{NUTRIENTS} ~3 {BE}? ~1 {NORMAL}",
            # "Diet: balanced", "diet - fine"
            "diet ,|-|: ~1 good|healthy|fine|balanced|ok|okay|decent|varied|normal|alright|great",
            # "I eat fine" (not "I can eat fine", which is about chewing: see function_impact)
            "i|we eat|eats ~1 fine|ok|okay|alright|normally|good",
            "loads|lots|plenty ~1 of ~1 fruit|veg|vegetables|vegetable|greens",
            # "my vitamin levels were all in range", "my levels are normal", "my bloods were normal" (the blood tests for
            # the documents' nutrients; not "stress levels")
            f"{NUTRIENTS} ~3 in|within ~1 range|limits",
            f"my|blood|vitamin|mineral levels ~1 {BE}? ~2 {NORMAL}",
            f"levels ~1 {BE}? ~2 in|within ~1 range|limits",
            f"bloods|bloodwork|blood ~1 test|tests|work? ~1 {BE}? ~2 normal|fine|ok|okay|clear|good",
            # "my diet isn't the problem"
            f"diet ~1 {NOT_THE_CAUSE}",
        ),
    ),
    "bells_palsy_history": CodePatterns(
        present=(
            "bell|bells ~1 's? ~1 palsy",
            "facial ~1 nerve? ~1 palsy",
            "palsy",
            # "I've never had bells", "since my bells": the illness by its short name
            "had|got|after|since|from|with my|the? bells 's? palsy?",
        ),
        absent=("no|nor|never bells 's? palsy?",),
    ),
    "facial_injury_history": CodePatterns(
        present=(
            "smashed|hit|injured|broke|broken|fractured|bashed|banged|punched|whacked|damaged|cracked|busted|"
            "smacked|knocked ~3 face|jaw|cheek|cheekbone|nose|socket|head|skull",
            "face|facial|head|jaw|cheekbone|cheek|skull|nose ~3 injury|injuries|trauma|fracture*|surgery|operation|"
            "injured",
            "concussion",
            "car|bike|motorbike|road|sports|sport|skiing|cycling|rugby|football ~1 accident|crash|injury",
            "accident|crash ~4 face|head",
            "punched ~2 face",
            "fell|fall|fallen ~3 on|onto ~2 face|head",
            "surgery ~3 face|jaw|ear",
            "trauma",
            "injury|injuries|injured|trauma ~3 face|facial|cheek|cheekbone|jaw|head|nose|skull",
            # "never hurt my face", "I hurt my jaw skiing": the past tense with an owner, unlike "my face hurts"
            "hurt ~1 my|his|her ~1 face|jaw|cheek|cheekbone|nose|head|skull",
            "knock|knocks|bang|bangs|bump|bumps|blow|blows ~1 to|on ~2 face|jaw|cheek|nose|head|skull",
            # something that struck the face: "took a ball to the face", "an elbow in the cheek", "a punch in the jaw"
            # (not "stick": "I stick drops in my eye")
            "ball|elbow|fist|punch|kick|knee|headbutt|bat|racket|racquet|puck|hockey|door|boot|shoe|frisbee|football|"
            f"cricket|rugby|branch|whack|smack|thump|hit ~3 to|in|into|on ~1 the|my|his|her|their ~1 {INJURED_PART}",
            # "bruised my cheekbone", "split my lip open", "grazed my chin" (past, with an owner: not "my cheek is sore")
            f"bruised|split|grazed|gashed|elbowed|kneed|kicked|thumped|struck|clipped ~1 my|his|her|their "
            f"~1 left|right? ~1 {INJURED_PART}",
            # "a bruise on my cheek", "a cut above the eye"
            f"bruise|bruises|bruising|cut|gash|graze|stitches ~2 on|to|above|below|under|over|across ~2 {INJURED_PART}",
            # "my face got hit by a ball", "my nose was broken"
            f"{INJURED_PART} ~2 got|was|were|been|get ~1 hit|smashed|struck|whacked|bashed|punched|kicked|broken|"
            "fractured|injured|hurt|elbowed|kneed",
            "black ~1 eye|eyes",
            "face -? plant*",
            "faceplant*",
        ),
        mention=("injury|injuries", "accident*"),
    ),
    "multiple_sclerosis": CodePatterns(
        present=(
            "multiple sclerosis",
            "=MS|=M.S.|=M.S",
            "have|has|got|with|had|of ~1 ms|m.s.",
            "diagnosed|diagnosis ~3 ms|m.s.",
            "demyelinat*",
        ),
        # a lower-case "ms" is multiple sclerosis only where context says so: "no ms", "nor ms"
        absent=("no|nor|not|never ~1 ms|m.s.",),
        # "no Bell's palsy or ms": denied by the negation before the list
        mention=("or ~1 ms|m.s.",),
    ),
    "new_medication": CodePatterns(
        present=(
            f"new|started|starting|changed|switched|increased|different|began|begun|put|changing|switching|switch|"
            f"change|start|upped|upping|raised|doubled|adjusted ~3 {MEDICINES}",
            f"{MEDICINES} ~3 changed|increased|new|started|switched|upped|doubled",
            "started|starting|began ~1 taking",
            "new prescription*",
            "put|puts|start|starts|started ~1 me ~1 on",
            "taking|take|takes|started|starting|on ~2 anything|something ~1 new",
            # "I went on the pill", "I was put on lamotrigine", "been started on sertraline"
            f"went|gone|going|go ~1 on|onto ~2 {MEDICINES}",
            f"was|were|been|got|get|being ~1 put|started|switched|moved ~1 on|onto ~2 {MEDICINES}",
            # "the doctor prescribed amitriptyline", "I was prescribed something for anxiety"
            f"prescribed|prescribe|prescribes ~2 {MEDICINES}|something|anything",
            "was|were|been|got|just|recently|newly ~1 prescribed",
        ),
        # "no new meds, the same tablets as always": unchanged medicines (and "same" is not the twitch staying the same)
        absent=(f"same|usual ~2 {MEDICINES}",),
        mention=(MEDICINES,),
        # "I take levothyroxine and Prozac": a medicine taken regularly, named or not, is no finding, but a time said
        # with it is the medicine's (extraction.said_of_something_else). One started years ago is not new either.
        neutral=(
            "i|we|he|she|also|still take|takes",
            f"{STARTED_ON} ~4 {MEDICINES} ~3 years|yrs|decades|ages ~1 ago|back",
            f"{STARTED_ON} ~4 {MEDICINES} ~3 for ~1 years|yrs|decades|ages|yonks",
        ),
    ),
    "red_eye": CodePatterns(
        present=(
            # "my eye is really red", "her eye's bloodshot", "the twitchy eye is also red", "eye isn't red at all"
            f"{EYE} ~2 {EYE_STATE} ~1 {EYE_DEGREE}? {EYE_DEGREE}? {RED_WORDS}",
            # "eyes are itchy and red", "the eye is sore, a bit swollen"
            f"{EYE} ~2 {EYE_STATE} ~1 {EYE_DEGREE}? {EYE_HURTS}|itchy|watery|watering|dry|tired ,|and|or|n|& "
            f"{EYE_DEGREE}? {EYE_DEGREE}? {RED_WORDS}",
            # "a red, sore eye", "bloodshot left eye", "swollen eyelid", "pink eye"
            f"{RED_WORDS} ,|and? left|right|sore|itchy|watery|painful|twitchy|twitching|upper|lower|top|bottom|little|"
            f"swollen|puffy|red|bloodshot|sticky|crusty? ,|and? {EYE}",
            # "my eye twitches and it's red", "the lid flickers, it's a bit puffy too"
            f"{EYE} ~9 {AND_IT} {AND_NOW}? it|its|they|it's ~2 {EYE_DEGREE}? {EYE_DEGREE}? {RED_WORDS}",
            f"{EYE} ~6 {AND_IT} {AND_NOW}? {EYE_STATE} ~1 {EYE_DEGREE}? {RED_WORDS}",
            # "redness around my eye", "gunk coming out of her eye", "a lot of swelling under the eye"
            f"{RED_THINGS} ~4 {EYE}",
            # "my eye has gunk in it", "eyes full of discharge"
            f"{EYE} ~3 {RED_THINGS}",
            # "yellow stuff in my eye"
            "yellow|green|white|sticky|gooey ~1 stuff|gunk|goo ~3 eye|eyes|eyelid|lid|lids|lashes|eyelash*",
            # a sticky eye in the morning: "my lashes are stuck together", "lids crusted shut" (not glued shut by a spasm)
            f"{EYE} ~2 stuck|gummed|crusted ~1 together",
            f"{EYE} ~2 gummed|crusted ~1 shut|up",
            "bloodshot",
            "blood -? shot",
            "pink -? eye|eyes",
            "pinkeye",
            "conjunctiv*|conjuctiv*|conjunctav*|conjuntiv*",
            "blephariti*",
            "stye|styes",
            "chalazion",
            "eye ~1 infection*",
            # a burst blood vessel in the eye
            "burst|popped|broken ~2 blood ~1 vessel*",
            "blood ~1 vessel* ~3 burst|popped|broken|eye|eyes",
            # "stuff coming out of my eye" ("nothing coming out of the eye": see absent)
            f"stuff|something|anything ~1 coming|comes|leaking|oozing|seeping ~1 out|from ~4 {EYE}",
        ),
        absent=(
            # "nothing coming out of the eye", "nothing's leaking from it" said of the eye
            f"nothing ~2 coming|comes|leaking|oozing|seeping ~1 out|from ~3 {EYE}",
            # "eye not red, not painful": a denial said without a verb
            f"{EYE} not {EYE_DEGREE}? {RED_WORDS}",
            f"{EYE} not {EYE_DEGREE}? {EYE_HURTS} {DENIAL_LIST} {RED_WORDS}",
            # "not sore, not sticky": what only an eye is, denied in a list with soreness
            f"not {EYE_HURTS} {DENIAL_LIST} {EYE_ONLY_RED}",
            f"not {EYE_ONLY_RED} {DENIAL_LIST} {EYE_HURTS}",
        ),
        # "no redness", "any discharge? none" (alone the words may be anyone's: "redness on my cheek")
        answer=("redness", "discharge|gunk|pus|crust|crusting|crustiness|stickiness|goo|gunge", EYE_ONLY_RED),
    ),
    "eye_pain": CodePatterns(
        present=(
            # "my eye hurts when it twitches", "eyes are really sore", "my eyeball aches", "the eye isn't sore"
            f"{EYE} ~3 {EYE_HURTS}",
            # "eyes are red and sore", "the eye is swollen, painful"
            f"{EYE} ~2 {EYE_STATE} ~1 {EYE_DEGREE}? {RED_WORDS}|itchy|watery|watering|dry|tired ,|and|or|n|& "
            f"{EYE_DEGREE}? {EYE_DEGREE}? {EYE_HURTS}",
            # "my eye twitches and it's sore", "the lid flickers, it doesn't hurt though"
            f"{EYE} ~9 {AND_IT} {AND_NOW}? it|its|they|it's ~2 {EYE_DEGREE}? {EYE_DEGREE}? {EYE_HURTS}",
            f"{EYE} ~6 {AND_IT} {AND_NOW}? {EYE_STATE}|does|do|did ~1 {EYE_DEGREE}? {EYE_HURTS}",
            # "it hurts when my eye twitches"
            f"it|this|that|twitch*|spasm*|twitching ~2 {EYE_HURTS} ~1 when|whenever|while|as|if ~3 {EYE}",
            # "a sore eye", "painful red eye", "stinging eyes"
            f"sore|soar|painful|aching|achy|tender|stinging|throbbing|burning|hurting ,|and? left|right|red|bloodshot|"
            f"swollen|puffy|sticky|twitchy|twitching|itchy|watery|upper|lower|little? {EYE}",
            # "pain behind my eye", "an ache around the eye", "discomfort in my eyeball"
            f"{PAIN_NOUNS} ~1 in|behind|around|round|inside|near|above|below|under|at|of|over ~3 {EYE}",
            "eye|eyes|eyeball|eyeballs|socket ~1 pain|pains|ache|aches|soreness",
            "eyeache|eyeaches",
            # "pain in or around my eye", "aching behind and around the eye"
            f"{PAIN_NOUNS} ~1 in|behind|around|round|inside|near|above|below|under|at|on or|and|& "
            f"in|behind|around|round|inside|near|above|below|under|at|on ~2 {EYE}",
        ),
        absent=(
            f"{EYE} ~3 painless",
            f"{EYE} ~3 pain -? free",
            # "eye not sore", "the eye not red, not painful": a denial said without a verb
            f"{EYE} not {EYE_DEGREE}? {EYE_HURTS}",
            f"{EYE} not {EYE_DEGREE}? {RED_WORDS} {DENIAL_LIST} {EYE_HURTS}",
            # "not sore, not sticky", "not gunky or sore": a denial of soreness listed with what only an eye is
            f"not {EYE_HURTS} {DENIAL_LIST} {EYE_ONLY_RED}",
            f"not {EYE_ONLY_RED} {DENIAL_LIST} {EYE_HURTS}",
        ),
    ),
}

# A feeling in the face that names no sign: "my cheek feels odd", "my face doesn't feel right" (docs/clinical-design.md). Not a
# finding: the dialogue asks about numbness and weakness because of it.
VAGUE_FEELING_WORDS = (
    f"{FACE_PART}|skin ~3 feel|feels|feeling|felt ~2 odd|weird|strange|funny|different|off|wrong|peculiar|unusual",
    f"{FACE_PART}|skin ~3 not ~1 feel|feeling ~1 right|normal|itself",
    f"{FACE_PART}|skin ~3 feels|feel ~1 not ~1 right|normal|itself",
    "odd|weird|strange|funny|peculiar|unusual ~2 feeling|sensation|sensations",
    "sensation ~2 different|odd|weird|strange",
    # something new that the person cannot name: "something else has started", "something new is going on with my
    # face", "a new symptom I can't describe"
    "something|summat ~2 new|else|different|wrong|odd|strange|weird ~3 started|starting|going|happening|happened|"
    "appeared|come|came|developed|developing|face|cheek|mouth|eye|eyes",
    "new|another|other|extra ~1 symptom|symptoms|problem|problems|sensation|sensations|feeling|feelings",
    "can not ~2 describe|explain ~2 it|feeling|sensation|what",
    # "something isn't right with my right side", "something's off with my face"
    f"something|summat ~2 not ~1 right|normal ~3 with|on|in|down ~3 {FACE_PART}",
    f"something|summat ~2 wrong|off|odd|weird|strange|funny ~3 with|on|in|down ~3 {FACE_PART}",
    # "just feels off down my right side", "feels weird on one side of my face"
    f"feel|feels|feeling|felt ~2 odd|weird|strange|funny|different|off|wrong|peculiar|unusual ~2 down|on|in|along ~3 "
    f"{FACE_PART}",
)

# Talk of a stroke itself: not a finding, but the safety override needs to know when it is only a relative's or a
# past one ("my aunt had a stroke") rather than one happening now ("I think I'm having a stroke").
STROKE_WORDS = ("stroke|strokes|mini-stroke|tia",)
# The person saying it is an emergency or asking for one to be answered: "this is an emergency", "call an ambulance",
# "ring 999 for me". Read like stroke talk: negated, supposed, feared or asked about, it declares nothing.
EMERGENCY_WORDS = (
    "emergency",
    "call|calling|ring|ringing|phone|phoning|dial|dialling|dialing|get|getting|send|need|needs ~3 "
    "ambulance|ambulances|paramedic|paramedics|999|911|112",
)

LOCATION_PATTERNS: dict[str, tuple[str, ...]] = {
    "eyelid": ("eyelid*|lid|lids|eyelash*", "eye -? lid*", "upper|lower|top|bottom ~1 lid*"),
    "around_eye": (
        "eye|eyes|eyeball*",
        "under|below|around|beside|corner ~3 eye|eyes",
    ),
    "cheek": ("cheek*|jaw|jawline|jaws",),
    "mouth": ("mouth*|lip|lips|chin",),
    "neck": ("neck|throat",),
    # the eyebrow is at the edge of the eye region: forehead is the conservative reading (not self care)
    "forehead": ("forehead*|temple|temples|eyebrow*|brow|brows", "eye -? brow*"),
}

SIDE_PATTERNS: dict[str, tuple[str, ...]] = {
    "left": (
        "left ~2 side|eye|eyes|eyelid|eyelids|lid|cheek|half|hand|one|part|corner|brow|eyebrow|mouth|face|jaw|lip|"
        "temple|forehead|neck|ear",
        "on|to|in|at ~1 the|my ~1 left",
        "and|or ~1 the ~1 left",
    ),
    "right": (
        "right ~2 side|eye|eyes|eyelid|eyelids|lid|cheek|half|hand|one|part|corner|brow|eyebrow|mouth|face|jaw|lip|"
        "temple|forehead|neck|ear",
        "on|to|in|at ~1 the|my ~1 right",
        "and|or ~1 the ~1 right",
    ),
    "both": (
        "both|either|each ~2 side|sides|eye|eyes|eyelid|eyelids|lids|cheek|cheeks",
        "both ~1 of ~1 them",
        "left and right",
        "right and left",
        "bilateral*",
        "two sides",
    ),
}

# A lone "left", "right" or "both" is an answer about the side only in a short reply ("the left one"):
# in longer messages these words mostly mean something else ("right now", "it left me").
# "L", "R", "LHS" and "RHS" as people shorten them.
SIDE_WORDS = {
    "left": "left",
    "right": "right",
    "both": "both",
    "l": "left",
    "r": "right",
    "lhs": "left",
    "rhs": "right",
}
SHORT_REPLY_TOKENS = 4
