"""The queries behind every page and its JSON twin: filters in, a page of typed rows out.

One function per view; the HTML route and the JSON route both call it, so a page and its
twin always show the same rows.
"""

from __future__ import annotations

import dataclasses
import re
import sys
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Generic, TypeVar, get_args, get_origin, get_type_hints

from pydantic import BaseModel, ConfigDict, Field, create_model, field_validator, model_validator

from sitrep.records import CATEGORIES, EVENT_TYPES, QUANTITIES, SOURCE_KINDS
from sitrep.records.rows import ArticleRow, ClaimRow, Counts, EventRow, PlaceMentionRow
from sitrep.store import Store
from sitrep.store import queries
from sitrep.store import search as fts
from sitrep.store.queries import like_pattern  # noqa: F401  (kept importable from here)

# Rows per page unless asked; the most one request may ask for (a page of 500 claims is
# about 0.5 MB of JSON and renders in a browser without stalling).
DEFAULT_LIMIT = 50
MAX_LIMIT = 500
# Rows a page may skip: more than any database holds (a billion claims), and far inside
# the 64-bit integers DuckDB takes (an offset of 2**63 would be a server error, not a 422).
MAX_OFFSET = 1_000_000_000
# Longest search phrase accepted; longer is a paste of a paragraph, not a search.
MAX_QUERY_CHARS = 200
# Characters of article text shown either side of a search match.
SNIPPET_CHARS = 90

T = TypeVar("T")


class PageParams(BaseModel):
    """Pagination shared by every list. Blank form fields count as not given."""

    model_config = ConfigDict(extra="ignore")

    limit: int = Field(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT, description=f"rows per page (max {MAX_LIMIT})")
    offset: int = Field(0, ge=0, le=MAX_OFFSET, description=f"rows to skip (max {MAX_OFFSET:,})")

    @field_validator("*", mode="before")
    @classmethod
    def _blank_is_none(cls, value: Any, info: Any) -> Any:
        if isinstance(value, str) and not value.strip():
            return cls.model_fields[info.field_name].default
        return value.strip() if isinstance(value, str) else value


# Enumerated filters and their vocabularies: any other value is a 422 naming the valid ones.
CHOICES: dict[str, tuple[str, ...]] = {
    "quantity": QUANTITIES, "category": CATEGORIES, "source_kind": SOURCE_KINDS, "type": EVENT_TYPES,
}


class ChoiceParams(PageParams):
    """Checks its enumerated fields (``CHOICES``) against their vocabularies."""

    @model_validator(mode="after")
    def _check_choices(self) -> ChoiceParams:
        for name, valid in CHOICES.items():
            if name in type(self).model_fields:
                queries.check_choice(name, getattr(self, name), valid)
        return self


class ClaimFilters(ChoiceParams):
    doc: str | None = Field(None, description="article id")
    quantity: str | None = Field(None, description=", ".join(QUANTITIES))
    category: str | None = Field(None, description=", ".join(CATEGORIES))
    source: str | None = Field(None, description="claimant: any part of its name or of the text as written, any case")
    source_kind: str | None = Field(None, description=", ".join(SOURCE_KINDS))
    outlet: str | None = Field(None, description="any part of the outlet name, any case")
    place: str | None = Field(None, description="any part of the place the figure is about, any case")
    since: date | None = Field(None, description="as-of (else publication) date, from")
    until: date | None = Field(None, description="as-of (else publication) date, to")


class EventFilters(ChoiceParams):
    doc: str | None = None
    type: str | None = Field(None, description=", ".join(EVENT_TYPES))
    place: str | None = Field(None, description="any part of the gazetteer name or the place as written, any case")
    country: str | None = None
    source: str | None = Field(None, description="any part of the claimant's name, any case")
    outlet: str | None = Field(None, description="any part of the outlet name, any case")
    since: date | None = Field(None, description="event date, from")
    until: date | None = Field(None, description="event date, to")


class ArticleFilters(PageParams):
    doc: str | None = None
    outlet: str | None = Field(None, description="any part of the outlet name, any case")
    since: date | None = Field(None, description="publication date, from")
    until: date | None = Field(None, description="publication date, to")


class SearchParams(PageParams):
    q: str | None = Field(None, max_length=MAX_QUERY_CHARS,
                          description="words, found as a phrase: any case, punctuation ignored, whole words")
    outlet: str | None = None
    since: date | None = None
    until: date | None = None


class Page(BaseModel, Generic[T]):
    """A page of rows with the total across all pages and where the next page starts."""

    total: int
    limit: int
    offset: int
    next_offset: int | None
    items: list[T]

    @classmethod
    def of(cls, items: list[Any], total: int, params: PageParams) -> Page[Any]:
        end = params.offset + len(items)
        return cls(total=total, limit=params.limit, offset=params.offset,
                   next_offset=end if end < total else None, items=items)


@dataclass(slots=True)
class SearchHit:
    id: str
    title: str | None
    outlet: str | None
    published: date | None
    url: str | None
    before: str  # text before the match, the match, and after (shown escaped, match marked)
    match: str
    after: str


@dataclass(slots=True)
class ArticleDetail:
    article: ArticleRow
    claims: list[ClaimRow] = field(default_factory=list)
    events: list[EventRow] = field(default_factory=list)
    places: list[PlaceMentionRow] = field(default_factory=list)


@dataclass(slots=True)
class Overview:
    counts: Counts
    first_published: date | None
    last_published: date | None
    outlets: list[tuple[str, int]]


def _total(store: Store, sql: str, params: list[Any]) -> int:
    row = store.connection.execute(f"SELECT count(*) FROM ({sql}) AS page", params).fetchone()
    return int(row[0]) if row else 0


def _page(store: Store, where: queries.Where, select: str, order: str, make: Any,
          params: PageParams) -> Page[Any]:
    total = _total(store, *where.sql(select, order, None, 0))
    rows = store.connection.execute(*where.sql(select, order, params.limit, params.offset)).fetchall()
    return Page.of([make(*row) for row in rows], total, params)


_CLAIMS_FROM = "FROM claims c LEFT JOIN articles a ON a.id = c.doc"


def claims(store: Store, f: ClaimFilters) -> Page[ClaimRow]:
    """``queries.claim_query``'s conditions plus ``place``.

    When no filter needs the article (outlet, dates), the page of claims is chosen from
    the claims table alone and only that page is joined to its articles: on 100,000
    claims an unfiltered first page drops from ~50 ms to ~12 ms.
    """
    where = queries.claim_filters(queries.Where(), doc=f.doc, quantity=f.quantity, category=f.category,
                                  source=f.source, source_kind=f.source_kind, place=f.place)
    needs_article = f.outlet is not None or f.since is not None or f.until is not None
    if needs_article or _CLAIMS_FROM not in queries.CLAIM_SELECT:
        where.contains_ci("a.outlet", f.outlet)
        where.between("coalesce(c.as_of, a.published)", f.since, f.until)
        return _page(store, where, queries.CLAIM_SELECT, queries.CLAIM_ORDER, ClaimRow, f)
    total = _total(store, *where.sql("SELECT c.id FROM claims c", queries.CLAIM_ORDER, None, 0))
    inner, params = where.sql("SELECT * FROM claims c", queries.CLAIM_ORDER, f.limit, f.offset)
    select = queries.CLAIM_SELECT.replace(
        _CLAIMS_FROM, f"FROM ({inner}) c LEFT JOIN articles a ON a.id = c.doc")
    rows = store.connection.execute(f"{select} ORDER BY {queries.CLAIM_ORDER}", params).fetchall()
    return Page.of([ClaimRow(*row) for row in rows], total, f)


def events(store: Store, f: EventFilters) -> Page[EventRow]:
    filters = f.model_dump(exclude={"limit", "offset"})
    total = _total(store, *queries.event_query(**filters))
    found = store.events(**filters, limit=f.limit, offset=f.offset)
    return Page.of(found, total, f)


def articles(store: Store, f: ArticleFilters) -> Page[ArticleRow]:
    filters = f.model_dump(exclude={"limit", "offset"})
    total = _total(store, *queries.article_query(**filters))
    return Page.of(store.articles(**filters, limit=f.limit, offset=f.offset), total, f)


def article(store: Store, doc: str) -> ArticleDetail | None:
    found = store.articles(doc=doc, with_text=True)
    if not found:
        return None
    return ArticleDetail(found[0], store.claims(doc=doc), store.events(doc=doc),
                         store.place_mentions(doc=doc))


# What /search and /api/search do, for the API's docs (the summary of the endpoint).
SEARCH_SUMMARY = (f"Articles whose text holds the words of q as a phrase (whole words, any case, punctuation "
                  f"ignored), best first; totals exact up to {fts.COUNT_LIMIT:,}")
SEARCH_DESCRIPTION = f"""The words of `q` (letters and digits) are found as a phrase: whole words, in
order, any case, punctuation between them ignored, accents folded ("Hama" does not find
"Hamas"; "air strikes" finds "air-strikes"). Results come best first (BM25) from the
full-text index beside the database (`<db>.search`, built as articles are stored and
caught up when behind); when more than {fts.RANKED_MATCHES:,} articles match, the most recently
stored {fts.RANKED_MATCHES:,} are ranked first, then the others, newest first. `total` is exact up
to {fts.COUNT_LIMIT:,} matches and says {fts.COUNT_LIMIT:,} past that (pages stop there).

A query with no letter or digit in it (`%`) is looked for literally. A Parquet dataset
(`--db DIR`) has no index, nor has a database whose folder cannot be written: their texts
are scanned for the same whole-word phrase (accents not folded), newest first, not ranked."""

# Notes the search page shows when it did not use the index.
NOTE_DATASET = ("This is a Parquet dataset (--db DIR), which has no search index: its texts were scanned for "
                "the words as a phrase, newest first, not ranked. Merge it into a database with `sitrep load` "
                "for ranked search.")
NOTE_NO_INDEX = ("The search index could not be used here: the texts were scanned for the words as a phrase, "
                 "newest first, not ranked.")
NOTE_LITERAL = "No letter or digit in the query: it was looked for literally, newest first."


def search(store: Store, p: SearchParams) -> Page[SearchHit]:
    """Articles whose text holds the words of ``q`` as a phrase (any case, punctuation
    ignored), best match first (BM25), from the full-text index (``store/search.py``);
    the total is exact up to ``search.COUNT_LIMIT`` (10,000) matches (``SEARCH_DESCRIPTION``).

    A query with no word in it ("%") is looked for literally, scanning the texts. Where
    there is no index (a Parquet dataset, a folder that cannot be written, a damaged
    index) the texts are scanned for the same phrase, newest first."""
    return search_noted(store, p)[0]


def search_noted(store: Store, p: SearchParams) -> tuple[Page[SearchHit], str | None]:
    """``search``, and a note for the reader when the index was not used (else None)."""
    if not p.q:
        return Page.of([], 0, p), None
    words = fts.tokens(p.q)
    if not words:
        return _scan(store, p), NOTE_LITERAL
    index = store.search_index()
    if index is not None:
        try:
            found, total = index.search(words, outlet=p.outlet, since=p.since, until=p.until,
                                        limit=p.limit, offset=p.offset)
        except fts.INDEX_ERRORS:  # a damaged or locked index file: derived data, scan instead
            store.drop_search_index()
        else:
            pattern = fts.phrase_pattern(words)
            return Page.of([_snippet(f, pattern) for f in found], total, p), None
    return _scan_words(store, p, words), NOTE_DATASET if store.is_dataset else NOTE_NO_INDEX


def _snippet(f: fts.Found, pattern: re.Pattern[str]) -> SearchHit:
    head = (f.id, f.title, f.outlet, f.published, f.url)
    m = pattern.search(f.text)
    if m is None:  # folded accents or another spelling: the start of the text, unmarked
        return SearchHit(*head, before=f.text[:2 * SNIPPET_CHARS], match="", after="")
    begin = max(0, m.start() - SNIPPET_CHARS)
    return SearchHit(*head, before=f.text[begin:m.start()], match=m.group(0),
                     after=f.text[m.end():m.end() + SNIPPET_CHARS])


def _scan(store: Store, p: SearchParams) -> Page[SearchHit]:
    """Articles whose text holds ``q`` literally (any case), newest first: one scan of
    the texts gives the page and the total (a window count); a second query counts only
    when the offset is past the last match."""
    assert p.q
    where = queries.Where(["a.text ILIKE ? ESCAPE '\\'"], [like_pattern(p.q)])
    where.contains_ci("a.outlet", p.outlet)
    where.between("a.published", p.since, p.until)
    window = (f"substr(a.text, greatest(1, strpos(lower(a.text), lower(?)) - {SNIPPET_CHARS}), "
              f"{2 * SNIPPET_CHARS} + length(?))")
    select = (f"SELECT a.id, a.title, a.outlet, a.published, a.url, {window}, "
              "count(*) OVER () FROM articles a")
    order = "a.published DESC NULLS LAST, a.id"
    sql, params = where.sql(select, order, p.limit, p.offset)
    rows = store.connection.execute(sql, [p.q, p.q, *params]).fetchall()
    if rows:
        total = int(rows[0][-1])
    else:
        total = _total(store, *where.sql("SELECT a.id FROM articles a", order, None, 0))
    return Page.of([_hit(row[:-1], p.q) for row in rows], total, p)


def _hit(row: tuple[Any, ...], q: str) -> SearchHit:
    *head, window = row
    at = window.lower().find(q.lower())
    if at < 0:  # case folding changed lengths; show the window unmarked
        return SearchHit(*head, before=window, match="", after="")
    return SearchHit(*head, before=window[:at], match=window[at:at + len(q)],
                     after=window[at + len(q):])


def _scan_words(store: Store, p: SearchParams, words: list[str]) -> Page[SearchHit]:
    """Articles whose text holds ``words`` as a phrase (whole words, any case, punctuation
    between them ignored, as the index finds them; accents not folded), newest first, by a
    scan of the texts: where there is no index (a Parquet dataset)."""
    where = queries.Where(["regexp_matches(a.text, ?, 'i')"], [fts.phrase_regex(words)])
    where.contains_ci("a.outlet", p.outlet)
    where.between("a.published", p.since, p.until)
    select = "SELECT a.id, a.title, a.outlet, a.published, a.url, a.text, count(*) OVER () FROM articles a"
    order = "a.published DESC NULLS LAST, a.id"
    sql, params = where.sql(select, order, p.limit, p.offset)
    rows = store.connection.execute(sql, params).fetchall()
    if rows:
        total = int(rows[0][-1])
    else:
        total = _total(store, *where.sql("SELECT a.id FROM articles a", order, None, 0))
    pattern = fts.phrase_pattern(words)
    return Page.of([_snippet(fts.Found(*row[:5], row[5] or ""), pattern) for row in rows], total, p)


def overview(store: Store) -> Overview:
    con = store.connection
    first, last = con.execute("SELECT min(published), max(published) FROM articles").fetchone() or (None, None)
    outlets = con.execute(
        "SELECT coalesce(outlet, '(unknown)'), count(*) AS n FROM articles "
        "GROUP BY 1 ORDER BY n DESC, 1 LIMIT 20").fetchall()
    return Overview(store.counts(), first, last, [(str(o), int(n)) for o, n in outlets])


# -- the cross-source views: tables of the reconcile stage's stored results ------------------

# Filter name -> the row fields it may match, first found wins (rows differ by table).
FILTER_FIELDS: dict[str, tuple[str, ...]] = {
    "source": ("source", "claimant", "best_source"),
    "outlet": ("outlet", "outlets"),
    "doc": ("doc", "docs"),
}
# Filters on names, matched as any-case substrings like everywhere else (store.queries);
# the others (quantity, category, doc) are exact.
TEXT_FILTERS = frozenset({"source", "outlet", "place"})
DATE_FIELDS = ("as_of", "date")


def matches(row: dict[str, Any], filters: dict[str, Any]) -> bool:
    """Keep a row when every given filter matches the row's field for it (see
    ``FILTER_FIELDS``), or for a list field one of its entries: names (``TEXT_FILTERS``) as
    any-case substrings, the rest equal in any case; ``since``/``until`` bound ``as_of`` or
    ``date``. A filter whose field the row lacks does not apply. (The rule; the views
    apply it in SQL, ``filter_sql``.)"""
    for key, wanted in filters.items():
        if wanted is None:
            continue
        if key in ("since", "until"):
            day = row.get("as_of") or row.get("date")
            if day is None:
                continue
            day = date.fromisoformat(str(day)[:10])
            if (key == "since" and day < wanted) or (key == "until" and day > wanted):
                return False
            continue
        present = [f for f in FILTER_FIELDS.get(key, (key,)) if f in row]
        if not present:
            continue
        value = row[present[0]]
        values = value if isinstance(value, list) else [value]
        want = str(wanted).lower()
        if key in TEXT_FILTERS:
            hit = any(want in str(v).lower() for v in values if v is not None)
        else:
            hit = any(str(v).lower() == want for v in values if v is not None)
        if not hit:
            return False
    return True


def filter_sql(record: type, filters: dict[str, Any]) -> queries.Where:
    """``matches`` as SQL over a stored table whose columns are ``record``'s fields."""
    fields = {f.name: str(f.type) for f in dataclasses.fields(record)}
    where = queries.Where()
    for key, wanted in filters.items():
        if wanted is None:
            continue
        if key in ("since", "until"):
            column = next((f for f in DATE_FIELDS if f in fields), None)
            if column is not None:
                where.conditions.append(f'("{column}" IS NULL OR "{column}" {">=" if key == "since" else "<="} ?)')
                where.params.append(wanted)
            continue
        column = next((f for f in FILTER_FIELDS.get(key, (key,)) if f in fields), None)
        if column is None:
            continue
        is_list = fields[column].startswith("list[")
        if key in TEXT_FILTERS:
            value = f"array_to_string(\"{column}\", chr(31))" if is_list else f'CAST("{column}" AS VARCHAR)'
            where.conditions.append(f"{value} ILIKE ? ESCAPE '\\'")
            where.params.append(like_pattern(str(wanted)))
        elif is_list:  # one entry equal in any case: the entries joined between separators
            where.conditions.append(f"(chr(31) || lower(array_to_string(\"{column}\", chr(31))) || chr(31)) "
                                    "LIKE ? ESCAPE '\\'")
            where.params.append("%\x1f" + like_pattern(str(wanted).lower())[1:-1] + "\x1f%")
        else:
            where.conditions.append(f'lower(CAST("{column}" AS VARCHAR)) = lower(?)')
            where.params.append(str(wanted))
    return where


@dataclass(frozen=True, slots=True)
class StoredTable:
    """One table of a cross-source view: the stored table, its order and its rows' record."""

    name: str  # shown with the table (the reconcile function that makes the rows)
    table: str
    order: str
    record: type  # the rows' dataclass (columns are its fields)
    make: Any  # column name -> value dict -> the record


@dataclass(frozen=True, slots=True)
class View:
    title: str
    tables: tuple[StoredTable, ...]


def _views() -> dict[str, View]:
    from sitrep.records.contradictions import ContradictionRow, to_rows
    from sitrep.records.framing import FramingRow, OutletFraming
    from sitrep.records.groups import CopyRow, Story
    from sitrep.records.series import Estimate, SeriesPointRow
    from sitrep.store import reconciled as r

    def rows_of(cls: type, lists: tuple[str, ...] = ()) -> Any:
        return lambda row: cls(**{**r.pick(row, cls), **{k: list(row[k] or []) for k in lists}})

    return {
        "series": View("Figures over time", (
            StoredTable("series.build_series", "recon_points", r.POINT_ORDER, SeriesPointRow,
                        rows_of(SeriesPointRow, ("docs", "outlets", "claim_ids", "copies"))),
            StoredTable("series.estimates", "recon_estimates", r.ESTIMATE_ORDER, Estimate,
                        rows_of(Estimate, ("sources",))))),
        "contradictions": View("Contradictions", (
            StoredTable("contradictions.find_contradictions", "recon_contradictions", r.CONTRADICTION_ORDER,
                        ContradictionRow, lambda row: to_rows([r.contradiction(row)])[0]),)),
        "framing": View("Framing", (
            StoredTable("framing.outlet_summary", "recon_outlets", "outlet", OutletFraming,
                        rows_of(OutletFraming, r.OUTLET_LISTS)),
            StoredTable("framing.framing", "recon_framing", r.FRAMING_ORDER, FramingRow,
                        rows_of(FramingRow, ("loaded_terms", "example_docs", "example_sentences", "example_starts"))))),
        "copies": View("Wire copies", (
            StoredTable("copies.find_copies", "recon_copies", r.COPY_ORDER, CopyRow, rows_of(CopyRow)),)),
        "stories": View("Stories", (
            StoredTable("stories.find_stories", "recon_stories", r.STORY_ORDER, Story,
                        rows_of(Story, ("docs", "places", "event_types", "outlets"))),)),
    }


VIEWS: dict[str, View] = _views()


@dataclass(slots=True)
class TableRows:
    name: str
    total: int
    items: list[dict[str, Any]]


def view_tables(store: Store, name: str, filters: dict[str, Any], limit: int, offset: int) -> list[TableRows]:
    """A page of each table of the view ``name``, read from the stored results: the
    filters (``matches``, as SQL) and the page are applied by the database, so a page
    costs the same however large the record."""
    from fastapi.encoders import jsonable_encoder

    from sitrep.store.queries import records

    out = []
    for t in VIEWS[name].tables:
        where = filter_sql(t.record, filters)
        cond = f" WHERE {' AND '.join(where.conditions)}" if where.conditions else ""
        total = int(store.connection.execute(f"SELECT count(*) FROM {t.table}{cond}", where.params).fetchone()[0])
        sql, params = where.sql(f"SELECT * FROM {t.table}", t.order, limit, offset)
        found = records(store.connection, sql, params, t.make)
        items = [jsonable_encoder({f.name: getattr(x, f.name) for f in dataclasses.fields(x)}) for x in found]
        out.append(TableRows(t.name, total, items))
    return out


def schema_model(cls: type) -> type[BaseModel]:
    """A pydantic model mirroring a row dataclass, for the OpenAPI description only.

    Pydantic cannot read some row dataclasses directly: ``EventRow`` has a field named
    ``date`` that shadows the type in its own annotations, so hints are resolved against
    the module alone."""
    if cls in _SCHEMAS:
        return _SCHEMAS[cls]
    hints = get_type_hints(cls, globalns=vars(sys.modules[cls.__module__]), localns={})
    fields: dict[str, Any] = {}
    for f in dataclasses.fields(cls):
        hint = hints[f.name]
        args = get_args(hint)
        if get_origin(hint) is list and args and dataclasses.is_dataclass(args[0]):
            hint = list[schema_model(args[0])]  # type: ignore[misc]
        elif dataclasses.is_dataclass(hint):
            hint = schema_model(hint)  # type: ignore[arg-type]
        fields[f.name] = (hint, ...)
    _SCHEMAS[cls] = create_model(cls.__name__, **fields)
    return _SCHEMAS[cls]


_SCHEMAS: dict[type, type[BaseModel]] = {}
