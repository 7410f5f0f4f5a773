"""Text mechanisms the actor and claimant lexicons share: one alternation for many names,
shaped as a trie, and the word just before a match, which tells whether a generic word
("Army", "ministry") ends another body's name ("Lord's Resistance Army")."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable

from ..lexicon.claim_terms import claim_words
from ..lexicon.patterns import trie_pattern
from ..lexicon.regex_cache import compile_cached

# A space or a hyphen between the words of an alias ("al Shabaab" = "al-Shabaab").
_ALIAS_SEP = r"(?:\s+|\s*[-‐‑–]\s*)"
# An alias starts a word, not after "pro-", "anti-" or "non-" ("pro-Hamas" is no mention of Hamas).
_ALIAS_LEFT_EDGE = r"(?<![\w])(?<![Pp]ro-)(?<![Aa]nti-)(?<![Nn]on-)"
_ALIAS_RIGHT_EDGE = r"(?![\w])"


def _alias_char(ch: str) -> str:
    if ch == " ":
        return _ALIAS_SEP
    if ch == "'":
        return "['’]"
    return re.escape(ch)


def alias_regex(keys: Iterable[str], flags: int) -> re.Pattern[str] | None:
    """One regex for the aliases of a lexicon (lowercase, or as written for acronyms),
    shaped as a trie: ~800 aliases as one flat alternation cost 13 ms per article, the trie
    several times less; compiled once per machine (``regex_cache``). None without aliases."""
    body = trie_pattern(keys, _alias_char)
    return compile_cached(_ALIAS_LEFT_EDGE + "(?:" + body + ")" + _ALIAS_RIGHT_EDGE, flags) if body else None


_WORD_BEFORE = re.compile(r"([\w'’.-]+)\s+$")


def word_before(text: str, start: int, floor: int) -> tuple[int, str] | None:
    """(offset, word) of the word that ends just before ``start`` (spaces between), looked
    for in ``text[floor:start]``: letters, digits, apostrophes, hyphens and dots ("U.N.",
    "al-Sunna", "Lord's")."""
    m = _WORD_BEFORE.search(text[floor:start])
    return (floor + m.start(1), m.group(1)) if m else None


def capital_word_before(text: str, start: int, floor: int) -> tuple[int, str] | None:
    """(offset, word) of a capitalised word just before ``start`` ("Syrian" in "Syrian
    rebels", "Resistance" in "Lord's Resistance Army"): the first part of the word before
    that starts with a capital A-Z after the word's start, an apostrophe or a dot, is two
    characters or more and holds no dot."""
    found = word_before(text, start, floor)
    if found is None:
        return None
    offset, word = found
    for i, ch in enumerate(word):
        if (i == 0 or word[i - 1] in ".'’") and "A" <= ch <= "Z" and len(word) - i >= 2 and "." not in word[i:]:
            return offset + i, word[i:]
    return None


def name_after_title(phrase: str) -> str:
    """"Prime Minister Tigran Khachatryan" -> "Tigran Khachatryan": the capitalised words after
    the last office title word, when two or more (a name) follow it."""
    words = phrase.split()
    heads = claim_words().title_heads
    last = max((i for i, w in enumerate(words) if w.split("-")[-1] in heads), default=None)
    if last is None or len(words) - last - 1 < 2:
        return phrase
    return " ".join(words[last + 1:])


_HYPHEN = re.compile(r"\s*[-\u2010\u2011\u2013]\s*")


@lru_cache(maxsize=65_536)
def claimant_key(text: str) -> str:
    """Lookup key: case, quotes, and hyphens folded ("Al Qudra" = "al-Qudra", as the
    alias regex already matches either). Memoised: the lexicon's 12,000 aliases at start-up
    and the same few names in every article (a bounded memo keeps memory flat)."""
    text = _HYPHEN.sub(" ", text.replace("’", "'"))
    return " ".join(text.lower().split())
