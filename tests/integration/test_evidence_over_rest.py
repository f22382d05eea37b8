"""The kinds of failure the evidence work fixed, each as a whole conversation over REST in words of its own
(the unit tests of bot.dialogue.evidence, the extractor and the answer reading cover the same ground below)."""

from __future__ import annotations

from typing import Any

import pytest

from bot.eval.rest_client import ChatClient, question_asked
from tests.conftest import RunningBot

# What a person with a plain, harmless eyelid twitch says to each question, unless a case says otherwise.
PLAIN_ANSWERS = {
    "q_stroke_screen": "no, nothing like that",
    "q_location": "my bottom eyelid",
    "q_side": "left",
    "q_duration": "about 4 days",
    "q_progression": "no",
    "q_accompanying": "none of those",
    "q_impact": "no",
    "q_triggers": "too much tea",
    "q_history": "none of those",
}


def talk(
    bot: RunningBot, sender: str, messages: list[str], answers: dict[str, str] | None = None
) -> dict[str, Any]:
    """Say each message in turn (answering every question in between), then answer until the assessment; the
    tracker's slots at the end, with every reply text under "_said"."""
    client = ChatClient(bot.rasa_url, f"evidence-{sender}")
    replies_to = {**PLAIN_ANSWERS, **(answers or {})}
    said: list[str] = []
    for text in messages:
        replies = client.send(text)
        for _ in range(14):
            said += [str(reply.get("text", "")) for reply in replies]
            question = question_asked(replies)
            if question is None:
                break
            replies = client.send(replies_to.get(question, "no"))
    slots = dict(client.tracker()["slots"])
    slots["_said"] = said
    return slots


def after_self_care(bot: RunningBot, sender: str, opening: str) -> ChatClient:
    """A conversation that ended in self care, to be written to again after the assessment."""
    assert talk(bot, sender, [opening])["triage_level"] == "self_care"
    return ChatClient(bot.rasa_url, f"evidence-{sender}")


def findings(slots: dict[str, Any]) -> dict[str, Any]:
    return dict((slots.get("assessment") or {}).get("findings") or {})


def test_a_qualified_fortnight_is_more_than_fourteen_days(running_bot: RunningBot) -> None:
    slots = talk(running_bot, "qualified", ["my right lower lid has been flickering for over two weeks"])
    assert float(slots["duration_days"]) > 14
    assert slots["triage_level"] == "routine"


def test_a_shorter_later_spell_does_not_shorten_an_on_and_off_twitch(running_bot: RunningBot) -> None:
    slots = talk(
        running_bot,
        "later-spell",
        [
            "my left eyelid twitch has come and gone for about six weeks",
            "this latest flare only began yesterday",
        ],
    )
    assert float(slots["duration_days"]) >= 40
    assert slots["triage_level"] == "routine"


def test_narrowing_the_place_later_keeps_the_places_said_before(running_bot: RunningBot) -> None:
    slots = talk(
        running_bot,
        "places",
        ["twitching in my cheek and the lower lid on the right, three days now", "it's mostly the lid today"],
    )
    assert {"cheek", "eyelid"} <= set(slots["locations"])
    assert slots["triage_level"] == "routine"


def test_another_persons_old_illness_does_not_become_the_twitch_duration(running_bot: RunningBot) -> None:
    slots = talk(
        running_bot,
        "other-time",
        ["my left upper eyelid has twitched for 5 days. my uncle had bells palsy about four years ago"],
    )
    assert float(slots["duration_days"]) == pytest.approx(5)
    assert findings(slots).get("bells_palsy_history") != "present"


def test_a_twitch_that_keeps_coming_back_counts_from_the_first_time(running_bot: RunningBot) -> None:
    slots = talk(
        running_bot,
        "recurrence",
        [
            "this bout of eyelid twitching on the left started on thursday, but it has come and gone since I was at school"
        ],
    )
    assert float(slots["duration_days"]) > 14
    assert slots["triage_level"] == "routine"


def test_yes_to_the_stroke_screen_after_a_slow_weakness_is_the_emergency(running_bot: RunningBot) -> None:
    slots = talk(
        running_bot,
        "screen-yes",
        ["for three days the left side of my face has slowly got weaker and my eyelid twitches"],
        {"q_stroke_screen": "yes"},
    )
    assert slots["triage_level"] == "emergency"


def test_a_partial_denial_with_an_odd_feeling_is_not_self_care(running_bot: RunningBot) -> None:
    slots = talk(
        running_bot,
        "partial-denial",
        ["left eyelid twitching for 3 days"],
        {
            "q_accompanying": "it doesn't hurt, my cheek just feels a bit strange",
            "q_check_numbness_tingling": "yes",
        },
    )
    assert slots["triage_level"] in ("urgent", "emergency")
    assert findings(slots).get("severe_pain") == "absent"


def test_eyes_forced_shut_by_a_spasm_are_not_lost_sight(running_bot: RunningBot) -> None:
    slots = talk(
        running_bot,
        "shut-eye",
        ["for two months both my eyes squeeze shut by themselves and I have to pull the lids apart to see"],
    )
    assert slots["triage_level"] == "routine"
    assert findings(slots).get("vision_loss") != "present"
    assert not any("EMERGENCY" in text for text in slots["_said"])


def test_a_misspelt_unit_is_still_read(running_bot: RunningBot) -> None:
    slots = talk(running_bot, "unit-typo", ["right eyelid has been twitching for 3 wekes"])
    assert float(slots["duration_days"]) == pytest.approx(21)


def test_old_medicines_are_neither_new_nor_the_twitch_duration(running_bot: RunningBot) -> None:
    slots = talk(
        running_bot,
        "old-medicines",
        [
            "my left eyelid has twitched for 4 days. I take metformin and ramipril, have done for years, nothing new"
        ],
    )
    assert float(slots["duration_days"]) == pytest.approx(4)
    assert findings(slots).get("new_medication") != "present"
    assert not any("EMERGENCY" in text for text in slots["_said"])


def test_hearing_described_in_plain_words_is_a_hearing_change(running_bot: RunningBot) -> None:
    slots = talk(
        running_bot,
        "plain-hearing",
        [
            "my right eyelid has twitched for a week and sounds on that side are muffled, like my ear is blocked"
        ],
    )
    assert slots["triage_level"] == "urgent"


def test_a_new_sign_after_the_assessment_is_assessed_again_and_says_what_changed(
    running_bot: RunningBot,
) -> None:
    slots = talk(
        running_bot,
        "after",
        [
            "left eyelid twitching for 3 days, too much coffee",
            "oh and my cheek has gone numb since this morning",
        ],
    )
    assert slots["triage_level"] == "urgent"
    assert any("changes my advice" in text for text in slots["_said"])


# DIET reads this as report_emergency, yet it names no sign and does not say it is an emergency.
NO_SIGN_BUT_ALARMED = "please help me now something is really wrong"


def test_an_emergency_only_the_classifier_saw_is_checked_sign_by_sign(running_bot: RunningBot) -> None:
    client = ChatClient(running_bot.rasa_url, "evidence-classifier-only")
    replies = client.send(NO_SIGN_BUT_ALARMED)

    assert not any(reply.get("custom", {}).get("urgency") == "emergency" for reply in replies)
    first = question_asked(replies)
    assert first is not None and first.startswith("q_check_")
    replies = client.send("yes")
    assert client.tracker()["slots"]["triage_level"] == "emergency"
    assert any("emergency" in str(reply.get("text", "")).lower() for reply in replies)


def test_no_to_each_screened_sign_carries_on_with_the_intake(running_bot: RunningBot) -> None:
    slots = talk(
        running_bot,
        "classifier-only-no",
        [NO_SIGN_BUT_ALARMED],
        {
            f"q_check_{code}": "no"
            for code in (
                "facial_weakness",
                "limb_weakness",
                "speech_difficulty",
                "vision_loss",
                "severe_headache",
            )
        },
    )
    assert slots["triage_level"] != "emergency"
    assert not any("EMERGENCY" in text for text in slots["_said"])


def test_a_reply_misread_as_start_again_loses_nothing(running_bot: RunningBot) -> None:
    client = ChatClient(running_bot.rasa_url, "evidence-start-again")
    client.send("my right lower lid has been flickering for 9 days and it's getting worse")
    replies = client.send("start again")
    assert any("start a new assessment" in str(reply.get("text", "")) for reply in replies)

    replies = client.send("no")

    slots = client.tracker()["slots"]
    assert slots["worsening"] == "present"
    assert float(slots["duration_days"]) == pytest.approx(9)
    assert question_asked(replies) is not None or slots["triage_level"] == "routine"


def test_a_sign_in_the_last_sentence_of_a_long_opening_is_asked_about(running_bot: RunningBot) -> None:
    slots = talk(
        running_bot,
        "long-opening",
        [
            "Good evening, I'm typing for my grandmother who can't manage the phone. Her left upper eyelid has been "
            "twitching for about nine days, mostly in the evenings. Also her mouth looks odd."
        ],
        answers={"q_check_facial_weakness": "yes I think so"},
    )
    # asked, and "yes" recorded; then "no" to a sudden onset and to the other signs (PLAIN_ANSWERS): urgent
    assert findings(slots)["facial_weakness"] == "present"
    assert slots["triage_level"] == "urgent"


def test_an_answer_of_one_letter_for_the_side_keeps_the_intake_going(running_bot: RunningBot) -> None:
    slots = talk(
        running_bot,
        "one-letter-side",
        [
            "my upper lid has been twitching for 3 weeks. my face feels weak on one side, it came on slowly over days"
        ],
        {"q_side": "L"},
    )
    assert slots["face_side"] == "left"
    assert slots["triage_level"] == "urgent"


def test_a_weak_that_means_a_week_is_no_emergency(running_bot: RunningBot) -> None:
    slots = talk(running_bot, "weak-week", ["my right eyebrow keeps flickering for a weak"])
    assert slots["triage_level"] == "routine"  # the forehead is beyond the eye: routine, never the emergency
    assert float(slots["duration_days"]) == 7
    assert not any("EMERGENCY" in text for text in slots["_said"])


def test_a_feeling_that_stays_vague_ends_in_an_assessment_not_a_loop(running_bot: RunningBot) -> None:
    # Every question about the extra signs met with the same vague words: asked by name, still vague, it counts.
    vague = "it's hard to describe, my cheek just feels kind of off"
    slots = talk(
        running_bot,
        "vague-throughout",
        ["the lid of my right eye has been ticking away for a few days"],
        {"q_accompanying": vague, "q_check_facial_weakness": vague, "q_check_numbness_tingling": vague},
    )
    assert slots["triage_level"] == "urgent"
    assert max(slots["times_asked"].values()) <= 3


def test_questions_back_instead_of_an_answer_do_not_keep_the_intake_asking(running_bot: RunningBot) -> None:
    slots = talk(
        running_bot,
        "questions-back",
        ["i've had a flickering left eyelid since the weekend"],
        {"q_progression": "sorry what do you mean by that?", "q_accompanying": "why do you need to know?"},
    )
    assert slots["triage_level"] in ("routine", "urgent")
    assert max(slots["times_asked"].values()) <= 3


def test_not_knowing_when_a_weakness_began_is_never_read_as_a_slow_onset(running_bot: RunningBot) -> None:
    # The weakness is told; asked when it began, the person twice says only that the other signs are fine.
    unsure = "no clue when it started honestly, could be today could be last night. arms are ok, talking ok, seeing ok"
    slots = talk(
        running_bot,
        "onset-unknown",
        ["my lower lid twitches and tonight the corner of my mouth is drooping on the left"],
        {"q_stroke_screen": unsure, "q_check_sudden_onset": unsure},
    )
    assert slots["triage_level"] == "emergency"


def test_a_time_of_the_persons_own_doings_is_not_the_twitchs(running_bot: RunningBot) -> None:
    slots = talk(
        running_bot,
        "own-doings",
        [
            "my left top lid has been flickering since Tuesday. I had a check-up at the GP 5 months ago, all fine"
        ],
    )
    assert float(slots["duration_days"]) < 14
    assert slots["triage_level"] == "self_care"


def test_the_latest_spell_of_a_twitch_that_comes_back_asks_how_long_it_has_come_and_gone(
    running_bot: RunningBot,
) -> None:
    slots = talk(
        running_bot,
        "latest-spell",
        ["my right lower lid is twitching again, this bout started on Sunday"],
        {"q_duration": "it's been coming and going for about 5 months"},
    )
    assert float(slots["duration_days"]) > 14
    assert slots["triage_level"] == "routine"


def test_a_body_part_told_of_in_unlisted_words_is_asked_about_and_a_yes_is_the_emergency(
    running_bot: RunningBot,
) -> None:
    slots = talk(
        running_bot,
        "body-part",
        [
            "my top lid on the right has been flickering for 6 days. and twenty minutes ago at the sink something "
            "went off in my head like a firework, I've had to lie down"
        ],
        answers={"q_check_severe_headache": "yes, it's awful"},
    )
    assert slots["severe_headache"] == "present"  # the emergency answer comes at once, before any assessment
    assert slots["triage_level"] == "emergency"


def test_a_body_part_asked_about_and_denied_carries_on_to_self_care(running_bot: RunningBot) -> None:
    slots = talk(
        running_bot,
        "body-part-denied",
        ["my lower lid's been going for three days, it tickles when I rub it with my hand"],
        answers={"q_check_limb_weakness": "no, my arms and legs are fine"},
    )
    assert findings(slots)["limb_weakness"] == "absent"
    assert slots["triage_level"] == "self_care"


def test_a_sight_told_as_back_to_normal_at_the_last_check_is_asked_about_and_a_passed_episode_is_the_emergency(
    running_bot: RunningBot,
) -> None:
    slots = talk(
        running_bot,
        "recovered",
        ["my left bottom lid has twitched on and off for 3 days"],
        answers={
            "q_emergency_screen": "arms ok, talking ok, and my eyes are fine again now",
            "q_check_vision_loss": "yes, everything went double for about ten minutes this morning",
        },
    )
    assert any("even if it has passed" in text for text in slots["_said"])
    assert slots["triage_level"] == "emergency"


def test_a_finding_told_with_a_yes_after_self_care_is_assessed_again(running_bot: RunningBot) -> None:
    first = talk(running_bot, "news-after", ["my left bottom lid has twitched on and off for 3 days"])
    assert first["triage_level"] == "self_care"
    same_person = ChatClient(running_bot.rasa_url, "evidence-news-after")

    replies = same_person.send("yes and actually it has spread into my cheek since yesterday")

    assert all("Tell me about the twitch" not in str(reply.get("text", "")) for reply in replies)
    assert same_person.tracker()["slots"]["triage_level"] == "routine"


@pytest.mark.parametrize(
    ("sender", "reply", "times_asked", "level"),
    [
        # says nothing of the signs: asked again, and never read as a "no"
        (
            "last-check-unanswered",
            "I'm by myself all day and I had a peculiar do after my cornflakes I can't explain",
            2,
            "emergency",
        ),
        # a "no" the classifier may miss answers it
        (
            "last-check-no-to-all",
            "No to all. Had a dull ache after a long day at the laptop last week, gone now",
            1,
            "self_care",
        ),
    ],
)
def test_the_last_check_is_settled_only_by_an_answer(
    running_bot: RunningBot, sender: str, reply: str, times_asked: int, level: str
) -> None:
    slots = talk(
        running_bot,
        sender,
        ["my left lower lid has been flickering since Saturday"],
        {"q_emergency_screen": reply},
    )
    assert sum("One last check" in text for text in slots["_said"]) == times_asked
    assert slots["triage_level"] == level


@pytest.mark.parametrize(
    ("sender", "reply_to_the_check", "level"),
    [("unread-news-yes", "yes, that", "emergency"), ("unread-news-no", "no, none of them", "self_care")],
)
def test_news_after_the_assessment_that_nobody_could_read_asks_the_last_check_again(
    running_bot: RunningBot, sender: str, reply_to_the_check: str, level: str
) -> None:
    same_person = after_self_care(running_bot, sender, "my right top lid has been jumping about for 5 days")

    replies = same_person.send(
        "oh one more thing I forgot, at teatime the telly looked peculiar for ten minutes, not sure how to put it"
    )

    assert question_asked(replies) == "q_emergency_screen"
    same_person.send(reply_to_the_check)
    assert same_person.tracker()["slots"]["triage_level"] == level


@pytest.mark.parametrize(
    ("sender", "onset_reply", "level"),
    [
        ("droop-onset-not-known", "no idea, my son only spotted it when he came in", "emergency"),
        ("droop-onset-slow", "no, it has crept on over the last three days", "urgent"),
    ],
)
def test_a_bare_no_to_the_stroke_screen_after_the_emergency_answer_asks_the_onset_on_its_own(
    running_bot: RunningBot, sender: str, onset_reply: str, level: str
) -> None:
    same_person = after_self_care(running_bot, sender, "my left lower lid has been flickering since Saturday")

    same_person.send("hold on, my son says the left corner of my mouth is hanging lower than the right")
    asked = question_asked(same_person.send("nope, none of those"))

    assert asked == "q_check_sudden_onset"
    assert same_person.tracker()["slots"]["triage_level"] == "emergency"
    same_person.send(onset_reply)
    assert same_person.tracker()["slots"]["triage_level"] == level


@pytest.mark.parametrize(
    ("sender", "opening", "news", "reply"),
    [
        # a vague feeling in the face opens weakness and numbness again, even though they were denied
        (
            "face-went-strange",
            "my right top lid has been jumping about for 5 days",
            "thanks. my wife says my face went a bit peculiar just now",
            "yes, on the left",
        ),
        # stroke signs that pass within minutes still need the emergency number: asked about one "even if it has
        # passed", "No, it's fine again now" says it was there
        (
            "sign-passed",
            "my left top lid has been fluttering on and off for 4 days",
            "at lunch my hand went odd for a bit, all sorted now",
            "No, it's fine again now",
        ),
    ],
)
def test_something_odd_told_after_the_advice_is_asked_about_sign_by_sign_and_can_be_the_emergency(
    running_bot: RunningBot, sender: str, opening: str, news: str, reply: str
) -> None:
    same_person = after_self_care(running_bot, sender, opening)

    asked = question_asked(same_person.send(news))

    assert asked is not None and asked.startswith("q_check_")
    same_person.send(reply)
    assert same_person.tracker()["slots"]["triage_level"] == "emergency"


def test_not_understanding_the_assistant_is_asked_again_and_never_a_speech_sign(
    running_bot: RunningBot,
) -> None:
    # "I don't understand what you're saying" was once read as not understanding speech: the stroke answer.
    chat = ChatClient(running_bot.rasa_url, "evidence-not-understood")
    chat.send("my left eyelid has been twitching for 3 days")

    asked = question_asked(chat.send("I don't understand what you're saying"))

    assert asked is not None
    assert chat.tracker()["slots"]["triage_level"] is None


def test_limbs_told_weak_with_their_side_between_are_read_in_the_news_itself(
    running_bot: RunningBot,
) -> None:
    # Weak limbs told so were once only suspected: each sign was asked on its own, and a "no" (an earlier reply the
    # person repeated) ended in self care. Read in the news itself, they are the emergency before anything is asked.
    same_person = after_self_care(
        running_bot,
        "parts-together",
        "my right lower eyelid has twitched for 2 days, I've been up late revising",
    )

    same_person.send("my hand and my foot on the right went dead out of nowhere ten minutes ago, easing now")

    assert same_person.tracker()["slots"]["triage_level"] == "emergency"
