"""A candidate span and what the text around it says: sentence bounds, cues ('the towns of'),
admin or city mode, qualifiers ('Hama, Syria'), lists and datelines."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from sitrep.sentences import MAX_SENTENCE_CHARS
from sitrep.extract.gazetteer.lookup import Gazetteer
from sitrep.extract.gazetteer.names import normalise
from sitrep.lexicon.patterns import alternation
from sitrep.lexicon.place_words import place_words
from sitrep.records import Place, PlaceMention
from .candidates import CUE_WINDOW


# --------------------------------------------------------------------------- mentions


@dataclass(slots=True)
class Span:
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


# Compiled once: asked for every candidate span of every article, in both passes.
_SENTENCE_BREAK = re.compile(r"[.!?][\"”']?\s+(?=[A-Z\"“])")
_SENTENCE_END = re.compile(r"[.!?](?=[\"”']?\s+[A-Z\"“]|[\"”']?\s*$)")
_LETTER_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_NEXT_WORD = re.compile(r"\s+([A-Za-z]+)")
@lru_cache(maxsize=1)
def _cue_word() -> re.Pattern[str]:
    """The word before the name, past the words that may stand between ("took full control of")
    and a closing quote ('had only "recovered" Zaki Biam': set AK's Nigerian daily)."""
    return re.compile(rf"([A-Za-z]+)[\"”’']?\s+(?:{alternation(place_words().cue_skips)}\s+)*$")
_DIRECTION_OF = re.compile(r",?\s+([a-z-]+)\s+of\b")


def sentence_bounds(text: str, pos: int) -> tuple[int, int]:
    """Start and end of the sentence around ``pos`` (a light splitter: enough to
    keep cues and anchors inside their sentence)."""
    # Looked for within MAX_SENTENCE_CHARS either side (no sentence is longer), so a huge
    # one-line text costs the same per place as a normal one.
    start = max(text.rfind("\n", max(0, pos - MAX_SENTENCE_CHARS), pos) + 1, pos - MAX_SENTENCE_CHARS, 0)
    for m in _SENTENCE_BREAK.finditer(text[start:pos]):
        start_candidate = start + m.end()
        if start_candidate <= pos:
            start = start_candidate
    end_nl = text.find("\n", pos, pos + MAX_SENTENCE_CHARS)
    end_nl = min(len(text), pos + MAX_SENTENCE_CHARS) if end_nl < 0 else end_nl
    m = _SENTENCE_END.search(text[pos:end_nl])
    return start, (pos + m.end() if m else end_nl)


def paragraph_start(text: str, pos: int) -> int:
    return text.rfind("\n", 0, pos) + 1


def _last_words(text: str, n: int) -> list[str]:
    return [w.lower() for w in _LETTER_WORD.findall(text)][-n:]


def admin_mode(text: str, span: Span, sent_start: int) -> bool:
    """'Hama province', 'the province of Idlib', 'Donetsk Oblast'."""
    w = place_words()
    after = _NEXT_WORD.match(text[span.end:span.end + 20])
    if after and after.group(1).lower() in w.admin_suffixes:
        return True
    before = _last_words(text[max(sent_start, span.start - 30):span.start], 2)
    return len(before) == 2 and before[1] == "of" and before[0] in w.admin_nouns_before


def city_mode(text: str, span: Span) -> bool:
    after = _NEXT_WORD.match(text[span.end:span.end + 10])
    before = _last_words(text[max(0, span.start - 12):span.start], 2)
    return bool((after and after.group(1).lower() in place_words().city_suffixes) or before == ["city", "of"])


# What may open a sentence before a name that is its subject: "On Thursday, ", "But ", "the".
_OPENS_CLAUSE = re.compile(r"\W*(?:(?:On|In|By|But|And|Then|Later)\b[^,;]{0,30},?\s*)?(?:the\s+)?", re.IGNORECASE)


# ", the village where ...", ", a small town in ...": a settlement noun in apposition after a name.
_DESCRIBED_AS = re.compile(r",\s+(?:the|a|an)\s+(?:[a-z-]+\s+){0,2}?(?P<noun>[a-z]+)\b")


def has_cue(text: str, span: Span, sent_start: int) -> bool:
    """Does the text say this span is a place ("the towns of X", "near X", "X, north of")?"""
    w = place_words()
    window = text[max(sent_start, span.start - CUE_WINDOW):span.start]
    # The cue word must sit right before the name, give or take "of", "the",
    # "control" ("took control of the X"): "Hama city [Getty]" is no cue for Getty.
    m = _cue_word().search(window)
    cue = m.group(1).lower() if m else ""
    if cue in w.settlement_nouns or cue in w.prepositions or cue in w.verbs:
        if cue != "including":
            return True
        sentence_before = _last_words(text[sent_start:span.start], 40)
        return any(word in w.settlement_nouns for word in sentence_before)
    if w.fallen_after.match(text, span.end) and _OPENS_CLAUSE.fullmatch(text[sent_start:span.start]):
        return True  # "Konna fell to Ansar Dine" (not "the last pocket along the Tigris was retaken")
    described = _DESCRIBED_AS.match(text, span.end)
    if described and described.group("noun").lower() in w.settlement_nouns:
        return True  # "Potocari, the village where the Dutch battalion has its compound"
    after = _DIRECTION_OF.match(text[span.end:span.end + 30])
    return bool(after and after.group(1) in w.directions)

Qualifier = frozenset[tuple[str, str]]  # (ISO2, admin-1 key or "") pairs a place must lie in


def admin_key(place: Place) -> str:
    return normalise(place.admin1 or "") if place.feature != "admin1" else normalise(place.admin1 or place.name)


def in_qualifier(place: Place, qualifier: Qualifier) -> bool:
    return any(place.country == cc and (not a1 or admin_key(place) == a1) for cc, a1 in qualifier)

_QUALIFIER_GAP = re.compile(r"^,\s*(?:in\s+(?:the\s+)?)?$|^\s+in\s+(?:the\s+)?$")
_POSTAL_CODE = re.compile(r"^[A-Z]{2}$")


def _qualifier_of(text: str, span: Span, nxt: Span, gazetteer: Gazetteer) -> Qualifier | None:
    """The areas ``nxt`` names when it qualifies ``span`` ("Springfield, Ill."), else None."""
    gap = text[span.end:nxt.start]
    if not _QUALIFIER_GAP.match(gap):
        return None
    if "," in gap and _POSTAL_CODE.match(nxt.text) and nxt.text in gazetteer.postal_codes:
        area = gazetteer.postal_codes[nxt.text]
        return frozenset({(area.country or "", normalise(area.name))})
    name = nxt.text
    after = _NEXT_WORD.match(text[nxt.end:nxt.end + 20])
    admin_only = bool(after and after.group(1).lower() in place_words().admin_suffixes)
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
            areas.add((p.country, admin_key(p)))
    return frozenset(areas) or None


def set_qualifiers(text: str, spans: list[Span], gazetteer: Gazetteer) -> None:
    for span, nxt in zip(spans, spans[1:]):
        q = _qualifier_of(text, span, nxt, gazetteer)
        if not q:
            continue
        local = [c for c in gazetteer.matches(span.text) if c.place.feature not in ("country", "region")]
        if any(in_qualifier(c.place, q) for c in local):
            span.qualifier = q
        elif local and all(c.place.feature == "city" for c in local) and gazetteer.country_of(span.text) is None:
            span.unlisted = True  # a town only ("Alaska, Alabama, ...": a list of states is no qualifier)


def group_lists(text: str, spans: list[Span]) -> list[list[Span]]:
    joiner = place_words().list_joiner
    groups: list[list[Span]] = []
    for span in spans:
        if groups and joiner.match(text[groups[-1][-1].end:span.start]):
            groups[-1].append(span)
        else:
            groups.append([span])
    for i, group in enumerate(groups):
        for span in group:
            span.group = i
    return groups


def plural_admin_after(text: str, group: list[Span]) -> bool:
    """'across Hama, Idlib, and Aleppo provinces'."""
    m = _NEXT_WORD.match(text[group[-1].end:group[-1].end + 20])
    return bool(len(group) > 1 and m and m.group(1).lower().endswith("s")
                and m.group(1).lower() in place_words().admin_suffixes)


def is_local(m: PlaceMention | None) -> bool:
    """A town or province named as such: something to anchor to (not a country, not a
    place inside an organisation's name, not itself anchored)."""
    return bool(m and m.place and m.precision is not None and m.within is None
                and not m.rule.startswith("anchored"))


def main_city_in(area: Place, spans: list[Span], group: int | None) -> Span | None:
    """The province's namesake town (Hama in Hama province) when the article names it
    outside the list being anchored; None otherwise."""
    key = normalise(area.admin1 or area.name)
    for s in spans:
        m = s.mention
        if s.group == group or not is_local(m) or m.place.feature != "city" or m.precision != 1:
            continue
        if normalise(m.place.name) == key or normalise(s.text) == key:
            return s
    return None


def is_dateline(text: str, span: Span) -> bool:
    """'BAMAKO, July 29 (AFP) -': where the reporter files from, not what an unknown place
    of the story is near (Tinzaouatene is 1,400 km from Bamako)."""
    return span.text.isupper() and len(span.text) > 3 and (span.start == 0 or text[span.start - 1] == "\n")
