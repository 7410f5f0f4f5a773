"""A guarded adapter from the web app to ``sitrep.reconcile`` (series, contradictions, framing).

The reconcile functions are looked up by name when a page asks for them and called with
the inputs their parameters name (``claims``, ``articles``, ``events``, ``series``,
``copy_of``, ``store``). A function that is missing, or asks for something this adapter
cannot give, makes the view unavailable with a reason (HTTP 503) instead of breaking the
app. Results are cached per version of the database file: they read the whole store.
"""

from __future__ import annotations

import dataclasses
import importlib
import inspect
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from fastapi.encoders import jsonable_encoder

from sitrep.store import Store

# Views that read the whole store are cached for this many database versions (one per
# view and version; older versions are dropped).
CACHE_VERSIONS = 2


class ReconcileUnavailable(Exception):
    """A reconcile function this view needs is missing or cannot be called."""


@dataclass(frozen=True, slots=True)
class Step:
    module: str  # under sitrep.reconcile
    function: str
    rows: tuple[str, ...] = ("to_rows",)  # functions of the same module that flatten the result
    rename: tuple[tuple[str, str], ...] = ()  # (parameter, input) where the names differ


@dataclass(frozen=True, slots=True)
class View:
    title: str
    steps: tuple[Step, ...]  # tried in order; every step's result is shown as a table


VIEWS: dict[str, View] = {
    "series": View("Figures over time", (Step("series", "build_series"), Step("series", "estimates", ()))),
    "contradictions": View("Contradictions", (Step("contradictions", "find_contradictions"),)),
    "framing": View("Framing", (Step("framing", "outlet_summary", (), (("rows", "framing"),)), Step("framing", "framing"))),
    "copies": View("Wire copies", (Step("copies", "find_copies", ("copy_rows",)),)),
}


def lookup(module: str, name: str) -> Callable[..., Any]:
    try:
        found = importlib.import_module(f"sitrep.reconcile.{module}")
    except ImportError as exc:
        raise ReconcileUnavailable(f"sitrep.reconcile.{module} is not available ({exc})") from exc
    fn = getattr(found, name, None)
    if not callable(fn):
        raise ReconcileUnavailable(f"sitrep.reconcile.{module}.{name} is not available")
    return fn


class _Inputs:
    """What a reconcile function may ask for, read from the store once each."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._made: dict[str, Any] = {}

    def get(self, name: str) -> Any:
        if name not in self._made:
            self._made[name] = self._make(name)
        return self._made[name]

    def _make(self, name: str) -> Any:
        if name == "store":
            return self.store
        if name == "claims":
            return self.store.claims()
        if name == "events":
            return self.store.events()
        if name in ("articles", "docs"):
            return self.store.articles(with_text=True)
        if name in ("mentions", "places", "place_mentions"):
            return self.store.place_mentions()
        if name == "copies":
            return lookup("copies", "find_copies")(self.store)  # stored signatures: no texts read
        if name == "copy_of":
            return lookup("copies", "copy_map")(self.get("copies"))
        if name == "series":
            return lookup("series", "build_series")(self.get("claims"), copy_of=self.get("copy_of"))
        if name == "framing":
            return lookup("framing", "framing")(self.get("articles"))
        raise KeyError(name)


def call(fn: Callable[..., Any], inputs: _Inputs, rename: dict[str, str] | None = None) -> Any:
    """Call ``fn`` with every input its parameters name (or ``rename`` maps them to);
    unknown optional ones keep their defaults."""
    args: list[Any] = []
    kwargs: dict[str, Any] = {}
    for p in inspect.signature(fn).parameters.values():
        if p.kind in (p.VAR_POSITIONAL, p.VAR_KEYWORD):
            continue
        try:
            value = inputs.get((rename or {}).get(p.name, p.name))
        except KeyError:
            if p.default is p.empty:
                raise ReconcileUnavailable(
                    f"{fn.__module__}.{fn.__name__} needs {p.name!r}, which the web app cannot give") from None
            continue
        if p.kind is p.POSITIONAL_ONLY:
            args.append(value)
        else:
            kwargs[p.name] = value
    return fn(*args, **kwargs)


def flat(item: Any) -> dict[str, Any]:
    """One table row: a dataclass or mapping as JSON-ready values."""
    if dataclasses.is_dataclass(item) and not isinstance(item, type):
        return jsonable_encoder({f.name: getattr(item, f.name) for f in dataclasses.fields(item)})
    if isinstance(item, dict):
        return jsonable_encoder(item)
    return {"value": jsonable_encoder(item)}


def _as_list(result: Any) -> list[Any]:
    if isinstance(result, dict):  # e.g. outlet -> summary
        return [{"key": k, **flat(v)} for k, v in result.items()]
    if isinstance(result, Iterable) and not isinstance(result, (str, bytes)):
        return list(result)
    return [result]


@dataclass(slots=True)
class Table:
    name: str  # module.function
    rows: list[dict[str, Any]]


def compute(view: View, store: Store) -> list[Table]:
    inputs = _Inputs(store)
    tables: list[Table] = []
    for step in view.steps:
        fn = lookup(step.module, step.function)
        result = call(fn, inputs, dict(step.rename))
        for name in step.rows:  # the first flattener found; none: show the records themselves
            try:
                flatten = lookup(step.module, name)
            except ReconcileUnavailable:
                continue
            result = flatten(result)
            break
        tables.append(Table(f"{step.module}.{step.function}", [flat(i) for i in _as_list(result)]))
    return tables


class ReconcileCache:
    """``compute`` results per (view, database version)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._done: dict[tuple[Any, Any], list[Table]] = {}

    def get(self, name: Any, version: Any, make: Callable[[], list[Table]]) -> list[Table]:
        key = (name, version)
        with self._lock:
            if key in self._done:
                return self._done[key]
        tables = make()
        with self._lock:
            stale = [k for k in self._done if k[0] == name and k[1] != version]
            for k in stale[: max(0, len(stale) - CACHE_VERSIONS + 1)]:
                del self._done[k]
            self._done[key] = tables
        return tables


# Filter name -> the row fields it may match, first found wins (rows differ by view).
FILTER_FIELDS: dict[str, tuple[str, ...]] = {
    "source": ("source", "claimant", "best_source"),
    "outlet": ("outlet", "outlets"),
    "doc": ("doc", "docs"),
}
# Filters on names, matched as any-case substrings like everywhere else (store.queries);
# the others (quantity, category, doc) are exact.
TEXT_FILTERS = frozenset({"source", "outlet", "place"})


def matches(row: dict[str, Any], filters: dict[str, Any]) -> bool:
    """Keep a row when every given filter matches the row's field for it (see
    ``FILTER_FIELDS``), or for a list field one of its entries: names (``TEXT_FILTERS``) as
    any-case substrings, the rest equal in any case; ``since``/``until`` bound ``as_of`` or
    ``date``. A filter whose field the row lacks does not apply."""
    for key, wanted in filters.items():
        if wanted is None:
            continue
        if key in ("since", "until"):
            day = row.get("as_of") or row.get("date")
            if day is None:
                continue
            day = date.fromisoformat(str(day)[:10])
            if (key == "since" and day < wanted) or (key == "until" and day > wanted):
                return False
            continue
        present = [f for f in FILTER_FIELDS.get(key, (key,)) if f in row]
        if not present:
            continue
        value = row[present[0]]
        values = value if isinstance(value, list) else [value]
        want = str(wanted).lower()
        if key in TEXT_FILTERS:
            hit = any(want in str(v).lower() for v in values if v is not None)
        else:
            hit = any(str(v).lower() == want for v in values if v is not None)
        if not hit:
            return False
    return True
