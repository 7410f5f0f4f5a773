"""The store's tables as a Parquet dataset: written one shard at a time by
``sitrep run --dask``, read by DuckDB in place (``--db DIR``) or merged into a DuckDB
file (``sitrep load``).

Layout: one folder per table, one file per shard, named by the shard's content hash::

    DIR/articles/<shard>.parquet        DIR/claims/<shard>.parquet
    DIR/events/<shard>.parquet          DIR/place_mentions/<shard>.parquet
    DIR/actor_labels/<shard>.parquet    DIR/ingest_errors/<shard>.parquet

Columns are the store's own (read from the migrated schema, never copied here), so a
dataset and a database hold the same rows; ``ingest_errors.run_id`` is left out (a run
id belongs to one database). A shard's files are written from a database that
``pipeline.run`` filled, each to a temporary name then renamed (or uploaded whole), the
articles file last: a shard exists once its articles file does, and rows of other tables
count only for shards that exist (a worker killed between two files leaves nothing seen).

One article is read once however many shards hold it (a file listed under two folders, a
re-run after an input changed): the latest written (``ingested_at``), then the shard
first by name; its claims, events and places come from that same shard.

Paths may be local folders or fsspec URLs (``s3://bucket/run``, anything DuckDB can reach
through an fsspec filesystem).
"""

from __future__ import annotations

import os
import time
import uuid
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import duckdb

from sitrep.store.queries import dicts, first, scalar

# Written in this order: the articles file last marks the shard as complete.
TABLES = ("claims", "events", "place_mentions", "actor_labels", "ingest_errors", "articles")
# Tables whose rows belong to an article (column naming it).
DOC_COLUMN = {"articles": "id", "claims": "doc", "events": "doc", "place_mentions": "doc", "actor_labels": "doc"}
# Columns of the database that a dataset leaves out: a run id names a run of one database.
STORE_ONLY = {"ingest_errors": ("run_id",)}
# Row order inside a shard's file (deterministic files; reads in doc order are cheap).
ORDER = {
    "articles": "id",
    "claims": 'doc, "start", id',
    "events": 'doc, "start", id',
    "place_mentions": 'doc, "start", "end", text',
    "actor_labels": "doc, example_start, label_key, voice, label",
    "ingest_errors": "path, line, reason",
}
# Compression of the shard files. zstd: the article text dominates the bytes, and zstd
# stores it in about two thirds of snappy's space at a negligible cost to the writer
# (measured on the bench corpus, see docs/benchmarks.md).
COMPRESSION = "zstd"
# Shards merged per transaction by ``load``: a few thousand articles, so memory stays
# flat however big the dataset and an interrupted load keeps what it committed.
LOAD_SHARDS = 32
# Article fields compared by ``load``: a stored article whose fields differ from the
# dataset's newer row is replaced with its rows (new text, metadata given on a re-run).
COMPARED = ("content_hash", "title", "outlet", "outlet_rule", "published", "date_rule", "url", "path",
            "n_claims", "n_events")


class DatasetError(Exception):
    """The folder is not a usable dataset."""


def is_url(path: str | os.PathLike[str]) -> bool:
    return "://" in str(path)


def is_dataset(path: str | os.PathLike[str]) -> bool:
    """Whether ``path`` names a dataset folder (a local folder or a URL), not a DuckDB file."""
    return is_url(path) or Path(path).is_dir()


def _join(base: str, *parts: str) -> str:
    return "/".join([str(base).rstrip("/"), *parts]) if is_url(base) else str(Path(base, *parts))


def _filesystem(path: str):
    """The fsspec filesystem of a URL and the path inside it."""
    from fsspec.core import url_to_fs

    return url_to_fs(path)


# -- schema ------------------------------------------------------------------


@lru_cache(maxsize=1)
def schema() -> dict[str, tuple[tuple[str, str], ...]]:
    """(column, DuckDB type) per table, from the migrations applied to an empty database."""
    from sitrep.store.migrations import apply_migrations

    con = duckdb.connect(":memory:")
    try:
        apply_migrations(con)
        out: dict[str, tuple[tuple[str, str], ...]] = {}
        for table in TABLES:
            rows = dicts(con, "SELECT column_name, data_type FROM information_schema.columns "
                              "WHERE table_name = ? ORDER BY ordinal_position", [table])
            out[table] = tuple((r["column_name"], r["data_type"]) for r in rows)
        return out
    finally:
        con.close()


def dataset_columns(table: str) -> list[tuple[str, str]]:
    """The columns of ``table`` a dataset holds (the store's, less ``STORE_ONLY``)."""
    skip = STORE_ONLY.get(table, ())
    return [(name, kind) for name, kind in schema()[table] if name not in skip]


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _lit(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


# -- writing one shard ---------------------------------------------------------


def write_shard(con: duckdb.DuckDBPyConnection, out: str, name: str) -> int:
    """Write the tables of a database filled with one shard's rows (``pipeline.run``) to
    ``out/<table>/<name>.parquet``; returns the bytes written. A file of the same name is
    replaced: a retried or re-run shard overwrites its own files."""
    total = 0
    for table in TABLES:
        columns = ", ".join(_q(c) for c, _ in dataset_columns(table))
        target = _join(out, table, f"{name}.parquet")
        if is_url(out):
            local = Path(os.environ.get("TMPDIR", "/tmp")) / f"sitrep-{uuid.uuid4().hex}.parquet"
        else:
            Path(target).parent.mkdir(parents=True, exist_ok=True)
            local = Path(f"{target}.tmp-{uuid.uuid4().hex[:8]}")  # not *.parquet: never read half-written
        try:
            con.execute(f"COPY (SELECT {columns} FROM {table} ORDER BY {ORDER[table]}) TO {_lit(str(local))} "
                        f"(FORMAT parquet, COMPRESSION {COMPRESSION})")
            total += local.stat().st_size
            if is_url(out):
                fs, path = _filesystem(target)
                fs.put_file(str(local), path)
            else:
                os.replace(local, target)
        finally:
            local.unlink(missing_ok=True)
    return total


# -- reading ---------------------------------------------------------------------


def _files(dataset: str, table: str) -> list[str]:
    """The shard files of one table, sorted."""
    if is_url(dataset):
        fs, path = _filesystem(_join(dataset, table))
        return sorted(fs.unstrip_protocol(p) for p in fs.glob(f"{path.rstrip('/')}/*.parquet"))
    folder = Path(dataset, table)
    return sorted(str(p) for p in folder.glob("*.parquet")) if folder.is_dir() else []


def _shard_of(path: str) -> str:
    name = path.replace("\\", "/").rsplit("/", 1)[-1]
    return name[: -len(".parquet")]


def _register(con: duckdb.DuckDBPyConnection, dataset: str) -> None:
    if is_url(dataset):
        fs, _ = _filesystem(dataset)
        try:
            con.register_filesystem(fs)
        except (duckdb.Error, ValueError):
            pass  # already registered on this connection


def _reader(files: Sequence[str]) -> str:
    listed = ", ".join(_lit(f) for f in files)
    return f"read_parquet([{listed}], filename = true, union_by_name = true)"


def _projection(con: duckdb.DuckDBPyConnection, table: str, source: str, alias: str = "p",
                only: Sequence[str] | None = None) -> str:
    """The dataset's columns as the store's (or those named in ``only``): cast to its types,
    NULL for a column the dataset predates; a column the store does not know means a newer
    sitrep wrote it."""
    found = {r["column_name"] for r in dicts(con, f"DESCRIBE SELECT * FROM {source}", [])} - {"filename"}
    known = dict(schema()[table])
    unknown = sorted(found - set(known))
    if unknown:
        raise DatasetError(f"{table} has columns this sitrep does not know ({', '.join(unknown)}): "
                           "the dataset was written by a newer version; upgrade sitrep")
    parts = []
    for name, kind in schema()[table]:
        if only is not None and name not in only:
            continue
        value = f"{alias}.{_q(name)}" if name in found else "NULL"
        parts.append(f"CAST({value} AS {kind}) AS {_q(name)}")
    return ", ".join(parts)


def _glob(dataset: str, table: str) -> str:
    return _join(dataset, table, "*.parquet")


def attach(con: duckdb.DuckDBPyConnection, dataset: str) -> None:
    """Replace the data tables of a freshly migrated in-memory database with views over the
    dataset, so every read of ``Store`` (and any SQL on its connection) sees the dataset.
    The views read the files at each query: shards written meanwhile are seen."""
    _register(con, dataset)
    if not _files(dataset, "articles"):
        if is_url(dataset) or Path(dataset, "articles").is_dir():
            return  # a dataset with no shard yet: the empty tables stand
        raise DatasetError(f"{dataset} is not a Parquet dataset of sitrep (no articles/ folder); "
                           "write one with `sitrep run PATH --dask ADDRESS --out DIR`")
    con.execute(f"""
        CREATE VIEW _sitrep_shards AS
        SELECT id, parse_filename(filename, true) AS shard FROM {_reader([_glob(dataset, "articles")])}
        QUALIFY row_number() OVER (PARTITION BY id ORDER BY ingested_at DESC, shard) = 1""")
    con.execute(f"""CREATE VIEW _sitrep_committed AS
                    SELECT parse_filename(file, true) AS shard FROM glob({_lit(_glob(dataset, "articles"))})""")
    for table in TABLES:
        if not _files(dataset, table):
            continue
        source = _reader([_glob(dataset, table)])
        columns = _projection(con, table, source)
        if table in DOC_COLUMN:
            keep = (f"SEMI JOIN _sitrep_shards s ON p.{_q(DOC_COLUMN[table])} = s.id "
                    "AND parse_filename(p.filename, true) = s.shard")
            body = f"SELECT {columns} FROM {source} p {keep}"
        else:  # errors: of complete shards, each once
            body = (f"SELECT DISTINCT {columns} FROM {source} p SEMI JOIN _sitrep_committed c "
                    "ON parse_filename(p.filename, true) = c.shard")
        con.execute(f"DROP TABLE {table}")
        con.execute(f"CREATE VIEW {table} AS {body}")


# -- loading into a database --------------------------------------------------------


@dataclass
class LoadSummary:
    shards: int = 0
    articles: int = 0  # articles of the dataset seen (one per id)
    new: int = 0
    replaced: int = 0
    unchanged: int = 0
    claims: int = 0
    events: int = 0
    errors: int = 0  # input errors recorded (each once)
    seconds: float = 0.0
    reconciled: Any = None  # what the reconcile stage did afterwards (``cluster.load.load_dataset``)


def _batches(items: Sequence[str], size: int) -> Iterator[Sequence[str]]:
    for at in range(0, len(items), size):
        yield items[at:at + size]


def load(store, dataset: str, *, replace: bool = False, batch_shards: int = LOAD_SHARDS) -> LoadSummary:
    """Merge the dataset at ``dataset`` into ``store`` (a writable ``Store``), a few shards
    per transaction. An article not stored is inserted with its claims, events and place
    mentions; one stored with other fields (``COMPARED``) is replaced when the dataset's
    row is newer; the rest are left alone, so loading again adds nothing. ``replace``:
    every stored article the dataset holds takes the dataset's rows (after extracting
    again on a cluster with new code). Input errors are recorded once each. The store
    comes before the reconcile stage, so bringing the cross-source results up to date
    afterwards is the caller's (``cluster.load.load_dataset``)."""
    started = time.perf_counter()
    summary = LoadSummary()
    con = store.connection
    _register(con, dataset)
    articles = _files(dataset, "articles")
    if not articles and not (is_url(dataset) or Path(dataset, "articles").is_dir()):
        raise DatasetError(f"{dataset} is not a Parquet dataset of sitrep (no articles/ folder)")
    by_table = {t: {_shard_of(f): f for f in _files(dataset, t)} for t in TABLES}
    run_id = store.start_run()
    shard_names = [_shard_of(f) for f in articles]
    for names in _batches(shard_names, batch_shards):
        _load_batch(con, names, by_table, run_id, replace, summary)
        summary.shards += len(names)
    store.finish_run(run_id, n_inputs=summary.articles, n_articles=summary.new + summary.replaced,
                     n_errors=summary.errors)
    summary.seconds = time.perf_counter() - started
    return summary


def _load_batch(con: duckdb.DuckDBPyConnection, names: Sequence[str], by_table: dict[str, dict[str, str]],
                run_id: str, replace: bool, summary: LoadSummary) -> None:
    sources = {t: _reader([by_table[t][n] for n in names if n in by_table[t]])
               for t in TABLES if any(n in by_table[t] for n in names)}
    if "articles" not in sources:
        return
    con.execute(f"""
        CREATE OR REPLACE TEMP TABLE _load_articles AS
        SELECT {_projection(con, "articles", sources["articles"], only=("id", "ingested_at", *COMPARED))},
               parse_filename(p.filename, true) AS _shard
        FROM {sources["articles"]} p
        QUALIFY row_number() OVER (PARTITION BY p.id ORDER BY p.ingested_at DESC, _shard) = 1""")
    differs = " OR ".join(f"a.{_q(c)} IS DISTINCT FROM i.{_q(c)}" for c in COMPARED)
    newer = "TRUE" if replace else f"(a.ingested_at IS NULL OR a.ingested_at <= i.ingested_at) AND ({differs})"
    con.execute(f"""
        CREATE OR REPLACE TEMP TABLE _load_todo AS
        SELECT i.id, i._shard, a.id IS NOT NULL AS stored FROM _load_articles i LEFT JOIN articles a ON a.id = i.id
        WHERE a.id IS NULL OR ({newer})""")
    seen = scalar(con, "SELECT count(*) FROM _load_articles")
    counts = first(con, "SELECT count(*) FILTER (NOT stored) AS new, count(*) FILTER (stored) AS replaced FROM _load_todo")
    new, replaced = counts["new"], counts["replaced"]
    summary.articles += seen
    summary.new += new
    summary.replaced += replaced
    summary.unchanged += seen - new - replaced
    con.execute("BEGIN TRANSACTION")
    try:
        _write_batch(con, sources, new, replaced, run_id, summary)
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    finally:
        con.execute("DROP TABLE IF EXISTS _load_articles")
        con.execute("DROP TABLE IF EXISTS _load_todo")


def _write_batch(con: duckdb.DuckDBPyConnection, sources: dict[str, str], new: int, replaced: int, run_id: str,
                 summary: LoadSummary) -> None:
    """Inside the batch's transaction: the replaced articles' rows deleted, the rows of the
    articles to load inserted table by table, the shards' new read errors added."""
    if replaced:
        for table, column in (("claims", "doc"), ("events", "doc"), ("place_mentions", "doc"),
                              ("actor_labels", "doc"), ("articles", "id")):
            con.execute(f"DELETE FROM {table} WHERE {_q(column)} IN (SELECT id FROM _load_todo WHERE stored)")
    for table in ("articles", "claims", "events", "place_mentions", "actor_labels"):
        if table not in sources or not (new or replaced):
            continue
        names_sql = ", ".join(_q(c) for c, _ in schema()[table])
        rows = (f"(SELECT {_projection(con, table, sources[table])}, parse_filename(p.filename, true) AS _shard "
                f"FROM {sources[table]} p)")
        added = scalar(con, f"""
            INSERT INTO {table} ({names_sql})
            SELECT {names_sql} FROM {rows} x
            SEMI JOIN _load_todo t ON x.{_q(DOC_COLUMN[table])} = t.id AND x._shard = t._shard""")
        if table == "claims":
            summary.claims += added
        elif table == "events":
            summary.events += added
    if "ingest_errors" in sources:
        columns = ", ".join(_q(c) for c, _ in dataset_columns("ingest_errors"))
        summary.errors += scalar(con, f"""
            INSERT INTO ingest_errors ({columns}, run_id)
            SELECT DISTINCT {columns}, ? FROM (
                SELECT {_projection(con, "ingest_errors", sources["ingest_errors"])} FROM {sources["ingest_errors"]} p
            ) e WHERE NOT EXISTS (
                SELECT 1 FROM ingest_errors s WHERE s.path = e.path AND s.reason = e.reason
                AND s.line IS NOT DISTINCT FROM e.line)""", [run_id])
