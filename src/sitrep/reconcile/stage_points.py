"""The reconcile stage's writes of recomputed series points (``stage_figures`` says when):
only the points that changed are written again, and of a point whose first reports stay
(a figure reported by more articles), only the reports after them."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sitrep.reconcile.stage_io import StageIO
from sitrep.reconcile.stage_window import Layout

Place = tuple[str, int]  # (series, idx): a point's place


def _alike(docs: list[str], claims: list[str], new_docs: list[str], new_claims: list[str]) -> int:
    """How many of a point's first reports name the same article and claim before and after."""
    n = 0
    for pair in zip(docs, claims, new_docs, new_claims):
        if pair[0] != pair[2] or pair[1] != pair[3]:
            break
        n += 1
    return n


class PointWrites(StageIO):
    """Writes of the points of one run's recomputed series."""

    def _rewritten(self, old_points: list[dict[str, Any]],
                   p_rows: list[dict[str, Any]]) -> dict[tuple[str, str], tuple]:
        """(idx, docs, claim ids) of the stored points written again under the same
        fingerprint (a figure reported by more or fewer articles), by series and
        fingerprint: read for those only, not for every point of the recomputed series."""
        before = {(r["series"], r["fingerprint"]) for r in old_points}
        wanted = sorted({(r["series"], r["fingerprint"]) for r in p_rows
                         if not r.get("stored") and (r["series"], r["fingerprint"]) in before})
        if not wanted:
            return {}
        return {(r["series"], r["fingerprint"]): (r["idx"], list(r["docs"] or []), list(r["claim_ids"] or []))
                for r in self._dicts("""
            SELECT p.series, p.fingerprint, p.idx, p.docs, p.claim_ids FROM recon_points p
            SEMI JOIN (SELECT unnest(CAST(? AS VARCHAR[])) AS s, unnest(CAST(? AS VARCHAR[])) AS f) w
                 ON w.s = p.series AND w.f = p.fingerprint ORDER BY p.series, p.idx""",
            [[k for k, _ in wanted], [f for _, f in wanted]])}

    def _report_prefixes(self, before: dict[tuple[str, str], tuple], p_rows: list[dict[str, Any]],
                         r_rows: list[dict[str, Any]]) -> dict[Place, tuple[int, int]]:
        """The points written again whose first stored reports are the first of their new
        ones, unchanged: new place -> (old idx, reports kept). A report is its first claim's
        (article, sentence, figure) and its copies: same claims in the same order and the
        same copies, the same reports. The reports after the first that differs (a report
        of a new article falls among a point's others by date) are written again."""
        candidates: dict[Place, tuple[int, int]] = {}  # old place -> (new idx, reports alike)
        for r in p_rows:
            old = None if r.get("stored") else before.get((r["series"], r["fingerprint"]))
            if old is not None:
                idx, docs, claims = old
                n = _alike(docs, claims, r["docs"], r["claim_ids"])
                if n:
                    candidates[(r["series"], idx)] = (r["idx"], n)
        if not candidates:
            return {}
        new_at = {(key, j): n for (key, _), (j, n) in candidates.items()}
        copies_now = {(r["series"], r["point"], r["idx"]): r["copies"] for r in r_rows
                      if r["idx"] < new_at.get((r["series"], r["point"]), 0)}
        kept = {place: n for place, (_, n) in candidates.items()}
        for r in self._dicts("""
                SELECT r.series, r.point, r.idx, r.copies FROM recon_reports r
                SEMI JOIN (SELECT unnest(CAST(? AS VARCHAR[])) AS s, unnest(CAST(? AS INTEGER[])) AS i) w
                     ON w.s = r.series AND w.i = r.point""",
                [[k for k, _ in candidates], [i for _, i in candidates]]):
            place = (r["series"], r["point"])
            if r["idx"] < kept[place] and \
                    list(r["copies"] or []) != copies_now.get((r["series"], candidates[place][0], r["idx"])):
                kept[place] = r["idx"]  # its copies changed: kept up to the report before
        return {(key, j): (idx, kept[(key, idx)]) for (key, idx), (j, _) in candidates.items() if kept[(key, idx)]}

    def _write_points(self, stored: list[tuple], p_rows: list[dict[str, Any]], r_rows: list[dict[str, Any]],
                      prefixes: dict[Place, tuple[int, int]], layouts: Mapping[str, Layout] = {}) -> None:
        """Rewrite only the points of the recomputed series that changed: a stored point
        whose digest (``reconciled_rows.point_digest``) is among the new rows of its series
        stays, moved to its new place when it has one; the others go, the new ones come.
        Of a point in ``prefixes`` (new place -> old idx, reports kept) the first stored
        reports stay, moved to its new place; only the others are written."""
        new: dict[tuple[str, str], dict[str, Any]] = {}
        for r in p_rows:
            new.setdefault((r["series"], r["row_hash"]), r)
        gone: list[Place] = []
        moved: list[tuple[str, int, int, int]] = []  # series, old idx, new idx, new n_points
        kept: set[tuple[str, str]] = set()
        for key, idx, n_points, row_hash in stored:
            row = new.get((key, row_hash)) if row_hash is not None else None
            if row is None or (key, row_hash) in kept:
                gone.append((key, idx))
                continue
            kept.add((key, row_hash))
            if (idx, n_points) != (row["idx"], row["n_points"]):
                moved.append((key, idx, row["idx"], row["n_points"]))
        stay = {(key, idx) for (key, _), (idx, _) in prefixes.items()}
        self._delete_places("recon_points", "idx", gone)
        self._delete_places("recon_reports", "point", [g for g in gone if g not in stay])
        self._delete_tails([(key, idx, n) for (key, _), (idx, n) in prefixes.items()])
        # A point of a series built in part that keeps its place only takes the series' new
        # count, set once per series below.
        points = [(key, i, i, j - i, n) for key, i, j, n in moved if j != i or key not in layouts]
        reports = [(key, i, i, j - i, 0) for key, i, j, _ in moved] + \
            [(key, idx, idx, j - idx, 0) for (key, j), (idx, _) in prefixes.items() if idx != j]
        for key, lay in layouts.items():  # the kept points of a series built in part that move, by day
            points += [(key, first, first + n - 1, by, lay.n_points) for first, n, by in lay.shifts if by]
            reports += [(key, first, first + n - 1, by, 0) for first, n, by in lay.shifts if by]
        self._move_places(points, reports)
        self._set_counts([(key, lay.n_points) for key, lay in sorted(layouts.items())])
        fresh = [r for r in p_rows if (r["series"], r["row_hash"]) not in kept or new[(r["series"], r["row_hash"])] is not r]
        if any(r.get("stored") for r in fresh):  # never: a row left as stored is one of those kept
            raise RuntimeError("reconcile: a point left as stored has no stored row")
        self.insert("recon_points", fresh)
        places = {(r["series"], r["idx"]) for r in fresh}
        self.insert("recon_reports", [r for r in r_rows if (r["series"], r["point"]) in places
                                      and r["idx"] >= prefixes.get((r["series"], r["point"]), (0, 0))[1]])

    def _delete_places(self, table: str, column: str, places: list[Place]) -> None:
        if places:
            at = "(SELECT unnest(CAST(? AS VARCHAR[])) AS s, unnest(CAST(? AS INTEGER[])) AS i) f"
            self.con.execute(f"DELETE FROM {table} USING {at} WHERE {table}.series = f.s AND {table}.{column} = f.i",
                             [[k for k, _ in places], [i for _, i in places]])

    def _delete_tails(self, tails: list[tuple[str, int, int]]) -> None:
        """The stored reports of points (series, idx) from their ``n``-th on (those after the
        ones kept, ``_report_prefixes``)."""
        if tails:
            self.con.execute("""DELETE FROM recon_reports USING
                (SELECT unnest(CAST(? AS VARCHAR[])) AS s, unnest(CAST(? AS INTEGER[])) AS i,
                        unnest(CAST(? AS INTEGER[])) AS n) f
                WHERE recon_reports.series = f.s AND recon_reports.point = f.i AND recon_reports.idx >= f.n""",
                             [[t[0] for t in tails], [t[1] for t in tails], [t[2] for t in tails]])

    def _set_counts(self, counts: list[tuple[str, int]]) -> None:
        """Each series' count of points (``n_points``, which each of its rows holds) where it
        changed, matched by series: not a run of places per kept day (at 10,000 + 100
        articles, 18,207 rows in 12,439 runs, of which 86 rows moved)."""
        if counts:
            self.con.execute("""UPDATE recon_points SET n_points = f.n FROM
                (SELECT unnest(CAST(? AS VARCHAR[])) AS s, unnest(CAST(? AS INTEGER[])) AS n) f
                WHERE recon_points.series = f.s AND recon_points.n_points <> f.n""",
                             [[k for k, _ in counts], [n for _, n in counts]])

    def _move_places(self, points: list[tuple[str, int, int, int, int]],
                     reports: list[tuple[str, int, int, int, int]]) -> None:
        """Points and reports to their new places, by runs of places (series, first old idx,
        last old idx, places moved by, new n_points): one statement each, every row matched
        on its place before the update (the runs do not overlap)."""
        to = ("(SELECT unnest(CAST(? AS VARCHAR[])) AS s, unnest(CAST(? AS INTEGER[])) AS lo, "
              "unnest(CAST(? AS INTEGER[])) AS hi, unnest(CAST(? AS INTEGER[])) AS d, "
              "unnest(CAST(? AS INTEGER[])) AS n) f")
        for table, sql, moves in (
                ("recon_points", "SET idx = idx + f.d, n_points = f.n", points),
                ("recon_reports", "SET point = point + f.d", [m for m in reports if m[3]])):
            if moves:
                column = "idx" if table == "recon_points" else "point"
                self.con.execute(f"UPDATE {table} {sql} FROM {to} "
                                 f"WHERE {table}.series = f.s AND {table}.{column} BETWEEN f.lo AND f.hi",
                                 [[m[i] for m in moves] for i in range(5)])
