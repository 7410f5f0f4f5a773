"""Stop 41: places of territory changes read from blind sets BJ and BK (Colombia 1998,
Afghanistan 1998, the 1988 Gulf war), each checked on sentences of other wars: a description
set beside a name is that place, a town named as where a speaker is no antecedent of "the
city", a person or a people in a slot is no place, a town's peninsula or valley is written with
its noun. Texts are the project's own."""

from __future__ import annotations

from datetime import date

import pytest

from sitrep.records import Article
from sitrep.store.flatten import event_row

pytestmark = pytest.mark.slow


def _places(text: str) -> list[str]:
    """The places as written of the text's territory changes."""
    from sitrep.extract import default_extractor

    article = Article(id="t", text=text, content_hash="t", published=date(2024, 12, 5))
    rows = [event_row(e) for e in default_extractor().extract(article).events if e.type == "territory_change"]
    return sorted({r["place_text"] for r in rows})


@pytest.mark.parametrize("text,expected", [
    # "Mitu, the capital of the department": Mitu, not the country's capital (Colombia, Sudan, Mali)
    ("VILLAVICENCIO, Nov 4 - Colombian troops regained control of Mitu, the capital of the Amazon department of "
     "Vaupes, late on Tuesday.", ["Mitu"]),
    ("KHARTOUM - The RSF seized Wad Madani, the capital of Gezira state, on Monday.", ["Wad Madani"]),
    ("BAMAKO - Jihadists overran Konna, the last town held by the army in the north, on Thursday.", ["Konna"]),
])
def test_events_a_description_beside_a_name_is_that_place(text, expected):
    assert _places(text) == expected


@pytest.mark.parametrize("text,expected", [
    # where a speaker is, not the city taken (Afghanistan 1998, DR Congo, Yemen)
    ("The Taliban captured Mazar-i-Sharif on Saturday. In Tehran, the foreign ministry said 11 diplomats had been "
     "missing since the militia overran the city.", ["Mazar-i-Sharif"]),
    ("M23 rebels entered Goma on Monday. Diplomats in Kinshasa said the city had fallen after a day of fighting.",
     ["Goma"]),
    ("The Houthis stormed Aden in March. In Riyadh, a coalition spokesman said the city had fallen.", ["Aden"]),
])
def test_events_a_speakers_seat_is_no_antecedent(text, expected):
    assert _places(text) == expected


@pytest.mark.parametrize("text,expected", [
    # a titled person and a people in a slot are no places (Afghanistan 1998, Philippines, Syria)
    ("In May last year, its fighters entered Mazar after the defection of an Uzbek commander, General Abdul "
     "Malik Pahlawan, but were driven out within days.", ["Mazar"]),
    ("The fall of Mazar, a mainly Uzbek and Hazara city, followed the capture of Shiberghan.",
     ["Mazar", "Shiberghan"]),
    # a title before one word may still open a place's name
    ("Rebel commander Hassan Abdulghani claimed the seizure of Sheikh Najjar, northeast of Aleppo.",
     ["Sheikh Najjar"]),
])
def test_events_people_in_a_slot_are_no_places(text, expected):
    assert _places(text) == expected


@pytest.mark.parametrize("text,expected", [
    # a town's peninsula or valley is another place, written with its noun (Iraq 1988, Pakistan, Georgia)
    ("BAGHDAD - Iraq said its forces had recaptured the Faw peninsula after 35 hours of fighting.",
     ["Faw peninsula"]),
    ("ISLAMABAD - The army said it had retaken the Swat valley from the Taliban.", ["Swat valley"]),
    # a town named alone stays as the gazetteer names it
    ("BAGHDAD - Iraqi troops recaptured Faw after 35 hours of fighting.", ["Faw"]),
])
def test_events_a_towns_land_feature_is_written_with_its_noun(text, expected):
    assert _places(text) == expected


@pytest.mark.parametrize("text,expected", [
    # a garrison's surrender given to a side is its town's capture (Cuba 1958, Mali)
    ("Rebels forced the surrender of the army garrison at Yaguajay on Wednesday.", ["Yaguajay"]),
    ("Government troops accepted the surrender of the rebel garrison in Kidal.", ["rebel garrison in Kidal"]),
    # a demand is no capture; a commander's surrender is no place (Ukraine, Sudan)
    ("The rebels demanded the surrender of Kharkiv.", []),
    ("The army demanded the surrender of the garrison in Homs.", []),
    ("Fighting resumed in Gezira a week after the surrender of RSF commander Abuagla Keikal.", []),
    # "taken" says a name no gazetteer knows is a place, as "took" does (Afghanistan 1998, Mali)
    ("The militia had also taken Hairatan on Sunday morning.", ["Hairatan"]),
    ("Jihadists had taken Tinzawatene by nightfall.", ["Tinzawatene"]),
    # ... and with the terrain noun after it, is written with it (Iran-PJAK)
    ("Iranian forces said they had taken control of the Jasosan heights near Sardasht.", ["Jasosan heights"]),
    # a people's name is no place, whatever cue comes before it (Cyprus 1974, Syria)
    ("Greek Cypriot forces had taken the Turkish Cypriot quarter of Limassol on Saturday.", ["Limassol"]),
])
def test_events_surrenders_demands_and_peoples(text, expected):
    assert _places(text) == expected


@pytest.mark.parametrize("text,expected", [
    # a capture verb in scare quotes is still the capture claimed (Bosnia 1995, Ukraine 2022)
    ('In a statement, the army said its units had "liberated" Srebrenica from Moslem fighters.', ["Srebrenica"]),
    ('Moscow said its forces had “liberated” Kherson on Friday.', ["Kherson"]),
    # a quoted word that is no capture verb is left as written
    ('Rebels called the town "free" after the army left.', []),
])
def test_events_scare_quoted_capture_verbs(text, expected):
    assert _places(text) == expected
