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
``build_series``, so the same merge); every other point is kept as stored, read back
without its reports (``StoredPoint``). The result equals a build from all the claims
(``tests/test_reconcile_gain.py``); any other series is built from all its claims.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sitrep.reconcile.series import build_series
from sitrep.reconcile.stage_io import StageIO, sql_in
from sitrep.records.series import Scope, Series, StoredPoint
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
    reconciled (``old``) and of the new ones, and their ids."""

    n_old: int
    old_first: date | None
    n_new: int
    new_first: date | None
    claims: list[str] = field(default_factory=list)

    def first(self) -> Day:
        days = ([day_of(self.old_first)] if self.n_old else []) + ([day_of(self.new_first)] if self.n_new else [])
        return min(days)


def days_to_rebuild(figures: Iterable[FigureSpan], stored_days: Sequence[Day]) -> set[Day] | None:
    """The days of a series built again (module docstring), or None when a new claim may
    be the series' first (then it is built from all its claims). ``stored_days``: the
    days of its stored points, sorted."""
    figures = list(figures)
    old = [day_of(f.old_first) for f in figures if f.n_old]
    new = [day_of(f.new_first) for f in figures if f.n_new]
    if not old or (new and min(new) <= min(old)):  # ties are broken by article: not worth following
        return None
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


class SeriesGain(StageIO):
    """Series of one run built from all their claims, or from their stored points and
    the claims of the days that changed when they only gained claims."""

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

    def build(self, keys: list[str], gained: set[str], kept: dict[str, list[dict[str, Any]]],
              copy_of: dict[str, str]) -> list[Series]:
        """The series ``keys`` built again, largest first. ``gained``: those that only gained
        claims; ``kept``: the stored points of each (rows holding ``KEPT_COLUMNS``), in order."""
        plans = self._plans(sorted(gained), kept)
        whole = [k for k in keys if k not in plans]
        built = []
        if whole:
            claims = self.claims(f"c.id IN (SELECT claim FROM recon_claims WHERE {sql_in('series')})", [whole],
                                 mentions=False)
            built = build_series(claims, copy_of=copy_of, scopes=self._scopes(sql_in("series"), [whole]))
        if plans:
            built += self._grown(plans, kept, copy_of)
        return sorted(built, key=lambda s: (-len(s.points), s.key))

    def _plans(self, gained: list[str], kept: dict[str, list[dict[str, Any]]]) -> dict[str, tuple[set[Day], list[str]]]:
        """For each series of ``gained`` that can be built from its stored points: the days
        built again and the claims read for them."""
        if not gained:
            return {}
        figures: dict[str, list[FigureSpan]] = {}
        for r in self._dicts(f"""
                SELECT series, count(*) FILTER (WHERE NOT new) AS n_old, min(day) FILTER (WHERE NOT new) AS old_first,
                       count(*) FILTER (WHERE new) AS n_new, min(day) FILTER (WHERE new) AS new_first,
                       list(claim) AS claims
                FROM (SELECT r.series, r.claim, c.value, c.low, c.high, coalesce(c.as_of, a.published) AS day,
                             r.doc IN (SELECT unnest(CAST(? AS VARCHAR[]))) AS new
                      FROM recon_claims r JOIN claims c ON c.id = r.claim LEFT JOIN articles a ON a.id = c.doc
                      WHERE {sql_in('r.series')})
                GROUP BY series, value, low, high""", [self.changed, gained]):
            figures.setdefault(r["series"], []).append(FigureSpan(n_old=r["n_old"], old_first=r["old_first"],
                                                                  n_new=r["n_new"], new_first=r["new_first"],
                                                                  claims=r["claims"]))
        plans = {}
        for key, spans in figures.items():
            stored = kept.get(key, [])
            hashes = [p["row_hash"] for p in stored]
            if None in hashes or len(set(hashes)) < len(hashes):  # not every point can be kept by its digest
                continue
            days = days_to_rebuild(spans, sorted({day_of(p["as_of"]) for p in stored}))
            if days is not None:
                plans[key] = (days, [c for f in spans if f.first() in days for c in f.claims])
        return plans

    def _grown(self, plans: dict[str, tuple[set[Day], list[str]]], kept: dict[str, list[dict[str, Any]]],
               copy_of: dict[str, str]) -> list[Series]:
        """The series of ``plans``: their stored points but on the days built again, whose
        points come from all the claims of the figures dated there."""
        ids = [c for _, claims in plans.values() for c in claims]
        fresh = {s.key: s for s in build_series(self.claims(sql_in("c.id"), [ids], mentions=False), copy_of=copy_of,
                                                scopes=self._scopes(sql_in("claim"), [ids]))}
        out = []
        for row in self._dicts(f"SELECT * FROM recon_series WHERE {sql_in('key')}", [sorted(plans)]):
            s = recon.series_of_row(row)
            days = plans[s.key][0]
            points = [StoredPoint(**{name: p[name] for name in KEPT_COLUMNS}) for p in kept[s.key]
                      if day_of(p["as_of"]) not in days]
            points += fresh[s.key].points if s.key in fresh else []
            s.points = sorted(points, key=lambda p: day_of(p.as_of))  # stable: a day's points keep their order
            out.append(s)
        return out
