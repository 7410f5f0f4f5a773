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
from typing import Callable

from ...lexicon.claim_terms import ClaimTerms, category_words, claim_words, load_figure_terms, quantities_in
from ...lexicon.patterns import alternation
from ..doc_arrays import doc_text, token_words
from .subjects import token_at
from .figure_view import Candidate

# How far (in tokens) a casualty word may be from the figure when the parse links none.
MAX_QUANTITY_DISTANCE = 16
# No quantity at all, and no later rule may give one: the figure is not a claim.
NONE = ("", "")

QuantityRule = Callable[[object, str, Candidate, ClaimTerms], "tuple[str, str] | None"]


def quantity_tokens(doc, terms: ClaimTerms) -> list[tuple[int, str, bool]]:
    """(token index, quantity, is proper noun) of every casualty word of the sentence,
    computed once per sentence."""
    cached = doc.user_data.get("sitrep_quantities")
    if cached is None:
        words, lemmas = token_words(doc)
        cached = []
        for i in range(len(words)):
            q = terms.quantity_at(words, lemmas, i)
            if q:
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
    return head is not tok and head.lemma_.lower() in words.hypothetical_heads and tok.dep_ in ("xcomp", "ccomp")


# Modals that estimate the past with "have" ("may have been killed"); "would have been
# killed" stays a counterfactual.
_ESTIMATING_MODALS = frozenset({"may", "might", "could", "must"})


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
    m = words.single_victim_passive.match(text, cand.figure.start)
    if m:
        event = m.group("event").lower()
        q = next((q for k, q in _PASSIVE_QUANTITY.items() if k in event), None) \
            or next(iter(sorted(quantities_in(event))), None)  # "lost his life", "drowned"
        if q:
            return q, "quantity:single-victim"
    return NONE


_PASSIVE_QUANTITY = claim_words().word_quantity
# Words of captivity in the phrase of people rescued: they were held, so they are released.
_HELD_WORDS = load_figure_terms().captive_words | {"hostage", "hostages", "captive", "captives", "abducted", "kidnapped"}


_PARTITIVE = re.compile(r"^\s+of\s+(?:the|those|these)\s", re.IGNORECASE)


def partitive_change(doc, text: str, cand: Candidate, terms: ClaimTerms):
    """'57 of the wounded died', '37 of the freed passengers were wounded': what happened
    next to part of a group is its verb's, not the group's word."""
    if not _PARTITIVE.match(text[cand.figure.end:]):
        return None
    anchor = token_at(doc, cand.figure.start)
    while anchor is not None and anchor.dep_ in ("nummod", "quantmod", "compound") and anchor.head is not anchor:
        anchor = anchor.head  # "about 57": the number's head
    if anchor is None or anchor.dep_ not in ("nsubj", "nsubjpass"):
        return None
    verb = anchor.head
    q = {i: q for i, q, _ in quantity_tokens(doc, terms)}.get(verb.i)
    if q and not hypothetical(verb):
        return q, f"quantity:partitive-verb({verb.lemma_})"
    if verb.lemma_ == "have" and any(c.dep_ == "dobj" and c.lower_ in claim_words().wound_nouns for c in verb.children):
        return "injured", "quantity:partitive-verb(have wounds)"  # "62 of the new arrivals had gunshot wounds"
    return None


def own_noun(doc, text: str, cand: Candidate, terms: ClaimTerms):
    """'30 deaths', '108 injuries', '3,000 IDPs': the people noun says what happened."""
    if cand.noun is not None and cand.noun.quantity:
        return cand.noun.quantity, f"quantity:noun({' '.join(cand.noun.words)})"
    return None


# "and 11 others were wounded": a continuing figure's own passive predicate, which a parse
# often hangs on the previous figure's verb ("We lost seven soldiers ... and 11 others ...").
_OWN_PASSIVE = re.compile(r"^\s+(?:were|was|have\s+been|has\s+been|had\s+been|are)\s+(?:also\s+)?(?P<word>[a-z]+)\b")


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
        parsed = parse_link(doc, text, cand, terms)
        if parsed is None or parsed is NONE or parsed[0] == quantity:
            return None
    return (quantity, f"quantity:own-passive({m.group('word')})") if quantity else None


def taken_after(doc, text: str, cand: Candidate, terms: ClaimTerms):
    """'270 soldiers were killed and 35 taken prisoner': a bare figure's own words after it
    say they were taken (parses read "35 taken prisoner" as a noun phrase)."""
    if cand.noun_start is not None:
        return None
    words = " ".join(re.findall(r"[a-z]+", text[cand.figure.end:cand.figure.end + 30].lower())[:2])
    return ("detained", f"quantity:taken-after({words})") if words in load_figure_terms().bare_casualty_phrases else None


_SUBSET_CLAUSE = re.compile(r",\s+(?:of|among)\s+(?:whom|which|them)\b", re.IGNORECASE)
_LEAVE = claim_words().leave_verbs
_GROUP_QUANTITY = claim_words().word_quantity
_FORCE = claim_words().force_verbs
_CROSSING = claim_words().crossing_verbs
_LEFT_PLACES = claim_words().left_places


def _civilian_mover(cand: Candidate) -> bool:
    """People who cross or move as people, not troops ("Tajiks", "residents", "people")."""
    return cand.noun is None or cand.noun.category in ("total", "civilians")


# "residents left", "inhabitants had already left": a place's people leaving (the parse often
# hangs "left" on the noun as a participle: "200,000 of the city's 300,000 residents left").
_PEOPLE_LEFT = re.compile(r"^(?:\s+(?:of|in|from)\s+(?:the\s+)?[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)?"
                          r"\s+(?:had\s+|have\s+|has\s+)?(?:already\s+)?left\b(?!\s+(?:behind|dead|homeless|\d))")


# "76 people were treated in the city's hospitals", "200 were being treated at the Amitie
# hospital": people treated in a hospital or by medics were hurt.
_TREATED = re.compile(r"^[^.;]{0,40}?\b(?:were|was|are|is|been|being|had\s+been|have\s+been)\s+(?:still\s+)?(?:being\s+)?"
                      rf"{alternation(load_figure_terms().treated_verbs)}\s+(?:in|at|by)\b", re.IGNORECASE)


def treated_in_hospital(doc, text: str, cand: Candidate, terms: ClaimTerms):
    """'Officially, 76 people were treated in the city's hospitals': people treated in a
    hospital or by medics were wounded (a figure with a casualty word of its own says so first)."""
    if _TREATED.match(text[cand.figure.end:]):
        return "injured", "quantity:treated"
    return None


def place_people_left(doc, text: str, cand: Candidate, terms: ClaimTerms):
    """'Some 200,000 of the city's 300,000 residents left before the assault began': a
    place's people who leave flee it."""
    if not _place_people(cand):
        return None
    noun = " ".join(cand.noun.words)
    at = text.lower().find(noun, cand.figure.end, cand.figure.end + MAX_PART_CHARS)
    if at >= 0 and _PEOPLE_LEFT.match(text[at + len(noun):]):
        return "displaced", "quantity:place-people-left"
    return None


# How far after a figure its people noun is looked for ("70,000 of the city's 90,000 residents").
MAX_PART_CHARS = 60


def _open_subset(between: str) -> bool:
    """A subset clause the word stands in ("120 hostages remain, of whom a third have died"),
    not an aside closed before it ("20 people, among them social leaders, had been kidnapped")."""
    m = _SUBSET_CLAUSE.search(between)
    return m is not None and "," not in between[m.end():]


def _place_people(cand: Candidate) -> bool:
    """A place's people ("residents", "inhabitants"): when they leave, they flee it."""
    return cand.noun is not None and " ".join(cand.noun.words) in category_words().displaced_as_people


def _figure_tokens(doc) -> list[int]:
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


def parse_link(doc, text: str, cand: Candidate, terms: ClaimTerms):
    """The casualty word the parse links to the figure: a modifier of its noun ('people
    killed'), then the heads above it ('were killed', 'the injury of six others')."""
    anchor = token_at(doc, cand.noun_start if cand.noun_start is not None else cand.figure.start)
    if anchor is None:
        return NONE
    by_index = {i: q for i, q, _ in quantity_tokens(doc, terms)}
    captives = load_figure_terms().captive_words
    head_q = by_index.get(anchor.head.i) if anchor.dep_ == "dobj" else None
    if head_q and not hypothetical(anchor.head):
        # "killed some 1,700 cadets captured at Camp Speicher": what the verb did to its object
        # comes before the participle that describes the object
        return head_q, f"quantity:parse({anchor.head.lemma_})"
    if anchor.dep_ == "dobj" and anchor.head.lemma_ == "rescue" and any(w.lower_ in _HELD_WORDS for w in anchor.subtree):
        # "rescued 14 villagers who had been kidnapped": freed now, whatever the clause says befell them
        return "released", "quantity:parse(rescue captives)"
    for child in anchor.children:
        if child.dep_ in ("acl", "relcl", "amod") and not (child.dep_ == "amod" and child.text[:1].isupper()):
            # a capitalised modifier is part of a name: "5 Free Syrian Army fighters" were not freed
            q = by_index.get(child.i)
            if q and not hypothetical(child):
                return q, f"quantity:parse({child.lemma_})"
    tok = anchor
    for _ in range(4):
        if tok.head is tok:
            break
        if tok.dep_ == "conj" and any(c.i == anchor.i or c.i == anchor.head.i for c in tok.children
                                      if c.dep_ in ("nsubj", "nsubjpass")):
            break  # "six civilians were killed ... and that 38 civilians were treated": its own clause
        tok = tok.head
        if tok.lemma_ in ("take", "hold") and any(c.lower_ in captives for c in tok.children):
            return "detained", f"quantity:parse({tok.lemma_} prisoner)"  # "took 600 soldiers prisoner"
        if tok.lemma_ == "rescue" and (cand.noun is not None and cand.noun.subgroup == "hostages"
                                       or any(w.lower_ in _HELD_WORDS for w in anchor.subtree)):
            # "rescued 42 abductees", "rescued 62 persons ... who were being held hostage"; not from rubble
            return "released", "quantity:parse(rescue captives)"
        if tok.lemma_ in ("claim", "cost", "take") and cand.noun is not None and cand.noun.words == ("lives",):
            return "killed", f"quantity:parse({tok.lemma_} lives)"  # "the fighting claimed 50 lives"
        if cand.noun is not None and (tok.lemma_ in ("hold", "keep") and cand.noun.category == "prisoners"
                                      or tok.lemma_ in ("hold", "keep", "remain") and cand.noun.subgroup == "hostages"):
            return "detained", f"quantity:parse({tok.lemma_} captives)"  # "holding 100 hostages", "120 hostages remain"
        if tok.lemma_ == "hold" and anchor.dep_ == "dobj" and anchor.head.i == tok.i and _armed_subject(tok):
            return "detained", "quantity:parse(hold by force)"  # "Serb forces were holding 32 Dutch peacekeepers"
        if tok.lemma_ in _LEAVE and any(c.dep_ == "dobj" and (c.pos_ == "PROPN" or c.lemma_ in _LEFT_PLACES)
                                        for c in tok.children):
            return "displaced", f"quantity:parse({tok.lemma_} place)"  # "85,000 have left Nagorno-Karabakh", "left villages"
        if tok.lemma_ in _CROSSING and _civilian_mover(cand) and any(
                c.dep_ == "prep" and c.lower_ in ("into", "to", "across", "at")
                for c in list(tok.children) + [g for d in tok.children if d.dep_ == "dobj" for g in d.children]):
            return "displaced", f"quantity:parse({tok.lemma_} into)"  # "60,000 Tajiks have crossed ... into Afghanistan"
        if tok.lemma_ in _FORCE and any(c.dep_ == "xcomp" and c.lemma_ in _LEAVE for c in tok.children):
            return "displaced", f"quantity:parse({tok.lemma_} to leave)"  # "forced 300,000 people to leave"
        if tok.lemma_.lower() in claim_words().suffer_verbs:
            suffered = next((c for c in tok.children if c.dep_ == "dobj" and c.i in by_index), None)
            if suffered is not None:  # "17 others sustained injuries": not the "paid" it is joined to
                return by_index[suffered.i], f"quantity:parse({tok.lemma_} {suffered.lemma_})"
        told = next((c for c in tok.children if c.dep_ == "oprd" and c.i in by_index), None)
        if told is not None and not hypothetical(tok):  # "a siege that left 2,000 people dead"
            return by_index[told.i], f"quantity:parse({tok.lemma_} {told.lemma_})"
        q = by_index.get(tok.i)
        if q:
            if hypothetical(tok):
                return NONE
            return q, f"quantity:parse({tok.lemma_})"
    return None


def attackers(doc, text: str, cand: Candidate, terms: ClaimTerms):
    """'Two suicide bombers and gunmen attacked crowds outside the airport, killing 60', 'five
    gunmen stormed the hotel, wounding 12': the subject of an active verb whose participle
    kills or wounds counts who attacked, not who died (the participle's own object does)."""
    anchor = token_at(doc, cand.noun_start if cand.noun_start is not None else cand.figure.start)
    if anchor is None:
        return None
    while anchor.dep_ in ("compound", "nummod", "amod", "conj") and anchor.head is not anchor:
        anchor = anchor.head  # "two suicide bombers and three gunmen attacked ..."
    verb = anchor.head
    if anchor.dep_ != "nsubj" or verb.pos_ != "VERB" or any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children):
        return None
    by_index = {i: q for i, q, _ in quantity_tokens(doc, terms)}
    if verb.i in by_index:
        return None  # "five soldiers died": the verb says what befell them
    for child in verb.children:
        if child.dep_ in ("advcl", "conj", "xcomp") and child.tag_ == "VBG" and child.i in by_index \
                and any(c.dep_ == "dobj" for c in child.children):
            return NONE
    return None


def _armed_subject(verb) -> bool:
    """Whether the subject of ``verb`` is an armed force ("Bosnian Serb forces", "the rebels",
    "Georgian forces"): people they hold are captives, not people a camp shelters."""
    from ...lexicon.actor_words import actor_words

    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None:
        return False
    return subj.lower_ in actor_words().force_nouns or bool(category_words().rebels.fullmatch(subj.lower_))


def nearest_in_clause(doc, text: str, cand: Candidate, terms: ClaimTerms):
    """The nearest casualty word of the clause, preferring one after the figure."""
    anchor = token_at(doc, cand.noun_start if cand.noun_start is not None else cand.figure.start)
    if anchor is None:
        return NONE
    best = None
    figures = _figure_tokens(doc)
    breakdown = load_figure_terms().breakdown
    for i, quantity, propn in quantity_tokens(doc, terms):
        if i == anchor.i or propn:
            continue
        if i > anchor.i and any(anchor.i < f < i and not breakdown.search(doc[anchor.i:f].text) for f in figures):
            continue  # "11 people ..., some 511 servicemen were wounded": the other figure's word
        if i > anchor.i and _open_subset(doc[anchor.i:i].text):
            continue  # "120 hostages remain, of whom a third have died": the subset's word
        dist = i - anchor.i
        if any(t.text == ";" for t in doc[min(i, anchor.i): max(i, anchor.i)]):
            continue
        score = dist if dist > 0 else -dist * 1.5
        if score <= MAX_QUANTITY_DISTANCE and (best is None or score < best[0]):
            best = (score, quantity, doc[i])
    if best:
        if hypothetical(best[2]):
            return NONE
        return best[1], f"quantity:near({best[2].text.lower()})"
    return None


_GROUP_CASUALTY = re.compile(rf"\b(?:among|of)\s+(?:the|those)\s+({alternation(claim_words().group_casualty_words)})\b"
                             r"[^.;]{0,80}$", re.IGNORECASE)


def group_casualty_word(doc, text: str, cand: Candidate, terms: ClaimTerms):
    """'Among the dead servicemen, 180 were ... and 12 were ...': the group says it."""
    m = _GROUP_CASUALTY.search(text[: cand.figure.start])
    if m:
        return _GROUP_QUANTITY[m.group(1).lower()], f"quantity:group({m.group(1).lower()})"
    return None


def parse_predicate(doc, text: str, cand: Candidate, terms: ClaimTerms):
    """'two million people, most of the province, are thought to be internally displaced':
    the casualty word in the predicate of the verb the figure is subject of."""
    anchor = token_at(doc, cand.noun_start if cand.noun_start is not None else cand.figure.start)
    if anchor is None or anchor.dep_ not in ("nsubj", "nsubjpass"):
        return None
    by_index = {i: q for i, q, _ in quantity_tokens(doc, terms)}
    frontier = [anchor.head]
    for _ in range(3):
        nxt = []
        for tok in frontier:
            for child in tok.children:
                if child.dep_ in ("xcomp", "acomp", "oprd", "attr", "ccomp"):
                    q = by_index.get(child.i)
                    if q and not hypothetical(child):
                        return q, f"quantity:parse-predicate({child.lemma_})"
                    nxt.append(child)
                elif child.dep_ == "prep" and child.lower_ == "among":
                    # "three peacekeepers were among those killed / among the dead"
                    for obj in (c for c in child.children if c.dep_ == "pobj"):
                        for word in [obj, *(c for c in obj.children if c.dep_ in ("acl", "amod", "relcl"))]:
                            q = by_index.get(word.i)
                            if q and not hypothetical(word):
                                return q, f"quantity:parse-predicate(among {word.lemma_})"
        frontier = nxt
    return None


def mixed_casualties(doc, text: str, cand: Candidate, terms: ClaimTerms):
    """'20 people were killed or wounded': casualties of no one kind are no claim."""
    anchor = token_at(doc, cand.noun_start if cand.noun_start is not None else cand.figure.start)
    if anchor is None:
        return None
    pattern = load_figure_terms().mixed_casualties
    for i, _q, _p in quantity_tokens(doc, terms):
        if abs(i - anchor.i) <= MAX_QUANTITY_DISTANCE:
            if pattern.match(doc_text(doc)[doc[i].idx + len(doc[i].text):]):
                return NONE
    return None


# The quantity rules, in order.
QUANTITY_RULES: tuple[QuantityRule, ...] = (speakers, single_victim, mixed_casualties, partitive_change, own_noun,
                                            continued_passive, taken_after, place_people_left, parse_link, parse_predicate,
                                            group_casualty_word, treated_in_hospital, attackers, nearest_in_clause)


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
