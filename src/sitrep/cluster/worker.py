"""The worker plugin: each Dask worker loads the spaCy model, the lexicons and the
gazetteer once, when it starts (and again only when a worker restarted after a crash
joins), so no task pays for them.

The loading runs in a thread, so the worker keeps answering the scheduler meanwhile (a
first run on a fresh machine also builds the gazetteer index, 15-30 s); a shard that
arrives before it is done waits for it (``shard.warm_worker`` loads once per process).
"""

from __future__ import annotations

import asyncio

from distributed.diagnostics.plugin import WorkerPlugin


class WorkerModels(WorkerPlugin):
    name = "sitrep-models"  # registering again replaces it, never stacks

    async def setup(self, worker) -> None:
        from sitrep.cluster.shard import warm_worker

        await asyncio.get_running_loop().run_in_executor(None, warm_worker)
