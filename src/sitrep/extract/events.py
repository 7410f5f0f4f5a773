"""Events: towns changing hands, withdrawals, clashes, strikes, reinforcements, prison breaks.

Candidates first, annotations second:
1. a trigger is a token whose word is in ``data/event_terms.json`` and whose parse fits
   ("took" needs "over", "control" or a place as object; "strikes" is shelling when
   "missile" modifies it);
2. triggers that are negated, conditional or wished for ("failed to control", "aims to
   capture", "if they take", "could be next") are dropped; negators flip, so "unable to
   prevent Hama being overrun" is an event;
3. the event's places are the place mentions in the trigger's own slot (its object, the
   subject of "fell", "in/near X"), one event per place of a list, minus landmarks ("north
   of X", "towards X"); "the city" goes back to the most named city of the last sentences;
4. actors come from the actor lexicon over the subject / agent / modifiers; the winner of a
   territory change is the side that gained it; claimant and date as for claims.
Every event records the rules that produced it.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Iterable, Sequence

from ..nlp import Sentence, split_sentences
from ..records import ActorRef, Article, Claim, Event, PlaceMention, content_id
from . import dates
from .actors import GENERIC_CONFLICT, ActorLexicon, ActorMatch, load_actors
from .claimants import ClaimantLexicon
from .claims import ArticleContext, _attribution, _speech_covers, build_context

# How many sentences back "the city" may look for the place it stands for; tuned on the
# seeds, where the antecedent is at most two sentences back.
ANAPHORA_SENTENCES = 2
# How far right of a strike or clash noun a place may stand when the parse attaches it
# elsewhere ("airstrikes overnight on Idlib city"); tuned on the seeds and the sample.
MAX_AFTER_TOKENS = 5
_AFTER_PREPS = frozenset({"on", "in", "near", "at", "around", "over", "across", "against", "outside"})
# How many heads up the parse the negation / wish check walks ("unable to prevent X being
# overrun" is three steps).
MAX_CHAIN = 6
_OPPOSITE = {"government": "opposition", "opposition": "government"}
_PRONOUNS = frozenset("it they he she we them its their his her this which that who".split())
# Dependency labels that open a clause of its own: its places belong to its own trigger.
_CLAUSE_DEPS = frozenset({"advcl", "pcomp", "ccomp", "xcomp", "conj", "relcl", "acl", "parataxis", "csubj"})
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "agent", "expl"})
# How the negation / wish check climbs: through these labels the head governs the trigger.
_CHAIN_DEPS = frozenset({"xcomp", "conj", "acomp", "dobj", "nsubj", "nsubjpass", "pobj", "prep", "ccomp", "pcomp", "acl"})


@dataclass(frozen=True, eq=False)
class EventTerms:
    raw: dict
    _cache: dict = field(default_factory=dict)

    def words(self, *path: str) -> frozenset[str]:
        """The words under ``path`` of event_terms.json (all lists of a dict), cached."""
        if path in self._cache:
            return self._cache[path]
        node = self.raw
        for key in path:
            node = node.get(key, {})
        if isinstance(node, dict):
            out = frozenset(w for v in node.values() if isinstance(v, list) for w in v)
        else:
            out = frozenset(node)
        self._cache[path] = out
        return out

    @property
    def any_trigger(self) -> frozenset[str]:
        """Every word that can start a trigger: tokens outside it are skipped at once."""
        if "any" not in self._cache:
            words = set(self.words("territory_change", "verbs")) | self.words("territory_change", "nouns")
            for etype in ("withdrawal", "armed_clash", "airstrike", "shelling", "reinforcement"):
                words |= self.words(etype, "verbs") | self.words(etype, "nouns")
            words |= self.words("shelling", "fire_heads") | self.words("reinforcement", "send_verbs")
            self._cache["any"] = frozenset(words)
        return self._cache["any"]


@lru_cache(maxsize=1)
def load_event_terms() -> EventTerms:
    path = resources.files("sitrep") / "data" / "event_terms.json"
    return EventTerms(json.loads(path.read_text(encoding="utf-8")))


@dataclass
class EventContext:
    """What event extraction needs to know about the article as a whole."""

    article: Article
    actors: ActorLexicon
    claims_ctx: ArticleContext
    countries: Sequence[str] = ()
    actor_matches: list[ActorMatch] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    terms: EventTerms = field(default_factory=load_event_terms)


def build_event_context(article: Article, actors: ActorLexicon | None = None,
                        claimants: ClaimantLexicon | None = None, countries: Sequence[str] = (),
                        claims_ctx: ArticleContext | None = None,
                        sentences: list[Sentence] | None = None) -> EventContext:
    """Pass the claims' ``ArticleContext`` when there is one: it already holds the claimant mentions."""
    if claims_ctx is None:
        if claimants is None:
            raise ValueError("build_event_context needs claimants or claims_ctx")
        claims_ctx = build_context(article, claimants, countries)
    lex = actors or load_actors()
    # The war is voted from the article's unambiguous actor names, not from country counts:
    # a Syria story names Russia and Israel often, and "the army" must stay the Syrian army.
    matches = lex.match(article.text)
    wars = Counter(m.conflict for m in matches if m.conflict and m.conflict != GENERIC_CONFLICT)
    home = tuple(lex.conflict_countries.get(wars.most_common(1)[0][0], ())) if wars else tuple(countries)[:1]
    return EventContext(article, lex, claims_ctx, home or tuple(countries)[:1], matches,
                        sentences if sentences is not None else split_sentences(article.text))


@dataclass(slots=True)
class _Trigger:
    tok: object  # spaCy Token
    type: str
    role: str  # gain | fall | lose | state | act
    rule: str
    noun: bool = False  # a noun trigger ("the capture of X", "airstrikes on X")


# --- triggers ------------------------------------------------------------------------------

def _is_verb(tok) -> bool:
    return tok.pos_ in ("VERB", "AUX") or tok.tag_.startswith("VB") or any(
        c.dep_ in ("nsubjpass", "auxpass", "dobj") for c in tok.children)


def _kids(tok, *deps: str) -> list:
    return [c for c in tok.children if c.dep_ in deps]


def _dobj_heads(tok) -> list:
    out = _kids(tok, "dobj", "attr")
    for o in list(out):
        out += [c for c in o.children if c.dep_ == "conj"]
    return out


def _territory(tok, t: EventTerms, places: dict[int, PlaceMention]) -> _Trigger | None:
    low = tok.lower_
    terr = t.raw["territory_change"]
    control = t.words("territory_change", "control_nouns")
    objs = _dobj_heads(tok)
    has_control = any(o.lower_ in control for o in objs)
    if tok.pos_ in ("NOUN", "PROPN") and not tok.tag_.startswith("VB") and not _kids(tok, "nsubjpass", "auxpass"):
        for role, words in terr["nouns"].items():
            if tok.lemma_.lower() in words or low in words:
                if _kids(tok, "prep", "poss") or role != "fall":
                    return _Trigger(tok, "territory_change", role, f"noun:{tok.lemma_.lower()}", True)
        return None
    if not _is_verb(tok):
        return None
    verbs = terr["verbs"]
    if low in verbs["state"]:
        cues = t.words("territory_change", "state_cues")
        cued = any(w.lower_ in cues for w in tok.subtree if w.i <= tok.i + 4)
        if cued and (has_control or low.startswith("control")):
            return _Trigger(tok, "territory_change", "state", f"verb:{low}+now")
        return None
    if low in verbs["fall"]:
        blocking = t.words("territory_change", "fall_blocking_preps")
        if any(p.lower_ in blocking and not _is_time(p) for p in _kids(tok, "prep", "prt", "acomp")):
            return None  # "shells fell on the town", "prices fell by 5%"; not "fell on Wednesday"
        return _Trigger(tok, "territory_change", "fall", f"verb:{low}")
    role = "lose" if low in verbs["lose"] else "gain" if low in verbs["gain"] else None
    if role is None:
        return None
    if low in t.words("territory_change", "verbs_needing_control") and not has_control:
        return None
    if low in t.words("territory_change", "verbs_needing_place_object") and not has_control:
        over = any(p.lower_ == "over" for p in _kids(tok, "prt", "prep"))
        obj_place = any(_subtree_has_place(o, places) or _is_area(o, t) for o in objs)
        passive = bool(_kids(tok, "nsubjpass", "auxpass"))
        relative = tok.dep_ == "relcl" and tok.head.i in places  # "Aleppo, which rebels took"
        if not (over or obj_place or passive or relative):
            return None
    return _Trigger(tok, "territory_change", role, f"verb:{low}" + ("+control" if has_control else ""))


@lru_cache(maxsize=1)
def _noun_only(t: EventTerms) -> frozenset[str]:
    """Trigger nouns that are never verbs: the small model tags "airstrikes" as VBZ at times."""
    types = ("withdrawal", "armed_clash", "airstrike", "shelling", "reinforcement")
    nouns = frozenset().union(*(t.words(k, "nouns") for k in types))
    verbs = frozenset().union(*(t.words(k, "verbs") for k in types)) | t.words("territory_change", "verbs")
    return nouns - verbs


_TIME_WORDS = frozenset("monday tuesday wednesday thursday friday saturday sunday morning evening night afternoon "
                        "day week weekend january february march april may june july august september october "
                        "november december dawn midnight".split())


def _is_time(prep) -> bool:
    """'on Wednesday', 'in the morning', 'by December 5': a time, not where something fell."""
    return any(w.lower_ in _TIME_WORDS or w.like_num for w in prep.subtree if w.i != prep.i)


def _people_object(tok, t: EventTerms) -> bool:
    """An object that counts people ("five soldiers", "hundreds of prisoners")."""
    from .terms import load_terms

    people = load_terms().people
    if _is_area(tok, t):
        return False
    return tok.lower_ in people or any(c.dep_ == "nummod" for c in tok.children) and tok.pos_ == "NOUN"


def _is_area(tok, t: EventTerms) -> bool:
    return tok.lower_ in t.words("territory_change", "area_objects")


def _subtree_has_place(tok, places: dict[int, PlaceMention]) -> bool:
    return any(w.i in places for w in tok.subtree)


def _other(tok, t: EventTerms, sentence_lower: str) -> _Trigger | None:
    low, lemma = tok.lower_, tok.lemma_.lower()
    nounish = tok.pos_ in ("NOUN", "PROPN") and not tok.tag_.startswith("VB") or low in _noun_only(t)
    mods = {c.lower_ for c in tok.children if c.dep_ in ("compound", "amod", "nmod")}
    if nounish:
        shell = t.raw["shelling"]
        if low in shell["nouns"] or (low in shell["fire_heads"] and mods & set(shell["fire_compounds"])):
            return _Trigger(tok, "shelling", "act", f"noun:{low}", True)
        air = t.raw["airstrike"]
        if low in air["nouns"] and not mods & set(air["not_air_modifiers"]):
            air_ctx = mods & set(air["air_compounds"]) or any(w in sentence_lower for w in air["air_subjects"])
            if low in air["bare_nouns_need_air_context"] and not air_ctx:
                return None
            return _Trigger(tok, "airstrike", "act", f"noun:{low}", True)
        for etype in ("armed_clash", "withdrawal", "reinforcement"):
            if low in t.raw[etype]["nouns"]:
                return _Trigger(tok, etype, "act", f"noun:{low}", True)
        return None
    if not _is_verb(tok):
        return None
    wd = t.raw["withdrawal"]
    if low in wd["verbs"]:
        particles = wd["particles"].get(lemma)
        if particles is not None and not any(p.lower_ in particles for p in _kids(tok, "prt", "prep", "advmod")):
            return None
        objs = [o for o in _kids(tok, "dobj") if o.pos_ not in ("PRON", "DET")]
        if lemma != "abandon" and objs and not any(o.lower_ in wd["force_objects"] for o in objs):
            return None  # "withdrew money": not a withdrawal of forces
        if low in wd["needs_place_prep"] and not _kids(tok, "prep", "advmod"):
            return None
        return _Trigger(tok, "withdrawal", "act", f"verb:{low}")
    if low in t.raw["shelling"]["verbs"]:
        return _Trigger(tok, "shelling", "act", f"verb:{low}")
    air = t.raw["airstrike"]
    if low in air["verbs"]:
        subj = " ".join(w.lower_ for s in _kids(tok, "nsubj") for w in s.subtree)
        if any(a in subj.split() or a in subj for a in air["air_subjects"]):
            return _Trigger(tok, "airstrike", "act", f"verb:{low}+air-subject")
        return None
    if low in t.raw["armed_clash"]["verbs"]:
        return _Trigger(tok, "armed_clash", "act", f"verb:{low}")
    rf = t.raw["reinforcement"]
    if low in rf["verbs"] and not _kids(tok, "aux") or low in rf["send_verbs"] and any(
            o.lower_ in rf["force_objects"] for o in _kids(tok, "dobj")):
        return _Trigger(tok, "reinforcement", "act", f"verb:{low}")
    return None


# --- negation, conditions and wishes --------------------------------------------------------

def _asserted(tok, t: EventTerms) -> bool:
    """False for negated, conditional, modal or wished-for triggers."""
    modals, marks = t.words("modals"), t.words("conditional_marks")
    irrealis, negators, realis = t.words("irrealis_heads"), t.words("negating_heads"), t.words("realis_heads")
    flips = 0
    for c in tok.children:
        if c.dep_ == "neg":
            flips += 1
        elif c.dep_ in ("aux", "auxpass") and c.lower_ in modals:
            return False
        elif c.dep_ == "mark" and c.lower_ in marks:
            return False
    infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)
    if infinitive and tok.dep_ == "advcl":
        return False  # "sent reinforcements to halt the advance": a purpose, not an outcome
    cur = tok
    for _ in range(MAX_CHAIN):
        if cur.dep_ not in _CHAIN_DEPS or cur.head.i == cur.i:
            break
        via, cur = cur.dep_, cur.head
        lemma = cur.lemma_.lower()
        if lemma in irrealis:
            return False
        if lemma in negators:
            flips += 1
        elif via == "xcomp" and infinitive and lemma not in realis and cur.i == tok.head.i:
            return False  # "decided to withdraw", "pushed to retake": not yet done
        for c in cur.children:
            if c.dep_ == "neg":
                flips += 1
            elif c.dep_ == "mark" and c.lower_ in marks:
                return False
            elif c.dep_ in ("aux", "auxpass") and c.lower_ in modals and via != "ccomp":
                return False
        if via == "ccomp":
            break  # "the army said that rebels had entered": the report is not the event
    return flips % 2 == 0


# --- places ---------------------------------------------------------------------------------

def _place_index(doc, sentence: Sentence, places: Sequence[PlaceMention]) -> dict[int, PlaceMention]:
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


# "BEIRUT (LPA) - ...", "Damascus - ...": where the story was filed, not where it happened.
_DATELINE_TAIL = re.compile(r"\s*(?:\([^)]{1,30}\)\s*)?[-–—:]\s")


def _is_dateline(m: PlaceMention, sentence: Sentence) -> bool:
    return m.start == sentence.start and bool(_DATELINE_TAIL.match(sentence.text, m.end - sentence.start))


def _slot_roots(trig: _Trigger, t: EventTerms) -> list:
    """Tokens whose subtrees hold the event's place."""
    tok = trig.tok
    passive = _kids(tok, "nsubjpass")
    if trig.type == "territory_change":
        if trig.role == "fall" and not trig.noun:
            subj = _kids(tok, "nsubj", "nsubjpass")
            if not subj and tok.dep_ in ("relcl", "acl"):
                subj = [tok.head]
            return [s for s in subj if s.lower_ not in _PRONOUNS] + [tok.head] * (
                any(s.lower_ in ("which", "that") for s in subj))
        if trig.noun and not passive:
            return [c for c in tok.children if c.dep_ in ("prep", "poss", "conj", "appos") and c.lower_ != "by"]
        if passive:
            return passive
        # "captured five soldiers in Hama" takes people, not the town
        objs = [o for o in _dobj_heads(tok) if not _people_object(o, t)]
        roots = [o for o in objs if o.lower_ not in t.words("territory_change", "control_nouns")]
        if tok.dep_ == "relcl" and any(o.lower_ in ("which", "that") for o in objs):
            roots.append(tok.head)  # "Aleppo, which the opposition captured"
        control = len(roots) < len(objs) or trig.role == "state"
        for p in _kids(tok, "prep", "prt"):
            if p.lower_ in ("of", "over") and control or p.lower_ == "into":
                roots.append(p)
            elif p.lower_ in ("in", "across") and any(_is_area(o, t) for o in objs):
                roots.append(p)  # "captured three villages in Hama province"
        for o in objs:
            if o.lower_ in t.words("territory_change", "control_nouns"):
                roots += [c for c in o.children if c.dep_ == "prep" and c.lower_ in ("of", "over")]
        return roots
    roots = [c for c in tok.children if c.dep_ not in _SUBJECT_DEPS
             and not (c.dep_ in _CLAUSE_DEPS and c.pos_ in ("VERB", "AUX"))]
    if trig.noun and tok.dep_ == "pobj" and tok.head.lower_ == "under":
        roots += _kids(tok.head.head, "nsubj", "nsubjpass")  # "X came under heavy shelling"
    gov = _governor(tok) if trig.noun else None
    if gov is not None:
        roots += [c for c in gov.children if c.dep_ in ("prep", "advmod") and c.i not in {w.i for w in tok.ancestors} | {tok.i}]
    return roots


def _governor(tok):
    """The verb a noun trigger is the object or subject of ("carried out dozens of strikes")."""
    cur = tok
    while cur.dep_ == "pobj" and cur.head.lower_ == "of" and cur.head.head.i != cur.head.i:
        cur = cur.head.head  # "dozens of strikes": climb to "dozens"
    if cur.dep_ in ("dobj", "nsubj", "nsubjpass") and cur.head.i != cur.i and cur.head.pos_ in ("VERB", "AUX"):
        return cur.head
    return None


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


def _places_of(trig: _Trigger, t: EventTerms, pidx: dict[int, PlaceMention]) -> tuple[list[PlaceMention], list]:
    """Place mentions in the trigger's slot, and 'the city'-like tokens when there are none."""
    blocking = t.words("blocking_words", trig.type) or t.words("blocking_words", "default")
    found: list[PlaceMention] = []
    anaphors = []
    city_words = t.words("anaphoric_places")
    seen: set[int] = set()
    for root in _slot_roots(trig, t):
        for w in _clause_subtree(root):
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


def _place_after(trig: _Trigger, pidx: dict[int, PlaceMention]) -> PlaceMention | None:
    """A place right after a noun trigger, behind a preposition ("strikes overnight on Idlib")."""
    doc, prep = trig.tok.doc, False
    for w in doc[trig.tok.i + 1: trig.tok.i + 1 + MAX_AFTER_TOKENS]:
        if w.i in pidx:
            return pidx[w.i] if prep else None
        if w.pos_ in ("VERB", "AUX", "CCONJ", "PUNCT", "SCONJ"):
            return None
        prep = prep or w.lower_ in _AFTER_PREPS
    return None


def _clause_of(tok):
    """The verb heading the clause a token stands in."""
    cur = tok
    while cur.head.i != cur.i and not (cur.pos_ in ("VERB", "AUX") and cur.dep_ in _CLAUSE_DEPS | {"ROOT"}):
        cur = cur.head
    return cur


def _clauses_above(tok) -> set[int]:
    """Indexes of the clause of ``tok`` and of the clauses that contain it."""
    out, cur = set(), _clause_of(tok)
    for _ in range(MAX_CHAIN * 2):
        out.add(cur.i)
        if cur.head.i == cur.i:
            break
        cur = _clause_of(cur.head)
    return out


def _clause_subtree(root) -> Iterable:
    """The subtree of ``root`` without clauses of its own ("..., before reaching X")."""
    yield root
    for c in root.children:
        if c.dep_ in _CLAUSE_DEPS and c.pos_ in ("VERB", "AUX") and c.lower_ != "including":
            continue
        yield from _clause_subtree(c)


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


# "the surrounding Shahba area", "the Hama countryside": an area, not the town "the town" means.
_AREA_AFTER = re.compile(r"\s+(?:area|areas|region|countryside|province|governorate|district|front|plain|plains|"
                         r"suburbs|outskirts|border)\b", re.IGNORECASE)


def _antecedent(ctx: EventContext, sentence: Sentence, word: str, offset: int,
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


# --- actors ---------------------------------------------------------------------------------

def _actor_in(ctx: EventContext, sentence: Sentence, doc, toks) -> tuple[ActorRef | None, str]:
    toks = [w for w in toks]
    if not toks:
        return None, ""
    a = sentence.start + min(w.idx for w in toks)
    b = sentence.start + max(w.idx + len(w.text) for w in toks)
    hits = [m for m in ctx.actor_matches if a <= m.start < b]
    known = [m for m in hits if m.actor.side != "unknown"] or hits
    if known:
        return known[0].actor, "actor:lexicon"
    words = [w for w in toks if w.dep_ != "punct"]
    pronoun = words[0] if len(words) == 1 and words[0].lower_ in _PRONOUNS else next(
        (w for w in words if w.dep_ == "poss" and w.lower_ in _PRONOUNS), None)
    if pronoun is not None:
        speaker = _speaker(ctx, sentence, pronoun)
        if speaker is not None:
            return speaker, "actor:pronoun-speaker"
        return _resolve_pronoun(ctx, pronoun.lower_, a), "actor:pronoun"
    phrase = " ".join(w.text for w in toks if w.dep_ not in ("det", "punct"))
    if not phrase or not any(w.pos_ in ("NOUN", "PROPN") for w in toks):
        return None, ""
    state = ctx.actors.states.get(phrase.lower())
    if state is not None:  # "Russia has stepped up airstrikes": a state acting in another's war
        own = state[0] in ctx.countries
        return ActorRef(state[1], "government" if own else "foreign", "State forces", phrase, False), "actor:state"
    return ctx.actors.infer(phrase, ctx.countries), "actor:inferred"


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
    for subj in _kids(cur.head, "nsubj"):
        toks = list(subj.subtree)
        known = _known_actor(ctx, sentence, toks)
        if known is not None:
            return known
        for w in toks:
            state = ctx.actors.states.get(w.lower_)
            if state is not None and w.pos_ == "PROPN":
                own = state[0] in ctx.countries
                return ActorRef(state[1], "government" if own else "foreign", "State forces", w.text, False)
    return None


def _resolve_pronoun(ctx: EventContext, pronoun: str, offset: int) -> ActorRef | None:
    """The last actor named before ``offset`` whose number fits ("its" -> "the army", "their" -> "rebels")."""
    before = [m for m in ctx.actor_matches if m.start < offset and m.actor.side != "unknown"]
    plural = pronoun in ("they", "their", "them")
    fits = [m for m in before if m.alias.rstrip().lower().endswith("s") == plural]
    pick = (fits or before)[-1:]
    return pick[0].actor if pick else None


def _known_actor(ctx: EventContext, sentence: Sentence, toks) -> ActorRef | None:
    """An actor the lexicon knows the side of, within ``toks`` (for actor2: no guessing)."""
    if not toks:
        return None
    a = sentence.start + min(w.idx for w in toks)
    b = sentence.start + max(w.idx + len(w.text) for w in toks)
    return next((m.actor for m in ctx.actor_matches if a <= m.start < b and m.actor.side != "unknown"), None)


def _subject_tokens(tok) -> list:
    """The subject of a trigger, following conjunctions, relative clauses and "prompting X to"."""
    cur = tok
    for _ in range(4):
        agent = _kids(cur, "agent")
        if agent:
            return [w for w in agent[0].subtree if w.i != agent[0].i]
        subj = _kids(cur, "nsubj")
        if subj:
            if subj[0].lower_ in ("which", "that", "who") and cur.dep_ == "relcl":
                return [cur.head]
            return list(subj[0].subtree)
        if cur.dep_ == "xcomp" and _kids(cur.head, "dobj"):
            return list(_kids(cur.head, "dobj")[0].subtree)
        if cur.dep_ in ("conj", "xcomp", "advcl") and cur.head.i != cur.i:
            cur = cur.head
            continue
        if cur.dep_ == "acl" and cur.head.i != cur.i:
            if cur.head.dep_ == "dobj":  # "launched an offensive, capturing X": the launcher
                cur = cur.head.head
                continue
            return [cur.head]
        break
    return []


def _actors(ctx: EventContext, sentence: Sentence, doc, trig: _Trigger) -> tuple[ActorRef | None, ActorRef | None, str]:
    tok = trig.tok
    actor2 = None
    if trig.noun:
        by = [c for c in tok.children if c.dep_ == "prep" and c.lower_ == "by"]
        mods = [w for c in tok.children if c.dep_ in ("amod", "compound", "poss", "nmod") for w in c.subtree]
        pair = [w for c in tok.children if c.dep_ == "prep" and c.lower_ in ("between", "with") for w in c.subtree]
        if pair:
            first = [c for c in tok.children if c.dep_ == "prep" and c.lower_ in ("between", "with")][0]
            objs = _kids(first, "pobj")
            if objs:
                a1, r = _actor_in(ctx, sentence, doc, [objs[0]] + _kids(objs[0], "compound", "amod"))
                conj = _kids(objs[0], "conj")
                if conj:
                    actor2 = _known_actor(ctx, sentence, list(conj[0].subtree))
                if a1:
                    return a1, actor2, r
        for group in ([w for b in by for w in b.subtree if w.i != b.i], mods):
            a1, r = _actor_in(ctx, sentence, doc, group)
            if a1 is not None:
                return a1, actor2, r
        gov = _governor(tok)
        if gov is not None and not any(c.i == tok.i or tok.i in {w.i for w in c.subtree} for c in _kids(gov, "nsubj")):
            a1, r = _actor_in(ctx, sentence, doc, _subject_tokens(gov))
            return a1, actor2, r
        return None, None, ""
    a1, r = _actor_in(ctx, sentence, doc, _subject_tokens(tok))
    for p in _kids(tok, "prep"):
        if p.lower_ in ("from", "against", "with"):
            actor2 = _known_actor(ctx, sentence, [w for w in p.subtree if w.i != p.i]) or actor2
    return a1, actor2, r


def _winner(ctx: EventContext, sentence: Sentence, doc, trig: _Trigger, actor1: ActorRef | None) -> tuple[str | None, ActorRef | None]:
    if trig.role == "fall":
        holder_preps = ctx.terms.words("territory_change", "holder_preps")
        for p in [c for c in trig.tok.children if c.dep_ == "prep" and c.lower_ in holder_preps]:
            who, _ = _actor_in(ctx, sentence, doc, [w for w in p.subtree if w.i != p.i])
            if who is not None:
                return (who.side if who.side != "unknown" else None), who
        return None, actor1 if trig.noun else None
    if actor1 is None or actor1.side == "unknown":
        return None, actor1
    if trig.role == "lose":
        return _OPPOSITE.get(actor1.side), actor1
    return actor1.side, actor1


# --- events ---------------------------------------------------------------------------------

def _triggers(doc, t: EventTerms, pidx: dict[int, PlaceMention], lower: str) -> list[_Trigger]:
    out = []
    words = t.any_trigger
    for tok in doc:
        if tok.lower_ not in words and tok.lemma_.lower() not in words:
            continue
        trig = _territory(tok, t, pidx) or _other(tok, t, lower)
        if trig is not None:
            out.append(trig)
    return out


def _prison_breaks(doc, t: EventTerms, pidx: dict[int, PlaceMention]) -> list[tuple[_Trigger, list[PlaceMention]]]:
    pb = t.raw["prison_break"]
    lower = doc.text.lower()
    if not any(w in lower for w in pb["prison_nouns"]):
        return []  # cheap test first: most sentences name no prison
    released = any(tok.lower_ in pb["release_verbs"] and any(
        w.lower_ in pb["inmate_nouns"] for w in tok.subtree) for tok in doc) or any(
        tok.lower_ in pb["inmate_nouns"] and tok.head.lower_ in pb["release_verbs"] for tok in doc)
    if not released:
        return []
    out = []
    for tok in doc:
        if tok.lower_ not in pb["prison_nouns"]:
            continue
        verb = tok.head
        for _ in range(3):
            if verb.lower_ in pb["storm_verbs"] or verb.head.i == verb.i:
                break
            verb = verb.head
        if verb.lower_ not in pb["storm_verbs"] or not _asserted(verb, t):
            continue
        mentions = []
        # the prison's own name ("Hama central prison"), else where it was stormed ("in Sittwe")
        preps = [p for p in verb.children if p.dep_ == "prep" and p.lower_ in ("in", "at", "near", "outside")]
        for root in [tok] + preps:
            for w in root.subtree:
                m = pidx.get(w.i)
                if m is not None and m not in mentions:
                    mentions.append(m)
            if mentions:
                break
        out.append((_Trigger(verb, "prison_break", "act", f"prison:{verb.lower_}+{tok.lower_}"), mentions))
    return out


def extract_events(ctx: EventContext, sentence: Sentence, doc, places: Sequence[PlaceMention],
                   claims: Sequence[Claim] = ()) -> list[Event]:
    """Events of one parsed sentence (``doc`` is the spaCy Doc of ``sentence.text``).

    ``places`` are the article's place mentions (absolute offsets); ``claims`` the claims
    of this sentence, whose "killed" figures become the events' fatality claims.
    """
    t = ctx.terms
    pidx = _place_index(doc, sentence, places)
    lower = sentence.text.lower()
    found: list[tuple[_Trigger, list[PlaceMention]]] = []
    breaks = _prison_breaks(doc, t, pidx)
    found += breaks
    for trig in _triggers(doc, t, pidx, lower):
        if not _asserted(trig.tok, t):
            continue
        mentions, anaphors = _places_of(trig, t, pidx)
        if not mentions and not anaphors and trig.type != "territory_change" and trig.noun:
            after = _place_after(trig, pidx)
            if after is not None:
                mentions = [after]
                trig.rule += "+place-after"
        if not mentions and not anaphors and trig.type != "territory_change":
            above = _clauses_above(trig.tok)
            blocking = t.words("blocking_words", "default")
            named = {m.text: m for i, m in pidx.items() if _clause_of(doc[i]).i in above
                     and not any(a.lower_ in blocking for a in doc[i].ancestors)}
            if len(named) == 1 and len({m.text for m in pidx.values()}) == 1:  # the sentence names one place: the clash or strike is there
                mentions = list(named.values())
                trig.rule += "+sentence-place"
        if not mentions and anaphors:
            w = anaphors[0]
            ante = _antecedent(ctx, sentence, w.lower_, sentence.start + w.idx, places)
            if ante is not None:
                mentions = [ante]
                trig.rule += f"+anaphora({w.lower_})"
        if breaks and trig.type == "territory_change" and any(b[0].tok.i == trig.tok.i for b in breaks):
            continue
        if mentions:
            found.append((trig, mentions))
    if not found:
        return []
    claimant, claimant_rule = _attribution(ctx.claims_ctx, sentence, doc)
    killed = [c.id for c in claims if c.quantity == "killed" and c.sentence_start == sentence.start]
    events: list[Event] = []
    seen: set[tuple[str, str]] = set()
    for trig, mentions in found:
        when = _event_date(ctx, sentence, doc, trig.tok)
        who, who_rule = claimant, claimant_rule
        if who_rule.startswith("claimant:subject-of") and not _speech_covers(ctx.claims_ctx, sentence, doc, trig.tok.idx):
            who, who_rule = None, ""  # "Strike kills 13 as Moscow claims a village": not Moscow's
        actor1, actor2, actor_rule = _actors(ctx, sentence, doc, trig)
        actor1 = _state_abroad(ctx, actor1, mentions)
        winner = None
        if trig.type == "territory_change":
            winner, holder = _winner(ctx, sentence, doc, trig, actor1)
            if trig.role == "fall" and holder is not None:
                actor1 = holder
        start = sentence.start + trig.tok.idx
        end = start + len(trig.tok.text)
        for m in mentions:
            key = (trig.type, m.text.lower())
            if key in seen:
                continue
            seen.add(key)
            rule = " ".join(r for r in (f"{trig.type}:{trig.rule}", f"place:{m.rule}", actor_rule,
                                        who_rule or "claimant:none", f"date:{when.rule}") if r)
            events.append(Event(
                id=content_id(ctx.article.id, start, end, trig.type, m.text),
                doc=ctx.article.id, type=trig.type, sentence=sentence.text, start=start, end=end,
                sentence_start=sentence.start, rule=rule, actor1=actor1, actor2=actor2, winner=winner,
                place=m, date=when.date, date_precision=when.precision, date_rule=when.rule,
                source=who.name if who else None,
                source_kind=who.kind if who else "unknown", fatality_claims=list(killed)))
    return events


def fill_winners(events: list[Event]) -> None:
    """A territory change with no stated winner ("after the fall of Aleppo") goes to the side
    that wins the article's other territory changes, when one side does."""
    sides = Counter(e.winner for e in events if e.type == "territory_change" and e.winner)
    if len(sides) != 1:
        return
    side = next(iter(sides))
    for e in events:
        if e.type == "territory_change" and e.winner is None:
            e.winner = side
            e.rule += " winner:article"


def _state_abroad(ctx: EventContext, actor: ActorRef | None, mentions: Sequence[PlaceMention]) -> ActorRef | None:
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


def _event_date(ctx: EventContext, sentence: Sentence, doc, trigger) -> dates.DateResolution:
    """The date of the trigger's own clause; else of the sentence without the relative
    clauses that do not hold the trigger ("In Kursk, where Ukraine seized land in August,
    Moscow said it retook the village": not August)."""
    published = ctx.article.published
    clause = trigger if trigger.dep_ not in ("compound", "amod") else trigger.head
    if clause.pos_ != "VERB":
        clause = clause.head if clause.head.pos_ == "VERB" else clause
    own = _blank(sentence.text, doc, keep={t.i for t in clause.subtree})
    found = dates.resolve_event_date(own, published)
    if found.rule not in ("publication", "none"):
        return found
    drop = set()
    for tok in doc:
        if tok.dep_ in ("relcl", "acl") and trigger.i not in {t.i for t in tok.subtree}:
            drop.update(t.i for t in tok.subtree)
    rest = _blank(sentence.text, doc, keep={t.i for t in doc if t.i not in drop})
    return dates.resolve_event_date(rest, published)


def _blank(text: str, doc, keep: set[int]) -> str:
    """``text`` with the tokens not in ``keep`` replaced by spaces (offsets unchanged)."""
    chars = list(text)
    for tok in doc:
        if tok.i not in keep:
            for k in range(tok.idx, min(tok.idx + len(tok.text), len(chars))):
                chars[k] = " "
    return "".join(chars)


def events_for_article(ctx: EventContext, parsed: Iterable[tuple[Sentence, object]],
                       places: Sequence[PlaceMention], claims: Sequence[Claim] = ()) -> list[Event]:
    """Events of an article from its parsed sentences, winners filled from the article."""
    by_sentence: dict[int, list[Claim]] = {}
    for c in claims:
        by_sentence.setdefault(c.sentence_start, []).append(c)
    events: list[Event] = []
    for sentence, doc in parsed:
        events += extract_events(ctx, sentence, doc, places, by_sentence.get(sentence.start, ()))
    events = _drop_containing_provinces(events)
    fill_winners(events)
    return events


def _drop_containing_provinces(events: list[Event]) -> list[Event]:
    """'captured the village of X in Donetsk region': one event at X, not a second one at
    the province that only locates it (same trigger, province of a more precise place)."""
    by_trigger: dict[tuple[int, str], list[Event]] = {}
    for e in events:
        by_trigger.setdefault((e.start, e.type), []).append(e)
    keep = []
    for group in by_trigger.values():
        precise_provinces = {(e.place.place.admin1 or "").casefold() for e in group
                             if e.place and e.place.place and (e.place.precision or 9) <= 2}
        for e in group:
            m = e.place
            # the mention names the province itself (not a village anchored in it)
            is_province = (m is not None and m.place is not None and m.precision == 3
                           and not m.rule.startswith("anchored"))
            if is_province and precise_provinces and (
                    (m.place.admin1 or m.place.name).casefold() in precise_provinces
                    or m.text.casefold() in precise_provinces):
                continue
            keep.append(e)
    return sorted(keep, key=lambda e: (e.start, e.id))




def events_from_text(article: Article, claimants: ClaimantLexicon | None = None) -> list[Event]:
    """Events of one article, parsing it here: for tests and one-off use. The pipeline calls
    ``events_for_article`` with the sentences it has already parsed, to avoid a second pass."""
    from ..nlp import parse, worth_parsing
    from .claimants import load_claimants
    from .context import article_countries
    from .gazetteer import get_gazetteer
    from .places import capitalised_candidates, country_context, find_place_mentions

    gaz = get_gazetteer()
    sentences = split_sentences(article.text)
    chosen = [s for s in sentences if worth_parsing(s.text)]
    countries = article_countries(article.text)
    places = find_place_mentions(article.id, article.text, capitalised_candidates(article.text), gaz,
                                 country_context(article.text, gaz))
    ctx = build_event_context(article, claimants=claimants or load_claimants(), countries=countries,
                              sentences=sentences)
    return events_for_article(ctx, zip(chosen, parse([s.text for s in chosen])), places)


__all__ = ["EventContext", "build_event_context", "extract_events", "events_for_article", "events_from_text",
           "fill_winners", "load_event_terms"]
