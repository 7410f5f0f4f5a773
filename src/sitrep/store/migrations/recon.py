"""The SQL of migration 6: the tables of the reconcile stage's stored results."""

# The reconcile stage's results (``sitrep.reconcile.reconcile``), written after every run
# and read by every reader (CLI, exports, report, web app, alerts) instead of computing the
# cross-source layer again. ``recon_state`` holds the rules' fingerprint the results were
# made with; ``recon_docs`` what each article looked like when it was reconciled (its
# stamp) and the blocks its rows fell in, so a later run recomputes only what new, changed
# or removed articles touch. ``recon_claims`` keeps each claim's scope, series and block.
RECONCILE = """
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


# The digest of each stored point (its row and reports, not its place in the series): the
# stage rewrites only the points of a recomputed series whose digest changed, and moves the
# others in place. A story's totals over its articles (``stories.StoryTotals``): a story
# that only gains articles adds theirs. Rows written before have neither and are computed
# in full when next touched.
INCREMENTAL_TOTALS = """
ALTER TABLE recon_points ADD COLUMN row_hash VARCHAR;
ALTER TABLE recon_stories ADD COLUMN totals VARCHAR
"""


# Each reconciled claim's figure and date (``series.claim_date``: its as_of, else its
# article's publication date): the stage finds the figures a new claim adds to, and the
# days a grown series builds again, in ``recon_claims`` alone, without reading every claim
# of the series with its article (``stage_gain``). Rows written before are filled in here.
CLAIM_FIGURES = """
ALTER TABLE recon_claims ADD COLUMN day DATE;
ALTER TABLE recon_claims ADD COLUMN value BIGINT;
ALTER TABLE recon_claims ADD COLUMN low BIGINT;
ALTER TABLE recon_claims ADD COLUMN high BIGINT;
UPDATE recon_claims SET day = x.day, value = x.value, low = x.low, high = x.high
FROM (SELECT c.id, coalesce(c.as_of, a.published) AS day, c.value, c.low, c.high
      FROM claims c LEFT JOIN articles a ON a.id = c.doc) x
WHERE x.id = recon_claims.claim
"""
