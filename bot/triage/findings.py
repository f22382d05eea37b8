"""The findings vocabulary (docs/clinical-design.md) and the record the engine reasons over.

Every other part of the project (NLU entities, Rasa slots, the engine, the tests) uses these codes,
so they are defined once, here.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import Enum
from typing import Any


class Status(str, Enum):
    PRESENT = "present"
    ABSENT = "absent"
    UNKNOWN = "unknown"


# The presenting complaint itself, which every conversation is about.
TWITCHING_CODE = "twitching"
PATTERN_CODES = (
    TWITCHING_CODE,
    "spread",
    "worsening",
    "eye_closure",
    "function_impact",
    "linked_movements",
)
RED_FLAG_CODES = (
    "facial_weakness",
    "sudden_onset",
    "limb_weakness",
    "speech_difficulty",
    "vision_loss",
    "severe_headache",
    "severe_pain",
    "numbness_tingling",
    "hearing_change",
    "balance_problem",
)
TRIGGER_CODES = ("caffeine", "alcohol", "stress", "poor_sleep", "eye_strain", "diet_deficiency")
HISTORY_CODES = (
    "bells_palsy_history",
    "facial_injury_history",
    "multiple_sclerosis",
    "new_medication",
)
# The eye itself: red, swollen or sticky, or with a discharge; pain in or around it (severe pain is severe_pain too).
EYE_CODES = ("red_eye", "eye_pain")
FINDING_CODES = PATTERN_CODES + RED_FLAG_CODES + TRIGGER_CODES + HISTORY_CODES + EYE_CODES

# The signs the source documents list as reasons to see a doctor when they come with a twitch.
# Self care needs each of them asked about (or volunteered) and absent (docs/triage-policy.md).
ACCOMPANYING_SIGNS = (
    "facial_weakness",
    "severe_pain",
    "numbness_tingling",
    "hearing_change",
    "balance_problem",
)
# Asked first whenever weakness or drooping is present or suspected (FAST / BE-FAST).
# Whether a weakness of the face came on within minutes or hours: it decides between the emergency and a doctor today.
ONSET_CODE = "sudden_onset"
STROKE_SCREEN = ("sudden_onset", "limb_weakness", "speech_difficulty", "vision_loss")

FACE_SIDES = ("left", "right", "both")
LOCATIONS = ("eyelid", "around_eye", "cheek", "mouth", "neck", "forehead")
EYE_LOCATIONS = frozenset({"eyelid", "around_eye"})

# Not a finding code: the marker used in `Findings.asked` for the duration question.
DURATION = "duration"
# Likewise for the location and side questions.
LOCATIONS_ASKED = "locations"
FACE_SIDE_ASKED = "face_side"
# In `asked`: the last check for emergency signs was made (bot.triage.intake.EMERGENCY_SCREEN_QUESTION).
EMERGENCY_SCREENED = "emergency_screen"
# The signs that last check names: those that call for the emergency number whatever else is known.
EMERGENCY_SCREEN_SIGNS = (
    "facial_weakness",
    "limb_weakness",
    "speech_difficulty",
    "vision_loss",
    "severe_headache",
)


@dataclass(frozen=True)
class Findings:
    """What is known about the person being assessed.

    `statuses` holds only what was said; a code missing from it is unknown. `asked` holds the codes
    (and `DURATION`, `LOCATIONS_ASKED`, `FACE_SIDE_ASKED`) the assistant has asked about, so an unknown
    that survived a question can be told apart from one that was never raised.
    """

    statuses: Mapping[str, Status] = field(default_factory=dict)
    face_side: str | None = None
    locations: frozenset[str] = frozenset()
    duration_days: float | None = None
    asked: frozenset[str] = frozenset()
    # The person said it is an emergency ("I think I'm having a stroke", "call an ambulance"), whether or not
    # a sign was recognised in their words: the report_emergency intent.
    reported_emergency: bool = False
    # Lists of signs of which at least one is present, though the person never said which: a "yes" to a
    # question naming several signs, still unclear after "which one?" (docs/clinical-design.md: never read as "not known").
    at_least_one_of: frozenset[frozenset[str]] = frozenset()
    # Signs the conversation has a reason to ask about one by one, though nobody said them: a red flag one
    # reader suspected and the other did not, a face that "feels odd" (numbness? weakness?), an emergency that
    # only the intent classifier saw (the stroke screen). Never a finding by itself.
    suspected: frozenset[str] = frozenset()

    def __post_init__(self) -> None:
        unknown_codes = set(self.statuses) - set(FINDING_CODES)
        if unknown_codes:
            raise ValueError(f"not finding codes: {sorted(unknown_codes)}")
        unknown_locations = set(self.locations) - set(LOCATIONS)
        if unknown_locations:
            raise ValueError(f"not locations: {sorted(unknown_locations)}")
        if self.face_side is not None and self.face_side not in FACE_SIDES:
            raise ValueError(f"not a face side: {self.face_side}")
        unknown_in_lists = {code for signs in self.at_least_one_of for code in signs} | set(self.suspected)
        unknown_in_lists -= set(FINDING_CODES)
        if unknown_in_lists:
            raise ValueError(f"not finding codes: {sorted(unknown_in_lists)}")

    def status(self, code: str) -> Status:
        if code not in FINDING_CODES:
            raise KeyError(code)
        return self.statuses.get(code, Status.UNKNOWN)

    def is_present(self, code: str) -> bool:
        return self.status(code) is Status.PRESENT

    def is_absent(self, code: str) -> bool:
        return self.status(code) is Status.ABSENT

    def is_unknown(self, code: str) -> bool:
        return self.status(code) is Status.UNKNOWN

    def present_codes(self) -> tuple[str, ...]:
        return tuple(code for code in FINDING_CODES if self.is_present(code))

    def unresolved_lists(self) -> tuple[frozenset[str], ...]:
        """The "at least one of these" lists that nothing said since has settled: none of their signs is
        present (a named sign settles its list), and some are still unknown (a list whose every sign was
        later denied is taken back by those denials, which speak of each sign by name)."""
        return tuple(
            signs
            for signs in sorted(self.at_least_one_of, key=sorted)
            if not any(self.is_present(code) for code in signs)
            and any(self.is_unknown(code) for code in signs)
        )

    @classmethod
    def from_values(
        cls,
        statuses: Mapping[str, Any],
        face_side: str | None = None,
        locations: Any = (),
        duration_days: float | None = None,
        asked: Any = (),
        at_least_one_of: Any = (),
        suspected: Any = (),
    ) -> Findings:
        """Build from plain values (slot values, JSON): statuses given as strings, None = unknown."""
        return cls(
            statuses={code: Status(value) for code, value in statuses.items() if value is not None},
            face_side=face_side,
            locations=frozenset(locations or ()),
            duration_days=duration_days,
            asked=frozenset(asked or ()),
            at_least_one_of=frozenset(frozenset(signs) for signs in at_least_one_of or ()),
            suspected=frozenset(suspected or ()),
        )

    def to_json(self) -> dict[str, str]:
        """Code -> status for every code that is not unknown (the `findings` of the assessment)."""
        return {code: self.status(code).value for code in FINDING_CODES if not self.is_unknown(code)}
