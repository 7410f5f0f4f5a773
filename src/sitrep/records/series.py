"""Records of figure series and estimates: what ``sitrep.reconcile.series`` computes, the
store keeps (tables ``recon_series``, ``recon_points``, ``recon_reports``,
``recon_estimates``) and every reader shows.

A figure's range (``reconcile.scope.point_range``) and whether a series is a belligerent's
count of enemy losses (``reconcile.series.partisan``) read the reconcile rules, so they are
functions of the reconcile stage, not properties here.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

UNATTRIBUTED = "unattributed"


@dataclass(frozen=True, slots=True)
class Scope:
    era: str  # "current" | "historical"
    region: str | None = None  # normalised key, e.g. "idlib + northern aleppo"
    region_text: str | None = None  # as written, e.g. "Idlib and northern Aleppo"
    period: str | None = None  # "short" for counts over a day or two
    incident: str | None = None  # "<place>@<day>" for a count of one strike/attack
    period_start: date | None = None  # not part of the key

    @property
    def key(self) -> str:
        parts = [self.era]
        if self.era == "historical" and self.period_start:
            parts[0] = f"historical since {self.period_start.year}"
        if self.region:
            parts.append(f"in {self.region}")
        if self.period:
            parts.append(f"period {self.period}")
        if self.incident:
            parts.append(f"incident {self.incident}")
        return "|".join(parts)

    def describe(self) -> str:
        """Readable scope: 'Idlib and northern Aleppo only', 'since 2011', ..."""
        bits = []
        if self.era == "historical":
            bits.append(f"since {self.period_start.year}" if self.period_start else "historical")
        if self.region_text:
            bits.append(f"{self.region_text} only")
        if self.period == "short" and self.period_start:
            bits.append(f"a count since {self.period_start:%-d %b}")
        if self.incident:
            bits.append("one incident")
        return ", ".join(bits) or "no narrower area or period"

    @property
    def narrow(self) -> bool:
        """Counts a part of the fighting: a region, a facility or a short period."""
        return bool(self.region or self.period)

    def phrase(self) -> str:
        """'covers Idlib and northern Aleppo only' / 'gives no narrower area or period'."""
        text = self.describe()
        return f"gives {text}" if text.startswith("no ") else f"covers {text}"


@dataclass(slots=True)
class Report:
    """One article reporting a figure (its wire copies in ``copies``)."""

    doc: str
    outlet: str | None
    published: date | None
    claim_id: str
    sentence: str
    value: int | None = None
    qualifier: str | None = None
    copies: list[str] = field(default_factory=list)


@dataclass(slots=True)
class SeriesPoint:
    as_of: date | None
    value: int | None
    low: int | None
    high: int | None
    qualifier: str | None
    reports: list[Report] = field(default_factory=list)

    @property
    def figure(self) -> int | None:
        """The number to show: the value, else the lower bound."""
        return self.value if self.value is not None else self.low

    def text(self) -> str:
        """'over 1,600', 'nearly 1,000', 'hundreds'."""
        if self.value is None:
            return self.qualifier or (f"{self.low:,}-{self.high:,}" if self.low and self.high else "?")
        return f"{self.qualifier} {self.value:,}" if self.qualifier else f"{self.value:,}"


@dataclass(slots=True)
class StoredPoint(SeriesPoint):
    """A point of a stored series read back without its reports, which the reconcile stage
    keeps as it is stored: its row's digest and fingerprint, its bucket and its reports'
    count (``store.reconciled_rows.series_rows_of`` writes no row for it, only its place)."""

    row_hash: str = ""
    fingerprint: str = ""
    bucket: int | None = None
    n_reports: int = 0


@dataclass(slots=True)
class Series:
    key: str
    claimant: str | None  # canonical claimant; None when unattributed (see ``outlet``)
    claimant_kind: str
    quantity: str
    category: str
    subgroup: str | None
    scope: Scope
    points: list[SeriesPoint] = field(default_factory=list)
    outlet: str | None = None  # for an unattributed series: whose figures these are

    @property
    def name(self) -> str:
        if self.claimant:
            return self.claimant
        return f"{UNATTRIBUTED} ({self.outlet})" if self.outlet else UNATTRIBUTED


@dataclass(slots=True)
class SeriesPointRow:
    """A series point flattened for ``export_rows``."""

    series: str
    claimant: str | None
    claimant_kind: str
    quantity: str
    category: str
    subgroup: str | None
    scope: str
    scope_text: str
    as_of: date | None
    value: int | None
    low: int | None
    high: int | None
    qualifier: str | None
    change: int | None  # from the previous point of the series
    n_reports: int
    docs: list[str]
    outlets: list[str]
    claim_ids: list[str]
    copies: list[str]
    sentence: str


@dataclass(slots=True)
class Estimate:
    quantity: str
    category: str
    as_of: date
    low: int | None
    best: int | None
    high: int | None
    best_rule: str
    best_source: str | None
    sources: list[str]  # "claimant: figure (date)", every figure that counted
    subgroup: str | None = None
    scope: str = "current"
    scope_text: str = "no narrower area or period"  # the scope in words (Scope.describe)

    @property
    def historical(self) -> bool:
        """A figure of past fighting ("since 2011", "in 1982"): never a current estimate."""
        return self.scope.startswith("historical")

    @property
    def key(self) -> tuple[str, str, str, str]:
        """What the estimate counts: quantity, category, subgroup and scope (one per date)."""
        return (self.quantity, self.category, self.subgroup or "", self.scope)


@dataclass(slots=True)
class SeriesLine:
    """A series as `sitrep series` lists it: what it counts and its latest points."""

    key: str
    claimant: str | None
    quantity: str
    category: str
    subgroup: str | None
    scope_text: str
    n_points: int
    points: list[SeriesPointRow]  # its latest points, oldest first


def estimate_group(s: Series) -> str:
    """The key of the estimates a series counts in: quantity, category, subgroup, scope."""
    return "/".join((s.quantity, s.category, s.subgroup or "", s.scope.key))


def to_rows(series: Iterable[Series]) -> list[SeriesPointRow]:
    """One flat row per point, for exports (``publish.exports.export_rows``)."""
    rows: list[SeriesPointRow] = []
    for s in series:
        previous: SeriesPoint | None = None
        for p in s.points:
            rows.append(point_row(s, p, previous))
            previous = p
    return rows


def point_row(s: Series, p: SeriesPoint, previous: SeriesPoint | None) -> SeriesPointRow:
    """The flat row of point ``p`` of ``s`` (``previous``: the point before it, if any)."""
    change = None
    if previous is not None and p.figure is not None and previous.figure is not None:
        change = p.figure - previous.figure
    return SeriesPointRow(
        series=s.key, claimant=s.name, claimant_kind=s.claimant_kind,
        quantity=s.quantity, category=s.category, subgroup=s.subgroup,
        scope=s.scope.key, scope_text=s.scope.describe(), as_of=p.as_of,
        value=p.value, low=p.low, high=p.high, qualifier=p.qualifier, change=change,
        n_reports=len(p.reports), docs=[r.doc for r in p.reports],
        outlets=list(dict.fromkeys(r.outlet for r in p.reports if r.outlet)),
        claim_ids=[r.claim_id for r in p.reports],
        copies=[c for r in p.reports for c in r.copies],
        sentence=p.reports[0].sentence if p.reports else "",
    )
