"""Findings builders shared by the triage tests."""

from __future__ import annotations

from collections.abc import Iterable

from hypothesis import strategies as st

from bot.triage.findings import (
    ACCOMPANYING_SIGNS,
    DURATION,
    FACE_SIDES,
    FINDING_CODES,
    LOCATIONS,
    Findings,
    Status,
)


def findings(
    present: Iterable[str] = (),
    absent: Iterable[str] = (),
    *,
    side: str | None = None,
    locations: Iterable[str] = (),
    days: float | None = None,
    asked: Iterable[str] = (),
) -> Findings:
    statuses = {code: "absent" for code in absent} | {code: "present" for code in present}
    return Findings.from_values(
        statuses, face_side=side, locations=locations, duration_days=days, asked=asked
    )


def clear_eyelid_twitch(
    present: Iterable[str] = (),
    *,
    locations: Iterable[str] = ("eyelid",),
    days: float | None = 4,
    asked: Iterable[str] = (),
    absent: Iterable[str] = (),
) -> Findings:
    """A short eyelid twitch with every accompanying sign ruled out: self care unless something is added."""
    present = tuple(present)
    ruled_out = [code for code in (*ACCOMPANYING_SIGNS, *absent) if code not in present]
    return findings(
        ("twitching", *present), ruled_out, side="left", locations=locations, days=days, asked=asked
    )


# Any findings the engine may be given, for the property tests of what an assessment says.
any_findings = st.builds(
    Findings,
    statuses=st.dictionaries(
        st.sampled_from(FINDING_CODES), st.sampled_from([Status.PRESENT, Status.ABSENT])
    ),
    face_side=st.none() | st.sampled_from(FACE_SIDES),
    locations=st.frozensets(st.sampled_from(LOCATIONS)),
    duration_days=st.none() | st.floats(min_value=0, max_value=800, allow_nan=False),
    asked=st.frozensets(st.sampled_from((*FINDING_CODES, DURATION))),
)
