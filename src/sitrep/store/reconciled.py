"""The reconcile stage's stored results (tables ``recon_*``, migration 6): rows out of the
records of ``sitrep.reconcile`` and records back out of rows, built by column name.

Readers (``Store.series()``, ``Store.contradictions()``, ...) only read these tables; the
stage (``sitrep.reconcile.stage``) writes them. Every read returns the records the
compute functions return, in the same order, so a reader cannot tell a stored result from
a fresh one (``tests/test_reconcile_stage.py`` checks that they are equal).

Orders: series largest first, then by key; points by date within a series; estimates by
quantity, category, subgroup, scope and date; contradictions by kind, subject, first date
and id; copy groups largest first; stories largest first, then the earliest; framing by
outlet, voice, side, uses and label.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar

import duckdb

from sitrep.store.queries import Where

# The records' modules are imported where a read needs them: reading series does not load
# copy detection or the actor lexicon (a `sitrep series` starts in a fraction of a second).
if TYPE_CHECKING:
    from sitrep.reconcile.contradictions import Contradiction, ContradictionRow
    from sitrep.reconcile.copies import CopyGroup, CopyRow
    from sitrep.reconcile.framing import DocSlot, FramingRow, OutletFraming
    from sitrep.reconcile.scope import Scope
    from sitrep.reconcile.series import Estimate, Series, SeriesPoint, SeriesPointRow
    from sitrep.reconcile.stories import Story

R = TypeVar("R")
Con = duckdb.DuckDBPyConnection

# Every table of the stage, cleared together when its results are rebuilt from scratch.
TABLES = ("recon_docs", "recon_claims", "recon_control", "recon_copies", "recon_series", "recon_points", "recon_reports",
          "recon_estimates", "recon_contradictions", "recon_story_docs", "recon_stories",
          "recon_framing_docs", "recon_framing", "recon_outlets")

SERIES_ORDER = "n_points DESC, key"
POINT_ORDER = "n_points DESC, series, idx"
ESTIMATE_ORDER = "quantity, category, coalesce(subgroup, ''), scope, as_of"
CONTRADICTION_ORDER = "kind_rank, subject, coalesce(a_date, DATE '0001-01-01'), id"
COPY_ORDER = 'group_size DESC, "group", canonical DESC, similarity DESC, doc'
STORY_ORDER = "n_docs DESC, coalesce(\"start\", DATE '9999-12-31'), id"
FRAMING_ORDER = "outlet, voice <> 'outlet', side_rank, count DESC, label, actor, outlet_known"


def records(con: Con, sql: str, params: Sequence[Any], make: Callable[[dict[str, Any]], R]) -> list[R]:
    """Rows of a query as records: ``make`` gets each row as column name -> value."""
    cursor = con.execute(sql, list(params))
    names = [d[0] for d in cursor.description]
    return [make(dict(zip(names, row))) for row in cursor.fetchall()]


def pick(row: dict[str, Any], cls: type) -> dict[str, Any]:
    """The entries of ``row`` that are fields of the dataclass ``cls``."""
    return {name: row[name] for name in cls.__dataclass_fields__ if name in row}


def _in(column: str, values: Iterable[str] | None) -> tuple[str, list[Any]]:
    """A join keeping the rows whose ``column`` is one of ``values`` (None: every row); a
    hash join, so thousands of values cost no more than a few."""
    if values is None:
        return "", []
    return (f" SEMI JOIN (SELECT unnest(CAST(? AS VARCHAR[])) AS _v) _f ON _f._v = {column}",
            [sorted(set(values))])


# -- copies -------------------------------------------------------------------------------

def copy_rows_of(groups: Iterable[CopyGroup]) -> list[dict[str, Any]]:
    rows = []
    for g in groups:
        size = len(g.members)
        rows.append({"group": g.canonical, "doc": g.canonical, "outlet": g.canonical_outlet,
                     "published": g.published, "canonical": True, "similarity": 1.0, "containment": 1.0,
                     "group_size": size})
        rows.extend({"group": g.canonical, "doc": m.doc, "outlet": m.outlet, "published": None,
                     "canonical": False, "similarity": m.similarity, "containment": m.containment,
                     "group_size": size} for m in g.members)
    return rows


def copy_groups(con: Con) -> list[CopyGroup]:
    from sitrep.reconcile.copies import CopyGroup, CopyMember

    groups: dict[str, CopyGroup] = {}
    for row in records(con, f"SELECT * FROM recon_copies ORDER BY {COPY_ORDER}", [], dict):
        if row["canonical"]:
            groups[row["group"]] = CopyGroup(row["doc"], row["outlet"], row["published"])
        else:
            groups[row["group"]].members.append(CopyMember(row["doc"], row["outlet"], row["similarity"],
                                                           row["containment"]))
    return list(groups.values())


def copy_map(con: Con) -> dict[str, str]:
    """doc -> canonical doc of every article in a copy group (``copies.copy_map``)."""
    return dict(con.execute('SELECT doc, "group" FROM recon_copies').fetchall())


def copy_group_count(con: Con) -> int:
    return int(con.execute("SELECT count(*) FROM recon_copies WHERE canonical").fetchone()[0])


def copy_rows(con: Con) -> list[CopyRow]:
    from sitrep.reconcile.copies import CopyRow

    return records(con, f'SELECT * FROM recon_copies ORDER BY {COPY_ORDER}', [],
                   lambda r: CopyRow(**pick(r, CopyRow)))


# -- series -------------------------------------------------------------------------------

def scope_of_row(row: dict[str, Any]) -> Scope:
    from sitrep.reconcile.scope import Scope

    return Scope(row["era"], row["region"], row["region_text"], row["period"], row["incident"],
                 row["period_start"])


def point_figure(p: SeriesPoint) -> str:
    """What an estimate reads of a point: its date and figure."""
    return f"{p.as_of}|{p.value}|{p.low}|{p.high}|{p.qualifier}"


def point_fingerprint(p: SeriesPoint) -> str:
    """What a contradiction shows of a point but the list of its articles: its date and
    figure, and its first report. Points of equal fingerprints and equal ``docs`` make
    equal contradictions; when only ``docs`` differ (a figure reported again), so do the
    contradictions' lists of articles, and nothing else."""
    from sitrep.records import content_id

    first = p.reports[0] if p.reports else None
    return content_id(point_figure(p), *((first.doc, first.outlet, first.sentence, first.claim_id) if first else ()))


def series_rows_of(series: Iterable[Series], block: Callable[[Series], str],
                   bucket: Callable[[Series, SeriesPoint], int | None]) -> tuple[list, list, list]:
    """(series, points, reports) rows of ``series``; ``block`` and ``bucket`` say where a
    series and each of its points are compared for contradictions."""
    from sitrep.reconcile.series import SeriesPointRow, estimate_group, to_rows

    s_rows, p_rows, r_rows = [], [], []
    for s in series:
        n = len(s.points)
        where = block(s)
        s_rows.append({"key": s.key, "block": where, "estimate_group": estimate_group(s), "name": s.name,
                       "scope": s.scope.key, "n_reports": sum(len(p.reports) for p in s.points),
                       "claimant": s.claimant, "claimant_kind": s.claimant_kind, "quantity": s.quantity,
                       "category": s.category, "subgroup": s.subgroup, "outlet": s.outlet, "era": s.scope.era,
                       "region": s.scope.region, "region_text": s.scope.region_text, "period": s.scope.period,
                       "incident": s.scope.incident, "period_start": s.scope.period_start, "n_points": n})
        for idx, (point, flat) in enumerate(zip(s.points, to_rows([s]))):
            p_rows.append({**{name: getattr(flat, name) for name in SeriesPointRow.__dataclass_fields__},
                           "idx": idx, "n_points": n, "block": where, "bucket": bucket(s, point),
                           "fingerprint": point_fingerprint(point), "figure": point_figure(point)})
            r_rows.extend({"series": s.key, "point": idx, "idx": j, "doc": r.doc, "outlet": r.outlet,
                           "published": r.published, "claim_id": r.claim_id, "sentence": r.sentence,
                           "value": r.value, "qualifier": r.qualifier, "copies": list(r.copies)}
                          for j, r in enumerate(point.reports))
    return s_rows, p_rows, r_rows


def series_of_row(row: dict[str, Any]) -> Series:
    """A stored series without its points."""
    from sitrep.reconcile.series import Series

    return Series(row["key"], row["claimant"], row["claimant_kind"], row["quantity"], row["category"],
                  row["subgroup"], scope_of_row(row), outlet=row["outlet"])


def series(con: Con, *, keys: Iterable[str] | None = None, blocks: Iterable[str] | None = None,
           groups: Iterable[str] | None = None, reports: bool = True) -> list[Series]:
    """Stored series (all, or those of the given keys, blocks or estimate groups), largest
    first; ``reports=False``: points without their reports (what estimates read)."""
    from sitrep.reconcile.series import Report, SeriesPoint

    if keys is not None:
        where, params = _in("key", keys)
    elif blocks is not None:
        where, params = _in("block", blocks)
    else:
        where, params = _in("estimate_group", groups)
    found: dict[str, Series] = {}
    for row in records(con, f"SELECT * FROM recon_series{where} ORDER BY {SERIES_ORDER}", params, dict):
        found[row["key"]] = series_of_row(row)
    if not found:
        return []
    # Points and reports of the chosen series only (a semi join on the same filter).
    sub = f" SEMI JOIN (SELECT key FROM recon_series{where}) _k ON _k.key = t.series" if where else ""
    points: dict[tuple[str, int], SeriesPoint] = {}
    for row in con.execute(f"SELECT t.series, t.idx, t.as_of, t.value, t.low, t.high, t.qualifier "
                           f"FROM recon_points t{sub} ORDER BY t.series, t.idx", params).fetchall():
        point = SeriesPoint(row[2], row[3], row[4], row[5], row[6])
        found[row[0]].points.append(point)
        points[(row[0], row[1])] = point
    if not reports:
        return list(found.values())
    for r in records(con, f"SELECT t.* FROM recon_reports t{sub} ORDER BY t.series, t.point, t.idx", params, dict):
        points[(r["series"], r["point"])].reports.append(Report(
            r["doc"], r["outlet"], r["published"], r["claim_id"], r["sentence"], r["value"], r["qualifier"],
            list(r["copies"] or [])))
    return list(found.values())


def series_page(con: Con, *, quantity: str | None = None, source: str | None = None,
                limit: int | None = None) -> tuple[list[Series], int]:
    """(series, how many match): those of ``quantity`` whose claimant holds ``source`` (any
    case), with the most points first, then by claimant; only the page is read in full."""
    where = Where()
    where.equal("quantity", quantity)
    if source:
        where.contains_ci("claimant", source)
    total = con.execute(*where.sql("SELECT count(*) FROM recon_series", "1", None, 0)).fetchone()[0]
    sql, params = where.sql("SELECT key FROM recon_series", "n_points DESC, coalesce(claimant, ''), key", limit, 0)
    keys = [r[0] for r in con.execute(sql, params).fetchall()]
    found = {s.key: s for s in series(con, keys=keys)}
    return [found[k] for k in keys], int(total)


@dataclass(slots=True)
class SeriesLine:
    """A series as `sitrep series` lists it: what it counts and its latest points."""

    key: str
    claimant: str | None
    quantity: str
    category: str
    subgroup: str | None
    scope_text: str
    n_points: int
    points: list[Any]  # its latest points (``series.SeriesPointRow``), oldest first


def series_lines(con: Con, *, quantity: str | None = None, source: str | None = None,
                 limit: int | None = None, last: int = 12) -> tuple[list[SeriesLine], int]:
    """``series_page`` for a table: each series with only its ``last`` points (flat, with
    their number of reports), so a page of long series reads a few rows each."""
    from sitrep.reconcile.series import SeriesPointRow

    where = Where()
    where.equal("quantity", quantity)
    if source:
        where.contains_ci("claimant", source)
    total = con.execute(*where.sql("SELECT count(*) FROM recon_series", "1", None, 0)).fetchone()[0]
    sql, params = where.sql("SELECT key, claimant, quantity, category, subgroup, n_points FROM recon_series",
                            "n_points DESC, coalesce(claimant, ''), key", limit, 0)
    lines = {r[0]: SeriesLine(r[0], r[1], r[2], r[3], r[4], "", r[5], []) for r in con.execute(sql, params).fetchall()}
    if lines:
        rows = records(con, f"""
            SELECT p.* FROM recon_points p
            SEMI JOIN (SELECT unnest(CAST(? AS VARCHAR[])) AS k) f ON f.k = p.series
            WHERE p.idx >= p.n_points - ? ORDER BY p.series, p.idx""", [list(lines), last],
            lambda r: SeriesPointRow(**pick(r, SeriesPointRow)))
        for row in rows:
            line = lines[row.series]
            line.points.append(row)
            line.scope_text = row.scope_text
    return list(lines.values()), int(total)


def chart_candidates(con: Con) -> list[dict[str, Any]]:
    """Per series: quantity, category, scope, the claimant label parts and how many of its
    points can be drawn (a date and a figure): what picking the report's charts needs."""
    return records(con, """
        SELECT s.key, s.quantity, s.category, s.subgroup, s.claimant, s.outlet, s.scope, s.n_points,
               count(p.series) AS drawable
        FROM recon_series s LEFT JOIN recon_points p
             ON p.series = s.key AND p.as_of IS NOT NULL AND coalesce(p.value, p.low) IS NOT NULL
        GROUP BY ALL ORDER BY s.n_points DESC, s.key""", [], dict)


def series_point_rows(con: Con) -> list[SeriesPointRow]:
    """Every point flat (``series.to_rows`` of every series), for exports and the web app."""
    from sitrep.reconcile.series import SeriesPointRow

    return records(con, f"SELECT * FROM recon_points ORDER BY {POINT_ORDER}", [],
                   lambda r: SeriesPointRow(**pick(r, SeriesPointRow)))


# -- estimates ------------------------------------------------------------------------------

def estimate_rows_of(items: Iterable[Estimate], group: str) -> list[dict[str, Any]]:
    from sitrep.reconcile.series import Estimate

    return [{**{name: getattr(e, name) for name in Estimate.__dataclass_fields__}, "estimate_group": group}
            for e in items]


def _estimate(r: dict[str, Any]) -> Estimate:
    from sitrep.reconcile.series import Estimate

    return Estimate(**{**pick(r, Estimate), "sources": list(r["sources"] or [])})


def estimates(con: Con) -> list[Estimate]:
    return records(con, f"SELECT * FROM recon_estimates ORDER BY {ESTIMATE_ORDER}", [], _estimate)


def estimates_page(con: Con, *, quantity: str | None = None, limit: int | None = None) -> tuple[list[Estimate], int]:
    where = Where()
    where.equal("quantity", quantity)
    total = con.execute(*where.sql("SELECT count(*) FROM recon_estimates", "1", None, 0)).fetchone()[0]
    sql, params = where.sql("SELECT * FROM recon_estimates", ESTIMATE_ORDER, limit, 0)
    return records(con, sql, params, _estimate), int(total)


def latest_estimates(con: Con) -> list[Estimate]:
    """The latest estimate of each quantity, category, subgroup and scope, in estimate order."""
    return records(con, """
        SELECT * FROM recon_estimates
        QUALIFY row_number() OVER (PARTITION BY estimate_group ORDER BY as_of DESC) = 1
        ORDER BY quantity, category, coalesce(subgroup, ''), scope""", [], _estimate)


# -- contradictions -------------------------------------------------------------------------

SIDE_FIELDS = ("statement", "source", "source_kind", "date", "doc", "outlet", "sentence", "ref", "value",
               "scope", "docs")  # the fields of ``contradictions.Side``


def contradiction_rows_of(items: Iterable[Contradiction], block: str,
                          pairs: Sequence[str | None] | None = None) -> list[dict[str, Any]]:
    """Rows of ``items``, compared in ``block``; ``pairs``: each one's pair of point
    fingerprints (a series' updates, kept while both points stay as they are)."""
    from sitrep.reconcile.contradictions import KINDS

    rows = []
    for i, c in enumerate(items):
        row = {"id": c.id, "block": block, "kind_rank": KINDS.index(c.kind), "kind": c.kind,
               "subject": c.subject, "explanation": c.explanation, "ratio": c.ratio,
               "pair": pairs[i] if pairs is not None else None}
        for prefix, side in (("a_", c.a), ("b_", c.b)):
            row.update({prefix + name: getattr(side, name) for name in SIDE_FIELDS})
        rows.append(row)
    return rows


def contradiction(row: dict[str, Any]) -> Contradiction:
    from sitrep.reconcile.contradictions import Contradiction, Side

    def side(prefix: str) -> Side:
        found = {name: row[prefix + name] for name in SIDE_FIELDS}
        found["docs"] = list(found["docs"] or [])
        return Side(**found)

    return Contradiction(row["kind"], row["subject"], side("a_"), side("b_"), row["explanation"], row["ratio"])


def contradictions(con: Con, *, kind: str | None = None) -> list[Contradiction]:
    where, params = (" WHERE kind = ?", [kind]) if kind else ("", [])
    return records(con, f"SELECT * FROM recon_contradictions{where} ORDER BY {CONTRADICTION_ORDER}",
                   params, contradiction)


def contradictions_page(con: Con, *, kind: str | None = None, limit: int | None = None,
                        kinds_first: Sequence[str] = ()) -> tuple[list[Contradiction], int]:
    """(contradictions, how many match): of ``kind``, in stored order, or first by their
    kind's place in ``kinds_first`` (the report shows real disagreements first)."""
    where = Where()
    where.equal("kind", kind)
    total = con.execute(*where.sql("SELECT count(*) FROM recon_contradictions", "1", None, 0)).fetchone()[0]
    order = CONTRADICTION_ORDER
    if kinds_first:
        rank = " ".join(f"WHEN '{k}' THEN {i}" for i, k in enumerate(kinds_first) if k.isidentifier())
        order = f"CASE kind {rank} ELSE {len(kinds_first)} END, {order}"
    sql, params = where.sql("SELECT * FROM recon_contradictions", order, limit, 0)
    return records(con, sql, params, contradiction), int(total)


def contradiction_rows(con: Con) -> list[ContradictionRow]:
    from sitrep.reconcile.contradictions import to_rows

    return to_rows(contradictions(con))


# -- stories --------------------------------------------------------------------------------

def story_rows_of(items: Iterable[Story]) -> list[dict[str, Any]]:
    from sitrep.reconcile.stories import Story

    return [{name: getattr(s, name) for name in Story.__dataclass_fields__} for s in items]


def stories(con: Con) -> list[Story]:
    from sitrep.reconcile.stories import Story

    lists = ("docs", "places", "event_types", "outlets")
    return records(con, f"SELECT * FROM recon_stories ORDER BY {STORY_ORDER}", [],
                   lambda r: Story(**{**pick(r, Story), **{k: list(r[k] or []) for k in lists}}))


# -- framing --------------------------------------------------------------------------------

def framing_slot_rows_of(slots: Iterable[DocSlot]) -> list[dict[str, Any]]:
    return [{"doc": s.doc, "outlet": s.outlet, "outlet_known": s.outlet_known, "actor_side": s.actor_side,
             "actor": s.actor, "label_key": s.label_key, "voice": s.voice,
             "forms": json.dumps(dict(s.forms), ensure_ascii=False), "count": s.count, "n_quoted": s.n_quoted,
             "example_sentence": s.example_sentence, "example_start": s.example_start} for s in slots]


def framing_slots(con: Con, outlets: Iterable[str]) -> list[DocSlot]:
    """The stored slots of the articles of ``outlets``, in article order."""
    from sitrep.reconcile.framing import DocSlot

    where, params = _in("outlet", outlets)
    return records(con, f"SELECT * FROM recon_framing_docs{where} ORDER BY doc, example_start, label_key, voice",
                   params, lambda r: DocSlot(**{**pick(r, DocSlot), "forms": Counter(json.loads(r["forms"]))}))


def framing_rows_of(rows: Iterable[FramingRow]) -> list[dict[str, Any]]:
    from sitrep.reconcile.framing import FRAMED_SIDES, FramingRow

    return [{**{name: getattr(r, name) for name in FramingRow.__dataclass_fields__},
             "side_rank": FRAMED_SIDES.index(r.actor_side)} for r in rows]


def _framing_row(r: dict[str, Any]) -> FramingRow:
    from sitrep.reconcile.framing import FramingRow

    lists = ("loaded_terms", "example_docs", "example_sentences", "example_starts")
    return FramingRow(**{**pick(r, FramingRow), **{k: list(r[k] or []) for k in lists}})


def framing(con: Con) -> list[FramingRow]:
    return records(con, f"SELECT * FROM recon_framing ORDER BY {FRAMING_ORDER}", [], _framing_row)


def framing_by_side(con: Con, *, side: str | None = None, limit: int | None = None) -> tuple[list[FramingRow], int]:
    """(rows, how many): of ``side``, by side, outlet and uses (`sitrep framing`'s order)."""
    where = Where()
    where.equal("actor_side", side)
    total = con.execute(*where.sql("SELECT count(*) FROM recon_framing", "1", None, 0)).fetchone()[0]
    sql, params = where.sql("SELECT * FROM recon_framing", f"actor_side, outlet, count DESC, {FRAMING_ORDER}", limit, 0)
    return records(con, sql, params, _framing_row), int(total)


def outlet_page(con: Con, *, limit: int | None = None) -> tuple[list[OutletFraming], int, set[str]]:
    """(summaries, how many outlets, the fields some outlet fills) of ``outlet_framing``."""
    from sitrep.reconcile.framing import OutletFraming

    lists = {k: f"bool_or(len({k}) > 0)" for k in OUTLET_LISTS}
    checks = {"outlet": "bool_or(outlet <> '')", "n_articles": "bool_or(n_articles <> 0)",
              "loaded_share": "bool_or(loaded_share <> 0)", **lists}
    row = con.execute(f"SELECT count(*), {', '.join(checks.values())} FROM recon_outlets").fetchone()
    filled = {name for name, found in zip(checks, row[1:]) if found}
    sql = "SELECT * FROM recon_outlets ORDER BY outlet" + (" LIMIT ?" if limit is not None else "")
    found = records(con, sql, [limit] if limit is not None else [],
                    lambda r: OutletFraming(**{**pick(r, OutletFraming), **{k: list(r[k] or []) for k in OUTLET_LISTS}}))
    return found, int(row[0]), filled


def framing_page(con: Con, *, limit: int | None = None) -> tuple[list[FramingRow], int]:
    """(rows, how many): by outlet, most used first, then label (the report's order)."""
    total = con.execute("SELECT count(*) FROM recon_framing").fetchone()[0]
    order = "outlet, count DESC, label, voice <> 'outlet', side_rank, actor, outlet_known"
    sql = f"SELECT * FROM recon_framing ORDER BY {order}" + (" LIMIT ?" if limit is not None else "")
    return records(con, sql, [limit] if limit is not None else [], _framing_row), int(total)


OUTLET_LISTS = ("opposition_labels", "government_labels", "foreign_labels", "other_labels", "loaded_labels",
                "quoted_labels")  # the list fields of ``framing.OutletFraming``


def outlet_rows_of(items: Iterable[OutletFraming]) -> list[dict[str, Any]]:
    from sitrep.reconcile.framing import OutletFraming

    return [{name: getattr(o, name) for name in OutletFraming.__dataclass_fields__} for o in items]


def outlet_framing(con: Con) -> list[OutletFraming]:
    """One summary per outlet (``framing.outlet_summary`` of every row), by outlet."""
    from sitrep.reconcile.framing import OutletFraming

    return records(con, "SELECT * FROM recon_outlets ORDER BY outlet", [],
                   lambda r: OutletFraming(**{**pick(r, OutletFraming), **{k: list(r[k] or []) for k in OUTLET_LISTS}}))


# -- state ------------------------------------------------------------------------------------

def state(con: Con) -> dict[str, str | None]:
    return dict(con.execute("SELECT key, value FROM recon_state").fetchall())


def set_state(con: Con, values: dict[str, str | None]) -> None:
    con.execute("DELETE FROM recon_state WHERE list_contains(CAST(? AS VARCHAR[]), key)", [list(values)])
    con.execute("INSERT INTO recon_state SELECT unnest(CAST(? AS VARCHAR[])), unnest(CAST(? AS VARCHAR[]))",
                [list(values), list(values.values())])

