"""Migration 11: each stored report's digest (``recon_reports.digest``), and every stored
point's digest made again of its reports' (``reconciled_rows.point_digest``), so that a point
that gains a report is updated in place (``reconcile.stage_touch``) and digested again from
its stored reports' digests and the new one, never from all the claims of its day."""

from __future__ import annotations

from typing import Any

import duckdb

from sitrep.records.series import Report
from sitrep.store.queries import dicts

ADD_COLUMN = "ALTER TABLE recon_reports ADD COLUMN digest VARCHAR"
_REPORTS = """SELECT series, point, idx, doc, outlet, published, claim_id, sentence, value, qualifier, copies
              FROM recon_reports ORDER BY series, point, idx"""
_POINTS = """SELECT series, idx, as_of, value, low, high, qualifier, bucket, row_hash FROM recon_points
             ORDER BY series, idx"""


def _set(con: duckdb.DuckDBPyConnection, table: str, column: str, place: str, rows: list[tuple[str, int, int, str]]) -> None:
    """``column`` of the rows of ``table`` at (series, ``place``, idx) set to each row's value."""
    if rows:
        con.execute(f"""UPDATE {table} SET {column} = f.v FROM
            (SELECT unnest(CAST(? AS VARCHAR[])) AS s, unnest(CAST(? AS INTEGER[])) AS p,
                    unnest(CAST(? AS INTEGER[])) AS i, unnest(CAST(? AS VARCHAR[])) AS v) f
            WHERE {table}.series = f.s AND {place} = f.p AND {table}.idx = f.i""",
                    [[r[i] for r in rows] for i in range(4)])


def report_digests(con: duckdb.DuckDBPyConnection) -> None:
    """Add ``recon_reports.digest`` and fill it; digest every stored point again (one with
    no digest, written before migration 9, stays without: it is built again when touched)."""
    from sitrep.store.reconciled import series_of_row
    from sitrep.store.reconciled_rows import digest_of, report_digest, series_head

    con.execute(ADD_COLUMN)
    of_point: dict[tuple[str, int], list[str]] = {}
    rows: list[tuple[str, int, int, str]] = []
    for r in dicts(con, _REPORTS, []):
        digest = report_digest(Report(r["doc"], r["outlet"], r["published"], r["claim_id"], r["sentence"], r["value"],
                                      r["qualifier"], list(r["copies"] or [])))
        of_point.setdefault((r["series"], r["point"]), []).append(digest)
        rows.append((r["series"], r["point"], r["idx"], digest))
    _set(con, "recon_reports", "digest", "recon_reports.point", rows)
    heads = {r["key"]: series_head(series_of_row(r), r["block"]) for r in dicts(con, "SELECT * FROM recon_series", [])}
    points: list[tuple[str, int, int, str]] = []
    previous: dict[str, Any] = {}
    for p in dicts(con, _POINTS, []):
        figure = (p["as_of"], p["value"], p["low"], p["high"], p["qualifier"])
        before = previous.get(p["series"]) if p["idx"] else None
        previous[p["series"]] = p["value"] if p["value"] is not None else p["low"]
        if p["row_hash"] is not None and p["series"] in heads:
            points.append((p["series"], p["idx"], p["idx"], digest_of(
                heads[p["series"]], figure, before, p["bucket"], "|".join(of_point.get((p["series"], p["idx"]), [])))))
    _set(con, "recon_points", "row_hash", "recon_points.idx", points)
