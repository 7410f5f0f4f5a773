"""Places and winners of uprisings and crackdowns: an intersection, a square or a roundabout
taken is the place as written with its noun; protesters and rioters who take a place win it
for the opposition, officers and "the armed police" for the state, "rebel officers" for the
rebels (stop 30: read from sets Y and Z, Bangkok 2010, Bishkek 2010, Dhaka 2024, Ulaanbaatar
2008; checked on dev2, the seeds and sets J-X). Texts are the project's own."""

from __future__ import annotations

from datetime import date

import pytest

from sitrep.records import Article

pytestmark = pytest.mark.slow


def _changes(text: str) -> list[tuple[str, str | None]]:
    from sitrep.extract.events import events_from_text

    article = Article(id="t", text=text, content_hash="t", published=date(2024, 12, 5))
    return [(e.place.text, e.winner) for e in events_from_text(article) if e.type == "territory_change"]


@pytest.mark.parametrize("text,expected", [
    # an open place of a city, with its noun (Thailand 2010, Mongolia 2008, Egypt 2013)
    ("At 13.30 hrs officers took control of the Ratchaprasong intersection.",
     [("Ratchaprasong intersection", "government")]),
    ("Around midnight police regained control of Sukhbaatar square.", [("Sukhbaatar square", "government")]),
    ("Troops took control of Rabaa al-Adawiya square in Nasr City.", [("Rabaa al-Adawiya square", "government")]),
])
def test_events_an_open_place_of_a_city(text, expected):
    assert _changes(text) == expected


@pytest.mark.parametrize("text,expected", [
    # crowds win what they take for the opposition (Bangladesh 2024, Kyrgyzstan 2010)
    ("Protesters have taken control of Jatrabari police station after a day-long battle.",
     [("Jatrabari police station", "opposition")]),
    ("Demonstrators seized Ala-Too square on Tuesday.", [("Ala-Too square", "opposition")]),
    # ... a side word before a generic force noun is that side's (Sudan, Mali)
    ("Rebel officers took control of the airport in Kassala.", [("Kassala airport", "opposition")]),
    ("Insurgent troops took control of the airport in Gao.", [("Gao airport", "opposition")]),
    # ... an article before "armed police" backs no one: the state's police (China 2009)
    ("The armed police regained control of the Erdaoqiao area on Monday night.", [("Erdaoqiao", "government")]),
])
def test_events_who_wins_a_place_taken(text, expected):
    assert _changes(text) == expected
