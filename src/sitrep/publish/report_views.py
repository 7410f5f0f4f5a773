"""Views of the stored cross-source results as the report shows them (``Store.series()``
and the rest, read from the reconcile stage's tables), shared with the web app's overview."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sitrep.records.contradictions import Contradiction, Side
from sitrep.records.framing import FramingRow
from sitrep.records.series import Estimate, Series
from sitrep.records import CATEGORIES, QUANTITIES
from sitrep.store import Store


@dataclass(slots=True)
class EstimateView:
    quantity: str
    category: str
    best: int | None
    low: int | None
    high: int | None
    best_rule: str
    claimants: list[str]  # "claimant: figure (date)", every figure that counted
    as_of: date | None = None
    scope: str = "current"
    subgroup: str | None = None
    scope_text: str = ""  # the scope in words ("Idlib and northern Aleppo only")

    @property
    def key(self) -> tuple[str, str, str, str]:
        return (self.quantity, self.category, self.subgroup or "", self.scope)

    @classmethod
    def of(cls, e: Estimate) -> EstimateView:
        return cls(e.quantity, e.category, e.best, e.low, e.high, e.best_rule, list(e.sources), e.as_of,
                   e.scope, e.subgroup, e.scope_text)


@dataclass(slots=True)
class SeriesView:
    quantity: str
    category: str
    claimant: str
    points: list[tuple[date, int, str]]  # (date, value, claim id of its first report)
    scope: str = "current"  # the scope key: only series of one scope are comparable
    scope_text: str = ""

    @classmethod
    def of(cls, s: Series) -> SeriesView:
        points = []
        for p in s.points:
            value = p.value if p.value is not None else p.low
            if p.as_of is not None and value is not None and p.reports:
                points.append((p.as_of, int(value), p.reports[0].claim_id))
        label = s.claimant or f"unattributed, {s.outlet or 'unknown outlet'}"
        if s.subgroup:
            label += f" ({s.subgroup})"
        return cls(s.quantity, s.category, label, sorted(points), s.scope.key, s.scope.describe())


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

    @classmethod
    def of(cls, side: Side) -> SideView:
        return cls(side.ref, side.statement, side.source, side.source_kind, side.date, side.doc, side.outlet,
                   side.sentence)


@dataclass(slots=True)
class ContradictionView:
    kind: str
    subject: str
    explanation: str
    sides: list[SideView]

    @property
    def claim_ids(self) -> list[str]:
        return [s.ref for s in self.sides]

    @classmethod
    def of(cls, c: Contradiction) -> ContradictionView:
        return cls(c.kind, c.subject, c.explanation, [SideView.of(c.a), SideView.of(c.b)])


@dataclass(slots=True)
class FramingView:
    outlet: str
    actor: str
    actor_side: str
    label: str
    count: int
    loaded: bool
    examples: list[str]  # example sentences

    @classmethod
    def of(cls, r: FramingRow) -> FramingView:
        return cls(r.outlet, r.actor, r.actor_side, r.label, r.count, r.loaded,
                   [sentence for _, sentence in r.examples][:2])


def latest_estimates(items: Sequence[EstimateView]) -> list[EstimateView]:
    """The latest estimate per quantity, category, subgroup and scope (estimates come per date)."""
    latest: dict[tuple[str, str, str, str], EstimateView] = {}
    for e in items:
        seen = latest.get(e.key)
        if seen is None or (e.as_of or date.min) >= (seen.as_of or date.min):
            latest[e.key] = e
    return list(latest.values())


def _estimate_order(e: EstimateView) -> tuple:
    q = QUANTITIES.index(e.quantity) if e.quantity in QUANTITIES else len(QUANTITIES)
    c = CATEGORIES.index(e.category) if e.category in CATEGORIES else len(CATEGORIES)
    return (e.scope != "current", e.subgroup is not None, q, c, -(e.best or 0))


def current_estimates(store: Store) -> list[EstimateView]:
    """The latest estimate of each group (``latest_estimates``, read so from the store), in
    headline order, history ("since 2011", "in 1982") left out: it enters no current
    estimate or headline card."""
    latest = sorted((EstimateView.of(e) for e in store.latest_estimates()), key=_estimate_order)
    return [e for e in latest if not e.scope.startswith("historical")]
