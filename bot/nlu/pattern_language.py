"""A compact notation for spaCy Matcher token patterns, so the clinical phrase lists stay readable.

A pattern is a space-separated sequence of token specs, matched against each token's NORM (lower case, spelling
normalised by bot.nlu.spelling, contractions expanded: "can't" is "can not", "won't" is "will not"):

    droop*|sag* ~2 face|smile    one of the alternatives, then up to 2 other words, then face or smile
    word        the exact normalised word
    word*       any word starting with "word" (twitch* = twitch, twitches, twitching, twitchy)
    =MS         the exact text as typed, case included (only capital "MS" means multiple sclerosis)
    #           a number ("5 hours sleep")
    x?          the spec x is optional
    ~N          up to N other words, never crossing punctuation or a clause break such as "but"

A "not" inside a gap ("my arm is not weak") is left to the extractor, which reads the match as negated.
"""

from __future__ import annotations

import re
from typing import Any

from bot.nlu.vocabulary import CLAUSE_BREAKS

TokenPattern = dict[str, Any]


def compile_pattern(notation: str) -> list[TokenPattern]:
    return [compile_token(spec) for spec in notation.split()]


def compile_token(spec: str) -> TokenPattern:
    if spec.startswith("~"):
        return {"IS_PUNCT": False, "NORM": {"NOT_IN": sorted(CLAUSE_BREAKS)}, "OP": f"{{0,{int(spec[1:])}}}"}
    optional = spec.endswith("?") and len(spec) > 1
    if optional:
        spec = spec[:-1]
    token = match_alternatives(spec.split("|"))
    if optional:
        token["OP"] = "?"
    return token


def match_alternatives(alternatives: list[str]) -> TokenPattern:
    if alternatives == ["#"]:
        return {"LIKE_NUM": True}
    if all(alternative.startswith("=") for alternative in alternatives):
        return {"ORTH": {"IN": [alternative[1:] for alternative in alternatives]}}
    exact = [alternative for alternative in alternatives if not alternative.endswith("*")]
    prefixes = [alternative[:-1] for alternative in alternatives if alternative.endswith("*")]
    if not prefixes:
        return {"NORM": {"IN": exact}}
    words = "|".join(re.escape(prefix) for prefix in sorted(set(prefixes), key=len, reverse=True))
    whole_words = "|".join(re.escape(word) for word in exact)
    regex = f"^(?:{words})" if not exact else f"^(?:(?:{words}).*|{whole_words})$"
    return {"NORM": {"REGEX": regex}}
