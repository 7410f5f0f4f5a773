"""Names in a territory event's slot that no place mention covers but the parse shows are
places (rule ``event-slot``): a proper name listed with a place of the slot, before a
settlement or facility noun, or after "of" ("the border post of Teshwin"); not people,
persons' titles nor a local unit's type word."""

from __future__ import annotations

from functools import lru_cache
from typing import Sequence

from ...lexicon.event_terms import EventTerms
from ...records import PlaceMention
from ..doc_arrays import doc_text
from .facility_slots import nominal_roots
from .parentheses import named_before_parenthesis
from .tree import Trigger, is_time, kids


def slot_names(trig: Trigger, t: EventTerms, pidx: dict[int, PlaceMention], seen: set[int],
                where: tuple[str, int], actor_spans: Sequence[tuple[int, int]]) -> list[PlaceMention]:
    """Names in a territory slot that no place mention covers but the slot shows are places
    (rule ``event-slot``): a proper name listed with a place of the slot ('lost A, B and C'
    when the gazetteer knows A and B), and a proper name before a settlement or facility
    noun ('Masaken Hanano neighborhood', 'Tahman Thar Police outpost'). Names of actors
    are not places."""
    doc = trig.tok.doc
    if trig.tok.lower_ in t.rule("territory_change", "capture_noun").get("known_places_only", ()):
        return []  # "the surrender of Abuagla Keikal": a commander, no place
    settlements = t.words("territory_change", "settlement_nouns")
    terrain = t.words("territory_change", "terrain_nouns")
    facilities = t.words("territory_change", "facility_objects") | terrain
    out: list[PlaceMention] = []
    doc_id, base = where

    def proper(w) -> bool:
        return w.pos_ == "PROPN" and w.text[:1].isupper() and w.i not in pidx

    roots = {r.i for r in nominal_roots(trig)}
    after_a_time = {c.i for c in taken_after_a_time(trig)}
    for i in sorted(seen | after_a_time):
        w = doc[i]
        span = None
        if proper(w) and i in roots and w.dep_ in ("dobj", "pobj", "nsubj", "nsubjpass") \
                and w.lower_ not in settlements and not any(c.dep_ in ("det", "poss", "nummod") or c.i in pidx
                                                            for c in w.children) \
                and not described_as_no_place(w, place_nouns(t)) and not _people_word_before_a_noun(w, t):
            # "Konna fell to Ansar Dine", "had regained control of Konna": the name taken, known
            # to no gazetteer (a village, a small town); not people counted ("captured 20 Templarios")
            span = [c for c in w.children if c.dep_ == "compound" and c.i < w.i and proper(c)] + [w]
        elif proper(w) and w.dep_ == "conj" and (_list_head(w).i in pidx or i in after_a_time):
            span = [c for c in w.subtree if c.dep_ == "compound" and c.i < w.i] + [w]
            if i in after_a_time and any(x.lower_.rstrip(".") in _person_words() for x in span):
                span = None  # "captured Mansoura on Thursday and Colonel Smith on Friday": a person
        elif proper(w) and named_before_parenthesis(w, pidx):  # "seized Laiza (Waingmaw, Kachin)"
            span = [c for c in w.children if c.dep_ == "compound" and c.i < w.i] + [w]
        elif w.lower_ in settlements | facilities and (w.tag_ == "NN" or w.lower_ in facilities and w.tag_ == "NNP"
                                                       or w.lower_ in terrain and w.tag_ == "NNS"):  # "the Jasosan heights" (set AB)
            names = [c for c in w.children if c.dep_ in ("compound", "nmod") and c.i < w.i and proper(c)]
            if names and all(x.lower_ in people_words(t) or x.dep_ in ("cc", "punct") for n in names for x in n.subtree):
                names = []  # "the besieged Turkmen town of Amerli", "a mainly Uzbek and Hazara city": who lives there
            # the name's own words, not a locator under the noun ("the Jasosan heights near Sardasht")
            if names and not any(x.i in pidx for n in names for x in n.subtree):
                lo = min(x.i for n in names for x in n.subtree)
                span = list(doc[lo: w.i + (1 if w.lower_ in facilities else 0)])
            else:
                span = _name_after_of(w, proper)  # "the border post of Teshwin"
        spans = [span]
        if span is None and w.tag_ == "NNS" and ({w.lemma_.lower(), w.lower_[:-1]} & (settlements | facilities)):
            spans = _names_after_of_all(w, proper)  # "the enemy bases of Cueva Alta and Punta Sur"
        for span in spans:
            kept = _slot_name(span, t, pidx, base, actor_spans)
            if kept is not None:
                a, b = kept
                out.append(PlaceMention(doc=doc_id, text=doc_text(doc)[a:b], start=base + a, end=base + b, place=None,
                                        precision=None, rule="event-slot"))
    return out


def _slot_name(span, t: EventTerms, pidx: dict, base: int, actor_spans: Sequence[tuple[int, int]]) -> tuple[int, int] | None:
    """The offsets (in the sentence) of a name a slot shows to be a place, or None when its
    words are a person's, a speaker's, a day's, an actor's or a place already found."""
    while span and len(span) > 1 and span[0].lower_.rstrip(".") in _name_type_words():
        span = span[1:]  # "Barangay Talon-Talon": a local unit's type word is no part of the name
    if span and len(span) > 1 and span[0].lower_.rstrip(".") in _military_ranks():
        return None  # "after Col Jones fell": a rank opens a person's name, no place's
    if span and len(span) > 2 and span[0].lower_.rstrip(".") in _place_opening_titles():
        return None  # "General Abdul Malik Pahlawan" is a person; "Sheikh Najjar", "General Santos" may be places
    if span and span[-1].lower_ in _speaker_roles():
        return None  # "Ethiopian forces recapture Badme - Government Spokesperson": who says so, no place
    if not span or any(x.i in pidx for x in span) or all(x.lower_ in t.words("time_words") for x in span):
        return None  # a place already, or a day ("since the fall of Entebbe on Saturday")
    a, b = span[0].idx, span[-1].idx + len(span[-1].text)
    if any(x < base + b and y > base + a for x, y in actor_spans):
        return None
    return a, b


def _people_word_before_a_noun(w, t: EventTerms) -> bool:
    """'troops take Tamil rebel leader's home town' (a headline the parse reads with "Tamil" as
    the object): a people's word right before a common noun modifies it, no place (set BT's
    Vadamarachchi wire)."""
    doc = w.doc
    nxt = doc[w.i + 1] if w.i + 1 < len(doc) else None
    return nxt is not None and nxt.pos_ == "NOUN" and nxt.text[:1].islower() and w.lower_ in people_words(t)


@lru_cache(maxsize=1)
def _place_opening_titles() -> frozenset[str]:
    """Titles that open people's names and some places' ('General Santos', 'Sheikh Najjar'):
    with a name of two words or more after them, a person (set BK's Mazar-i-Sharif wire)."""
    from ...lexicon.claim_rule_words import word_set

    return frozenset(word_set("place_opening_titles"))


@lru_cache(maxsize=1)
def people_words(t: EventTerms) -> frozenset[str]:
    """Words of a people or a faith (``people_modifiers``) and demonyms: who lives in a place."""
    from ...lexicon.claim_terms import demonym_words

    return t.words("territory_change", "people_modifiers") | frozenset(demonym_words())


def place_nouns(t: EventTerms) -> frozenset[str]:
    """Nouns an appositive may describe a place by ("a poor township", "the border post")."""
    from ...lexicon.place_words import place_words

    words = place_words()
    return (t.words("territory_change", "settlement_nouns") | t.words("territory_change", "facility_objects")
            | t.words("territory_change", "terrain_nouns") | words.settlement_nouns | words.facility_heads
            | t.words("territory_change", "described_place_nouns"))


def described_as_no_place(name, nouns: frozenset[str]) -> bool:
    """'Sadyr Japarov, a former MP ..., has been freed': a name described in apposition by a
    noun that is no settlement, facility or terrain is a person or a body, not a place taken
    (set AD's Bishkek liveblog); "Konna, a town in the centre" stays a place."""
    return any(c.dep_ == "appos" and c.pos_ in ("NOUN", "PROPN") and c.lower_ not in nouns
               and any(d.dep_ == "det" for d in c.children) for c in name.children) \
        or _aged(name)  # ("Damascus, Syria" stays)


def _aged(name) -> bool:
    """'Guevara, 39, was captured wounded': a name with an age set off after it is a person
    (set CZ's La Paz communique); "Highway 5" or "Kilometre 9, 40 km away" is no age."""
    doc = name.doc
    i = name.i
    return i + 3 < len(doc) and doc[i + 1].text == "," and doc[i + 2].tag_ == "CD" and doc[i + 3].text == "," \
        and doc[i + 2].text.isdigit() and 1 <= int(doc[i + 2].text) <= 110


def _names_after_of_all(noun, proper) -> list[list]:
    """'the bases of Cueva Alta and Punta Sur': each proper name after a plural
    settlement or facility noun's "of", the first and those joined to it."""
    first = _name_after_of(noun, proper)
    if not first:
        return []
    out = [first]
    todo = [t for t in first[-1].children if t.dep_ == "conj"]
    while todo:
        tok = todo.pop(0)
        if proper(tok):
            toks = list(tok.doc[tok.left_edge.i: tok.i + 1])
            toks = [x for x in toks if x.dep_ not in ("cc", "punct")]
            if toks and all(proper(x) or x.lower_ in _NAME_PARTICLES for x in toks) and proper(toks[0]):
                out.append(toks)
        todo += [t for t in tok.children if t.dep_ == "conj"]
    return out


def _name_after_of(noun, proper) -> list | None:
    """'the border post of Teshwin', 'the river port of San Juan del Norte': the proper name
    after "of" that names the settlement or facility (words of the name only)."""
    for prep in noun.children:
        if prep.dep_ != "prep" or prep.lower_ != "of":
            continue
        for obj in prep.children:
            if obj.dep_ != "pobj" or not proper(obj):
                continue
            toks = list(noun.doc[obj.left_edge.i: obj.i + 1])
            if all(proper(x) or x.lower_ in _NAME_PARTICLES for x in toks) and proper(toks[0]):
                return toks
    return None


@lru_cache(maxsize=1)
def _name_type_words() -> frozenset[str]:
    """A local unit's type word before a name ("Barangay" of "Barangay Talon-Talon":
    ``name_type_words`` of data/gazetteer/place_words.json)."""
    from ...lexicon.place_words import place_words

    return place_words().name_type_words


# Lowercase words inside a proper name ("San Juan del Norte", "Kafr al-Ma").
_NAME_PARTICLES = frozenset({"de", "del", "la", "las", "los", "da", "do", "dos", "das", "al", "el"})


@lru_cache(maxsize=1)
def _military_ranks() -> frozenset[str]:
    """Ranks that open only people's names ("Col Jones", "Lt Toure"), lowercase: not the
    honorifics and titles that also open places' names (``place_opening_titles``)."""
    from ...lexicon.claim_rule_words import word_set
    from ...lexicon.claim_terms import claim_words

    return frozenset(w.lower() for w in claim_words().ranks) - word_set("place_opening_titles")


@lru_cache(maxsize=1)
def _speaker_roles() -> frozenset[str]:
    """Speakers' roles ("spokesperson", "minister", "director"), lowercase: a name that ends in
    one is a person or an office, as a headline's credit after a dash is (set CK's ENA relay)."""
    from ...lexicon.claim_terms import claim_words, load_attribution_terms

    return frozenset(w.lower() for w in (*load_attribution_terms().spokes_titles, *claim_words().office_titles))


@lru_cache(maxsize=1)
def _person_words() -> frozenset[str]:
    """Ranks and titles that open a person's name ("Colonel", "Mr"), lowercase (claim_terms.json:
    "Mr", "Dr" are among its titles)."""
    from ...lexicon.claim_terms import claim_words

    return frozenset(w.lower() for w in claim_words().ranks | claim_words().title_heads)


def taken_after_a_time(trig: Trigger) -> list:
    """The conjuncts the parse hangs on the date or the place of a capture ("captured
    Mansoura on Thursday evening and Ayios Theodoros on Friday", "seized the depot at Bakau
    and then Radio Gambia": set S's Cyprus and Gambia stories)."""
    out = []
    for prep in kids(trig.tok, "prep"):
        timed = is_time(prep)
        for when in kids(prep, "pobj"):
            out += [c for c in kids(when, "conj") if timed or any(a.lower_ == "then" for a in kids(c, "advmod"))]
    if kids(trig.tok, "dobj"):
        out += [c for c in kids(trig.tok, "conj") if _gapped_object(c)]
    return out


def _gapped_object(conj) -> bool:
    """'took Gao on 2 January, and Timbuktu on 25 January': a name the parse joins to the
    capture verb itself, with a date of its own and no verb or subject, is the verb's second
    object (the verb gapped)."""
    if conj.pos_ != "PROPN" or kids(conj, "nsubj", "nsubjpass", "dobj", "aux"):
        return False
    after = conj.right_edge.i + 1
    timed_next = after < len(conj.doc) and conj.doc[after].dep_ == "prep" and is_time(conj.doc[after])
    return timed_next or any(is_time(p) for p in kids(conj, "prep")) or _later_after(conj.doc, after)


# "captured Goma in November and Bukavu a month later", "... and Izium the next day": a span
# of time after the gapped object (the parse hangs it on the verb)
_SPAN_COUNTS = frozenset({"a", "an", "one", "two", "three", "four", "five", "six", "several", "some", "few"})
_SPAN_UNITS = frozenset({"day", "days", "week", "weeks", "month", "months", "year", "years", "hour", "hours"})
_LATER = frozenset({"later", "afterwards", "after"})


def _later_after(doc, i: int) -> bool:
    words = [w.lower_ for w in doc[i:i + 4]]
    if words[:1] == ["later"] or words[:1] == ["afterwards"]:
        return True
    if words[:1] == ["the"] and len(words) >= 3 and words[1] in ("next", "following") and words[2] in _SPAN_UNITS:
        return True
    count = 1 if words[:1] and (words[0] in _SPAN_COUNTS or doc[i].like_num) else 0
    return count == 1 and len(words) >= 3 and words[1] in _SPAN_UNITS and words[2] in _LATER


def _list_head(w):
    cur = w
    while cur.dep_ == "conj" and cur.head.i != cur.i:
        cur = cur.head
    return cur
