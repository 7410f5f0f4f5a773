"""The words of the claim rules' own patterns (``rule_words`` in ``data/claim_terms.json``):
record qualifiers, verbs of issuing and losing, the nouns of bodies, offices and broadcasters
that a rule of ``extract/claims`` tests or writes into its regex. The rule keeps the shape
of its pattern (and its grammar words) in code; the vocabulary is read here, once."""

from __future__ import annotations

import re
from functools import lru_cache
from types import MappingProxyType
from typing import Iterable, Mapping

from .loader import read_json


@lru_cache(maxsize=1)
def rule_words() -> Mapping[str, tuple[str, ...] | Mapping[str, str]]:
    """Every list (or word -> word map) of ``rule_words``, by key, in the file's order
    ("_"-keys are notes)."""
    data = read_json("claim_terms.json")["rule_words"]
    return MappingProxyType({key: MappingProxyType(dict(value)) if isinstance(value, dict) else tuple(value)
                             for key, value in data.items() if not key.startswith("_")})


def words(key: str) -> tuple[str, ...]:
    """One list of ``rule_words``, in the file's order."""
    return rule_words()[key]


def word_set(key: str) -> frozenset[str]:
    """One list of ``rule_words`` as a set, for membership tests."""
    return frozenset(rule_words()[key])


def word_map(key: str) -> Mapping[str, str]:
    """One word -> word map of ``rule_words`` (read-only), in the file's order."""
    value = rule_words()[key]
    assert isinstance(value, Mapping), key
    return value


def in_order(words_or_key: str | Iterable[str], any_space: bool = True) -> str:
    """A non-capturing group of the words in the file's order, each written literally but
    for a space, which matches any run of spaces (one space, with ``any_space=False``): for
    the short alternations of a rule whose branches are tried in the order written (a trie
    or a longest-first sort could change which branch matches)."""
    listed = words(words_or_key) if isinstance(words_or_key, str) else tuple(words_or_key)
    escaped = (re.escape(w) for w in listed)
    return "(?:" + "|".join(w.replace("\\ ", r"\s+") if any_space else w for w in escaped) + ")"
