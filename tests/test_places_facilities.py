"""Facilities as places (full name, anchored to their town) and descriptions ('the capital',
'the city', 'the province') resolved to the place the context names."""

import pytest

from sitrep.extract.gazetteer import get_gazetteer
from sitrep.extract.places import find_place_mentions
from sitrep.extract.places.candidates import capitalised_candidates


@pytest.fixture(scope="module")
def gaz():
    return get_gazetteer()


def _mentions(gaz, text, context=()):
    return find_place_mentions("d1", text, capitalised_candidates(text), gaz, list(context))


def _by_text(mentions, text):
    found = [m for m in mentions if m.text == text]
    assert found, f"no mention {text!r} in {[m.text for m in mentions]}"
    return found[0]


@pytest.mark.parametrize(
    ("text", "context", "facility", "town", "precision"),
    [
        ("Rebels overran Kuweires Air Base east of Aleppo.", ["SY"], "Kuweires Air Base", "Aleppo", 2),
        ("Jets struck Beirut's airport at dawn.", ["LB"], "Beirut's airport", "Beirut", 2),
        ("The army retook Base 12 near Hama on Friday.", ["SY"], "Base 12", "Hama", 2),
        ("Fighters seized the 5th Brigade's headquarters near Kherson.", ["UA"], "5th Brigade's headquarters",
         "Kherson", 2),
        ("The Arakan Army took Light Infantry Battalion 552 in Rakhine State.", ["MM"],
         "Light Infantry Battalion 552", "Rakhine", 3),
        ("The Northeastern Regional Command headquarters in Lashio fell on Thursday.", ["MM"],
         "Northeastern Regional Command headquarters", "Lashio", 2),
        ("Gunmen attacked the Zamzam refugee camp outside El Fasher.", ["SD"], "Zamzam refugee camp",
         "El Fasher", 2),
    ],
)
def test_places_facilities_full_name_anchored(gaz, text, context, facility, town, precision):
    m = _by_text(_mentions(gaz, text, context), facility)
    assert (m.precision, m.anchor) == (precision, town) and m.rule.startswith("facility:")


@pytest.mark.parametrize(
    ("text", "context", "description", "place", "precision"),
    [
        ("Fighting reached Sudan's capital on Monday.", ["SD"], "Sudan's capital", "Khartoum", 1),
        ("Drones were shot down over the capital overnight.", ["UA"], "the capital", "Kyiv", 1),
        ("Rebels entered Hama on Thursday. The city fell hours later.", ["SY"], "The city", "Ḩamāh", 1),
        ("Troops left Goma. Fighting spread across the province.", ["CD"], "the province", "North Kivu", 3),
    ],
)
def test_places_facilities_descriptions_resolve(gaz, text, context, description, place, precision):
    m = _by_text(_mentions(gaz, text, context), description)
    assert (m.place.name, m.precision) == (place, precision) and m.rule.startswith("description:")


@pytest.mark.parametrize(
    "text",
    ["The city council met on Monday in Odesa.", "The capital Kyiv was quiet.", "In the city of Homs, shops opened."],
)
def test_places_facilities_descriptions_not_modifiers(gaz, text):
    assert not [m for m in _mentions(gaz, text, ["UA", "SY"]) if m.rule.startswith("description:")]
