"""Stop 50: one unknown word that ended an earlier name no gazetteer knows (not in a headline in
title case) is that person's surname, neither a place to anchor nor a place taken ("Mehrtens was seized ... at the Paro airstrip" after "pilot
Phillip Mehrtens"; set DH's Papua story), checked on sentences of other wars. Texts are the
project's own."""

from __future__ import annotations

from datetime import date

import pytest

from sitrep.records import Article

pytestmark = pytest.mark.slow


def _places(text: str) -> list[str]:
    from sitrep.extract.events import events_from_text

    article = Article(id="t", text=text, content_hash="t", published=date(2024, 12, 5))
    return [e.place.text for e in events_from_text(article) if e.type == "territory_change"]


@pytest.mark.parametrize("text", [
    # a person taken is no place taken (Papua, Nigeria-like, Burkina Faso, Niger)
    "The rebels freed New Zealand pilot Phillip Mehrtens on Saturday.\n\n"
    "Mehrtens was seized in February 2023 after landing at the Paro airstrip.",
    "Police named the kidnapped engineer as Adewale Okonjo.\n\nOkonjo was seized near the Kaduna bypass on Monday.",
    "Gunmen freed the Italian priest Pierluigi Maccalli after two years.\n\n"
    "Maccalli was seized in September 2018 at his mission in Bomoanga.",
    "The family of aid worker Jeffery Woodke appealed for news.\n\nWoodke was seized in October 2016 from his home "
    "in Abalak.",
])
def test_events_surname_of_an_unknown_name_is_no_place(text):
    assert _places(text) == []


@pytest.mark.parametrize("text,expected", [
    # a place named once in full and later by its last word alone stays a place when it is
    # no earlier name's last word (Syria-like, Ukraine-like)
    ("Fighters entered Tal Tamr on Monday.", ["Tal Tamr"]),
    ("The ministry said Pervomaiske was seized by Russian forces on Monday.", ["Pervomaiske"]),
    # a headline in title case names no person whose surname the place would be (DR Congo-like,
    # Burkina Faso-like)
    ("M23 Fighters Seize Kitchanga\n\nKitchanga was seized by the rebels on Sunday, residents said.", ["Kitchanga"]),
    ("Jihadists Overrun Outpost At Boulkessi\n\nBoulkessi was overrun on Monday, the army said.", ["Boulkessi"]),
])
def test_events_place_taken_stays_a_place(text, expected):
    assert _places(text) == expected
