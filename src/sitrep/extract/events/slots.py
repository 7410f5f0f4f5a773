"""Where an event happened: the place mentions in its trigger's slot.

The slot is the subtree of the trigger's ``roots`` (its object, the subject of "fell",
"in/near X"), without clauses of their own; one event per place of a list; minus landmarks
("north of X", "towards X", found by the blocking words on the parse path); "the city"
goes back to the most named city of the last sentences.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Sequence

from ...nlp import Sentence
from ...records import PlaceMention
from .context import EventContext
from .terms import EventTerms
from .tree import CLAUSE_DEPS, SUBJECT_DEPS, Trigger, clause_subtree, governor, kids

# How many sentences back "the city" may look for the place it stands for; tuned on the
# seeds, where the antecedent is at most two sentences back.
ANAPHORA_SENTENCES = 2
# How far right of a strike or clash noun a place may stand when the parse attaches it
# elsewhere ("airstrikes overnight on Idlib city"); tuned on the seeds and the sample.
MAX_AFTER_TOKENS = 5
_AFTER_PREPS = frozenset({"on", "in", "near", "at", "around", "over", "across", "against", "outside"})
# "BEIRUT (LPA) - ...", "Damascus - ...": where the story was filed, not where it happened.
_DATELINE_TAIL = re.compile(r"\s*(?:\([^)]{1,30}\)\s*)?[-–—:]\s")
# "the surrounding Shahba area", "the Hama countryside": an area, not the town "the town" means.
_AREA_AFTER = re.compile(r"\s+(?:area|areas|region|countryside|province|governorate|district|front|plain|plains|"
                         r"suburbs|outskirts|border)\b", re.IGNORECASE)


def place_index(doc, sentence: Sentence, places: Sequence[PlaceMention]) -> dict[int, PlaceMention]:
    """Token index -> event-grade place mention (countries excluded) of this sentence."""
    out: dict[int, PlaceMention] = {}
    # Unresolved mentions ("the villages of X and Y" that no gazetteer knows) still name the
    # place of an event; countries are too coarse for one.
    local = [m for m in places if sentence.start <= m.start < sentence.end
             and (m.precision is not None or m.rule == "unresolved") and not _is_dateline(m, sentence)]
    for m in local:
        a, b = m.start - sentence.start, m.end - sentence.start
        for tok in doc:
            if tok.idx < b and tok.idx + len(tok.text) > a:
                out[tok.i] = m
    return out


def _is_dateline(m: PlaceMention, sentence: Sentence) -> bool:
    return m.start == sentence.start and bool(_DATELINE_TAIL.match(sentence.text, m.end - sentence.start))


def default_roots(trig: Trigger) -> list:
    """The slot of a strike, clash, withdrawal or reinforcement: the trigger's own
    dependents that are not subjects or clauses; for a noun, also those of its governing
    verb ("carried out strikes on X"), and the subject of "X came under shelling"."""
    tok = trig.tok
    roots = [c for c in tok.children if c.dep_ not in SUBJECT_DEPS
             and not (c.dep_ in CLAUSE_DEPS and c.pos_ in ("VERB", "AUX"))]
    if trig.noun and tok.dep_ == "pobj" and tok.head.lower_ == "under":
        roots += kids(tok.head.head, "nsubj", "nsubjpass")  # "X came under heavy shelling"
    gov = governor(tok) if trig.noun else None
    if gov is not None:
        above = {w.i for w in tok.ancestors} | {tok.i}
        roots += [c for c in gov.children if c.dep_ in ("prep", "advmod") and c.i not in above]
    return roots


def _blocked(mtok, trig_tok, blocking: frozenset[str], mention_toks: set[int]) -> bool:
    cur = mtok
    for _ in range(12):
        if cur.i == trig_tok.i or cur.head.i == cur.i:
            return False
        if cur.i not in mention_toks and (cur.lower_ in blocking or cur.dep_ == "appos"):
            return True  # "Idlib city, a stronghold near Hama province": Hama describes Idlib
        cur = cur.head
        if cur.i != trig_tok.i and cur.lower_ in blocking:
            return True
    return False


def _through_prison(mtok, trig_tok, t: EventTerms) -> bool:
    prisons = t.words("prison_break", "prison_nouns")
    cur = mtok
    for _ in range(8):
        if cur.lower_ in prisons:
            return True
        if cur.i == trig_tok.i or cur.head.i == cur.i:
            return False
        cur = cur.head
    return False


def places_of(trig: Trigger, t: EventTerms, pidx: dict[int, PlaceMention]) -> tuple[list[PlaceMention], list]:
    """Place mentions in the trigger's slot, and 'the city'-like tokens when there are none."""
    blocking = t.words("blocking_words", trig.type) or t.words("blocking_words", "default")
    found: list[PlaceMention] = []
    anaphors = []
    city_words = t.words("anaphoric_places")
    seen: set[int] = set()
    roots = trig.roots if trig.type == "territory_change" else default_roots(trig)
    for root in roots:
        for w in clause_subtree(root):
            if w.i in seen:
                continue
            seen.add(w.i)
            m = pidx.get(w.i)
            mention_toks = {i for i, mm in pidx.items() if mm is m}
            if m is not None and not _blocked(w, trig.tok, blocking, mention_toks) and m not in found:
                if trig.type == "territory_change" and _through_prison(w, trig.tok, t):
                    continue
                found.append(m)
            elif (m is None and w.lower_ in city_words and any(c.lower_ == "the" for c in w.children)
                  and not any(c.i in pidx for c in w.subtree)
                  and not _blocked(w, trig.tok, blocking, set())):
                anaphors.append(w)
            elif m is None and w.lower_ == "it" and w.i == root.i and w.dep_ in ("dobj", "nsubjpass"):
                anaphors.append(w)  # "before Wagner captured it": a town named earlier in the sentence
    # "towns in Hama province, including A and B": the towns, not the province that holds them.
    found = [m for m in found if not (m.rule == "admin1" and any(_inside(s, m) for s in found))]
    return found, anaphors


def _inside(small: PlaceMention, area: PlaceMention) -> bool:
    if small is area or small.rule == "admin1":
        return False
    if small.anchor == area.text:
        return True
    return bool(small.place and area.place and small.place.admin1 and small.place.admin1 == area.place.admin1)


def place_after(trig: Trigger, pidx: dict[int, PlaceMention]) -> PlaceMention | None:
    """A place right after a noun trigger, behind a preposition ("strikes overnight on Idlib")."""
    doc, prep = trig.tok.doc, False
    for w in doc[trig.tok.i + 1: trig.tok.i + 1 + MAX_AFTER_TOKENS]:
        if w.i in pidx:
            return pidx[w.i] if prep else None
        if w.pos_ in ("VERB", "AUX", "CCONJ", "PUNCT", "SCONJ"):
            return None
        prep = prep or w.lower_ in _AFTER_PREPS
    return None


def antecedent(ctx: EventContext, sentence: Sentence, word: str, offset: int,
               places: Sequence[PlaceMention]) -> PlaceMention | None:
    """'the city': the most named town of the last sentences (and this one, before it)."""
    idx = next((i for i, s in enumerate(ctx.sentences) if s.start == sentence.start), None)
    if idx is None:
        return None
    lo = ctx.sentences[max(0, idx - ANAPHORA_SENTENCES)].start
    kinds = ctx.terms.raw["anaphoric_places"]
    exact_city = word in kinds.get("city", ())
    text = ctx.article.text
    window = [m for m in places if lo <= m.start < offset and m.place is not None
              and m.place.feature == "city" and (m.precision == 1 or not exact_city and m.precision == 2)
              and not _AREA_AFTER.match(text, m.end)]
    if not window:
        return None
    # A town named earlier in this very sentence is the one meant ("killed in Goma since
    # M23 seized the city"); otherwise the most named town of the last sentences.
    same = [m for m in window if m.start >= sentence.start]
    if same:
        return same[-1]
    if word == "it":
        return None  # "it" only looks back within its own sentence
    counts = Counter(m.text for m in places if m.start < offset and m.precision in (1, 2))
    return max(reversed(window), key=lambda m: counts[m.text])
