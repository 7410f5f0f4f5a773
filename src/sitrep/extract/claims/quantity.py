"""What happened to the people a figure counts: the quantity rules, in order.

The quantity comes from the figure's own words first (a noun that says it: "deaths",
"injuries"), then from the casualty word the parse links to the figure, then from the
nearest casualty word of its clause. A negated or hypothetical casualty word ("could
displace", "no one was killed") gives no quantity, so no claim. Each rule returns
``(quantity, rule)`` or None; the rule is the ``quantity:...`` part of the claim's rule.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ...lexicon.claim_terms import ClaimTerms, category_words, claim_words, load_figure_terms, quantities_in
from ...lexicon.claim_rule_words import in_order, word_set
from ...lexicon.patterns import alternation
from .subjects import token_at
from .figure_counts import AND_BEFORE_FIGURE
from .figure_parts import SPELLED_OR_DIGITS
from .figure_view import Candidate
from .quantity_base import MAX_QUANTITY_DISTANCE, NONE, QuantityRule, hypothetical, quantity_tokens
from .quantity_parse import attackers, mixed_casualties, nearest_in_clause, parse_link, parse_predicate

__all__ = ["MAX_QUANTITY_DISTANCE", "NONE", "QUANTITY_RULES", "quantity", "quantity_tokens"]


@lru_cache(maxsize=64)
def _event_of_rx(key: str) -> re.Pattern[str]:
    """'the killing of (its photographer)': the event noun, up to five words before the figure."""
    return re.compile(rf"\b{key}\s+of\s+(?:\S+\s+){{0,5}}$")


def speakers(doc, text: str, cand: Candidate, terms: ClaimTerms):
    """'One survivor said 11 members of his family were killed', 'Two witnesses told AFP':
    people counted as the ones who speak are no figure of what they tell."""
    from .subjects import is_say

    anchor = token_at(doc, cand.noun_start if cand.noun_start is not None else cand.figure.start)
    if anchor is not None and anchor.dep_ == "nsubj" and is_say(anchor.head):
        return NONE
    return None


def single_victim(doc, text: str, cand: Candidate, terms: ClaimTerms):
    """'the killing of its photographer': the event noun says it."""
    if not cand.rule.startswith("single-victim:"):
        return None
    words = load_figure_terms()
    before = text[: cand.figure.start].lower()
    for key, q in words.single_victim_events.items():
        if _event_of_rx(key).search(before):
            return q, "quantity:single-victim"
    m = words.single_victim_passive.match(text, cand.figure.start) or words.single_victim_kin.match(text, cand.figure.start) \
        or next((j for rx in words.single_victim_joined if (j := rx.match(text, cand.figure.start))), None)
    if m:
        event = m.group("event").lower()
        q = next((q for k, q in _PASSIVE_QUANTITY.items() if k in event), None) \
            or next(iter(sorted(quantities_in(event))), None)  # "lost his life", "drowned"
        if q:
            return q, "quantity:single-victim"
    return NONE


_PASSIVE_QUANTITY = claim_words().word_quantity


_PARTITIVE = re.compile(r"^\s+of\s+(?:the|those|these)\s", re.IGNORECASE)
_PARTITIVE_GROUP = re.compile(r"\s+of\s+(?:the|those|these)\s+([a-z]+)\b", re.IGNORECASE)


def partitive_change(doc, text: str, cand: Candidate, terms: ClaimTerms):
    """'57 of the wounded died', '37 of the freed passengers were wounded': what happened
    next to part of a group is its verb's, not the group's word."""
    if not _PARTITIVE.match(text[cand.figure.end:]):
        return None
    anchor = token_at(doc, cand.figure.start)
    while anchor is not None and anchor.dep_ in ("nummod", "quantmod", "compound", "advmod") and anchor.head is not anchor:
        anchor = anchor.head  # "about 57", "Nearly 9,000" (a hedge the parse hangs on the number): its head
    if anchor is None or anchor.dep_ not in ("nsubj", "nsubjpass"):
        return None
    verb = anchor.head
    q = {i: q for i, q, _ in quantity_tokens(doc, terms)}.get(verb.i)
    if q and not hypothetical(verb):
        return q, f"quantity:partitive-verb({verb.lemma_})"
    if verb.lemma_ == "have" and any(c.dep_ == "dobj" and c.lower_ in claim_words().wound_nouns for c in verb.children):
        return "injured", "quantity:partitive-verb(have wounds)"  # "62 of the new arrivals had gunshot wounds"
    group = _PARTITIVE_GROUP.match(text, cand.figure.end)
    if verb.lemma_ == "be" and group and _PASSIVE_QUANTITY.get(group.group(1).lower()) and any(
            c.dep_ == "prep" and c.lower_ in ("in", "at") and any(o.dep_ == "pobj" and o.pos_ == "PROPN" for o in c.children)
            for c in verb.children):
        # "103 of the dead were in Almaty": a part by a named place is a claim (GUIDE: a breakdown
        # by place), of what befell the group (set CT's Almaty wire); "in shelters" is none
        return _PASSIVE_QUANTITY[group.group(1).lower()], "quantity:part-in-place"
    if verb.lemma_ in _WHEREABOUTS_VERBS or verb.lemma_ == "be" and any(
            c.dep_ == "prep" and c.lower_ in ("in", "at", "with") for c in verb.children):
        # "Nearly 9,000 of the displaced are staying with relatives", "200 of the wounded are in
        # hospital": where part of a group is, no new figure of it (set AE's OCHA update; GUIDE:
        # a subset by condition or shelter is no claim)
        return NONE
    return None


# "five of the eight gunmen were killed": the whole after a part (its hedge and up to three
# words between: "of the territory's estimated 120,000").
_PART_BEFORE = re.compile(rf"(?:^|[^\w,.]){SPELLED_OR_DIGITS}\s+of\s+(?:the|its|their|our|his|her)\s+"
                          rf"(?:(?!and\b|or\b)[a-z’'-]+\s+){{0,3}}$", re.IGNORECASE)


# "Of the 14,028 victims reported to the committee, 10,715 were killed": a fronted whole, its
# parts after the comma (the figure of a part within these characters of the whole's).
_FRONTED_WHOLE = re.compile(r"(?:^|[;:]\s*)of\s+(?:the|these|those|its|their|our)\s+(?:[a-z’'-]+\s+){0,2}$", re.IGNORECASE)
_PART_AFTER = re.compile(rf"[^,;]{{0,100}},\s+(?:(?:some|about|around|at\s+least|nearly|more\s+than|over)\s+)?{SPELLED_OR_DIGITS}\b",
                         re.IGNORECASE)


def whole_of_a_part(doc, text: str, cand: Candidate, terms: ClaimTerms):
    """'five of the eight gunmen were killed', 'Three of the 40 soldiers were wounded', 'Of
    the 14,028 victims ..., 10,715 were killed': the verb befalls the part, not the whole; the
    whole is a figure only by a casualty word of its own ("two of the 40 wounded died": 40
    wounded), read by ``own_noun``."""
    before = text[max(0, cand.figure.start - 80):cand.figure.start]
    part_before = _PART_BEFORE.search(before)
    if part_before is not None and _finite_verb_between(doc, cand.figure.start - len(before) + part_before.start(),
                                                        cand.figure.start):
        part_before = None  # "One of the doctors said 50 people had been killed": the part speaks (set CZ)
    # a fronted whole of people of no side ("victims", "people"); "Of the 300 prisoners, 120
    # were released" keeps its prisoners, whose category the parts take
    if part_before is None and not (
            (cand.noun is None or cand.noun.category == "total")
            and _FRONTED_WHOLE.search(before) and (part := _PART_AFTER.match(text, cand.figure.end))
            and not quantities_in(text[cand.figure.end:part.start() + part.group(0).index(",")])):
        return None  # "Of the 136 people killed, 93 were men": the whole's own word says it
    return None if cand.noun is not None and cand.noun.quantity else NONE


def _finite_verb_between(doc, start: int, end: int) -> bool:
    """Whether a finite verb stands between ``start`` and ``end`` (offsets): the figure after
    it is in a clause of its own, no whole of the part before."""
    return doc is not None and any(start <= t.idx < end and t.tag_ in ("VBD", "VBZ", "VBP", "MD") for t in doc)


# Verbs that say where part of a group is, not what befell it.
_WHEREABOUTS_VERBS = word_set("whereabouts_verbs")


_REFLEXIVES = frozenset({"themselves", "himself", "herself", "itself"})  # "12 killed themselves": it befell them


def _phrase_head(doc, cand: Candidate):
    """The head of the figure's noun phrase ("Five gunmen": gunmen; "an estimated 20,000
    troops": troops), the token whose role in the clause says who acted; None outside the parse."""
    anchor = token_at(doc, cand.noun_start if cand.noun_start is not None else cand.figure.start)
    while anchor is not None and anchor.dep_ in ("compound", "nummod", "amod", "quantmod") and anchor.head is not anchor:
        anchor = anchor.head
    return anchor


def agents_of_the_act(doc, text: str, cand: Candidate, terms: ClaimTerms):
    """'Five gunmen killed 12 villagers', 'Fourteen members of the MRTA seized the residence':
    the active subject of a verb that does the deed to an object is who acted; its figure
    says nothing befell them (``agentive_verbs``)."""
    if doc is None:
        return None
    anchor = _phrase_head(doc, cand)
    if anchor is None or anchor.dep_ != "nsubj":
        return None
    verb = anchor.head
    if verb.lemma_.lower() in claim_words().agentive_verbs \
            and any(c.dep_ == "dobj" and c.lower_ not in _REFLEXIVES for c in verb.children) \
            and not any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children):
        return NONE
    return None


_SENDING_VERBS = word_set("sending_verbs")


def sent_to_act(doc, text: str, cand: Candidate, terms: ClaimTerms):
    """'392 SAF personnel sent in before dawn to arrest the bomb-maker', '600 troops deployed
    to free the hostages': people a participle sends to do a deed to someone else are its
    agents; nothing befell them (set CW's Mamasapano story). A figure whose clause says what
    befell it ('40 soldiers sent to arrest him were killed') is left to the other rules."""
    if doc is None or cand.noun is None:
        return None
    anchor = _phrase_head(doc, cand)
    if anchor is None:
        return None
    casualty_words = {i for i, _, _ in quantity_tokens(doc, terms)}
    if anchor.dep_ in ("nsubj", "nsubjpass") and anchor.head.i in casualty_words:
        return None  # "40 soldiers sent to arrest him were killed"
    agentive = claim_words().agentive_verbs
    # the participle after the people ("personnel sent in to arrest"), or the verb they are the
    # subject of when it is the sentence's only deed ("2,000 fighters mobilised to capture X")
    senders = [c for c in anchor.children if c.dep_ == "acl"] + ([anchor.head] if anchor.dep_ == "nsubj" else [])
    for sender in (v for v in senders if v.lemma_.lower() in _SENDING_VERBS):
        for deed in (g for g in sender.children if g.dep_ in ("advcl", "xcomp")):
            if deed.lemma_.lower() in agentive and any(a.dep_ == "aux" and a.lower_ == "to" for a in deed.children) \
                    and not any(o.dep_ == "auxpass" for o in deed.children) \
                    and (sender.i != anchor.head.i or casualty_words <= {deed.i}):
                return NONE
    return None


def agents_of_the_passive(doc, text: str, cand: Candidate, terms: ClaimTerms):
    """'The island was held by an estimated 20,000 troops', 'hostages held by 40 gunmen': the
    people after a passive's "by" did the deed; nothing befell them (set CB's Iwo Jima wire;
    the passive twin of ``agents_of_the_act``). A figure with no people noun ("rose by 40")
    is left to the other rules."""
    if doc is None or cand.noun is None:
        return None
    anchor = _phrase_head(doc, cand)
    while anchor is not None and anchor.dep_ == "conj" and anchor.head is not anchor:
        anchor = anchor.head  # "... of 26 Colombians and two Haitian Americans": the second of the agents
    while anchor is not None and anchor.dep_ == "pobj" and anchor.head.lower_ == "of" and anchor.head.head.dep_ == "pobj":
        anchor = anchor.head.head  # "assassinated by a commando of 26 Colombians" (set CA's Haiti 2021 wire)
    if anchor is None or anchor.dep_ != "pobj" or anchor.head.dep_ != "agent":
        return None
    return NONE


def fleeing_clause(doc, text: str, cand: Candidate, terms: ClaimTerms):
    """'3,000 villagers had come into the French lines, fleeing the fighting', 'Some 3,000
    villagers arrived in Goma, fleeing the fighting': people whose verb says only where
    they went, with a clause of fleeing of no subject of its own, are displaced (set CD's
    Kasserine wire; Congo, Sudan)."""
    if doc is None or cand.noun is None:
        return None
    anchor = _phrase_head(doc, cand)
    if anchor is None or anchor.dep_ != "nsubj":
        return None
    flee = load_figure_terms().flee_verbs[:1]  # "flee": leaving, evacuating say nothing of fear
    for clause in anchor.head.children:
        if clause.dep_ == "advcl" and clause.tag_ == "VBG" and clause.lemma_.lower() in flee \
                and not any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children) and not hypothetical(clause):
            return "displaced", f"quantity:parse({clause.lemma_})"
    return None


_WOUNDED_BEFORE = re.compile(r"^\s+(?:of\s+(?:our|their|its|his|the)\s+)?(?:wounded|injured)\s+\S", re.IGNORECASE)


def wounded_then_killed(doc, text: str, cand: Candidate, terms: ClaimTerms):
    """'Three wounded AWB men were shot dead': people wounded before are counted by what the
    verb did to them (set X's Bophuthatswana wire), not by the word that describes them."""
    if doc is None or not _WOUNDED_BEFORE.match(text[cand.figure.end:]):
        return None
    # the figure's last word ("At least 20": the number; "20 of our wounded comrades": 20)
    anchor = token_at(doc, cand.figure.end - 1)
    while anchor is not None and anchor.dep_ in ("nummod", "quantmod", "compound", "amod") and anchor.head is not anchor:
        anchor = anchor.head
    if anchor is None or anchor.dep_ not in ("nsubj", "nsubjpass") or anchor.lower_ in ("wounded", "injured"):
        return None
    verb = anchor.head
    q = {i: q for i, q, _ in quantity_tokens(doc, terms)}.get(verb.i)
    if q == "killed" and not hypothetical(verb) or q is None and any(
            c.dep_ in ("oprd", "acomp", "advmod") and c.lower_ == "dead" for c in verb.children):
        return "killed", f"quantity:wounded-then({verb.lemma_})"
    return None


def then_released(doc, cand: Candidate, q: str, terms: ClaimTerms) -> bool:
    """'eight of our officers were abducted in Latacunga on Wednesday and released on Friday':
    people taken, then freed by a verb joined to the one that took them, are a second figure,
    of people released (set AC's Ecuador briefing; GUIDE.md counts freed hostages as released)."""
    if q != "detained" or doc is None:
        return False
    tok = token_at(doc, cand.figure.start)
    for _ in range(4):
        if tok is None or tok.pos_ in ("VERB", "AUX") or tok.head is tok:
            break
        tok = tok.head
    if tok is None or tok.pos_ != "VERB":
        return False
    released = {i for i, quantity_, _ in quantity_tokens(doc, terms) if quantity_ == "released"}
    head = _phrase_head(doc, cand)
    if head is not None and any(c.dep_ == "relcl" and c.i in released for c in head.children):
        return True  # "taken fourteen prisoners, who were later freed" (set CZ)
    # the joined verb has no subject nor figure of its own ("and released 12 of them" is a figure)
    return any(c.dep_ == "conj" and c.i in released and not any(s.dep_.startswith("nsubj") for s in c.children)
               and not any(w.tag_ == "CD" for d in c.children if d.dep_ == "dobj" for w in d.subtree)
               for c in tok.children)


# "they were treating 27 evacuees for gunshot and machete wounds": the active voice, with
# what they are treated for after the people (set BF's Kolwezi wire).
_FOR_INJURIES = re.compile(rf"^\s+for\s+(?:[a-z-]+\s+(?:and\s+)?){{0,3}}?{in_order('treated_for_injuries')}\b", re.IGNORECASE)


_OTHERS_AFTER = re.compile(r"\s+(?:others|more)\b")


def treated_for_injuries(doc, text: str, cand: Candidate, terms: ClaimTerms):
    """'treating 27 evacuees for gunshot wounds', 'dozens of refugees were being treated for
    gunshot wounds': hurt, whatever else the noun says of them (set BJ's Andijan story: the
    refugees' wounds, not their flight, are the figure's); 'received two bodies ... and treated
    eleven others for machete injuries': the others too (set CW's Honiara bulletin)."""
    if cand.noun is not None and cand.noun_start is not None:
        after = text[cand.noun_start + len(" ".join(cand.noun.words)):]
    elif cand.continues and (others := _OTHERS_AFTER.match(text, cand.figure.end)) is not None:
        after = text[others.end():]
    else:
        return None
    if _TREATED_FOR_PASSIVE.match(after):
        return "injured", "quantity:treated-for"
    if not _TREATED_BEFORE.search(text[:cand.figure.start]):
        return None
    return ("injured", "quantity:treated-for") if _FOR_INJURIES.match(after) else None


# "some 40 are still detained in hospital": kept for treatment, not arrested.
_KEPT_IN_HOSPITAL = re.compile(r"^\s+(?:[a-z]+\s+){0,2}?(?:are|were|is|was|remain|remained|being)\s+(?:still\s+)?"
                               r"(?:being\s+)?(?:detained|held|kept)\s+in\s+(?:the\s+)?(?:\w+\s+)?hospitals?\b", re.IGNORECASE)


def kept_in_hospital(doc, text: str, cand: Candidate, terms: ClaimTerms):
    """'Of the injured, some 40 are still detained in hospital': patients, a part of the
    injured counted before, no arrest (set BR's Accra story)."""
    end = cand.noun_start + len(" ".join(cand.noun.words)) if cand.noun is not None and cand.noun_start is not None \
        else cand.figure.end
    if not _KEPT_IN_HOSPITAL.match(text[end:]):
        return None
    if any(terms.quantity_words.get((w,)) for w in text[cand.figure.end:end].lower().split()):
        return None  # "12 wounded soldiers were held in the military hospital": wounded, said so
    return NONE


# What may befall displaced people in a clause that is not their flight.
_HARMS = frozenset({"killed", "injured", "detained"})


def harmed_displaced(doc, text: str, cand: Candidate, terms: ClaimTerms):
    """'strafed the road, killing 17 refugees', '14 refugees, six of them children, had died
    of cold': the verb that kills, wounds or holds displaced people (or that they die by)
    says what befell them, not their noun (sets CJ's Biafra story, CM's Kelbajar and Kosovo
    updates; "sheltering 3,000 refugees" has no such verb and keeps the noun's reading)."""
    head = _phrase_head(doc, cand)
    if head is None:
        return None
    by_index = {i: q for i, q, _ in quantity_tokens(doc, terms)}
    if by_index.get(head.i) != "displaced" and (cand.noun is None or cand.noun.quantity != "displaced"):
        return None
    if head.dep_ not in ("dobj", "nsubjpass", "nsubj") or head.head.pos_ not in ("VERB", "AUX"):
        return None
    q = by_index.get(head.head.i)
    if q in _HARMS and not hypothetical(head.head):
        return q, f"quantity:parse({head.head.lemma_})"
    return None


# "The death toll from last week's attack on a military camp in western Niger has risen to":
# a death toll that opens its clause, what it is of (no figure, no clause break), a level verb.
_DEATH_TOLL_ROSE_TO = re.compile(rf"(?:^|[^\w\s]\s*|\b(?:the|The)\s+)(?:death\s+toll|toll\s+of\s+dead)\b[^;:.\d]{{0,200}}?"
                                 rf"\b(?:has\s+|had\s+|have\s+)?{in_order('toll_level_verbs')}\s+(?:(?:to|at)\s+)?$")


def death_toll_rose_to(doc, text: str, cand: Candidate, terms: ClaimTerms):
    """'The death toll from last week's attack on a military camp ... has risen to 89
    soldiers': the soldiers are the toll's, killed, however far the toll is from its figure
    (set CJ's Niamey wire: 16 words between)."""
    return ("killed", "quantity:death-toll-rose-to") if _DEATH_TOLL_ROSE_TO.search(text, 0, cand.figure.start) else None


def part_then_verb(doc, text: str, cand: Candidate, terms: ClaimTerms):
    """'Some 1,500 of the town's roughly 5,000 inhabitants fled by river': the verb after the
    whole befalls the part, though the parse hangs it on the whole's noun as a participle
    (set CI's Mitu wire)."""
    if not cand.rule.startswith("figure+part-of"):
        return None
    fig = token_at(doc, cand.figure.end - 1)
    of = next((c for c in fig.children if c.dep_ == "prep" and c.lower_ == "of"), None) if fig is not None else None
    whole = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    if whole is None:
        return None
    verb = next((c for c in whole.children if c.dep_ in ("acl", "relcl") and c.i == whole.i + 1), None)
    q = {i: q for i, q, _ in quantity_tokens(doc, terms)}.get(verb.i) if verb is not None else None
    return (q, f"quantity:parse({verb.lemma_})") if q and not hypothetical(verb) else None


def own_noun(doc, text: str, cand: Candidate, terms: ClaimTerms):
    """'30 deaths', '108 injuries', '3,000 IDPs': the people noun says what happened."""
    if cand.noun is not None and cand.noun.quantity:
        return cand.noun.quantity, f"quantity:noun({' '.join(cand.noun.words)})"
    return None


# "and 11 others were wounded": a continuing figure's own passive predicate, which a parse
# often hangs on the previous figure's verb ("We lost seven soldiers ... and 11 others ...").
# "3,171 remain missing": "remain" and "still" say the state as a copula does.
_OWN_PASSIVE = re.compile(r"^\s+(?:were|was|have\s+been|has\s+been|had\s+been|are|remain|remains|remained)"
                          r"\s+(?:also\s+|still\s+)?(?P<word>[a-z]+)\b")


_CUSTODY_NOUNS = word_set("custody_nouns")


def held_in_custody(doc, text: str, cand: Candidate, terms: ClaimTerms):
    """'28 inmates who had escaped ... were back in custody', '40 fighters are now in
    detention': people the main clause puts in custody are detained, whatever a relative
    clause says they did before (set CU's Guayaquil wire; Ecuador, Haiti, Congo-like)."""
    if doc is None or cand.noun is None:
        return None
    anchor = _phrase_head(doc, cand)
    if anchor is None or anchor.dep_ != "nsubj" or hypothetical(anchor.head) \
            or anchor.head.lemma_ != "be" and anchor.head.lower_ not in load_figure_terms().copulas:  # (the lemma table leaves "are")
        return None
    preps = [c for c in anchor.head.children if c.dep_ == "prep" and c.lower_ in ("in", "into")] + [
        g for c in anchor.head.children if c.dep_ == "advmod" for g in c.children if g.dep_ == "prep" and g.lower_ == "in"]
    if any(o.lower_ in _CUSTODY_NOUNS for p in preps for o in p.children if o.dep_ == "pobj"):
        return "detained", "quantity:in-custody"
    return None


_TO_CUSTODY_VERBS = word_set("to_custody_verbs")
_CUSTODY_PLACES = word_set("custody_places")


def taken_to_custody(doc, text: str, cand: Candidate, terms: ClaimTerms):
    """'some 1,200 people had been taken to army barracks and to the city jails', 'police
    took 300 students to prison': people brought to a jail are detained (set CZ's Mexico City
    wire; a camp alone is no jail: the displaced are taken to camps)."""
    if doc is None:
        return None
    anchor = _phrase_head(doc, cand)
    if anchor is None or anchor.dep_ not in ("nsubjpass", "dobj") or anchor.head.lemma_.lower() not in _TO_CUSTODY_VERBS:
        return None
    verb = anchor.head
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("to", "into")):
        if any(t.lemma_.lower() in _CUSTODY_PLACES for t in prep.subtree):
            return "detained", "quantity:taken-to-custody"
    return None


# Tally words a count of prisoners may be listed with ("31 dead and 3,400 prisoners").
_TALLY_WORDS = frozenset({"dead", "killed", "wounded", "injured", "missing", "casualties", "deaths"})


def prisoners_in_a_tally(doc, text: str, cand: Candidate, terms: ClaimTerms):
    """'Later Portuguese accounts give 31 dead and about 3,400 prisoners', 'reported 12 dead, 40
    wounded and 300 prisoners': prisoners listed with the dead and wounded of a fight were
    taken (set DB's Goa live blog); "300 prisoners were killed" keeps its verb."""
    if doc is None or cand.noun is None or cand.noun.category != "prisoners":
        return None
    anchor = _phrase_head(doc, cand)
    if anchor is None or anchor.dep_ != "conj" or anchor.head.lower_ not in _TALLY_WORDS:
        return None
    return "detained", "quantity:prisoners-in-a-tally"


_TAKING_VERBS = frozenset({"take", "capture", "seize", "grab"})


def prisoners_taken(doc, text: str, cand: Candidate, terms: ClaimTerms):
    """'had taken fourteen prisoners, who were later freed', 'captured 30 hostages': captives
    a side took are detained, whatever a clause on them says happened next (then_released
    counts that; set CZ's La Paz communique)."""
    if doc is None or cand.noun is None or cand.noun.category != "prisoners" and cand.noun.subgroup != "hostages":
        return None
    anchor = _phrase_head(doc, cand)
    if anchor is None or anchor.dep_ != "dobj" or anchor.head.lemma_.lower() not in _TAKING_VERBS or hypothetical(anchor.head):
        return None
    return "detained", f"quantity:taken-prisoners({anchor.head.lemma_.lower()})"


def continued_passive(doc, text: str, cand: Candidate, terms: ClaimTerms):
    """'seven soldiers ... and 11 others were wounded', '90 were captured and 82 were missing':
    the figure's own predicate says what."""
    if not cand.continues:
        return None
    if cand.noun_start is None:  # "... had been captured and 82 were missing": the figure's own
        m = _OWN_PASSIVE.match(text[cand.figure.end:]) if cand.rule in ("figure+were-casualty-word",
                                                                          "figure+have-casualty-word") else None
    else:
        noun = re.match(r"[\w’'-]+", text[cand.noun_start:])  # "others", "more"
        m = noun and _OWN_PASSIVE.match(text[cand.noun_start + noun.end():])
    quantity = m and _GROUP_QUANTITY.get(m.group("word"))
    if quantity and cand.noun_start is None:
        # a bare figure keeps the parse's reading unless its own predicate says otherwise
        # (the parse's predicate too: "6,100 were killed, 2,300 remain missing" hangs "missing"
        # under "killed")
        parsed = parse_link(doc, text, cand, terms)
        if parsed is None:
            parsed = parse_predicate(doc, text, cand, terms)
        if parsed is None or parsed is NONE or parsed[0] == quantity:
            return None
    return (quantity, f"quantity:own-passive({m.group('word')})") if quantity else None


def taken_after(doc, text: str, cand: Candidate, terms: ClaimTerms):
    """'270 soldiers were killed and 35 taken prisoner': a bare figure's own words after it
    say they were taken (parses read "35 taken prisoner" as a noun phrase); 'and some 300,000
    forced from their homes': made to leave."""
    if cand.noun_start is not None:
        return None
    words = " ".join(re.findall(r"[a-z]+", text[cand.figure.end:cand.figure.end + 30].lower())[:2])
    terms_ = load_figure_terms()
    if words not in terms_.bare_casualty_phrases:
        return _own_participle(text, cand, terms)
    return ("displaced" if words in terms_.bare_displacement_phrases else "detained", f"quantity:taken-after({words})")


_GROUP_QUANTITY = claim_words().word_quantity

# "... killed since Wednesday and 140 captured.", "100,000 people dead and 40,000 disappeared
# across Guatemala": after "and", a bare figure, one casualty participle, then the clause ends
# or a place or a time follows.
_OWN_PARTICIPLE = re.compile(r"\s+(?P<word>[a-z]+)(?=\s*(?:[,.;)]|$)|\s+(?:in|across|at|on|since|during|by|from|near)\b)")


def _own_participle(text: str, cand: Candidate, terms: ClaimTerms) -> tuple[str, str] | None:
    """'more than 300 rebels had been killed since Wednesday and 140 captured': the bare
    figure's own participle says what befell its people, though the parse hangs the figure
    on the first verb (sets CI, CJ)."""
    if not AND_BEFORE_FIGURE.search(text, 0, cand.figure.start):
        return None
    m = _OWN_PARTICIPLE.match(text, cand.figure.end)
    q = m and terms.quantity_words.get((m.group("word"),))
    return (q, f"quantity:own-participle({m.group('word')})") if q else None


# "residents left", "inhabitants had already left": a place's people leaving (the parse often
# hangs "left" on the noun as a participle: "200,000 of the city's 300,000 residents left").
_PEOPLE_LEFT = re.compile(r"^(?:\s+(?:of|in|from)\s+(?:the\s+)?[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)?"
                          rf"\s+(?:had\s+|have\s+|has\s+)?(?:already\s+)?left\b(?!\s+(?:{in_order('left_not_fled')}|\d))")


# "76 people were treated in the city's hospitals", "200 were being treated at the Amitie
# hospital": people treated in a hospital or by medics were hurt; so are those admitted to one
# ("251 people had been admitted to hospitals in Tbilisi", set AP's Tbilisi 1989 story), and
# those treated for wounds ("Fifteen of the survivors were treated for wounds", set AT's Bulge story).
_TREATED = re.compile(r"^[^.;]{0,40}?\b(?:were|was|are|is|been|being|had\s+been|have\s+been)\s+(?:still\s+)?(?:being\s+)?"
                      rf"(?:{alternation(load_figure_terms().treated_verbs)}\s+(?:in|at|by)\b"
                      rf"|treated\s+for\s+(?:[a-z-]+\s+){{0,2}}?{in_order('treated_for_injuries')}\b"
                      rf"|admitted\s+to\s+(?:the\s+|a\s+)?(?:[\w'’-]+\s+){{0,3}}?{in_order('admitting_places')}\b)", re.IGNORECASE)


# "were being treated for gunshot wounds" right after the people noun.
_TREATED_FOR_PASSIVE = re.compile(r"^\s+(?:were|was|are|is|had\s+been|have\s+been)\s+(?:still\s+)?(?:being\s+)?"
                                  rf"treated\s+for\s+(?:[a-z-]+\s+){{0,2}}?{in_order('treated_for_injuries')}\b", re.IGNORECASE)


# "it treated nine patients from the riot", "treated 120 people after the clashes": the active
# voice, with the violence they came from (set AE's Capitol transcript; a clinic's patients
# with no such event may be any sick people).
_TREATED_BEFORE = re.compile(rf"\b{alternation(load_figure_terms().treated_verbs)}\s+(?:{in_order('treated_hedges')}\s+)?$",
                             re.IGNORECASE)
_FROM_VIOLENCE = re.compile(r"^\s+(?:[\w-]+\s+){0,3}?(?:from|after|in|during)\s+(?:the\s+)?(?:[\w-]+\s+)?"
                            rf"{in_order('violence_nouns')}\b", re.IGNORECASE)


# "1,966 had sought medical treatment for injuries" (set BJ's Osh 2010 story).
_SOUGHT_TREATMENT = re.compile(r"^\s+(?:people\s+)?(?:had\s+|have\s+|has\s+)?sought\s+(?:medical\s+|hospital\s+)?"
                               rf"(?:treatment|care|help)\s+for\s+(?:[a-z-]+\s+){{0,2}}?{in_order('treated_for_injuries')}\b",
                               re.IGNORECASE)


def treated_in_hospital(doc, text: str, cand: Candidate, terms: ClaimTerms):
    """'Officially, 76 people were treated in the city's hospitals': people treated in a
    hospital or by medics were wounded (a figure with a casualty word of its own says so
    first); so are those it treated from the violence ('it treated nine patients from the riot')."""
    if _TREATED.match(text[cand.figure.end:]) or _SOUGHT_TREATMENT.match(text[cand.figure.end:]):
        return "injured", "quantity:treated"
    after = text[cand.noun_start + len(" ".join(cand.noun.words)):] if cand.noun is not None and cand.noun_start is not None \
        else text[cand.figure.end:]
    if _TREATED_BEFORE.search(text[:cand.figure.start]) and _FROM_VIOLENCE.match(after):
        return "injured", "quantity:treated"
    return None


def inmates_walked_out(doc, text: str, cand: Candidate, terms: ClaimTerms):
    """'about 400 prisoners walked out that morning', 'about 200 inmates walked out with
    them': inmates who walk out of a prison are released (sets K's Kunduz and Nepal stories,
    S's Gambia feature; workers who walk out are on strike, no claim); so are hostages who
    walk out of where they were held ('1,200 hostages had walked out of the building': set
    CC's Budyonnovsk wire)."""
    if cand.noun is None or not (cand.noun.category == "prisoners" or cand.noun.subgroup == "hostages"):
        return None
    after = _after_people_noun(text, cand)
    return ("released", "quantity:inmates-walked-out") if after is not None and _WALKED_OUT.match(after) else None


# "walked out", "had walked free", "were let out" after the inmates.
_WALKED_OUT = re.compile(rf"^\s+(?:[a-z]+\s+){{0,2}}?{in_order('walked_out_verbs')}\s+(?:out|free)\b|^\s+(?:were|was)\s+let\s+out\b",
                         re.IGNORECASE)


def place_people_left(doc, text: str, cand: Candidate, terms: ClaimTerms):
    """'Some 200,000 of the city's 300,000 residents left before the assault began': a
    place's people who leave flee it."""
    if not _place_people(cand):
        return None
    after = _after_people_noun(text, cand)
    return ("displaced", "quantity:place-people-left") if after is not None and _PEOPLE_LEFT.match(after) else None


# How far after a figure its people noun is looked for ("70,000 of the city's 90,000 residents").
MAX_PART_CHARS = 60


def _after_people_noun(text: str, cand: Candidate) -> str | None:
    """The text after the figure's people noun, when the noun follows within MAX_PART_CHARS."""
    noun = " ".join(cand.noun.words)
    at = text.lower().find(noun, cand.figure.end, cand.figure.end + MAX_PART_CHARS)
    return text[at + len(noun):] if at >= 0 else None


def _place_people(cand: Candidate) -> bool:
    """A place's people ("residents", "inhabitants"): when they leave, they flee it."""
    return cand.noun is not None and " ".join(cand.noun.words) in category_words().displaced_as_people

_GROUP_CASUALTY = re.compile(rf"\b(?:among|of)\s+(?:the|those)\s+({alternation(claim_words().group_casualty_words)})\b"
                             r"[^.;]{0,80}$", re.IGNORECASE)


def group_casualty_word(doc, text: str, cand: Candidate, terms: ClaimTerms):
    """'Among the dead servicemen, 180 were ... and 12 were ...': the group says it."""
    m = _GROUP_CASUALTY.search(text[: cand.figure.start])
    if m and m.group(1).islower():  # not "the Association of Relatives of the Detained and Disappeared" (set CU)
        return _GROUP_QUANTITY[m.group(1).lower()], f"quantity:group({m.group(1).lower()})"
    return None

# "236 casualties with machete and gunshot wounds": wounded; casualties of no kind are no claim.
_CASUALTIES_WITH_WOUNDS = re.compile(rf"\s+with\s+(?:[\w-]+\s+){{0,4}}?{in_order('wound_kinds')}\b", re.IGNORECASE)


def casualties_named(doc, text: str, cand: Candidate, terms: ClaimTerms):
    """'236 casualties with machete and gunshot wounds had been admitted' are wounded (set AK's
    Ghana daily); '434 casualties' of no stated kind are no claim (GUIDE.md: negatives)."""
    if cand.noun is None or cand.noun.words != ("casualties",):
        return None
    if cand.noun_start is not None and _CASUALTIES_WITH_WOUNDS.match(text, cand.noun_start + len("casualties")):
        return "injured", "quantity:casualties-with-wounds"
    return NONE


def along_with(doc, text: str, cand: Candidate, terms: ClaimTerms):
    """'They freed 23 businessmen, along with hundreds of other inmates', 'killed 12 soldiers
    together with 30 militiamen': people joined by "along with" share the verb's deed (set CT's
    Andijan bulletin; the parse hangs them on the verb by a preposition)."""
    if doc is None:
        return None
    tok = token_at(doc, cand.figure.start)
    while tok is not None and tok.dep_ in ("nummod", "quantmod", "compound") and tok.head is not tok:
        tok = tok.head
    if tok is None or tok.dep_ != "pobj" or tok.head.lower_ != "with" or tok.head.head.lower_ not in ("along", "together"):
        return None
    verb = tok.head.head.head
    q = {i: q for i, q, _ in quantity_tokens(doc, terms)}.get(verb.i)
    if q and not hypothetical(verb):
        return q, f"quantity:along-with({verb.lemma_})"
    return None


def shared_participle(doc, text: str, cand: Candidate, terms: ClaimTerms):
    """'counts 14 civilians and nine soldiers dead', 'found 12 women and 30 men killed': a
    participle or adjective after the last of joined figures of people is said of each of
    them (set CS's Thai-Cambodian analysis; the parse hangs it on the last noun only)."""
    if doc is None or cand.noun is None:
        return None
    anchor = _phrase_head(doc, cand)
    if anchor is None or anchor.pos_ not in ("NOUN", "PROPN"):
        return None
    by_index = {i: q for i, q, _ in quantity_tokens(doc, terms)}
    if any(c.i in by_index for c in anchor.children):
        return None  # its own word says it
    for conj in _joined(anchor):
        if not any(g.dep_ == "nummod" or g.pos_ == "NUM" for g in conj.children):
            continue  # "civilians and soldiers": one figure of two kinds of people
        word = next((c for c in conj.children if c.dep_ in ("acl", "amod") and c.i == conj.i + 1 and c.i in by_index), None)
        if word is not None and not hypothetical(word):
            return by_index[word.i], f"quantity:shared({word.lower_})"
    return None


def _joined(anchor) -> list:
    """The phrases joined after ``anchor``, down the chain the parse makes of a list ("210
    gunmen, 31 troops and 18 civilians killed": troops is gunmen's conj, civilians troops'),
    so the first figure reaches the word after the last (set DH's Marawi tally)."""
    chain, todo = [], [anchor]
    while todo and len(chain) < 8:
        joined = [c for c in todo.pop(0).children if c.dep_ == "conj"]
        chain.extend(joined)
        todo.extend(joined)
    return chain


# "50 militants and eight soldiers dead, 29 soldiers wounded": a tally's segment (a figure
# and its noun, perhaps one more joined by "and") ends in the casualty word its figures share,
# which the parse may hang elsewhere (set CW's liveblog: all three read as "wounded").
_TALLY_TAIL = re.compile(r"(?:\s+and\s+(?:\d[\d,.]*|[a-z]+)\s+[a-z-]+)?\s+(?P<word>[a-z]+)\s*(?=[,;.]|$)")


# A tally's segment opens after a colon, a comma or an "and" (the figure's own hedge before it).
_TALLY_OPENING = re.compile(r"(?:[:,;]|\band)\s+(?:[a-z]+\s+){0,2}$")


def tally_segment(doc, text: str, cand: Candidate, terms: ClaimTerms):
    """'50 militants and eight soldiers dead, 29 soldiers wounded': the casualty word that
    closes the figure's own segment of a tally."""
    if cand.noun_start is None or cand.noun is None or not _TALLY_OPENING.search(text, 0, cand.figure.start):
        return None  # "Erk says 745 people died": no tally, the parse's reading stands
    noun = re.match(r"[\w’'-]+(?:\s+[\w’'-]+){%d}" % (len(cand.noun.words) - 1), text[cand.noun_start:])
    m = _TALLY_TAIL.match(text, cand.noun_start + noun.end()) if noun else None
    quantity = m and _GROUP_QUANTITY.get(m.group("word"))
    return (quantity, f"quantity:tally({m.group('word')})") if quantity else None


# Nouns of people taken in war ("prisoners", "POWs"): held, whatever else their clause says
# of them; not inmates or detainees, a prison's population as often as anyone's count.
_TAKEN_IN_WAR = frozenset({"prisoners", "pows", "prisoners of war"})


def prisoners_held(doc, text: str, cand: Candidate, terms: ClaimTerms):
    """'some 3,000 prisoners, a general among them, were marched to the rear':
    prisoners of war with no casualty word of their own were taken, so detained (set CX's
    Massawa analysis); the last rule, after every casualty word had its say."""
    if cand.noun is None or " ".join(cand.noun.words) not in _TAKEN_IN_WAR:
        return None
    return "detained", "quantity:prisoners-held"


# The quantity rules, in order.
QUANTITY_RULES: tuple[QuantityRule, ...] = (casualties_named, speakers, agents_of_the_act, agents_of_the_passive, sent_to_act, single_victim, mixed_casualties, kept_in_hospital,
                                            partitive_change,
                                            whole_of_a_part, wounded_then_killed, treated_for_injuries, harmed_displaced, own_noun, death_toll_rose_to, part_then_verb,
                                            held_in_custody, taken_to_custody, prisoners_taken, prisoners_in_a_tally, continued_passive, taken_after, inmates_walked_out, place_people_left, tally_segment,
                                            parse_link, parse_predicate, fleeing_clause,
                                            group_casualty_word, treated_in_hospital, attackers, along_with, shared_participle, nearest_in_clause, prisoners_held)


def quantity(doc, text: str, cand: Candidate, terms: ClaimTerms) -> tuple[str | None, str]:
    """(quantity, rule), or (None, "") when the figure says nothing happened to anyone."""
    for rule in QUANTITY_RULES:
        out = rule(doc, text, cand, terms)
        if out is NONE:
            return None, ""
        if out is not None:
            return _prisoners_out(out, cand, text)
    return None, ""


def _prisoners_out(out: tuple[str, str], cand: Candidate, text: str) -> tuple[str, str]:
    """'Hundreds of inmates fled the prison': prisoners who flee or escape are released
    (a prison break), not displaced; so are hostages who escape ('19 hostages escaped')."""
    q, rule = out
    if q == "displaced" and cand.noun is not None and (cand.noun.category == "prisoners"
                                                       or cand.noun.subgroup == "hostages"):
        return "released", rule + " quantity:prisoners-escaped"
    return out
