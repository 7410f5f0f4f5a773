"""Where a claimant alias found in a text stands, which decides whether it names the
claimant: the tail of a longer proper name ("Ansar al-Sunna Army" is no army of a state),
after a state's name ("Kenya Red Cross" is Kenya's society), half of a longer acronym ("IO"
of "SPLA-IO"). Read by ``claimants.ClaimantLexicon.find``."""

from __future__ import annotations

import re

from ..lexicon.claim_terms import demonym_words
from .name_text import word_before

# Characters left of a generic alias searched for a word of a longer name ("Ansar al-Sunna Army").
NAME_WORD_WINDOW = 40


def tail_of_name(text: str, start: int) -> bool:
    """Whether a match at ``start`` ends a longer proper name ("Ansar al-Sunna Army",
    "Baloch Liberation Army"): the word before has a capital and is no demonym or country
    ("the Syrian army" is Syria's)."""
    from .context import is_country_name

    found = word_before(text, start, max(0, start - NAME_WORD_WINDOW))
    if found is None:
        return False
    word_start, word = found
    if not any(ch.isupper() for ch in word) or word.lower() in ("the", "a", "an"):
        return False
    bare = re.sub(r"['’]s$", "", word)
    if bare.lower() in demonym_words() or is_country_name(bare):
        return False
    before = text[:word_start].rstrip()
    return bool(before) and before[-1] not in ".!?\n\"“"  # a capital that only starts a sentence is no name


# Kinds of international body whose name a state's name before it turns into a national
# body's ("Kenya Red Cross"); a state's army or ministry is that state's by the same words.
INTERNATIONAL_KINDS = frozenset({"ngo", "medical"})


def state_before(text: str, start: int) -> bool:
    """Whether the word right before ``start`` is a demonym or a country name."""
    from .context import is_country_name

    found = word_before(text, start, max(0, start - NAME_WORD_WINDOW))
    if found is None or not text[found[0] + len(found[1]):start].isspace():
        return False
    bare = re.sub(r"['’]s$", "", found[1])
    return bare.lower() in demonym_words() or is_country_name(bare)


def state_code_before(text: str, start: int) -> str | None:
    """The state (ISO-2) whose demonym, name or big city is the word right before ``start``
    ("Lebanese Civil Defence": LB), or None."""
    from .context import _lookup, country_names

    found = word_before(text, start, max(0, start - NAME_WORD_WINDOW))
    if found is None or not text[found[0] + len(found[1]):start].isspace() or not found[1][:1].isupper():
        return None
    return _lookup(country_names(), found[1].lower())


def glued_acronym(text: str, start: int, end: int) -> bool:
    """An acronym that is one half of a longer one ("DPA" in "CSP-DPA", "IO" in "SPLA-IO")."""
    before = text[max(0, start - 2):start]
    after = text[end:end + 2]
    return (len(before) == 2 and before[1] == "-" and before[0].isupper()) or (
        len(after) == 2 and after[0] == "-" and after[1].isupper() and not _national_section(text, end + 1))


_NEXT_WORD = re.compile(r"[A-Z][\w'’]*")


def _national_section(text: str, at: int) -> bool:
    """'MSF-Holland', 'MSF-Belgium': a body's national section, its country after the
    hyphen, is the body (set DC's Sudan report); "SPLA-IO" is another acronym."""
    from .context import is_country_name

    m = _NEXT_WORD.match(text, at)
    return m is not None and is_country_name(m.group(0)) and not m.group(0).isupper()
