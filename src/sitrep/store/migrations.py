"""Schema migrations: an ordered, append-only list.

Each migration runs once, inside its own transaction, and is recorded in
``schema_migrations``. To change the schema, append a ``Migration`` with the
next version number; never edit one that has shipped, since databases in the
field have already recorded it as applied.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import duckdb

from sitrep.store import input_files

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


# Columns named ``start``, ``end``, ``date``, ``type`` are quoted everywhere:
# ``end`` is reserved in SQL and the others are type names in some dialects.
_INITIAL = """
CREATE TABLE articles (
    id VARCHAR PRIMARY KEY,
    content_hash VARCHAR NOT NULL,
    title VARCHAR,
    outlet VARCHAR,
    outlet_rule VARCHAR,
    published DATE,
    date_rule VARCHAR,
    url VARCHAR,
    path VARCHAR,
    text VARCHAR NOT NULL,
    n_claims INTEGER NOT NULL DEFAULT 0,
    n_events INTEGER NOT NULL DEFAULT 0,
    ingested_at TIMESTAMP NOT NULL DEFAULT current_timestamp
);
CREATE TABLE claims (
    id VARCHAR PRIMARY KEY,
    doc VARCHAR NOT NULL,
    quantity VARCHAR NOT NULL,
    category VARCHAR NOT NULL,
    subgroup VARCHAR,
    value BIGINT,
    low BIGINT,
    high BIGINT,
    qualifier VARCHAR,
    source VARCHAR,
    source_kind VARCHAR NOT NULL,
    source_text VARCHAR,
    as_of DATE,
    period_start DATE,
    place VARCHAR,
    historical BOOLEAN NOT NULL DEFAULT false,
    unverified BOOLEAN NOT NULL DEFAULT false,
    sentence VARCHAR NOT NULL,
    "start" INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    sentence_start INTEGER NOT NULL,
    rule VARCHAR NOT NULL
);
CREATE TABLE events (
    id VARCHAR PRIMARY KEY,
    doc VARCHAR NOT NULL,
    "type" VARCHAR NOT NULL,
    actor1 VARCHAR,
    actor1_text VARCHAR,
    actor1_side VARCHAR,
    actor1_type VARCHAR,
    actor2 VARCHAR,
    actor2_text VARCHAR,
    actor2_side VARCHAR,
    actor2_type VARCHAR,
    winner VARCHAR,
    place VARCHAR,
    place_text VARCHAR,
    country VARCHAR,
    admin1 VARCHAR,
    lat DOUBLE,
    lon DOUBLE,
    geonameid BIGINT,
    geo_precision INTEGER,
    place_rule VARCHAR,
    anchor VARCHAR,
    "date" DATE,
    date_precision VARCHAR,
    date_rule VARCHAR,
    source VARCHAR,
    source_kind VARCHAR NOT NULL,
    fatality_claims VARCHAR[],
    sentence VARCHAR NOT NULL,
    "start" INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    sentence_start INTEGER NOT NULL,
    rule VARCHAR NOT NULL
);
CREATE TABLE place_mentions (
    doc VARCHAR NOT NULL,
    text VARCHAR NOT NULL,
    "start" INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    name VARCHAR,
    country VARCHAR,
    admin1 VARCHAR,
    lat DOUBLE,
    lon DOUBLE,
    geonameid BIGINT,
    feature VARCHAR,
    "precision" INTEGER,
    rule VARCHAR NOT NULL,
    anchor VARCHAR
);
CREATE TABLE ingest_errors (
    path VARCHAR NOT NULL,
    line INTEGER,
    reason VARCHAR NOT NULL,
    run_id VARCHAR
);
CREATE TABLE runs (
    id VARCHAR PRIMARY KEY,
    started_at TIMESTAMP NOT NULL,
    finished_at TIMESTAMP,
    n_inputs INTEGER,
    n_articles INTEGER,
    n_errors INTEGER,
    status VARCHAR NOT NULL
)
"""

# Each article's MinHash signature (``sitrep.minhash.pack_signature``), so copy
# detection reads no text. Rows stored before this migration keep NULL until first used.
_ARTICLE_MINHASH = "ALTER TABLE articles ADD COLUMN minhash BLOB"

# Front-line events ("six miles from Hama"): the distance of actor1's forces from the place.
_EVENT_DISTANCE = """
ALTER TABLE events ADD COLUMN distance_km DOUBLE;
ALTER TABLE events ADD COLUMN distance_high_km DOUBLE;
"""

# One figure once per article: the other statements of a claim's figure (headline, lead),
# as a JSON list of [start, end] offsets into the article text.
_CLAIM_MENTIONS = """
ALTER TABLE claims ADD COLUMN mentions VARCHAR;
"""

# `sitrep watch` (sitrep.watch): what it polls and when, the HTTP validators of what it
# fetched, each watched page's stored versions (a revised page is a new article linked to
# the one before), the articles its alert rules have already looked at, the alerts, and
# their delivery per channel. A stopped or killed watch goes on from here.
_WATCH = """
CREATE TABLE watch_sources (
    id VARCHAR PRIMARY KEY,
    kind VARCHAR NOT NULL,
    url VARCHAR NOT NULL,
    outlet VARCHAR,
    last_poll TIMESTAMP,
    next_poll TIMESTAMP,
    last_status VARCHAR,
    polls BIGINT NOT NULL DEFAULT 0,
    articles BIGINT NOT NULL DEFAULT 0,
    failures BIGINT NOT NULL DEFAULT 0
);
CREATE TABLE watch_http (
    url VARCHAR PRIMARY KEY,
    etag VARCHAR,
    last_modified VARCHAR,
    checked_at TIMESTAMP
);
CREATE TABLE watch_pages (
    url VARCHAR PRIMARY KEY,
    source VARCHAR,
    marker VARCHAR,
    doc VARCHAR,
    version INTEGER NOT NULL DEFAULT 0,
    content_hash VARCHAR,
    status VARCHAR,
    first_seen TIMESTAMP,
    last_checked TIMESTAMP,
    last_changed TIMESTAMP
);
CREATE TABLE watch_versions (
    doc VARCHAR PRIMARY KEY,
    url VARCHAR NOT NULL,
    version INTEGER NOT NULL,
    previous VARCHAR,
    stored_at TIMESTAMP
);
CREATE TABLE watch_counters (
    source VARCHAR NOT NULL,
    name VARCHAR NOT NULL,
    n BIGINT NOT NULL,
    PRIMARY KEY (source, name)
);
CREATE TABLE watch_seen (
    doc VARCHAR PRIMARY KEY
);
CREATE TABLE watch_state (
    key VARCHAR PRIMARY KEY,
    value VARCHAR
);
CREATE TABLE watch_alerts (
    id VARCHAR PRIMARY KEY,
    rule VARCHAR NOT NULL,
    kind VARCHAR NOT NULL,
    subject VARCHAR NOT NULL,
    summary VARCHAR NOT NULL,
    before VARCHAR,
    after VARCHAR NOT NULL,
    evidence VARCHAR NOT NULL,
    created_at TIMESTAMP NOT NULL
);
CREATE TABLE watch_deliveries (
    alert VARCHAR NOT NULL,
    channel VARCHAR NOT NULL,
    status VARCHAR NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    last_error VARCHAR,
    updated_at TIMESTAMP,
    PRIMARY KEY (alert, channel)
)
"""

# The reconcile stage's results (``sitrep.reconcile.reconcile``), written after every run
# and read by every reader (CLI, exports, report, web app, alerts) instead of computing the
# cross-source layer again. ``recon_state`` holds the rules' fingerprint the results were
# made with; ``recon_docs`` what each article looked like when it was reconciled (its
# stamp) and the blocks its rows fell in, so a later run recomputes only what new, changed
# or removed articles touch. ``recon_claims`` keeps each claim's scope, series and block.
_RECONCILE = """
CREATE TABLE recon_state (
    key VARCHAR NOT NULL,
    value VARCHAR
);
CREATE TABLE recon_docs (
    doc VARCHAR NOT NULL,
    stamp VARCHAR NOT NULL,
    outlet VARCHAR NOT NULL,
    framed BOOLEAN NOT NULL,
    blocks VARCHAR[]
);
CREATE TABLE recon_claims (
    claim VARCHAR NOT NULL,
    doc VARCHAR NOT NULL,
    series VARCHAR NOT NULL,
    block VARCHAR NOT NULL,
    era VARCHAR NOT NULL,
    region VARCHAR,
    region_text VARCHAR,
    period VARCHAR,
    incident VARCHAR,
    period_start DATE
);
CREATE TABLE recon_control (
    event VARCHAR NOT NULL,
    doc VARCHAR NOT NULL,
    block VARCHAR NOT NULL,
    day DATE NOT NULL
);
CREATE TABLE recon_copies (
    "group" VARCHAR NOT NULL,
    doc VARCHAR NOT NULL,
    outlet VARCHAR,
    published DATE,
    canonical BOOLEAN NOT NULL,
    similarity DOUBLE NOT NULL,
    containment DOUBLE NOT NULL,
    group_size INTEGER NOT NULL
);
CREATE TABLE recon_series (
    key VARCHAR NOT NULL,
    block VARCHAR NOT NULL,
    estimate_group VARCHAR NOT NULL,
    name VARCHAR NOT NULL,
    scope VARCHAR NOT NULL,
    n_reports INTEGER NOT NULL,
    claimant VARCHAR,
    claimant_kind VARCHAR NOT NULL,
    quantity VARCHAR NOT NULL,
    category VARCHAR NOT NULL,
    subgroup VARCHAR,
    outlet VARCHAR,
    era VARCHAR NOT NULL,
    region VARCHAR,
    region_text VARCHAR,
    period VARCHAR,
    incident VARCHAR,
    period_start DATE,
    n_points INTEGER NOT NULL
);
CREATE TABLE recon_points (
    series VARCHAR NOT NULL,
    idx INTEGER NOT NULL,
    n_points INTEGER NOT NULL,
    block VARCHAR NOT NULL,
    bucket INTEGER,
    fingerprint VARCHAR NOT NULL,
    figure VARCHAR NOT NULL,
    claimant VARCHAR,
    claimant_kind VARCHAR NOT NULL,
    quantity VARCHAR NOT NULL,
    category VARCHAR NOT NULL,
    subgroup VARCHAR,
    scope VARCHAR NOT NULL,
    scope_text VARCHAR NOT NULL,
    as_of DATE,
    value BIGINT,
    low BIGINT,
    high BIGINT,
    qualifier VARCHAR,
    change BIGINT,
    n_reports INTEGER NOT NULL,
    docs VARCHAR[],
    outlets VARCHAR[],
    claim_ids VARCHAR[],
    copies VARCHAR[],
    sentence VARCHAR NOT NULL
);
CREATE TABLE recon_reports (
    series VARCHAR NOT NULL,
    point INTEGER NOT NULL,
    idx INTEGER NOT NULL,
    doc VARCHAR NOT NULL,
    outlet VARCHAR,
    published DATE,
    claim_id VARCHAR NOT NULL,
    sentence VARCHAR NOT NULL,
    value BIGINT,
    qualifier VARCHAR,
    copies VARCHAR[]
);
CREATE TABLE recon_estimates (
    estimate_group VARCHAR NOT NULL,
    quantity VARCHAR NOT NULL,
    category VARCHAR NOT NULL,
    as_of DATE NOT NULL,
    low BIGINT,
    best BIGINT,
    high BIGINT,
    best_rule VARCHAR NOT NULL,
    best_source VARCHAR,
    sources VARCHAR[],
    subgroup VARCHAR,
    scope VARCHAR NOT NULL,
    scope_text VARCHAR NOT NULL
);
CREATE TABLE recon_contradictions (
    id VARCHAR NOT NULL,
    block VARCHAR NOT NULL,
    kind_rank INTEGER NOT NULL,
    kind VARCHAR NOT NULL,
    subject VARCHAR NOT NULL,
    explanation VARCHAR NOT NULL,
    ratio DOUBLE,
    a_statement VARCHAR NOT NULL,
    a_source VARCHAR,
    a_source_kind VARCHAR NOT NULL,
    a_date DATE,
    a_doc VARCHAR NOT NULL,
    a_outlet VARCHAR,
    a_sentence VARCHAR NOT NULL,
    a_ref VARCHAR NOT NULL,
    a_value BIGINT,
    a_scope VARCHAR,
    a_docs VARCHAR[],
    b_statement VARCHAR NOT NULL,
    b_source VARCHAR,
    b_source_kind VARCHAR NOT NULL,
    b_date DATE,
    b_doc VARCHAR NOT NULL,
    b_outlet VARCHAR,
    b_sentence VARCHAR NOT NULL,
    b_ref VARCHAR NOT NULL,
    b_value BIGINT,
    b_scope VARCHAR,
    b_docs VARCHAR[],
    pair VARCHAR
);
CREATE TABLE recon_story_docs (
    doc VARCHAR NOT NULL,
    summary VARCHAR NOT NULL,
    keys VARCHAR[]
);
CREATE TABLE recon_stories (
    id VARCHAR NOT NULL,
    label VARCHAR NOT NULL,
    "start" DATE,
    "end" DATE,
    n_docs INTEGER NOT NULL,
    n_unique INTEGER NOT NULL,
    docs VARCHAR[],
    places VARCHAR[],
    event_types VARCHAR[],
    outlets VARCHAR[]
);
CREATE TABLE recon_framing_docs (
    doc VARCHAR NOT NULL,
    outlet VARCHAR NOT NULL,
    outlet_known BOOLEAN NOT NULL,
    actor_side VARCHAR NOT NULL,
    actor VARCHAR NOT NULL,
    label_key VARCHAR NOT NULL,
    voice VARCHAR NOT NULL,
    forms VARCHAR NOT NULL,
    count INTEGER NOT NULL,
    n_quoted INTEGER NOT NULL,
    example_sentence VARCHAR NOT NULL,
    example_start INTEGER NOT NULL
);
CREATE TABLE recon_framing (
    side_rank INTEGER NOT NULL,
    actor_side VARCHAR NOT NULL,
    actor VARCHAR NOT NULL,
    outlet VARCHAR NOT NULL,
    outlet_known BOOLEAN NOT NULL,
    label VARCHAR NOT NULL,
    count INTEGER NOT NULL,
    n_docs INTEGER NOT NULL,
    n_quoted INTEGER NOT NULL,
    loaded BOOLEAN NOT NULL,
    loaded_terms VARCHAR[],
    loaded_note VARCHAR,
    n_outlet_articles INTEGER NOT NULL,
    example_docs VARCHAR[],
    example_sentences VARCHAR[],
    example_starts INTEGER[],
    voice VARCHAR NOT NULL
);
CREATE TABLE recon_outlets (
    outlet VARCHAR NOT NULL,
    outlet_known BOOLEAN NOT NULL,
    n_articles INTEGER NOT NULL,
    n_uses INTEGER NOT NULL,
    loaded_share DOUBLE NOT NULL,
    opposition_labels VARCHAR[],
    government_labels VARCHAR[],
    foreign_labels VARCHAR[],
    other_labels VARCHAR[],
    loaded_labels VARCHAR[],
    quoted_labels VARCHAR[]
)
"""

# Append only; versions strictly increasing.
MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "initial tables: articles, claims, events, place_mentions, ingest_errors, runs",
              sql(_INITIAL)),
    Migration(2, "articles.minhash: stored MinHash signature for copy detection",
              sql(_ARTICLE_MINHASH)),
    Migration(3, "events.distance_km, distance_high_km: front-line distances",
              sql(_EVENT_DISTANCE)),
    Migration(4, "claims.mentions: other statements of the same figure in the article",
              sql(_CLAIM_MENTIONS)),
    Migration(5, "watch_*: sources, HTTP validators, page versions, alerts and deliveries of sitrep watch",
              sql(_WATCH)),
    Migration(6, "recon_*: the reconcile stage's stored results (copies, series, estimates, "
                 "contradictions, stories, framing) and what each article looked like when reconciled",
              sql(_RECONCILE)),
    Migration(7, "input_files: the bytes each stored article was read from, for re-runs", sql(input_files.CREATE_TABLE)),
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
    exists = con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_migrations'"
    ).fetchone()
    if not exists or not exists[0]:
        return set()
    return {row[0] for row in con.execute("SELECT version FROM schema_migrations").fetchall()}


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
