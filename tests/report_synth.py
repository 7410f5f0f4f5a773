"""Synthetic extractions for report tests: no spaCy, any size, plus a hostile article.

Places are admin-1 centroids from the bundled gazetteer; text is generated here
(never copied from any corpus).
"""

from __future__ import annotations

import json
import random
from datetime import date, timedelta
from importlib import resources

from sitrep.extract.actors import load_actors
from sitrep.extract.readings import read_article
from sitrep.records import ActorRef, Article, Claim, Event, Extraction, Place, PlaceMention, content_id

HOSTILE = '<script>alert(1)</script><img src=x onerror=alert(1)>'
CLAIMANTS = [("Syrian Observatory for Human Rights", "monitor"), ("United Nations", "un"),
             ("Syrian Ministry of Health", "government"), ("White Helmets", "ngo")]
QUANTITIES = [("killed", "total"), ("killed", "civilians"), ("injured", "total"),
              ("displaced", "total"), ("killed", "rebels")]
TYPES = ["territory_change", "airstrike", "shelling", "armed_clash", "withdrawal"]
SIDES = [("Hayat Tahrir al-Sham", "opposition"), ("Syrian army", "government"), ("Russian air force", "foreign")]
START = date(2024, 11, 27)
# Filler vocabulary so synthetic articles are not near-copies of each other.
WORDS = ("residents convoy checkpoint village bridge hospital school market road river hills "
         "night morning officials witnesses families shelter supplies power water fuel bakery "
         "crossing district outskirts highway airport barracks mosque church camp clinic").split()


def _places(country: str = "SY") -> list[Place]:
    raw = (resources.files("sitrep") / "data" / "gazetteer" / "admin1.json").read_text(encoding="utf-8")
    areas = [a for a in json.loads(raw)["areas"] if a["country"] == country]
    return [Place(a["name"], a["lat"], a["lon"], country, a["name"], feature="admin1") for a in areas]


def extraction(i: int, rng: random.Random, places: list[Place], *, n_claims: int = 5, n_events: int = 2,
               hostile: bool = False) -> Extraction:
    day = START + timedelta(days=rng.randrange(30))
    doc = f"synth_{i:05d}"
    outlet = f"Outlet {i % 23}" + (f" {HOSTILE}" if hostile else "")
    sentences, claims, events = [], [], []
    offset = 0
    for k in range(n_claims):
        who, kind = CLAIMANTS[rng.randrange(len(CLAIMANTS))]
        quantity, category = QUANTITIES[k % len(QUANTITIES)]
        value = rng.randrange(5, 900) + (i // 50)
        lead = f"The {who} said " + (HOSTILE + " " if hostile else "")
        s = f"{lead}{value} people were {quantity} in the fighting on day {k}."
        start = offset + len(lead)
        claims.append(Claim(id=content_id(doc, "c", k), doc=doc, quantity=quantity, category=category,
                            value=value, low=None, high=None, qualifier="at least" if k % 2 else None,
                            source=who, source_kind=kind, sentence=s, start=start,
                            end=start + len(str(value)), sentence_start=offset, rule="synthetic",
                            as_of=day))
        sentences.append(s)
        offset += len(s) + 1
    for k in range(n_events):
        place = places[rng.randrange(len(places))]
        etype = TYPES[(i + k) % len(TYPES)]
        (a1, side1), (a2, side2) = rng.sample(SIDES, 2)
        s = f"{a1} forces {etype.replace('_', ' ')} near {place.name}."
        mention = PlaceMention(doc, place.name, offset + s.index(place.name),
                               offset + s.index(place.name) + len(place.name), place, 1, "synthetic")
        events.append(Event(id=content_id(doc, "e", k), doc=doc, type=etype, sentence=s,
                            start=offset, end=offset + len(a1), sentence_start=offset, rule="synthetic",
                            actor1=ActorRef(a1, side1), actor2=ActorRef(a2, side2),
                            winner=side1 if etype == "territory_change" else None, place=mention,
                            date=day, date_precision="day"))
        sentences.append(s)
        offset += len(s) + 1
    sentences.append(" ".join(rng.choice(WORDS) for _ in range(60)) + ".")
    text = " ".join(sentences)
    url = "javascript:alert(1)" if hostile else f"https://news.example.org/{doc}"
    title = f"Report {i}" + (f" {HOSTILE}" if hostile else "")
    article = Article(id=doc, text=text, content_hash=content_id(text), title=title, outlet=outlet,
                      published=day, url=url)
    # What extraction reads for the reconcile stage (scopes, named actors, labels), as a run would.
    return read_article(Extraction(article, claims, events, [e.place for e in events if e.place]), load_actors())


def extractions(n: int, *, seed: int = 7, hostile_every: int = 0, **kw: int):
    rng, places = random.Random(seed), _places()
    for i in range(n):
        yield extraction(i, rng, places, hostile=bool(hostile_every) and i % hostile_every == 0, **kw)
