"""The claimant a subject phrase names, in the article's context: pronouns and "the same
foundation" pointed back, a role of a body named before, a person the article introduced,
a body the lexicon knows or the article's state's ("the army said")."""

from __future__ import annotations

import re
from functools import lru_cache

from ...sentences import Sentence
from ...records import Claimant
from ...lexicon.claim_terms import claim_words, demonym_words, load_attribution_terms
from ...lexicon.actor_words import institution_staff
from ...lexicon.claim_rule_words import in_order, words
from ...lexicon.patterns import alternation
from .context import ArticleContext
from .broadcasters import party_speaker
from .subject_anaphora import (ROLE_LOOKBACK_CHARS, anaphoric_subject, body_named_with_head, points_back, same_title_before,
                              publishers_head, reporter_or_last, serves)
from .bodies_before import HEAD_BEFORE_NAME, INSTITUTION_HEAD, institution_in, institution_named_before, other_service
from .defined_names import label_speaker, local_name, spelt_over_another_wars
from .subject_phrases import local_government, names_no_claimant, office_holder, record_owner, seat_owner, subject_phrase
from .discourse import last_claimant_before, names_a_body, person_named_before, person_named_since_reporter
from .service_bodies import bare_police_body, national_society_meant
from .speech_patterns import ATTRIBUTION, INVERTED_SAY, TRAILING_SAY
from .subject_possessors import neuter_antecedent, possessor_speaking, sentence_body
from ..claimant_names import minister_of, portfolio_ministry
from ..claimants import portfolio_in_capitals
from ..context import is_country_name


# One of the group that spoke last ("One of them", "two of those", "one of its officers").
_ONE_OF_THEM = re.compile(r"^(?:one|two|three|some|several|another)\s+of\s+(?:them|those|these|(?:its|their)\s+[a-z]+)$")
_DEFINITE_DESCRIPTION = re.compile(r"^(?i:the)\s+[a-z-]+(?:\s+[a-z-]+)?$")
# "Ministry spokesman Ashraf al-Qedra": a kind of body, then a speaker's role
_ROLE_FIRST = re.compile(rf"^(?:the\s+|a\s+|an\s+)?(?:[\w-]+\s+){{0,2}}?"
                         rf"(?P<role>{alternation(ATTRIBUTION.role_bodies)})(?:['’]s)?\s+(?:[\w-]+\s+){{0,2}}?"
                         rf"{alternation(ATTRIBUTION.speaker_roles)}\b",
                         re.IGNORECASE)


_SAME_BEFORE = re.compile(r"^(?:the|this|these)\s+same\s+")


def resolve_subject(ctx: ArticleContext, sentence: Sentence, span: str) -> Claimant | None:
    """The claimant a subject or agent phrase names, in the article's context."""
    who = _resolve_subject(ctx, sentence, span)
    low = _SAME_BEFORE.sub("the ", span.strip().lower())  # "the same council" is "the council"
    if (who is None or not who.known and (low.split()[-1] not in who.name.lower() or who.name == low.split()[-1])) \
            and (by_head := body_named_with_head(ctx, sentence, low)):
        # "the committee said" after "the Vlora Salvation Committee" took the port, another
        # speaker between; a known body read by kind stays ("the agency" after UNHCR spoke)
        who = resolve_subject(ctx, sentence, by_head) or who
    if who is not None and not who.known and (in_full := _body_named_in_full_before(ctx, sentence, who)) is not None:
        who = in_full  # "the Ministry's spokesman" after "the Ministry of Defence announced"
    if who is not None and not who.known and (place := _institution_named_before(ctx, sentence, who)) is not None:
        who = place  # "the hospital's director" after "Doctors at Nicosia General Hospital"
    if who is not None and not who.known and (led := _leaders_body_named_before(ctx, sentence, who)) is not None:
        who = led  # "Aideed's faction" after "Aideed's Somali National Alliance"
    if who is not None and (society := national_society_meant(ctx, who, span)) is not None:
        return society  # "a Red Cross official" after "volunteers of the Uganda Red Cross"
    if who is not None and not who.known and ", " in who.name:
        body = _BODYS_SPEAKER.match(who.name)
        who = (resolve_subject(ctx, sentence, body.group("body")) if body else None) or _one_party_of_aside(who)
    return (bare_police_body(ctx, span) or who) if who is not None else None


# A person's name: an optional honorific or rank, then two to five capitalised words (the
# particles of Arabic, Spanish or Dutch names between them).
_PERSON_NAME = re.compile(r"^(?:(?:Dr|Mr|Mrs|Ms|Prof|Gen|Col|Maj|Capt|Lt|Sgt|Bishop|Father|Sheikh)\.?\s+)?"
                          r"(?P<name>[A-Z][\w'’.-]+(?:\s+(?:(?:al|el|de|del|da|dos|van|von|bin|ibn|abu)\s+)?[A-Z][\w'’.-]+){1,4})$")
# A description set off after a body: "headed by Bishop Samuel Ruiz", "which runs the camp".
_DESCRIBING_ASIDE = re.compile(r"^(?:headed|led|run|chaired|directed|founded|backed|supported)\s+by\b|^(?:which|that|who)\b")


# "The Bougainville Interim Government's representative in Sydney, Moses Havini": a named
# body's spokesman or representative, then his name: the body speaks (as "Ministry spokesman
# X" does; set CO's Bougainville bulletin).
_BODYS_SPEAKER = re.compile(r"^(?:the\s+|The\s+)?(?P<body>[A-Z][^,]*?)['’]s\s+(?:[a-z-]+\s+){0,2}?"
                            r"(?:spokes(?:man|woman|person)|representative|envoy)\b[^,]*,\s+[A-Z]")
_WHERE_ASIDE = re.compile(r"^(?:on|in|near|at|along|across|outside|inside|north|south|east|west|\d+\s*(?:km|kilometres|miles))\b",
                          re.IGNORECASE)
_PLACED_BEFORE = re.compile(r"\b(?:in|at|from|near|outside)\s+[A-Z][\w'’-]+$")


def _one_party_of_aside(who: Claimant) -> Claimant:
    """'the governor-general of Khuzestan province, Mohammad Gharazi', 'Dr. Karwan Hamad,
    director of Erbil's West Emergency Hospital': a role and a name no rule read as one
    claimant; the named person speaks (as annotators name them). 'The diocese of San
    Cristobal, headed by Bishop Samuel Ruiz': the body, its description off (sets CI, CL)."""
    first, rest = who.name.split(", ", 1)
    rest = rest.strip(" ,")
    if _DESCRIBING_ASIDE.match(rest) or _WHERE_ASIDE.match(rest):
        # ("A doctor in the town of Dashkesan, on the northern side of the range": where the
        # town is, no part of who speaks; set CM's Kelbajar wire; "the town of" is already
        # off, subject_phrases._SETTLEMENT_OF)
        return Claimant(first, who.kind, who.as_written, False)
    if _PLACED_BEFORE.search(first) and is_country_name(rest):
        return who  # "A church official in Tobelo, North Maluku": the town's province, no person
    heads = load_attribution_terms().body_heads
    for part in (rest, first):
        m = _PERSON_NAME.match(part)
        if m and "," not in part and not heads.search(part.lower()):
            return Claimant(m.group("name"), who.kind, who.as_written, False)
    return who


def _resolve_subject(ctx: ArticleContext, sentence: Sentence, span: str) -> Claimant | None:
    terms = load_attribution_terms()
    phrase = minister_of(subject_phrase(span))  # "the Minister of Health" is "the health minister"
    low = phrase.lower()
    if names_no_claimant(phrase, low):
        return None
    same = "same" in low.split()  # "the same representatives": pointing back, said so
    phrase, low = _plain_anaphor(phrase, low, terms.anaphoric_subjects)
    if publishers_head(ctx, low):
        return ctx.publisher  # "the Administration announces" in the SSC-Khatumo Administration's release (set Y)
    body = _body_a_role_speaks_for(ctx, sentence, phrase) or _force_in_focus(ctx, sentence, low)
    if body is not None:
        return body
    if low in ("the state", "state") and ctx.countries:
        # "according to information provided by the State": the article's state's government
        return ctx.lexicon.in_country(ctx.lexicon.resolve("the government", ctx.countries), "the government",
                                      ctx.countries[0])
    if low in ("i", "we", "us") or _SOME_OF_OURS.match(low):
        # "Some of our people speak of 1,500 dead," the spokesman said: who speaks is the speaker
        # of "our" (set AK's Tuareg exiles), as "we" is
        return label_speaker(ctx, sentence.text, sentence.start) or _quoted_speaker(ctx, sentence)
    party = party_speaker(ctx, sentence, phrase)
    if party is not None:  # "UNITA's radio", "the radio", "the rebels": the party they stand for
        return party
    possessor = possessor_speaking(ctx, sentence, phrase)
    if possessor is not None:  # "Our teams", "The group's publicity secretary", "Its spokesman"
        return possessor
    local = local_name(ctx, phrase)
    if local is not None and local.known:
        return local
    body = (_opening_body(ctx, sentence) or _record_before(ctx, sentence) or neuter_antecedent(ctx, sentence)) \
        if low == "it" else None
    if body is not None:
        return body  # "it" is no person: the body that opened a sentence since the reporter spoke
    if _ONE_OF_THEM.match(low) and ctx.reporter is not None and sentence.index - 2 <= ctx.reporter.sentence <= sentence.index:
        return ctx.reporter.claimant  # "Security officials said ... One of them said": one of the speakers (set CJ)
    if low in ("he", "she") and (named := person_named_since_reporter(ctx, sentence)) is not None:
        return named  # a person the paragraph introduced after the reporter spoke
    if low in _ROLE_NEUTRAL and ctx.reporter is not None and ctx.reporter.sentence <= sentence.index:
        # "the Minister said" after a broadcast from the other side: the minister who spoke
        # before, when the one speaking now is no minister (set DC's Nairobi daily)
        return same_title_before(ctx, sentence, low) or ctx.reporter.claimant  # "the spokesman added": whoever is speaking
    if low in terms.pronoun_subjects or low in terms.anaphoric_subjects:
        if low in ("he", "she") and ctx.reporter is None:
            # a witness the story opened with, before any body it names in passing ("the White
            # House" is no "he"; sets T and Z's features)
            return person_named_before(ctx, sentence) or anaphoric_subject(ctx, sentence, phrase, low)
        return anaphoric_subject(ctx, sentence, phrase, low)
    seated = resolve_subject(ctx, sentence, seat) if (seat := seat_owner(phrase)) else None
    if seated is not None and seated.kind == "government" and (seated.known or seated.name.lower() != seat):
        return seated  # "Police headquarters said": the police ("General Headquarters" stays)
    if seated is not None and seated.kind == "unknown" and " " in seat and phrase.split()[-1].islower() \
            and all(w[:1].isupper() for w in seat.split()):
        # "Pacific Fleet headquarters": a named body's seat, in lower case, is the body (set BT's
        # Tarawa wire); a state's, as seats are ("Combined Operations Headquarters" is a name)
        return Claimant(seated.name, "government", phrase, False)
    issued = _issued_in_a_capital(ctx, phrase)
    if issued is not None:
        return issued
    owner = record_owner(ctx, phrase)
    if owner is not None:  # "An Army statement said": the Army
        return resolve_subject(ctx, sentence, owner)
    return _role_of_body_before(ctx, sentence, phrase) or _named_subject(ctx, sentence, phrase, local, same)


# "Military communiques issued in Lisbon", "Army statements released in Rangoon": a kind of
# body's records and the city they came from.
_ISSUED_IN = re.compile(rf"^(?:the\s+)?(?P<body>[A-Z][a-z]+)\s+{alternation(sorted(load_attribution_terms().issued_documents))}s?"
                        r"\s+(?:issued|released|published|put\s+out)\s+in\s+(?P<city>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)$")


def _issued_in_a_capital(ctx: ArticleContext, phrase: str) -> Claimant | None:
    """The body of the state whose city a record came from ("Military communiques issued in
    Lisbon": the Portuguese military; set DB's UN press release), else None."""
    m = _ISSUED_IN.match(phrase)
    if m is None:
        return None
    from ..context import country_names

    state = country_names().get(m.group("city").lower())
    if state is None:
        return None
    who = ctx.lexicon.resolve(m.group("body").lower(), [state])
    return ctx.lexicon.in_country(who, m.group("body").lower(), state) if who is not None and not who.known else who


# A state's armed force named without its state, and the names such a force goes by.
_GENERIC_FORCES = frozenset({"the army", "the military", "the armed forces"})
_STATE_FORCE_NAME = re.compile(r"(?:\barmy|\bmilitary|\barmed forces|\bdefen[cs]e forces?)$", re.IGNORECASE)


def _force_in_focus(ctx: ArticleContext, sentence: Sentence, low: str) -> Claimant | None:
    """'An Israeli military spokesman said ... The army acknowledged ...': "the army" right
    after a state's force spoke is that force, whichever state the article leads with (set
    BS's Beaufort story); else None."""
    rep = ctx.reporter
    if low not in _GENERIC_FORCES or rep is None or not sentence.index - 1 <= rep.sentence <= sentence.index:
        return None
    who = rep.claimant
    return who if who.kind == "government" and who.known and _STATE_FORCE_NAME.search(who.name) else None


def _role_of_body_before(ctx: ArticleContext, sentence: Sentence, phrase: str) -> Claimant | None:
    """"Ministry spokesman Ashraf al-Qedra", the lexicon knowing no such body: the spokesman of
    the ministry named before (the reporter or the last such body); else None."""
    from .office_bodies import people_owner

    role = _ROLE_FIRST.match(phrase)
    if role and not people_owner(phrase, role.start("role")):  # "GAM military spokesman" is GAM's
        # "Ministry spokesman Ashraf al-Qedra": the spokesman of the ministry named before
        who = ctx.lexicon.resolve(phrase, ctx.countries)
        if who is None or not who.known:
            earlier = reporter_or_last(ctx, sentence, ctx.lexicon.resolve(role.group("role"), ctx.countries))
            if earlier and serves(role.group("role"), earlier):
                return earlier
    return None


# Some of the speaker's own people: "some of our people", "many of our members".
_SOME_OF_OURS = re.compile(r"^(?:some|many|most|several|one|a\s+few)\s+of\s+(?:our|my)\s+\w+")


# "A spokesman", "a spokeswoman": a speaker's title with no body named with it.
_BARE_SPOKES = re.compile(rf"^(?:a|an)\s+{alternation(ATTRIBUTION.spokes_titles)}$", re.IGNORECASE)


# A capitalised name opening a sentence as its subject, before the first lowercase word.
_OPENING_NAME = re.compile(r"^\W*(?P<who>(?:The\s+)?[A-Z][\w'’.-]*(?:\s+(?:of|for|and|on|the|[A-Z][\w'’.-]*)){0,8}?)"
                           r"\s+(?=[a-z])(?!(?:of|for|and|on|the)\b)")
_NOT_A_SUBJECT = frozenset({"in", "on", "at", "after", "before", "by", "for", "from", "with", "during", "since",
                            "when", "while", "as", "it", "its", "they", "we", "according", "despite", "under"})


def _record_before(ctx: ArticleContext, sentence: Sentence) -> Claimant | None:
    """'The communique described the garrison as "annihilated." It estimated the enemy dead at
    4,000': "it" is the record the sentence before opened with, so its issuer (set BT's Tarawa
    wire), not whoever spoke last."""
    if sentence.index == 0:
        return None
    before = ctx.sentences[sentence.index - 1]
    words = before.text.split()[:2]
    if len(words) < 2:
        return None
    anaphor = " ".join(words).lower().strip(",")
    if anaphor not in claim_words().record_anaphors:
        return None
    return party_speaker(ctx, before, anaphor)


def _opening_body(ctx: ArticleContext, sentence: Sentence) -> Claimant | None:
    """The body a sentence opens with, which a later "it said" in the same sentence is ("The
    Permanent Assembly of Human Rights has another number: more than 60 deaths, it said";
    set V's Bolivian daily); None for a person, a place or a sentence opening with "It"."""
    m = _OPENING_NAME.match(sentence.text)
    if m is None or m.group("who").split()[0].lower() in _NOT_A_SUBJECT:
        return None
    name = m.group("who")
    bare = re.sub(r"^(?:The|A|An)\s+", "", name)
    if bare.lower() in demonym_words() or name in ("The", "A", "An"):
        return None  # "Algerian troops captured 12 others, it added": people, not a body; the reporter speaks
    who = resolve_subject(ctx, sentence, name)
    words = set(name.lower().split())
    if who is None or not (who.known or words & load_attribution_terms().neuter_heads):
        return None
    return who


def _body_in_focus(ctx: ArticleContext, sentence: Sentence) -> Claimant | None:
    """The body a bare spokesman speaks for: one that opened a sentence since the reporter
    spoke, else the reporter when it is a body (a person has no spokesman to speak for him here)."""
    body = neuter_antecedent(ctx, sentence)
    if body is not None:
        return body
    rep = ctx.reporter
    if rep is None or rep.sentence > sentence.index:
        return None
    who = rep.claimant  # (this sentence's own, when a first reading of it already named the body)
    if who.known or names_a_body(who) or who.kind not in ("unknown", "media") and who.name not in ctx.spokespeople \
            and not _BARE_SPOKES.match(who.as_written):
        return who
    return None
    return None


def _opening_body_before(ctx: ArticleContext, sentence: Sentence, phrase: str) -> Claimant | None:
    """'The KIA has given no figure for its dead; a spokesman said ...': the body
    whose clause opens the sentence, when a bare spokesman speaks in a later clause of it
    (set CW's Kachin update); else None."""
    at = sentence.text.find(phrase)
    if at <= 0 or not re.search(r"(?:;|,\s+(?:but|and|while))\s*$", sentence.text[:at]):
        return None
    return sentence_body(ctx, sentence)


def _body_a_role_speaks_for(ctx: ArticleContext, sentence: Sentence, phrase: str) -> Claimant | None:
    """The body a speaker named by a role speaks for: "a spokesman" the body in focus, "a
    spokesman for the movement" the movement named before, "A KFOR spokesman" KFOR."""
    if _BARE_SPOKES.match(phrase) and (body := _opening_body_before(ctx, sentence, phrase)) is not None:
        return body  # "The KIA has given no figure for its dead; a spokesman said ...": the KIA's
    if _BARE_SPOKES.match(phrase) and (body := _body_in_focus(ctx, sentence)) is not None:
        return body  # "The Constabulary has revised its figure. A spokesman told ...": the Constabulary's
    speaker_of = _ROLE_OF_ANAPHOR.match(phrase)
    if speaker_of and f"the {speaker_of.group('noun').lower()}" in load_attribution_terms().anaphoric_subjects:
        # "A spokesman for the movement said": the movement named before
        return resolve_subject(ctx, sentence, "the " + speaker_of.group("noun"))
    head = INSTITUTION_HEAD.match(phrase) or HEAD_BEFORE_NAME.match(phrase)
    if head is not None and (named := institution_in(sentence.text)) is not None:
        # "the doctors at the Hospital Holandes attended 100 injured, the director told": that
        # hospital's director (set V's Bolivian daily), not whoever spoke before; "At Bireuen's
        # general hospital, director Zulfikar Hasan said": the hospital, as gold sets name it
        return resolve_subject(ctx, sentence, named)
    return _body_of_a_role(ctx, sentence, phrase, anaphor=speaker_of is not None)


def _body_of_a_role(ctx: ArticleContext, sentence: Sentence, phrase: str, anaphor: bool) -> Claimant | None:
    """The body a role is named with: "A KFOR spokesman in Pristina", "an MNJ official" (the
    body before the role), "A spokesman for the self-defence councils" (the body after it),
    "the government's chief military spokesman" (the body owning it)."""
    named_role = _NAMED_BODY_ROLE.match(phrase)
    if named_role is not None and named_role.group("word"):
        # "An Israeli military spokesman", "a Sudanese army spokesman": the state's force, not
        # its government (set BS's Beaufort story)
        body = ctx.lexicon.state_body(f"{named_role.group('body')} {named_role.group('word')}")
        if body is not None:
            return body
    if named_role is not None:
        body = resolve_subject(ctx, sentence, named_role.group("body"))
        if body is not None and (body.known or named_role.group("body").isupper()):
            return body
    body_of = (_ROLE_OF_BODY.match(phrase) or _ROLE_OF_OWNER.match(phrase)) if not anaphor else None
    if body_of is not None:
        # "the breakaway Bangsamoro Islamic Freedom Fighters", "the outlawed ONLF": the name,
        # without the words that describe it
        body = resolve_subject(ctx, sentence, _DESCRIBED_NAME.sub("", body_of.group("body")))
        if body is not None and (body.known or body.kind != "unknown"
                                 or load_attribution_terms().body_heads.search(body_of.group("body").lower())):
            return body
    return None


# Lowercase words between "the" and a capitalised name describe the body, they are no part of it.
_DESCRIBED_NAME = re.compile(r"^(?:the\s+)?(?:[a-z][a-z-]+\s+){1,2}(?=[A-Z][\w'’-]+\s+[A-Z])")
_SAME_BODY = re.compile(r"^(?:the|this|these)\s+same\s+(?P<noun>[a-z]+)$", re.IGNORECASE)
_PLURAL_BODIES = re.compile(r"^(?:the\s+two|both|both\s+the|the)\s+(?P<stem>[a-z]+?)(?P<end>ies|s)$")


# "A later bulletin", "a further statement": the same speaker's next
# record, read as "the bulletin" (set AO's Conakry story, AP's Rangoon digest).
_LATER_RECORD = re.compile(rf"^(?:a|an|the)\s+{in_order('later_record_modifiers')}\s+(?:official\s+)?(?P<noun>[a-z]+)$",
                           re.IGNORECASE)


def _plain_anaphor(phrase: str, low: str, anaphoric: frozenset[str] | tuple[str, ...]) -> tuple[str, str]:
    """'the same foundation', 'the same ministries', 'both ministries', 'the two committees':
    a body named before, read as its plain anaphor is ("the foundation", "the ministry");
    'a later bulletin' as "the bulletin"; any other phrase as it is ("the rebels" is no
    anaphor of a body; set R's Tunisia daily)."""
    same = _SAME_BODY.match(phrase) or _LATER_RECORD.match(phrase)
    if same and (same.re is _SAME_BODY or "the " + same.group("noun").lower() in anaphoric
                 or "the " + same.group("noun").lower() in claim_words().broadcaster_anaphors):
        phrase, low = "the " + same.group("noun"), "the " + same.group("noun").lower()
    m = _PLURAL_BODIES.match(low)
    if m is not None:
        singular = "the " + m.group("stem") + ("y" if m.group("end") == "ies" else "")
        if singular in anaphoric and singular != low:
            return singular, singular
    return phrase, low


# "a spokesman for the movement", "officials of the council": a role of a body named before.
_ROLE_OF_ANAPHOR = re.compile(rf"^(?:a|an|the)\s+(?:[a-z]+\s+)?{alternation(ATTRIBUTION.spokes_titles + words('body_roles'))}"
                              r"\s+(?:for|of)\s+the\s+(?P<noun>[a-z]+)$", re.IGNORECASE)
# "A KFOR spokesman in Pristina", "an MNJ official": a body's name (or acronym) before a role,
# perhaps placed; the body speaks. An acronym needs no article ("NRA officials said" after the
# article named the National Resistance Army; set BZ's Kampala story).
_NAMED_BODY_ROLE = re.compile(rf"^(?:(?:a|an|the)\s+|(?=(?-i:[A-Z]{{2,6}})\s))(?P<body>(?-i:[A-Z])[\w'’&-]*(?:\s+(?-i:[A-Z])[\w'’&-]*){{0,3}})\s+"
                              rf"(?:(?P<word>[a-z]+)\s+)?{alternation(ATTRIBUTION.spokes_titles + words('named_body_roles'))}"
                              r"(?:\s+(?:in|at|from)\s+(?-i:[A-Z])[\w'’-]*(?:\s+(?-i:[A-Z])[\w'’-]*){0,2})?$", re.IGNORECASE)
# "a spokesman for the self-defence councils", "a commander of the tribal militias": a role of
# a body named with it.
_ROLE_OF_BODY = re.compile(rf"^(?:a|an|the)\s+(?:[a-z]+\s+)?{alternation(ATTRIBUTION.spokes_titles + words('body_roles'))}"
                           r"\s+(?:for|of)\s+(?P<body>the\s+\S+(?:\s+\S+){0,5})$", re.IGNORECASE)


# "the government's chief military spokesman", "the army's spokesman": a role its body owns
# (set AP's Ban Me Thuot wire, where it is a named man's apposition).
_ROLE_OF_OWNER = re.compile(rf"^the\s+(?P<body>[a-z][\w-]*(?:\s+[a-z][\w-]*){{0,2}})['’]s\s+(?:[a-z-]+\s+){{0,2}}"
                            rf"{alternation(ATTRIBUTION.spokes_titles + words('body_roles'))}$", re.IGNORECASE)


def _quoted_speaker(ctx: ArticleContext, sentence: Sentence) -> Claimant | None:
    """'"I counted 80 bodies," a rescue worker told the BBC': "I" or "we" is the quote's speaker."""
    m = TRAILING_SAY.search(sentence.text) or INVERTED_SAY.search(sentence.text)
    if m is None or m.group("who").strip().lower() in ("i", "we", "us"):
        return None
    return resolve_subject(ctx, sentence, m.group("who"))


def _named_subject(ctx: ArticleContext, sentence: Sentence, phrase: str, local: Claimant | None,
                   same: bool = False) -> Claimant | None:
    """The claimant the lexicon finds for the phrase; one it does not know is read back to a
    body named before, to a person the article introduced or to the article's state."""
    terms = load_attribution_terms()
    who = ctx.lexicon.resolve(phrase, ctx.countries)
    if who is None:
        return None
    if who.known and who.as_written and who.as_written.isupper() \
            and (own := spelt_over_another_wars(ctx, who.as_written)) is not None:
        return own  # "a spokesman for the SNA" after "Somali National Alliance": not Syria's SNA
    if not who.known and who.name != phrase and who.name.isupper() and who.name in ctx.local:
        return ctx.local[who.name]  # "the leaders of the CNRT": the body the article spelt out as CNRT
    if not who.known and institution_staff().match(phrase):
        named = institution_named_before(ctx, sentence)
        if named is not None and not institution_staff().match(named):  # no name: it would point back again
            return resolve_subject(ctx, sentence, named)
    local_gov = None if who.known else local_government(sentence, phrase)
    if local_gov is not None:
        return local_gov
    office = None if who.known or local is not None else office_holder(ctx, phrase)
    if office is not None:
        return office
    earlier = _earlier_of_its_kind(ctx, sentence, phrase, who, same)
    if earlier is not None:
        return earlier
    if local is not None and not who.known and local.name in ctx.spokespeople and ctx.reporter is not None \
            and ctx.reporter.claimant.known and ctx.reporter.sentence <= sentence.index:
        # "Spokesperson Jeremy Laurence told reporters" after "the UN human rights office
        # said": a spokesperson named with no body speaks for the body speaking
        return ctx.reporter.claimant
    if local is not None and not who.known:
        # a person the article introduced: by name, without the role words ("Police" for
        # "Police spokesman X" is the article's state's police)
        return ctx.lexicon.in_country(local, local.name, ctx.countries[0] if ctx.countries else None)
    if not who.known:
        # "the army said", "police said", "state media reported": the article's state's; "police
        # there" the state of the place named just before
        state = _state_there(ctx, sentence, phrase) or (ctx.countries[0] if ctx.countries else None)
        # a portfolio in capitals is the state's when the story names it as a state: a town
        # alone ("Palma") may be another state's town
        # (the text is scanned for its state only when such a name needs it)
        capitals = state is not None and (portfolio_in_capitals(phrase) or portfolio_in_capitals(who.as_written)) \
            and _named_as_a_state(ctx, state)
        who = ctx.lexicon.in_country(who, _portfolio_ministry(ctx, phrase), state, capitals=capitals)
    if not who.known and who.kind == "unknown" and not any(ch.isupper() for ch in who.name) \
            and not terms.human_sources.search(phrase.lower()) and not _body_headed(phrase.lower()) \
            and not _TITLED.search(phrase):
        # "the fighting", "people": a lowercase phrase with no claimant word names nobody
        # ("the emergency medicine centre" does: a body's head noun).
        return None
    return who


_THERE_AFTER = re.compile(r"\s+there\b")


def _state_there(ctx: ArticleContext, sentence: Sentence, phrase: str) -> str | None:
    """'An Indian jet crashed in Budgam district. Police there said ...': the state of the last
    place the article named before the speaker, when "there" follows the speaker (set CW's
    bulletin from Islamabad: Indian police, not Pakistani); else None."""
    text = sentence.text
    i = text.find(phrase)
    while i >= 0 and not (_THERE_AFTER.match(text, i + len(phrase)) and (i == 0 or not text[i - 1].isalnum())):
        i = text.find(phrase, i + 1)  # (no pattern built from the phrase: each would fill re's cache, see regex_bundle)
    if i < 0:
        return None
    at = sentence.start + i
    before = [(p.end, p.place.country) for p in ctx.places
              if p.end <= at and p.place is not None and p.place.country and p.precision is not None]
    return max(before)[1] if before else None


def _body_named_in_full_before(ctx: ArticleContext, sentence: Sentence, who: Claimant) -> Claimant | None:
    """"Mr Ian McDonald, the Ministry's spokesman" after "the Ministry of Defence announced":
    a body's head word alone, capitalised, is the body the article named in full before it
    (the last such name; set BI's Falklands story), not a body called "Ministry"."""
    word = who.name
    if " " in word or not word[:1].isupper() or not load_attribution_terms().body_heads.fullmatch(word.lower()):
        return None
    before = ctx.article.text[ctx.item_start(sentence.start):sentence.start]
    full = [m.group(0) for m in re.finditer(
        rf"\b(?:[A-Z][\w'’.-]*\s+){{0,3}}{word}(?:\s+(?:of|for)\s+(?:the\s+)?[A-Z][\w'’.-]*(?:\s+(?:and\s+)?[A-Z][\w'’.-]*){{0,3}})?",
        before) if m.group(0) != word]
    if not full:
        return None
    found = ctx.lexicon.resolve(full[-1], ctx.countries)
    return found if found is not None and found.name != word else None


# "the hospital's director", "the morgue's head", "director of the hospital": a head of an
# institution the article named before by its full name.
_INSTITUTION_HEAD = re.compile(r"^(?:the\s+)?(?:(?P<inst>hospital|clinic|morgue|mortuary|infirmary)['’]s\s+|"
                               r"(?:director|head|chief|administrator|superintendent|spokesman|spokeswoman)\s+of\s+the\s+"
                               r"(?P<inst2>hospital|clinic|morgue|mortuary|infirmary)$)", re.IGNORECASE)


def _institution_named_before(ctx: ArticleContext, sentence: Sentence, who: Claimant) -> Claimant | None:
    """"the hospital's director said" after "Doctors at Nicosia General Hospital told this
    newspaper": the head of an institution named by its kind alone speaks for the one the
    article named in full before (the last such name; set BJ's Cyprus 1974 story; checked on
    Gaza and Sudan sentences)."""
    m = _INSTITUTION_HEAD.match(who.as_written or who.name) or _INSTITUTION_HEAD.match(who.name)
    if m is None:
        return None
    noun = (m.group("inst") or m.group("inst2")).lower()
    before = ctx.article.text[ctx.item_start(sentence.start):sentence.start]
    # ("officials at the SMHS hospital": a name before the kind in lower case too; set DE's Srinagar daily)
    named = re.findall(rf"\b((?:[A-Z][\w'’.-]*\s+){{1,4}}(?:{noun.capitalize()}|{noun}))\b", before)
    named = [n for n in map(_without_when, named) if n]
    named = [n for n in named if n.split()[0] not in ("The", "A", "An")] or \
        [n.split(" ", 1)[1] for n in named if " " in n and n.split()[0] in ("The", "A", "An") and len(n.split()) > 2]
    if not named:
        return None
    return Claimant(name=named[-1], kind="medical", as_written=who.as_written or who.name, known=False)


def _without_when(name: str) -> str:
    """An institution's name without a leading function word, weekday or month ("On Sunday
    hospital" is no name); "" when no capitalised word of a name is left before its kind."""
    from ...lexicon.date_words import date_words
    from ...lexicon.place_words import place_words

    dates = {w.lower() for w in (*date_words().weekdays, *date_words().month_names)}
    words = name.split()
    while len(words) > 1 and (words[0].lower() in dates or words[0].lower() in place_words().function_words):
        words = words[1:]  # (the words a place name's capitalised run drops too: "In Hama" is Hama)
    return " ".join(words) if len(words) > 1 else ""


# "Aideed's faction", "Haftar's forces": a leader's side named by a generic noun.
_LEADERS_SIDE = re.compile(r"^(?P<leader>[A-Z][\w'’-]+)['’]s\s+(?:faction|militia|militias|group|movement|forces|party|"
                           r"fighters|men|troops|army)$")


def _leaders_body_named_before(ctx: ArticleContext, sentence: Sentence, who: Claimant) -> Claimant | None:
    """'Aideed's faction said' after "Aideed's Somali National Alliance said": the body the
    article named after the same leader's possessive before (set BI's Mogadishu wire)."""
    m = _LEADERS_SIDE.match(who.name) or _LEADERS_SIDE.match(who.as_written or "")
    if m is None:
        return None
    before = ctx.article.text[ctx.item_start(sentence.start):sentence.start]
    named = re.findall(rf"\b{re.escape(m.group('leader'))}['’]s\s+((?:[A-Z][\w'’.-]*)(?:\s+(?:of\s+(?:the\s+)?)?[A-Z][\w'’.-]*){{0,5}})",
                       before)
    for name in reversed(named):
        found = ctx.lexicon.resolve(name, ctx.countries)
        if found is not None and found.name != who.name:
            return found
    return None


def _earlier_of_its_kind(ctx: ArticleContext, sentence: Sentence, phrase: str, who: Claimant,
                         same: bool) -> Claimant | None:
    """A body or person the lexicon does not know, read back to the last claimant of its kind
    named before: a short definite description ("the rescue service added"), a person
    described only by a role ("Ahmad Yazji, a volunteer"); else None."""
    if not who.known and _DEFINITE_DESCRIPTION.match(phrase):
        # "the rescue service added": a short definite description points back to the last
        # claimant of the same kind named before ("the Syrian Civil Defence").
        earlier = last_claimant_before(ctx, sentence.start, kind=who.kind if who.kind != "unknown" else None)
        if earlier and who.kind == "unknown" and not (same or points_back(phrase)) \
                or re.search(re.escape(phrase) + r"\s+[A-Z]", sentence.text):
            # "the multinational crew" is no Houthi movement named before (dev2's Red Sea story);
            # "the energy company Total" is named right there
            earlier = None
        if earlier and same and load_attribution_terms().human_sources.search(phrase.lower()) \
                and phrase.split()[-1].lower() not in earlier.name.lower():
            earlier = None  # "the same travellers": the people named before, no body that spoke (set CY)
        if earlier:
            return other_service(ctx, who, phrase, earlier) or earlier
    if not who.known and who.kind not in ("unknown", "government") and _role_apposition(phrase):
        # "Ahmad Yazji, a volunteer" right after the White Helmets were named speaks for
        # them: a person described only by a role of the kind of a body just named.
        earlier = last_claimant_before(ctx, sentence.start, kind=who.kind, within=ROLE_LOOKBACK_CHARS)
        if earlier:
            return earlier
    return None


def _body_headed(low: str) -> bool:
    """'the emergency medicine centre', 'a private commission of inquiry': a body's head noun
    ends the phrase or comes before its "of" complement (set L's Panama commission)."""
    heads = load_attribution_terms().body_heads
    return bool(heads.search(low) or heads.search(re.sub(r"\s+of\s+[\w-]+$", "", low)))


def _portfolio_ministry(ctx: ArticleContext, phrase: str) -> str:
    """'The Ministry of Health' -> 'health ministry' (the form a state's body takes) when the
    story names its state as a state ("Lithuanian", "Lithuania"), not only by its towns (a
    Mozambique update's "Palma" is no Spanish story); else the phrase as it is."""
    form = portfolio_ministry(phrase)
    if form is None or not ctx.countries or not _named_as_a_state(ctx, ctx.countries[0]):
        return phrase
    return form


def _named_as_a_state(ctx: ArticleContext, code: str) -> bool:
    """Whether the article names state ``code`` as a state ("Mali", "Malian"), read once per
    article (the text's country mentions are a pass over the whole text)."""
    if code not in ctx.named_states:
        ctx.named_states[code] = ctx.lexicon.names_state(ctx.article.text, code)
    return ctx.named_states[code]


# Anaphoric subjects that name no kind of body: they point to the current reporter.
_ROLE_NEUTRAL = claim_words().role_neutral_subjects


_TITLED = re.compile(rf"\b{alternation(ATTRIBUTION.titled_words)}\b", re.IGNORECASE)


@lru_cache(maxsize=1)
def _role_apposition_rx() -> re.Pattern[str]:
    roles = "|".join(load_attribution_terms().role_nouns)
    return re.compile(rf",\s+(?:a|an|the)\s+(?:[\w-]+\s+){{0,3}}?(?:{roles})\b", re.IGNORECASE)


def _role_apposition(phrase: str) -> bool:
    return bool(_role_apposition_rx().search(phrase))
