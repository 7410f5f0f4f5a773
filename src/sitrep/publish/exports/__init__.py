"""Streaming exports of the store: JSON lines, CSV, GeoJSON and ACLED-style CSV, one module
a format (``jsonl``, ``csv``, ``geojson``, ``acled``) and how values are written
(``values``).

Every export streams rows from the store to a text file object (a file or stdout) one at
a time, so memory stays flat whatever the database size. Columns are the fields of the
row dataclasses (``records.rows``) in declaration order: the export contract of DESIGN.md
first, extra fields after.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Any, TextIO

from sitrep.publish.exports.acled import write_acled
from sitrep.publish.exports.csv import write_csv
from sitrep.publish.exports.geojson import write_geojson
from sitrep.publish.exports.jsonl import write_jsonl
from sitrep.publish.exports.values import row_fields
from sitrep.store import Store
from sitrep.records.rows import ClaimRow, EventRow

ROW_FORMATS = ("jsonl", "csv")
EVENT_FORMATS = ("jsonl", "csv", "geojson", "acled")


def export_rows(rows: Iterable[Any], out: TextIO, fmt: str,
                fields: Sequence[str] | None = None, *, raw_csv: bool = False) -> int:
    """Write dataclass rows as JSON lines or CSV; returns the number of rows.

    ``fields`` defaults to the first row's dataclass fields; pass it (e.g.
    ``row_fields(ClaimRow)``) so an empty CSV still gets its header. CSV cells that would
    run as spreadsheet formulas are neutralised unless ``raw_csv`` (``values``).
    """
    if fmt not in ROW_FORMATS:
        raise ValueError(f"unknown format {fmt!r}; expected one of {', '.join(ROW_FORMATS)}")
    iterator: Iterator[Any] = iter(rows)
    if fields is None:
        first = next(iterator, None)
        if first is None:
            return 0
        fields = row_fields(type(first))
        iterator = _chain_one(first, iterator)
    if fmt == "csv":
        return write_csv(iterator, out, fields, raw=raw_csv)
    return write_jsonl(iterator, out, fields)


def _chain_one(first: Any, rest: Iterator[Any]) -> Iterator[Any]:
    yield first
    yield from rest


def export_claims(store: Store, out: TextIO, fmt: str = "jsonl", *, raw_csv: bool = False, **filters: Any) -> int:
    """Export claims (filters as ``Store.iter_claims``); returns the number written."""
    return export_rows(store.iter_claims(**filters), out, fmt, row_fields(ClaimRow), raw_csv=raw_csv)


def export_events(store: Store, out: TextIO, fmt: str = "jsonl", *, raw_csv: bool = False, **filters: Any) -> int:
    """Export events as jsonl, csv, geojson or acled; returns the number written.

    GeoJSON leaves out events without coordinates (the count says how many went in).
    ACLED fatalities are 0 when no linked claim gives a number, as in ACLED; the other
    formats keep null for "not known".
    """
    if fmt not in EVENT_FORMATS:
        raise ValueError(f"unknown format {fmt!r}; expected one of {', '.join(EVENT_FORMATS)}")
    events = store.iter_events(**filters)
    if fmt == "geojson":
        return write_geojson(events, out)
    if fmt == "acled":
        return write_acled(events, out, raw=raw_csv)
    return export_rows(events, out, fmt, row_fields(EventRow), raw_csv=raw_csv)
