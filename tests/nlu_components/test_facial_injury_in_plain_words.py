"""A past injury to the face in plain words is facial_injury_history (docs/clinical-design.md): the person's own, not a
relative's."""

from __future__ import annotations

import pytest

from bot.nlu.extraction import ClinicalExtractor
from tests.nlu_components.reading import A, P, findings_of


@pytest.mark.parametrize(
    "text",
    [
        "a cricket ball caught me in the face two summers ago",
        "I took a knee to the jaw playing rugby",
        "got a fist in the mouth on a night out years back",
        "I split my eyebrow open on a cupboard door",
        "I bruised my cheek falling off my bike",
        "a hockey stick to the cheekbone last season",
        "I had a black eye after a fight at school",
        "my nose was broken in a scrum",
        "I face-planted off a scooter in the spring",
        "there's a bruise on my cheek from where a door swung into me",
    ],
)
def test_a_facial_injury_in_plain_words(extractor: ClinicalExtractor, text: str) -> None:
    assert findings_of(extractor, text).get("facial_injury_history") == P


@pytest.mark.parametrize(
    "text",
    [
        "my brother took a ball to the face last week",
        "my cousin broke her nose skiing",
        "my cheek twitches whenever I play football",
        "the twitch feels like a punch line that never comes",
        "I kicked a ball around the garden with the kids",
        "I have never hurt my face",
    ],
)
def test_not_the_persons_facial_injury(extractor: ClinicalExtractor, text: str) -> None:
    assert findings_of(extractor, text).get("facial_injury_history") != P


def test_a_denied_injury(extractor: ClinicalExtractor) -> None:
    assert findings_of(extractor, "no, I never injured my face").get("facial_injury_history") == A
