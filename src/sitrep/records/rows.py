"""Typed rows read back from the store.

Field order is the export order: ``publish.exports`` writes the fields of a
row in the order they are declared here, so the contract columns
(DESIGN.md) come first and extra fields are appended at the end.
"""

from __future__ import annotations

import json

from dataclasses import dataclass, field
from datetime import date, datetime

from sitrep.records import ScopeReading

# Metadata of a field read for the reconcile stage, not shown: exports and the API's
# schemas leave it out (``exported``), so their columns stay those of the contract.
STORED_ONLY = {"exported": False}


def exported(f) -> bool:
    """Whether a row field (``dataclasses.Field``) is shown by exports and the API."""
    return f.metadata.get("exported", True)


@dataclass(slots=True)
class ArticleRow:
    id: str
    content_hash: str
    title: str | None
    outlet: str | None
    outlet_rule: str | None
    published: date | None
    date_rule: str | None
    url: str | None
    path: str | None
    n_claims: int
    n_events: int
    ingested_at: datetime | None
    text: str | None = None  # only filled when asked for (it is the bulk of the table)


@dataclass(slots=True)
class ClaimRow:
    """A claim with its article's outlet and publication date joined in."""

    id: str
    doc: str
    outlet: str | None
    published: date | None
    quantity: str
    category: str
    subgroup: str | None
    value: int | None
    low: int | None
    high: int | None
    qualifier: str | None
    source: str | None
    source_kind: str
    source_text: str | None
    as_of: date | None
    period_start: date | None
    place: str | None
    historical: bool
    unverified: bool
    sentence: str
    start: int
    end: int
    rule: str
    # Beyond the contract.
    sentence_start: int
    url: str | None
    # Other statements of the same figure in the article, as (start, end) offsets.
    mentions: list[tuple[int, int]] | str | None = None
    # The scope the sentence gives the figure, read at extraction (``records.ScopeReading``;
    # None on rows extracted before it was stored, until the pipeline reads them).
    scope_region: str | None = field(default=None, metadata=STORED_ONLY)
    scope_region_text: str | None = field(default=None, metadata=STORED_ONLY)
    scope_place: str | None = field(default=None, metadata=STORED_ONLY)
    scope_incident: bool | None = field(default=None, metadata=STORED_ONLY)
    scope_facility: bool | None = field(default=None, metadata=STORED_ONLY)

    @property
    def scope(self) -> ScopeReading | None:
        """The ``scope_*`` columns as the claim's ``records.ScopeReading`` (None: not read)."""
        if self.scope_incident is None:
            return None
        return ScopeReading(self.scope_region, self.scope_region_text, self.scope_place,
                            bool(self.scope_incident), bool(self.scope_facility))

    def __post_init__(self) -> None:
        if isinstance(self.mentions, str):
            self.mentions = [tuple(m) for m in json.loads(self.mentions)]
        elif self.mentions is None:
            self.mentions = []


@dataclass(slots=True)
class EventRow:
    """An event, flattened, with the fatalities of its linked claims.

    ``place`` is the gazetteer name when the mention was resolved, else the
    place as written (``place_text`` always keeps the text as written).
    ``fatalities`` is None when no linked ``killed`` claim carries a number.
    """

    id: str
    doc: str
    date: date | None
    date_precision: str | None
    type: str
    actor1: str | None
    actor1_side: str | None
    actor2: str | None
    actor2_side: str | None
    winner: str | None
    place: str | None
    country: str | None
    admin1: str | None
    lat: float | None
    lon: float | None
    geo_precision: int | None
    source: str | None
    source_kind: str
    sentence: str
    start: int
    end: int
    rule: str
    fatalities: int | None
    # Beyond the contract.
    outlet: str | None
    published: date | None
    actor1_type: str | None
    actor2_type: str | None
    actor1_text: str | None
    actor2_text: str | None
    place_text: str | None
    anchor: str | None
    place_rule: str | None
    date_rule: str | None
    sentence_start: int
    fatality_claims: list[str] = field(default_factory=list)
    distance_km: float | None = None
    distance_high_km: float | None = None
    # Whether each actor names a group, not a side word (``records.Event``), for stories.
    actor1_named: bool | None = field(default=None, metadata=STORED_ONLY)
    actor2_named: bool | None = field(default=None, metadata=STORED_ONLY)


@dataclass(slots=True)
class PlaceMentionRow:
    doc: str
    text: str
    start: int
    end: int
    name: str | None
    country: str | None
    admin1: str | None
    lat: float | None
    lon: float | None
    geonameid: int | None
    feature: str | None
    precision: int | None
    rule: str
    anchor: str | None


@dataclass(slots=True)
class Counts:
    articles: int
    claims: int
    events: int
    place_mentions: int
    errors: int
    runs: int


@dataclass(slots=True)
class WriteResult:
    """Outcome of ``Store.write_many``: doc ids written, skipped as unchanged, or failed."""

    written: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)  # (doc id, reason)
    # Rows of written articles left out because the database cannot hold them (a number
    # beyond BIGINT): (doc id, reason). The article and its other rows are stored.
    dropped: list[tuple[str, str]] = field(default_factory=list)
    claims: int = 0  # claim rows written
    events: int = 0  # event rows written

    def add(self, other: WriteResult) -> None:
        self.written += other.written
        self.skipped += other.skipped
        self.failed += other.failed
        self.dropped += other.dropped
        self.claims += other.claims
        self.events += other.events
