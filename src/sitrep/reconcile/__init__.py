"""Across sources: wire copies, figure series and estimates, contradictions, stories, framing.

The reconcile stage (``stage.reconcile``) runs after extraction: it computes this layer
incrementally and stores it in the database (tables ``recon_*``), and every reader (the
CLI, exports, the report, the web app, alerts) reads the stored results through the
store (``Store.series()``, ``Store.contradictions()``, ...). ``stage.compute`` computes
the same from scratch in memory.
"""

from __future__ import annotations

from .stage import (
    DEFAULT_WINDOW_DAYS, Computed, ReconcileStale, Reconciled, compute, contradictions_for_window,
    ensure_reconciled, fingerprint, reconcile, stale_reason,
)

__all__ = ["DEFAULT_WINDOW_DAYS", "Computed", "ReconcileStale", "Reconciled", "compute",
           "contradictions_for_window", "ensure_reconciled", "fingerprint", "reconcile", "stale_reason"]
