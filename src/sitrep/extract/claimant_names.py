"""How a claimant's name is written when no file knows it: the parts of a phrase that are no
part of the name (a seat, a town, a role, a describing word, an allegiance) and the owner a
body goes under ("the government's Higher Relief Council": Lebanese; "the Ministry of Defence
of the Sahrawi Arab Democratic Republic"). Read by ``claimants.ClaimantLexicon.resolve``."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Sequence

from ..lexicon.actor_words import speaker_in_town, staff_at, staff_at_place
from ..lexicon.claim_terms import claim_words, load_attribution_terms, rank_prefix
from ..lexicon.loader import read_json
from ..lexicon.patterns import alternation
from ..lexicon.place_words import place_words
from .name_text import name_after_title
from .state_bodies import names_a_state, state_body_index


# "militant group Harkat-ul-Ansar", "Islamist faction group Ahrar al-Sham": words ending in
# a body's common noun (lowercase), then its proper name; the name is the claimant (one series per
# body, however an article introduces it).
_DESCRIBED = re.compile(r"^(?P<desc>(?:[\w'’-]+\s+){0,3}(?P<head>[a-z]+))\s+(?P<name>[A-Z][\w'’.-]*(?:\s+[\w'’.-]+)*)$")


# (Linear: capitalised words, one "of (the)" at most, no nested repeats to backtrack over; a
# long name in capitals took minutes with the nested form.)
_SEATED = re.compile(r"^(?P<body>[A-Z][\w'’.-]*(?:\s+(?:of\s+(?:the\s+)?)?[A-Z][\w'’.-]*)+)\s+in\s+"
                     r"(?P<seat>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)?)$")


# "Karabakh Armenian self-defence forces in Stepanakert": an armed body written in lowercase
# after its owners' names, then its seat (set BJ's Shusha 1992 wire).
_SEATED_FORCE = re.compile(r"^(?P<body>[A-Z][\w'’.-]*(?:\s+[\w'’.-]+){0,4}?\s+(?:forces|army|command|militia|militias|"
                           r"headquarters|troops))\s+in\s+(?P<seat>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)?)$")


def seated_name(phrase: str) -> str:
    """"Joint Forces Command in Riyadh", "Karabakh Armenian self-defence forces in
    Stepanakert": a body's seat is no part of its name; a capital names the body's state
    ("Saudi Joint Forces Command")."""
    m = _SEATED.match(phrase)
    if m is None:
        force = _SEATED_FORCE.match(phrase)
        # (its owners already named before it: "French command in Cyprus" is no Cypriot body)
        return phrase if force is None or force.group("body").split()[0].lower() in ("the", "a", "an") \
            or not any(w[:1].isupper() for w in force.group("body").split()[:-1]) else force.group("body")
    _, owners, demonym_of, _ = state_body_index()
    code = owners.get(m.group("seat").lower())
    body = m.group("body").strip()
    if code in demonym_of and not names_a_state(body):
        return f"{demonym_of[code]} {body}"
    return body


def placed_speaker_name(phrase: str) -> str:
    """"a health official in Kirkuk" -> "Kirkuk health official", "a resident of Becora" ->
    "Becora resident": one name for a speaker however a story places them (a state is no
    town: "an official from Kenya" stays as written)."""
    m = speaker_in_town().match(phrase)
    if m is None or m.group("place").lower() in state_body_index()[1] or _common_word(m.group("place")):
        return phrase  # "Headquarters Director of Operations": no town called Operations
    role = m.group("role")
    return f"{m.group('place')} {role[:1].lower() + role[1:]}"  # "Local authorities in Uvira" opening a sentence


def _an_area(org: str) -> bool:
    """'Rwenzori East region', 'Kampala': a named area (``area_words``) or a place the gazetteer
    knows, no body a role speaks for; the words before the role name the body."""
    from .gazetteer import get_gazetteer

    words = org.split()
    if words[-1].lower() in read_json("claimant_kinds.json")["area_words"] and words[-1][:1].islower():
        return True
    return len(words) <= 3 and bool(get_gazetteer().matches(org)) and not load_attribution_terms().body_heads.search(org.lower())


def _common_word(place: str) -> bool:
    """A capitalised common word in a speaker's title ("Operations", "Defence"), no town."""
    from .gazetteer import get_gazetteer

    return get_gazetteer().is_stopword(place)


# "Ministry of Defence of the Sahrawi Arab Democratic Republic", "the defence department of
# the Dniester republic": a body of an owner the lexicon does not know as a state (a de facto
# state, a region) goes under its owner's name, not under the generic word it contains
# ("Republic" -> government). The owner: two capitalised words or more after the last "of the"
# ("of" alone after a body with its own "of": "Ministry of Interior of Kurdistan Region").
_MAX_OWNER_WORDS = 5
_OF_OWNER = re.compile(r"^(?P<body>.+?)\s+of\s+(?P<the>the\s+)?(?P<owner>[A-Z][\w'’-]*(?:\s+(?:[A-Z][\w'’-]*|"
                       rf"{alternation(read_json('claimant_kinds.json')['owner_name_nouns'])}))*)$")  # ``owner_name_nouns``


# A body's people named before it ("officials of", "staff of"): they speak for the body
# (``people_of_a_body`` of data/claimant_kinds.json).
PEOPLE_OF_A_BODY = frozenset(read_json("claimant_kinds.json")["people_of_a_body"])


def body_of_named_owner(phrase: str) -> str | None:
    """'<owner> <body>' for a body head ("Ministry of Defence", "defence department") of a
    named owner that is no state of the lexicon; None for any other phrase."""
    m = _OF_OWNER.match(phrase)
    if m is None or " of " in m.group("owner"):
        return None
    body, owner = m.group("body"), m.group("owner")
    if body.split()[0].lower() in PEOPLE_OF_A_BODY:
        return None  # "Officials of the Ministry of Social Welfare": the ministry's people, no owner (set AP)
    if len(owner.split()) < 2 or not (m.group("the") or " of " in body):
        return None  # "Ministry of Human Rights", "Ministry of the Interior": a portfolio, no owner
    if not any(load_attribution_terms().body_heads.match(w) for w in body.lower().split()):
        return None
    if owner.lower() in state_body_index()[1] or len(owner.split()) > _MAX_OWNER_WORDS:
        return None
    return f"{owner} {body}"


@lru_cache(maxsize=1)
def _role_after_owner() -> re.Pattern[str]:
    roles = alternation(load_attribution_terms().speaker_roles)
    return re.compile(rf"^(?P<owner>(?:[A-Z][\w.&-]*\s+){{0,5}}[A-Z][\w.&-]*)['’]s\s+(?:[a-z-]+\s+){{0,2}}{roles}\b[a-z\s-]*$")


def role_of_named(phrase: str) -> str:
    """"Popular Front commander", "Tutela Legal spokesman", "X Hospital's acting director": a
    role of a body named before it (or owned by it) speaks for the body (the lexicon found no body in it); so does its press office ("Armed
    Forces Press Committee")."""
    possessed = _role_after_owner().match(phrase)
    if possessed:  # "Port Moresby General Hospital's acting director of medical services": the hospital
        return possessed.group("owner")
    office_of = _OFFICE_OF.match(phrase)
    if office_of:  # "press service of the Dniester republic's defence department": the department
        return office_of.group("body")
    office = _OWN_OFFICE.search(phrase)
    if office and office.start() > 0 and all(w[:1].isupper() or w in ("of", "for", "and", "the")
                                             for w in phrase[:office.start()].split()):
        return phrase[:office.start()].strip()
    words = phrase.split()
    if len(words) < 2 or words[-1].lower() not in _body_roles() or not all(
            w[:1].isupper() or w in ("of", "for", "and", "the") for w in words[:-1]):
        return phrase
    if len(words) == 2 and words[0].lower() in _service_words():
        return phrase  # "Aid workers" opening a sentence: aid workers, no body called "Aid"
    if " ".join(words[-2:]).lower() in _two_word_bodies() or words[-1].lower() == "staff" and words[-2].endswith(("'s", "’s")):
        # "National Liberation Army General Staff", "the Supreme Commander's Staff" (set CY's
        # Pars relay): the staff is a body, no role
        return phrase
    if words[-2] in ("of", "for", "and", "the"):
        return phrase  # "Joint Chiefs of Staff": the last word ends the body's name, no role after it
    body = " ".join(words[:-1])
    state = body.lower() in state_body_index()[1]
    if words[-1].lower() in _military_roles() and state:
        return f"{body} army"  # "A Ugandan officer": an officer of a state speaks for its army
    if state and words[-1].lower() in _personal_roles():
        return phrase  # "A French doctor": a person of that state, no body of it (set CY)
    if not state and _an_area(body):
        return phrase  # "A Santa Clara physician": a town's doctor speaks for no body called Santa Clara (set CU)
    return body


@lru_cache(maxsize=1)
def _attributed_record() -> re.Pattern[str]:
    records = alternation(read_json("claimant_kinds.json")["attributed_records"])
    return re.compile(rf"^(?:an?|the)\s+(?:[\w-]+\s+){{0,2}}?{records}\s+(?:[^,]{{1,40}}?\s+)?attributed\s+to\s+(?=\S)",
                      re.IGNORECASE)


@lru_cache(maxsize=1)
def _sent_to() -> re.Pattern[str]:
    roles = alternation(read_json("claimant_kinds.json")["envoy_roles"])
    return re.compile(rf"(?P<role>\s+{roles})\s+to\s+[^,\s][^,]*$", re.IGNORECASE)  # (a name after a comma stays)


def envoy_of_sender(phrase: str) -> str:
    """'The Polisario Front's representative to the United Nations' -> 'The Polisario Front's
    representative': an envoy speaks for its sender, not for the body it is sent to."""
    m = _sent_to().search(phrase)
    return phrase[:m.end("role")] if m and m.start() > 0 else phrase


def attributed_owner(phrase: str) -> str:
    """'A press note attributed to the CPI (Maoist)' -> 'the CPI (Maoist)': the one a
    record is said to come from speaks (``attributed_records``; outlets tied to someone are
    the sentence rule ``attribution.linked_outlet``'s); any other phrase as it is."""
    m = _attributed_record().match(phrase.strip())
    if m is None:
        return phrase
    owner = phrase.strip()[m.end():]
    pronoun = re.match(r"(him|her|them|it)\b", owner, re.IGNORECASE)
    # "a message attributed to him, broadcast ...": the one named before, read as its subject
    return _SUBJECT_FORM[pronoun.group(1).lower()] if pronoun else owner


_SUBJECT_FORM = {"him": "he", "her": "she", "them": "they", "it": "it"}


@lru_cache(maxsize=1)
def _speaker_participle() -> re.Pattern[str]:
    return re.compile(rf",?\s+{alternation(read_json('claimant_kinds.json')['speaker_participles'])}\s+")


@lru_cache(maxsize=1)
def _military_roles() -> frozenset[str]:
    return frozenset(read_json("claimant_kinds.json")["military_roles"])


@lru_cache(maxsize=1)
def _two_word_bodies() -> frozenset[str]:
    """Two-word body names among the kinds' words ("general staff")."""
    kinds = read_json("claimant_kinds.json")["kinds"]
    return frozenset(w for _, words in kinds for w in words if len(w.split()) == 2)


@lru_cache(maxsize=1)
def _service_words() -> frozenset[str]:
    return frozenset(read_json("claimant_kinds.json")["service_words"])


SHORT_OWNER = re.compile(r"^(?:the\s+)?(?P<owner>[A-Z](?:\.?[A-Z]){1,3}\.?)\s+(?P<rest>[A-Z].+)$")


@lru_cache(maxsize=1)
def short_state_names() -> dict[str, str]:
    """'UK', 'U.S.', 'UAE' -> ISO2: short names that own a body only written in capitals."""
    names = read_json("gazetteer", "countries.json")["names"]
    return {n: code for code, ns in names.items() for n in ns if len(n) <= 5 and n.replace(".", "").isupper()}


@lru_cache(maxsize=1)
def state_envoy() -> re.Pattern[str]:
    """'a Kuwaiti diplomat', 'the Iraqi ambassador': a state's envoy (``envoy_titles``; an
    embassy stays itself)."""
    titles = "|".join(re.escape(t) for t in sorted(claim_words().envoy_titles, key=len, reverse=True))
    return re.compile(rf"^(?P<state>[A-Z][\w'’-]+)\s+(?:senior\s+)?(?:{titles})\b")


_OFFICE_OF = re.compile(rf"^(?i:{'|'.join(re.escape(w) for w in load_attribution_terms().spokes_offices)})\s+(?:of|for)\s+"
                        r"(?:the\s+)?(?P<body>.+)$")
_OWN_OFFICE = re.compile(rf"\s+(?i:{'|'.join(re.escape(w) for w in load_attribution_terms().spokes_offices)})$")


@lru_cache(maxsize=1)
@lru_cache(maxsize=1)
def _personal_roles() -> frozenset[str]:
    return frozenset(read_json("claimant_kinds.json")["personal_roles"])


def _body_roles() -> frozenset[str]:
    from ..lexicon.loader import read_json
    return frozenset(read_json("claimant_kinds.json")["staff_roles"])  # "commander", "leader" among them


# "pro-Ouattara Republican Forces", "the self-proclaimed Donetsk People's Republic": an
# allegiance or a status before a name is no part of it.
_ALLEGIANCE = re.compile(r"^(?:(?:pro|anti)-[\w'’]+|self-proclaimed|self-styled|so-called)\s+(?=[A-Z])", re.IGNORECASE)


def described_name(phrase: str) -> str:
    phrase = _ALLEGIANCE.sub("", phrase)
    m = _DESCRIBED.match(phrase)
    if m is None or m.group("head") not in load_attribution_terms().neuter_heads:
        return phrase
    name = m.group("name")
    if not any(ch.isupper() for ch in name.split()[-1]):
        return phrase  # "group Hamas members": the name does not end the phrase
    return name


@lru_cache(maxsize=1)
def _generic_owner() -> re.Pattern[str]:
    kinds = read_json("claimant_kinds.json")
    words = "|".join(kinds["generic_state_owners"])
    heads = alternation(kinds["owned_body_heads"])  # "the regime's army"
    return re.compile(rf"^(?:the\s+)?(?:{words})['’]s\s+(?=[A-Z]|(?:[a-z]+\s+){{0,2}}{heads}\b)",
                      re.IGNORECASE)


_COUNTRY_OWNER = re.compile(r"^(?:the\s+)?(?P<country>[A-Z][\w-]+(?:\s+[A-Z][\w-]+)?)['’]s\s+")


@lru_cache(maxsize=1)
def _states_office_of_a_body() -> re.Pattern[str]:
    roles = alternation(load_attribution_terms().speaker_roles)
    return re.compile(rf"^(?P<owner>(?:the\s+)?[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){{0,2}})['’]s\s+(?:[a-z-]+\s+){{0,2}}{roles}"
                      rf"\s+of\s+the\s+(?P<body>[a-z][a-z\s-]{{2,40}})$")


def states_body_of_office(phrase: str) -> str:
    """"Russia's deputy chief of the general staff" -> "Russia's general staff": an office of a
    state's body speaks for the body, not for the whole state; any other phrase as it is."""
    m = _states_office_of_a_body().match(phrase)
    if m is None or not names_a_state(m.group("owner")):
        return phrase
    return f"{m.group('owner')}'s {m.group('body')}"


def owned_by_the_state(phrase: str, countries: Sequence[str]) -> str:
    """'The government's Higher Relief Council' -> 'Lebanese Higher Relief Council' in a
    Lebanese story, "the republic's defence ministry" -> "Slovenian defence ministry" in a
    Slovenian one, "Kyrgyzstan's State Committee ..." -> "Kyrgyz State Committee ...": a
    body a state owns, under the state's demonym."""
    m = _generic_owner().match(phrase)
    demonym_of = state_body_index()[2]
    named = _COUNTRY_OWNER.match(phrase)
    if m is None and named is not None:
        # "Kyrgyzstan's State Committee for National Security": the Kyrgyz one, as bodies of a
        # state are named
        code = state_body_index()[1].get(named.group("country").lower())
        if code in demonym_of and phrase[named.end():][:1].isupper():
            return f"{demonym_of[code]} {phrase[named.end():]}"
    if m is None:
        return phrase
    rest = phrase[m.end():]
    return f"{demonym_of[countries[0]]} {rest}" if countries and countries[0] in demonym_of else rest

_ARTICLES = re.compile(r"^(?:the|a|an|its|their|his|her)\s+", re.IGNORECASE)
_POSSESSIVE = re.compile(r"['’]s?$")
# Longer phrases are clauses, not names.
MAX_NAME_WORDS = 14
_UNBALANCED = re.compile(r"\s*\([^)]*$|^[^(]*\)\s*")


# A described place after a comma: where the named place lies, no part of the speaker's name.
# (The nouns and compass points: ``lie_on_nouns`` and ``compass_points`` of place_words.json.)
_WHERE_IT_IS = re.compile(rf"(?:between|near|outside|close\s+to|on\s+the\s+{alternation(place_words().lie_on_nouns)}|"
                          rf"{alternation(place_words().compass_points)}(?:ern)?\s+of)\b",
                          re.IGNORECASE)


def written_name(phrase: str) -> tuple[str, str] | None:
    """(name, phrase as kept) of a claimant no file knows, as the text writes it: "Ahmad
    Yazji, a volunteer" is Ahmad Yazji, "Staff at Hama National Hospital" the hospital, "a
    doctor at the central hospital in Zugdidi" Zugdidi central hospital, "Captain Abdullahi
    Hassan" Abdullahi Hassan; None when the phrase is too long to be a name."""
    head, sep, rest = phrase.partition(", ")
    if sep and (re.match(r"(?:an?|the|who|which)\b", rest) or _WHERE_IT_IS.match(rest)):
        # "Ahmad Yazji, a volunteer": the name, not its description; "a doctor at the hospital
        # in Khalidiya, between Ramadi and Habbaniya": the hospital's place, not the towns near it
        phrase = head
    role = staff_at().match(phrase)
    if role is not None and _an_area(role.group("org")):
        # "the Police spokesperson for Rwenzori East region": the police; "a spokesman for
        # Kampala" stays as written
        body = phrase[:role.start("org")].split()[:-2]
        body = body[:-1] if body and body[-1].lower() == "the" else body
        if body and body[-1].lower() not in ("a", "an", "the"):
            phrase, role = " ".join(body), None
    role = role if role is not None and not _common_word(role.group("org")) else None
    local = staff_at_place().match(phrase)
    before_placing = phrase
    if role:  # "Staff at Hama National Hospital" speaks for the hospital
        phrase = role.group("org")
    elif local:  # "a doctor at the central hospital in Zugdidi": Zugdidi central hospital
        phrase = f"{local.group('place')} {local.group('desc')}{local.group('inst')}"
    else:
        phrase = placed_speaker_name(phrase)
    placed = phrase != before_placing and not role and not local
    # "a diplomatic source who spoke on condition of anonymity": the source, not the clause
    phrase = re.split(r",?\s+(?:who|which|that|whose)\s+", phrase, maxsplit=1)[0]
    phrase = _speaker_participle().split(phrase, maxsplit=1)[0]  # "an official speaking on condition of anonymity"
    cleaned = _POSSESSIVE.sub("", _ARTICLES.sub("", phrase))
    cleaned = _UNBALANCED.sub("", cleaned).strip(" ,")
    if not cleaned or len(cleaned.split()) > MAX_NAME_WORDS:
        return None
    # "an official in Kandahar" is a Kandahar official: the town is where the role is, no body
    # the role speaks for ("Tutela Legal spokesman" is Tutela Legal's)
    cleaned = seated_name(described_name(cleaned) if placed else role_of_named(described_name(cleaned)))
    cleaned = owner_first(cleaned)
    unranked = name_after_title(rank_prefix().sub("", cleaned))
    if len(unranked.split()) >= 2 and all(w[:1].isupper() for w in unranked.split()):
        cleaned = unranked  # "Captain Abdullahi Hassan" is Abdullahi Hassan
    return cleaned, phrase


# "governor-general of Khuzestan", "radio of Havana": a lowercase office or outlet word,
# then the proper name it belongs to (sets K and M: Khuzestan 1982, Havana 1958); the words
# are ``owner_heads`` of data/claimant_kinds.json.
_HEAD_OF_OWNER = re.compile(rf"^(?P<head>{alternation(read_json('claimant_kinds.json')['owner_heads'])})\s+of\s+(?:the\s+)?"
                            r"(?P<owner>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,4})$")


def owner_first(name: str) -> str:
    """'governor-general of Khuzestan' -> 'Khuzestan governor-general': a body named the way
    GUIDE.md names them, owner first ("Gaza Health Ministry"); any other name as it is."""
    m = _HEAD_OF_OWNER.match(name)
    return f"{m.group('owner')} {m.group('head')}" if m else name


# "the Minister of Health", "Minister for the Interior", "the Minister of the Health" (a
# translation): the portfolio's minister, named the way the lexicon names a state's minister.
_MINISTER_OF = re.compile(r"^(?P<the>(?i:the|a|an)\s+)?(?P<title>(?:deputy\s+)?[Mm]inister)\s+(?:of|for)\s+(?:the\s+)?"
                          r"(?P<portfolio>[A-Za-z][a-z]+(?:\s+(?:and\s+)?[A-Za-z][a-z]+)?)$")


# "The Ministry of Health", "the Ministry of the Interior": a portfolio's ministry, no state named.
# "the Ministry of Health", "the Ministry of Public Health and Population (MoPHP)" (set Z's
# Yemen sitrep): the portfolio is the first word, "public health" is health, a second
# portfolio after "and" and an acronym in brackets add nothing
_MINISTRY_OF_PORTFOLIO = re.compile(r"^(?:the\s+)?(?i:ministry)\s+of\s+(?:the\s+)?(?:public\s+(?=health\b))?([A-Za-z]+)"
                                    r"(?:\s+and\s+[A-Za-z]+(?:\s+[A-Za-z]+){0,2})?(?:\s*\([A-Za-z]+\))?$", re.IGNORECASE)


def portfolio_ministry(name: str) -> str | None:
    """'The Ministry of Health' -> 'health ministry', the form a state's body is looked up
    in (``ClaimantLexicon.in_country``); None for any other name."""
    m = _MINISTRY_OF_PORTFOLIO.match(name.strip())
    return f"{m.group(1).lower()} ministry" if m else None


def minister_of(phrase: str) -> str:
    """'the Minister of Health' -> 'the Health minister' ("the health minister" is the
    state's Health Ministry); any other phrase as it is."""
    m = _MINISTER_OF.match(phrase.strip())
    if m is None or m.group("portfolio").lower() == "government":
        return phrase  # "the Minister of Government" is no "government minister" (a state body of its own)
    return f"{m.group('the') or ''}{m.group('portfolio').lower()} {m.group('title').lower()}"


def state_level(phrase: str) -> str:
    """The phrase without the lowercase words that only say a body is the state's central
    one: "the federal Interior Ministry" is "the Interior Ministry" (a capitalised "Federal
    Security Service" is a name)."""
    words = phrase.split()
    first = 1 if words and words[0].lower() in ("the", "a", "an") else 0
    while len(words) > first + 1 and words[first] in claim_words().state_level_words:
        del words[first]
    return " ".join(words)
