"""The exact words of each intake question (bot.triage.intake) and of the replies around them.

Kept beside the planner so that a clinician reads what is asked next to why and when it is asked. Button
payloads are either plain words (read by the NLU like typed text) or an intent (`/none_of_these`).
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.triage.findings import ACCOMPANYING_SIGNS, EMERGENCY_SCREEN_SIGNS, Findings


@dataclass(frozen=True)
class Prompt:
    text: str
    options: tuple[tuple[str, str], ...] = ()  # (button title, payload)

    def buttons(self) -> list[dict[str, str]]:
        return [{"title": title, "payload": payload} for title, payload in self.options]


NONE_OF_THESE = ("None of these", "/none_of_these")
NO = ("No", "/deny")


@dataclass(frozen=True)
class ChecklistItem:
    words: str  # as the question names it
    button: tuple[str, str]


ACCOMPANYING_SIGNS_OPENING = "Do you have any of these with it:"
# One item per code of bot.triage.findings.ACCOMPANYING_SIGNS, which sets the order.
ACCOMPANYING_SIGN_ITEMS: dict[str, ChecklistItem] = {
    "facial_weakness": ChecklistItem(
        "weakness or drooping of the face", ("Weakness or drooping", "my face is weak or drooping")
    ),
    "severe_pain": ChecklistItem("severe pain in the face", ("Severe pain", "severe pain in my face")),
    "numbness_tingling": ChecklistItem(
        "numbness or tingling", ("Numbness or tingling", "numbness or tingling")
    ),
    "hearing_change": ChecklistItem("changes in your hearing", ("Hearing changes", "my hearing has changed")),
    "balance_problem": ChecklistItem(
        "problems with balance", ("Balance problems", "problems with my balance")
    ),
}


# How each red flag is named when it is asked about on its own (bot.triage.intake.SIGN_CHECK_QUESTIONS).
SIGN_CHECK_WORDS: dict[str, str] = {
    "facial_weakness": "weakness or drooping on one side of your face, or an eye or mouth that won't close",
    "sudden_onset": "did the weakness or drooping come on suddenly, within minutes or hours",
    "limb_weakness": "weakness in an arm or a leg",
    "speech_difficulty": "slurred or muddled speech",
    "vision_loss": "sudden loss of sight, or blurred or double vision (not just your eye being squeezed shut)",
    "severe_headache": "a sudden, severe headache",
    "severe_pain": "severe pain in your face",
    "numbness_tingling": "numbness or tingling in your face",
    "hearing_change": "any change in your hearing",
    "balance_problem": "problems with your balance",
}
SIGN_CHECK_OPENING = "Just to be sure:"
SIGN_CHECK_OPTIONS = (("Yes", "/affirm"), ("No", "/deny"), ("Not sure", "/not_sure"))


def sign_check_prompt(code: str) -> Prompt:
    words = SIGN_CHECK_WORDS[code]
    if code == "sudden_onset":
        question = f"{words}?"
    elif code in EMERGENCY_SCREEN_SIGNS:
        # The emergency rules ask whether the sign was there, not whether it still is: stroke signs that pass within
        # minutes still need the emergency number (nidirect, "Transient ischaemic attack (TIA)",
        # https://www.nidirect.gov.uk/conditions/transient-ischaemic-attack-tia). Asked about now only, a person whose
        # sight came back would answer "no".
        question = f"have you had {words}, even if it has passed?"
    else:
        question = f"do you have {words}?"
    return Prompt(f"{SIGN_CHECK_OPENING} {question}", SIGN_CHECK_OPTIONS)


def _listed(words: list[str]) -> str:
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])}, or {words[-1]}"


def accompanying_signs_prompt(findings: Findings) -> Prompt:
    """The accompanying-signs checklist, naming only the signs still unknown: a sign the person has already
    described or denied is not asked about again (and naming it again is no answer to the question)."""
    codes = [code for code in ACCOMPANYING_SIGNS if findings.is_unknown(code)] or ACCOMPANYING_SIGNS
    items = [ACCOMPANYING_SIGN_ITEMS[code] for code in codes]
    text = f"{ACCOMPANYING_SIGNS_OPENING} {_listed([item.words for item in items])}?"
    return Prompt(text, (NONE_OF_THESE, *(item.button for item in items)))


STROKE_SCREEN_OPENING = "About the weakness or drooping:"
STROKE_SCREEN_ONSET = "did it come on suddenly, within minutes or hours?"
# One item per stroke-screen sign after the onset (bot.triage.findings.STROKE_SCREEN), which sets the order.
STROKE_SCREEN_SIGN_WORDS = {
    "limb_weakness": "arm or leg weakness",
    "speech_difficulty": "slurred or muddled speech",
    "vision_loss": "sudden loss of vision or double vision",
}
STROKE_SCREEN_OPTIONS = (
    ("No, none of that", "/none_of_these"),
    ("Yes", "/affirm"),
    ("Not sure", "/not_sure"),
)


def stroke_screen_prompt(findings: Findings) -> Prompt:
    """The stroke screen, naming only what is still unknown (after a partial answer, the rest is asked again)."""
    asks_onset = findings.is_unknown("sudden_onset")
    signs = [words for code, words in STROKE_SCREEN_SIGN_WORDS.items() if findings.is_unknown(code)]
    if not asks_onset and not signs:
        asks_onset, signs = True, list(STROKE_SCREEN_SIGN_WORDS.values())
    parts = [STROKE_SCREEN_OPENING]
    if asks_onset:
        parts.append(STROKE_SCREEN_ONSET)
    if signs:
        parts.append(f"{'And is' if asks_onset else 'is'} there any {_listed(signs)}?")
    return Prompt(" ".join(parts), STROKE_SCREEN_OPTIONS)


EMERGENCY_SCREEN_OPENING = "One last check:"
EMERGENCY_SCREEN_SIGN_WORDS = {
    "facial_weakness": "drooping or weakness of one side of your face",
    "limb_weakness": "sudden weakness in an arm or leg",
    "speech_difficulty": "slurred or muddled speech",
    "vision_loss": "sudden loss of vision or double vision",
    "severe_headache": "a sudden, severe headache",
}


def emergency_screen_prompt(findings: Findings) -> Prompt:
    """The last check for emergency signs, naming only those still unknown."""
    signs = [words for code, words in EMERGENCY_SCREEN_SIGN_WORDS.items() if findings.is_unknown(code)]
    listed = _listed(signs or list(EMERGENCY_SCREEN_SIGN_WORDS.values()))
    # "have you had a sudden, severe headache?", not "any a sudden..." when only the headache is left
    have_you_had = "have you had" if listed.startswith("a ") else "have you had any"
    return Prompt(f"{EMERGENCY_SCREEN_OPENING} {have_you_had} {listed}?", STROKE_SCREEN_OPTIONS)


QUESTION_PROMPTS: dict[str, Prompt] = {
    **{f"q_check_{code}": sign_check_prompt(code) for code in SIGN_CHECK_WORDS},
    "q_stroke_screen": stroke_screen_prompt(Findings()),
    "q_emergency_screen": emergency_screen_prompt(Findings()),
    "q_location": Prompt(
        "Where on your face is the twitching?",
        (("Eyelid", "eyelid"), ("Around the eye", "around the eye"), ("Cheek", "cheek"), ("Mouth", "mouth")),
    ),
    "q_side": Prompt(
        "Which side of your face is it on?",
        (("Left", "left"), ("Right", "right"), ("Both", "both sides")),
    ),
    "q_duration": Prompt(
        'How long has it been going on? For example "3 days", "since Monday" or "a couple of months".'
    ),
    "q_progression": Prompt(
        "Is it getting worse: more often or stronger, spreading to your cheek, mouth or neck, or forcing your "
        "eye shut?",
        (
            NO,
            ("Getting worse", "it's getting worse"),
            ("Spreading", "it's spreading"),
            ("Forces my eye shut", "it forces my eye shut"),
        ),
    ),
    "q_accompanying": accompanying_signs_prompt(Findings()),
    "q_impact": Prompt(
        "Does it get in the way of seeing, eating, speaking or driving? Or does one part of your face move when "
        "you move another, like your eye closing when you smile?",
        (
            NO,
            ("Gets in the way", "it gets in the way of seeing or eating"),
            ("Linked movements", "my eye closes when I smile"),
        ),
    ),
    "q_triggers": Prompt(
        "Lately, have you had a lot of caffeine or alcohol, stress, poor sleep, long hours at screens, or a diet "
        "that might be low in magnesium, calcium or vitamin B12?",
        (
            NONE_OF_THESE,
            ("Caffeine", "lots of caffeine"),
            ("Stress", "stress"),
            ("Poor sleep", "poor sleep"),
            ("Screens", "lots of screen time"),
        ),
    ),
    "q_history": Prompt(
        "Have you ever had Bell's palsy, an injury to your face, or multiple sclerosis, or started a new medicine "
        "recently?",
        (
            NONE_OF_THESE,
            ("Bell's palsy", "I had bell's palsy"),
            ("Face injury", "I injured my face"),
            ("MS", "I have multiple sclerosis"),
            ("New medicine", "I started a new medicine"),
        ),
    ),
}


def prompt_for(question: str, findings: Findings) -> Prompt:
    """The words of `question` for a person of whom `findings` are known."""
    if question == "q_accompanying":
        return accompanying_signs_prompt(findings)
    if question == "q_stroke_screen":
        return stroke_screen_prompt(findings)
    if question == "q_emergency_screen":
        return emergency_screen_prompt(findings)
    return QUESTION_PROMPTS[question]


def question_for_text(text: str) -> str | None:
    """The question a message of the assistant asks (what apps and the evaluation use to recognise one)."""
    for name, prompt in QUESTION_PROMPTS.items():
        if text == prompt.text:
            return name
    # The checklists that name only what is still unknown start with the same words whatever they name.
    for name, opening in (
        ("q_accompanying", ACCOMPANYING_SIGNS_OPENING),
        ("q_stroke_screen", STROKE_SCREEN_OPENING),
        ("q_emergency_screen", EMERGENCY_SCREEN_OPENING),
    ):
        if text.startswith(opening):
            return name
    return None


ASK_AGAIN = "Sorry, I didn't catch that. Could you answer in a few words, or tap one of the options?"
ASK_WHICH_ONE = "Which one? Tap any that apply, or tell me in your own words."
RECORDED_AS_NOT_KNOWN = "That's fine, I'll note it as not known and take that into account."
RECORDED_AS_ONE_OF_THEM = (
    "That's fine: I'll take it that at least one of them applies, to be on the safe side."
)
RECORDED_AS_POSSIBLE = "That's fine: I'll take it that you may have it, to be on the safe side."
UPDATED = "Thanks, I've updated that."
# Before the last check is asked again about news the assistant could not read (bot.triage.intake.last_check_asked_again).
NEWS_NOT_UNDERSTOOD = "I'm not sure I understood that, so to be safe I'll ask the last check again."
