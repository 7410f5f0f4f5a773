"""The reconcile stage's stored results (tables ``recon_*``, migration 6) read back as the
records of ``sitrep.records`` (series, contradictions, groups, framing), built by column
name; ``store.reconciled_rows`` makes the rows the stage writes.

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
from collections.abc import Iterable, Sequence
from typing import Any

import duckdb

from sitrep.records.contradictions import Contradiction, ContradictionRow, Side, to_rows
from sitrep.records.framing import DocSlot, FramingRow, OutletFraming
from sitrep.records.groups import CopyGroup, CopyMember, CopyRow, Story
from sitrep.records.series import Estimate, Report, Scope, Series, SeriesLine, SeriesPoint, SeriesPointRow
from sitrep.store.queries import Where, column, dicts, records, scalar

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


def copy_groups(con: Con) -> list[CopyGroup]:
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
    return {r["doc"]: r["group"] for r in dicts(con, 'SELECT doc, "group" FROM recon_copies', [])}


def copy_group_count(con: Con) -> int:
    return int(scalar(con, "SELECT count(*) FROM recon_copies WHERE canonical"))


def copy_rows(con: Con) -> list[CopyRow]:
    return records(con, f'SELECT * FROM recon_copies ORDER BY {COPY_ORDER}', [],
                   lambda r: CopyRow(**pick(r, CopyRow)))


# -- series -------------------------------------------------------------------------------

def scope_of_row(row: dict[str, Any]) -> Scope:
    return Scope(row["era"], row["region"], row["region_text"], row["period"], row["incident"],
                 row["period_start"])


def series_of_row(row: dict[str, Any]) -> Series:
    """A stored series without its points."""
    return Series(row["key"], row["claimant"], row["claimant_kind"], row["quantity"], row["category"],
                  row["subgroup"], scope_of_row(row), outlet=row["outlet"])


def series(con: Con, *, keys: Iterable[str] | None = None, blocks: Iterable[str] | None = None,
           groups: Iterable[str] | None = None, reports: bool = True) -> list[Series]:
    """Stored series (all, or those of the given keys, blocks or estimate groups), largest
    first; ``reports=False``: points without their reports (what estimates read)."""
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
    for row in records(con, f"SELECT t.series, t.idx, t.as_of, t.value, t.low, t.high, t.qualifier "
                       f"FROM recon_points t{sub} ORDER BY t.series, t.idx", params, dict):
        point = SeriesPoint(as_of=row["as_of"], value=row["value"], low=row["low"], high=row["high"],
                            qualifier=row["qualifier"])
        found[row["series"]].points.append(point)
        points[(row["series"], row["idx"])] = point
    if not reports:
        return list(found.values())
    for r in records(con, f"SELECT t.* FROM recon_reports t{sub} ORDER BY t.series, t.point, t.idx", params, dict):
        points[(r["series"], r["point"])].reports.append(Report(**{**pick(r, Report), "copies": list(r["copies"] or [])}))
    return list(found.values())


def series_page(con: Con, *, quantity: str | None = None, source: str | None = None,
                limit: int | None = None) -> tuple[list[Series], int]:
    """(series, how many match): those of ``quantity`` whose claimant holds ``source`` (any
    case), with the most points first, then by claimant; only the page is read in full."""
    where = Where()
    where.equal("quantity", quantity)
    if source:
        where.contains_ci("claimant", source)
    total = scalar(con, *where.sql("SELECT count(*) FROM recon_series", "1", None, 0))
    sql, params = where.sql("SELECT key FROM recon_series", "n_points DESC, coalesce(claimant, ''), key", limit, 0)
    keys = column(con, sql, params)
    found = {s.key: s for s in series(con, keys=keys)}
    return [found[k] for k in keys], int(total)


def series_lines(con: Con, *, quantity: str | None = None, source: str | None = None,
                 limit: int | None = None, last: int = 12) -> tuple[list[SeriesLine], int]:
    """``series_page`` for a table: each series with only its ``last`` points (flat, with
    their number of reports), so a page of long series reads a few rows each."""
    where = Where()
    where.equal("quantity", quantity)
    if source:
        where.contains_ci("claimant", source)
    total = scalar(con, *where.sql("SELECT count(*) FROM recon_series", "1", None, 0))
    sql, params = where.sql("SELECT key, claimant, quantity, category, subgroup, n_points FROM recon_series",
                            "n_points DESC, coalesce(claimant, ''), key", limit, 0)
    lines = {r["key"]: SeriesLine(**r, scope_text="", points=[]) for r in records(con, sql, params, dict)}
    if lines:
        rows = records(con, """
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
    return records(con, f"SELECT * FROM recon_points ORDER BY {POINT_ORDER}", [],
                   lambda r: SeriesPointRow(**pick(r, SeriesPointRow)))


# -- estimates ------------------------------------------------------------------------------


def _estimate(r: dict[str, Any]) -> Estimate:
    return Estimate(**{**pick(r, Estimate), "sources": list(r["sources"] or [])})


def estimates(con: Con) -> list[Estimate]:
    return records(con, f"SELECT * FROM recon_estimates ORDER BY {ESTIMATE_ORDER}", [], _estimate)


def estimates_page(con: Con, *, quantity: str | None = None, limit: int | None = None) -> tuple[list[Estimate], int]:
    where = Where()
    where.equal("quantity", quantity)
    total = scalar(con, *where.sql("SELECT count(*) FROM recon_estimates", "1", None, 0))
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


def contradiction(row: dict[str, Any]) -> Contradiction:
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
    total = scalar(con, *where.sql("SELECT count(*) FROM recon_contradictions", "1", None, 0))
    order = CONTRADICTION_ORDER
    if kinds_first:
        rank = " ".join(f"WHEN '{k}' THEN {i}" for i, k in enumerate(kinds_first) if k.isidentifier())
        order = f"CASE kind {rank} ELSE {len(kinds_first)} END, {order}"
    sql, params = where.sql("SELECT * FROM recon_contradictions", order, limit, 0)
    return records(con, sql, params, contradiction), int(total)


def contradiction_rows(con: Con) -> list[ContradictionRow]:
    return to_rows(contradictions(con))


# -- stories --------------------------------------------------------------------------------


def stories(con: Con) -> list[Story]:
    lists = ("docs", "places", "event_types", "outlets")
    return records(con, f"SELECT * FROM recon_stories ORDER BY {STORY_ORDER}", [],
                   lambda r: Story(**{**pick(r, Story), **{k: list(r[k] or []) for k in lists}}))


# -- framing --------------------------------------------------------------------------------


def framing_slots(con: Con, outlets: Iterable[str]) -> list[DocSlot]:
    """The stored slots of the articles of ``outlets``, in article order."""
    where, params = _in("outlet", outlets)
    return records(con, f"SELECT * FROM recon_framing_docs{where} ORDER BY doc, example_start, label_key, voice",
                   params, lambda r: DocSlot(**{**pick(r, DocSlot), "forms": Counter(json.loads(r["forms"]))}))


def _framing_row(r: dict[str, Any]) -> FramingRow:
    lists = ("loaded_terms", "example_docs", "example_sentences", "example_starts")
    return FramingRow(**{**pick(r, FramingRow), **{k: list(r[k] or []) for k in lists}})


def framing(con: Con) -> list[FramingRow]:
    return records(con, f"SELECT * FROM recon_framing ORDER BY {FRAMING_ORDER}", [], _framing_row)


def framing_by_side(con: Con, *, side: str | None = None, limit: int | None = None) -> tuple[list[FramingRow], int]:
    """(rows, how many): of ``side``, by side, outlet and uses (`sitrep framing`'s order)."""
    where = Where()
    where.equal("actor_side", side)
    total = scalar(con, *where.sql("SELECT count(*) FROM recon_framing", "1", None, 0))
    sql, params = where.sql("SELECT * FROM recon_framing", f"actor_side, outlet, count DESC, {FRAMING_ORDER}", limit, 0)
    return records(con, sql, params, _framing_row), int(total)


def outlet_page(con: Con, *, limit: int | None = None) -> tuple[list[OutletFraming], int, set[str]]:
    """(summaries, how many outlets, the fields some outlet fills) of ``outlet_framing``."""
    lists = {k: f"bool_or(len({k}) > 0)" for k in OUTLET_LISTS}
    checks = {"outlet": "bool_or(outlet <> '')", "n_articles": "bool_or(n_articles <> 0)",
              "loaded_share": "bool_or(loaded_share <> 0)", **lists}
    (row,) = records(con, f"SELECT count(*) AS n, {', '.join(f'{v} AS {k}' for k, v in checks.items())} "
                     "FROM recon_outlets", [], dict)
    filled = {name for name in checks if row[name]}
    sql = "SELECT * FROM recon_outlets ORDER BY outlet" + (" LIMIT ?" if limit is not None else "")
    found = records(con, sql, [limit] if limit is not None else [],
                    lambda r: OutletFraming(**{**pick(r, OutletFraming), **{k: list(r[k] or []) for k in OUTLET_LISTS}}))
    return found, int(row["n"]), filled


def framing_page(con: Con, *, limit: int | None = None) -> tuple[list[FramingRow], int]:
    """(rows, how many): by outlet, most used first, then label (the report's order)."""
    total = scalar(con, "SELECT count(*) FROM recon_framing")
    order = "outlet, count DESC, label, voice <> 'outlet', side_rank, actor, outlet_known"
    sql = f"SELECT * FROM recon_framing ORDER BY {order}" + (" LIMIT ?" if limit is not None else "")
    return records(con, sql, [limit] if limit is not None else [], _framing_row), int(total)


OUTLET_LISTS = ("opposition_labels", "government_labels", "foreign_labels", "other_labels", "loaded_labels",
                "quoted_labels")  # the list fields of ``framing.OutletFraming``


def outlet_framing(con: Con) -> list[OutletFraming]:
    """One summary per outlet (``framing.outlet_summary`` of every row), by outlet."""
    return records(con, "SELECT * FROM recon_outlets ORDER BY outlet", [],
                   lambda r: OutletFraming(**{**pick(r, OutletFraming), **{k: list(r[k] or []) for k in OUTLET_LISTS}}))


# -- state ------------------------------------------------------------------------------------

def state(con: Con) -> dict[str, str | None]:
    return {r["key"]: r["value"] for r in dicts(con, "SELECT key, value FROM recon_state", [])}


def set_state(con: Con, values: dict[str, str | None]) -> None:
    con.execute("DELETE FROM recon_state WHERE list_contains(CAST(? AS VARCHAR[]), key)", [list(values)])
    con.execute("INSERT INTO recon_state SELECT unnest(CAST(? AS VARCHAR[])), unnest(CAST(? AS VARCHAR[]))",
                [list(values), list(values.values())])

