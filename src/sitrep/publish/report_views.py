"""The stored cross-source results as the report shows them, shared with the web app's
overview: the current estimates (``sitrep.records.series.Estimate``, as the reconcile stage
stored them). The charts draw ``Series`` themselves (``report_charts``)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from sitrep.records.series import Estimate
from sitrep.records import CATEGORIES, QUANTITIES
from sitrep.store import Store


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
