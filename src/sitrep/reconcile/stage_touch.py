"""The reconcile stage's points updated in place: a stored point of a grown series
(``stage_gain``) whose figure only gained reports of new articles keeps its row and reports;
the new reports are inserted among them and its lists and digest are updated, in SQL, from
its stored reports' digests (``reconciled_rows.report_digest``) and the new claims alone.
Its day is not built again from all the claims of the figures dated there, unless some other
figure changes that day (at 10,000 + 100 articles, 23,500 of the 24,198 claims the days built
again read were of such points; ``docs/benchmarks.md``, stop 27).

A point is so updated when everything but its list of reports stays as a build from all the
claims would make it (``series.build_series``); else its day is built again as before:

- its figure's first date stays (no new claim of it is dated earlier), so its date, figure,
  bucket and the points around it stay;
- it holds that figure alone (no agreeing figure of its day merged into it: a merged point
  lists each figure's reports in turn);
- no new article is in a copy group (a copy joins its canonical article's report, and an
  original arriving after its copy takes its place);
- no new report comes first: the first report is the point's sentence and fingerprint.

A point's reports are ordered by their first claims' (date, article, position), as the build
sorts the claims (a report's first claim may be one of its wire copies'); the stored reports'
are read from ``recon_claims`` (``OrderKey``).
"""

from __future__ import annotations

import bisect
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sitrep.reconcile.series import claim_date
from sitrep.reconcile.stage_io import StageIO, sql_in
from sitrep.records.rows import ClaimRow
from sitrep.records.series import Report
from sitrep.store import reconciled as recon
from sitrep.store import reconciled_rows as recon_rows

Figure = tuple[int | None, int | None, int | None]  # value, low, high
# A report's place among a point's: its first claim's (date, article). The build orders claims
# by (date, article, position), but a point's reports are of distinct articles, and a new
# one's article is none of the stored ones', so the position never decides between two.
OrderKey = tuple[tuple[int, date], str]


def _order_key(day: date | None, doc: str) -> OrderKey:
    return ((1, date.max) if day is None else (0, day), doc)


@dataclass(slots=True)
class Touch:
    """A stored point updated in place: its place (before the run), first claim and day, the
    figures whose new claims it takes, its reports' (digest, article, outlet, claim) in their
    new order, the new reports' rows, the runs of its stored reports that move (first idx,
    last idx, moved by) and its new digest."""

    series: str
    idx: int
    first_claim: str
    day: date | None
    figures: set[Figure] = field(default_factory=set)
    reports: list[tuple[str, str, str | None, str]] = field(default_factory=list)
    new_rows: list[dict[str, Any]] = field(default_factory=list)
    shifts: list[tuple[int, int, int]] = field(default_factory=list)
    row_hash: str = ""

    @property
    def docs(self) -> list[str]:
        return [r[1] for r in self.reports]


def _figure_of(r: dict[str, Any]) -> Figure:
    return r["value"], r["low"], r["high"]


def _runs(stored: list[dict[str, Any]]) -> dict[Figure, tuple[int, int]] | None:
    """Each figure's run of a point's stored reports (first idx, end): a point holding
    agreeing figures of its day lists each one's reports in turn, each run ordered as its
    claims are (``_order_key``); None when they are not so (then it is built again)."""
    runs: dict[Figure, tuple[int, int]] = {}
    for i, r in enumerate(stored):
        figure = _figure_of(r)
        if i and figure == _figure_of(stored[i - 1]):
            if stored[i - 1]["key"] >= r["key"]:
                return None
            runs[figure] = (runs[figure][0], i + 1)
        elif figure in runs:
            return None
        else:
            runs[figure] = (i, i + 1)
    return runs


def _placed(stored: list[dict[str, Any]], runs: dict[Figure, tuple[int, int]],
            fresh: dict[Figure, list[ClaimRow]]) -> dict[int, ClaimRow] | None:
    """The new place of each new claim's report among a point's stored reports, or None when
    one would come first in its figure's run (its first claim gives the point's date,
    qualifier, sentence and fingerprint)."""
    before: list[tuple[int, ClaimRow]] = []  # (stored reports before it, claim)
    for figure, claims in fresh.items():
        first, end = runs[figure]
        keys = [r["key"] for r in stored[first:end]]
        for c in claims:
            at = bisect.bisect_left(keys, _order_key(claim_date(c), c.doc))
            if at == 0:
                return None
            before.append((first + at, c))
    before.sort(key=lambda x: (x[0], _order_key(claim_date(x[1]), x[1].doc), x[1].start))
    return {at + n: c for n, (at, c) in enumerate(before)}


class PointTouches(StageIO):
    """Points of grown series updated in place (module docstring)."""

    def _touchable(self, wanted: dict[str, list[tuple[Figure, date | None]]],
                   copy_of: Mapping[str, str]) -> dict[str, list[Touch]]:
        """Of the figures ``wanted`` (by series: the figure and its first date, which stays),
        the stored points that can be updated in place with the new articles' claims of
        those figures, by series."""
        spots = sorted({(key, day) for key, figs in wanted.items() for _, day in figs}, key=str)
        if not spots:
            return {}
        fresh = self._fresh_claims(sorted(wanted))
        points = {(r["series"], r["idx"]): r for r in self._dicts("""
            SELECT p.series, p.idx, p.bucket, p.as_of, p.value, p.low, p.high, p.qualifier,
                   coalesce(q.value, q.low) AS previous
            FROM recon_points p
            SEMI JOIN (SELECT unnest(CAST(? AS VARCHAR[])) AS s, unnest(CAST(? AS DATE[])) AS d) w
                 ON w.s = p.series AND w.d IS NOT DISTINCT FROM p.as_of
            LEFT JOIN recon_points q ON q.series = p.series AND q.idx = p.idx - 1""", [[k for k, _ in spots], [d for _, d in spots]])}
        reports: dict[tuple[str, int], list[dict[str, Any]]] = {place: [] for place in points}
        for r in self._dicts("""
                SELECT r.series, r.point, r.idx, r.doc, r.outlet, r.claim_id, r.digest, r.copies, rc.day, rc.value,
                       rc.low, rc.high FROM recon_reports r
                SEMI JOIN (SELECT unnest(CAST(? AS VARCHAR[])) AS s, unnest(CAST(? AS INTEGER[])) AS i) f
                     ON f.s = r.series AND f.i = r.point
                JOIN recon_claims rc ON rc.claim = r.claim_id
                ORDER BY r.series, r.point, r.idx""", [[k for k, _ in points], [i for _, i in points]]):
            reports[(r["series"], r["point"])].append({**r, "key": _order_key(r["day"], r["doc"])})
        self._copies_first(reports)
        heads = {r["key"]: recon_rows.series_head(recon.series_of_row(r), r["block"]) for r in self._dicts(
            f"SELECT * FROM recon_series WHERE {sql_in('key')}", [sorted({k for k, _ in points})])}
        out: dict[str, list[Touch]] = {}
        for (key, idx), p in points.items():
            figures = {fig: fresh.get((key, fig), []) for fig, day in wanted[key] if day == p["as_of"]}
            touch = self._touch(p, heads[key], reports[(key, idx)], figures, copy_of)
            if touch is not None:
                out.setdefault(key, []).append(touch)
        return out

    def _copies_first(self, reports: dict[tuple[str, int], list[dict[str, Any]]]) -> None:
        """A report with wire copies is placed by the first claim of its figure among its
        article's and its copies' (the first may be a copy's): their keys, for those few."""
        copied = [r for held in reports.values() for r in held if r["copies"]]
        if not copied:
            return
        wanted = [(r["series"], doc, r["value"], r["low"], r["high"]) for r in copied for doc in r["copies"]]
        first: dict[tuple, OrderKey] = {}
        for g in self._dicts("""
                SELECT g.series, g.doc, g.value, g.low, g.high, g.day FROM recon_claims g
                SEMI JOIN (SELECT unnest(CAST(? AS VARCHAR[])) AS s, unnest(CAST(? AS VARCHAR[])) AS d,
                                  unnest(CAST(? AS BIGINT[])) AS v, unnest(CAST(? AS BIGINT[])) AS lo,
                                  unnest(CAST(? AS BIGINT[])) AS hi) w
                     ON w.s = g.series AND w.d = g.doc AND w.v IS NOT DISTINCT FROM g.value
                        AND w.lo IS NOT DISTINCT FROM g.low AND w.hi IS NOT DISTINCT FROM g.high""",
                [[w[i] for w in wanted] for i in range(5)]):
            at = (g["series"], g["doc"], g["value"], g["low"], g["high"])
            key = _order_key(g["day"], g["doc"])
            first[at] = min(first.get(at, key), key)
        for r in copied:
            r["key"] = min([r["key"]] + [first[at] for doc in r["copies"]
                                         if (at := (r["series"], doc, r["value"], r["low"], r["high"])) in first])

    def _fresh_claims(self, keys: list[str]) -> dict[tuple[str, Figure], list[ClaimRow]]:
        """The new articles' claims of the series ``keys``, by series and figure (kept from
        ``stage.claim_index`` when they came in one batch)."""
        if self.batch_claims is not None:
            return self.batch_claims
        where = f"c.id IN (SELECT claim FROM recon_claims WHERE {sql_in('series')} AND {sql_in('doc')})"
        series_of = {r["claim"]: r["series"] for r in self._dicts(
            f"SELECT claim, series FROM recon_claims WHERE {sql_in('series')} AND {sql_in('doc')}", [keys, self.changed])}
        out: dict[tuple[str, Figure], list[ClaimRow]] = {}
        for c in self.claims(where, [keys, self.changed], mentions=False):
            out.setdefault((series_of[c.id], (c.value, c.low, c.high)), []).append(c)
        return out

    @staticmethod
    def _touch(p: dict[str, Any], head: tuple, stored: list[dict[str, Any]], claims: dict[Figure, list[ClaimRow]],
               copy_of: Mapping[str, str]) -> Touch | None:
        """The point ``p`` (its row, with the figure before it) with the reports of ``claims``
        (by figure: those of its figures), or None when it cannot be updated in place."""
        runs = _runs(stored) if stored and all(r["digest"] is not None for r in stored) else None
        if runs is None:
            return None
        fresh: dict[Figure, list[ClaimRow]] = {}
        for figure, found in claims.items():
            if figure not in runs:
                continue  # another point's of the same day
            for c in sorted(found, key=lambda c: (_order_key(claim_date(c), c.doc), c.start, c.id)):
                if c.doc in copy_of:
                    return None
                mine = fresh.setdefault(figure, [])
                if not mine or mine[-1].doc != c.doc:  # an article reports a figure once
                    mine.append(c)
        placed = _placed(stored, runs, fresh) if fresh else None
        if placed is None:
            return None
        touch = Touch(series=p["series"], idx=p["idx"], first_claim=stored[0]["claim_id"], day=p["as_of"],
                      figures=set(fresh))
        old = iter(stored)
        for at in range(len(stored) + len(placed)):
            if at in placed:
                c = placed[at]
                report = Report(c.doc, c.outlet, c.published, c.id, c.sentence, c.value, c.qualifier)
                digest = recon_rows.report_digest(report)
                touch.new_rows.append(recon_rows.report_row(p["series"], p["idx"], at, report, digest))
                touch.reports.append((digest, c.doc, c.outlet, c.id))
                continue
            r = next(old)
            if at != r["idx"]:
                last = touch.shifts[-1] if touch.shifts else None
                if last is not None and last[2] == at - r["idx"] and last[1] == r["idx"] - 1:
                    touch.shifts[-1] = (last[0], r["idx"], last[2])
                else:
                    touch.shifts.append((r["idx"], r["idx"], at - r["idx"]))
            touch.reports.append((r["digest"], r["doc"], r["outlet"], r["claim_id"]))
        touch.row_hash = recon_rows.digest_of(head, (p["as_of"], p["value"], p["low"], p["high"], p["qualifier"]),
                                              p["previous"], p["bucket"], [r[0] for r in touch.reports])
        return touch

    def _write_touches(self, touches: list[Touch]) -> None:
        """The points of ``touches`` updated where they are stored (before any point moves):
        their stored reports after a new one move down, the new ones come, and the point's
        lists of articles, outlets and claims, its count of reports and its digest are set."""
        if not touches:
            return
        shifts = [(t.series, t.idx, lo, hi, by) for t in touches for lo, hi, by in t.shifts]
        if shifts:
            self.con.execute("""UPDATE recon_reports SET idx = idx + f.d FROM
                (SELECT unnest(CAST(? AS VARCHAR[])) AS s, unnest(CAST(? AS INTEGER[])) AS p,
                        unnest(CAST(? AS INTEGER[])) AS lo, unnest(CAST(? AS INTEGER[])) AS hi,
                        unnest(CAST(? AS INTEGER[])) AS d) f
                WHERE recon_reports.series = f.s AND recon_reports.point = f.p
                      AND recon_reports.idx BETWEEN f.lo AND f.hi""", [[m[i] for m in shifts] for i in range(5)])
        self.insert("recon_reports", [row for t in touches for row in t.new_rows])
        self.con.execute("""UPDATE recon_points SET n_reports = f.n, docs = f.docs, outlets = f.outlets,
                                                    claim_ids = f.claims, row_hash = f.h FROM
            (SELECT unnest(CAST(? AS VARCHAR[])) AS s, unnest(CAST(? AS INTEGER[])) AS i,
                    unnest(CAST(? AS INTEGER[])) AS n, unnest(CAST(? AS VARCHAR[][])) AS docs,
                    unnest(CAST(? AS VARCHAR[][])) AS outlets, unnest(CAST(? AS VARCHAR[][])) AS claims,
                    unnest(CAST(? AS VARCHAR[])) AS h) f
            WHERE recon_points.series = f.s AND recon_points.idx = f.i""",
                         [[t.series for t in touches], [t.idx for t in touches], [len(t.reports) for t in touches],
                          [t.docs for t in touches],
                          [list(dict.fromkeys(r[2] for r in t.reports if r[2])) for t in touches],
                          [[r[3] for r in t.reports] for t in touches], [t.row_hash for t in touches]])
