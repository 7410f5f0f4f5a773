"""What the quantity rules share: the casualty words of a sentence, whether one is
negated or hypothetical, where its figures start, and the "no claim" answer.

Split from ``quantity`` so that the text rules (``quantity``) and the parse rules
(``quantity_parse``) read the same primitives without importing each other.
"""

from __future__ import annotations

from typing import Callable

from ...lexicon.claim_terms import ClaimTerms, load_attribution_terms, load_figure_terms
from ...lexicon.claim_rule_words import word_set
from ..doc_arrays import doc_text, token_words
from .subjects import token_at
from .figure_view import Candidate

# How far (in tokens) a casualty word may be from the figure when the parse links none.
MAX_QUANTITY_DISTANCE = 16
# No quantity at all, and no later rule may give one: the figure is not a claim.
NONE = ("", "")

QuantityRule = Callable[[object, str, Candidate, ClaimTerms], "tuple[str, str] | None"]


# Nouns of a place whose verb is a casualty word ("jailed"): "Peru's largest jail" holds no one
# it jailed (set BU's Lima prisons wire).
_PLACE_NOUNS_OF_VERBS = frozenset({"jail", "jails", "prison", "prisons"})


def _no_casualty_sense(tok) -> bool:
    """A casualty word in a sense that befalls no one: "thousands of free Arabs" (an adjective),
    "arrest warrants were issued for 140 members" (a warrant's kind; set BW's Mosul and Ankara
    stories)."""
    low = tok.lower_
    if low == "free" and tok.dep_ == "amod":
        nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
        return not (nxt is not None and nxt.like_num)  # "free 71 hostages" in a headline is the verb
    if tok.lemma_.lower() in ("evacuate", "airlift") and _to_a_hospital(tok):
        return True  # "sustained light injuries and were evacuated to the regional hospital": treated, not displaced (set DG)
    if tok.lemma_.lower() == "release" and _releases_a_record(tok):
        return True  # "The army's updated count, released late on Friday, listed 96 rebels": a record out (set DH)
    return low in ("arrest", "detention") and tok.dep_ == "compound" and tok.head.lemma_.lower() in ("warrant", "order")


_ADMITTING_PLACES = word_set("admitting_places")


def _to_a_hospital(tok) -> bool:
    """'evacuated to the regional hospital in Buea', 'airlifted to a clinic': a medical
    evacuation moves the wounded, it displaces no one."""
    return any(c.dep_ == "prep" and c.lower_ in ("to", "into") and any(
        o.dep_ == "pobj" and o.lower_ in _ADMITTING_PLACES for o in c.children) for c in tok.children)


def _releases_a_record(tok) -> bool:
    """'a tally released on Thursday', 'figures were released', 'the army released its
    count': what is released is a record (``record_nouns``), not people."""
    records = load_attribution_terms().record_nouns
    if tok.dep_ in ("acl", "amod") and tok.head.lemma_.lower() in records:
        return True
    return any(c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in records for c in tok.children)


def quantity_tokens(doc, terms: ClaimTerms) -> list[tuple[int, str, bool]]:
    """(token index, quantity, is proper noun) of every casualty word of the sentence,
    computed once per sentence."""
    cached = doc.user_data.get("sitrep_quantities")
    if cached is None:
        words, lemmas = token_words(doc)
        cached = []
        for i in range(len(words)):
            q = terms.quantity_at(words, lemmas, i)
            if q and not (words[i] in _PLACE_NOUNS_OF_VERBS and doc[i].pos_ == "NOUN"
                          and not (i and words[i - 1] in ("to", "into", "in"))) \
                    and not _no_casualty_sense(doc[i]):  # "sent to jail" stays
                cached.append((i, q[0], doc[i].pos_ == "PROPN"))
        doc.user_data["sitrep_quantities"] = cached
    return cached


def hypothetical(tok) -> bool:
    """Negated or modal casualty words are not claims ("could displace", "no one was killed")."""
    words = load_figure_terms()
    # "300 people may have been killed": a modal of the past perfect estimates what happened
    past_estimate = any(c.dep_ == "aux" and c.lower_ == "have" for c in tok.children)
    for child in tok.children:
        if child.dep_ == "neg":
            return True
        if child.dep_ in ("aux", "auxpass") and child.lower_ in words.hypothetical_aux \
                and not (past_estimate and child.lower_ in _ESTIMATING_MODALS):
            return True
    head = tok.head
    if head is not tok and tok.dep_ in ("dobj", "pobj") and tok.pos_ == "NOUN":
        # "demanded the release of 234 prisoners", "called for the release of ...": asked for
        asker = head.head if tok.dep_ == "pobj" and head.lower_ == "for" else head
        if asker.lemma_.lower() in words.demand_heads:
            return True
    if still_to_come(tok):
        return True
    return head is not tok and head.lemma_.lower() in words.hypothetical_heads and tok.dep_ in ("xcomp", "ccomp")


_HYPOTHETICAL_NOUNS = word_set("hypothetical_nouns")


def still_to_come(tok) -> bool:
    """'on its way to evacuate 500 Australians', 'a bid to free 30 hostages': a verb in the
    'to' infinitive of a noun of intent (``hypothetical_nouns``) is a deed still to come."""
    return tok.i >= 2 and tok.doc[tok.i - 1].lower_ == "to" and tok.doc[tok.i - 2].lower_ in _HYPOTHETICAL_NOUNS \
        and tok.doc[tok.i - 2].pos_ == "NOUN"

# Modals that estimate the past with "have" ("may have been killed"); "would have been
# killed" stays a counterfactual.
_ESTIMATING_MODALS = frozenset({"may", "might", "could", "must"})

# Words of captivity in the phrase of people rescued: they were held, so they are released.
HELD_WORDS = load_figure_terms().captive_words | {"hostage", "hostages", "captive", "captives", "abducted", "kidnapped"}


def figure_tokens(doc) -> list[int]:
    """Token indices where the sentence's figures start (cached per sentence)."""
    cached = doc.user_data.get("sitrep_figures")
    if cached is None:
        from ..numbers import find_figures

        cached = []
        for f in find_figures(doc_text(doc)):
            tok = token_at(doc, f.start)
            if tok is not None:
                cached.append(tok.i)
        doc.user_data["sitrep_figures"] = cached
    return cached

