"""The reconcile stage's points updated in place: a stored point of a grown series
(``stage_gain``) whose figure only gained reports of new articles keeps its row and reports.
Where each new report goes among the stored ones is worked out in SQL; the stored reports
after it move down, the new ones are inserted, the point's lists of articles, claims and
outlets are aggregated again in SQL, and its digest is made again from its reports' stored
digests (``reconciled_rows.report_digest``), one text per point. No stored report passes
through Python, and the day is not built again from all the claims of the figures dated
there (at 10,000 + 100 articles, 23,514 of the 24,198 claims the days built again read).

A point is so updated when everything but its reports stays as a build from all the claims
would make it (``series.build_series``); else its day is built again as before:

- its figure's first date stays (no new claim of it is dated earlier), so its date, figure,
  bucket and the points around it stay;
- no new article is in a copy group (a copy joins its canonical article's report, and an
  original arriving after its copy takes its place);
- no new report comes first among its figure's: the figure's first claim gives the point's
  date and qualifier, and its first report the point's sentence and fingerprint;
- its figure's reports are one run among the point's, in order (a point holding agreeing
  figures of its day lists each one's reports in turn).

Reports are ordered as the build sorts claims: by date, article and position. A point's
reports are of distinct articles, and a new one's article is none of the stored ones', so
(date, article) decides, and a report with wire copies goes by the first of its article's
and its copies' claims of the figure (``_PLACES``).
"""

from __future__ import annotations

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
NO_DATE = "9999-12-31"  # an undated claim goes last (``series._sort_key``)

# Each new report's place among the stored reports of the point holding its figure on its
# day: the first place of the figure's run, how many of the run come before it, and whether
# the run is whole and in order. A stored report's key is the first of its article's and its
# copies' claims of the figure, as "date article" (dates have one width, so the texts order
# as (date, article) do; ``_key``).
_PLACES = """
WITH n AS (SELECT unnest(CAST(? AS VARCHAR[])) AS s, unnest(CAST(? AS DATE[])) AS d, unnest(CAST(? AS BIGINT[])) AS v,
                  unnest(CAST(? AS BIGINT[])) AS lo, unnest(CAST(? AS BIGINT[])) AS hi,
                  unnest(CAST(? AS VARCHAR[])) AS k, unnest(CAST(? AS VARCHAR[])) AS claim),
r AS (SELECT r.series, r.point, r.idx, r.doc, r.copies, rc.value, rc.low, rc.high, rc.day FROM recon_reports r
      SEMI JOIN (SELECT p.series, p.idx FROM recon_points p
                 SEMI JOIN (SELECT DISTINCT s, d FROM n) w ON w.s = p.series AND w.d IS NOT DISTINCT FROM p.as_of) p
           ON p.series = r.series AND p.idx = r.point
      JOIN recon_claims rc ON rc.claim = r.claim_id),
keyed AS (SELECT series, point, idx, value, low, high, coalesce(CAST(day AS VARCHAR), '9999-12-31') || ' ' || doc AS k
          FROM r
          UNION ALL
          SELECT r.series, r.point, r.idx, r.value, r.low, r.high,
                 coalesce(CAST(g.day AS VARCHAR), '9999-12-31') || ' ' || g.doc
          FROM (SELECT *, unnest(copies) AS member FROM r WHERE len(copies) > 0) r
          JOIN recon_claims g ON g.series = r.series AND g.doc = r.member AND g.value IS NOT DISTINCT FROM r.value
               AND g.low IS NOT DISTINCT FROM r.low AND g.high IS NOT DISTINCT FROM r.high),
rk AS (SELECT series, point, idx, value, low, high, min(k) AS k FROM keyed GROUP BY ALL),
runs AS (SELECT series, point, value, low, high, min(idx) AS first,
                max(idx) - min(idx) + 1 = count(*) AND bool_and(ordered) AS fits
         FROM (SELECT *, coalesce(k > lag(k) OVER (PARTITION BY series, point, value, low, high ORDER BY idx), true)
                         AS ordered FROM rk)
         GROUP BY ALL)
SELECT n.claim, runs.series, runs.point, runs.first, runs.fits, count(*) FILTER (WHERE rk.k < n.k) AS before
FROM n JOIN runs ON runs.series = n.s AND runs.value IS NOT DISTINCT FROM n.v AND runs.low IS NOT DISTINCT FROM n.lo
                    AND runs.high IS NOT DISTINCT FROM n.hi
JOIN rk ON rk.series = runs.series AND rk.point = runs.point AND rk.value IS NOT DISTINCT FROM runs.value
           AND rk.low IS NOT DISTINCT FROM runs.low AND rk.high IS NOT DISTINCT FROM runs.high
GROUP BY n.claim, runs.series, runs.point, runs.first, runs.fits
"""


def _key(day: date | None, doc: str) -> str:
    """A claim's place among a point's reports, as ``_PLACES`` writes a stored report's."""
    return f"{NO_DATE if day is None else day.isoformat()} {doc}"


@dataclass(slots=True)
class Touch:
    """A stored point updated in place: its place (before the run) and day, the figures
    whose new claims it takes, the new reports' rows, the runs of its stored reports that
    move (first idx, last idx, moved by), and what its digest is made of but its reports."""

    series: str
    idx: int
    day: date | None
    fingerprint: str
    figures: set[Figure] = field(default_factory=set)
    new_rows: list[dict[str, Any]] = field(default_factory=list)
    shifts: list[tuple[int, int, int]] = field(default_factory=list)
    parts: tuple = ()  # (head, figure, figure before, bucket): ``reconciled_rows.digest_of``


def _shifts(places: list[int], n_stored: int) -> list[tuple[int, int, int]]:
    """The runs of a point's ``n_stored`` reports that move when new ones come before them
    (``places``: how many stored reports come before each new one, in order)."""
    out = []
    for moved, first in enumerate(places, start=1):
        last = places[moved] - 1 if moved < len(places) else n_stored - 1
        if first <= last:
            out.append((first, last, moved))
    return out


class PointTouches(StageIO):
    """Points of grown series updated in place (module docstring)."""

    def _touchable(self, wanted: dict[str, list[tuple[Figure, date | None]]],
                   copy_of: Mapping[str, str]) -> dict[str, list[Touch]]:
        """Of the figures ``wanted`` (by series: the figure and its first date, which stays),
        the stored points that can be updated in place with the new articles' claims of
        those figures, by series."""
        fresh = self._fresh_claims(sorted(wanted))
        claims: dict[str, ClaimRow] = {}
        spots: list[tuple[str, date | None, Figure, ClaimRow]] = []
        for key, figures in sorted(wanted.items()):
            for figure, day in figures:
                new = _first_per_article(fresh.get((key, figure), []))
                if new and not any(c.doc in copy_of for c in new):
                    spots += [(key, day, figure, c) for c in new]
                    claims.update((c.id, c) for c in new)
        if not spots:
            return {}
        placed: dict[tuple[str, int], list[tuple[int, ClaimRow]]] = {}
        unfit: set[tuple[str, int]] = set()
        for r in self._dicts(_PLACES, [[s[0] for s in spots], [s[1] for s in spots],
                                       *([s[2][i] for s in spots] for i in range(3)),
                                       [_key(claim_date(s[3]), s[3].doc) for s in spots], [s[3].id for s in spots]]):
            place = (r["series"], r["point"])
            placed.setdefault(place, []).append((r["first"] + r["before"], claims[r["claim"]]))
            if not r["fits"] or not r["before"]:
                unfit.add(place)
        return self._touches({place: found for place, found in placed.items() if place not in unfit})

    def _touches(self, placed: dict[tuple[str, int], list[tuple[int, ClaimRow]]]) -> dict[str, list[Touch]]:
        """The ``Touch`` of each point of ``placed`` (its new claims, each with how many
        stored reports come before its report), read with the point's row."""
        if not placed:
            return {}
        places = sorted(placed)
        points = self._dicts("""
            SELECT p.series, p.idx, p.bucket, p.as_of, p.value, p.low, p.high, p.qualifier, p.n_reports, p.fingerprint,
                   coalesce(q.value, q.low) AS previous
            FROM recon_points p
            SEMI JOIN (SELECT unnest(CAST(? AS VARCHAR[])) AS s, unnest(CAST(? AS INTEGER[])) AS i) w
                 ON w.s = p.series AND w.i = p.idx
            LEFT JOIN recon_points q ON q.series = p.series AND q.idx = p.idx - 1""",
                             [[k for k, _ in places], [i for _, i in places]])
        heads = {r["key"]: recon_rows.series_head(recon.series_of_row(r), r["block"]) for r in self._dicts(
            f"SELECT * FROM recon_series WHERE {sql_in('key')}", [sorted({k for k, _ in places})])}
        out: dict[str, list[Touch]] = {}
        for p in points:
            figure = (p["value"], p["low"], p["high"])
            new = sorted(placed[(p["series"], p["idx"])], key=lambda x: (x[0], _key(claim_date(x[1]), x[1].doc)))
            touch = Touch(series=p["series"], idx=p["idx"], day=p["as_of"], fingerprint=p["fingerprint"],
                          figures={(c.value, c.low, c.high) for _, c in new},
                          shifts=_shifts([at for at, _ in new], p["n_reports"]),
                          parts=(heads[p["series"]], (p["as_of"], *figure, p["qualifier"]), p["previous"], p["bucket"]))
            for moved, (at, c) in enumerate(new):
                report = Report(c.doc, c.outlet, c.published, c.id, c.sentence, c.value, c.qualifier)
                touch.new_rows.append(recon_rows.report_row(p["series"], p["idx"], at + moved, report,
                                                            recon_rows.report_digest(report)))
            out.setdefault(p["series"], []).append(touch)
        return out

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

    def _write_touches(self, touches: list[Touch]) -> list[Touch]:
        """The points of ``touches`` updated where they are stored (before any point moves):
        their stored reports after a new one move down, the new ones come, the point's lists
        of articles, claims and outlets and its count of reports are aggregated again from
        its reports, and its digest is made again from theirs. Returns ``touches``."""
        if not touches:
            return touches
        shifts = [(t.series, t.idx, lo, hi, by) for t in touches for lo, hi, by in t.shifts]
        if shifts:
            self.con.execute(f"""UPDATE recon_reports SET idx = idx + f.d FROM
                (SELECT unnest(CAST(? AS VARCHAR[])) AS s, unnest(CAST(? AS INTEGER[])) AS p,
                        unnest(CAST(? AS INTEGER[])) AS lo, unnest(CAST(? AS INTEGER[])) AS hi,
                        unnest(CAST(? AS INTEGER[])) AS d) f
                WHERE recon_reports.series = f.s AND recon_reports.point = f.p
                      AND recon_reports.idx BETWEEN f.lo AND f.hi""", [[m[i] for m in shifts] for i in range(5)])
        self.insert("recon_reports", [row for t in touches for row in t.new_rows])
        chosen = ("SEMI JOIN (SELECT unnest(CAST(? AS VARCHAR[])) AS s, unnest(CAST(? AS INTEGER[])) AS i) w "
                  "ON w.s = r.series AND w.i = r.point")
        params = [[t.series for t in touches], [t.idx for t in touches]]
        self.con.execute(f"""UPDATE recon_points SET n_reports = a.n, docs = a.docs, claim_ids = a.claims,
                                                     outlets = coalesce(o.outlets, CAST([] AS VARCHAR[])) FROM
            (SELECT r.series, r.point, count(*) AS n, list(r.doc ORDER BY r.idx) AS docs,
                    list(r.claim_id ORDER BY r.idx) AS claims FROM recon_reports r {chosen} GROUP BY ALL) a
            LEFT JOIN (SELECT series, point, list(outlet ORDER BY first) AS outlets FROM
                           (SELECT r.series, r.point, r.outlet, min(r.idx) AS first FROM recon_reports r {chosen}
                            WHERE coalesce(r.outlet, '') <> '' GROUP BY ALL) GROUP BY ALL) o
                 ON o.series = a.series AND o.point = a.point
            WHERE recon_points.series = a.series AND recon_points.idx = a.point""", params + params)
        digests = {(r["series"], r["point"]): r["digests"] for r in self._dicts(
            f"SELECT r.series, r.point, string_agg(r.digest, '|' ORDER BY r.idx) AS digests FROM recon_reports r "
            f"{chosen} GROUP BY ALL", params)}
        self.con.execute("""UPDATE recon_points SET row_hash = f.h FROM
            (SELECT unnest(CAST(? AS VARCHAR[])) AS s, unnest(CAST(? AS INTEGER[])) AS i,
                    unnest(CAST(? AS VARCHAR[])) AS h) f
            WHERE recon_points.series = f.s AND recon_points.idx = f.i""",
                         params + [[recon_rows.digest_of(*t.parts, digests[(t.series, t.idx)]) for t in touches]])
        return touches


def _first_per_article(claims: list[ClaimRow]) -> list[ClaimRow]:
    """The claims that make reports, in order: an article reports a figure once, by its
    first claim of it (as the build orders claims: date, article, position)."""
    out: list[ClaimRow] = []
    for c in sorted(claims, key=lambda c: (_key(claim_date(c), c.doc), c.start, c.id)):
        if not out or out[-1].doc != c.doc:
            out.append(c)
    return out
