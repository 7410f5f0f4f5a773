"""Commands over bundled or generated corpora: `sitrep demo` (the sample end to end) and
`sitrep bench` (throughput and the cost of each part)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Optional

import typer
from rich.table import Table

from sitrep.cli.shared import CONTEXT, DEFAULT_DB, Db, Jobs, app, err, out
from sitrep.console import dict_table


@app.command(context_settings=CONTEXT)
def demo(
    db: Db = DEFAULT_DB,
    jobs: Jobs = 1,
    output: Path = typer.Option(Path("report.html"), "-o", "--output", help="HTML report to write."),
) -> None:
    """Run the bundled sample corpus (8 articles about the Nov-Dec 2024 offensive in Syria)
    end to end into the database, write the HTML report, and print a summary and the score
    against the sample's reference annotation.

    Example: sitrep demo && sitrep claims --quantity killed
    """
    from sitrep.demo import run_demo

    run_demo(db, jobs=jobs, console=out, report=output)


@app.command(context_settings=CONTEXT)
def bench(
    sizes: str = typer.Option("100,400", help="Corpus sizes (articles), comma-separated."),
    jobs: Jobs = 2,
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
    fresh process per size; and the start-up of a one-article run to its first parsed
    sentence (median of 5 fresh processes). Instead: --copies and --search measure wire-copy detection and
    the search index on their own; --one-line-mb, how long cleaning and sentence splitting
    take on one huge line; --dask, the same corpus on Dask workers: throughput, speed-up
    over one process, per-shard overhead, Parquet bytes per article and `sitrep load` speed
    (docs/benchmarks.md).

    Example: sitrep bench --sizes 100,400,1600 --jobs 2
    """
    _check_modes(corpus, one_line_mb=one_line_mb, copies=copies, search=search, dask=dask)
    if one_line_mb is not None:
        _bench_one_line(one_line_mb, as_json)
    elif copies or search:
        _bench_parts(copies, search, as_json)
    elif dask is not None:
        _bench_dask([a.strip() for a in dask.split(",") if a.strip()], _ints(sizes, "--sizes"), jobs,
                    shard_articles, as_json, corpus)
    else:
        _bench_sizes(_ints(sizes, "--sizes"), jobs, baseline, corpus, as_json)


def _ints(text: str, name: str) -> list[int]:
    try:
        return [int(x) for x in text.split(",") if x.strip()]
    except ValueError:
        raise typer.BadParameter(f"{name} must be integers like 100,400")


def _check_modes(corpus: str, *, one_line_mb: Optional[float], copies: str, search: str, dask: Optional[str]) -> None:
    """Usage errors: an unknown corpus, or separate benchmarks asked for together."""
    from sitrep.bench import CORPORA

    if corpus not in CORPORA:
        raise typer.BadParameter(f"--corpus must be one of {', '.join(CORPORA)}")
    modes = [name for name, given in (("--one-line-mb", one_line_mb is not None), ("--copies", bool(copies)),
                                      ("--search", bool(search)), ("--dask", dask is not None)) if given]
    if len(modes) > 1 and modes != ["--copies", "--search"]:
        raise typer.BadParameter(f"{' and '.join(modes)} are separate benchmarks: give one of them")


def _bench_one_line(mb: float, as_json: bool) -> None:
    from sitrep.bench import bench_one_line

    result = bench_one_line(mb)
    print(json.dumps(result, indent=2) if as_json else
          f"{result['one_line_chars']:,} characters on one line: cleaned in {result['clean_seconds']} s, "
          f"split into {result['sentences']:,} sentences in {result['split_seconds']} s")


def _bench_parts(copies: str, search: str, as_json: bool) -> None:
    from sitrep.bench import bench_copies, bench_search

    report = {"copies": [bench_copies(n) for n in _ints(copies, "--copies")],
              "search": [bench_search(n) for n in _ints(search, "--search")]}
    if as_json:
        print(json.dumps(report, indent=2))
        return
    for title, rows in (("wire copies (stored signatures)", report["copies"]), ("search", report["search"])):
        if rows:
            out.print(dict_table(title, rows))


# `sitrep bench`'s table: one column per size, one row per figure (label, key in the
# report), so it fits a terminal however many figures.
SIZE_ROWS = (
    ("articles", "articles"), ("words", "words"), ("seconds", "seconds"),
    ("articles/s", "articles_per_s"), ("words/s", "words_per_s"),
    ("CPU ms/article", "cpu_ms_per_article"), ("x plain spaCy (CPU)", "spacy_ratio"),
    ("sentences parsed", "parsed_share"), ("peak MB", "peak_rss_mb"), ("claims", "claims"),
    ("cross-source s", "reconcile_seconds"), ("cross-source CPU s", "reconcile_cpu_seconds"),
    ("wire copies CPU s", "copies_seconds"), ("copy groups", "copy_groups"),
    ("cross-source peak MB", "reconcile_peak_rss_mb"),
    # The reconcile stage again once more articles arrive, and the reads of its results.
    ("articles added", "added_articles"), ("cross-source after them s", "reconcile_added_seconds"),
    ("read: series s", "read_series_seconds"), ("read: contradictions s", "read_contradictions_seconds"),
    ("read: report s", "read_report_seconds"),
)


def _bench_sizes(sizes: list[int], jobs: int, baseline: bool, corpus: str, as_json: bool) -> None:
    from sitrep.bench import bench as run_bench

    report = run_bench(sizes, jobs, baseline=baseline, corpus=corpus)
    if as_json:
        print(json.dumps(report, indent=2))
        return
    table = Table(header_style="bold")
    table.add_column("")
    for _ in report["sizes"]:
        table.add_column("", justify="right")
    for label, key in SIZE_ROWS:
        values = [r.get(key, "") for r in report["sizes"]]
        if key == "parsed_share":
            values = [f"{100 * v:.1f} %" for v in values]
        table.add_row(label, *(f"{v:,}" if isinstance(v, int) else str(v) for v in values))
    out.print(table)
    if "startup" in report:
        start = report["startup"]
        out.print(f"start-up, a one-article run to its first parsed sentence: {start['startup_seconds']} s "
                  f"(median of {start['startup_runs']}, {start['startup_min_seconds']}-{start['startup_max_seconds']} s; "
                  f"CPU {start['startup_cpu_seconds']} s)")
    if "spacy_full_pass" in report:
        plain = report["spacy_full_pass"]
        out.print(f"plain full spaCy pass over the first {plain['articles']} of the same articles: "
                  f"{plain['articles_per_s']} articles/s, {plain['cpu_ms_per_article']} CPU ms/article "
                  f"on one core ({jobs} jobs above)")


def _bench_dask(addresses: list[str], sizes: list[int], jobs: int, shard_articles: int, as_json: bool,
                corpus: str) -> None:
    from sitrep.bench import bench_dask
    from sitrep.cluster import missing_extra
    from sitrep.cluster.driver import parse_address

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
    out.print(_dask_table(report, jobs))


def _dask_table(report: dict[str, Any], jobs: int) -> Table:
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
    return table
