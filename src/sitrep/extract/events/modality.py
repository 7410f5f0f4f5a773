"""Whether a trigger reports something that happened: not negated, conditional, modal or
wished for ("failed to control", "aims to capture", "if they take", "could be next").
Negators flip polarity, so "unable to prevent Hama being overrun" is an event."""

from __future__ import annotations

from ...lexicon.event_terms import EventTerms
from ..doc_arrays import doc_text
from .tree import MAX_CHAIN

# How the negation / wish check climbs: through these labels the head governs the trigger.
_CHAIN_DEPS = frozenset({"xcomp", "conj", "acomp", "dobj", "nsubj", "nsubjpass", "pobj", "prep", "ccomp", "pcomp", "acl"})


def asserted(tok, t: EventTerms) -> bool:
    """False for negated, conditional, modal or wished-for triggers."""
    modals, marks = t.words("modals"), t.words("conditional_marks")
    irrealis, negators, realis = t.words("irrealis_heads"), t.words("negating_heads"), t.words("realis_heads")
    near = t.words("irrealis_adjectives")
    flips = 0
    for c in tok.children:
        if c.dep_ == "neg":
            flips += 1
        elif c.dep_ in ("aux", "auxpass") and c.lower_ in modals:
            return False
        elif c.dep_ == "mark" and c.lower_ in marks:
            return False
    to = [c for c in tok.children if c.dep_ == "aux" and c.lower_ == "to"]
    infinitive = bool(to)
    if to and to[0].i > 0 and tok.doc[to[0].i - 1].lower_ in t.words("pending_adverbs"):
        return False  # "has yet to capture X": not (yet) done
    if infinitive and tok.dep_ == "advcl":
        return False  # "sent reinforcements to halt the advance": a purpose, not an outcome
    if infinitive and tok.dep_ in ("acl", "relcl") and tok.head.lemma_.lower() in t.words("purpose_nouns"):
        return False  # "an operation to liberate Kismayo": what it was for, not what it did
    cur = tok
    for _ in range(MAX_CHAIN):
        if cur.dep_ not in _CHAIN_DEPS and not _content_clause(cur) or cur.head.i == cur.i \
                or _semicolon_between(cur, cur.head):
            break
        via, cur = cur.dep_, cur.head
        lemma = cur.lemma_.lower()
        if lemma in irrealis or lemma in near and cur.pos_ == "ADJ":
            return False  # "aims to capture", "on the verge of capturing", "close to capturing"
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


def _content_clause(tok) -> bool:
    """'denied a rumour that Tallaght had been occupied': a clause the parse hangs on a noun as
    a relative clause, which its "that" as a mark and its own subject show to be the noun's
    content (set DD's Dublin 1922 wire). In a true relative clause ("the town that rebels took")
    "that" is the verb's object or subject, no mark, and the climb stops there as before."""
    return tok.dep_ == "relcl" and any(c.dep_ == "mark" and c.lower_ == "that" for c in tok.children) \
        and any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ != "that" for c in tok.children)


def _semicolon_between(tok, head) -> bool:
    """'... claimed to have taken Bin Jawad; this could not be confirmed': a clause after a
    semicolon, which the parse may make the head, says nothing of whether the event happened
    (set CL's Libya update: the claim stays a claimed capture)."""
    lo, hi = sorted((tok, head), key=lambda t: t.i)
    return ";" in doc_text(tok.doc)[lo.idx:hi.idx]
