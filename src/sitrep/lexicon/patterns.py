"""Regex shapes for word lists: one alternation for many phrases, shaped as a trie.

Python's ``re`` tries the branches of a flat alternation one by one at every position, so a
list of hundreds of words costs milliseconds per article; the same words as a trie share
their prefixes and fail fast. Used for the lexicons' names (``extract/name_text.py``) and
for the words that pick the sentences worth parsing (``nlp.py``).

Building a trie of the ~800 claimant or actor aliases in Python costs tens of milliseconds
at every start; a large one's pattern text is kept in the cache folder, keyed by its words
and by the source of the code that writes it (a changed rule never reads an old pattern).
"""

from __future__ import annotations

import hashlib
import os
import re
import sys
import tempfile
from pathlib import Path
from typing import Callable, Iterable

from .loader import cache_dir

# Capital letters a Latin-script name may start with, for a character class: A-Z and the
# accented capitals of Latin-1 and Latin Extended-A ("Ümit Dündar", "Łukasz", "Édouard":
# set DE's Turkish coup blog, where "[A-Z]" missed the acting chief of staff's name).
CAPITALS = "A-Z" + "".join(ch for ch in map(chr, range(0xC0, 0x17F)) if ch.isupper() and ch != "\u00d7")

# Below this many phrases a trie is built faster than its cache file is found and read.
MIN_CACHED_KEYS = 300


def _plain_char(ch: str) -> str:
    return r"\s+" if ch == " " else re.escape(ch)


def trie_pattern(keys: Iterable[str], char_pattern: Callable[[str], str] = _plain_char) -> str:
    """One alternation for many phrases, shaped as a trie (several times faster than a flat
    alternation of hundreds of names); ``char_pattern`` writes one character (by default a
    space matches any run of spaces).

    A node that ends a phrase and also continues makes its continuation optional and greedy,
    so the longest phrase at a position wins and backtracking falls back to the shorter one
    when what follows the longer one fails. "" when there are no keys.
    """
    keys = sorted(set(keys))  # the trie is the same whatever their order and repeats
    if len(keys) < MIN_CACHED_KEYS:
        return _build(keys, char_pattern)
    try:
        path: Path | None = _cache_path(keys, char_pattern)
    except (OSError, KeyError, AttributeError, TypeError):
        path = None  # no source to key it by (a frozen build): built every time
    if path is not None and path.exists():
        try:
            return path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            pass  # unreadable: built and written again below
    pattern = _build(keys, char_pattern)
    if path is not None:
        _store(path, pattern)
    return pattern


def _cache_path(keys: list[str], char_pattern: Callable[[str], str]) -> Path:
    """The cache file of a trie: keyed by this module's source, the source of the module
    that writes its characters, that writer's name, and the phrases."""
    key = hashlib.sha256(Path(__file__).read_bytes())
    key.update(Path(sys.modules[char_pattern.__module__].__file__).read_bytes())
    key.update(f"\0{char_pattern.__module__}.{char_pattern.__qualname__}\0".encode())
    key.update("\0".join(keys).encode("utf-8", "surrogatepass"))
    return cache_dir() / "trie" / f"{key.hexdigest()[:24]}.txt"


def _store(path: Path, pattern: str) -> None:
    try:  # written atomically: a concurrent run never reads half a file
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(pattern)
        os.replace(tmp, path)
    except OSError:
        pass  # a read-only cache is no error: the trie is built again next time


def _build(keys: Iterable[str], char_pattern: Callable[[str], str]) -> str:
    trie: dict = {}
    for key in keys:
        node = trie
        for ch in key:
            node = node.setdefault(ch, {})
        node[""] = True

    def emit(node: dict) -> str:
        branches = [char_pattern(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(trie)


def alternation(words: Iterable[str], any_space: bool = True) -> str:
    """A non-capturing group matching any of ``words`` (phrases too), shaped as a trie: how
    the stages write a word list of a data file into a regex whose shape stays in code. A
    space in a phrase matches any run of spaces, or, with ``any_space=False``, one space."""
    return "(?:" + trie_pattern(words, _plain_char if any_space else re.escape) + ")"


def word_alternation(words, prefix: str = r"\b", suffix: str = r"\b") -> str:
    """A flat alternation of ``words``, longest first, between word boundaries: for the short
    lists of the claim vocabulary, where a trie would not pay for itself."""
    return prefix + "(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + ")" + suffix
