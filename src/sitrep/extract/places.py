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
import json
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources

from sitrep.extract.gazetteer import Gazetteer, normalise
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
    articles: frozenset[str]
    list_joiner: re.Pattern[str]


@functools.cache
def _words() -> _Words:
    data_dir = resources.files("sitrep") / "data" / "gazetteer"
    w = json.loads((data_dir / "place_words.json").read_text(encoding="utf-8"))
    translit = json.loads((data_dir / "transliteration.json").read_text(encoding="utf-8"))
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
        articles=frozenset(translit["articles"]),
        list_joiner=re.compile(w["list_joiners"], re.IGNORECASE),
    )


# --------------------------------------------------------------------------- candidates

# A word: letters/digits with inner hyphens or apostrophes ("al-Nasiriyah", "Ma'arrat").
_TOKEN = re.compile(r"[^\W_]+(?:[-'’ʿʾ‘][^\W_]+)*")
_POSSESSIVE = re.compile(r"['’]s$")
# "Britain-based", "HTS-led", "Russia-backed": a capitalised word glued to a participle.
_ADJECTIVE = re.compile(r"-[a-z]+$")
# Unknown all-capital short words are agencies and groups (IRNA, SANA, HTS);
# capitalised place names in datelines ("DUBAI") are resolved before this applies.
_ACRONYM = re.compile(r"^[A-Z0-9]{2,6}$")


def _is_capitalised(token: str) -> bool:
    """'Hama', 'DUBAI', 'al-Nasiriyah' (article glued to a capitalised word)."""
    head, sep, rest = token.partition("-")
    if sep and head.lower() in _words().articles and rest[:1].isupper():
        return True
    return token[:1].isupper()


def capitalised_candidates(text: str) -> list[tuple[int, int]]:
    """Runs of capitalised words joined by single spaces or Arabic articles
    ("Tal al-Nasiriyah", "Jisr al Shughur", "Deir ez-Zor", "Khan Younis"),
    without leading function words ("In Hama" -> "Hama") or a possessive 's."""
    words = _words()
    spans: list[tuple[int, int]] = []
    run: list[re.Match[str]] = []

    def close() -> None:
        while run and run[-1].group().lower() in words.articles:
            run.pop()
        while run and run[0].group().lower() in words.function_words:
            run.pop(0)
        if run:
            end = run[-1].end()
            if _POSSESSIVE.search(run[-1].group()):
                end -= 2
            spans.append((run[0].start(), end))
        run.clear()

    for m in _TOKEN.finditer(text):
        tok = m.group()
        joined = bool(run) and text[run[-1].end():m.start()] == " " and not _POSSESSIVE.search(run[-1].group())
        if _is_capitalised(tok):
            if run and not joined:
                close()
            run.append(m)
        elif joined and tok.lower() in words.articles:
            run.append(m)  # "Jisr al Shughur": keep going, dropped again if nothing follows
        else:
            close()
    close()
    return spans


# --------------------------------------------------------------------------- context


def country_context(text: str, gazetteer: Gazetteer) -> list[str]:
    """ISO2 codes of the countries an article is about, most mentioned first:
    country names and demonyms ("Syrian"), and well-known cities and provinces."""
    counts: Counter[str] = Counter()
    first_seen: dict[str, int] = {}
    for start, end in capitalised_candidates(text):
        run = text[start:end]
        cc = gazetteer.country_of(run)
        if cc is None and not gazetteer.is_stopword(run):
            cand = gazetteer.best(run)
            # Cities count only under their own name ("Goma", not "Key" as an alternate of Kericho).
            if cand and (cand.place.feature != "city"
                         or (cand.main and cand.place.population >= CONTEXT_CITY_MIN_POPULATION)):
                cc = cand.place.country
        codes = [cc] if cc else [c for t in run.split() if (c := gazetteer.country_of(t))]
        for code in codes:
            counts[code] += 1
            first_seen.setdefault(code, start)
    return sorted(counts, key=lambda c: (-counts[c], first_seen[c]))


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


def _sentence_bounds(text: str, pos: int) -> tuple[int, int]:
    """Start and end of the sentence around ``pos`` (a light splitter: enough to
    keep cues and anchors inside their sentence)."""
    start = max(text.rfind("\n", 0, pos) + 1, 0)
    for m in re.finditer(r"[.!?][\"”']?\s+(?=[A-Z\"“])", text[start:pos]):
        start_candidate = start + m.end()
        if start_candidate <= pos:
            start = start_candidate
    end_nl = text.find("\n", pos)
    end_nl = len(text) if end_nl < 0 else end_nl
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


def _resolve_name(
    gazetteer: Gazetteer, name: str, context: Sequence[str], *, admin: bool, city: bool
) -> tuple[Place, int | None, str] | None:
    """Place, precision and rule for a name, or None."""
    cands = [c for c in gazetteer.candidates(name, context_countries=context) if gazetteer.trusted(c, context_countries=context)]
    if admin:
        area = next((c for c in cands if c.place.feature in ADMIN_FEATURES), None)
        if area:
            return area.place, 3, "admin1"
        town = next((c for c in cands if c.place.feature == "city"), None)
        if town:
            region = gazetteer.admin1_area(town.place)
            return (region, 3, "admin1") if region else (town.place, 3, "admin1-via-city")
        return None
    if city:
        cands = [c for c in cands if c.place.feature == "city"] or cands
    if not cands:
        return None
    best = cands[0]
    if best.place.feature == "country":
        return best.place, None, "country"
    if best.place.feature in ADMIN_FEATURES:
        return best.place, 3, "admin1"
    return best.place, 1, f"gazetteer-{best.match}"


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


def _resolve_span(doc_id: str, text: str, span: _Span, gazetteer: Gazetteer, context: Sequence[str]) -> None:
    sent_start, _ = _sentence_bounds(text, span.start)
    admin = _admin_mode(text, span, sent_start)
    city = _city_mode(text, span)
    w = _words()
    if _ADJECTIVE.search(span.text) or gazetteer.is_stopword(span.text):
        span.ignored = True  # "Britain-based", "HTS-led": adjectives, not places
        return
    tries = [(0, len(span.text), admin, city)] + [(o, n, admin, city) for o, n in _sub_names(span.text)]
    last = span.text.split()[-1].lower()
    if len(span.text.split()) > 1 and last in w.admin_suffixes | w.city_suffixes:
        # "Hama Province", "Hama City" as one NER span; "United States" stays whole when that fails.
        tries.insert(0, (0, span.text.rfind(" "), last in w.admin_suffixes, last in w.city_suffixes))
    for offset, length, admin_try, city_try in tries:
        found = _resolve_name(gazetteer, span.text[offset:offset + length], context, admin=admin_try, city=city_try)
        if found:
            place, precision, rule = found
            sub = _Span(span.start + offset, span.start + offset + length, span.text[offset:offset + length])
            if (offset, length) != (0, len(span.text)) and rule == "country" and not admin_try:
                continue  # "Syria TV" is not a mention of Syria the place
            span.mention = _mention(doc_id, sub, place, precision, rule)
            return
    span.placelike = admin or _has_cue(text, span, sent_start)


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
    return bool(m and m.place and m.rule != "country" and not m.rule.startswith("anchored"))


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


def _anchor(doc_id: str, text: str, span: _Span, spans: list[_Span]) -> PlaceMention:
    """Tie an unknown place to the known place its sentence (or paragraph) relates it to."""
    sent_start, sent_end = _sentence_bounds(text, span.start)
    others = [s for s in spans if _is_local(s.mention) and s.group != span.group]
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
    for start, end in sorted(set(candidates)):
        if spans and start < spans[-1].end:
            continue  # overlapping NER and capitalised spans: keep the first, longest
        name = text[start:end]
        if name.strip():
            spans.append(_Span(start, end, name))
    for span in spans:
        _resolve_span(doc_id, text, span, gazetteer, context)
    for group in _group_lists(text, spans):
        if _plural_admin_after(text, group):
            for span in group:
                found = _resolve_name(gazetteer, span.text, context, admin=True, city=False)
                if found:
                    span.mention = _mention(doc_id, span, found[0], found[1], found[2])
        # A list is a list of places when one member is a town or province, or a cue says so.
        if any(s.placelike or (_is_local(s.mention)) for s in group):
            for span in group:
                if span.mention is None and not span.ignored:
                    span.placelike = True
    out = []
    for span in spans:
        if span.mention is None and span.placelike and not _ACRONYM.match(span.text):
            span.mention = _anchor(doc_id, text, span, spans)
        if span.mention is not None:
            out.append(span.mention)
    return out


__all__ = ["capitalised_candidates", "country_context", "find_place_mentions"]
