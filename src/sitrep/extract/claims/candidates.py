"""Which numbers of a sentence are figures of people: the figure rules, in order.

Each rule looks at one figure and returns a candidate (the figure counts people, with the
people noun when one is written), ``REJECT`` (it is not a count of people: an age, a year,
a distance, a population), or None to let the next rule decide. The accepting rule's name
is the first part of the claim's ``rule`` ("figure+noun:soldiers").

The rules are in ``figure_rules`` and ``figure_counts`` (those that read a count phrase), what they read and return in ``figure_view``; this module
holds their order and the candidates of a sentence (and of people named one by one).
"""

from __future__ import annotations

import re

from ..numbers import Figure, find_figures
from ...lexicon.date_words import date_words
from ...lexicon.claim_terms import ClaimTerms, PeopleNoun, claim_words, load_figure_terms
from ..doc_arrays import doc_text
from .figure_counts import (casualty_noun_is, revised_from, count_given_as, count_put_at, death_toll_subject, level_verb, toll_set_to,
                            losses_brought_to, number_of_is, running_total, toll_noun_before)
from .figure_parts import colon_list, died_behind_a_raise, where_they_died, figure_ellipsis, figure_from_to, figure_up_from, part_by_place, part_of_whole, shared_noun, subset_condition
from .figure_rules import (
    after_casualty_verb, casualty_word_after, counted_things, family_of, figure_label, forced_to_leave, not_a_count, people_noun_after,
    too_many_people,
)
from .figure_view import REJECT, Candidate, FigureRule, FigureView


# The figure rules, in order: the first that returns a candidate or REJECT decides.
FIGURE_RULES: tuple[FigureRule, ...] = (
    too_many_people,
    casualty_noun_is,  # before not_a_count: "Our martyrs number 73" is no number 73
    figure_label,
    not_a_count,
    subset_condition,
    died_behind_a_raise,
    figure_from_to,
    figure_up_from,
    part_of_whole,
    forced_to_leave,
    family_of,
    counted_things,
    count_put_at,  # before the people noun: "put the number at 31 people" continues the count
    people_noun_after,
    shared_noun,
    after_casualty_verb,
    casualty_word_after,
    running_total,
    revised_from,
    losses_brought_to,
    number_of_is,
    count_given_as,
    toll_noun_before,
    level_verb,
    death_toll_subject,
    toll_set_to,
    where_they_died,
    figure_ellipsis,
    part_by_place,
    colon_list,
)


def candidate(text: str, fig: Figure, terms: ClaimTerms, previous: Candidate | None = None) -> Candidate | None:
    view = FigureView(text, fig, terms, load_figure_terms(), previous)
    for rule in FIGURE_RULES:
        out = rule(view)
        if out is REJECT:
            return None
        if out is not None:
            return out
    return None


def single_victims(text: str, terms: ClaimTerms) -> list[Candidate]:
    """'the killing of its photographer', 'a civilian was killed': one victim, no number
    written."""
    out = []
    words = load_figure_terms()
    joined = [m for rx in words.single_victim_joined for m in rx.finditer(text)]
    for m in [*words.single_victim_passive.finditer(text), *words.single_victim_kin.finditer(text), *joined]:
        word = m.group("noun").lower()
        noun = _single_noun(terms, word)
        fig = Figure(m.start(), m.start() + len(m.group(0).split()[0]), m.group(0).split()[0], 1, 1, 1, None, spelled=True)
        out.append(Candidate(fig, noun, m.start("noun"), "single-victim:" + word))
    for m in words.single_victim.finditer(text):
        word = m.group("noun").lower()
        noun = _single_noun(terms, word)
        fig = Figure(m.start("noun"), m.end("noun"), m.group("noun"), 1, 1, 1, None, spelled=True)
        out.append(Candidate(fig, noun, m.start("noun"), "single-victim:" + word))
    return out


# Sentences whose candidates are kept (first in, first out): the parse choice reads them for
# a batch's 16 articles (~30 sentences each on the bench's news corpus) before the claim
# rules read them again for the parsed ones.
CANDIDATES_KEPT = 1024
_KEPT: dict[str, tuple[ClaimTerms, tuple[Candidate, ...]]] = {}


def sentence_candidates(text: str, terms: ClaimTerms) -> list[Candidate]:
    """Every candidate figure of a sentence, in order; none in an editor's correction.
    Kept per text (candidates are not changed after they are made; the list is new)."""
    kept = _KEPT.get(text)
    if kept is None or kept[0] is not terms:
        if len(_KEPT) >= CANDIDATES_KEPT:
            del _KEPT[next(iter(_KEPT))]
        kept = _KEPT[text] = (terms, tuple(_sentence_candidates(text, terms)))
    return list(kept[1])


def _sentence_candidates(text: str, terms: ClaimTerms) -> list[Candidate]:
    if text.lstrip("*†‡ ").lower().startswith(terms.correction_notes):
        return []
    out: list[Candidate] = []
    for fig in find_figures(text):  # (quantity.py reads the same figures back from the doc cache)
        cand = candidate(text, fig, terms, out[-1] if out else None)
        if cand and not (cand.noun is None and _named_number(text, fig)):
            out.append(cand)
    out += single_victims(text, terms)
    out.sort(key=lambda c: c.figure.start)
    return out


# A number written right after a capitalised word inside a sentence is part of a name
# ("officers from Densus 88 arrested two women", "Task Force 121 said"), not a count (set
# AF's Indonesian police communique); a weekday or a month before it is no name.
_NAME_BEFORE = re.compile(r"(?<=[a-z,;] )(?P<word>[A-Z][A-Za-z-]+) $")


def _named_number(text: str, fig: Figure) -> bool:
    m = _NAME_BEFORE.search(text, 0, fig.start)
    if m is None or not text[fig.start:fig.start + 1].isdigit():
        return False
    words = date_words()
    word = m.group("word").lower()
    return word not in words.months and word not in words.weekdays


# --- people named one by one ---------------------------------------------------------------

_FAMILY = PeopleNoun(("family members",), "civilians", "family members", None)


def _kin_list(head, kin: frozenset[str]) -> list:
    """A relative and the relatives coordinated or set beside it ("his wife, mother and two
    other children"): the parse joins them by conj or appos; names beside them are no one more."""
    out, todo = [], [head]
    while todo:
        tok = todo.pop()
        out.append(tok)
        todo += [c for c in tok.children if c.dep_ in ("conj", "appos") and c.lower_ in kin]
        todo += [c for c in tok.children if c.dep_ == "conj" and c.lower_ not in kin and c.pos_ != "PROPN"]
    return sorted(out, key=lambda t: t.i)


def _single_noun(terms: ClaimTerms, word: str) -> PeopleNoun:
    """The people noun of a single victim ("aid worker" is "aid workers"), or a noun of people
    in general."""
    if word in load_figure_terms().single_victim_kin_words:
        word = "family members"  # "her husband": a relative, as relatives are counted
    words = word.split()
    found = terms.people_at(words, 0) or terms.people_at(words[:-1] + [words[-1] + "s"], 0)
    if found and found[1] == len(words):
        return found[0]
    return PeopleNoun((word,), "total", None, None)


def enumerated_people(doc, terms: ClaimTerms, quantities: list[tuple[int, str, bool]]) -> list[Candidate]:
    """'His wife, mother and two other children were injured' (4), 'his son Ahmed and his
    son Qais were killed, along with his brother' (3): relatives named one by one as the
    subject of a casualty verb count as one figure, the sum of their numbers."""
    from ..numbers import parse_number

    kin = claim_words().kin_nouns | claim_words().enumerated_heads
    out: list[Candidate] = []
    for i, quantity, _ in quantities:
        verb = doc[i]
        subj = next((c for c in verb.children if c.dep_ in ("nsubjpass", "nsubj")), None)
        if subj is None or subj.lower_ not in kin:
            continue
        members = _kin_list(subj, kin)
        for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("along", "together")):
            for w in (x for x in prep.subtree if x.lower_ == "with"):
                for obj in (c for c in w.children if c.dep_ == "pobj"):
                    members += _kin_list(obj, kin)
        count = 0
        for m in members:
            if m.lower_ not in kin:
                count = 0
                break
            nums = [c for c in m.children if c.dep_ == "nummod"]
            if nums:
                value = parse_number(nums[0].text)
                if value is None:
                    count = 0
                    break
                count += value
            elif m.lower_.endswith("s") and m.lower_ not in ("parents",):
                count = 0  # "his sons" without a number: how many is not said
                break
            else:
                count += 2 if m.lower_ == "parents" else 1
        if count < 2 or not any(c.lower_ in ("his", "her", "their", "my", "our") or c.dep_ == "poss"
                                for m in members for c in m.children):
            continue
        first, last = min(m.idx for m in members), max(m.idx + len(m.text) for m in members)
        noun = PeopleNoun(_FAMILY.words, _FAMILY.category, _FAMILY.subgroup, None, quantity)
        fig = Figure(first, last, doc_text(doc)[first:last], count, count, count, None, spelled=True)
        out.append(Candidate(fig, noun, first, "figure+enumerated:family members"))
    return out


# A sentence of this many "N were <people>" figures or more splits the count before it.
MIN_DISTRIBUTIVE_ITEMS = 2


def distributive_list(candidates: list[Candidate]) -> bool:
    """'By its count 16 were Nationalists, seven were policemen, one was a National
    Guardsman and four were bystanders' after a count of the dead: figures that only say who
    their people were split the count of the sentence before, as "Of them, ..." does
    (read from set R's Puerto Rico feature; tested on figures of several wars)."""
    said_who = [c for c in candidates if c.rule.startswith("figure+predicate-noun:") and not c.continues]
    return len(said_who) >= MIN_DISTRIBUTIVE_ITEMS and len(said_who) == len(candidates)
