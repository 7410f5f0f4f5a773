"""English date words (``data/date_words.json``): months, counts of time units, ordinals."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from .loader import read_json


@dataclass(frozen=True)
class DateWords:
    months: dict[str, int]  # "january", "jan" -> 1
    number_words: dict[str, int]  # "a couple of" -> 2
    ordinals: dict[str, int]  # "third", "twenty-first"
    part_of_month: dict[str, int]  # "mid" -> 15
    count_nouns: tuple[str, ...]  # "2011 people": a count, not a year


@lru_cache(maxsize=1)
def date_words() -> DateWords:
    data = read_json("date_words.json")
    return DateWords(dict(data["months"]), dict(data["number_words"]), dict(data["ordinals"]),
                     dict(data["part_of_month"]), tuple(data["count_nouns"]))
