from __future__ import annotations

import pytest

from bot.nlu.extraction import ClinicalExtractor


@pytest.fixture(scope="module")
def extractor() -> ClinicalExtractor:
    return ClinicalExtractor.shared()
