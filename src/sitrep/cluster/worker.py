"""The worker plugin: each Dask worker loads the spaCy model, the lexicons and the
gazetteer once, when it starts (and again only when a worker restarted after a crash
joins), so no task pays for them."""

from __future__ import annotations

from distributed.diagnostics.plugin import WorkerPlugin


class WorkerModels(WorkerPlugin):
    name = "sitrep-models"  # registering again replaces it, never stacks

    def setup(self, worker) -> None:
        from sitrep.cluster.shard import warm_worker

        warm_worker()
