"""Small helpers over spaCy's dependency parse, shared by the event rules."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable

from ...lexicon.event_terms import load_event_terms

# Dependency labels that open a clause of its own: its places belong to its own trigger.
CLAUSE_DEPS = frozenset({"advcl", "pcomp", "ccomp", "xcomp", "conj", "relcl", "acl", "parataxis", "csubj"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "agent", "expl"})
# How many heads up the parse a clause walk may climb ("unable to prevent X being overrun"
# is three steps); tuned on the seeds and the sample.
MAX_CHAIN = 6


@dataclass(slots=True)
class Trigger:
    """A word (or phrase anchored at a word) that starts an event, found by a named rule.

    ``roots`` are the tokens whose subtrees hold the event's place; ``role`` says how the
    winner of a territory change is found: ``gain`` (the actor gains), ``lose`` (the actor
    loses: the other side gains), ``fall`` (the place falls: ``holder`` names who gains),
    ``lose-holder`` (``holder`` names who lost it: "no longer under government control").
    """

    tok: object  # spaCy Token: the event's offsets and the clause that is checked for negation
    type: str
    rule: str  # the named rule that found it (the ``rule`` of the event row starts with it)
    word: str  # the trigger words as written, for the rule string
    roots: list = field(default_factory=list)
    role: str = "act"  # gain | lose | fall | lose-holder | act
    holder: list = field(default_factory=list)  # tokens naming who holds the place afterwards
    noun: bool = False  # a noun trigger ("the capture of X", "airstrikes on X")
    needs_side: bool = False  # keep only when the winner's side is known ("in charge of X")
    subject_place: bool = False  # the subject is the place: the actor is the agent or the speaker
    actor_toks: list | None = None  # who acts, when not the subject ("drove the militants out": the militants)
    other_toks: list = field(default_factory=list)  # the other side, when the rule knows it (the forcer)

    @property
    def label(self) -> str:
        return f"{self.type}:{self.rule}({self.word})"


def kids(tok, *deps: str) -> list:
    found = [c for c in tok.children if c.dep_ in deps]
    if len(found) > 1 and "nsubj" in deps:
        # "12:30 - Background: the M23 seized ...": a liveblog entry's label before its colon
        # is parsed as a second subject; the subject is the one after it.
        found = [c for c in found if not _label_before_colon(c)] or found
    return found


def _label_before_colon(tok) -> bool:
    end = tok.right_edge.i
    doc = tok.doc
    return tok.dep_ == "nsubj" and (doc[end].text == ":" or end + 1 < len(doc) and doc[end + 1].text == ":")


def is_verb(tok) -> bool:
    """A verb, or a word the small model mistags whose children show it is one ("retook" as NN)."""
    return tok.pos_ in ("VERB", "AUX") or tok.tag_.startswith("VB") or any(
        c.dep_ in ("nsubjpass", "auxpass", "dobj") for c in tok.children)


def is_noun(tok) -> bool:
    return tok.pos_ in ("NOUN", "PROPN") and not tok.tag_.startswith("VB") and not kids(
        tok, "nsubjpass", "auxpass", "dobj")


def dobj_heads(tok) -> list:
    """Direct objects and their conjuncts ("took A and B")."""
    out = kids(tok, "dobj", "attr")
    for o in list(out):
        out += [c for c in o.children if c.dep_ == "conj"]
    return out


def is_time(prep) -> bool:
    """'on Wednesday', 'in the morning', 'by December 5': a time, not where something fell."""
    return any(w.lower_ in load_event_terms().words("time_words") or w.like_num for w in prep.subtree if w.i != prep.i)


def subtree_without(tok, skip: int) -> list:
    """The subtree of ``tok`` without ``skip`` itself (a preposition's object phrase)."""
    return [w for w in tok.subtree if w.i != skip]


def clause_of(tok):
    """The verb heading the clause a token stands in."""
    cur = tok
    while cur.head.i != cur.i and not (cur.pos_ in ("VERB", "AUX") and cur.dep_ in CLAUSE_DEPS | {"ROOT"}):
        cur = cur.head
    return cur


def clauses_above(tok) -> set[int]:
    """Indexes of the clause of ``tok`` and of the clauses that contain it."""
    out, cur = set(), clause_of(tok)
    for _ in range(MAX_CHAIN * 2):
        out.add(cur.i)
        if cur.head.i == cur.i:
            break
        cur = clause_of(cur.head)
    return out


def clause_subtree(root) -> Iterable:
    """The subtree of ``root`` without clauses of its own ("..., before reaching X")."""
    yield root
    for c in root.children:
        if c.dep_ in CLAUSE_DEPS and c.pos_ in ("VERB", "AUX") and c.lower_ != "including":
            continue
        yield from clause_subtree(c)


def governor(tok):
    """The verb a noun trigger is the object or subject of ("carried out dozens of strikes")."""
    cur = tok
    while cur.dep_ == "pobj" and cur.head.lower_ == "of" and cur.head.head.i != cur.head.i:
        cur = cur.head.head  # "dozens of strikes": climb to "dozens"
    if cur.dep_ in ("dobj", "nsubj", "nsubjpass") and cur.head.i != cur.i and cur.head.pos_ in ("VERB", "AUX"):
        return cur.head
    return None
