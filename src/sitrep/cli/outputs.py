"""Commands that show the whole record: the HTML report and the web app."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer
from rich.text import Text

from sitrep.cli.shared import CONTEXT, DEFAULT_DB, Db, app, err, open_read


@app.command(context_settings=CONTEXT)
def report(
    db: Db = DEFAULT_DB,
    output: Path = typer.Option(Path("report.html"), "-o", "--output", help="HTML file to write."),
    title: Optional[str] = typer.Option(None, help="Report title."),
    max_rows: int = typer.Option(2000, "--max-rows", help="Provenance rows and events embedded."),
) -> None:
    """Write a self-contained HTML situation report: headline figures, map, timeline,
    series charts, contradictions, framing and the provenance of every figure. It needs
    no network to view.

    Example: sitrep report -o report.html --db syria.duckdb
    """
    from sitrep.publish.report import write_report

    with open_read(db, reconciled=True) as store:
        stats = write_report(store, output, title=title, max_rows=max_rows)
    err.print(f"{output}: {stats.bytes / 1e6:.1f} MB in {stats.seconds:.1f}s; "
              f"{stats.n_claims_shown:,}/{stats.n_claims:,} figures, {stats.n_events_shown:,}/{stats.n_events:,} events")
    for note in stats.notes:
        err.print(Text(f"note: {note}"))


@app.command(context_settings=CONTEXT)
def serve(
    db: Db = DEFAULT_DB,
    host: str = typer.Option("127.0.0.1", "--host", help="Interface to listen on (local only by default)."),
    port: int = typer.Option(8750, "--port", help="Port."),
    allowed_host: list[str] = typer.Option([], "--allowed-host", help="Another host name to answer for "
                                           "(repeatable). Requests are answered only for localhost, 127.0.0.1, "
                                           "::1, --host and these, so that no other site's page can read or "
                                           "add to the record through its own name (DNS rebinding)."),
) -> None:
    """Serve the record as web pages and a JSON API (/api, docs at /docs): articles, claims,
    events, series, contradictions, framing, stories, search, and a form to add articles. Search
    (/search, /api/search?q=) finds the words as a phrase, whole words only, any case,
    punctuation ignored, best first, totals exact up to 10,000, from a full-text index kept
    beside the database (DB.search, caught up when behind); a Parquet dataset folder is
    scanned instead, newest first. It keeps
    serving while `sitrep run` writes the file, answering 503 with what to do meanwhile,
    and lets go of the file whenever a run waits to write it.

    Example: sitrep serve --db sitrep.duckdb --port 8750
    """
    from sitrep.web.serve import serve_command

    raise typer.Exit(serve_command(db, host, port, allowed_host))
