"""The health sentences of the triage answer: what to do at each level, what to watch for, the advice that goes with
particular findings, how to check for stroke signs yourself, the possible explanations and self-care advice.

Each sentence names the sources it comes from (bot.knowledge.sources); bot.triage composes them into an answer and
docs/clinical-content.md lists them with where they are said. Texts may contain `{emergency_number}`: use `render`.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.knowledge.items import BOTH_DOCS, SPASMS_DOC, TWITCHING_DOC, SourcedText

# The placeholder for the deployment's emergency number in advice templates.
EMERGENCY_NUMBER_FIELD = "{emergency_number}"
GENERIC_EMERGENCY_NUMBER = "your local emergency number"


def render(text: str, emergency_number: str = GENERIC_EMERGENCY_NUMBER) -> str:
    return text.replace(EMERGENCY_NUMBER_FIELD, emergency_number)


@dataclass(frozen=True)
class LevelAdvice:
    """What to do at one triage level: said first, then what should make the person act sooner."""

    level: str
    in_plain_words: SourcedText
    next_steps: SourcedText
    act_sooner_if: SourcedText | None
    # The stroke warning follows the safety net of every level but the emergency, which already says to call.
    warns_of_stroke: bool


@dataclass(frozen=True)
class FindingAdvice:
    """Advice that goes with a rule of the triage policy (bot.triage.rules, by name) whenever that rule applies."""

    rule: str
    next_step: SourcedText
    act_sooner_if: SourcedText | None = None
    # A rule about the same findings whose own advice says it better: "a pharmacist can help with a red eye" is left
    # out when the eye is also painful.
    unless_rule: str | None = None


@dataclass(frozen=True)
class Condition:
    """A possible explanation (a condition code of the assessment) as shown to the person."""

    code: str
    name: str
    why_it_fits: SourcedText


LEVEL_ADVICE: dict[str, LevelAdvice] = {
    advice.level: advice
    for advice in (
        LevelAdvice(
            "emergency",
            SourcedText("This could be a stroke or another emergency.", ("nhs_stroke_fast", "be_fast")),
            SourcedText(
                f"Call {EMERGENCY_NUMBER_FIELD} now for an ambulance. Do not wait to see if it passes.",
                ("nhs_stroke_fast",),
            ),
            SourcedText("If you cannot call, ask someone near you to call for you.", ("nhs_stroke_fast",)),
            warns_of_stroke=False,
        ),
        LevelAdvice(
            "urgent",
            SourcedText("You should see a doctor today.", (TWITCHING_DOC, "nhs_bells_palsy", "nhs_red_eye")),
            SourcedText(
                "Contact your GP today for an urgent appointment, or an urgent care service if your GP is closed.",
                ("nhs_bells_palsy", "nhs_red_eye"),
            ),
            None,
            warns_of_stroke=True,
        ),
        LevelAdvice(
            "routine",
            SourcedText(
                "This needs a doctor's opinion, but it is not urgent.", (TWITCHING_DOC, "nhs_twitching")
            ),
            SourcedText(
                "Book an appointment with your GP within about the next two weeks. They may refer you to a "
                "neurologist.",
                (TWITCHING_DOC, "nhs_twitching"),
            ),
            SourcedText(
                "See a doctor today instead if you notice severe pain in your face, numbness or tingling, hearing "
                "changes or balance problems.",
                (TWITCHING_DOC,),
            ),
            warns_of_stroke=True,
        ),
        LevelAdvice(
            "self_care",
            SourcedText(
                "From what you have told me, this fits the common, temporary kind of twitch that you can look after "
                "yourself for now.",
                (*BOTH_DOCS, "nhs_twitching"),
            ),
            SourcedText(
                "Try the self-care advice below; most twitches like this settle on their own.",
                (*BOTH_DOCS, "nhs_twitching"),
            ),
            SourcedText(
                "See a GP if the twitch lasts more than 2 weeks, spreads, gets worse or starts forcing your eye shut, "
                "or if you think a medicine might be causing it. A pharmacist can help if your eye turns red or "
                "sticky; if it is red and painful, ask for an urgent GP appointment. See a doctor today if you notice "
                "severe pain in your face, numbness or tingling, hearing changes or balance problems.",
                (*BOTH_DOCS, "nhs_twitching", "nhs_red_eye"),
            ),
            warns_of_stroke=True,
        ),
    )
}

# The stroke warning of the safety net. A drooping eyelid or mouth is a drooping face (NHS: "the mouth or eye may
# have drooped").
STROKE_WARNING = SourcedText(
    f"Call {EMERGENCY_NUMBER_FIELD} straight away if your face, mouth or an eyelid droops on one side, you cannot "
    "lift both arms and keep them there, or your speech is slurred or muddled.",
    ("nhs_stroke_fast", "nhs_bells_palsy"),
)
# For a person whose face already droops, told to call "if your face droops" would be told nothing they can act on.
STROKE_WARNING_FACE_ALREADY_DROOPS = SourcedText(
    f"Call {EMERGENCY_NUMBER_FIELD} straight away if you cannot lift both arms and keep them there, or your speech "
    "becomes slurred or muddled.",
    ("nhs_stroke_fast",),
)
SUDDEN_VISION_OR_BALANCE_CHANGE = SourcedText(
    "Do the same if your vision or balance suddenly changes.", ("be_fast", "nhs_stroke_fast")
)

_RED_EYE_EMERGENCY = SourcedText(
    f"With a red eye, call {EMERGENCY_NUMBER_FIELD} or go to an emergency department if your sight changes, it hurts "
    "to look at light, or you have a severe headache and feel sick.",
    ("nhs_red_eye",),
)

FINDING_ADVICE: tuple[FindingAdvice, ...] = (
    FindingAdvice(
        "gradual_facial_weakness",
        SourcedText(
            "Weakness or drooping that came on over hours to days can be Bell's palsy. Its treatment works best when "
            "started within 72 hours, so do not wait to see if it gets better.",
            ("nhs_bells_palsy",),
        ),
    ),
    FindingAdvice(
        "painful_red_eye",
        SourcedText(
            "A red eye that also hurts is not one to leave to get better on its own: it needs to be seen the same "
            "day.",
            ("nhs_red_eye",),
        ),
        _RED_EYE_EMERGENCY,
    ),
    FindingAdvice(
        "red_eye",
        SourcedText(
            "A pharmacist can help with a red or sticky eye that does not hurt; see a GP if it lasts more than a few "
            "days.",
            ("nhs_red_eye",),
        ),
        _RED_EYE_EMERGENCY,
        unless_rule="painful_red_eye",
    ),
    FindingAdvice(
        "new_medication",
        SourcedText(
            "Some medicines can cause twitching: check the side effects on the packet or leaflet, and tell your GP "
            "about the new medicine. Do not stop taking a prescribed medicine without medical advice, even if you "
            "think it might be causing the twitch.",
            ("nhs_twitching",),
        ),
    ),
)

# How to check for the main stroke signs yourself, given when a warning sign could not be ruled out: the NHS FAST test
# in plain words, and what to do with the result.
SELF_CHECK_RULE = "red_flag_unknown_after_asking"
SELF_CHECK_INTRO = SourcedText(
    "Some warning signs could not be ruled out, so here is how to check for the main stroke signs yourself now (the "
    "NHS FAST test):",
    ("nhs_stroke_fast",),
)
SELF_CHECK_STEPS: tuple[SourcedText, ...] = (
    SourcedText(
        "Face: smile in a mirror. Has one side of your face, your mouth or an eyelid dropped?",
        ("nhs_stroke_fast",),
    ),
    SourcedText(
        "Arms: lift both arms and try to keep them there. Is one weak or numb, or does it drop?",
        ("nhs_stroke_fast",),
    ),
    SourcedText("Speech: say a simple sentence out loud. Is it slurred or muddled?", ("nhs_stroke_fast",)),
)
SELF_CHECK_RESULT = SourcedText(
    f"If any answer is yes, call {EMERGENCY_NUMBER_FIELD} now. If all three are fine, follow the advice above, and "
    "check again if anything changes.",
    ("nhs_stroke_fast",),
)

# Self-care advice, keyed by the trigger finding it addresses.
SELF_CARE_ADVICE: dict[str, SourcedText] = {
    "caffeine": SourcedText(
        "Cut down on coffee and other caffeine: it stimulates the nerves and makes muscles more irritable.",
        (*BOTH_DOCS, "nhs_twitching"),
    ),
    "alcohol": SourcedText(
        "Drink less alcohol: heavy drinking can upset the body's salt balance and nerve function.",
        (SPASMS_DOC, "nhs_twitching"),
    ),
    "stress": SourcedText(
        "Ease stress where you can: stress and anxiety make the nerves more excitable.",
        (*BOTH_DOCS, "nhs_twitching"),
    ),
    "poor_sleep": SourcedText(
        "Get enough sleep and rest: tiredness makes the nerve signals to the face less stable.",
        (*BOTH_DOCS, "nhs_twitching"),
    ),
    "eye_strain": SourcedText(
        "Take regular breaks from screens and reading: eye strain can set off twitching around the eyes.",
        BOTH_DOCS,
    ),
    # The documents say low levels can cause twitching, not what to eat: the advice is to have it checked.
    "diet_deficiency": SourcedText(
        "Low magnesium, calcium or vitamin B12 can make nerves more excitable: if you think you may be short of "
        "them, a GP can check for causes like this.",
        (*BOTH_DOCS, "nhs_twitching"),
    ),
}
SELF_CARE_OUTLOOK = SourcedText(
    "Twitches from everyday triggers usually stop once the trigger is dealt with.",
    (SPASMS_DOC, "nhs_twitching"),
)

CONDITIONS: dict[str, Condition] = {
    condition.code: condition
    for condition in (
        Condition(
            "myokymia",
            "Myokymia (a common eyelid twitch)",
            SourcedText(
                "a short-lived twitch, usually of the eyelid, that often follows everyday triggers such as "
                "caffeine, stress, poor sleep or screen time",
                BOTH_DOCS,
            ),
        ),
        Condition(
            "hemifacial_spasm",
            "Hemifacial spasm",
            SourcedText(
                "a spasm of one side of the face that usually starts around the eye and spreads slowly to "
                "the cheek and mouth, often getting worse over months or years",
                BOTH_DOCS,
            ),
        ),
        # One document calls an eyelid twitch from screen strain "blepharospasm"; medically it is a dystonia, and the
        # explanation uses the word in that sense only.
        Condition(
            "blepharospasm",
            "Blepharospasm (a form of dystonia)",
            SourcedText(
                "a long-lasting condition in which the muscles around the eyes, usually both, force them shut or make "
                "them blink uncontrollably",
                ("nhs_dystonia",),
            ),
        ),
        Condition(
            "synkinesis",
            "Synkinesis (linked facial movements)",
            SourcedText(
                "linked movements, such as the eye narrowing when you smile, that can follow Bell's palsy "
                "or an injury as the facial nerve regrows",
                (SPASMS_DOC,),
            ),
        ),
        Condition(
            "electrolyte_or_vitamin_deficiency",
            "Low minerals or vitamins",
            SourcedText(
                "low magnesium, calcium or vitamin B12 can make nerves and muscles more excitable, and heavy "
                "drinking can upset the body's salt balance; a GP can check for causes like this",
                (*BOTH_DOCS, "nhs_twitching"),
            ),
        ),
        Condition(
            "secondary_neurological",
            "Another nerve condition (such as multiple sclerosis or a tumour)",
            SourcedText(
                "rarely, multiple sclerosis or a growth pressing on the facial nerve causes spasms, and new "
                "symptoms on the same side of the face are a reason to be checked",
                BOTH_DOCS,
            ),
        ),
        Condition(
            "stroke",
            "Stroke",
            SourcedText(
                "a face fallen on one side, arm weakness, slurred speech, and a sudden change in balance or vision "
                "are stroke warning signs",
                ("nhs_stroke_fast", "be_fast"),
            ),
        ),
        Condition(
            "bells_palsy",
            "Bell's palsy",
            SourcedText(
                "weakness or drooping on one side of the face that comes on over hours to days; its treatment works "
                "best when started within 72 hours",
                ("nhs_bells_palsy",),
            ),
        ),
    )
}

DISCLAIMER = (
    "I am an automated assistant, not a doctor: this is not a diagnosis. If you are worried, or things "
    "change, speak to a doctor."
)
