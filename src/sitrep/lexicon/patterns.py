"""Regex shapes for word lists: one alternation for many phrases, shaped as a trie.

Python's ``re`` tries the branches of a flat alternation one by one at every position, so a
list of hundreds of words costs milliseconds per article; the same words as a trie share
their prefixes and fail fast. Used for the lexicons' names (``extract/name_text.py``) and
for the words that pick the sentences worth parsing (``nlp.py``).
"""

from __future__ import annotations

import re
from typing import Callable, Iterable


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
