"""The ``sitrep`` command: a thin layer over the library. Each command opens the database,
calls one library function and formats the result."""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path
from typing import Optional

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text

from . import __version__
from .console import one_line, safe_console
from .safe_text import for_terminal_lines

CONTEXT = {"help_option_names": ["-h", "--help"]}
app = typer.Typer(
    context_settings=CONTEXT, no_args_is_help=True, rich_markup_mode=None,
    help="Sitrep: news about armed conflicts -> a sourced situation record.\n\n"
         "Example: sitrep run articles/ && sitrep claims --quantity killed",
)
export_app = typer.Typer(context_settings=CONTEXT, no_args_is_help=True,
                         help="Export records from the database.\n\nExample: sitrep export claims --format csv -o claims.csv")
app.add_typer(export_app, name="export")

# Untrusted text (titles, claimants, file names) is made inert on its way out (see console).
out = safe_console()
err = safe_console(stderr=True)
DB_OPTION = typer.Option("sitrep.duckdb", "--db", help="DuckDB database file.")
RAW_CSV_OPTION = typer.Option(False, "--raw-csv", help="CSV: write cells as they are. By default a text cell "
                              "starting with = + - @, a tab or a carriage return gets a leading ' so that "
                              "spreadsheets do not run article text as a formula.")


def _parse_date(value: Optional[str], name: str) -> Optional[date]:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{name} must be a date like 2024-12-04, got {value!r}")


def _open_read(db: Path):
    from .store import StoreLockedError, open_db

    if not Path(db).exists():
        one_line(err, "error:", f"no database at {db}; create one with `sitrep run PATH --db {db}`", "red")
        raise typer.Exit(2)
    try:
        return open_db(db, read_only=True)
    except StoreLockedError as exc:
        one_line(err, "error:", exc, "red")
        raise typer.Exit(2)


@app.callback(invoke_without_command=True)
def _main(version: bool = typer.Option(False, "--version", help="Show the version and exit.")) -> None:
    if version:
        out.print(f"sitrep {__version__}")
        raise typer.Exit()


@app.command(context_settings=CONTEXT)
def run(
    paths: list[Path] = typer.Argument(..., help="Files or folders: .txt, .html/.htm, .jsonl."),
    db: Path = DB_OPTION,
    outlet: Optional[str] = typer.Option(None, help="Outlet name for inputs that do not say."),
    published: Optional[str] = typer.Option(None, "--date", help="Publication date (YYYY-MM-DD) for inputs that do not say."),
    jobs: int = typer.Option(1, "--jobs", "-j", min=1, help="Worker processes for NLP."),
    max_mb: float = typer.Option(5.0, "--max-mb", help="Skip input files larger than this (MB)."),
    index: Optional[Path] = typer.Option(None, "--index", exists=True, dir_okay=False,
                                         help="JSONL of per-file metadata: {\"file\", \"outlet\", \"published\", \"title\", \"url\"}."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar."),
) -> None:
    """Ingest articles and extract claims and events into the database.

    Re-running on the same input changes nothing. Inputs that cannot be read (or stored) get
    one `skipped` line each on stderr, the rest of the run goes on, and the exit status is 1;
    an article stored with something left out (stray bytes dropped, a JSONL field that is
    not usable) gets a `note` line.

    Example: sitrep run ~/articles/ extra.jsonl --db syria.duckdb --jobs 2
    """
    from .pipeline import run as run_pipeline, total_inputs
    from .store import StoreLockedError

    when = _parse_date(published, "--date")
    metadata = None
    if index is not None:
        from .ingest import load_index

        metadata = load_index(index)
        if not isinstance(metadata, dict):
            one_line(err, "error:", metadata, "red")
            raise typer.Exit(2)
    progress = Progress(TextColumn("[bold]sitrep run"), BarColumn(), MofNCompleteColumn(),
                        TimeElapsedColumn(), console=err, disable=quiet, transient=False)
    try:
        with progress:
            task = progress.add_task("inputs", total=total_inputs(paths))
            summary = run_pipeline(
                paths, db, outlet=outlet, published=when, jobs=jobs, max_bytes=int(max_mb * 1_000_000), index=metadata,
                on_input=lambda n: progress.advance(task, n),
                on_error=lambda e: one_line(progress.console, "skipped", e),
                on_note=lambda n: one_line(progress.console, "note", n, "cyan"),
            )
    except StoreLockedError as exc:
        one_line(err, "error:", exc, "red")
        raise typer.Exit(2)
    out.print(
        f"{summary.articles} articles ({summary.new} new, {summary.unchanged} unchanged), "
        f"{summary.claims} claims, {summary.events} events, {len(summary.errors)} inputs skipped "
        f"in {summary.seconds:.1f}s -> {db}"
    )
    if summary.errors:
        raise typer.Exit(1)


@app.command(context_settings=CONTEXT)
def claims(
    db: Path = DB_OPTION,
    quantity: Optional[str] = typer.Option(None, help="killed, injured, displaced, missing, detained, released."),
    category: Optional[str] = typer.Option(None, help="total, civilians, combatants, rebels, government, prisoners."),
    source: Optional[str] = typer.Option(None, help="Claimant (canonical name, case-insensitive substring)."),
    doc: Optional[str] = typer.Option(None, help="Article id."),
    outlet: Optional[str] = typer.Option(None, help="Outlet (substring)."),
    limit: int = typer.Option(50, help="Rows to show."),
    as_json: bool = typer.Option(False, "--json", help="JSON lines instead of a table."),
) -> None:
    """Show extracted claims: figure, category, claimant, outlet and sentence.

    Example: sitrep claims --quantity killed --source observatory
    """
    with _open_read(db) as store:
        rows = store.claims(quantity=quantity, category=category, source=source, doc=doc, outlet=outlet, limit=limit)
    if as_json:
        from .publish.export import export_rows

        export_rows(rows, sys.stdout, "jsonl")
        return
    table = Table(show_lines=False, header_style="bold")
    for col in ("published", "outlet", "quantity", "category", "figure", "claimant", "sentence"):
        table.add_column(col, overflow="fold", max_width=70 if col == "sentence" else None)
    for r in rows:
        figure = f"{r.qualifier + ' ' if r.qualifier and r.value is not None else ''}" \
                 f"{r.value if r.value is not None else (r.qualifier or '')}"
        if r.value is None and r.low is not None:
            figure += f" [{r.low}-{r.high if r.high is not None else ''}]"
        # Article text is untrusted: Text() cells are never read as console markup.
        cells = (str(r.published or ""), r.outlet or "unknown", r.quantity,
                 r.category + (f"/{r.subgroup}" if r.subgroup else ""), figure, r.source or "-", r.sentence)
        table.add_row(*(Text(c) for c in cells))
    out.print(table)
    out.print(f"{len(rows)} claims shown (limit {limit})")


@app.command(context_settings=CONTEXT)
def events(
    db: Path = DB_OPTION,
    type: Optional[str] = typer.Option(None, "--type", help="territory_change, withdrawal, armed_clash, airstrike, shelling, reinforcement, prison_break."),
    place: Optional[str] = typer.Option(None, help="Place name (case-insensitive)."),
    doc: Optional[str] = typer.Option(None, help="Article id."),
    since: Optional[str] = typer.Option(None, help="Events on or after this date (YYYY-MM-DD)."),
    until: Optional[str] = typer.Option(None, help="Events on or before this date (YYYY-MM-DD)."),
    limit: int = typer.Option(50, help="Rows to show."),
    as_json: bool = typer.Option(False, "--json", help="JSON lines instead of a table."),
) -> None:
    """Show extracted events: date, type, actors and sides, place with coordinates, claimant.

    Example: sitrep events --type territory_change --since 2024-12-01
    """
    with _open_read(db) as store:
        rows = store.events(type=type, place=place, doc=doc, since=_parse_date(since, "--since"),
                            until=_parse_date(until, "--until"), limit=limit)
    if as_json:
        from .publish.export import export_rows

        export_rows(rows, sys.stdout, "jsonl")
        return
    table = Table(header_style="bold")
    for col in ("date", "type", "actor1", "winner", "place", "geo", "claimant", "sentence"):
        table.add_column(col, overflow="fold", max_width=60 if col == "sentence" else None)
    for r in rows:
        where = r.place or "-"
        geo = f"{r.lat:.2f},{r.lon:.2f} p{r.geo_precision}" if r.lat is not None else "unresolved"
        when = f"{r.date or '?'}" + (" (pub.)" if r.date_rule == "publication" else "")
        actor = f"{r.actor1 or '-'}" + (f" [{r.actor1_side}]" if r.actor1_side else "")
        cells = (when, r.type, actor, r.winner or "", where, geo, r.source or "-", r.sentence)
        table.add_row(*(Text(str(c)) for c in cells))
    out.print(table)
    out.print(f"{len(rows)} events shown (limit {limit})")


@app.command(context_settings=CONTEXT)
def places(
    db: Path = DB_OPTION,
    doc: Optional[str] = typer.Option(None, help="Article id."),
    unresolved: bool = typer.Option(False, "--unresolved", help="Only mentions with no coordinates or precision 3."),
    limit: int = typer.Option(100, help="Rows to show."),
) -> None:
    """Show place mentions and how they resolved: gazetteer match (precision 1), anchored
    near a named place (2), province only (3), or unresolved.

    Example: sitrep places --unresolved
    """
    with _open_read(db) as store:
        rows = store.place_mentions(doc=doc, limit=None if unresolved else limit)
    if unresolved:  # countries are context, not places an event can have
        rows = [r for r in rows if r.rule != "country" and (r.lat is None or (r.precision or 9) >= 3)][:limit]
    table = Table(header_style="bold")
    for col in ("doc", "as written", "resolved to", "country", "lat,lon", "precision", "rule"):
        table.add_column(col, overflow="fold")
    for r in rows:
        geo = f"{r.lat:.3f},{r.lon:.3f}" if r.lat is not None else "-"
        cells = (r.doc, r.text, r.name or "-", r.country or "-", geo, r.precision or "-", r.rule)
        table.add_row(*(Text(str(c)) for c in cells))
    out.print(table)
    resolved = sum(1 for r in rows if r.precision in (1, 2))
    out.print(f"{len(rows)} mentions shown, {resolved} at precision 1 or 2")


gazetteer_app = typer.Typer(context_settings=CONTEXT, no_args_is_help=True,
                            help="The offline gazetteer.\n\nExample: sitrep gazetteer import SY.zip")
app.add_typer(gazetteer_app, name="gazetteer")


@gazetteer_app.command("import", context_settings=CONTEXT)
def gazetteer_import(
    file: Path = typer.Argument(..., exists=True, dir_okay=False,
                                help="A GeoNames dump: a country file (SY.txt) or allCountries, .txt or .zip."),
) -> None:
    """Add the populated places and admin areas of a GeoNames dump to the gazetteer, so
    villages that the bundled cities list lacks resolve at precision 1. Streams the file.

    Example: sitrep gazetteer import ~/Downloads/SY.zip
    """
    from .extract.gazetteer import extra_db_path, import_geonames

    n = import_geonames(file)
    out.print(f"{n} places imported into {extra_db_path()}")


@export_app.command("events", context_settings=CONTEXT)
def export_events_cmd(
    db: Path = DB_OPTION,
    fmt: str = typer.Option("jsonl", "--format", "-f", help="jsonl, csv, acled (ACLED-style CSV) or geojson."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="File to write (default: stdout)."),
    type: Optional[str] = typer.Option(None, "--type", help="Only this event type."),
    doc: Optional[str] = typer.Option(None, help="Only this article id."),
    raw_csv: bool = RAW_CSV_OPTION,
) -> None:
    """Export events (contract fields of DESIGN.md) as JSON lines, CSV, ACLED-style CSV or GeoJSON.

    Example: sitrep export events --format geojson -o events.geojson
    """
    from .publish.export import export_events

    if fmt not in ("jsonl", "csv", "acled", "geojson"):
        raise typer.BadParameter("--format must be jsonl, csv, acled or geojson")
    with _open_read(db) as store:
        with _output(output) as fh:
            n = export_events(store, fh, fmt, type=type, doc=doc, raw_csv=raw_csv)
    err.print(f"{n} events exported")


@export_app.command("series", context_settings=CONTEXT)
def export_series_cmd(
    db: Path = DB_OPTION,
    fmt: str = typer.Option("jsonl", "--format", "-f", help="jsonl or csv."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="File to write (default: stdout)."),
    estimates: bool = typer.Option(False, "--estimates", help="Export low/best/high estimates instead of points."),
    raw_csv: bool = RAW_CSV_OPTION,
) -> None:
    """Export series points (one row per claimant figure, with its reports) or estimates.

    Example: sitrep export series --format csv -o series.csv
    """
    from .reconcile import reconcile
    from .reconcile.series import to_rows

    def rows(store):
        rec = reconcile(store, with_contradictions=False)
        return rec.estimates if estimates else to_rows(rec.series)

    _export_computed(db, fmt, output, rows, raw_csv)


@export_app.command("contradictions", context_settings=CONTEXT)
def export_contradictions_cmd(
    db: Path = DB_OPTION,
    fmt: str = typer.Option("jsonl", "--format", "-f", help="jsonl or csv."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="File to write (default: stdout)."),
    raw_csv: bool = RAW_CSV_OPTION,
) -> None:
    """Export contradictions: both figures with provenance, the kind and the explanation.

    Example: sitrep export contradictions --format jsonl -o contradictions.jsonl
    """
    from .reconcile import reconcile
    from .reconcile.contradictions import to_rows

    _export_computed(db, fmt, output, lambda store: to_rows(reconcile(store).contradictions), raw_csv)


@export_app.command("framing", context_settings=CONTEXT)
def export_framing_cmd(
    db: Path = DB_OPTION,
    fmt: str = typer.Option("jsonl", "--format", "-f", help="jsonl or csv."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="File to write (default: stdout)."),
    raw_csv: bool = RAW_CSV_OPTION,
) -> None:
    """Export framing: per side, outlet and label, the count, loaded flag and examples.

    Example: sitrep export framing --format csv -o framing.csv
    """
    from .reconcile.framing import framing as framing_rows

    _export_computed(db, fmt, output, lambda store: framing_rows(store.iter_articles(with_text=True)), raw_csv)


def _export_computed(db: Path, fmt: str, output: Optional[Path], compute, raw_csv: bool = False) -> None:
    """Compute rows from the database and write them as JSON lines or CSV."""
    from .publish.export import export_rows

    if fmt not in ("jsonl", "csv"):
        raise typer.BadParameter("--format must be jsonl or csv")
    with _open_read(db) as store:
        rows = compute(store)
    with _output(output) as fh:
        n = export_rows(rows, fh, fmt, raw_csv=raw_csv)
    err.print(f"{n} rows exported")


@export_app.command("claims", context_settings=CONTEXT)
def export_claims_cmd(
    db: Path = DB_OPTION,
    fmt: str = typer.Option("jsonl", "--format", "-f", help="jsonl or csv."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="File to write (default: stdout)."),
    quantity: Optional[str] = typer.Option(None, help="Only this quantity."),
    doc: Optional[str] = typer.Option(None, help="Only this article id."),
    raw_csv: bool = RAW_CSV_OPTION,
) -> None:
    """Export claims (contract fields of DESIGN.md) as JSON lines or CSV.

    Example: sitrep export claims --format csv -o claims.csv
    """
    from .publish.export import export_claims

    if fmt not in ("jsonl", "csv"):
        raise typer.BadParameter("--format must be jsonl or csv")
    with _open_read(db) as store:
        with _output(output) as fh:
            n = export_claims(store, fh, fmt, quantity=quantity, doc=doc, raw_csv=raw_csv)
    err.print(f"{n} claims exported")


class _output:
    def __init__(self, path: Optional[Path]):
        self.path = path

    def __enter__(self):
        self.fh = open(self.path, "w", encoding="utf-8", newline="") if self.path else sys.stdout
        return self.fh

    def __exit__(self, *exc):
        if self.path:
            self.fh.close()
        else:
            self.fh.flush()


@app.command("eval", context_settings=CONTEXT)
def eval_cmd(
    gold: Path = typer.Argument(..., exists=True, help="Reference annotation: a gold JSON file, or a folder "
                                "with gold.json, its articles (articles/ or beside it) and index.jsonl."),
    db: Optional[Path] = typer.Option(None, "--db", help="DuckDB database to score (default sitrep.duckdb; "
                                      "for a gold folder, a temporary one its articles are run into)."),
    as_json: bool = typer.Option(False, "--json", help="Print the scores as JSON."),
    lists: bool = typer.Option(True, "--lists/--no-lists", help="Show misses, extras and claimant differences."),
    min_f1: Optional[float] = typer.Option(None, help="Exit 1 when claims F1 is below this."),
    min_claimant: Optional[float] = typer.Option(None, help="Exit 1 when claimant accuracy is below this."),
    min_claim_claimant: Optional[float] = typer.Option(None, help="Exit 1 when claim+claimant recall is below this."),
    min_territory_f1: Optional[float] = typer.Option(None, help="Exit 1 when territory-change F1 is below this."),
    places: bool = typer.Option(False, "--places", help="GOLD is a geoparsing gold (NAME_gold.jsonl, or a folder "
                                "of them): score place detection and resolution per corpus (recall, accuracy@161 km, "
                                "median error) on the articles NAME.jsonl beside it. Needs no database."),
    articles: Optional[Path] = typer.Option(None, "--articles", exists=True, dir_okay=False,
                                            help="With --places: the articles file (default NAME.jsonl beside GOLD)."),
) -> None:
    """Score extraction against a reference annotation: precision, recall and F1 of claims
    and territory changes, claimant accuracy, claim+claimant recall, the same by conflict,
    and the misses, extras and claimant differences with the rule behind each row.

    A gold folder is run first (with its index.jsonl metadata) into --db, or into a
    temporary database when --db is not given. With --places, GOLD is a geoparsing corpus
    (sitrep eval --places ../shared/geo scores each NAME_gold.jsonl in the folder).

    Example: sitrep eval ../shared/dev2 --no-lists
    """
    if places:
        from .evaluate_places import places_eval_command

        raise typer.Exit(places_eval_command(gold, articles, as_json=as_json, show_misses=lists))
    import tempfile

    from .evaluate import evaluate, format_report, gate_failures, load_gold_set, run_gold_set

    try:
        gold_set = load_gold_set(gold)
    except (OSError, ValueError, KeyError) as exc:
        one_line(err, "error:", f"cannot read the gold set {gold}: {exc}", "red")
        raise typer.Exit(2)
    with tempfile.TemporaryDirectory(prefix="sitrep-eval-") as tmp:
        if gold.is_dir():
            db = db or Path(tmp) / "eval.duckdb"
            progress = Progress(TextColumn("[bold]sitrep eval"), BarColumn(), MofNCompleteColumn(),
                                TimeElapsedColumn(), console=err, transient=True, disable=as_json)
            with progress:
                from .evaluate import gold_article_paths
                from .pipeline import total_inputs

                task = progress.add_task("articles", total=total_inputs(gold_article_paths(gold_set)))
                try:
                    summary = run_gold_set(gold_set, db, on_input=lambda n: progress.advance(task, n))
                except ValueError as exc:
                    one_line(err, "error:", exc, "red")
                    raise typer.Exit(2)
            for e in summary.errors:
                one_line(err, "skipped", e)
        db = db or Path("sitrep.duckdb")
        with _open_read(db) as store:
            report = evaluate(gold_set, store.iter_claims(), store.events())
    if as_json:
        print(json.dumps(report.as_dict(), indent=2, ensure_ascii=False))
    else:
        print(for_terminal_lines(format_report(report, show_lists=lists)))
    failures = gate_failures(report, min_f1=min_f1, min_claimant=min_claimant,
                             min_claim_claimant=min_claim_claimant, min_territory_f1=min_territory_f1)
    for f in failures:
        one_line(err, "below floor:", f, "red")
    if failures:
        raise typer.Exit(1)


@app.command(context_settings=CONTEXT)
def series(
    db: Path = DB_OPTION,
    quantity: Optional[str] = typer.Option(None, help="Only this quantity."),
    source: Optional[str] = typer.Option(None, help="Only claimants whose name contains this."),
    estimates: bool = typer.Option(False, "--estimates", help="Show low/best/high per quantity and date instead."),
    limit: int = typer.Option(40, help="Series (or estimates) to show."),
) -> None:
    """Each claimant's figures as a time series (one point per figure, with every outlet
    that reported it; wire copies count once), or UCDP-style low/best/high estimates.

    Example: sitrep series --quantity killed --source observatory
    """
    from .reconcile import reconcile

    with _open_read(db) as store:
        rec = reconcile(store, with_contradictions=False)
    table = Table(header_style="bold")
    if estimates:
        for col in ("date", "quantity", "category", "low", "best", "high", "best from", "rule"):
            table.add_column(col, overflow="fold")
        rows = [e for e in rec.estimates if not quantity or e.quantity == quantity][:limit]
        for e in rows:
            table.add_row(*(Text(str(c if c is not None else "")) for c in (
                e.as_of, e.quantity, e.category, e.low, e.best, e.high, e.best_source, e.best_rule)))
        out.print(table)
        return
    chosen = [s for s in rec.series if (not quantity or s.quantity == quantity)
              and (not source or source.lower() in (s.claimant or "").lower())]
    chosen.sort(key=lambda s: (-len(s.points), s.claimant or ""))
    for col in ("claimant", "quantity", "category", "scope", "points (date: value [reports])"):
        table.add_column(col, overflow="fold")
    for s in chosen[:limit]:
        pts = "  ->  ".join(f"{p.as_of or '?'}: {_fmt_point(p)} [{len(p.reports)}]" for p in s.points)
        table.add_row(*(Text(str(c)) for c in (s.claimant or "(no claimant)", s.quantity,
                                                s.category + (f"/{s.subgroup}" if s.subgroup else ""),
                                                s.scope.describe(), pts)))
    out.print(table)
    out.print(f"{len(chosen)} series ({min(len(chosen), limit)} shown); {len(rec.copies)} wire-copy groups counted once")


def _fmt_point(p) -> str:
    if p.value is not None:
        return f"{p.qualifier + ' ' if p.qualifier else ''}{p.value:,}"
    return f"{p.qualifier or ''} [{p.low}-{p.high if p.high is not None else ''}]"


@app.command(context_settings=CONTEXT)
def contradictions(
    db: Path = DB_OPTION,
    kind: Optional[str] = typer.Option(None, help="update, scope, category, partisan, genuine or control."),
    window: int = typer.Option(7, help="Days within which two figures are compared."),
    limit: int = typer.Option(40, help="Rows to show."),
) -> None:
    """Disagreements between figures (and control claims) with a reason: a later update, a
    different scope, fighters against everyone, a partisan claim, or a genuine conflict.

    Example: sitrep contradictions --kind partisan
    """
    from .reconcile import reconcile

    with _open_read(db) as store:
        rec = reconcile(store, window_days=window)
    rows = [c for c in rec.contradictions if not kind or c.kind == kind][:limit]
    for c in rows:
        out.print(Text(f"[{c.kind}] ", style="bold") + Text(c.explanation))
        for side in (c.a, c.b):
            out.print(Text(f"    {side.source or 'no claimant'} in {side.outlet or side.doc} "
                           f"({side.date or '?'}): {side.sentence}"))
    out.print(f"{len(rows)} contradictions shown")


@app.command(context_settings=CONTEXT)
def framing(
    db: Path = DB_OPTION,
    side: Optional[str] = typer.Option(None, help="opposition, government or foreign."),
    outlets: bool = typer.Option(False, "--outlets", help="One summary line per outlet, side by side."),
    limit: int = typer.Option(60, help="Rows to show."),
) -> None:
    """How each outlet labels each side ("rebels", "insurgents", "anti-regime forces",
    "terrorists"; "regime forces", "Syrian army"), with counts, loaded terms marked.

    Example: sitrep framing --side opposition
    """
    from .reconcile.framing import framing as framing_rows, outlet_summary

    with _open_read(db) as store:
        rows = framing_rows(store.iter_articles(with_text=True))
    if outlets:
        table = Table(header_style="bold")
        summaries = outlet_summary(rows)
        fields = [f for f in ("outlet", "n_articles", "loaded_share", "opposition", "government", "foreign")
                  if summaries and hasattr(summaries[0], f)]
        for f in fields:
            table.add_column(f, overflow="fold")
        for srow in summaries[:limit]:
            table.add_row(*(Text(_cell(getattr(srow, f))) for f in fields))
        out.print(table)
        return
    rows = [r for r in rows if not side or r.actor_side == side]
    rows.sort(key=lambda r: (r.actor_side, r.outlet, -r.count))
    table = Table(header_style="bold")
    for col in ("side", "outlet", "label", "count", "loaded", "example"):
        table.add_column(col, overflow="fold", max_width=60 if col == "example" else None)
    for r in rows[:limit]:
        example = r.examples[0][1] if r.examples else ""
        table.add_row(*(Text(str(c)) for c in (r.actor_side, r.outlet, r.label, r.count,
                                                "loaded" if r.loaded else "", example)))
    out.print(table)


def _cell(value) -> str:
    if isinstance(value, float):
        return f"{value:.0%}" if value <= 1 else f"{value:.1f}"
    if isinstance(value, (list, tuple)):
        return ", ".join(str(v) for v in value)
    return str(value)


@app.command(context_settings=CONTEXT)
def report(
    db: Path = DB_OPTION,
    output: Path = typer.Option(Path("report.html"), "-o", "--output", help="HTML file to write."),
    title: Optional[str] = typer.Option(None, help="Report title."),
    max_rows: int = typer.Option(2000, "--max-rows", help="Provenance rows and events embedded."),
) -> None:
    """Write a self-contained HTML situation report: headline figures, map, timeline,
    series charts, contradictions, framing and the provenance of every figure. It needs
    no network to view.

    Example: sitrep report -o report.html --db syria.duckdb
    """
    from .publish.report import write_report

    with _open_read(db) as store:
        stats = write_report(store, output, title=title, max_rows=max_rows)
    err.print(f"{output}: {stats.bytes / 1e6:.1f} MB in {stats.seconds:.1f}s; "
              f"{stats.n_claims_shown:,}/{stats.n_claims:,} figures, {stats.n_events_shown:,}/{stats.n_events:,} events")
    for note in stats.notes:
        err.print(Text(f"note: {note}"))


@app.command(context_settings=CONTEXT)
def serve(
    db: Path = DB_OPTION,
    host: str = typer.Option("127.0.0.1", "--host", help="Interface to listen on (local only by default)."),
    port: int = typer.Option(8750, "--port", help="Port."),
    allowed_host: list[str] = typer.Option([], "--allowed-host", help="Another host name to answer for "
                                           "(repeatable). Requests are answered only for localhost, 127.0.0.1, "
                                           "::1, --host and these, so that no other site's page can read or "
                                           "add to the record through its own name (DNS rebinding)."),
) -> None:
    """Serve the record as web pages and a JSON API (/api, docs at /docs): articles, claims,
    events, series, contradictions, framing, search, and a form to add articles. It keeps
    serving while `sitrep run` writes the file, answering 503 with what to do meanwhile,
    and lets go of the file whenever a run waits to write it.

    Example: sitrep serve --db sitrep.duckdb --port 8750
    """
    from .publish.web import serve_command

    raise typer.Exit(serve_command(db, host, port, allowed_host))


@app.command(context_settings=CONTEXT)
def demo(
    db: Path = DB_OPTION,
    jobs: int = typer.Option(1, "--jobs", "-j", min=1, help="Worker processes for NLP."),
    output: Path = typer.Option(Path("report.html"), "-o", "--output", help="HTML report to write."),
) -> None:
    """Run the bundled sample corpus (8 articles about the Nov-Dec 2024 offensive in Syria)
    end to end into the database, write the HTML report, and print a summary and the score
    against the sample's reference annotation.

    Example: sitrep demo && sitrep claims --quantity killed
    """
    from .demo import run_demo

    run_demo(db, jobs=jobs, console=out, report=output)


@app.command(context_settings=CONTEXT)
def bench(
    sizes: str = typer.Option("100,400", help="Corpus sizes (articles), comma-separated."),
    jobs: int = typer.Option(2, "--jobs", "-j", min=1, help="Worker processes for NLP."),
    baseline: bool = typer.Option(True, help="Also time one plain full spaCy pass for comparison."),
    as_json: bool = typer.Option(False, "--json", help="Print the report as JSON."),
    one_line_mb: Optional[float] = typer.Option(None, "--one-line-mb", help="Instead: seconds to clean and "
                                                "split this many MB of generated news on one single line."),
) -> None:
    """Measure end-to-end throughput (articles/s) and peak memory on generated corpora of
    distinct ~800-word articles, one fresh process per size; or, with --one-line-mb, how
    long cleaning and sentence splitting take on one huge line.

    Example: sitrep bench --sizes 100,400,1600 --jobs 2
    """
    from .bench import bench as run_bench, bench_one_line

    if one_line_mb is not None:
        result = bench_one_line(one_line_mb)
        print(json.dumps(result, indent=2) if as_json else
              f"{result['one_line_chars']:,} characters on one line: cleaned in {result['clean_seconds']} s, "
              f"split into {result['sentences']:,} sentences in {result['split_seconds']} s")
        return

    try:
        size_list = [int(x) for x in sizes.split(",") if x.strip()]
    except ValueError:
        raise typer.BadParameter("--sizes must be integers like 100,400")
    report = run_bench(size_list, jobs, baseline=baseline)
    if as_json:
        print(json.dumps(report, indent=2))
        return
    table = Table(header_style="bold")
    for col in ("articles", "words", "seconds", "articles/s", "words/s", "peak MB", "claims",
                "reconcile s", "reconcile ms/article", "reconcile peak MB"):
        table.add_column(col, justify="right")
    for r in report["sizes"]:
        table.add_row(*(str(x) for x in (r["articles"], r["words"], r["seconds"], r["articles_per_s"],
                                         r["words_per_s"], r["peak_rss_mb"], r["claims"],
                                         r["reconcile_seconds"], r["reconcile_ms_per_article"],
                                         r["reconcile_peak_rss_mb"])))
    out.print(table)
    if "spacy_full_pass_articles_per_s_one_core" in report:
        out.print(f"plain full spaCy pass: {report['spacy_full_pass_articles_per_s_one_core']} articles/s "
                  f"on one core ({jobs} jobs above)")


def _examples_last(*typers: typer.Typer) -> None:
    """Move each command's "Example:" line from its description to the end of its help."""
    for t in typers:
        for info in t.registered_commands:
            doc = info.callback.__doc__ or ""
            lines = doc.strip("\n").splitlines()
            example = next((ln.strip() for ln in lines if ln.strip().startswith("Example:")), None)
            if example and not info.epilog:
                info.epilog = example
                info.help = "\n".join(ln for ln in lines if ln.strip() != example).strip()


_examples_last(app, export_app, gazetteer_app)


def main() -> None:
    app()


if __name__ == "__main__":
    main()
