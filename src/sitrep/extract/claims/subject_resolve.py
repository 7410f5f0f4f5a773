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
from ...lexicon.loader import read_json
from ...lexicon.claim_rule_words import in_order, word_set
from ...lexicon.patterns import alternation
from .context import ArticleContext
from .broadcasters import party_speaker
from .subject_anaphora import (ROLE_LOOKBACK_CHARS, anaphoric_subject, body_named_with_head, body_of_state_subject,
                              points_back, publishers_head, reporter_or_last, serves)
from .bodies_before import INSTITUTION_HEAD, institution_in, institution_named_before, other_service
from .defined_names import label_speaker, local_name
from .subject_phrases import local_government, names_no_claimant, office_holder, record_owner, seat_owner, subject_phrase
from .discourse import last_claimant_before, names_a_body, person_named_before, person_named_since_reporter
from .speech_patterns import ATTRIBUTION, INVERTED_SAY, TRAILING_SAY
from ..claimant_names import minister_of, portfolio_ministry
from ..claimants import portfolio_in_capitals


_DEFINITE_DESCRIPTION = re.compile(r"^(?i:the)\s+[a-z-]+(?:\s+[a-z-]+)?$")
# "Ministry spokesman Ashraf al-Qedra": a kind of body, then a speaker's role
_ROLE_FIRST = re.compile(rf"^(?:the\s+|a\s+|an\s+)?(?:[\w-]+\s+){{0,2}}?"
                         rf"(?P<role>{alternation(ATTRIBUTION.role_bodies)})(?:['’]s)?\s+(?:[\w-]+\s+){{0,2}}?"
                         rf"{alternation(ATTRIBUTION.speaker_roles)}\b",
                         re.IGNORECASE)

# How many sentences on "it" may still point back to such a body. Tuned on a set-D Kashmir
# bulletin and Culiacan story; checked on sets A-C and dev2 (no change).
IT_REACH = 2


def neuter_antecedent(ctx: ArticleContext, sentence: Sentence) -> Claimant | None:
    """What "it"/"its" points back to when a body opened a sentence after the current
    reporter spoke: "Colonel X said ... The militant group Y ... accused the army. It said
    its fighters had killed 35 soldiers" is Y's, not the colonel's."""
    body, rep = ctx.body_subject, ctx.reporter
    if body is None or sentence.index - body.sentence > IT_REACH or body.sentence >= sentence.index:
        return None
    if rep is not None and rep.sentence >= body.sentence:
        return None
    return body.claimant


def resolve_subject(ctx: ArticleContext, sentence: Sentence, span: str) -> Claimant | None:
    """The claimant a subject or agent phrase names, in the article's context."""
    who = _resolve_subject(ctx, sentence, span)
    low = span.strip().lower()
    if (who is None or not who.known and low.split()[-1] not in who.name.lower()) \
            and (by_head := body_named_with_head(ctx, sentence, low)):
        # "the committee said" after "the Vlora Salvation Committee" took the port, another
        # speaker between; a known body read by kind stays ("the agency" after UNHCR spoke)
        who = resolve_subject(ctx, sentence, by_head) or who
    if who is not None and who.name == INTERNATIONAL_RED_CROSS and not _NAMES_THE_ICRC.search(span):
        society = national_society(ctx.article.text)
        if society is not None:  # "a Red Cross official" after "volunteers of the Uganda Red Cross"
            return Claimant(society, who.kind, span.strip(), False)
    return (bare_police_body(ctx, span) or who) if who is not None else None


def bare_police_body(ctx: ArticleContext, span: str) -> Claimant | None:
    """'Police say' in a story that names "the Royal Papua New Guinea Constabulary": that body."""
    police = named_police(ctx.article.text) if _BARE_POLICE.match(span.strip()) else None
    return Claimant(police, "government", span.strip(), False) if police else None


# "Police", "police officers", "a police spokesman": the police with no body or place named.
_BARE_POLICE = re.compile(r"^(?:(?:the|a|an)\s+)?police(?:\s+(?:officers?|officials?|sources?|chief|commissioner|"
                          rf"{alternation(ATTRIBUTION.spokes_titles)}))?$", re.IGNORECASE)


@lru_cache(maxsize=1)
def _police_body() -> re.Pattern[str]:
    heads = read_json("claimant_kinds.json")["police_body_heads"]
    # words on one line: "08:00 AM" above "Police headquarters said" names no "AM Police"
    return re.compile(rf"\b(?P<name>(?:[A-Z][\w'’-]+[ \t]+)(?:(?:[A-Z][\w'’-]+|and|of)[ \t]+){{0,5}}{alternation(heads)})\b")


def named_police(text: str) -> str | None:
    """The one police body an article names ("the Royal Papua New Guinea Constabulary", "the
    Trinidad and Tobago Police Service"), which its bare "police" means; else None."""
    found = {re.sub(r"^(?:The|A|An|In|By|From|Of|And)\s+", "", m.group("name")) for m in _police_body().finditer(text)}
    found = {name for name in found if len(name.split()) >= 2}
    return found.pop() if len(found) == 1 else None


# The claimant file's name of the International Committee of the Red Cross, which a bare "Red
# Cross" resolves to; a national society the article names is what its "Red Cross" means.
INTERNATIONAL_RED_CROSS = "ICRC"
_NAMES_THE_ICRC = re.compile(r"\bICRC\b|\bInternational\b")
_NATIONAL_SOCIETY = re.compile(r"\b(?P<state>(?:[A-Z][\w'’-]+\s+){1,2})Red\s+(?:Cross|Crescent)(?:\s+Society)?\b")


def national_society(text: str) -> str | None:
    """The one national Red Cross or Red Crescent society an article names ("the Uganda Red
    Cross", "the Salvadoran Red Cross"), when it names no international one; else None."""
    if re.search(r"International Committee of the Red Cross|\bICRC\b", text):
        return None
    from ..context import country_mentions

    found = set()
    for m in _NATIONAL_SOCIETY.finditer(text):
        state = re.sub(r"^The\s+", "", m.group("state").strip())
        if any(a == 0 and b == len(state) for a, b, _ in country_mentions(state)):
            found.add(" ".join(f"{state} {m.group(0)[len(m.group('state')):]}".split()))
    return found.pop() if len(found) == 1 else None


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
    body = _body_a_role_speaks_for(ctx, sentence, phrase)
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
    first, _, rest = phrase.partition(" ")
    if first.lower() == "our" and (labelled := label_speaker(ctx, sentence.text, sentence.start)) is not None:
        return labelled  # "MS ATIENO: Our teams estimate ...": her body's
    if first.lower() == "our" and ctx.publisher is not None:
        # "Our previous communique gave 320 dead", "Reports from our field commanders confirm":
        # in a body's own statement "our" is the issuer's (set T's SWAPO and V's Tunisian ones)
        return ctx.publisher
    officer = _GROUPS_OFFICER.match(phrase)
    if officer and (group := _group_spoken_for(ctx, sentence)) is not None:
        # "The group's publicity secretary, Mithinga Daimary, said": the group, an armed
        # movement when no file knows its kind (its "members" are then rebels)
        if group.kind == "unknown" and officer.group("group").lower() in _ARMED_GROUP_WORDS:
            group = Claimant(group.name, "opposition", group.as_written, group.known)
        return group
    if first.lower() in terms.possessive_pronouns and rest and not rest[:1].isupper():
        # "Its spokesman, Lam Paul Gabriel, said": the body named before speaks
        earlier = (first.lower() == "its" and (body_of_state_subject(ctx, sentence, rest)
                                                or neuter_antecedent(ctx, sentence))) \
            or reporter_or_last(ctx, sentence, None)
        if earlier is not None:
            return earlier
    local = local_name(ctx, phrase)
    if local is not None and local.known:
        return local
    body = (_opening_body(ctx, sentence) or neuter_antecedent(ctx, sentence)) if low == "it" else None
    if body is not None:
        return body  # "it" is no person: the body that opened a sentence since the reporter spoke
    if low in ("he", "she") and (named := person_named_since_reporter(ctx, sentence)) is not None:
        return named  # a person the paragraph introduced after the reporter spoke
    if low in _ROLE_NEUTRAL and ctx.reporter is not None and ctx.reporter.sentence <= sentence.index:
        return ctx.reporter.claimant  # "the spokesman added", "the statement read": whoever is speaking
    if low in terms.pronoun_subjects or low in terms.anaphoric_subjects:
        if low in ("he", "she") and ctx.reporter is None:
            # a witness the story opened with, before any body it names in passing ("the White
            # House" is no "he"; sets T and Z's features)
            return person_named_before(ctx, sentence) or anaphoric_subject(ctx, sentence, phrase, low)
        return anaphoric_subject(ctx, sentence, phrase, low)
    seated = resolve_subject(ctx, sentence, seat) if (seat := seat_owner(phrase)) else None
    if seated is not None and seated.kind == "government" and (seated.known or seated.name.lower() != seat):
        return seated  # "Police headquarters said": the police ("General Headquarters" stays)
    owner = record_owner(ctx, phrase)
    if owner is not None:  # "An Army statement said": the Army
        return resolve_subject(ctx, sentence, owner)
    from .office_bodies import people_owner

    role = _ROLE_FIRST.match(phrase)
    if role and not people_owner(phrase, role.start("role")):  # "GAM military spokesman" is GAM's
        # "Ministry spokesman Ashraf al-Qedra": the spokesman of the ministry named before
        who = ctx.lexicon.resolve(phrase, ctx.countries)
        if who is None or not who.known:
            earlier = reporter_or_last(ctx, sentence, ctx.lexicon.resolve(role.group("role"), ctx.countries))
            if earlier and serves(role.group("role"), earlier):
                return earlier
    return _named_subject(ctx, sentence, phrase, local, same)


# Some of the speaker's own people: "some of our people", "many of our members".
_SOME_OF_OURS = re.compile(r"^(?:some|many|most|several|one|a\s+few)\s+of\s+(?:our|my)\s+\w+")


# "A spokesman", "a spokeswoman": a speaker's title with no body named with it.
_BARE_SPOKES = re.compile(rf"^(?:a|an)\s+{alternation(ATTRIBUTION.spokes_titles)}$", re.IGNORECASE)


# A capitalised name opening a sentence as its subject, before the first lowercase word.
_OPENING_NAME = re.compile(r"^\W*(?P<who>(?:The\s+)?[A-Z][\w'’.-]*(?:\s+(?:of|for|and|on|the|[A-Z][\w'’.-]*)){0,8}?)"
                           r"\s+(?=[a-z])(?!(?:of|for|and|on|the)\b)")
_NOT_A_SUBJECT = frozenset({"in", "on", "at", "after", "before", "by", "for", "from", "with", "during", "since",
                            "when", "while", "as", "it", "its", "they", "we", "according", "despite", "under"})


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


def _body_a_role_speaks_for(ctx: ArticleContext, sentence: Sentence, phrase: str) -> Claimant | None:
    """The body a speaker named by a role speaks for: "a spokesman" the body in focus, "a
    spokesman for the movement" the movement named before, "A KFOR spokesman" KFOR."""
    if _BARE_SPOKES.match(phrase) and (body := _body_in_focus(ctx, sentence)) is not None:
        return body  # "The Constabulary has revised its figure. A spokesman told ...": the Constabulary's
    speaker_of = _ROLE_OF_ANAPHOR.match(phrase)
    if speaker_of and f"the {speaker_of.group('noun').lower()}" in load_attribution_terms().anaphoric_subjects:
        # "A spokesman for the movement said": the movement named before
        return resolve_subject(ctx, sentence, "the " + speaker_of.group("noun"))
    head = INSTITUTION_HEAD.match(phrase)
    if head is not None and (named := institution_in(sentence.text)) is not None:
        # "the doctors at the Hospital Holandes attended 100 injured, the director told": that
        # hospital's director (set V's Bolivian daily), not whoever spoke before
        return resolve_subject(ctx, sentence, named)
    return _body_of_a_role(ctx, sentence, phrase, anaphor=speaker_of is not None)


def _body_of_a_role(ctx: ArticleContext, sentence: Sentence, phrase: str, anaphor: bool) -> Claimant | None:
    """The body a role is named with: "A KFOR spokesman in Pristina", "an MNJ official" (the
    body before the role), "A spokesman for the self-defence councils" (the body after it)."""
    named_role = _NAMED_BODY_ROLE.match(phrase)
    if named_role is not None:
        body = resolve_subject(ctx, sentence, named_role.group("body"))
        if body is not None and (body.known or named_role.group("body").isupper()):
            return body
    body_of = _ROLE_OF_BODY.match(phrase) if not anaphor else None
    if body_of is not None:
        body = resolve_subject(ctx, sentence, body_of.group("body"))
        if body is not None and (body.known or body.kind != "unknown"
                                 or load_attribution_terms().body_heads.search(body_of.group("body").lower())):
            return body
    return None


_SAME_BODY = re.compile(r"^(?:the|this|these)\s+same\s+(?P<noun>[a-z]+)$", re.IGNORECASE)
_PLURAL_BODIES = re.compile(r"^(?:the\s+two|both|both\s+the|the)\s+(?P<stem>[a-z]+?)(?P<end>ies|s)$")


def _plain_anaphor(phrase: str, low: str, anaphoric: frozenset[str] | tuple[str, ...]) -> tuple[str, str]:
    """'the same foundation', 'the same ministries', 'both ministries', 'the two committees':
    a body named before, read as its plain anaphor is ("the foundation", "the ministry");
    any other phrase as it is ("the rebels" is no anaphor of a body; set R's Tunisia daily)."""
    same = _SAME_BODY.match(phrase)
    if same:
        phrase, low = "the " + same.group("noun"), "the " + same.group("noun").lower()
    m = _PLURAL_BODIES.match(low)
    if m is not None:
        singular = "the " + m.group("stem") + ("y" if m.group("end") == "ies" else "")
        if singular in anaphoric and singular != low:
            return singular, singular
    return phrase, low


# "a spokesman for the movement", "officials of the council": a role of a body named before.
_ROLE_OF_ANAPHOR = re.compile(rf"^(?:a|an|the)\s+(?:[a-z]+\s+)?{alternation(ATTRIBUTION.spokes_titles + ('official', 'officials', 'commander', 'leader', 'source', 'sources'))}"
                              r"\s+(?:for|of)\s+the\s+(?P<noun>[a-z]+)$", re.IGNORECASE)
# "A KFOR spokesman in Pristina", "an MNJ official": a body's name (or acronym) before a role,
# perhaps placed; the body speaks.
_NAMED_BODY_ROLE = re.compile(rf"^(?:a|an|the)\s+(?P<body>(?-i:[A-Z])[\w'’&-]*(?:\s+(?-i:[A-Z])[\w'’&-]*){{0,3}})\s+"
                              rf"(?:[a-z]+\s+)?{alternation(ATTRIBUTION.spokes_titles + ('official', 'officials', 'source', 'sources'))}"
                              r"(?:\s+(?:in|at|from)\s+(?-i:[A-Z])[\w'’-]*(?:\s+(?-i:[A-Z])[\w'’-]*){0,2})?$", re.IGNORECASE)
# "a spokesman for the self-defence councils", "a commander of the tribal militias": a role of
# a body named with it.
_ROLE_OF_BODY = re.compile(rf"^(?:a|an|the)\s+(?:[a-z]+\s+)?{alternation(ATTRIBUTION.spokes_titles + ('official', 'officials', 'commander', 'leader', 'source', 'sources'))}"
                           r"\s+(?:for|of)\s+(?P<body>the\s+\S+(?:\s+\S+){0,5})$", re.IGNORECASE)


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
    if not who.known and _DEFINITE_DESCRIPTION.match(phrase):
        # "the rescue service added": a short definite description points back to the last
        # claimant of the same kind named before ("the Syrian Civil Defence").
        earlier = last_claimant_before(ctx, sentence.start, kind=who.kind if who.kind != "unknown" else None)
        if earlier and who.kind == "unknown" and not (same or points_back(phrase)) \
                or re.search(re.escape(phrase) + r"\s+[A-Z]", sentence.text):
            # "the multinational crew" is no Houthi movement named before (dev2's Red Sea story);
            # "the energy company Total" is named right there
            earlier = None
        if earlier:
            return other_service(ctx, who, phrase, earlier) or earlier
    if not who.known and who.kind not in ("unknown", "government") and _role_apposition(phrase):
        # "Ahmad Yazji, a volunteer" right after the White Helmets were named speaks for
        # them: a person described only by a role of the kind of a body just named.
        earlier = last_claimant_before(ctx, sentence.start, kind=who.kind, within=ROLE_LOOKBACK_CHARS)
        if earlier:
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
        # "the army said", "police said", "state media reported": the article's state's
        state = ctx.countries[0] if ctx.countries else None
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


# "The group's publicity secretary", "the movement's spokesman": an officer of the group the
# story is about (set AD's Bhutan digest: ULFA, a group no claimant file knows).
_GROUPS_OFFICER = re.compile(rf"^the\s+(?P<group>{in_order('groups_officer_words')})"
                             r"['’]s?\s+\w", re.IGNORECASE)
# Words a story calls an armed movement by: a body of no known kind so called is one.
_ARMED_GROUP_WORDS = word_set("armed_group_words")


_PERSON_NAME = re.compile(r"^(?:[A-Z][a-z'’-]+\s+){1,3}[A-Z][a-z'’-]+$")


def _group_spoken_for(ctx: ArticleContext, sentence: Sentence) -> Claimant | None:
    """The group an officer of "the group" speaks for: the body speaking before, when it is no
    state's, aid body's or outlet's (a group no file knows is read as written), else the
    last armed group named."""
    rep = ctx.reporter
    if rep is not None and rep.sentence <= sentence.index and rep.claimant.kind in ("opposition", "unknown") \
            and not _PERSON_NAME.match(rep.claimant.name):
        return rep.claimant
    return last_claimant_before(ctx, sentence.start, kind="opposition")


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
