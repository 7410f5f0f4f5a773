"""The reconcile stage's series that only gained claims: built from their stored points and
the claims of the few days the new claims reach, not from all their claims.

A series (``series.build_series``) groups its claims by figure; a figure's point is dated
by its first claim and holds the reports of all its claims; the points of one day that
agree are then merged, and nothing else crosses days but each point's ``change`` from the
point before it. So when a series only gained claims (none of its claims went, changed or
moved to another copy group) and its first claim stays the first (the series' claimant
kind, outlet and scope text are that claim's), only these days change:

- the days of the points of a figure that gained a claim, before and after (a figure
  reported earlier than before moves to that day);
- the stored day just before and just after each of those: a point next to a changed one
  may hold another ``change`` (its row is written again) or make a new update pair with it
  (``stage_contradictions`` shows both points with their reports).

Those days are built again from all the claims of the figures dated there (the same
``build_series``, so the same merge); every other point is kept as stored and never read:
its row and reports stay, moved in SQL by the points gained or lost before it
(``stage_window``). Which days a series has, and how many points each, is read grouped in
SQL; only the points of the days built again and the kept point on either side of each run
of them (read back without their reports, ``StoredPoint``) pass through Python. The stored
rows equal a build from all the claims (``tests/test_reconcile_gain.py``); any other
series is built from all its claims.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sitrep.reconcile.series import build_series
from sitrep.reconcile.stage_io import sql_in
from sitrep.reconcile.stage_touch import PointTouches
from sitrep.reconcile.stage_window import Layout, layout
from sitrep.records.series import Scope, Series, SeriesPoint, StoredPoint
from sitrep.store import reconciled as recon

Day = tuple[int, date]  # a date as points are ordered: no date last (``series._sort_key``)
NO_DAY: Day = (1, date.max)

# What a stored point is kept from (``StoredPoint``): these columns of its ``recon_points``
# row, read by the stage with the rest of the recomputed series' points (``old_points``).
KEPT_COLUMNS = ("as_of", "value", "low", "high", "qualifier", "row_hash", "fingerprint", "bucket", "n_reports")


def day_of(d: date | None) -> Day:
    return NO_DAY if d is None else (0, d)


@dataclass(slots=True)
class FigureSpan:
    """The claims of one figure of a series: how many and the first date of those already
    reconciled (``old``) and of the new ones."""

    n_old: int
    old_first: date | None
    n_new: int
    new_first: date | None
    figure: tuple[int | None, int | None, int | None] | None = None  # value, low, high (None: the series' first claim)

    def stays(self) -> bool:
        """A stored figure that gained claims none dated before its first: its point may be
        updated in place (``stage_touch``)."""
        return bool(self.n_old and self.n_new) and day_of(self.new_first) >= day_of(self.old_first)

    def first(self) -> Day:
        days = ([day_of(self.old_first)] if self.n_old else []) + ([day_of(self.new_first)] if self.n_new else [])
        return min(days)


def days_to_rebuild(figures: Iterable[FigureSpan], stored_days: Sequence[Day],
                    in_place: Iterable[tuple] = ()) -> set[Day] | None:
    """The days of a series built again (module docstring), or None when a new claim may
    be the series' first (then it is built from all its claims). ``stored_days``: the
    days of its stored points, sorted; ``in_place``: figures whose points are updated in
    place (``stage_touch``), whose days change no point but theirs."""
    figures = list(figures)
    old = [day_of(f.old_first) for f in figures if f.n_old]
    new = [day_of(f.new_first) for f in figures if f.n_new]
    if not old or (new and min(new) <= min(old)):  # ties are broken by article: not worth following
        return None
    touched = set(in_place)
    figures = [f for f in figures if f.figure is None or f.figure not in touched]
    changed = {day_of(f.old_first) for f in figures if f.n_new and f.n_old} | {f.first() for f in figures if f.n_new}
    days = set(changed)
    for day in changed:
        at = bisect.bisect_left(stored_days, day)
        if at > 0:
            days.add(stored_days[at - 1])
        after = bisect.bisect_right(stored_days, day)
        if after < len(stored_days):
            days.add(stored_days[after])
    return days


@dataclass(slots=True)
class Plan:
    """How a grown series is built in part: the days built again, the claims read for them
    (all those of the figures dated there) and its stored points per day, in order."""

    days: set[Day]
    claims: list[str]
    stored: list[tuple[Day, int]]

    def old_places(self) -> list[tuple[int, int]]:
        """(first, count) of the stored points on the days built again."""
        out, at = [], 0
        for day, n in self.stored:
            if day in self.days:
                out.append((at, n))
            at += n
        return out


@dataclass(slots=True)
class Window:
    """A grown series' points that pass through the stage (``stage_window``): each segment's
    points built again, with the kept point on either side (``StoredPoint``) in ``series``,
    each point's place in the whole series, and which were built again."""

    series: Series
    layout: Layout
    places: list[int] = field(default_factory=list)
    fresh: list[bool] = field(default_factory=list)
    spans: list[tuple[int, int]] = field(default_factory=list)  # each segment's slice of ``series.points``

    def add(self, point: SeriesPoint, place: int, fresh: bool) -> None:
        self.series.points.append(point)
        self.places.append(place)
        self.fresh.append(fresh)


class SeriesGain(PointTouches):
    """Series of one run built from all their claims, or in part from the claims of the days
    that changed when they only gained claims."""

    def _scopes(self, where: str, params: Sequence[Any]) -> dict[str, Scope]:
        """The stored scopes of claims: one ``Scope`` (frozen) for all claims of equal scope,
        grouped in SQL (a few hundred scopes for tens of thousands of claims)."""
        out: dict[str, Scope] = {}
        for row in self._dicts("SELECT list(claim) AS claims, era, region, region_text, period, incident, period_start "
                               f"FROM recon_claims WHERE {where} "
                               "GROUP BY era, region, region_text, period, incident, period_start", params):
            scope = Scope(era=row["era"], region=row["region"], region_text=row["region_text"], period=row["period"],
                          incident=row["incident"], period_start=row["period_start"])
            out.update(dict.fromkeys(row["claims"], scope))
        return out

    def build(self, keys: list[str], copy_of: dict[str, str]) -> list[Series]:
        """The series ``keys`` built from all their claims."""
        if not keys:
            return []
        claims = self.claims(f"c.id IN (SELECT claim FROM recon_claims WHERE {sql_in('series')})", [keys],
                             mentions=False)
        return build_series(claims, copy_of=copy_of, scopes=self._scopes(sql_in("series"), [keys]))

    def _plans(self, gained: list[str]) -> dict[str, Plan]:
        """For each series of ``gained`` that can be built in part: the days built again, the
        claims read for them and its stored points per day. Read from ``recon_claims`` (each
        claim's figure and date) and grouped in SQL: the figures a new claim adds to, and the
        claims of the figures first dated on the days built again, not every claim."""
        if not gained:
            return {}
        figures: dict[str, list[FigureSpan]] = {}
        for r in self._dicts(f"""
                WITH c AS (SELECT series, claim, day, value, low, high,
                                  doc IN (SELECT unnest(CAST(? AS VARCHAR[]))) AS new
                           FROM recon_claims WHERE {sql_in('series')}),
                f AS (SELECT series, count(*) FILTER (WHERE NOT new) AS n_old, min(day) FILTER (WHERE NOT new) AS old_first,
                             count(*) FILTER (WHERE new) AS n_new, min(day) FILTER (WHERE new) AS new_first,
                             value, low, high, true AS figured
                      FROM c GROUP BY series, value, low, high HAVING count(*) FILTER (WHERE new) > 0),
                -- the series' first stored claim, which a new one must not come before
                s AS (SELECT series, count(*) AS n_old, min(day) AS old_first, 0 AS n_new, NULL AS new_first,
                             NULL AS value, NULL AS low, NULL AS high, false AS figured
                      FROM c WHERE NOT new GROUP BY series)
                SELECT * FROM f UNION ALL SELECT * FROM s""", [self.changed, gained]):
            figures.setdefault(r["series"], []).append(FigureSpan(
                n_old=r["n_old"], old_first=r["old_first"], n_new=r["n_new"], new_first=r["new_first"],
                figure=(r["value"], r["low"], r["high"]) if r["figured"] else None))
        stored_days = self._stored_days(gained)
        staying = {key: {f.figure: f.old_first for f in figures.get(key, []) if f.stays()} for key in stored_days}
        touchable = self._touchable({key: list(figs.items()) for key, figs in staying.items()}, self.copy_of)
        days: dict[str, tuple[set[Day], list[tuple[Day, int]]]] = {}
        self.touches = {}
        for key, stored in stored_days.items():
            found = days_to_rebuild(figures.get(key, []), [day for day, _ in stored],
                                    {fig for t in touchable.get(key, ()) for fig in t.figures})
            if found is None:
                continue
            days[key] = (found, stored)
            # A point on a day built again anyway (another figure's, or next to one) is built there.
            touches = [t for t in touchable.get(key, ()) if day_of(t.day) not in found]
            if touches:
                self.touches[key] = touches
        claims = self._claims_on(days)
        return {key: Plan(found, claims.get(key, []), stored) for key, (found, stored) in days.items()}

    def _claims_on(self, days: dict[str, tuple[set[Day], Any]]) -> dict[str, list[str]]:
        """The claims of the figures of each series first dated on its days built again."""
        wanted = [(key, None if day == NO_DAY else day[1]) for key, (found, _) in days.items() for day in found]
        if not wanted:
            return {}
        out: dict[str, list[str]] = {}
        for r in self._dicts("""
                SELECT f.series, f.claims FROM (
                    SELECT series, min(day) AS first, list(claim) AS claims FROM recon_claims
                    WHERE series IN (SELECT unnest(CAST(? AS VARCHAR[]))) GROUP BY series, value, low, high) f
                SEMI JOIN (SELECT unnest(CAST(? AS VARCHAR[])) AS s, unnest(CAST(? AS DATE[])) AS d) w
                     ON w.s = f.series AND w.d IS NOT DISTINCT FROM f.first""",
                [sorted(days), [k for k, _ in wanted], [d for _, d in wanted]]):
            out.setdefault(r["series"], []).extend(r["claims"])
        return out

    def _stored_days(self, keys: list[str]) -> dict[str, list[tuple[Day, int]]]:
        """The stored points per day of each series of ``keys`` whose every point can be kept
        by its digest (one distinct digest each), in order."""
        return {r["series"]: [(day_of(d), n) for d, n in zip(r["days"], r["counts"])] for r in self._dicts(f"""
            WITH p AS (SELECT series, as_of, row_hash FROM recon_points WHERE {sql_in('series')}),
            whole AS (SELECT series FROM p GROUP BY series
                      HAVING count(row_hash) = count(*) AND count(DISTINCT row_hash) = count(*)),
            d AS (SELECT series, as_of, count(*) AS n FROM p SEMI JOIN whole w ON w.series = p.series
                  GROUP BY series, as_of)
            SELECT series, list(as_of ORDER BY as_of NULLS LAST) AS days, list(n ORDER BY as_of NULLS LAST) AS counts
            FROM d GROUP BY series""", [keys])}

    def _windows(self, plans: dict[str, Plan], copy_of: dict[str, str]) -> dict[str, Window]:
        """The series of ``plans`` in part: the points of the days built again, from all the
        claims of the figures dated there, and the kept point on either side of each run of
        them (``stage_window``)."""
        if not plans:
            return {}
        ids = [c for plan in plans.values() for c in plan.claims]
        fresh = {s.key: s for s in build_series(self.claims(sql_in("c.id"), [ids], mentions=False), copy_of=copy_of,
                                                scopes=self._scopes(sql_in("claim"), [ids]))}
        out: dict[str, Window] = {}
        for row in self._dicts(f"SELECT * FROM recon_series WHERE {sql_in('key')}", [sorted(plans)]):
            s = recon.series_of_row(row)
            points = fresh[s.key].points if s.key in fresh else []
            out[s.key] = Window(s, layout(plans[s.key].stored, plans[s.key].days, [day_of(p.as_of) for p in points]))
            s.points = points  # for now: the segments are put together once their neighbours are read
        beside = self._beside(out)
        for key, w in out.items():
            built, w.series.points, taken = w.series.points, [], 0
            for seg in w.layout.segments:
                begin = len(w.series.points)
                if seg.before is not None:
                    w.add(beside[(key, seg.before[0])], seg.before[1], False)
                for i, point in enumerate(built[taken:taken + seg.new_count]):
                    w.add(point, seg.new_first + i, True)
                taken += seg.new_count
                if seg.after is not None:
                    w.add(beside[(key, seg.after[0])], seg.after[1], False)
                w.spans.append((begin, len(w.series.points)))
        return out

    def _beside(self, windows: dict[str, Window]) -> dict[tuple[str, int], StoredPoint]:
        """The kept points on either side of the windows' segments, by (series, old place),
        read back without their reports."""
        places = sorted({(key, at[0]) for key, w in windows.items() for seg in w.layout.segments
                         for at in (seg.before, seg.after) if at is not None})
        if not places:
            return {}
        return {(r["series"], r["idx"]): StoredPoint(**{name: r[name] for name in KEPT_COLUMNS}) for r in self._dicts(
            f"""SELECT series, idx, {', '.join(KEPT_COLUMNS)} FROM recon_points p
                SEMI JOIN (SELECT unnest(CAST(? AS VARCHAR[])) AS s, unnest(CAST(? AS INTEGER[])) AS i) f
                     ON f.s = p.series AND f.i = p.idx""", [[k for k, _ in places], [i for _, i in places]])}
