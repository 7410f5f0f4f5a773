"""The English that sentence splitting and parse selection need besides trigger words
(``data/sentence_words.json``)."""

from __future__ import annotations

import re
from functools import lru_cache

from .loader import read_json


@lru_cache(maxsize=1)
def abbreviations() -> frozenset[str]:
    """Lowercase abbreviations, without their last dot, after which a period ends no sentence."""
    return frozenset(read_json("sentence_words.json")["abbreviations"])


@lru_cache(maxsize=1)
def not_names() -> tuple[str, ...]:
    """Capitalised words that are no place or actor: weekdays, months, function words."""
    return tuple(read_json("sentence_words.json")["not_names"])


@lru_cache(maxsize=1)
def capitalised_later() -> re.Pattern[str]:
    """A capitalised word that may be a place or an actor: not a weekday, a month or a
    function word (matched anywhere; callers look past a sentence's first word)."""
    words = "|".join(read_json("sentence_words.json")["not_names"])
    return re.compile(rf"(?<![\w'’-])(?!(?:{words})\b)[A-Z][a-z]")
