"""Split words that scraping glued together, without breaking camel-case names.

Scrapers drop the space between adjacent HTML elements: a link and the word
before it ("agencySANA"), a caption and its credit ("provinceImage:"), a
breadcrumb and the next item ("ConflictsSyria"), a title and a name
("PresidentBashar"). Real names and brands also mix cases (McDonald, YouTube,
iPhone, DeSantis, LinkedIn, OpenAI), so a token is split at a lower->upper
boundary only when the part on the left is plainly an English word:

* an all-lowercase left part of MIN_LEFT_LETTERS or more letters: camel-case
  brands whose left part is a lowercase word are rare (watchOS) and listed;
* a capitalised left part that is a known word or title (data/ingest_words.json),
  an inflection of one, or ends in a clearly English suffix;
* a short lowercase function word ("ofHama") from the same data file.

Tokens listed in ``camel_case_names`` are never split.
"""

from __future__ import annotations

import re
from functools import cache

from sitrep.lexicon.ingest_words import ingest_words
from sitrep.lexicon.loader import read_json

# A left part shorter than this is more often a name prefix (Mc, Mac, De, Di,
# La, i, e) than a word; tuned on the camel-case names in ingest_words.json.
MIN_LEFT_LETTERS = 4
# Longer letter runs are not glued words but junk (or a data blob); leave them.
# The longest glued tokens seen on scraped pages are ~30 letters.
MAX_GLUED_TOKEN = 80
# The right part must be at least this long, so "SpaceX" or "iPhone X" style
# model letters are left alone.
MIN_RIGHT_LETTERS = 2

# Suffixes that almost only end English common words, not surnames or brands.
# (``english_suffixes`` of data/ingest_words.json)
_ENGLISH_SUFFIXES = ingest_words().english_suffixes

_GLUED = re.compile(r"\b[A-Za-z]*[a-z][A-Z][A-Za-z]*\b")
_BOUNDARY = re.compile(r"(?<=[a-z])(?=[A-Z])")
# "city.The" / "said,Syria": sentence or clause punctuation with no space after it.
# The left side must be a lowercase word of 2+ letters so that "U.S.Army",
# "e.g." and decimal numbers are untouched; URLs are skipped by the caller.
_GLUED_PUNCT = re.compile(r"(?<=[a-z]{2})([.!?;,])(?=[A-Z][a-z])|(?<=[a-z]{2}),(?=[a-z]{2})")
# A number glued to a capitalised word: "2024Syrian" (not "4Runner": needs 3+ lowercase).
_GLUED_DIGIT = re.compile(r"(?<![\w.,])(\d+)(?=[A-Z][a-z]{2,})")
# Anchored at a token start so a long token is scanned once, not once per character.
_URLISH = re.compile(r"(?<!\S)\S*?(?:https?://|www\.|\.com|\.org|\.net|@)\S*")
# What each match of the regexes above holds: a text without it (most texts) is not searched
# by them; they try every word or position (5 of the 7 ms an article spent in ingest), the
# plain tests run at C speed.
_URL_HINTS = ("://", "www.", ".com", ".org", ".net", "@")
_LOWER_UPPER = re.compile(r"[a-z][A-Z]")  # _GLUED
_PUNCT_LETTER = re.compile(r"[.!?;,][A-Za-z]")  # _GLUED_PUNCT
_DIGIT_UPPER = re.compile(r"\d[A-Z]")  # _GLUED_DIGIT


@cache
def _lexicon() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    data = read_json("ingest_words.json")
    words = frozenset(w.lower() for w in data["words"])
    short = frozenset(w.lower() for w in data["short_function_words"])
    names = frozenset(data["camel_case_names"])
    return words, short, names


def _is_word(left: str) -> bool:
    words, short, _ = _lexicon()
    low = left.lower()
    if left.islower():
        return len(left) >= MIN_LEFT_LETTERS or low in short
    if len(left) < MIN_LEFT_LETTERS or not left[1:].islower():
        return False
    if low in words or low.endswith(_ENGLISH_SUFFIXES):
        return True
    return any(low.endswith(suffix) and low[: -len(suffix)] + repl in words
               for suffix, repl in _INFLECTIONS)


# (suffix, replacement) pairs that undo common inflections: "Conflicts" -> "conflict".
_INFLECTIONS = (
    ("ies", "y"), ("es", ""), ("s", ""), ("ed", ""), ("ed", "e"), ("ing", ""), ("ing", "e"),
    ("ly", ""), ("ers", ""), ("er", ""),
)


def _split_token(token: str) -> str:
    _, _, names = _lexicon()
    if token in names or len(token) > MAX_GLUED_TOKEN:
        return token
    parts = _BOUNDARY.split(token)
    out = [parts[0]]
    for part in parts[1:]:
        # Split only when the left part is a word and the right part is long
        # enough; otherwise keep gluing (McDonald, YouTube, SpaceX).
        if len(part) >= MIN_RIGHT_LETTERS and _is_word(out[-1]) and out[-1] not in names:
            out.append(part)
        else:
            out[-1] += part
    return " ".join(out)


def split_glued(text: str) -> str:
    """Insert the spaces a scraper lost. Leaves URLs, e-mail addresses and names alone."""
    if not any(hint in text for hint in _URL_HINTS):
        return _split_plain(text)
    pieces: list[str] = []
    last = 0
    for url in _URLISH.finditer(text):
        pieces.append(_split_plain(text[last:url.start()]))
        pieces.append(url.group())
        last = url.end()
    pieces.append(_split_plain(text[last:]))
    return "".join(pieces)


def _split_plain(text: str) -> str:
    if _LOWER_UPPER.search(text):
        text = _GLUED.sub(lambda m: _split_token(m.group()), text)
    if _PUNCT_LETTER.search(text):
        text = _GLUED_PUNCT.sub(lambda m: (m.group(1) or ",") + " ", text)
    return _GLUED_DIGIT.sub(r"\1 ", text) if _DIGIT_UPPER.search(text) else text
