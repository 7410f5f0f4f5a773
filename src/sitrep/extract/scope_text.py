"""What a claim's sentence says of its scope, read when the claim is extracted.

The reconcile stage compares figures like-for-like only when they count the same thing
over the same area (``reconcile.scope``, whose docstring gives the whole rule). The parts
of that scope written in the text are read here and stored with the claim
(``records.ScopeReading``, columns ``scope_*``):

- **region**: a regional qualifier written near the figure: a preposition (across, in,
  throughout...) followed by a list of places ("across Idlib and northern Aleppo") or a
  place with a direction ("in north-west Syria"), every name checked against the
  gazetteer. A single bare place ("in Syria", "in Gaza") is not a qualifier: most tolls
  name the war's own theatre. When extraction gave the claim a place, only a written list
  holding that place counts ("across Idlib and northern Aleppo" for place Idlib). Area
  words ("countryside", "province") and "the" are dropped from the key, so "Idlib and the
  northern Aleppo countryside" = "Idlib and northern Aleppo".
- **place**: the first place named after a preposition, qualifier or not: where an
  incident count happened when no region is known.
- **incident**: incident words and no cumulative words in the sentence: a count of one
  strike or attack.
- **facility**: the claimant is one facility (a hospital, a health directorate:
  ``facility_words``), which is then the figure's region.

The words are the ``scope`` part of ``data/reconcile.json``.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Any, Callable

from ..lexicon.loader import read_json
from ..records import ScopeReading

RULES_FILE = "reconcile.json"


@functools.cache
def scope_words() -> dict[str, Any]:
    """The ``scope`` words of ``data/reconcile.json``, read once."""
    return read_json(RULES_FILE)["scope"]


def _alternation(words: list[str]) -> str:
    ordered = sorted(words, key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)


@functools.cache
def _patterns() -> dict[str, re.Pattern[str]]:
    s = scope_words()
    dirs = _alternation(s["directions"])
    areas = _alternation(s["area_words"])
    name = r"(?:[A-Z](?:[\w'’.-]*\w)?|(?:al|el|ez|ad|as|ar|an|at|ash|ad|de|du|des)-[\w'’-]+)"
    item = (
        rf"(?:the\s+)?(?:(?P<dir>(?i:{dirs}))\s+)?(?P<name>{name}(?:\s+{name}){{0,3}})"
        rf"(?:\s+(?i:{areas})\b)?"
    )
    return {
        "prep": re.compile(rf"\b(?:{_alternation(s['region_prepositions'])}|on|near|at)\s+"),
        "item": re.compile(item),
        "sep": re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s*&\s*)"),
        "incident": re.compile(rf"\b(?:{_alternation(s['incident_words'])})\b", re.IGNORECASE),
        "cumulative": re.compile(rf"\b(?:{_alternation(s['cumulative_words'])})\b", re.IGNORECASE),
        "facility": re.compile(rf"\b(?:{_alternation(s['facility_words'])})\b", re.IGNORECASE),
    }


@dataclass(frozen=True, slots=True)
class RegionHit:
    key: str
    text: str
    qualified: bool  # a list or a direction: a regional qualifier, not just a place


PlaceCheck = Callable[[str], bool]


@functools.cache
def _gazetteer_check() -> PlaceCheck:
    from .gazetteer import get_gazetteer

    gazetteer = get_gazetteer()
    return lambda name: bool(gazetteer.lookup(name))


def find_regions(text: str, is_place: PlaceCheck | None = None) -> list[RegionHit]:
    """Place lists after a preposition in ``text``, names checked with ``is_place``."""
    check = is_place or _gazetteer_check()
    p = _patterns()
    regional_preps = set(scope_words()["region_prepositions"])
    hits: list[RegionHit] = []
    for prep in p["prep"].finditer(text):
        items: list[tuple[str | None, str]] = []
        pos = prep.end()
        end = pos
        while (m := p["item"].match(text, pos)) is not None:
            if not check(m["name"]):
                break
            items.append((m["dir"].lower() if m["dir"] else None, m["name"]))
            end = m.end()
            sep = p["sep"].match(text, end)
            if sep is None:
                break
            pos = sep.end()
        if not items:
            continue
        word = prep.group(0).strip().lower()
        qualified = word in regional_preps and (len(items) > 1 or any(d for d, _ in items))
        key = " + ".join(sorted(f"{d} {n}".lower() if d else n.lower() for d, n in items))
        hits.append(RegionHit(key=key, text=text[prep.end():end], qualified=qualified))
    return hits


def is_incident(sentence: str) -> bool:
    """Incident words and no cumulative words: a count of one strike or attack."""
    p = _patterns()
    return bool(p["incident"].search(sentence)) and not p["cumulative"].search(sentence)


def is_facility(claimant: str | None) -> bool:
    """A claimant that is one facility (``facility_words``: a hospital, a directorate)."""
    return bool(claimant) and bool(_patterns()["facility"].search(claimant))  # type: ignore[arg-type]


def read_scope(sentence: str, at: int, place: str | None, source: str | None,
               is_place: PlaceCheck | None = None) -> ScopeReading:
    """The scope parts written in ``sentence`` for a figure at offset ``at`` of it, with the
    claim's ``place`` and claimant (``source``) as extraction set them (module docstring)."""
    s = scope_words()
    at = max(0, at)
    window = sentence[max(0, at - s["region_window_before"]): at + s["region_window_after"]]
    hits = find_regions(window, is_place)
    qualified = [h for h in hits if h.qualified]
    if place:  # extraction kept one place of a written list: the list is the scope
        qualified = [h for h in qualified if place.lower() in h.key]
    region = qualified[0] if qualified else None
    return ScopeReading(region=region.key if region else None, region_text=region.text if region else None,
                        place=hits[0].key if hits else None, incident=is_incident(sentence),
                        facility=is_facility(source))


__all__ = ["RegionHit", "find_regions", "is_facility", "is_incident", "read_scope", "scope_words"]
