"""Ranking a name's gazetteer candidates: population, feature, the article's countries,
distance to places already named, and the trust a candidate needs."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field

from sitrep.extract.gazetteer.lookup import Candidate, Gazetteer
from sitrep.extract.gazetteer.names import normalise, skeleton
from sitrep.records import Place
from .candidates import ADMIN_FEATURES
from .spans import Qualifier, admin_key, in_qualifier


# --------------------------------------------------------------------------- ranking
#
# A name's candidates are ranked by a score: population (a prior: the big place is meant
# more often), the kind of place (a country or province before a town of the same name),
# the article's countries (by rank), the provinces it names, the distance to its other
# places, and an explicit qualifier ("Athens, Ga.", "a village in Idlib province"). The
# weights were tuned on the LGL and TR-News geoparsing corpora (../shared/geo) and checked
# on GeoVirus, with the conflict seeds and unit tests kept green.

# Score per decade of population ("a town of 10,000" -> 4).
POPULATION_WEIGHT = 1.0
# Kind of place: a bare "Georgia" or "Lebanon" is the country or state, not a hamlet.
FEATURE_BONUS = {"country": 3.0, "admin1": 2.0, "region": 2.0, "admin2": 1.0, "city": 0.0}
# The article's countries, by rank (most named first); the rest get the last value.
COUNTRY_BONUS = (3.0, 2.0, 1.0)
# A place in a province or state that the article names ("Ohio", "Ky.", "Idlib province").
ADMIN1_BONUS = 2.5
# Distance to the article's other places (km thresholds, bonus): local news clusters.
DISTANCE_BONUS = ((50.0, 3.0), (150.0, 2.0), (400.0, 1.0))
# "Town, State" / "Town, Country" / "a village in X province": decides on its own.
QUALIFIER_BONUS = 20.0
# Matched under an alternate name (not the place's own) or under a loose spelling.
ALTERNATE_PENALTY = 2.0
SKELETON_PENALTY = 1.0
# How many of a name's best candidates stand for it when other names look for neighbours.
ANCHOR_CANDIDATES = 8
# A province or state outside the article's countries is believed when named in full
# and this big ("Ontario" in a story from Michigan); smaller ones collide with words.
FOREIGN_ADMIN1_MIN_POPULATION = 1_000_000


@dataclass(slots=True)
class Context:
    """What an article says about where it is: countries (ranked), provinces named,
    places already resolved (for distance)."""

    countries: list[str]
    admin1: set[tuple[str, str]] = field(default_factory=set)
    anchors: dict[str, list[Place]] = field(default_factory=dict)  # name key -> its likely places
    rank: dict[str, int] = field(default_factory=dict)
    seen: dict[str, list[Place]] = field(default_factory=dict)  # filled while resolving
    choices: dict[str, int] = field(default_factory=dict)  # name key -> trusted candidates
    memo: dict[tuple, tuple[Place, int | None, str] | None] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.rank = {cc: i for i, cc in enumerate(self.countries)}


def _score(cand: Candidate, ctx: Context, qualifier: Qualifier | None, key: str) -> float:
    p = cand.place
    s = POPULATION_WEIGHT * math.log10(max(p.population, 0) + 1)
    if p.feature in ("country", "region") or p.country in ctx.rank:
        # a province abroad gets no edge over a town at home ("Gaza" is not Mozambique's)
        s += FEATURE_BONUS.get(p.feature, 0.0)
    if not cand.main:
        s -= ALTERNATE_PENALTY
    if cand.match == "skeleton":
        s -= SKELETON_PENALTY
    if p.country in ctx.rank:
        s += COUNTRY_BONUS[min(ctx.rank[p.country], len(COUNTRY_BONUS) - 1)]
    if p.feature not in ("country", "region") and (p.country, admin_key(p)) in ctx.admin1:
        s += ADMIN1_BONUS
    if p.feature in ("city", "admin2") and ctx.anchors:
        near = _nearest_km(p, ctx.anchors, key)
        if near is not None:
            s += next((bonus for limit, bonus in DISTANCE_BONUS if near <= limit), 0.0)
    if qualifier:
        s += QUALIFIER_BONUS if in_qualifier(p, qualifier) else -QUALIFIER_BONUS
    return s


def _nearest_km(p: Place, anchors: dict[str, list[Place]], key: str) -> float | None:
    """Distance to the nearest likely place of the article's other names (a name is no
    evidence for itself): Paris near Henry County is Paris, Tennessee."""
    limit = DISTANCE_BONUS[-1][0]
    box = limit / 111.0  # degrees of latitude
    best = None
    for k, places in anchors.items():
        if k == key:
            continue
        for a in places:
            if abs(a.lat - p.lat) > box:
                continue
            d = _km(p, a)
            if d <= limit and (best is None or d < best):
                best = d
    return best


def _km(a: Place, b: Place) -> float:
    la1, la2 = math.radians(a.lat), math.radians(b.lat)
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin(math.radians(b.lon - a.lon) / 2) ** 2
    return 12742.0 * math.asin(min(1.0, math.sqrt(h)))


def _trusted(gazetteer: Gazetteer, cand: Candidate, ctx: Context, qualifier: Qualifier | None) -> bool:
    p = cand.place
    if qualifier and in_qualifier(p, qualifier) and p.feature != "country":
        return cand.match == "exact" or p.country in ctx.countries[:2]
    if p.feature in ("city", "admin2") and (p.country, admin_key(p)) in ctx.admin1 and (
            cand.main or cand.match == "exact"):
        return True  # a town of a province the article names
    if (p.feature == "admin1" and cand.main and cand.match == "exact"
            and p.population >= FOREIGN_ADMIN1_MIN_POPULATION):
        return True
    if p.feature == "admin2" and cand.match == "exact":
        return True  # "Laurel County": the name says what it is
    if p.feature == "region" and p.country is None:
        return cand.match == "exact"  # continents, seas, unions: no country context to check
    return gazetteer.trusted(cand, context_countries=ctx.countries)


# A bare name shared by a province and its own big town is the town ("Rockets fell on
# Kharkiv", "Hama", "New York"): when the town holds at least this share of the province's
# population. Smaller namesakes (Georgia, Vermont) leave the state.
NAMESAKE_CITY_MIN_SHARE = 0.05


def _namesake_city(area: Candidate, scored: Sequence[Candidate]) -> Candidate:
    key = skeleton(normalise(area.place.name))
    for c in scored:
        p = c.place
        if (p.feature == "city" and p.country == area.place.country and c.main and c.match == "exact"
                and skeleton(normalise(p.name)) == key and p.population >= NAMESAKE_CITY_MIN_SHARE * area.place.population):
            return c
    return area


def resolve_name(
    gazetteer: Gazetteer, name: str, ctx: Context, *, admin: bool, city: bool,
    qualifier: Qualifier | None = None,
) -> tuple[Place, int | None, str] | None:
    """Place, precision and rule for a name, or None."""
    memo_key = (name, admin, city, qualifier)
    if memo_key in ctx.memo:
        return ctx.memo[memo_key]
    ctx.memo[memo_key] = found = _resolve_name_uncached(gazetteer, name, ctx, admin=admin, city=city,
                                                        qualifier=qualifier)
    return found


def _resolve_name_uncached(
    gazetteer: Gazetteer, name: str, ctx: Context, *, admin: bool, city: bool, qualifier: Qualifier | None,
) -> tuple[Place, int | None, str] | None:
    key = normalise(name)
    cands = [c for c in gazetteer.matches(name)
             if _trusted(gazetteer, c, ctx, qualifier)]
    if not cands:
        return None
    scored = sorted(cands, key=lambda c: -_score(c, ctx, qualifier, key))
    if key not in ctx.seen:
        ctx.seen[key] = [c.place for c in scored[:ANCHOR_CANDIDATES] if c.place.feature in ("city", "admin2")]
    ctx.choices[key] = max(ctx.choices.get(key, 0), len(scored))
    if admin:
        area = next((c for c in scored if c.place.feature in ADMIN_FEATURES), None)
        if area:
            return area.place, 3, "admin1"
        town = next((c for c in scored if c.place.feature == "city"), None)
        if town:
            region = gazetteer.admin1_area(town.place)
            return (region, 3, "admin1") if region else (town.place, 3, "admin1-via-city")
        return None
    if city:
        scored = [c for c in scored if c.place.feature == "city"] or scored
    best = scored[0]
    if best.place.feature == "admin1":
        best = _namesake_city(best, scored)
    if best.place.feature == "country":
        return best.place, None, "country"
    if best.place.feature == "region" and best.place.country is None:
        return best.place, None, "region"  # continents, seas, unions: context, too coarse for an event
    if best.place.feature in ADMIN_FEATURES:
        return best.place, 3, "admin1"
    rule = f"gazetteer-{best.match}"
    if qualifier and in_qualifier(best.place, qualifier):
        rule += "+qualified"
    return best.place, 1, rule
