"""The SQL of migrations 1-4 and 8: articles, claims, events, place mentions, input errors
and runs, and the columns and tables added to them since."""

# Columns named ``start``, ``end``, ``date``, ``type`` are quoted everywhere:
# ``end`` is reserved in SQL and the others are type names in some dialects.
INITIAL = """
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
ARTICLE_MINHASH = "ALTER TABLE articles ADD COLUMN minhash BLOB"

# Front-line events ("six miles from Hama"): the distance of actor1's forces from the place.
EVENT_DISTANCE = """
ALTER TABLE events ADD COLUMN distance_km DOUBLE;
ALTER TABLE events ADD COLUMN distance_high_km DOUBLE;
"""

# One figure once per article: the other statements of a claim's figure (headline, lead),
# as a JSON list of [start, end] offsets into the article text.
CLAIM_MENTIONS = """
ALTER TABLE claims ADD COLUMN mentions VARCHAR;
"""

# What the reconcile stage needs from the text, read at extraction and stored with the
# article (``extract.readings``), so that stage reads rows, never text: each claim's scope
# as written (``records.ScopeReading``), whether each event actor names a group (stories),
# and the labels the article gives actors (``records.framing.ActorLabel``, framing).
# ``articles.read_for_reconcile`` is NULL on rows stored before this migration: the
# pipeline reads those again (``pipeline.read_stored``) before the reconcile stage runs.
READ_FOR_RECONCILE = """
ALTER TABLE articles ADD COLUMN read_for_reconcile BOOLEAN;
ALTER TABLE claims ADD COLUMN scope_region VARCHAR;
ALTER TABLE claims ADD COLUMN scope_region_text VARCHAR;
ALTER TABLE claims ADD COLUMN scope_place VARCHAR;
ALTER TABLE claims ADD COLUMN scope_incident BOOLEAN;
ALTER TABLE claims ADD COLUMN scope_facility BOOLEAN;
ALTER TABLE events ADD COLUMN actor1_named BOOLEAN;
ALTER TABLE events ADD COLUMN actor2_named BOOLEAN;
CREATE TABLE actor_labels (
    doc VARCHAR NOT NULL,
    actor_side VARCHAR NOT NULL,
    actor VARCHAR NOT NULL,
    label_key VARCHAR NOT NULL,
    voice VARCHAR NOT NULL,
    label VARCHAR NOT NULL,
    count INTEGER NOT NULL,
    loaded_terms VARCHAR[],
    loaded_note VARCHAR,
    example_sentence VARCHAR NOT NULL,
    example_start INTEGER NOT NULL
)
"""
