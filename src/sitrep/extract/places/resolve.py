"""From a span to a place mention: a gazetteer match, a place inside a name, or an anchor
to a place the text relates it to."""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from collections.abc import Sequence

from sitrep.extract.gazetteer.lookup import Gazetteer
from sitrep.extract.gazetteer.names import normalise, skeleton
from sitrep.lexicon.patterns import alternation
from sitrep.lexicon.place_words import place_words
from sitrep.records import Place, PlaceMention
from .candidates import ADJECTIVE, ADJECTIVE_AFTER, ADMIN_FEATURES, CLOCK_BEFORE, ZONE_TIME, country_evidence
from .ranking import Context, resolve_name
from .metonyms import names_a_government
from .spans import (
    Span, admin_key, admin_mode, city_mode, has_cue, is_dateline, is_local, main_city_in,
    paragraph_start, sentence_bounds,
)


# Compiled once: asked for every candidate span of every article, in both passes.
_NON_SPACE = re.compile(r"\S+")
_LOWER_WORD_AFTER = re.compile(r"\s+([a-z]+)\b")
# "..., north of the city": a relation to the last city named ("city", "town": the city
# ``descriptions`` of data/gazetteer/place_words.json)
_RELATION_OF = re.compile(rf",?\s+[a-z-]+\s+of\s+(the\s+{alternation(place_words().descriptions['city'])}\b)?")


def _sub_names(name: str) -> list[tuple[int, int]]:
    """Shorter names to try inside a span, as (offset, length): without a leading
    modifier ("Northern Aleppo"), without a descriptor tail ("Hama Central Prison")."""
    w = place_words()
    tokens = list(_NON_SPACE.finditer(name))
    out = []
    if len(tokens) > 1 and tokens[0].group().lower() in w.leading_modifiers:
        out.append((tokens[1].start(), len(name) - tokens[1].start()))
    if len(tokens) > 1 and tokens[-1].group().lower() in w.descriptor_tails:
        for cut in range(len(tokens) - 1, 0, -1):
            tail = [t.group().lower() for t in tokens[cut:]]
            if tail[-1] in w.descriptor_tails:
                out.append((0, tokens[cut - 1].end()))
    return out


# "Indian-administered", "Russian-occupied": a state's hold on the place named after it.
_HELD_BY = re.compile(r"^(?P<demonym>[A-Za-z]+)-(?:occupied|administered|held|controlled|annexed|ruled)$", re.IGNORECASE)


def _owned_by_a_state(name: str, gazetteer: Gazetteer) -> tuple[int, str] | None:
    """'Indian Kashmir', 'Russian-occupied Crimea', 'Syrian Kurdistan': (offset of the place
    after the state's demonym, the state's ISO2), or None. The place is resolved in that state
    (set CW's Indian Kashmir; a demonym alone is no place)."""
    tokens = list(_NON_SPACE.finditer(name))
    if len(tokens) < 2:
        return None
    first = tokens[0].group()
    held = _HELD_BY.match(first)
    code = gazetteer.demonyms.get(normalise(held.group("demonym") if held else first))
    return (tokens[1].start(), code) if code else None


def place_mention(doc_id: str, span: Span, place: Place | None, precision: int | None, rule: str,
             anchor: str | None = None) -> PlaceMention:
    return PlaceMention(doc=doc_id, text=span.text, start=span.start, end=span.end,
                        place=dataclasses.replace(place) if place else None,
                        precision=precision, rule=rule, anchor=anchor)


def resolve_span(doc_id: str, text: str, span: Span, gazetteer: Gazetteer, ctx: Context) -> None:
    _resolve_span_name(doc_id, text, span, gazetteer, ctx)
    if span.mention is None and ADJECTIVE_AFTER.match(text, span.end):
        span.ignored, span.placelike = True, False  # "the U.N.-declared safe area": an unknown name as an adjective is no place


def _resolve_span_name(doc_id: str, text: str, span: Span, gazetteer: Gazetteer, ctx: Context) -> None:
    if ADJECTIVE.search(span.text) or gazetteer.is_stopword(span.text):
        span.ignored = True  # "Britain-based", "HTS-led": adjectives, not places
        return
    if ZONE_TIME.match(text, span.end) and CLOCK_BEFORE.search(text[max(0, span.start - 16):span.start]):
        span.ignored = True  # "at 11:00 Moscow time": a time zone, not where anything happened
        return
    if span.unlisted:
        span.placelike = True  # anchored to the area written after it (``anchored_mention``)
        return
    if span.modes is None:  # the same in both passes
        sent_start, _ = sentence_bounds(text, span.start)
        span.modes = (sent_start, admin_mode(text, span, sent_start), city_mode(text, span))
    sent_start, admin, city = span.modes
    w = place_words()
    tries = [(0, len(span.text), admin, city)] + [(o, n, admin, city) for o, n in _sub_names(span.text)]
    owned = _owned_by_a_state(span.text, gazetteer)
    if owned is not None:  # "Indian Kashmir", "Russian-occupied Crimea": the place, in that state
        tries.append((owned[0], len(span.text) - owned[0], admin, city))
    last = span.text.split()[-1].lower()
    if len(span.text.split()) > 1 and last in w.admin_suffixes | w.city_suffixes:
        # "Hama Province", "Hama City" as one NER span; "United States" stays whole when that fails;
        # "Laurel County", a county under its own name, before "Laurel" the town.
        # "Kansas City", "Phenix City", "Mexico City": a town under its full name comes first too.
        is_admin = last in w.admin_suffixes
        whole = resolve_name(gazetteer, span.text, ctx, admin=is_admin, city=not is_admin, qualifier=span.qualifier)
        if whole and (whole[0].feature in ADMIN_FEATURES or not is_admin) and (
                skeleton(normalise(whole[0].name)) == skeleton(normalise(span.text)) or whole[2].endswith("exact")):
            span.mention = place_mention(doc_id, span, *whole)
            return
        tries.insert(0, (0, span.text.rfind(" "), last in w.admin_suffixes, last in w.city_suffixes))
    for offset, length, admin_try, city_try in tries:
        qualifier = span.qualifier
        if owned is not None and offset == owned[0] and not qualifier:
            qualifier = frozenset({(owned[1], "")})
        found = resolve_name(gazetteer, span.text[offset:offset + length], ctx, admin=admin_try, city=city_try,
                              qualifier=qualifier)
        if found:
            place, precision, rule = found
            sub = Span(span.start + offset, span.start + offset + length, span.text[offset:offset + length])
            if (offset, length) != (0, len(span.text)) and rule == "country" and not admin_try:
                continue  # "Syria TV" is not a mention of Syria the place
            span.mention = place_mention(doc_id, sub, place, precision, rule)
            if (actor := _actor_after(text, span)) and precision is not None and sub.end == span.end:
                # "Donbas militias", "Idlib rebels": an actor named after a place, not a place
                span.mention.precision, span.mention.rule = None, f"in-name:{rule}"
                span.mention.within = actor
            return
    span.mention = _place_in_name(doc_id, span, gazetteer, ctx)
    if span.mention is None:
        span.placelike = admin or has_cue(text, span, sent_start)


def _actor_after(text: str, span: Span) -> str | None:
    """'Donbas militias', 'Idlib rebels': the actor phrase a place names, or None."""
    m = _LOWER_WORD_AFTER.match(text[span.end:span.end + 24])
    return text[span.start:span.end + m.end()] if m and m.group(1) in place_words().actor_nouns else None


def _place_in_name(doc_id: str, span: Span, gazetteer: Gazetteer, ctx: Context) -> PlaceMention | None:
    """A place that leads the name of an organisation, actor or event ("U.S. Senate",
    "Dublin City Council", "Idlib Free Army", "Kentucky State Police"): a toponym of that
    name, resolved but without precision (rule ``in-name:...``), so that no event or claim
    takes it for its place. A place that is no country or province counts only when a word
    of the rest names an organisation ("Paris Hilton" is a person)."""
    tokens = list(_NON_SPACE.finditer(span.text))
    heads = place_words().name_heads
    for k in range(len(tokens) - 1, 0, -1):
        prefix = span.text[:tokens[k - 1].end()]
        last = tokens[k - 1].group()
        if normalise(last) in place_words().articles and not last.isupper():
            continue  # "Jisr al" is no name; "US" is
        found = resolve_name(gazetteer, prefix, ctx, admin=False, city=False)
        if not found:
            continue
        place, _, rule = found
        rest = {re.sub(r"['’]s?$|[.,]$", "", t.group().lower()) for t in tokens[k:]}
        if place.feature in ("country", "admin1", "admin2", "region") or rest & heads:
            sub = Span(span.start, span.start + len(prefix), prefix)
            m = place_mention(doc_id, sub, place, None, f"in-name:{rule}")
            m.within = span.text
            return m
    return None


# "Athens, Ga.", "Goma, North Kivu", "Kherson, in southern Ukraine": what may stand between
# a place and the province or country that qualifies it.

def anchored_mention(doc_id: str, text: str, span: Span, spans: list[Span], countries: Sequence[str] = (),
                     home: str | None = None) -> PlaceMention:
    """Tie an unknown place to the known place its sentence (or paragraph) relates it to.
    A place outside the article's countries is no anchor: a town resolved to a homonym
    abroad must not carry the village with it."""
    sent_start, sent_end = sentence_bounds(text, span.start)
    others = [s for s in spans if is_local(s.mention) and s.group != span.group
              and (not countries or s.mention.place.country in countries) and not is_dateline(text, s)]
    # "prompted Paris to launch air strikes" in a Mali story: a foreign capital named as its
    # government anchors no village (the story's own capital, "Tbilisi says", still may)
    home = home or next(iter(c for c, _ in Counter(s.mention.place.country for s in others).most_common(1)), None)
    others = [s for s in others if not (home and s.mention.place.country != home and names_a_government(s.mention, text))]
    target: Span | None = None
    group_end = max(s.end for s in spans if s.group == span.group)
    rel = _RELATION_OF.match(text[group_end:group_end + 40])
    if rel and rel.group(1):  # "..., north of the city": the last city named before
        before = [s for s in others if s.end <= span.start and s.mention and s.mention.place
                  and s.mention.place.feature == "city" and s.start >= paragraph_start(text, span.start)]
        target = before[-1] if before else None
    elif rel:  # "..., north of Hama"
        target = next((s for s in others if s.start >= group_end and s.start - group_end <= 40), None)
    if target is None:
        in_sentence = [s for s in others if sent_start <= s.start < sent_end]
        if in_sentence:
            target = min(in_sentence, key=lambda s: abs(s.start - span.start))
    if target is None:
        para = paragraph_start(text, span.start)
        earlier = [s for s in others if para <= s.start < span.start]
        target = earlier[-1] if earlier else None
    if target is None or target.mention is None or target.mention.place is None:
        return place_mention(doc_id, span, None, None, "unresolved")
    place = target.mention.place
    if place.feature in ADMIN_FEATURES or target.mention.precision == 3:
        city = main_city_in(place, spans, span.group)
        if city is not None:
            # "villages in Hama province including X, Y": an ACLED coder places unknown
            # villages near the province's town that the story is about (precision 2).
            return place_mention(doc_id, span, city.mention.place, 2,
                            f"anchored-near:{city.mention.text} (in {target.mention.text})", city.mention.text)
        return place_mention(doc_id, span, place, 3, f"anchored-in:{target.mention.text}", target.mention.text)
    return place_mention(doc_id, span, place, 2, f"anchored-near:{target.mention.text}", target.mention.text)


def mention_countries(spans: list[Span], gazetteer: Gazetteer, context: Sequence[str]) -> tuple[list[str], set[str]]:
    """The article's countries again, from the first pass's mentions (names inside longer
    names too: "Edgar County Sheriff's Office" says the story is American): strong evidence
    first, then weak, then the rest of the given context in its order."""
    strong: Counter[str] = Counter()
    weak: Counter[str] = Counter()
    for span in spans:
        m = span.mention
        if m is None or m.place is None or m.rule.startswith("anchored"):
            continue
        codes, is_strong = country_evidence(m.text, gazetteer)
        for code in codes:
            (strong if is_strong else weak)[code] += 1
    order = {cc: i for i, cc in enumerate(context)}
    ranked = sorted(set(strong) | set(weak), key=lambda c: (-strong[c], -weak[c], order.get(c, len(order))))
    return ranked + [c for c in context if c not in strong and c not in weak], set(strong)


def named_areas(spans: list[Span]) -> set[tuple[str, str]]:
    """(country, province key) of the provinces and states the article names, and of
    those that qualify a town ("Athens, Ga.")."""
    out: set[tuple[str, str]] = set()
    for span in spans:
        m = span.mention
        if m and m.place and m.place.feature in ("admin1", "admin2") and not m.rule.startswith("anchored"):
            out.add((m.place.country or "", admin_key(m.place)))
        for cc, a1 in span.qualifier or ():
            if a1:
                out.add((cc, a1))
    return out


def anchor_places(spans: list[Span], ctx: Context) -> dict[str, list[Place]]:
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
