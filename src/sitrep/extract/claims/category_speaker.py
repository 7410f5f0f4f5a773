"""Category rules that read who speaks: a speaker's own losses and people ("eight of its
fighters", "Our own casualties were 12"), the losses a party is said to have suffered, and
"the enemy" of the speaker. Run in the order of ``category.CATEGORY_RULES``."""

from __future__ import annotations

import re
from functools import lru_cache

from ...lexicon.attribution_terms import say_forms
from ...lexicon.claim_terms import category_words, claim_words, demonym_plurals, demonym_words, load_attribution_terms, load_figure_terms
from ...lexicon.claim_rule_words import in_order, word_set
from ...lexicon.patterns import alternation
from .category_view import AID_KINDS, ENEMY_OF, KIND_CATEGORY, CategoryView, armed_acronym, enemy_of_claimant, generic_noun, side_of

# The nouns of staff (an aid body's own are aid workers: ``AID_KINDS``).
_STAFF_NOUNS = load_figure_terms().staff_nouns


_ENEMY = re.compile(r"\b(?:the\s+)?enemy(?:'s)?\b", re.IGNORECASE)


def enemy(view: CategoryView):
    """'The army said the enemy lost 3,000 fighters': the enemy is the side facing the
    claimant."""
    noun = view.cand.noun
    if view.claimant is None or noun is not None and noun.category not in ("combatants", "total"):
        return None  # (people of a side's own noun stay theirs: "the enemy killed 12 soldiers")
    continued = bool(view.earlier) and view.earlier[-1].category == view.category  # a side carried over
    if view.category not in ("combatants", "total") and not continued:
        return None
    clause = view.text[max(0, view.cand.figure.start - 40): view.cand.figure.start]
    # "Our losses are 9 dead, and the enemy left 40 dead": the enemy's, though the figure
    # continues the speaker's own (a body of no known kind that fights: ``_claimant_side``)
    side = enemy_of_claimant(view.claimant, view.armed_demonyms, view.countries) \
        or {"rebels": "government", "government": "rebels"}.get(_claimant_side(view) or "")
    if side and _ENEMY.search(clause):
        return side, view.subgroup, "category:enemy-of-claimant"
    return None


# "the division had lost 415 dead", "Federal units lost 357 dead": who lost them, right
# before the figure (a qualifier may stand between).
_LOSER = re.compile(r"(?P<subj>(?:[\w'’.-]+\s+){0,3}[\w'’.-]+)\s+(?:(?:had|has|have)\s+)?(?:also\s+)?"
                    rf"{in_order('loss_verbs')}\s+[\"“]?(?:{alternation(load_figure_terms().lost_hedges)}\s+)?$", re.IGNORECASE)


# "the campaign has cost the army 49 dead": the one a fight cost its people (set CZ's La Paz
# communique), read as a loser is.
_COST_TO = re.compile(rf"\bcost\s+(?P<subj>(?:the\s+|its\s+|their\s+)?(?:[\w'’.-]+\s+){{0,2}}[\w'’.-]+)\s+[\"“]?"
                      rf"(?:{alternation(load_figure_terms().lost_hedges)}\s+)?$", re.IGNORECASE)


_SAY_FORMS = say_forms()


def loser_phrase(subj: str) -> str:
    """The words after the last speech verb or "that" of the words before "lost": "The RSF
    said the army had lost 300 dead" names the army as the loser, not the RSF."""
    words = subj.split()
    cut = max((i + 1 for i, w in enumerate(words) if w.lower() in _SAY_FORMS or w.lower() == "that"), default=0)
    return " ".join(words[cut:]) if cut < len(words) else subj


# Pronouns before "lost" that point to the speaker ("it had lost", "they lost", "we lost").
# The speaker as subject of "lost": "it", "they", "we", and a speaking body's common noun ("the
# movement had lost only two comrades" said by M23's spokesman; "the Coalition regrets").
_SPEAKER_PRONOUNS = frozenset({"it", "they", "we"}) | word_set("speaker_body_nouns")


def losses_of(view: CategoryView):
    """'the division had lost 415 dead', 'the Marines lost 119 killed': a unit of a force
    lost its own people; a named side's losses are that side's."""
    generic = generic_noun(view)
    if not generic and view.category != "combatants":
        return None
    before = view.text[max(0, view.cand.figure.start - 80): view.cand.figure.start]
    m = _LOSER.search(before) or _COST_TO.search(before)
    if m is None:
        return None
    from ...lexicon.actor_words import actor_words

    subj = loser_phrase(m.group("subj"))
    kept = [w for w in subj.lower().split() if w not in ("had", "has", "have", "also")]
    last = kept[-1:]
    # "their contingent had lost 14 men", "Our valiant forces suffered 8 dead" (set X's Honduran bulletin)
    owned = len(kept) >= 2 and any(w in ("its", "their", "our") for w in kept[:-1])
    if (last and last[0] in _SPEAKER_PRONOUNS or owned) and view.claimant is not None:
        # "The movement said it had lost three fighters": the speaker's own losses
        side = _claimant_side(view)
        return (side, view.subgroup, "category:losses-of") if side else None
    if not generic:
        # "the paramilitary forces had lost 67 fighters": fighters of the side the word before
        # the loser's head names (set AP); "the people's army", "the enemy" name none
        side = side_of(view, subj.split()[-2]) if len(subj.split()) > 1 else None
        return (side, view.subgroup, "category:losses-of") if side else None
    if view.claimant is not None and view.claimant.kind == "opposition" and last \
            and last[0] in _OWN_BODY_WORDS and kept[-2:-1] == ["the"]:
        # "a Mahdi Army commander said the militia had lost 15 martyrs": a non-state side's
        # speaker's "the militia" is his own (set AN's Basra story)
        return "rebels", view.subgroup, "category:losses-of"
    side = side_of(view, subj)
    words = set(subj.lower().split())
    if side is None and (words & set(actor_words().unit_nouns) or words & demonym_words()
                         and words & set(actor_words().rank_and_file)):
        side = "government"  # a division or a brigade, "South Vietnamese units": a state's forces
    if side is None and last and (found := view.terms.people_at(last, 0)) and found[0].category in ("government", "rebels"):
        side = found[0].category  # "The defenders lost four men killed": the loser's own side (set BW's Mirbat story)
    if side is None and last and demonym_plurals().get(last[0]) in view.armed_demonyms:
        side = "government"  # "The Canadians lost 10 killed", their forces named: a state's losses are its forces' (set BT)
    return (side, view.subgroup, "category:losses-of") if side else None


def owners_losses(view: CategoryView):
    """'U.S. casualties so far are six killed and 33 wounded' in a briefing on a war whose
    U.S. forces the article names: a fighting state's losses are its forces' (``armed_demonyms``);
    'the militants' losses exceeded 1,000 men': a group's are its side's."""
    if not generic_noun(view):
        return None
    m = category_words().owner_losses_before.search(view.text[:view.cand.figure.start])
    # "The losses of the Home Army ... amounted to over 500 killed": no owner before "losses"
    return (_possessive_owner(view, m) if m is not None else None) or _force_named_with_of(view)


def _possessive_owner(view: CategoryView, m: re.Match[str]):
    """The side of the owner named before "losses" ("U.S. casualties", "the militants' losses",
    "the Home Army's losses"), or None."""
    owner = m.group("owner") or m.group("owner_dead")
    word = re.sub(r"['’]s?$", "", owner).lower()
    if owner[:1].islower():  # "the militants' losses", "the army's losses": the group's side
        from ...lexicon.actor_words import actor_words

        found = view.terms.people_at([word], 0)
        side = found[0].category if found else side_of(view, word)
        if side is None and word in actor_words().unit_nouns:
            side = "government"  # "the battalion's losses": a unit of a state's forces (set BT's Kapyong story)
        return (side, view.subgroup, "category:owners-losses") if side in ("government", "rebels") else None
    if word not in view.armed_demonyms and not _speakers_state(view, word):
        side = side_of(view, owner)  # "KNLA casualties were 21 killed": a named armed group's (set U's KNU release)
        if side is None and armed_acronym(owner):
            # "It estimated LTTE losses at 1,781 killed": a group's acronym no file knows as an
            # unarmed body or a state's is a movement's, as "87 MNLF members" are (set BH's Jaffna sitrep)
            side = "rebels"
        return (side, view.subgroup, "category:owners-losses") if side in ("government", "rebels") else None
    return "government", view.subgroup, "category:owners-losses"


def _force_named_with_of(view: CategoryView):
    """'had put the losses of the security forces at 60 dead': the force's own side."""
    m = category_words().losses_of_owner.search(view.text[:view.cand.figure.start])
    if m is None:
        return None
    words = m.group("owner").lower().split()
    found = next((f for i in range(len(words)) if (f := view.terms.people_at(words, i))), None)
    side = side_of(view, m.group("owner")) or (found[0].category if found else None)
    return (side, view.subgroup, "category:owners-losses") if side in ("government", "rebels") else None


def _speakers_state(view: CategoryView, word: str) -> bool:
    """Whether ``word`` ("U.S.") names the state of the body that speaks ("US Department of
    Defense" giving "U.S. losses" in its briefing): the state's own losses are its forces'."""
    from ..actors import alias_key, load_actors

    if view.claimant is None or view.claimant.kind not in ("government", "foreign_government"):
        return False
    states = load_actors().states
    state = states.get(alias_key(word))
    first = view.claimant.name.split()[0] if view.claimant.name.split() else ""
    return state is not None and states.get(alias_key(first), (None,))[0] == state[0]


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
    bare = noun is None or " ".join(noun.words) in claim_words().continued_casualty_nouns \
        or view.cand.rule == f"figure+list-label:{' '.join(noun.words)}" \
        or view.cand.rule == "figure+toll-noun"  # "five dead", "killed, 9;", "put its own dead at 46" (set CZ)
    # "Our own casualties were 12", "his own side's losses at up to six men" (set W's Mogadishu digest)
    losses = (bare or comrades) and words.own_losses_before.search(view.text[:view.cand.figure.start])
    ranks = _OWN_RANKS_AFTER.match(view.text, view.cand.figure.end)  # "537 dead in its own ranks"
    # "Our martyrs number 73": the subject's possessive before its count (figure_counts.casualty_noun_is)
    ours = view.cand.rule == "figure+noun-is" and _OWN_SUBJECT_BEFORE.search(view.text[:view.cand.figure.start])
    # "our forces have lost 12 men", "we lost seven comrades": the speaker's side lost them
    lost = (view.category in ("combatants", "total") or comrades or bare) \
        and _OWN_LOSS_BEFORE.search(view.text[:view.cand.figure.start])  # ("we lost seven soldiers": theirs)
    # "11 comrades who were wounded" in a movement's statement: comrades are always the speaker's
    if losses or ranks or ours or lost or (fighters or comrades) and words.own_people.search(between) \
            or noun is not None and noun.words == ("comrades",):
        side = _claimant_side(view)
        if side:
            return side, view.subgroup, "category:own-side"
    staff = noun is not None and view.category == "total" and " ".join(noun.words) in _STAFF_NOUNS
    if staff and view.claimant.kind in AID_KINDS and words.own_people.search(between):
        # "Two of our Liberian staff members were wounded" in an MSF release, "13 of its staff"
        # said by UNRWA: an aid body's own staff are aid workers
        return "civilians", "aid workers", "category:own-staff"
    return None


# The speaker's side as the subject of a loss right before the figure ("our forces have lost",
# "we lost"; set AC's Mauritanian defence ministry statement; checked on sets J-AB).
_OWN_LOSS_BEFORE = re.compile(r"(?:\bwe|\bour\s+(?:[\w-]+\s+){0,2}?[\w-]+)\s+(?:have\s+|had\s+|has\s+)?lost\s+"
                              rf"(?:{alternation(load_attribution_terms().figure_first_hedges)}\s+)?$", re.IGNORECASE)
_OWN_SUBJECT_BEFORE = re.compile(r"\b(?:our|its)\s+(?:own\s+)?[\w-]+\s+[\w-]+\s+(?:[\w-]+\s+)?$", re.IGNORECASE)
# "acknowledged 537 dead in its own ranks", "30 killed among their ranks": the speaker's own.
_OWN_RANKS_AFTER = re.compile(r"\s+(?:[\w-]+\s+){0,2}?(?:in|among|from)\s+(?:its|their|our)\s+(?:own\s+)?ranks\b",
                              re.IGNORECASE)


def _claimant_side(view: CategoryView) -> str | None:
    """The category of the claimant's own fighters: its kind's, else what its name says ("a
    soldier who escaped the attack", "Republican Forces commander"); none for a town's or a
    district's officer, whose own people are its residents."""
    claimant = view.claimant
    tokens = re.findall(r"[\w'’-]+", claimant.name.lower())
    if _CIVIL_OFFICES.intersection(tokens):
        return None  # a town's officer: "we lost more than 100 people" are the town's (set AN's Amerli mayor)
    side = KIND_CATEGORY.get(claimant.kind)
    if side or claimant.kind not in ("unknown", "ngo"):
        return side
    if claimant.kind == "ngo":  # a "council" of mujahideen counting its own losses is an armed party's
        return "rebels" if _ARMED_BODY_WORDS.intersection(tokens) else None
    named = side_of(view, claimant.name)
    if named:
        return named
    for i in range(len(tokens)):
        found = view.terms.people_at(tokens, i)
        if found and found[0].category in ("government", "rebels"):
            return found[0].category
    if _ARMED_BODY_WORDS.intersection(tokens):
        # a body no file knows, named as an armed party ("Northern Alliance", "Permanent
        # Strategic Framework ... of Azawad"), that counts its own losses: a state's bodies
        # are known or of a state's kind, so this one fights the state (sets AE and AF)
        return "rebels"
    return None


# What a non-state side's speaker calls his own body ("the militia had lost 15 martyrs").
_OWN_BODY_WORDS = word_set("own_body_words")


# Offices of a town or a district, whose "we" is its people, not a force.
_CIVIL_OFFICES = word_set("civil_offices")


# Words of an armed party's name (a front, an alliance, a movement's forces).
_ARMED_BODY_WORDS = word_set("armed_body_words")


def unsided_fighters(view: CategoryView):
    """'Amman said then that more than 200 fighters had been killed': fighters no earlier rule
    gave a side are a non-state group's (``unsided_fighters``), as a state's forces are
    named soldiers, troops or police; the gold sets count them as rebels."""
    noun = view.cand.noun
    if view.category != "combatants" or noun is None:
        return None
    words = " ".join(noun.words)
    if words in claim_words().militia_nouns and view.claimant is not None:
        # "the army said 18 militiamen were killed": a militia counted by a side is its
        # enemy's (the Mahdi Army's for Iraq's ministry, a state's for the Islamic State)
        enemy_side = ENEMY_OF.get(view.claimant.kind)
        return (enemy_side, view.subgroup, "category:unsided-fighters") if enemy_side else None
    if words not in claim_words().unsided_fighters:
        return None
    if _BOTH_SIDES.match(view.text, view.cand.figure.end):
        return None  # "213 fighters from both sides": combatants of every side
    after = view.text[view.cand.figure.end:view.cand.figure.end + 60].lower()
    between = after[:after.find(noun.words[0])] if noun.words[0] in after else ""
    if set(re.findall(r"[a-z]+", between)) & demonym_words():
        return None  # "Twelve Ukrainian fighters", "200 Malian and 40 Russian fighters": a state's people
    return "rebels", view.subgroup, "category:unsided-fighters"


_BOTH_SIDES = re.compile(r"\s+(?:[\w-]+\s+){0,2}?(?:from|on|of)\s+(?:both|all|either|the\s+two)\s+sides\b", re.IGNORECASE)


def attackers_counted(view: CategoryView):
    """'police say 19 young men who attacked the district police station were shot dead':
    people a relative clause says attacked are the attackers, a non-state side's (rebels);
    not people of a named side or civilians."""
    if view.category not in ("total", "combatants"):
        return None
    if not _attackers_rx().match(view.text, view.cand.figure.end):
        return None
    return "rebels", view.subgroup, "category:attackers-counted"


def rising_joined(view: CategoryView):
    """'133 officers and 956 enlisted men who took part in the rebellion': people a relative
    clause says took part in a rising are its side, rebels, soldiers too; not civilians."""
    if view.category == "civilians" or not _rising_rx().match(view.text, view.cand.figure.end):
        return None
    return "rebels", view.subgroup, "category:rising-joined"


@lru_cache(maxsize=1)
def _rising_rx() -> re.Pattern[str]:
    words = claim_words()
    joining = alternation(sorted(words.revolt_joining, key=len, reverse=True))
    risings = alternation(sorted(words.revolt_nouns, key=len, reverse=True))
    return re.compile(rf"[^.;:]{{0,60}}?\b(?:who|that)\s+{joining}\s+(?:the|a|an|this|that|their)\s+"
                      rf"(?:[\w'’-]+\s+){{0,2}}?{risings}\b", re.IGNORECASE)


@lru_cache(maxsize=1)
def _attackers_rx() -> re.Pattern[str]:
    verbs = alternation(sorted(claim_words().attacker_verbs, key=len, reverse=True))
    return re.compile(rf"\s+(?:[\w'’-]+\s+){{0,3}}?(?:who|that)\s+{verbs}\b", re.IGNORECASE)


# Nouns of a state's soldiers that, held by that state in a story of a coup, are mutineers.
_SOLDIER_WORDS = frozenset({"soldiers", "officers", "troops", "servicemen", "paratroopers", "cadets", "officers and soldiers",
                            "soldiers and officers", "military officers", "army officers"})


def soldiers_held_after_a_coup(view: CategoryView):
    """'the ministry said some 900 officers and men had been arrested' in a story
    of a failed coup or a mutiny: soldiers their own state holds are the mutineers (set CZ's
    Caracas newscast); "30 Russian soldiers were captured", another state's, stay its forces."""
    noun = view.cand.noun
    if not view.coup_story or view.quantity != "detained" or view.category != "government" or noun is None \
            or " ".join(noun.words) not in _SOLDIER_WORDS or view.claimant is None or view.claimant.kind != "government":
        return None
    between = view.text[view.cand.figure.end:view.cand.noun_start or view.cand.figure.end].lower().split()
    if any(w in demonym_words() for w in between):
        return None
    return "rebels", view.subgroup, "category:held-after-a-coup"


_SHIP_CREW_WORDS = frozenset({"sailors", "seafarers", "seamen", "crew", "crewmen", "crew members"})
_NAVAL = re.compile(r"\bnav(?:y|al)\b", re.IGNORECASE)


def navy_sailors(view: CategoryView):
    """'The Navy says seven sailors have been killed': sailors a navy counts are its own, a
    state's forces (set DB's Goa live blog); a merchant ship's crew counted by a command or a
    ministry stays seafarers."""
    noun = view.cand.noun
    if noun is None or " ".join(noun.words) not in _SHIP_CREW_WORDS or view.claimant is None \
            or view.claimant.kind not in ("government", "foreign_government", "unknown") \
            or not _NAVAL.search(f"{view.claimant.name} {view.claimant.as_written or ''}"):
        return None
    return "government", None, "category:navy-sailors"
