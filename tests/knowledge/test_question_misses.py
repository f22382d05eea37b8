"""Which development questions `make eval-questions --list-misses` lists, and that the blind set is never listed."""

from __future__ import annotations

from pathlib import Path

from bot.eval.questions import Answered, QuestionCase, held_out, miss_lines


def answered(case: QuestionCase, *items: str, intake_started: bool = False) -> Answered:
    return Answered(case=case, items=items, intake_started=intake_started, claims_made=0)


def test_a_question_answered_on_topic_and_kept_to_it_is_not_listed() -> None:
    case = QuestionCase(text="does tea count as caffeine", topic="caffeine")
    assert miss_lines([answered(case, "caffeine")]) == []


def test_a_miss_is_listed_with_the_topics_it_got_or_that_it_got_none() -> None:
    off_topic = QuestionCase(text="why do lids flutter", topic="causes")
    unanswered = QuestionCase(text="lid flutter cure", topic="self_care")
    assert miss_lines([answered(off_topic, "twitching", "stress"), answered(unanswered)]) == [
        "causes: 'why do lids flutter' -> twitching, stress",
        "self_care: 'lid flutter cure' -> not answered",
    ]


def test_a_second_answer_not_asked_for_is_a_miss_even_after_the_right_lead() -> None:
    case = QuestionCase(text="is a fizzy drink to blame", topic="caffeine")
    assert miss_lines([answered(case, "caffeine", "sleep")]) == [
        "caffeine: 'is a fizzy drink to blame' -> caffeine, sleep"
    ]


def test_a_question_carrying_a_symptom_must_also_start_the_intake() -> None:
    case = QuestionCase(text="my brow jumps, is it the wine?", topic="alcohol", carries_symptom=True)
    assert miss_lines([answered(case, "alcohol", intake_started=True)]) == []
    assert miss_lines([answered(case, "alcohol")]) == [
        "alcohol: 'my brow jumps, is it the wine?' -> alcohol (intake not started)"
    ]


def test_the_blind_set_is_held_out_by_its_name_or_its_folder() -> None:
    assert held_out("blind", Path("elsewhere/questions.yml"))
    assert held_out("dev", Path("/repo/tests/blind/questions.yml"))
    assert not held_out("dev", Path("tests/knowledge/dev_questions_2.yml"))
