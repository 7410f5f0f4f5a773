"""The claim vocabulary (``data/claim_terms.json``) compiled for fast lookups."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources


@dataclass(frozen=True, slots=True)
class PeopleNoun:
    words: tuple[str, ...]  # lowercased tokens of the noun phrase, e.g. ("pro-government", "forces")
    category: str
    subgroup: str | None
    unit: str | None  # "families" / "households": a count of groups, not people


@dataclass(frozen=True)
class ClaimTerms:
    people: dict[str, tuple[PeopleNoun, ...]]  # first token -> candidate nouns, longest first
    quantity_lemmas: dict[str, str]  # lemma -> quantity
    quantity_words: dict[tuple[str, ...], str]  # token sequence -> quantity
    toll_nouns: frozenset[str]
    anaphora: tuple[str, ...]
    not_people_units: frozenset[str]

    def people_at(self, words: list[str], i: int) -> tuple[PeopleNoun, int] | None:
        """The people noun starting at token ``i`` of ``words`` (lowercased), with its length."""
        for noun in self.people.get(words[i], ()):
            n = len(noun.words)
            if tuple(words[i:i + n]) == noun.words:
                return noun, n
        return None

    def quantity_at(self, words: list[str], lemmas: list[str], i: int) -> tuple[str, int] | None:
        """The quantity a casualty word at token ``i`` names, with the word's length."""
        for n in (4, 3, 2, 1):
            q = self.quantity_words.get(tuple(words[i:i + n]))
            if q:
                return q, n
        q = self.quantity_lemmas.get(lemmas[i])
        return (q, 1) if q else None


@lru_cache(maxsize=1)
def load_terms() -> ClaimTerms:
    data = json.loads((resources.files("sitrep") / "data" / "claim_terms.json").read_text(encoding="utf-8"))
    people: dict[str, list[PeopleNoun]] = {}
    for phrase, info in data["people"].items():
        words = tuple(phrase.lower().split())
        people.setdefault(words[0], []).append(
            PeopleNoun(words, info["category"], info.get("subgroup"), info.get("unit")))
    lemmas: dict[str, str] = {}
    words_map: dict[tuple[str, ...], str] = {}
    for quantity, spec in data["quantities"].items():
        for lemma in spec["lemmas"]:
            lemmas.setdefault(lemma, quantity)
        for w in spec["words"]:
            words_map.setdefault(tuple(w.lower().split()), quantity)
    return ClaimTerms(
        people={k: tuple(sorted(v, key=lambda n: -len(n.words))) for k, v in people.items()},
        quantity_lemmas=lemmas,
        quantity_words=words_map,
        toll_nouns=frozenset(data["toll_nouns"]),
        anaphora=tuple(data["anaphora"]),
        not_people_units=frozenset(data["not_people_units"]),
    )
