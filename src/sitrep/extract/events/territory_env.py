"""What the territory rules share: ``Env`` (the words and the sentence's places a rule may
look at) and the parse helpers that find a rule's objects, subjects and holders."""

from __future__ import annotations

from dataclasses import dataclass

from ...records import PlaceMention
from ...lexicon.event_terms import EventTerms, load_event_terms
from .tree import dobj_heads, kids


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

    def named_facility(self, tok) -> bool:
        """'the presidential palace', 'the Council of Ministers building': one facility, named
        by the article with its modifiers (as ``slots._described_facility`` writes it)."""
        return (tok.lower_ in self.terms.words(KIND, "facility_objects") and tok.tag_ not in ("NNS", "NNPS")
                and any(c.lower_ == "the" for c in tok.children)
                and any(c.dep_ in ("amod", "compound") and c.i < tok.i for c in tok.children))


def _people(tok, env: Env) -> bool:
    """An object that counts people ("five soldiers", "hundreds of prisoners")."""
    from ...lexicon.claim_terms import load_terms

    if env.area(tok):
        return False
    return tok.lower_ in load_terms().people or any(c.dep_ == "nummod" for c in tok.children) and tok.pos_ == "NOUN"


def _control_of(objs: list, env: Env) -> list:
    """'control of X' / 'control over X' (and the non-native 'full control on Amran city', set
    AE's Yemeni daily): the prepositions of the noun that hold the place."""
    return [c for o in objs if env.control(o) for c in o.children
            if c.dep_ == "prep" and c.lower_ in ("of", "over", "on")]


def misparsed_objects(tok, env: Env) -> list:
    """A place the small model attaches as an adverb or loose dependent right after the verb
    ("controls Bakhmut" with Bakhmut tagged RB): taken as the object."""
    deps = ("advmod", "npadvmod", "dep", "oprd") + (("appos",) if tok.pos_ == "NOUN" else ())
    return [c for c in tok.children if c.dep_ in deps and c.i > tok.i and c.i in env.pidx]


def object_roots(tok, env: Env, control: bool = False) -> list:
    """The place slot of a transitive verb: its objects (people excluded), the subject of a
    passive, the head of "which" in a relative clause, "into X", and "of/over X" after control."""
    passive = kids(tok, "nsubjpass")
    if not passive and tok.dep_ == "conj" and kids(tok, "auxpass"):
        # "Gafsa had been abandoned by the Americans and was occupied by Axis troops": a
        # second passive shares the first one's subject (set CD's Kasserine wire)
        passive = kids(tok.head, "nsubjpass")
    if passive:
        return passive
    objs = [o for o in dobj_heads(tok) if not _people(o, env)] or misparsed_objects(tok, env)
    roots = [o for o in objs if not env.control(o)]
    if tok.dep_ == "relcl" and any(o.lower_ in ("which", "that") for o in objs):
        roots.append(tok.head)  # "Aleppo, which the opposition captured"
    control = control or len(roots) < len(objs)
    for p in kids(tok, "prep", "prt"):
        if p.lower_ in ("of", "over") and control or p.lower_ == "into" \
                or p.lower_ == "on" and any(env.control(o) and p.i == o.i + 1 for o in objs):
            roots.append(p)  # "took full control on Amran city": the parse hangs "on" on the verb
    return roots + _control_of(objs, env)


def pobjs(preps: list) -> list:
    return [o for p in preps for o in kids(p, "pobj")]


def holder_of(control) -> list:
    """Who holds 'control': 'control of the RSF', 'RSF control', 'Russian control', 'its control'."""
    out = [w for c in control.children if c.dep_ == "prep" and c.lower_ == "of" for w in c.subtree if w.i != c.i]
    return out + [w for c in control.children if c.dep_ in ("compound", "amod", "poss", "nmod") for w in c.subtree]


def no_longer(tok) -> bool:
    """'no longer' (or 'not ... any longer') on a verb."""
    return any(c.lower_ == "longer" and any(n.lower_ in ("no", "not", "n't") for n in list(c.children) + list(tok.children))
               for c in tok.children)


def subject_place_roots(verb, env: Env | None = None) -> list:
    """The subject of a verb whose subject is the place ('X fell', 'X came under ...'),
    also a place the small model attaches as an adverb before the verb ('Bakhmut' as RB)."""
    subj = kids(verb, "nsubj", "nsubjpass")
    if not subj and env is not None:
        subj = [c for c in verb.children if c.dep_ in ("advmod", "npadvmod", "dep") and c.i < verb.i and c.i in env.pidx]
    if not subj and verb.dep_ in ("relcl", "acl"):
        subj = [verb.head]
    roots = [x for x in subj if x.lower_ not in load_event_terms().words("pronouns")]
    if any(x.lower_ in ("which", "that") for x in subj):
        roots.append(verb.head)  # "Aleppo, which fell to the rebels"
    return roots
