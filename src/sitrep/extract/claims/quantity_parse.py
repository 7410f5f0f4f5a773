"""The quantity rules that read the parse: the casualty word linked to the figure, the
predicate of the verb it is subject of, attackers counted as their victims, and the
nearest casualty word of the clause. Each returns ``(quantity, rule)``, ``NONE`` or None
like every rule of ``quantity``."""

from __future__ import annotations

import re

from ...lexicon.claim_rule_words import word_set
from ...lexicon.claim_terms import ClaimTerms, category_words, claim_words, load_figure_terms
from ..doc_arrays import doc_text
from .subjects import token_at
from .figure_view import Candidate
from .quantity_base import HELD_WORDS, MAX_QUANTITY_DISTANCE, NONE, figure_tokens, hypothetical, quantity_tokens, still_to_come

# (also a share of them: "650,000 people live in the Gaza Strip, more than half of them in
# refugee camps": the camps are the share's, not the figure's; set CY's Gaza 1987 item)
_SUBSET_CLAUSE = re.compile(r",\s+(?:(?:of|among)\s+(?:whom|which|them)|(?:(?:more|less|fewer)\s+than\s+|about\s+|nearly\s+|almost\s+)?"
                            r"(?:half|most|many|some|a\s+third|a\s+quarter|two-thirds|a\s+fifth)\s+of\s+them)\b", re.IGNORECASE)
_LEAVE = claim_words().leave_verbs
_FORCE = claim_words().force_verbs
_CROSSING = claim_words().crossing_verbs
_LEFT_PLACES = claim_words().left_places
_DRIVE_OUT = claim_words().drive_out_verbs
_ARRIVING = word_set("arriving_verbs")
# What people are taken into or held in ("into custody", "in detention").
_CUSTODY = word_set("custody_nouns")


# What people cross when they flee a country (set BI's Hungary 1956 wire), a border river
# too ("4,800 Surinamese had crossed the Maroni river": set CZ's Paramaribo wire).
_BORDER_NOUNS = frozenset({"border", "frontier", "boundary", "river"})


def _leaves_a_place(verb, cand: Candidate) -> bool:
    """'85,000 have left Nagorno-Karabakh', 'left villages along the Line of Control', and
    people (not troops) who 'left for Argentina': a leave verb with the place it leaves, or
    a named place people leave for (set R's Paraguay analysis; checked on sets J-Q)."""
    if verb.lemma_ not in _LEAVE:
        return False
    if any(c.dep_ == "dobj" and (c.pos_ == "PROPN" or c.lemma_ in _LEFT_PLACES) for c in verb.children):
        return True
    return _civilian_mover(cand) and any(
        c.dep_ == "prep" and c.lower_ == "for" and any(o.dep_ == "pobj" and o.pos_ == "PROPN" for o in c.children)
        for c in verb.children)


def _carried_with(anchor, verb) -> bool:
    """'The train, with around 440 passengers on board, left Quetta': people carried "with"
    the one that leaves, who are no one displaced (set BY's Jaffar Express liveblog)."""
    cur = anchor
    while cur.i != verb.i and cur.head.i != cur.i:
        if cur.dep_ == "prep" and cur.lower_ == "with":
            return True
        cur = cur.head
    return False


def _under_prepositions(prep, verb) -> bool:
    """A preposition of the verb's, or of a phrase of its own ("arrived ... by boat from Sabah")."""
    tok = prep
    for _ in range(3):
        if tok.head.i == verb.i:
            return True
        tok = tok.head
        if tok.dep_ not in ("prep", "pobj"):
            return False
    return False


def _civilian_mover(cand: Candidate) -> bool:
    """People who cross or move as people, not troops ("Tajiks", "residents", "people")."""
    return cand.noun is None or cand.noun.category in ("total", "civilians")


# "without saying how many of them were killed", "did not say how many died": a casualty word
# after these is what the speaker left unsaid, not the figure's (set BJ's Colombia 1998 wire).
_HOW_MANY = re.compile(r"\bhow\s+many\b", re.IGNORECASE)


def _open_subset(between: str) -> bool:
    """A subset clause the word stands in ("120 hostages remain, of whom a third have died"),
    not an aside closed before it ("20 people, among them social leaders, had been kidnapped")."""
    m = _SUBSET_CLAUSE.search(between)
    return m is not None and "," not in between[m.end():]



def _befalls_what_they_own(clause) -> bool:
    """'1,000 people whose apartments were destroyed': the clause's subject is theirs ("whose
    X"), so what it says befell their homes, not them."""
    return any(s.dep_ in ("nsubj", "nsubjpass") and any(p.lower_ == "whose" for p in s.children)
               for s in clause.children)


def parse_link(doc, text: str, cand: Candidate, terms: ClaimTerms):
    """The casualty word the parse links to the figure: a modifier of its noun ('people
    killed'), then the heads above it ('were killed', 'the injury of six others')."""
    anchor = token_at(doc, cand.noun_start if cand.noun_start is not None else cand.figure.start)
    if anchor is None:
        return NONE
    by_index = {i: q for i, q, _ in quantity_tokens(doc, terms)}
    head_q = by_index.get(anchor.head.i) if anchor.dep_ == "dobj" else None
    if anchor.dep_ == "pobj" and anchor.head.lower_ == "of" and anchor.head.head.lower_ == "track" \
            and anchor.head.head.head.lemma_ == "lose":
        # "had lost track of up to 40,000 others": missing, not dead (set CX's Kisangani wire)
        return "missing", "quantity:parse(lose track)"
    if anchor.dep_ == "pobj" and anchor.head.lower_ == "of" and anchor.head.head.dep_ == "dobj":
        # "freed 7 of the captured agents": what the verb did to the share (set J's FARC communique)
        head_q = by_index.get(anchor.head.head.head.i)
        anchor = anchor.head.head if head_q else anchor
    if head_q and _captives_lost(anchor.head, cand):
        return "detained", f"quantity:parse({anchor.head.lemma_} prisoners)"
    if head_q and not hypothetical(anchor.head):
        # "killed some 1,700 cadets captured at Camp Speicher": what the verb did to its object
        # comes before the participle that describes the object
        return head_q, f"quantity:parse({anchor.head.lemma_})"
    if anchor.dep_ == "dobj" and anchor.head.lemma_ == "rescue" and any(w.lower_ in HELD_WORDS for w in anchor.subtree):
        # "rescued 14 villagers who had been kidnapped": freed now, whatever the clause says befell them
        return "released", "quantity:parse(rescue captives)"
    for child in anchor.children:
        if child.dep_ == "relcl" and _leaves_a_place(child, cand) and not hypothetical(child):
            return "displaced", f"quantity:parse({child.lemma_} place)"  # "430 people who had left Santo"
        if child.dep_ == "relcl" and _befalls_what_they_own(child):
            continue
        if child.dep_ in ("acl", "relcl", "amod") and not (child.dep_ == "amod" and child.text[:1].isupper()):
            # a capitalised modifier is part of a name: "5 Free Syrian Army fighters" were not freed
            q = by_index.get(child.i)
            if q and not hypothetical(child):
                if (now := _predicate_now(anchor, by_index)) is not None and by_index[now.i] != q:
                    # "22 persons detained in the operation had been released", "the 17 fishermen
                    # who were apprehended ... were released", "Eleven guards who were injured
                    # ... had been freed": freed now (sets AK and AP); "nine athletes held
                    # hostage ... were killed": killed now (set AR's Munich wire)
                    return by_index[now.i], f"quantity:parse({now.lemma_})"
                return q, f"quantity:parse({child.lemma_})"
    tok = anchor
    for _ in range(4):
        if tok.head is tok:
            break
        if tok.dep_ == "conj" and any(c.i == anchor.i or c.i == anchor.head.i for c in tok.children
                                      if c.dep_ in ("nsubj", "nsubjpass")):
            break  # "six civilians were killed ... and that 38 civilians were treated": its own clause
        if tok.dep_ == "relcl" and anchor.head.i == tok.i and anchor.dep_ == "dobj" and tok.i not in by_index:
            return NONE  # "the rebels, who had marched some 250 foreigners out": what the clause did to them
        tok = tok.head
        found = _head_quantity(tok, anchor, cand, by_index)
        if found is not None:
            return found
    predicate = _stranded_passive(anchor)
    if predicate is not None:
        # "58 people found with guns ... had been taken into custody", parsed with "found" as
        # the verb and the passive as its clause (set AK's Ghana daily)
        return _head_quantity(predicate, anchor, cand, by_index)
    return None


def _captives_lost(verb, cand: Candidate) -> bool:
    """'the insurgents had lost over 4,000 dead and 7,800 prisoners': prisoners a side lost
    were taken, not killed (set AT's monitoring digest)."""
    return verb.lemma_ == "lose" and cand.noun is not None and cand.noun.words[0] in load_figure_terms().captive_words


def _stranded_passive(anchor):
    """The passive verb a reduced relative clause ("people found with guns") left without
    its subject: the participle parsed as the figure's verb, the real predicate as a
    subjectless passive clause under it; None otherwise."""
    verb = anchor.head
    if anchor.dep_ != "nsubj" or verb.tag_ != "VBD" or verb.lemma_ not in _REDUCED_PARTICIPLES:
        return None
    # (the passive may hang under the participle, or beside it under a speech verb: "He added
    # that 58 people found ... had been taken")
    near = list(verb.children) + (list(verb.head.children) if verb.dep_ == "ccomp" else [])
    return next((c for c in near if c.dep_ == "ccomp" and c.i > verb.i and any(g.dep_ == "auxpass" for g in c.children)
                 and not any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)), None)


# Participles that open a reduced relative clause after people ("found", "caught", "seen").
_REDUCED_PARTICIPLES = word_set("reduced_participles")


def _predicate_now(anchor, by_index: dict[int, str]):
    """The verb the figure's people are the subject of, when it says what befell them ("...
    had been released", "... were killed"); None otherwise."""
    verb = anchor.head
    if anchor.dep_ in ("nsubj", "nsubjpass") and by_index.get(verb.i) and not hypothetical(verb):
        return verb
    return None


def _stranded_predicate(tok, anchor, by_index: dict[int, str]):
    """'nine athletes held hostage by the guerrillas were killed', 'Twelve soldiers taken
    prisoner in the ambush were executed', 'thousands of their fighters captured at that time
    were later executed': the small parse makes the participle that describes the people their
    verb, and the passive that says what befell them a clause with no subject of its own,
    joined to it (or, under a speech verb, a second clause of that verb); the passive is the
    figure's. Only for a participle with no auxiliary that has its agent ("by the guerrillas")
    or whose subject holds the figure (sets AR's Munich wire, BJ and BK's Afghanistan 1998;
    checked on Yemen and Sudan sentences)."""
    if tok.tag_ not in ("VBN", "VBD") or any(c.dep_ in ("aux", "auxpass") for c in tok.children):
        return None
    agent = any(c.dep_ == "prep" and c.lower_ == "by" for c in tok.children)
    holds = any(c.dep_ in ("nsubj", "nsubjpass") and c.i <= anchor.i <= c.right_edge.i for c in tok.children)
    if not (agent or holds):
        return None  # a verb of its own clause, not a participle describing the figure's people
    near = [c for c in tok.children if c.dep_ == "conj"]
    if holds and tok.dep_ == "ccomp":
        near += [c for c in tok.head.children if c.dep_ == "ccomp" and c.i > tok.i]
    for c in near:
        if by_index.get(c.i) and by_index[c.i] != by_index.get(tok.i) and any(a.dep_ == "auxpass" for a in c.children) \
                and not any(a.dep_.startswith("nsubj") for a in c.children) and not hypothetical(c):
            return c
    return None


def _captive_word_next(verb, captive) -> bool:
    """'took prisoner 91,000 men': the captive word right after the verb, before its object
    (the parse hangs it on the object as a compound)."""
    nxt = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
    return nxt is not None and nxt.lower_ in captive and nxt.head.dep_ == "dobj" and nxt.head.head.i == verb.i


# Places whose holding people is their size, not a capture.
# Not a camp: "The camp held 506 detainees" counts people detained (set BY's Hola inquest), where
# "Lurigancho, Peru's largest jail, holds some 5,000 inmates" is a prison's population (set BU).
_HOLDING_PLACES = frozenset({"jail", "jails", "prison", "prisons", "penitentiary"})


def _a_holding_place(verb) -> bool:
    """The subject of "holds" is a jail or a camp, by its noun or its apposition."""
    for s in (c for c in verb.children if c.dep_ == "nsubj"):
        if s.lower_ in _HOLDING_PLACES or any(c.dep_ == "appos" and c.lower_ in _HOLDING_PLACES for c in s.children):
            return True
    return False


def _amount_of_captives(verb, captive) -> bool:
    """'had taken hundreds of prisoners': the captive word after "of" in the verb's object, a
    vague amount or a share (set BT's Bomdila daily)."""
    return any(c.dep_ == "dobj" and any(g.dep_ == "prep" and g.lower_ == "of" and any(p.lower_ in captive for p in g.children)
                                        for g in c.children) for c in verb.children)


def _head_quantity(tok, anchor, cand: Candidate, by_index: dict[int, str]):
    """What a head above the figure says befell it ("took 600 soldiers prisoner", "forced
    300,000 people to leave", "a siege that left 2,000 people dead"), or None to climb on."""
    captive = load_figure_terms().captive_words
    predicate = _stranded_predicate(tok, anchor, by_index)
    if predicate is not None:
        return by_index[predicate.i], f"quantity:parse({predicate.lemma_})"
    if tok.lemma_ == "lose" and any(c.dep_ == "dobj" and c.lower_ in ("contact", "touch", "track") for c in tok.children):
        # "had lost contact with five Americans": missing, not dead (set AP's Ban Me Thuot wire)
        return "missing", f"quantity:parse({tok.lemma_} contact)"
    if _captives_lost(tok, cand):
        return "detained", f"quantity:parse({tok.lemma_} prisoners)"
    if tok.lemma_ in ("take", "hold", "keep") and any(
            c.lower_ in captive or c.dep_ == "prep" and c.lower_ == "as" and any(g.lower_ in captive for g in c.children)
            or c.dep_ == "prep" and c.lower_ in ("into", "in") and any(g.lower_ in _CUSTODY for g in c.children)
            for c in tok.children) or tok.lemma_ == "take" and (_captive_word_next(tok, captive)
                                                                  or _amount_of_captives(tok, captive)):
        # "took 600 soldiers prisoner", "138 more were taken back across the river as prisoners",
        # "58 people found with guns ... had been taken into custody" (set AK's Ghana daily),
        # "took prisoner 91,000 enemy officers and men" (set AY's Soviet bulletin)
        return "detained", f"quantity:parse({tok.lemma_} prisoner)"
    # the figure's noun phrase: "rescued 12 kidnapped women" (the figure a number on "women")
    phrase = anchor.head.subtree if anchor.dep_ == "nummod" else anchor.subtree
    if tok.lemma_ in ("rescue", "recover") and (cand.noun is not None and cand.noun.subgroup == "hostages"
                                                or any(w.lower_ in HELD_WORDS for w in phrase)):
        # "rescued 42 abductees", "rescued 62 persons ... who were being held hostage"; not from rubble
        return "released", f"quantity:parse({tok.lemma_} captives)"
    if tok.lemma_ in ("claim", "cost", "take") and cand.noun is not None and cand.noun.words == ("lives",):
        return "killed", f"quantity:parse({tok.lemma_} lives)"  # "the fighting claimed 50 lives"
    if tok.lemma_ in ("hold", "house") and _a_holding_place(tok):
        return None  # "Lurigancho, Peru's largest jail, holds some 5,000 inmates": its size (set BU)
    if cand.noun is not None and (tok.lemma_ in ("hold", "keep") and cand.noun.category == "prisoners"
                                  or tok.lemma_ in ("hold", "keep", "remain") and cand.noun.subgroup == "hostages"):
        return "detained", f"quantity:parse({tok.lemma_} captives)"  # "holding 100 hostages", "120 hostages remain"
    if tok.lemma_ == "hold" and anchor.dep_ in ("dobj", "nsubjpass") and anchor.head.i == tok.i and _armed_subject(tok):
        # "Serb forces were holding 32 Dutch peacekeepers", "22 policemen are now held by our forces"
        return "detained", "quantity:parse(hold by force)"
    if _leaves_a_place(tok, cand) and not _carried_with(anchor, tok) and not still_to_come(tok):
        return "displaced", f"quantity:parse({tok.lemma_} place)"  # "85,000 have left Nagorno-Karabakh", "left villages"
    if tok.lemma_ in _ARRIVING and anchor.dep_ == "nsubj" and anchor.head.i == tok.i and _civilian_mover(cand) \
            and any(c.dep_ == "prep" and c.lower_ == "from" and _under_prepositions(c, tok) for c in tok.subtree) \
            and not still_to_come(tok):
        # "some 1,500 people had arrived on the island by boat from the mainland": people who came from
        # somewhere, not troops, were uprooted (set CW's Sabah wire)
        return "displaced", f"quantity:parse({tok.lemma_} from)"
    if tok.lemma_ in _CROSSING and _civilian_mover(cand) and any(
            c.dep_ == "prep" and c.lower_ in ("into", "to", "across", "at", "towards", "toward", "over")
            or c.dep_ == "dobj" and c.lemma_ in _BORDER_NOUNS  # "3,000 Hungarians had crossed the frontier"
            # "50,000 people have crossed from N'Djamena by canoe": out of a named town (set DC)
            or tok.lemma_ == "cross" and c.dep_ == "prep" and c.lower_ == "from"
            and any(o.dep_ == "pobj" and o.pos_ == "PROPN" for o in c.children)
            for c in list(tok.children) + [g for d in tok.children if d.dep_ == "dobj" for g in d.children]):
        return "displaced", f"quantity:parse({tok.lemma_} into)"  # "60,000 Tajiks have crossed ... into Afghanistan"
    if tok.lemma_ in _DRIVE_OUT and anchor.head.i == tok.i and anchor.dep_ in ("dobj", "nsubjpass") \
            and _civilian_mover(cand) and any(c.dep_ in ("prep", "prt") and c.lower_ in ("from", "out", "away")
                                              for c in list(tok.children) + list(anchor.children)):
        return "displaced", f"quantity:parse({tok.lemma_} from)"  # "had driven 114,000 people from Ramadi"
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

    while verb.dep_ == "xcomp" and not any(c.dep_ == "nsubj" for c in verb.children):
        verb = verb.head  # "is still believed to be holding 54 passengers": the subject above (set BS)
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None:  # "are now held by our forces": the passive's agent
        agent = next((c for c in verb.children if c.dep_ == "agent"), None)
        subj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
    if subj is None:
        return False
    words = actor_words()
    if subj.pos_ == "PROPN" and any(w.lower_ in words.insurgent_name_words for w in subj.subtree):
        return True  # "The Popular Front for the Liberation of Palestine" (set BS's Jordan 1970 wire)
    return subj.lower_ in words.force_nouns or bool(category_words().rebels.fullmatch(subj.lower_))


# Verbs whose subject bears the casualty its object names ("suffered injuries", "sustained wounds").
_BEARING_VERBS = frozenset({"suffer", "sustain", "receive", "have", "incur", "bear", "nurse", "take", "get", "count"})


def _acts_on_it(anchor, word) -> bool:
    """The figure's people are the subject of a verb whose object is the casualty word, and
    the verb is no bearing of it: "One European doctor described the injuries", "three
    surgeons treated the wounded" (set BR's Lari wire)."""
    return anchor.dep_ == "nsubj" and word.dep_ == "dobj" and word.head.i == anchor.head.i \
        and word.head.lemma_ not in _BEARING_VERBS


def _owns_another_figure(word, anchor) -> bool:
    """A casualty verb whose own object holds another figure: that figure's word
    (set BU's Lisbon 1974 wire)."""
    return any(c.dep_ == "dobj" and anchor.i not in {w.i for w in c.subtree}
               and any(w.pos_ == "NUM" for w in c.subtree) for c in word.children)


def nearest_in_clause(doc, text: str, cand: Candidate, terms: ClaimTerms):
    """The nearest casualty word of the clause, preferring one after the figure."""
    anchor = token_at(doc, cand.noun_start if cand.noun_start is not None else cand.figure.start)
    if anchor is None:
        return NONE
    best = None
    figures = figure_tokens(doc)
    breakdown = load_figure_terms().breakdown
    for i, quantity, propn in quantity_tokens(doc, terms):
        if i == anchor.i or propn or doc[i].dep_ == "relcl" and _befalls_what_they_own(doc[i]):
            continue
        if i > anchor.i and any(anchor.i < f < i and not breakdown.search(doc[anchor.i:f].text) for f in figures):
            continue  # "11 people ..., some 511 servicemen were wounded": the other figure's word
        if i > anchor.i and _open_subset(doc[anchor.i:i].text):
            continue  # "120 hostages remain, of whom a third have died": the subset's word
        if i > anchor.i and _HOW_MANY.search(doc[anchor.i:i].text):
            continue  # "put its casualties at 14, without saying how many of them were killed": not said
        if _acts_on_it(anchor, doc[i]):
            continue  # "One European doctor described the injuries": what the people did, not suffered
        if _owns_another_figure(doc[i], anchor):
            continue  # "tie down 150,000 troops and have killed more than 8,000 soldiers": 8,000's verb
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
                    if child.dep_ == "attr" and child.lower_ in HELD_WORDS | {"prisoners", "prisoner"} \
                            and not hypothetical(tok):
                        return "detained", f"quantity:parse-predicate({child.lemma_})"  # "are now prisoners of the MNJ"
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


# Between two casualty words of one list: a comma, "or", "and" (with a comma before them).
_LIST_GLUE = re.compile(r"^\s*(?:,\s*(?:(?:or|and)\s+)?|(?:or|and)\s+)$")


def _listed_with_or(doc, kinds: dict[int, str]) -> list[tuple[int, int]]:
    """'the total of Government troops killed, wounded, captured or gone over': casualty words
    of different kinds listed and joined by 'or', however many (the fixed pairs of
    ``not_claims_after`` name two or three; set CB's Manchuria wire). (first, last) token
    indices of each such list."""
    spans, run = [], []
    for i in sorted(kinds):
        if run and _LIST_GLUE.match(doc[run[-1] + 1:i].text) is None:  # (two words side by side: no glue)
            spans.append(run)
            run = []
        run.append(i)
    spans.append(run)
    out = []
    for run in spans:
        if len(run) < 3:
            continue
        glue = " ".join(doc[a + 1:b].text.lower() for a, b in zip(run, run[1:]))
        # ("killed, wounded, captured or gone over": the "or" may bring a last item of no kind)
        then_or = doc[run[-1] + 1:run[-1] + 3].text.lower().lstrip(", ").startswith("or ")
        if len({kinds[i] for i in run}) > 1 and ("or" in glue.split() or then_or):
            out.append((run[0], run[-1]))
    return out


def mixed_casualties(doc, text: str, cand: Candidate, terms: ClaimTerms):
    """'20 people were killed or wounded': casualties of no one kind are no claim."""
    anchor = token_at(doc, cand.noun_start if cand.noun_start is not None else cand.figure.start)
    if anchor is None:
        return None
    pattern = load_figure_terms().mixed_casualties
    text_of_doc = doc_text(doc)
    near, lumped = [], []
    kinds = {i: q for i, q, _p in quantity_tokens(doc, terms)}
    for i, q in kinds.items():
        if abs(i - anchor.i) <= MAX_QUANTITY_DISTANCE:
            near.append(i)
            end = doc[i].idx + len(doc[i].text)
            m = pattern.match(text_of_doc[end:])  # (its "^" anchors at the slice)
            if m:
                last = token_at(doc, end + m.end() - 1)
                if last is not None and kinds.get(last.i) == q:
                    continue  # "718 killed or dead of wounds": one kind twice, the dead (set CB's Korea 1950 wire)
                lumped.append((i, last.i if last is not None else i))
    lumped += _listed_with_or(doc, kinds)
    if not lumped:
        return None
    # "100 officers and men were killed or wounded and 48 were captured": 48's own word is
    # the nearest casualty word, outside the lumped pair (set BT's Paracels communique)
    at = anchor if cand.noun_start is not None else (token_at(doc, cand.figure.end - 1) or anchor)  # "more than 2,000": 2,000
    nearest = min(near, key=lambda i: (abs(i - at.i), i < at.i))  # a tie: its own verb after it
    return NONE if any(a <= nearest <= b for a, b in lumped) else None
