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
from .records import CATEGORIES, EVENT_TYPES, QUANTITIES
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
DB_OPTION = typer.Option("sitrep.duckdb", "--db", help="DuckDB database file; commands that only read also take "
                         "a Parquet dataset folder written by `sitrep run --dask --out DIR`.")
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


def _open_read(db: Path, *, reconciled: bool = False):
    """The database opened read-only. ``reconciled``: the command reads the stored
    cross-source results, so they are brought up to date first when they are not (a
    database of an older version, a run interrupted before its reconcile stage), through
    a write connection, with a note saying so; a dataset folder's are computed in memory."""
    from .store import StoreError, StoreOutdated, open_db

    if not Path(db).exists():
        one_line(err, "error:", f"no database at {db}; create one with `sitrep run PATH --db {db}`", "red")
        raise typer.Exit(2)
    try:
        store = open_db(db, read_only=True)
    except StoreOutdated as exc:  # an older schema: migrated below when this command needs the results
        if not reconciled:
            one_line(err, "error:", exc, "red")
            raise typer.Exit(2)
        reason = f"database {db} is of an older version"
    except StoreError as exc:  # locked by another process, a dataset folder, an old schema
        one_line(err, "error:", exc, "red")
        raise typer.Exit(2)
    else:
        if not reconciled:
            return store
        from .reconcile import stale_reason  # light: the stage itself is imported only if needed

        reason = stale_reason(store)
        if reason is None:
            return store
        if store.is_dataset:  # read in place: its results live in memory, computed on open
            from .reconcile import reconcile

            reconcile(store)
            return store
        store.close()
    return _reconcile_then_read(db, reason)


def _reconcile_then_read(db: Path, reason: str):
    from .reconcile import reconcile
    from .store import StoreError, open_db

    try:
        with open_db(db) as writable:
            done = reconcile(writable)
    except StoreError as exc:
        one_line(err, "error:", f"{reason}, and they cannot be brought up to date: {exc}", "red")
        raise typer.Exit(2)
    one_line(err, "note:", f"{reason}; brought up to date first: {done.line()}", "yellow")
    try:
        return open_db(db, read_only=True)
    except StoreError as exc:
        one_line(err, "error:", exc, "red")
        raise typer.Exit(2)


@app.callback(invoke_without_command=True)
def _main(version: bool = typer.Option(False, "--version", help="Show the version and exit.")) -> None:
    if version:
        out.print(f"sitrep {__version__}")
        raise typer.Exit()


def _n(count: int, word: str, plural: str | None = None) -> str:
    """'1 article', '2 articles', '1,200 claims'."""
    return f"{count:,} {word if count == 1 else (plural or word + 's')}"


# Doc ids listed by name in a run's notes before "and N more".
NOTE_IDS = 4


def _ids(docs: list[str]) -> str:
    shown = ", ".join(docs[:NOTE_IDS])
    return shown + (f" and {len(docs) - NOTE_IDS:,} more" if len(docs) > NOTE_IDS else "")


def _choice(value: Optional[str], valid, option: str) -> Optional[str]:
    """``value`` when it is one of ``valid``; else a usage error (exit 2) listing them."""
    if value is None or value in valid:
        return value
    raise typer.BadParameter(f"{value!r} is not one of: {', '.join(valid)}", param_hint=option)


def _ensure_gazetteer(quiet: bool) -> None:
    """Build the gazetteer index on the first run on a machine, saying so, with progress."""
    from .extract.gazetteer import ensure_index, index_path, index_ready

    if index_ready():
        return
    err.print(f"Building the gazetteer index (once per machine) into {index_path().parent} ...")
    progress = Progress(TextColumn("[bold]gazetteer"), BarColumn(), MofNCompleteColumn(),
                        TimeElapsedColumn(), console=err, disable=quiet, transient=True)
    with progress:
        task = progress.add_task("places", total=None)
        ensure_index(lambda done, total: progress.update(task, completed=done, total=total))
    err.print("Gazetteer index ready.")


def run_notes(summary, db: Path) -> list[str]:
    """What the user should know after a run: articles with no or an inferred date, no
    outlet, and how to give them."""
    notes = []
    if summary.updated:
        given = ", ".join(f"{name} for {n:,}" for name, n in sorted(summary.corrected.items()))
        notes.append(f"{_n(summary.updated, 'stored article')} updated with the metadata given ({given}); "
                     "their claims and events were extracted again.")
    if summary.undated:
        notes.append(f"{_n(len(summary.undated), 'article')} {'has' if len(summary.undated) == 1 else 'have'} "
                     f"no publication date ({_ids(summary.undated)}): their figures and events have no date, so "
                     "they are left out of series, estimates, contradictions, `--since`/`--until` and the "
                     "report's timeline.")
    if summary.inferred:
        notes.append(f"{_n(len(summary.inferred), 'article')} {'has' if len(summary.inferred) == 1 else 'have'} "
                     f"a publication date inferred from the latest date the text names ({_ids(summary.inferred)}); "
                     "check it with `sitrep report` or the article page.")
    if summary.undated or summary.inferred:
        notes.append(f"To give dates: --date YYYY-MM-DD, a \"published\" field per JSONL line, or --index FILE "
                     f"with one per file; re-run `sitrep run PATH... --db {db}` with them and the stored articles "
                     "are updated.")
    if summary.no_outlet:
        notes.append(f"{_n(len(summary.no_outlet), 'article')} {'has' if len(summary.no_outlet) == 1 else 'have'} "
                     f"no outlet ({_ids(summary.no_outlet)}): each counts as its own outlet in series and framing. "
                     "Give one with --outlet NAME, an \"outlet\" or \"url\" field per JSONL line, or --index FILE.")
    return notes


@app.command(context_settings=CONTEXT)
def run(
    paths: Optional[list[str]] = typer.Argument(None, help="Files or folders: .txt, .html/.htm, .jsonl "
                                                "(none with --reprocess: every stored article); with --dask also "
                                                "fsspec URLs (s3://bucket/articles/)."),
    db: Path = DB_OPTION,
    outlet: Optional[str] = typer.Option(None, help="Outlet name for inputs that do not say."),
    published: Optional[str] = typer.Option(None, "--date", help="Publication date (YYYY-MM-DD) for inputs that do not say "
                                            "(or whose date was only inferred)."),
    jobs: int = typer.Option(1, "--jobs", "-j", min=1, help="Worker processes for NLP."),
    max_mb: float = typer.Option(5.0, "--max-mb", help="Skip input files larger than this (MB)."),
    index: Optional[Path] = typer.Option(None, "--index", exists=True, dir_okay=False,
                                         help="JSONL of per-file metadata: {\"file\", \"outlet\", \"published\", \"title\", \"url\"}."),
    reprocess: bool = typer.Option(False, "--reprocess", help="Extract stored articles again with the current code, "
                                   "lexicons and gazetteer (after `sitrep gazetteer import` or an upgrade); "
                                   "ids stay, rows are replaced per article in one transaction."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar."),
    dask: Optional[str] = typer.Option(None, "--dask", metavar="ADDRESS",
                                       help="Run on a Dask cluster: a scheduler address (tcp://host:8786) or local:N "
                                       "to start N local workers; writes a Parquet dataset to --out instead of --db "
                                       "(needs pip install \"sitrep[cluster]\")."),
    out_dir: Optional[str] = typer.Option(None, "--out", metavar="DIR",
                                          help="With --dask: the dataset's folder or fsspec URL (s3://bucket/run); "
                                          "load it with `sitrep load DIR --db FILE`, or read it with --db DIR."),
    shard_articles: int = typer.Option(0, "--shard-articles", min=0,
                                       help="With --dask: articles per task (0: the default, "
                                       "sitrep.cluster.plan.SHARD_ARTICLES)."),
) -> None:
    """Ingest articles and extract claims and events into the database.

    Re-running on the same input changes nothing, except that metadata given now
    (--outlet, --date, JSONL fields, --index) corrects the stored articles it differs from.
    The summary says which articles lack a date or an outlet and how to give them. Inputs
    that cannot be read (or stored) get one `skipped` line each on stderr, the rest of the
    run goes on, and the exit status is 1; an article stored with something left out (stray
    bytes dropped, a JSONL field that is not usable) gets a `note` line. Once the articles
    are stored, the cross-source results (copies, series, estimates, contradictions,
    stories, framing) are brought up to date, recomputing only what the run's articles
    touch (docs/reconcile.md).

    With --dask ADDRESS --out DIR the same stages run as tasks on a Dask cluster, one per
    shard of the inputs (files, and line ranges of large JSONL files), writing Parquet to
    DIR: sitrep run articles/ --dask local:2 --out out/ && sitrep load out/ --db syria.duckdb

    Example: sitrep run ~/articles/ extra.jsonl --db syria.duckdb --jobs 2
    """
    from .pipeline import run as run_pipeline, total_inputs
    from .store import StoreError

    if dask is not None:
        raise typer.Exit(_run_dask(paths or [], dask, out_dir, outlet=outlet, published=published, max_mb=max_mb,
                                   index=index, reprocess=reprocess, shard_articles=shard_articles, quiet=quiet))
    if out_dir is not None:
        raise typer.BadParameter("--out goes with --dask (a run on one machine writes --db)", param_hint="--out")
    if not paths and not reprocess:
        raise typer.BadParameter("give files or folders to read, or --reprocess to extract the stored "
                                 "articles again", param_hint="PATHS")
    when = _parse_date(published, "--date")
    metadata = None
    if index is not None:
        from .ingest import load_index

        metadata = load_index(index)
        if not isinstance(metadata, dict):
            one_line(err, "error:", metadata, "red")
            raise typer.Exit(2)
    if reprocess and not paths and not Path(db).exists():
        err.print(f"error: no database at {db} to reprocess")
        raise typer.Exit(2)
    _ensure_gazetteer(quiet)
    progress = Progress(TextColumn("[bold]sitrep run"), BarColumn(), MofNCompleteColumn(),
                        TimeElapsedColumn(), console=err, disable=quiet, transient=False)
    try:
        with progress:
            total = total_inputs(paths) if paths else None
            task = progress.add_task("inputs", total=total)
            summary = run_pipeline(
                paths or [], db, outlet=outlet, published=when, jobs=jobs, max_bytes=int(max_mb * 1_000_000),
                index=metadata, reprocess=reprocess,
                on_input=lambda n: progress.advance(task, n),
                on_error=lambda e: one_line(progress.console, "skipped", e),
                on_note=lambda n: one_line(progress.console, "note", n, "cyan"),
            )
    except StoreError as exc:  # locked by another process, or a dataset folder (read-only)
        one_line(err, "error:", exc, "red")
        raise typer.Exit(2)
    parts = [f"{summary.new:,} new", f"{summary.unchanged:,} unchanged"]
    if summary.updated:
        parts.append(f"{summary.updated:,} updated")
    if summary.reprocessed:
        parts.append(f"{summary.reprocessed:,} re-extracted")
    out.print(Text(
        f"{_n(summary.articles, 'article')} ({', '.join(parts)}), {_n(summary.claims, 'claim')}, "
        f"{_n(summary.events, 'event')}, {_n(len(summary.errors), 'input')} skipped "
        f"in {summary.seconds:.1f}s -> {db}"))
    if summary.reconciled is not None and summary.reconciled.did_something:
        out.print(Text(f"Cross-source results: {summary.reconciled.line()}"))
    for note in run_notes(summary, db):
        out.print(Text("note: ", style="yellow") + Text(note))
    if summary.errors:
        raise typer.Exit(1)


def _run_dask(paths: list[str], address: str, out_dir: Optional[str], *, outlet: Optional[str],
              published: Optional[str], max_mb: float, index: Optional[Path], reprocess: bool,
              shard_articles: int, quiet: bool) -> int:
    """`sitrep run --dask`: the exit status (1 when any input failed, as on one machine)."""
    from .cluster import missing_extra

    if reprocess:
        raise typer.BadParameter("--reprocess extracts a database's stored articles on this machine; "
                                 "on a cluster, run the inputs again and `sitrep load --replace`", param_hint="--dask")
    if not paths:
        raise typer.BadParameter("give files, folders or URLs to read", param_hint="PATHS")
    if not out_dir:
        raise typer.BadParameter("--dask writes a Parquet dataset: give its folder with --out DIR", param_hint="--out")
    missing = missing_extra()
    if missing:
        err.print(f"error: --dask needs {', '.join(missing)}: pip install \"sitrep[cluster]\"")
        return 2
    from .cluster.driver import parse_address, run_dask

    try:
        kind, _ = parse_address(address)
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="--dask")
    local = [p for p in [*paths, out_dir] if "://" not in p]
    if kind == "remote" and local:
        one_line(err, "note:", f"workers read and write {', '.join(local)} on their own machines: "
                 "give folders they all see at the same path, or URLs (s3://...).")
    when = _parse_date(published, "--date")
    metadata = None
    if index is not None:
        from .ingest import load_index

        metadata = load_index(index)
        if not isinstance(metadata, dict):
            one_line(err, "error:", metadata, "red")
            return 2
    _ensure_gazetteer(quiet)  # local workers share this machine's index
    from .cluster.plan import SHARD_ARTICLES

    progress = Progress(TextColumn("[bold]sitrep run --dask"), BarColumn(), TextColumn("{task.completed:,} inputs"),
                        TextColumn("{task.fields[shards]} shards"), TimeElapsedColumn(), console=err, disable=quiet)
    with progress:
        task = progress.add_task("inputs", total=None, shards=0)

        def shard_done(result) -> None:
            progress.advance(task, result.inputs)
            progress.update(task, shards=progress.tasks[0].fields["shards"] + 1)

        summary = run_dask(paths, out_dir, address, outlet=outlet, published=when, max_bytes=int(max_mb * 1_000_000),
                           index=metadata, shard_articles=shard_articles or SHARD_ARTICLES, on_shard=shard_done,
                           on_error=lambda e: one_line(progress.console, "skipped", e),
                           on_note=lambda n: one_line(progress.console, "note", n, "cyan"))
    per_article = f", {summary.bytes / summary.articles / 1000:.1f} kB/article" if summary.articles else ""
    retried = f"{_n(summary.retried, 'shard')} retried" + (f", {summary.failed:,} failed" if summary.failed else "")
    out.print(Text(
        f"{_n(summary.articles, 'article')}, {_n(summary.claims, 'claim')}, {_n(summary.events, 'event')}, "
        f"{_n(len(summary.errors), 'input')} skipped; {_n(summary.shards, 'shard')} on "
        f"{_n(summary.workers, 'worker')}, {retried}; in {summary.seconds:.1f}s -> {summary.out} "
        f"(Parquet, {summary.bytes / 1e6:.1f} MB{per_article})"))
    for note in run_notes(summary, summary.out):
        out.print(Text("note: ", style="yellow") + Text(note))
    out.print(Text(f"Merge it into a database with `sitrep load {out_dir} --db FILE`, or read it in place "
                   f"with --db {out_dir} (report, serve, export)."))
    return 1 if summary.errors else 0


@app.command(context_settings=CONTEXT)
def load(
    dataset: str = typer.Argument(..., help="Folder or fsspec URL of a Parquet dataset written by "
                                  "`sitrep run --dask --out`."),
    db: Path = DB_OPTION,
    replace: bool = typer.Option(False, "--replace", help="Replace every stored article the dataset holds with the "
                                 "dataset's rows (after running the inputs again with new code)."),
) -> None:
    """Merge a Parquet dataset written by `sitrep run --dask` into the database, a few
    shards per transaction: articles not stored are added with their claims, events and
    places; stored ones whose row differs and is older are replaced; the rest are left
    alone, so loading again adds nothing. Input errors are recorded once. The search index
    beside the database is caught up at the end. Then the reconcile stage brings the stored
    cross-source results (series, contradictions, framing, stories) up to date, as after
    `sitrep run`.

    Example: sitrep load out/ --db sitrep.duckdb
    """
    from .store import StoreError, open_db
    from .cluster.load import load_dataset
    from .store.parquet import DatasetError, is_url

    if not is_url(dataset) and not Path(dataset).is_dir():
        one_line(err, "error:", f"no dataset folder at {dataset}; write one with "
                 f"`sitrep run PATH --dask local:2 --out {dataset}`", "red")
        raise typer.Exit(2)
    try:
        with open_db(db) as store:
            summary = load_dataset(store, dataset, replace=replace)
            store.search_index()  # the search index caught up with what was merged, once, here
    except (DatasetError, StoreError) as exc:  # StoreLockedError: another process holds the file
        one_line(err, "error:", exc, "red")
        raise typer.Exit(2)
    out.print(Text(
        f"{_n(summary.articles, 'article')} in {_n(summary.shards, 'shard')} ({summary.new:,} new, "
        f"{summary.replaced:,} replaced, {summary.unchanged:,} unchanged), {_n(summary.claims, 'claim')} and "
        f"{_n(summary.events, 'event')} added, {_n(summary.errors, 'input error')} recorded "
        f"in {summary.seconds:.1f}s -> {db}"))
    if summary.reconciled is not None and summary.reconciled.did_something:
        out.print(Text(f"Cross-source results: {summary.reconciled.line()}"))


@app.command("reconcile", context_settings=CONTEXT)
def reconcile_cmd(
    db: Path = DB_OPTION,
    full: bool = typer.Option(False, "--full", help="Recompute everything instead of only what new, changed or "
                              "removed articles touch."),
) -> None:
    """Bring the stored cross-source results (wire copies, series, estimates,
    contradictions, stories, framing) up to date with the articles. `sitrep run`, `load`,
    `watch` and the web app's add form run this stage after they write, recomputing only
    what their articles touch; the commands that read the results run it first when they
    find them out of date. Run it by hand after an upgrade, or with --full to start over.

    Example: sitrep reconcile --db syria.duckdb
    """
    from .reconcile import reconcile
    from .store import StoreError, open_db

    if not Path(db).exists():
        one_line(err, "error:", f"no database at {db}; create one with `sitrep run PATH --db {db}`", "red")
        raise typer.Exit(2)
    try:
        with open_db(db) as store:
            done = reconcile(store, full=full)
    except StoreError as exc:  # locked by another process, or a dataset folder (read-only)
        one_line(err, "error:", exc, "red")
        raise typer.Exit(2)
    out.print(Text(done.line() if done.did_something else f"{done.line()}; nothing to do"))


def _table(*columns: tuple[str, int | None]) -> Table:
    """A table that fits the terminal: columns with a ratio share the width and wrap; the
    others (dates, counts, short codes) keep their natural width on one line."""
    table = Table(header_style="bold", expand=True)
    for name, ratio in columns:
        justify = "right" if name in _NUMERIC else "left"
        if ratio is None:
            table.add_column(Text(name), no_wrap=True, justify=justify)
        else:
            table.add_column(Text(name), overflow="fold", ratio=ratio, justify=justify)
    return table


_NUMERIC = frozenset({"figure", "uses", "mentions", "articles", "low", "best", "high"})


def _figure(r) -> str:
    """'at least 602', '1,600', 'dozens [24-99]'."""
    if r.value is not None:
        return f"{r.qualifier + ' ' if r.qualifier else ''}{r.value:,}"
    text = r.qualifier or ""
    if r.low is not None:
        text += f" [{r.low:,}-{r.high:,}]" if r.high is not None else f" [{r.low:,}+]"
    return text.strip() or "?"


def _flags(r) -> str:
    return " ".join(f for f, on in (("historical", r.historical), ("unverified", r.unverified)) if on)


def _shown(n_shown: int, total: int | None, word: str, limit: int) -> str:
    """'50 claims shown of 212 (raise --limit to see more)'."""
    if total is not None and total > n_shown:
        return f"{_n(n_shown, word)} shown of {total:,} (--limit {limit}; raise it to see more)"
    return f"{_n(n_shown, word)} shown"


@app.command(context_settings=CONTEXT)
def claims(
    db: Path = DB_OPTION,
    quantity: Optional[str] = typer.Option(None, help=f"One of: {', '.join(QUANTITIES)}."),
    category: Optional[str] = typer.Option(None, help=f"One of: {', '.join(CATEGORIES)}."),
    source: Optional[str] = typer.Option(None, help="Claimant: any part of its canonical name or of the text as written, any case."),
    doc: Optional[str] = typer.Option(None, help="Article id."),
    outlet: Optional[str] = typer.Option(None, help="Outlet: any part of its name, any case."),
    limit: int = typer.Option(50, min=1, help="Rows to show."),
    as_json: bool = typer.Option(False, "--json", help="JSON lines instead of a table."),
) -> None:
    """Show extracted claims: article, figure, what, claimant (with historical and
    unverified flags) and the sentence.

    Example: sitrep claims --quantity killed --source observatory
    """
    from .store.queries import claim_query

    _choice(quantity, QUANTITIES, "--quantity")
    _choice(category, CATEGORIES, "--category")
    filters = dict(quantity=quantity, category=category, source=source, doc=doc, outlet=outlet)
    with _open_read(db) as store:
        rows = store.claims(**filters, limit=limit)
        total = _count(store, claim_query(**filters))
    if as_json:
        from .publish.export import export_rows

        export_rows(rows, sys.stdout, "jsonl")
        return
    table = _table(("article", 2), ("figure", 1), ("what", 2), ("claimant", 2), ("sentence", 6))
    table.show_lines = True
    for r in rows:
        # Article text is untrusted: Text() cells are never read as console markup.
        article = f"{r.doc}\n{r.as_of or r.published or 'undated'}\n{r.outlet or 'outlet unknown'}"
        what = f"{r.quantity} {r.category}" + (f" ({r.subgroup})" if r.subgroup else "")
        if _flags(r):
            what += f"\n[{_flags(r)}]"
        claimant = (r.source or "no claimant") + (f"\n({r.source_kind})" if r.source else "")
        table.add_row(*(Text(c) for c in (article, _figure(r), what, claimant, r.sentence)))
    out.print(table)
    out.print(_shown(len(rows), total, "claim", limit))


def _count(store, query) -> int:
    sql, params = query
    row = store.connection.execute(f"SELECT count(*) FROM ({sql})", params).fetchone()
    return int(row[0]) if row else 0


@app.command(context_settings=CONTEXT)
def events(
    db: Path = DB_OPTION,
    type: Optional[str] = typer.Option(None, "--type", help=f"One of: {', '.join(EVENT_TYPES)}."),
    place: Optional[str] = typer.Option(None, help="Place: any part of the gazetteer name or the place as written, any case."),
    doc: Optional[str] = typer.Option(None, help="Article id."),
    since: Optional[str] = typer.Option(None, help="Events on or after this date (YYYY-MM-DD); undated events are left out."),
    until: Optional[str] = typer.Option(None, help="Events on or before this date (YYYY-MM-DD)."),
    limit: int = typer.Option(50, min=1, help="Rows to show."),
    as_json: bool = typer.Option(False, "--json", help="JSON lines instead of a table."),
) -> None:
    """Show extracted events: date, type, actors and sides, place with coordinates, claimant.

    Example: sitrep events --type territory_change --since 2024-12-01
    """
    from .store.queries import event_query

    _choice(type, EVENT_TYPES, "--type")
    filters = dict(type=type, place=place, doc=doc, since=_parse_date(since, "--since"),
                   until=_parse_date(until, "--until"))
    with _open_read(db) as store:
        rows = store.events(**filters, limit=limit)
        total = _count(store, event_query(**filters))
    if as_json:
        from .publish.export import export_rows

        export_rows(rows, sys.stdout, "jsonl")
        return
    table = _table(("date", None), ("type", 2), ("actors", 3), ("place", 3), ("claimant", 2), ("sentence", 6))
    table.show_lines = True
    for r in rows:
        where = r.place or "-"
        where += f"\n{r.lat:.2f},{r.lon:.2f} p{r.geo_precision}" if r.lat is not None else "\nunresolved"
        when = f"{r.date or 'undated'}" + ("\n(pub.)" if r.date_rule == "publication" else "")
        actor = f"{r.actor1 or '-'}" + (f" [{r.actor1_side}]" if r.actor1_side else "")
        if r.actor2:
            actor += f"\nvs {r.actor2}" + (f" [{r.actor2_side}]" if r.actor2_side else "")
        if r.winner:
            actor += f"\nwinner: {r.winner}"
        cells = (when, r.type.replace("_", " "), actor, where, r.source or "-", r.sentence)
        table.add_row(*(Text(str(c)) for c in cells))
    out.print(table)
    out.print(_shown(len(rows), total, "event", limit))


@app.command(context_settings=CONTEXT)
def places(
    db: Path = DB_OPTION,
    doc: Optional[str] = typer.Option(None, help="Article id."),
    unresolved: bool = typer.Option(False, "--unresolved", help="Only mentions with no coordinates or precision 3."),
    limit: int = typer.Option(100, min=1, help="Places to show."),
) -> None:
    """Show the places articles name and how they resolved: gazetteer match (precision 1),
    anchored near a named place (2), province only (3), or unresolved. Repeated mentions of
    one place resolved the same way are one row, with their count and articles.

    Example: sitrep places --unresolved
    """
    with _open_read(db) as store:
        mentions = store.place_mentions(doc=doc)
    if unresolved:  # countries are context, not places an event can have
        mentions = [r for r in mentions if r.rule != "country" and (r.lat is None or (r.precision or 9) >= 3)]
    groups: dict[tuple, list] = {}
    for m in mentions:
        key = (m.text, m.name, m.country, m.lat, m.lon, m.precision, m.rule)
        groups.setdefault(key, []).append(m)
    ordered = sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0][0].lower()))
    table = _table(("as written", 3), ("resolved to", 3), ("country", None), ("lat, lon", None),
                   ("precision", None), ("rule", 3), ("mentions", None), ("articles", None))
    for (text, name, country, lat, lon, precision, rule), ms in ordered[:limit]:
        geo = f"{lat:.3f}, {lon:.3f}" if lat is not None else "-"
        docs = {m.doc for m in ms}
        cells = (text, name or "-", country or "-", geo, precision or "-", rule, f"{len(ms):,}", f"{len(docs):,}")
        table.add_row(*(Text(str(c)) for c in cells))
    out.print(table)
    shown = ordered[:limit]
    resolved = sum(len(ms) for (*_, precision, _rule), ms in shown if precision in (1, 2))
    n_mentions = sum(len(ms) for _, ms in shown)
    line = (f"{_n(len(shown), 'place')} shown ({_n(n_mentions, 'mention')}, {resolved:,} at precision 1 or 2)")
    if len(ordered) > limit:
        line += f"; {len(ordered) - limit:,} more not shown (--limit {limit}; raise it to see more)"
    out.print(line)


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
    out.print(f"{_n(n, 'place')} imported into {extra_db_path()}")
    out.print("Articles already stored keep their places until they are extracted again: "
              "sitrep run --reprocess --db FILE")


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
    _export_stored(db, fmt, output, lambda store: store.estimates() if estimates else store.series_rows(), raw_csv)


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
    from .records.contradictions import to_rows

    _export_stored(db, fmt, output, lambda store: to_rows(store.contradictions()), raw_csv)


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
    _export_stored(db, fmt, output, lambda store: store.framing(), raw_csv)


@export_app.command("stories", context_settings=CONTEXT)
def export_stories_cmd(
    db: Path = DB_OPTION,
    fmt: str = typer.Option("jsonl", "--format", "-f", help="jsonl or csv."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="File to write (default: stdout)."),
    raw_csv: bool = RAW_CSV_OPTION,
) -> None:
    """Export stories: articles about the same events (same event at a place, places or
    actors together in a few days), with their dates, places, event types and outlets.

    Example: sitrep export stories --format csv -o stories.csv
    """
    _export_stored(db, fmt, output, lambda store: store.stories(), raw_csv)


def _export_stored(db: Path, fmt: str, output: Optional[Path], read, raw_csv: bool = False) -> None:
    """Write rows of the stored cross-source results (``read(store)``) as JSON lines or CSV."""
    from .publish.export import export_rows

    if fmt not in ("jsonl", "csv"):
        raise typer.BadParameter("--format must be jsonl or csv")
    with _open_read(db, reconciled=True) as store:
        rows = read(store)
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
    quantity: Optional[str] = typer.Option(None, help=f"One of: {', '.join(QUANTITIES)}."),
    source: Optional[str] = typer.Option(None, help="Claimant: any part of its name, any case."),
    estimates: bool = typer.Option(False, "--estimates", help="Show low/best/high per quantity and date instead."),
    limit: int = typer.Option(40, min=1, help="Series (or estimates) to show."),
) -> None:
    """Each claimant's figures as a time series (one point per figure, with every outlet
    that reported it; wire copies count once), or UCDP-style low/best/high estimates.

    Example: sitrep series --quantity killed --source observatory
    """
    _choice(quantity, QUANTITIES, "--quantity")
    with _open_read(db, reconciled=True) as store:
        if estimates:
            chosen, total = store.estimates_page(quantity=quantity, limit=limit)
        else:
            shown, total = store.series_lines(quantity=quantity, source=source, limit=limit, last=SERIES_POINTS)
            n_copy_groups = store.copy_group_count()
    if estimates:
        table = _table(("date", None), ("quantity", None), ("category", 2), ("scope", 3), ("low", None),
                       ("best", None), ("high", None), ("best from", 3))
        for e in chosen:
            scope = e.scope_text if e.scope != "current" else ""
            table.add_row(*(Text(str(c)) for c in (
                e.as_of or "", e.quantity, e.category + (f" ({e.subgroup})" if e.subgroup else ""), scope,
                _num(e.low), _num(e.best), _num(e.high), e.best_source or "")))
        out.print(table)
        rules = list(dict.fromkeys(e.best_rule for e in chosen if e.best_rule))
        for rule in rules:
            out.print(Text("rule: ", style="bold") + Text(rule))
        out.print(_shown(len(chosen), total, "estimate", limit))
        return
    table = _table(("claimant", 2), ("quantity", None), ("category", 2), ("scope", 2),
                   ("points (date: value [reports])", 5))
    for s in shown:
        pts = "  ->  ".join(f"{p.as_of or '?'}: {_fmt_point(p)} [{p.n_reports}]" for p in s.points)
        if s.n_points > len(s.points):
            pts = f"({s.n_points - len(s.points):,} earlier points; `sitrep export series` has them all)  ->  {pts}"
        table.add_row(*(Text(str(c)) for c in (s.claimant or "(no claimant)", s.quantity,
                                                s.category + (f"/{s.subgroup}" if s.subgroup else ""),
                                                s.scope_text, pts)))
    out.print(table)
    out.print(f"{_shown(len(shown), total, 'series', limit).replace('seriess', 'series')}; "
              f"{_n(n_copy_groups, 'wire-copy group')} counted once")


# Points of a series shown in `sitrep series` (the latest): a claimant's series over months
# can hold thousands, more than a terminal shows usefully.
SERIES_POINTS = 12


def _num(value) -> str:
    return "" if value is None else f"{value:,}"


def _fmt_point(p) -> str:
    if p.value is not None:
        return f"{p.qualifier + ' ' if p.qualifier else ''}{p.value:,}"
    return f"{p.qualifier or ''} [{_num(p.low)}-{_num(p.high)}]"


@app.command(context_settings=CONTEXT)
def contradictions(
    db: Path = DB_OPTION,
    kind: Optional[str] = typer.Option(None, help="One of: update, scope, category, partisan, genuine, control."),
    window: int = typer.Option(7, min=0, help="Days within which two figures are compared. The stored results "
                               "are for 7 days; another window is computed from the stored series (slower)."),
    limit: int = typer.Option(40, min=1, help="Rows to show."),
) -> None:
    """Disagreements between figures (and control claims) with a reason: a later update, a
    different scope, fighters against everyone, a partisan claim, or a genuine conflict.

    Example: sitrep contradictions --kind partisan
    """
    from .reconcile import DEFAULT_WINDOW_DAYS, contradictions_for_window
    from .records.contradictions import KINDS

    _choice(kind, KINDS, "--kind")
    with _open_read(db, reconciled=True) as store:
        if window == DEFAULT_WINDOW_DAYS:
            found, total = store.contradictions_page(kind=kind, limit=limit)
        else:
            found = [c for c in contradictions_for_window(store, window) if not kind or c.kind == kind]
            total = len(found)
    for c in found[:limit]:
        out.print(Text(f"[{c.kind}] ", style="bold") + Text(c.explanation))
        for side in (c.a, c.b):
            out.print(Text(f"    {side.source or 'no claimant'} in {side.outlet or side.doc} "
                           f"({side.date or 'undated'}): {side.sentence}"))
    out.print(_shown(min(len(found), limit), total, "contradiction", limit))


@app.command(context_settings=CONTEXT)
def framing(
    db: Path = DB_OPTION,
    side: Optional[str] = typer.Option(None, help="One of: opposition, government, foreign, other."),
    outlets: bool = typer.Option(False, "--outlets", help="One summary line per outlet, side by side."),
    limit: int = typer.Option(60, min=1, help="Rows to show."),
) -> None:
    """How each outlet labels each side ("rebels", "insurgents", "anti-regime forces",
    "terrorists"; "regime forces", "Syrian army"), with counts, loaded terms marked, and
    how many uses were inside a quotation (the quoted speaker's label, not the outlet's).

    Example: sitrep framing --side opposition
    """
    from .records.framing import FRAMED_SIDES

    _choice(side, FRAMED_SIDES, "--side")
    with _open_read(db, reconciled=True) as store:
        if outlets:
            summaries, n_outlets, filled = store.outlet_page(limit=limit)
        else:
            rows, total = store.framing_by_side(side=side, limit=limit)
    if outlets:
        table = Table(header_style="bold", expand=True)
        fields = [f for f in ("outlet", "n_articles", "loaded_share", "opposition_labels", "government_labels",
                              "foreign_labels", "other_labels", "quoted_labels") if f in filled]
        for f in fields:
            table.add_column(f.replace("_labels", "").replace("n_", "").replace("_", " "), overflow="fold")
        for srow in summaries:
            table.add_row(*(Text(_cell(getattr(srow, f))) for f in fields))
        out.print(table)
        out.print(_shown(len(summaries), n_outlets, "outlet", limit))
        return
    table = _table(("side", None), ("outlet", 2), ("label", 2), ("uses", None), ("voice", None),
                   ("loaded", None), ("example", 5))
    for r in rows:
        example = r.examples[0][1] if r.examples else ""
        table.add_row(*(Text(str(c)) for c in (r.actor_side, r.outlet, r.label, r.count,
                                                getattr(r, "voice", "outlet"),
                                                "loaded" if r.loaded else "", example)))
    out.print(table)
    out.print(_shown(len(rows), total, "row", limit))


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

    with _open_read(db, reconciled=True) as store:
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
    events, series, contradictions, framing, stories, search, and a form to add articles. Search
    (/search, /api/search?q=) finds the words as a phrase, whole words only, any case,
    punctuation ignored, best first, totals exact up to 10,000, from a full-text index kept
    beside the database (DB.search, caught up when behind); a Parquet dataset folder is
    scanned instead, newest first. It keeps
    serving while `sitrep run` writes the file, answering 503 with what to do meanwhile,
    and lets go of the file whenever a run waits to write it.

    Example: sitrep serve --db sitrep.duckdb --port 8750
    """
    from .publish.web import serve_command

    raise typer.Exit(serve_command(db, host, port, allowed_host))


@app.command(context_settings=CONTEXT)
def watch(
    config: Path = typer.Argument(..., exists=True, dir_okay=False,
                                  help="TOML file: sources (feed, sitemap, list, urls), alert rules, delivery."),
    db: Optional[Path] = typer.Option(None, "--db", help="DuckDB database (default: the config's db, else "
                                      "sitrep.duckdb)."),
    once: bool = typer.Option(False, "--once", help="One pass over every source, then exit (for cron)."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No line per pass and per stored article; "
                               "alerts and failures are still shown."),
) -> None:
    """Follow the news: poll the feeds, news sitemaps and URL lists the config names,
    politely (robots.txt, conditional GET, per-host delay, two requests at once per host);
    run new and revised articles through the same pipeline as `sitrep run`; compute alerts
    from the record (a toll rising, a town changing hands, a new contradiction or claimant)
    and deliver them (terminal, JSONL, webhook, email). Polls until stopped: Ctrl-C
    finishes the article in hand, a second one stops at once. State is in the database, so
    a restarted watch goes on where it was and sends no alert twice. Every failure is one
    line on stderr; with --once the exit status is 1 when any occurred.

    Example: sitrep watch watch.toml --once
    """
    import logging
    import signal
    import threading

    from .watch import missing_extra

    missing = missing_extra()
    if missing:
        err.print(Text(f"error: sitrep watch needs {', '.join(missing)}: pip install \"sitrep[watch]\""))
        raise typer.Exit(2)
    from .store import StoreError
    from .watch.config import ConfigError, load_config
    from .watch.runner import Watcher

    try:
        cfg = load_config(config)
    except ConfigError as exc:
        err.print(Text(f"error: {exc}"))
        raise typer.Exit(2)
    target = db or cfg.db or Path("sitrep.duckdb")
    _ensure_gazetteer(quiet)
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(asctime)s %(message)s", "%Y-%m-%d %H:%M:%S"))
    watch_log = logging.getLogger("sitrep.watch")
    saved = (watch_log.level, watch_log.propagate)
    watch_log.addHandler(handler)
    watch_log.setLevel(logging.WARNING if quiet else logging.INFO)
    watch_log.propagate = False  # one line per failure, here, not again through the root logger

    stop = threading.Event()

    def on_signal(signum, _frame) -> None:
        if stop.is_set():  # a second Ctrl-C: stop now (a write in progress is rolled back)
            signal.signal(signal.SIGINT, signal.default_int_handler)
            raise KeyboardInterrupt
        stop.set()
        err.print("stopping after the current article (Ctrl-C again to stop at once)")

    previous = {sig: signal.signal(sig, on_signal) for sig in (signal.SIGINT, signal.SIGTERM)}
    failures = 0

    def on_pass(summary) -> None:
        nonlocal failures
        failures += sum(summary.failures.values())
        if not quiet:
            err.print(Text(f"pass: {summary.line()}"), highlight=False)

    if not quiet:
        err.print(Text(f"Watching {len(cfg.sources)} source{'s' * (len(cfg.sources) != 1)} into {target} "
                       f"({'one pass' if once else 'Ctrl-C to stop'})"), highlight=False)
    try:
        with Watcher(cfg, target, stop=stop,
                     write=lambda text: out.print(Text(text), highlight=False, soft_wrap=True)) as watcher:
            watcher.run(once=once, on_pass=on_pass)
    except StoreError as exc:  # locked by another process, or a dataset folder (read-only)
        one_line(err, "error:", exc, "red")
        raise typer.Exit(2)
    except KeyboardInterrupt:
        err.print("stopped")
        raise typer.Exit(130)
    finally:
        for sig, old in previous.items():
            signal.signal(sig, old)
        watch_log.removeHandler(handler)
        watch_log.setLevel(saved[0])
        watch_log.propagate = saved[1]
    if stop.is_set():
        err.print("stopped; the next start goes on from here")
    if once and failures:
        raise typer.Exit(1)


@app.command(context_settings=CONTEXT)
def alerts(
    db: Path = DB_OPTION,
    rule: Optional[str] = typer.Option(None, help="Rule name: any part of it, any case."),
    kind: Optional[str] = typer.Option(None, help="One of: figure, control, contradiction, new_claimant."),
    since: Optional[str] = typer.Option(None, help="Alerts raised on or after this date (YYYY-MM-DD)."),
    limit: int = typer.Option(20, min=1, help="Alerts to show."),
    as_json: bool = typer.Option(False, "--json", help="JSON lines instead of text."),
) -> None:
    """The alerts `sitrep watch` raised, newest first: what changed, from what to what, the
    sentences it rests on (with article, outlet, URL and a link into `sitrep serve`) and
    where each was delivered.

    Example: sitrep alerts --since 2024-12-01 --limit 5
    """
    from .watch.alerts import format_alert, read_alerts
    from .watch.config import ALERT_TYPES

    _choice(kind, ALERT_TYPES, "--kind")
    with _open_read(db) as store:
        found, total = read_alerts(store, rule=rule, kind=kind, since=_parse_date(since, "--since"), limit=limit)
    if as_json:
        for a in found:
            print(json.dumps({**a.as_dict(), "deliveries": a.deliveries}, ensure_ascii=False))
        return
    for a in found:
        out.print(Text(format_alert(a)), highlight=False, soft_wrap=True)
        sent = ", ".join(f"{channel} {state}" for channel, state in sorted(a.deliveries.items()))
        out.print(Text(f"  raised {a.created_at:%Y-%m-%d %H:%M} UTC" + (f"; {sent}" if sent else "")),
                  highlight=False, soft_wrap=True)
    out.print(_shown(len(found), total, "alert", limit))


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
    dask: Optional[str] = typer.Option(None, "--dask", metavar="ADDRESSES",
                                       help="Compare cluster runs instead: Dask addresses, comma-separated "
                                       "(local:1,local:2 or tcp://host:8786), against one process and --jobs "
                                       "processes on this machine (needs pip install \"sitrep[cluster]\")."),
    shard_articles: int = typer.Option(0, "--shard-articles", min=0,
                                       help="With --dask: articles per shard (0: the run's default)."),
    corpus: str = typer.Option("news", help="news: variants of the sample articles (~800 words, "
                               "60 % of sentences parsed); synthetic: the older generated corpus."),
    copies: str = typer.Option("", help="Instead: wire-copy detection on this many stored "
                               "signatures (comma-separated), 280 near-copies per story."),
    search: str = typer.Option("", help="Instead: the search index on this many stored "
                               "articles (comma-separated): indexing cost, query p50/p95."),
    as_json: bool = typer.Option(False, "--json", help="Print the report as JSON."),
    one_line_mb: Optional[float] = typer.Option(None, "--one-line-mb", help="Instead: seconds to clean and "
                                                "split this many MB of generated news on one single line."),
) -> None:
    """Measure end-to-end throughput (articles/s, words/s, CPU ms per article), the share of
    sentences parsed, peak memory and the ratio to a plain spaCy pass, on ~800-word news
    articles made from the sample (--corpus synthetic: the older generated corpus), one
    fresh process per size. Instead: --copies and --search measure wire-copy detection and
    the search index on their own; --one-line-mb, how long cleaning and sentence splitting
    take on one huge line; --dask, the same corpus on Dask workers: throughput, speed-up
    over one process, per-shard overhead, Parquet bytes per article and `sitrep load` speed
    (docs/benchmarks.md).

    Example: sitrep bench --sizes 100,400,1600 --jobs 2
    """
    from . import bench as bench_mod

    def _ints(text: str, name: str) -> list[int]:
        try:
            return [int(x) for x in text.split(",") if x.strip()]
        except ValueError:
            raise typer.BadParameter(f"{name} must be integers like 100,400")

    if corpus not in bench_mod.CORPORA:
        raise typer.BadParameter(f"--corpus must be one of {', '.join(bench_mod.CORPORA)}")
    modes = [name for name, given in (("--one-line-mb", one_line_mb is not None), ("--copies", bool(copies)),
                                      ("--search", bool(search)), ("--dask", dask is not None)) if given]
    if len(modes) > 1 and modes != ["--copies", "--search"]:
        raise typer.BadParameter(f"{' and '.join(modes)} are separate benchmarks: give one of them")
    if one_line_mb is not None:
        result = bench_mod.bench_one_line(one_line_mb)
        print(json.dumps(result, indent=2) if as_json else
              f"{result['one_line_chars']:,} characters on one line: cleaned in {result['clean_seconds']} s, "
              f"split into {result['sentences']:,} sentences in {result['split_seconds']} s")
        return
    if copies or search:
        report = {"copies": [bench_mod.bench_copies(n) for n in _ints(copies, "--copies")],
                  "search": [bench_mod.bench_search(n) for n in _ints(search, "--search")]}
        if as_json:
            print(json.dumps(report, indent=2))
            return
        for title, rows in (("wire copies (stored signatures)", report["copies"]),
                            ("search", report["search"])):
            if rows:
                _print_rows(title, rows)
        return
    size_list = _ints(sizes, "--sizes")
    if dask is not None:
        _bench_dask([a.strip() for a in dask.split(",") if a.strip()], size_list, jobs, shard_articles, as_json,
                    corpus)
        return
    report = bench_mod.bench(size_list, jobs, baseline=baseline, corpus=corpus)
    if as_json:
        print(json.dumps(report, indent=2))
        return
    # One column per size, one row per figure: fits a terminal however many figures.
    rows = [("articles", "articles"), ("words", "words"), ("seconds", "seconds"),
            ("articles/s", "articles_per_s"), ("words/s", "words_per_s"),
            ("CPU ms/article", "cpu_ms_per_article"), ("x plain spaCy (CPU)", "spacy_ratio"),
            ("sentences parsed", "parsed_share"), ("peak MB", "peak_rss_mb"), ("claims", "claims"),
            ("cross-source s", "reconcile_seconds"), ("cross-source CPU s", "reconcile_cpu_seconds"),
            ("wire copies CPU s", "copies_seconds"), ("copy groups", "copy_groups"),
            ("cross-source peak MB", "reconcile_peak_rss_mb"),
            # The reconcile stage again once more articles arrive, and the reads of its results.
            ("articles added", "added_articles"), ("cross-source after them s", "reconcile_added_seconds"),
            ("read: series s", "read_series_seconds"), ("read: contradictions s", "read_contradictions_seconds"),
            ("read: report s", "read_report_seconds")]
    table = Table(header_style="bold")
    table.add_column("")
    for _ in report["sizes"]:
        table.add_column("", justify="right")
    for label, key in rows:
        values = [r.get(key, "") for r in report["sizes"]]
        if key == "parsed_share":
            values = [f"{100 * v:.1f} %" for v in values]
        table.add_row(label, *(f"{v:,}" if isinstance(v, int) else str(v) for v in values))
    out.print(table)
    if "spacy_full_pass" in report:
        plain = report["spacy_full_pass"]
        out.print(f"plain full spaCy pass over the first {plain['articles']} of the same articles: "
                  f"{plain['articles_per_s']} articles/s, {plain['cpu_ms_per_article']} CPU ms/article "
                  f"on one core ({jobs} jobs above)")


def _bench_dask(addresses: list[str], sizes: list[int], jobs: int, shard_articles: int, as_json: bool,
                corpus: str = "news") -> None:
    from .bench import bench_dask
    from .cluster import missing_extra
    from .cluster.driver import parse_address

    missing = missing_extra()
    if missing:
        err.print(f"error: --dask needs {', '.join(missing)}: pip install \"sitrep[cluster]\"")
        raise typer.Exit(2)
    for address in addresses:
        try:
            parse_address(address)
        except ValueError as exc:
            raise typer.BadParameter(str(exc), param_hint="--dask")
    report = bench_dask(addresses, sizes, jobs=jobs, shard_articles=shard_articles or None, corpus=corpus)
    if as_json:
        print(json.dumps(report, indent=2))
        return
    table = Table(header_style="bold")
    for col in ("articles", "run on", "s", "art/s", "speed-up", "CPU ms/art", "shards",
                "overhead ms/shard wall, CPU", "Parquet B/art", "load art/s"):
        table.add_column(col, justify="right")
    for size in report["sizes"]:
        single = size["single_process"]
        n = size["articles"]
        table.add_row(str(n), "one process", str(single["seconds"]), str(single["articles_per_s"]), "1.0",
                      f"{1000 * single['cpu_seconds'] / n:.1f}", "", "", "", "")
        if size["one_machine_jobs"]:
            pool = size["one_machine_jobs"]
            table.add_row("", f"--jobs {jobs}", str(pool["seconds"]), str(pool["articles_per_s"]),
                          f"{pool['articles_per_s'] / single['articles_per_s']:.2f}",
                          f"{1000 * pool['cpu_seconds'] / n:.1f}", "", "", "", "")
        for d in size["dask"]:
            table.add_row("", d["address"], str(d["seconds"]), str(d["articles_per_s"]),
                          str(d["speedup_vs_single_process"]), str(d["cpu_ms_per_article"]), str(d["shards"]),
                          f"{d['overhead_ms_per_shard']}, {d['cpu_overhead_ms_per_shard']}",
                          f"{d['parquet_bytes_per_article']:,}", str(d["load_articles_per_s"]))
    out.print(table)


def _print_rows(title: str, rows: list[dict]) -> None:
    table = Table(title=title, header_style="bold")
    keys = [k for k in rows[0] if not isinstance(rows[0][k], dict)]
    for key in keys:
        table.add_column(key.replace("_", " "), justify="right")
    for r in rows:
        table.add_row(*(str(r[k]) for k in keys))
    out.print(table)


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
