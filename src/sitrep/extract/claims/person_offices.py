"""Whom a person introduced with a title or a role speaks for: the body their title names
(a minister for the ministry, "Police spokesman X" for the police), the body their role
serves ("a leader from the rebel operations command"), an office ("human rights
ombudsman"), a side, or themselves. Read by ``defined_names`` for every titled person."""

from __future__ import annotations

import re
from typing import Sequence

from ...records import Claimant
from ...lexicon.patterns import alternation
from ..claimants import ClaimantLexicon
from ...lexicon.claim_rule_words import in_order, word_set
from ...lexicon.claim_terms import category_words, claim_words, load_attribution_terms
from .office_bodies import office_body
from ..state_bodies import state_body_index

_NAME_STOP = claim_words().name_stop
_OFFICE_TITLES = claim_words().office_titles


# Positions held inside a body: their holder speaks for the body named before the title
# ("Police spokesman X" for the police). Other office titles are offices of their own
# ("human rights ombudsman", "mayor of X").
_POSITIONS = claim_words().positions


# Titles of people who speak for whichever body is speaking when none is named with them
# ("Spokesperson Jeremy Laurence told reporters" after "the UN human rights office said").
_SPOKES_TITLES = frozenset(load_attribution_terms().spokes_titles)
# Who speaks for the body their role names even when the lexicon does not know it: its
# spokespeople and its head ("Lev Dzugayev, head of the information department", "X, who
# heads the regional health department": set AW's Beslan story).
_SPEAKS_FOR_BODY = _SPOKES_TITLES | word_set("body_head_titles")


# Words that qualify a title without naming whose it is ("Regional governor X" is a person).
_GENERIC_QUALIFIERS = claim_words().generic_qualifiers


# Words before a position's title that name no body ("acting regional director").
_POSITION_QUALIFIERS = word_set("position_qualifiers")


def _body_of_position(office: str, title: str) -> str | None:
    words = office.split()
    if title not in _POSITIONS or len(words) < 2:
        return None
    body = words[:-1] if words[-1].lower() == title else []
    body = [w for w in body if w.lower() not in _POSITION_QUALIFIERS]
    if body and all(w.lower() in category_words().sides for w in body):
        return None  # "Rebel spokesman X": a side's word, not a body's name
    if body and body[0][:1].isupper():
        return re.sub(r"['’]s$", "", " ".join(body))  # "Gbagbo's spokesman" speaks for Gbagbo
    return None


def _served_body(phrase: str, lexicon: ClaimantLexicon, countries: Sequence[str]) -> Claimant | None:
    """The body a role serves ("from the anti-regime forces' military operations unit"):
    a body the lexicon knows in it, else the side it names, else the phrase itself."""
    found = lexicon.find(phrase, countries, overlapping=True)
    known = [m for m in found if m.claimant.known]
    if known:
        return max(known, key=lambda m: m.end - m.start).claimant
    if found:
        side = max(found, key=lambda m: m.end - m.start)
        named = _NAME_AFTER_SIDE.match(phrase, side.end)
        if named is not None:
            # "a spokesman for the opposition Al Wefaq movement": the body the side's
            # word describes, by its name (set CF's Bahrain liveblog)
            return Claimant(named.group("name"), side.claimant.kind, named.group("name"), False)
        return side.claimant
    return lexicon.resolve(phrase, countries)


# A name right after a side's generic word ("the opposition Al Wefaq bloc"), small joining
# words ("of", "and", "for", "the") allowed inside it.
_NAME_AFTER_SIDE = re.compile(r"\s+(?P<name>[A-Z][\w'’-]*(?:\s+(?:(?:of|and|for|the)\s+)?[A-Z][\w'’-]*){0,5})")


_ROLE_OF = re.compile(r"\b(?P<prep>of|from|for|with|at|in)\s+(?P<body>(?:the\s+)?[^,;]{3,80})$", re.IGNORECASE)
# "the government's chief military spokesman", "the army's spokesman": the body owning the role
# (set AP's Ban Me Thuot wire); its empty "prep" group reads like ``_ROLE_OF``'s to ``_only_placed``.
_ROLE_OWNED = re.compile(r"^(?P<prep>)(?P<body>(?:the\s+)?[^,;'’]{2,60}?)['’]s\s+(?:[a-z-]+\s+){0,3}[a-z-]+$", re.IGNORECASE)


def _only_placed(of_body: re.Match[str], served: Claimant) -> bool:
    """Whether a role's "in X"/"at X" only places the person: X is no body the lexicon knows
    and has no body's head noun ("in Najaf"; not "at the Ministry of Health")."""
    if of_body.group("prep").lower() not in ("in", "at") or served.known:
        return False
    return not any(load_attribution_terms().body_heads.match(w) for w in served.name.lower().split())


_OPERATION_OFFICE = re.compile(r"^(?:the\s+)?(?:military\s+)?[Oo]perations?\s+"
                               rf"(?:{alternation(load_attribution_terms().spokes_titles)}|commander)$")


def _state_only(words: list[str]) -> bool:
    """Whether the words before a title only name a state ("Kenyan", "South African", "Israel's")."""
    from ..state_bodies import state_body_index

    owners = state_body_index()[1]
    phrase = " ".join(words).lower().replace("’", "'")
    phrase = phrase[:-2] if phrase.endswith("'s") else phrase
    return bool(words) and phrase in owners


def register_person(out: dict[str, Claimant], name: str, office: str, title: str, qualified: bool,
                    lexicon: ClaimantLexicon, countries: Sequence[str]) -> None:
    """Register a person under the claimant they speak for: the body their title names
    (a minister speaks for the ministry), an office ("human rights ombudsman"), or themselves."""
    if _OPERATION_OFFICE.match(office):
        office = f"military {title}"  # "Operation spokesman X": a military operation speaks through the state's forces
    known_name = [m for m in lexicon.find(name, countries, overlapping=True) if m.claimant.known and not m.via_context]
    who = known_name[0].claimant if known_name else None
    if who is None and title in _OFFICE_TITLES and office.lower() not in state_body_index()[3]:
        # a minister speaks for the ministry; "a journalist working for Anadolu" does not
        # speak for Anadolu ("The Minister of Government" is a state's body, read by office_body:
        # no "government" alias inside it)
        who = lexicon.resolve(office.replace("Minister", "Ministry").replace("minister", "ministry"), countries)
    body = _body_of_position(office, title)
    of_body = (_ROLE_OF.search(office) or _ROLE_OWNED.match(office)) if title in _POSITIONS else None
    served = _served_body(of_body.group("body"), lexicon, countries) if of_body else None
    placed = served is not None and _only_placed(of_body, served)
    if placed:
        served = None  # "a Sadr spokesman in Najaf": Najaf is where he is, not whom he speaks for
    state = office_body(office, lexicon, countries) if who is None or not who.known else None
    person = _office_claimant(name, office, title, qualified, who, state, served, placed, body, lexicon, countries)
    if person is None:
        person = Claimant(name, lexicon.guess_kind(office), name, False)
        if title in _SPOKES_TITLES:  # a director or an officer speaks for a place, not for whoever spoke last
            SPOKESPEOPLE.add(name)
    out[name] = person
    if name.split()[0] in _FAMILY_NAME_FIRST and len(name.split()) > 1:
        # "Defense Minister Lee Bum Suk" ... "Lee told a press conference": a Korean or Chinese
        # name's family name comes first (set AR's Seoul wire)
        out.setdefault(name.split()[0], person)
    surname = name.split()[-1]
    if len(surname) >= 4 and surname.lower() not in _NAME_STOP and not (person.known and person.name == name):
        out.setdefault(surname, person)  # a body's own name has no surname ("Amnesty International")
        given = name.split()[0]
        if len(name.split()) == 2 and len(given) >= 4 and given.lower() not in _NAME_STOP and person.name != name:
            # "Getachew said" after "Minister Getachew Reda": Ethiopian, Eritrean, Burmese or
            # Indonesian names are shortened to the first (set AK's Ethiopian agency story); only
            # for a person speaking for a body (a misread name, "Rights Watch", is no first name)
            out.setdefault(given, person)


def _office_claimant(name: str, office: str, title: str, qualified: bool, who: Claimant | None,
                     state: Claimant | None, served: Claimant | None, placed: bool, body: str | None,
                     lexicon: ClaimantLexicon, countries: Sequence[str]) -> Claimant | None:
    """Whom a titled person speaks for, in order: a body the name itself is, the person a
    place only locates, the state's body the title names, the body the role serves, a
    people's head, the body before a position, a side, a state's head, a named office;
    None when only the person speaks."""
    if who is not None and who.known:
        return Claimant(who.name, who.kind, name, True)
    if placed:
        # "Major Mohamed Adan, an army officer in the nearby town of Adale": the person, whom
        # the story places but ties to no body by name
        return Claimant(name, lexicon.guess_kind(office), name, False)
    if state is not None and (served is None or not served.known and served.kind == "unknown"
                              and len(served.name.split()) == 1):
        # (a title's own "of": "Chief of Staff" serves no body called "Staff")
        # "Military spokesman Vladyslav Seleznyov", "Defence Secretary Luis Sandoval": the
        # state's army, ministry or police
        return Claimant(state.name, state.kind, name, True)
    if served is not None and (served.known or served.kind != "unknown" and title in _SPEAKS_FOR_BODY
                               or served.kind in ("opposition", "government")
                                 or sum(w[:1].isupper() for w in served.name.split()) >= 2):
        # ... or a body named in full ("a senior commander of the self-proclaimed Donetsk
        # People's Republic")
        # "Hassan Abdel Ghani, a leader from the rebel operations command": the command
        return Claimant(served.name, served.kind, name, served.known)
    if title in _HEAD_TITLES and _PEOPLE_ADJECTIVE.match(office.split()[-2] if len(office.split()) > 1 else ""):
        # "South Ossetian leader Eduard Kokoity", "Kurdish leader X": a people's or an
        # entity's head is the person, as a state's own head is
        return Claimant(name, lexicon.guess_kind(office), name, False)
    place = _office_place(office) if title.lower() in PLACE_OFFICES else None
    if place is not None:
        # "Jean Pierre, mayor of the nearby coastal town of Gonaives": the mayor of Gonaives
        # speaks, as "the governor of Amol" does (dev2's Haiti, sets AN, AP, AS)
        return Claimant(f"{title.lower()} of {place}", "government", name, False)
    if body:
        # "Aamin Ambulance service director Abdikadir Abdirahman": the service
        return Claimant(body, lexicon.guess_kind(body), body, False)
    if qualified and office.split()[:-1] and all(w.lower() in category_words().sides for w in office.split()[:-1]):
        # "Rebel spokesman Abdel Basset Abu Mzereiq": the side speaks
        side = lexicon.resolve(office, countries)
        return side if side is not None else Claimant(name, lexicon.guess_kind(office), name, False)
    if title in _OFFICE_TITLES and qualified and _state_only(office.split()[:-1]):
        # "Kenyan President Uhuru Kenyatta", "South African President Jacob Zuma": a state's
        # own head is a person (as annotators name them), not an office called "Kenyan President"
        return Claimant(name, lexicon.guess_kind(office), name, False)
    if title in _OFFICE_TITLES and qualified and any(w[:1].isupper() and w.lower() not in _GENERIC_QUALIFIERS
                                                      for w in office.split()[:-1]):
        # "Nagorno-Karabakh human rights ombudsman Gegham Stepanyan": the office
        return Claimant(office, lexicon.guess_kind(office), office, False)
    return None



# Family names written first (Korean, Chinese): the name a later sentence uses alone.
_FAMILY_NAME_FIRST = frozenset(w.capitalize() for w in word_set("family_name_first"))


# Offices of a town or a province, and the place an office "of" names ("mayor of the nearby
# coastal town of Gonaives": Gonaives; "governor of Tillaberi region": Tillaberi).
PLACE_OFFICES = word_set("place_offices")
_OFFICE_OF_PLACE = re.compile(r"\bof\s+(?:the\s+)?(?:[a-z-]+\s+){0,3}?(?:of\s+)?"
                              r"(?P<place>[A-Z][\w'’-]*(?:[\s-][A-Z][\w'’-]*){0,3})"
                              rf"(?:\s+{in_order('place_office_areas')})?$")


def _office_place(office: str) -> str | None:
    m = _OFFICE_OF_PLACE.search(office)
    return m.group("place") if m else None


# Titles of the one person at the head of a people or an entity, and the adjective of a
# people before them ("South Ossetian", "Kurdish", "Abkhazian").
_HEAD_TITLES = word_set("head_titles")
_PEOPLE_ADJECTIVE = re.compile(r"^[A-Z][\w'’-]*(?:an|ese|ish|i|ic|ch)$")


# Filled by register_person for the article being read, then moved to its context (build_context).
SPOKESPEOPLE: set[str] = set()
