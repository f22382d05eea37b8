"""Every rule of the triage policy (docs/triage-policy.md), one small named rule per condition.

The rules are listed most urgent level first. The engine picks the first level with a rule that matches;
docs/triage-policy.md is generated from this list, so the table a clinician audits is the code that runs.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from bot.knowledge.sources import SOURCES
from bot.triage.findings import (
    ACCOMPANYING_SIGNS,
    DURATION,
    EYE_LOCATIONS,
    RED_FLAG_CODES,
    Findings,
    Status,
)
from bot.triage.levels import Level

# docs/triage-policy.md: the documents say "more than a few weeks"; the NHS says more than 2 weeks.
SELF_CARE_MAX_DAYS = 14.0


@dataclass(frozen=True)
class Rule:
    name: str
    level: Level
    condition: str
    sources: tuple[str, ...]
    applies: Callable[[Findings], bool]

    def __post_init__(self) -> None:
        unknown_sources = [source_id for source_id in self.sources if source_id not in SOURCES]
        if not self.sources or unknown_sources:
            raise ValueError(f"rule {self.name} needs permitted sources, got {self.sources}")


def _when_present(name: str, code: str, level: Level, condition: str, sources: tuple[str, ...]) -> Rule:
    """A rule that fires when one finding is present."""
    return Rule(name, level, condition, sources, lambda findings: findings.is_present(code))


def weakness_not_known_to_be_gradual(findings: Findings) -> bool:
    # An unknown onset counts as sudden: a stroke cannot be ruled out until the person says otherwise.
    return findings.is_present("facial_weakness") and not findings.is_absent("sudden_onset")


def gradual_weakness(findings: Findings) -> bool:
    return findings.is_present("facial_weakness") and findings.is_absent("sudden_onset")


def lasted_over_two_weeks(findings: Findings) -> bool:
    return findings.duration_days is not None and findings.duration_days > SELF_CARE_MAX_DAYS


def beyond_the_eye(findings: Findings) -> bool:
    return bool(findings.locations - EYE_LOCATIONS)


# Sudden onset is a warning sign only as the onset of a weakness, and the weakness rules already treat an
# unknown onset as sudden; on its own, an unknown onset must not block self care.
_SIGNS_THAT_CANNOT_STAY_UNKNOWN = tuple(code for code in RED_FLAG_CODES if code != "sudden_onset")


def red_flag_unknown_after_asking(findings: Findings) -> bool:
    return any(
        findings.is_unknown(code) and code in findings.asked for code in _SIGNS_THAT_CANNOT_STAY_UNKNOWN
    )


def progression_unknown_after_asking(findings: Findings) -> bool:
    # "Not getting worse" is a condition of self care: asked and still unknown, it is not met (docs/clinical-design.md).
    return findings.is_unknown("worsening") and "worsening" in findings.asked


def level_if_one_of_them_is_present(findings: Findings, signs: frozenset[str]) -> Level:
    """The least urgent level that any one of the still-unknown signs would give, were it present: what a
    "yes" to a list of signs, without saying which, is worth at least (docs/clinical-design.md)."""
    without_lists = replace(findings, at_least_one_of=frozenset())
    return min(
        _decisive_level(replace(without_lists, statuses={**without_lists.statuses, code: Status.PRESENT}))
        for code in sorted(signs)
        if findings.is_unknown(code)
    )


def lists_that_may_hide_more_than_self_care(findings: Findings) -> list[frozenset[str]]:
    """The "at least one of these" lists still open whose any one sign, were it present, would need more than self
    care: a "yes" to the triggers without saying which (coffee? screens?) changes nothing, so it does not block self
    care; a "yes" to the warning signs does."""
    return [
        signs
        for signs in findings.unresolved_lists()
        if level_if_one_of_them_is_present(findings, signs) is not Level.SELF_CARE
    ]


def _decisive_level(findings: Findings) -> Level:
    return next(rule.level for rule in RULES if rule.applies(findings))


def _yes_to_a_list_worth(level: Level) -> Callable[[Findings], bool]:
    def applies(findings: Findings) -> bool:
        return any(
            level_if_one_of_them_is_present(findings, signs) is level for signs in findings.unresolved_lists()
        )

    return applies


def duration_unknown_after_asking(findings: Findings) -> bool:
    return findings.duration_days is None and DURATION in findings.asked


def stays_around_the_eye(findings: Findings) -> bool:
    return bool(findings.locations) and findings.locations <= EYE_LOCATIONS


def short_enough_for_self_care(findings: Findings) -> bool:
    return findings.duration_days is not None and findings.duration_days <= SELF_CARE_MAX_DAYS


def accompanying_signs_ruled_out(findings: Findings) -> bool:
    # Absent means the person said so, either when asked or unprompted: both count (docs/triage-policy.md).
    return all(findings.is_absent(code) for code in ACCOMPANYING_SIGNS)


def self_care_conditions_met(findings: Findings) -> bool:
    return (
        not lists_that_may_hide_more_than_self_care(findings)
        and stays_around_the_eye(findings)
        and short_enough_for_self_care(findings)
        and not findings.is_present("worsening")
        and accompanying_signs_ruled_out(findings)
    )


def self_care_conditions_not_met(findings: Findings) -> bool:
    return not self_care_conditions_met(findings)


_DOCS = ("doc_facial_twitching", "doc_facial_spasms")
# The document that lists when a twitch needs a doctor's opinion.
_SEEK_ADVICE = ("doc_facial_twitching",)

EMERGENCY_RULES: tuple[Rule, ...] = (
    Rule(
        "reported_emergency",
        Level.EMERGENCY,
        "The person says it is an emergency or describes stroke-like signs, even if no sign was recognised",
        ("nhs_stroke_fast",),
        lambda findings: findings.reported_emergency,
    ),
    Rule(
        "sudden_facial_weakness",
        Level.EMERGENCY,
        "Face weak or drooping, and it did not come on gradually (sudden, or not yet known)",
        ("nhs_stroke_fast", "be_fast"),
        weakness_not_known_to_be_gradual,
    ),
    _when_present(
        "limb_weakness",
        "limb_weakness",
        Level.EMERGENCY,
        "Weakness in an arm or leg",
        ("nhs_stroke_fast", "nhs_bells_palsy"),
    ),
    _when_present(
        "speech_difficulty",
        "speech_difficulty",
        Level.EMERGENCY,
        "Slurred or difficult speech",
        ("nhs_stroke_fast", "nhs_bells_palsy"),
    ),
    _when_present(
        "vision_loss",
        "vision_loss",
        Level.EMERGENCY,
        "Sudden loss of vision or double vision",
        ("be_fast", "nhs_stroke_fast"),
    ),
    # Not in FAST or BE-FAST, but among the other stroke symptoms of the NHS page: a sudden, very severe headache.
    _when_present(
        "severe_headache", "severe_headache", Level.EMERGENCY, "Sudden, severe headache", ("nhs_stroke_fast",)
    ),
    Rule(
        "yes_to_stroke_signs_unspecified",
        Level.EMERGENCY,
        'A "yes" (or an unclear answer) to stroke signs, without saying which: any one of them is an emergency',
        ("nhs_stroke_fast", "triage_policy"),
        _yes_to_a_list_worth(Level.EMERGENCY),
    ),
)

URGENT_RULES: tuple[Rule, ...] = (
    Rule(
        "gradual_facial_weakness",
        Level.URGENT,
        "Face weak or drooping, and it came on gradually (possible Bell's palsy: treatment works best "
        "when started within 72 hours)",
        ("nhs_bells_palsy",),
        gradual_weakness,
    ),
    _when_present("severe_facial_pain", "severe_pain", Level.URGENT, "Severe pain in the face", _SEEK_ADVICE),
    _when_present(
        "numbness_or_tingling",
        "numbness_tingling",
        Level.URGENT,
        "Numbness, tingling or another change in feeling in the face",
        _SEEK_ADVICE,
    ),
    _when_present("hearing_change", "hearing_change", Level.URGENT, "A change in hearing", _SEEK_ADVICE),
    _when_present(
        "balance_problem",
        "balance_problem",
        Level.URGENT,
        "Problems with balance or coordination",
        (*_SEEK_ADVICE, "be_fast"),
    ),
    Rule(
        "painful_red_eye",
        Level.URGENT,
        "A red, swollen or sticky eye that is also painful",
        ("nhs_red_eye",),
        lambda findings: findings.is_present("red_eye") and findings.is_present("eye_pain"),
    ),
    Rule(
        "yes_to_warning_signs_unspecified",
        Level.URGENT,
        'A "yes" to a list of warning signs, without saying which: at least the level the mildest of them gives',
        (*_SEEK_ADVICE, "triage_policy"),
        _yes_to_a_list_worth(Level.URGENT),
    ),
)

ROUTINE_RULES: tuple[Rule, ...] = (
    Rule(
        "lasted_over_two_weeks",
        Level.ROUTINE,
        f"The twitch has lasted more than {SELF_CARE_MAX_DAYS:g} days",
        ("doc_facial_twitching", "nhs_twitching"),
        lasted_over_two_weeks,
    ),
    _when_present("red_eye", "red_eye", Level.ROUTINE, "A red, swollen or sticky eye", ("nhs_red_eye",)),
    _when_present(
        "getting_worse", "worsening", Level.ROUTINE, "The twitch is getting more frequent or stronger", _DOCS
    ),
    _when_present(
        "spreading",
        "spread",
        Level.ROUTINE,
        "The twitch has spread beyond the eye (to the cheek, mouth or neck)",
        _DOCS,
    ),
    _when_present(
        "eye_forced_shut",
        "eye_closure",
        Level.ROUTINE,
        "The spasm forces the eye shut",
        ("doc_facial_spasms",),
    ),
    _when_present(
        "interferes_with_daily_life",
        "function_impact",
        Level.ROUTINE,
        "The spasm gets in the way of seeing, eating, speaking or driving",
        _SEEK_ADVICE,
    ),
    _when_present(
        "linked_movements",
        "linked_movements",
        Level.ROUTINE,
        "Linked movements, such as the eye closing when smiling",
        ("doc_facial_spasms",),
    ),
    Rule(
        "beyond_the_eye",
        Level.ROUTINE,
        "The twitch is somewhere other than the eyelid or around the eye",
        ("nhs_twitching", "doc_facial_spasms"),
        beyond_the_eye,
    ),
    _when_present(
        "bells_palsy_history",
        "bells_palsy_history",
        Level.ROUTINE,
        "Has had Bell's palsy (linked movements can follow it)",
        ("doc_facial_spasms",),
    ),
    _when_present(
        "facial_injury_history",
        "facial_injury_history",
        Level.ROUTINE,
        "Has had an injury to the face or facial nerve",
        ("doc_facial_spasms",),
    ),
    _when_present("multiple_sclerosis", "multiple_sclerosis", Level.ROUTINE, "Has multiple sclerosis", _DOCS),
    # NHS, twitching eyes and muscles: some medicines can cause twitching; see a GP if one might be.
    _when_present(
        "new_medication",
        "new_medication",
        Level.ROUTINE,
        "Has started a new medicine, which may be causing the twitch",
        ("nhs_twitching",),
    ),
    Rule(
        "red_flag_unknown_after_asking",
        Level.ROUTINE,
        "A warning sign was asked about but could not be ruled out",
        _SEEK_ADVICE,
        red_flag_unknown_after_asking,
    ),
    Rule(
        "progression_unknown_after_asking",
        Level.ROUTINE,
        "Whether the twitch is getting worse was asked about but is still not known",
        _DOCS,
        progression_unknown_after_asking,
    ),
    Rule(
        "yes_to_a_list_unspecified",
        Level.ROUTINE,
        'A "yes" to a list of changes or history items, without saying which: any one of them needs a GP',
        (*_DOCS, "triage_policy"),
        _yes_to_a_list_worth(Level.ROUTINE),
    ),
    Rule(
        "duration_unknown_after_asking",
        Level.ROUTINE,
        "How long the twitch has lasted was asked about but is still not known",
        ("doc_facial_twitching", "nhs_twitching"),
        duration_unknown_after_asking,
    ),
    Rule(
        "self_care_conditions_not_met",
        Level.ROUTINE,
        "Not every condition for self care is met (see the self care rule)",
        _DOCS,
        self_care_conditions_not_met,
    ),
)

SELF_CARE_RULES: tuple[Rule, ...] = (
    Rule(
        "self_care",
        Level.SELF_CARE,
        f"The twitch stays around the eye, has lasted {SELF_CARE_MAX_DAYS:g} days or less, is not getting "
        "worse, and weakness, severe pain, numbness or tingling, hearing change and balance problems are "
        "all ruled out",
        _DOCS,
        self_care_conditions_met,
    ),
)

RULES: tuple[Rule, ...] = EMERGENCY_RULES + URGENT_RULES + ROUTINE_RULES + SELF_CARE_RULES


def matching_rules(findings: Findings) -> tuple[Rule, ...]:
    """Every rule that applies to these findings, most urgent level first."""
    return tuple(rule for rule in RULES if rule.applies(findings))
