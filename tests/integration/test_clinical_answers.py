"""The triage answer's advice, as a person reads it over REST at the end of a whole conversation."""

from __future__ import annotations

from typing import Any

from bot.triage.summary import OTHER_EXPLANATIONS_HEADER
from tests.conftest import RunningBot
from tests.integration.test_evidence_over_rest import findings, talk


def _answer(slots: dict[str, Any]) -> str:
    return "\n".join(slots["_said"])


def test_an_urgent_answer_puts_the_serious_explanation_first_over_rest(running_bot: RunningBot) -> None:
    slots = talk(
        running_bot,
        "clinical-gradual-droop",
        [
            "over the last two days the left side of my face has slowly drooped and my eyelid twitches, lots of coffee"
        ],
        {"q_stroke_screen": "no, it came on slowly, my arms and speech are fine and I can see fine"},
    )
    assert slots["triage_level"] == "urgent"
    answer = _answer(slots)
    assert "72 hours" in answer
    # The face already droops: the stroke warning names the arms and speech, not the face.
    warning = next(line for line in answer.splitlines() if "straight away if" in line)
    assert "droop" not in warning
    assert answer.index("Bell's palsy:") < answer.index(OTHER_EXPLANATIONS_HEADER) < answer.index("Myokymia")


def test_a_medicine_named_by_its_name_gets_the_advice_not_to_stop_it(running_bot: RunningBot) -> None:
    slots = talk(
        running_bot,
        "clinical-fluoxetine",
        ["my left eyelid has been twitching for 5 days, ever since the doctor put me on fluoxetine"],
    )
    assert findings(slots).get("new_medication") == "present"
    assert slots["triage_level"] == "routine"
    assert "Do not stop taking a prescribed medicine without medical advice" in _answer(slots)


def test_a_sign_not_ruled_out_gets_the_fast_checks(running_bot: RunningBot) -> None:
    slots = talk(
        running_bot, "clinical-not-sure", ["left eyelid twitching for 3 days"], {"q_accompanying": "not sure"}
    )
    assert slots["triage_level"] == "routine"
    answer = _answer(slots)
    assert "Face: smile in a mirror" in answer
    assert "If any answer is yes, call" in answer
