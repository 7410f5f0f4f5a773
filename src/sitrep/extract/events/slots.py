"""Where an event happened: the place mentions in its trigger's slot.

The slot is the subtree of the trigger's ``roots`` (its object, the subject of "fell",
"in/near X"), without clauses of their own; one event per place of a list; minus landmarks
("north of X", "towards X", found by the blocking words on the parse path); "the city"
goes back to the most named city of the last sentences (``antecedents``); names no mention
covers are found by ``slot_names``.
"""

from __future__ import annotations

import dataclasses
import re
from functools import lru_cache
from typing import Sequence

from ...lexicon.event_terms import EventTerms
from ..doc_arrays import doc_text, token_words
from ...records import PlaceMention
from .facility_names import conjoined_facilities, relative_head_name
from .facility_slots import described_facility, facility_town, nominal_roots, relative_on_facility
from .parentheses import drop_parenthesised_locations
from .slot_names import described_as_no_place, people_words, place_nouns, slot_names, taken_after_a_time
from .tree import CLAUSE_DEPS, SUBJECT_DEPS, Trigger, clause_subtree, governor, kids


def default_roots(trig: Trigger, t: EventTerms) -> list:
    """The slot of a strike, clash, withdrawal or reinforcement: the trigger's own
    dependents that are not subjects or clauses; for a noun, also those of its governing
    verb ("carried out strikes on X"), the object of a target verb ("airstrikes targeted X",
    "strikes ... targeting X"), the subject of "X came under shelling", and the victims'
    place of "two people in X were killed in the shelling"."""
    tok = trig.tok
    roots = [c for c in tok.children if c.dep_ not in SUBJECT_DEPS
             and not (c.dep_ in CLAUSE_DEPS and c.pos_ in ("VERB", "AUX"))]
    if not trig.noun:
        return roots
    targets, casualties = t.words("target_verbs"), t.words("casualty_verbs")
    if tok.dep_ == "pobj" and tok.head.lower_ == "under":
        roots += kids(tok.head.head, "nsubj", "nsubjpass")  # "X came under heavy shelling"
    gov = governor(tok)
    if gov is not None:
        above = {w.i for w in tok.ancestors} | {tok.i}
        roots += [c for c in gov.children if c.dep_ in ("prep", "advmod") and c.i not in above]
        if tok.dep_ in ("nsubj", "nsubjpass") and gov.lemma_.lower() in targets:
            roots += kids(gov, "dobj")  # "two airstrikes struck X"
    for v in list(tok.children) + (list(gov.children) if gov is not None else []):
        if v.dep_ in ("acl", "advcl", "xcomp") and v.lemma_.lower() in targets:
            roots += kids(v, "dobj") + [p for p in kids(v, "prep") if p.lower_ in ("in", "on", "at")]
    if tok.dep_ == "pobj" and tok.head.lower_ in ("in", "by", "from") and tok.head.head.lemma_.lower() in casualties:
        verb = tok.head.head  # "two people in Namkham were killed in the junta shelling"
        roots += kids(verb, "nsubj", "nsubjpass") + [p for p in kids(verb, "prep") if p.i != tok.head.i]
    return roots


def _blocked(mtok, trig_tok, blocking: frozenset[str], mention_toks: set[int], joiners: set[int] = frozenset(),
             named: frozenset[int] | dict = frozenset()) -> bool:
    """A blocking word on the parse path from a place up to its trigger makes the place a
    landmark ("north of X", "towards X"), unless the word is part of a list joiner
    ("along with X"); so does an apposition that describes a named place (``_describes``)."""
    cur = mtok
    for _ in range(12):
        if cur.i == trig_tok.i or cur.head.i == cur.i:
            return False
        if cur.i not in joiners and (cur.i not in mention_toks and cur.lower_ in blocking
                                     or _describes(cur, named) and (cur.i not in mention_toks or cur.head.i not in mention_toks
                                                                    and _a_description(cur))):
            # "Idlib city, a stronghold near Hama province": Hama describes Idlib; "Bomdila, the
            # headquarters of the Kameng Frontier Division": the description is a mention of its own
            # that describes the named town (set BT's Bomdila daily)
            return True
        cur = cur.head
        if cur.i != trig_tok.i and cur.i not in joiners and cur.lower_ in blocking:
            return True
    return False


def _a_description(tok) -> bool:
    """A common noun or a phrase with an article ("the headquarters of X"); a bare name set
    beside another is a list the parse hangs as an apposition ("Rio Hondo, Santa Barbara")."""
    return tok.pos_ == "NOUN" or any(c.dep_ == "det" for c in tok.children)


def _describes(tok, named) -> bool:
    """An apposition describes what it hangs on ("Idlib city, a stronghold near Hama"), unless
    that is a common noun no place mention covers: then the apposition names it ("the rebels'
    last stronghold, the port city of Kismayo, fell", "their last bastion, Tal Afar, was
    retaken")."""
    if tok.dep_ != "appos":
        return False
    head = tok.head
    return head.i in named or head.pos_ == "PROPN" or head.tag_ in ("NNP", "NNPS") or head.pos_ == "PRON" \
        or any(c.dep_ == "compound" and (c.i in named or c.pos_ == "PROPN") for c in head.children)
    # ("Betio island, the fortified heart of Tarawa atoll": a name before the noun names it; set BT)


def _through_prison(mtok, trig_tok, t: EventTerms, own: frozenset[int] | set[int] = frozenset()) -> bool:
    """A place reached through a prison noun ("seized the prison in Gafsa": a prison break's
    town, not a town taken); a prison that is the place itself ("took control of Bayrampasa
    prison", its tokens ``own``) is taken."""
    prisons = t.words("prison_break", "prison_nouns")
    cur = mtok
    for _ in range(8):
        if cur.lower_ in prisons and cur.i not in own:
            return True
        if cur.i == trig_tok.i or cur.head.i == cur.i:
            return False
        cur = cur.head
    return False


def places_of(trig: Trigger, t: EventTerms, pidx: dict[int, PlaceMention], where: tuple[str, int] = ("", 0),
              actor_spans: Sequence[tuple[int, int]] = ()) -> tuple[list[PlaceMention], list]:
    """Place mentions in the trigger's slot, and 'the city'-like tokens when there are none."""
    blocking = t.words("blocking_words", trig.type) or t.words("blocking_words", "default")
    found: list[PlaceMention] = []
    anaphors = []
    city_words = t.words("anaphoric_places")
    facility_words = t.words("territory_change", "facility_objects")
    facility_states = t.words("territory_change", "facility_state_words")
    facility_anaphors = []  # "overran the station": taken only when no place is found otherwise
    seen: set[int] = set()
    territory = trig.type == "territory_change"
    explicit = bool(trig.roots) and not territory  # "fired missiles towards X": the rule chose the slot
    joiners = doc_joiners(trig.tok.doc, t)
    roots = _slot_roots(trig, t, joiners)
    for root in roots:
        for w in _slot_tokens(root, t, pidx) if territory else clause_subtree(root):
            if w.i in seen:
                continue
            seen.add(w.i)
            m = pidx.get(w.i)
            mention_toks = {i for i, mm in pidx.items() if mm is m}
            stop = root if explicit else trig.tok  # a rule's own slot is not blocked above it
            if m is not None and not _blocked(w, stop, blocking, mention_toks, joiners, pidx) and m not in found:
                own = mention_toks if m.rule == "unresolved" else set()  # (a town after "in" names a known prison's place)
                if territory and (_through_prison(w, trig.tok, t, own) or m.rule.startswith(("unresolved", "anchored"))
                                  and described_as_no_place(_mention_root(w, mention_toks), place_nouns(t))):
                    continue  # "Mohamed Morsi, the deposed president, was seized": a person no gazetteer knows
                found.append(m)
            elif (m is None and w.lower_ in city_words and any(c.lower_ == "the" for c in w.children)
                  and not any(c.i in pidx for c in w.subtree)
                  and not _blocked(w, trig.tok, blocking, set(), joiners)):
                anaphors.append(w)
            elif (m is None and territory and w.lower_ in facility_words and w.tag_ in ("NN", "NNS")
                  and [c.lower_ for c in w.children if c.lower_ not in facility_states] == ["the"]
                  and not _blocked(w, trig.tok, blocking, set(), joiners)):  # "the (ruined) post"
                facility_anaphors.append(w)
            elif m is None and w.lower_ in ("it", "which", "that") and (
                    w.i == root.i and w.dep_ in ("dobj", "nsubjpass") or w.dep_ == "pobj" and w.head.i == root.i and root.lower_ == "of"):
                # ("took control of it": the pronoun the slot's "of" governs)
                # "before Wagner captured it", "Damara, 75 km to the north, which it captured on
                # Friday": a town named earlier in the sentence; "nearby Maroun al-Ras, which
                # troops seized": the name the relative clause hangs on, known or not
                named = relative_head_name(w, trig.tok, pidx, where) if territory else None
                if named is not None:
                    found.append(named)
                elif not (territory and relative_on_facility(trig, t)):
                    anaphors.append(w)  # "the radio headquarters, which troops retook": the facility
    if territory and found:
        found += [m for m in _places_after_a_time(trig, pidx) if m not in found]
    if territory and not anaphors:
        named = slot_names(trig, t, pidx, seen, where, actor_spans)
        found += [m for m in named if m.text not in {f.text for f in found}]
    if territory and not found and not anaphors:
        found = facility_town(trig, t, pidx, where)
        if found:
            trig.word += "+facility-in"
        else:
            found = described_facility(trig, t, where)
        if not found:
            anaphors = facility_anaphors[:1]
    return _kept_places(trig, t, pidx, where, found), anaphors


def _slot_roots(trig: Trigger, t: EventTerms, joiners) -> list:
    """Where a trigger's places are looked for: the rule's own roots (a territory trigger's
    always), or the default ones of its type, with the joining words hung on them."""
    territory = trig.type == "territory_change"
    roots = trig.roots if territory or trig.roots else default_roots(trig, t)
    roots = roots + [c for r in [trig.tok] + list(roots) for c in r.children
                     if c.dep_ in ("prep", "cc") and c.i in joiners and c not in roots]
    if territory and joiners:  # "forces entered villages on Friday, including A and B" with "including" hung on "forces"
        subj = {w.i for s in kids(trig.tok, "nsubj") for w in s.subtree}
        roots += [trig.tok.doc[i] for i in sorted(joiners) if i in subj and i > trig.tok.i
                  and trig.tok.doc[i].dep_ == "prep"]
    return roots


def _kept_places(trig: Trigger, t: EventTerms, pidx: dict[int, PlaceMention], where: tuple[str, int],
                 found: list[PlaceMention]) -> list[PlaceMention]:
    """The places found, with the facilities conjoined to them; a province that holds
    another place found, a place in brackets and a description beside a name dropped."""
    territory = trig.type == "territory_change"
    if territory and found:
        found += conjoined_facilities(nominal_roots(trig), t, pidx, where, found, trig.rule)
    # "towns in Hama province, including A and B": the towns, not the province that holds them.
    found = [m for m in found if not (m.rule == "admin1" and any(_inside(s, m) and not _listed_beside(s, m, trig, where)
                                                                  for s in found))]
    found = drop_parenthesised_locations(found, pidx, trig.tok.doc, where[1])
    if territory and len(found) > 1:
        found = _without_facility_towns(found, trig.tok.doc, where[1])
    if territory and len(found) > 1:
        found = _names_not_descriptions(found, pidx, trig.tok.doc)
    if territory:
        found = [_garrison_town(_without_article(_with_kind_noun(m, trig.tok.doc, where[1], t))) for m in found]
    return found


def _garrison_town(m: PlaceMention) -> PlaceMention:
    """'seized the Torit garrison': a garrison taken is its town taken, named by the town, as
    annotators write it ("the garrison at Aguelhok", "the garrison of Diu"; set DC's Juba wire)."""
    head = re.search(r"\s+garrisons?$", m.text)
    if m.rule.startswith(("facility", "unresolved")) and head and m.text[:1].isupper():
        return dataclasses.replace(m, text=m.text[:head.start()], end=m.start + head.start())
    return m


# "the air base at La Carlota, here in Caracas", "the Hostomel airport near Kyiv": where the
# facility is, right after it.
_WHERE_FACILITY_IS = re.compile(r"\s*,?\s*(?:(?:here|there|just)\s+)?(?:in|near|outside|at)\s+(?:the\s+(?:city|town)\s+of\s+)?$")


def _without_facility_towns(found: list[PlaceMention], doc, base: int) -> list[PlaceMention]:
    """The places found without the town a facility found is said to be in (set CZ's Caracas
    newscast: one event, the air base's)."""
    text = doc_text(doc)
    facilities = [f for f in found if f.rule.startswith("facility")]
    return [m for m in found if not any(
        f is not m and f.end <= m.start and m.start - f.end < 40
        and _WHERE_FACILITY_IS.fullmatch(text[f.end - base:m.start - base]) for f in facilities)]


def _without_article(m: PlaceMention) -> PlaceMention:
    """'seized the Parliament building': the place's name is "Parliament building"; an article
    is no part of it (the annotators write none)."""
    if not m.text.startswith(("the ", "The ")) or len(m.text) < 8 or not m.text[4:5].isupper():
        return m
    return dataclasses.replace(m, text=m.text[4:], start=m.start + 4)


# A name then the kind of place it is: "Hoanh village", "the Hongyan ridge".
_KIND_AFTER = re.compile(r"\s+([a-z]+)\b")


def _with_kind_noun(m: PlaceMention, doc, base: int, t: EventTerms) -> PlaceMention:
    """'took control of Hoanh village', 'recaptured the Hongyan ridge': the name with the
    settlement or terrain noun after it, as written (``PlaceMention.written``); annotators
    keep the noun ("Hoanh village", "Hongyan ridge") or cut it ("Ta Shwe Htan") about
    equally often (sets AD, W, Y), and the event's name stays the name. Only for a name no
    gazetteer resolved exactly, whose event is named by its text, or a town's land feature
    ("recaptured the Faw peninsula": the peninsula, not the town of Faw; set BK's Gulf wire)."""
    if m.written is not None or m.end <= base:
        return m
    kind = _KIND_AFTER.match(doc_text(doc), m.end - base)
    if m.place is not None and (m.precision or 0) < 2 and (
            kind is None or kind.group(1) not in t.words("territory_change", "land_features")):
        return m  # a gazetteer's place is named by the gazetteer: its text as written stays bare
    nouns = t.words("territory_change", "settlement_nouns") | t.words("territory_change", "terrain_nouns")
    if kind is None or kind.group(1) not in nouns:
        return m
    return dataclasses.replace(m, written=f"{m.text} {kind.group(1)}")


def _names_not_descriptions(found: list[PlaceMention], pidx: dict[int, PlaceMention], doc) -> list[PlaceMention]:
    """'the UNESCO World Heritage Site of Lalibela', 'the strategic town of X': the name after
    'of', not the description before it, when both are mentions."""
    drop = set()
    for i, m in pidx.items():
        if m not in found:
            continue
        for c in doc[i].children:
            if c.dep_ == "prep" and c.lower_ == "of":
                inner = {id(pidx[w.i]) for w in c.subtree if w.i in pidx} - {id(m)}
                if inner & {id(f) for f in found}:
                    drop.add(id(m))
    return [m for m in found if id(m) not in drop]


_JOINERS: dict[int, tuple[object, frozenset[int]]] = {}


@lru_cache(maxsize=4)
def _joiner_words(joiners: frozenset[str]) -> frozenset[str]:
    return frozenset(w for phrase in joiners for w in phrase.split())


def doc_joiners(doc, t: EventTerms) -> frozenset[int]:
    """Indexes of the list-joiner words of a parsed sentence (computed once per sentence)."""
    got = _JOINERS.get(id(doc))
    if got is None or got[0] is not doc:
        if len(_JOINERS) > 64:
            _JOINERS.clear()
        words = _joiner_words(t.words("list_joiners"))  # _joiner's first test, on the words alone
        got = (doc, frozenset(i for i, low in enumerate(token_words(doc)[0])
                              if low in words and _joiner(doc[i], t)))
        _JOINERS[id(doc)] = got
    return got[1]


def _joiner(tok, t: EventTerms) -> bool:
    """A word that adds items to a list: 'including', 'such as', 'along with', 'as well as'."""
    low = tok.lower_
    joiners = t.words("list_joiners")
    if low not in _joiner_words(joiners):
        return False
    if low in joiners:
        return True
    nxt = tok.nbor(1).lower_ if tok.i + 1 < len(tok.doc) else ""
    prev = tok.nbor(-1).lower_ if tok.i > 0 else ""
    return f"{low} {nxt}" in joiners or f"{prev} {low}" in joiners or (
        low == "as" and prev == "well" and tok.i > 1 and tok.nbor(-2).lower_ == "as")


def _locator(tok, t: EventTerms, pidx: dict[int, PlaceMention]) -> bool:
    """A phrase that only says where the captured thing lies: 'Chinshwehaw town in
    Laukkaing Township', 'Chin State's Paletwa Township', 'Rakhine State's 17 townships'
    (a preposition of place or a possessive under a noun of the slot)."""
    head = tok.head
    if tok.dep_ == "prep" and tok.lower_ in t.words("territory_change", "locator_preps"):
        return head.pos_ in ("NOUN", "PROPN", "NUM", "PRON", "DET")
    if tok.dep_ == "prep" and tok.lower_ == "of" and head.lower_ in t.words("territory_change", "settlement_nouns") \
            and any(c.dep_ == "compound" and c.pos_ == "PROPN" and c.i < head.i and c.lower_ not in people_words(t)
                    for c in head.children):
        return True  # "the Crater district of Aden": Aden locates the named district ("the Turkmen town of Amerli" is Amerli)
    if tok.dep_ == "poss" and any(w.i in pidx for w in tok.subtree):
        return (head.i in pidx or head.pos_ == "PROPN" or head.tag_ in ("NNS", "NNPS")
                or any(c.dep_ == "nummod" for c in head.children))
    return False


def _slot_tokens(root, t: EventTerms, pidx: dict[int, PlaceMention]):
    """The subtree of a territory slot without clauses of their own and without locators
    (but the items a locator lists: 'towns in North Kivu, including A and B')."""
    yield root
    for c in root.children:
        if c.dep_ in CLAUSE_DEPS and c.pos_ in ("VERB", "AUX") and c.lower_ != "including":
            continue
        if _locator(c, t, pidx):
            joiners = doc_joiners(c.doc, t)
            for w in c.subtree:
                if w.dep_ in ("prep", "cc") and w.i in joiners:
                    yield from _slot_tokens(w, t, pidx)
            continue
        yield from _slot_tokens(c, t, pidx)


def _mention_root(tok, mention_toks: set[int]):
    """The token of a mention whose head lies outside it ("Morsi" of "Mohamed Morsi")."""
    for _ in range(len(mention_toks) + 1):
        if tok.head.i not in mention_toks or tok.head.i == tok.i:
            return tok
        tok = tok.head
    return tok


def _places_after_a_time(trig: Trigger, pidx: dict[int, PlaceMention]) -> list[PlaceMention]:
    """'took Gharyan on 2 January and Sirte on 25 January', 'captured Avdiivka in February
    and Pokrovsk in November': the parse hangs the second place on the first one's date,
    as a conjunct of it; it is taken too (the place must be a resolved mention; a name no
    gazetteer knows is ``slot_names``')."""
    out = []
    for c in taken_after_a_time(trig):
        m = next((pidx[w.i] for w in c.subtree if w.i in pidx), None)
        if m is not None and m.precision is not None and m not in out:
            out.append(m)
    return out


# "Liquica and the border town of Balibo": a town listed after a province-named place with
# "and" or a comma is its sibling in the list, not a town inside it (East Timor 1999 probe).
_LIST_JOIN = re.compile(r"^\s*(?:,\s*)?(?:and|or)\s+(?:the\s+)?[\w\s-]{0,30}?$|^\s*,\s*$")


def _listed_beside(small: PlaceMention, area: PlaceMention, trig: Trigger, where: tuple[str, int]) -> bool:
    base = where[1]
    text = doc_text(trig.tok.doc)
    between = text[area.end - base:small.start - base] if area.end <= small.start else ""
    return bool(between) and bool(_LIST_JOIN.match(between))


def _inside(small: PlaceMention, area: PlaceMention) -> bool:
    if small is area or small.rule == "admin1":
        return False
    if small.anchor == area.text:
        return True
    return bool(small.place and area.place and small.place.admin1 and small.place.admin1 == area.place.admin1)
