"""English number words (``data/number_words.json``): what a figure can be written as."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from .loader import read_json


@dataclass(frozen=True)
class NumberWords:
    units: dict[str, int]  # "one" .. "nineteen", "a dozen"
    tens: dict[str, int]  # "twenty" .. "ninety"
    scales: dict[str, int]  # "hundred", "million", "lakh"
    vague_bands: dict[str, tuple[int, int | None]]  # "dozens" -> (24, 99)
    qualifiers: tuple[str, ...]  # hedges before a figure
    lower_bound: frozenset[str]
    upper_bound: frozenset[str]
    not_a_hedge: frozenset[str]
    post_qualifiers: dict[str, str]  # hedge after a figure -> the hedge it means
    range_words: frozenset[str]  # "estimates run from X to Y": a range, not a change
    about_as_preposition: frozenset[str] = frozenset()  # "spoke about 36": no hedge
    hedges_before_a_high: tuple[str, ...] = ()  # "possibly" of "at least 30, and possibly up to 80"

    def figure_words(self) -> set[str]:
        """Words that make a sentence hold a figure: number words and vague amounts'
        last words ("thousands", "dozens", "scores")."""
        return set(self.units) | set(self.tens) | set(self.scales) | {w.split()[-1] for w in self.vague_bands}


@lru_cache(maxsize=1)
def number_words() -> NumberWords:
    data = read_json("number_words.json")
    return NumberWords(
        units=dict(data["units"]), tens=dict(data["tens"]), scales=dict(data["scales"]),
        vague_bands={k: (low, high) for k, (low, high) in data["vague_bands"].items()},
        qualifiers=tuple(data["qualifiers"]),
        lower_bound=frozenset(data["lower_bound"]), upper_bound=frozenset(data["upper_bound"]),
        not_a_hedge=frozenset(data["not_a_hedge"]), post_qualifiers=dict(data["post_qualifiers"]),
        range_words=frozenset(data["range_words"]),
        about_as_preposition=frozenset(data["about_as_preposition"]),
        hedges_before_a_high=tuple(data["hedges_before_a_high"]))
