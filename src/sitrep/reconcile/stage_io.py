"""Reads and writes of one run of the reconcile stage: the shared base of its steps
(``stage_figures``, ``stage_docs``), on the run's connection inside its transaction, so a
read sees what the run has written. Records are built by column name."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any, TypeVar

from sitrep.records.rows import ClaimRow, EventRow
from sitrep.store.queries import CLAIM_ORDER, CLAIM_SELECT, EVENT_ORDER, dicts, event_select_of, rows_as

R = TypeVar("R")
# Articles read per query while reconciling new ones (texts for framing, rows for the
# rest): memory stays flat however many arrive at once.
DOC_BATCH = 500


def sql_in(column: str) -> str:
    return f"{column} IN (SELECT unnest(CAST(? AS VARCHAR[])))"


def chunks(items: Sequence[str], size: int = DOC_BATCH) -> Iterator[list[str]]:
    for at in range(0, len(items), size):
        yield list(items[at:at + size])


class StageIO:
    """The store, its connection and what the run did (``out``, a ``stage.Reconciled``)."""

    def __init__(self, store, full: bool, out: Any) -> None:
        self.store = store
        self.con = store.connection
        self.full = full
        self.out = out
        self.changed: list[str] = []  # articles new or changed since the last run
        self.gone: list[str] = []  # articles removed or changed since the last run
        self.batch_events: list[EventRow] | None = None  # the new articles' events, when one batch (``stage_docs``)
        self.copy_of: dict[str, str] = {}  # copy -> canonical article, as this run found them
        # The new articles' claims by series and figure (value, low, high), when one batch (``stage``).
        self.batch_claims: dict[tuple[str, tuple], list[ClaimRow]] | None = None
        self.touches: dict[str, list[Any]] = {}  # series -> its points updated in place (``stage_touch.Touch``)

    def _dicts(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        """Rows of a query as column name -> value (``queries.dicts``): every read of the
        stage goes by column name, never by position."""
        return dicts(self.con, sql, params)

    def _records(self, sql: str, params: Sequence[Any], cls: Callable[..., R]) -> list[R]:
        """Rows of a query as ``cls`` records, built by column name (``queries.rows_as``)."""
        return rows_as(self.con, sql, params, cls)

    def claims(self, where: str, params: Sequence[Any], *, mentions: bool = True) -> list[ClaimRow]:
        """Claims of ``where`` in their order; ``mentions=False``: without the figure's other
        mentions in the article (a JSON list per claim, which series never read)."""
        select = CLAIM_SELECT if mentions else CLAIM_SELECT.replace("c.mentions,", "NULL AS mentions,", 1)
        return self._records(f"{select} WHERE {where} ORDER BY {CLAIM_ORDER}", params, ClaimRow)

    def events(self, docs: Sequence[str]) -> list[EventRow]:
        out: list[EventRow] = []
        for chunk in chunks(docs):
            out += self._records(f"{event_select_of(sql_in('e.doc'))} ORDER BY {EVENT_ORDER}", [chunk], EventRow)
        return out

    def delete(self, table: str, column: str, values: Iterable[str]) -> None:
        values = list(values)
        if values:
            self.con.execute(f"DELETE FROM {table} WHERE {sql_in(column)}", [values])

    def insert(self, table: str, rows: list[dict[str, Any]]) -> None:
        self.store.insert_rows(table, rows)

    def _events_by_id(self, ids: Iterable[str]) -> dict[str, EventRow]:
        out: dict[str, EventRow] = {}
        for chunk in chunks(sorted(set(ids)), 5_000):
            out.update((e.id, e) for e in self._records(
                f"{event_select_of(sql_in('e.id'))} ORDER BY {EVENT_ORDER}", [chunk], EventRow))
        return out
