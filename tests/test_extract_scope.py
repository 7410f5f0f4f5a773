"""A claim's scope as written, read at extraction (``extract.scope_text``) and stored with
the claim; the reconcile stage puts it together with the claim's other fields."""

from __future__ import annotations

import pytest

from sitrep.extract.scope_text import find_regions, is_incident, read_scope
from sitrep.records import ScopeReading


def _at(sentence: str) -> int:
    """Offset of the first figure of a sentence."""
    return next(i for i, ch in enumerate(sentence) if ch.isdigit())


@pytest.mark.parametrize(
    ("sentence", "place", "source", "expected"),
    [
        # Syria: a list of places after "across" is a regional qualifier.
        ("The UN said 115,000 people were newly displaced across Idlib and northern Aleppo.", None, "United Nations",
         ScopeReading("idlib + northern aleppo", "Idlib and northern Aleppo", "idlib + northern aleppo")),
        # ... and stays the scope when extraction kept one place of the list ...
        ("The UN said 115,000 people were newly displaced across Idlib and northern Aleppo.", "Idlib", "United Nations",
         ScopeReading("idlib + northern aleppo", "Idlib and northern Aleppo", "idlib + northern aleppo")),
        # ... but not when the claim's place is another one.
        ("The UN said 115,000 people were newly displaced across Idlib and northern Aleppo.", "Homs", "United Nations",
         ScopeReading(None, None, "idlib + northern aleppo")),
        # Myanmar: two places with directions.
        ("OCHA said 200,000 people had fled across northern Rakhine and southern Chin.", None, "OCHA",
         ScopeReading("northern rakhine + southern chin", "northern Rakhine and southern Chin",
                      "northern rakhine + southern chin")),
        # Sudan: one strike at one named place is an incident; a bare place is no region.
        ("At least 40 people were killed in an RSF drone strike on a market in El Fasher, medics said.", None, "medics",
         ScopeReading(None, None, "el fasher", incident=True)),
        # Yemen: the same, the claimant a belligerent's ministry.
        ("An airstrike in Sanaa killed 7 people, the Houthi health ministry said.", None, "Houthi health ministry",
         ScopeReading(None, None, "sanaa", incident=True)),
        # Gaza: a running total is no incident; the war's own theatre is no region.
        ("More than 30,000 people have been killed in Gaza since the war began, the health ministry said.", None,
         "Gaza Health Ministry", ScopeReading(None, None, "gaza")),
        # Gaza: a hospital counting its own dead is a facility.
        ("Al-Shifa Hospital said 25 bodies had been brought in.", None, "Al-Shifa Hospital",
         ScopeReading(facility=True)),
    ],
)
def test_extract_scope_read(sentence, place, source, expected):
    assert read_scope(sentence, _at(sentence), place, source) == expected


@pytest.mark.parametrize(
    ("text", "keys", "qualified"),
    [
        ("across Idlib and the northern Aleppo countryside", ["idlib + northern aleppo"], [True]),
        ("in north-west Syria", ["north-west syria"], [True]),
        ("in Kharkiv", ["kharkiv"], [False]),
        ("near Bakhmut and in Donetsk", ["bakhmut", "donetsk"], [False, False]),
    ],
)
def test_extract_scope_regions(text, keys, qualified):
    hits = find_regions(text)
    assert [h.key for h in hits] == keys and [h.qualified for h in hits] == qualified


def test_extract_scope_regions_checks_names():
    """Every name of a list is checked against the gazetteer (here a stand-in)."""
    text = "across Northtown and Rivermouth"
    assert find_regions(text, is_place=lambda name: False) == []
    (hit,) = find_regions(text, is_place=lambda name: True)
    assert hit.key == "northtown + rivermouth" and hit.qualified


@pytest.mark.parametrize(
    ("sentence", "incident"),
    [
        ("A Russian missile strike on Odesa killed 9 people.", True),
        ("An ambush near Beni killed 12 soldiers, the army said.", True),
        ("In total 1,200 civilians have been killed in strikes since January.", False),
        ("The toll from the fighting rose to 300.", False),
    ],
)
def test_extract_scope_incident(sentence, incident):
    assert is_incident(sentence) is incident
