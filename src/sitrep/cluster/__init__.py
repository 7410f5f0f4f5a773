"""Beyond one machine: the main job's stages as tasks on a Dask cluster, Parquet out.

    from sitrep.cluster import run_dask
    summary = run_dask(["articles/"], "out/", "local:2")     # or "tcp://scheduler:8786"

``plan`` lists inputs and cuts them into shards, ``shard`` runs one shard (the
single-machine pipeline into a scratch database, then Parquet), ``driver`` submits the
shards and sums what they did, ``worker`` is the plugin that loads the models once per
worker. The dataset is merged into a database by ``load.load_dataset`` (``sitrep
load``: the store's merge, then the reconcile stage) or read in place (``open_db(DIR, read_only=True)``, ``--db DIR``).

Needs the ``cluster`` extra (``pip install "sitrep[cluster]"``: dask, distributed,
pyarrow); nothing else in sitrep imports it.
"""

from __future__ import annotations

from typing import Any

# Packages of the ``cluster`` extra, checked before a cluster run.
EXTRA_MODULES = ("dask", "distributed")


def missing_extra() -> list[str]:
    """The ``cluster`` extra's packages that are not installed."""
    import importlib.util

    return [name for name in EXTRA_MODULES if importlib.util.find_spec(name) is None]


def run_dask(*args: Any, **kwargs: Any):
    """See ``sitrep.cluster.driver.run_dask``."""
    from sitrep.cluster.driver import run_dask as run

    return run(*args, **kwargs)


__all__ = ["EXTRA_MODULES", "missing_extra", "run_dask"]
