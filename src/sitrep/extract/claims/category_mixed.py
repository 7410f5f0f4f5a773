"""Category rules for a figure whose people are not what its noun alone says: another
state's nationals counted by a side that fights ("92 Russians were killed" in a Ukrainian
army briefing), and one figure of two kinds of people ("troops and their family members").
In ``category.CATEGORY_RULES``' order with the other rules."""

from __future__ import annotations

import re

from ...lexicon.claim_terms import claim_words
from ..numbers import find_figures
from .category_view import MAX_GROUP_WORDS, CategoryView, first_people


_AND_OTHERS = re.compile(r"^\s+and\s+(?:their\s+|other\s+|some\s+)?(?P<rest>[\w’'\- ]{2,40})", re.IGNORECASE)


# Kinds of claimant that fight: their count of another state's nationals is of its fighters.
_FIGHTING_KINDS = frozenset({"government", "foreign_government", "opposition"})
_CASUALTIES = frozenset({"killed", "injured", "detained", "missing"})


def enemy_nationals(view: CategoryView):
    """'92 Russians were killed and 156 wounded' in a Ukrainian army briefing, 'killing 50
    Russians' claimed by JNIM, '37 wounded Iraqis' in a coalition briefing: another state's
    nationals counted by a side that fights, in a story that names that state's forces, are
    its soldiers. A ministry's count of its own people ('8,260 Palestinians') stays people."""
    from ...lexicon.claim_terms import demonym_plurals

    noun, claimant = view.cand.noun, view.claimant
    if noun is None or len(noun.words) != 1 or view.category != "total" or view.quantity not in _CASUALTIES:
        return None
    people = demonym_plurals().get(noun.words[0])
    if people is None or people not in view.armed_demonyms or claimant is None or claimant.kind not in _FIGHTING_KINDS:
        return None
    from ..state_bodies import state_body_index

    owners = state_body_index()[1]
    own = {owners.get(w.lower()) for w in re.findall(r"[\w'’-]+", claimant.name)} - {None}
    if owners.get(people) in own or people in claimant.name.lower():
        return None  # "Russian Defence Ministry: 40 Russians" counts its own people
    return "government", view.subgroup, "category:enemy-nationals"





def nationals_of_soldiers_before(view: CategoryView):
    """'41 Egyptian soldiers had been taken prisoner, and 19 Egyptians were killed': the
    nationals counted after their state's soldiers in one sentence are those soldiers' side
    (set AW's War of Attrition digest)."""
    from ...lexicon.claim_terms import demonym_plurals

    noun = view.cand.noun
    if noun is None or len(noun.words) != 1 or view.category != "total":
        return None
    people = demonym_plurals().get(noun.words[0])
    if people is None:
        return None
    for claim in reversed(view.earlier):
        after = view.text[claim.end - claim.sentence_start:].split()[:2]
        if claim.category in ("government", "rebels") and len(after) == 2 and after[0].lower() == people \
                and after[1].lower().strip(",.;") in claim_words().armed_force_nouns:
            return claim.category, view.subgroup, "category:nationals-of-soldiers"
    return None


def _starts_vague(text: str) -> bool:
    """'many others', 'a number of': a vague amount (``vague_amounts``) starting the words."""
    low = " ".join(text.lower().split()[:2])
    return any(low == w or low.startswith(w + " ") for w in claim_words().vague_amounts)


# A verb after "and": a second predicate, no second people (set BX's Dagestan agency wire).
_SAY_WORDS = frozenset({"said", "says", "added", "claimed", "denied", "insisted", "told", "put", "gave"})
# Participles that describe people ("and wounded civilians", "and displaced families").
_PEOPLE_PARTICIPLES = frozenset({"wounded", "displaced", "detained", "armed", "unarmed", "injured", "trapped",
                                 "retired", "unidentified", "kidnapped", "abducted"})


def mixed_group(view: CategoryView):
    """'thousands of regime troops and their family members detained': one figure of two
    kinds of people counts people in general."""
    noun = view.cand.noun
    if noun is None or view.cand.noun_start is None or view.cand.continues:
        return None
    m = _AND_OTHERS.match(view.text[view.cand.noun_start + len(" ".join(noun.words)):])
    if not m or find_figures(m.group("rest")) or _starts_vague(m.group("rest")) \
            or re.match(r"an?\s", m.group("rest"), re.IGNORECASE):
        return None  # "137 soldiers and 61 civilians", "killed several hundred rebels and taken 200
        # prisoners", "five of our men and many others are missing", "two protesters and a police
        # officer" (set AE's Gezi liveblog): a list of figures
    first = m.group("rest").lower().split()[:1]
    if first and (first[0] in _SAY_WORDS or first[0].endswith("ed") and first[0] not in _PEOPLE_PARTICIPLES):
        return None  # "put their own losses at several dozen dead and said federal casualties were higher"
    people = first_people(view, m.group("rest").lower().split()[:MAX_GROUP_WORDS])
    if people is not None and people[1] not in (view.category, "combatants", "total"):  # "guests and staff": staff are anyone
        return "total", None, "category:mixed-group"
    return None
