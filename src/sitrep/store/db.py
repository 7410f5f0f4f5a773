"""The DuckDB store: open (with migrations), atomic writes; its reads are ``store.reads``, its
search index is kept level with the writes by ``store.indexing``."""

from __future__ import annotations

import uuid
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import duckdb

from sitrep.records import Extraction, IngestError, ScopeReading
from sitrep.records.framing import ActorLabel
from sitrep.records.rows import ArticleRow, WriteResult
from sitrep.store import flatten, lock, parquet, queries
from sitrep.store import search as fts
from sitrep.store.bulk_columns import column_parameter
from sitrep.store.errors import StoreError, StoreLockedError, StoreOutdated
from sitrep.store.guard import storable
from sitrep.store.indexing import SearchIndexing
from sitrep.store.migrations import LATEST_VERSION, applied_versions, apply_migrations
from sitrep.store.reads import FETCH_BATCH, StoreReads

DEFAULT_DB = "sitrep.duckdb"
# DuckDB says "Could not set lock on file" when another process has it open
# for writing; other IO errors (bad path, not a database) must not be
# reported as a lock. Matched on the phrase, not "lock" alone, which a path may contain.
_LOCK_MARKER = "could not set lock"


@dataclass(slots=True)
class _Batch:
    """Rows of several extractions, gathered per table for one bulk insert each."""

    replace: list[str]
    articles: list[dict[str, Any]]
    claims: list[dict[str, Any]]
    events: list[dict[str, Any]]
    places: list[dict[str, Any]]
    labels: list[dict[str, Any]] = field(default_factory=list)


def open_db(path: str | Path = DEFAULT_DB, *, read_only: bool = False) -> Store:
    """Open (creating it if needed) the database at ``path``; migrate unless read-only."""
    return Store(path, read_only=read_only)


class Store(StoreReads, SearchIndexing):
    """A DuckDB connection with sitrep's schema. Use as a context manager. Reads: ``StoreReads``;
    the search index kept level with the writes: ``SearchIndexing``."""

    def __init__(self, path: str | Path = DEFAULT_DB, *, read_only: bool = False) -> None:
        self.path = str(path)
        self.read_only = read_only
        # A Parquet dataset folder: read-only views in an in-memory database, where the
        # reconcile stage can still keep its results (for as long as the connection lives).
        self.is_dataset = False
        self._types: dict[str, dict[str, str]] = {}
        self._search: fts.SearchIndex | None = None
        # The search index: None (not looked at yet), "ready" (level with the database),
        # "writing" (this store adds its writes to it), "behind" (left for a catch-up).
        self._search_state: str | None = None
        self._search_level = (0, 0)  # while writing: the fingerprint the index matches
        self.is_dataset = self.path != ":memory:" and parquet.is_dataset(self.path)
        if self.is_dataset:
            self._open_dataset()
            return
        if read_only and self.path != ":memory:" and not Path(self.path).exists():
            raise StoreError(f"no database at {self.path}; create it with `sitrep run`")
        try:
            self._con = duckdb.connect(self.path, read_only=read_only)
        except duckdb.IOException as exc:
            if _LOCK_MARKER in str(exc).lower():
                holder = lock.describe_holder(str(exc))
                raise StoreLockedError(
                    f"database {self.path} is in use by another process"
                    + (f": {holder}" if holder else "") + "; wait for it to finish or use a copy",
                    holder, lock.holder_reads(str(exc)),
                ) from exc
            raise StoreError(f"cannot open database {self.path}: {exc}") from exc
        if read_only:
            version = max(applied_versions(self._con), default=0)
            if version < LATEST_VERSION:
                self._con.close()
                raise StoreOutdated(
                    f"database {self.path} has schema version {version}, this sitrep needs "
                    f"{LATEST_VERSION}; open it once for writing (e.g. `sitrep run`) to migrate"
                )
        else:
            apply_migrations(self._con)

    def _open_dataset(self) -> None:
        """A Parquet dataset folder (``sitrep run --dask --out DIR``): read-only views over
        its files with the store's schema, in an in-memory database (``store.parquet``)."""
        if not self.read_only:
            raise StoreError(f"{self.path} is a folder of Parquet files (a dataset written by `sitrep run --dask`), "
                             f"which is read-only; merge it into a database with `sitrep load {self.path} --db FILE`")
        self.is_dataset = True
        self._con = duckdb.connect(":memory:")
        try:
            apply_migrations(self._con)
            parquet.attach(self._con, self.path)
        except (parquet.DatasetError, duckdb.Error, OSError) as exc:
            self._con.close()
            raise StoreError(f"cannot read the dataset {self.path}: {exc}") from exc

    # -- lifecycle ---------------------------------------------------------

    def close(self) -> None:
        try:
            self._close_index()
        finally:
            self._con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def connection(self) -> duckdb.DuckDBPyConnection:
        """The raw connection, for later stages that add their own tables and SQL."""
        return self._con

    # -- writes --------------------------------------------------------------

    def has_article(self, doc_id: str, content_hash: str) -> bool:
        """True when this exact article (same id and content) is already stored."""
        return queries.scalar(self._con, "SELECT 1 FROM articles WHERE id = ? AND content_hash = ?",
                              [doc_id, content_hash]) is not None

    def write_extraction(self, x: Extraction) -> bool:
        """Write one article with its claims, events and places in one transaction.

        Returns False (and writes nothing) when the same article with the same
        content hash is stored; replaces the article's rows when its content changed.
        """
        result = self._write_batch([x])
        return bool(result.written)

    def stored_article(self, doc_id: str) -> ArticleRow | None:
        """The stored article (without its text), or None."""
        found = self.articles(doc=doc_id)
        return found[0] if found else None

    def write_many(self, extractions: Iterable[Extraction],
                   replace: Collection[str] = ()) -> WriteResult:
        """Write several extractions in one transaction (much faster than one each).

        An article stored with the same content hash is skipped, unless its id is in
        ``replace`` (new metadata, or extracted again): then its article row, claims,
        events and place mentions are replaced in the same transaction.

        If the batch fails, it is rolled back and retried one extraction at a
        time, so one bad record costs only itself; its reason lands in ``failed``.
        A row the database cannot hold (see ``guard``) is left out and named in
        ``dropped``; its article and the article's other rows are written.
        """
        batch = list(extractions)
        try:
            return self._write_batch(batch, replace)
        except Exception:  # whatever broke the batch, the others must not pay for it
            result = WriteResult()
            for x in batch:
                try:
                    one = self._write_batch([x], replace)
                except Exception as exc:
                    result.failed.append((x.article.id, f"{type(exc).__name__}: {exc}"))
                    continue
                result.add(one)
            return result

    def _write_batch(self, batch: Sequence[Extraction], replace: Collection[str] = ()) -> WriteResult:
        result = WriteResult()
        if not batch:
            return result
        self._start_indexing()
        self._con.execute("BEGIN TRANSACTION")
        try:
            stored = self._stored_hashes([x.article.id for x in batch])
            rows = self._collect(batch, stored, result, replace)
            indexing = self._search_state == "writing"
            old = fts.part(self._con, rows.replace) if indexing and rows.replace else (0, 0)
            self._delete_docs(rows.replace)
            self._insert("articles", rows.articles)
            new = fts.part(self._con, [a["id"] for a in rows.articles]) if indexing and rows.articles else (0, 0)
            self._insert("claims", rows.claims)
            self._insert("events", rows.events)
            self._insert("place_mentions", rows.places)
            self._insert("actor_labels", rows.labels)
            self._con.execute("COMMIT")
        except BaseException:
            # BaseException too: a Ctrl-C mid-write must not leave a half article.
            self._con.execute("ROLLBACK")
            raise
        if indexing:
            self._index(rows.articles, old, new)
        return result

    def _stored_hashes(self, doc_ids: list[str]) -> dict[str, str]:
        return {r["id"]: r["content_hash"] for r in queries.dicts(
            self._con, "SELECT id, content_hash FROM articles WHERE list_contains(?, id)", [doc_ids])}

    def _guarded(self, table: str, doc_id: str, rows: list[dict[str, Any]], result: WriteResult) -> list[dict[str, Any]]:
        """The rows the database can hold; the others named in ``result.dropped``."""
        types = self._column_types(table)
        kept = []
        for row in rows:
            row, problem = storable(row, types)
            if problem is None:
                kept.append(row)
            else:
                at = f" at {row['start']}-{row['end']}" if "start" in row else ""
                result.dropped.append((doc_id, f"{table[:-1].replace('_', ' ')}{at} left out: {problem}"))
        return kept

    def _collect(self, batch: Sequence[Extraction], stored: dict[str, str], result: WriteResult,
                 replace: Collection[str] = ()) -> _Batch:
        # The last extraction of a doc id wins when a batch holds the same id twice.
        latest: dict[str, Extraction] = {x.article.id: x for x in batch}
        rows = _Batch([], [], [], [], [])
        for doc_id, x in latest.items():
            old_hash = stored.get(doc_id)
            if old_hash == x.article.content_hash and doc_id not in replace:
                result.skipped.append(doc_id)
                continue
            if old_hash is not None:
                rows.replace.append(doc_id)
            # Ids are content-derived: an identical record twice is one row.
            claims = self._guarded("claims", doc_id, [flatten.claim_row(c) for c in {c.id: c for c in x.claims}.values()], result)
            events = self._guarded("events", doc_id, [flatten.event_row(e) for e in {e.id: e for e in x.events}.values()], result)
            places = self._guarded("place_mentions", doc_id, [flatten.place_mention_row(p) for p in x.places], result)
            labels = self._guarded("actor_labels", doc_id, [flatten.label_row(label) for label in x.labels], result)
            article, problem = storable(flatten.article_row(x.article, len(claims), len(events), x.signature,
                                                            x.read_for_reconcile),
                                        self._column_types("articles"))
            if problem is not None:
                result.failed.append((doc_id, problem))
                continue
            rows.articles.append(article)
            rows.claims.extend(claims)
            rows.events.extend(events)
            rows.places.extend(places)
            rows.labels.extend(labels)
            result.written.append(doc_id)
            result.claims += len(claims)
            result.events += len(events)
        return rows

    def _delete_docs(self, doc_ids: list[str]) -> None:
        if not doc_ids:
            return
        for table, column in (("claims", "doc"), ("events", "doc"), ("place_mentions", "doc"),
                              ("actor_labels", "doc"), ("articles", "id")):
            self._con.execute(f"DELETE FROM {table} WHERE list_contains(?, {column})", [doc_ids])

    def _column_types(self, table: str) -> dict[str, str]:
        if table not in self._types:
            self._types[table] = {r["column_name"]: r["data_type"] for r in queries.dicts(
                self._con, "SELECT column_name, data_type FROM information_schema.columns "
                "WHERE table_name = ? ORDER BY ordinal_position", [table])}
        return self._types[table]

    def _insert(self, table: str, rows: list[dict[str, Any]]) -> None:
        """Bulk insert: one parameter per column, zipped back by ``unnest``.

        Measured several times faster than ``executemany`` (one statement for
        the whole batch instead of one per row), with no pandas/pyarrow. Each
        column goes the cheapest way its values allow (``bulk_columns``).
        """
        if not rows:
            return
        types = self._column_types(table)
        columns = list(rows[0])
        select, values = [], []
        for c in columns:  # the first column always unnests: it gives the rows
            read, value = column_parameter([row[c] for row in rows], types[c], rows_given=c != columns[0])
            select.append(read)
            values.append(value)
        names = ", ".join(f'"{c}"' for c in columns)
        self._con.execute(f"INSERT INTO {table} ({names}) SELECT {', '.join(select)}", values)

    def insert_rows(self, table: str, rows: list[dict[str, Any]]) -> None:
        """Bulk insert rows (column -> value, the same columns in every row) into ``table``."""
        self._insert(table, rows)

    def record_errors(self, run_id: str | None, errors: Iterable[IngestError]) -> int:
        """Store inputs that did not become articles; returns how many."""
        rows = [{"path": e.path, "line": e.line, "reason": e.reason, "run_id": run_id}
                for e in errors]
        self._insert("ingest_errors", rows)
        return len(rows)

    def start_run(self) -> str:
        """Record the start of a run; returns its id for ``finish_run`` and ``record_errors``.

        A run still marked running was killed: only one process writes the file at a time,
        and this one holds it now. Such runs are marked ``interrupted``."""
        run_id = uuid.uuid4().hex[:16]
        self._con.execute("UPDATE runs SET status = 'interrupted' WHERE status = 'running'")
        self._con.execute(
            "INSERT INTO runs (id, started_at, status) VALUES (?, current_timestamp, 'running')",
            [run_id],
        )
        return run_id

    def finish_run(self, run_id: str, *, n_inputs: int = 0, n_articles: int = 0,
                   n_errors: int = 0, status: str = "ok") -> None:
        self._con.execute(
            "UPDATE runs SET finished_at = current_timestamp, n_inputs = ?, n_articles = ?, "
            "n_errors = ?, status = ? WHERE id = ?",
            [n_inputs, n_articles, n_errors, status, run_id],
        )

    def write_readings(self, docs: Sequence[str], scopes: Sequence[tuple[str, ScopeReading]],
                       named: Sequence[tuple[str, bool | None, bool | None]], labels: Sequence[ActorLabel]) -> None:
        """Store what the reconcile stage reads from the text of articles stored before it
        was kept (``pipeline.read_stored``): claim scopes, event actors' named flags, labels;
        the articles are marked read. One transaction; the articles' stamps stay, so the
        reconcile stage does not count them as changed."""
        self._con.execute("BEGIN TRANSACTION")
        try:
            if scopes:
                self._con.execute(queries.SET_SCOPES, [
                    [c for c, _ in scopes], [s.region for _, s in scopes], [s.region_text for _, s in scopes],
                    [s.place for _, s in scopes], [s.incident for _, s in scopes], [s.facility for _, s in scopes]])
            if named:
                self._con.execute(queries.SET_NAMED, [[e for e, _, _ in named], [a for _, a, _ in named],
                                                      [b for _, _, b in named]])
            self._con.execute("DELETE FROM actor_labels WHERE list_contains(?, doc)", [list(docs)])
            self._insert("actor_labels", [flatten.label_row(label) for label in labels])
            self._con.execute(queries.SET_READ, [list(docs)])
            self._con.execute("COMMIT")
        except BaseException:
            self._con.execute("ROLLBACK")
            raise

    def write_signatures(self, rows: Sequence[tuple[str, bytes]]) -> None:
        """Store signatures computed after the fact (rows stored without one)."""
        for start in range(0, len(rows), FETCH_BATCH):
            chunk = rows[start:start + FETCH_BATCH]
            self._con.execute(queries.SET_SIGNATURES,
                              [[doc for doc, _ in chunk], [blob for _, blob in chunk]])
