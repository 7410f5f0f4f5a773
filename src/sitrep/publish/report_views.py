"""The stored cross-source results as the report shows them, shared with the web app's
overview: the current estimates (``sitrep.records.series.Estimate``, as the reconcile stage
stored them) and the series drawn in the charts (``SeriesView``)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sitrep.records.series import Estimate, Series
from sitrep.records import CATEGORIES, QUANTITIES
from sitrep.store import Store


@dataclass(slots=True)
class SeriesView:
    """A series as a chart draws it: its dated points as (date, figure, claim id of the first
    report), in order, under a label that names an unattributed series by its outlet. Only
    the charts need this shape; exports and pages read ``Series`` itself."""

    quantity: str
    category: str
    claimant: str
    points: list[tuple[date, int, str]]  # (date, value, claim id of its first report)
    scope: str = "current"  # the scope key: only series of one scope are comparable
    scope_text: str = ""

    @classmethod
    def of(cls, s: Series) -> SeriesView:
        points = []
        for p in s.points:
            value = p.value if p.value is not None else p.low
            if p.as_of is not None and value is not None and p.reports:
                points.append((p.as_of, int(value), p.reports[0].claim_id))
        label = s.claimant or f"unattributed, {s.outlet or 'unknown outlet'}"
        if s.subgroup:
            label += f" ({s.subgroup})"
        return cls(s.quantity, s.category, label, sorted(points), s.scope.key, s.scope.describe())


def latest_estimates(items: Sequence[Estimate]) -> list[Estimate]:
    """The latest estimate per quantity, category, subgroup and scope (estimates come per date)."""
    latest: dict[tuple[str, str, str, str], Estimate] = {}
    for e in items:
        seen = latest.get(e.key)
        if seen is None or (e.as_of or date.min) >= (seen.as_of or date.min):
            latest[e.key] = e
    return list(latest.values())


def _estimate_order(e: Estimate) -> tuple:
    q = QUANTITIES.index(e.quantity) if e.quantity in QUANTITIES else len(QUANTITIES)
    c = CATEGORIES.index(e.category) if e.category in CATEGORIES else len(CATEGORIES)
    return (e.scope != "current", e.subgroup is not None, q, c, -(e.best or 0))


def current_estimates(store: Store) -> list[Estimate]:
    """The latest estimate of each group (``latest_estimates``, read so from the store), in
    headline order, history ("since 2011", "in 1982") left out: it enters no current
    estimate or headline card."""
    latest = sorted(store.latest_estimates(), key=_estimate_order)
    return [e for e in latest if not e.scope.startswith("historical")]
