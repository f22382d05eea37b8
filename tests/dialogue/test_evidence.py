"""What the conversation knows (bot.dialogue.evidence): each merge rule, on readings built as the NLU gives them."""

from __future__ import annotations

from typing import Any

from bot.dialogue.evidence import CORRECTION_ROLE, Evidence, Source, read_message
from bot.triage.findings import Findings, Status


def entity(name: str, value: Any, role: str | None = None) -> dict[str, Any]:
    found: dict[str, Any] = {"entity": name, "value": value}
    if role:
        found["role"] = role
    return found


def conversation(*messages: list[dict[str, Any]], intents: tuple[str | None, ...] = ()) -> Evidence:
    evidence = Evidence()
    for index, entities in enumerate(messages):
        intent = intents[index] if index < len(intents) else "inform"
        evidence = evidence.add_message(read_message(entities, intent, message_id=f"m{index}"))
    return evidence


def test_a_shorter_later_spell_does_not_shorten_the_twitch() -> None:
    # "on and off for about five weeks" ... later "this latest bout began the day before yesterday"
    evidence = conversation([entity("duration_days", "35")], [entity("duration_days", "2")])
    assert evidence.findings.duration_days == 35


def test_a_longer_duration_of_the_same_twitch_replaces_a_shorter_one() -> None:
    # "a few days" ... then "thinking about it, nearer three weeks"
    evidence = conversation([entity("duration_days", "3")], [entity("duration_days", "21")])
    assert evidence.findings.duration_days == 21


def test_a_corrected_duration_replaces_even_when_shorter() -> None:
    # "seven weeks" ... "oops, seven DAYS I mean"
    evidence = conversation(
        [entity("duration_days", "49")], [entity("duration_days", "7", role=CORRECTION_ROLE)]
    )
    assert evidence.findings.duration_days == 7
    assert evidence.pieces[-1].source is Source.CORRECTION


def test_a_correction_intent_replaces_what_it_names_and_nothing_else() -> None:
    evidence = conversation(
        [entity("worsening", "present"), entity("location", "cheek"), entity("duration_days", "20")],
        [entity("worsening", "absent")],
        intents=("describe_symptoms", "correct"),
    )
    assert evidence.findings.is_absent("worsening")
    assert evidence.findings.locations == frozenset({"cheek"})
    assert evidence.findings.duration_days == 20


def test_places_add_up_when_a_later_message_names_only_one() -> None:
    # "flickering under my eye and on my cheekbone" ... "it's mostly the lid at the moment"
    evidence = conversation(
        [entity("location", "eyelid"), entity("location", "cheek")], [entity("location", "eyelid")]
    )
    assert evidence.findings.locations == frozenset({"eyelid", "cheek"})


def test_two_different_sides_make_both() -> None:
    evidence = conversation([entity("face_side", "left")], [entity("face_side", "right")])
    assert evidence.findings.face_side == "both"


def test_a_sign_already_described_is_not_erased_by_a_later_plain_denial() -> None:
    evidence = conversation([entity("numbness_tingling", "present")], [entity("numbness_tingling", "absent")])
    assert evidence.findings.is_present("numbness_tingling")


def test_a_sign_denied_earlier_becomes_present_when_described_later() -> None:
    evidence = conversation([entity("balance_problem", "absent")], [entity("balance_problem", "present")])
    assert evidence.findings.is_present("balance_problem")


def test_a_time_of_another_symptom_leaves_the_twitch_duration_alone() -> None:
    # The NLU gives no duration for "my leg went weak ten minutes ago"; the weakness alone is added.
    evidence = conversation([entity("duration_days", "3")], [entity("limb_weakness", "present")])
    assert evidence.findings.duration_days == 3
    assert evidence.findings.is_present("limb_weakness")


def test_a_vague_ambiguous_duration_erases_nothing() -> None:
    evidence = conversation([entity("duration_days", "10")], [entity("duration_days", "unknown")])
    assert evidence.findings.duration_days == 10


def test_a_message_is_merged_only_once() -> None:
    reading = read_message([entity("duration_days", "4")], "inform", message_id="same")
    once = Evidence().add_message(reading)
    assert once.add_message(reading) == once


def test_a_vague_feeling_is_a_reason_to_ask_not_a_finding() -> None:
    # "my cheek feels sort of off"
    evidence = conversation([entity("vague_sensation", "present")])
    assert evidence.findings.suspected == {"numbness_tingling", "facial_weakness"}
    assert evidence.findings.is_unknown("numbness_tingling")


def test_a_suspicion_about_a_sign_already_spoken_of_is_not_kept() -> None:
    evidence = conversation([entity("hearing_change", "absent"), entity("suspected_sign", "hearing_change")])
    assert "hearing_change" not in evidence.findings.suspected


def test_a_new_feeling_after_numbness_and_weakness_were_denied_opens_them_again() -> None:
    # "no numbness, no drooping", then later "there's a new sort of feeling in my cheek I can't put a name to"
    evidence = conversation(
        [
            entity("numbness_tingling", "absent"),
            entity("facial_weakness", "absent"),
            entity("hearing_change", "absent"),
        ],
        [entity("vague_sensation", "present")],
    )
    assert evidence.findings.is_unknown("numbness_tingling") and evidence.findings.is_unknown(
        "facial_weakness"
    )
    assert evidence.findings.suspected == {"numbness_tingling", "facial_weakness"}
    assert evidence.findings.is_absent("hearing_change")  # not what a feeling in the face may be


def test_a_feeling_told_with_its_own_denial_keeps_the_denial() -> None:
    # "not numb, it just feels strange"
    evidence = conversation([entity("numbness_tingling", "absent"), entity("vague_sensation", "present")])
    assert evidence.findings.is_absent("numbness_tingling")


def test_an_onset_told_before_any_sign_times_the_twitch() -> None:
    # "it has come and gone for a week, this spell began 20 minutes ago", then "my lip droops, it took days"
    evidence = conversation(
        [entity("sudden_onset", "present"), entity("duration_days", "7")],
        [entity("facial_weakness", "present"), entity("sudden_onset", "absent")],
    )
    assert evidence.findings.is_absent("sudden_onset")


def test_an_onset_told_after_the_sign_is_the_signs() -> None:
    # "my face is droopy", then, asked, "yes, it came on all at once"
    evidence = conversation([entity("facial_weakness", "present")], [entity("sudden_onset", "present")])
    assert evidence.findings.is_present("sudden_onset")


def test_an_onset_told_with_a_suspected_sign_is_kept() -> None:
    evidence = conversation(
        [entity("suspected_sign", "speech_difficulty"), entity("sudden_onset", "present")]
    )
    assert evidence.findings.is_present("sudden_onset")


def test_every_change_keeps_where_it_came_from() -> None:
    evidence = Evidence().add_message(
        read_message([entity("stress", "present")], "inform"), question="q_triggers"
    )
    assert [(piece.about, piece.value, piece.source, piece.question) for piece in evidence.pieces] == [
        ("stress", Status.PRESENT.value, Source.ANSWER, "q_triggers")
    ]


def test_the_evidence_survives_its_json_round_trip() -> None:
    evidence = conversation(
        [entity("location", "mouth"), entity("duration_days", "15"), entity("vague_sensation", "present")]
    )
    assert Evidence.from_json(evidence.to_json()) == evidence


def test_a_sign_denied_earlier_is_open_again_when_a_later_message_suspects_it() -> None:
    # "no headache", then later "it's the back of my head that's the real problem"
    evidence = conversation(
        [entity("severe_headache", "absent"), entity("hearing_change", "absent")],
        [entity("suspected_sign", "severe_headache")],
    )
    assert evidence.findings.is_unknown("severe_headache")
    assert "severe_headache" in evidence.findings.suspected
    assert evidence.findings.is_absent("hearing_change")


def test_a_sign_opened_again_by_news_is_asked_again() -> None:
    # asked "numbness or weakness?" and told "no"; after the advice: "oh, and my face went all strange for a bit"
    answered = Findings.from_values(
        {"twitching": "present", "numbness_tingling": "absent", "facial_weakness": "absent"},
        asked=["numbness_tingling", "facial_weakness", "hearing_change"],
    )
    evidence = Evidence(findings=answered).add_message(
        read_message([entity("vague_sensation", "present")], "inform", message_id="news")
    )
    assert not {"numbness_tingling", "facial_weakness"} & evidence.findings.asked
    assert "hearing_change" in evidence.findings.asked
