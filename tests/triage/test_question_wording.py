"""The words of the intake questions: only what is still unknown is asked, and every question is recognisable."""

from __future__ import annotations

from triage_cases import findings

from bot.triage.question_wording import QUESTION_PROMPTS, prompt_for, question_for_text


def test_the_checklist_names_every_sign_when_none_is_known() -> None:
    prompt = prompt_for("q_accompanying", findings(["twitching"]))
    assert prompt == QUESTION_PROMPTS["q_accompanying"]
    for words in ("weakness or drooping", "severe pain", "numbness or tingling", "hearing", "balance"):
        assert words in prompt.text


def test_the_checklist_leaves_out_signs_already_described_or_denied() -> None:
    prompt = prompt_for("q_accompanying", findings(["facial_weakness"], ["numbness_tingling"]))

    assert "drooping" not in prompt.text and "numbness" not in prompt.text
    assert "severe pain" in prompt.text and "hearing" in prompt.text and "balance" in prompt.text
    titles = [title for title, _ in prompt.options]
    assert titles == ["None of these", "Severe pain", "Hearing changes", "Balance problems"]


def test_every_wording_of_every_question_is_recognised() -> None:
    narrowed = prompt_for("q_accompanying", findings(["facial_weakness", "severe_pain"], ["hearing_change"]))
    assert question_for_text(narrowed.text) == "q_accompanying"
    for name, prompt in QUESTION_PROMPTS.items():
        assert question_for_text(prompt.text) == name
    assert question_for_text("Hello! I can help with facial twitching.") is None


def test_the_last_check_asked_again_about_the_headache_alone_reads_as_english() -> None:
    others_denied = findings([], ["facial_weakness", "limb_weakness", "speech_difficulty", "vision_loss"])
    prompt = prompt_for("q_emergency_screen", others_denied)

    assert prompt.text == "One last check: have you had a sudden, severe headache?"
    assert question_for_text(prompt.text) == "q_emergency_screen"
