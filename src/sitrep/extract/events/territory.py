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

from functools import lru_cache
from typing import Callable

from .tree import Trigger, dobj_heads, is_noun, is_time, is_verb, kids
from .territory_env import (
    KIND, Env, holder_of, misparsed_objects, no_longer, object_roots, pobjs, subject_place_roots,
)


# --- the rules, in the order they are tried ----------------------------------------------------

def fall_to(tok, env: Env) -> Trigger | None:
    """'Wad Madani fell to the RSF', 'the city has fallen': the subject place changes hands,
    'to/into/under Y' names who gains it. Not 'shells fell on X', 'prices fell by 5%'."""
    words = env.terms.rule(KIND, "fall_to")
    if tok.lower_ not in words["verbs"] or not is_verb(tok) or is_noun(tok):
        return None
    to = [p for p in kids(tok, "prep") if p.lower_ in words["holder_preps"]]
    roots = subject_place_roots(tok, env)
    held = bool(to) and any(r.i in env.pidx for r in roots)  # "Ngala fell to Boko Haram ..., in Borno state"
    if not held and any(p.lower_ in words["blocking_preps"] and not is_time(p) and not _origin_of_holder(p, to)
                        for p in kids(tok, "prep", "prt", "acomp")):
        return None  # "on Wednesday" is a time, not where something fell; "shells fell in X"
    holder = [w for p in to for w in p.subtree if w.i != p.i]
    return Trigger(tok, KIND, "fall_to", tok.text, roots, "fall", holder, subject_place=True)


def _origin_of_holder(prep, to: list) -> bool:
    """'fell to troops from neighbouring Angola': "from" after the side it fell to says where
    that side came from (parses hang it on the verb); "fell from 10 to 5" has no side."""
    return prep.lower_ == "from" and any(p.i < prep.i and any(o.pos_ in ("NOUN", "PROPN") for o in kids(p, "pobj"))
                                         for p in to)


def surrendered_to(tok, env: Env) -> Trigger | None:
    """'the town surrendered to Azerbaijan', 'the garrison of X surrendered to the AA',
    '100 police stationed at X outpost surrendered': the place (or the post of the force
    that surrendered) falls to whoever it surrendered to."""
    words = env.terms.rule(KIND, "surrendered_to")
    if tok.lower_ not in words["verbs"] or not is_verb(tok) or is_noun(tok):
        return None
    holder = [w for p in kids(tok, "prep") if p.lower_ in words["holder_preps"] for w in p.subtree if w.i != p.i]
    roots = []
    for subj in subject_place_roots(tok, env):
        if subj.i in env.pidx:
            roots.append(subj)
            continue
        for w in subj.subtree:  # the force's post: "stationed at X", "the garrison in X"
            if w.dep_ == "prep" and w.lower_ in words["post_preps"] and (
                    w.head.i == subj.i or w.head.lower_ in words["post_verbs"]):
                roots += kids(w, "pobj")
    if not roots or not holder and not any(r.i in env.pidx for r in roots):
        return None  # "the soldiers surrendered" without "to Y": no place changed hands
    return Trigger(tok, KIND, "surrendered_to", tok.text, roots, "fall", holder, subject_place=True)


def no_longer_under_control(tok, env: Env) -> Trigger | None:
    """'X is no longer under government control', 'the army no longer controls X', 'X is no
    longer controlled by the army': whoever held X lost it, the other side holds it."""
    words = env.terms.rule(KIND, "no_longer_under_control")
    if tok.lower_ in words["control_nouns"] and tok.dep_ == "pobj" and tok.head.lower_ in words["preps"]:
        verb = tok.head.head
        if verb.lower_ in words["holder_verbs"] and no_longer(verb):
            return Trigger(verb, KIND, "no_longer_under_control", f"no longer {tok.head.text} {tok.text}",
                           subject_place_roots(verb, env), "lose-holder", holder_of(tok), subject_place=True)
        return None
    if tok.lower_ in words["control_verbs"] and is_verb(tok) and no_longer(tok):
        agent = kids(tok, "agent")
        if agent:
            return Trigger(tok, KIND, "no_longer_under_control", f"no longer {tok.text}", subject_place_roots(tok, env),
                           "lose-holder", [w for a in agent for w in a.subtree if w.i != a.i], subject_place=True)
        return Trigger(tok, KIND, "no_longer_under_control", f"no longer {tok.text}",
                       object_roots(tok, env, True), "lose")
    return None


def came_under_control(tok, env: Env) -> Trigger | None:
    """'X came/fell/passed under the control of Y', 'X came under Y control', 'X is now under
    Y's control' (being under control counts only with a cue: 'now', 'fully'): X falls to Y."""
    words = env.terms.rule(KIND, "came_under_control")
    if tok.lower_ not in words["control_nouns"] or tok.dep_ != "pobj" or tok.head.lower_ not in words["preps"]:
        return None
    verb = tok.head.head
    if verb.lemma_.lower() in words["placing_verbs"] and is_verb(verb) and kids(verb, "dobj"):
        # "an uprising that put Sulaimaniya, Arbil and Dohuk in rebel hands": the object falls
        # to the hands' owner (set BS's Kirkuk wire)
        return Trigger(verb, KIND, "came_under_control", f"{verb.text} {tok.head.text} {tok.text}",
                       kids(verb, "dobj"), "fall", holder_of(tok))
    if verb.lower_ in words["state_verbs"]:
        cues = env.terms.rule(KIND, "control_state")["cues"]
        if not any(c.lower_ in cues for c in list(verb.children) + list(tok.children)) \
                and not any(c.dep_ == "prep" and (c.lower_ == "by" and is_time(c) or c.lower_ == "since")
                            for c in verb.children):
            # "was in rebel hands by nightfall", "has been in the hands of its residents since
            # Wednesday" (set BU's Timisoara wire): held from then on, a change
            return None
    elif verb.lower_ not in words["motion_verbs"]:
        return None
    return Trigger(verb, KIND, "came_under_control", f"{verb.text} {tok.head.text} {tok.text}",
                   subject_place_roots(verb, env), "fall", holder_of(tok), subject_place=True)


def control_declared(tok, env: Env) -> Trigger | None:
    """'declared/announced/claimed (full) control of X': a claimed capture, kept with its
    claimant (the subject, who is also the actor)."""
    words = env.terms.rule(KIND, "control_declared")
    if tok.lower_ not in words["verbs"] or not is_verb(tok):
        return None
    if not any(env.control(o) for o in dobj_heads(tok)):
        return None
    return Trigger(tok, KIND, "control_declared", tok.text + "+control", object_roots(tok, env, True), "gain")


def charge_taken(tok, env: Env) -> Trigger | None:
    """'took/assumed charge of X'; 'are now in charge of X' (with a cue, and only for a side
    the lexicon knows: 'the commander in charge of the front' is no capture)."""
    words = env.terms.rule(KIND, "charge_taken")
    if tok.lower_ not in words["charge_nouns"] or not is_noun(tok):
        return None
    of = [c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"]
    if not of:
        return None
    if tok.dep_ == "dobj" and tok.head.lower_ in words["take_verbs"]:
        return Trigger(tok.head, KIND, "charge_taken", f"{tok.head.text} {tok.text}", of, "gain", needs_side=True)
    if tok.dep_ == "pobj" and tok.head.lower_ == "in" and tok.head.head.lower_ in words["state_verbs"]:
        verb = tok.head.head
        cues = env.terms.rule(KIND, "control_state")["cues"]
        if any(c.lower_ in cues for c in verb.children):
            return Trigger(verb, KIND, "charge_taken", f"{verb.text} in {tok.text}", of, "gain", needs_side=True)
    return None


def in_control_of(tok, env: Env) -> Trigger | None:
    """'Security forces were in full control of X', 'the rebels are now in control of X': being
    in control counts with a cue (on the verb or the noun: 'now', 'full'), and only for a side
    the lexicon knows, as being in charge does."""
    words = env.terms.rule(KIND, "in_control_of")
    if tok.lower_ not in words["control_nouns"] or tok.dep_ != "pobj" or tok.head.lower_ not in words["preps"]:
        return None
    verb = tok.head.head
    of = [c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"]
    if verb.lower_ not in words["state_verbs"] or not of or any(c.dep_ in ("det", "poss") for c in tok.children):
        return None  # "X is in the control of Y", "in their control": the subject is the place
    cues = env.terms.rule(KIND, "control_state")["cues"]
    if not any(c.lower_ in cues for c in list(verb.children) + list(tok.children)):
        return None
    return Trigger(verb, KIND, "in_control_of", f"{verb.text} in {tok.text}", of, "gain", needs_side=True)


def flag_raised(tok, env: Env) -> Trigger | None:
    """'raised their flag over X', 'troops raising Ukrainian flags in X', 'the flag was
    hoisted above X': the one who raised it gains X."""
    words = env.terms.rule(KIND, "flag_raised")
    if tok.lower_ not in words["verbs"] or not is_verb(tok):
        return None
    flags = [o for o in dobj_heads(tok) + kids(tok, "nsubjpass") if o.lower_ in words["objects"]]
    if not flags:
        return None
    preps = [p for p in kids(tok, "prep") + [c for f in flags for c in kids(f, "prep")] if p.lower_ in words["preps"]]
    roots = pobjs(preps)
    if not roots:
        return None
    return Trigger(tok, KIND, "flag_raised", f"{tok.text} {flags[0].text}", roots, "gain")


def became_liberated(tok, env: Env) -> Trigger | None:
    """'X had become a liberated area', 'X was declared liberated': the subject place is
    taken (by the actor of the clause around it, else the article's winner)."""
    words = env.terms.rule(KIND, "became_liberated")
    if tok.lower_ not in words["adjectives"]:
        return None
    pred = tok.head if tok.dep_ == "amod" else tok
    if pred.dep_ not in ("attr", "acomp", "oprd") or pred.head.lower_ not in words["copulas"]:
        return None
    verb = pred.head
    roots = subject_place_roots(verb, env)
    if not roots:
        return None
    return Trigger(verb, KIND, "became_liberated", f"{verb.text} {tok.text}", roots, "gain", subject_place=True)


def changed_hands(tok, env: Env) -> Trigger | None:
    """'X changed hands (again)': X's holder changed; 'to Y' names who gains it."""
    words = env.terms.rule(KIND, "changed_hands")
    if tok.lower_ not in words["change_verbs"] or not is_verb(tok):
        return None
    if not any(o.lower_ in words["objects"] for o in dobj_heads(tok)):
        return None
    holder = [w for p in kids(tok, "prep") if p.lower_ == "to" for w in p.subtree if w.i != p.i]
    return Trigger(tok, KIND, "changed_hands", tok.text + " hands", subject_place_roots(tok, env), "fall", holder,
                   subject_place=True)


def ceded_to(tok, env: Env) -> Trigger | None:
    """'the army ceded Bunagana to M23', 'the town was handed over to the Taliban', 'Sbeitla was
    given up to the Germans': the place goes to whom it was handed (a transfer without a fight is still a change of hands)."""
    words = env.terms.rule(KIND, "ceded_to")
    if tok.lower_ not in words["verbs"] or not is_verb(tok):
        return None
    if tok.lemma_.lower() in words["needing_over"] and not any(c.lower_ == "over" for c in kids(tok, "prt", "prep")):
        return None  # "handed him a letter"
    if tok.lemma_.lower() in words["needing_up"] and not any(c.lower_ in words["up_particles"] for c in kids(tok, "prt", "prep")):
        return None  # "gave the order to withdraw": only "given up to" cedes a place
    holder = [w for p in kids(tok, "prep") if p.lower_ == "to" for w in p.subtree if w.i != p.i]
    roots = kids(tok, "nsubjpass") or [o for o in dobj_heads(tok) if env.has_place(o) or env.area(o)]
    if not holder or not roots:
        return None
    return Trigger(tok, KIND, "ceded_to", tok.text, roots, "fall", holder, subject_place=bool(kids(tok, "nsubjpass")))


def moved_into(tok, env: Env) -> Trigger | None:
    """'rebels swept / rolled / stormed / advanced into Aleppo': forces moving into a town
    entered it (not 'towards' it, not into its outskirts)."""
    words = env.terms.rule(KIND, "moved_into")
    if tok.lower_ not in words["verbs"] or not is_verb(tok):
        return None
    # "climbed back into Kastel": the parse may hang "into" on "back"
    into = [p for h in [tok, *(a for a in kids(tok, "advmod") if a.lower_ == "back")]
            for p in kids(h, "prep") if p.lower_ == "into"]
    objs = [w for p in into for o in kids(p, "pobj") for w in [o] + kids(o, "conj")]
    if not into or not any(env.has_place(p) for p in into) or all(_region(o, env) for o in objs):
        return None  # "pushed into Kursk region": an incursion into a province takes no place
    return Trigger(tok, KIND, "moved_into", f"{tok.text} into", into, "gain", needs_side=True)  # not "families moved into X"


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
                   object_roots(tok, env, has_control), "lose", holder)


def capture_verb(tok, env: Env) -> Trigger | None:
    """'captured/seized/overran/retook/liberated/wrested X', 'took/entered/cleared X' (a place as
    object), 'gained/assumed/took/restored control of X', 'X was captured by Y': the subject
    (or agent) gains the place."""
    words = env.terms.rule(KIND, "capture_verb")
    low = tok.lower_
    if low in words.get("noun_like_participles", ()) and not is_verb(tok):
        subj = _subject_of_be_before(tok)
        if subj and any(env.has_place(w) for w in subj):
            # "Taloqan was overrun late in the afternoon": the model reads the participle as a
            # noun beside "was"; the subject of "was" is the place taken (set CN's Kunduz blog)
            return Trigger(tok, KIND, "capture_verb", tok.text, subj, "gain")
    if low not in words["verbs"] or not (is_verb(tok) or tok.dep_ == "ROOT" and misparsed_objects(tok, env)):
        return None  # a capture verb the model took for a noun heads the sentence: "The army retook X"
    objs = dobj_heads(tok)
    if any(o.lower_ in env.words("charge_taken", "charge_nouns") for o in objs):
        return None  # "took charge of X" is charge_taken's
    if _takes_people(tok, env):
        return None  # "took Juan Perez hostage", "was taken to hospital": people, no place
    has_control = any(env.control(o) for o in objs)
    if low in words["needing_control"] and not has_control:
        return None
    if low in words["needing_place_object"] and not has_control:
        over = any(p.lower_ == "over" for p in kids(tok, "prt", "prep"))
        obj_place = any(env.has_place(o) or env.area(o) or env.named_facility(o) for o in objs + misparsed_objects(tok, env))
        passive = bool(kids(tok, "nsubjpass", "auxpass"))
        relative = tok.dep_ == "relcl" and tok.head.i in env.pidx  # "Aleppo, which rebels took"
        if not (over or obj_place or passive or relative):
            return None
    roots = object_roots(tok, env, has_control)
    if low in words["not_for_regions"] and roots and all(_region(r, env) for r in roots):
        return None  # "since entering the region in July": entering a province takes no place
    return Trigger(tok, KIND, "capture_verb", tok.text + ("+control" if has_control else ""), roots, "gain")


def _subject_of_be_before(tok) -> list:
    """The subject of a form of "be" right before ``tok`` ("X was overrun", "X had been
    overrun"), when the parse hangs the participle on it."""
    be = tok.doc[tok.i - 1] if tok.i > 0 else None
    if be is None or be.lemma_ != "be" or not any(a.i == be.i for a in tok.ancestors):
        return []  # (the parse may hang it on an adverb after it: "overrun late in the afternoon")
    return [c for c in be.children if c.dep_ in ("nsubj", "nsubjpass")]


def _takes_people(tok, env: Env) -> bool:
    """'took X hostage / prisoner / captive', 'X was taken to hospital', 'took X from his home':
    the verb takes people (set AV's Chilean statement; a person's name is no village)."""
    from ...lexicon.claim_terms import load_figure_terms

    if tok.lemma_.lower() != "take":
        return False
    words = env.terms.raw["taking_people"]
    captive = load_figure_terms().captive_words | set(words["captive_objects"])
    for c in tok.children:
        if c.lower_ in captive and c.dep_ in ("oprd", "dobj", "xcomp", "ccomp", "advmod", "npadvmod", "acomp", "attr"):
            return True
        places = words["to_places"] if c.lower_ in ("to", "into") else words["from_places"] if c.lower_ == "from" else ()
        if c.dep_ == "prep" and any(g.lower_ in places for g in c.children):
            return True
    return False


def _region(tok, env: Env) -> bool:
    """A province, region or country (not a town)."""
    if tok.lower_ in env.terms.words("region_nouns"):
        return True  # "entered the region of Kursk"
    if tok.lower_ in env.terms.words(KIND, "settlement_nouns"):
        return False  # "the Crater district of Aden", "the Karrada district": a town or a part of one
    m = env.pidx.get(tok.i) or next((env.pidx[w.i] for w in tok.subtree if w.i in env.pidx), None)
    if m is None or m.rule.startswith("anchored"):
        return False  # a village no gazetteer knows, anchored to the province it is in, is no province
    return (m.precision == 3 or m.rule.startswith(("admin1", "description:province", "description:region",
                                                    "description:country"))
            or m.place is not None and m.place.feature in ("admin1", "admin2", "region", "country"))


def control_state(tok, env: Env) -> Trigger | None:
    """'Rebels now control X', 'X is fully controlled by Y', 'now have full control of X',
    'began by controlling X': a holding verb counts only with a cue that the holding is new
    or complete."""
    words = env.terms.rule(KIND, "control_state")
    low = tok.lower_
    if low not in words["verbs"] or not is_verb(tok):
        return None
    objs = dobj_heads(tok)
    has_control = any(env.control(o) for o in objs)
    if not (has_control or low.startswith("control")):
        return None
    cued = any(w.lower_ in words["cues"] for w in tok.subtree if w.i <= tok.i + 4) or _begins(tok, words)
    if not cued:
        return None
    return Trigger(tok, KIND, "control_state", tok.text + ("+control" if has_control else ""),
                   object_roots(tok, env, True), "gain")


def _begins(tok, words) -> bool:
    """'began by controlling X', 'started to control X': the holding starts here."""
    cur = tok
    for _ in range(3):
        if cur.dep_ not in ("xcomp", "pcomp", "prep") or cur.head.i == cur.i:
            return False
        cur = cur.head
        if cur.lemma_.lower() in words["inception_heads"]:
            return True
    return False


def _in_name(tok, env: Env) -> bool:
    """A trigger noun inside a capitalised name: 'Operation Liberation of Kherson', 'the
    Tigray People's Liberation Front', 'Liberation Army' (no event)."""
    if not tok.text[:1].isupper():
        return False
    heads = env.terms.words(KIND, "name_openers")
    left = tok.doc[max(0, tok.i - 4): tok.i]
    return tok.pos_ == "PROPN" or any(w.lower_ in heads and w.text[:1].isupper() for w in left)


def capture_noun(tok, env: Env) -> Trigger | None:
    """'the capture of X', 'X's recapture', 'the takeover of X by Y': the actor gains X.
    Not a noun inside a name ('Operation Liberation of X')."""
    words = env.terms.rule(KIND, "capture_noun")
    if not is_noun(tok) or (tok.lemma_.lower() not in words["nouns"] and tok.lower_ not in words["nouns"]):
        return None
    if _in_name(tok, env):
        return None
    roots = [c for c in tok.children if c.dep_ in ("prep", "poss", "conj", "appos") and c.lower_ != "by"]
    if not any(c.lower_ == "of" for c in roots):
        roots += _of_after_a_time(tok)
    if any(o.lower_ in _kin_words() for c in roots if c.lower_ == "of" for o in c.children if o.dep_ == "pobj"):
        return None  # "the capture and release of El Chapo's son": a person, whatever his father's name is
    return Trigger(tok, KIND, "capture_noun", tok.text, roots, "gain", noun=True)


@lru_cache(maxsize=1)
def _kin_words() -> frozenset[str]:
    """Relatives' nouns ("son", "wife"): a capture of one is an arrest, no place taken (set CI's
    Culiacan live blog)."""
    from ...lexicon.claim_terms import load_figure_terms

    kin = load_figure_terms().single_victim_kin_words
    return frozenset(kin) | frozenset(w + "s" for w in kin)


# Words of a time phrase between a capture noun and its "of" ("the capture on Saturday of X").
_TIME_HEADS = frozenset({"day", "days", "week", "night", "morning", "afternoon", "evening", "weekend"})


def _of_after_a_time(tok) -> list:
    """'the rebel capture on Saturday of Mbuji-Mayi': the "of" the parse hangs on the time
    phrase right after the noun (set BR's Lubumbashi wire)."""
    from ...lexicon.date_words import date_words

    times = _TIME_HEADS | set(date_words().weekdays) | set(date_words().month_names)
    for w in tok.doc[tok.i + 1: tok.i + 6]:
        if w.lower_ == "of" and w.dep_ == "prep" and w.head.i > tok.i and w.head.lower_ in times:
            return [w]
        if w.is_punct:
            break
    return []


def fall_noun(tok, env: Env) -> Trigger | None:
    """'the fall of X', 'X's fall (to Y)': X changes hands. Not the fall of a person, a
    government or a regime ('after the fall of Assad')."""
    words = env.terms.rule(KIND, "fall_noun")
    if not is_noun(tok) or (tok.lemma_.lower() not in words["nouns"] and tok.lower_ not in words["nouns"]):
        return None
    if not kids(tok, "prep", "poss") or _in_name(tok, env):
        return None
    of = pobjs([c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"]) + kids(tok, "poss")
    if any(o.lower_ in words["not_places"] or any(c.lower_ in words["not_places"] for c in o.children) for o in of):
        return None
    if tok.lemma_.lower() in words.get("named_object_only", ()):
        # "the loss of Avdiivka"; not "the loss of life in Gaza", "the loss of 300 soldiers", nor
        # "the Army's losses in the Dublin fighting" (a side's dead: set DD's Dublin 1922 wire)
        named = pobjs([c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"])
        if tok.tag_ == "NNS" or not named or not all(o.pos_ == "PROPN" for o in named):
            return None
    roots = [c for c in tok.children if c.dep_ in ("prep", "poss", "conj", "appos") and c.lower_ != "by"]
    holder = [w for p in kids(tok, "prep") if p.lower_ in words["holder_preps"] for w in p.subtree if w.i != p.i]
    return Trigger(tok, KIND, "fall_noun", tok.text, roots, "fall", holder, noun=True)


TerritoryRule = Callable[[object, Env], "Trigger | None"]
# Phrases before single words: "fell under the control of" is came_under_control's, not
# fall_to's; "no longer controls" is no_longer_under_control's, not control_state's.
TERRITORY_RULES: tuple[TerritoryRule, ...] = (
    no_longer_under_control, in_control_of, came_under_control, charge_taken, flag_raised, became_liberated, changed_hands,
    surrendered_to, ceded_to,
    fall_to, lost_to, control_declared, moved_into, capture_verb, control_state, capture_noun, fall_noun,
)


def territory_trigger(tok, env: Env) -> Trigger | None:
    """The first territory rule that fires on ``tok`` (only rules whose words hold it are tried)."""
    names = env.terms.rules_for(tok.lower_) | env.terms.rules_for(tok.lemma_.lower())
    if not names:
        return None
    for rule in TERRITORY_RULES:
        if rule.__name__ in names:
            trig = rule(tok, env)
            if trig is not None:
                return trig
    return None
