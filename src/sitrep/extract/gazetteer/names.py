"""Matching keys of place names: an exact key (case, diacritics, apostrophes and Arabic
articles folded) and a looser skeleton key (vowel spellings folded), by the rules of
``data/gazetteer/transliteration.json``."""

from __future__ import annotations

import functools
import hashlib
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from sitrep.lexicon.loader import read_json, read_text


# Names shorter than this (after normalisation) never resolve ("Ma", "Al").
MIN_NAME_CHARS = 3

# --------------------------------------------------------------------------- names


@dataclass(frozen=True, slots=True)
class _Rules:
    chars: dict[int, str]
    articles: frozenset[str]
    token_suffixes: tuple[tuple[re.Pattern[str], str], ...]
    digraphs: tuple[tuple[str, str], ...]
    letters: dict[int, str]
    skeleton_min_chars: int
    digest: str


@functools.cache
def transliteration_rules() -> _Rules:
    raw = read_text("gazetteer", "transliteration.json")
    data = read_json("gazetteer", "transliteration.json")
    sk = data["skeleton"]
    return _Rules(
        chars=str.maketrans(data["chars"]),
        articles=frozenset(data["articles"]),
        token_suffixes=tuple((re.compile(p), r) for p, r in sk["token_suffixes"]),
        digraphs=tuple((a, b) for a, b in sk["digraphs"]),
        letters=str.maketrans(sk["letters"]),
        skeleton_min_chars=int(sk["min_chars"]),
        digest=hashlib.sha256(raw.encode("utf-8")).hexdigest()[:10],
    )


_NON_ALNUM = re.compile(r"[^a-z0-9]+")
_DOUBLED = re.compile(r"(.)\1+")


@functools.lru_cache(maxsize=65_536)
def normalise(name: str) -> str:
    """Exact matching key: ``"Al-Ḩamāh"`` -> ``"hamah"``, ``"Deir ez-Zor"`` -> ``"deir zor"``.

    Returns "" for names in a non-Latin script (they cannot be matched to English text).
    """
    rules = transliteration_rules()
    folded = unicodedata.normalize("NFKD", name.translate(rules.chars).lower())
    ascii_only = "".join(ch for ch in folded if not unicodedata.combining(ch))
    if any(ch.isalpha() and not ch.isascii() for ch in ascii_only):
        return ""
    tokens = _NON_ALNUM.sub(" ", ascii_only).split()
    # Articles go when something follows them ("al Bab" -> "bab"), not when alone.
    kept = [t for i, t in enumerate(tokens) if not (t in rules.articles and i < len(tokens) - 1)]
    return " ".join(kept)


@functools.lru_cache(maxsize=65_536)
def skeleton(key: str) -> str:
    """Looser key from an exact key: ``"salamiyeh"``/``"salamiya"`` -> ``"salamia"``,
    ``"khan younis"``/``"khan yunis"`` -> ``"khaniunis"``. Spaces are dropped so that
    ``"Maar Shahur"`` and ``"Maarshahur"`` meet."""
    rules = transliteration_rules()
    out = []
    for token in key.split():
        for pattern, repl in rules.token_suffixes:
            token = pattern.sub(repl, token)
        for a, b in rules.digraphs:
            token = token.replace(a, b)
        token = token.translate(rules.letters)
        out.append(_DOUBLED.sub(r"\1", token))
    return "".join(out)


def latin_names(names: Iterable[str]) -> set[str]:
    """Exact keys of the usable spellings of a place (skips empty and non-Latin ones)."""
    keys = set()
    for n in names:
        key = normalise(n)
        if MIN_NAME_CHARS <= len(key) <= 80:
            keys.add(key)
    return keys


def name_variants(main: str, alternates: Iterable[str]) -> list[str]:
    # GeoNames alternates starting in lower case are mostly machine romanisations
    # of Arabic script without vowels ("hmah", "tybt alamam"): noise for matching.
    return [main] + [a for a in alternates if a[:1].isupper() or a[:1].isdigit()]
