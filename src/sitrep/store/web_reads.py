"""The reads behind the web app's pages (``sitrep.web``) that the store's row reads do not
cover: pages with their totals, search by scanning the texts, the overview's figures, and
pages of the reconcile stage's stored tables, filtered and paged by the database.

Every function takes filters and a page (``limit``, ``offset``) and gives the rows with the
total across all pages; the app wraps them into its JSON and HTML pages. The SQL stays here
so the app holds none of its own.
"""

from __future__ import annotations

import dataclasses
from datetime import date
from typing import Any, Callable, TypeVar

from sitrep.store import search as fts
from sitrep.store.db import Store
from sitrep.store.queries import (
    CLAIM_ORDER, CLAIM_SELECT, EVENT_ORDER, EVENT_SELECT, Where, article_query, claim_filters, event_query, like_pattern,
    records, rows_as, scalar,
)
from sitrep.store.reconciled import (
    CONTRADICTION_ORDER, COPY_ORDER, ESTIMATE_ORDER, FRAMING_ORDER, POINT_ORDER, STORY_ORDER,
)
from sitrep.records.rows import ArticleRow, ClaimRow, EventRow

R = TypeVar("R")

# The reconcile stage's stored tables the app pages through, each in its order.
STORED_TABLE_ORDER = {
    "recon_points": POINT_ORDER, "recon_estimates": ESTIMATE_ORDER,
    "recon_contradictions": CONTRADICTION_ORDER, "recon_outlets": "outlet",
    "recon_framing": FRAMING_ORDER, "recon_copies": COPY_ORDER, "recon_stories": STORY_ORDER,
}
SCAN_ORDER = "a.published DESC NULLS LAST, a.id"


def _total(store: Store, sql: str, params: list[Any]) -> int:
    return int(scalar(store.connection, f"SELECT count(*) FROM ({sql}) AS page", params) or 0)


_CLAIMS_FROM = "FROM claims c LEFT JOIN articles a ON a.id = c.doc"


def claim_page(store: Store, *, doc: str | None = None, quantity: str | None = None,
               category: str | None = None, source: str | None = None, source_kind: str | None = None,
               outlet: str | None = None, place: str | None = None, since: date | None = None,
               until: date | None = None, limit: int, offset: int) -> tuple[list[ClaimRow], int]:
    """A page of claims and the total: ``queries.claim_query``'s conditions plus ``place``.

    When no filter needs the article (outlet, dates), the page of claims is chosen from
    the claims table alone and only that page is joined to its articles: on 100,000
    claims an unfiltered first page drops from ~50 ms to ~12 ms.
    """
    where = claim_filters(Where(), doc=doc, quantity=quantity, category=category,
                          source=source, source_kind=source_kind, place=place)
    needs_article = outlet is not None or since is not None or until is not None
    if needs_article or _CLAIMS_FROM not in CLAIM_SELECT:
        where.contains_ci("a.outlet", outlet)
        where.between("coalesce(c.as_of, a.published)", since, until)
        total = _total(store, *where.sql(CLAIM_SELECT, CLAIM_ORDER, None, 0))
        return rows_as(store.connection, *where.sql(CLAIM_SELECT, CLAIM_ORDER, limit, offset), ClaimRow), total
    total = _total(store, *where.sql("SELECT c.id FROM claims c", CLAIM_ORDER, None, 0))
    inner, params = where.sql("SELECT * FROM claims c", CLAIM_ORDER, limit, offset)
    select = CLAIM_SELECT.replace(_CLAIMS_FROM, f"FROM ({inner}) c LEFT JOIN articles a ON a.id = c.doc")
    return rows_as(store.connection, f"{select} ORDER BY {CLAIM_ORDER}", params, ClaimRow), total


# The events a filter keeps, without their fatalities: counting them is a tenth of the time
# (on 35,000 events ~5 ms where the whole read's fatalities, summed over every event, took 60).
_EVENTS_COUNTED = "SELECT e.id FROM events e LEFT JOIN articles a ON a.id = e.doc"
# Where ``queries.EVENT_SELECT`` reads every event: for a page, only the page's events.
_EVENTS_FROM = "FROM events e LEFT JOIN articles a ON a.id = e.doc LEFT JOIN fatalities f ON f.event_id = e.id"
_LINKS_FROM = "AS claim_id FROM events\n"


def event_page(store: Store, filters: dict[str, Any], limit: int, offset: int) -> tuple[list[EventRow], int]:
    """A page of events (``Store.events``' filters and rows) and the total."""
    sql, params = event_query(**filters)
    if sql.startswith(EVENT_SELECT):  # the same conditions, over the events and their articles only
        sql = _EVENTS_COUNTED + sql[len(EVENT_SELECT):]
    return _event_rows(store, filters, limit, offset), _total(store, sql, params)


def _event_rows(store: Store, filters: dict[str, Any], limit: int, offset: int) -> list[EventRow]:
    """``Store.events(**filters, limit=limit, offset=offset)``. When no filter needs the
    article (outlet), the page is chosen from the events table alone and only the page's
    fatalities are summed: on 35,000 events ~10 ms instead of ~50."""
    sql, params = event_query(**filters, limit=limit, offset=offset)
    if filters.get("outlet") or not sql.startswith(EVENT_SELECT) or _EVENTS_FROM not in EVENT_SELECT \
            or _LINKS_FROM not in EVENT_SELECT:
        return store.events(**filters, limit=limit, offset=offset)
    page = "SELECT e.* FROM events e" + sql[len(EVENT_SELECT):]
    select = (EVENT_SELECT.replace(_LINKS_FROM, "AS claim_id FROM page_events\n", 1)
              .replace(_EVENTS_FROM, _EVENTS_FROM.replace("FROM events e", "FROM page_events e"), 1)
              .replace("WITH links AS (", f"WITH page_events AS ({page}), links AS (", 1))
    return rows_as(store.connection, f"{select} ORDER BY {EVENT_ORDER}", params, EventRow)


def article_page(store: Store, filters: dict[str, Any], limit: int,
                 offset: int) -> tuple[list[ArticleRow], int]:
    """A page of articles without their text (``Store.articles``' filters) and the total."""
    return store.articles(**filters, limit=limit, offset=offset), _total(store, *article_query(**filters))


def _scan(store: Store, where: Where, select: str, params: list[Any], limit: int,
          offset: int) -> tuple[list[fts.Found], int]:
    """Found articles, newest first: one scan gives the page and the total (a window
    count); a second query counts only when the offset is past the last match."""
    sql, page_params = where.sql(f"{select}, count(*) OVER () AS n_found FROM articles a", SCAN_ORDER, limit, offset)
    rows = records(store.connection, sql, [*params, *page_params], dict)
    if rows:
        total = int(rows[0]["n_found"])
    else:
        total = _total(store, *where.sql("SELECT a.id FROM articles a", SCAN_ORDER, None, 0))
    return [fts.Found(id=row["id"], title=row["title"], outlet=row["outlet"], published=row["published"],
                      url=row["url"], text=row["text"] or "") for row in rows], total


def scan_literal(store: Store, q: str, *, outlet: str | None, since: date | None, until: date | None,
                 limit: int, offset: int, around: int) -> tuple[list[fts.Found], int]:
    """Articles whose text holds ``q`` literally (any case), newest first; each found
    article's text is only the window of ``around`` characters either side of the match."""
    where = Where(["a.text ILIKE ? ESCAPE '\\'"], [like_pattern(q)])
    where.contains_ci("a.outlet", outlet)
    where.between("a.published", since, until)
    window = (f"substr(a.text, greatest(1, strpos(lower(a.text), lower(?)) - {around}), "
              f"{2 * around} + length(?))")
    return _scan(store, where, f"SELECT a.id, a.title, a.outlet, a.published, a.url, {window} AS text",
                 [q, q], limit, offset)


def scan_phrase(store: Store, words: list[str], *, outlet: str | None, since: date | None,
                until: date | None, limit: int, offset: int) -> tuple[list[fts.Found], int]:
    """Articles whose text holds ``words`` as a phrase (whole words, any case, punctuation
    between them ignored, as the index finds them; accents not folded), newest first, by a
    scan of the texts: where there is no index (a Parquet dataset)."""
    where = Where(["regexp_matches(a.text, ?, 'i')"], [fts.phrase_regex(words)])
    where.contains_ci("a.outlet", outlet)
    where.between("a.published", since, until)
    return _scan(store, where, "SELECT a.id, a.title, a.outlet, a.published, a.url, a.text AS text", [], limit,
                 offset)


def published_range(store: Store) -> tuple[date | None, date | None]:
    """The first and last publication dates of the stored articles."""
    rows = records(store.connection, "SELECT min(published) AS first, max(published) AS last FROM articles", [], dict)
    return (rows[0]["first"], rows[0]["last"]) if rows else (None, None)


def top_outlets(store: Store, n: int = 20) -> list[tuple[str, int]]:
    """The ``n`` outlets with the most articles, with their counts."""
    rows = records(store.connection, "SELECT coalesce(outlet, '(unknown)') AS outlet, count(*) AS n FROM articles "
                   "GROUP BY 1 ORDER BY n DESC, 1 LIMIT ?", [n], dict)
    return [(str(row["outlet"]), int(row["n"])) for row in rows]


# -- the reconcile stage's stored tables --------------------------------------------------

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
    ``date``. A filter whose field the row lacks does not apply. (The rule; the pages
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


def filter_sql(record: type, filters: dict[str, Any]) -> Where:
    """``matches`` as SQL over a stored table whose columns are ``record``'s fields."""
    fields = {f.name: str(f.type) for f in dataclasses.fields(record)}
    where = Where()
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


def stored_page(store: Store, table: str, record: type, make: Callable[[dict[str, Any]], R],
                filters: dict[str, Any], limit: int, offset: int) -> tuple[list[R], int]:
    """A page of one of the reconcile stage's stored tables (``STORED_TABLE_ORDER``) and
    its total: ``filters`` (``matches``, as SQL over ``record``'s fields) and the page are
    applied by the database, so a page costs the same however large the record; ``make``
    builds each row's record from its columns."""
    order = STORED_TABLE_ORDER[table]
    where = filter_sql(record, filters)
    cond = f" WHERE {' AND '.join(where.conditions)}" if where.conditions else ""
    total = scalar(store.connection, f"SELECT count(*) FROM {table}{cond}", where.params)
    sql, params = where.sql(f"SELECT * FROM {table}", order, limit, offset)
    return records(store.connection, sql, params, make), int(total or 0)
