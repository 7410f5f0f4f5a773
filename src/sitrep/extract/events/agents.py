"""Who did it: the actors of an event from the actor lexicon over its subject, agent or
modifiers; the winner of a territory change is the side that gained the place."""

from __future__ import annotations

from collections import Counter
from typing import Sequence

from ...lexicon.claim_terms import demonym_plurals
from ...sentences import Sentence
from ...records import ActorRef, PlaceMention
from ..spans import starting_in
from .context import EventContext
from .tree import MAX_CHAIN, Trigger, governor, is_time, kids

OPPOSITE = {"government": "opposition", "opposition": "government"}
# Longest place mention looked back over when asking whether an actor phrase is a place.
MAX_MENTION_CHARS = 200


def actor_in(ctx: EventContext, sentence: Sentence, doc, toks) -> tuple[ActorRef | None, str]:
    toks = [w for w in toks]
    if not toks:
        return None, ""
    a = sentence.start + min(w.idx for w in toks)
    b = sentence.start + max(w.idx + len(w.text) for w in toks)
    hits = list(starting_in(ctx.actor_matches, a, b))
    ours = _publishers_own(ctx, toks)
    if ours is not None:
        return ours, "actor:publisher-own"
    known = [m for m in hits if m.actor.side != "unknown"]
    if known:
        return known[0].actor, "actor:lexicon"
    words = [w for w in toks if w.dep_ != "punct"]
    pronouns = ctx.terms.words("pronouns")
    pronoun = words[0] if len(words) == 1 and words[0].lower_ in pronouns else next(
        (w for w in words if w.dep_ == "poss" and w.lower_ in pronouns), None)
    if hits and pronoun is not None:
        # "its fighters had overrun the checkpoint": fighters of no side are the speaker's
        speaker = _speaker(ctx, sentence, pronoun)
        if speaker is not None and speaker.side != "unknown":
            return speaker, "actor:pronoun-speaker"
    if hits:
        return hits[0].actor, "actor:lexicon"
    if pronoun is not None:
        speaker = _speaker(ctx, sentence, pronoun)
        if speaker is not None:
            return speaker, "actor:pronoun-speaker"
        return _resolve_pronoun(ctx, pronoun.lower_, a), "actor:pronoun"
    if _is_place(ctx, a, b):
        return None, ""  # "Lashio had become a liberated area": the subject is the place, not an actor
    phrase = " ".join(w.text for w in toks if w.dep_ not in ("det", "punct"))
    # "fell to the Germans", "the Russians retook it": a state's people in the plural are its
    # forces when they take or lose a place (set CD's Kasserine wire; Ukraine, Syria)
    state = ctx.actors.states.get(phrase.lower()) or ctx.actors.states.get(demonym_plurals().get(phrase.lower(), ""))
    if state is not None:  # "Russia has stepped up airstrikes", "under Ukrainian control": a state's forces
        own = state[0] in ctx.countries
        return ActorRef(state[1], "government" if own else "foreign", "State forces", phrase, False), "actor:state"
    if not phrase or not any(w.pos_ in ("NOUN", "PROPN") for w in toks):
        return None, ""
    return ctx.actors.infer(phrase, ctx.countries), "actor:inferred"


# First-person words that make an actor phrase the speaker's own ("units of our army").
_FIRST_PERSON = frozenset({"our", "we", "us"})


def _publishers_own(ctx: EventContext, toks) -> ActorRef | None:
    """'units of our army overran the base' in a rebel movement's own press release: "our"
    forces are the publishing party's, whatever the noun's usual side (set AD's MNDAA
    release), or a state's body's own publication's; None when the article's publisher is no
    armed party the actor files know and no state's body."""
    publisher = ctx.claims_ctx.publisher
    if publisher is None or not any(w.lower_ in _FIRST_PERSON for w in toks):
        return None
    found = [m.actor for m in ctx.actors.match(publisher.as_written or publisher.name, ctx.countries)
             if m.actor.side in ("government", "opposition")]
    if found:
        return found[0]
    if publisher.kind == "government":
        # "MENEZES: Our troops took control of the Serra da Misericordia" in a state
        # government's own transcript: the state's forces (set AE's Rio press conference)
        return ActorRef(publisher.name, "government", "State forces", publisher.as_written or publisher.name, False)
    return None


def _is_place(ctx: EventContext, a: int, b: int) -> bool:
    """Whether the span a..b is (within) a place mention of the article."""
    return any(m.start <= a and b <= m.end + 1 for m in starting_in(ctx.places, max(0, a - MAX_MENTION_CHARS), b)
               if m.precision is not None or m.rule == "unresolved")  # a state can act


def _speaker(ctx: EventContext, sentence: Sentence, pronoun) -> ActorRef | None:
    """'Russia's defence ministry said its jets had hit X': the pronoun is the speaker's side."""
    cur = pronoun
    for _ in range(MAX_CHAIN):
        if cur.head.i == cur.i:
            return None
        if cur.dep_ == "ccomp":
            break
        cur = cur.head
    else:
        return None
    for subj in kids(cur.head, "nsubj"):
        toks = list(subj.subtree)
        known = known_actor(ctx, sentence, toks)
        if known is not None:
            return known
        for w in toks:
            state = ctx.actors.states.get(w.lower_)
            if state is not None and w.pos_ == "PROPN":
                own = state[0] in ctx.countries
                return ActorRef(state[1], "government" if own else "foreign", "State forces", w.text, False)
        # "the rebel commander, Sam Bockarie, claimed that his forces ...": the side words of
        # the speaker's description
        inferred = ctx.actors.infer(" ".join(w.text for w in toks if w.dep_ not in ("det", "punct")), ctx.countries)
        if inferred is not None and inferred.side not in ("unknown", "civilians"):
            return inferred
    return None


def _speaker_of_clause(ctx: EventContext, sentence: Sentence, tok) -> ActorRef | None:
    """The armed actor who says the clause of ``tok`` ("the MNDAA announced that X ...")."""
    cur = tok
    for _ in range(MAX_CHAIN):
        if cur.dep_ == "ccomp" and cur.head.i != cur.i:
            return known_actor(ctx, sentence, [w for s in kids(cur.head, "nsubj") for w in s.subtree])
        if cur.head.i == cur.i:
            return None
        cur = cur.head
    return None


def _resolve_pronoun(ctx: EventContext, pronoun: str, offset: int) -> ActorRef | None:
    """The last actor named before ``offset`` whose number fits ("its" -> "the army", "their" -> "rebels")."""
    # Civilians are no armed actor: "his forces" never points back to "villagers".
    before = [m for m in ctx.actor_matches if m.start < offset and m.actor.side not in ("unknown", "civilians")]
    plural = pronoun in ("they", "their", "them")
    fits = [m for m in before if m.alias.rstrip().lower().endswith("s") == plural]
    pick = (fits or before)[-1:]
    return pick[0].actor if pick else None


def known_actor(ctx: EventContext, sentence: Sentence, toks) -> ActorRef | None:
    """An actor the lexicon knows the side of, within ``toks`` (for actor2: no guessing)."""
    if not toks:
        return None
    a = sentence.start + min(w.idx for w in toks)
    b = sentence.start + max(w.idx + len(w.text) for w in toks)
    return next((m.actor for m in starting_in(ctx.actor_matches, a, b) if m.actor.side != "unknown"), None)


def _subject_in_fronted_time(tok) -> list:
    """'On 7 August ISIL also seized Qaraqosh': the parse takes the subject into the fronted
    date's phrase; the proper name that ends it, right before the verb, is the subject."""
    for prep in kids(tok, "prep"):
        if prep.i > tok.i or not is_time(prep):
            continue
        last = prep.right_edge
        between = tok.doc[last.i + 1: tok.i]
        if last.pos_ == "PROPN" and all(w.pos_ in ("ADV", "AUX", "PART") for w in between):
            return [w for w in prep.subtree if w.i <= last.i and (w.i == last.i or w.head.i == last.i and w.dep_ == "compound")]
    return []


def subject_tokens(tok) -> list:
    """The subject of a trigger, following conjunctions, relative clauses and "prompting X to"."""
    fronted = [] if kids(tok, "nsubj", "agent") else _subject_in_fronted_time(tok)
    if fronted:
        return fronted
    cur = tok
    for _ in range(4):
        agent = kids(cur, "agent")
        if agent:
            return [w for w in agent[0].subtree if w.i != agent[0].i]
        subj = kids(cur, "nsubj") or [c for c in cur.children if c.dep_ == "compound" and c.i < cur.i
                                      and cur.pos_ == "NOUN" and kids(cur, "dobj", "appos")]  # "army retook" as a noun
        if subj:
            if subj[0].lower_ in ("which", "that", "who") and cur.dep_ == "relcl":
                return [cur.head]
            return list(subj[0].subtree)
        if cur.dep_ == "xcomp" and kids(cur.head, "dobj"):
            return list(kids(cur.head, "dobj")[0].subtree)
        if cur.dep_ in ("conj", "xcomp", "advcl") and cur.head.i != cur.i:
            cur = cur.head
            continue
        if cur.dep_ == "pcomp" and cur.head.dep_ == "prep" and cur.head.head.i != cur.head.i:
            cur = cur.head.head  # "began by controlling X": the subject of "began"
            continue
        if cur.dep_ == "acl" and cur.head.i != cur.i:
            if cur.head.dep_ == "dobj":  # "launched an offensive, capturing X": the launcher
                cur = cur.head.head
                continue
            return [cur.head]
        break
    return []




def actors(ctx: EventContext, sentence: Sentence, doc, trig: Trigger) -> tuple[ActorRef | None, ActorRef | None, str]:
    """(actor1, actor2, rule): the one who acts and, for clashes and strikes, the other side."""
    tok = trig.tok
    actor2 = None
    if trig.actor_toks is not None:  # "drove the militants out of X": the militants withdraw
        a1, r = actor_in(ctx, sentence, doc, trig.actor_toks)
        return a1, (actor_in(ctx, sentence, doc, trig.other_toks)[0] if trig.other_toks else None), r
    if trig.noun:
        by = [c for c in tok.children if c.dep_ == "prep" and c.lower_ == "by"] + [
            c for p in kids(tok, "prep") for o in kids(p, "pobj") for c in o.children
            if c.dep_ == "prep" and c.lower_ == "by"]  # "the capture of X by Y" attached to X
        mods = [w for c in tok.children if c.dep_ in ("amod", "compound", "poss", "nmod") for w in c.subtree]
        pair = [w for c in tok.children if c.dep_ == "prep" and c.lower_ in ("between", "with") for w in c.subtree]
        if pair:
            first = [c for c in tok.children if c.dep_ == "prep" and c.lower_ in ("between", "with")][0]
            objs = kids(first, "pobj")
            if objs:
                a1, r = actor_in(ctx, sentence, doc, [objs[0]] + kids(objs[0], "compound", "amod"))
                conj = kids(objs[0], "conj")
                if conj:
                    actor2 = known_actor(ctx, sentence, list(conj[0].subtree))
                if a1:
                    return a1, actor2, r
        for group in ([w for b in by for w in b.subtree if w.i != b.i], mods):
            a1, r = actor_in(ctx, sentence, doc, group)
            if a1 is not None:
                return a1, actor2, r
        gov = governor(tok)
        if gov is not None and not any(c.i == tok.i or tok.i in {w.i for w in c.subtree} for c in kids(gov, "nsubj")):
            a1, r = actor_in(ctx, sentence, doc, subject_tokens(gov))
            return a1, actor2, r
        return None, None, ""
    if trig.subject_place:  # "X was declared liberated by Y", "Y announced that X had become liberated"
        agent = [w for w in tok.subtree if w.dep_ == "agent"]
        if agent:
            a1, r = actor_in(ctx, sentence, doc, [w for w in agent[0].subtree if w.i != agent[0].i])
            return a1, None, r
        speaker = _speaker_of_clause(ctx, sentence, tok)
        return speaker, None, "actor:speaker" if speaker else ""
    a1, r = actor_in(ctx, sentence, doc, subject_tokens(tok))
    for p in kids(tok, "prep"):
        if p.lower_ in ("from", "against", "with"):
            actor2 = known_actor(ctx, sentence, [w for w in p.subtree if w.i != p.i]) or actor2
    return a1, actor2, r


def winner(ctx: EventContext, sentence: Sentence, doc, trig: Trigger,
           actor1: ActorRef | None) -> tuple[str | None, ActorRef | None]:
    """(side that gained the place, the actor who holds it afterwards) of a territory change."""
    held = actor_in(ctx, sentence, doc, trig.holder)[0] if trig.holder else None
    if trig.role == "fall":
        if held is not None:
            return (held.side if held.side != "unknown" else None), held
        return None, actor1 if trig.noun else None
    if trig.role == "lose-holder":  # "no longer under government control": the other side holds it
        return (other_side(ctx, held.side) if held is not None else None), None
    if trig.role == "lose" and held is not None and held.side != "unknown":
        return held.side, held  # "lost X to the army"
    if actor1 is None or actor1.side == "unknown":
        return None, actor1
    if trig.role == "lose":
        return other_side(ctx, actor1.side), actor1
    return actor1.side, actor1


def other_side(ctx: EventContext, side: str) -> str | None:
    """The side that fights ``side`` in this article: the most named armed side other than
    it (Russia's 'foreign' forces in a Ukraine story), else the plain opposite."""
    if side not in ("government", "opposition", "foreign"):
        return None
    if "sides" not in ctx._dates:  # once per article
        ctx._dates["sides"] = Counter(m.actor.side for m in ctx.actor_matches)
    counts = Counter({k: n for k, n in ctx._dates["sides"].items()
                      if k in ("government", "opposition", "foreign") and k != side})
    if side == "foreign":
        counts.pop("opposition", None)  # a foreign force fights the government, not its clients
    return counts.most_common(1)[0][0] if counts else OPPOSITE.get(side)


def state_abroad(ctx: EventContext, actor: ActorRef | None, mentions: Sequence[PlaceMention]) -> ActorRef | None:
    """A state named as the actor ("Russia captured Vuhledar") is a foreign force when every
    place of the event lies in another country, whatever the article names most."""
    if actor is None:
        return None
    key = " ".join((actor.as_written or actor.name).lower().split())
    state = ctx.actors.states.get(key)
    countries = {m.place.country for m in mentions if m.place is not None and m.place.country}
    if state and countries and state[0] not in countries and actor.side != "foreign":
        return ActorRef(actor.name, "foreign", "External/Other forces", actor.as_written, actor.known)
    return actor


def opposed(ctx: EventContext, a: str | None, b: str | None) -> bool:
    """Whether two sides fight each other (``opposed_sides`` of event_terms.json)."""
    pairs = ctx.terms.raw.get("opposed_sides", ())
    return any({a, b} == set(p) for p in pairs)


def side_taking_over(ctx: EventContext, sentence: Sentence, doc, trig: Trigger,
                     withdrawer: ActorRef | None) -> ActorRef | None:
    """The side a withdrawal leaves the place to, when the text names it: the forcer of
    'forced out of X by Y', else an actor of the withdrawal's own clause that fights the
    one withdrawing ('withdrew from X as RSF fighters advanced', 'pulled out of X under
    pressure from M23'). Not the speaker ('..., Ukraine's army said')."""
    if trig.other_toks:
        other = actor_in(ctx, sentence, doc, trig.other_toks)[0]
        if other is not None and trig.rule == "forced_out" and kids(trig.tok, "nsubj") and not kids(trig.tok, "nsubjpass"):
            # "ECOMOG drove the junta out of Freetown", "the army said it had driven commandos out
            # of X": whoever drives fighters out takes the place, its side known or not (set BS)
            return other
        return other if other is not None and other.side in ("government", "opposition", "foreign") else None
    tok = trig.tok
    subject = {w.i for s in kids(tok, "nsubj", "nsubjpass") for w in s.subtree}
    clause = [w for w in tok.subtree if w.i not in subject and w.i != tok.i]
    if not clause:
        return None
    spans = [(sentence.start + w.idx, sentence.start + w.idx + len(w.text)) for w in clause]
    for m in starting_in(ctx.actor_matches, min(a for a, _ in spans), max(b for _, b in spans)):
        if not any(a <= m.start < b for a, b in spans):
            continue
        side = m.actor.side
        if withdrawer is not None and withdrawer.side != "unknown":
            if opposed(ctx, side, withdrawer.side):
                return m.actor
        elif side in ("government", "opposition", "foreign"):
            return m.actor
    return None


_KIND_OF_SIDE = {"government": "government", "opposition": "opposition", "foreign": "foreign_government"}


def speaking_side(ctx: EventContext, sentence: Sentence, tok) -> tuple[ActorRef | None, str]:
    """'Tigrayan forces announced that they had captured X': the armed actor who claims the
    event, as its source when no claimant was found (a claimed capture keeps its claimant)."""
    speech = ctx.terms.words("speech_verbs")
    cur = tok
    for _ in range(MAX_CHAIN):
        if cur.head.i == cur.i:
            return None, ""
        via, cur = cur.dep_, cur.head
        if via in ("ccomp", "xcomp") and cur.lemma_.lower() in speech:
            subj = [w for s in kids(cur, "nsubj") for w in s.subtree]
            if not subj and cur.dep_ == "acl":  # "Tigrayan forces announced ..." parsed as a noun phrase
                inner = {w.i for w in cur.subtree}
                subj = [w for w in cur.head.subtree if w.i not in inner]
            who = known_actor(ctx, sentence, subj)
            if who is not None and who.side in _KIND_OF_SIDE:
                return who, _KIND_OF_SIDE[who.side]
            return None, ""
    return None, ""
