"""Possible explanations (condition codes of DESIGN.md section 4), ranked by the findings that support them.

Each condition has a list of features: named facts about the findings that point towards it. The more of
its features hold, the higher a condition ranks. This is not a diagnosis: it orders what the documents say
could fit, so the person can see why.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from bot.knowledge.items import CONDITIONS
from bot.triage.findings import EYE_LOCATIONS, Findings
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
        # DESIGN.md section 5: weakness that came on gradually is the urgent rule's possible Bell's palsy.
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
    "blepharospasm": (
        _present("eye_strain"),
        _present("eye_closure"),
        _on_side("both"),
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
