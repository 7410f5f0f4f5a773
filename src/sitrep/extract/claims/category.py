"""Whose people a figure counts: the category rules, in order.

The people noun gives a first category ("children" are civilians, "soldiers" government).
Later rules refine it: the words naming a side ("pro-government fighters", "Houthi
forces"), a speaker's own fighters ("eight of its fighters"), the group a figure is part
of ("among the dead servicemen, 180 were ..."), the figure a bare one continues ("9
civilians were killed and 31 wounded": 31 civilians). Each rule returns ``(category,
subgroup, rule)`` or None; the rule is the ``category:...`` part of the claim's rule (the
noun rule leaves none: the ``figure+noun`` part already says it).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Callable, Sequence

from ...records import Claim, Claimant
from ...lexicon.claim_terms import ClaimTerms, PeopleNoun, category_words, claim_words, load_figure_terms
from ...lexicon.patterns import alternation
from ..numbers import find_figures
from .figure_view import Candidate

# An actor's side -> the claim category of its fighters (DESIGN.md: rebels is any non-state
# armed side; government is state forces and their allied militias).
# A foreign side is another state's forces or a force fighting for a state (Wagner for
# Russia, peacekeepers): government, as GUIDE.md counts "a state's army abroad".
SIDE_CATEGORY = {"opposition": "rebels", "government": "government", "foreign": "government"}
# A claimant's kind -> the category of its own fighters (a foreign government's are a state's).
KIND_CATEGORY = {"opposition": "rebels", "government": "government", "foreign_government": "government"}
# "members of the PKK/YPG", 'members of "armed gangs"', "persons suspected of belonging to
# illegal armed formations": the group a generic noun's people belong to.
_OF_GROUP = re.compile(r"^[\w-]+\s+(?:(?:suspected\s+of\s+)?(?:belonging|linked)\s+to|of|from|among)\s+"
                       r"((?:the|a|an)?\s*[\w'’ \"“”/-]{1,40}?)(?=[,.;]|\s+(?:who|which|that|in|on|at|and|were|was)\b|$)",
                       re.IGNORECASE)
# Words before a figure searched for the group it is part of ("among the dead servicemen,").
MAX_GROUP_CHARS = 160
# The group's noun comes within this many words of "among the dead" ("among the dead
# Azerbaijani servicemen").
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


CategoryRule = Callable[[CategoryView], "tuple[str, str | None, str] | None"]


def _generic(view: CategoryView) -> bool:
    noun = view.cand.noun
    words = " ".join(noun.words) if noun is not None else ""
    # people named by rank ("14 were commanders") have the side of the group they belong to
    return noun is None or words in category_words().generic_nouns or noun.category == "total" \
        or words in claim_words().rank_nouns


def continues_earlier(view: CategoryView):
    """'Four ambulance staff were killed and 16 others injured', '192 soldiers were killed,
    512 were wounded', 'killed 8 civilians and wounded 22': the people of the figure this
    one continues (the sentence's last figure that is not itself a breakdown)."""
    if not view.cand.continues:
        return None
    main = [c for c in view.earlier if "breakdown-of" not in c.rule] or view.previous_sentence
    if not main:
        return None
    last = main[-1]
    if view.quantity == "displaced" and last.quantity != "displaced":
        return None  # "killed dozens of civilians and displaced hundreds of thousands": everyone
    return last.category, last.subgroup, f"category:continues-{last.id}"


# What may stand between a figure of people and "and N wounded" that continues it: its noun
# and verb ("29 soldiers killed and two seriously wounded"), a few words, no other figure.
_AND_AFTER_FIGURE = re.compile(r"^(?:\s*[\w'’-]+){0,4}?\s*(?:,\s*)?and\s+(?:[a-z]+\s+){0,2}$")


def casualty_noun_continues(view: CategoryView):
    """'29 soldiers killed and two seriously wounded', '12 rebels dead and 30 wounded': a noun
    that only says what befell people, after "and" right behind a figure of one side's
    fighters, counts those fighters."""
    noun = view.cand.noun
    if noun is None or view.cand.continues or " ".join(noun.words) not in claim_words().continued_casualty_nouns \
            or not view.earlier:
        return None  # (a figure marked as continuing is continues_earlier's)
    last = view.earlier[-1]
    between = view.text[last.end - last.sentence_start:view.cand.figure.start]
    # Civilians' deaths "and 60 injuries" are counted as people in general (dev2 Gaza, seeds
    # Idlib): only a side's fighters carry over.
    if last.category not in ("government", "rebels", "combatants") or any(ch.isdigit() for ch in between) \
            or not _AND_AFTER_FIGURE.match(between):
        return None
    return last.category, last.subgroup, f"category:continues-{last.id}"


def displaced_people(view: CategoryView):
    """'More than 6,300 residents of the town have fled', 'some 90,000 of the city's 140,000
    residents had been made homeless': a place's people who flee are people in general."""
    noun = view.cand.noun
    if view.quantity == "displaced" and noun is not None and view.category == "civilians" \
            and " ".join(noun.words) in category_words().displaced_as_people:
        return "total", None, "category:displaced-people"
    return None


def group_before(view: CategoryView):
    """'Among the dead soldiers, 40 were officers of one brigade', 'one of the martyrs
    was a civilian': the group named before a generic figure gives its people."""
    if not _generic(view):
        return None
    words = category_words()
    before = view.text[max(0, view.cand.figure.start - MAX_GROUP_CHARS): view.cand.figure.start]
    for m in reversed(list(words.group_before.finditer(before))):
        tail = before[m.end():]
        tokens = re.findall(r"[\w’'-]+", tail.lower())[:MAX_GROUP_WORDS]
        for i in range(len(tokens)):
            found = view.terms.people_at(tokens, i)
            if found and " ".join(found[0].words) not in words.generic_nouns:
                noun = found[0]
                cat = _side(view, tail.split(",")[0]) or noun.category  # "the dead fighters of the M23,"
                return cat, noun.subgroup, f"category:group({' '.join(noun.words)})"
    return None


def ranks_of_whole(view: CategoryView):
    """'captured seven LRA fighters, among them two commanders', 'captured 50 rebels, among
    them 14 officers': people named by rank in a breakdown are of the whole's side
    (a side word of their own still decides, in the rules after this one)."""
    noun = view.cand.noun
    if view.parent is None or noun is None or " ".join(noun.words) not in claim_words().rank_nouns:
        return None
    if view.parent.category in ("government", "rebels") and view.parent.category != view.category:
        return view.parent.category, view.subgroup, "category:ranks-of-whole"
    return None


def of_group_predicate(view: CategoryView):
    """'one of the martyrs was a civilian': the predicate after 'N of the X was/were'; 'About
    1,800 of them were being held as prisoners of war': the people they are held as."""
    after = view.text[view.cand.figure.end:]
    m = re.match(r"\s+of\s+(?:the|those|them|whom)\b[^,;.]{0,40}?\s+(?:was|were|is|are)\s+(?:an?\s+)?([\w’'-]+(?:\s+[\w’'-]+)?)",
                 after, re.IGNORECASE)
    held = _HELD_AS.match(after)
    if held and _generic(view):
        m = held
    if not m:
        return None
    tokens = m.group(1).lower().split()
    found = view.terms.people_at(tokens, 0)
    if found and " ".join(found[0].words) not in category_words().generic_nouns:
        return found[0].category, found[0].subgroup, f"category:predicate({' '.join(found[0].words)})"
    return None


_HELD_AS = re.compile(r"\s+of\s+(?:them|whom|those)\s+(?:were|are|was|is)\s+(?:being\s+)?(?:held|kept|taken)\s+as\s+"
                      r"(?:an?\s+)?([\w’'-]+(?:\s+[\w’'-]+){0,2})", re.IGNORECASE)


def side_words(view: CategoryView):
    """'rebel fighters', 'pro-government fighters', '5 Houthi forces': the words before the
    noun (or an 'of/from' phrase after it) name the side."""
    noun = view.cand.noun
    if noun is None or noun.category not in ("combatants", "total"):
        return None
    between = view.text[view.cand.figure.end: view.cand.noun_start or view.cand.figure.end]
    of_phrase = _OF_GROUP.match(view.text[view.cand.noun_start:]) if view.cand.noun_start is not None else None
    if of_phrase:
        between += " " + of_phrase.group(1)
    side = _side(view, between)
    if side:
        return side, noun.subgroup, "category:side"
    if noun.category == "combatants" and _named_non_state(between):
        return "rebels", noun.subgroup, "category:named-group"
    return None


def _named_non_state(words_text: str) -> bool:
    """'119 MNLF fighters', '29 Chechen fighters': fighters named by a group or a people that
    is no state's (a state's fighters are its soldiers; "Ukrainian fighters" stays as it is)."""
    from ..context import is_country_name
    from ...lexicon.claim_terms import demonym_words

    caps = [w for w in re.findall(r"[\w'’-]+", words_text) if w[:1].isupper()]
    return bool(caps) and not any(w.lower() in demonym_words() or is_country_name(w) for w in caps)


_OF_PEOPLE = re.compile(r"^\s+(?:of|among)\s+(?:the\s+)?(?P<rest>[\w’'\- ]{2,60})", re.IGNORECASE)


def of_people(view: CategoryView):
    """'800 deaths of health workers', '9 fatalities among the Israeli soldiers': a noun
    that says what happened, then whose people."""
    noun = view.cand.noun
    if noun is None or noun.quantity is None or view.cand.noun_start is None:
        return None
    after = view.text[view.cand.noun_start + len(" ".join(noun.words)):]
    m = _OF_PEOPLE.match(after)
    if not m:
        return None
    words = m.group("rest").lower().split()[:MAX_GROUP_WORDS]
    for i in range(len(words)):
        found = view.terms.people_at(words, i)
        if found and found[0].quantity is None:
            cat = found[0].category
            if cat in ("combatants", "total"):
                cat = _side(view, " ".join(words[:i + 1])) or cat
            return cat, found[0].subgroup, f"category:of({' '.join(found[0].words)})"
    return None


_AND_OTHERS = re.compile(r"^\s+and\s+(?:their\s+|other\s+|some\s+)?(?P<rest>[\w’'\- ]{2,40})", re.IGNORECASE)


# Nouns of people taken in a fight: the other side's fighters, not a prison's inmates.
_CAPTIVE_NOUNS = load_figure_terms().taken_prisoner_nouns


def taken_prisoner(view: CategoryView):
    """'taken more than 400 Iraqi prisoners', 'killed several hundred rebels and taken 200
    prisoners', 'captured 12 prisoners': people taken in a fight are a side's fighters (every
    probe annotator counts them so); a state's demonym says a state's, the fighters counted
    before them in the sentence say whose, else the side facing the claimant."""
    noun = view.cand.noun
    if view.quantity != "detained" or view.category != "prisoners" or noun is None \
            or " ".join(noun.words) not in _CAPTIVE_NOUNS:
        return None
    from ...lexicon.claim_terms import demonym_words

    between = view.text[view.cand.figure.end: view.cand.noun_start or view.cand.figure.end].lower().split()
    if any(w in demonym_words() for w in between):
        return "government", view.subgroup, "category:taken-prisoner(state)"
    side = _side(view, " ".join(between))
    fighters = [c for c in view.earlier if c.category in ("rebels", "government")]
    if side is None and fighters:
        side = fighters[-1].category
    if side is None and view.claimant is not None:
        side = _ENEMY_OF.get(view.claimant.kind)
    return (side or "combatants"), view.subgroup, "category:taken-prisoner"


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





def _starts_vague(text: str) -> bool:
    """'many others', 'a number of': a vague amount (``vague_amounts``) starting the words."""
    low = " ".join(text.lower().split()[:2])
    return any(low == w or low.startswith(w + " ") for w in claim_words().vague_amounts)


def mixed_group(view: CategoryView):
    """'thousands of regime troops and their family members detained': one figure of two
    kinds of people counts people in general."""
    noun = view.cand.noun
    if noun is None or view.cand.noun_start is None or view.cand.continues:
        return None
    m = _AND_OTHERS.match(view.text[view.cand.noun_start + len(" ".join(noun.words)):])
    if not m or find_figures(m.group("rest")) or _starts_vague(m.group("rest")):
        return None  # "137 soldiers and 61 civilians", "killed several hundred rebels and taken 200
        # prisoners", "five of our men and many others are missing": a list of figures
    words = m.group("rest").lower().split()[:MAX_GROUP_WORDS]
    for i in range(len(words)):
        found = view.terms.people_at(words, i)
        if found and found[0].quantity is None:
            other = found[0].category
            if other in ("combatants", "total"):
                other = _side(view, " ".join(words[:i + 1])) or other
            if other not in (view.category, "combatants", "total"):  # "guests and staff": staff are anyone
                return "total", None, "category:mixed-group"
            return None
    return None


_ENEMY = re.compile(r"\b(?:the\s+)?enemy(?:'s)?\b", re.IGNORECASE)
_ENEMY_OF = {"government": "rebels", "opposition": "government", "foreign_government": None}


def enemy(view: CategoryView):
    """'The army said the enemy lost 3,000 fighters': the enemy is the side facing the
    claimant."""
    if view.claimant is None or view.category not in ("combatants", "total"):
        return None
    clause = view.text[max(0, view.cand.figure.start - 40): view.cand.figure.start]
    side = _ENEMY_OF.get(view.claimant.kind)
    if side and _ENEMY.search(clause):
        return side, view.subgroup, "category:enemy-of-claimant"
    return None


# "the division had lost 415 dead", "Federal units lost 357 dead": who lost them, right
# before the figure (a qualifier may stand between).
_LOSER = re.compile(r"(?P<subj>(?:[\w'’.-]+\s+){0,3}[\w'’.-]+)\s+(?:(?:had|has|have)\s+)?(?:also\s+)?lost\s+"
                    rf"[\"“]?(?:{alternation(load_figure_terms().lost_hedges)}\s+)?$", re.IGNORECASE)


# Pronouns before "lost" that point to the speaker ("it had lost", "they lost", "we lost").
_SPEAKER_PRONOUNS = frozenset({"it", "they", "we"})


def losses_of(view: CategoryView):
    """'the division had lost 415 dead', 'the Marines lost 119 killed': a unit of a force
    lost its own people; a named side's losses are that side's."""
    generic = _generic(view)
    if not generic and view.category != "combatants":
        return None
    m = _LOSER.search(view.text[max(0, view.cand.figure.start - 80): view.cand.figure.start])
    if m is None:
        return None
    from ...lexicon.actor_words import actor_words

    from ...lexicon.claim_terms import demonym_words

    subj = m.group("subj")
    last = [w for w in subj.lower().split() if w not in ("had", "has", "have", "also")][-1:]
    if last and last[0] in _SPEAKER_PRONOUNS and view.claimant is not None:
        # "The movement said it had lost three fighters": the speaker's own losses
        side = _claimant_side(view)
        return (side, view.subgroup, "category:losses-of") if side else None
    if not generic:
        return None
    side = _side(view, subj)
    words = set(subj.lower().split())
    if side is None and (words & set(actor_words().unit_nouns) or words & demonym_words()
                         and words & set(actor_words().rank_and_file)):
        side = "government"  # a division or a brigade, "South Vietnamese units": a state's forces
    return (side, view.subgroup, "category:losses-of") if side else None


def owners_losses(view: CategoryView):
    """'U.S. casualties so far are six killed and 33 wounded' in a briefing on a war whose
    U.S. forces the article names: a fighting state's losses are its forces' (``armed_demonyms``);
    'the militants' losses exceeded 1,000 men': a group's are its side's."""
    if not _generic(view):
        return None
    m = category_words().owner_losses_before.search(view.text[:view.cand.figure.start])
    if m is None:
        return None
    owner = m.group("owner")
    word = re.sub(r"['’]s?$", "", owner).lower()
    if owner[:1].islower():  # "the militants' losses", "the army's losses": the group's side
        found = view.terms.people_at([word], 0)
        side = found[0].category if found else _side(view, word)
        return (side, view.subgroup, "category:owners-losses") if side in ("government", "rebels") else None
    if word not in view.armed_demonyms:
        return None
    return "government", view.subgroup, "category:owners-losses"


def own_people(view: CategoryView):
    """'Hezbollah said eight of its fighters were killed', 'The LNA said 14 of its soldiers',
    'three of our heroic comrades were martyred', 'Our own casualties were 12 killed': the
    speaker's own side, whatever the noun's usual side."""
    if view.claimant is None:
        return None
    words = category_words()
    noun = view.cand.noun
    between = view.text[view.cand.figure.end: view.cand.noun_start or view.cand.figure.end]
    fighters = view.category in ("combatants", "government", "rebels")
    comrades = noun is not None and " ".join(noun.words) in words.own_side_nouns  # "29 of our comrades"
    bare = noun is None or " ".join(noun.words) in claim_words().continued_casualty_nouns  # "five dead"
    losses = bare and words.own_losses_before.search(view.text[:view.cand.figure.start])  # "Our own casualties were 12"
    if losses or (fighters or comrades) and words.own_people.search(between):
        side = _claimant_side(view)
        if side:
            return side, view.subgroup, "category:own-side"
    staff = noun is not None and view.category == "total" and " ".join(noun.words) in _STAFF_NOUNS
    if staff and view.claimant.kind in _AID_KINDS and words.own_people.search(between):
        # "Two of our Liberian staff members were wounded" in an MSF release, "13 of its staff"
        # said by UNRWA: an aid body's own staff are aid workers
        return "civilians", "aid workers", "category:own-staff"
    return None


def _claimant_side(view: CategoryView) -> str | None:
    """The category of the claimant's own fighters: its kind's, else what its name says ("a
    soldier who escaped the attack", "Republican Forces commander")."""
    claimant = view.claimant
    side = KIND_CATEGORY.get(claimant.kind)
    if side or claimant.kind != "unknown":
        return side
    named = _side(view, claimant.name)
    if named:
        return named
    tokens = re.findall(r"[\w'’-]+", claimant.name.lower())
    for i in range(len(tokens)):
        found = view.terms.people_at(tokens, i)
        if found and found[0].category in ("government", "rebels"):
            return found[0].category
    return None


# Kinds of claimant whose own staff are civilians (aid, health and UN workers), and the nouns of staff.
_AID_KINDS = frozenset({"ngo", "un", "medical", "monitor"})
_STAFF_NOUNS = load_figure_terms().staff_nouns


def _side(view: CategoryView, words_text: str) -> str | None:
    """The side the words name: a known actor first ("Islamic State fighters"), then
    words such as "pro-government" or "rebel"."""
    from ..actors import load_actors

    for match in load_actors().match(words_text, view.countries):
        side = SIDE_CATEGORY.get(match.actor.side)
        if side:
            return side
    words = category_words()
    if words.government.search(words_text):
        return "government"
    if words.rebels.search(words_text):
        return "rebels"
    return None


# The category rules, in order; each may refine what the earlier ones gave.
CATEGORY_RULES: tuple[CategoryRule, ...] = (continues_earlier, casualty_noun_continues, displaced_people, group_before, ranks_of_whole,
                                            of_group_predicate, of_people, side_words, losses_of, owners_losses, own_people, enemy,
                                            enemy_nationals, taken_prisoner, mixed_group)


def category(view: CategoryView) -> tuple[str, str | None, str]:
    """(category, subgroup, rules applied)."""
    noun: PeopleNoun | None = view.cand.noun
    view.category = noun.category if noun else "total"
    view.subgroup = noun.subgroup if noun else None
    applied = []
    for rule in CATEGORY_RULES:
        out = rule(view)
        if out is not None:
            view.category, view.subgroup, name = out
            applied.append(name)
    return view.category, view.subgroup, " ".join(applied)
