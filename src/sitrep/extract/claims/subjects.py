"""Who the subject of a speech verb is, and which clauses a speaker or 'according to'
covers: the clause rules that narrow a sentence's claimant per figure."""

from __future__ import annotations

import re
from functools import lru_cache
from bisect import bisect_right
from typing import Callable

from ...nlp import Sentence
from ..doc_arrays import doc_text, token_bounds
from ...records import Claimant
from ...lexicon.claim_terms import claim_words, load_attribution_terms, person_role_words
from ...lexicon.actor_words import institution_staff
from ...lexicon.patterns import alternation
from .context import ArticleContext
from .broadcasters import party_speaker
from .subject_anaphora import ROLE_LOOKBACK_CHARS, anaphoric_subject, body_of_state_subject, reporter_or_last, serves
from .bodies_before import institution_named_before, other_service
from .defined_names import label_speaker, local_name
from .subject_phrases import local_government, names_no_claimant, office_holder, record_owner, subject_phrase
from .discourse import last_claimant_before, person_named_since_reporter
from ..entry_labels import mask_entry_label


SentenceRule = Callable[[ArticleContext, Sentence, object], tuple[Claimant | None, str]]


def token_at(doc, char: int):
    """The token covering character ``char`` of the sentence (None between tokens)."""
    starts = token_bounds(doc)[0]
    i = bisect_right(starts, char) - 1
    if i < 0:
        return None
    tok = doc[i]
    return tok if char < tok.idx + max(len(tok.text), 1) else None


def is_say(tok) -> bool:
    """A speech verb; "the war claimed the lives of 3,800" is no speech (its object says so)."""
    terms = load_attribution_terms()
    if tok.lemma_.lower() not in terms.say_lemmas or tok.pos_ not in ("VERB", "AUX"):
        return False
    return not any(c.dep_ == "dobj" and c.lemma_.lower() in terms.say_taken_objects for c in tok.children)


# The written speech verbs of each clause shape (``attribution.speech_forms`` in
# data/claim_terms.json); "told <someone>" is part of the shapes that take it.
_ATTRIBUTION = load_attribution_terms()
_SPEECH = _ATTRIBUTION.speech_forms
_SAY_FORMS = rf"(?:{alternation(_SPEECH['trailing'])}|told\s+[\w.]+(?:\s+[\w.]+)?)"
TRAILING_SAY = re.compile(
    rf"[,“”\"]\s*(?P<who>[^,;“”\"]{{2,90}}?),?\s+{_SAY_FORMS}(?:\s+(?:on|late on|early on)\s+\w+|\s+\w+day)?\s*[.!]?[\"”’]?\s*$"
)
INVERTED_SAY = re.compile(rf"[,“”\"]\s*(?:{alternation(_SPEECH['inverted'])}|told\s+\w+)\s+(?P<who>[^.;]{{2,160}})")
# "John Smith, the defence minister, said ...": a name and its role before the verb
# "At Madina hospital in Mogadishu, the director, Mohamed Yusuf, said ...": after a fronted
# place, a role and the name in apposition; parses hang both on the place.
ROLE_NAME_SAY = re.compile(r",\s+(?P<who>(?:the|a|an)\s+[a-z][\w\s-]{1,40}?,\s+(?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’.-]*),"
                           rf"\s+{alternation(_SPEECH['role_then_name'])}\b")
_LEADING_APPOSITIVE_SAY = re.compile(r"^\s*(?P<who>(?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’.-]*,\s+(?:the|a|an)\s+[^,;“”\"]{2,80}?),"
                                     rf"\s+{alternation(_SPEECH['name_then_role'])}\b")
# "GAM military spokesman Sofyan Dawood denied ...", "Operation spokesman Lt. Col. X told ...":
# a body's name, its speaker's role in lower case, then the speaker's name.
_ROLE_THEN_NAME_SAY = re.compile(rf"^\s*(?P<who>(?:[A-Z][\w'’.&/-]*\s+){{0,3}}(?:[a-z][\w-]*\s+){{0,2}}"
                                 rf"{alternation(_ATTRIBUTION.speaker_roles)}\s+(?:[A-Z][\w'’.-]*\s+){{1,5}}?)"
                                 rf"(?:{alternation(_SPEECH['leading'])})\b")
# '", said X, a ...' names X; ', said the attack was carried out by rebels' is what was said
AS_REPORTS = re.compile(rf"^\s*As\s+(?P<who>[^,]{{2,80}}?)\s+{alternation(_SPEECH['as_reports'])}\b")
# "Save the Children said ...": a leading name the parse misread (as a verb, here)
LEADING_SAY = re.compile(r"^\s*(?P<who>(?:[A-Z][\w'’.&-]*\s+){0,2}(?:the\s+|of\s+|for\s+)?(?:[A-Z][\w'’.&-]*\s*){1,4}?)\s+"
                          rf"{alternation(_SPEECH['leading'])}\b")

# --- subjects ---------------------------------------------------------------------------

# Parts of a subject that describe rather than name it: "The army, which is battling the
# RSF, said" names the army, not the RSF.
_DESCRIBING_DEPS = frozenset({"relcl", "acl", "appos", "advcl", "parataxis"})


def _transcript_label(tok) -> bool:
    nxt = tok.nbor() if tok.i + 1 < len(tok.doc) else None
    return tok.text in ("Q", "A") and nxt is not None and nxt.text == ":"


def subject_claimant(ctx: ArticleContext, sentence: Sentence, doc, verb) -> Claimant | None:
    """The claimant named by the subject of ``verb``: its core first (without relative
    clauses or a second party after "and"), then the whole phrase (so "Hassan, a leader of
    the rebels" still resolves)."""
    # "Q: General, the Interior Ministry said ...": a transcript's label is no subject
    subj = [c for c in verb.children if c.dep_ == "nsubj" and not _transcript_label(c)]
    if not subj and verb.dep_ == "acl" and verb.head.lemma_.lower() in claim_words().issued_records:
        subj = [verb.head]  # "issued a statement claiming ...": the statement, then its issuer
    if not subj and (verb.dep_ == "xcomp" or verb.dep_ == "advcl" and any(c.lower_ == "to" for c in verb.children)) \
            and verb.head.i != verb.i:
        # "Radio Pakistan has continued to claim that ...": the subject of the verb it completes
        subj = [c for c in verb.head.children if c.dep_ == "nsubj" and not _transcript_label(c)]
    if not subj:
        return None
    # Two subjects are a misparse ("Co-Minister of Interior Sar Kheng told": "Co" and
    # "Kheng"): the one next to the verb names the speaker.
    before = [c for c in subj if c.i < verb.i]
    head = before[-1] if before else subj[0]
    if head.lower_ in load_attribution_terms().relative_pronouns and verb.dep_ == "relcl" and verb.head is not verb:
        head = verb.head  # "The BLA, which said ... that it had executed 50 hostages": the BLA said it
    head = _issuer_of(head)
    if head is None:
        return None
    skip: set[int] = set()
    second_party = False
    for child in head.children:
        if child.dep_ in _DESCRIBING_DEPS:
            skip.update(t.i for t in child.subtree)
        elif child.dep_ in ("cc", "conj"):
            skip.update(t.i for t in child.subtree)  # "a diplomatic source and a Yemeni NGO": the first
            second_party = True
    if second_party:
        # "The Jammu and Kashmir Police": a known name with "and" inside is one party
        whole = "".join(t.text_with_ws for t in head.subtree
                        if not any(t.i in {w.i for w in c.subtree} for c in head.children
                                   if c.dep_ in _DESCRIBING_DEPS)).strip(" ,")
        named = ctx.lexicon.resolve(whole, ctx.countries)
        if named is not None and named.known and " and " in named.as_written:
            return named
    named = _named_apposition(ctx, sentence, head)
    if named is not None:  # "A local human rights group, the Uganda Human Rights Activists, said"
        return named
    core = "".join(t.text_with_ws for t in head.subtree if t.i not in skip).strip(" ,")
    who = resolve_subject(ctx, sentence, core)
    if who is not None and (who.known or not skip or second_party):
        return who
    full = doc[head.left_edge.i: head.right_edge.i + 1].text
    return resolve_subject(ctx, sentence, full) or who


def _named_apposition(ctx: ArticleContext, sentence: Sentence, head) -> Claimant | None:
    """The name in apposition to a common-noun subject ("a local human rights group, the
    Uganda Human Rights Activists"): the body the description describes."""
    if head.pos_ == "PROPN" or head.text[:1].isupper() and head.i > 0 or head.lower_ in person_role_words():
        return None  # "the spokesman for X, Karim al-Nuri": a person's name, and X's
    for child in head.children:
        if child.dep_ != "appos":
            continue
        words = [t for t in child.subtree if t.dep_ != "punct"]
        if sum(t.text[:1].isupper() for t in words) >= 2 and child.pos_ == "PROPN":
            who = resolve_subject(ctx, sentence, " ".join(t.text for t in words))
            if who is not None and who.name[:1].isupper():
                return who
    return None


def _issuer_of(head):
    """A document that speaks is its issuer's: "The Taliban have issued a statement claiming
    ...", "The army put out a statement that said ..." (the subject of the verb that issued
    it); a document no one is said to issue here speaks for none ("a statement said" is read
    by the record rules). Any other subject is itself."""
    if head.lemma_.lower() not in claim_words().issued_records or head.dep_ != "dobj":
        return head
    issuer = [c for c in head.head.children if c.dep_ == "nsubj"]
    return issuer[0] if issuer else None


def according_covers(doc, char: int) -> bool:
    """Whether the sentence's "according to" hangs on the clause holding ``char``."""
    tok = token_at(doc, char)
    acc = next((t for t in doc if t.lower_ == "according"), None)
    if tok is None or acc is None:
        return True
    # A clause break between them ("..., according to A, while Y were displaced, the UN
    # says") means another clause, whatever the parse says.
    lo, hi = sorted((acc.idx, char))
    if _CLAUSE_BREAK.search(doc_text(doc)[lo:hi]) or (char < acc.idx and _SPEECH_BETWEEN.search(doc_text(doc)[lo:hi])):
        return False  # "killed eight, emergency services said, ... 24, according to X": 8 is theirs
    main = {tok.i} | {a.i for a in tok.ancestors}
    return acc.head.i in main or acc.head.head.i in main


_CLAUSE_BREAK = re.compile(rf",\s+{alternation(_ATTRIBUTION.clause_breaks)}\b|;")
# A speech clause of its own between a figure and a later "according to".
_SPEECH_BETWEEN = re.compile(rf",\s+(?P<who>[^,;]{{2,60}}?)\s+(?:{alternation(_SPEECH['between'])}|told\s+\w+)\s*,")


def speech_between(ctx: ArticleContext, sentence: Sentence, doc, char: int) -> Claimant | None:
    """The speaker of a speech clause between the figure at ``char`` and a later "according
    to" ("killed eight, emergency services said, ... according to X"), when the parse does
    not give it."""
    acc = next((t for t in doc if t.lower_ == "according"), None)
    if acc is None or char >= acc.idx:
        return None
    m = _SPEECH_BETWEEN.search(doc_text(doc)[char:acc.idx])
    return resolve_subject(ctx, sentence, m.group("who")) if m else None


def speech_covers(ctx: ArticleContext, sentence: Sentence, doc, char: int) -> bool:
    """Whether the sentence's speech verb reports the clause holding ``char``: it is the
    main verb, or it stands above that clause in the parse."""
    verb_i = ctx.speech_verbs.get(sentence.index)
    tok = token_at(doc, char)
    if verb_i is None or tok is None:
        return True
    verb = doc[verb_i]
    if verb.dep_ == "ROOT" or any(a.i == verb_i for a in tok.ancestors):
        return True
    if verb.dep_ == "advcl" and any(c.lower_ == "as" and c.dep_ == "mark" for c in verb.children) \
            and not any(c.dep_ in ("dobj", "ccomp", "xcomp") for c in verb.children):
        return True  # "As Radio Okapi reports, 30 people were abducted": as X says, not while X does
    # ", the governor said," hung on the main clause (parataxis/ccomp) reports all of it;
    # an adverbial clause ("as Moscow claims ...") does not.
    main = {tok.i} | {a.i for a in tok.ancestors}
    if verb.dep_ == "parataxis" and verb.head.dep_ in _TRAILING_MODIFIERS and verb.head.head.i in main:
        return True  # ", a hospital official said, a Chinese national and ...": hung on what follows it
    return verb.dep_ in ("parataxis", "ccomp", "conj") and verb.head.i in main


# What the parse hangs ", X said," on when an apposition follows it: a modifier of the main clause.
_TRAILING_MODIFIERS = ("advcl", "appos", "npadvmod", "dep")


def clause_attribution(ctx: ArticleContext, sentence: Sentence, doc, char: int) -> tuple[Claimant | None, str]:
    """The speaker of the clause holding character ``char``: the nearest speech verb above
    it in the parse ("Kyiv says X, while the UN has verified Y": Y is the UN's)."""
    tok = token_at(doc, char)
    if tok is None:
        return None, ""
    for anc in tok.ancestors:
        if is_say(anc):
            who = subject_claimant(ctx, sentence, doc, anc)
            if who:
                return who, f"claimant:clause-subject-of({anc.lemma_.lower()})"
            return None, ""
    return None, ""


_DEFINITE_DESCRIPTION = re.compile(r"^(?i:the)\s+[a-z-]+(?:\s+[a-z-]+)?$")
# "Ministry spokesman Ashraf al-Qedra": a kind of body, then a speaker's role
_ROLE_FIRST = re.compile(rf"^(?:the\s+|a\s+|an\s+)?(?:[\w-]+\s+){{0,2}}?"
                         rf"(?P<role>{alternation(_ATTRIBUTION.role_bodies)})(?:['’]s)?\s+(?:[\w-]+\s+){{0,2}}?"
                         rf"{alternation(_ATTRIBUTION.speaker_roles)}\b",
                         re.IGNORECASE)


def leading_speaker(ctx: ArticleContext, sentence: Sentence) -> Claimant | None:
    """The named speaker a sentence opens with ("Information Minister Michael Makuei said
    ..."), from the text alone (the sentence may not be parsed); pronouns are not names."""
    text = mask_entry_label(sentence.text)  # "10:40 - Captain X, a spokesman for Y, tells us ..."
    m = LEADING_SAY.match(text) or _LEADING_APPOSITIVE_SAY.match(text) or _ROLE_THEN_NAME_SAY.match(text)
    if m is None:
        # "The army says the village has been cleared. Two militants were killed.": a body by
        # its common noun, known to the lexicon, opening an unparsed sentence
        g = _GENERIC_LEADING_SAY.match(text)
        who = resolve_subject(ctx, sentence, g.group("who")) if g else None
        return who if who is not None and who.known else None
    if m.group("who").strip().lower() in load_attribution_terms().pronoun_subjects:
        return None
    return resolve_subject(ctx, sentence, m.group("who"))


def role_neutral_lead(text: str) -> bool:
    """Whether a sentence opens with a subject that names no body, then a speech verb ("The
    spokesman said", "He added")."""
    return bool(_ROLE_NEUTRAL_SAY.match(mask_entry_label(text)))


_ROLE_NEUTRAL_SAY = re.compile(rf"^\s*(?i:{alternation(claim_words().role_neutral_subjects)})\s+{alternation(_SPEECH['leading'])}\b")
_GENERIC_LEADING_SAY = re.compile(rf"^\s*(?P<who>(?:[Tt]he\s+)?[a-z]+(?:\s+[a-z]+)?)\s+{alternation(_SPEECH['leading'])}\b")


# "The Sinaloa state prosecutor's office gave a higher count.", "The militant group X, in a
# statement faxed to news agencies, accused the army ...": a body opening a sentence as its
# subject, an aside allowed before the verb.
_LEADING_BODY = re.compile(rf"^\s*(?P<who>(?:[Tt]he\s+)?[^,;:“”\"]{{3,80}}?)(?:,[^,;“”\"]{{3,100}},)?"
                           rf"\s+{alternation(_ATTRIBUTION.body_subject_verbs)}\b")
# How many sentences on "it" may still point back to such a body. Tuned on a set-D Kashmir
# bulletin and Culiacan story; checked on sets A-C and dev2 (no change).
IT_REACH = 2


def leading_body(ctx: ArticleContext, sentence: Sentence) -> Claimant | None:
    """The body a sentence opens with as its subject: a claimant the lexicon knows, or a
    phrase whose words name a body ("group", "office", "army"); not a person, not "they"."""
    m = _LEADING_BODY.match(sentence.text)
    if m is None:
        return None
    phrase = m.group("who")
    words = {w.strip("'’").lower() for w in re.findall(r"[\w'’-]+", phrase)}
    if words & _ATTRIBUTION.pronoun_subjects or words & _ATTRIBUTION.possessive_pronouns:
        return None
    who = resolve_subject(ctx, sentence, phrase)
    if who is None or not (who.known or words & _ATTRIBUTION.neuter_heads):
        return None
    return who


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
    terms = load_attribution_terms()
    phrase = subject_phrase(span)
    low = phrase.lower()
    if names_no_claimant(phrase, low):
        return None
    same = _SAME_BODY.match(phrase)
    if same:  # "the same foundation said": the foundation named before
        phrase, low = "the " + same.group("noun"), "the " + same.group("noun").lower()
    speaker_of = _ROLE_OF_ANAPHOR.match(phrase)
    if speaker_of and f"the {speaker_of.group('noun').lower()}" in terms.anaphoric_subjects:
        # "A spokesman for the movement said": the movement named before
        return resolve_subject(ctx, sentence, "the " + speaker_of.group("noun"))
    if low in ("the state", "state") and ctx.countries:
        # "according to information provided by the State": the article's state's government
        return ctx.lexicon.in_country(ctx.lexicon.resolve("the government", ctx.countries), "the government",
                                      ctx.countries[0])
    if low in ("i", "we", "us"):
        return label_speaker(ctx, sentence.text, sentence.start) or _quoted_speaker(ctx, sentence)
    party = party_speaker(ctx, sentence, phrase)
    if party is not None:  # "UNITA's radio", "the radio", "the rebels": the party they stand for
        return party
    first, _, rest = phrase.partition(" ")
    if first.lower() == "our" and (labelled := label_speaker(ctx, sentence.text, sentence.start)) is not None:
        return labelled  # "MS ATIENO: Our teams estimate ...": her body's
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
    body = neuter_antecedent(ctx, sentence) if low == "it" else None
    if body is not None:
        return body  # "it" is no person: the body that opened a sentence since the reporter spoke
    if low in ("he", "she") and (named := person_named_since_reporter(ctx, sentence)) is not None:
        return named  # a person the paragraph introduced after the reporter spoke
    if low in _ROLE_NEUTRAL and ctx.reporter is not None and ctx.reporter.sentence <= sentence.index:
        return ctx.reporter.claimant  # "the spokesman added", "the statement read": whoever is speaking
    if low in terms.pronoun_subjects or low in terms.anaphoric_subjects:
        return anaphoric_subject(ctx, sentence, phrase, low)
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
    return _named_subject(ctx, sentence, phrase, local)


_SAME_BODY = re.compile(r"^(?:the|this)\s+same\s+(?P<noun>[a-z]+)$", re.IGNORECASE)
# "a spokesman for the movement", "officials of the council": a role of a body named before.
_ROLE_OF_ANAPHOR = re.compile(rf"^(?:a|an|the)\s+(?:[a-z]+\s+)?{alternation(_ATTRIBUTION.spokes_titles + ('official', 'officials', 'commander', 'leader', 'source', 'sources'))}"
                              r"\s+(?:for|of)\s+the\s+(?P<noun>[a-z]+)$", re.IGNORECASE)


def _quoted_speaker(ctx: ArticleContext, sentence: Sentence) -> Claimant | None:
    """'"I counted 80 bodies," a rescue worker told the BBC': "I" or "we" is the quote's speaker."""
    m = TRAILING_SAY.search(sentence.text) or INVERTED_SAY.search(sentence.text)
    if m is None or m.group("who").strip().lower() in ("i", "we", "us"):
        return None
    return resolve_subject(ctx, sentence, m.group("who"))


def _named_subject(ctx: ArticleContext, sentence: Sentence, phrase: str, local: Claimant | None) -> Claimant | None:
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
        who = ctx.lexicon.in_country(who, phrase, ctx.countries[0] if ctx.countries else None)
    if not who.known and who.kind == "unknown" and not any(ch.isupper() for ch in who.name) \
            and not terms.human_sources.search(phrase.lower()) and not terms.body_heads.search(phrase.lower()) \
            and not _TITLED.search(phrase):
        # "the fighting", "people": a lowercase phrase with no claimant word names nobody
        # ("the emergency medicine centre" does: a body's head noun).
        return None
    return who


# Anaphoric subjects that name no kind of body: they point to the current reporter.
_ROLE_NEUTRAL = claim_words().role_neutral_subjects


_TITLED = re.compile(rf"\b{alternation(_ATTRIBUTION.titled_words)}\b", re.IGNORECASE)


@lru_cache(maxsize=1)
def _role_apposition_rx() -> re.Pattern[str]:
    roles = "|".join(load_attribution_terms().role_nouns)
    return re.compile(rf",\s+(?:a|an|the)\s+(?:[\w-]+\s+){{0,3}}?(?:{roles})\b", re.IGNORECASE)


def _role_apposition(phrase: str) -> bool:
    return bool(_role_apposition_rx().search(phrase))


