"""What a figure counts: the scope of a claim, and the reconcile rules as data.

The scope rule (``scope_of``). Two figures are only comparable like-for-like
when they count the same thing over the same area and period. A claim's scope
has four parts, all derived from the claim's stored fields (the parts written in
its sentence, the region list, the incident words and whether the claimant is a
facility, were read when the claim was extracted: ``extract.scope_text``, stored
as the claim's ``scope_*`` columns; nothing here reads text):

- **era**: ``historical`` when the claim is flagged historical ("since 2011",
  "in 1982") or its ``period_start`` lies more than ``historical_days`` before
  its date; else ``current`` (the fighting being reported). Eras are never
  compared with each other.
- **region**: the claim's ``place`` when extraction set one (or the written
  list that contains it, "across Idlib and northern Aleppo" for place Idlib); else a regional
  qualifier written near the figure: a preposition (across, in, throughout...)
  followed by a list of places ("across Idlib and northern Aleppo") or a
  place with a direction ("in north-west Syria"), every name checked against
  the gazetteer (``scope_region``). A single bare place ("in Syria", "in Gaza") is not a
  qualifier: most tolls name the war's own theatre. No region = the whole
  theatre. Area words ("countryside", "province") and "the" are dropped from
  the key, so "Idlib and the northern Aleppo countryside" = "Idlib and
  northern Aleppo".
- **period**: ``short`` when the count covers at most ``short_period_days``
  ("in the past 24 hours"), a period count that is not a running total.
  ``period_start`` itself is kept (``Scope.period_start``) but is not part of
  the key, because relative dates resolve loosely; contradictions compare it
  with ``period_tolerance_days``.
  A claimant that is one facility (a hospital, a health directorate:
  ``facility_words``) has the facility as its region.
- **incident**: a figure tied to one strike or attack (incident words and no
  cumulative words in the sentence) is an incident count, keyed by its place
  (a single named place is enough here: ``scope_place``) and day.
"""

from __future__ import annotations

import functools
from typing import Any

from sitrep.records.rows import ClaimRow
from sitrep.records.series import Scope, SeriesPoint

from sitrep.lexicon.loader import read_json

RULES_FILE = "reconcile.json"
# The window figures and control statements are compared within, and contradictions are
# stored for: a week, as ACLED's weekly coding.
DEFAULT_WINDOW_DAYS = 7


@functools.cache
def rules() -> dict[str, Any]:
    """The reconcile rules (``data/reconcile.json``), read once."""
    return read_json(RULES_FILE)


def era_of(claim: ClaimRow) -> str:
    if claim.historical:
        return "historical"
    if claim.period_start and claim.as_of:
        if (claim.as_of - claim.period_start).days > rules()["scope"]["historical_days"]:
            return "historical"
    return "current"


def scope_of(claim: ClaimRow) -> Scope:
    """The scope of one claim (rule in the module docstring), from its stored fields: the
    parts written in its sentence were read at extraction (``claim.scope_*``)."""
    s = rules()["scope"]
    era = era_of(claim)
    region = region_text = None
    if claim.place:  # a written list holding the place is the scope, else the place itself
        region, region_text = ((claim.scope_region, claim.scope_region_text) if claim.scope_region
                               else (claim.place.lower(), claim.place))
    elif claim.source and claim.scope_facility:
        region, region_text = claim.source.lower(), claim.source
    elif claim.scope_region:
        region, region_text = claim.scope_region, claim.scope_region_text
    period = None
    if era == "current" and claim.period_start and claim.as_of:
        if 0 <= (claim.as_of - claim.period_start).days <= s["short_period_days"]:
            period = "short"
    incident = None
    if era == "current" and claim.scope_incident:
        where = region or claim.scope_place or ""
        day = claim.as_of.isoformat() if claim.as_of else ""
        incident = f"{where}@{day}"
    return Scope(era, region, region_text, period, incident, claim.period_start)


def periods_differ(a: Scope, b: Scope) -> bool:
    """Both give a period start and they are further apart than the tolerance."""
    if a.period_start is None or b.period_start is None:
        return False
    return abs((a.period_start - b.period_start).days) > rules()["scope"]["period_tolerance_days"]


# --- claimants and figures ------------------------------------------------------------

def is_independent(source_kind: str | None) -> bool:
    """A monitor, UN agency, NGO or medical body (``claimants.independent_kinds``)."""
    return (source_kind or "") in rules()["claimants"]["independent_kinds"]


def is_partisan(source_kind: str | None, category: str) -> bool:
    """A belligerent counting the other side's losses (``claimants.enemy_categories``)."""
    return category in rules()["claimants"]["enemy_categories"].get(source_kind or "", ())


def bounds(value: int | None, low: int | None, high: int | None) -> tuple[float, float] | None:
    """The range a figure stands for; an open end spans ``compare.open_bound`` beyond it."""
    spread = rules()["compare"]["open_bound"]
    lo = low if low is not None else value
    hi = high if high is not None else value
    if lo is None and hi is None:
        return None
    if lo is None:
        lo = hi * (1 - spread)  # type: ignore[operator]
    if hi is None:
        hi = lo * (1 + spread)
    return float(lo), float(hi)


def point_range(point: SeriesPoint) -> tuple[float, float] | None:
    """The range a series point's figure stands for (``bounds``)."""
    return bounds(point.value, point.low, point.high)


def gap(a: tuple[float, float], b: tuple[float, float]) -> float:
    """How far apart two ranges are, as a ratio (1.0 when they overlap)."""
    lo, hi = (a, b) if a[0] <= b[0] else (b, a)
    if hi[0] <= lo[1] or lo[1] <= 0:
        return 1.0 if hi[0] <= lo[1] else float("inf")
    return hi[0] / lo[1]


def agree(a: tuple[float, float] | None, b: tuple[float, float] | None) -> bool:
    """Ranges within ``compare.tolerance`` of each other (unknown ranges agree)."""
    if a is None or b is None:
        return True
    return gap(a, b) <= 1 + rules()["compare"]["tolerance"]
