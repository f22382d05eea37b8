"""How a persona conversation is played and scored, against a scripted stand-in for the Rasa server's HTTP API
(the real server is exercised by test_vignettes.py)."""

from __future__ import annotations

from typing import Any

from bot.eval.vignettes import (
    Outcome,
    Persona,
    converse,
    failed_bars,
    missed_levels,
    parse_persona,
    report_markdown,
    summarise,
)
from bot.triage.levels import Level
from bot.triage.question_wording import ASK_AGAIN, QUESTION_PROMPTS


class ScriptedServer:
    """Replies to each message with the next scripted replies, and reports a fixed triage level."""

    def __init__(self, replies: list[list[dict[str, Any]]], triage_level: str | None) -> None:
        self.replies = replies
        self.triage_level = triage_level
        self.received: list[str] = []

    def send(self, text: str) -> list[dict[str, Any]]:
        self.received.append(text)
        return self.replies[len(self.received) - 1]

    def tracker(self) -> dict[str, Any]:
        assessment = {"reasons": [f"rule_for_{self.triage_level}"], "findings": {"twitching": "present"}}
        return {"slots": {"triage_level": self.triage_level, "assessment": assessment}}


def ask(question: str) -> list[dict[str, Any]]:
    return [{"text": QUESTION_PROMPTS[question].text}]


ASSESSED = [{"text": "You can look after this yourself."}]


def persona(**overrides: Any) -> Persona:
    raw = {
        "id": "sc_test",
        "opening": "my left eyelid twitches since monday",
        "volunteered": ["q_location", "q_side", "q_duration"],
        "answers": {
            "q_stroke_screen": "no",
            "q_location": "eyelid",
            "q_side": "left",
            "q_duration": ["not sure", "no idea"],
            "q_progression": "nope",
            "q_accompanying": "none of those",
            "q_impact": "no",
            "q_triggers": "coffee",
            "q_history": "no",
        },
        "expected_level": "self_care",
        "reasoning": "eyelid, short, nothing else",
    }
    return parse_persona({**raw, **overrides})


def test_each_question_gets_the_personas_answer_until_the_assessment() -> None:
    server = ScriptedServer([ask("q_progression"), ask("q_accompanying"), ASSESSED], "self_care")

    outcome = converse(persona(), server)

    assert server.received == ["my left eyelid twitches since monday", "nope", "none of those"]
    assert outcome.level is Level.SELF_CARE and outcome.safe and outcome.exact and outcome.passed
    assert outcome.follow_ups == 2 and outcome.redundant == [] and outcome.end == "assessed"
    assert outcome.reasons == ("rule_for_self_care",) and outcome.findings == {"twitching": "present"}


def test_a_sign_asked_on_its_own_is_answered_from_the_list_a_persona_would_tell_it_in() -> None:
    answers = {
        **persona().answers,
        "q_stroke_screen": "my arms are fine but the headache hit like a train",
        "q_accompanying": "my cheek is a bit numb",
    }
    told = persona(answers=answers)
    # the emergency signs, a sudden severe headache among them, from the stroke screen; the face's from the checklist
    assert told.replies_to("q_check_severe_headache") == told.replies_to("q_stroke_screen")
    assert told.replies_to("q_check_limb_weakness") == told.replies_to("q_stroke_screen")
    assert told.replies_to("q_check_numbness_tingling") == told.replies_to("q_accompanying")


def test_asking_a_volunteered_question_is_redundant() -> None:
    server = ScriptedServer([ask("q_side"), ASSESSED], "self_care")

    outcome = converse(persona(), server)

    assert outcome.redundant == ["q_side"]
    assert not outcome.passed


def test_asking_again_after_a_clear_answer_is_redundant_but_not_after_an_unclear_one() -> None:
    clear_twice = ScriptedServer([ask("q_progression"), ask("q_progression"), ASSESSED], "self_care")
    unsure_twice = ScriptedServer(
        [ask("q_duration"), [{"text": ASK_AGAIN}, *ask("q_duration")], ASSESSED], "routine"
    )

    assert converse(persona(), clear_twice).redundant == ["q_progression"]
    unsure = converse(persona(volunteered=[]), unsure_twice)
    assert unsure_twice.received[1:] == ["not sure", "no idea"]
    assert unsure.redundant == [] and unsure.clarifications == 1


def test_an_interjection_replaces_the_answer_and_the_question_may_come_again() -> None:
    server = ScriptedServer([ask("q_progression"), ask("q_progression"), ASSESSED], "self_care")
    interrupting = persona(interjections=[{"at_question": 1, "say": "is caffeine bad for this?"}])

    outcome = converse(interrupting, server)

    assert server.received[1:] == ["is caffeine bad for this?", "nope"]
    assert outcome.redundant == [] and outcome.follow_ups == 1


def test_a_message_without_any_reply_is_a_silent_turn() -> None:
    outcome = converse(persona(), ScriptedServer([ask("q_progression"), []], None))

    assert outcome.silent_turns == 1
    assert outcome.level is None and not outcome.safe
    assert outcome.end == "stuck: no question and no assessment"


def test_a_conversation_that_keeps_asking_is_cut_off() -> None:
    outcome = converse(persona(), ScriptedServer([ask("q_progression")] * 5, None), max_turns=4)

    assert len(outcome.turns) == 4
    assert outcome.end == "still asking after 4 messages"


def test_over_triage_is_safe_but_not_exact_and_under_triage_is_unsafe() -> None:
    over = converse(persona(), ScriptedServer([ASSESSED], "urgent"))
    under = converse(persona(expected_level="urgent", id="ur_test"), ScriptedServer([ASSESSED], "routine"))

    assert over.safe and not over.exact
    assert not under.safe


def test_the_bars_and_the_report_name_what_failed() -> None:
    good = converse(persona(), ScriptedServer([ask("q_progression"), ASSESSED], "self_care"))
    under = converse(persona(id="sc_under"), ScriptedServer([ASSESSED], None))
    outcomes: list[Outcome] = [good, under]

    summary = summarise(outcomes)
    report = report_markdown(outcomes)

    assert (summary.safe, summary.exact, summary.median_follow_ups, summary.max_follow_ups) == (1, 1, 0.5, 1)
    assert failed_bars(summary) == ["safe triage 50% < 100%", "exact triage 50.0% < 95%"]
    assert "### sc_under" in report and "### sc_test" not in report
    assert "person: my left eyelid twitches since monday" in report
    assert "FAILED" in report


def test_the_held_out_figures_count_misses_loops_and_rules_without_a_word_of_a_conversation() -> None:
    looping = converse(persona(), ScriptedServer([ask("q_progression")] * 30, None))
    too_low = converse(
        persona(expected_level="urgent"), ScriptedServer([ask("q_progression"), ASSESSED], "self_care")
    )

    lines = missed_levels([looping, too_low])

    assert "- expected self_care, got none: 1" in lines
    assert "- expected urgent, got self_care: 1" in lines
    assert "- ended still asking after 20 messages: 1" in lines
    assert "- kept asking q_progression (20 times): 1" in lines
    assert "- rule rule_for_self_care behind expected urgent, got self_care: 1" in lines
    # both are unsafe (one has no level at all): what they were asked and ended with is counted over both
    assert "- under-triaged after being asked q_progression: 2" in lines
    assert "- under-triaged ending with twitching=present: 2" in lines
    assert "- under-triaged with several replies to one question: 2" in lines
    assert not any("monday" in line or "nope" in line for line in lines)


class ServerThatParses(ScriptedServer):
    """The scripted server, whose tracker also holds each message with the intent the NLU gave it."""

    def __init__(
        self, replies: list[list[dict[str, Any]]], triage_level: str, intents: dict[str, str]
    ) -> None:
        super().__init__(replies, triage_level)
        self.intents = intents

    def tracker(self) -> dict[str, Any]:
        events = [
            {
                "event": "user",
                "text": text,
                "parse_data": {"intent": {"name": self.intents[text]}, "entities": []},
            }
            for text in self.received
        ]
        return {**super().tracker(), "events": events}


def test_the_held_out_figures_tell_how_the_news_and_the_replies_after_it_were_read_in_codes_only() -> None:
    news = "my arm went funny at lunch"
    told_late = persona(expected_level="emergency", after_assessment=news)
    server = ServerThatParses(
        [ASSESSED, ask("q_check_limb_weakness"), ASSESSED],
        "self_care",
        {"my left eyelid twitches since monday": "describe_symptoms", news: "report_emergency", "no": "deny"},
    )

    lines = missed_levels([converse(told_late, server)])

    assert server.received == ["my left eyelid twitches since monday", news, "no"]
    assert "- under-triaged, news after the assessment read as report_emergency: nothing: 1" in lines
    # the persona answers the arm from its stroke-screen reply, "no"
    assert "- under-triaged, reply after the news to q_check_limb_weakness: deny: nothing: 1" in lines
    assert not any("arm" in line or "lunch" in line for line in lines)
