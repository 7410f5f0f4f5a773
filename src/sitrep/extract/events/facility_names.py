"""What a facility taken in a town is called on its event.

GUIDE.md asks for a territory change's place "as written, its most specific name: village,
town, airport, base". When a definite facility in a resolved town is taken, the event is
about the facility and is mapped at the town: its mention keeps the town's place and is
named after the facility.

- 'the provincial government headquarters in Kirkuk' -> 'provincial government headquarters'
- 'the gutted presidential palace in the center of Grozny' -> 'presidential palace'
  (a word of its state is no part of its name: ``facility_state_words``)
- 'the city's airport' -> 'Kirkuk airport', 'the airport at Babushara' -> 'Babushara
  airport': a bare facility noun is named by its town, as annotators write it
- 'a military base in El Obeid' -> 'El Obeid': an indefinite facility is no named place;
  the town stands for it; so does an unnamed garrison, base or post ('the army garrison in
  Malakal': ``town_installations``).

Tuned on the probe sets' Kirkuk, Chechnya, Abkhazia and Libya (Misrata) wires; checked
on Sudan and Ecuador sentences and on dev2 (no facility in a town among its changes)."""

from __future__ import annotations

import dataclasses

from sitrep.lexicon.event_terms import EventTerms
from sitrep.extract.doc_arrays import doc_text
from sitrep.extract.places.facilities import FACILITY_TOWN_GAP
from sitrep.records import PlaceMention

# Rules whose facility is a sign of the town it stands in: a flag raised over the town's
# assembly building or government compound marks the town's capture (Afrin, Tikrit).
TOWN_SIGN_RULES = frozenset({"flag_raised"})
# The determiners of a facility that is not one named place ('a base', 'one of the posts').
INDEFINITE = frozenset({"a", "an", "one", "another", "some"})


def name_tokens(root, state_words: frozenset[str]) -> list:
    """The facility's own words: its modifiers before it and the noun, without determiners,
    possessors and words of its state ('nearby', 'gutted', 'strategic')."""
    mods = [c for c in root.children if c.dep_ in ("amod", "compound", "nmod") and c.i < root.i]
    if not mods:
        return [root]
    doc = root.doc
    toks = list(doc[min(w.i for m in mods for w in m.subtree): root.i + 1])
    while toks[:-1] and (toks[0].lower_ in state_words or toks[0].tag_ in ("VBN", "VBD", "RB")
                         or toks[0].dep_ in ("det", "poss", "case", "punct")):
        toks = toks[1:]
    return toks


def town_name(town: PlaceMention) -> str:
    """The town as the article writes it; 'the city' or 'the capital' by the name it stands for."""
    if town.text[:4].lower() == "the " and town.place is not None:
        return town.place.name
    return town.text


def facility_in_town(root, town: PlaceMention, how: str, t: EventTerms, where: tuple[str, int],
                     rule: str = "") -> PlaceMention:
    """The event's mention for facility ``root`` in ``town`` (``how``: 'in', 'at' or 'poss'
    for the way the sentence places it; ``rule``: the trigger's rule): the town's place
    under the facility's name."""
    toks = name_tokens(root, t.words("territory_change", "facility_state_words"))
    if (town.place is None or rule in TOWN_SIGN_RULES
            or any(c.lower_ in INDEFINITE for c in root.children if c.dep_ == "det")):
        return _as_written(town, toks, root, where)
    if root.lower_ in t.words("territory_change", "town_installations") and not any(
            w.pos_ == "PROPN" for w in toks[:-1]):
        return _as_written(town, toks, root, where)  # 'the army garrison in Malakal': the town
    own = doc_text(root.doc)[toks[0].idx: root.idx + len(root.text)]
    if len(toks) == 1 or how in ("at", "poss"):
        name = f"{town_name(town)} {own}"  # 'Kirkuk airport', 'Babushara airport'
    else:
        name = own  # 'provincial government headquarters'
    _, base = where
    area = town.place.feature != "city" or town.precision == 3
    return dataclasses.replace(_as_written(town, toks, root, where), text=name, start=base + toks[0].idx, end=base + root.idx + len(root.text),
                               precision=3 if area else 2, rule=f"facility-of-town:{town_name(town)}",
                               anchor=town_name(town))


def _as_written(town: PlaceMention, toks: list, root, where: tuple[str, int]) -> PlaceMention:
    """The town's mention with the facility and its locator as written ('gendarmerie post in
    Aneho', 'CRPF duty post at Vairengte'): GUIDE.md's place as written, most specific, which
    some annotators keep whole and others cut to the town or the facility (sets AC, AD, N, T).
    Unchanged when the town does not follow the facility ("Aneho's police post")."""
    _, base = where
    text = doc_text(root.doc)
    gap = text[root.idx + len(root.text): town.start - base] if town.start - base > root.idx else ""
    if not FACILITY_TOWN_GAP.fullmatch(gap):
        return town
    return dataclasses.replace(town, written=text[toks[0].idx: town.end - base])


def conjoined_facilities(roots: list, t: EventTerms, pidx: dict, where: tuple[str, int],
                         found: list[PlaceMention], rule: str) -> list[PlaceMention]:
    """'took the city's airport and the adjoining air force academy', 'entered the government
    compound and the Tikrit Teaching Hospital': in a list of facilities taken, a definite one
    no place mention covers is taken too, under its name (rule ``event-slot:facility``). Not
    an unnamed garrison or base (its town stands for it), not a facility listed among towns
    (the seeds' annotators leave those out), not a flag's building (``TOWN_SIGN_RULES``)."""
    if rule in TOWN_SIGN_RULES:
        return []
    facilities = t.words("territory_change", "facility_objects")
    installations = t.words("territory_change", "town_installations")
    state_words = t.words("territory_change", "facility_state_words")
    doc_id, base = where
    taken = {(m.start, m.end) for m in found}
    out: list[PlaceMention] = []
    for root in roots:
        if root.lower_ not in facilities:
            continue
        members = [root] + [w for w in root.children if w.dep_ == "conj"]
        listed = [any(a <= base + w.idx < b for a, b in taken) for w in members]
        for k, c in enumerate(members):
            if not any(listed[:k] + listed[k + 1:]):
                continue  # listed with no place taken
            if (c.lower_ not in facilities or c.tag_ in ("NNS", "NNPS")
                    or not any(d.lower_ == "the" for d in c.children if d.dep_ == "det")):
                continue
            toks = name_tokens(c, state_words)
            if len(toks) < 2 or any(w.i in pidx for w in toks) or \
                    c.lower_ in installations and not any(w.pos_ == "PROPN" for w in toks[:-1]):
                continue
            a, b = base + toks[0].idx, base + c.idx + len(c.text)
            if (a, b) not in taken:
                out.append(PlaceMention(doc_id, doc_text(c.doc)[toks[0].idx: c.idx + len(c.text)], a, b, None, None,
                                        "event-slot:facility"))
    return out


def relative_head_name(which, verb, pidx: dict, where: tuple[str, int]) -> PlaceMention | None:
    """'in nearby Maroun al-Ras, which troops seized on Sunday': the proper name a relative
    clause hangs on is the place taken, even one no gazetteer knows (rule ``event-slot``);
    a known place is its own mention, also through a description in apposition ("Ocosingo, a
    market town that the rebels had seized")."""
    if which.lower_ not in ("which", "that") or verb.dep_ != "relcl":
        return None
    head = verb.head
    if head.i in pidx:
        return pidx[head.i]
    if head.dep_ == "appos" and head.head.i in pidx:
        return pidx[head.head.i]  # "from Ocosingo, a market town that they had seized": the town named
    if which.lower_ == "that":
        return None
    if head.pos_ != "PROPN" or not head.text[:1].isupper():
        return None
    name = [w for w in head.subtree if w.i <= head.i and (w.i == head.i or w.dep_ in ("compound", "punct")
                                                           and w.head.i == head.i)]
    while name and name[0].dep_ == "punct":
        name = name[1:]
    doc_id, base = where
    a, b = name[0].idx, head.idx + len(head.text)
    return PlaceMention(doc_id, doc_text(head.doc)[a:b], base + a, base + b, None, None, "event-slot")
