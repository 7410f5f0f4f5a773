"""Commands that show the stored cross-source results: series and estimates,
contradictions, framing."""

from __future__ import annotations

from typing import Any, Optional

import typer
from rich.table import Table
from rich.text import Text

from sitrep.cli.shared import CONTEXT, DEFAULT_DB, Db, Quantity, Rows, app, open_read, out, valid_choice
from sitrep.console import cell, number, plural, point_figure, shown, table, text_row
from sitrep.records import QUANTITIES

# Points of a series shown in `sitrep series` (the latest): a claimant's series over months
# can hold thousands, more than a terminal shows usefully.
SERIES_POINTS = 12


@app.command(context_settings=CONTEXT)
def series(
    db: Db = DEFAULT_DB,
    quantity: Quantity = None,
    source: Optional[str] = typer.Option(None, help="Claimant: any part of its name, any case."),
    estimates: bool = typer.Option(False, "--estimates", help="Show low/best/high per quantity and date instead."),
    limit: int = typer.Option(40, min=1, help="Series (or estimates) to show."),
) -> None:
    """Each claimant's figures as a time series (one point per figure, with every outlet
    that reported it; wire copies count once), or UCDP-style low/best/high estimates.

    Example: sitrep series --quantity killed --source observatory
    """
    valid_choice(quantity, QUANTITIES, "--quantity")
    with open_read(db, reconciled=True) as store:
        if estimates:
            chosen, total = store.estimates_page(quantity=quantity, limit=limit)
        else:
            lines, total = store.series_lines(quantity=quantity, source=source, limit=limit, last=SERIES_POINTS)
            n_copy_groups = store.copy_group_count()
    if estimates:
        _print_estimates(chosen, total, limit)
    else:
        _print_series(lines, total, limit, n_copy_groups)


def _print_estimates(chosen: list[Any], total: int, limit: int) -> None:
    t = table(("date", None), ("quantity", None), ("category", 2), ("scope", 3), ("low", None),
              ("best", None), ("high", None), ("best from", 3))
    for e in chosen:
        scope = e.scope_text if e.scope != "current" else ""
        text_row(t, e.as_of or "", e.quantity, e.category + (f" ({e.subgroup})" if e.subgroup else ""), scope,
                 number(e.low), number(e.best), number(e.high), e.best_source or "")
    out.print(t)
    for rule in dict.fromkeys(e.best_rule for e in chosen if e.best_rule):
        out.print(Text("rule: ", style="bold") + Text(rule))
    out.print(shown(len(chosen), total, "estimate", limit))


def _print_series(lines: list[Any], total: int, limit: int, n_copy_groups: int) -> None:
    t = table(("claimant", 2), ("quantity", None), ("category", 2), ("scope", 2),
              ("points (date: value [reports])", 5))
    for s in lines:
        pts = "  ->  ".join(f"{p.as_of or '?'}: {point_figure(p)} [{p.n_reports}]" for p in s.points)
        if s.n_points > len(s.points):
            pts = f"({s.n_points - len(s.points):,} earlier points; `sitrep export series` has them all)  ->  {pts}"
        text_row(t, s.claimant or "(no claimant)", s.quantity, s.category + (f"/{s.subgroup}" if s.subgroup else ""),
                 s.scope_text, pts)
    out.print(t)
    out.print(f"{shown(len(lines), total, 'series', limit).replace('seriess', 'series')}; "
              f"{plural(n_copy_groups, 'wire-copy group')} counted once")


@app.command(context_settings=CONTEXT)
def contradictions(
    db: Db = DEFAULT_DB,
    kind: Optional[str] = typer.Option(None, help="One of: update, scope, category, partisan, genuine, control."),
    window: int = typer.Option(7, min=0, help="Days within which two figures are compared. The stored results "
                               "are for 7 days; another window is computed from the stored series (slower)."),
    limit: Rows = 40,
) -> None:
    """Disagreements between figures (and control claims) with a reason: a later update, a
    different scope, fighters against everyone, a partisan claim, or a genuine conflict.

    Example: sitrep contradictions --kind partisan
    """
    from sitrep.publish.pages import contradictions_page
    from sitrep.records.contradictions import KINDS

    valid_choice(kind, KINDS, "--kind")
    with open_read(db, reconciled=True) as store:
        page, total = contradictions_page(store, kind=kind, window=window, limit=limit)
    for c in page:
        out.print(Text(f"[{c.kind}] ", style="bold") + Text(c.explanation))
        for side in (c.a, c.b):
            out.print(Text(f"    {side.source or 'no claimant'} in {side.outlet or side.doc} "
                           f"({side.date or 'undated'}): {side.sentence}"))
    out.print(shown(len(page), total, "contradiction", limit))


@app.command(context_settings=CONTEXT)
def framing(
    db: Db = DEFAULT_DB,
    side: Optional[str] = typer.Option(None, help="One of: opposition, government, foreign, other."),
    outlets: bool = typer.Option(False, "--outlets", help="One summary line per outlet, side by side."),
    limit: Rows = 60,
) -> None:
    """How each outlet labels each side ("rebels", "insurgents", "anti-regime forces",
    "terrorists"; "regime forces", "Syrian army"), with counts, loaded terms marked, and
    how many uses were inside a quotation (the quoted speaker's label, not the outlet's).

    Example: sitrep framing --side opposition
    """
    from sitrep.records.framing import FRAMED_SIDES

    valid_choice(side, FRAMED_SIDES, "--side")
    with open_read(db, reconciled=True) as store:
        if outlets:
            summaries, n_outlets, filled = store.outlet_page(limit=limit)
        else:
            rows, total = store.framing_by_side(side=side, limit=limit)
    if outlets:
        _print_outlets(summaries, n_outlets, filled, limit)
        return
    t = table(("side", None), ("outlet", 2), ("label", 2), ("uses", None), ("voice", None),
              ("loaded", None), ("example", 5))
    for r in rows:
        example = r.examples[0][1] if r.examples else ""
        text_row(t, r.actor_side, r.outlet, r.label, r.count, r.voice, "loaded" if r.loaded else "", example)
    out.print(t)
    out.print(shown(len(rows), total, "row", limit))


# The outlet summary's columns, in order; those no outlet fills are left out.
OUTLET_FIELDS = ("outlet", "n_articles", "loaded_share", "opposition_labels", "government_labels",
                 "foreign_labels", "other_labels", "quoted_labels")


def _print_outlets(summaries: list[Any], n_outlets: int, filled: set[str], limit: int) -> None:
    t = Table(header_style="bold", expand=True)
    fields = [f for f in OUTLET_FIELDS if f in filled]
    for f in fields:
        t.add_column(f.replace("_labels", "").replace("n_", "").replace("_", " "), overflow="fold")
    for row in summaries:
        t.add_row(*(Text(cell(getattr(row, f))) for f in fields))
    out.print(t)
    out.print(shown(len(summaries), n_outlets, "outlet", limit))
