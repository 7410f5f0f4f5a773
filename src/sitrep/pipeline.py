"""The main job: ingest -> extract -> store, streaming, with bounded memory.

Articles flow in batches. Each batch is extracted (in worker processes with ``jobs > 1``)
and written with the next ones in one transaction of WRITE_SIZE articles, so a killed run
leaves whole transactions behind and a re-run skips what is already stored (content-hash
ids): no duplicates, nothing half-written. A file whose bytes are those its stored article
was read from is skipped without being decoded or cleaned (``run_inputs``: a no-op re-run
costs a read and a hash per file).

A stored article is extracted again, its derived rows replaced in one transaction (ids
are content-derived, so unchanged rows keep their ids), when:
- the run gives it metadata it did not have: ``--outlet``/``--date``, a JSONL or
  ``--index`` field, that differs from the stored outlet, date or URL (relative dates such
  as "on Tuesday" depend on the publication date, so the claims and events follow);
- ``reprocess=True``: every stored article it meets, or with no paths every stored
  article, is extracted again from its stored text with the current code, lexicons and
  gazetteer (after ``sitrep gazetteer import``, or an upgrade).
"""

from __future__ import annotations

import multiprocessing as mp
import time
from collections import deque
from itertools import chain
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable, Iterator, Mapping, Sequence

from .ingest import DEFAULT_MAX_BYTES, SourceMeta, count_inputs
from .lexicon import regex_bundle
from .records import Article, Extraction, IngestError, IngestNote
from .records.rows import ArticleRow
from .run_inputs import ProgressFn, RunInputs
from .store import Store, StoreLockedError, open_db
from .store.input_files import KnownFile
from .store.lock import waiting_to_write

if TYPE_CHECKING:
    from .reconcile import Reconciled

# Articles per extraction batch: large enough for spaCy's nlp.pipe to batch sentences
# well, small enough that a killed run loses little work. Measured with `sitrep bench`.
BATCH_SIZE = 16
# Articles written per transaction (whole extraction batches): each transaction's statements
# cost the same whatever its rows, so fewer larger ones are cheaper (100 bench articles:
# 4.6-6.6 ms of CPU an article written 16 at a time, 3.2-4.3 at 64), and a killed run
# still loses at most this many.
WRITE_SIZE = 64


@dataclass
class RunSummary:
    inputs: int = 0
    articles: int = 0
    new: int = 0
    unchanged: int = 0
    updated: int = 0  # stored articles given new metadata, extracted again
    reprocessed: int = 0  # stored articles extracted again with the current code
    claims: int = 0  # claims stored (not those of articles that failed to store)
    events: int = 0
    errors: list[IngestError] = field(default_factory=list)
    # What stored articles lost on the way (bytes dropped, a field left empty, a row the
    # database could not hold): one line each, not failures.
    notes: list[IngestNote] = field(default_factory=list)
    seconds: float = 0.0
    # Doc ids of this run's articles (as stored after it) with no publication date, with a
    # date inferred from the latest date their text names, and with no outlet.
    undated: list[str] = field(default_factory=list)
    inferred: list[str] = field(default_factory=list)
    no_outlet: list[str] = field(default_factory=list)
    # What the corrected articles were given: field -> how many articles.
    corrected: dict[str, int] = field(default_factory=dict)
    # What the reconcile stage did after the writes (None when it was not run).
    reconciled: Reconciled | None = None

    @property
    def ok(self) -> bool:
        return not self.errors

    def note(self, article: Article | ArticleRow | KnownFile) -> None:
        """Count an article's missing or inferred metadata (as it is stored after the run)."""
        if article.published is None:
            self.undated.append(article.id)
        elif article.date_rule == "inferred":
            self.inferred.append(article.id)
        if not article.outlet:
            self.no_outlet.append(article.id)


def _extract_batch(batch: list[Article]) -> list[Extraction | IngestError]:
    """Extractions of a batch; if the batch fails, each article again on its own, so an
    article that breaks extraction costs only itself (an IngestError naming it)."""
    from .extract import default_extractor

    extractor = default_extractor()
    try:
        extracted = list(extractor.extract_many(batch))
    except Exception:
        out: list[Extraction | IngestError] = []
        for article in batch:
            try:
                out.append(extractor.extract(article))
            except Exception as exc:
                out.append(IngestError(article.path or article.id,
                                       f"not extracted: {type(exc).__name__}: {exc}", article.line))
        return out
    regex_bundle.save()  # once per package version: the start-up's patterns and the first batch's
    return extracted


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
    batches = _batches(articles, batch_size)
    first = next(batches, None)
    if first is None:  # nothing to extract (a re-run of the same files): no model, no workers
        return
    ctx = mp.get_context("fork") if hasattr(mp, "get_context") else mp
    _warm_worker()  # load once here: forked workers share the model and lexicons
    with ctx.Pool(jobs, initializer=_warm_worker) as pool:
        pending: deque = deque()
        for batch in chain([first], batches):
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
    reprocess: bool = False,
    on_note: Callable[[IngestNote], None] | None = None,
    items: Iterable[Article | IngestError] | None = None,
    reconcile: bool = True,
) -> RunSummary:
    """Ingest ``paths`` into the database at ``db_path`` and extract every new article, and
    every stored one given new metadata; ``reprocess`` extracts stored articles again (all
    of them when ``paths`` is empty). ``items``: ingested articles and errors to take
    instead of reading ``paths`` (a shard of ``sitrep run --dask``: parts of JSONL files,
    files on object storage). See the module docstring.

    Once the articles are written, the reconcile stage brings the stored cross-source
    results up to date (``summary.reconciled``), recomputing only what this run's articles
    touch; so does any later run after one interrupted before it (``reconcile=False``
    leaves it out: a Dask shard's scratch database).

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
        # Files may be skipped unread only when the run gives nothing a file alone would not.
        skipping = items is None and not reprocess and outlet is None and published is None and not index
        inputs = RunInputs(store, summary, reprocess=reprocess, skipping=skipping, on_input=on_input, on_error=fail)
        if items is not None:
            articles: Iterable[Article] = inputs.fresh(items)
        else:
            articles = (inputs.stored(outlet=outlet, published=published) if not paths and reprocess else
                        inputs.from_paths(paths, outlet=outlet, published=published, max_bytes=max_bytes, index=index))
        for batch in _written_together(extract_stream(articles, jobs=jobs)):
            _write_batch(store, batch, inputs, fail, note)
        _finish_run(store, run_id, inputs, reconcile)
    summary.seconds = time.perf_counter() - started
    return summary


def _written_together(batches: Iterable[list[Extraction | IngestError]],
                      size: int | None = None) -> Iterator[list[Extraction | IngestError]]:
    """Extraction batches joined into groups of at least ``size`` (WRITE_SIZE) articles,
    the last fewer."""
    size = size or WRITE_SIZE
    group: list[Extraction | IngestError] = []
    for batch in batches:
        group.extend(batch)
        if len(group) >= size:
            yield group
            group = []
    if group:
        yield group


def _finish_run(store: Store, run_id: str, inputs: RunInputs, reconcile: bool) -> None:
    """Record the run's files, errors and counts; then bring the cross-source results up to
    date (unless ``reconcile`` is off)."""
    summary = inputs.summary
    inputs.ledger.written(store, ())  # the files of the last articles found unchanged
    store.record_errors(run_id, summary.errors)
    store.finish_run(run_id, n_inputs=summary.inputs, n_articles=summary.articles,
                     n_errors=len(summary.errors))
    if reconcile:
        from .backfill import reconcile_store

        summary.reconciled = reconcile_store(store)


def _write_batch(store: Store, batch: list[Extraction | IngestError], inputs: RunInputs,
                 fail: Callable[[IngestError], None], note: Callable[[IngestNote], None]) -> None:
    """Write extracted batches (``_written_together``) in one transaction, counting them into
    the run's summary."""
    summary = inputs.summary
    extractions = [x for x in batch if isinstance(x, Extraction)]
    for error in batch:
        if isinstance(error, IngestError):
            fail(error)
    result = store.write_many(extractions, replace=inputs.again)
    inputs.ledger.written(store, result.written)
    summary.new += sum(1 for doc in result.written if doc not in inputs.again)
    summary.claims += result.claims
    summary.events += result.events
    by_id = {x.article.id: x.article for x in extractions}
    for doc, reason in result.failed:
        fail(IngestError(_where(by_id.get(doc), doc), f"not stored: {reason}", _line(by_id.get(doc))))
    written = set(result.written)
    for x in extractions:
        if x.article.id in written:
            for reason in x.article.notes:
                note(IngestNote(_where(x.article, x.article.id), reason, x.article.line))
    for doc, reason in result.dropped:
        note(IngestNote(_where(by_id.get(doc), doc), reason, _line(by_id.get(doc))))


# Opens a store for writing and lets go of it after (the web app's ``Database.write``).
StoreOpener = Callable[[], AbstractContextManager[Store]]


def store_articles(articles: Sequence[Article], db: str | Path | Store | StoreOpener, *, jobs: int = 1,
                   reconcile: bool = True) -> RunSummary:
    """Extract articles already read (fetched pages, an article posted to the web app) and
    write them, as `sitrep run` does: an article stored with the same id and text is left
    as it is; one stored under its id with another text has its rows replaced. ``db`` is an
    open Store, a path, or a function that opens one (``sitrep serve``'s short write); a
    path or a function is opened for writing only once extraction is done (so `sitrep
    serve` and `sitrep run` are kept out of the file only while it is written). Then the
    reconcile stage runs, unless ``reconcile`` is False (a caller storing many articles one
    by one runs it once after the last: `sitrep watch` after each pass).

    Articles that fail are in ``summary.errors``; what a stored one lost on the way (a row
    the database could not hold, ...) in ``summary.notes``."""
    started = time.perf_counter()
    summary = RunSummary(inputs=len(articles), articles=len(articles))
    extractions: list[Extraction] = []
    for batch in extract_stream(articles, jobs=jobs):
        for x in batch:
            if isinstance(x, IngestError):
                summary.errors.append(x)
            else:
                extractions.append(x)

    def write(store: Store) -> None:
        _write_extractions(store, extractions, summary)
        if reconcile:
            from .backfill import reconcile_store

            summary.reconciled = reconcile_store(store)

    if isinstance(db, Store):
        write(db)
    else:
        opener = db if callable(db) else (lambda: _open_for_writing(db))
        with opener() as store:
            write(store)
    summary.seconds = time.perf_counter() - started
    return summary


def _write_extractions(store: Store, extractions: list[Extraction], summary: RunSummary) -> None:
    """``store_articles``' write, counted into ``summary``."""
    result = store.write_many(extractions)
    summary.new = len(result.written)
    summary.unchanged = len(result.skipped)
    summary.claims, summary.events = result.claims, result.events
    for doc, reason in result.failed:
        summary.errors.append(IngestError(doc, f"not stored: {reason}"))
    by_id = {x.article.id: x.article for x in extractions}
    for x in extractions:
        if x.article.id in result.written:
            summary.note(x.article)
            summary.notes.extend(IngestNote(_where(x.article, x.article.id), reason, x.article.line)
                                 for reason in x.article.notes)
    for doc, reason in result.dropped:
        summary.notes.append(IngestNote(_where(by_id.get(doc), doc), reason, _line(by_id.get(doc))))


def total_inputs(paths: Sequence[str | Path]) -> int:
    """Number of inputs to show a progress bar against (files, and each JSONL line)."""
    return count_inputs(paths)


def _where(article: Article | None, doc: str) -> str:
    return article.path or article.id if article is not None else doc


def _line(article: Article | None) -> int | None:
    return article.line if article is not None else None
