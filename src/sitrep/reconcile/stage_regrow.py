"""The points of a grown series' days built again (``stage_gain``): each figure dated there
from its stored point and its new claims where that is provably what a build from all its
claims gives, else from all its claims.

A build (``series.build_series``) reads a series' claims in ``claim_order``; a figure's
point is dated by its first claim, takes its qualifier and holds a report per canonical
article, in the order of their first claims; then same-day points are sorted by figure and
those that agree merged. So a figure's point before the merge is its stored point with the
new claims' reports added (``series.add_reports``), when:

- its stored point holds its reports alone (every report's claim is of its figure: a point
  merged with another figure on its day holds that figure's reports too), and
- its first claim is a stored one (compared on date and article in SQL: new claims are of
  other articles, so never equal), and
- every new claim comes after every stored one (their reports come after), or else no new
  claim's article is in a copy group: then each new article's report goes where its first
  claim puts it among the stored reports, each placed by its first claim (its own claim's
  without copies, else the first of its article's and its copies' claims, found in SQL),
  and
- no two figures of the series' days built again have the same date and figure (the sort
  keeps such points in the order of their first claims, which a kept point does not say).

The copies of a grown series' articles are as they were (a series whose claims changed
copy group is built from all its claims, ``stage``), so a stored report's canonical article
is the same. Any other figure is built from all its claims (at 10,000 + 100 articles, 24,198
claims were read for the days built again before, 4,963 now: ``docs/benchmarks.md``, stop 25).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sitrep.reconcile.series import add_reports, claim_order, day_order, figure_points, order_points
from sitrep.reconcile.stage_io import StageIO, sql_in
from sitrep.records.rows import ClaimRow
from sitrep.records.series import Report, SeriesPoint

Figure = tuple[int | None, int | None, int | None]  # value, low, high
Place = tuple[str, int]  # a stored point's (series, idx)

# A claim's place in ``claim_order`` as one string compared in SQL: its date (ISO, fixed
# width; '~' after every date: none last), then its article.
CLAIM_ORDER_KEY = "coalesce(CAST(day AS VARCHAR), '~') || chr(1) || doc"


@dataclass(slots=True)
class DayFigure:
    """A figure of a grown series first dated on a day built again: its claims (``new``:
    those of new articles, of ``new_docs``) and the first and last stored and the first new
    claim in ``claim_order`` as compared in SQL (``CLAIM_ORDER_KEY``; None: no such claim)."""

    series: str
    figure: Figure
    first: date | None
    claims: list[str]
    new: list[str] = field(default_factory=list)
    new_docs: list[str] = field(default_factory=list)
    old_first: str | None = None
    old_last: str | None = None
    new_first: str | None = None

    @property
    def keeps_first(self) -> bool:
        """Stored claims, the first of them first (module docstring)."""
        return self.old_first is not None and (self.new_first is None or self.new_first > self.old_first)

    @property
    def after_stored(self) -> bool:
        """No new claim before the last stored one."""
        return self.new_first is None or (self.old_last is not None and self.new_first > self.old_last)

    def order_key(self) -> tuple[tuple[int, date], int]:
        """Where its point sorts among the day's (``series.order_points``)."""
        value, low, _ = self.figure
        return day_order(self.first), (value if value is not None else low) or 0


@dataclass(slots=True)
class Kept:
    """A figure's stored point, read back with its reports, and each report's first claim's
    (date, article) when new claims go among them (None: after them)."""

    point: SeriesPoint
    keys: list[tuple[tuple[int, date], str]] | None


def _ties(figures: list[DayFigure]) -> bool:
    keys = [f.order_key() for f in figures]
    return len(set(keys)) != len(keys)


class RegrownDays(StageIO):
    """The points of grown series' days built again, from stored points where they can be."""

    def _day_figures(self, wanted: list[tuple[str, date | None]], keys: list[str]) -> dict[str, list[DayFigure]]:
        """The figures of series ``keys`` first dated on the (series, day) of ``wanted``."""
        out: dict[str, list[DayFigure]] = {}
        for r in self._dicts(f"""
                SELECT f.* FROM (
                    SELECT series, value, low, high, min(day) AS first, list(claim) AS claims,
                           list(claim) FILTER (WHERE new) AS new, list(DISTINCT doc) FILTER (WHERE new) AS new_docs,
                           min({CLAIM_ORDER_KEY}) FILTER (WHERE NOT new) AS old_first,
                           max({CLAIM_ORDER_KEY}) FILTER (WHERE NOT new) AS old_last,
                           min({CLAIM_ORDER_KEY}) FILTER (WHERE new) AS new_first
                    FROM (SELECT *, {sql_in('doc')} AS new FROM recon_claims WHERE {sql_in('series')})
                    GROUP BY series, value, low, high) f
                SEMI JOIN (SELECT unnest(CAST(? AS VARCHAR[])) AS s, unnest(CAST(? AS DATE[])) AS d) w
                     ON w.s = f.series AND w.d IS NOT DISTINCT FROM f.first""",
                [self.changed, keys, [k for k, _ in wanted], [d for _, d in wanted]]):
            out.setdefault(r["series"], []).append(DayFigure(
                series=r["series"], figure=(r["value"], r["low"], r["high"]), first=r["first"], claims=r["claims"],
                new=r["new"] or [], new_docs=r["new_docs"] or [], old_first=r["old_first"], old_last=r["old_last"],
                new_first=r["new_first"]))
        return out

    def _regrown(self, figures: dict[str, list[DayFigure]], stored: list[dict[str, Any]],
                 copy_of: dict[str, str]) -> dict[str, list[SeriesPoint]]:
        """The points of the days built again of each series of ``figures`` (``stored``: the
        stored points of those days, rows of ``recon_points``), merged and in order."""
        kept = self._kept_points(figures, stored, set(copy_of) | set(copy_of.values()))
        of_kept = {c: (key, f.figure) for key, figs in figures.items() for f in figs
                   if (key, f.figure) in kept for c in f.new}
        ids = [c for key, figs in figures.items() for f in figs if (key, f.figure) not in kept for c in f.claims]
        new_of: dict[tuple[str, Figure], list[ClaimRow]] = {}
        scoped = []
        for c in self.claims(sql_in("c.id"), [ids + list(of_kept)], mentions=False):
            if c.id in of_kept:
                new_of.setdefault(of_kept[c.id], []).append(c)
            else:
                scoped.append(c)
        built = figure_points(scoped, copy_of=copy_of, scopes=self._scopes(sql_in("claim"), [ids]))
        out: dict[str, list[SeriesPoint]] = {key: list(built[key][1]) if key in built else [] for key in figures}
        for (key, figure), k in kept.items():
            add_reports(k.point, sorted(new_of.get((key, figure), []), key=claim_order), copy_of, k.keys)
            out[key].append(k.point)
        return {key: order_points(points) for key, points in out.items() if points}

    def _kept_points(self, figures: dict[str, list[DayFigure]], stored: list[dict[str, Any]],
                     grouped: set[str]) -> dict[tuple[str, Figure], Kept]:
        """The figures whose point is their stored one (module docstring), with its reports;
        ``grouped``: the articles of every copy group."""
        at = {(r["series"], r["as_of"], r["value"], r["low"], r["high"]): r for r in stored}
        candidates: dict[Place, tuple[DayFigure, dict[str, Any]]] = {}
        for key, figs in figures.items():
            if not _ties(figs):
                for f in figs:
                    row = at.get((key, f.first, *f.figure)) if f.keeps_first else None
                    if row is not None and (f.after_stored or grouped.isdisjoint(f.new_docs)):
                        candidates[(key, row["idx"])] = (f, row)
        reports, keys, alone = self._stored_reports(candidates)
        alone = {place for place in alone if len(reports.get(place, [])) == candidates[place][1]["n_reports"]}
        copied = [(place, j) for place in sorted(alone) if not candidates[place][0].after_stored
                  for j, r in enumerate(reports[place]) if r.copies]
        firsts = self._first_claims(copied)
        for place, j in copied:
            if (place, j) in firsts:
                keys[place][j] = firsts[(place, j)]
            else:  # never: a report's claims are stored
                alone.discard(place)
        return {(place[0], candidates[place][0].figure): Kept(
            self._point(candidates[place][1], reports[place]),
            None if candidates[place][0].after_stored else keys[place]) for place in sorted(alone)}

    def _first_claims(self, reports: list[tuple[Place, int]]) -> dict[tuple[Place, int], tuple[tuple[int, date], str]]:
        """The (date, article) of the first claim of each report (its point's place, its
        index) of its figure among those of its article and its copies."""
        if not reports:
            return {}
        key = "coalesce(CAST(c.day AS VARCHAR), '~') || chr(1) || c.doc"  # CLAIM_ORDER_KEY of ``c``
        return {((r["series"], r["point"]), r["idx"]): (day_order(r["day"]), r["doc"]) for r in self._dicts(f"""
            WITH w AS (SELECT unnest(CAST(? AS VARCHAR[])) AS s, unnest(CAST(? AS INTEGER[])) AS i,
                              unnest(CAST(? AS INTEGER[])) AS j),
            d AS (SELECT r.series, r.point, r.idx,
                         unnest(list_prepend(r.doc, coalesce(r.copies, CAST([] AS VARCHAR[])))) AS doc
                  FROM recon_reports r SEMI JOIN w ON w.s = r.series AND w.i = r.point AND w.j = r.idx)
            SELECT d.series, d.point, d.idx, arg_min(c.day, {key}) AS day, arg_min(c.doc, {key}) AS doc
            FROM d JOIN recon_points p ON p.series = d.series AND p.idx = d.point
            JOIN recon_claims c ON c.series = d.series AND c.doc = d.doc AND c.value IS NOT DISTINCT FROM p.value
                 AND c.low IS NOT DISTINCT FROM p.low AND c.high IS NOT DISTINCT FROM p.high
            GROUP BY d.series, d.point, d.idx""",
            [[p[0] for p, _ in reports], [p[1] for p, _ in reports], [j for _, j in reports]])}

    def _stored_reports(self, candidates: dict[Place, tuple[DayFigure, dict[str, Any]]]) -> tuple[
            dict[Place, list[Report]], dict[Place, list[tuple[tuple[int, date], str]]], set[Place]]:
        """The reports of the stored points ``candidates``, each one's claim's (date,
        article), and the points whose reports are all of their own figure."""
        reports: dict[Place, list[Report]] = {}
        keys: dict[Place, list[tuple[tuple[int, date], str]]] = {}
        alone = set(candidates)
        if not candidates:
            return reports, keys, alone
        for r in self._dicts("""
                SELECT r.series, r.point, r.doc, r.outlet, r.published, r.claim_id, r.sentence, r.value, r.qualifier,
                       r.copies, c.value AS claim_value, c.low AS claim_low, c.high AS claim_high, c.day AS claim_day
                FROM recon_reports r LEFT JOIN recon_claims c ON c.claim = r.claim_id
                SEMI JOIN (SELECT unnest(CAST(? AS VARCHAR[])) AS s, unnest(CAST(? AS INTEGER[])) AS i) f
                     ON f.s = r.series AND f.i = r.point
                ORDER BY r.series, r.point, r.idx""", [[k for k, _ in candidates], [i for _, i in candidates]]):
            place = (r["series"], r["point"])
            if (r["claim_value"], r["claim_low"], r["claim_high"]) != candidates[place][0].figure:
                alone.discard(place)  # merged with another figure of its day
            reports.setdefault(place, []).append(Report(
                doc=r["doc"], outlet=r["outlet"], published=r["published"], claim_id=r["claim_id"],
                sentence=r["sentence"], value=r["value"], qualifier=r["qualifier"], copies=list(r["copies"] or [])))
            keys.setdefault(place, []).append((day_order(r["claim_day"]), r["doc"]))
        return reports, keys, alone

    @staticmethod
    def _point(row: dict[str, Any], reports: list[Report]) -> SeriesPoint:
        return SeriesPoint(row["as_of"], row["value"], row["low"], row["high"], row["qualifier"], reports)
