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
    from sitrep.extract.places import capitalised_candidates, find_place_mentions
    from sitrep.nlp import parse, split_sentences

    text = "Russian airstrikes on Idlib killed at least 12 civilians on Monday, rescuers said."
    article = Article(id="t", text=text, content_hash="t", published=date(2024, 12, 5))
    claims = extractor.extract(article).claims
    sentences = split_sentences(text)
    places = find_place_mentions("t", text, capitalised_candidates(text), get_gazetteer(), ["SY"])
    ctx = build_event_context(article, claimants=extractor.claimants, countries=["SY"], sentences=sentences)
    events = events_for_article(ctx, zip(sentences, parse([s.text for s in sentences])), places, claims)
    killed = [c.id for c in claims if c.quantity == "killed"]
    assert killed and events and events[0].fatality_claims == killed
