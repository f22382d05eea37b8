"""Possible explanations (condition codes of README.md), ranked by the findings that support them.

Each condition has a list of features: named facts about the findings that point towards it. The more of
its features hold, the higher a condition ranks. This is not a diagnosis: it orders what the documents say
could fit, so the person can see why.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from bot.knowledge.advice import CONDITIONS
from bot.triage.findings import EYE_LOCATIONS, Findings
from bot.triage.levels import Level
from bot.triage.rules import SELF_CARE_MAX_DAYS, weakness_not_known_to_be_gradual


@dataclass(frozen=True)
class Feature:
    """A fact that supports a condition.

    A qualifier (which side, how long) helps tell conditions apart but does not, on its own, make a
    condition worth mentioning: every one-sided twitch would otherwise be offered hemifacial spasm.
    """

    label: str
    holds: Callable[[Findings], bool]
    qualifier: bool = False


@dataclass(frozen=True)
class Explanation:
    condition: str
    supporting_findings: tuple[str, ...]
    why_it_fits: str
    sources: tuple[str, ...]


def _present(code: str) -> Feature:
    return Feature(code, lambda findings: findings.is_present(code))


def _absent(code: str, label: str) -> Feature:
    return Feature(label, lambda findings: findings.is_absent(code))


def _at(location: str) -> Feature:
    return Feature(f"location={location}", lambda findings: location in findings.locations)


def _on_side(side: str) -> Feature:
    return Feature(f"face_side={side}", lambda findings: findings.face_side == side, qualifier=True)


_ONE_SIDE = Feature("one_side", lambda findings: findings.face_side in ("left", "right"), qualifier=True)
_AROUND_EYE = Feature("location=eye", lambda findings: bool(findings.locations & EYE_LOCATIONS))
# A short duration fits a passing eyelid twitch but says nothing on its own about a twitch elsewhere.
_SHORT = Feature(
    f"duration<={SELF_CARE_MAX_DAYS:g}_days",
    lambda findings: findings.duration_days is not None and findings.duration_days <= SELF_CARE_MAX_DAYS,
    qualifier=True,
)
_LONG = Feature(
    f"duration>{SELF_CARE_MAX_DAYS:g}_days",
    lambda findings: findings.duration_days is not None and findings.duration_days > SELF_CARE_MAX_DAYS,
)

# In order of concern: on equal support the more serious condition is listed first, so a tie never
# understates what the person should rule out.
FEATURES: dict[str, tuple[Feature, ...]] = {
    "stroke": (
        _present("facial_weakness"),
        # As in the emergency rule, an onset not known to be gradual counts as sudden.
        Feature("sudden_or_unknown_onset", weakness_not_known_to_be_gradual),
        _present("limb_weakness"),
        _present("speech_difficulty"),
        _present("vision_loss"),
        _present("balance_problem"),
    ),
    "bells_palsy": (
        _present("facial_weakness"),
        # docs/triage-policy.md: weakness that came on gradually is the urgent rule's possible Bell's palsy.
        _absent("sudden_onset", "gradual_onset"),
        _ONE_SIDE,
    ),
    "secondary_neurological": (
        _present("multiple_sclerosis"),
        _present("numbness_tingling"),
        _present("hearing_change"),
        _present("balance_problem"),
        _present("severe_pain"),
    ),
    "hemifacial_spasm": (
        _present("spread"),
        _at("cheek"),
        _at("mouth"),
        _at("neck"),
        _present("worsening"),
        _present("eye_closure"),
        _LONG,
        _ONE_SIDE,
    ),
    "synkinesis": (
        _present("linked_movements"),
        _present("bells_palsy_history"),
        _present("facial_injury_history"),
    ),
    # In the medical sense (a dystonia that forces both eyes shut), not an eyelid twitch from screen strain: that is
    # myokymia's.
    "blepharospasm": (
        _present("eye_closure"),
        _on_side("both"),
        # Long-lasting, but a long eyelid twitch alone does not make it worth mentioning.
        Feature(_LONG.label, _LONG.holds, qualifier=True),
    ),
    "electrolyte_or_vitamin_deficiency": (
        _present("diet_deficiency"),
        _present("alcohol"),
    ),
    "myokymia": (
        _AROUND_EYE,
        _SHORT,
        _present("caffeine"),
        _present("alcohol"),
        _present("stress"),
        _present("poor_sleep"),
        _present("eye_strain"),
    ),
}


def _explanation(condition: str, findings: Findings) -> Explanation | None:
    holding = [feature for feature in FEATURES[condition] if feature.holds(findings)]
    if all(feature.qualifier for feature in holding):
        return None
    info = CONDITIONS[condition]
    return Explanation(
        condition=condition,
        supporting_findings=tuple(feature.label for feature in holding),
        why_it_fits=info.why_it_fits.text,
        sources=info.why_it_fits.sources,
    )


def rank_explanations(findings: Findings) -> tuple[Explanation, ...]:
    """Conditions with at least one supporting finding, best supported first (ties: most serious first)."""
    candidates = [_explanation(condition, findings) for condition in FEATURES]
    listed = [explanation for explanation in candidates if explanation is not None]
    # sorted() is stable, so equal support keeps the order of concern of FEATURES.
    return tuple(sorted(listed, key=lambda explanation: -len(explanation.supporting_findings)))


# The conditions that can be behind an emergency or urgent level. Such an answer lists them first; any other
# explanation comes after a line saying it does not change the advice, or, in an emergency, not at all: next to
# "call now", a harmless cause would reassure.
SERIOUS_CONDITIONS = frozenset({"stroke", "bells_palsy", "secondary_neurological"})
LEVELS_THAT_PUT_SERIOUS_FIRST = frozenset({Level.EMERGENCY, Level.URGENT})


def is_serious(explanation: Explanation) -> bool:
    return explanation.condition in SERIOUS_CONDITIONS


def fit_to_level(explanations: tuple[Explanation, ...], level: Level) -> tuple[Explanation, ...]:
    """The ranked explanations in the order an answer at this level gives them: serious ones first when it is an
    emergency or urgent, each group still best supported first."""
    if level not in LEVELS_THAT_PUT_SERIOUS_FIRST:
        return explanations
    return tuple(sorted(explanations, key=lambda explanation: not is_serious(explanation)))


def shown_at_level(
    explanations: tuple[Explanation, ...], level: Level
) -> tuple[tuple[Explanation, ...], tuple[Explanation, ...]]:
    """What an answer at this level lists as possible explanations, and what it lists after a line saying they do not
    change the advice (an emergency answer lists only the serious ones)."""
    if level not in LEVELS_THAT_PUT_SERIOUS_FIRST:
        return explanations, ()
    serious = tuple(explanation for explanation in explanations if is_serious(explanation))
    others = tuple(explanation for explanation in explanations if not is_serious(explanation))
    return serious, () if level is Level.EMERGENCY else others
