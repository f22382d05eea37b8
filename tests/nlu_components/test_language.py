"""Is a message English? Short replies, emoji and empty text count as English; other languages do not."""

from __future__ import annotations

import pytest

from bot.nlu.language import is_probably_english

ENGLISH = [
    "",
    "   ",
    "left",
    "nope",
    "2 weeks",
    "yes",
    "😀",
    "👍👍",
    "ok",
    "Hola",
    "?",
    "3",
    "my left eyelid keeps jumping since Monday, I'm living on coffee",
    "I have pins and needles in my face",
    "can coffee cause this?",
    "what is hemifacial spasm?",
    "no weakness or tingling",
    "I'd rather not say",
    "my son has a twitch",
    "the café coffee made my eye twitch",
    "my speech went slurred all of a sudden",
]
NOT_ENGLISH = [
    "tengo un tic en el ojo",
    "j'ai une paupière qui saute",
    "mein Auge zuckt",
    "mein Auge zuckt seit drei Tagen",
    "il mio occhio trema da giorni",
    "mijn oog trilt al dagen",
    "meu olho está tremendo",
    "por favor ayuda",
    "我的眼睛一直在跳",
    "عيني ترتعش منذ أيام",
    "у меня дергается глаз",
    "मेरी आँख फड़क रही है",
]


@pytest.mark.parametrize("text", ENGLISH)
def test_english_and_neutral_text(text: str) -> None:
    assert is_probably_english(text)


@pytest.mark.parametrize("text", NOT_ENGLISH)
def test_other_languages(text: str) -> None:
    assert not is_probably_english(text)


@pytest.mark.parametrize("text", ["\x00\x01", "a" * 10_000, "é" * 10_000, "\u202e\ufeff"])
def test_odd_input_gets_an_answer(text: str) -> None:
    assert isinstance(is_probably_english(text), bool)
