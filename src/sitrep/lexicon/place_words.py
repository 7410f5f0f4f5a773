"""The English of place mentions: cue words, descriptions and abbreviations
(``data/gazetteer/place_words.json``, ``admin_names.json``, ``transliteration.json``)."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from .loader import read_json


@dataclass(frozen=True, slots=True)
class PlaceWords:
    """The English of place mentions (``data/gazetteer/place_words.json``)."""

    admin_suffixes: frozenset[str]
    cue_skips: frozenset[str]  # "control", "full" of "took full control of X"
    admin_nouns_before: frozenset[str]
    city_suffixes: frozenset[str]
    settlement_nouns: frozenset[str]
    prepositions: frozenset[str]
    verbs: frozenset[str]
    directions: frozenset[str]
    leading_modifiers: frozenset[str]
    descriptor_tails: frozenset[str]
    function_words: frozenset[str]
    name_type_words: frozenset[str]  # "Barangay" of "Barangay Talon-Talon": no part of the name
    name_heads: frozenset[str]
    description_modifiers: frozenset[str]
    actor_nouns: frozenset[str]
    facility_heads: frozenset[str]
    facility_modifiers: frozenset[str]
    unit_words: frozenset[str]
    descriptions: dict[str, tuple[str, ...]]
    articles: frozenset[str]
    list_joiner: re.Pattern[str]
    parenthesis_nouns: tuple[str, ...]  # "town" of "Lalibela town (North Wello, Amhara)"
    numbered_heads: frozenset[str]  # "Point" of "Point 5140": the number is part of the name
    of_name_heads: frozenset[str]  # "Palace" of "Palace of Justice": the name goes on after "of"
    fallen_after: re.Pattern[str]  # " fell" of "Konna fell to Ansar Dine": the name is a place
    lie_on_nouns: tuple[str, ...]  # "outskirts" of "<place>, on the outskirts of X"
    compass_points: tuple[str, ...]  # "north-east" of "<place>, north-east of X"


@functools.cache
def place_words() -> PlaceWords:
    w = read_json("gazetteer", "place_words.json")
    translit = read_json("gazetteer", "transliteration.json")
    return PlaceWords(
        admin_suffixes=frozenset(w["admin_suffixes"]),
        cue_skips=frozenset(w["cue_skips"]),
        admin_nouns_before=frozenset(w["admin_nouns_before"]),
        city_suffixes=frozenset(w["city_suffixes"]),
        settlement_nouns=frozenset(w["settlement_nouns"]),
        prepositions=frozenset(w["place_prepositions"]),
        verbs=frozenset(w["place_verbs"]),
        directions=frozenset(w["direction_relations"]),
        leading_modifiers=frozenset(w["leading_modifiers"]),
        descriptor_tails=frozenset(w["descriptor_tails"]),
        function_words=frozenset(w["function_words"]),
        name_type_words=frozenset(w["name_type_words"]),
        name_heads=frozenset(w["name_heads"]),
        description_modifiers=frozenset(w["description_modifiers"]),
        actor_nouns=frozenset(w["actor_nouns"]),
        facility_heads=frozenset(w["facility_heads"]),
        facility_modifiers=frozenset(w["facility_modifiers"]),
        unit_words=frozenset(w["unit_words"]),
        descriptions={k: tuple(v) for k, v in w["descriptions"].items()},
        articles=frozenset(translit["articles"]),
        list_joiner=re.compile(w["list_joiners"], re.IGNORECASE),
        parenthesis_nouns=tuple(w["parenthesis_nouns"]),
        numbered_heads=frozenset(w["numbered_heads"]),
        of_name_heads=frozenset(w["of_name_heads"]),
        # "Jhenida, to the north, was taken": an aside between the name and its verb
        fallen_after=re.compile(r"(?:\s*,[^,;]{1,40},)?\s+(?:" + "|".join(re.escape(x) for x in w["fallen_after"]) + r")\b"),
        lie_on_nouns=tuple(w["lie_on_nouns"]),
        compass_points=tuple(w["compass_points"]),
    )


@functools.cache
def dotted_abbreviations() -> frozenset[str]:
    """Dotted abbreviations that are place names ("Ill.", "W.Va.", "B.C."), spaces removed."""
    names = read_json("gazetteer", "admin_names.json")
    out = {a.replace(" ", "") for table in names["abbreviations"].values() for a in table if a.endswith(".")}
    return frozenset(out | set(names["name_prefixes"]))


@functools.cache
def place_name_prefixes() -> frozenset[str]:
    """Dotted abbreviations that begin a place name ("St.", "Mt.", "Ft.")."""
    return frozenset(read_json("gazetteer", "admin_names.json")["name_prefixes"])
