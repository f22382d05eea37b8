"""Is this message English? A cheap heuristic, so the assistant can say it only understands English for now.

It errs towards English: short replies ("left", "nope", "2 weeks"), emoji, numbers and empty text are treated as
English (nothing to misunderstand), because telling an English speaker "I only understand English" mid-triage is
worse than letting the normal fallback handle an odd short message. Longer text is judged by its script (most
letters outside the Latin alphabet: Chinese, Arabic, Russian...) and by its common words (English function words
against those of Spanish, French, German, Italian, Portuguese and Dutch).
"""

from __future__ import annotations

import re
import unicodedata


def words_of(text: str) -> frozenset[str]:
    return frozenset(text.split())


ENGLISH_WORDS = words_of("""
i i'm im me my mine you your it it's its is are was were be been am have has had do does did not no yes the a an
and or but if of to in on at for with from by about since ago this that these those there here what when where why
how which who can can't cant could would should will won't don't dont doesn't didn't isn't wasn't haven't just
really very so too also some any all one two three day days week weeks month months year years left right side
eye eyes eyelid lid face cheek mouth lip neck twitch twitching twitches spasm jumping keeps keep started start
still now again get got feel feels feeling think know bit lot little bad worse better hi hello thanks thank please
ok okay yeah yep nope nah sure maybe like been having
""")
FOREIGN_WORDS = (
    words_of("""
el la los las un una unos unas y o pero que qué por para con sin del al es está estoy tengo tiene mi mis tu su
ojo ojos cara hola gracias muy también desde hace días semanas se le les yo eso esta este
le les une des et ou mais qui quoi avec sans du au aux est suis j'ai ai mon mes ton ta sa ses oeil
yeux visage bonjour merci très aussi depuis jours semaines je tu il elle nous vous ils ce cette c'est pas ne
der das ein eine einer und oder aber mit ohne von zu ist habe mein meine dein sein ihr auge augen
gesicht hallo danke sehr auch seit tagen wochen ich du er sie wir nicht zuckt zucken lid
il gli della delle che per senza sono mio mia occhio faccia ciao grazie molto anche giorni
os um uma com sem não sou estou tenho meu minha olho rosto olá obrigado muito também dias
het een en maar niet ik heb mijn oog gezicht hoi ook sinds dagen weken
""")
    - ENGLISH_WORDS
)
WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?", re.UNICODE)
SHORT_REPLY_WORDS = 2
NON_LATIN_SHARE = 0.3


def is_probably_english(text: str) -> bool:
    words = [word.lower() for word in WORD.findall(text or "")]
    if not words:
        return True
    if non_latin_share(words) > NON_LATIN_SHARE:
        return False
    if len(words) <= SHORT_REPLY_WORDS:
        return True
    english = sum(word in ENGLISH_WORDS for word in words)
    foreign = sum(word in FOREIGN_WORDS or has_foreign_letters(word) for word in words)
    return english >= foreign


def non_latin_share(words: list[str]) -> float:
    letters = [char for word in words for char in word]
    non_latin = sum(not unicodedata.name(char, "").startswith("LATIN") for char in letters)
    return non_latin / len(letters)


def has_foreign_letters(word: str) -> bool:
    """Accented Latin letters (é, ñ, ü, ß...): rare in English chat."""
    return any(ord(char) > 127 for char in word)
