"""Territory changes: the named rules that find a place changing hands.

Each rule is a function ``rule(tok, env) -> Trigger | None`` that looks at one token and
its parse; ``TERRITORY_RULES`` tries them in order and the first that fires names the event
(its ``rule`` string starts with ``territory_change:<rule name>(<words>)``). The words of a
rule are the entry of the same name in ``data/event_terms.json`` (``territory_change.rules``).
A rule says where the place is (``roots``) and how the winner is found (``role``,
``holder``); negation, hedges and the place itself are checked afterwards, for all rules
alike (``modality.asserted``, ``slots.places_of``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from ...records import PlaceMention
from .terms import EventTerms
from .tree import PRONOUNS, Trigger, dobj_heads, is_noun, is_time, is_verb, kids

KIND = "territory_change"


@dataclass(slots=True)
class Env:
    """What a rule may look at besides the token: the words and the sentence's places."""

    terms: EventTerms
    pidx: dict[int, PlaceMention]  # token index -> place mention

    def words(self, rule: str, key: str) -> frozenset[str]:
        return self.terms.rule(KIND, rule).get(key, frozenset())

    def area(self, tok) -> bool:
        return tok.lower_ in self.terms.words(KIND, "area_objects")

    def control(self, tok) -> bool:
        return tok.lower_ in self.terms.words(KIND, "control_nouns")

    def has_place(self, tok) -> bool:
        return any(w.i in self.pidx for w in tok.subtree)


def _people(tok, env: Env) -> bool:
    """An object that counts people ("five soldiers", "hundreds of prisoners")."""
    from ..terms import load_terms

    if env.area(tok):
        return False
    return tok.lower_ in load_terms().people or any(c.dep_ == "nummod" for c in tok.children) and tok.pos_ == "NOUN"


def _control_of(objs: list, env: Env) -> list:
    """'control of X' / 'control over X': the prepositions that hold the place."""
    return [c for o in objs if env.control(o) for c in o.children
            if c.dep_ == "prep" and c.lower_ in ("of", "over")]


def _object_roots(tok, env: Env, control: bool = False) -> list:
    """The place slot of a transitive verb: its objects (people excluded), the subject of a
    passive, the head of "which" in a relative clause, "into X", and "of/over X" after control."""
    passive = kids(tok, "nsubjpass")
    if passive:
        return passive
    objs = [o for o in dobj_heads(tok) if not _people(o, env)]
    roots = [o for o in objs if not env.control(o)]
    if tok.dep_ == "relcl" and any(o.lower_ in ("which", "that") for o in objs):
        roots.append(tok.head)  # "Aleppo, which the opposition captured"
    control = control or len(roots) < len(objs)
    for p in kids(tok, "prep", "prt"):
        if p.lower_ in ("of", "over") and control or p.lower_ == "into":
            roots.append(p)
        elif p.lower_ in ("in", "across") and any(env.area(o) for o in objs):
            roots.append(p)  # "captured three villages in Hama province"
    return roots + _control_of(objs, env)


# --- the rules, in the order they are tried ----------------------------------------------------

def fall_to(tok, env: Env) -> Trigger | None:
    """'Wad Madani fell to the RSF', 'the city has fallen': the subject place changes hands,
    'to/into/under Y' names who gains it. Not 'shells fell on X', 'prices fell by 5%'."""
    words = env.terms.rule(KIND, "fall_to")
    if tok.lower_ not in words["verbs"] or not is_verb(tok) or is_noun(tok):
        return None
    if any(p.lower_ in words["blocking_preps"] and not is_time(p) for p in kids(tok, "prep", "prt", "acomp")):
        return None  # "on Wednesday" is a time, not where something fell
    subj = kids(tok, "nsubj", "nsubjpass")
    if not subj and tok.dep_ in ("relcl", "acl"):
        subj = [tok.head]
    roots = [s for s in subj if s.lower_ not in PRONOUNS]
    if any(s.lower_ in ("which", "that") for s in subj):
        roots.append(tok.head)  # "Aleppo, which fell to the rebels"
    holder = [w for p in kids(tok, "prep") if p.lower_ in words["holder_preps"] for w in p.subtree if w.i != p.i]
    return Trigger(tok, KIND, "fall_to", tok.text, roots, "fall", holder)


def lost_to(tok, env: Env) -> Trigger | None:
    """'The army lost Kherson', 'lost control of X', 'lost X to Y': the subject's side loses
    the place; 'to Y' names who gains it, else the other side does."""
    words = env.terms.rule(KIND, "lost_to")
    if tok.lower_ not in words["verbs"] or not is_verb(tok):
        return None
    objs = dobj_heads(tok)
    has_control = any(env.control(o) for o in objs)
    if not has_control and not (any(env.has_place(o) or env.area(o) for o in objs) or kids(tok, "nsubjpass")):
        return None
    holder = [w for p in kids(tok, "prep") if p.lower_ in words["holder_preps"] for w in p.subtree if w.i != p.i]
    return Trigger(tok, KIND, "lost_to", tok.text + ("+control" if has_control else ""),
                   _object_roots(tok, env, has_control), "lose", holder)


def capture_verb(tok, env: Env) -> Trigger | None:
    """'captured/seized/overran/retook/liberated X', 'took/entered/cleared X' (a place as
    object), 'gained/assumed/took control of X', 'X was captured by Y': the subject (or
    agent) gains the place."""
    words = env.terms.rule(KIND, "capture_verb")
    low = tok.lower_
    if low not in words["verbs"] or not is_verb(tok):
        return None
    objs = dobj_heads(tok)
    has_control = any(env.control(o) for o in objs)
    if low in words["needing_control"] and not has_control:
        return None
    if low in words["needing_place_object"] and not has_control:
        over = any(p.lower_ == "over" for p in kids(tok, "prt", "prep"))
        obj_place = any(env.has_place(o) or env.area(o) for o in objs)
        passive = bool(kids(tok, "nsubjpass", "auxpass"))
        relative = tok.dep_ == "relcl" and tok.head.i in env.pidx  # "Aleppo, which rebels took"
        if not (over or obj_place or passive or relative):
            return None
    return Trigger(tok, KIND, "capture_verb", tok.text + ("+control" if has_control else ""),
                   _object_roots(tok, env, has_control), "gain")


def control_state(tok, env: Env) -> Trigger | None:
    """'Rebels now control X', 'X is fully controlled by Y', 'now have full control of X':
    a holding verb counts only with a cue that the holding is new or complete."""
    words = env.terms.rule(KIND, "control_state")
    low = tok.lower_
    if low not in words["verbs"] or not is_verb(tok):
        return None
    objs = dobj_heads(tok)
    has_control = any(env.control(o) for o in objs)
    cued = any(w.lower_ in words["cues"] for w in tok.subtree if w.i <= tok.i + 4)
    if not (cued and (has_control or low.startswith("control"))):
        return None
    return Trigger(tok, KIND, "control_state", tok.text + ("+control" if has_control else ""),
                   _object_roots(tok, env, True), "gain")


def capture_noun(tok, env: Env) -> Trigger | None:
    """'the capture of X', 'X's recapture', 'the takeover of X by Y': the actor gains X."""
    words = env.terms.rule(KIND, "capture_noun")
    if not is_noun(tok) or (tok.lemma_.lower() not in words["nouns"] and tok.lower_ not in words["nouns"]):
        return None
    roots = [c for c in tok.children if c.dep_ in ("prep", "poss", "conj", "appos") and c.lower_ != "by"]
    return Trigger(tok, KIND, "capture_noun", tok.text, roots, "gain", noun=True)


def fall_noun(tok, env: Env) -> Trigger | None:
    """'the fall of X', 'X's fall (to Y)': X changes hands."""
    words = env.terms.rule(KIND, "fall_noun")
    if not is_noun(tok) or (tok.lemma_.lower() not in words["nouns"] and tok.lower_ not in words["nouns"]):
        return None
    if not kids(tok, "prep", "poss"):
        return None
    roots = [c for c in tok.children if c.dep_ in ("prep", "poss", "conj", "appos") and c.lower_ != "by"]
    holder = [w for p in kids(tok, "prep") if p.lower_ in words["holder_preps"] for w in p.subtree if w.i != p.i]
    return Trigger(tok, KIND, "fall_noun", tok.text, roots, "fall", holder, noun=True)


TerritoryRule = Callable[[object, Env], "Trigger | None"]
TERRITORY_RULES: tuple[TerritoryRule, ...] = (fall_to, lost_to, capture_verb, control_state, capture_noun, fall_noun)


def territory_trigger(tok, env: Env) -> Trigger | None:
    """The first territory rule that fires on ``tok``."""
    for rule in TERRITORY_RULES:
        trig = rule(tok, env)
        if trig is not None:
            return trig
    return None
