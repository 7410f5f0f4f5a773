"""People named one by one as the ones a casualty verb befell: "Camila Acosta, a Cuban
reporter, was arrested", "gunmen shot dead Juan Perez", "X, who was killed in a strike".
GUIDE.md counts enumerated individuals as one claim with their count; the people's role
("reporter", "soldier") or a side named in their title ("Hezbollah official") says their
category, a military rank makes an officer of the state's forces, else they are civilians.
Read from set AV's wires and liveblog (arrests of named reporters and activists, a named
child killed), checked on dev2 and sets AW, AX and AY."""

from __future__ import annotations

import re
from functools import lru_cache

from ...lexicon.claim_rule_words import word_set
from ...lexicon.claim_terms import ClaimTerms, PeopleNoun, category_words, claim_words
from ..claimants import ClaimantLexicon
from ..doc_arrays import doc_text
from ..gazetteer import get_gazetteer
from ..numbers import Figure, parse_number
from .figure_view import Candidate
from .quantity_base import hypothetical

# People named one by one with no role that says their side are civilians (the golds of sets
# AV and AX name reporters, activists, officials and children so); a military rank before the
# name makes an officer of the state's forces ("Lieutenant David Antat", sets AV and AX).
# Verbs a place's name takes as well as a person's ("X was captured"): a person named so has a
# role or a rank with the name ("the garrison commander, General X, was captured": set AY).
_PLACES_TOO = frozenset({"capture"})
_PERSON = PeopleNoun(("people",), "civilians", None, None)
_OFFICER = PeopleNoun(("officers",), "government", None, None)


def named_people(doc, terms: ClaimTerms, quantities: list[tuple[int, str, bool]],
                 lexicon: ClaimantLexicon) -> list[Candidate]:
    """One candidate per casualty verb whose subject (a passive's, or "died"'s) or object
    (an active verb's: "gunmen shot dead X") is a person's name, with the names and
    relatives coordinated with it ("Sharon Amos and her three children": 4)."""
    verbs = word_set("named_victim_verbs")
    out: list[Candidate] = []
    for i, quantity, _ in quantities:
        verb = doc[i]
        among = verb.dep_ == "pobj" and verb.head.lower_ == "among" and verb.head.head.lemma_ == "be"
        if verb.lemma_.lower() not in verbs and not among or hypothetical(verb):
            continue
        clause = verb.head if verb.dep_ == "conj" and not _subject(verb, True) else verb  # "were seized and murdered"
        passive = any(c.dep_ == "auxpass" for c in clause.children) or verb.lemma_.lower() == "die"
        who = _subject(clause, passive) if clause is verb or passive else None
        if who is not None and who.lower_ in ("who", "whom") and clause.dep_ == "relcl":
            who = clause.head  # "Juan Perez, who was arrested on Monday, ...": the name the clause is on
        if who is None and among:
            # "Journalist Anna Petrova was among the wounded", "Among the dead was Colonel X"
            who = next((c for c in verb.head.head.children if c.dep_ in ("nsubj", "attr") and c.pos_ in ("PROPN", "NOUN")), None)
        if who is None and verb.dep_ == "acl" and verb.tag_ == "VBN" and verb.head.pos_ == "PROPN" \
                and not any(c.dep_.startswith("nsubj") or c.dep_ == "dobj" for c in verb.children) \
                and _subject_or_its_apposition(verb.head):
            # "The author Pierre Laval, arrested near Camiri in May, is on trial" (set
            # CZ); not a name listed after a count ("three hostages: officer X, seized in July")
            who = verb.head
        if who is None:
            continue
        described = who if who.pos_ == "NOUN" else None
        if described is not None:
            # "The journalist Anna Petrova", "Three other opponents of the regime, A, B and C":
            # the names in apposition to a common noun are the people
            # (the parse may hang them on the noun's of-phrase: "opponents of the regime, A, B and C")
            of = [o for p in who.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children if o.dep_ == "pobj"]
            who = next((c for h in [who, *of] for c in h.children if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
            if who is None:
                continue
        if not _person(who, lexicon):
            continue
        if verb.lemma_.lower() in _PLACES_TOO and described is None and not _ranked(who):
            continue  # "Kokoda Station was captured": a named place is captured too; a person has a role or rank
        members = _members(who, lexicon)
        count = sum(n for _, n in members)
        if count < 1:
            continue
        first = min(m.left_edge.idx if m.pos_ != "PROPN" else _name_start(m).idx for m, _ in members)
        if described is not None:
            numbers = [c for c in described.children if c.dep_ == "nummod"]
            if numbers and parse_number(numbers[0].text) != count:
                continue  # "three sailors were killed": a figure of its own, not the names
            first = min(first, described.left_edge.idx)  # its own figure ("Three") is inside
        last = max(m.idx + len(m.text) for m, _ in members)
        noun = (_single_role(described, terms) if described is not None else None) or _role(who, terms) \
            or (_OFFICER if _ranked(who) else _PERSON)
        # a side's name in the title says whose, unless the role is a civilian's ("opposition activist")
        side = (_side_of_title(who, lexicon) or _side_of_text(_described_words(described), lexicon)) \
            if noun is _PERSON or noun.category in ("total", "combatants") else None
        if side is None and noun.category == "combatants" and _ranked(who):
            # "The company's commander, Major J. R. Hartley": a rank, the state's officer; a
            # side's word before the noun says whose ("The rebel commander, Colonel X")
            side = "rebels" if category_words().rebels.search(_described_words(described)) else "government"
        if side is None and (noun is _PERSON or noun.category == "combatants") \
                and _armed_rebel_title(_title_words(who) + " " + _described_words(described)):
            side = "rebels"  # "the guerrilla leader Ernesto Guevara died of wounds", "Militant commander X" (set CZ)
        if described is not None and _LEADS_A_RISING.search(_leading_what(described)):
            side = "rebels"  # "the leader of the revolt, Rear Admiral X, has been arrested" (set CZ)
        noun = PeopleNoun(noun.words, side or noun.category, noun.subgroup, None, quantity)
        fig = Figure(first, last, doc_text(doc)[first:last], count, count, count, None, spelled=True)
        out.append(Candidate(fig, noun, first, "figure+named:" + " ".join(noun.words)))
    return out


# A person described as leading a rising ("the leader of the revolt", "the mutiny's
# ringleader", "the head of the coup"): a rebel, whatever rank the name carries.
_LEADS_A_RISING = re.compile(r"\b(?:leader|ringleader|head|organi[sz]er|instigator|chief|commander)s?\s+of\s+"
                             r"(?:the|a|this|that|last\s+\w+'s)\s+(?:\w+\s+){0,2}(?:revolt|rebellion|uprising|mutiny|"
                             r"coup|putsch|insurrection|insurgency|rising|rebels|mutineers|insurgents|plotters|coup\s+attempt)\b"
                             r"|\b(?:revolt|rebellion|uprising|mutiny|coup|putsch|insurrection)['’]s\s+(?:leader|ringleader|head|organi[sz]er)\b",
                             re.IGNORECASE)


def _leading_what(described) -> str:
    """The words of the common noun the names describe, with what it is of ("the leader of
    the revolt"), without the names in apposition."""
    doc = described.doc
    skip = {t.i for c in described.children if c.dep_ == "appos" for t in c.subtree}
    return " ".join(t.text for t in doc[described.left_edge.i: described.right_edge.i + 1] if t.i not in skip)


def _subject(verb, passive: bool):
    """Who the verb befell: a passive's subject ("died"'s too), an active verb's object; none
    when the parse gives two (a headline's words read as a second subject)."""
    found = [c for c in verb.children if c.dep_ == ("nsubjpass" if passive else "dobj")
             or passive and c.dep_ == "nsubj" and verb.lemma_.lower() == "die"]
    return found[0] if len(found) == 1 else None


_QUOTES = frozenset({'"', "“", "”", "'", "‘", "’"})


def _name_start(tok):
    """The first word of the name ending at ``tok``: the capitalised words right before it."""
    start = tok
    doc = tok.doc
    while start.i > 0:
        prev = doc[start.i - 1]
        if prev.pos_ == "PROPN" and prev.text[:1].isupper() and prev.head.i in range(start.i - 1, tok.i + 1):
            start = prev
        elif prev.text in _QUOTES and start.i > 2 and doc[start.i - 2].pos_ == "PROPN" and doc[start.i - 3].text in _QUOTES:
            start = doc[start.i - 3]  # 'Ernesto "Che" Guevara': a nickname in quotes (set CZ)
        else:
            break
    return start


def _person(tok, lexicon: ClaimantLexicon) -> bool:
    """A person's name: two capitalised words at least (a title before one counts), no
    place the gazetteer knows, no body the lexicon knows, no word of a body's name."""
    if tok.pos_ != "PROPN" or not tok.text[:1].isupper():
        return False
    name = doc_text(tok.doc)[_name_start(tok).idx: tok.idx + len(tok.text)]
    words = name.split()
    titled = any(c.dep_ == "compound" and c.lower_.rstrip(".") in _titles() for c in tok.children)
    if len(words) < 2 and not titled or any(w.isupper() and len(w.rstrip(".")) > 1 for w in words):
        return False  # "Hamas", "the UN", "ABC" ("J." of "W. T. Owen" is an initial)
    if any(w.lower() in _not_person_words() for w in words):
        return False  # "Islamic State", "National Guard"
    if get_gazetteer().matches(name):
        return False
    # a body's name, not a person the lexicon knows as one of its voices ("Hassan Nasrallah"
    # is an alias of Hezbollah, and still a man)
    return not any(m.claimant.name.lower() in name.lower() or name.lower() in m.claimant.name.lower()
                   for m in lexicon.find(name, overlapping=True))


def _members(who, lexicon: ClaimantLexicon) -> list[tuple[object, int]]:
    """The names coordinated with ``who`` (1 each) and relatives with a number ("her three
    children": 3; "her husband": 1)."""
    kin = claim_words().kin_nouns
    out, todo = [], [who]
    while todo:
        tok = todo.pop()
        if tok.pos_ == "PROPN":
            if not _person(tok, lexicon):
                return []
            out.append((tok, 1))
        elif tok.lower_ in kin:
            nums = [c for c in tok.children if c.dep_ == "nummod"]
            value = parse_number(nums[0].text) if nums else (None if tok.lower_.endswith("s") else 1)
            if value is None:
                return []  # "his sons": how many is not said
            out.append((tok, value))
        else:
            return []  # "X and three newsmen": a figure of its own counts those
        todo += [c for c in tok.children if c.dep_ == "conj"]
    return out


def _role(tok, terms: ClaimTerms) -> PeopleNoun | None:
    """The people noun the name's title or apposition gives ("reporter", "soldier")."""
    titles = [c.lower_ for c in tok.children if c.dep_ in ("compound", "amod") and c.i < tok.i]
    heads = [c.lower_ for c in tok.children if c.dep_ == "appos"]  # "a Cuban reporter": the reporter first
    rest = [w.lower_ for c in tok.children if c.dep_ == "appos" for w in c.subtree]
    words = [w.rstrip(".") for w in titles + heads + rest]
    for i in range(len(words)):
        found = terms.people_at(words, i) or terms.people_at(words[:i] + [words[i] + "s"] + words[i + 1:], i)
        if found and found[0].quantity is None:
            return found[0]
    return None


# The category of the people of a side a title names ("Hezbollah official X", "Hamas
# commander X": dev2's gold counts a Hezbollah leader among rebels).
_SIDE_OF_KIND = {"opposition": "rebels", "government": "government", "foreign_government": "government"}


def _side_of_title(tok, lexicon: ClaimantLexicon) -> str | None:
    """The side of the body named in the words before the name ("Senior Hezbollah official",
    "Hezbollah's late chief")."""
    start = _name_start(tok)
    if tok.left_edge.i >= start.i:
        return None
    return _side_of_text(tok.doc[tok.left_edge.i: start.i].text, lexicon)


def _subject_or_its_apposition(tok) -> bool:
    """Whether a name is the clause's subject, or set beside it ("The writer X, ...")."""
    return tok.dep_ in ("nsubj", "nsubjpass") or tok.dep_ == "appos" and tok.head.dep_ in ("nsubj", "nsubjpass")


# Words of the rebels' side that a politician's title bears too ("Opposition leader X").
_UNARMED_SIDE_WORDS = frozenset({"opposition", "anti-government", "anti-regime"})


def _armed_rebel_title(title: str) -> bool:
    """Whether a title names an armed rebel ("guerrilla leader", "militant commander"); an
    "opposition leader" is a politician."""
    return any(m.group(0).lower() not in _UNARMED_SIDE_WORDS for m in category_words().rebels.finditer(title))


def _title_words(tok) -> str:
    """The words before the name, within its phrase ("the guerrilla leader" of "the guerrilla
    leader Ernesto Guevara")."""
    start = _name_start(tok)
    return tok.doc[tok.left_edge.i: start.i].text if tok.left_edge.i < start.i else ""


def _described_words(noun) -> str:
    """The words of the common noun the names describe, up to it ("the late Hezbollah leader")."""
    return noun.doc[noun.left_edge.i: noun.i + 1].text if noun is not None else ""


def _side_of_text(title: str, lexicon: ClaimantLexicon) -> str | None:
    # a named body, not a side's generic word ("Opposition leader X" is a politician)
    kinds = {m.claimant.kind for m in lexicon.find(title, overlapping=True)
             if m.claimant.known and m.claimant.name.lower() not in ("opposition", "government")} if title else set()
    sides = {_SIDE_OF_KIND[k] for k in kinds if k in _SIDE_OF_KIND}
    return sides.pop() if len(sides) == 1 else None


def _single_role(noun, terms: ClaimTerms) -> PeopleNoun | None:
    """The people noun a common noun the names describe is ("journalist", "opponents")."""
    words = [noun.lower_, noun.lower_ + "s"]
    for w in words:
        found = terms.people_at([w], 0)
        if found and found[0].quantity is None:
            return found[0]
    return None


def _ranked(tok) -> bool:
    """A military rank among the words of the name ("Brig-Gen José Iván Alegrett")."""
    ranks = word_set("service_ranks")
    start = _name_start(tok)
    return any(w.text.rstrip(".") in ranks for w in tok.doc[max(0, start.i - 2): tok.i])


@lru_cache(maxsize=1)
def _titles() -> frozenset[str]:
    return frozenset(w.lower() for w in claim_words().ranks) | word_set("named_victim_titles")


@lru_cache(maxsize=1)
def _not_person_words() -> frozenset[str]:
    return word_set("named_victim_not_person_words")
