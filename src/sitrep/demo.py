"""`sitrep demo`: the bundled sample corpus, end to end."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from rich.console import Console
from rich.text import Text

from .evaluate import evaluate
from .pipeline import run


def sample_dir() -> Path:
    """The bundled sample corpus (written by the project; see its README.md)."""
    return Path(str(resources.files("sitrep") / "data" / "sample"))


def sample_gold() -> Path:
    return sample_dir() / "sample.gold.json"


def run_demo(db: str | Path = "sitrep.duckdb", *, jobs: int = 1, console: Console | None = None,
             report: str | Path | None = "report.html") -> None:
    console = console or Console()
    console.print(Text(f"Running the sample corpus ({sample_dir()}) into {db} ..."))
    summary = run([sample_dir()], db, jobs=jobs)
    console.print(Text(
        f"{summary.articles} articles ({summary.new} new), {summary.claims} claims, "
        f"{summary.events} events, {len(summary.errors)} inputs skipped in {summary.seconds:.1f}s"))
    for e in summary.errors:
        console.print(Text(f"  skipped {e}"))
    from .store import open_db

    with open_db(db, read_only=True) as store:
        score = evaluate(sample_gold(), store.iter_claims(), store.events())
        rows = store.claims(quantity="killed", limit=8)
    console.print(Text(
        f"Score on the sample's gold: claims P {score.claims.precision:.2f} R {score.claims.recall:.2f} "
        f"F1 {score.claims.f1:.2f}, claimant accuracy {score.claimant_accuracy:.2f}; territory events "
        f"P {score.territory.precision:.2f} R {score.territory.recall:.2f}"))
    console.print(Text("Some death tolls, with who claims them:"))
    for r in rows:
        if r.value is not None:
            figure = f"{r.qualifier + ' ' if r.qualifier else ''}{r.value:,}"
        else:
            figure = r.qualifier or f"{r.low}-{r.high}"
        console.print(Text(f"  {r.published} {r.outlet or 'unknown outlet'}: {figure} killed "
                           f"({r.category}), according to {r.source or 'no named claimant'}"))
    if report:
        from .publish.report import write_report

        with open_db(db, read_only=True) as store:
            stats = write_report(store, report, title="Sitrep demo: the Nov-Dec 2024 offensive in Syria")
        console.print(Text(f"Report written: {report} ({stats.bytes / 1e3:.0f} kB; open it in a browser, no network needed)"))
    console.print(Text(f"Next: sitrep claims --db {db}   |   sitrep events --db {db}   |   "
                       f"sitrep export claims --db {db} --format csv"))
