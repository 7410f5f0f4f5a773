"""Commands that write the record: `sitrep run` (on this machine or a Dask cluster),
`sitrep load` (a cluster's dataset) and `sitrep reconcile`."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Optional

import typer
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn
from rich.text import Text

from sitrep.cli.shared import CONTEXT, DEFAULT_DB, Db, Jobs, app, ensure_gazetteer, err, fail, out, parse_date
from sitrep.console import counting_progress, listed_ids, one_line, plural


@dataclass(slots=True)
class Given:
    """The metadata given for inputs that do not say, and the size limit, as the pipeline takes them."""

    outlet: Optional[str]
    published: Optional[date]
    max_bytes: int
    index: Optional[dict]


def _given(outlet: Optional[str], published: Optional[str], max_mb: float, index: Optional[Path]) -> Given:
    """The options as the pipeline takes them; a usage error for a bad date, an error for an
    index file it cannot read."""
    when = parse_date(published, "--date")
    metadata = None
    if index is not None:
        from sitrep.ingest import load_index

        metadata = load_index(index)
        if not isinstance(metadata, dict):
            raise fail(metadata)
    return Given(outlet, when, int(max_mb * 1_000_000), metadata)


def run_notes(summary: Any, db: Path | str) -> list[str]:
    """What the user should know after a run: articles with no or an inferred date, no
    outlet, and how to give them."""
    notes = []
    if summary.updated:
        given = ", ".join(f"{name} for {n:,}" for name, n in sorted(summary.corrected.items()))
        notes.append(f"{plural(summary.updated, 'stored article')} updated with the metadata given ({given}); "
                     "their claims and events were extracted again.")
    if summary.undated:
        notes.append(f"{_articles(summary.undated, 'has', 'have')} no publication date "
                     f"({listed_ids(summary.undated)}): their figures and events have no date, so they are left "
                     "out of series, estimates, contradictions, `--since`/`--until` and the report's timeline.")
    if summary.inferred:
        notes.append(f"{_articles(summary.inferred, 'has', 'have')} a publication date inferred from the latest "
                     f"date the text names ({listed_ids(summary.inferred)}); check it with `sitrep report` or the "
                     "article page.")
    if summary.undated or summary.inferred:
        notes.append(f"To give dates: --date YYYY-MM-DD, a \"published\" field per JSONL line, or --index FILE "
                     f"with one per file; re-run `sitrep run PATH... --db {db}` with them and the stored articles "
                     "are updated.")
    if summary.no_outlet:
        notes.append(f"{_articles(summary.no_outlet, 'has', 'have')} no outlet ({listed_ids(summary.no_outlet)}): "
                     "each counts as its own outlet in series and framing. Give one with --outlet NAME, an "
                     "\"outlet\" or \"url\" field per JSONL line, or --index FILE.")
    return notes


def _articles(docs: list[str], one: str, many: str) -> str:
    """'1 article has', '3 articles have'."""
    return f"{plural(len(docs), 'article')} {one if len(docs) == 1 else many}"


def _print_notes(summary: Any, db: Path | str) -> None:
    for note in run_notes(summary, db):
        out.print(Text("note: ", style="yellow") + Text(note))


@app.command(context_settings=CONTEXT)
def run(
    paths: Optional[list[str]] = typer.Argument(None, help="Files or folders: .txt, .html/.htm, .jsonl "
                                                "(none with --reprocess: every stored article); with --dask also "
                                                "fsspec URLs (s3://bucket/articles/)."),
    db: Db = DEFAULT_DB,
    outlet: Optional[str] = typer.Option(None, help="Outlet name for inputs that do not say."),
    published: Optional[str] = typer.Option(None, "--date", help="Publication date (YYYY-MM-DD) for inputs that do not say "
                                            "(or whose date was only inferred)."),
    jobs: Jobs = 1,
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
    if dask is not None:
        _check_dask(paths or [], dask, out_dir, reprocess)
        raise typer.Exit(_run_dask(paths or [], dask, str(out_dir), _given(outlet, published, max_mb, index),
                                   shard_articles=shard_articles, quiet=quiet))
    _check_here(paths or [], out_dir, reprocess)
    given = _given(outlet, published, max_mb, index)
    if reprocess and not paths and not Path(db).exists():
        err.print(f"error: no database at {db} to reprocess")
        raise typer.Exit(2)
    ensure_gazetteer(quiet)
    summary = _run_here(paths or [], db, given, jobs=jobs, reprocess=reprocess, quiet=quiet)
    _print_run(summary, db)
    if summary.errors:
        raise typer.Exit(1)


def _check_here(paths: list[str], out_dir: Optional[str], reprocess: bool) -> None:
    """Usage errors of `sitrep run` on this machine."""
    if out_dir is not None:
        raise typer.BadParameter("--out goes with --dask (a run on one machine writes --db)", param_hint="--out")
    if not paths and not reprocess:
        raise typer.BadParameter("give files or folders to read, or --reprocess to extract the stored "
                                 "articles again", param_hint="PATHS")


def _run_here(paths: list[str], db: Path, given: Given, *, jobs: int, reprocess: bool, quiet: bool) -> Any:
    """The pipeline on this machine, with a progress bar; its summary."""
    from sitrep.pipeline import run as run_pipeline, total_inputs
    from sitrep.store import StoreError

    try:
        with counting_progress("sitrep run", err, disable=quiet, transient=False) as progress:
            task = progress.add_task("inputs", total=total_inputs(paths) if paths else None)
            return run_pipeline(
                paths, db, outlet=given.outlet, published=given.published, jobs=jobs, max_bytes=given.max_bytes,
                index=given.index, reprocess=reprocess,
                on_input=lambda n: progress.advance(task, n),
                on_error=lambda e: one_line(progress.console, "skipped", e),
                on_note=lambda n: one_line(progress.console, "note", n, "cyan"),
            )
    except StoreError as exc:  # locked by another process, or a dataset folder (read-only)
        raise fail(exc)


def _print_run(summary: Any, db: Path) -> None:
    parts = [f"{summary.new:,} new", f"{summary.unchanged:,} unchanged"]
    if summary.updated:
        parts.append(f"{summary.updated:,} updated")
    if summary.reprocessed:
        parts.append(f"{summary.reprocessed:,} re-extracted")
    out.print(Text(
        f"{plural(summary.articles, 'article')} ({', '.join(parts)}), {plural(summary.claims, 'claim')}, "
        f"{plural(summary.events, 'event')}, {plural(len(summary.errors), 'input')} skipped "
        f"in {summary.seconds:.1f}s -> {db}"))
    _print_reconciled(summary.reconciled)
    _print_notes(summary, db)


def _print_reconciled(reconciled: Any) -> None:
    if reconciled is not None and reconciled.did_something:
        out.print(Text(f"Cross-source results: {reconciled.line()}"))


def _check_dask(paths: list[str], address: str, out_dir: Optional[str], reprocess: bool) -> None:
    """Usage errors of `sitrep run --dask`, and an error exit when the cluster extra is missing."""
    from sitrep.cluster import missing_extra

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
        raise typer.Exit(2)
    from sitrep.cluster.driver import parse_address

    try:
        kind, _ = parse_address(address)
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="--dask")
    local = [p for p in [*paths, out_dir] if "://" not in p]
    if kind == "remote" and local:
        one_line(err, "note:", f"workers read and write {', '.join(local)} on their own machines: "
                 "give folders they all see at the same path, or URLs (s3://...).")


def _run_dask(paths: list[str], address: str, out_dir: str, given: Given, *,
              shard_articles: int, quiet: bool) -> int:
    """`sitrep run --dask`: the exit status (1 when any input failed, as on one machine)."""
    from sitrep.cluster.driver import run_dask
    from sitrep.cluster.plan import SHARD_ARTICLES

    ensure_gazetteer(quiet)  # local workers share this machine's index
    progress = Progress(TextColumn("[bold]sitrep run --dask"), BarColumn(), TextColumn("{task.completed:,} inputs"),
                        TextColumn("{task.fields[shards]} shards"), TimeElapsedColumn(), console=err, disable=quiet)
    with progress:
        task = progress.add_task("inputs", total=None, shards=0)

        def shard_done(result) -> None:
            progress.advance(task, result.inputs)
            progress.update(task, shards=progress.tasks[0].fields["shards"] + 1)

        summary = run_dask(paths, out_dir, address, outlet=given.outlet, published=given.published,
                           max_bytes=given.max_bytes, index=given.index,
                           shard_articles=shard_articles or SHARD_ARTICLES, on_shard=shard_done,
                           on_error=lambda e: one_line(progress.console, "skipped", e),
                           on_note=lambda n: one_line(progress.console, "note", n, "cyan"))
    _print_dask_run(summary, out_dir)
    return 1 if summary.errors else 0


def _print_dask_run(summary: Any, out_dir: str) -> None:
    per_article = f", {summary.bytes / summary.articles / 1000:.1f} kB/article" if summary.articles else ""
    retried = f"{plural(summary.retried, 'shard')} retried" + (f", {summary.failed:,} failed" if summary.failed else "")
    out.print(Text(
        f"{plural(summary.articles, 'article')}, {plural(summary.claims, 'claim')}, "
        f"{plural(summary.events, 'event')}, {plural(len(summary.errors), 'input')} skipped; "
        f"{plural(summary.shards, 'shard')} on {plural(summary.workers, 'worker')}, {retried}; "
        f"in {summary.seconds:.1f}s -> {summary.out} (Parquet, {summary.bytes / 1e6:.1f} MB{per_article})"))
    _print_notes(summary, summary.out)
    out.print(Text(f"Merge it into a database with `sitrep load {out_dir} --db FILE`, or read it in place "
                   f"with --db {out_dir} (report, serve, export)."))


@app.command(context_settings=CONTEXT)
def load(
    dataset: str = typer.Argument(..., help="Folder or fsspec URL of a Parquet dataset written by "
                                  "`sitrep run --dask --out`."),
    db: Db = DEFAULT_DB,
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
    from sitrep.store import StoreError, open_db
    from sitrep.cluster.load import load_dataset
    from sitrep.store.parquet import DatasetError, is_url

    if not is_url(dataset) and not Path(dataset).is_dir():
        raise fail(f"no dataset folder at {dataset}; write one with `sitrep run PATH --dask local:2 --out {dataset}`")
    try:
        with open_db(db) as store:
            summary = load_dataset(store, dataset, replace=replace)
            store.search_index()  # the search index caught up with what was merged, once, here
    except (DatasetError, StoreError) as exc:  # StoreLockedError: another process holds the file
        raise fail(exc)
    out.print(Text(
        f"{plural(summary.articles, 'article')} in {plural(summary.shards, 'shard')} ({summary.new:,} new, "
        f"{summary.replaced:,} replaced, {summary.unchanged:,} unchanged), {plural(summary.claims, 'claim')} and "
        f"{plural(summary.events, 'event')} added, {plural(summary.errors, 'input error')} recorded "
        f"in {summary.seconds:.1f}s -> {db}"))
    _print_reconciled(summary.reconciled)


@app.command("reconcile", context_settings=CONTEXT)
def reconcile_cmd(
    db: Db = DEFAULT_DB,
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
    from sitrep.backfill import reconcile_store as reconcile
    from sitrep.store import StoreError, open_db

    if not Path(db).exists():
        raise fail(f"no database at {db}; create one with `sitrep run PATH --db {db}`")
    try:
        with open_db(db) as store:
            done = reconcile(store, full=full)
    except StoreError as exc:  # locked by another process, or a dataset folder (read-only)
        raise fail(exc)
    out.print(Text(done.line() if done.did_something else f"{done.line()}; nothing to do"))
