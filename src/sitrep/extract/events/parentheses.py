"""Places in a parenthesis right after a name: they locate the name ("Mweso (Masisi, North
Kivu)", "Laiza (Waingmaw, Kachin)", as ACLED notes write every event), they are not places
of their own. Used by the event slots (``slots``) and the antecedents of "the town"
(``antecedents``)."""

from __future__ import annotations

import re

from ...lexicon.patterns import alternation
from ...lexicon.place_words import place_words
from ...records import PlaceMention
from ..doc_arrays import doc_text

# "Mweso (Masisi, North Kivu)", "Lalibela town (North Wello, Amhara)", "Laiza (Waingmaw,
# Kachin)": a name, maybe a settlement noun, then a parenthesis of the areas it lies in.
NAME_BEFORE_PAREN = re.compile(rf"[A-Z][\w'’-]*(?:\s+{alternation(place_words().parenthesis_nouns)})?\s*$")


def drop_parenthesised_locations(found: list[PlaceMention], pidx: dict[int, PlaceMention], doc,
                                 base: int) -> list[PlaceMention]:
    """'Mweso (Masisi, North Kivu)', 'Laiza (Waingmaw, Kachin)': the places in a parenthesis
    right after a name only locate it (ACLED notes write every event so). When the name
    itself is no place mention, they are kept (the nearest place there is)."""
    text = doc_text(doc)
    keep = []
    for m in found:
        rel = m.start - base
        opened = text.rfind("(", 0, rel)
        if opened >= 0 and ")" not in text[opened:rel] and NAME_BEFORE_PAREN.search(text, 0, opened):
            continue
        keep.append(m)
    return keep or found


def parenthesised(m: PlaceMention, text: str) -> bool:
    """A mention inside a parenthesis right after a name: 'Sudzha (Kursk)'."""
    opened = text.rfind("(", max(0, m.start - 60), m.start)
    return (opened >= 0 and ")" not in text[opened:m.start] and "\n" not in text[opened:m.start]
            and bool(NAME_BEFORE_PAREN.search(text, max(0, opened - 60), opened)))


def named_before_parenthesis(w, pidx: dict[int, PlaceMention]) -> bool:
    """A proper name followed by a parenthesis that holds a place: 'Laiza (Waingmaw, Kachin)'."""
    doc = w.doc
    k = w.i + 1
    if k < len(doc) and doc[k].lower_ in ("town", "city", "village", "township"):
        k += 1
    if k >= len(doc) or doc[k].text != "(":
        return False
    for j in range(k + 1, min(len(doc), k + 8)):
        if doc[j].text == ")":
            return False
        if j in pidx:
            return True
    return False
