"""Event types other than territory: strikes, shelling, clashes, reinforcements, prison breaks."""

from __future__ import annotations

from datetime import date

import pytest

from sitrep.records import Article

pytestmark = pytest.mark.slow


def _events(text: str):
    from sitrep.extract.events import events_from_text

    return events_from_text(Article(id="t", text=text, content_hash="t", published=date(2024, 12, 5)))


@pytest.mark.parametrize("text,expected", [
    ("Russian airstrikes on Idlib killed nine people on Monday.", ("airstrike", "Idlib")),
    ("Israeli warplanes bombed Rafah overnight, the health ministry said.", ("airstrike", "Rafah")),
    ("Missile strikes hit Kharkiv early on Sunday.", ("shelling", "Kharkiv")),
    ("The town of Toretsk came under heavy shelling on Tuesday.", ("shelling", "Toretsk")),
    ("Fierce clashes broke out in El Fasher between the army and the RSF.", ("armed_clash", "El Fasher")),
    ("The army sent reinforcements to Goma, the largest city in the Democratic Republic of Congo.",
     ("reinforcement", "Goma")),
    ("Arakan Army fighters stormed the prison in Sittwe and freed hundreds of inmates.", ("prison_break", "Sittwe")),
    ("Sudanese government forces pulled out of Wad Madani on Friday.", ("withdrawal", "Wad Madani")),
])
def test_events_types(text, expected):
    assert expected in {(e.type, e.place.text) for e in _events(text)}


@pytest.mark.parametrize("text", [
    "Teachers began a general strike in Khartoum on Monday.",  # a labour strike
    "The field artillery college in Aleppo reopened.",  # a name, not fire
    "BEIRUT (LPA) - The talks on a ceasefire resumed.",  # a dateline is no event place
])
def test_events_types_negatives(text):
    assert _events(text) == []


def test_events_types_fatalities_from_same_sentence(extractor):
    from sitrep.extract.events import build_event_context, events_for_article
    from sitrep.extract.gazetteer import get_gazetteer
    from sitrep.extract.places import find_place_mentions
    from sitrep.extract.places.candidates import capitalised_candidates
    from sitrep.nlp import parse
    from sitrep.sentences import split_sentences

    text = "Russian airstrikes on Idlib killed at least 12 civilians on Monday, rescuers said."
    article = Article(id="t", text=text, content_hash="t", published=date(2024, 12, 5))
    claims = extractor.extract(article).claims
    sentences = split_sentences(text)
    places = find_place_mentions("t", text, capitalised_candidates(text), get_gazetteer(), ["SY"])
    ctx = build_event_context(article, claimants=extractor.claimants, countries=["SY"], sentences=sentences)
    events = events_for_article(ctx, zip(sentences, parse([s.text for s in sentences])), places, claims)
    killed = [c.id for c in claims if c.quantity == "killed"]
    assert killed and events and events[0].fatality_claims == killed


@pytest.mark.parametrize("text,expected", [
    # fired_at: what was fired at; drones are an air strike
    ("Hezbollah fighters fired mortars at Israeli positions in Metula on Tuesday.", ("shelling", "Metula")),
    ("Russian forces fired artillery at Kherson overnight, the regional governor said.", ("shelling", "Kherson")),
    ("The RSF fired grenade launchers at army positions in El Obeid.", ("shelling", "El Obeid")),
    ("The Houthis launched drones at Eilat, the Israeli military said.", ("airstrike", "Eilat")),
    # attacked_with
    ("An army post in Lashio was attacked with several rockets late on Friday.", ("shelling", "Lashio")),
    # a strike noun as the subject of a target verb, or followed by one
    ("Two airstrikes struck Rafah overnight, killing 12 people.", ("airstrike", "Rafah")),
    ("Israel launched strikes early on Friday targeting Tyre.", ("airstrike", "Tyre")),
    ("Drone attacks were carried out on two locations in Bahir Dar on Sunday.", ("airstrike", "Bahir Dar")),
    # the victims' place of "killed in the shelling"
    ("Two people in Kutkai were killed in the junta shelling, the TNLA said.", ("shelling", "Kutkai")),
    # clashes: "clashed with", "exchanged fire with"
    ("Police exchanged fire with gang members in Croix-des-Bouquets on Friday.", ("armed_clash", "Croix-des-Bouquets")),
    ("Sudanese troops clashed with RSF fighters in El Fasher on Monday.", ("armed_clash", "El Fasher")),
    ("Ukrainian units clashed with Russian troops near Pokrovsk.", ("armed_clash", "Pokrovsk")),
    # prison breaks: inmates fled after gangs stormed it
    ("Hundreds of inmates fled the prison in Croix-des-Bouquets after armed gangs stormed it.",
     ("prison_break", "Croix-des-Bouquets")),
    # withdrawals: a force leaving, forced out
    ("Soldiers fled Lashio on Sunday as the MNDAA advanced.", ("withdrawal", "Lashio")),
    ("Ukrainian forces drove Russian troops out of Kupiansk.", ("withdrawal", "Kupiansk")),
    # a number that is no distance leaves it a withdrawal (Syria 2015); "cleared X from" (Philippines, DR Congo)
    ("Kurdish forces drove Islamic State out of Kobani in January after a four-month battle.", ("withdrawal", "Kobani")),
    ("Soldiers cleared the last militants from the village of Darul Aman, the military said.",
     ("withdrawal", "Darul Aman")),
    ("Troops cleared the rebels from Bunia on Sunday.", ("withdrawal", "Bunia")),
])
def test_events_types_phrasings(text, expected):
    assert expected in {(e.type, e.place.text) for e in _events(text)}


@pytest.mark.parametrize("text", [
    "Ukrainian air defences shot down five drones over Kyiv.",  # downing drones is no strike
    "Residents were forced out of their homes in Goma.",  # displacement, not a withdrawal
    "Thousands of civilians fled El Fasher on Monday.",  # people fleeing are displaced, not a force
    "Syrian troops pushed rebels 20 kilometres from Hama.",  # a front line, not a withdrawal
    "Workers cleared the rubble from the road in Gaza City.",  # no force cleared out
    "GAZA STRIP, Occupied Palestine - Talks on a truce resumed on Sunday.",  # a dateline
])
def test_events_types_phrasings_negatives(text):
    assert not {(e.type, e.place.text) for e in _events(text) if e.type != "front_line"}


@pytest.mark.parametrize("text,place,winner", [
    # a withdrawal in front of a named side is a territory change to that side, marked inferred
    ("The Sudanese army withdrew from Sinja when RSF fighters advanced.", "Sinja", "opposition"),
    ("Russian forces pulled out of Kherson under pressure from the Ukrainian army.", "Kherson", "government"),
    ("The militants were forced out of Sirte by government forces.", "Sirte", "government"),
    ("Congolese troops abandoned Rutshuru after M23 attacks, residents said.", "Rutshuru", "opposition"),
])
def test_events_types_withdrawal_inferred_change(text, place, winner):
    events = _events(text)
    assert ("withdrawal", place) in {(e.type, e.place.text) for e in events}
    changes = [e for e in events if e.type == "territory_change"]
    assert [(e.place.text, e.winner) for e in changes] == [(place, winner)]
    assert changes[0].rule.startswith("territory_change:withdrawal_inferred(")


@pytest.mark.parametrize("text", [
    "Russian troops withdrew from Kherson, Ukraine's army said.",  # the speaker took nothing
    "The Sudanese army withdrew from Sinja to regroup.",  # no other side named
    # from a town's edge: nobody takes the town (Lebanon 2006, Ukraine-like)
    "Israeli soldiers pulled back from the edges of the Lebanese town of Bint Jbeil on Thursday, after Hezbollah "
    "fighters ambushed a patrol there.",
    "Russian troops withdrew from the outskirts of Kyiv as Ukrainian forces advanced.",
])
def test_events_types_withdrawal_alone(text):
    events = _events(text)
    assert {e.type for e in events} == {"withdrawal"}
