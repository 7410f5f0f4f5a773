"""Figures and control claims that disagree across sources, each with a reason.

Figures (``find_contradictions``). Claims are first grouped into series
(``series.build_series``), so a figure repeated by many outlets or wire copies
is compared once. Points are blocked by (quantity, category group, era,
window-sized bucket of days); a point is compared only with points of its own
and the previous bucket, and with one point per other series (the nearest in
time): never all pairs across the corpus. A pair is kept when:

- the categories are the same or one is part of the other (``categories.parent``):
  a part (rebels) may be below its whole (total) but never above it;
- incident counts are only compared with the same incident (``scope``);
- the figures disagree beyond ``compare.tolerance``, and, for a running total
  given later and higher by another claimant, beyond ``compare.max_growth_ratio``
  (a rising toll is growth, not a contradiction).

Each kept pair is classified, first rule that applies:

1. ``update``: the same claimant, category and scope, a later figure (consecutive
   points of one series only: a rising series is not a disagreement).
2. ``scope``: a different area, a short period count, or period starts further
   apart than ``scope.period_tolerance_days``.
3. ``partisan``: the higher figure is a belligerent's count of enemy losses.
4. ``category``: a part above its whole (fighters vs everyone).
5. ``genuine``: otherwise.

Control (``control.control_contradictions``): events on the same place within
the window where one source says a side took it and another that another side
took it, or that the first side withdrew; one pair per place and pair of
statements (the nearest in time), from different articles.
"""

from __future__ import annotations

import bisect
import heapq
from collections.abc import Callable, Collection, Iterable, Mapping
from datetime import date
from typing import TypeVar

from sitrep.reconcile.scope import DEFAULT_WINDOW_DAYS, agree, gap, is_independent, periods_differ, point_range, rules
from sitrep.reconcile.control import control_contradictions, day_text
from sitrep.reconcile.series import build_series, partisan
from sitrep.records.contradictions import KINDS, Contradiction, Side
from sitrep.records.rows import ClaimRow, EventRow
from sitrep.records.series import Series, SeriesPoint



# --- wording ------------------------------------------------------------------------

def _what(quantity: str, category: str) -> str:
    people = "people" if category == "total" else category
    return f"{people} {quantity}"


def _side(s: Series, p: SeriesPoint) -> Side:
    first = p.reports[0]
    return Side(
        statement=f"{p.text()} {_what(s.quantity, s.category)}", source=s.name,
        source_kind=s.claimant_kind, date=p.as_of, doc=first.doc, outlet=first.outlet,
        sentence=first.sentence, ref=first.claim_id, value=p.figure, scope=s.scope.describe(),
        docs=[r.doc for r in p.reports],
    )


def _possessive(name: str) -> str:
    return f"{name}'" if name.endswith("s") else f"{name}'s"


# --- figures --------------------------------------------------------------------------

def _ancestors(category: str) -> list[str]:
    parent = rules()["categories"]["parent"]
    out = []
    while (category := parent.get(category)) is not None:
        out.append(category)
    return out


def _group(category: str) -> str:
    cats = rules()["categories"]
    return cats["group"].get(category, cats["group_default"])


def _era(s: Series) -> str:
    """The first part of the scope's key (``Scope.key``), without building the whole key."""
    scope = s.scope
    if scope.era == "historical" and scope.period_start:
        return f"historical since {scope.period_start.year}"
    return scope.era


def _scope_differs(a: Series, b: Series) -> bool:
    sa, sb = a.scope, b.scope
    return sa.region != sb.region or sa.period != sb.period or periods_differ(sa, sb)


def _same_claimant(a: Series, b: Series) -> bool:
    return a.claimant is not None and a.claimant == b.claimant


Item = tuple[Series, SeriesPoint]
T = TypeVar("T")


def _disagree(a: Item, b: Item) -> float | None:
    """The ratio between two figures when they disagree (module docstring), else None."""
    (sa, pa), (sb, pb) = a, b
    ra, rb = point_range(pa), point_range(pb)
    if ra is None or rb is None:
        return None
    cfg = rules()["compare"]
    if sa.category != sb.category:  # part vs whole: only a part above its whole
        part, whole = (a, b) if sb.category in _ancestors(sa.category) else (b, a)
        (_, pp), (_, pw) = part, whole
        lo_part, hi_whole = point_range(pp)[0], point_range(pw)[1]  # type: ignore[index]
        if pp.as_of and pw.as_of and pp.as_of > pw.as_of and not _same_claimant(sa, sb):
            hi_whole *= cfg["max_growth_ratio"]
        ratio = lo_part / hi_whole if hi_whole > 0 else float("inf")
        return ratio if ratio > 1 + cfg["tolerance"] else None
    if agree(ra, rb):
        return None
    ratio = gap(ra, rb)
    if sa.scope.narrow != sb.scope.narrow:  # a part of the fighting below the whole: consistent
        narrow, wide = (pa, pb) if sa.scope.narrow else (pb, pa)
        if point_range(narrow)[1] <= point_range(wide)[0]:  # type: ignore[index]
            return None
    earlier, later = (pa, pb) if (pa.as_of or date.min) <= (pb.as_of or date.min) else (pb, pa)
    grows = (earlier.as_of != later.as_of and (later.figure or 0) > (earlier.figure or 0)
             and sa.quantity in cfg["cumulative_quantities"] and not _same_claimant(sa, sb))
    if grows and ratio <= cfg["max_growth_ratio"]:
        return None
    return ratio


def _comparable(a: Series, b: Series) -> bool:
    if a.subgroup != b.subgroup or _era(a) != _era(b):
        return False
    if a.scope.incident or b.scope.incident:  # the same incident, at a named place
        if a.scope.key != b.scope.key or a.scope.incident.startswith("@"):  # type: ignore[union-attr]
            return False
    return a.category == b.category or a.category in _ancestors(b.category) \
        or b.category in _ancestors(a.category)


def _redundant(a: Series, b: Series, given: set[tuple[str, str, str, str]]) -> bool:
    if a.category == b.category:
        return False
    part, whole = (a, b) if b.category in _ancestors(a.category) else (b, a)
    return (whole.name, whole.quantity, part.category, whole.scope.key) in given


def _explain(kind: str, a: Item, b: Item, ratio: float) -> str:
    (sa, pa), (sb, pb) = a, b
    fa, fb = f"{pa.text()} ({day_text(pa.as_of)})", f"{pb.text()} ({day_text(pb.as_of)})"
    what = _what(sa.quantity, sa.category)
    if kind == "update":
        verb = "raised" if (pb.figure or 0) >= (pa.figure or 0) else "lowered"
        return (f"{sa.name} {verb} its count of {what} from {fa} to {fb}: "
                "a later figure in one series, not a disagreement.")
    if kind == "scope":
        extra = " (and a belligerent's count of enemy losses)" if partisan(sa) or partisan(sb) else ""
        return (f"{_possessive(sa.name)} {fa} {sa.scope.phrase()}, while "
                f"{_possessive(sb.name)} {fb} {sb.scope.phrase()}: "
                f"different scopes, not like-for-like{extra}.")
    if kind == "partisan":
        high, low = (a, b) if (pa.figure or 0) >= (pb.figure or 0) else (b, a)
        (sh, ph), (sl, pl) = high, low
        tail = "both are belligerents' counts of enemy losses" if partisan(sl) else \
            "a belligerent's count of enemy losses"
        return (f"{sh.name} claims {ph.text()} {_what(sh.quantity, sh.category)} ({day_text(ph.as_of)}), "
                f"far above {_possessive(sl.name)} {pl.text()} ({day_text(pl.as_of)}): {tail}.")
    if kind == "category":
        part, whole = (a, b) if sb.category in _ancestors(sa.category) else (b, a)
        (sp, pp), (sw, pw) = part, whole
        return (f"{_possessive(sp.name)} {pp.text()} {sp.category} ({day_text(pp.as_of)}) is more than "
                f"{_possessive(sw.name)} {pw.text()} {_what(sw.quantity, sw.category)} "
                f"({day_text(pw.as_of)}), though {sp.category} are part of {_what(sw.quantity, sw.category)}.")
    return (f"{sa.name} gives {pa.text()} {what} ({day_text(pa.as_of)}) but {sb.name} gives {fb}: "
            f"the figures differ {ratio:.1f}-fold with no difference of scope or category found.")


def _classify(a: Item, b: Item) -> str:
    (sa, pa), (sb, pb) = a, b
    if _same_claimant(sa, sb) and sa.category == sb.category and sa.scope.key == sb.scope.key:
        return "update"
    if _scope_differs(sa, sb):
        return "scope"
    high_series = sa if (pa.figure or 0) >= (pb.figure or 0) else sb
    if partisan(high_series):
        return "partisan"
    if sa.category != sb.category:
        return "category"
    return "genuine"


def _ordered(a: Item, b: Item) -> tuple[Item, Item]:
    ka = (a[1].as_of or date.min, a[1].figure or 0)
    kb = (b[1].as_of or date.min, b[1].figure or 0)
    return (a, b) if ka <= kb else (b, a)


def _make(a: Item, b: Item, ratio: float) -> Contradiction:
    a, b = _ordered(a, b)
    kind = _classify(a, b)
    subject = f"{a[0].quantity} / {a[0].category}" + (
        f" vs {b[0].category}" if b[0].category != a[0].category else "")
    return Contradiction(kind, subject, _side(*a), _side(*b), _explain(kind, a, b, ratio), ratio)


def _updates(series: list[Series], window_days: int) -> Iterable[Contradiction]:
    for s in series:
        for p, q in zip(s.points, s.points[1:]):
            if p.as_of is None or q.as_of is None or (q.as_of - p.as_of).days > window_days:
                continue
            if not agree(point_range(p), point_range(q)):
                yield _make((s, p), (s, q), gap(point_range(p), point_range(q)))  # type: ignore[arg-type]


def _nearest(points: list[SeriesPoint], days: list[int], day: date,
             window_days: int) -> SeriesPoint | None:
    """The point nearest ``day`` (on-or-before first) in date-sorted ``points``."""
    i = bisect.bisect_right(days, day.toordinal())
    candidates = [points[j] for j in (i - 1, i) if 0 <= j < len(points)]
    best = None
    for p in candidates:
        distance = (abs((p.as_of - day).days), p.as_of > day)  # type: ignore[operator]
        if distance[0] <= window_days and (best is None or distance < best[0]):
            best = (distance, p)
    return best[1] if best else None


# Reference series per (quantity, category group, era, week) block. 8 keeps every claimant
# of the seeds and the sample in play (at most 5 per block there) and bounds a block of
# thousands of series (synthetic 800-article bench: 437,667 pairs in 40 s before the cap).
MAX_PEERS_PER_BLOCK = 8


def n_reports(s: Series) -> int:
    """How many reports a series holds: the weight of a reference series."""
    return sum(len(p.reports) for p in s.points)


def given_key(s: Series) -> tuple[str, str, str, str]:
    return (s.name, s.quantity, s.category, s.scope.key)


Bucket = tuple[str, str, str, int]  # quantity, category group, era, window-sized bucket of days


def bucket_of(s: Series, p: SeriesPoint, window_days: int = DEFAULT_WINDOW_DAYS) -> Bucket | None:
    """The bucket a point is compared in (None: no date or no figure, never compared)."""
    if p.as_of is None or point_range(p) is None:
        return None
    return (s.quantity, _group(s.category), _era(s), p.as_of.toordinal() // window_days)


def figure_buckets(all_series: Iterable[Series], window_days: int) -> dict[Bucket, dict[int, list[SeriesPoint]]]:
    """Points by bucket, then by series (``id``), in series order."""
    blocks: dict[Bucket, dict[int, list[SeriesPoint]]] = {}
    for s in all_series:
        for p in s.points:
            key = bucket_of(s, p, window_days)
            if key is not None:
                blocks.setdefault(key, {}).setdefault(id(s), []).append(p)
    return blocks


def reference_rank(kind: str | None, weight: int, key: str) -> tuple[bool, int, str]:
    """A series' rank among a bucket's reference series (``reference_series``): independent
    claimants first, then the most reported (``weight``: its reports), then by key."""
    return (not is_independent(kind), -weight, key)


def reference_series(pool: Iterable[T], rank: Callable[[T], tuple[bool, int, str]]) -> list[T]:
    """The series of a bucket's ``pool`` every figure is compared with (``compare_bucket``),
    best ``rank`` (``reference_rank``) first."""
    return heapq.nsmallest(MAX_PEERS_PER_BLOCK, pool, key=rank)


Pair = tuple[Item, Item, float]  # two figures that disagree, and by how much (``_disagree``)


def compare_bucket(members: Mapping[int, list[SeriesPoint]], previous: Mapping[int, list[SeriesPoint]],
                   by_id: Mapping[int, Series], given: set[tuple[str, str, str, str]], window_days: int,
                   weight: Callable[[Series], int], only: Collection[int] | None = None) -> list[Contradiction]:
    """The contradictions found in one bucket: its points against the reference series of
    the bucket and the one before (module docstring). A pair of points is only ever found
    in the bucket of its later point, so buckets can be computed apart; the result does
    not depend on the order of ``members``. ``weight``: a series' number of reports.
    ``only``: just the pairs with a point of one of these series (by ``id``): what a full
    compare finds of them, whichever side of a pair it starts from."""
    return [_make(a, b, ratio) for a, b, ratio in bucket_pairs(members, previous, by_id, given, window_days,
                                                               weight, only)]


def made(pair: Pair) -> Contradiction:
    """The contradiction of a pair of ``bucket_pairs``: its points' first reports are read
    now (the reconcile stage reads them for the pairs found only)."""
    return _make(*pair)


def bucket_pairs(members: Mapping[int, list[SeriesPoint]], previous: Mapping[int, list[SeriesPoint]],
                 by_id: Mapping[int, Series], given: set[tuple[str, str, str, str]], window_days: int,
                 weight: Callable[[Series], int], only: Collection[int] | None = None) -> list[Pair]:
    """``compare_bucket``'s pairs of figures, before they are made contradictions: which
    pairs disagree reads no report of either point."""
    found: list[Pair] = []
    pool: dict[int, list[SeriesPoint]] = {}
    for part in (members, previous):
        for oid, opoints in part.items():
            pool.setdefault(oid, []).extend(opoints)
    # Each figure is compared with the block's reference series only (independent
    # claimants first, then the most reported), never with every other series: the
    # cost stays linear in the block, and a disagreement with a marginal source that
    # no reference shares is not worth a line.
    peers = reference_series(pool, lambda i: reference_rank(by_id[i].claimant_kind, weight(by_id[i]), by_id[i].key))
    # Each reference series' points by date, once per bucket (not once per member compared with it).
    by_date: dict[int, tuple[list[SeriesPoint], list[int]]] = {}
    for oid in peers:
        pool[oid].sort(key=lambda x: x.as_of)  # type: ignore[arg-type,return-value]
        by_date[oid] = (pool[oid], [x.as_of.toordinal() for x in pool[oid]])  # type: ignore[union-attr]
    seen: set[tuple[int, int]] = set()
    for sid, points in members.items():
        s = by_id[sid]
        mine = only is None or sid in only
        for oid in peers:
            if oid == sid or not (mine or oid in only):  # type: ignore[operator]
                continue
            o = by_id[oid]
            if not _comparable(s, o) or _redundant(s, o, given):
                continue
            opoints, days = by_date[oid]
            for p in points:
                q = _nearest(opoints, days, p.as_of, window_days)  # type: ignore[arg-type]
                if q is None or (min(id(p), id(q)), max(id(p), id(q))) in seen:
                    continue
                seen.add((min(id(p), id(q)), max(id(p), id(q))))
                ratio = _disagree((s, p), (o, q))
                if ratio is not None:
                    found.append(((s, p), (o, q), ratio))
    return found


def find_contradictions(
    claims: Iterable[ClaimRow], events: Iterable[EventRow] = (), *,
    copy_of: Mapping[str, str] = {}, window_days: int = DEFAULT_WINDOW_DAYS,
    series: list[Series] | None = None,
) -> list[Contradiction]:
    """Contradictions among figures (and control claims from ``events``); module docstring.

    Pass ``series`` (from ``build_series``) to reuse them; ``claims`` is then ignored.
    """
    all_series = series if series is not None else build_series(claims, copy_of=copy_of)
    found = list(_updates(all_series, window_days))
    blocks = figure_buckets(all_series, window_days)
    by_id = {id(s): s for s in all_series}
    # (claimant, quantity, category, scope) given: a part vs another claimant's whole is
    # skipped when that claimant also gives the part (the like-for-like pair is compared).
    given = {given_key(s) for s in all_series}
    for (quantity, group, era, bucket), members in blocks.items():
        previous = blocks.get((quantity, group, era, bucket - 1), {})
        found.extend(compare_bucket(members, previous, by_id, given, window_days, n_reports))
    found.extend(control_contradictions(events, window_days=window_days))
    return sorted(found, key=order)


def order(c: Contradiction) -> tuple:
    """The order contradictions are listed in: kind, subject, first date, then id."""
    return (KINDS.index(c.kind), c.subject, c.a.date or date.min, c.id)


def figure_block(quantity: str, category: str, scope_key: str) -> str:
    """The block a series of figures is compared within (quantity, category group, era):
    figures of two blocks are never compared, so a block's contradictions depend on its
    series alone (the reconcile stage recomputes only the blocks new claims touch)."""
    return f"figures:{quantity}|{_group(category)}|{scope_key.split('|', 1)[0]}"
