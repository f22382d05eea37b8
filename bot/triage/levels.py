"""The four urgency levels of the triage policy (docs/triage-policy.md), most urgent first."""

from __future__ import annotations

from enum import Enum


class Level(str, Enum):
    """An urgency level; compares by urgency, so `Level.EMERGENCY > Level.URGENT`.

    The comparison operators are redefined because a str-valued enum would otherwise compare
    alphabetically, which would put "emergency" below "self_care".
    """

    EMERGENCY = "emergency"
    URGENT = "urgent"
    ROUTINE = "routine"
    SELF_CARE = "self_care"

    @property
    def urgency(self) -> int:
        """Higher is more urgent: self_care 0 ... emergency 3."""
        return len(LEVELS_MOST_URGENT_FIRST) - 1 - LEVELS_MOST_URGENT_FIRST.index(self)

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, Level):
            return NotImplemented
        return self.urgency < other.urgency

    def __le__(self, other: object) -> bool:
        if not isinstance(other, Level):
            return NotImplemented
        return self.urgency <= other.urgency

    def __gt__(self, other: object) -> bool:
        if not isinstance(other, Level):
            return NotImplemented
        return self.urgency > other.urgency

    def __ge__(self, other: object) -> bool:
        if not isinstance(other, Level):
            return NotImplemented
        return self.urgency >= other.urgency


LEVELS_MOST_URGENT_FIRST: tuple[Level, ...] = (Level.EMERGENCY, Level.URGENT, Level.ROUTINE, Level.SELF_CARE)
