"""Place mentions: which capitalised spans of an article are places, and where.

Candidates come from NER or ``capitalised_candidates``; their *type* is decided
here from the gazetteer and the words around them, never from NER labels
(spaCy tags Hama as ORG and villages as PERSON). Three outcomes, following
ACLED's geo_precision:

1. the gazetteer knows the place -> precision 1 (rule ``gazetteer-exact`` or
   ``gazetteer-skeleton``); a province mention ("Hama province", "the province
   of Idlib", "Donetsk oblast") -> the admin-1 area, precision 3 (``admin1``);
2. the gazetteer does not know it, but the text says it is a place ("the towns
   of X and Y", "captured A, B and C", a list next to known places) -> anchored
   to the place the text relates it to: a city -> precision 2
   (``anchored-near:Hama``), a province -> precision 3 (``anchored-in:Hama``);
3. otherwise it is not reported (or reported unanchored, rule ``unresolved``,
   when the text says it is a place but names nothing to anchor it to).
"""

from __future__ import annotations

import dataclasses
import functools
import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from sitrep.extract.spans import starting_in
from sitrep.nlp import MAX_SENTENCE_CHARS
from sitrep.extract.gazetteer import FEATURE_ORDER, Candidate, Gazetteer, normalise, skeleton
from sitrep.lexicon.loader import read_json
from sitrep.records import Place, PlaceMention

# How far back (characters, within the sentence) a cue such as "the towns of"
# may sit before a name. Calibrated on Syria/Ukraine wire copy: cues sit right
# before the name or before the first item of a list.
CUE_WINDOW = 60
# Cities cited as country evidence must be this big: a mention of Hama or Goma
# says which country a story is about, a homonym hamlet of a common word does not.
CONTEXT_CITY_MIN_POPULATION = 50_000
ADMIN_FEATURES = ("admin1", "admin2", "region")


@dataclass(frozen=True, slots=True)
class _Words:
    admin_suffixes: frozenset[str]
    admin_nouns_before: frozenset[str]
    city_suffixes: frozenset[str]
    settlement_nouns: frozenset[str]
    prepositions: frozenset[str]
    verbs: frozenset[str]
    directions: frozenset[str]
    leading_modifiers: frozenset[str]
    descriptor_tails: frozenset[str]
    function_words: frozenset[str]
    name_heads: frozenset[str]
    description_modifiers: frozenset[str]
    actor_nouns: frozenset[str]
    facility_heads: frozenset[str]
    facility_modifiers: frozenset[str]
    unit_words: frozenset[str]
    descriptions: dict[str, tuple[str, ...]]
    articles: frozenset[str]
    list_joiner: re.Pattern[str]


@functools.cache
def _words() -> _Words:
    w = read_json("gazetteer", "place_words.json")
    translit = read_json("gazetteer", "transliteration.json")
    return _Words(
        admin_suffixes=frozenset(w["admin_suffixes"]),
        admin_nouns_before=frozenset(w["admin_nouns_before"]),
        city_suffixes=frozenset(w["city_suffixes"]),
        settlement_nouns=frozenset(w["settlement_nouns"]),
        prepositions=frozenset(w["place_prepositions"]),
        verbs=frozenset(w["place_verbs"]),
        directions=frozenset(w["direction_relations"]),
        leading_modifiers=frozenset(w["leading_modifiers"]),
        descriptor_tails=frozenset(w["descriptor_tails"]),
        function_words=frozenset(w["function_words"]),
        name_heads=frozenset(w["name_heads"]),
        description_modifiers=frozenset(w["description_modifiers"]),
        actor_nouns=frozenset(w["actor_nouns"]),
        facility_heads=frozenset(w["facility_heads"]),
        facility_modifiers=frozenset(w["facility_modifiers"]),
        unit_words=frozenset(w["unit_words"]),
        descriptions={k: tuple(v) for k, v in w["descriptions"].items()},
        articles=frozenset(translit["articles"]),
        list_joiner=re.compile(w["list_joiners"], re.IGNORECASE),
    )


# --------------------------------------------------------------------------- candidates

# A word: letters/digits with inner hyphens or apostrophes ("al-Nasiriyah", "Ma'arrat"),
# or a dotted abbreviation ("U.S.", "D.C.", "W.Va.", "Ill.": a short capitalised word and
# its dot; a dotted word that the gazetteer does not know is read without its dot).
_TOKEN = re.compile(r"(?:[A-Z]\.){2,}(?![^\W_])|(?:[A-Z][a-z]{0,3}\.\s?)?[A-Z][a-z]{0,4}\.(?![^\W_])"
                    r"|[^\W_]+(?:[-'’ʿʾ‘][^\W_]+)*")
_INITIALS = re.compile(r"(?:[A-Z]\.){2,}")


@functools.cache
def _dotted_abbreviations() -> frozenset[str]:
    """Dotted abbreviations that are place names ("Ill.", "W.Va.", "B.C."), spaces removed."""
    names = read_json("gazetteer", "admin_names.json")
    out = {a.replace(" ", "") for table in names["abbreviations"].values() for a in table if a.endswith(".")}
    return frozenset(out | set(names["name_prefixes"]))


@functools.cache
def _name_prefixes() -> frozenset[str]:
    return frozenset(read_json("gazetteer", "admin_names.json")["name_prefixes"])


def _tokens(text: str) -> list[tuple[int, int, str]]:
    out = []
    abbreviations = _dotted_abbreviations()
    for m in _TOKEN.finditer(text):
        tok = m.group()
        if tok[-1] == "." and not _INITIALS.fullmatch(tok) and tok.replace(" ", "") not in abbreviations:
            # "Paris." at a sentence end: the word without its dot (a two-word match splits)
            for w in _WORD.finditer(tok):
                out.append((m.start() + w.start(), m.start() + w.end(), w.group()))
            continue
        out.append((m.start(), m.end(), tok))
    return out


_WORD = re.compile(r"[^\W_]+")
_POSSESSIVE = re.compile(r"['’]s$")
# "Britain-based", "HTS-led", "Russia-backed": a capitalised word glued to a participle.
_ADJECTIVE = re.compile(r"-[a-z]+$")
_ADJECTIVE_AFTER = re.compile(r"-[a-z]")
_ZONE_TIME = re.compile(r"\s+time\b")
_CLOCK_BEFORE = re.compile(r"(?:\d[:.h]?\d{2}|\d\s*(?:a\.?m\.?|p\.?m\.?)|\bnoon|\bmidnight)\s*$", re.IGNORECASE)
# Unknown all-capital short words are agencies and groups (IRNA, SANA, HTS);
# capitalised place names in datelines ("DUBAI") are resolved before this applies.
_ACRONYM = re.compile(r"^[A-Z0-9]{2,6}$")


def _is_capitalised(token: str) -> bool:
    """'Hama', 'DUBAI', 'al-Nasiriyah' (article glued to a capitalised word)."""
    head, sep, rest = token.partition("-")
    if sep and head.lower() in _words().articles and rest[:1].isupper():
        return True
    if token[:2] in ("d'", "d’", "l'", "l’") and token[2:3].isupper():
        return True  # "Côte d'Ivoire", "Val d'Aosta"
    return token[:1].isupper()


def capitalised_candidates(text: str) -> list[tuple[int, int]]:
    """Runs of capitalised words joined by single spaces or Arabic articles
    ("Tal al-Nasiriyah", "Jisr al Shughur", "Deir ez-Zor", "Khan Younis"),
    without leading function words ("In Hama" -> "Hama") or a possessive 's."""
    return list(_capitalised_runs(text))


@functools.lru_cache(maxsize=8)  # the country context and the mentions read the same article
def _capitalised_runs(text: str) -> tuple[tuple[int, int], ...]:
    words = _words()
    articles, function_words, prefixes = words.articles, words.function_words, _name_prefixes()
    spans: list[tuple[int, int]] = []
    run: list[tuple[int, int, str]] = []

    def close() -> None:
        while run and run[-1][2].lower() in articles and not run[-1][2].isupper():
            run.pop()  # "Jisr al" -> "Jisr"; "US" is no article
        while run and run[0][2].lower() in function_words:
            run.pop(0)
        if run:
            end = run[-1][1]
            if _POSSESSIVE.search(run[-1][2]):
                end -= 2
            spans.append((run[0][0], end))
        run.clear()

    for tok_start, tok_end, tok in _tokens(text):
        first = tok[0]
        if first.isupper():
            capitalised = True
        elif first.isdigit() or ("-" not in tok and "'" not in tok and "’" not in tok):
            capitalised = False
        else:
            capitalised = _is_capitalised(tok)
        if not capitalised and not run:
            continue  # the common case: a lowercase word outside any run
        if run:
            prev = run[-1][2]
            joined = (text[run[-1][1]:tok_start] == " " and not _POSSESSIVE.search(prev)
                      and not (prev[-1] == "." and not _INITIALS.fullmatch(prev) and prev not in prefixes))
        else:
            joined = False
        if capitalised:
            if run and not joined:
                close()
            run.append((tok_start, tok_end, tok))
        elif joined and tok.lower() in articles:
            run.append((tok_start, tok_end, tok))  # "Jisr al Shughur": kept, dropped again if nothing follows
        elif run:
            close()
    close()
    return tuple(spans)


# --------------------------------------------------------------------------- context


def _country_evidence(run: str, gazetteer: Gazetteer) -> tuple[list[str], bool]:
    """Countries a capitalised run points to, and whether the evidence is strong.

    Strong: a country name or demonym ("Syria", "Syrian"), a province or state named in full
    or abbreviated ("Idlib", "Ohio", "Ky.", "Laurel County") when only one country has it.
    Weak: a big city under its own name ("Goma", "Paris"): cities share names across
    countries (Paris, Texas), so they rank a country only after the strong evidence; and
    a name that is a country here and a state there ("Georgia") is weak for both.
    """
    cc = gazetteer.country_of(run)
    stop = cc is None and gazetteer.is_stopword(run)
    cands = () if stop else gazetteer.matches(run)
    areas = {c.place.country for c in cands if c.place.country and c.main and c.match == "exact"
             and c.place.feature in ("admin1", "admin2")}
    if cc is not None:
        return ([cc, *sorted(areas - {cc})], False) if areas - {cc} else ([cc], True)
    if areas:
        # a big town of the same name elsewhere makes it no evidence ("Gaza": Mozambique's
        # province, the Palestinian city)
        towns = {c.place.country for c in cands if c.place.country and c.main and c.match == "exact"
                 and c.place.feature == "city" and c.place.population >= CONTEXT_CITY_MIN_POPULATION}
        both = areas | towns
        return (sorted(both), True) if len(both) == 1 else ([], False)  # ambiguous: no evidence
    if not stop:
        trusted = [c for c in cands if gazetteer.trusted(c)]
        cand = min(trusted, key=lambda c: (c.match != "exact", FEATURE_ORDER.get(c.place.feature, 9),
                                           -c.place.population), default=None)
        # Cities count only under their own name ("Goma", not "Key" as an alternate of Kericho).
        if cand and cand.place.country and (cand.place.feature != "city"
                                            or (cand.main and cand.place.population >= CONTEXT_CITY_MIN_POPULATION)):
            return [cand.place.country], cand.place.feature != "city"
    return [c for t in run.split() if (c := gazetteer.country_of(t))], True


def country_context(text: str, gazetteer: Gazetteer) -> list[str]:
    """ISO2 codes of the countries an article is about: those with the most strong evidence
    (country names, demonyms, provinces and states) first, then those only big cities
    point to (see ``_country_evidence``)."""
    strong: Counter[str] = Counter()
    weak: Counter[str] = Counter()
    first_seen: dict[str, int] = {}
    for start, end in capitalised_candidates(text):
        codes, is_strong = _country_evidence(text[start:end], gazetteer)
        for code in codes:
            (strong if is_strong else weak)[code] += 1
            first_seen.setdefault(code, start)
    return sorted(first_seen, key=lambda c: (-strong[c], -weak[c], first_seen[c]))


# --------------------------------------------------------------------------- mentions


@dataclass(slots=True)
class _Span:
    start: int
    end: int
    text: str
    mention: PlaceMention | None = None
    placelike: bool = False
    ignored: bool = False  # an adjective or stop word: never a place, even in a list of places
    group: int = -1  # index of the list ("A, B and C") the span belongs to
    qualifier: Qualifier | None = None  # the province or country written after it ("Athens, Ga.")
    modes: tuple[int, bool, bool] | None = None  # sentence start, province mode, city mode
    # A province or country is written after it ("Palma in Cabo Delgado province") and no
    # place of that name lies there: the gazetteer does not have this town, and its
    # namesakes elsewhere (Palma, Majorca) are not it.
    unlisted: bool = False


def _sentence_bounds(text: str, pos: int) -> tuple[int, int]:
    """Start and end of the sentence around ``pos`` (a light splitter: enough to
    keep cues and anchors inside their sentence)."""
    # Looked for within MAX_SENTENCE_CHARS either side (no sentence is longer), so a huge
    # one-line text costs the same per place as a normal one.
    start = max(text.rfind("\n", max(0, pos - MAX_SENTENCE_CHARS), pos) + 1, pos - MAX_SENTENCE_CHARS, 0)
    for m in re.finditer(r"[.!?][\"”']?\s+(?=[A-Z\"“])", text[start:pos]):
        start_candidate = start + m.end()
        if start_candidate <= pos:
            start = start_candidate
    end_nl = text.find("\n", pos, pos + MAX_SENTENCE_CHARS)
    end_nl = min(len(text), pos + MAX_SENTENCE_CHARS) if end_nl < 0 else end_nl
    m = re.search(r"[.!?](?=[\"”']?\s+[A-Z\"“]|[\"”']?\s*$)", text[pos:end_nl])
    return start, (pos + m.end() if m else end_nl)


def _paragraph_start(text: str, pos: int) -> int:
    return text.rfind("\n", 0, pos) + 1


def _last_words(text: str, n: int) -> list[str]:
    return [w.lower() for w in re.findall(r"[^\W\d_]+(?:-[^\W\d_]+)*", text)][-n:]


def _admin_mode(text: str, span: _Span, sent_start: int) -> bool:
    """'Hama province', 'the province of Idlib', 'Donetsk Oblast'."""
    w = _words()
    after = re.match(r"\s+([A-Za-z]+)", text[span.end:span.end + 20])
    if after and after.group(1).lower() in w.admin_suffixes:
        return True
    before = _last_words(text[max(sent_start, span.start - 30):span.start], 2)
    return len(before) == 2 and before[1] == "of" and before[0] in w.admin_nouns_before


def _city_mode(text: str, span: _Span) -> bool:
    after = re.match(r"\s+([A-Za-z]+)", text[span.end:span.end + 10])
    before = _last_words(text[max(0, span.start - 12):span.start], 2)
    return bool((after and after.group(1).lower() in _words().city_suffixes) or before == ["city", "of"])


def _has_cue(text: str, span: _Span, sent_start: int) -> bool:
    """Does the text say this span is a place ("the towns of X", "near X", "X, north of")?"""
    w = _words()
    window = text[max(sent_start, span.start - CUE_WINDOW):span.start]
    # The cue word must sit right before the name, give or take "of", "the",
    # "control" ("took control of the X"): "Hama city [Getty]" is no cue for Getty.
    m = re.search(r"([A-Za-z]+)\s+(?:(?:of|the|control)\s+)*$", window)
    cue = m.group(1).lower() if m else ""
    if cue in w.settlement_nouns or cue in w.prepositions or cue in w.verbs:
        if cue != "including":
            return True
        sentence_before = _last_words(text[sent_start:span.start], 40)
        return any(word in w.settlement_nouns for word in sentence_before)
    after = re.match(r",?\s+([a-z-]+)\s+of\b", text[span.end:span.end + 30])
    return bool(after and after.group(1) in w.directions)


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
class _Context:
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


Qualifier = frozenset[tuple[str, str]]  # (ISO2, admin-1 key or "") pairs a place must lie in


def _admin_key(place: Place) -> str:
    return normalise(place.admin1 or "") if place.feature != "admin1" else normalise(place.admin1 or place.name)


def _in_qualifier(place: Place, qualifier: Qualifier) -> bool:
    return any(place.country == cc and (not a1 or _admin_key(place) == a1) for cc, a1 in qualifier)


def _score(cand: Candidate, ctx: _Context, qualifier: Qualifier | None, key: str) -> float:
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
    if p.feature not in ("country", "region") and (p.country, _admin_key(p)) in ctx.admin1:
        s += ADMIN1_BONUS
    if p.feature in ("city", "admin2") and ctx.anchors:
        near = _nearest_km(p, ctx.anchors, key)
        if near is not None:
            s += next((bonus for limit, bonus in DISTANCE_BONUS if near <= limit), 0.0)
    if qualifier:
        s += QUALIFIER_BONUS if _in_qualifier(p, qualifier) else -QUALIFIER_BONUS
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


def _trusted(gazetteer: Gazetteer, cand: Candidate, ctx: _Context, qualifier: Qualifier | None) -> bool:
    p = cand.place
    if qualifier and _in_qualifier(p, qualifier) and p.feature != "country":
        return cand.match == "exact" or p.country in ctx.countries[:2]
    if p.feature in ("city", "admin2") and (p.country, _admin_key(p)) in ctx.admin1 and (
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


def _resolve_name(
    gazetteer: Gazetteer, name: str, ctx: _Context, *, admin: bool, city: bool,
    qualifier: Qualifier | None = None,
) -> tuple[Place, int | None, str] | None:
    """Place, precision and rule for a name, or None."""
    key = normalise(name)
    memo_key = (name, admin, city, qualifier)
    if memo_key in ctx.memo:
        return ctx.memo[memo_key]
    ctx.memo[memo_key] = found = _resolve_name_uncached(gazetteer, name, ctx, admin=admin, city=city,
                                                        qualifier=qualifier)
    return found


def _resolve_name_uncached(
    gazetteer: Gazetteer, name: str, ctx: _Context, *, admin: bool, city: bool, qualifier: Qualifier | None,
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
    if qualifier and _in_qualifier(best.place, qualifier):
        rule += "+qualified"
    return best.place, 1, rule


def _sub_names(name: str) -> list[tuple[int, int]]:
    """Shorter names to try inside a span, as (offset, length): without a leading
    modifier ("Northern Aleppo"), without a descriptor tail ("Hama Central Prison")."""
    w = _words()
    tokens = list(re.finditer(r"\S+", name))
    out = []
    if len(tokens) > 1 and tokens[0].group().lower() in w.leading_modifiers:
        out.append((tokens[1].start(), len(name) - tokens[1].start()))
    if len(tokens) > 1 and tokens[-1].group().lower() in w.descriptor_tails:
        for cut in range(len(tokens) - 1, 0, -1):
            tail = [t.group().lower() for t in tokens[cut:]]
            if tail[-1] in w.descriptor_tails:
                out.append((0, tokens[cut - 1].end()))
    return out


def _mention(doc_id: str, span: _Span, place: Place | None, precision: int | None, rule: str,
             anchor: str | None = None) -> PlaceMention:
    return PlaceMention(doc=doc_id, text=span.text, start=span.start, end=span.end,
                        place=dataclasses.replace(place) if place else None,
                        precision=precision, rule=rule, anchor=anchor)


def _resolve_span(doc_id: str, text: str, span: _Span, gazetteer: Gazetteer, ctx: _Context) -> None:
    _resolve_span_name(doc_id, text, span, gazetteer, ctx)
    if span.mention is None and _ADJECTIVE_AFTER.match(text, span.end):
        span.ignored, span.placelike = True, False  # "the U.N.-declared safe area": an unknown name as an adjective is no place


def _resolve_span_name(doc_id: str, text: str, span: _Span, gazetteer: Gazetteer, ctx: _Context) -> None:
    if _ADJECTIVE.search(span.text) or gazetteer.is_stopword(span.text):
        span.ignored = True  # "Britain-based", "HTS-led": adjectives, not places
        return
    if _ZONE_TIME.match(text, span.end) and _CLOCK_BEFORE.search(text[max(0, span.start - 16):span.start]):
        span.ignored = True  # "at 11:00 Moscow time": a time zone, not where anything happened
        return
    if span.unlisted:
        span.placelike = True  # anchored to the area written after it (``_anchor``)
        return
    if span.modes is None:  # the same in both passes
        sent_start, _ = _sentence_bounds(text, span.start)
        span.modes = (sent_start, _admin_mode(text, span, sent_start), _city_mode(text, span))
    sent_start, admin, city = span.modes
    w = _words()
    tries = [(0, len(span.text), admin, city)] + [(o, n, admin, city) for o, n in _sub_names(span.text)]
    last = span.text.split()[-1].lower()
    if len(span.text.split()) > 1 and last in w.admin_suffixes | w.city_suffixes:
        # "Hama Province", "Hama City" as one NER span; "United States" stays whole when that fails;
        # "Laurel County", a county under its own name, before "Laurel" the town.
        # "Kansas City", "Phenix City", "Mexico City": a town under its full name comes first too.
        is_admin = last in w.admin_suffixes
        whole = _resolve_name(gazetteer, span.text, ctx, admin=is_admin, city=not is_admin, qualifier=span.qualifier)
        if whole and (whole[0].feature in ADMIN_FEATURES or not is_admin) and (
                skeleton(normalise(whole[0].name)) == skeleton(normalise(span.text)) or whole[2].endswith("exact")):
            span.mention = _mention(doc_id, span, *whole)
            return
        tries.insert(0, (0, span.text.rfind(" "), last in w.admin_suffixes, last in w.city_suffixes))
    for offset, length, admin_try, city_try in tries:
        found = _resolve_name(gazetteer, span.text[offset:offset + length], ctx, admin=admin_try, city=city_try,
                              qualifier=span.qualifier)
        if found:
            place, precision, rule = found
            sub = _Span(span.start + offset, span.start + offset + length, span.text[offset:offset + length])
            if (offset, length) != (0, len(span.text)) and rule == "country" and not admin_try:
                continue  # "Syria TV" is not a mention of Syria the place
            span.mention = _mention(doc_id, sub, place, precision, rule)
            if (actor := _actor_after(text, span)) and precision is not None and sub.end == span.end:
                # "Donbas militias", "Idlib rebels": an actor named after a place, not a place
                span.mention.precision, span.mention.rule = None, f"in-name:{rule}"
                span.mention.within = actor
            return
    span.mention = _place_in_name(doc_id, span, gazetteer, ctx)
    if span.mention is None:
        span.placelike = admin or _has_cue(text, span, sent_start)


def _actor_after(text: str, span: _Span) -> str | None:
    """'Donbas militias', 'Idlib rebels': the actor phrase a place names, or None."""
    m = re.match(r"\s+([a-z]+)\b", text[span.end:span.end + 24])
    return text[span.start:span.end + m.end()] if m and m.group(1) in _words().actor_nouns else None


def _place_in_name(doc_id: str, span: _Span, gazetteer: Gazetteer, ctx: _Context) -> PlaceMention | None:
    """A place that leads the name of an organisation, actor or event ("U.S. Senate",
    "Dublin City Council", "Idlib Free Army", "Kentucky State Police"): a toponym of that
    name, resolved but without precision (rule ``in-name:...``), so that no event or claim
    takes it for its place. A place that is no country or province counts only when a word
    of the rest names an organisation ("Paris Hilton" is a person)."""
    tokens = list(re.finditer(r"\S+", span.text))
    heads = _words().name_heads
    for k in range(len(tokens) - 1, 0, -1):
        prefix = span.text[:tokens[k - 1].end()]
        last = tokens[k - 1].group()
        if normalise(last) in _words().articles and not last.isupper():
            continue  # "Jisr al" is no name; "US" is
        found = _resolve_name(gazetteer, prefix, ctx, admin=False, city=False)
        if not found:
            continue
        place, _, rule = found
        rest = {re.sub(r"['’]s?$|[.,]$", "", t.group().lower()) for t in tokens[k:]}
        if place.feature in ("country", "admin1", "admin2", "region") or rest & heads:
            sub = _Span(span.start, span.start + len(prefix), prefix)
            m = _mention(doc_id, sub, place, None, f"in-name:{rule}")
            m.within = span.text
            return m
    return None


# "Athens, Ga.", "Goma, North Kivu", "Kherson, in southern Ukraine": what may stand between
# a place and the province or country that qualifies it.
_QUALIFIER_GAP = re.compile(r"^,\s*(?:in\s+(?:the\s+)?)?$|^\s+in\s+(?:the\s+)?$")
_POSTAL_CODE = re.compile(r"^[A-Z]{2}$")


def _qualifier_of(text: str, span: _Span, nxt: _Span, gazetteer: Gazetteer) -> Qualifier | None:
    """The areas ``nxt`` names when it qualifies ``span`` ("Springfield, Ill."), else None."""
    gap = text[span.end:nxt.start]
    if not _QUALIFIER_GAP.match(gap):
        return None
    if "," in gap and _POSTAL_CODE.match(nxt.text) and nxt.text in gazetteer.postal_codes:
        area = gazetteer.postal_codes[nxt.text]
        return frozenset({(area.country or "", normalise(area.name))})
    name = nxt.text
    after = re.match(r"\s+([A-Za-z]+)", text[nxt.end:nxt.end + 20])
    admin_only = bool(after and after.group(1).lower() in _words().admin_suffixes)
    if not admin_only and "," not in gap:
        return None  # "Town in Y": only "in Y province" qualifies (Y alone may be a town)
    areas = set()
    for c in gazetteer.matches(name):
        p = c.place
        if not c.main or c.match != "exact":
            continue
        if p.feature == "country" and not admin_only:
            areas.add((p.country or "", ""))
        elif p.feature in ("admin1", "admin2") and p.country:
            areas.add((p.country, _admin_key(p)))
    return frozenset(areas) or None


def _set_qualifiers(text: str, spans: list[_Span], gazetteer: Gazetteer) -> None:
    for span, nxt in zip(spans, spans[1:]):
        q = _qualifier_of(text, span, nxt, gazetteer)
        if not q:
            continue
        local = [c for c in gazetteer.matches(span.text) if c.place.feature not in ("country", "region")]
        if any(_in_qualifier(c.place, q) for c in local):
            span.qualifier = q
        elif local and all(c.place.feature == "city" for c in local) and gazetteer.country_of(span.text) is None:
            span.unlisted = True  # a town only ("Alaska, Alabama, ...": a list of states is no qualifier)


def _group_lists(text: str, spans: list[_Span]) -> list[list[_Span]]:
    joiner = _words().list_joiner
    groups: list[list[_Span]] = []
    for span in spans:
        if groups and joiner.match(text[groups[-1][-1].end:span.start]):
            groups[-1].append(span)
        else:
            groups.append([span])
    for i, group in enumerate(groups):
        for span in group:
            span.group = i
    return groups


def _plural_admin_after(text: str, group: list[_Span]) -> bool:
    """'across Hama, Idlib, and Aleppo provinces'."""
    m = re.match(r"\s+([A-Za-z]+)", text[group[-1].end:group[-1].end + 20])
    return bool(len(group) > 1 and m and m.group(1).lower().endswith("s")
                and m.group(1).lower() in _words().admin_suffixes)


def _is_local(m: PlaceMention | None) -> bool:
    """A town or province named as such: something to anchor to (not a country, not a
    place inside an organisation's name, not itself anchored)."""
    return bool(m and m.place and m.precision is not None and m.within is None
                and not m.rule.startswith("anchored"))


def _main_city_in(area: Place, spans: list[_Span], group: int | None) -> _Span | None:
    """The province's namesake town (Hama in Hama province) when the article names it
    outside the list being anchored; None otherwise."""
    key = normalise(area.admin1 or area.name)
    for s in spans:
        m = s.mention
        if s.group == group or not _is_local(m) or m.place.feature != "city" or m.precision != 1:
            continue
        if normalise(m.place.name) == key or normalise(s.text) == key:
            return s
    return None


def _is_dateline(text: str, span: _Span) -> bool:
    """'BAMAKO, July 29 (AFP) -': where the reporter files from, not what an unknown place
    of the story is near (Tinzaouatene is 1,400 km from Bamako)."""
    return span.text.isupper() and len(span.text) > 3 and (span.start == 0 or text[span.start - 1] == "\n")


def _anchor(doc_id: str, text: str, span: _Span, spans: list[_Span], countries: Sequence[str] = ()) -> PlaceMention:
    """Tie an unknown place to the known place its sentence (or paragraph) relates it to.
    A place outside the article's countries is no anchor: a town resolved to a homonym
    abroad must not carry the village with it."""
    sent_start, sent_end = _sentence_bounds(text, span.start)
    others = [s for s in spans if _is_local(s.mention) and s.group != span.group
              and (not countries or s.mention.place.country in countries) and not _is_dateline(text, s)]
    target: _Span | None = None
    group_end = max(s.end for s in spans if s.group == span.group)
    rel = re.match(r",?\s+[a-z-]+\s+of\s+(the\s+(city|town)\b)?", text[group_end:group_end + 40])
    if rel and rel.group(1):  # "..., north of the city": the last city named before
        before = [s for s in others if s.end <= span.start and s.mention and s.mention.place
                  and s.mention.place.feature == "city" and s.start >= _paragraph_start(text, span.start)]
        target = before[-1] if before else None
    elif rel:  # "..., north of Hama"
        target = next((s for s in others if s.start >= group_end and s.start - group_end <= 40), None)
    if target is None:
        in_sentence = [s for s in others if sent_start <= s.start < sent_end]
        if in_sentence:
            target = min(in_sentence, key=lambda s: abs(s.start - span.start))
    if target is None:
        para = _paragraph_start(text, span.start)
        earlier = [s for s in others if para <= s.start < span.start]
        target = earlier[-1] if earlier else None
    if target is None or target.mention is None or target.mention.place is None:
        return _mention(doc_id, span, None, None, "unresolved")
    place = target.mention.place
    if place.feature in ADMIN_FEATURES or target.mention.precision == 3:
        city = _main_city_in(place, spans, span.group)
        if city is not None:
            # "villages in Hama province including X, Y": an ACLED coder places unknown
            # villages near the province's town that the story is about (precision 2).
            return _mention(doc_id, span, city.mention.place, 2,
                            f"anchored-near:{city.mention.text} (in {target.mention.text})", city.mention.text)
        return _mention(doc_id, span, place, 3, f"anchored-in:{target.mention.text}", target.mention.text)
    return _mention(doc_id, span, place, 2, f"anchored-near:{target.mention.text}", target.mention.text)


def _mention_countries(spans: list[_Span], gazetteer: Gazetteer, context: Sequence[str]) -> tuple[list[str], set[str]]:
    """The article's countries again, from the first pass's mentions (names inside longer
    names too: "Edgar County Sheriff's Office" says the story is American): strong evidence
    first, then weak, then the rest of the given context in its order."""
    strong: Counter[str] = Counter()
    weak: Counter[str] = Counter()
    for span in spans:
        m = span.mention
        if m is None or m.place is None or m.rule.startswith("anchored"):
            continue
        codes, is_strong = _country_evidence(m.text, gazetteer)
        for code in codes:
            (strong if is_strong else weak)[code] += 1
    order = {cc: i for i, cc in enumerate(context)}
    ranked = sorted(set(strong) | set(weak), key=lambda c: (-strong[c], -weak[c], order.get(c, len(order))))
    return ranked + [c for c in context if c not in strong and c not in weak], set(strong)


def _named_areas(spans: list[_Span]) -> set[tuple[str, str]]:
    """(country, province key) of the provinces and states the article names, and of
    those that qualify a town ("Athens, Ga.")."""
    out: set[tuple[str, str]] = set()
    for span in spans:
        m = span.mention
        if m and m.place and m.place.feature in ("admin1", "admin2") and not m.rule.startswith("anchored"):
            out.add((m.place.country or "", _admin_key(m.place)))
        for cc, a1 in span.qualifier or ():
            if a1:
                out.add((cc, a1))
    return out


def _anchor_places(spans: list[_Span], ctx: _Context) -> dict[str, list[Place]]:
    """Name key -> the likely places of each name the first pass resolved (its chosen place
    first), for the distance rule of the second pass."""
    out: dict[str, list[Place]] = {}
    for s in spans:
        m = s.mention
        if m is None or m.place is None or m.rule.startswith("anchored") or m.place.feature not in ("city", "admin2"):
            continue
        key = normalise(m.text)
        out.setdefault(key, ctx.seen.get(key) or [m.place])
    return out


# --------------------------------------------------------------------------- facilities

# How far after a facility an "in <town>" may name where it is (characters; tuned on
# Myanmar and Syria reporting: "Battalion 552 in Rakhine State's Buthidaung Township").
FACILITY_IN_WINDOW = 60
# How far back "the city" or "the province" may look for the place it stands for
# (characters: about three sentences of wire copy).
DESCRIPTION_WINDOW = 600


@dataclass(slots=True)
class _Facility:
    start: int
    end: int
    text: str
    run: tuple[int, int]  # the capitalised run that names it


@functools.cache
def _facility_after() -> re.Pattern[str]:
    w = _words()
    mods = "|".join(sorted(w.facility_modifiers, key=len, reverse=True))
    heads = "|".join(sorted(w.facility_heads, key=len, reverse=True))
    return re.compile(rf"^(?P<pos>['’]s)?\s+(?:(?:{mods})\s+){{0,3}}(?:{heads})\b")


def _facility_spans(text: str, runs: Sequence[tuple[int, int]], gazetteer: Gazetteer) -> list[_Facility]:
    """Named facilities: "Kuweires Air Base", "Tahman Thar Police outpost", "Beirut's airport",
    "Light Infantry Battalion 552", "the 5th Brigade's headquarters"."""
    w = _words()
    out: list[_Facility] = []
    for s, e in runs:
        run = text[s:e]
        low = [x.lower() for x in run.split()]
        if not low or (gazetteer.is_stopword(run) and low[-1] not in w.unit_words):
            continue  # "Syrian army base", "Army base": no name ("Brigade's headquarters" has one)
        start, end = s, None
        if len(low) >= 2 and low[-1] in w.facility_heads and any(
                x not in w.facility_heads and x not in w.facility_modifiers for x in low):
            end = e  # "Hama Central Prison", "Beirut International Airport"
        elif m := _facility_after().match(text[e:e + 60]):
            if m.group("pos") and low[-1] not in w.unit_words and low[-1] not in w.name_heads \
                    and not gazetteer.matches(run):
                continue  # "Smith's camp": a possessor that is no place and no unit
            end = e + m.end()
        elif low[-1] in w.unit_words and (n := re.match(r"\s+\d{1,4}\b", text[e:e + 8])):
            end = e + n.end()  # "Light Infantry Battalion 552", "Base 12"
        if end is None:
            continue
        if o := re.search(r"\b\d{1,3}(?:st|nd|rd|th)\s+$", text[max(0, s - 8):s]):
            start = s - (len(text[max(0, s - 8):s]) - o.start())  # "the 5th Brigade's ..."
        out.append(_Facility(start, end, text[start:end], (s, e)))
    return out


def _facility_mention(doc_id: str, text: str, fac: _Facility, spans: list[_Span]) -> PlaceMention:
    """The facility under its full name, anchored to the town its name or its sentence names
    (precision 2; 3 when only a province or country is named)."""
    def local(s: _Span) -> bool:
        m = s.mention
        return bool(m and m.place and m.within is None and not (fac.start <= s.start < fac.end))

    inner = [s.mention for s in spans if fac.start <= s.start < fac.end and s.mention and s.mention.place]
    target = min(inner, key=lambda m: (m.precision or 4)) if inner else None
    how = "in-name"
    sent_start, sent_end = _sentence_bounds(text, fac.start)
    if target is None and re.match(r"^\s*,?\s*(?:in|near|at|outside|of)\b", text[fac.end:fac.end + 12]):
        stop = re.search(r"[.;:!?]|,\s+(?:and|but|which|who|as|after|while)\b", text[fac.end:fac.end + FACILITY_IN_WINDOW])
        limit = fac.end + (stop.start() if stop else FACILITY_IN_WINDOW)
        after = [s.mention for s in spans if fac.end <= s.start < limit and local(s)]
        if after:
            target, how = min(after, key=lambda m: (m.precision or 4, -m.start)), "in"
    if target is None:
        near = [s for s in spans if sent_start <= s.start < sent_end and local(s) and _is_local(s.mention)]
        if near:
            target, how = min(near, key=lambda s: abs(s.start - fac.start)).mention, "near"
    if target is None:
        para = _paragraph_start(text, fac.start)
        earlier = [s for s in spans if para <= s.start < fac.start and local(s) and _is_local(s.mention)]
        if earlier:
            target, how = earlier[-1].mention, "near"
    span = _Span(fac.start, fac.end, fac.text)
    if target is None or target.place is None:
        return _mention(doc_id, span, None, None, "unresolved")
    area = target.place.feature != "city" or target.precision == 3
    name = target.anchor if target.rule.startswith("anchored") and target.anchor else target.text
    rule = f"facility:anchored-{'in' if area else 'near'}:{name}" + ("" if how == "in-name" else f" ({how})")
    return _mention(doc_id, span, target.place, 3 if area else 2, rule, name)


@functools.cache
def _description_pattern() -> re.Pattern[str]:
    words = [(kind, word) for kind, ws in _words().descriptions.items() for word in ws]
    alts = "|".join(re.escape(word) for _, word in sorted(words, key=lambda kw: -len(kw[1])))
    return re.compile(rf"\b(?:(?:[Tt]he)|(?P<owner>[A-Z][\w-]+(?: [A-Z][\w-]+)?)['’]s)\s+(?P<desc>{alts})\b(?=(?P<after>.{{0,24}}))",
                      re.DOTALL)


@functools.cache
def _modifier_nouns() -> frozenset[str]:
    """Nouns after 'the city' that make it a modifier ('the city council', 'the state budget')."""
    w = _words()
    return w.name_heads | w.facility_heads | w.description_modifiers


def _description_kind(desc: str) -> str:
    return next(k for k, ws in _words().descriptions.items() if desc in ws)


def _description_mentions(doc_id: str, text: str, found: list[PlaceMention], gazetteer: Gazetteer,
                          context: Sequence[str]) -> list[PlaceMention]:
    """'the capital', 'Sudan's capital', 'the city', 'the province', 'the provincial capital'
    as mentions of the place the context names (rule ``description:...``)."""
    out = []
    for m in _description_pattern().finditer(text):
        after = m.group("after")
        # "the capital Kyiv", "the city of Hama", "the capital, Khartoum": the name is there already;
        # "the city council", "the state's budget": a modifier, not the place.
        nxt = re.match(r"^['’]?s?\s+([a-z]+)", after)
        if re.match(r"^,?\s+(?:of\s+)?[A-Z]", after) or (nxt and nxt.group(1) in _modifier_nouns()):
            continue
        if re.match(r"^['’]s\s", after):
            continue  # "the capital's airport": a place in the capital, not the capital
        kind = _description_kind(m.group("desc"))
        start, end = m.start(), m.end("desc")
        # (``found`` is in text order; no mention is longer than a sentence)
        near = starting_in(found, start - DESCRIPTION_WINDOW - MAX_SENTENCE_CHARS, start)
        before = [p for p in near if p.end <= start and start - p.end <= DESCRIPTION_WINDOW
                  and p.place is not None and p.within is None]
        place, precision, rule, anchor = None, None, "", None
        if kind == "capital":
            cc = gazetteer.country_of(m.group("owner")) if m.group("owner") else None
            sent_start, _ = _sentence_bounds(text, start)
            cc = cc or next((p.place.country for p in reversed(before) if p.rule == "country"
                             and p.start >= sent_start), None) or (context[0] if context else None)
            capital = gazetteer.capitals.get(cc or "")
            city = next((c for c in gazetteer.candidates(capital, country_hint=cc) if c.place.country == cc
                         and c.place.feature == "city"), None) if capital else None
            if city:
                place, precision, rule, anchor = city.place, 1, f"description:capital-of:{cc}", capital
        elif m.group("owner"):
            continue  # "Idlib's province" is not how a province is named
        elif kind == "city":
            towns = [p for p in reversed(before) if p.place.feature == "city" and p.precision == 1]
            # "the city" is the last city named; "the town" the last town of any size
            big = [p for p in towns if p.place.population >= CONTEXT_CITY_MIN_POPULATION]
            ante = next(iter(big if m.group("desc") == "city" and big else towns), None)
            if ante:
                place, precision, rule, anchor = ante.place, 1, f"description:city={ante.text}", ante.text
        elif kind == "province":
            ante = next((p for p in reversed(before) if p.place.feature in ("admin1", "admin2")
                         and not p.rule.startswith("anchored")), None)
            area = ante.place if ante else next((a for p in reversed(before) if p.place.feature == "city"
                                                 and p.precision == 1 and (a := gazetteer.admin1_area(p.place))), None)
            if area:
                place, precision, rule = area, 3, f"description:province={area.name}"
                anchor = ante.text if ante else area.name
        elif kind == "provincial_capital":
            ante = next((p for p in reversed(before) if p.place.feature == "admin1"), None)
            if ante:
                key = skeleton(normalise(ante.place.name))
                city = next((c for c in gazetteer.candidates(ante.place.name, country_hint=ante.place.country)
                             if c.place.feature == "city" and c.place.country == ante.place.country
                             and skeleton(normalise(c.place.name)) == key), None)
                if city:
                    place, precision, rule, anchor = city.place, 1, f"description:capital-of:{ante.text}", ante.text
        if place is None:
            continue
        out.append(_mention(doc_id, _Span(start, end, text[start:end]), place, precision, rule, anchor))
    return out


# Lowercase words inside a name ("Democratic Republic of the Congo", "Bosnia and
# Herzegovina", "Côte d'Ivoire", "Rio de Janeiro"): runs around them are joined when the
# gazetteer knows the whole under its own name.
_NAME_JOINERS = re.compile(r"^(?: of the | of | and the | and | de | del | da | do | dos | das | d['’](?=[A-Z]))")


def _join_names(text: str, runs: list[tuple[int, int]], gazetteer: Gazetteer) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    i = 0
    while i < len(runs):
        start, end = runs[i]
        while i + 1 < len(runs) and (m := _NAME_JOINERS.match(text[end:runs[i + 1][0]] + "\0")) is not None \
                and end + m.end() == runs[i + 1][0]:
            whole = text[start:runs[i + 1][1]]
            if not any(c.main and c.match == "exact" for c in gazetteer.matches(whole)):
                break
            end = runs[i + 1][1]
            i += 1
        out.append((start, end))
        i += 1
    return out


def find_place_mentions(
    doc_id: str,
    text: str,
    candidates: Sequence[tuple[int, int]],
    gazetteer: Gazetteer,
    context_countries: Sequence[str] = (),
) -> list[PlaceMention]:
    """Place mentions among candidate spans, resolved or anchored, in text order.

    Countries come back with precision None (rule ``country``): useful as context,
    too coarse for an event's place.
    """
    context = list(context_countries) or country_context(text, gazetteer)
    spans: list[_Span] = []
    for start, end in _join_names(text, sorted(set(candidates)), gazetteer):
        if spans and start < spans[-1].end:
            continue  # overlapping NER and capitalised spans: keep the first, longest
        name = text[start:end]
        if name.strip():
            spans.append(_Span(start, end, name))
    _set_qualifiers(text, spans, gazetteer)
    ctx = _Context(context)
    for span in spans:
        _resolve_span(doc_id, text, span, gazetteer, ctx)
    # Second pass: the provinces the article names and its places resolved in the first
    # pass are context for the rest (Paris near Lexington is in Kentucky).
    given = context
    context, strong = _mention_countries(spans, gazetteer, context)
    # Countries a village may be anchored in: those given (the article's, its actors') and
    # those named outright; not those only a big city's name points to.
    anchor_countries = set(given if context_countries else ()) | strong
    first = ctx
    ctx = _Context(context, admin1=_named_areas(spans), anchors=_anchor_places(spans, first))
    if ctx.admin1 or ctx.anchors:
        # With the same countries and no province named, only names with a choice to make
        # (or none made yet) can change.
        same = ctx.countries == first.countries and not ctx.admin1
        for span in spans:
            if not span.ignored and (not same or span.mention is None
                                     or first.choices.get(normalise(span.mention.text), 2) > 1):
                span.mention, span.placelike = None, False
                _resolve_span(doc_id, text, span, gazetteer, ctx)
    for group in _group_lists(text, spans):
        if _plural_admin_after(text, group):
            for span in group:
                found = _resolve_name(gazetteer, span.text, ctx, admin=True, city=False)
                if found:
                    span.mention = _mention(doc_id, span, found[0], found[1], found[2])
        # A list is a list of places when one member is a town or province, or a cue says so.
        if any(s.placelike or (_is_local(s.mention)) for s in group):
            for span in group:
                if span.mention is None and not span.ignored:
                    span.placelike = True
    for span in spans:
        if span.mention is None and span.placelike and not _ACRONYM.match(span.text):
            span.mention = _anchor(doc_id, text, span, spans, anchor_countries)
    facilities = _facility_spans(text, [(s.start, s.end) for s in spans], gazetteer)
    out = [_facility_mention(doc_id, text, f, spans) for f in facilities]
    inside = [(f.start, f.end) for f in facilities]
    out += [s.mention for s in spans
            if s.mention is not None and not any(a <= s.start < b for a, b in inside)]
    out.sort(key=lambda m: m.start)
    descriptions = _description_mentions(doc_id, text, out, gazetteer, context)
    if descriptions:
        out = sorted(out + descriptions, key=lambda m: m.start)
    return out


__all__ = ["capitalised_candidates", "country_context", "find_place_mentions"]
