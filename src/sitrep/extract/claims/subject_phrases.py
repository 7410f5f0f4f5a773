"""How a subject phrase names its claimant: the phrase cleaned of a quotation's end, a day and
a transcript label; phrases that name no one (a record of no one, a venue, a rule, a figure);
a record's owner ("An Army statement"); a local government of the level the sentence names;
a state office before a name. Read by ``subject_resolve.resolve_subject``."""

from __future__ import annotations

import re
from functools import lru_cache

from ...sentences import Sentence
from ...records import Claimant
from ...lexicon.claim_terms import claim_words, demonym_words, load_attribution_terms, person_role_words
from ...lexicon.date_words import date_words
from ...lexicon.claim_rule_words import in_order, word_map, word_set, words
from ...lexicon.patterns import alternation
from ..entry_labels import ENTRY_LABEL
from ..state_bodies import state_body_index
from .context import ArticleContext

_ATTRIBUTION = load_attribution_terms()


def subject_phrase(span: str) -> str:
    """The phrase of a subject span as it names someone: after a quotation's end, spaces
    normalised, outer punctuation, a trailing day ("on Wednesday") and a transcript label off."""
    # '"... among them a commander," Captain X said': the parse may hang the quote's end on
    # the speaker; a name starts after the punctuation that closes a quotation
    span = _QUOTE_END.split(span)[-1]
    phrase = " ".join(span.split()).strip(" ,.;:\"'“”‘’").lstrip("-–—•* ")  # "- Government sources": a bullet
    phrase = _SELF_NAMED.sub(r"\g<role>", phrase)  # "A man who introduced himself as an IMU spokesman"
    phrase = _gave_a_name(phrase)  # "a woman who gave her name only as Lyudmila"
    if _INITIALS_END.search(phrase) and (phrase + ".") in span:
        phrase += "."  # "according to U.N. estimates." ends a sentence: "U.N." keeps its dot
    phrase = _PARTICIPLE_AFTER.sub("", phrase)  # "A Funcinpec spokesman, speaking by telephone from Bangkok"
    phrase = _PEOPLE_WHERE_AFTER.sub("", phrase)  # "Refugees arriving in Saint-Laurent-du-Maroni": refugees
    phrase = _RECORD_ASIDE.sub("", phrase)  # "The Joint Command, in Communique No. 28"
    phrase = _ACRONYM_ASIDE.sub("", phrase)  # "The armed forces press office, COPREFA": the body
    phrase = _PRESS_OFFICE.sub("", phrase)  # "the armed forces press office" speaks for the armed forces
    phrase = _role_then_name().sub(r"\g<role>", phrase)  # "... Defence spokesperson, Lt Gen Maly Socheata"
    phrase = _bodys_office_then_name().sub(r"\g<role>", phrase)  # "Christchurch Hospital's chief of surgery, X"
    phrase = _ranked_officer().sub(r"\g<service> officer", phrase)  # "Police Capt. Ali Hussein": a police officer
    phrase = _contacted().sub("", phrase)  # "A guard reached by telephone", "A resident contacted by AFP"
    phrase = _without_leaders(phrase)  # "A private commission of inquiry led by former officials"
    phrase = _INTENSIFIER.sub(r"\1", phrase)  # "I myself counted 18 dead": the pronoun
    phrase = _WHERE_AFTER.sub("", phrase)  # "A police spokeswoman in the capital": where, not who
    phrase = _SETTLEMENT_OF.sub("", phrase)  # "Residents of the nearby village of Sari-Gor": of Sari-Gor
    phrase = _HANDED_TO.sub("", phrase)  # "A letter handed to the UN envoy": its reader speaks for no one
    phrase = _SOURCE_LABEL.sub("", phrase)  # "XINHUA (in English, 0930 gmt 17 Mar): Tibet ... chairman X"
    phrase = _WHEN_BEFORE.sub("", phrase)  # "Saturday Lev Dzugayev" of "On Saturday Lev Dzugayev, head of ..."
    phrase = _ADVERB_BEFORE.sub("", phrase)  # "Earlier a spokeswoman for ...": when, not who
    phrase = _record_from_owner().sub("", phrase)  # "Initial reports from local sources": the sources
    phrase = _RECORD_ISSUED_BY_CLAUSE.sub(r"\g<owner>", phrase)  # "the toll the colonial administration published"
    phrase = _one_of_them(phrase)  # "One of the rebel officers": a rebel officer
    phrase = _RELATIVE_END.sub("", phrase)  # "the Northern Frontier District Liberation Front which" (set DC)
    phrase = _describing_compound().sub(r"\g<article>", phrase)  # "the Government-appointed Higher Investigative Committee"
    return _TRANSCRIPT_LABEL.sub("", _WHEN_AFTER.sub("", ENTRY_LABEL.sub("", phrase)))  # "15:45 - Gbagbo's spokesman"


@lru_cache(maxsize=1)
def _describing_compound() -> re.Pattern[str]:
    """A hyphenated word that describes a body, before its capitalised name of two words or
    more ("Government-appointed", "Iran-backed"): no part of the name."""
    return re.compile(rf"^(?P<article>(?:(?i:the)\s+)?)[A-Za-z]+-{in_order('describing_compound_suffixes')}\s+"
                      r"(?=[A-Z][\w'’-]*\s+[A-Z])")


# "One of the rebel officers", "Two of the doctors": one of a kind of people speaks (the
# kind's name, as for "a rebel officer"); a named group's member keeps the group ("one of
# the Mothers of the Plaza": a capital after "the"), and "One of its officers" its owner.
_ONE_OF = re.compile(r"^(?:one|some|several|two|three|four)\s+of\s+the\s+(?P<kind>[a-z][\w\s-]*?[a-z](?:s|men))$",
                     re.IGNORECASE)


def _one_of_them(phrase: str) -> str:
    m = _ONE_OF.match(phrase)
    if m is None or m.group("kind")[:1].isupper():
        return phrase
    words = m.group("kind").split()
    last = words[-1]
    for plural, singular in (("sses", "ss"), ("ches", "ch"), ("shes", "sh"), ("men", "man"), ("ies", "y"), ("s", "")):
        if last.endswith(plural):
            words[-1] = last[: len(last) - len(plural)] + singular
            break
    return " ".join(words)


# "The Joint Command, in Communique No. 28, put ...": the record it spoke in, set off after the
# speaker, is no part of its name (set BM's Cenepa 1995 daily).
_RECORD_ASIDE = re.compile(rf",\s+(?:in|through|via)\s+(?:[^,]{{0,40}}\s)?{alternation(sorted(_ATTRIBUTION.record_nouns))}\b.*$",
                           re.IGNORECASE)


# "The armed forces press office, COPREFA, said": the body's acronym set beside it (set BQ's San
# Salvador wire); the words before it name the body.
_ACRONYM_ASIDE = re.compile(r"(?<=[a-z]),\s+[A-Z]{2,8}$")
# A body's press office after its name, in lower case: the body speaks through it.
_PRESS_OFFICE = re.compile(r"(?<=\w)\s+(?:press|information|media)\s+(?:office|department|service|bureau|section)$")


# A record handed to someone: "A statement faxed to Reuters in Ankara", "a letter handed to the
# UN envoy" (``delivery_participles``): the receiver is no part of who speaks.
# (not when its issuer follows: "leaflets given to residents by the army")
_HANDED_TO = re.compile(rf"(?<=\w)\s+{in_order('delivery_participles')}\s+to\s+(?!.*\bby\b).*$")


@lru_cache(maxsize=1)
def _role_then_name() -> re.Pattern[str]:
    """A role, then the person who holds it set off by commas, with their rank ("Cambodia's
    Ministry of National Defence spokesperson, Lt Gen Maly Socheata": set AP's Thai-Cambodian
    wire): the role speaks, as the body it names."""
    roles = alternation(tuple(_ATTRIBUTION.spokes_titles) + ("spokesperson",))
    ranks = alternation(tuple(claim_words().ranks))
    # ("a spokeswoman for the parliament of North Ossetia, Fatima Khabalova": the role with its body)
    return re.compile(rf"^(?P<role>.*\b{roles}(?:\s+(?:for|of)\s+[^,]{{2,60}})?),\s+(?:(?:{ranks})\.?\s+)*"
                      rf"[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){{0,4}}$")


@lru_cache(maxsize=1)
def _bodys_office_then_name() -> re.Pattern[str]:
    """A body's office, then the person who holds it set off by commas ("Christchurch
    Hospital's chief of surgery, Greg Robertson": set AY): the office speaks, as the body
    whose it is, as a spokesman's role does in ``_role_then_name``."""
    offices = alternation(tuple(claim_words().office_titles))
    ranks = alternation(tuple(claim_words().ranks))
    # (a body with a name: "The regiment's commander, Col. Philippe Erulin" is the named officer)
    return re.compile(rf"^(?!(?:The|A|An|Its|Their)\s+[a-z])(?P<role>[A-Z][^,]*?['’]s\s+(?:[\w-]+\s+){{0,2}}?{offices}(?:\s+(?:for|of)\s+[^,]{{2,60}})?),\s+"
                      rf"(?:(?:{ranks})\.?\s+)*[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){{0,4}}$")


@lru_cache(maxsize=1)
def _ranked_officer() -> re.Pattern[str]:
    """'Police Capt. Ali Hussein', 'Army Colonel John Smith': a service, a rank, a name, the
    whole phrase: an officer of the service, who speaks for it ("police officer X" does)."""
    return re.compile(rf"^(?P<service>(?:(?:the|The)\s+)?(?:[A-Z][\w'’-]+\s+){{0,2}}?{in_order('service_words')})"
                      rf"(?:\s+{in_order('service_ranks')}\.?)+(?:\s+[A-Z][\w'’.-]+){{1,4}}$")


# A speaker who names his own role ("A man who introduced himself as an IMU spokesman", "a
# caller identifying himself as a commander of the group"): the role speaks (set AF's Batken
# digest; Kashmir and Sahel wires name callers so).
_SELF_NAMED = re.compile(rf"^(?:an?|the)\s+{in_order('self_named_people')}\s+(?:who\s+)?"
                         rf"{in_order('self_naming_verbs')}\s+"
                         r"(?:himself|herself|themselves)\s+as\s+(?P<role>.+)$", re.IGNORECASE)


# A witness who gave only a name: "a woman who gave her name only as Lyudmila", "A shopkeeper
# near the consulate who gave only his first name, Mehmet", "a resident identified only as
# Ahmed": the name speaks, as a named witness does (set AZ's Sloviansk and Istanbul wires).
_GAVE_A_NAME = re.compile(r"^(?i:an?|the|one)\s+[^,]{1,60}?\s+(?:who\s+)?(?:(?:gave|give|gives)\s+(?:only\s+)?(?:his|her|their)\s+"
                          r"(?:first\s+|given\s+)?name(?:\s+only)?(?:,\s+|\s+as\s+)|(?:was\s+)?identified\s+only\s+as\s+)"
                          r"(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)$")


# The words before "who gave his name" that make the speaker a body's member, not a witness.
_MEMBER_ROLES = frozenset({"commander", "spokesman", "spokeswoman", "spokesperson", "official", "officer",
                           "fighter", "member", "leader", "militant", "guerrilla", "soldier"})


def _gave_a_name(phrase: str) -> str:
    """The name a witness gave ("a woman who gave her name only as Lyudmila"); a body's
    member who gave one speaks for the body ("A FARC commander who gave his name as
    Ramiro": set CI's Mitu wire)."""
    m = _GAVE_A_NAME.match(phrase)
    if m is None:
        return phrase
    role = re.split(r"\s+(?:who\s+|was\s+)?(?:gave|give|gives|identified)\b", phrase, maxsplit=1)[0]
    if _MEMBER_ROLES.intersection(role.lower().split()) and any(w[:1].isupper() for w in role.split()[1:]):
        return role
    return m.group("name")


# A place described, not named, after a speaker ("in the capital", "here"): where they
# spoke; a named town stays ("an official in Kandahar": ``written_name``). Set S's Haiti wire.
_WHERE_AFTER = re.compile(rf"(?<=\w)\s+(?:(?:in|at|from)\s+the\s+{in_order('described_places')}|here|there)$", re.IGNORECASE)


# "the nearby village of X", "the town of X" inside a speaker's phrase: the name says where.
_SETTLEMENT_OF = re.compile(r"\bthe\s+(?:nearby\s+|neighbouring\s+|neighboring\s+|border\s+|northern\s+|southern\s+|"
                            r"eastern\s+|western\s+)?(?:village|town|city|hamlet)\s+of\s+(?=[A-Z])")


# Who leads a speaking body, after the body's head noun ("a commission of inquiry led by
# former officials"): the body speaks, not its leaders (set L's Panama correction). Only
# after a body's head: "forces led by General X" are named by their leader.
_LED_BY = re.compile(rf"^(?P<body>.+?)\s+{in_order('leading_verbs')}\s+by\s.+$", re.IGNORECASE)


def _without_leaders(phrase: str) -> str:
    m = _LED_BY.match(phrase)
    if m and _ATTRIBUTION.body_heads.search(re.sub(r"\s+of\s+[\w-]+$", "", m.group("body").lower())):
        return m.group("body")
    return phrase


# A reflexive after a pronoun subject only stresses it ("I myself", "we ourselves", "he himself").
_INTENSIFIER = re.compile(r"(?i)^(i|we|he|she|they)\s+(?:myself|ourselves|himself|herself|themselves)$")


# A participle clause set off after the speaker ("..., speaking on condition of anonymity,")
# says how they spoke, not who they are.
_PARTICIPLE_AFTER = re.compile(r",\s+[a-z]+ing\b.*$")
# ... nor where people came from or stay, right after a plural people noun ("Refugees arriving in
# X", "Residents living near the base"): who they are is the noun (set CZ's Paramaribo wire).
_PEOPLE_WHERE_AFTER = re.compile(r"(?<=[a-z]s)\s+(?:arriving|fleeing|living|staying|sheltering|returning|coming)\s+"
                                 r"(?:in|from|at|to|into|near|around)\b.*$")


@lru_cache(maxsize=1)
def _contacted() -> re.Pattern[str]:
    """How the outlet reached a speaker, after the speaker (``contact_participles``)."""
    words = alternation(load_attribution_terms().contact_participles)
    return re.compile(rf"(?<=\w),?\s+{words}\s+(?:by|on|at|in|via|over)\b.*$", re.IGNORECASE)


def names_no_claimant(phrase: str, low: str) -> bool:
    """A record of no one named ("Initial reports indicate", "figures show"), a venue ("told
    the council", "at a press conference"), a rule ("according to the Geneva Conventions"),
    or content that starts with a figure ("about
    100 people, including children, witnesses ...")."""
    terms = load_attribution_terms()
    return bool(_unowned_record_rx().match(low) and not _owner_word(phrase) or not phrase
                or _EARLY_RECORD.match(low)
                or _a_venue(terms, re.sub(r"^(?:a|an|the)\s+", "", low))
                # "according to the Geneva Conventions"; not a body named for one ("the
                # International Society for Civil Liberties and Rule of Law", set AK)
                or low.split()[-1] in terms.rule_books and not _NAMED_FOR_A_RULE.search(low)
                or low in claim_words().casualty_event_nouns  # "Killings recorded in X: 486"
                or low in _DAYS_AND_MONTHS  # a misparse's subject: "..., released that May, listed 490 dead"
                or low.split()[0] in _DEMONSTRATIVES  # "These claims could not be verified" (set DC)
                or _FIGURE_FIRST.match(phrase))


def _a_venue(terms, low: str) -> bool:
    """'told the council', 'at a press conference': a venue, no speaker; a venue's person is
    one ("A council official, who would not give his name, said": set DG's Cameroon story)."""
    m = terms.venue_words.match(low)
    if m is None:
        return False
    rest = low[m.end():].split()
    return not (rest and rest[0].strip(",") in person_role_words())


# A relative pronoun the parse left at the end of a subject ("a statement ... from the Front
# which said ...").
_RELATIVE_END = re.compile(r"(?<=\w)\s+(?:which|who|that)$")


# A demonstrative opens a phrase that points back ("These claims", "This figure"), no name.
_DEMONSTRATIVES = frozenset({"these", "those", "this", "that"})


# A body's head word before a rule book's word: the body is named for the rule ("the
# International Society for Civil Liberties and Rule of Law", set AK's Owerri story).
_NAMED_FOR_A_RULE = re.compile(rf"\b{in_order('rule_named_body_heads')}\b")


# "According to the first information", "the latest indications": how early a record is, with
# no owner; not a body named before (set AC's Mauritanian communique named the attackers).
_EARLY_RECORD = re.compile(rf"^(?:the\s+)?{in_order('early_record_ages')}\s+{in_order('early_record_nouns')}$")
_DAYS_AND_MONTHS = frozenset(w.lower() for w in (*date_words().weekdays, *date_words().months))
_QUOTE_END = re.compile(r"[,.!?]\s*[”\"]\s*")
_INITIALS_END = re.compile(r"(?:\b[A-Z]\.)+[A-Z]$")
# "A security communique on Wednesday said": the day is when, not part of who.
# So is a date ("First reports from village sources on 3 March", "... on March 3").
_WHEN_AFTER = re.compile(rf"\s+(?:(?:(?:late|early)\s+)?on\s+{alternation(date_words().weekdays)}"
                         rf"(?:\s+{alternation(date_words().parts_of_day)})?|at\s+the\s+time"
                         rf"|on\s+(?:\d{{1,2}}\s+{alternation(date_words().months)}|{alternation(date_words().months)}\s+\d{{1,2}}))$",
                         re.IGNORECASE)
# A sentence adverb the parse left in the subject before its article ("Earlier a spokeswoman").
_ADVERB_BEFORE = re.compile(r"^(?:earlier|later|meanwhile|separately|also|previously|however|now)\s+(?=(?:a|an|the)\s)",
                            re.IGNORECASE)
# A weekday the parse fused with the capitalised name after it ("On Saturday Lev Dzugayev").
# ("In February France's cooperation minister": a month too, set BV's Mali story)
_WHEN_BEFORE = re.compile(rf"^(?:(?:on|in)\s+)?{alternation(date_words().weekdays + date_words().month_names)}\s+(?=[A-Z])",
                          re.IGNORECASE)
# "Q: General, the minister said ...", "Q (Reuters): Colonel, ...": a briefing transcript's
# label (with the asker's outlet) and the vocative after it.
# A monitoring digest's item label in capitals, with its language and time in brackets, before
# the item's own words (set AB's Tibet digest): no part of the speaker.
_SOURCE_LABEL = re.compile(r"^[A-Z][A-Z&'.-]+(?:\s+[A-Z][A-Z&'.-]+){0,3}\s*\([^)]{1,60}\)\s*:\s*(?=\S)")
_TRANSCRIPT_LABEL = re.compile(r"^[QA](?:\s*\([^)]{1,40}\))?\s*:\s*(?:[A-Z][a-z]+(?:,\s+|$))?")


@lru_cache(maxsize=1)
def _unowned_record_rx() -> re.Pattern[str]:
    """Plural record nouns with at most a describing word and no owner ("initial reports",
    "figures"); "the report said" points back to a report named before, so it is not one."""
    records = load_attribution_terms().record_nouns | {"reports", "accounts"}
    nouns = "|".join(sorted((re.escape(n) for n in records if n.endswith("s") or n == "data"), key=len, reverse=True))
    return re.compile(rf"^(?!(?:the|a|an|its|their|his|her)\b)(?:[a-z]+\s+)?(?:{nouns})$")


@lru_cache(maxsize=1)
def _record_from_owner() -> re.Pattern[str]:
    """'Initial reports from local sources', 'Figures by the ministry': a record before its
    owner, "from" or "by" between (set BZ's Ngarbuh story); "reports of fighting" names none.
    Only an owner in lower case: "Reports from Amol" come from a place, whose name the
    subject's rules read (set AC's Amol story)."""
    nouns = alternation(sorted(load_attribution_terms().record_nouns))
    # ("figures later published by the French justice ministry": a participle of issue between;
    # "Returns compiled from the city hospitals by the Dublin Corporation": its maker after
    # "by", not the places it drew on: set DD's Dublin wire)
    return re.compile(rf"^(?i:(?:(?:the|some|a|an)\s+)?(?:[a-z]+\s+)?{nouns}\s+(?:(?:[a-z]+\s+)?{_ISSUED}\s+"
                      rf"(?:from\s+[^,]{{1,60}}?\s+(?=by\s))?)?(?:from|by)\s+)(?=[a-z])")


# Participles and verbs of issuing a record ("published", "compiled").
_ISSUED = r"(?:published|released|issued|compiled|gathered|collected|given|provided|announced|kept)"
# "the toll the colonial administration published in June": a record, then the clause of who
# issued it (set CY's Setif analysis).
_RECORD_ISSUED_BY_CLAUSE = re.compile(
    rf"^(?:(?:the|a|an)\s+)?(?:{alternation(sorted(load_attribution_terms().record_nouns))})\s+(?:that\s+)?"
    rf"(?P<owner>(?:the\s+)?[\w'’-]+(?:\s+[\w'’-]+){{0,5}}?)\s+(?:had\s+|later\s+|then\s+)?"
    r"(?:published|released|issued|compiled|gave|announced|reported)\b.*$", re.IGNORECASE)


def _owner_word(phrase: str) -> bool:
    """'Police figures', 'UN figures', 'Army figures': the word before a record names its
    owner (a state body's word or an acronym), not how it describes it ("initial reports")."""
    first = phrase.split()[0] if len(phrase.split()) > 1 else ""
    # "Soviet reports", "Israeli figures": a state's own records
    return first.lower() in state_body_index()[3] or (len(first) > 1 and first.isupper()) \
        or first[:1].isupper() and first.lower() in demonym_words()


# A record a participle says a body named in lower case made ("figures collected by the civil
# rights association").
_RECORD_BY_BODY = re.compile(rf"^(?:(?:a|an|the)\s+)?(?:[a-z]+\s+)?{alternation(_ATTRIBUTION.record_nouns)}\s+[a-z]+ed\s+by\s+"
                             r"(?P<owner>the\s+[a-z][\w'’ -]{0,50})$", re.IGNORECASE)
_RECORD_FROM = re.compile(rf"^(?:(?:a|an|the)\s+)?(?:[a-z]+\s+)?{alternation(_ATTRIBUTION.record_nouns | claim_words().issued_records)}\s+"
                          r"(?:[^,]{0,60}?\s)??(?:from|by|of|in\s+the\s+name\s+of)\s+"
                          rf"(?:a\s+{in_order('record_owner_collectives')}\s+of\s+)?"
                          r"(?P<owner>(?:the\s+)?(?:ministries\s+of\s+(?:the\s+)?)?(?:\d+(?:st|nd|rd|th)\s+)?(?:(?-i:[A-Z])|our\s).*)$",
                          re.IGNORECASE)


# "according to the provincial government" in a sentence that opens "In Basilan province,":
# that province's government, not the last government body named before.
_LOCAL_BODY = re.compile(rf"^(?:the\s+)?(?P<level>{in_order('local_body_levels')})\s+"
                         rf"(?P<body>{in_order('local_body_nouns')})$", re.IGNORECASE)
_AREA_LEVEL = word_map("area_levels")  # "province": "provincial"
_NAMED_AREA = re.compile(rf"\b(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)\s+(?P<unit>{in_order(_AREA_LEVEL)})\b")


def office_holder(ctx: ArticleContext, phrase: str) -> Claimant | None:
    """"Deputy Chief of the General Staff Col. Gen. Anatoly Nogovitsyn", "Yugoslav Chief of
    Staff Dragoljub Ojdanic": a state office before a name the article did not introduce
    speaks for the state's body (``office_bodies``); only titles, demonyms and ranks may stand
    before the office's body word, so "Kachin Independence Army spokesman" is no state's."""
    from .office_bodies import body_form_rx, office_body

    words = phrase.split()
    title = next((i for i, w in enumerate(words) if w.lower().strip(",") in _ATTRIBUTION.title_words), None)
    if title is None:
        return None
    head = [w for w in words[:title] if w[:1].isupper()]
    rest = [w for w in head if w.lower() not in demonym_words() and w.lower() not in _ATTRIBUTION.title_words]
    # "Armed Forces Chief of Staff Gen. X": a state body's own name before the office is its body
    if rest and (not body_form_rx().fullmatch(" ".join(rest)) or len(head) < title):
        return None  # (a body named right before the office: not "Officials of the Ministry")
    if rest:  # the body as written ("Armed Forces"), with the state the words before name
        return office_body(" ".join(words[:title]), ctx.lexicon, ctx.countries)
    return office_body(phrase, ctx.lexicon, ctx.countries)


def local_government(sentence: Sentence, phrase: str) -> Claimant | None:
    """The government of the area of that level the sentence names ("Basilan provincial
    government"), for "the provincial government" and its kin."""
    m = _LOCAL_BODY.match(phrase.strip())
    if m is None:
        return None
    level = m.group("level").lower()
    for area in _NAMED_AREA.finditer(sentence.text):
        if _AREA_LEVEL[area.group("unit")] == level:
            place = re.sub(r"^(?:In|At|On|The|From|Across|Of|Near)\s+", "", area.group("name"))
            name = f"{place} {level} {m.group('body').lower()}"
            return Claimant(name=name, kind="government", as_written=phrase, known=False)
    return None


# Plural bodies that may close an owner written in lowercase ("Congolese human rights organisations").
# A body's own head closing it ("the Royal Armed Forces general staff", "the ministries of
# Interior and National Defence", "the Catholic Church"; set R's Sand War, Tunisia and
# Paraguay stories) names an owner as a capitalised last word does.
_BODIES_END = re.compile(rf"\b{in_order('plural_body_ends')}$")


@lru_cache(maxsize=1)
def _record_participle() -> re.Pattern[str]:
    """A participle clause after a record noun ("figures declassified in the 1990s", "data
    released on Monday"): it says when or how, not whose."""
    nouns = alternation(_ATTRIBUTION.record_nouns)
    return re.compile(rf"^(?P<head>.*?\b{nouns})\s+(?:[a-z]+ed|{alternation(_IRREGULAR_PARTICIPLES)})\b(?!\s+by\b).*$",
                      re.IGNORECASE)


# Irregular participles that open such a clause ("A KGB summary written on the night of 2 June
# and seen by this newspaper"; set T's Novocherkassk feature).
_IRREGULAR_PARTICIPLES = words("irregular_participles")


# "An earlier ministry bulletin", "the latest army statement": when, not whose (``record_ages``).
_RECORD_AGE = re.compile(rf"^{alternation(load_attribution_terms().record_ages)}\s+", re.IGNORECASE)


# A record noun after one of these closes a body's name ("Ministry of Information"; set T's
# Ogaden situation report), it is no record of an owner before it.
_OFFICE_JOINERS = frozenset({"of", "for", "and", "&"})

# A participle clause closing a record's owner says when or how it was issued, not whose.
_OWNER_PARTICIPLE = re.compile(rf"\s+(?:[a-z]+ed|{in_order('owner_participles')})\b(?!\s+by\b).*$")


@lru_cache(maxsize=1)
def _owner_when() -> re.Pattern[str]:
    """When a record was issued, written after its owner ("... by the Dresden police in March
    1945", "... by the commission on 3 May"): no part of the owner's name (set AY)."""
    when = alternation(tuple(date_words().month_names) + tuple(date_words().weekdays))
    # "... by the health ministry at 22.00 hours on Saturday" too (set BX's UNPROFOR report)
    return re.compile(rf"\s+(?:in|on|during|since|at)\s+(?:(?:early|late|mid)[\s-]+)?(?:the\s+)?"
                      rf"(?:\d|(?i:{when}|noon|midnight|dawn|dusk)\b).*$")


# "attributed to the Front's leadership": whose a record is said to be (its leadership is the body's).
_ATTRIBUTED_TO = re.compile(rf"\b{in_order('attributing_verbs')}\s+to\s+(?P<owner>.+?)"
                            rf"(?:['’]s\s+{in_order('body_leadership_words')})?$", re.IGNORECASE)
# "An earlier ministry bulletin, repeated in ...": a participle clause after the record.
_TRAILING_PARTICIPLE_CLAUSE = re.compile(rf",\s+(?:[a-z]+(?:ed|en|ing)|{in_order('trailing_record_participles')})\b.*$")


def record_owner(ctx: ArticleContext, phrase: str) -> str | None:
    """The body a record is of, written before its noun ("An Army statement", "a police
    report") or after it ("A statement from the Supreme Headquarters", "a statement posted on a
    website in the name of the Ansar al-Sunna Army"): a name, or a state
    body's word; None when no such owner is written ("the latest report") or the whole
    phrase names a body already ("a Hamas statement"); "" when the words after the record
    name the place it comes from, no one ("Reports from Amol say"), or the words before it the
    event it counts ("Mumbai terror attack toll revised to 172")."""
    phrase = re.sub(r",?\s+(?:which|who|whose)\b.*$", "", phrase)  # "... Office, which reopened the case"
    attributed = _ATTRIBUTED_TO.search(phrase)
    if attributed is not None and _record_participle().match(phrase):
        # "A rebel statement circulated in Zamboanga and attributed to the Front's leadership":
        # the one it is attributed to (set AP's Jolo wire)
        return attributed.group("owner")
    after = _RECORD_FROM.match(phrase)
    if after is None and (by_body := _RECORD_BY_BODY.match(phrase)) is not None \
            and _ATTRIBUTION.body_heads.search(by_body.group("owner").lower()):
        return by_body.group("owner")  # "figures collected by the civil rights association" (set BO)
    owner = re.split(r",\s+(?:an?|the)\s", after.group("owner"))[0] if after else ""  # "..., an Onitsha-based rights group"
    owner = re.sub(r"\s*\([^()]*\)$", "", owner)  # "... Committee (COPREFA)"
    owner = _OWNER_PARTICIPLE.sub("", owner)  # "... National Defence published yesterday evening"
    owner = _owner_when().sub("", owner)  # "a report issued by the Dresden police in March 1945"
    if owner and phrase.endswith(f"from {owner}") and re.sub(r"^the\s+", "", owner) in ctx.place_texts():
        return ""  # "Reports from Amol say": where the reports come from, no one's (set AN's Iranian digest)
    if owner and (owner.split()[-1][:1].isupper() or _BODIES_END.search(owner) or owner.startswith("our ")):
        return owner  # "the 11th Marine Expeditionary Unit", "Congolese rights organisations", "our commanders"
    phrase = _record_participle().sub(r"\g<head>", phrase)  # "Israeli figures released on Monday"
    # "An earlier ministry bulletin, repeated in ...", "Hungarian Red Cross estimate, broadcast by ..."
    phrase = _TRAILING_PARTICIPLE_CLAUSE.sub("", phrase)
    words = _RECORD_AGE.sub("", re.sub(r"^(?:a|an|the)\s+", "", phrase, flags=re.IGNORECASE)).split()
    if len(words) < 2 or words[-1].lower() not in load_attribution_terms().record_nouns:
        return None
    owned = [k for k, w in enumerate(words[:-2]) if re.search(r"\w['’]s$", w)]
    if owned and all(w[:1].islower() for w in words[owned[-1] + 1:-1]):
        # "The government's last official war communique": the possessor's record, whatever
        # words describe it (set BJ's Santa Clara wire)
        words = words[:owned[-1] + 1] + words[-1:]
    if words[-2].lower() in _OFFICE_JOINERS or words[0].lower() in _ATTRIBUTION.possessive_pronouns | {"our", "my"}:
        return None  # "the Ministry of Information", "the Department of Records": a body's own name
    owner = " ".join(words[:-1])
    if re.search(r"\w['’]s$", owner):
        # "the radio's information", "the prosecutor's documents": the one whose record it is,
        # as written ("the radio" points back as "the radio said" does)
        owner = owner[:-2]
        return f"the {owner}" if owner[:1].islower() and re.match(r"(?i)the\s", phrase) else owner
    forms = state_body_index()[3]
    if owner.lower() == "official":
        # "Official figures published at the time put the dead at 53": the state's own count, as
        # "Official figures show" (possessive_record), not "the official" who spoke before (set DD)
        return "the government"
    if f"the {owner.lower()}" in load_attribution_terms().anaphoric_subjects \
            and not any(m.claimant.known for m in ctx.lexicon.find(phrase, ctx.countries)):
        return f"the {owner.lower()}"  # "an earlier ministry bulletin": the ministry, as "the ministry" points
    if not (owner[:1].isupper() or owner.lower() in forms) or any(
            m.claimant.known for m in ctx.lexicon.find(phrase, ctx.countries)):
        return None
    if owner.split()[-1].lower() in word_set("event_before_record"):
        return ""  # "Mumbai terror attack toll": what the record counts, no one who keeps it
    return owner


_FIGURE_FIRST = re.compile(rf"^(?:{alternation(_ATTRIBUTION.figure_first_hedges, any_space=False)}\s+)?\d",
                           re.IGNORECASE)


_BODY_SEAT = re.compile(rf"^(?:the\s+)?(?P<body>\S.*?)\s+{alternation(_ATTRIBUTION.body_seats)}$", re.IGNORECASE)


def seat_owner(phrase: str) -> str | None:
    """The body whose seat speaks ("Police headquarters said", "Army HQ said": the police, the
    army), as a subject to resolve (one word in lower case); None for any other phrase."""
    m = _BODY_SEAT.match(phrase)
    if m is None or m.group("body").split()[-1].lower() in _ATTRIBUTION.portfolio_seats:
        return None  # "the Nigerian Defence Headquarters": a body's own name
    body = m.group("body")
    if body.split()[-1].lower() in ("at", "in", "from", "of"):
        return "military"  # "A spokesman at headquarters here": the forces' headquarters, no body "spokesman at" (set DB)
    return body if " " in body else body.lower()
