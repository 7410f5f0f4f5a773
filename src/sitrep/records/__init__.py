"""Typed records that flow one way through the stages: the one family every stage
exchanges. This package imports nothing else of sitrep.

ingest -> Article (or IngestError); extract -> Claim, Event, PlaceMention (here); store ->
the same read back with their article's fields joined in (``rows``: ClaimRow, EventRow,
ArticleRow, PlaceMentionRow); reconcile -> series and estimates (``series``),
contradictions (``contradictions``), wire-copy groups and stories (``groups``), framing
(``framing``). Every record that comes from text keeps character offsets into
``Article.text`` (the cleaned text) and the ``rule`` that produced it, so any output row
can be traced back to its sentence.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date

from .framing import ActorLabel

# Closed vocabularies of the export contract (DESIGN.md).
QUANTITIES = ("killed", "injured", "displaced", "missing", "detained", "released", "abducted")
CATEGORIES = ("total", "civilians", "combatants", "rebels", "government", "prisoners")
SOURCE_KINDS = (
    "monitor", "un", "government", "opposition", "foreign_government",
    "media", "ngo", "medical", "unknown",
)
# Sides of a conflict as used by actors and events. ``opposition`` is any
# non-state armed side (the claim category ``rebels``), ``government`` state
# forces and allied militias, ``foreign`` an outside state's forces.
SIDES = ("government", "opposition", "foreign", "civilians", "unknown")
EVENT_TYPES = (
    "territory_change", "withdrawal", "armed_clash", "airstrike", "shelling",
    "reinforcement", "prison_break", "front_line",
)


def content_id(*parts: object, length: int = 16) -> str:
    """A stable id derived from content: the same input always gives the same id."""
    digest = hashlib.sha256("\x1f".join("" if p is None else str(p) for p in parts).encode("utf-8"))
    return digest.hexdigest()[:length]


@dataclass(slots=True)
class Article:
    """One cleaned article. ``id`` is the doc id of the export contract."""

    id: str
    text: str
    content_hash: str
    title: str | None = None
    outlet: str | None = None
    published: date | None = None
    url: str | None = None
    path: str | None = None
    # How outlet and date were found: "metadata" | "option" | "text" | None.
    outlet_rule: str | None = None
    date_rule: str | None = None
    line: int | None = None  # line of the JSONL file the article came from
    # What the input lost on its way to this article ("2 NUL bytes dropped", "published
    # 'garbage' is not a date; left empty"): each is reported as one line.
    notes: list[str] = field(default_factory=list)


@dataclass(slots=True)
class IngestError:
    """An input (file, or line of a JSONL file) that did not become an article."""

    path: str
    reason: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line is not None else self.path
        return f"{where}: {self.reason}"


@dataclass(slots=True)
class IngestNote:
    """Something an input lost on its way to becoming an article, which was still stored:
    bytes dropped to decode it, a metadata field that was not usable."""

    path: str
    reason: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line is not None else self.path
        return f"{where}: {self.reason}"


@dataclass(slots=True)
class Claimant:
    """Who a figure is attributed to (not the outlet that printed it)."""

    name: str  # canonical name, or the text as written when no lexicon knows it
    kind: str = "unknown"  # one of SOURCE_KINDS
    as_written: str | None = None
    known: bool = False  # found in a claimants data file


@dataclass(slots=True)
class Claim:
    """A figure of people (killed, injured, displaced...) with who claims it."""

    id: str
    doc: str
    quantity: str
    category: str
    value: int | None
    low: int | None
    high: int | None
    qualifier: str | None
    source: str | None
    source_kind: str
    sentence: str
    start: int  # offsets of the figure in Article.text
    end: int
    sentence_start: int
    rule: str
    subgroup: str | None = None
    source_text: str | None = None
    as_of: date | None = None
    period_start: date | None = None
    place: str | None = None
    historical: bool = False
    unverified: bool = False
    # Other statements of the same figure in the article (headline, lead): their offsets.
    mentions: list[tuple[int, int]] = field(default_factory=list)
    # What the sentence says of the figure's scope, read at extraction (stored as ``scope_*``).
    scope: ScopeReading | None = None


@dataclass(frozen=True, slots=True)
class ScopeReading:
    """What a claim's sentence says of its scope, read when the claim is extracted
    (``extract.readings``) and stored as the claim's ``scope_*`` columns; the reconcile
    stage puts it together with the claim's other fields (``reconcile.scope.scope_of``)."""

    region: str | None = None  # key of the regional qualifier near the figure ("idlib + northern aleppo")
    region_text: str | None = None  # as written ("Idlib and northern Aleppo")
    place: str | None = None  # key of the first place named after a preposition (an incident's place)
    incident: bool = False  # incident words and no cumulative words: one strike or attack
    facility: bool = False  # the claimant is one facility (a hospital, a health directorate)


@dataclass(slots=True)
class Place:
    """A gazetteer entry."""

    name: str
    lat: float
    lon: float
    country: str | None = None  # ISO-2 country code
    admin1: str | None = None  # province / governorate name
    geonameid: int | None = None
    feature: str = "city"  # city | admin1 | country
    population: int = 0


@dataclass(slots=True)
class PlaceMention:
    """A place named in an article and what it was resolved to."""

    doc: str
    text: str
    start: int
    end: int
    place: Place | None
    # ACLED geo_precision: 1 the place itself, 2 near a named place, 3 province only.
    precision: int | None
    rule: str
    anchor: str | None = None  # the named place an unresolved village is anchored to
    # The name of an organisation or actor the place is part of ("U.S. Senate", "Idlib Free
    # Army"): then the mention only says where that name points (precision None), it is
    # no place of an event or claim.
    within: str | None = None
    # The whole phrase as written when the name is shorter: a facility with the town it is
    # in ("gendarmerie post in Aneho" for a mention named "Aneho" or "IRGC headquarters").
    written: str | None = None


@dataclass(slots=True)
class ActorRef:
    """An actor as it appears in a sentence, mapped to a canonical actor where known."""

    name: str  # canonical name, or the text as written
    side: str = "unknown"  # one of SIDES
    acled_type: str | None = None
    as_written: str | None = None
    known: bool = False


@dataclass(slots=True)
class Event:
    """Something that happened at a place and a time: a town changing hands, a strike..."""

    id: str
    doc: str
    type: str  # one of EVENT_TYPES
    sentence: str
    start: int  # offsets of the trigger in Article.text
    end: int
    sentence_start: int
    rule: str
    actor1: ActorRef | None = None
    actor2: ActorRef | None = None
    winner: str | None = None  # side that gained the place (territory_change)
    place: PlaceMention | None = None
    date: date | None = None
    date_precision: str | None = None  # day | week | month
    date_rule: str | None = None  # "sentence" | "publication" (fallback)
    source: str | None = None
    source_kind: str = "unknown"
    fatality_claims: list[str] = field(default_factory=list)  # Claim ids
    # front_line events: how far actor1's forces are from the place (km; a range's top).
    distance_km: float | None = None
    distance_high_km: float | None = None
    # Whether each actor names a group rather than a side word ("rebels", "troops"): read
    # at extraction for the reconcile stage's stories (None: not read).
    actor1_named: bool | None = None
    actor2_named: bool | None = None


@dataclass(slots=True)
class Extraction:
    """Everything extracted from one article; written to the store in one transaction."""

    article: Article
    claims: list[Claim] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    places: list[PlaceMention] = field(default_factory=list)
    signature: bytes | None = None  # MinHash of the text (sitrep.minhash.pack_signature)
    # The labels the article gives each actor (``records.framing.ActorLabel``), for framing.
    labels: list[ActorLabel] = field(default_factory=list)
    # Whether claim scopes, event actors' named flags and labels were read (``extract.readings``);
    # an extraction stored without them is read by the pipeline before the reconcile stage.
    read_for_reconcile: bool = False
