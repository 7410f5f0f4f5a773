"""The report's reads of claims and events, by the database.

A record of 10,000 articles holds some 100,000-250,000 claims and events: the report reads
the rows it shows and lets the database count the rest, never every row into Python.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import date
from typing import Any

from sitrep.publish import mapdata
from sitrep.publish.pages import count
from sitrep.store import Store, queries
from sitrep.records.rows import ArticleRow, ClaimRow, EventRow

# Events dated more than this many days before the earliest article are history ("the
# 1982 massacre", "captured in 2016"): shown apart, not in the timeline or on the map. On
# the seeds the offensive's events fall 1-9 days before publication, history years before.
HISTORY_BEFORE_DAYS = 31
MAX_HISTORY_ROWS = 50  # earlier events and historical figures listed apart
IN_LIST = "IN (SELECT unnest(CAST(? AS VARCHAR[])))"  # "c.id IN_LIST" with a list of ids as the parameter
_CLAIMS_JOINED = "FROM claims c LEFT JOIN articles a ON a.id = c.doc"
# Historical figures, largest first: the value, else the low end of a range.
_HISTORIC_SIZE = "CASE WHEN coalesce(c.value, 0) <> 0 THEN c.value WHEN coalesce(c.low, 0) <> 0 THEN c.low ELSE 0 END"


def _rows(store: Store, select: str, make: type, where: str, params: Sequence[Any], order: str,
          limit: int | None) -> list[Any]:
    sql = select + (f" WHERE {where}" if where else "") + f" ORDER BY {order}"
    params = list(params)
    if limit is not None:
        sql += " LIMIT ?"
        params.append(limit)
    return queries.rows_as(store.connection, sql, params, make)  # by column name


def claims(store: Store, where: str = "", params: Sequence[Any] = (), order: str = queries.CLAIM_ORDER,
           limit: int | None = None) -> list[ClaimRow]:
    """Claims (table ``c``, articles ``a``) that match ``where``, in ``order``."""
    return _rows(store, queries.CLAIM_SELECT, ClaimRow, where, params, order, limit)


def events(store: Store, where: str = "", params: Sequence[Any] = (), order: str = queries.EVENT_ORDER,
           limit: int | None = None) -> list[EventRow]:
    """Events (table ``e``, articles ``a``) that match ``where``, in ``order``."""
    return _rows(store, queries.EVENT_SELECT, EventRow, where, params, order, limit)


def pick_claims(store: Store, n_claims: int, wanted: set[str], max_rows: int) -> list[ClaimRow]:
    """Claims referenced by a figure, chart or contradiction first, then the largest figures."""
    if n_claims <= max_rows:
        return claims(store)
    return claims(store, order=f"(c.id NOT {IN_LIST}), coalesce(c.value, c.low, 0) DESC, c.id",
                  params=[sorted(wanted)], limit=max_rows)


def pick_events(store: Store, n_events: int, max_rows: int) -> list[EventRow]:
    """Control changes first, then the latest; listed by date."""
    if n_events <= max_rows:
        chosen = events(store)
    else:
        chosen = events(store, order="(e.\"type\" <> 'territory_change'), coalesce(e.\"date\", DATE '0001-01-01') DESC, "
                                     "e.id", limit=max_rows)
    return sorted(chosen, key=lambda e: (e.date or date.max, e.id))


def rows_by_id(store: Store, ids: list[str]) -> dict[str, ClaimRow | EventRow]:
    """The claims and events of these ids (a contradiction's sides), by id."""
    found: dict[str, ClaimRow | EventRow] = {e.id: e for e in events(store, f"e.id {IN_LIST}", [ids])}
    found.update({c.id: c for c in claims(store, f"c.id {IN_LIST}", [ids])})
    return found


def historical_claims(store: Store) -> list[ClaimRow]:
    """Historical figures ("since 2011", "in 1982"), the largest of each quantity first."""
    return claims(store, "c.historical", (), f"c.quantity, {_HISTORIC_SIZE} DESC, {queries.CLAIM_ORDER}",
                  MAX_HISTORY_ROWS)


def period_window(articles: Sequence[ArticleRow]) -> tuple[date, date] | None:
    """The articles' own period, widened back by ``HISTORY_BEFORE_DAYS``: events inside it
    are the present of the record, events before it history."""
    published = [a.published for a in articles if a.published]
    if not published:
        return None
    return (date.fromordinal(min(published).toordinal() - HISTORY_BEFORE_DAYS), max(published))


def present(window: tuple[date, date] | None) -> tuple[str, list[Any]]:
    """Events of the record's present: not dated before the window (history)."""
    return ('(e."date" IS NULL OR e."date" >= ?)', [window[0]]) if window else ("TRUE", [])


def history_events(store: Store, window: tuple[date, date] | None) -> list[EventRow]:
    if window is None:
        return []
    return events(store, 'e."date" < ?', [window[0]], 'e."date", e.id', MAX_HISTORY_ROWS)


def timeline(store: Store, window: tuple[date, date] | None) -> dict[date, dict[str, int]]:
    """Events of the present per day and type."""
    where, params = present(window)
    per_day: dict[date, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for row in queries.records(
            store.connection, f'SELECT e."date" AS day, e."type" AS kind, count(*) AS n FROM events e '
            f'WHERE e."date" IS NOT NULL AND {where} GROUP BY ALL ORDER BY ALL', params, dict):
        per_day[row["day"]][row["kind"]] = row["n"]
    return per_day


def map_events(store: Store, window: tuple[date, date] | None) -> tuple[list[EventRow], tuple[int, int, int]]:
    """The located events of the window the map keeps (``mapdata.MAX_MARKERS``, the latest
    first) and (events, events in the window, located ones): ``mapdata.map_view``'s input."""
    in_window = ('(e."date" IS NULL OR e."date" BETWEEN ? AND ?)', [window[0], window[1]]) if window else ("TRUE", [])
    located = f"{in_window[0]} AND e.lat IS NOT NULL AND e.lon IS NOT NULL"
    kept = events(store, located, in_window[1], "coalesce(e.\"date\", DATE '9999-12-31') DESC, e.id DESC",
                  mapdata.MAX_MARKERS)
    totals = (count(store, "SELECT count(*) FROM events"),
              count(store, f"SELECT count(*) FROM events e WHERE {in_window[0]}", in_window[1]),
              count(store, f"SELECT count(*) FROM events e WHERE {located}", in_window[1]))
    return kept, totals


def coverage(store: Store, articles: Sequence[ArticleRow], window: tuple[date, date] | None) -> dict[str, Any]:
    """What the report leaves out, or shows apart, and why."""
    undated = [a.id for a in articles if a.published is None]
    return {
        "undated_articles": undated,
        "inferred_articles": [a.id for a in articles if a.published and a.date_rule == "inferred"],
        "no_outlet_articles": [a.id for a in articles if not a.outlet],
        "undated_claims": count(store, f"SELECT count(*) {_CLAIMS_JOINED} WHERE c.as_of IS NULL AND a.published IS NULL"),
        "undated_events": count(store, 'SELECT count(*) FROM events WHERE "date" IS NULL'),
        "history_events": count(store, 'SELECT count(*) FROM events WHERE "date" < ?', [window[0]]) if window else 0,
        "historical_claims": count(store, "SELECT count(*) FROM claims WHERE historical"),
        "window": window,
    }


def coverage_notes(cov: dict[str, Any]) -> list[str]:
    """The coverage as sentences, for the report's "left out" box and `sitrep report`."""
    notes = []
    if cov["undated_articles"]:
        n = len(cov["undated_articles"])
        notes.append(f"{n:,} article{'s' if n != 1 else ''} with no publication date "
                     f"({', '.join(cov['undated_articles'][:4])}{' …' if n > 4 else ''}): their "
                     f"{cov['undated_claims']:,} figures have no date, so they are not in the series, charts, "
                     "estimates or contradictions. Give the date with `sitrep run PATH --date YYYY-MM-DD` "
                     "(or a JSONL \"published\" field) and write the report again.")
    if cov["inferred_articles"]:
        n = len(cov["inferred_articles"])
        notes.append(f"{n:,} article{'s' if n != 1 else ''} had no dateline; {'its' if n == 1 else 'their'} "
                     f"publication date was inferred from the latest date the text names "
                     f"({', '.join(cov['inferred_articles'][:4])}{' …' if n > 4 else ''}).")
    if cov["no_outlet_articles"]:
        n = len(cov["no_outlet_articles"])
        notes.append(f"{n:,} article{'s' if n != 1 else ''} with no outlet: each is shown under its article "
                     "id and counts as its own outlet (`sitrep run PATH --outlet NAME` sets one).")
    if cov["undated_events"]:
        notes.append(f"{cov['undated_events']:,} events have no date: they are on the map at every day of the "
                     "slider but not in the timeline.")
    if cov["history_events"] and cov["window"]:
        notes.append(f"{cov['history_events']:,} events dated before {cov['window'][0]:%-d %B %Y} (a month before "
                     "the earliest article) are history: listed under Timeline › History, not on the map or "
                     "in the timeline.")
    if cov["historical_claims"]:
        notes.append(f"{cov['historical_claims']:,} historical figures (e.g. \"since 2011\", \"in 1982\") are "
                     "listed apart under Headline figures › Historical figures; they enter no current "
                     "estimate or headline card.")
    return notes
