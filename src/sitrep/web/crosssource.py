"""The cross-source views (``/series``, ``/contradictions``, ``/framing``, ``/copies``,
``/stories``): tables of the reconcile stage's stored results, read a page at a time
through the store (``store.web_reads.stored_page``), never computed here."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any, Callable

from fastapi.encoders import jsonable_encoder

from sitrep.records.contradictions import ContradictionRow, to_rows
from sitrep.records.groups import CopyRow
from sitrep.records.framing import FramingRow, OutletFraming
from sitrep.records.series import Estimate, SeriesPointRow
from sitrep.records.groups import Story
from sitrep.store import Store
from sitrep.store import reconciled as r
from sitrep.store.web_reads import stored_page


@dataclass(frozen=True, slots=True)
class StoredTable:
    """One table of a cross-source view: the stored table and its rows' record."""

    name: str  # shown with the table (the reconcile function that makes the rows)
    table: str
    record: type  # the rows' dataclass (columns are its fields)
    make: Callable[[dict[str, Any]], Any]  # column name -> value dict -> the record


@dataclass(frozen=True, slots=True)
class View:
    title: str
    tables: tuple[StoredTable, ...]


def _rows_of(cls: type, lists: tuple[str, ...] = ()) -> Callable[[dict[str, Any]], Any]:
    return lambda row: cls(**{**r.pick(row, cls), **{k: list(row[k] or []) for k in lists}})


VIEWS: dict[str, View] = {
    "series": View("Figures over time", (
        StoredTable("series.build_series", "recon_points", SeriesPointRow,
                    _rows_of(SeriesPointRow, ("docs", "outlets", "claim_ids", "copies"))),
        StoredTable("series.estimates", "recon_estimates", Estimate, _rows_of(Estimate, ("sources",))))),
    "contradictions": View("Contradictions", (
        StoredTable("contradictions.find_contradictions", "recon_contradictions", ContradictionRow,
                    lambda row: to_rows([r.contradiction(row)])[0]),)),
    "framing": View("Framing", (
        StoredTable("framing.outlet_summary", "recon_outlets", OutletFraming,
                    _rows_of(OutletFraming, r.OUTLET_LISTS)),
        StoredTable("framing.framing", "recon_framing", FramingRow,
                    _rows_of(FramingRow, ("loaded_terms", "example_docs", "example_sentences", "example_starts"))))),
    "copies": View("Wire copies", (
        StoredTable("copies.find_copies", "recon_copies", CopyRow, _rows_of(CopyRow)),)),
    "stories": View("Stories", (
        StoredTable("stories.find_stories", "recon_stories", Story,
                    _rows_of(Story, ("docs", "places", "event_types", "outlets"))),)),
}


@dataclass(slots=True)
class TableRows:
    name: str
    total: int
    items: list[dict[str, Any]]


def view_tables(store: Store, name: str, filters: dict[str, Any], limit: int, offset: int) -> list[TableRows]:
    """A page of each table of the view ``name``, read from the stored results: the
    filters and the page are applied by the database, so a page costs the same however
    large the record."""
    out = []
    for t in VIEWS[name].tables:
        found, total = stored_page(store, t.table, t.record, t.make, filters, limit, offset)
        items = [jsonable_encoder({f.name: getattr(x, f.name) for f in dataclasses.fields(x)}) for x in found]
        out.append(TableRows(t.name, total, items))
    return out
