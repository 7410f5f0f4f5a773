"""Commands that show what extraction found: claims, events, places (and `sitrep gazetteer
import`, which changes how places resolve), and `sitrep eval`, its score against a
reference annotation."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any, Optional

import typer

from sitrep.cli.shared import (
    CONTEXT, DEFAULT_DB, AsJsonLines, Db, Doc, Quantity, Rows, app, err, fail, gazetteer_app, open_read, out,
    parse_date, valid_choice,
)
from sitrep.console import counting_progress, figure, flags, one_line, plural, shown, table, text_row
from sitrep.records import CATEGORIES, EVENT_TYPES, QUANTITIES
from sitrep.safe_text import for_terminal_lines


@app.command(context_settings=CONTEXT)
def claims(
    db: Db = DEFAULT_DB,
    quantity: Quantity = None,
    category: Optional[str] = typer.Option(None, help=f"One of: {', '.join(CATEGORIES)}."),
    source: Optional[str] = typer.Option(None, help="Claimant: any part of its canonical name or of the text as written, any case."),
    doc: Doc = None,
    outlet: Optional[str] = typer.Option(None, help="Outlet: any part of its name, any case."),
    limit: Rows = 50,
    as_json: AsJsonLines = False,
) -> None:
    """Show extracted claims: article, figure, what, claimant (with historical and
    unverified flags) and the sentence.

    Example: sitrep claims --quantity killed --source observatory
    """
    from sitrep.publish.pages import claims_page

    valid_choice(quantity, QUANTITIES, "--quantity")
    valid_choice(category, CATEGORIES, "--category")
    with open_read(db) as store:
        rows, total = claims_page(store, limit=limit, quantity=quantity, category=category, source=source,
                                  doc=doc, outlet=outlet)
    if as_json:
        _json_lines(rows)
        return
    t = table(("article", 2), ("figure", 1), ("what", 2), ("claimant", 2), ("sentence", 6))
    t.show_lines = True
    for r in rows:
        article = f"{r.doc}\n{r.as_of or r.published or 'undated'}\n{r.outlet or 'outlet unknown'}"
        what = f"{r.quantity} {r.category}" + (f" ({r.subgroup})" if r.subgroup else "")
        if flags(r):
            what += f"\n[{flags(r)}]"
        claimant = (r.source or "no claimant") + (f"\n({r.source_kind})" if r.source else "")
        text_row(t, article, figure(r), what, claimant, r.sentence)
    out.print(t)
    out.print(shown(len(rows), total, "claim", limit))


def _json_lines(rows: list[Any]) -> None:
    from sitrep.publish.exports import export_rows

    export_rows(rows, sys.stdout, "jsonl")


@app.command(context_settings=CONTEXT)
def events(
    db: Db = DEFAULT_DB,
    type: Optional[str] = typer.Option(None, "--type", help=f"One of: {', '.join(EVENT_TYPES)}."),
    place: Optional[str] = typer.Option(None, help="Place: any part of the gazetteer name or the place as written, any case."),
    doc: Doc = None,
    since: Optional[str] = typer.Option(None, help="Events on or after this date (YYYY-MM-DD); undated events are left out."),
    until: Optional[str] = typer.Option(None, help="Events on or before this date (YYYY-MM-DD)."),
    limit: Rows = 50,
    as_json: AsJsonLines = False,
) -> None:
    """Show extracted events: date, type, actors and sides, place with coordinates, claimant.

    Example: sitrep events --type territory_change --since 2024-12-01
    """
    from sitrep.publish.pages import events_page

    valid_choice(type, EVENT_TYPES, "--type")
    filters = dict(type=type, place=place, doc=doc, since=parse_date(since, "--since"),
                   until=parse_date(until, "--until"))
    with open_read(db) as store:
        rows, total = events_page(store, limit=limit, **filters)
    if as_json:
        _json_lines(rows)
        return
    t = table(("date", None), ("type", 2), ("actors", 3), ("place", 3), ("claimant", 2), ("sentence", 6))
    t.show_lines = True
    for r in rows:
        where = r.place or "-"
        where += f"\n{r.lat:.2f},{r.lon:.2f} p{r.geo_precision}" if r.lat is not None else "\nunresolved"
        when = f"{r.date or 'undated'}" + ("\n(pub.)" if r.date_rule == "publication" else "")
        text_row(t, when, r.type.replace("_", " "), _actors(r), where, r.source or "-", r.sentence)
    out.print(t)
    out.print(shown(len(rows), total, "event", limit))


def _actors(r: Any) -> str:
    """'HTS [opposition]\\nvs army [government]\\nwinner: opposition'."""
    actor = f"{r.actor1 or '-'}" + (f" [{r.actor1_side}]" if r.actor1_side else "")
    if r.actor2:
        actor += f"\nvs {r.actor2}" + (f" [{r.actor2_side}]" if r.actor2_side else "")
    if r.winner:
        actor += f"\nwinner: {r.winner}"
    return actor


@app.command(context_settings=CONTEXT)
def places(
    db: Db = DEFAULT_DB,
    doc: Doc = None,
    unresolved: bool = typer.Option(False, "--unresolved", help="Only mentions with no coordinates or precision 3."),
    limit: int = typer.Option(100, min=1, help="Places to show."),
) -> None:
    """Show the places articles name and how they resolved: gazetteer match (precision 1),
    anchored near a named place (2), province only (3), or unresolved. Repeated mentions of
    one place resolved the same way are one row, with their count and articles.

    Example: sitrep places --unresolved
    """
    from sitrep.publish.pages import place_groups

    with open_read(db) as store:
        groups = place_groups(store, doc=doc, unresolved=unresolved)
    t = table(("as written", 3), ("resolved to", 3), ("country", None), ("lat, lon", None),
              ("precision", None), ("rule", 3), ("mentions", None), ("articles", None))
    page = groups[:limit]
    for g in page:
        geo = f"{g.lat:.3f}, {g.lon:.3f}" if g.lat is not None else "-"
        text_row(t, g.text, g.name or "-", g.country or "-", geo, g.precision or "-", g.rule,
                 f"{g.mentions:,}", f"{g.articles:,}")
    out.print(t)
    resolved = sum(g.mentions for g in page if g.resolved)
    line = (f"{plural(len(page), 'place')} shown ({plural(sum(g.mentions for g in page), 'mention')}, "
            f"{resolved:,} at precision 1 or 2)")
    if len(groups) > limit:
        line += f"; {len(groups) - limit:,} more not shown (--limit {limit}; raise it to see more)"
    out.print(line)


@gazetteer_app.command("import", context_settings=CONTEXT)
def gazetteer_import(
    file: Path = typer.Argument(..., exists=True, dir_okay=False,
                                help="A GeoNames dump: a country file (SY.txt) or allCountries, .txt or .zip."),
) -> None:
    """Add the populated places and admin areas of a GeoNames dump to the gazetteer, so
    villages that the bundled cities list lacks resolve at precision 1. Streams the file.

    Example: sitrep gazetteer import ~/Downloads/SY.zip
    """
    from sitrep.extract.gazetteer import extra_db_path, import_geonames

    n = import_geonames(file)
    out.print(f"{plural(n, 'place')} imported into {extra_db_path()}")
    out.print("Articles already stored keep their places until they are extracted again: "
              "sitrep run --reprocess --db FILE")


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
    temporary database when --db is not given; an article of it that cannot be extracted
    is named and makes the command exit 1 (its rows would score as misses). With --places,
    GOLD is a geoparsing corpus (sitrep eval --places ../shared/geo scores each
    NAME_gold.jsonl in the folder).

    Example: sitrep eval ../shared/dev2 --no-lists
    """
    if places:
        from sitrep.evaluate_places import places_eval_command

        raise typer.Exit(places_eval_command(gold, articles, as_json=as_json, show_misses=lists))
    from sitrep.evaluate import format_report, gate_failures

    report, skipped = _score(gold, db, quiet=as_json)
    if as_json:
        print(json.dumps(report.as_dict(), indent=2, ensure_ascii=False))
    else:
        print(for_terminal_lines(format_report(report, show_lists=lists)))
    failures = list(gate_failures(report, min_f1=min_f1, min_claimant=min_claimant,
                                  min_claim_claimant=min_claim_claimant, min_territory_f1=min_territory_f1))
    if skipped:  # a gold article that was not extracted scores as all misses: not a measurement
        failures.append(f"{plural(skipped, 'gold article')} not extracted (named above); the scores count "
                        "their claims and events as missed")
    for f in failures:
        one_line(err, "below floor:", f, "red")
    if failures:
        raise typer.Exit(1)


def _score(gold: Path, db: Optional[Path], *, quiet: bool) -> tuple[Any, int]:
    """The gold set's evaluation report and how many of its articles were skipped: a gold
    folder's articles run first, into ``db`` or a temporary database."""
    import tempfile

    from sitrep.evaluate import evaluate, load_gold_set

    try:
        gold_set = load_gold_set(gold)
    except (OSError, ValueError, KeyError) as exc:
        raise fail(f"cannot read the gold set {gold}: {exc}")
    skipped = 0
    with tempfile.TemporaryDirectory(prefix="sitrep-eval-") as tmp:
        if gold.is_dir():
            db = db or Path(tmp) / "eval.duckdb"
            skipped = _run_gold_articles(gold_set, db, quiet=quiet)
        with open_read(db or DEFAULT_DB) as store:
            return evaluate(gold_set, store.iter_claims(), store.events()), skipped


def _run_gold_articles(gold_set: Any, db: Path, *, quiet: bool) -> int:
    """Run the gold set's articles into ``db``; the number skipped (each named on stderr)."""
    from sitrep.evaluate import gold_article_paths, run_gold_set
    from sitrep.pipeline import total_inputs

    with counting_progress("sitrep eval", err, disable=quiet, transient=True) as progress:
        task = progress.add_task("articles", total=total_inputs(gold_article_paths(gold_set)))
        try:
            summary = run_gold_set(gold_set, db, on_input=lambda n: progress.advance(task, n))
        except ValueError as exc:
            raise fail(exc)
    for e in summary.errors:
        one_line(err, "skipped", e)
    return len(summary.errors)
