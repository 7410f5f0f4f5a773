"""Name lookup over cities, admin areas, countries and imported GeoNames places, with the
ranking and gating thresholds of a name's candidates (the layers built from the package's
files: ``layers.py``)."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from sitrep.lexicon.state_cache import cached_state
from sitrep.records import Place
from . import build_index, extra_db_path, index_path, open_readonly
from .layers import LAYERS, GazetteerLayers, layer_inputs, written_as_abbreviation
from .names import MIN_NAME_CHARS, normalise, skeleton, transliteration_rules


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

# GeoNames feature kinds in the order a bare name prefers them: "Lebanon" is
# the country before the town in Pennsylvania, "Hama" the city before the province.
FEATURE_ORDER = {"country": 0, "city": 1, "admin1": 2, "admin2": 3, "region": 4}

# Per-process memo of key lookups: articles repeat the same few names, and a
# bounded memo keeps memory flat over millions of articles.
_QUERY_MEMO_MAX = 50_000

# --------------------------------------------------------------------------- gazetteer


_DOTTED_INITIALS = re.compile(r"^(?:[A-Za-z]\.){2,}$")


@dataclass(frozen=True, slots=True)
class Candidate:
    """One gazetteer entry a name may refer to, and how the name matched it."""

    place: Place
    match: str  # "exact" | "skeleton"
    main: bool = False  # matched the place's own name, not one of its alternates


class Gazetteer(GazetteerLayers):
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
        layers = cached_state("gazetteer", layer_inputs(coords), lambda: self._build_layers(coords))
        for name in LAYERS:
            setattr(self, name, layers[name])
        self._memo: dict[tuple[str, int], list[Place]] = {}
        self._matches: dict[str, tuple[Candidate, ...]] = {}
        self._load_imported_admin1()

    # -- in-memory layers ------------------------------------------------------

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
        if key in self.abbreviations and written_as_abbreviation(name):
            return False  # "Ill.", "B.C.", "NSW"
        if key in self._short_keys and written_as_abbreviation(name):
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
        if key in self.abbreviations and written_as_abbreviation(stripped):
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
