"""Whose people a figure counts: the category rules, in order.

The people noun gives a first category ("children" are civilians, "soldiers" government).
Later rules refine it: the words naming a side ("pro-government fighters", "Houthi
forces"), a speaker's own fighters ("eight of its fighters"), the group a figure is part
of ("among the dead servicemen, 180 were ..."), the figure a bare one continues ("9
civilians were killed and 31 wounded": 31 civilians). Each rule returns ``(category,
subgroup, rule)`` or None; the rule is the ``category:...`` part of the claim's rule (the
noun rule leaves none: the ``figure+noun`` part already says it). The rules that read who
speaks (its own losses, its people, its enemy) are in ``category_speaker``, a toll's people
in ``category_toll``, another state's nationals and a figure of two kinds of people in
``category_mixed``; what all rules read is ``category_view.CategoryView``.
"""

from __future__ import annotations

import re

from ...lexicon.claim_rule_words import in_order, word_set
from ...lexicon.claim_terms import PeopleNoun, category_words, claim_words, load_attribution_terms, load_figure_terms
from ..numbers import find_figures
from .category_speaker import (attackers_counted, enemy, losses_of, own_people, owners_losses, rising_joined,
                               navy_sailors, soldiers_held_after_a_coup, unsided_fighters)
from .category_mixed import enemy_nationals, mixed_group, nationals_of_soldiers_before
from .category_toll import toll_of_people
from .category_view import (AID_KINDS, MAX_GROUP_WORDS, CategoryRule, CategoryView, armed_acronym, enemy_of_claimant, generic_noun,
                            first_people, named_army, side_of)

# "members of the PKK/YPG", 'members of "armed gangs"', "persons suspected of belonging to
# illegal armed formations": the group a generic noun's people belong to.
# (An "and" ends the group unless one force noun closes both words: "members of the defence
# and security forces", set AK's Niger digest.)
_OF_GROUP = re.compile(r"^[\w-]+\s+(?:(?:suspected\s+of\s+)?(?:belonging|linked)\s+to|of|from|among)\s+"
                       r"((?:the|a|an)?\s*[\w'’ \"“”/-]{1,40}?)(?=[,.;]|\s*\(|\s+(?:who|which|that|in|on|at|were|was|have|has|had|are|is|"
                       rf"{in_order('group_end_verbs')})\b|\s+and\b(?!\s+[\w-]+\s+(?:forces|services)\b)|$)",
                       re.IGNORECASE)
# Words before a figure searched for the group it is part of ("among the dead servicemen,").
MAX_GROUP_CHARS = 160


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
# and verb ("29 soldiers killed and two seriously wounded", 'of our fighters were martyred and',
# '"armed criminals" were killed and'), a few words, quoted or not, no other figure. Six words:
# sets AA's and V's "N of our fighters were martyred" (five); longer spans name other people
# in between ("12 rebels were killed in clashes with soldiers and 30 wounded").
_AND_AFTER_FIGURE = re.compile(r"^(?:\s*[\"“”‘]?[\w'’-]+[\"“”’]?){0,6}?\s*(?:,\s*)?and\s+(?:[a-z]+\s+){0,2}$")
# "Seven soldiers of the Royal Bhutan Army had been killed and 19 others wounded": "others"
# says the figure continues the first one's people, across a longer clause (set AD's Bhutan
# digest; checked on sets J-AB).
_AND_OTHERS_AFTER_FIGURE = re.compile(r"^(?:\s*[\w'’-]+){0,12}?\s*(?:,\s*)?and\s+$")
_OTHERS = re.compile(r"\s+others\b")


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
    others = _OTHERS.match(view.text, view.cand.figure.end) is not None
    # "Six civilians died and 40 others were hurt": others who suffered something else are more
    # of the same people, civilians too (set DG's Goma blog, dev2's Lebanon); others of the same
    # fate ("five civilians were wounded and 30 others injured") are people besides them (the
    # seeds' Idlib).
    others_of_the_same = others and view.quantity is not None and view.quantity != last.quantity
    if last.category not in ("government", "rebels", "combatants") and not others_of_the_same \
            or any(ch.isdigit() for ch in between) \
            or not (_AND_AFTER_FIGURE.match(between) or others and _AND_OTHERS_AFTER_FIGURE.match(between)):
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
    if not generic_noun(view):
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
                cat = side_of(view, tail.split(",")[0]) or noun.category  # "the dead fighters of the M23,"
                if cat in ("total", "combatants") and words.civilian_modifiers.intersection(tokens[:i]):
                    cat = "civilians"  # "Among the peaceful citizens of the village, five were martyred" (set BW)
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


_ORIGIN_NOUNS = word_set("origin_nouns")


def origin_of_whole(view: CategoryView):
    """'14 militants had been captured, among them three foreign nationals': people named by
    where they come from, in a breakdown of one side's fighters, are that side's."""
    noun = view.cand.noun
    if view.parent is None or noun is None or " ".join(noun.words) not in _ORIGIN_NOUNS:
        return None
    if view.parent.category in ("government", "rebels") and view.parent.category != view.category:
        return view.parent.category, view.subgroup, "category:origin-of-whole"
    return None


def part_of_a_side(view: CategoryView):
    """'37 civilians were killed, including 10 Kurds', '... 12 of them Armenians': a part of a
    figure of civilians named by no side's noun is civilians too (set AF's Xinjiang analysis;
    "Russians" counted among civilians are no enemy soldiers); a part of a side's fighters is
    that side's ('40 militants, including eight Afghan citizens': set BX's Khorog story), so
    are the women among them ('Thirteen aggressors, among them four women, were taken
    prisoner': set CA's La Tablada communique)."""
    if view.parent is None or view.parent.category not in ("civilians", "rebels", "government"):
        return None
    women_fighters = view.category == "civilians" and view.subgroup == "women" and view.parent.category != "civilians"
    if view.category != "total" and not women_fighters:
        return None
    part, whole = view.cand.figure.value, view.parent.value
    if view.parent.category != "civilians" and (part is None or whole is None or part >= whole):
        return None  # "Nine soldiers were killed. The toll in the province has risen to 40": more people
    return view.parent.category, view.subgroup, "category:part-of-a-side"


def of_group_predicate(view: CategoryView):
    """'one of the martyrs was a civilian': the predicate after 'N of the X was/were'; 'About
    1,800 of them were being held as prisoners of war': the people they are held as."""
    after = view.text[view.cand.figure.end:]
    m = re.match(r"\s+of\s+(?:the|those|them|whom)\b[^,;.]{0,40}?\s+(?:was|were|is|are)\s+(?:an?\s+)?([\w’'-]+(?:\s+[\w’'-]+)?)",
                 after, re.IGNORECASE)
    held = _HELD_AS.match(after)
    if held and generic_noun(view):
        m = held
    if not m:
        return None
    tokens = m.group(1).lower().split()
    found = view.terms.people_at(tokens, 0)
    if found and " ".join(found[0].words) not in category_words().generic_nouns:
        return found[0].category, found[0].subgroup, f"category:predicate({' '.join(found[0].words)})"
    if tokens[:1] and tokens[0] in category_words().civilian_modifiers and view.terms.people_at(tokens, 1):
        # "20 of the dead were unarmed people": people the predicate calls unarmed (set CU's Kingston bulletin)
        return "civilians", view.subgroup, f"category:predicate({tokens[0]})"
    return None


_HELD_AS = re.compile(rf"\s+of\s+(?:them|whom|those)\s+(?:were|are|was|is)\s+(?:being\s+)?{in_order('held_as_verbs')}\s+as\s+"
                      r"(?:an?\s+)?([\w’'-]+(?:\s+[\w’'-]+){0,2})", re.IGNORECASE)


# A movement's, front's or army's own name ("the Free Aceh Movement", "the Moro National
# Liberation Front").
_BODY_NAME = re.compile(r"^(?:the\s+)?(?P<words>(?:[A-Z][\w'’-]+\s+){1,5})(?:Movement|Front|Army)\b")


def _insurgent_body_name(text: str) -> bool:
    """A body named with a word of a non-state armed group's names ("Free", "Liberation",
    "Resistance"): the rank and file of a rebel group no file knows."""
    from ...lexicon.actor_words import actor_words

    m = _BODY_NAME.match(text.strip())
    return bool(m) and bool({w.lower() for w in m.group("words").split()} & actor_words().insurgent_name_words)


_TURNED_ON_THE_STATE = re.compile(r"\b(?:mutinous|mutinying|mutineer|renegade|rebellious|rogue)\s+(?:[a-z]+\s+)?$", re.IGNORECASE)


def side_words(view: CategoryView):
    """'rebel fighters', 'pro-government fighters', '5 Houthi forces': the words before the
    noun (or an 'of/from' phrase after it) name the side."""
    noun = view.cand.noun
    if noun is not None and noun.category == "government" and view.cand.noun_start is not None:
        if _TURNED_ON_THE_STATE.search(view.text[view.cand.figure.end: view.cand.noun_start]):
            # "60 of the mutinous soldiers", "12 renegade policemen": a state's men who rose
            # against it are rebels (set CX's Lesotho 1998 bulletin)
            return "rebels", noun.subgroup, "category:side"
        if _named_rebels(view, view.text[view.cand.figure.end: view.cand.noun_start]):
            return "rebels", noun.subgroup, "category:side"  # "four KIA soldiers": a rebel army's (set AB's Kachin wire)
        of_phrase = _OF_GROUP.match(view.text[view.cand.noun_start:])
        if of_phrase and of_phrase.group(0).split()[1].lower() == "of" and side_of(view, of_phrase.group(1)) == "rebels":
            return "rebels", noun.subgroup, "category:side"  # '1,200 soldiers of "the secessionist clique"' (set T)
    if noun is None or noun.category not in ("combatants", "total"):
        return None
    between = view.text[view.cand.figure.end: view.cand.noun_start or view.cand.figure.end]
    before_noun = between
    of_phrase = _OF_GROUP.match(view.text[view.cand.noun_start:]) if view.cand.noun_start is not None else None
    if of_phrase:
        between += " " + of_phrase.group(1)
    members = " ".join(noun.words) in category_words().group_member_nouns
    if members and (of_phrase and _CIVIL_BODY.match(of_phrase.group(1)) or _CIVIL_BODY_BEFORE.search(before_noun)):
        # "30 members of the government", "members of parliament", "30 other government members":
        # ministers and lawmakers are
        # civilians, no state force (set BH's Fiji coup story)
        return "civilians", noun.subgroup, "category:side"
    if members and of_phrase and _STATE_UNIT_END.search(of_phrase.group(1)) and side_of(view, of_phrase.group(1)) is None:
        # "five members of the company", "members of the garrison": soldiers of a unit no side
        # word names, a state's (set CX's Jadotville bulletin)
        return "government", noun.subgroup, "category:side"
    if members and of_phrase and _FAMILIES_END.search(of_phrase.group(1)):
        # "33 members of officers' families": the officers' kin are civilians, not their side
        # (set CW's Pilkhana relay)
        return "civilians", noun.subgroup, "category:family"
    side = side_of(view, between)
    if side:
        return side, noun.subgroup, "category:side"
    if _AID_NAME.search(before_noun):
        return "civilians", noun.subgroup, "category:aid-body"  # "A Red Cross volunteer": an aid worker
    if noun.category == "combatants" and _named_non_state(between):
        return "rebels", noun.subgroup, "category:named-group"
    if " ".join(noun.words) in category_words().group_member_nouns and armed_acronym(between):
        return "rebels", noun.subgroup, "category:named-group"  # "87 MNLF members", "14 members of the MRTA"
    if members and of_phrase and _insurgent_body_name(of_phrase.group(1)):
        return "rebels", noun.subgroup, "category:named-group"  # "62 members of the Free Aceh Movement" (set CQ)
    return None


# An aid body's name before the people noun ("A Red Cross volunteer", "two UNICEF staff").
_AID_NAME = re.compile(rf"(?<![\w-])(?-i:{in_order('aid_names')})(?![\w-])")


# A government's civil bodies: their members are ministers and lawmakers, not its forces.
_CIVIL_BODY = re.compile(r"^\s*(?:the\s+|his\s+|her\s+|their\s+|its\s+)?(?:[A-Z][\w'’-]*\s+)?(?:government|cabinet|parliament|"
                         r"legislature|senate|congress|national\s+assembly|assembly)\b(?!['’-]|\s+(?:forces|troops|army|soldiers|militias?|"
                         r"security|side|fighters|units))", re.IGNORECASE)


_STATE_UNIT_END = re.compile(r"^(?:the|that|this|its|their)\s+(?:[a-z]+\s+)?(?:company|battalion|brigade|regiment|platoon|garrison|"
                             r"squadron|patrol)\s*$", re.IGNORECASE)
_FAMILIES_END = re.compile(r"\b(?:famil(?:y|ies)|households?)\s*$", re.IGNORECASE)
_CIVIL_BODY_BEFORE = re.compile(r"\b(?:government|cabinet|parliament(?:ary)?)\s*$", re.IGNORECASE)


# "5 villagers and 2 from the attackers side", "three on the government's side": whose side
# a figure with no people noun of its own is from (set AF's Poso daily; Nigeria, Congo-like).
_FROM_A_SIDE = re.compile(r"\s+(?:from|of|on)\s+(?:the\s+)?(?P<who>[\w-]+(?:\s+[\w-]+)?)(?:['’]s?)?\s+side\b",
                          re.IGNORECASE)


def from_a_side(view: CategoryView):
    """'consist of 5 villagers and 2 from the attackers side': a bare figure from a side
    named after it is of that side (its people noun, or its name)."""
    if view.cand.noun is not None and view.cand.rule != "figure+ellipsis":
        return None  # (an ellipsis borrows the noun before it: "5 villagers and 2 from ...")
    m = _FROM_A_SIDE.match(view.text, view.cand.figure.end)
    if m is None:
        return None
    words = m.group("who").lower().split()
    found = next((f for i in range(len(words)) if (f := view.terms.people_at(words, i))), None)
    side = side_of(view, m.group("who")) or (found[0].category if found else None)
    return (side, None, "category:from-a-side") if side in ("government", "rebels", "civilians") else None


# "put federal losses at 87 dead", "estimated rebel casualties at 300 killed": a side's losses
# a figure gives the value of.
# ("put Israel's own losses since the campaign began at 171 dead": a possessive side and a
# time phrase before "at"; set CT's Suez bulletin)
_SIDES_LOSSES_AT = re.compile(r"\b(?:put|puts|putting|placed|places|estimated|estimates|gave|gives)\s+"
                              r"(?:the\s+)?(?P<side>[\w-]+(?:\s+[\w-]+)??)(?P<owner>['’]s)?(?:\s+own)?\s+(?:losses|casualties|dead|death\s+toll)"
                              r"(?:\s+(?:since|in|during|over|from)\b[^,;:]{1,60}?)?\s+"
                              r"(?:at|as)\s+(?:about\s+|some\s+|around\s+|nearly\s+|over\s+|more\s+than\s+|at\s+least\s+)?$",
                              re.IGNORECASE)


def sides_losses(view: CategoryView):
    """'He put federal losses at 87 dead and 230 wounded': the losses are the side's the
    word before them names (set CJ's Biafra wire; "Argentine losses" a state's)."""
    if view.category != "total":
        return None
    m = _SIDES_LOSSES_AT.search(view.text, max(0, view.cand.figure.start - 80), view.cand.figure.start)
    if m is None or m.end() != view.cand.figure.start:
        return None
    side = "civilians" if m.group("side").lower().startswith("civilian") else side_of(view, m.group("side"))
    if side is None:
        from ..context import is_country_name

        # "Israel's own losses": a state's, named as their owner ("the Somali dead" are a people's)
        side = "government" if m.group("owner") and is_country_name(m.group("side")) else None
    return (side, view.subgroup, "category:sides-losses") if side in ("government", "rebels", "civilians") else None


# "soldiers on both sides", "troops of the two sides": the noun's people in every side; not
# "on both sides of the border", a place.
_ALL_SIDES_AFTER = re.compile(r"\s+(?:from|on|of)\s+(?:both|all|either|the\s+two)\s+sides\b(?!\s+of\b)", re.IGNORECASE)


def both_sides(view: CategoryView):
    """'several thousand soldiers on both sides had died': fighters of both sides lumped are
    combatants (GUIDE), whatever side the noun alone names (set CK's Badme story)."""
    noun = view.cand.noun
    if noun is None or view.cand.noun_start is None or view.category not in ("government", "rebels"):
        return None
    if not _ALL_SIDES_AFTER.match(view.text, view.cand.noun_start + len(" ".join(noun.words))):
        return None
    return "combatants", view.subgroup, "category:both-sides"


def unarmed_people(view: CategoryView):
    """'"thousands" of their unarmed followers', '12 defenceless villagers': people a word
    before their noun calls unarmed are civilians, whatever the noun's usual kind."""
    noun = view.cand.noun
    if noun is None or view.cand.noun_start is None or view.category not in ("total", "combatants", "rebels"):
        return None
    between = re.findall(r"[\w-]+", view.text[view.cand.figure.end: view.cand.noun_start].lower())
    if category_words().civilian_modifiers.intersection(between):
        return "civilians", noun.subgroup, "category:unarmed"
    return None


# ", a 70-year-old man and his grandson,": an apposition after the figure's noun that names
# its people one by one, set off by commas.
_APPOSED_PEOPLE = re.compile(r"^\s*,\s+(?P<who>(?:an?|his|her|their|two|three|four|five|one)\s+[^,;:()]{2,60}?)\s*,")


def apposed_household(view: CategoryView):
    """'two Palestinians, a 70-year-old man and his grandson, were killed', 'Three people, a
    woman and her two children,': people an apposition names one by one, kin or women and
    children among them and no fighter, are civilians (set CY's Gaza liveblog)."""
    noun = view.cand.noun
    if noun is None or view.cand.noun_start is None or view.category not in ("total", "combatants"):
        return None
    m = _APPOSED_PEOPLE.match(view.text[view.cand.noun_start + len(" ".join(noun.words)):])
    if m is None:
        return None
    words = re.findall(r"[\w'’-]+", m.group("who").lower())
    if "of" in words:
        return None  # "19 wounded, three of them children,": a part, no list of the people (``breakdown``)
    found = [view.terms.people_at(words, i) for i in range(len(words))]
    cats = {f[0].category for f in found if f}
    kin = claim_words().kin_nouns
    if "civilians" in cats and cats <= {"civilians", "total"} or cats <= {"total"} and kin.intersection(words):
        return "civilians", noun.subgroup, "category:apposed-household"
    return None


_UPROOTED = word_set("uprooted_people")
# "people displaced from Nduga", "families who fled", "deaths among displaced families": the
# people's noun (or the noun a death noun is of) called uprooted right after it.
# ("43 deaths from dysentery among displaced families": a cause may come between)
_UPROOTED_AFTER = re.compile(rf"^\s+(?:(?:internally\s+)?displaced\b|who\s+(?:had\s+|have\s+)?fled\b|"
                             rf"(?:(?:from|of)\s+[\w-]+\s+)?(?:among|of)\s+(?:the\s+)?(?:{in_order('uprooted_people')})\b)", re.IGNORECASE)


def uprooted_harmed(view: CategoryView):
    """'670 refugees were killed', '182 people displaced from Nduga have died', '11 deaths
    among displaced families': people who fled, then were killed, hurt or lost, are
    civilians (GUIDE: civilians; every such gold claim of dev2 and sets CI-CS)."""
    noun = view.cand.noun
    if noun is None or view.quantity in (None, "displaced") or view.category not in ("total", "civilians"):
        return None
    written = " ".join(noun.words)
    start = view.cand.noun_start
    between = view.text[view.cand.figure.end:start].lower() if start is not None else ""
    after = view.text[start + len(written):] if start is not None else ""
    if written in _UPROOTED or "displaced" in between.split() or _UPROOTED_AFTER.match(after):
        return "civilians", noun.subgroup, "category:uprooted"
    return None


# "180 members of the group", "two of the group's men", "more than 20 of the group": the armed
# group the story is about (sets AB, U and Y: rebels each time, five figures).
_OF_THE_GROUP = re.compile(rf"\s+(?:{in_order('group_member_words')}\s+)?of\s+(?:the|this|that)\s+"
                           rf"(?:{in_order('armed_group_adjectives')}\s+)?group\b(?:['’]s\s+{in_order('group_member_words')}\b)?",
                           re.IGNORECASE)
# Kinds of claimant whose "group" may be an aid or news body's team, not an armed group.
_UNARMED_SPEAKERS = AID_KINDS | {"media"}


def the_group(view: CategoryView):
    """'more than 180 members of the group had been killed', 'two of the group's men were
    wounded': people of "the group" in a war story are an armed group's, rebels, unless an aid
    or news body speaks of its own team."""
    if not generic_noun(view) or view.category not in ("total", "combatants"):
        return None
    if view.claimant is not None and view.claimant.kind in _UNARMED_SPEAKERS:
        return None
    if not _OF_THE_GROUP.match(view.text, view.cand.figure.end):
        return None
    return "rebels", view.subgroup, "category:the-group"


# "three of them", "12 of those": a part of people named before in the sentence.
_OF_THEM = re.compile(r"\s+of\s+(?:them|those|these)\b", re.IGNORECASE)
# How far back, in words, the people "them" stands for are looked for ("The rebel officers
# fled towards the Uruguay river; three of them were arrested": 8).
MAX_OF_THEM_WORDS = 12
_SIDED = frozenset({"rebels", "government", "civilians", "prisoners"})
# Verbs right after people who are then the speakers, not "them" (set M's Guatemala sitrep):
# the attribution vocabulary's speech verb forms, and the plural present of those in "-s"
# ("The police say 196 of them had been released": set CU's Kingston bulletin).
_SPEECH_FORMS = frozenset(form for forms in load_attribution_terms().speech_forms.values() for form in forms)
_SPEECH_AFTER = _SPEECH_FORMS | {f[:-3] + "y" if f.endswith("ies") else f[:-1] for f in _SPEECH_FORMS
                                 if f.endswith("s") and not f.endswith("ss")}


def of_them_named_before(view: CategoryView):
    """'The rebel officers fled towards the river; three of them were arrested': "of them" are
    the people named last before the figure in its sentence (not a figure's own people: a
    breakdown of a figure is ``ranks_of_whole``'s and the breakdown rules')."""
    if view.parent is not None or not generic_noun(view) or view.category not in ("total", "combatants") \
            or not _OF_THEM.match(view.text, view.cand.figure.end):
        return None
    before = view.text[:view.cand.figure.start]
    if find_figures(before):
        return None  # "killed 30 villagers, 12 of them ...": the figure before is the whole
    words = re.findall(r"[\w’'-]+", before.lower())[-MAX_OF_THEM_WORDS:]
    for i in range(len(words) - 1, -1, -1):
        found = view.terms.people_at(words, i)
        if not found and i > 0 and words[i - 1] == "the" and words[i].endswith("s") and len(words[i]) > 3:
            return None  # "chased the hijackers ...; four of them": people no list knows are nearer
        if not found or " ".join(found[0].words) in category_words().generic_nouns:
            continue
        noun, n = found
        if words[i + n:i + n + 1] and words[i + n] in _SPEECH_AFTER:
            continue  # "Relatives told the Committee that 12 of them were released": the speakers
        cat = side_of(view, " ".join(words[max(0, i - 2):i + n])) if noun.category in ("combatants", "total", "government") \
            else None
        cat = cat or noun.category
        return (cat, noun.subgroup, f"category:of-them({' '.join(noun.words)})") if cat in _SIDED else None
    return None


def _named_rebels(view: CategoryView, words_text: str) -> bool:
    """A rebel group the actor lexicon knows by name ("KIA", "Arakan Army"), not a side word:
    "paramilitary soldiers" of Pakistan's Frontier Corps stay the state's."""
    from ..actors import load_actors

    return any(m.actor.known and m.actor.side == "opposition" for m in load_actors().match(words_text, view.countries)) \
        or named_army(words_text)


_NAME_AFTER = re.compile(r"^\s+(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,3})")


def group_as_noun(view: CategoryView):
    """'more than 150 Taliban were killed', '30 Houthis died': an armed group's name standing
    for its members has the group's side."""
    if view.cand.noun is not None:
        return None
    m = _NAME_AFTER.match(view.text[view.cand.figure.end:])
    side = side_of(view, m.group("name")) if m else None
    return (side, None, "category:group-as-noun") if side else None


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
    people = first_people(view, m.group("rest").lower().split()[:MAX_GROUP_WORDS])
    if people is None:
        return None
    noun, category = people
    return category, noun.subgroup, f"category:of({' '.join(noun.words)})"



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
    side = side_of(view, " ".join(between))
    fighters = [c for c in view.earlier if c.category in ("rebels", "government")]
    if side is None and fighters:
        side = fighters[-1].category
    if side is None and view.claimant is not None:
        side = enemy_of_claimant(view.claimant, view.armed_demonyms, view.countries)
    return (side or "combatants"), view.subgroup, "category:taken-prisoner"


# "fighters captured at that time were later executed", "protesters detained after the riot
# died in custody": a participle of capture right after the people noun (or "who had been
# ..."); or held there ("guerrillas who had been in navy custody", "men held in detention";
# set CA's Trelew story).
_CAPTURED_AFTER = re.compile(r"^\s+(?:who\s+(?:had\s+been|were|was)\s+)?(?:captured|detained|arrested|taken\s+prisoner\b"
                             r"|(?:held\s+)?in\s+(?:[a-z]+\s+)?(?:custody|detention|captivity)\b)",
                             re.IGNORECASE)


def killed_in_captivity(view: CategoryView):
    """People captured, then killed, are prisoners (GUIDE: detainees as the ones affected):
    'thousands of their fighters captured at that time were later executed', 'Twelve soldiers
    taken prisoner in the ambush were executed' (set BK's Mazar-i-Sharif and Tak Bai stories;
    checked on Yemen and Sudan sentences). Not hostages, whom annotators keep as the people
    they are, nor the object of a killing ('killed some 1,700 cadets captured at Camp
    Speicher': the cadets, as set AT's annotator kept them)."""
    noun = view.cand.noun
    if view.quantity != "killed" or noun is None or view.cand.noun_start is None or noun.subgroup == "hostages":
        return None
    if _KILLED_OBJECT.search(view.text[:view.cand.figure.start]):
        return None  # "killed some 1,700 cadets captured at Camp Speicher": the killing's object (set AT)
    after = view.text[view.cand.noun_start + len(" ".join(noun.words)):]
    return ("prisoners", view.subgroup, "category:killed-in-captivity") if _CAPTURED_AFTER.match(after) else None


# An active verb of killing right before the figure (and its hedge): the people are its object.
_KILLED_OBJECT = re.compile(rf"\b(?:{in_order(sorted(claim_words().agentive_verbs))})\w*\s+(?:[a-z]+\s+){{0,2}}$", re.IGNORECASE)


# The category rules, in order; each may refine what the earlier ones gave.
CATEGORY_RULES: tuple[CategoryRule, ...] = (continues_earlier, casualty_noun_continues, displaced_people, group_before, ranks_of_whole, origin_of_whole, part_of_a_side, toll_of_people,
                                            of_group_predicate, of_people, side_words, the_group, of_them_named_before, group_as_noun, losses_of, owners_losses,
                                            own_people, enemy,
                                            enemy_nationals, nationals_of_soldiers_before, taken_prisoner, killed_in_captivity, mixed_group, attackers_counted,
                                            rising_joined, unsided_fighters, unarmed_people, apposed_household, uprooted_harmed, from_a_side, both_sides, sides_losses,
                                            soldiers_held_after_a_coup, navy_sailors)


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
