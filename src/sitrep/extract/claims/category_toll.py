"""The category rule of a toll: the people a toll or a "number of" phrase counts, named in
its noun phrase ("the number of police dead at three", "the police death toll at 12"), or
the people counted just before a toll raised ("raised the death toll to 11")."""

from __future__ import annotations

import re

from ...lexicon.claim_rule_words import in_order
from ...lexicon.claim_terms import category_words, claim_words, load_figure_terms
from .category_view import CategoryView, side_of

# A toll's noun phrase is read back this many words from its figure ("the number of police
# dead at three": 6); tuned on set Z's Manama transcript.
MAX_TOLL_PHRASE_WORDS = 8
# A toll raised to at most this many times the count just before it is that count grown (9 ->
# 11 soldiers, set Z's Bajaur wire); beyond, it counts more than those people (9 soldiers, then
# "the death toll in the province has risen to 40").
RAISED_TOLL_GROWTH = 2
# Figure rules whose people a "number of" phrase names (figure_counts).
_NUMBER_OF_RULES = frozenset({"figure+level-verb", "figure+running-total", "figure+number-of-is"})


_TOLL_TO = re.compile(rf"\btoll\s+(?:to|at|of)\s+(?:{in_order('toll_hedges')}\s+)?$",
                      re.IGNORECASE)


def toll_of_people(view: CategoryView):
    """'the number of police dead at three', 'the police death toll at 12', 'the number of dead
    policemen rose to 9': the people a toll counts, named in its noun phrase."""
    noun = view.cand.noun
    counted = view.cand.rule in _NUMBER_OF_RULES and noun is not None and noun.category == "total"
    # "raised the armed forces' toll to 40 killed": a toll right before a figure whose own word
    # only says what befell people (set AA's Darfur digest)
    bare = (noun is None or " ".join(noun.words) in claim_words().continued_casualty_nouns) \
        and _TOLL_TO.search(view.text, 0, view.cand.figure.start) is not None
    if (noun is None or noun.words != ("toll",)) and not counted and not bare:
        return None
    # "the number of martyrs of the armed forces and security since 18 June has reached about
    # 400": a "number of" phrase may open the sentence (set AB's Saada agency item)
    reach = None if counted else -MAX_TOLL_PHRASE_WORDS
    words = re.findall(r"[\w’'-]+", view.text[:view.cand.figure.start].lower())[reach:]
    heads = [i for i, w in enumerate(words) if w in ("toll", *load_figure_terms().count_nouns)]
    if not heads:
        return None
    i = heads[-1]
    # "the police death toll": the police died; "an army tally", "the police count": the army
    # or the police keep the count, whoever died (set AV's Detroit daily)
    named = words[max(0, i - 2):i] if words[i] == "toll" else []
    if words[i + 1:i + 2] == ["of"]:
        ends = category_words().toll_phrase_ends
        counted_words = [w for w in words[i + 2:][:next((k for k, w in enumerate(words[i + 2:]) if w in ends), None)]
                         if w not in category_words().toll_fillers]
        # "the army's own tally of Palestinian dead": the people after "of" are the ones
        # counted; the owner before the noun only keeps the count (set AD's Jenin review)
        named = counted_words if any(view.terms.people_at(counted_words, j) for j in range(len(counted_words))) \
            else named + counted_words
    named = [w for w in named if w not in category_words().toll_fillers]
    side = side_of(view, " ".join(named))
    for j in range(len(named)):
        found = view.terms.people_at(named, j)
        if found and found[0].category not in ("total", "combatants") or found and found[0].category == "combatants" \
                and not side:  # "martyrs of the armed forces": the forces' side, not fighters of no side
            if " ".join(found[0].words) not in category_words().generic_nouns:
                return found[0].category, found[0].subgroup, f"category:toll-of({' '.join(found[0].words)})"
    if side:
        return side, None, "category:toll-of-side"
    # "... killing nine soldiers. The official later raised the death toll to 11": a toll raised
    # right after one kind of people were counted is theirs (set Z's Bajaur wire)
    value = view.cand.figure.value or 0
    before = {(c.category, c.subgroup) for c in view.previous_sentence if c.quantity == view.quantity
              and c.category != "total" and (c.value or 0) < value <= RAISED_TOLL_GROWTH * (c.value or 0)}
    raised = category_words().raised_toll_verbs.intersection(re.findall(r"[a-z]+", view.text.lower()))
    return (*before.pop(), "category:toll-of-earlier") if len(before) == 1 and raised else None
