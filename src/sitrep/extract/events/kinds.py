"""Events other than territory changes: withdrawals, clashes, air strikes, shelling,
reinforcements and prison breaks, each found by a named rule (the words of rule ``x`` are
``data/event_terms.json`` ``<kind>.rules.x``)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Callable

from ...records import PlaceMention
from ..doc_arrays import doc_text
from ...lexicon.event_terms import EventTerms
from .tree import Trigger, is_verb, kids


@dataclass(slots=True)
class KindEnv:
    """The sentence (lower case) and whether the article speaks of air strikes at all (then
    its bare 'raids' and 'bombings' are air strikes: "the raids targeted Sanaa")."""

    lower: str
    air: bool = False


@lru_cache(maxsize=1)
def _noun_only(t: EventTerms) -> frozenset[str]:
    """Trigger nouns that are never verbs: the small model tags "airstrikes" as VBZ at times."""
    nouns, verbs = set(), set()
    for kind in ("withdrawal", "armed_clash", "airstrike", "shelling", "reinforcement", "territory_change"):
        for entry in t.raw[kind]["rules"].values():
            if kind != "territory_change":
                nouns.update(entry.get("nouns", ()))
            verbs.update(entry.get("verbs", ()))
    return frozenset(nouns - verbs)


def _nounish(tok, t: EventTerms) -> bool:
    return tok.pos_ in ("NOUN", "PROPN") and not tok.tag_.startswith("VB") or tok.lower_ in _noun_only(t)


def _mods(tok) -> set[str]:
    return {c.lower_ for c in tok.children if c.dep_ in ("compound", "amod", "nmod")}


# --- noun rules ---------------------------------------------------------------------------------

def shelling_noun(tok, t: EventTerms, env: KindEnv) -> Trigger | None:
    """'shelling', 'bombardment', 'rocket fire', 'missile strikes', 'artillery attack'."""
    w = t.rule("shelling", "shelling_noun")
    low = tok.lower_
    if not _nounish(tok, t):
        return None
    if low in w["nouns"] or (low in w["fire_heads"] and _mods(tok) & w["fire_compounds"]):
        return Trigger(tok, "shelling", "shelling_noun", tok.text, noun=True)
    return None


def airstrike_noun(tok, t: EventTerms, env: KindEnv) -> Trigger | None:
    """'airstrikes', 'drone strikes', 'strikes' (not 'general strike'); 'raids' and
    'bombings' only with an air word nearby."""
    w = t.rule("airstrike", "airstrike_noun")
    low = tok.lower_
    mods = _mods(tok)
    if _nounish(tok, t) and low in w["attack_nouns"] and mods & w["air_compounds"]:
        return Trigger(tok, "airstrike", "airstrike_noun", tok.text, noun=True)  # "drone attacks"
    if not _nounish(tok, t) or low not in w["nouns"]:
        return None
    if mods & w["not_air_modifiers"]:
        return None
    air_ctx = mods & w["air_compounds"] or env.air or any(a in env.lower for a in w["air_subjects"])
    if low in w["bare_nouns_need_air_context"] and not air_ctx:
        return None
    return Trigger(tok, "airstrike", "airstrike_noun", tok.text, noun=True)


def _kind_noun(kind: str, rule: str) -> Callable:
    def noun_rule(tok, t: EventTerms, env: KindEnv) -> Trigger | None:
        if _nounish(tok, t) and tok.lower_ in t.rule(kind, rule)["nouns"]:
            return Trigger(tok, kind, rule, tok.text, noun=True)
        return None

    noun_rule.__name__ = rule
    noun_rule.__doc__ = f"A {kind.replace('_', ' ')} noun ({rule} in event_terms.json)."
    return noun_rule


clash_noun = _kind_noun("armed_clash", "clash_noun")
withdrawal_noun = _kind_noun("withdrawal", "withdrawal_noun")
reinforcement_noun = _kind_noun("reinforcement", "reinforcement_noun")


# --- verb rules ---------------------------------------------------------------------------------

def withdrawal_verb(tok, t: EventTerms, env: KindEnv) -> Trigger | None:
    """'withdrew from X', 'pulled out of X', 'redeployed outside X', 'abandoned X'."""
    entry = t.raw["withdrawal"]["rules"]["withdrawal_verb"]
    w = t.rule("withdrawal", "withdrawal_verb")
    low, lemma = tok.lower_, tok.lemma_.lower()
    if low not in w["verbs"] or not is_verb(tok):
        return None
    particles = entry["particles"].get(lemma)
    if particles is not None and not any(p.lower_ in particles for p in kids(tok, "prt", "prep", "advmod")):
        return None
    objs = [o for o in kids(tok, "dobj") if o.pos_ not in ("PRON", "DET")]
    if lemma != "abandon" and objs and not any(o.lower_ in w["force_objects"] for o in objs):
        return None  # "withdrew money": not a withdrawal of forces
    if low in w["needs_place_prep"] and not kids(tok, "prep", "advmod"):
        return None
    return Trigger(tok, "withdrawal", "withdrawal_verb", tok.text)


def forced_out(tok, t: EventTerms, env: KindEnv) -> Trigger | None:
    """'drove the militants out of X', 'were forced out of X by Y', 'expelled M23 from X': a
    withdrawal of those forced out; the forcer is the other side (a territory change when
    the text names it)."""
    w = t.rule("withdrawal", "forced_out")
    if tok.lower_ not in w["verbs"] or not is_verb(tok):
        return None
    # ("expelled the rebels from Kidal": the parse may hang "from" on the object; set BS)
    parts = {c.lower_ for c in tok.children if c.dep_ in ("prt", "prep", "advmod")} \
        | {c.lower_ for o in kids(tok, "dobj") for c in o.children if c.dep_ == "prep" and c.lower_ == "from"}
    if not (parts & w["particles"] or "from" in parts and tok.lower_ in w["from_verbs"]):
        return None  # "pushed rebels out of X", "expelled M23 from X"; not "pushed rebels 20 km from X"
    if _names_a_distance(tok):
        return None  # a distance: a front line (front.py), not a withdrawal
    moved = kids(tok, "dobj") or kids(tok, "nsubjpass")
    if not moved or not (moved[0].lower_ in w["force_objects"] or moved[0].pos_ == "PROPN"):
        return None  # "residents were forced out of their homes" is displacement, not a withdrawal
    agent = kids(tok, "agent")
    other = [x for a in agent for x in a.subtree if x.i != a.i] if agent else [
        x for s in kids(tok, "nsubj") for x in s.subtree]
    return Trigger(tok, "withdrawal", "forced_out", f"{tok.text} out", actor_toks=list(moved[0].subtree),
                   other_toks=other)


def _names_a_distance(tok) -> bool:
    """'pushed rebels 20 km from X': a distance in the clause; not any number ('after a
    four-month battle', 'drove out 300 fighters')."""
    from ..front import names_a_distance  # front reads event dates: imported when first needed

    return names_a_distance(tok.doc[tok.left_edge.i: tok.right_edge.i + 1].text)


def fled(tok, t: EventTerms, env: KindEnv) -> Trigger | None:
    """'soldiers fled Lashio', 'troops fled from X': a force leaving a place (civilians who
    flee are displaced people, not a withdrawal)."""
    w = t.rule("withdrawal", "fled")
    if tok.lower_ not in w["verbs"] or not is_verb(tok):
        return None
    subj = kids(tok, "nsubj")
    if not subj or subj[0].lower_ not in w["force_subjects"]:
        return None
    return Trigger(tok, "withdrawal", "fled", tok.text)


def _fire_kind(objs: list, t: EventTerms) -> str | None:
    """shelling for artillery, mortars, rockets, missiles, grenades; airstrike for drones."""
    w = t.rule("shelling", "fired_at")
    for o in objs:
        words = {o.lower_} | {c.lower_ for c in o.children if c.dep_ in ("compound", "amod")}
        if words & w["air_objects"]:
            return "airstrike"
        if words & w["fire_objects"]:
            return "shelling"
    return None


def fired_at(tok, t: EventTerms, env: KindEnv) -> Trigger | None:
    """'fired mortars/artillery/grenade launchers at X', 'launched rockets on X', 'a missile
    fired from Yemen towards Eilat', 'launched drones at X' (an air strike): the place is
    what was fired at."""
    w = t.rule("shelling", "fired_at")
    if tok.lower_ not in w["fire_verbs"] or not is_verb(tok):
        return None
    objs = kids(tok, "dobj") or ([tok.head] if tok.dep_ in ("acl", "amod") else []) or kids(tok, "nsubjpass")
    kind = _fire_kind(objs, t)
    if kind is None:
        return None
    preps = [p for p in kids(tok, "prep") + [c for o in objs for c in kids(o, "prep")] if p.lower_ in w["target_preps"]]
    roots = [o for p in preps for o in kids(p, "pobj")]
    return Trigger(tok, kind, "fired_at", f"{tok.text} {objs[0].text}", roots=roots)


def attacked_with(tok, t: EventTerms, env: KindEnv) -> Trigger | None:
    """'X was attacked with four rockets', 'hit X with artillery', 'targeted X with drones'."""
    w = t.rule("shelling", "attacked_with")
    if tok.lower_ not in w["verbs"] or not is_verb(tok):
        return None
    weapons = [o for p in kids(tok, "prep") if p.lower_ == "with" for o in kids(p, "pobj")]
    kind = _fire_kind(weapons, t)
    if kind is None:
        return None
    roots = kids(tok, "dobj", "nsubjpass") + [p for p in kids(tok, "prep") if p.lower_ in ("in", "on", "at", "near")]
    return Trigger(tok, kind, "attacked_with", f"{tok.text} with {weapons[0].text}", roots=roots)


def exchanged_fire(tok, t: EventTerms, env: KindEnv) -> Trigger | None:
    """'exchanged fire with X in Y', 'traded gunfire': an armed clash."""
    w = t.rule("armed_clash", "exchanged_fire")
    if tok.lower_ not in w["exchange_verbs"] or not is_verb(tok):
        return None
    fire = [o for o in kids(tok, "dobj") if o.lower_ in w["objects"]]
    if not fire:
        return None
    return Trigger(tok, "armed_clash", "exchanged_fire", f"{tok.text} {fire[0].text}")


def shelling_verb(tok, t: EventTerms, env: KindEnv) -> Trigger | None:
    """'shelled X', 'bombarded X'."""
    if tok.lower_ in t.rule("shelling", "shelling_verb")["verbs"] and is_verb(tok):
        return Trigger(tok, "shelling", "shelling_verb", tok.text)
    return None


def air_verb(tok, t: EventTerms, env: KindEnv) -> Trigger | None:
    """'warplanes struck X', 'drones hit X': a strike verb with an air word in its subject."""
    w = t.rule("airstrike", "air_verb")
    if tok.lower_ not in w["verbs"] or not is_verb(tok):
        return None
    subj = " ".join(x.lower_ for s in kids(tok, "nsubj") for x in s.subtree)
    if any(a in subj.split() or a in subj for a in w["air_subjects"]):
        return Trigger(tok, "airstrike", "air_verb", tok.text + "+air-subject")
    return None


def clash_verb(tok, t: EventTerms, env: KindEnv) -> Trigger | None:
    """'clashed (with X) in Y', 'fought in Y'."""
    if tok.lower_ in t.rule("armed_clash", "clash_verb")["verbs"] and is_verb(tok):
        return Trigger(tok, "armed_clash", "clash_verb", tok.text)
    return None


def reinforcement_verb(tok, t: EventTerms, env: KindEnv) -> Trigger | None:
    """'reinforced X', 'sent/deployed troops to X'."""
    w = t.rule("reinforcement", "reinforcement_verb")
    low = tok.lower_
    if not is_verb(tok):
        return None
    if low in w["verbs"] and not kids(tok, "aux") or low in w["send_verbs"] and any(
            o.lower_ in w["force_objects"] for o in kids(tok, "dobj")):
        return Trigger(tok, "reinforcement", "reinforcement_verb", tok.text)
    return None


KindRule = Callable[[object, EventTerms, "KindEnv"], "Trigger | None"]
# Nouns first (a noun trigger is never a verb one), then verbs; the first that fires wins.
KIND_RULES: tuple[KindRule, ...] = (
    shelling_noun, airstrike_noun, clash_noun, withdrawal_noun, reinforcement_noun,
    withdrawal_verb, forced_out, fled, fired_at, attacked_with, shelling_verb, air_verb, clash_verb, exchanged_fire,
    reinforcement_verb,
)


def kind_trigger(tok, t: EventTerms, env: KindEnv) -> Trigger | None:
    """The first rule of ``KIND_RULES`` that fires on ``tok``."""
    nounish = _nounish(tok, t)
    names = t.rules_for(tok.lower_) | t.rules_for(tok.lemma_.lower())
    for rule in KIND_RULES:
        if nounish != rule.__name__.endswith("_noun") or rule.__name__ not in names:
            continue
        trig = rule(tok, t, env)
        if trig is not None:
            return trig
    return None


def prison_breaks(doc, t: EventTerms, pidx: dict[int, PlaceMention], asserted) -> list[tuple[Trigger, list[PlaceMention]]]:
    """'stormed the prison in X and freed hundreds of inmates': a prison break at the
    prison's own name, else where it was stormed. Rule ``prison_break``."""
    pb = t.raw["prison_break"]
    lower = doc_text(doc).lower()
    if not any(w in lower for w in pb["prison_nouns"]):
        return []  # cheap test first: most sentences name no prison
    released = any(tok.lower_ in pb["release_verbs"] and any(
        w.lower_ in pb["inmate_nouns"] for w in tok.subtree) for tok in doc) or any(
        tok.lower_ in pb["inmate_nouns"] and tok.head.lower_ in pb["release_verbs"] for tok in doc)
    escaped = [tok for tok in doc if tok.lower_ in pb["escape_verbs"] and any(
        s.lower_ in pb["inmate_nouns"] for x in kids(tok, "nsubj") for s in x.subtree)]
    if not released and not escaped:
        return []
    out = []
    for tok in doc:
        if tok.lower_ not in pb["prison_nouns"]:
            continue
        verb = tok.head
        for _ in range(3):
            if verb.lower_ in pb["storm_verbs"] or verb in escaped or verb.head.i == verb.i:
                break
            verb = verb.head
        if not (verb.lower_ in pb["storm_verbs"] or verb in escaped) or not asserted(verb, t):
            continue  # "gangs stormed the prison and freed inmates", "inmates fled the prison"
        mentions = []
        preps = [p for p in verb.children if p.dep_ == "prep" and p.lower_ in ("in", "at", "near", "outside")]
        for root in [tok] + preps:
            for w in root.subtree:
                m = pidx.get(w.i)
                if m is not None and m not in mentions:
                    mentions.append(m)
            if mentions:
                break
        out.append((Trigger(verb, "prison_break", "prison_break", f"{verb.text}+{tok.text}"), mentions))
    return out
