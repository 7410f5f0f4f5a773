"""What a category rule reads, and what several rules ask of it: whether the figure's noun is a
generic one, and the side words name (extract/claims/category.py, category_speaker.py)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Callable, Sequence

from ...records import Claim, Claimant
from ...lexicon.claim_terms import ClaimTerms, category_words, claim_words
from .figure_view import Candidate

# An actor's side -> the claim category of its fighters (DESIGN.md: rebels is any non-state
# armed side; government is state forces and their allied militias).
# A foreign side is another state's forces or a force fighting for a state (Wagner for
# Russia, peacekeepers): government, as GUIDE.md counts "a state's army abroad".
SIDE_CATEGORY = {"opposition": "rebels", "government": "government", "foreign": "government"}
# A claimant's kind -> the category of its own fighters (a foreign government's are a state's).
KIND_CATEGORY = {"opposition": "rebels", "government": "government", "foreign_government": "government"}
# Kinds of claimant that are no side of the fighting but count people: aid, health, UN bodies and
# monitors (their own staff are aid workers; the people they take in or trace, their count).
AID_KINDS = frozenset({"ngo", "un", "medical", "monitor"})
# The side a claimant's enemy is on ("the enemy", prisoners it took).
ENEMY_OF = {"government": "rebels", "opposition": "government", "foreign_government": None}
def enemy_of_claimant(claimant: Claimant, armed_demonyms: frozenset[str], countries: Sequence[str] = ()) -> str | None:
    """The category of the side a claimant fights: a state's enemy is rebels, unless the
    article names another state's forces ("Japanese forces" in a US Navy communique,
    "Russian troops" in a Ukrainian briefing): then the war is between states and its
    enemy is a state's forces too (GUIDE: government is any state's forces)."""
    if claimant.kind in ("government", "foreign_government") and _another_states_forces(claimant, armed_demonyms, countries):
        return "government"
    return ENEMY_OF.get(claimant.kind)


def _another_states_forces(claimant: Claimant, armed_demonyms: frozenset[str], countries: Sequence[str] = ()) -> bool:
    from ..state_bodies import state_body_index

    owners = state_body_index()[1]
    own = {owners.get(w.lower()) for w in re.findall(r"[\w'’.-]+", claimant.name)} - {None}
    if not own and countries:
        # a state body named without its state ("the Joint Forces Command") is the story's
        # lead state's (set BD's Khafji communique, whose enemy is "Iraqi forces")
        own = {countries[0]}
    states = {owners.get(d) for d in armed_demonyms} - {None}
    return bool(own) and bool(states - own)


# A group's noun comes within this many words of "among the dead" ("among the dead
# Azerbaijani servicemen"), and another kind of people within this many words after "and"
# (category.py, category_mixed.py).
MAX_GROUP_WORDS = 4


@dataclass
class CategoryView:
    """What a category rule reads."""

    text: str
    cand: Candidate
    terms: ClaimTerms
    countries: Sequence[str]
    claimant: Claimant | None
    earlier: list[Claim]  # claims of this sentence so far
    parent: Claim | None  # the figure this one breaks down, if any
    quantity: str = ""
    previous_sentence: list[Claim] = field(default_factory=list)  # claims of the sentence before, if adjacent
    category: str = "total"
    subgroup: str | None = None
    armed_demonyms: frozenset[str] = frozenset()  # peoples whose state's forces the article names
    coup_story: bool = False  # the article tells of a coup or a mutiny


CategoryRule = Callable[[CategoryView], "tuple[str, str | None, str] | None"]


def generic_noun(view: CategoryView) -> bool:
    noun = view.cand.noun
    words = " ".join(noun.words) if noun is not None else ""
    # people named by rank ("14 were commanders") have the side of the group they belong to
    return noun is None or words in category_words().generic_nouns or noun.category == "total" \
        or words in claim_words().rank_nouns


def first_people(view: CategoryView, words: list[str]):
    """The first people noun of ``words`` with no casualty word of its own ("and their family
    members", "of civilians"), and its category, a generic noun's by the side the words before
    it name; None when there is none."""
    for i in range(len(words)):
        found = view.terms.people_at(words, i)
        if found and found[0].quantity is None:
            category = found[0].category
            if category in ("combatants", "total"):
                category = side_of(view, " ".join(words[:i + 1])) or category
            return found[0], category
    return None


# A liberation or resistance word right before a force's noun ("the liberation army", "the
# resistance forces"): a non-state side's force, whatever the noun alone names.
_LIBERATION_FORCE = re.compile(r"\b(?i:liberation|resistance|rebel|insurgent|freedom)\s+(?i:army|armies|forces|front|fighters|movement)\b")
# A rebel word right before a state's force named ("the rebel Serb army").
_REBEL_BEFORE = re.compile(r"\b(?i:rebel|separatist|secessionist|insurgent|breakaway)\s+(?:[A-Z][\w'’-]*\s+){0,2}$")


def side_of(view: CategoryView, words_text: str) -> str | None:
    """The side the words name: a known actor first ("Islamic State fighters"), then
    words such as "pro-government" or "rebel"."""
    from ..actors import load_actors

    if _LIBERATION_FORCE.search(words_text):
        return "rebels"  # "the liberation army lost eleven martyrs": a movement's army (set CO's Polisario communique)
    group_army = named_army(words_text)  # "Mehdi Army fighters", "Arakan Army": a group's army, no state's
    for match in load_actors().match(words_text, view.countries):
        if group_army and words_text[match.start:match.end].lower() == "army":
            continue  # the war's "the army" alias inside a group's name
        if _REBEL_BEFORE.search(words_text, 0, match.start):
            return "rebels"  # "the rebel Serb army", "separatist Abkhaz forces": the word before says (set CM)
        side = SIDE_CATEGORY.get(match.actor.side)
        if side:
            return side
    if group_army:
        return "rebels"
    words = category_words()
    if words.government.search(words_text):
        return "government"
    if words.rebels.search(words_text):
        return "rebels"
    return None


# "Mehdi Army", "Arakan Army", "Kachin Independence Army": a capitalised name before "Army"
# that names no state ("Pakistan Army", "Sudan People's Liberation Army" do) and is no
# generic word of a state's army ("the National Army", "the Royal Army").
_NAMED_ARMY = re.compile(r"\b(?P<name>(?:[A-Z][\w'’-]+\s+){1,4})Army\b")


def named_army(words_text: str) -> bool:
    """Whether the words name a non-state group's army ("Mehdi Army", "Arakan Army"; a
    province's name is no state's)."""
    from ..state_bodies import state_body_index

    m = _NAMED_ARMY.search(words_text)
    if m is None:
        return False
    states = state_body_index()[1]  # demonyms and short names of states: "pakistan", "sudanese"
    words = m.group("name").split()
    if any(re.sub(r"['’]s$", "", w.lower()) in states for w in words):
        return False
    return not all(w.lower() in claim_words().state_army_words for w in words)


_ACRONYM_WORD = re.compile(r"\b[A-Z]{2,6}\b")
# Kinds of known body whose members are no fighters ("UN members", "ICRC members").
_UNARMED_KINDS = frozenset({"un", "ngo", "medical", "media", "monitor", "government", "foreign_government"})


def armed_acronym(words_text: str) -> bool:
    """Whether the words name a group by an acronym no file knows as an unarmed body or a
    state's ("MNLF", "MRTA", "GAM"): its members are a movement's fighters."""
    from ..claimant_files import load_claimants

    found = _ACRONYM_WORD.findall(words_text)
    if not found:
        return False
    lexicon = load_claimants()
    for acronym in found:
        who = lexicon.resolve(acronym)
        if who is not None and who.known and who.kind in _UNARMED_KINDS:
            return False
    return True
