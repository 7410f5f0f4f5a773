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

The package: ``candidates`` (capitalised runs, country context), ``spans`` (what the text
around a span says), ``ranking`` (gazetteer candidates scored and trusted), ``resolve`` (a
span to a mention), ``facilities`` (hospitals, bases, "a village east of X").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from sitrep.extract.gazetteer.lookup import Gazetteer
from sitrep.extract.gazetteer.names import normalise
from sitrep.lexicon.place_words import place_words
from sitrep.records import PlaceMention
from .candidates import ACRONYM, country_context, join_names
from .facilities import description_mentions, facility_mention, facility_spans
from .ranking import Context, resolve_name
from .resolve import (
    anchor_places, anchored_mention, mention_countries, named_areas, place_mention, resolve_span,
)
from .spans import Span, group_lists, is_local, plural_admin_after, set_qualifiers


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
    given = list(context_countries) or country_context(text, gazetteer)
    spans = _candidate_spans(text, candidates, gazetteer)
    first = Context(given)
    for span in spans:
        resolve_span(doc_id, text, span, gazetteer, first)
    # Second pass: the provinces the article names and its places resolved in the first
    # pass are context for the rest (Paris near Lexington is in Kentucky).
    context, strong = mention_countries(spans, gazetteer, given)
    # Countries a village may be anchored in: those given (the article's, its actors') and
    # those named outright; not those only a big city's name points to.
    anchor_countries = set(given if context_countries else ()) | strong
    ctx = Context(context, admin1=named_areas(spans), anchors=anchor_places(spans, first))
    _resolve_again(doc_id, text, spans, gazetteer, first, ctx)
    _read_lists(doc_id, text, spans, gazetteer, ctx)
    for span in spans:
        if span.mention is None and span.placelike and not ACRONYM.match(span.text) and not _titled_person(span.text) \
                and not _a_people(span.text) and not surname_named_before(text, span.text, span.start):
            span.mention = anchored_mention(doc_id, text, span, spans, anchor_countries, given[0] if given else None)
    organisations = _organisation_acronyms(text, gazetteer)
    for span in spans:
        if span.text in organisations:
            span.mention = None  # "the Kosovo Liberation Army (KLA)": KLA is no Kampala
    return _with_facilities_and_descriptions(doc_id, text, spans, gazetteer, context)


def _a_people(name: str) -> bool:
    """'Turkish Cypriot', 'Greek Cypriot': a people's name is no place, whatever cue comes
    before it ("had taken the Turkish Cypriot quarter of Limassol": set BJ's Cyprus 1974 wire)."""
    from sitrep.lexicon.claim_terms import demonym_words

    words = name.lower().split()
    return all(w in demonym_words() for w in words)


# A name of two to four capitalised words ("Phillip Mehrtens", "Pierluigi Maccalli").
_FULL_NAME = re.compile(r"\b[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){1,3}\b")


def surname_named_before(text: str, word: str, pos: int) -> bool:
    """'Mehrtens was seized' after landing at an airstrip, once the text has named "pilot
    Phillip Mehrtens": one unknown word that ended a name written before ``pos`` is that
    person's surname (set DH's Papua story); a headline in title case names no person ("M23
    Rebels Seize Kitchanga"). Read for place mentions here and for places taken by the events."""
    if " " in word.strip():
        return False
    return any(n.group().split()[-1] == word and not in_title_case_line(text, n.start())
               for n in _FULL_NAME.finditer(text, 0, pos))


# A line with at least this many words, this share of them capitalised (its small function
# words aside), is a headline in title case, not running text ("M23 Rebels Seize Kitchanga
# Outpost"); a sentence full of names stays below it ("The rebels freed New Zealand pilot
# Phillip Mehrtens on Saturday": 5 of 8).
TITLE_CASE_MIN_WORDS = 3
TITLE_CASE_SHARE = 0.8
_LINE_WORD = re.compile(r"[A-Za-z][\w'’-]*")


def in_title_case_line(text: str, pos: int) -> bool:
    """Whether the line holding ``pos`` is written in title case (a headline's style)."""
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    small = place_words().function_words
    words = [w for w in _LINE_WORD.findall(text[start:end if end >= 0 else len(text)]) if w not in small]
    return len(words) >= TITLE_CASE_MIN_WORDS and sum(w[0].isupper() for w in words) >= TITLE_CASE_SHARE * len(words)


def _titled_person(name: str) -> bool:
    """'President Ibrahim Kamara', 'Sheikh Ibrahim El-Zakzaky': a name no gazetteer knows that
    opens with a rank or title is a person, even where a cue says a place follows ("took over
    Sheikh Ibrahim El-Zakzaky's residence in Gyellesu": set AC's Zaria analysis)."""
    from sitrep.lexicon.claim_terms import claim_words

    words = claim_words()
    first = name.split()[0].rstrip(".") if name.split() else ""
    return len(name.split()) > 1 and (first in words.ranks or first in words.title_heads)


# "the Kosovo Liberation Army (KLA)", "Democratic Republic of Congo (DRC)": an acronym the
# text defines in brackets after a name of several words.
_DEFINED_ACRONYM = re.compile(r"(?P<full>[A-Z][\w'’-]+(?:\s+(?:of|the|for|and|de|du|[A-Z][\w'’-]+)){1,8})"
                              r"\s+\((?P<acr>[A-Z]{2,6})\)")


def _organisation_acronyms(text: str, gazetteer: Gazetteer) -> frozenset[str]:
    """Acronyms the text defines for a name that is no place ("KLA", "PKK"): no place either;
    a place's own ("DRC", "UAE") stays one."""
    if "(" not in text:
        return frozenset()
    return frozenset(m.group("acr") for m in _DEFINED_ACRONYM.finditer(text)
                     if gazetteer.resolve(re.sub(r"^The\s+", "", m.group("full"))) is None)


def _candidate_spans(text: str, candidates: Sequence[tuple[int, int]], gazetteer: Gazetteer) -> list[Span]:
    """The candidate spans, names joined, overlaps dropped, with their qualifiers set."""
    spans: list[Span] = []
    for start, end in join_names(text, sorted(set(candidates)), gazetteer):
        if spans and start < spans[-1].end:
            continue  # overlapping NER and capitalised spans: keep the first, longest
        name = text[start:end]
        if name.strip():
            spans.append(Span(start, end, name))
    set_qualifiers(text, spans, gazetteer)
    return spans


def _resolve_again(doc_id: str, text: str, spans: list[Span], gazetteer: Gazetteer, first: Context,
                   ctx: Context) -> None:
    """The second pass, when the article names provinces or anchor places."""
    if not (ctx.admin1 or ctx.anchors):
        return
    # With the same countries and no province named, only names with a choice to make
    # (or none made yet) can change.
    same = ctx.countries == first.countries and not ctx.admin1
    for span in spans:
        if not span.ignored and (not same or span.mention is None
                                 or first.choices.get(normalise(span.mention.text), 2) > 1):
            span.mention, span.placelike = None, False
            resolve_span(doc_id, text, span, gazetteer, ctx)


def _read_lists(doc_id: str, text: str, spans: list[Span], gazetteer: Gazetteer, ctx: Context) -> None:
    """Lists of names: "the provinces of A and B" are provinces; a list with one town or
    province in it, or a cue, is a list of places."""
    for group in group_lists(text, spans):
        if plural_admin_after(text, group):
            for span in group:
                found = resolve_name(gazetteer, span.text, ctx, admin=True, city=False)
                if found:
                    span.mention = place_mention(doc_id, span, found[0], found[1], found[2])
        # A list is a list of places when one member is a town or province, or a cue says so.
        if any(s.placelike or (is_local(s.mention)) for s in group):
            for span in group:
                if span.mention is None and not span.ignored:
                    span.placelike = True


def _with_facilities_and_descriptions(doc_id: str, text: str, spans: list[Span], gazetteer: Gazetteer,
                                      context: Sequence[str]) -> list[PlaceMention]:
    """The spans' mentions, facilities ("Al-Shifa hospital") in place of the names inside
    them, and descriptions ("a village east of X"), in text order."""
    facilities = facility_spans(text, [(s.start, s.end) for s in spans], gazetteer)
    out = [facility_mention(doc_id, text, f, spans) for f in facilities]
    inside = [(f.start, f.end) for f in facilities]
    out += [s.mention for s in spans
            if s.mention is not None and not any(a <= s.start < b for a, b in inside)]
    out.sort(key=lambda m: m.start)
    descriptions = description_mentions(doc_id, text, out, gazetteer, context)
    if descriptions:
        out = sorted(out + descriptions, key=lambda m: m.start)
    return out
