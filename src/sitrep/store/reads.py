"""The store's reads: claims, events, articles and place mentions as typed records
(``sitrep.records.rows``), streamed and built by column name; and the reconcile stage's
stored results (``store.reconciled``), read, never computed."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, TypeVar

import duckdb

from sitrep.records.contradictions import Contradiction
from sitrep.records.framing import ActorLabel, FramingRow, OutletFraming
from sitrep.records.groups import CopyGroup, CopyRow, Story
from sitrep.records.rows import ArticleRow, ClaimRow, Counts, EventRow, PlaceMentionRow
from sitrep.records.series import Estimate, Series, SeriesPointRow
from sitrep.store import queries, reconciled

R = TypeVar("R")
# Rows fetched per round trip when streaming a read: large enough that the
# per-call overhead vanishes, small enough that memory stays flat.
FETCH_BATCH = 2_000


@dataclass(slots=True)
class _Id:
    """An article's id (``StoreReads.article_ids``' rows)."""

    id: str


class StoreReads:
    """The reads of ``Store`` (its connection is ``_con``)."""

    _con: duckdb.DuckDBPyConnection

    # -- reads ---------------------------------------------------------------

    def _stream(self, sql: str, params: list[Any], cls: Callable[..., R] | None = None) -> Iterator[R]:
        """Rows of a query, streamed: ``cls`` records built by column name
        (``queries.record_maker``), or tuples when ``cls`` is None."""
        # A cursor of its own, so other queries can run while a stream is open.
        cursor = self._con.cursor()
        try:
            cursor.execute(sql, params)
            make = queries.record_maker(queries.column_names(cursor), cls) if cls is not None else tuple
            while chunk := cursor.fetchmany(FETCH_BATCH):
                for row in chunk:
                    yield make(row)
        finally:
            cursor.close()

    def iter_claims(self, **filters: Any) -> Iterator[ClaimRow]:
        """Claims in doc/offset order, streamed. Filters: see ``queries.claim_query``."""
        return self._stream(*queries.claim_query(**filters), ClaimRow)

    def claims(self, **filters: Any) -> list[ClaimRow]:
        return list(self.iter_claims(**filters))

    def iter_events(self, **filters: Any) -> Iterator[EventRow]:
        """Events in doc/offset order, streamed. Filters: see ``queries.event_query``."""
        return self._stream(*queries.event_query(**filters), EventRow)

    def events(self, **filters: Any) -> list[EventRow]:
        return list(self.iter_events(**filters))

    def iter_articles(self, **filters: Any) -> Iterator[ArticleRow]:
        return self._stream(*queries.article_query(**filters), ArticleRow)

    def articles(self, **filters: Any) -> list[ArticleRow]:
        """Articles by id. ``with_text=True`` also loads the text (the bulk of the table)."""
        return list(self.iter_articles(**filters))

    def article_ids(self) -> set[str]:
        """The ids of every stored article (one query; no other column is read)."""
        return {row.id for row in self._stream(queries.ARTICLE_IDS, [], _Id)}

    def iter_place_mentions(self, **filters: Any) -> Iterator[PlaceMentionRow]:
        return self._stream(*queries.place_query(**filters), PlaceMentionRow)

    def place_mentions(self, **filters: Any) -> list[PlaceMentionRow]:
        return list(self.iter_place_mentions(**filters))

    def iter_signatures(self) -> Iterator[tuple[str, str | None, date | None, bytes | None]]:
        """(doc, outlet, published, minhash) of every article, by id; no text is read.

        ``minhash`` is the stored signature (``sitrep.minhash.unpack_signature`` reads
        it), None for rows stored before signatures were kept.
        """
        return self._stream(queries.SIGNATURES, [])

    def iter_texts(self, docs: Sequence[str]) -> Iterator[tuple[str, str]]:
        """(doc, text) of the given articles, streamed (one query however many)."""
        return self._stream(queries.TEXTS, [list(docs)])

    # -- what extraction read for the reconcile stage (``extract.readings``) ----------------

    def labels_of(self, docs: Sequence[str]) -> list[ActorLabel]:
        """The actor labels of the given articles, by article and first use."""
        return queries.rows_as(self._con, queries.LABELS, [list(docs)], ActorLabel)

    def iter_labels(self) -> Iterator[ActorLabel]:
        """Every article's actor labels, by article and first use, streamed."""
        return self._stream(queries.ALL_LABELS, [], ActorLabel)

    def loaded_of(self, labels: Iterable[str]) -> dict[str, tuple[list[str], str | None]]:
        """Written label -> (loaded terms, note), as extraction marked it."""
        rows = queries.records(self._con, queries.LOADED_OF, [sorted(set(labels))], dict)
        return {row["label"]: (list(row["loaded_terms"] or []), row["loaded_note"]) for row in rows}

    def unread_articles(self) -> list[str]:
        """Articles whose text was not read for the reconcile stage (stored before it was kept)."""
        return queries.column(self._con, queries.UNREAD)

    def claims_of(self, docs: Sequence[str]) -> list[ClaimRow]:
        """The claims of the given articles, in doc/offset order."""
        sql = f"{queries.CLAIM_SELECT} WHERE c.doc IN (SELECT unnest(CAST(? AS VARCHAR[]))) ORDER BY {queries.CLAIM_ORDER}"
        return queries.rows_as(self._con, sql, [list(docs)], ClaimRow)

    def events_of(self, docs: Sequence[str]) -> list[EventRow]:
        """The events of the given articles, in doc/offset order."""
        sql = f"{queries.EVENT_SELECT} WHERE e.doc IN (SELECT unnest(CAST(? AS VARCHAR[]))) ORDER BY {queries.EVENT_ORDER}"
        return queries.rows_as(self._con, sql, [list(docs)], EventRow)

    def counts(self) -> Counts:
        return queries.records(self._con, queries.COUNTS, [], lambda row: Counts(**row))[0]

    # -- the reconcile stage's stored results (``store.reconciled``; read, never computed) --

    def series(self, keys: Iterable[str] | None = None) -> list[Series]:
        """Every claimant's figure series (``records.series.Series``), largest first, or
        those of the given series keys."""
        return reconciled.series(self._con, keys=keys)

    def series_rows(self) -> list[SeriesPointRow]:
        """Every series point flat (``records.series.SeriesPointRow``), series largest first."""
        return reconciled.series_point_rows(self._con)

    def estimates(self) -> list[Estimate]:
        """Low/best/high estimates (``records.series.Estimate``) per group and date."""
        return reconciled.estimates(self._con)

    def contradictions(self, kind: str | None = None) -> list[Contradiction]:
        """Contradictions (``records.contradictions.Contradiction``) for the default window."""
        return reconciled.contradictions(self._con, kind=kind)

    def copy_groups(self) -> list[CopyGroup]:
        """Wire-copy groups (``records.groups.CopyGroup``), largest first."""
        return reconciled.copy_groups(self._con)

    def copy_map(self) -> dict[str, str]:
        """doc -> canonical doc of every article in a copy group."""
        return reconciled.copy_map(self._con)

    def copy_group_count(self) -> int:
        """How many wire-copy groups there are."""
        return reconciled.copy_group_count(self._con)

    def copy_rows(self) -> list[CopyRow]:
        return reconciled.copy_rows(self._con)

    def stories(self) -> list[Story]:
        """Stories (``records.groups.Story``), largest first."""
        return reconciled.stories(self._con)

    def framing(self) -> list[FramingRow]:
        """Framing rows (``records.framing.FramingRow``) per outlet, side and label."""
        return reconciled.framing(self._con)

    def outlet_framing(self) -> list[OutletFraming]:
        """One framing summary per outlet (``records.framing.OutletFraming``), by outlet."""
        return reconciled.outlet_framing(self._con)

    def series_page(self, *, quantity: str | None = None, source: str | None = None,
                    limit: int | None = None) -> tuple[list[Any], int]:
        """(series, how many match) of ``quantity`` and a claimant holding ``source``, the
        most points first, then by claimant: only the page is read."""
        return reconciled.series_page(self._con, quantity=quantity, source=source, limit=limit)

    def series_lines(self, *, quantity: str | None = None, source: str | None = None,
                     limit: int | None = None, last: int = 12) -> tuple[list[Any], int]:
        """``series_page`` with each series' latest ``last`` points only (for a table)."""
        return reconciled.series_lines(self._con, quantity=quantity, source=source, limit=limit, last=last)

    def estimates_page(self, *, quantity: str | None = None, limit: int | None = None) -> tuple[list[Any], int]:
        return reconciled.estimates_page(self._con, quantity=quantity, limit=limit)

    def latest_estimates(self) -> list[Estimate]:
        """The latest estimate of each quantity, category, subgroup and scope."""
        return reconciled.latest_estimates(self._con)

    def contradictions_page(self, *, kind: str | None = None, limit: int | None = None,
                            kinds_first: Sequence[str] = ()) -> tuple[list[Any], int]:
        return reconciled.contradictions_page(self._con, kind=kind, limit=limit, kinds_first=kinds_first)

    def framing_by_side(self, *, side: str | None = None, limit: int | None = None) -> tuple[list[Any], int]:
        """(framing rows of ``side`` by side, outlet and uses, how many): only the page is read."""
        return reconciled.framing_by_side(self._con, side=side, limit=limit)

    def outlet_page(self, *, limit: int | None = None) -> tuple[list[Any], int, set[str]]:
        """(outlet summaries, how many outlets, the summary fields some outlet fills)."""
        return reconciled.outlet_page(self._con, limit=limit)

    def framing_page(self, *, limit: int | None = None) -> tuple[list[Any], int]:
        return reconciled.framing_page(self._con, limit=limit)

    def chart_candidates(self) -> list[dict[str, Any]]:
        return reconciled.chart_candidates(self._con)
