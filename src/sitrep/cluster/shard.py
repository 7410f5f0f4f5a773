"""One shard, on a worker: the single-machine run over its inputs, then its rows as Parquet.

``run_shard`` reads the shard's files (or line range) with the ingest readers, runs
``pipeline.run`` on them into a scratch DuckDB file (the same ingest, the same
``Extractor.extract_many``, the same store writes and row flattening as
``sitrep run``), and writes that database's tables to ``OUT/<table>/<name>.parquet``
(``store.parquet.write_shard``), ``name`` being the hash of the shard's inputs (paths,
line numbers and bytes). A retried or re-run shard writes the same names again.

Nothing here imports dask (the worker plugin is in ``cluster.worker``).
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from sitrep.cluster.plan import Piece, Shard, is_url, open_input
from sitrep.ingest import DEFAULT_MAX_BYTES, LineRange, Options, read_path
from sitrep.records import Article, IngestError, IngestNote

# Bytes hashed per read when naming a shard.
HASH_BLOCK = 1 << 20


@dataclass(frozen=True, slots=True)
class RunOptions:
    """The run's options that reach the readers (``sitrep run``'s ``--outlet``, ``--date``,
    ``--max-mb``); per-file ``--index`` metadata travels with each shard."""

    outlet: str | None = None
    published: date | None = None
    max_bytes: int = DEFAULT_MAX_BYTES


@dataclass
class ShardResult:
    """What a shard did, for the run's summary (lists of doc ids as ``RunSummary``'s)."""

    name: str
    inputs: int = 0
    articles: int = 0
    claims: int = 0
    events: int = 0
    errors: list[IngestError] = field(default_factory=list)
    notes: list[IngestNote] = field(default_factory=list)  # what stored articles lost on the way
    undated: list[str] = field(default_factory=list)
    inferred: list[str] = field(default_factory=list)
    no_outlet: list[str] = field(default_factory=list)
    bytes: int = 0  # Parquet bytes written
    seconds: float = 0.0  # the whole task
    cpu_seconds: float = 0.0  # CPU time of the worker process during the task
    run_seconds: float = 0.0  # of which reading, extraction and the scratch database
    write_seconds: float = 0.0  # of which the Parquet files
    worker_pid: int = 0


@dataclass(slots=True)
class _Local:
    """A piece as a local file the readers can open (a URL's bytes copied to scratch)."""

    piece: Piece
    path: Path | None  # None: it could not be fetched (``error`` says why)
    lines: LineRange | None
    error: str | None = None


def _localise(shard: Shard, scratch: Path) -> list[_Local]:
    out = []
    for i, piece in enumerate(shard.pieces):
        if not is_url(piece.location):
            out.append(_Local(piece, Path(piece.location), piece.lines))
            continue
        folder = scratch / f"in{i}"  # its own folder: the file keeps its name (and doc id)
        folder.mkdir()
        try:
            out.append(_Local(piece, *_fetch(piece, folder / piece.name)))
        except OSError as err:
            out.append(_Local(piece, None, piece.lines, f"cannot read: {err.strerror or err}"))
    return out


def _fetch(piece: Piece, target: Path) -> tuple[Path, LineRange | None]:
    """A URL's bytes (the whole file or its line range) in a local file."""
    lines = piece.lines
    with open_input(piece.location) as source, open(target, "wb") as sink:
        if lines is None:
            shutil.copyfileobj(source, sink, HASH_BLOCK)
            return target, None
        source.seek(lines.offset)
        left = piece.size
        while left > 0 and (block := source.read(min(HASH_BLOCK, left))):
            sink.write(block)
            left -= len(block)
    return target, LineRange(offset=0, first=lines.first, count=lines.count)


def shard_name(inputs: list[_Local], max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    """The content hash naming a shard's files: its inputs' paths, line numbers and bytes
    (at most ``max_bytes`` + 1 of a whole file: the reader refuses the rest anyway)."""
    digest = hashlib.sha256()
    for local in inputs:
        piece, lines = local.piece, local.lines
        digest.update(piece.path.encode("utf-8", "replace") + b"\x00")
        if lines is not None:
            digest.update(f"{lines.first}:{lines.count}\x00".encode())
        budget = piece.size if lines is not None else max_bytes + 1
        try:
            if local.path is None:
                raise OSError(local.error)
            with open(local.path, "rb") as handle:
                handle.seek(lines.offset if lines is not None else 0)
                while budget > 0 and (block := handle.read(min(HASH_BLOCK, budget))):
                    digest.update(block)
                    budget -= len(block)
        except OSError as err:  # unreadable: the reader reports it; its path still names it
            digest.update(f"unreadable:{type(err).__name__}".encode())
        digest.update(b"\x01")
    return digest.hexdigest()[:32]


def shard_items(inputs: list[_Local], shard: Shard, options: RunOptions) -> Iterator[Article | IngestError]:
    """The shard's articles and errors, read as a single-machine run reads its files; every
    row names its input as the listing did (``Piece.path``)."""
    reader_options = Options(outlet=options.outlet, published=options.published,
                             max_bytes=options.max_bytes, index=dict(shard.meta))
    for local in inputs:
        if local.path is None:
            yield IngestError(local.piece.path, local.error or "cannot read")
            continue
        try:
            for item in read_path(local.path, reader_options, local.lines):
                item.path = local.piece.path
                yield item
        except Exception as exc:  # a surprise while reading costs this piece, not the shard
            yield IngestError(local.piece.path, f"not read: {type(exc).__name__}: {exc}")


def run_shard(shard: Shard, out: str, options: RunOptions = RunOptions()) -> ShardResult:
    """Ingest and extract one shard, and write its rows to the dataset at ``out``."""
    from sitrep.pipeline import run
    from sitrep.store import open_db
    from sitrep.store.parquet import write_shard

    warm_worker()  # at once when the worker plugin has loaded the models; else waits for them
    started, cpu = time.perf_counter(), time.process_time()
    with tempfile.TemporaryDirectory(prefix="sitrep-shard-") as tmp:
        scratch = Path(tmp)
        inputs = _localise(shard, scratch)
        result = ShardResult(name=shard_name(inputs, options.max_bytes), worker_pid=os.getpid())
        # The cross-source layer is computed once the dataset is loaded or read, not per shard.
        summary = run([], scratch / "shard.duckdb", items=shard_items(inputs, shard, options), reconcile=False)
        result.run_seconds = time.perf_counter() - started
        written = time.perf_counter()
        with open_db(scratch / "shard.duckdb") as store:
            result.bytes = write_shard(store.connection, out, result.name)
        result.write_seconds = time.perf_counter() - written
    result.inputs, result.articles = summary.inputs, summary.articles
    result.claims, result.events = summary.claims, summary.events
    result.errors = list(summary.errors)
    result.notes = list(summary.notes)
    result.undated, result.inferred, result.no_outlet = summary.undated, summary.inferred, summary.no_outlet
    result.seconds = time.perf_counter() - started
    result.cpu_seconds = time.process_time() - cpu
    return result


def split_piece(piece: Piece, lines_per_range: int) -> list[Piece]:
    """A large JSONL file cut into line ranges (``plan.jsonl_ranges``), as a task."""
    from sitrep.cluster.plan import jsonl_ranges

    try:
        return jsonl_ranges(piece, lines_per_range)
    except OSError:
        return [piece]  # the shard's reader says why it cannot be read


# Extracted once when a worker starts, so that what loads on first use (date parsing, the
# first parse's buffers) is loaded then and not in the first shard: measured, the first
# shard of a worker otherwise takes 2-4 s more than the others.
WARM_TEXT = ("Fighting near Hama\nDecember 4, 2024\n\nAt least 12 people were killed in Hama on Tuesday, "
             "the Syrian Observatory for Human Rights said. Rebels captured the town of Suran.")


_warm_lock = threading.Lock()
_warmed = False


def warm_worker() -> None:
    """Load the spaCy model, the lexicons and the gazetteer into this process, and extract
    one short article; once per process (a second caller waits for the first)."""
    global _warmed
    with _warm_lock:
        if _warmed:
            return
        from sitrep.extract import default_extractor
        from sitrep.ingest import article_from_text
        from sitrep.pipeline import _warm_worker

        _warm_worker()
        article = article_from_text(WARM_TEXT, doc_id="warm")
        if isinstance(article, Article):
            default_extractor().extract(article)
        _warmed = True
