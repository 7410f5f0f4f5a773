"""A sentence's place mentions by parse token: the mentions the place step found, names the
article has already resolved found again ('Bakhmut' after 'the town of Bakhmut'), datelines left out."""

from __future__ import annotations

import re
from typing import Sequence

from ...sentences import Sentence
from ..doc_arrays import token_bounds
from ...records import PlaceMention
from ..spans import starting_in
from ..entry_labels import DATELINE_HEAD


# "BEIRUT (LPA) - ...", "Damascus - ...": where the story was filed, not where it happened.
_DATELINE_TAIL = re.compile(r"\s*(?:\([^)]{1,30}\)\s*)?[-–—:]\s")


def event_grade(m: PlaceMention) -> bool:
    """Whether a mention can be the place of an event: resolved below a state (a province,
    a town; precision set) or unresolved ("the villages of X and Y" no gazetteer knows).
    A state is too coarse for one, and a name inside an organisation's ("U.S. Senate") is
    no place at all."""
    return m.precision is not None or m.rule == "unresolved"


def place_index(doc, sentence: Sentence, places: Sequence[PlaceMention]) -> dict[int, PlaceMention]:
    """Token index -> event-grade place mention (countries excluded) of this sentence."""
    out: dict[int, PlaceMention] = {}
    # Unresolved mentions ("the villages of X and Y" that no gazetteer knows) still name the
    # place of an event; countries are too coarse for one.
    local = [m for m in starting_in(places, sentence.start, sentence.end)
             if event_grade(m) and not _is_dateline(m, sentence)]
    starts, ends = token_bounds(doc) if local else ((), ())
    for m in local:
        a, b = m.start - sentence.start, m.end - sentence.start
        for i, (start, end) in enumerate(zip(starts, ends)):
            if start < b and end > a:
                out[i] = m
    return out


# A capitalised word right after or before a known name: it is part of another name.
_NAME_GOES_ON = re.compile(r"[ -][A-Z][a-z]")
_NAME_WENT_ON = re.compile(r"[A-Z][a-z]+[ -]$")
# "Nagorno-Karabakh (NKR)": an abbreviation defined right after a place name.
_ABBREVIATION = re.compile(r"\s*\((?P<abbr>[A-Z][A-Za-z]{1,5})\)")


def known_name_mentions(places: Sequence[PlaceMention], text: str = "") -> dict[str, PlaceMention]:
    """The article's event-grade place names (name -> mention), with the abbreviations the
    article defines for them ("Nagorno-Karabakh (NKR)")."""
    names: dict[str, PlaceMention] = {}
    for m in places:
        if event_grade(m) and len(m.text) > 2 and m.text[:1].isupper():
            names.setdefault(m.text, m)
            abbr = _ABBREVIATION.match(text, m.end)
            if abbr and abbr.group("abbr").isupper():
                names.setdefault(abbr.group("abbr"), m)
    return names


def known_names(places: Sequence[PlaceMention], text: str = "") -> tuple[re.Pattern[str] | None, dict[str, PlaceMention]]:
    """The article's event-grade place names (a regex over them, and name -> mention)."""
    names = known_name_mentions(places, text)
    if not names:
        return None, names
    alts = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{alts})(?![\w-])"), names


def add_known_names(doc, sentence: Sentence, pidx: dict[int, PlaceMention],
                    known: tuple[re.Pattern[str] | None, dict[str, PlaceMention]]) -> None:
    """A name the article shows to be a place elsewhere is a place here too ("lost A, B and
    C", where only a later sentence cues A and B as towns): a copy of that mention at this
    spot (rule ``same-name:<rule>``) joins the sentence's index."""
    rx, names = known
    if rx is None:
        return
    taken = {m.start - sentence.start for m in pidx.values()}
    for hit in rx.finditer(sentence.text):
        if hit.start() in taken:
            continue  # the mention itself
        toks = [tok for tok in doc if tok.idx < hit.end() and tok.idx + len(tok.text) > hit.start()]
        if not toks or any(tok.i in pidx for tok in toks):
            continue
        if _NAME_GOES_ON.match(sentence.text, hit.end()) or _NAME_WENT_ON.search(sentence.text, 0, hit.start()):
            continue  # part of a longer name: "the Dnipro River", "Hama Military Airport"
        src = names[hit.group(0)]
        copy = PlaceMention(src.doc, src.text, sentence.start + hit.start(), sentence.start + hit.end(), src.place,
                            src.precision, f"same-name:{src.rule}", src.anchor)
        for tok in toks:
            pidx[tok.i] = copy




def _is_dateline(m: PlaceMention, sentence: Sentence) -> bool:
    if m.start == sentence.start and _DATELINE_TAIL.match(sentence.text, m.end - sentence.start):
        return True
    head = DATELINE_HEAD.match(sentence.text)
    return bool(head) and m.start - sentence.start < head.end()
