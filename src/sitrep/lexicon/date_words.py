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
    weekdays: tuple[str, ...]  # "monday" first: the position is the weekday number
    parts_of_day: tuple[str, ...]  # "morning" of "Tuesday morning"
    clock_labels: tuple[str, ...] = ()  # "gmt" of "Radio Rwanda, 1300 gmt:", as written
    people_after_a_year: tuple[str, ...] = ()  # "in 1994 people fled": no year

    @property
    def month_names(self) -> tuple[str, ...]:
        """Each month's full name ("january"): the longest word for it."""
        longest: dict[int, str] = {}
        for word, month in self.months.items():
            if len(word) > len(longest.get(month, "")):
                longest[month] = word
        return tuple(longest[m] for m in sorted(longest))

    @property
    def month_abbreviations(self) -> tuple[str, ...]:
        """The other words for a month ("jan", "sept"), written with or without a dot."""
        full = set(self.month_names)
        return tuple(w for w in self.months if w not in full)


@lru_cache(maxsize=1)
def date_words() -> DateWords:
    data = read_json("date_words.json")
    return DateWords(dict(data["months"]), dict(data["number_words"]), dict(data["ordinals"]),
                     dict(data["part_of_month"]), tuple(data["count_nouns"]), tuple(data["weekdays"]),
                     tuple(data["parts_of_day"]), tuple(data["clock_labels"]), tuple(data["people_after_a_year"]))
