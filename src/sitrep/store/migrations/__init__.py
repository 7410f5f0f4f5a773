"""Schema migrations: an ordered, append-only list.

Each migration runs once, inside its own transaction, and is recorded in
``schema_migrations``. To change the schema, append a ``Migration`` with the
next version number; never edit one that has shipped, since databases in the
field have already recorded it as applied. The SQL of each step is in the modules
beside this one (``core``, ``watch``, ``recon``) and, for ``input_files``, in
``store/input_files.py`` with the code that reads and writes that table.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import duckdb

from sitrep.store.migrations.core import (
    ARTICLE_MINHASH, CLAIM_MENTIONS, EVENT_DISTANCE, INITIAL, READ_FOR_RECONCILE,
)
from sitrep.store.migrations.digests import report_digests
from sitrep.store.migrations.recon import CLAIM_FIGURES, INCREMENTAL_TOTALS, RECONCILE
from sitrep.store.migrations.watch import WATCH
from sitrep.store import input_files
from sitrep.store.queries import column, scalar

Apply = Callable[[duckdb.DuckDBPyConnection], None]


@dataclass(frozen=True, slots=True)
class Migration:
    version: int
    name: str
    apply: Apply


def sql(text: str) -> Apply:
    """A migration step that runs plain SQL statements (separated by ``;``)."""

    def run(con: duckdb.DuckDBPyConnection) -> None:
        for statement in text.split(";"):
            if statement.strip():
                con.execute(statement)

    return run


# Append only; versions strictly increasing.
MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "initial tables: articles, claims, events, place_mentions, ingest_errors, runs",
              sql(INITIAL)),
    Migration(2, "articles.minhash: stored MinHash signature for copy detection",
              sql(ARTICLE_MINHASH)),
    Migration(3, "events.distance_km, distance_high_km: front-line distances",
              sql(EVENT_DISTANCE)),
    Migration(4, "claims.mentions: other statements of the same figure in the article",
              sql(CLAIM_MENTIONS)),
    Migration(5, "watch_*: sources, HTTP validators, page versions, alerts and deliveries of sitrep watch",
              sql(WATCH)),
    Migration(6, "recon_*: the reconcile stage's stored results (copies, series, estimates, "
                 "contradictions, stories, framing) and what each article looked like when reconciled",
              sql(RECONCILE)),
    Migration(7, "input_files: the bytes each stored article was read from, for re-runs", sql(input_files.CREATE_TABLE)),
    Migration(8, "claims.scope_*, events.actor*_named, actor_labels: what the reconcile stage reads "
                 "from the text, read at extraction; articles.read_for_reconcile marks the rows that hold them",
              sql(READ_FOR_RECONCILE)),
    Migration(9, "recon_points.row_hash, recon_stories.totals: what a stored point holds and what a story "
                 "adds up, so the stage rewrites only changed points and adds a grown story's new articles",
              sql(INCREMENTAL_TOTALS)),
    Migration(10, "recon_claims.day, value, low, high: each reconciled claim's date and figure, so the stage "
                  "finds the days a grown series builds again without reading its claims", sql(CLAIM_FIGURES)),
    Migration(11, "recon_reports.digest, and every point's digest made of its reports': a point that gains "
                  "a report is updated in place, not built again from the claims of its day", report_digests),
)

LATEST_VERSION = MIGRATIONS[-1].version

_CREATE_LEDGER = """
CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    name VARCHAR,
    applied_at TIMESTAMP
)
"""


def applied_versions(con: duckdb.DuckDBPyConnection) -> set[int]:
    """Versions recorded in ``schema_migrations`` (empty when the table is missing)."""
    if not scalar(con, "SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_migrations'"):
        return set()
    return set(column(con, "SELECT version FROM schema_migrations"))


def apply_migrations(
    con: duckdb.DuckDBPyConnection, migrations: tuple[Migration, ...] = MIGRATIONS
) -> list[int]:
    """Apply the migrations not yet recorded, each in one transaction; return their versions."""
    con.execute(_CREATE_LEDGER)
    done = applied_versions(con)
    applied: list[int] = []
    for migration in migrations:
        if migration.version in done:
            continue
        con.execute("BEGIN TRANSACTION")
        try:
            migration.apply(con)
            con.execute(
                "INSERT INTO schema_migrations VALUES (?, ?, current_timestamp)",
                [migration.version, migration.name],
            )
            con.execute("COMMIT")
        except duckdb.Error:
            con.execute("ROLLBACK")
            raise
        applied.append(migration.version)
    return applied
