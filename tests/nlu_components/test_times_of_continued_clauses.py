"""A time in a clause that only goes on with the one before it belongs to that clause (docs/clinical-design.md): "..., have
done for years" after a medicine, "..., had it for ages" after an old illness, is never the twitch's duration."""

from __future__ import annotations

import pytest

from bot.nlu.extraction import ClinicalExtractor
from tests.nlu_components.reading import NOW


def twitch_days(extractor: ClinicalExtractor, text: str) -> float | None:
    return extractor.extract(text, NOW).duration.days


@pytest.mark.parametrize(
    "text",
    [
        "my top lid keeps flickering. I'm on citalopram and ramipril, have been for about 6 years, nothing changed",
        "lid spasms. I use a steroid inhaler, had it since I was little",
        "flickering eyelid; I take metformin and lisinopril - taken them for a decade",
        "my cheek jumps, my son has asthma, had it for years",
        "eye twitch. I had MS diagnosed, got the diagnosis years back",
        "eyelid flutter. I take levothyroxine and have done for ages",
    ],
)
def test_a_time_that_goes_on_with_another_things_clause_is_not_the_twitchs(
    extractor: ClinicalExtractor, text: str
) -> None:
    assert twitch_days(extractor, text) is None


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("the corner of my eye twitches, been doing it for 3 weeks", 21),
        ("no numbness or weakness, been like this for 10 days", 10),
        ("I take warfarin, have done for years. The eyelid jumping began 4 days ago", 4),
        ("it hasn't got any worse in the last 2 weeks", 14),
        ("had Bell's palsy 3 years ago and now my eye flickers, since Friday", 6.625),
    ],
)
def test_the_twitchs_own_time_is_kept(extractor: ClinicalExtractor, text: str, days: float) -> None:
    assert twitch_days(extractor, text) == pytest.approx(days, abs=0.01)


@pytest.mark.parametrize(
    "text",
    ["I take omeprazole", "my mum takes aspirin every day", "she's been on furosemide since spring"],
)
def test_a_medicine_taken_is_no_finding(extractor: ClinicalExtractor, text: str) -> None:
    assert "new_medication" not in extractor.extract(text, NOW).findings
