"""The report's adapter to ``sitrep.reconcile``: calls it and turns its output into views.

Each reconcile step (copies, series, estimates, contradictions, framing) is
called through ``guarded``: when the module or function is missing, or it
raises, the report still renders its other sections and lists the reason in
its "Notes" (``Adapter.notes``). Views are the report's own typed rows, so a
change in a reconcile record breaks one section, not the page.
"""

from __future__ import annotations

import importlib
import inspect
import logging
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any, TypeVar

from sitrep.store import ArticleRow, ClaimRow, EventRow, Store

log = logging.getLogger(__name__)
T = TypeVar("T")

# Claimant kinds trusted for the fallback best estimate, most trusted first (the
# UCDP habit: independent monitors and the UN over parties to the conflict).
TRUSTED_KINDS = ("monitor", "un", "ngo", "medical")


@dataclass(slots=True)
class Estimate:
    quantity: str
    category: str
    best: int | None
    low: int | None
    high: int | None
    best_rule: str
    claimants: list[str]
    claim_ids: list[str]
    as_of: date | None = None
    scope: str = "current"
    subgroup: str | None = None
    scope_text: str = ""  # the scope in words ("Idlib and northern Aleppo only")

    @property
    def key(self) -> tuple[str, str, str, str]:
        return (self.quantity, self.category, self.subgroup or "", self.scope)


@dataclass(slots=True)
class SeriesView:
    quantity: str
    category: str
    claimant: str
    points: list[tuple[date, int, str]]  # (date, value, claim id)
    scope: str = "current"  # the scope key: only series of one scope are comparable
    scope_text: str = ""


@dataclass(slots=True)
class SideView:
    """One side of a contradiction; ``ref`` is the claim or event id it rests on."""

    ref: str
    statement: str = ""
    source: str | None = None
    source_kind: str = "unknown"
    day: date | None = None
    doc: str = ""
    outlet: str | None = None
    sentence: str = ""


@dataclass(slots=True)
class ContradictionView:
    kind: str
    subject: str
    explanation: str
    sides: list[SideView]

    @property
    def claim_ids(self) -> list[str]:
        return [s.ref for s in self.sides]


@dataclass(slots=True)
class FramingView:
    outlet: str
    actor: str
    actor_side: str
    label: str
    count: int
    loaded: bool
    examples: list[str]


@dataclass(slots=True)
class Adapter:
    """Calls reconcile steps; ``notes`` collects why a step was skipped or replaced."""

    notes: list[str] = field(default_factory=list)
    series: list[Any] | None = None  # reconcile's own series, reused by estimates and contradictions

    def with_series(self, func: Callable[..., Any]) -> dict[str, Any]:
        """``series=`` for a reconcile function that accepts it, once series are built."""
        if self.series is None or "series" not in inspect.signature(func).parameters:
            return {}
        return {"series": self.series}

    def guarded(self, step: str, module: str, name: str, call: Callable[[Callable[..., Any]], T],
                fallback: Callable[[], T]) -> T:
        try:
            func = getattr(importlib.import_module(f"sitrep.reconcile.{module}"), name)
        except (ImportError, AttributeError) as exc:
            self.notes.append(f"{step}: sitrep.reconcile.{module}.{name} is not available ({exc}); "
                              "used the report's simple fallback.")
            return fallback()
        try:
            return call(func)
        except Exception as exc:  # noqa: BLE001 - any failure of one step must not lose the report
            log.warning("report: %s failed", step, exc_info=True)
            self.notes.append(f"{step}: {module}.{name} raised {type(exc).__name__}: {exc}; "
                              "used the report's simple fallback.")
            return fallback()


def _attr(obj: Any, *names: str, default: Any = None) -> Any:
    for name in names:
        value = obj.get(name) if isinstance(obj, dict) else getattr(obj, name, None)
        if value is not None:
            return value
    return default


def _claim_date(c: ClaimRow) -> date | None:
    return c.as_of or c.published


def _figure(c: ClaimRow) -> int | None:
    return c.value if c.value is not None else c.low


def _recency(c: ClaimRow) -> tuple[date, int]:
    return (_claim_date(c) or date.min, _figure(c) or 0)


def claim_ids_of(obj: Any) -> list[str]:
    """Claim ids in a reconcile record, whatever it calls them (claims, a/b, ids)."""
    ids: list[str] = []
    for name in ("claims", "claim_ids", "reports", "a", "b", "left", "right", "first", "second", "newer", "older"):
        value = _attr(obj, name)
        items = value if isinstance(value, (list, tuple)) else [value] if value is not None else []
        for item in items:
            cid = item if isinstance(item, str) else _attr(item, "id", "claim_id", "ref")
            if isinstance(cid, str) and cid not in ids:
                ids.append(cid)
    return ids


# -- copies ------------------------------------------------------------------

def copy_of(adapter: Adapter, articles: Store | Sequence[ArticleRow]) -> dict[str, str]:
    """doc -> canonical doc; pass the store to use its stored signatures (no text read)."""
    def call(find: Callable[..., Any]) -> dict[str, str]:
        from sitrep.reconcile.copies import copy_map

        return dict(copy_map(find(articles)))
    return adapter.guarded("copies", "copies", "find_copies", call, dict)


# -- estimates ---------------------------------------------------------------

def simple_estimates(claims: Sequence[ClaimRow]) -> list[Estimate]:
    """Per quantity/category: each claimant's latest figure; best = latest trusted claimant."""
    latest: dict[tuple[str, str], dict[str, ClaimRow]] = defaultdict(dict)
    for c in claims:
        if c.historical or _figure(c) is None:
            continue
        who = c.source or "(no claimant)"
        seen = latest[(c.quantity, c.category)].get(who)
        if seen is None or _recency(c) > _recency(seen):
            latest[(c.quantity, c.category)][who] = c
    out = []
    for (quantity, category), by_who in latest.items():
        rows = list(by_who.values())
        values = [_figure(c) or 0 for c in rows]
        trusted = [c for c in rows if c.source_kind in TRUSTED_KINDS]
        if trusted:
            pick = max(trusted, key=_recency)
            rule = f"latest figure of a {pick.source_kind} claimant"
        else:
            pick = max(rows, key=lambda c: _figure(c) or 0)
            rule = "highest claimed figure (no monitor or UN figure)"
        out.append(Estimate(quantity, category, _figure(pick), min(values), max(values), rule,
                            sorted(by_who), [c.id for c in rows], max((_claim_date(c) for c in rows
                                                                       if _claim_date(c)), default=None)))
    return out


def estimates(adapter: Adapter, claims: Sequence[ClaimRow], copy_map: dict[str, str]) -> list[Estimate]:
    def call(func: Callable[..., Any]) -> list[Estimate]:
        out = []
        for e in func(claims, copy_of=copy_map, **adapter.with_series(func)):
            claimants = _attr(e, "claimants", "sources", default=[])
            out.append(Estimate(
                str(_attr(e, "quantity")), str(_attr(e, "category", default="total")),
                _attr(e, "best"), _attr(e, "low"), _attr(e, "high"),
                str(_attr(e, "best_rule", "rule", default="")),
                [str(_attr(x, "name", default=x)) for x in claimants], claim_ids_of(e),
                _attr(e, "as_of", "date"), str(_attr(e, "scope", default="current")), _attr(e, "subgroup"),
                str(_attr(e, "scope_text", default=""))))
        return out
    return adapter.guarded("estimates", "series", "estimates", call, lambda: simple_estimates(claims))


# -- series ------------------------------------------------------------------

def latest_estimates(items: Sequence[Estimate]) -> list[Estimate]:
    """The latest estimate per quantity, category, subgroup and scope (estimates come per date)."""
    latest: dict[tuple[str, str, str, str], Estimate] = {}
    for e in items:
        seen = latest.get(e.key)
        if seen is None or (e.as_of or date.min) >= (seen.as_of or date.min):
            latest[e.key] = e
    return list(latest.values())


def simple_series(claims: Sequence[ClaimRow], copy_map: dict[str, str]) -> list[SeriesView]:
    """Per quantity/category/claimant: the figures by date (copies of one article once)."""
    points: dict[tuple[str, str, str], dict[date, tuple[int, str]]] = defaultdict(dict)
    seen_docs: set[tuple[str, str, str, int | None]] = set()
    for c in claims:
        day, value = _claim_date(c), _figure(c)
        if c.historical or day is None or value is None:
            continue
        key = (c.quantity, c.category, c.source or "(no claimant)")
        dup = (copy_map.get(c.doc, c.doc), *key[:2], value)
        if dup in seen_docs:
            continue
        seen_docs.add(dup)
        old = points[key].get(day)
        if old is None or value > old[0]:
            points[key][day] = (value, c.id)
    return [SeriesView(q, cat, who, sorted((d, v, i) for d, (v, i) in by_day.items()))
            for (q, cat, who), by_day in points.items()]


def series(adapter: Adapter, claims: Sequence[ClaimRow], copy_map: dict[str, str]) -> list[SeriesView]:
    by_id = {c.id: c for c in claims}

    def call(func: Callable[..., Any]) -> list[SeriesView]:
        out = []
        adapter.series = list(func(claims, copy_of=copy_map))
        for s in adapter.series:
            pts = []
            for p in _attr(s, "points", default=[]):
                ids = claim_ids_of(p) or [str(_attr(p, "claim_id", "claim", default=""))]
                claim = by_id.get(ids[0])
                day = _attr(p, "as_of", "date", "day") or (claim and _claim_date(claim))
                value = _attr(p, "value", "best", "low")
                if day is not None and value is not None:
                    pts.append((day, int(value), ids[0]))
            claimant = _attr(s, "claimant", "source")
            label = str(_attr(claimant, "name", default=claimant)) if claimant else \
                f"unattributed, {_attr(s, 'outlet', default='unknown outlet')}"
            if _attr(s, "subgroup"):
                label += f" ({_attr(s, 'subgroup')})"
            scope = _attr(s, "scope")
            out.append(SeriesView(str(_attr(s, "quantity")), str(_attr(s, "category", default="total")),
                                  label, sorted(pts), str(_attr(scope, "key", default=scope or "current")),
                                  str(scope.describe()) if hasattr(scope, "describe") else ""))
        return out
    return adapter.guarded("series", "series", "build_series", call,
                           lambda: simple_series(claims, copy_map))


# -- contradictions and framing -----------------------------------------------

def contradictions(adapter: Adapter, claims: Sequence[ClaimRow], events: Sequence[EventRow],
                   copy_map: dict[str, str]) -> list[ContradictionView]:
    def side(obj: Any) -> SideView:
        if isinstance(obj, str):
            return SideView(obj)
        return SideView(str(_attr(obj, "ref", "id", "claim_id", default="")),
                        str(_attr(obj, "statement", default="")), _attr(obj, "source"),
                        str(_attr(obj, "source_kind", default="unknown")), _attr(obj, "date", "as_of"),
                        str(_attr(obj, "doc", default="")), _attr(obj, "outlet"),
                        str(_attr(obj, "sentence", default="")))

    def call(func: Callable[..., Any]) -> list[ContradictionView]:
        out = []
        for x in func(claims, events, copy_of=copy_map, **adapter.with_series(func)):
            sides = [side(_attr(x, n)) for n in ("a", "b") if _attr(x, n) is not None]
            if not sides:
                sides = [SideView(cid) for cid in claim_ids_of(x)]
            out.append(ContradictionView(str(_attr(x, "kind", default="")), str(_attr(x, "subject", default="")),
                                         str(_attr(x, "explanation", "reason", default="")), sides))
        return out
    return adapter.guarded("contradictions", "contradictions", "find_contradictions", call, list)


def _lexicon(module: Any) -> Any:
    for name in ("load_lexicon", "default_lexicon", "lexicon"):
        loader = getattr(module, name, None)
        if callable(loader):
            return loader()
    return None


def _example(item: Any) -> str:
    """An example sentence; framing gives (doc, sentence) pairs or plain strings."""
    if isinstance(item, (list, tuple)) and item:
        return str(item[-1])
    return str(_attr(item, "sentence", default=item))


def framing(adapter: Adapter, articles: Sequence[ArticleRow]) -> list[FramingView]:
    def call(func: Callable[..., Any]) -> list[FramingView]:
        lexicon = _lexicon(importlib.import_module("sitrep.reconcile.framing"))
        rows = func(articles, lexicon) if lexicon is not None else func(articles)
        return [FramingView(str(_attr(r, "outlet", default="(unknown outlet)")), str(_attr(r, "actor", default="")),
                            str(_attr(r, "actor_side", default="unknown")), str(_attr(r, "label", default="")),
                            int(_attr(r, "count", default=0)), bool(_attr(r, "loaded", default=False)),
                            [_example(x) for x in _attr(r, "examples", default=[])][:2])
                for r in rows]
    return adapter.guarded("framing", "framing", "framing", call, list)
