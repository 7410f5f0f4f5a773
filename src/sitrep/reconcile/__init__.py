"""Across sources: wire copies, figure series and estimates, contradictions, stories, framing.

The reconcile stage (``stage.reconcile``) runs after extraction: it computes this layer
incrementally and stores it in the database (tables ``recon_*``), and every reader (the
CLI, exports, the report, the web app, alerts) reads the stored results through the
store (``Store.series()``, ``Store.contradictions()``, ...). ``from_scratch.compute`` computes
the same from scratch in memory. ``state`` says whether stored results are up to date.
The stage reads stored rows, never text: what it needs from the text (claim scopes, named
actors, actor labels) was read at extraction (``extract.readings``); callers reach it
through ``sitrep.backfill``, which reads articles stored before that first.

The stage's names are imported on first use, so a reader that only checks and reads the
stored results does not load the compute modules (copy detection).
"""

from __future__ import annotations

from typing import Any

from .state import (
    DEFAULT_WINDOW_DAYS, ReconcileStale, can_write, ensure_reconciled, fingerprint, stale_reason,
)

_STAGE = ("Reconciled", "reconcile")
_FROM_SCRATCH = ("Computed", "compute", "contradictions_for_window")


def __getattr__(name: str) -> Any:
    if name in _STAGE:
        from . import stage

        return getattr(stage, name)
    if name in _FROM_SCRATCH:
        from . import from_scratch

        return getattr(from_scratch, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = ["DEFAULT_WINDOW_DAYS", "Computed", "ReconcileStale", "Reconciled", "can_write", "compute",
           "contradictions_for_window", "ensure_reconciled", "fingerprint", "reconcile", "stale_reason"]
