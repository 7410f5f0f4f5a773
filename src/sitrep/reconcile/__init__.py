"""Across sources: wire copies, figure series and estimates, contradictions, stories, framing.

``reconcile(store)`` runs the stages in their order (copies first, so that syndicated
copies count once everywhere) and returns typed results; the CLI, the report and the web
app all read from it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .contradictions import Contradiction, find_contradictions
from .copies import CopyGroup, copy_map, find_copies
from .series import Estimate, Series, build_series, estimates


@dataclass
class Reconciled:
    copies: list[CopyGroup] = field(default_factory=list)
    copy_of: dict[str, str] = field(default_factory=dict)
    series: list[Series] = field(default_factory=list)
    estimates: list[Estimate] = field(default_factory=list)
    contradictions: list[Contradiction] = field(default_factory=list)


def reconcile(store, *, window_days: int = 7, with_contradictions: bool = True) -> Reconciled:
    """Copies, series, estimates and (optionally) contradictions of everything in ``store``."""
    out = Reconciled()
    out.copies = find_copies(store)  # reads the stored MinHash signatures, not the texts
    out.copy_of = copy_map(out.copies)
    out.series = build_series(store.iter_claims(), copy_of=out.copy_of)
    out.estimates = estimates([], series=out.series)
    if with_contradictions:
        out.contradictions = find_contradictions([], store.events(), copy_of=out.copy_of,
                                                 series=out.series, window_days=window_days)
    return out


__all__ = ["Reconciled", "reconcile"]
