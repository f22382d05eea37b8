"""The question planner: clinical order, skips what is known or asked or cannot matter, short conversations."""

from __future__ import annotations

import statistics
from dataclasses import replace
from pathlib import Path

import pytest
import yaml
from triage_cases import clear_eyelid_twitch, findings

from bot.triage.engine import assess
from bot.triage.findings import ACCOMPANYING_SIGNS, DURATION, FINDING_CODES, RED_FLAG_CODES, Findings, Status
from bot.triage.intake import (
    ACCOMPANYING_QUESTION,
    EMERGENCY_SCREEN_QUESTION,
    HISTORY_QUESTION,
    LOCATION_QUESTION,
    PROGRESSION_QUESTION,
    QUESTIONS,
    QUESTIONS_BY_NAME,
    SIDE_QUESTION,
    STROKE_SCREEN_QUESTION,
    TRIGGERS_QUESTION,
    AnswerKind,
    Question,
    apply_checklist_answer,
    last_check_asked_again,
    pending_questions,
    record_duration,
    record_emergency_screen,
    record_locations,
    record_side,
)
from bot.triage.levels import Level


def _names(case: Findings) -> list[str]:
    return [question.name for question in pending_questions(case)]


def test_question_names_are_the_form_slots() -> None:
    domain = yaml.safe_load((Path(__file__).resolve().parents[2] / "domain.yml").read_text(encoding="utf-8"))
    assert list(QUESTIONS_BY_NAME) == domain["forms"]["intake_form"]["required_slots"]
    assert list(QUESTIONS_BY_NAME)[len(RED_FLAG_CODES) :] == [
        "q_stroke_screen",
        "q_location",
        "q_side",
        "q_duration",
        "q_progression",
        "q_accompanying",
        "q_impact",
        "q_triggers",
        "q_history",
        "q_emergency_screen",
    ]


def test_checklist_questions_cover_only_finding_codes() -> None:
    checklists = [question for question in QUESTIONS if question.is_checklist]
    assert (
        not EMERGENCY_SCREEN_QUESTION.is_checklist
    )  # it records only that it was asked: signs come from the reply
    assert {code for question in checklists for code in question.covers} <= set(FINDING_CODES)
    assert set(ACCOMPANYING_QUESTION.covers) == set(ACCOMPANYING_SIGNS)
    assert not LOCATION_QUESTION.is_checklist


def test_rich_opening_leaves_at_most_four_questions() -> None:
    # "my left eyelid keeps jumping since Monday, I'm living on coffee"
    opening = findings(["twitching", "caffeine"], side="left", locations=["eyelid"], days=4)
    pending = _names(opening)
    assert len(pending) <= 4
    assert "q_accompanying" in pending
    assert not {"q_location", "q_side", "q_duration", "q_triggers"} & set(pending)


def test_stroke_screen_comes_first_when_weakness_is_present() -> None:
    pending = _names(findings(["twitching", "facial_weakness"], locations=["cheek"]))
    assert pending[0] == "q_stroke_screen"
    assert "q_stroke_screen" not in _names(findings(["twitching"], ["facial_weakness"]))


def test_the_emergency_signs_are_checked_last_and_not_after_the_stroke_screen() -> None:
    plain = findings(["twitching"], side="left", locations=["eyelid"], days=4)
    asked, _ = _conversation(plain)
    assert asked[-1] == "q_emergency_screen" and asked.count("q_emergency_screen") == 1
    asked_with_weakness, _ = _conversation(findings(["twitching", "facial_weakness"], side="left"))
    assert "q_stroke_screen" in asked_with_weakness and "q_emergency_screen" not in asked_with_weakness


def test_a_yes_to_the_last_check_without_saying_which_is_the_emergency() -> None:
    plain = findings(["twitching"], side="left", locations=["eyelid"], days=4)
    assert assess(record_emergency_screen(plain, yes_without_saying_which=True)).level is Level.EMERGENCY
    assert record_emergency_screen(plain, yes_without_saying_which=False).statuses == plain.statuses


def test_a_yes_to_the_last_check_outweighs_earlier_denials_but_not_the_ones_it_makes() -> None:
    denied_before = findings(
        ["twitching"], ["limb_weakness", "speech_difficulty"], locations=["eyelid"], days=4
    )

    checked = record_emergency_screen(
        denied_before, yes_without_saying_which=True, denied_in_reply=["speech_difficulty"]
    )

    assert assess(checked).level is Level.EMERGENCY
    assert checked.is_absent("speech_difficulty") and checked.is_unknown("limb_weakness")


def test_the_last_check_asked_again_reopens_its_signs_and_keeps_the_rest() -> None:
    denied_at_the_check = ["limb_weakness", "speech_difficulty", "vision_loss", "severe_headache"]
    # every question asked but the stroke screen, which only a weakness of the face calls for
    asked = [code for code in FINDING_CODES if code != "sudden_onset"]
    twitch = clear_eyelid_twitch(absent=denied_at_the_check, asked=asked)
    assessed = record_emergency_screen(twitch, yes_without_saying_which=False)
    assert _names(assessed) == []

    reopened = last_check_asked_again(assessed)

    assert _names(reopened) == ["q_emergency_screen"]
    assert all(reopened.is_unknown(code) for code in denied_at_the_check)
    assert reopened.is_absent("facial_weakness") and reopened.is_absent("numbness_tingling")
    assert assess(record_emergency_screen(reopened, yes_without_saying_which=True)).level is Level.EMERGENCY
    assert (
        assess(record_emergency_screen(reopened, yes_without_saying_which=False)).level
        is assess(assessed).level
    )


def test_nothing_is_asked_once_the_emergency_cannot_be_undone() -> None:
    assert pending_questions(findings(["limb_weakness", "twitching"])) == ()


def test_asked_questions_are_not_asked_again() -> None:
    opening = findings(["twitching"], locations=["eyelid"], days=3)
    answered = apply_checklist_answer(opening, PROGRESSION_QUESTION, (), AnswerKind.NOT_SURE)
    assert "q_progression" in _names(opening)
    assert "q_progression" not in _names(answered)


def test_known_answers_are_not_asked() -> None:
    opening = findings(["twitching", "worsening", "spread", "eye_closure"], locations=["eyelid"], days=3)
    assert "q_progression" not in _names(opening)


def test_accompanying_signs_are_asked_even_when_the_level_is_settled() -> None:
    long_cheek_twitch = findings(["twitching", "spread"], locations=["cheek"], days=400)
    assert _names(long_cheek_twitch) == ["q_accompanying"]


def test_questions_that_cannot_change_the_level_are_skipped() -> None:
    # Already routine for lasting months: where, how long, progression or history cannot lower it.
    pending = _names(findings(["twitching"], locations=["cheek"], days=90))
    assert "q_duration" not in pending and "q_history" not in pending and "q_progression" not in pending


def test_triggers_are_asked_only_towards_self_care_and_when_none_is_known() -> None:
    assert "q_triggers" in _names(findings(["twitching"], locations=["eyelid"], days=3))
    assert "q_triggers" not in _names(findings(["twitching", "stress"], locations=["eyelid"], days=3))
    assert "q_triggers" not in _names(findings(["twitching"], locations=["eyelid"], days=60))


def test_side_is_asked_only_when_it_could_change_the_explanations() -> None:
    assert "q_side" not in _names(findings(["twitching", "caffeine"], locations=["eyelid"], days=3))
    # Eye forced shut: one side or both tells hemifacial spasm from blepharospasm.
    assert "q_side" in _names(findings(["twitching", "eye_closure"], locations=["eyelid"]))


@pytest.mark.parametrize(
    ("kind", "named", "expected"),
    [
        (AnswerKind.NONE, (), {code: Status.ABSENT for code in ACCOMPANYING_SIGNS}),
        (
            AnswerKind.NAMED,
            ("hearing_change",),
            {
                code: Status.PRESENT if code == "hearing_change" else Status.ABSENT
                for code in ACCOMPANYING_SIGNS
            },
        ),
        (AnswerKind.YES_UNSPECIFIED, (), {}),
        (AnswerKind.NOT_SURE, (), {}),
    ],
)
def test_checklist_answers(kind: AnswerKind, named: tuple[str, ...], expected: dict[str, Status]) -> None:
    answered = apply_checklist_answer(findings(["twitching"]), ACCOMPANYING_QUESTION, named, kind)
    assert {
        code: answered.status(code) for code in ACCOMPANYING_SIGNS if not answered.is_unknown(code)
    } == expected
    assert set(ACCOMPANYING_SIGNS) <= answered.asked


def test_a_no_does_not_override_what_was_said_before() -> None:
    answered = apply_checklist_answer(
        findings(["twitching", "severe_pain"]), ACCOMPANYING_QUESTION, (), AnswerKind.NONE
    )
    assert answered.is_present("severe_pain") and answered.is_absent("hearing_change")


def test_checklist_answer_rejects_codes_of_another_question() -> None:
    with pytest.raises(ValueError):
        apply_checklist_answer(findings(), HISTORY_QUESTION, ("caffeine",), AnswerKind.NAMED)


def test_not_sure_about_a_red_flag_keeps_self_care_out_of_reach() -> None:
    case = apply_checklist_answer(
        clear_eyelid_twitch(absent=()), ACCOMPANYING_QUESTION, (), AnswerKind.NOT_SURE
    )
    unsure = findings(["twitching"], locations=["eyelid"], days=3, asked=ACCOMPANYING_SIGNS)
    assert assess(case).level is Level.SELF_CARE  # everything was already ruled out before
    assert assess(unsure).level is Level.ROUTINE


def test_record_helpers_mark_the_question_asked() -> None:
    unknown = findings(["twitching"])
    assert DURATION in record_duration(unknown, None).asked
    assert record_duration(unknown, 7).duration_days == 7
    assert record_locations(unknown, ["cheek"]).locations == {"cheek"}
    assert record_side(unknown, "both").face_side == "both"
    assert "q_location" not in _names(record_locations(unknown, []))


def _answer_reassuringly(case: Findings, question: Question) -> Findings:
    if question is LOCATION_QUESTION:
        return record_locations(case, ["eyelid"])
    if question is SIDE_QUESTION:
        return record_side(case, "left")
    if question.is_checklist:
        return apply_checklist_answer(case, question, (), AnswerKind.NONE)
    if question is EMERGENCY_SCREEN_QUESTION:
        return record_emergency_screen(case, yes_without_saying_which=False)
    return record_duration(case, 3)


def _conversation(opening: Findings) -> tuple[list[str], Level]:
    """Ask the first pending question, answer it reassuringly, plan again, until nothing is left."""
    asked: list[str] = []
    case = opening
    while pending := pending_questions(case):
        asked.append(pending[0].name)
        case = _answer_reassuringly(case, pending[0])
    return asked, assess(case).level


def test_conversations_end_and_reach_self_care_when_everything_is_reassuring() -> None:
    asked, level = _conversation(findings(["twitching"]))
    assert level is Level.SELF_CARE
    assert len(asked) == len(set(asked))
    assert TRIGGERS_QUESTION.name in asked and STROKE_SCREEN_QUESTION.name not in asked


TYPICAL_OPENINGS = [
    findings(["twitching", "caffeine"], side="left", locations=["eyelid"], days=4),
    findings(["twitching", "stress", "poor_sleep"], locations=["eyelid"], days=7),
    findings(["twitching"], side="right", locations=["eyelid"], days=3),
    findings(["twitching", "spread"], side="left", locations=["around_eye", "cheek"], days=180),
    findings(["twitching", "worsening"], locations=["eyelid"], days=30),
    findings(["twitching", "facial_weakness"], side="left"),
    findings(["twitching", "linked_movements", "bells_palsy_history"], locations=["around_eye", "mouth"]),
    findings(["twitching", "eye_strain"], side="both", locations=["eyelid"], days=10),
    findings(["twitching"], locations=["eyelid"]),
]


def test_median_follow_up_questions_is_at_most_four() -> None:
    # about the twitch: the one last check for emergency signs comes on top
    counts = [
        len([name for name in _conversation(opening)[0] if name != EMERGENCY_SCREEN_QUESTION.name])
        for opening in TYPICAL_OPENINGS
    ]
    assert statistics.median(counts) <= 4, counts


def test_a_suspected_stroke_sign_is_asked_on_its_own_first() -> None:
    suspicious = replace(findings(["twitching"]), suspected=frozenset({"speech_difficulty"}))
    assert _names(suspicious)[0] == "q_check_speech_difficulty"


def test_a_suspected_accompanying_sign_waits_for_the_checklist_that_names_it() -> None:
    suspicious = replace(findings(["twitching"]), suspected=frozenset({"numbness_tingling"}))
    assert "q_check_numbness_tingling" not in _names(suspicious)
    assert "q_accompanying" in _names(suspicious)


def test_a_sign_a_reply_kept_open_is_asked_again_in_the_checklist() -> None:
    answered = apply_checklist_answer(
        findings(["twitching"], locations=["eyelid"], days=3),
        ACCOMPANYING_QUESTION,
        (),
        AnswerKind.NONE,
        keep_open=("numbness_tingling",),
    )
    # "no, but my cheek feels odd": the checklist is not over until numbness is answered, and asks it again.
    names = _names(replace(answered, suspected=frozenset({"numbness_tingling"})))
    assert "q_accompanying" in names
    assert "q_check_numbness_tingling" not in names


def test_a_suspected_stroke_sign_waits_for_the_stroke_screen_that_names_it() -> None:
    weak_face = replace(findings(["twitching", "facial_weakness"]), suspected=frozenset({"limb_weakness"}))
    names = _names(weak_face)
    assert "q_check_limb_weakness" not in names
    assert names[0] == "q_stroke_screen"


def test_a_suspected_sudden_onset_is_asked_only_of_a_weakness() -> None:
    # "it came on out of nowhere" beside a headache: the onset of the headache is no question of its own
    headache = replace(findings(["twitching"]), suspected=frozenset({"sudden_onset", "severe_headache"}))
    assert "q_check_sudden_onset" not in _names(headache)
    assert _names(headache)[0] == "q_check_severe_headache"
    weakness = replace(findings(["twitching"]), suspected=frozenset({"sudden_onset", "facial_weakness"}))
    assert "q_check_sudden_onset" in _names(weakness)


def test_a_suspected_weakness_is_checked_at_once_not_left_to_the_checklist() -> None:
    suspicious = replace(findings(["twitching"]), suspected=frozenset({"facial_weakness"}))
    assert _names(suspicious)[0] == "q_check_facial_weakness"


def test_a_bare_no_to_the_stroke_screen_leaves_the_onset_of_a_weakness_to_be_asked_on_its_own() -> None:
    # "did it come on suddenly? And any weak arm, muddled speech, lost sight?" "Nah, none of those": the "no" answers the
    # signs listed last; whether the drooping came on in minutes or hours is asked by itself.
    drooping = findings(["twitching", "facial_weakness"])
    answered = apply_checklist_answer(drooping, STROKE_SCREEN_QUESTION, (), AnswerKind.NONE)

    assert answered.is_unknown("sudden_onset")
    assert all(answered.is_absent(code) for code in ("limb_weakness", "speech_difficulty", "vision_loss"))
    assert assess(answered).level is Level.EMERGENCY  # a weakness whose onset is not known yet
    assert _names(answered)[0] == "q_check_sudden_onset"
    gradual = apply_checklist_answer(answered, QUESTIONS_BY_NAME["q_check_sudden_onset"], (), AnswerKind.NONE)
    assert assess(gradual).level is Level.URGENT


def test_a_bare_no_to_the_stroke_screen_settles_an_onset_already_told_or_with_no_weakness() -> None:
    told_gradual = findings(["twitching", "facial_weakness"], absent=["sudden_onset"])
    answered = apply_checklist_answer(told_gradual, STROKE_SCREEN_QUESTION, (), AnswerKind.NONE)
    assert "q_check_sudden_onset" not in _names(answered)
    no_weakness = apply_checklist_answer(findings(["twitching"]), STROKE_SCREEN_QUESTION, (), AnswerKind.NONE)
    assert no_weakness.is_absent("sudden_onset")
