"""Findings builders shared by the triage tests."""

from __future__ import annotations

from collections.abc import Iterable

from bot.triage.findings import ACCOMPANYING_SIGNS, Findings


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
