"""The main job: ingest -> extract -> store, streaming, with bounded memory.

Articles flow in batches. Each batch is extracted (in worker processes with ``jobs > 1``)
and written in one transaction, so a killed run leaves whole batches behind and a re-run
skips what is already stored (content-hash ids): no duplicates, nothing half-written.
"""

from __future__ import annotations

import multiprocessing as mp
import time
from collections import deque
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Callable, Iterable, Iterator, Mapping, Sequence

from .ingest import DEFAULT_MAX_BYTES, SourceMeta, count_inputs, iter_inputs
from .records import Article, Extraction, IngestError, IngestNote
from .store import StoreLockedError, open_db
from .store.lock import waiting_to_write

# Articles per extraction batch: large enough for spaCy's nlp.pipe to batch sentences
# well, small enough that a killed run loses little work. Measured with `sitrep bench`.
BATCH_SIZE = 16


@dataclass
class RunSummary:
    inputs: int = 0
    articles: int = 0
    new: int = 0
    unchanged: int = 0
    claims: int = 0  # claims stored (not those of articles that failed to store)
    events: int = 0
    errors: list[IngestError] = field(default_factory=list)
    # What stored articles lost on the way (bytes dropped, a field left empty, a row the
    # database could not hold): one line each, not failures.
    notes: list[IngestNote] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return not self.errors


ProgressFn = Callable[[int], None]


def _extract_batch(batch: list[Article]) -> list[Extraction | IngestError]:
    """Extractions of a batch; if the batch fails, each article again on its own, so an
    article that breaks extraction costs only itself (an IngestError naming it)."""
    from .extract import default_extractor

    extractor = default_extractor()
    try:
        return list(extractor.extract_many(batch))
    except Exception:
        out: list[Extraction | IngestError] = []
        for article in batch:
            try:
                out.append(extractor.extract(article))
            except Exception as exc:
                out.append(IngestError(article.path or article.id,
                                       f"not extracted: {type(exc).__name__}: {exc}", article.line))
        return out


def _warm_worker() -> None:
    from .extract import default_extractor
    from .nlp import load_pipeline

    load_pipeline()
    default_extractor()


def _batches(items: Iterable[Article], size: int) -> Iterator[list[Article]]:
    batch: list[Article] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def extract_stream(articles: Iterable[Article], jobs: int = 1,
                   batch_size: int | None = None) -> Iterator[list[Extraction | IngestError]]:
    """Extraction batches in input order; with ``jobs > 1`` spread over worker processes,
    keeping at most two batches per worker in flight so memory stays flat."""
    batch_size = batch_size or BATCH_SIZE
    if jobs <= 1:
        for batch in _batches(articles, batch_size):
            yield _extract_batch(batch)
        return
    ctx = mp.get_context("fork") if hasattr(mp, "get_context") else mp
    _warm_worker()  # load once here: forked workers share the model and lexicons
    with ctx.Pool(jobs, initializer=_warm_worker) as pool:
        pending: deque = deque()
        for batch in _batches(articles, batch_size):
            pending.append(pool.apply_async(_extract_batch, (batch,)))
            if len(pending) >= 2 * jobs:
                yield pending.popleft().get()
        while pending:
            yield pending.popleft().get()


# Another writer (a run) holds the file for its whole length: give up on it soon, naming it.
LOCK_WAIT_SECONDS = 5.0
# A reader lets go: `sitrep serve` within one request once it sees this run waiting (see
# store.lock), other readers when their query ends. A long page (reconcile on a big
# database) takes a few seconds; a minute is ample and still ends a wait that cannot end.
READER_WAIT_SECONDS = 60.0
LOCK_POLL_SECONDS = 0.25


def _open_for_writing(db_path: str | Path):
    """The database opened for writing, waiting (with the marker out) while another
    process holds it."""
    try:
        return open_db(db_path)
    except StoreLockedError as exc:
        first = exc
    started = time.monotonic()
    with waiting_to_write(db_path):
        while True:
            time.sleep(LOCK_POLL_SECONDS)
            try:
                return open_db(db_path)
            except StoreLockedError as exc:
                limit = READER_WAIT_SECONDS if exc.holder_reads or first.holder_reads else LOCK_WAIT_SECONDS
                if time.monotonic() - started >= limit:
                    raise


def run(
    paths: Sequence[str | Path],
    db_path: str | Path = "sitrep.duckdb",
    *,
    outlet: str | None = None,
    published: date | None = None,
    jobs: int = 1,
    max_bytes: int = DEFAULT_MAX_BYTES,
    on_input: ProgressFn | None = None,
    on_error: Callable[[IngestError], None] | None = None,
    index: Mapping[str, SourceMeta] | None = None,
    on_note: Callable[[IngestNote], None] | None = None,
) -> RunSummary:
    """Ingest ``paths`` into the database at ``db_path`` and extract every new article.

    Every input that fails, at any stage, goes to ``on_error`` (and ``summary.errors``);
    what a stored article lost on the way goes to ``on_note`` (and ``summary.notes``)."""
    started = time.perf_counter()
    summary = RunSummary()

    def fail(error: IngestError) -> None:
        summary.errors.append(error)
        if on_error:
            on_error(error)

    def note(item: IngestNote) -> None:
        summary.notes.append(item)
        if on_note:
            on_note(item)

    with _open_for_writing(db_path) as store:
        run_id = store.start_run()

        seen: dict[str, str] = {}  # doc id -> content hash, within this run

        def fresh_articles() -> Iterator[Article]:
            for item in iter_inputs(paths, outlet=outlet, published=published, max_bytes=max_bytes, index=index):
                summary.inputs += 1
                if on_input:
                    on_input(1)
                if isinstance(item, IngestError):
                    fail(item)
                    continue
                summary.articles += 1
                if item.id in seen:
                    if seen[item.id] == item.content_hash[:16]:
                        summary.unchanged += 1  # the same article twice in one run
                        continue
                    # Two different articles with one id (x.txt in two folders, a repeated
                    # JSONL id): keep both, the later one under an id made unique by its content.
                    item.id = f"{item.id}~{item.content_hash[:8]}"
                seen[item.id] = item.content_hash[:16]
                if store.has_article(item.id, item.content_hash):
                    summary.unchanged += 1
                    continue
                yield item

        for batch in extract_stream(fresh_articles(), jobs=jobs):
            extractions = [x for x in batch if isinstance(x, Extraction)]
            for error in batch:
                if isinstance(error, IngestError):
                    fail(error)
            result = store.write_many(extractions)
            summary.new += len(result.written)
            summary.claims += result.claims
            summary.events += result.events
            articles = {x.article.id: x.article for x in extractions}
            for doc, reason in result.failed:
                fail(IngestError(_where(articles.get(doc), doc), f"not stored: {reason}", _line(articles.get(doc))))
            written = set(result.written)
            for x in extractions:
                if x.article.id in written:
                    for reason in x.article.notes:
                        note(IngestNote(_where(x.article, x.article.id), reason, x.article.line))
            for doc, reason in result.dropped:
                note(IngestNote(_where(articles.get(doc), doc), reason, _line(articles.get(doc))))
        store.record_errors(run_id, summary.errors)
        store.finish_run(run_id, n_inputs=summary.inputs, n_articles=summary.articles,
                         n_errors=len(summary.errors))
    summary.seconds = time.perf_counter() - started
    return summary


def _where(article: Article | None, doc: str) -> str:
    return article.path or article.id if article is not None else doc


def _line(article: Article | None) -> int | None:
    return article.line if article is not None else None


def total_inputs(paths: Sequence[str | Path]) -> int:
    """Number of inputs to show a progress bar against (files, and each JSONL line)."""
    return count_inputs(paths)
