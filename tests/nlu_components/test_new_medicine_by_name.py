"""A new medicine, named or not (docs/clinical-design.md: new_medication), and medicines that are not new.

A medicine named by its generic or brand name and said to be started, prescribed, switched or increased is a new one;
a medicine taken for years, started years ago, or "the same tablets as always" is not. Words that start things other
than medicines (a holiday, a job) give nothing.
"""

from __future__ import annotations

import pytest

from bot.nlu.extraction import ClinicalExtractor
from tests.nlu_components.reading import A, P, findings_of

STARTED = [
    "since the doctor put me on fluoxetine my eye has been twitching",
    "I was put on lamotrigine a couple of weeks back",
    "my doctor prescribed amitriptyline last week",
    "I was prescribed fluoxetine a fortnight ago",
    "I've just been prescribed something for my back",
    "I got prescribed antibiotics on monday",
    "since I started Prozac the lid keeps flickering",
    "I started Zoloft last week",
    "I've recently started on HRT",
    "since I went on the pill last month",
    "the doctor upped my dose",
    "my GP put me on olanzapine",
    "I was switched to a new inhaler 2 weeks ago",
    "I'm on my usual inhaler and started sertraline last week",
]

NOT_NEW = [
    "I started sertraline years ago",
    "I started fluoxetine 10 years ago",
    "I was put on citalopram ten years ago",
    "I've been prescribed sertraline for years",
    "I've been on Prozac for years",
    "I take Prozac",
]

UNCHANGED = [
    "nothing new, just my usual tablets",
    "same meds as always",
    "I've been on the same meds for years",
]

NOT_MEDICINES = [
    "I went on holiday and the twitch started",
    "I started a new job last week",
    "I changed jobs recently",
    "it started after a long run",
]


@pytest.mark.parametrize("text", STARTED)
def test_a_medicine_started_named_or_not_is_new(extractor: ClinicalExtractor, text: str) -> None:
    assert findings_of(extractor, text).get("new_medication") == P


@pytest.mark.parametrize("text", NOT_NEW)
def test_a_medicine_taken_for_years_is_not_new(extractor: ClinicalExtractor, text: str) -> None:
    assert "new_medication" not in findings_of(extractor, text)


@pytest.mark.parametrize("text", UNCHANGED)
def test_the_same_medicines_as_always_deny_a_new_one(extractor: ClinicalExtractor, text: str) -> None:
    found = findings_of(extractor, text)
    assert found.get("new_medication") == A
    # "the same meds" says nothing of the twitch staying the same
    assert "worsening" not in found


@pytest.mark.parametrize("text", NOT_MEDICINES)
def test_starting_something_else_is_no_medicine(extractor: ClinicalExtractor, text: str) -> None:
    assert "new_medication" not in findings_of(extractor, text)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        (
            "Her left lower lid has flickered since Sunday. The hospital put her on new heart pills on Friday",
            "new_medication",
        ),
        (
            "Writing for my neighbour: his right eyelid keeps jumping. He had Bell's palsy back in 2015",
            "bells_palsy_history",
        ),
    ],
)
def test_history_told_with_he_or_she_of_the_person_whose_twitch_it_is_is_theirs(
    extractor: ClinicalExtractor, text: str, code: str
) -> None:
    assert findings_of(extractor, text).get(code) == "present"


def test_a_named_relatives_history_beside_someone_elses_twitch_is_still_the_relatives(
    extractor: ClinicalExtractor,
) -> None:
    text = "His top lid twitches all day. His sister had Bell's palsy last year"
    assert "bells_palsy_history" not in findings_of(extractor, text)


def test_a_medicine_changed_by_others_but_named_as_ones_own_stays_beside_a_denial_of_the_rest(
    extractor: ClinicalExtractor,
) -> None:
    text = "they switched my tablets last week, fair enough, but I have never had MS or anything"
    findings = findings_of(extractor, text)
    assert findings.get("new_medication") == "present"
    assert findings.get("multiple_sclerosis") == "absent"
