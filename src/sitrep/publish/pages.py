"""Pages of the record as the read commands show them: the rows of one page and the total
they come from, so a face (the CLI, a report) formats and never filters or counts itself.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sitrep.reconcile import DEFAULT_WINDOW_DAYS, contradictions_for_window
from sitrep.store import Store, queries
from sitrep.records.rows import ClaimRow, EventRow


def count(store: Store, sql: str, params: Sequence[Any] = ()) -> int:
    """The single number a ``SELECT count(*)`` query gives."""
    return int(queries.scalar(store.connection, sql, params) or 0)


def count_rows(store: Store, query: tuple[str, list[Any]]) -> int:
    """How many rows a ``queries`` query (``claim_query``...) selects, whatever its limit."""
    sql, params = query
    return count(store, f"SELECT count(*) FROM ({sql})", params)


def claims_page(store: Store, *, limit: int, **filters: Any) -> tuple[list[ClaimRow], int]:
    """The first ``limit`` claims that match ``filters`` (``queries.claim_query``) and how
    many match."""
    return store.claims(**filters, limit=limit), count_rows(store, queries.claim_query(**filters))


def events_page(store: Store, *, limit: int, **filters: Any) -> tuple[list[EventRow], int]:
    """The first ``limit`` events that match ``filters`` (``queries.event_query``) and how
    many match."""
    return store.events(**filters, limit=limit), count_rows(store, queries.event_query(**filters))


def contradictions_page(store: Store, *, kind: str | None, window: int, limit: int) -> tuple[list[Any], int]:
    """The first ``limit`` contradictions of ``kind`` (any when None), the most telling
    first, and how many there are. The stored results are for ``DEFAULT_WINDOW_DAYS``;
    another window is computed from the stored series (slower)."""
    if window == DEFAULT_WINDOW_DAYS:
        return store.contradictions_page(kind=kind, limit=limit)
    found = [c for c in contradictions_for_window(store, window) if not kind or c.kind == kind]
    return found[:limit], len(found)


@dataclass(frozen=True, slots=True)
class PlaceGroup:
    """The mentions of one place written one way and resolved the same way."""

    text: str
    name: str | None
    country: str | None
    lat: float | None
    lon: float | None
    precision: int | None
    rule: str
    mentions: int
    articles: int

    @property
    def resolved(self) -> bool:
        """At precision 1 or 2: a place an event can be put at."""
        return self.precision in (1, 2)


def place_groups(store: Store, *, doc: str | None = None, unresolved: bool = False) -> list[PlaceGroup]:
    """The places articles name, one group per place as written and resolved, the most
    mentioned first. ``unresolved``: only mentions with no coordinates or at precision 3
    (countries are context, not places an event can have, so they are left out)."""
    mentions = store.place_mentions(doc=doc)
    if unresolved:
        mentions = [r for r in mentions if r.rule != "country" and (r.lat is None or (r.precision or 9) >= 3)]
    groups: dict[tuple, list] = {}
    for m in mentions:
        groups.setdefault((m.text, m.name, m.country, m.lat, m.lon, m.precision, m.rule), []).append(m)
    ordered = sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0][0].lower()))
    return [PlaceGroup(*key, mentions=len(ms), articles=len({m.doc for m in ms})) for key, ms in ordered]
