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
    quantity: str | None = None  # nouns that say what happened: "deaths", "the wounded"


@dataclass(frozen=True)
class ClaimTerms:
    people: dict[str, tuple[PeopleNoun, ...]]  # first token -> candidate nouns, longest first
    quantity_lemmas: dict[str, str]  # lemma -> quantity
    quantity_words: dict[tuple[str, ...], str]  # token sequence -> quantity
    toll_nouns: frozenset[str]
    anaphora: tuple[str, ...]
    not_people_units: frozenset[str]
    level_verbs: tuple[str, ...] = ()
    carry_over: tuple[str, ...] = ()  # sentence openings that continue the previous report

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


def _plural_demonyms() -> set[str]:
    """'Palestinians', 'Israelis', 'Sudanese': a figure followed by one counts people."""
    data = json.loads((resources.files("sitrep") / "data" / "gazetteer" / "countries.json").read_text(encoding="utf-8"))
    out = set()
    for words in data.get("demonyms", {}).values():
        for w in words:
            w = w.lower()
            if " " in w:
                continue
            out.add(w if w.endswith(("ese", "ss", "i")) and not w.endswith("i") else w + "s")
            if w.endswith("ese"):
                out.add(w)
    return out


@lru_cache(maxsize=1)
def load_terms() -> ClaimTerms:
    data = json.loads((resources.files("sitrep") / "data" / "claim_terms.json").read_text(encoding="utf-8"))
    people: dict[str, list[PeopleNoun]] = {}
    for phrase, info in data["people"].items():
        words = tuple(phrase.lower().split())
        people.setdefault(words[0], []).append(
            PeopleNoun(words, info["category"], info.get("subgroup"), info.get("unit"), info.get("quantity")))
    for plural in _plural_demonyms():
        people.setdefault(plural, []).append(PeopleNoun((plural,), "total", None, None))
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
        carry_over=tuple(w + " " for w in data.get("claimant_carry_over", ())),
        not_people_units=frozenset(data["not_people_units"]),
        level_verbs=tuple(sorted(data.get("level_verbs", ()), key=len, reverse=True)),
    )


def trigger_words() -> list[str]:
    """Every casualty word and lemma of the claim vocabulary (used to pick sentences to parse)."""
    data = json.loads((resources.files("sitrep") / "data" / "claim_terms.json").read_text(encoding="utf-8"))
    out: set[str] = set()
    for spec in data["quantities"].values():
        out.update(spec["lemmas"])
        out.update(spec["words"])
    out.update(data["toll_nouns"])
    out.update(w for w, info in data["people"].items() if info.get("quantity"))
    # captives are a figure of detention by themselves ("still holding 100 hostages")
    out.update(w for w, info in data["people"].items() if info["category"] == "prisoners")
    return sorted(out)
