"""`sitrep export`: the records as files, in the formats of ``publish.exports``."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable, Optional, TextIO

import typer

from sitrep.cli.shared import (
    CONTEXT, DEFAULT_DB, Db, ExportFormat, ExportOutput, OnlyDoc, RawCsv, err, export_app, open_read, output_file,
)


def _check_format(fmt: str, valid: tuple[str, ...]) -> None:
    if fmt not in valid:
        raise typer.BadParameter(f"--format must be {', '.join(valid[:-1])} or {valid[-1]}")


@export_app.command("events", context_settings=CONTEXT)
def export_events_cmd(
    db: Db = DEFAULT_DB,
    fmt: str = typer.Option("jsonl", "--format", "-f", help="jsonl, csv, acled (ACLED-style CSV) or geojson."),
    output: ExportOutput = None,
    type: Optional[str] = typer.Option(None, "--type", help="Only this event type."),
    doc: OnlyDoc = None,
    raw_csv: RawCsv = False,
) -> None:
    """Export events (contract fields of DESIGN.md) as JSON lines, CSV, ACLED-style CSV or GeoJSON.

    Example: sitrep export events --format geojson -o events.geojson
    """
    from sitrep.publish.exports import export_events

    _check_format(fmt, ("jsonl", "csv", "acled", "geojson"))
    _export_extracted(db, output, "events",
                      lambda store, fh: export_events(store, fh, fmt, type=type, doc=doc, raw_csv=raw_csv))


@export_app.command("series", context_settings=CONTEXT)
def export_series_cmd(
    db: Db = DEFAULT_DB,
    fmt: ExportFormat = "jsonl",
    output: ExportOutput = None,
    estimates: bool = typer.Option(False, "--estimates", help="Export low/best/high estimates instead of points."),
    raw_csv: RawCsv = False,
) -> None:
    """Export series points (one row per claimant figure, with its reports) or estimates.

    Example: sitrep export series --format csv -o series.csv
    """
    _export_stored(db, fmt, output, lambda store: store.estimates() if estimates else store.series_rows(), raw_csv)


@export_app.command("contradictions", context_settings=CONTEXT)
def export_contradictions_cmd(db: Db = DEFAULT_DB, fmt: ExportFormat = "jsonl", output: ExportOutput = None,
                              raw_csv: RawCsv = False) -> None:
    """Export contradictions: both figures with provenance, the kind and the explanation.

    Example: sitrep export contradictions --format jsonl -o contradictions.jsonl
    """
    from sitrep.records.contradictions import to_rows

    _export_stored(db, fmt, output, lambda store: to_rows(store.contradictions()), raw_csv)


@export_app.command("framing", context_settings=CONTEXT)
def export_framing_cmd(db: Db = DEFAULT_DB, fmt: ExportFormat = "jsonl", output: ExportOutput = None,
                       raw_csv: RawCsv = False) -> None:
    """Export framing: per side, outlet and label, the count, loaded flag and examples.

    Example: sitrep export framing --format csv -o framing.csv
    """
    _export_stored(db, fmt, output, lambda store: store.framing(), raw_csv)


@export_app.command("stories", context_settings=CONTEXT)
def export_stories_cmd(db: Db = DEFAULT_DB, fmt: ExportFormat = "jsonl", output: ExportOutput = None,
                       raw_csv: RawCsv = False) -> None:
    """Export stories: articles about the same events (same event at a place, places or
    actors together in a few days), with their dates, places, event types and outlets.

    Example: sitrep export stories --format csv -o stories.csv
    """
    _export_stored(db, fmt, output, lambda store: store.stories(), raw_csv)


def _export_stored(db: Path, fmt: str, output: Optional[Path], read: Callable[[Any], Any], raw_csv: bool) -> None:
    """Write rows of the stored cross-source results (``read(store)``) as JSON lines or CSV."""
    from sitrep.publish.exports import ROW_FORMATS, export_rows

    _check_format(fmt, ROW_FORMATS)
    with open_read(db, reconciled=True) as store:
        rows = read(store)
    with output_file(output) as fh:
        n = export_rows(rows, fh, fmt, raw_csv=raw_csv)
    err.print(f"{n} rows exported")


@export_app.command("claims", context_settings=CONTEXT)
def export_claims_cmd(
    db: Db = DEFAULT_DB,
    fmt: ExportFormat = "jsonl",
    output: ExportOutput = None,
    quantity: Optional[str] = typer.Option(None, help="Only this quantity."),
    doc: OnlyDoc = None,
    raw_csv: RawCsv = False,
) -> None:
    """Export claims (contract fields of DESIGN.md) as JSON lines or CSV.

    Example: sitrep export claims --format csv -o claims.csv
    """
    from sitrep.publish.exports import ROW_FORMATS, export_claims

    _check_format(fmt, ROW_FORMATS)
    _export_extracted(db, output, "claims",
                      lambda store, fh: export_claims(store, fh, fmt, quantity=quantity, doc=doc, raw_csv=raw_csv))


def _export_extracted(db: Path, output: Optional[Path], what: str, write: Callable[[Any, TextIO], int]) -> None:
    """Stream claims or events (``write(store, file)``) from the database to the output."""
    with open_read(db) as store:
        with output_file(output) as fh:
            n = write(store, fh)
    err.print(f"{n} {what} exported")
