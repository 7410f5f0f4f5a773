"""Control contradictions: events on the same place within the window where one source
says a side took it and another that another side took it, or that the first side
withdrew (or that its front line is some way off); one pair per place and pair of
statements (the nearest in time), from different articles (``contradictions`` lists the
kinds)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from functools import lru_cache

from sitrep.reconcile.scope import DEFAULT_WINDOW_DAYS, rules
from sitrep.records.contradictions import Contradiction, Side
from sitrep.records.rows import EventRow

@lru_cache(maxsize=4096)  # formatting a date is the slowest step of wording thousands of pairs
def day_text(d: date | None) -> str:
    """'4 Dec', or 'undated'."""
    return f"{d.day} {d:%b}" if d else "undated"


def _statement(e: EventRow) -> tuple[str, str] | None:
    """('holds', side) for a capture, ('lost', side) for a withdrawal, ('outside', side)
    for a side's front line some way from the place; None otherwise."""
    cfg = rules()["control"]
    if e.type == "front_line" and e.actor1_side not in (None, "unknown") and e.distance_km is not None:
        if e.distance_km >= FRONT_OUTSIDE_KM:
            return ("outside", e.actor1_side)
        return None
    if e.type in cfg["held_types"] and e.winner:
        return ("holds", e.winner)
    if e.type in cfg["loss_types"] and e.actor1_side and e.actor1_side != "unknown":
        return ("lost", e.actor1_side)
    return None


# A side whose front line is at least this far from a place does not hold it (tuned on the
# seeds: "20 km from Hama" on 4 Dec against Hama's fall on 5 Dec; "3 to 4 km" stays out).
FRONT_OUTSIDE_KM = 5.0


def _opposed(x: tuple[str, str], y: tuple[str, str]) -> bool:
    if x[0] == y[0] == "holds":
        return x[1] != y[1]
    if "outside" in (x[0], y[0]):
        # kept out vs took it; two front lines or a withdrawal say nothing against it
        return x[1] == y[1] and {x[0], y[0]} == {"outside", "holds"}
    return x[0] != y[0] and x[1] == y[1]  # took it vs withdrew from it


def _event_side(e: EventRow, statement: tuple[str, str], place: str) -> Side:
    if statement[0] == "outside":
        how_far = f"{e.distance_km:g}" + (f"-{e.distance_high_km:g}" if e.distance_high_km else "")
        text = f"{statement[1]} forces {how_far} km from {place}"
    else:
        text = f"{statement[1]} {'took' if statement[0] == 'holds' else 'withdrew from'} {place}"
    return Side(
        statement=text, source=e.source, source_kind=e.source_kind,
        date=e.date or e.published, doc=e.doc, outlet=e.outlet, sentence=e.sentence, ref=e.id,
        scope=e.place_text, docs=[e.doc],
    )


ControlItem = tuple[date, tuple[str, str], EventRow]  # day, statement, event


def control_item(e: EventRow) -> ControlItem | None:
    """(day, statement, event) of an event that says who holds its place, else None."""
    statement = _statement(e)
    day = e.date or e.published
    if statement and e.place and day:
        return (day, statement, e)
    return None


def control_order(item: ControlItem) -> tuple:
    """The order statements on one place are compared in: date, article, offset, id."""
    day, _, e = item
    return (day, e.doc, e.start, e.id)


def control_pair(a: ControlItem, b: ControlItem) -> tuple:
    """One pair per place and pair of statements, and per front-line claimant: each
    source's account of the front line gets its own line."""
    (_, si, ei), (_, sj, ej) = a, b
    outside = next((e.source or e.outlet or e.doc for st, e in ((si, ei), (sj, ej)) if st[0] == "outside"), None)
    return (tuple(sorted((si, sj))), outside)


def control_best(items: list[ControlItem], window_days: int = DEFAULT_WINDOW_DAYS,
                 new: set[str] | None = None) -> dict[tuple, tuple[int, ControlItem, ControlItem]]:
    """The nearest opposed statements on one place for each ``control_pair`` (the first in
    ``control_order`` among the nearest): pair -> (days apart, earlier, later). ``new``:
    only pairs with one of these event ids (what new events add to a stored result)."""
    items = sorted(items, key=control_order)
    best: dict[tuple, tuple[int, int, int]] = {}
    for i, (di, si, ei) in enumerate(items):
        for j in range(i + 1, len(items)):
            dj, sj, ej = items[j]
            if (dj - di).days > window_days:
                break
            if ej.doc == ei.doc or not _opposed(si, sj):
                continue
            if new is not None and ei.id not in new and ej.id not in new:
                continue
            pair = control_pair(items[i], items[j])
            if pair not in best or (dj - di).days < best[pair][0]:
                best[pair] = ((dj - di).days, i, j)
    return {pair: (days, items[i], items[j]) for pair, (days, i, j) in best.items()}


def control_make(a: ControlItem, b: ControlItem, days: int) -> Contradiction:
    (di, si, ei), (dj, sj, ej) = a, b
    place = ei.place or ""
    sa, sb = _event_side(ei, si, place), _event_side(ej, sj, place)
    who_a, who_b = ei.source or ei.outlet or ei.doc, ej.source or ej.outlet or ej.doc
    when = "on the same day" if days == 0 else f"within {days} day{'s' * (days > 1)}"
    return Contradiction(
        "control", f"control of {place}", sa, sb,
        f"{who_a} says {sa.statement} ({day_text(di)}) but {who_b} says {sb.statement} "
        f"({day_text(dj)}): control of {place} is disputed or changed hands {when}.",
    )


def control_contradictions(events: Iterable[EventRow], *,
                           window_days: int = DEFAULT_WINDOW_DAYS) -> list[Contradiction]:
    """Sources that disagree on who holds a place (module docstring); blocked by place."""
    by_place: dict[str, list[ControlItem]] = {}
    for e in events:
        item = control_item(e)
        if item is not None:
            by_place.setdefault(e.place.casefold(), []).append(item)  # type: ignore[union-attr]
    found: list[Contradiction] = []
    for items in by_place.values():
        found.extend(control_make(a, b, days) for days, a, b in control_best(items, window_days).values())
    return found


def control_block(e: EventRow) -> str | None:
    """The block of a control statement (its place), None for an event that makes none."""
    if control_item(e) is None:
        return None
    return f"control:{e.place.casefold()}"  # type: ignore[union-attr]
