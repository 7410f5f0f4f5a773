"""Merging a Parquet dataset written by a cluster run into a database, then the reconcile
stage: what `sitrep load` does. The merge is the store's (``store.parquet.load``); the
stage comes after the store, so the two are joined here."""

from __future__ import annotations

import time

from sitrep.backfill import reconcile_store as reconcile
from sitrep.store import Store
from sitrep.store.parquet import LoadSummary, load


def load_dataset(store: Store, dataset: str, *, replace: bool = False) -> LoadSummary:
    """Merge the dataset at ``dataset`` into ``store`` (``store.parquet.load``), then bring
    the stored cross-source results up to date (``summary.reconciled``), as after `sitrep run`."""
    started = time.perf_counter()
    summary = load(store, dataset, replace=replace)
    summary.reconciled = reconcile(store)
    summary.seconds = time.perf_counter() - started
    return summary
