"""What the extractor's tests share: a fixed message time and the findings of one text as plain strings."""

from __future__ import annotations

from datetime import datetime

from bot.nlu.extraction import ClinicalExtractor

NOW = datetime(2026, 11, 19, 15, 0)
P, A = "present", "absent"


def findings_of(extractor: ClinicalExtractor, text: str) -> dict[str, str]:
    return {code: status.value for code, status in extractor.extract(text, NOW).findings.items()}
