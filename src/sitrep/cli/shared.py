"""What every command shares: the Typer apps, the consoles, the options that several
commands take, and opening the database for reading."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Annotated, Optional, TextIO

import typer

from sitrep import __version__
from sitrep.console import counting_progress, one_line, safe_console
from sitrep.records import QUANTITIES

CONTEXT = {"help_option_names": ["-h", "--help"]}
app = typer.Typer(
    context_settings=CONTEXT, no_args_is_help=True, rich_markup_mode=None,
    help="Sitrep: news about armed conflicts -> a sourced situation record.\n\n"
         "Example: sitrep run articles/ && sitrep claims --quantity killed",
)
export_app = typer.Typer(context_settings=CONTEXT, no_args_is_help=True,
                         help="Export records from the database.\n\nExample: sitrep export claims --format csv -o claims.csv")
gazetteer_app = typer.Typer(context_settings=CONTEXT, no_args_is_help=True,
                            help="The offline gazetteer.\n\nExample: sitrep gazetteer import SY.zip")
app.add_typer(export_app, name="export")
app.add_typer(gazetteer_app, name="gazetteer")

# Untrusted text (titles, claimants, file names) is made inert on its way out (see console).
out = safe_console()
err = safe_console(stderr=True)

# -- options several commands take ---------------------------------------------------------

DEFAULT_DB = Path("sitrep.duckdb")
Db = Annotated[Path, typer.Option("--db", help="DuckDB database file; commands that only read also take "
                                  "a Parquet dataset folder written by `sitrep run --dask --out DIR`.")]
Doc = Annotated[Optional[str], typer.Option(help="Article id.")]
Quantity = Annotated[Optional[str], typer.Option(help=f"One of: {', '.join(QUANTITIES)}.")]
Rows = Annotated[int, typer.Option(min=1, help="Rows to show.")]
AsJsonLines = Annotated[bool, typer.Option("--json", help="JSON lines instead of a table.")]
Jobs = Annotated[int, typer.Option("--jobs", "-j", min=1, help="Worker processes for NLP.")]
# `sitrep export`
ExportFormat = Annotated[str, typer.Option("--format", "-f", help="jsonl or csv.")]
ExportOutput = Annotated[Optional[Path], typer.Option("--output", "-o", help="File to write (default: stdout).")]
OnlyDoc = Annotated[Optional[str], typer.Option(help="Only this article id.")]
RawCsv = Annotated[bool, typer.Option("--raw-csv", help="CSV: write cells as they are. By default a text cell "
                                      "starting with = + - @, a tab or a carriage return gets a leading ' so "
                                      "that spreadsheets do not run article text as a formula.")]


@app.callback(invoke_without_command=True)
def _main(version: bool = typer.Option(False, "--version", help="Show the version and exit.")) -> None:
    if version:
        out.print(f"sitrep {__version__}")
        raise typer.Exit()


def parse_date(value: Optional[str], name: str) -> Optional[date]:
    """``value`` (YYYY-MM-DD) as a date; else a usage error naming the option."""
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{name} must be a date like 2024-12-04, got {value!r}")


def valid_choice(value: Optional[str], valid, option: str) -> Optional[str]:
    """``value`` when it is one of ``valid``; else a usage error (exit 2) listing them."""
    if value is None or value in valid:
        return value
    raise typer.BadParameter(f"{value!r} is not one of: {', '.join(valid)}", param_hint=option)


def fail(message: object) -> typer.Exit:
    """Say ``message`` as one error line; the exit (status 2) for the caller to raise."""
    one_line(err, "error:", message, "red")
    return typer.Exit(2)


@contextmanager
def output_file(path: Optional[Path]) -> Iterator[TextIO]:
    """The file to write (stdout when None), closed or flushed at the end."""
    if path is None:
        yield sys.stdout
        sys.stdout.flush()
        return
    with open(path, "w", encoding="utf-8", newline="") as fh:
        yield fh


def ensure_gazetteer(quiet: bool) -> None:
    """Build the gazetteer index on the first run on a machine, saying so, with progress."""
    from sitrep.extract.gazetteer import ensure_index, index_path, index_ready

    if index_ready():
        return
    err.print(f"Building the gazetteer index (once per machine) into {index_path().parent} ...")
    with counting_progress("gazetteer", err, disable=quiet, transient=True) as progress:
        task = progress.add_task("places", total=None)
        ensure_index(lambda done, total: progress.update(task, completed=done, total=total))
    err.print("Gazetteer index ready.")


def open_read(db: Path, *, reconciled: bool = False):
    """The database opened read-only. ``reconciled``: the command reads the stored
    cross-source results, so they are brought up to date first when they are not (a
    database of an older version, a run interrupted before its reconcile stage), through
    a write connection, with a note saying so; a dataset folder's are computed in memory."""
    from sitrep.store import StoreError, StoreOutdated, open_db

    if not Path(db).exists():
        raise fail(f"no database at {db}; create one with `sitrep run PATH --db {db}`")
    try:
        store = open_db(db, read_only=True)
    except StoreOutdated as exc:  # an older schema: migrated below when this command needs the results
        if not reconciled:
            raise fail(exc)
        reason = f"database {db} is of an older version"
    except StoreError as exc:  # locked by another process, a dataset folder, an old schema
        raise fail(exc)
    else:
        if not reconciled:
            return store
        from sitrep.reconcile import stale_reason  # light: the stage itself is imported only if needed

        reason = stale_reason(store)
        if reason is None:
            return store
        if store.is_dataset:  # read in place: its results live in memory, computed on open
            from sitrep.backfill import reconcile_store as reconcile

            reconcile(store)
            return store
        store.close()
    return _reconcile_then_read(db, reason)


def _reconcile_then_read(db: Path, reason: str):
    from sitrep.backfill import reconcile_store as reconcile
    from sitrep.store import StoreError, open_db

    try:
        with open_db(db) as writable:
            done = reconcile(writable)
    except StoreError as exc:
        raise fail(f"{reason}, and they cannot be brought up to date: {exc}")
    one_line(err, "note:", f"{reason}; brought up to date first: {done.line()}", "yellow")
    try:
        return open_db(db, read_only=True)
    except StoreError as exc:
        raise fail(exc)


def examples_last(*typers: typer.Typer) -> None:
    """Move each command's "Example:" line from its description to the end of its help."""
    for t in typers:
        for info in t.registered_commands:
            doc = info.callback.__doc__ or ""
            lines = doc.strip("\n").splitlines()
            example = next((ln.strip() for ln in lines if ln.strip().startswith("Example:")), None)
            if example and not info.epilog:
                info.epilog = example
                info.help = "\n".join(ln for ln in lines if ln.strip() != example).strip()
