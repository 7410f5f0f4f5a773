"""The SQL of migration 5: the tables of `sitrep watch`."""

# `sitrep watch` (sitrep.watch): what it polls and when, the HTTP validators of what it
# fetched, each watched page's stored versions (a revised page is a new article linked to
# the one before), the articles its alert rules have already looked at, the alerts, and
# their delivery per channel. A stopped or killed watch goes on from here.
WATCH = """
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
