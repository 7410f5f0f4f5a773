"""Facilities ('Nasser Hospital', 'the Zaporizhzhia nuclear plant') and descriptions of
places ('a village east of Hama') as place mentions."""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from sitrep.extract.spans import starting_in
from sitrep.sentences import MAX_SENTENCE_CHARS
from sitrep.extract.gazetteer.lookup import Gazetteer
from sitrep.extract.gazetteer.names import normalise, skeleton
from sitrep.lexicon.actor_words import actor_words
from sitrep.lexicon.place_words import place_words
from sitrep.records import Place, PlaceMention
from .candidates import CONTEXT_CITY_MIN_POPULATION
from .metonyms import a_speakers_seat, names_a_government
from .resolve import place_mention
from .spans import Span, is_local, paragraph_start, sentence_bounds


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
    w = place_words()
    mods = "|".join(sorted(w.facility_modifiers, key=len, reverse=True))
    heads = "|".join(sorted(w.facility_heads, key=len, reverse=True))
    return re.compile(rf"^(?P<pos>['’]s)?\s+(?:(?:{mods})\s+){{0,3}}(?:{heads})\b")


# Last words of a force's name whose facility may be written "the <facility> of <force>"
# (``force_name_ends`` of data/actor_words.json).
_FORCE_BODIES = actor_words().force_name_ends


@functools.cache
def _head_of_before() -> re.Pattern[str]:
    """'headquarters of the ', 'barracks of the army's 8th ': a facility head, then "of" and
    what may come before a force's capitalised name."""
    heads = "|".join(sorted(place_words().facility_heads, key=len, reverse=True))
    return re.compile(rf"\b(?:{heads})\s+of\s+(?:the\s+)?(?:[a-z]+['’]s\s+)?(?:\d{{1,3}}(?:st|nd|rd|th)\s+)?$")


def facility_spans(text: str, runs: Sequence[tuple[int, int]], gazetteer: Gazetteer) -> list[_Facility]:
    """Named facilities: "Kuweires Air Base", "Tahman Thar Police outpost", "Beirut's airport",
    "Light Infantry Battalion 552", "the 5th Brigade's headquarters"."""
    w = place_words()
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
            if (more := _facility_after().match(text[e:e + 60])) and not more.group("pos"):
                end = e + more.end()  # "the Taj Mahal Palace hotel": the kind written after the name too (set DE)
        elif m := _facility_after().match(text[e:e + 60]):
            if m.group("pos") and low[-1] not in w.unit_words and low[-1] not in w.name_heads \
                    and not gazetteer.matches(run):
                continue  # "Smith's camp": a possessor that is no place and no unit
            end = e + m.end()
        elif low[-1] in w.unit_words and (n := re.match(r"\s+\d{1,4}\b", text[e:e + 8])):
            end = e + n.end()  # "Light Infantry Battalion 552", "Base 12"
        if end is None and low[-1] in _FORCE_BODIES and (h := _head_of_before().search(text[max(0, s - 60):s])):
            # "the headquarters of the Anbar Operations Command", "the headquarters of the army's
            # 8th Brigade": a force's own facility, named by the force (set AN's Ramadi wire)
            start, end = s - (len(text[max(0, s - 60):s]) - h.start()), e
        if end is None:
            continue
        if start == s and (o := re.search(r"\b\d{1,3}(?:st|nd|rd|th)\s+$", text[max(0, s - 8):s])):
            start = s - (len(text[max(0, s - 8):s]) - o.start())  # "the 5th Brigade's ..."
        out.append(_Facility(start, end, text[start:end], (s, e)))
    return out


def facility_mention(doc_id: str, text: str, fac: _Facility, spans: list[Span]) -> PlaceMention:
    """The facility under its full name, anchored to the town its name or its sentence names
    (precision 2; 3 when only a province or country is named)."""
    def local(s: Span) -> bool:
        m = s.mention
        return bool(m and m.place and m.within is None and not (fac.start <= s.start < fac.end))

    inner = [s.mention for s in spans if fac.start <= s.start < fac.end and s.mention and s.mention.place]
    target = min(inner, key=lambda m: (m.precision or 4)) if inner else None
    how = "in-name"
    sent_start, sent_end = sentence_bounds(text, fac.start)
    if target is None and re.match(r"^\s*,?\s*(?:in|near|at|outside|of)\b", text[fac.end:fac.end + 12]):
        stop = re.search(r"[.;:!?]|,\s+(?:and|but|which|who|as|after|while)\b", text[fac.end:fac.end + FACILITY_IN_WINDOW])
        limit = fac.end + (stop.start() if stop else FACILITY_IN_WINDOW)
        after = [s.mention for s in spans if fac.end <= s.start < limit and local(s)]
        if after:
            target, how = min(after, key=lambda m: (m.precision or 4, -m.start)), "in"
    if target is None:
        near = [s for s in spans if sent_start <= s.start < sent_end and local(s) and is_local(s.mention)]
        if near:
            target, how = min(near, key=lambda s: abs(s.start - fac.start)).mention, "near"
    if target is None:
        para = paragraph_start(text, fac.start)
        earlier = [s for s in spans if para <= s.start < fac.start and local(s) and is_local(s.mention)]
        if earlier:
            target, how = earlier[-1].mention, "near"
    span = Span(fac.start, fac.end, fac.text)
    if target is None or target.place is None:
        return place_mention(doc_id, span, None, None, "unresolved")
    area = target.place.feature != "city" or target.precision == 3
    name = target.anchor if target.rule.startswith("anchored") and target.anchor else target.text
    rule = f"facility:anchored-{'in' if area else 'near'}:{name}" + ("" if how == "in-name" else f" ({how})")
    mention = place_mention(doc_id, span, target.place, 3 if area else 2, rule, name)
    if how == "in" and FACILITY_TOWN_GAP.fullmatch(text[fac.end:target.start]):
        # "IRGC headquarters in Rask": the facility with its town, as written (set AB)
        mention.written = text[fac.start:target.end]
    return mention


# Between a facility's name and its town when both are kept as written ("gendarmerie post in
# Aneho", "IRGC headquarters in Rask"); read by the events' facility names too.
FACILITY_TOWN_GAP = re.compile(r"\s+(?:in|at)\s+(?:the\s+)?")


@functools.cache
def _description_pattern() -> re.Pattern[str]:
    words = [(kind, word) for kind, ws in place_words().descriptions.items() for word in ws]
    alts = "|".join(re.escape(word) for _, word in sorted(words, key=lambda kw: -len(kw[1])))
    return re.compile(rf"\b(?:(?:[Tt]he)|(?P<owner>[A-Z][\w-]+(?: [A-Z][\w-]+)?)['’]s)\s+(?P<desc>{alts})\b(?=(?P<after>.{{0,24}}))",
                      re.DOTALL)


@functools.cache
def _modifier_nouns() -> frozenset[str]:
    """Nouns after 'the city' that make it a modifier ('the city council', 'the state budget')."""
    w = place_words()
    return w.name_heads | w.facility_heads | w.description_modifiers


def _description_kind(desc: str) -> str:
    return next(k for k, ws in place_words().descriptions.items() if desc in ws)


def description_mentions(doc_id: str, text: str, found: list[PlaceMention], gazetteer: Gazetteer,
                          context: Sequence[str]) -> list[PlaceMention]:
    """'the capital', 'Sudan's capital', 'the city', 'the province', 'the provincial capital'
    as mentions of the place the context names (rule ``description:...``)."""
    out = []
    for m in _description_pattern().finditer(text):
        if _not_the_place(m.group("after")) or _IN_APPOSITION.search(text, max(0, m.start() - 60), m.start()):
            continue
        kind = _description_kind(m.group("desc"))
        start, end = m.start(), m.end("desc")
        # (``found`` is in text order; no mention is longer than a sentence)
        near = starting_in(found, start - DESCRIPTION_WINDOW - MAX_SENTENCE_CHARS, start)
        before = [p for p in near if p.end <= start and start - p.end <= DESCRIPTION_WINDOW
                  and p.place is not None and p.within is None]
        described = _described_place(m, kind, before, text, gazetteer, context)
        if described is None:
            continue
        place, precision, rule, anchor = described
        out.append(place_mention(doc_id, Span(start, end, text[start:end]), place, precision, rule, anchor))
    return out


# "Mitu, the capital of the Amazon department of Vaupes": a description set beside a name
# describes that place, not another (set BJ's Colombia 1998 wire: no second place, Bogota).
_IN_APPOSITION = re.compile(r"[A-Z][\w'’-]*,\s*$")


def _not_the_place(after: str) -> bool:
    """What follows a description shows it is no mention of its own: "the capital Kyiv", "the
    city of Hama", "the capital, Khartoum" (the name is there already); "the city council",
    "the state's budget" (a modifier); "the capital's airport" (a place in the capital)."""
    nxt = re.match(r"^['’]?s?\s+([a-z]+)", after)
    if re.match(r"^,?\s+(?:of\s+)?[A-Z]", after) or (nxt and nxt.group(1) in _modifier_nouns()):
        return True
    return bool(re.match(r"^['’]s\s", after))


# A described place: (place, precision, rule, anchor text).
_Described = tuple[Place, int, str, str | None]


def _described_place(m: re.Match[str], kind: str, before: list[PlaceMention], text: str, gazetteer: Gazetteer,
                     context: Sequence[str]) -> _Described | None:
    """The place a description of this kind points to, from the places named just before."""
    if kind == "capital":
        return _capital(m, before, text, gazetteer, context)
    if m.group("owner"):
        return None  # "Idlib's province" is not how a province is named
    if kind == "city":
        return _last_city(m.group("desc"), before, text)
    if kind == "province":
        return _last_province(before, gazetteer)
    if kind == "provincial_capital":
        return _provincial_capital(before, gazetteer)
    return None


def _capital(m: re.Match[str], before: list[PlaceMention], text: str, gazetteer: Gazetteer,
             context: Sequence[str]) -> _Described | None:
    """"Sudan's capital", "the capital": the capital of the owner, else of the country named
    earlier in the sentence, else of the article's country."""
    start = m.start()
    cc = gazetteer.country_of(m.group("owner")) if m.group("owner") else None
    sent_start, _ = sentence_bounds(text, start)
    cc = cc or next((p.place.country for p in reversed(before) if p.rule == "country"
                     and p.start >= sent_start), None) or (context[0] if context else None)
    capital = gazetteer.capitals.get(cc or "")
    city = next((c for c in gazetteer.candidates(capital, country_hint=cc) if c.place.country == cc
                 and c.place.feature == "city"), None) if capital else None
    return (city.place, 1, f"description:capital-of:{cc}", capital) if city else None


def _last_city(desc: str, before: list[PlaceMention], text: str) -> _Described | None:
    """"the city" is the last city named; "the town" the last town of any size."""
    towns = [p for p in reversed(before) if p.place.feature == "city" and p.precision == 1
             and not names_a_government(p, text) and not a_speakers_seat(p, text)]
    big = [p for p in towns if p.place.population >= CONTEXT_CITY_MIN_POPULATION]
    ante = next(iter(big if desc == "city" and big else towns), None)
    return (ante.place, 1, f"description:city={ante.text}", ante.text) if ante else None


def _last_province(before: list[PlaceMention], gazetteer: Gazetteer) -> _Described | None:
    """"the province": the last province named, else the province of the last town named."""
    ante = next((p for p in reversed(before) if p.place.feature in ("admin1", "admin2")
                 and not p.rule.startswith("anchored")), None)
    area = ante.place if ante else next((a for p in reversed(before) if p.place.feature == "city"
                                         and p.precision == 1 and (a := gazetteer.admin1_area(p.place))), None)
    if not area:
        return None
    return area, 3, f"description:province={area.name}", ante.text if ante else area.name


def _provincial_capital(before: list[PlaceMention], gazetteer: Gazetteer) -> _Described | None:
    """"the provincial capital": the city named as the last province named."""
    ante = next((p for p in reversed(before) if p.place.feature == "admin1"), None)
    if not ante:
        return None
    key = skeleton(normalise(ante.place.name))
    city = next((c for c in gazetteer.candidates(ante.place.name, country_hint=ante.place.country)
                 if c.place.feature == "city" and c.place.country == ante.place.country
                 and skeleton(normalise(c.place.name)) == key), None)
    return (city.place, 1, f"description:capital-of:{ante.text}", ante.text) if city else None


# Lowercase words inside a name ("Democratic Republic of the Congo", "Bosnia and
# Herzegovina", "Côte d'Ivoire", "Rio de Janeiro"): runs around them are joined when the
# gazetteer knows the whole under its own name.
