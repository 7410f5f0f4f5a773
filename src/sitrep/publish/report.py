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
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from importlib import resources
from pathlib import Path
from typing import Any

import jinja2

from sitrep.publish import mapdata, report_reads as reads
from sitrep.publish import report_svg as svg
from sitrep.publish.pages import count
from sitrep.publish.report_charts import (
    LINE_COLORS, MAX_MAP_POINTS, SHAPE_PATHS, SIDE_COLORS, TYPE_COLORS, TYPE_SHAPES, static_map, stored_charts,
)
from sitrep.publish.report_views import current_estimates
from sitrep.backfill import ensure_reconciled
from sitrep.records import EVENT_TYPES
from sitrep.records.contradictions import Contradiction
from sitrep.records.framing import FramingRow
from sitrep.records.series import Estimate
from sitrep.records.rows import ArticleRow, ClaimRow, EventRow
from sitrep.store import Store, queries

DEFAULT_MAX_ROWS = 2000  # provenance rows and timeline events embedded; ~1 KB each in the page
MAX_CONTRADICTIONS = 60  # contradiction pairs shown side by side
MAX_FRAMING_ROWS = 300  # framing rows (most frequent labels first)
MAX_HEADLINE = 8  # headline cards; the rest go to the estimates table
# Contradictions shown most telling first: real disagreements before explained ones.
KIND_ORDER = ("genuine", "control", "partisan", "scope", "category", "update")
SAFE_URL_SCHEMES = ("http://", "https://")
URL_IN_CSS = re.compile(r"url\([^)]*\)")

_HERE = resources.files("sitrep.publish")


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


def _in_sentence(row: ClaimRow | EventRow, sentences: dict[str, int]) -> dict[str, Any]:
    """Where a row's figure or trigger is: its sentence (an index into the page's list of
    sentences, each given once) and the span within it."""
    s = sentences.setdefault(row.sentence, len(sentences))
    return {"s": s, "a": row.start - row.sentence_start, "b": row.end - row.sentence_start}


def _claim_row(c: ClaimRow, sentences: dict[str, int]) -> dict[str, Any]:
    return {"id": c.id, "q": c.quantity, "cat": c.category, "sub": c.subgroup, "v": c.value,
            "lo": c.low, "hi": c.high, "qual": c.qualifier, "src": c.source, "kind": c.source_kind,
            "doc": c.doc, "outlet": c.outlet, "pub": _iso(c.published), "asof": _iso(c.as_of),
            "rule": c.rule, "hist": c.historical, "unv": c.unverified, **_in_sentence(c, sentences)}


def _event_row(e: EventRow, sentences: dict[str, int]) -> dict[str, Any]:
    return {"id": e.id, "date": _iso(e.date), "type": e.type, "place": e.place, "a1": e.actor1,
            "a2": e.actor2, "win": e.winner, "doc": e.doc, "outlet": e.outlet, "src": e.source,
            "rule": e.rule, "fat": e.fatalities, **_in_sentence(e, sentences)}


def _contradiction_views(items: list[Contradiction], by_id: dict[str, ClaimRow | EventRow]) -> list[dict]:
    """Each side with its sentence cut around the figure or trigger it rests on."""
    out = []
    for x in items[:MAX_CONTRADICTIONS]:
        sides = []
        for side in (x.a, x.b):
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


@dataclass(slots=True)
class _CrossSource:
    """The report's share of the stored cross-source results, read as far as it is shown."""

    estimates: list[Estimate]
    contradictions: list[Contradiction]
    n_contradictions: int
    framing: list[FramingRow]
    n_framing: int
    charts: list[svg.Chart]

    @classmethod
    def read(cls, store: Store) -> _CrossSource:
        # The most telling first (KIND_ORDER), only those shown read in full; framing likewise.
        shown, n_contradictions = store.contradictions_page(limit=MAX_CONTRADICTIONS, kinds_first=KIND_ORDER)
        rows, n_framing = store.framing_page(limit=MAX_FRAMING_ROWS)
        return cls(current_estimates(store), list(shown), n_contradictions, list(rows), n_framing,
                   stored_charts(store))

    def claim_ids(self) -> set[str]:
        """The claims a chart or a contradiction rests on: listed first in the provenance."""
        wanted = {dot[4] for ch in self.charts for line in ch.lines for dot in line["dots"]}
        return wanted | {cid for x in self.contradictions[:MAX_CONTRADICTIONS] for cid in (x.a.ref, x.b.ref)}


def _map_section(store: Store, window: tuple[date, date] | None,
                 notes: list[str]) -> tuple[dict[str, Any] | None, dict[str, Any], svg.Basemap | None]:
    """(the Leaflet map's data, the page script's map data, the SVG basemap): the Leaflet map
    when its package is installed, else a static drawing (and a note saying so)."""
    if mapdata.vendor_available():
        kept, totals = reads.map_events(store, window)
        leaflet_map = mapdata.map_view(kept, {}, window=window, totals=totals)
        leaflet_map.update(sides=SIDE_COLORS, shapes=SHAPE_PATHS, types=TYPE_SHAPES)
        return leaflet_map, {"points": [], "days": leaflet_map["days"]}, None
    notes.append("map: Leaflet is not installed (pip install xstatic-leaflet "
                 "xstatic-leaflet-markercluster), so the map is a static drawing.")
    return None, *static_map(reads.events(store, *reads.present(window)))


def _shown_notes(n_claims: int, n_shown_claims: int, n_events: int, n_shown_events: int,
                 map_payload: dict[str, Any]) -> list[str]:
    """What the page lists only part of, and where the rest is."""
    notes = []
    if n_claims > n_shown_claims:
        notes.append(f"Provenance lists {n_shown_claims:,} of {n_claims:,} claims (every figure "
                     "shown above first, then the largest); `sitrep export claims` has them all.")
    if n_events > n_shown_events:
        notes.append(f"The event list holds {n_shown_events:,} of {n_events:,} events (control "
                     "changes first, then the latest); the map and timeline count them all.")
    if map_payload.get("dropped_points"):
        notes.append(f"The map keeps the {MAX_MAP_POINTS:,} largest place/type/side/day groups.")
    return notes


def collect(store: Store, *, title: str | None, max_rows: int) -> tuple[dict[str, Any], dict[str, Any]]:
    """(template context, JSON payload for the page script). The cross-source sections
    read the reconcile stage's stored results (brought up to date first when they are
    not: ``ensure_reconciled``); nothing of that layer is computed here. Claims and events
    are read as far as they are shown; the database counts the rest."""
    ensure_reconciled(store)
    notes: list[str] = []
    n_claims = count(store, "SELECT count(*) FROM claims")
    n_events = count(store, "SELECT count(*) FROM events")
    articles: list[ArticleRow] = store.articles()
    window = reads.period_window(articles)
    cov = reads.coverage(store, articles, window)
    cross = _CrossSource.read(store)
    sentences: dict[str, int] = {}
    shown_claims = [_claim_row(c, sentences) for c in reads.pick_claims(store, n_claims, cross.claim_ids(), max_rows)]
    shown_events = [_event_row(e, sentences) for e in reads.pick_events(store, n_events, max_rows)]
    leaflet_map, map_payload, basemap = _map_section(store, window, notes)
    notes += _shown_notes(n_claims, len(shown_claims), n_events, len(shown_events), map_payload)
    doc_ids = {r["doc"] for r in shown_claims} | {r["doc"] for r in shown_events}
    payload = {
        "claims": shown_claims, "events": shown_events, "sentences": list(sentences),
        "articles": {a.id: [a.title, a.outlet, _iso(a.published), _safe_url(a.url)]
                     for a in articles if a.id in doc_ids},
        "map": map_payload, "sides": SIDE_COLORS, "types": TYPE_SHAPES, "shapes": SHAPE_PATHS,
        "type_colors": TYPE_COLORS,
    }
    published = sorted(a.published for a in articles if a.published)
    refs = sorted({side.ref for x in cross.contradictions for side in (x.a, x.b)})
    context = {
        "title": title or "Situation report",
        "generated": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "counts": {"articles": len(articles), "claims": n_claims, "events": n_events,
                   "outlets": len({a.outlet for a in articles if a.outlet}),
                   "contradictions": cross.n_contradictions},
        "period": (published[0], published[-1]) if published else None,
        "headline": [e for e in cross.estimates if e.best is not None][:MAX_HEADLINE],
        "estimates": cross.estimates, "charts": cross.charts, "basemap": basemap,
        "timeline": svg.timeline(reads.timeline(store, window), EVENT_TYPES), "event_types": EVENT_TYPES,
        "type_colors": TYPE_COLORS, "type_shapes": TYPE_SHAPES, "shape_paths": SHAPE_PATHS, "side_colors": SIDE_COLORS,
        "contradictions": _contradiction_views(cross.contradictions, reads.rows_by_id(store, refs)),
        "n_contradictions": cross.n_contradictions, "framing": cross.framing, "n_framing": cross.n_framing,
        "notes": notes, "quantities": _distinct(store, "SELECT DISTINCT quantity FROM claims ORDER BY 1"),
        "claimants": _distinct(store, "SELECT DISTINCT source FROM claims WHERE source IS NOT NULL ORDER BY 1"),
        "n_shown_claims": len(shown_claims), "n_shown_events": len(shown_events),
        "leaflet_map": leaflet_map, "coverage": reads.coverage_notes(cov),
        "history_events": reads.history_events(store, window), "n_history_events": cov["history_events"],
        "historical_claims": reads.historical_claims(store), "window": window,
    }
    return context, payload


def _distinct(store: Store, sql: str) -> list[Any]:
    return queries.column(store.connection, sql)


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

    headline: list[Estimate]
    charts: list[svg.Chart]
    map: dict[str, Any] | None
    coverage: list[str]
    line_colors: tuple[str, ...] = LINE_COLORS


def dashboard(store: Store) -> Dashboard:
    """What the web overview shows, read as the report reads it (no framing or
    contradictions: those have pages of their own). The stored results must be up to date
    (``ensure_reconciled``; the web app sees to it before it calls this)."""
    articles: list[ArticleRow] = store.articles()
    current = [e for e in current_estimates(store) if e.best is not None]
    window = reads.period_window(articles)
    view = None
    if mapdata.vendor_available() and count(store, "SELECT count(*) FROM events WHERE lat IS NOT NULL"):
        kept, totals = reads.map_events(store, window)
        view = mapdata.map_view(kept, {}, window=window, totals=totals)
        view.update(sides=SIDE_COLORS, shapes=SHAPE_PATHS, types=TYPE_SHAPES)
    return Dashboard(current[:MAX_HEADLINE], stored_charts(store), view,
                     reads.coverage_notes(reads.coverage(store, articles, window)))
