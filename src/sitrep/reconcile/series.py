"""Figure time series per claimant, and UCDP-style low/best/high estimates.

A series is every figure one claimant gave for one quantity, category,
subgroup and scope (``scope.scope_of``), ordered by date (``as_of``, else the
article's publication date). Unattributed figures form one series per outlet:
two outlets that give no source are not one claimant.

Points: one per distinct figure. The same figure repeated by several outlets
or articles is one point with several reports (its date is the first report's);
a wire copy (``copy_of``: copy doc id -> canonical doc id) is listed under the
report of its canonical article, so copies count once. Two figures of one
claimant on the same day that agree within ``compare.tolerance`` ("over 600"
and "at least 602") are one point, holding the larger figure.

Estimates (``estimates``): per quantity, category, subgroup and scope, on
each date a figure was given, low/best/high from each claimant's latest
figure; the rule is ``estimate.best_rule`` in ``data/reconcile.json`` and is
carried by every estimate.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Mapping
from datetime import date, timedelta

from sitrep.reconcile.scope import agree, is_independent, is_partisan, point_range, rules, scope_of
from sitrep.records.rows import ClaimRow
from sitrep.records.series import UNATTRIBUTED, Estimate, Report, Scope, Series, SeriesPoint


def partisan(series: Series) -> bool:
    """A belligerent's count of the other side's losses (``scope.is_partisan``)."""
    return is_partisan(series.claimant_kind, series.category)


def claim_date(claim: ClaimRow) -> date | None:
    return claim.as_of or claim.published


def series_key(claim: ClaimRow, scope: Scope, copy_of: Mapping[str, str] = {}) -> str:
    who = claim.source or f"{UNATTRIBUTED}:{claim.outlet or copy_of.get(claim.doc, claim.doc)}"
    return "/".join((claim.quantity, claim.category, claim.subgroup or "-", who, scope.key))


def _figure(claim: ClaimRow) -> tuple[int | None, int | None, int | None]:
    return claim.value, claim.low, claim.high


def _add_report(point: SeriesPoint, claim: ClaimRow, copy_of: Mapping[str, str],
                by_canonical: dict[str, Report] | None = None) -> None:
    """The claim as a report of ``point``, or as a copy of the report of its canonical
    article. ``by_canonical``: the point's reports by canonical article (a point's reports
    have distinct canonical articles), kept up to date here; without it they are searched."""
    canonical = copy_of.get(claim.doc, claim.doc)
    if by_canonical is None:
        found = next((r for r in point.reports if copy_of.get(r.doc, r.doc) == canonical), None)
    else:
        found = by_canonical.get(canonical)
    if found is not None:
        if found.doc == claim.doc or claim.doc in found.copies:
            return
        if claim.doc == canonical:  # the original arrived after a copy: it leads
            found.copies.append(found.doc)
            found.doc, found.outlet, found.published = claim.doc, claim.outlet, claim.published
            found.claim_id, found.sentence = claim.id, claim.sentence
        else:
            found.copies.append(claim.doc)
        return
    report = Report(claim.doc, claim.outlet, claim.published, claim.id, claim.sentence,
                    claim.value, claim.qualifier)
    point.reports.append(report)
    if by_canonical is not None:
        by_canonical[canonical] = report


def _sort_key(d: date | None) -> tuple[int, date]:
    return (1, date.max) if d is None else (0, d)


def _merge_same_day(points: list[SeriesPoint]) -> list[SeriesPoint]:
    """One point per day for figures that agree ('over 600' and 'at least 602')."""
    merged: list[SeriesPoint] = []
    by_day: dict[date | None, list[SeriesPoint]] = {}
    for point in points:
        twin = next((m for m in by_day.get(point.as_of, ()) if agree(point_range(m), point_range(point))
                     and point_range(m) is not None and point_range(point) is not None), None)
        if twin is None:
            merged.append(point)
            by_day.setdefault(point.as_of, []).append(point)
            continue
        if (point.figure or 0) > (twin.figure or 0):  # keep the larger figure
            twin.value, twin.low, twin.high, twin.qualifier = point.value, point.low, point.high, point.qualifier
        twin.reports.extend(point.reports)
    return merged


def build_series(claims: Iterable[ClaimRow], *, copy_of: Mapping[str, str] = {},
                 scopes: Mapping[str, Scope] | None = None) -> list[Series]:
    """Claims grouped into series (rule in the module docstring), largest series first.

    ``scopes``: claim id -> its scope, already worked out (the reconcile stage keeps them
    stored); a claim missing from it gets ``scope_of``.
    """
    by_key: dict[str, Series] = {}
    points: dict[str, dict[tuple[int | None, int | None, int | None], SeriesPoint]] = {}
    reports: dict[int, dict[str, Report]] = {}  # id(point) -> its reports by canonical article
    ordered = sorted(claims, key=lambda c: (_sort_key(claim_date(c)), c.doc, c.start))
    for claim in ordered:
        scope = scopes.get(claim.id) if scopes is not None else None
        if scope is None:
            scope = scope_of(claim)
        key = series_key(claim, scope, copy_of)
        if key not in by_key:
            by_key[key] = Series(
                key, claim.source, claim.source_kind if claim.source else "unknown",
                claim.quantity, claim.category, claim.subgroup, scope,
                outlet=None if claim.source else (claim.outlet or claim.doc),
            )
            points[key] = {}
        figure = _figure(claim)
        point = points[key].get(figure)
        if point is None:
            point = points[key][figure] = SeriesPoint(claim_date(claim), *figure, claim.qualifier)
        _add_report(point, claim, copy_of, reports.setdefault(id(point), {}))
    for key, series in by_key.items():
        pts = sorted(points[key].values(), key=lambda p: (_sort_key(p.as_of), p.figure or 0))
        series.points = _merge_same_day(pts)
    return sorted(by_key.values(), key=lambda s: (-len(s.points), s.key))


# --- estimates -------------------------------------------------------------------------

def estimates_on(group: list[Series], days: Iterable[date]) -> list[Estimate]:
    """The estimates of ``group`` on each of ``days``, in one pass: each day looks only at
    the series with a figure in its window (``max_age_days`` back), found by bisection in
    the group's dates, not at every series of the group."""
    cfg = rules()["estimate"]
    max_age = timedelta(days=cfg["max_age_days"])
    kind_rank = {k: i for i, k in enumerate(cfg["best_kind_order"])}
    # A series is made a member when a window first holds one of its points: a group's
    # series with no point read (the reconcile stage reads a group's recent points only) never is.
    members: dict[int, _Member] = {}
    dated = sorted((p.as_of, i) for i, s in enumerate(group) for p in s.points if p.as_of is not None)
    at = [d for d, _ in dated]
    held_by = [i for _, i in dated]  # the series of each dated point, in date order
    first = group[0]
    scope_text = first.scope.describe()
    out = []
    for day in days:  # 127,690 (day, series) readings for 3,801 days at 10,000 + 100 articles: kept plain
        chosen = []
        for i in sorted(set(held_by[bisect.bisect_left(at, day - max_age):bisect.bisect_right(at, day)])):
            m = members.get(i)
            if m is None:
                m = members[i] = _Member(group[i], kind_rank)
            reading = m.latest(day)
            if reading is not None:
                chosen.append(reading)
        out.append(_estimate(first, day, chosen, cfg["best_rule"], scope_text))
    return out


class _Reading:
    """What an estimate reads of one point of a member (``_Member.latest``), worked out once
    for every day whose window holds it."""

    __slots__ = ("low", "high", "source", "best", "name", "point")

    def __init__(self, m: _Member, p: SeriesPoint, lo: float, hi: float) -> None:
        self.name, self.point = m.name, p  # not the member: it holds its readings (no cycle)
        self.low = None if m.partisan else (p.low if p.low is not None else lo)
        self.high = p.high if p.high is not None else (p.value if p.value is not None else hi)
        self.source = f"{m.name}: {p.text()} ({p.as_of:%Y-%m-%d})"
        self.best = (p.as_of, m.best_rank) if m.best_rank is not None and p.figure is not None else None


class _Member:
    """A series of an estimate group with what each day's estimate reads of it, worked out once."""

    __slots__ = ("series", "points", "dates", "partisan", "best_rank", "name", "readings")

    def __init__(self, s: Series, kind_rank: dict[str, int]) -> None:
        self.series, self.points, self.name = s, s.points, s.name
        self.dates = [p.as_of for p in s.points if p.as_of is not None]  # dated points come first
        self.partisan = partisan(s)
        # Only an independent claimant's figure, never a belligerent's count of enemy losses, is a best.
        self.best_rank = -kind_rank.get(s.claimant_kind, len(kind_rank)) \
            if is_independent(s.claimant_kind) and not self.partisan else None
        self.readings: dict[int, _Reading | None] = {}

    def latest(self, day: date) -> _Reading | None:
        """What is read of the last point on or before ``day`` (the window was checked by
        the caller); None when there is none, or it has no range."""
        i = bisect.bisect_right(self.dates, day) - 1
        if i < 0:
            return None
        if i not in self.readings:
            p = self.points[i]
            found = point_range(p)
            self.readings[i] = None if found is None else _Reading(self, p, *found)
        return self.readings[i]


def _estimate(first: Series, day: date, chosen: list[_Reading], rule: str, scope_text: str) -> Estimate:
    lows = [r.low for r in chosen if r.low is not None]
    highs = [r.high for r in chosen]
    best: _Reading | None = None
    for r in chosen:
        if r.best is not None and (best is None or r.best > best.best):  # type: ignore[operator]
            best = r
    return Estimate(
        quantity=first.quantity, category=first.category, as_of=day,
        low=int(min(lows)) if lows else None,
        best=best.point.figure if best else None,
        high=int(max(highs)) if highs else None,
        best_rule=rule, best_source=best.name if best else None,
        sources=[r.source for r in chosen], subgroup=first.subgroup, scope=first.scope.key,
        scope_text=scope_text,
    )


def estimates(claims: Iterable[ClaimRow], *, copy_of: Mapping[str, str] = {},
              series: Iterable[Series] | None = None) -> list[Estimate]:
    """Low/best/high per quantity, category, subgroup, scope and date (module docstring).

    Pass ``series`` (from ``build_series``) to reuse them; ``claims`` is then ignored.
    """
    groups: dict[tuple[str, str, str, str], list[Series]] = {}
    for s in series if series is not None else build_series(claims, copy_of=copy_of):
        groups.setdefault((s.quantity, s.category, s.subgroup or "", s.scope.key), []).append(s)
    out: list[Estimate] = []
    for key in sorted(groups):
        group = groups[key]
        days = sorted({p.as_of for s in group for p in s.points if p.as_of is not None})
        out.extend(estimates_on(group, days))
    return out
