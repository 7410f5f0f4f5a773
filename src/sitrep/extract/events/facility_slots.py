"""A territory trigger's facility as its place: "recaptured the presidential palace in
Khartoum" (the town it is in), "the army base at Mansila" (the town after "at", known or
not), "the northeastern regional command headquarters had been captured" (the facility as
written). Read by ``slots.places_of`` when a slot names no place of its own."""

from __future__ import annotations

from ...lexicon.date_words import date_words
from ...lexicon.event_terms import EventTerms
from ..doc_arrays import doc_text
from ...records import PlaceMention
from .facility_names import facility_in_town, name_tokens
from .tree import Trigger, kids


def nominal_roots(trig: Trigger) -> list:
    """The nouns of a slot: its roots, and the objects of its prepositions ('control of X')."""
    return [o for r in trig.roots for o in ([r] if r.dep_ != "prep" else kids(r, "pobj"))]


def relative_on_facility(trig: Trigger, t: EventTerms) -> bool:
    """A capture in a relative clause on a facility noun: its slot is that facility."""
    return trig.tok.dep_ == "relcl" and trig.tok.head.lower_ in t.words("territory_change", "facility_objects")


def described_facility(trig: Trigger, t: EventTerms, where: tuple[str, int]) -> list[PlaceMention]:
    """'the northeastern regional command headquarters had been captured': a definite
    facility described by its modifiers, in no named town, is the place as written
    (rule ``event-slot:facility``; 'the airport' alone is too vague)."""
    facilities = t.words("territory_change", "facility_objects")
    doc_id, base = where
    for root in nominal_roots(trig):
        if root.lower_ not in facilities or root.tag_ in ("NNS", "NNPS") and root.lower_[:-1] in facilities:
            continue  # "bases" are many; "headquarters" is one
        if not any(c.lower_ == "the" for c in root.children):
            continue
        known = _known_as(root)
        if known is not None:
            # "the hill position known as Beatrice fell": the name it goes by (set DB's Dien
            # Bien Phu wire)
            a, b = known[0].idx, known[-1].idx + len(known[-1].text)
            return [PlaceMention(doc_id, doc_text(root.doc)[a:b], base + a, base + b, None, None, "event-slot:known-as")]
        named = root.head if root.dep_ == "appos" and root.head.pos_ == "PROPN" else None
        if named is not None:
            # "the fortified village of Paishuko, the second stronghold of the church to fall":
            # the place the description is in apposition to (set AO's Lumpa story)
            toks = [c for c in named.children if c.dep_ == "compound" and c.i < named.i] + [named]
            a, b = toks[0].idx, named.idx + len(named.text)
            return [PlaceMention(doc_id, doc_text(root.doc)[a:b], base + a, base + b, None, None, "event-slot:apposition")]
        toks = name_tokens(root, t.words("territory_change", "facility_state_words"))
        if len(toks) < 2:
            continue
        doc = root.doc
        a, b = toks[0].idx, root.idx + len(root.text)
        return [PlaceMention(doc_id, doc_text(doc)[a:b], base + a, base + b, None, None, "event-slot:facility")]
    return []


_NAMING_PARTICIPLES = frozenset({"known", "called", "named", "codenamed", "code-named", "dubbed", "nicknamed"})


def _known_as(root) -> list | None:
    """The proper name after "known as", "codenamed" on a facility noun, or None."""
    for acl in (c for c in root.children if c.dep_ == "acl" and c.lower_ in _NAMING_PARTICIPLES):
        for tok in acl.subtree:
            if tok.pos_ == "PROPN" and tok.text[:1].isupper() and tok.dep_ in ("pobj", "oprd", "dobj", "attr", "npadvmod"):
                toks = [c for c in tok.children if c.dep_ == "compound" and c.i < tok.i] + [tok]
                return toks
    return None


def facility_town(trig: Trigger, t: EventTerms, pidx: dict[int, PlaceMention],
                   where_in: tuple[str, int]) -> list[PlaceMention]:
    """'recaptured the presidential palace in Khartoum', 'overran an army base in Adan
    Yabaal': a facility that no place mention covers stands for the town it is in. Not
    several ('six positions in X'), and not a region ('a dam in northern Raqqa', 'outposts
    across Rakhine State'): a province, or a town named with a compass word, is no town.
    'the army base at Mansila in Yagha province', 'the police post at Darbang': the name
    after "at" is the facility's town, even one no gazetteer knows (rule ``event-slot``)."""
    facilities = t.words("territory_change", "facility_objects")
    locs = t.words("territory_change", "locator_preps")
    compass = t.words("blocking_words", "territory_change")
    for root in nominal_roots(trig):
        if root.tag_ in ("NNS", "NNPS") and (root.lower_[:-1] in facilities or root.lower_ in facilities):
            towns = _towns_listed_after_at(root, trig.tok, pidx, where_in)
            if len(towns) >= 2:
                return towns  # "took over camps at Ber, Tessalit and Aguelhok": a camp at each (set BR's Kidal blog)
        if root.lower_ not in facilities or root.tag_ in ("NNS", "NNPS"):
            continue
        at = _named_after_at(root, trig.tok, pidx, where_in)
        if at is not None:
            return [facility_in_town(root, at, "at", t, where_in, trig.rule)]
        where = [c for c in list(root.children) + list(trig.tok.children)
                 if c.dep_ == "prep" and c.lower_ in locs or c.dep_ == "poss"]
        for p in where:
            for w in p.subtree:
                m = pidx.get(w.i)
                if m is None:
                    continue
                region = m.precision == 3 or (m.place is not None and m.place.feature != "city")
                qualified = any(c.lower_ in compass for c in list(w.head.children) + list(w.children)
                                if c.dep_ in ("amod", "compound"))  # "northern Raqqa": the province
                if not region and not qualified:
                    how = "poss" if p.dep_ == "poss" else "in"
                    return [facility_in_town(root, m, how, t, where_in, trig.rule)]
    return []


def _objects_of_at(root, verb) -> list:
    """The objects of "at" right after a facility noun (parses hang "at" on the noun or on
    the verb)."""
    after = root.right_edge.i + 1
    preps = [c for c in list(root.children) + list(verb.children)
             if c.dep_ == "prep" and c.lower_ == "at" and (c.head.i == root.i or c.i == after)]
    return [c for prep in preps for c in prep.children if c.dep_ == "pobj"]


def _name_of(obj, pidx: dict[int, PlaceMention], where: tuple[str, int]) -> PlaceMention | None:
    """The place a noun after "at" names: its mention, or its proper name (a capitalised noun
    the tagger misreads too: "the camp at Tessalit", set BR's Kidal blog)."""
    name = [c for c in obj.children if c.dep_ == "compound" and c.i < obj.i] + [obj]
    known = next((pidx[w.i] for w in name if w.i in pidx), None)
    if known is not None:
        return known
    if obj.text[:1].isupper() and (obj.pos_ == "PROPN" or obj.tag_ == "NN" and obj.i > 0) \
            and obj.lower_ not in date_words().weekdays and obj.lower_ not in date_words().month_names:
        doc_id, base = where
        a, b = name[0].idx, obj.idx + len(obj.text)
        return PlaceMention(doc=doc_id, text=doc_text(obj.doc)[a:b], start=base + a, end=base + b, place=None,
                            precision=None, rule="event-slot")
    return None


def _named_after_at(root, verb, pidx: dict[int, PlaceMention], where: tuple[str, int]) -> PlaceMention | None:
    """The town after "at" right after a facility noun: its place mention, or its proper name."""
    for obj in _objects_of_at(root, verb):
        named = _name_of(obj, pidx, where)
        if named is not None:
            return named
    return None


def _towns_listed_after_at(root, verb, pidx: dict[int, PlaceMention], where: tuple[str, int]) -> list[PlaceMention]:
    """'camps at Ber, Tessalit and Aguelhok': the towns of a list after "at", one facility at
    each; every item must name a place."""
    out: list[PlaceMention] = []
    for obj in _objects_of_at(root, verb)[:1]:
        items = [obj] + [w for w in obj.subtree if w.dep_ == "conj" and w.head.i in {obj.i} | {x.i for x in obj.subtree}]
        for w in items:
            named = _name_of(w, pidx, where)
            if named is None:
                return []
            if named not in out:
                out.append(named)
    return out
