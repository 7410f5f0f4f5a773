"""Territory changes: who took which place, one event per place of a list."""

from __future__ import annotations

from datetime import date

import pytest

from sitrep.records import Article

pytestmark = pytest.mark.slow


def _events(text: str, published: date = date(2024, 12, 5)):
    from sitrep.extract.events import events_from_text

    return events_from_text(Article(id="t", text=text, content_hash="t", published=published))


def _territory(text: str) -> dict[str, str | None]:
    return {e.place.text: e.winner for e in _events(text) if e.type == "territory_change"}


@pytest.mark.parametrize("text,expected", [
    # capture verbs: the subject's side gains the object
    ("Rebel fighters captured the town of Saraqeb in Idlib province on Monday.", {"Saraqeb": "opposition"}),
    ("Russian forces seized Avdiivka after months of fighting, Ukraine's army said.", {"Avdiivka": "foreign"}),
    # "fell to X": X gains
    ("The Sudanese city of Wad Madani fell to the RSF on Wednesday.", {"Wad Madani": "opposition"}),
    # a facility in a town changes hands under its own name (mapped at the town: test_events_territory_rules)
    ("The Sudanese army recaptured the presidential palace in Khartoum on Friday.",
     {"presidential palace": "government"}),
    # "captured it" points back to a town named earlier in the sentence
    ("Fighting raged for control of Bakhmut for months before Wagner fighters captured it.",
     {"Bakhmut": "foreign"}),
    # the actor's war says which country a town is in, even when no country is named
    ("RSF fighters overran the city of Wad Madani in December.", {"Wad Madani": "opposition"}),
    # a claimed capture is an event (with its claimant); a state abroad is a foreign force
    ("Russia claims to have captured Vuhledar, a claim Kyiv denied.", {"Vuhledar": "foreign"}),
    # "lost X to Y": Y gains
    ("The RSF lost the town of Singa to the army last month.", {"Singa": "government"}),
    ("The army said it had cleared the village of Tal Rifaat of RSF fighters.", {"Tal Rifaat": "government"}),
    # a list gives one event per place
    ("M23 rebels took control of several towns in North Kivu, including Rubaya, Masisi and Sake.",
     {"Rubaya": "opposition", "Masisi": "opposition", "Sake": "opposition"}),
    ("Ukrainian troops recaptured the villages of Robotyne and Verbove.",
     {"Robotyne": "government", "Verbove": "government"}),
    # losing control: the other side gains
    ("The army acknowledged that it had lost control of Kherson.", {"Kherson": "opposition"}),
    # a passive with its agent
    ("Homs was captured by the rebels late on Saturday.", {"Homs": "opposition"}),
])
def test_events_territory(text, expected):
    assert _territory(text) == expected


@pytest.mark.parametrize("text", [
    "Rebels captured five soldiers in Hama on Tuesday.",
    "Hama was quiet. The rebels captured it on Thursday.",  # "it" looks back only within its sentence
])
def test_events_territory_people_and_far_pronouns_take_no_town(text):
    assert _territory(text) == {}


@pytest.mark.parametrize("text,absent", [
    ("Insurgents captured Maarat al-Numan, south of Aleppo, on Friday.", "Aleppo"),  # a landmark
    ("Troops withdrew money and took documents from banks in Kharkiv.", "Kharkiv"),  # not territory
    ("The army captured 12 tanks near Bakhmut.", "Bakhmut"),  # a thing captured, not a place
    ("Rebels pushed towards Homs after they captured Rastan.", "Homs"),
])
def test_events_territory_not_landmarks(text, absent):
    assert absent not in _territory(text)


def test_events_territory_the_city_resolves_to_named_city():
    text = ("Fighting raged around Kupiansk all week. "
            "On Friday Russian troops entered the city, Ukrainian officials said.")
    events = [e for e in _events(text) if e.type == "territory_change"]
    assert [e.place.text for e in events] == ["Kupiansk"]
    assert "anaphora(city)" in events[0].rule


def test_events_territory_records_claimant_date_and_offsets():
    text = "The rebels captured Saraqeb on Tuesday, according to the Syrian Observatory for Human Rights."
    (event,) = [e for e in _events(text) if e.type == "territory_change"]
    assert event.source == "Syrian Observatory for Human Rights"
    assert event.date == date(2024, 12, 3) and event.date_rule == "weekday"
    assert text[event.start:event.end] == "captured"
    assert event.actor1 is not None and event.actor1.side == "opposition"
