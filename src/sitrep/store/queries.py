"""SQL for the reads, and the filters each read accepts.

Every filter is optional; ``None`` means "don't filter". Text filters on
names (outlet, source, place, country) are case-insensitive substring matches
over the canonical name and the text as written (``--source observatory``
finds the Syrian Observatory for Human Rights, ``--outlet new`` The New
Region), since outlets and claimants are spelled inconsistently across
inputs. Enumerated filters (quantity, category, type, source kind) are exact
and checked: a value outside the vocabulary raises ``ValueError`` naming the
valid ones, instead of quietly matching nothing. Date filters are inclusive.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any, TypeVar

import duckdb

from sitrep.records import CATEGORIES, EVENT_TYPES, QUANTITIES, SOURCE_KINDS

# (column list, FROM clause, default ORDER BY) per read. Each column is named as the field
# of the record it fills (``sitrep.records.rows``): records are built by column name.
CLAIM_SELECT = """
SELECT c.id, c.doc, a.outlet, a.published, c.quantity, c.category, c.subgroup,
       c.value, c.low, c.high, c.qualifier, c.source, c.source_kind, c.source_text,
       c.as_of, c.period_start, c.place, c.historical, c.unverified, c.sentence,
       c."start", c."end", c.rule, c.sentence_start, a.url, c.mentions,
       c.scope_region, c.scope_region_text, c.scope_place, c.scope_incident, c.scope_facility
FROM claims c LEFT JOIN articles a ON a.id = c.doc
"""
CLAIM_ORDER = 'c.doc, c."start", c.id'

# Fatalities of an event from its linked ``killed`` claims. Summing every
# linked claim would double count "12 killed, including 5 civilians", so:
# per category take the lowest figure (alternative figures for the same toll;
# ACLED likewise codes the most conservative one); then a ``total`` wins over
# the sum of the finer categories. Vague figures count with their low bound.
EVENT_FATALITIES = """
WITH links AS (
    SELECT id AS event_id, unnest(fatality_claims) AS claim_id FROM events
), per_category AS (
    SELECT l.event_id, c.category, min(coalesce(c.value, c.low)) AS n
    FROM links l JOIN claims c ON c.id = l.claim_id
    WHERE c.quantity = 'killed' AND coalesce(c.value, c.low) IS NOT NULL
    GROUP BY l.event_id, c.category
), fatalities AS (
    SELECT event_id,
           CASE WHEN bool_or(category = 'total') THEN max(n) FILTER (WHERE category = 'total')
                ELSE sum(n) END AS n
    FROM per_category GROUP BY event_id
)
"""
EVENT_SELECT = EVENT_FATALITIES + """
SELECT e.id, e.doc, e."date", e.date_precision, e."type", e.actor1, e.actor1_side,
       e.actor2, e.actor2_side, e.winner, coalesce(e.place, e.place_text) AS place, e.country,
       e.admin1, e.lat, e.lon, e.geo_precision, e.source, e.source_kind, e.sentence,
       e."start", e."end", e.rule, CAST(f.n AS BIGINT) AS fatalities,
       a.outlet, a.published, e.actor1_type, e.actor2_type, e.actor1_text, e.actor2_text,
       e.place_text, e.anchor, e.place_rule, e.date_rule, e.sentence_start,
       coalesce(e.fatality_claims, []) AS fatality_claims, e.distance_km, e.distance_high_km,
       e.actor1_named, e.actor2_named
FROM events e LEFT JOIN articles a ON a.id = e.doc LEFT JOIN fatalities f ON f.event_id = e.id
"""
EVENT_ORDER = 'e.doc, e."start", e.id'


def event_select_of(where: str) -> str:
    """``EVENT_SELECT`` of the events ``where`` keeps (a condition on the events table,
    ``e``) only: their fatalities are summed for them alone, not for every stored event
    (the reconcile stage reads a few hundred events of 50,000). Its parameters are ``where``'s."""
    chosen = f"SELECT e.* FROM events e WHERE {where}"
    return (EVENT_SELECT.replace("AS claim_id FROM events\n", "AS claim_id FROM chosen_events\n", 1)
            .replace("FROM events e LEFT JOIN", "FROM chosen_events e LEFT JOIN", 1)
            .replace("WITH links AS (", f"WITH chosen_events AS ({chosen}), links AS (", 1))

ARTICLE_COLUMNS = """a.id, a.content_hash, a.title, a.outlet, a.outlet_rule, a.published,
       a.date_rule, a.url, a.path, a.n_claims, a.n_events, a.ingested_at"""
ARTICLE_FROM = "FROM articles a"
ARTICLE_ORDER = "a.id"

ARTICLE_IDS = "SELECT id FROM articles"
SIGNATURES = "SELECT a.id, a.outlet, a.published, a.minhash FROM articles a ORDER BY a.id"
TEXTS = """
SELECT a.id, a.text FROM articles a SEMI JOIN (SELECT unnest(CAST(? AS VARCHAR[])) AS id) d
    ON a.id = d.id
ORDER BY a.id
"""
# The labels of some articles (``records.framing.ActorLabel``), by article and first use.
LABELS = """
SELECT doc, actor_side, actor, label_key, voice, label, count, loaded_terms, loaded_note,
       example_sentence, example_start
FROM actor_labels WHERE doc IN (SELECT unnest(CAST(? AS VARCHAR[])))
ORDER BY doc, example_start, label_key, voice, label
"""
ALL_LABELS = """
SELECT doc, actor_side, actor, label_key, voice, label, count, loaded_terms, loaded_note,
       example_sentence, example_start
FROM actor_labels ORDER BY doc, example_start, label_key, voice, label
"""
# The loaded terms of written labels (the same for every row of one form).
LOADED_OF = """
SELECT DISTINCT ON (label) label, loaded_terms, loaded_note FROM actor_labels
WHERE label IN (SELECT unnest(CAST(? AS VARCHAR[]))) ORDER BY label, doc
"""
# Articles whose text has not been read for the reconcile stage (stored before migration 8).
UNREAD = "SELECT id FROM articles WHERE read_for_reconcile IS NULL ORDER BY id"
SET_SCOPES = """
UPDATE claims SET scope_region = s.region, scope_region_text = s.region_text, scope_place = s.place,
                  scope_incident = s.incident, scope_facility = s.facility
FROM (SELECT unnest(CAST(? AS VARCHAR[])) AS id, unnest(CAST(? AS VARCHAR[])) AS region,
             unnest(CAST(? AS VARCHAR[])) AS region_text, unnest(CAST(? AS VARCHAR[])) AS place,
             unnest(CAST(? AS BOOLEAN[])) AS incident, unnest(CAST(? AS BOOLEAN[])) AS facility) s
WHERE claims.id = s.id
"""
SET_NAMED = """
UPDATE events SET actor1_named = s.a1, actor2_named = s.a2
FROM (SELECT unnest(CAST(? AS VARCHAR[])) AS id, unnest(CAST(? AS BOOLEAN[])) AS a1,
             unnest(CAST(? AS BOOLEAN[])) AS a2) s
WHERE events.id = s.id
"""
SET_READ = "UPDATE articles SET read_for_reconcile = true WHERE id IN (SELECT unnest(CAST(? AS VARCHAR[])))"

SET_SIGNATURES = """
UPDATE articles SET minhash = s.minhash
FROM (SELECT unnest(CAST(? AS VARCHAR[])) AS id, unnest(CAST(? AS BLOB[])) AS minhash) s
WHERE articles.id = s.id
"""

PLACE_SELECT = """
SELECT p.doc, p.text, p."start", p."end", p.name, p.country, p.admin1, p.lat, p.lon,
       p.geonameid, p.feature, p."precision", p.rule, p.anchor
FROM place_mentions p
"""
PLACE_ORDER = 'p.doc, p."start"'

COUNTS = """
SELECT (SELECT count(*) FROM articles) AS articles, (SELECT count(*) FROM claims) AS claims,
       (SELECT count(*) FROM events) AS events, (SELECT count(*) FROM place_mentions) AS place_mentions,
       (SELECT count(*) FROM ingest_errors) AS errors, (SELECT count(*) FROM runs) AS runs
"""


R = TypeVar("R")


def column_names(cursor: duckdb.DuckDBPyConnection) -> list[str]:
    """The names of the columns of the cursor's last query."""
    return [d[0] for d in cursor.description]


def record_maker(names: Sequence[str], cls: Callable[..., R]) -> Callable[[tuple], R]:
    """A builder of ``cls`` records (a dataclass) from rows whose columns are ``names``,
    matched to its fields by name. When the columns are its first fields in order (checked
    once per query) a row is passed as it is, which is faster; else by keyword."""
    fields = list(cls.__dataclass_fields__)  # type: ignore[attr-defined]
    if list(names) == fields[:len(names)]:
        return lambda row: cls(*row)
    return lambda row: cls(**dict(zip(names, row)))


def rows_as(con: duckdb.DuckDBPyConnection, sql: str, params: Sequence[Any], cls: Callable[..., R]) -> list[R]:
    """Rows of a query as ``cls`` records (``record_maker``)."""
    cursor = con.execute(sql, list(params))
    make = record_maker(column_names(cursor), cls)
    return [make(row) for row in cursor.fetchall()]


def records(con: duckdb.DuckDBPyConnection, sql: str, params: Sequence[Any],
            make: Callable[[dict[str, Any]], R]) -> list[R]:
    """Rows of a query as records: ``make`` gets each row as column name -> value."""
    cursor = con.execute(sql, list(params))
    names = column_names(cursor)
    return [make(dict(zip(names, row))) for row in cursor.fetchall()]


def dicts(con: duckdb.DuckDBPyConnection, sql: str, params: Sequence[Any]) -> list[dict[str, Any]]:
    """Rows of a query as column name -> value (``records`` with ``dict``, each row made once)."""
    cursor = con.execute(sql, list(params))
    names = column_names(cursor)
    return [dict(zip(names, row)) for row in cursor.fetchall()]


def _single_column(cursor: Any, sql: str) -> None:
    if len(cursor.description) != 1:
        raise ValueError(f"a query of one column was expected, not {column_names(cursor)}: {sql[:80]}")


def scalar(con: Any, sql: str, params: Sequence[Any] = ()) -> Any:
    """The value of a query of one column and at most one row (``count(*)``, a row's one
    field; None when no row comes back). A query of more columns is an error, so a value is
    never taken from a row by its position among others."""
    cursor = con.execute(sql, list(params))
    _single_column(cursor, sql)
    row = cursor.fetchone()
    return None if row is None else row[0]


def column(con: Any, sql: str, params: Sequence[Any] = ()) -> list[Any]:
    """The values of a query of one column, in its order (ids, versions); more columns are
    an error (``scalar``)."""
    cursor = con.execute(sql, list(params))
    _single_column(cursor, sql)
    return [row[0] for row in cursor.fetchall()]


def first(con: Any, sql: str, params: Sequence[Any] = ()) -> dict[str, Any] | None:
    """The first row of a query as column name -> value, or None when none comes back."""
    cursor = con.execute(sql, list(params))
    row = cursor.fetchone()
    return None if row is None else dict(zip(column_names(cursor), row))


def like_pattern(text: str) -> str:
    """An ILIKE pattern matching ``text`` literally anywhere (``\\`` is the escape)."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def check_choice(name: str, value: str | None, valid: tuple[str, ...] | list[str]) -> str | None:
    """``value`` when it is one of ``valid`` (or None); else ValueError listing them."""
    if value is None or value in valid:
        return value
    raise ValueError(f"{name} must be one of {', '.join(valid)}; got {value!r}")


def as_date(value: date | str | None) -> date | None:
    """Accept a date or an ISO ``YYYY-MM-DD`` string (as typed on a command line)."""
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(value)


@dataclass(slots=True)
class Where:
    """Collects ``AND``-ed conditions with their parameters."""

    conditions: list[str] = field(default_factory=list)
    params: list[Any] = field(default_factory=list)

    def equal(self, column: str, value: Any) -> None:
        if value is not None:
            self.conditions.append(f"{column} = ?")
            self.params.append(value)

    def equal_ci(self, column: str, value: str | None) -> None:
        if value is not None:
            self.conditions.append(f"lower({column}) = lower(?)")
            self.params.append(value)

    def contains_ci(self, columns: tuple[str, ...] | str, value: str | None) -> None:
        """Case-insensitive substring of any of ``columns`` (canonical name, text as written)."""
        if value is None or not str(value).strip():
            return
        cols = (columns,) if isinstance(columns, str) else columns
        self.conditions.append("(" + " OR ".join(f"{c} ILIKE ? ESCAPE '\\'" for c in cols) + ")")
        self.params.extend([like_pattern(str(value).strip())] * len(cols))

    def between(self, column: str, since: date | str | None, until: date | str | None) -> None:
        if since is not None:
            self.conditions.append(f"{column} >= ?")
            self.params.append(as_date(since))
        if until is not None:
            self.conditions.append(f"{column} <= ?")
            self.params.append(as_date(until))

    def sql(self, select: str, order: str, limit: int | None, offset: int) -> tuple[str, list[Any]]:
        text = select
        if self.conditions:
            text += " WHERE " + " AND ".join(self.conditions)
        text += f" ORDER BY {order}"
        params = list(self.params)
        if limit is not None:
            text += " LIMIT ?"
            params.append(limit)
        if offset:
            text += " OFFSET ?"
            params.append(offset)
        return text, params


def claim_query(
    *, doc: str | None = None, quantity: str | None = None, category: str | None = None,
    source: str | None = None, source_kind: str | None = None, outlet: str | None = None,
    place: str | None = None, since: date | str | None = None, until: date | str | None = None,
    limit: int | None = None, offset: int = 0,
) -> tuple[str, list[Any]]:
    """``since``/``until`` apply to the claim's ``as_of`` date, else the publication date."""
    where = Where()
    claim_filters(where, doc=doc, quantity=quantity, category=category, source=source,
                  source_kind=source_kind, place=place)
    where.contains_ci("a.outlet", outlet)
    where.between("coalesce(c.as_of, a.published)", since, until)
    return where.sql(CLAIM_SELECT, CLAIM_ORDER, limit, offset)


def claim_filters(where: Where, *, doc: str | None = None, quantity: str | None = None,
                  category: str | None = None, source: str | None = None,
                  source_kind: str | None = None, place: str | None = None) -> Where:
    """The conditions on the claims table alone (``c``), shared with the web app."""
    where.equal("c.doc", doc)
    where.equal("c.quantity", check_choice("quantity", quantity, QUANTITIES))
    where.equal("c.category", check_choice("category", category, CATEGORIES))
    where.contains_ci(("c.source", "c.source_text"), source)
    where.equal("c.source_kind", check_choice("source_kind", source_kind, SOURCE_KINDS))
    where.contains_ci("c.place", place)
    return where


def event_query(
    *, type: str | None = None, doc: str | None = None, place: str | None = None,
    country: str | None = None, source: str | None = None, outlet: str | None = None,
    since: date | str | None = None, until: date | str | None = None,
    limit: int | None = None, offset: int = 0,
) -> tuple[str, list[Any]]:
    """``place`` matches the gazetteer name or the place as written; dates are event dates."""
    where = Where()
    where.equal('e."type"', check_choice("type", type, EVENT_TYPES))
    where.equal("e.doc", doc)
    where.contains_ci(("e.place", "e.place_text"), place)
    where.contains_ci("e.country", country)
    where.contains_ci("e.source", source)
    where.contains_ci("a.outlet", outlet)
    where.between('e."date"', since, until)
    return where.sql(EVENT_SELECT, EVENT_ORDER, limit, offset)


def article_query(
    *, doc: str | None = None, docs: list[str] | None = None, outlet: str | None = None,
    since: date | str | None = None, until: date | str | None = None, with_text: bool = False,
    limit: int | None = None, offset: int = 0,
) -> tuple[str, list[Any]]:
    """``docs``: only these article ids (one query however many)."""
    where = Where()
    where.equal("a.id", doc)
    if docs is not None:
        where.conditions.append("list_contains(CAST(? AS VARCHAR[]), a.id)")
        where.params.append(list(docs))
    where.contains_ci("a.outlet", outlet)
    where.between("a.published", since, until)
    columns = ARTICLE_COLUMNS + (", a.text" if with_text else "")
    return where.sql(f"SELECT {columns} {ARTICLE_FROM}", ARTICLE_ORDER, limit, offset)


def place_query(
    *, doc: str | None = None, name: str | None = None, country: str | None = None,
    limit: int | None = None, offset: int = 0,
) -> tuple[str, list[Any]]:
    where = Where()
    where.equal("p.doc", doc)
    where.contains_ci(("p.name", "p.text"), name)
    where.contains_ci("p.country", country)
    return where.sql(PLACE_SELECT, PLACE_ORDER, limit, offset)
