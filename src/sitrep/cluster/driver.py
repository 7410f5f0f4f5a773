"""``sitrep run --dask``: the main job on a Dask cluster, Parquet out.

The driver lists the inputs (streaming, in the single-machine run's order), cuts them
into shards (``cluster.plan``; large JSONL files are cut into line ranges by a task on
the cluster, which reads each once), and submits one task per shard
(``cluster.shard.run_shard``), keeping a bounded number in flight so its memory stays flat
however many inputs there are. Every worker loads the models once through a worker
plugin (``cluster.worker``).

Faults are Dask's to handle: a task on a worker that dies is run again elsewhere (up to
Dask's ``distributed.scheduler.allowed-failures``), a task that raises is retried
``SHARD_RETRIES`` times; either way it writes the same files again. The summary counts
the shards that ran more than once, read from the scheduler's task states before the
driver lets go of them. A shard that fails every attempt costs its own inputs, each
reported once as an input error; the rest of the run goes on.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from sitrep.cluster.plan import (
    JSONL_SUFFIX, SHARD_ARTICLES, Grouper, Piece, Shard, list_inputs, shard_of, split_bytes_for,
)
from sitrep.cluster.shard import RunOptions, ShardResult, run_shard, split_piece
from sitrep.ingest import DEFAULT_MAX_BYTES, SourceMeta
from sitrep.pipeline import RunSummary
from sitrep.records import IngestError, IngestNote

# Retries of a shard whose task raised (an unreadable object store for a moment, a worker
# out of memory); a worker that dies under a task is Dask's allowed-failures instead.
SHARD_RETRIES = 2
# Shard tasks in flight per worker thread: enough that no worker waits for the driver,
# few enough that the driver's memory does not grow with the corpus.
IN_FLIGHT_PER_THREAD = 4
MIN_IN_FLIGHT = 8
# Finished shards whose retry counts are read from the scheduler in one round trip.
CHECK_BATCH = 32
LOCAL_PREFIX = "local:"
# Dask settings for the workers of ``local:N``. The statistical profiler samples every
# worker thread's stack every 10 ms for the dashboard (off here): measured on 32-article
# shards of the bench corpus, it costs 10-15 % of a worker's CPU. On a cluster of your own
# set DASK_DISTRIBUTED__WORKER__PROFILE__ENABLED=False in the workers' environment.
LOCAL_WORKER_CONFIG = {"distributed.worker.profile.enabled": False}


@dataclass
class ClusterSummary(RunSummary):
    """``RunSummary`` of a cluster run: every article read is written (``new``); plus the
    shards, those retried and failed, and the Parquet written."""

    out: str = ""
    workers: int = 0
    shards: int = 0
    retried: int = 0  # shards that ran more than once (a worker died, or the task raised)
    failed: int = 0  # shards that failed every attempt (their inputs are in ``errors``)
    bytes: int = 0  # Parquet bytes written
    task_seconds: float = 0.0  # the shard tasks' own time, all workers together
    task_cpu_seconds: float = 0.0  # their workers' CPU time during the tasks
    write_seconds: float = 0.0  # of which writing Parquet
    results: list[ShardResult] = field(default_factory=list, repr=False)  # kept when asked (bench)

    def add(self, result: ShardResult, keep: bool = False) -> None:
        self.inputs += result.inputs
        self.articles += result.articles
        self.new += result.articles
        self.claims += result.claims
        self.events += result.events
        self.errors.extend(result.errors)
        self.notes.extend(result.notes)
        self.undated.extend(result.undated)
        self.inferred.extend(result.inferred)
        self.no_outlet.extend(result.no_outlet)
        self.bytes += result.bytes
        self.task_seconds += result.seconds
        self.task_cpu_seconds += result.cpu_seconds
        self.write_seconds += result.write_seconds
        if keep:
            self.results.append(result)


def parse_address(address: str) -> tuple[str, int]:
    """``("local", N)`` for ``local:N``, else ``("remote", 0)``; ValueError when it is neither
    ``local:N`` nor a scheduler address (``tcp://host:8786``)."""
    if address.startswith(LOCAL_PREFIX):
        count = address[len(LOCAL_PREFIX):]
        if not count.isdigit() or int(count) < 1:
            raise ValueError(f"local:N needs a number of workers N >= 1, got {address!r}")
        return "local", int(count)
    if "://" not in address and ":" not in address:
        raise ValueError(f"--dask takes a scheduler address (tcp://host:8786) or local:N, got {address!r}")
    return "remote", 0


@contextlib.contextmanager
def connect(address: str) -> Iterator:
    """A ``distributed.Client`` for ``address``: ``local:N`` starts a LocalCluster of N
    single-threaded worker processes (closed afterwards), anything else is a scheduler."""
    import dask
    from distributed import Client, LocalCluster

    kind, workers = parse_address(address)
    if kind == "local":
        with dask.config.set(LOCAL_WORKER_CONFIG), \
                LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                             dashboard_address=None) as cluster, Client(cluster) as client:
            yield client
    else:
        with Client(address) as client:
            yield client


def run_dask(
    paths: Sequence[str | Path],
    out: str | Path,
    address: str | None = None,
    *,
    client=None,
    outlet: str | None = None,
    published: date | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    index: Mapping[str, SourceMeta] | None = None,
    shard_articles: int = SHARD_ARTICLES,
    split_bytes: int | None = None,
    on_shard: Callable[[ShardResult], None] | None = None,
    on_error: Callable[[IngestError], None] | None = None,
    keep_results: bool = False,
    on_note: Callable[[IngestNote], None] | None = None,
) -> ClusterSummary:
    """Run ``paths`` through ingest and extraction on a Dask cluster (``address``, or an
    open ``client``), writing a Parquet dataset to ``out`` (a folder or an fsspec URL)
    that ``sitrep load`` merges into a database and ``--db OUT`` reads in place. Input
    errors go to ``on_error``, what stored articles lost on the way to ``on_note`` (as
    ``pipeline.run``'s), as each shard finishes."""
    if client is None:
        if address is None:
            raise ValueError("give a scheduler address, local:N or a client")
        with connect(address) as opened:
            return run_dask(paths, out, client=opened, outlet=outlet, published=published, max_bytes=max_bytes,
                            index=index, shard_articles=shard_articles, split_bytes=split_bytes,
                            on_shard=on_shard, on_error=on_error, keep_results=keep_results, on_note=on_note)
    return _Run(client, str(out), RunOptions(outlet, published, max_bytes), index or {}, shard_articles,
                split_bytes or split_bytes_for(shard_articles), on_shard, on_error, keep_results,
                on_note).go(paths)


class _Run:
    def __init__(self, client, out: str, options: RunOptions, index: Mapping[str, SourceMeta],
                 shard_articles: int, split_bytes: int, on_shard, on_error, keep: bool, on_note=None) -> None:
        from distributed import as_completed

        from sitrep.cluster.worker import WorkerModels

        self.client, self.out, self.options, self.index = client, out, options, index
        self.shard_articles, self.split_bytes = shard_articles, split_bytes
        self.on_shard, self.on_error, self.on_note, self.keep = on_shard, on_error, on_note, keep
        self.summary = ClusterSummary(out=out)
        self.tasks: dict = {}  # future -> Shard (a shard) or Piece (a file being cut)
        self.pending_shards = 0
        self.finished: list = []  # shard futures whose retry counts are not read yet
        self.queue = as_completed()
        if not out.startswith(("/",)) and "://" not in out:
            self.out = str(Path(out).resolve())  # workers may run elsewhere than here
        if "://" not in self.out:
            Path(self.out).mkdir(parents=True, exist_ok=True)
        client.register_plugin(WorkerModels())  # loads the models on every worker, once
        threads = sum(client.nthreads().values()) or 1
        self.summary.workers = len(client.nthreads())
        self.limit = max(MIN_IN_FLIGHT, IN_FLIGHT_PER_THREAD * threads)

    def go(self, paths: Sequence[str | Path]) -> ClusterSummary:
        started = time.perf_counter()
        grouper = Grouper(self.shard_articles, self.index)
        for item in list_inputs(paths):
            if isinstance(item, IngestError):
                self.summary.inputs += 1
                self._error(item)
            elif item.suffix == JSONL_SUFFIX and item.size > self.split_bytes:
                future = self.client.submit(split_piece, item, self.shard_articles, pure=False,
                                            retries=SHARD_RETRIES)
                self.tasks[future] = item
                self.queue.add(future)
            else:
                for shard in grouper.add(item):
                    self._submit(shard)
            while self.pending_shards >= self.limit:
                self._handle(next(self.queue))
        for shard in grouper.finish():
            self._submit(shard)
        for future in self.queue:
            self._handle(future)
        self._check_retries()
        self.summary.seconds = time.perf_counter() - started
        return self.summary

    def _submit(self, shard: Shard) -> None:
        future = self.client.submit(run_shard, shard, self.out, self.options, pure=False, retries=SHARD_RETRIES)
        self.tasks[future] = shard
        self.queue.add(future)
        self.pending_shards += 1
        self.summary.shards += 1

    def _error(self, error: IngestError) -> None:
        self.summary.errors.append(error)
        if self.on_error:
            self.on_error(error)

    def _handle(self, future) -> None:
        task = self.tasks[future]
        if isinstance(task, Piece):  # a large JSONL file, cut: one shard per range
            del self.tasks[future]
            pieces = future.result() if future.status == "finished" else [task]
            future.release()
            for piece in pieces:
                self._submit(shard_of([piece], self.index))
            return
        self.pending_shards -= 1
        if future.status == "finished":
            result: ShardResult = future.result()
            errors_before, notes_before = len(self.summary.errors), len(self.summary.notes)
            self.summary.add(result, keep=self.keep)
            if self.on_error:
                for error in self.summary.errors[errors_before:]:
                    self.on_error(error)
            if self.on_note:
                for note in self.summary.notes[notes_before:]:
                    self.on_note(note)
            if self.on_shard:
                self.on_shard(result)
        else:
            self.summary.failed += 1
            reason = _reason(future)
            for piece in task.pieces:
                self.summary.inputs += 1
                where = f"lines {piece.lines.first}-{piece.lines.first + piece.lines.count - 1}: " if piece.lines else ""
                self._error(IngestError(piece.path, f"{where}not processed: its shard failed every attempt ({reason})"))
        self.finished.append(future)
        if len(self.finished) >= CHECK_BATCH:
            self._check_retries()

    def _check_retries(self) -> None:
        """Count the finished shards that ran more than once, then let go of them."""
        if not self.finished:
            return
        keys = [f.key for f in self.finished]
        counts = self.client.run_on_scheduler(_attempts(keys, SHARD_RETRIES))
        self.summary.retried += sum(1 for n in counts.values() if n > 1)
        for future in self.finished:
            self.tasks.pop(future, None)
            future.release()
        self.finished = []


def _attempts(keys: list, retries: int):
    """A function for ``run_on_scheduler``: attempts per task key (1 = ran once), from the
    scheduler's task states: worker deaths under it (``suspicious``) and retries used."""

    def attempts(dask_scheduler=None) -> dict:
        out = {}
        for key in keys:
            ts = dask_scheduler.tasks.get(key)
            out[str(key)] = 1 if ts is None else 1 + ts.suspicious + max(0, retries - ts.retries)
        return out

    return attempts


def _reason(future) -> str:
    try:
        exc = future.exception()
    except Exception as err:  # the future was lost with the cluster
        exc = err
    return f"{type(exc).__name__}: {exc}"[:300]
