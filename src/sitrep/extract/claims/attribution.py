"""Who a sentence attributes its statements to: the sentence rules, in order.

Each rule reads the parsed sentence and returns a claimant, or None to let the next rule
try. The first claimant found is the sentence's; the rule's name is the ``claimant:...``
part of the claim's ``rule``. Then, per figure, the clause rules narrow it: a speech verb
reports only the clauses under it, "according to" only its own clause (``subjects``).

Words come from ``attribution`` in data/claim_terms.json.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..context import is_country_name
from ...sentences import Sentence
from ..doc_arrays import token_words
from ...records import Claimant
from ...lexicon.actor_words import institution_staff, staff_at
from ...lexicon.claim_rule_words import in_order, words
from ...lexicon.claim_terms import claim_words, load_attribution_terms
from ...lexicon.date_words import date_words
from ...lexicon.loader import read_json
from ...lexicon.patterns import alternation
from .category_view import AID_KINDS
from .context import ArticleContext
from .defined_names import label_speaker, local_name
from .discourse import last_claimant_before, set_reporter
from ..entry_labels import mask_entry_label
from .speech_patterns import AS_REPORTS, INVERTED_SAY, LEADING_PLACED_SAY, LEADING_SAY, ROLE_NAME_SAY, TRAILING_SAY
from .quoted_speakers import quoted_as_saying
from .subject_resolve import resolve_subject
from .subjects import RECORDS_RANGING, SAID_BY_RECORDS, SentenceRule, is_say, subject_claimant, subject_of_owner
from .line_labels import headline_source, labelled_line_speaker, record_label, station_item
from .source_lines import broadcast_header, official_count, parenthetical_source, source_line, statement_source


# --- sentence rules -------------------------------------------------------------------------

# A record's age or standing before its noun: "according to a new count by", "the official toll of".
_RECORD_QUALIFIERS = words("record_qualifiers")
# "according to figures from the ministry", "according to UN estimates": the record's
# nouns before and after its owner (``attribution`` in data/claim_terms.json).
_RECORD_BEFORE_OWNER = re.compile(
    rf"^(?:(?:the|a|an)\s+)?(?:{alternation(_RECORD_QUALIFIERS)}\s+)?{alternation(load_attribution_terms().records_before_owner)}\s+"
    rf"(?:from|by|of|{in_order('record_compiling_verbs')}\s+by)\s+(?:a\s+{in_order('record_owner_collectives')}\s+of\s+)?",
    re.IGNORECASE)
_RECORD_AFTER_OWNER = re.compile(rf"\s+{alternation(load_attribution_terms().records_after_owner)}$", re.IGNORECASE)


_OWNER_CLAUSE = re.compile(r",\s+(?:which|who|whose)\s+")


def according_to(ctx: ArticleContext, sentence: Sentence, doc) -> tuple[Claimant | None, str]:
    """'according to X' (also 'according to figures from X')."""
    if "according" not in sentence.text.lower():
        return None, ""  # cheap test first: the parse's text is the sentence's, a label blanked
    for tok in doc:
        if tok.lower_ == "according" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
            to = doc[tok.i + 1]
            objs = [c for c in to.children if c.dep_ == "pobj"]
            if objs:
                span = doc[objs[0].left_edge.i: objs[0].right_edge.i + 1].text
            else:
                span = re.split(r"[,.;]", doc[tok.i + 2:].text)[0]
            # "according to the emergency commission, which said 3,500 had registered": the
            # body, not its clause (set CR's Inhambane daily)
            span = _OWNER_CLAUSE.split(span, maxsplit=1)[0]
            span = _RECORD_BEFORE_OWNER.sub("", span)
            # "according to Israeli tallies", "according to UN estimates": the owner of the record
            span = _RECORD_AFTER_OWNER.sub("", span)
            state = re.fullmatch(r"(?:the\s+)?official\s+([A-Z][\w-]+)", span.strip())
            if state and (government := ctx.lexicon.state_government(state.group(1))) is not None:
                return government, "claimant:according-to"  # "according to official Indian figures" (set CS)
            if re.fullmatch(r"(?:the\s+)?official(?:\s+\w+)?", span.strip(), re.IGNORECASE) \
                    or _OFFICIAL_UNNAMED.match(_DAY_NAMES.sub("day", span.strip())):
                continue  # "according to official figures (published last month)": no body named (official_count)
            who = resolve_subject(ctx, sentence, span)
            if who is None and _ISSUED_RECORD.match(span.strip()) and ctx.reporter is not None \
                    and ctx.reporter.sentence < sentence.index:
                # "According to the announcement, ...": the record the speaker before issued
                # (set AD's Vietnamese agency item)
                who = ctx.reporter.claimant
            if who is not None and not who.known and _BARE_ROLE.match(span.strip()):
                # "The Nicaraguan Red Cross estimates that ..., according to a spokesman quoted
                # by the station": the spokesman is the body's, which the subject names
                body, rule = subject_of_speech_verb(ctx, sentence, doc)
                if body is not None and (body.known or body.kind != "unknown"):
                    return body, rule
            if who:
                return who, "claimant:according-to"
    return None, ""


# ", as given in an official statement from Irish Command, ...", "as announced by the ministry":
# an aside that names the owner of the figures it stands in (``as_given_verbs``; set DD).
_AS_GIVEN_BY = re.compile(
    rf"(?:^|[,(—–]\s*)as\s+{in_order('as_given_verbs')}\s+(?:in\s+(?:an?\s+|the\s+)?(?:[a-z]+\s+){{0,2}}?"
    rf"{alternation(claim_words().issued_records)}\s+(?:from|by|of)|by|from)\s+(?P<who>[^,;()—–]{{2,80}}?)\s*(?=[,;)—–]|$)",
    re.IGNORECASE)


def as_given_by(ctx: ArticleContext, sentence: Sentence, doc) -> tuple[Claimant | None, str]:
    """'The losses of the Crown forces, as given in an official statement from Irish Command,
    are 17 officers and 89 other ranks killed': the body the aside names owns the figures."""
    if " as " not in sentence.text and not sentence.text.lower().startswith("as "):
        return None, ""  # cheap test first
    m = _AS_GIVEN_BY.search(sentence.text)
    if m is None:
        return None, ""
    who = resolve_subject(ctx, sentence, m.group("who"))
    return (who, "claimant:as-given-by") if who is not None else (None, "")


# "official figures published last month": an official record, no capitalised owner named (set DB).
_OFFICIAL_UNNAMED = re.compile(r"^(?i:the\s+)?(?i:official)\s+[a-z][a-z\s,-]*$")
# (a weekday or a month is no owner: "official figures released on Monday")
_DAY_NAMES = re.compile(rf"\b{alternation(date_words().weekdays + date_words().month_names)}\b", re.IGNORECASE)


# "a spokesman", "an official quoted by ...": a role with no body named.
_BARE_ROLE = re.compile(rf"^(?:a|an|the|one)\s+(?:{alternation(load_attribution_terms().spokes_titles)}|official|source)\b",
                        re.IGNORECASE)


# "the announcement", "this statement": a record named before by its kind alone.
_ISSUED_RECORD = re.compile(rf"^(?:the|this|that)\s+(?:[a-z-]+\s+)?{alternation(claim_words().issued_records)}$",
                            re.IGNORECASE)


# "estimates from the International Committee of the Red Cross of some 200 Somalis killed",
# "figures by the health ministry of 45 dead": a record's owner, then the figure it holds.
# (The owner holds no verb: "reports from village sources on 3 March spoke of 18 dead"
# is the reports' "of", their owner "village sources"; set BZ's Ngarbuh story.)
_RECORD_OF_FIGURE = re.compile(rf"\b{in_order('figure_record_nouns')}\s+(?:from|by)\s+"
                               r"(?P<who>(?:the\s+)?[A-Z](?:(?!\s(?:had|has|have|was|were|is|are|spoke|speak|speaks|put|puts|gave|gives|said|says|showed|shows)\s)[^,;:]){1,80}?)\s+of\s+"
                               rf"(?:{alternation(load_attribution_terms().figure_first_hedges)}\s+)?\d", re.IGNORECASE)


def record_of_figure(ctx: ArticleContext, sentence: Sentence, doc) -> tuple[Claimant | None, str]:
    """'We've seen estimates from the International Committee of the Red Cross of some 200
    Somalis killed': the owner of the record that holds the figure claims it, not the one
    who saw it."""
    m = _RECORD_OF_FIGURE.search(sentence.text)
    if m is None:
        return None, ""
    who = resolve_subject(ctx, sentence, m.group("who"))
    return (who, "claimant:record-of-figure") if who else (None, "")


# "Accounts linked to the Los Choneros gang claimed ...", "Telegram channels close to Wagner
# said ...": outlets tied to someone (claimant_kinds.json ``linked_outlets``, ``linked_by``),
# then a verb of saying; the parse often makes the tie the main verb.
_KINDS = read_json("claimant_kinds.json")
_LINKED_SAY = re.compile(rf"^\W*(?:(?:the|some)\s+)?(?:[\w-]+\s+){{0,2}}?{alternation(_KINDS['linked_outlets'])}\s+"
                         rf"{alternation(_KINDS['linked_by'])}\s+(?P<who>[^,;:]{{2,60}}?)\s+"
                         rf"{alternation(load_attribution_terms().speech_forms['leading'])}\b", re.IGNORECASE)


def linked_outlet(ctx: ArticleContext, sentence: Sentence, doc) -> tuple[Claimant | None, str]:
    """'Accounts linked to the Los Choneros gang claimed that soldiers had died': the one
    the outlets are tied to claims it (set CU's Guayaquil wire)."""
    m = _LINKED_SAY.match(sentence.text)
    if m is None:
        return None, ""
    who = resolve_subject(ctx, sentence, m.group("who"))
    return (who, "claimant:linked-outlet") if who else (None, "")


# "The death toll, put by the army at 40, ...", "the garrison, put by the French command at
# between 10,000 and 12,000 men": a figure a participle says who gave (set BH's Dien Bien Phu wire)
_PUT_BY = re.compile(r"\b(?:put|estimated|given|placed)\s+by\s+(?P<who>(?:the\s+)?[^,;:()]{2,60}?)\s+(?:at|as)\s+"
                     r"(?=[^,.;]{0,25}\d)")


def put_by(ctx: ArticleContext, sentence: Sentence, doc) -> tuple[Claimant | None, str]:
    """'The death toll, put by the army at 40, is expected to rise': the agent of the
    participle that gives the figure claims it."""
    m = _PUT_BY.search(sentence.text)
    if m is None:
        return None, ""
    who = resolve_subject(ctx, sentence, m.group("who"))
    return (who, "claimant:put-by") if who else (None, "")


def subject_of_speech_verb(ctx: ArticleContext, sentence: Sentence, doc) -> tuple[Claimant | None, str]:
    """The subject of a speech verb ('X said', 'X told AFP', 'X put the toll at')."""
    say_lemmas = load_attribution_terms().say_lemmas  # is_say's first test, on the lemmas alone
    verbs = [t for i, lemma in enumerate(token_words(doc)[1])
             if (lemma in say_lemmas or lemma in SAID_BY_RECORDS or lemma in RECORDS_RANGING) and is_say(t := doc[i])
             and not _other_sense(t)]
    verbs.sort(key=lambda t: (t.dep_ != "ROOT", t.i))
    for verb in verbs:
        who = subject_claimant(ctx, sentence, doc, verb)
        if who:
            ctx.speech_verbs[sentence.index] = verb.i
            return who, f"claimant:subject-of({verb.lemma_.lower()})"
    return None, ""


# Speech verbs that also proclaim a state of affairs, and what they proclaim then.
_PROCLAIMING = frozenset({"declare", "announce", "proclaim", "claim"})
_PROCLAIMED = frozenset({"independence", "war", "emergency", "curfew", "ceasefire", "cease-fire", "truce",
                         "mourning", "autonomy", "secession", "jihad", "amnesty", "victory", "law", "sovereignty",
                         "life", "lives", "responsibility"})  # ("the conflict has claimed thousands of lives": set BV)


def _other_sense(verb) -> bool:
    """A speech verb in another sense: one that reports only with a record as object
    ("raised the toll to 40") but has another ("raised their flag over the town")."""
    if verb.lemma_.lower() in _PROCLAIMING and any(c.dep_ in ("dobj", "obj") and (c.lemma_.lower() in _PROCLAIMED or any(
            w.lower_ in _PROCLAIMED | {"siege"} for p in c.children if p.lower_ == "of" for w in p.children))
            for c in verb.children):  # ("a state of emergency")
        return True  # "Kosovo declared independence in 2008": a state proclaimed, nothing reported (set BX)
    if verb.lemma_.lower() not in load_attribution_terms().record_object_verbs:
        return False
    objects = [c for c in verb.children if c.dep_ in ("dobj", "obj")] \
        or [c for c in verb.children if c.dep_ == "nsubjpass"]  # "the scheme ... was itself revised" (set Y)
    if not objects:
        # "the ministry updated" (no object): a statement; "with their hands raised": a
        # participle that describes, no one speaking (set BW's Istanbul liveblog)
        return not (verb.dep_ in ("ROOT", "ccomp", "parataxis", "relcl")
                    or any(c.dep_ in ("nsubj", "aux", "auxpass") for c in verb.children))
    if any(o.lower_ in ("them", "it", "these", "those") for o in objects) \
            and any(c.dep_ == "prep" and c.lower_ == "at" and any(t.tag_ == "CD" for t in c.subtree)
                    for c in verb.children):
        return False  # "a spokesman put them at 680 killed": the losses named before, counted
    # "put its own losses at 13 soldiers", "put the dead at 50": a count, not only a record noun
    record = load_attribution_terms().record_nouns | {"death", "number", "casualty", "loss", "dead"}
    # "had earlier put the Sione dead at about 50": the parse's predicate of the object counts too
    return not any(o.lemma_.lower() in record or any(c.lemma_.lower() in record for c in o.children) for o in objects) \
        and not any(c.dep_ in ("oprd", "advcl", "acomp", "xcomp") and c.lemma_.lower() in record for c in verb.children)


def impersonal_passive(ctx: ArticleContext, sentence: Sentence, doc) -> tuple[Claimant | None, str]:
    """'It was noted that ...', 'it was reported that ...': the statement being described
    is the current reporter's."""
    say_lemmas = load_attribution_terms().say_lemmas  # is_say's first test, on the lemmas alone
    for i, lemma in enumerate(token_words(doc)[1]):
        if lemma not in say_lemmas:
            continue
        tok = doc[i]
        if is_say(tok) and any(c.dep_ == "nsubjpass" and c.lower_ == "it" for c in tok.children) \
                and any(c.dep_ == "auxpass" for c in tok.children) and not any(c.dep_ == "agent" for c in tok.children):
            rep = ctx.reporter
            if rep is not None and rep.sentence < sentence.index:
                ctx.speech_verbs[sentence.index] = tok.i
                return rep.claimant, f"claimant:impersonal-passive({tok.lemma_.lower()})"
    return None, ""


def possessive_record(ctx: ArticleContext, sentence: Sentence, doc) -> tuple[Claimant | None, str]:
    """'Its count stands at...', 'X's estimate of 68 deaths', 'the authorities' previous
    estimate': the owner of a record noun."""
    terms = load_attribution_terms()
    for tok in doc:
        if tok.dep_ == "pobj" and tok.head.lower_ == "by" and tok.lemma_.lower() in terms.record_nouns:
            # "By the count of the National Coalition for Haitian Rights, about 70 people have
            # died": the owner after "of" (set BP's Cap-Haitien story)
            owner = next((g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
                          for g in c.children if g.dep_ == "pobj"), None)
            if owner is not None:
                phrase = doc[owner.left_edge.i: owner.right_edge.i + 1].text
                who = resolve_subject(ctx, sentence, phrase)
                if who is not None and (who.known or who.kind != "unknown" or re.match(r"(?:the\s+)?[A-Z]", phrase)):
                    return who, "claimant:record-of"
        if tok.dep_ == "compound" and tok.head.lemma_.lower() in terms.record_nouns and tok.i == tok.head.i - 1 \
                and (tok.head.dep_ in ("nsubj", "nsubjpass") or tok.head.dep_ == "pobj" and tok.head.head.lower_ == "by"):
            # ("left hundreds dead by opposition accounts": the owner of the accounts; set DE)
            # "The police count of the dead reached 43", "an army tally": the body owning the record
            who = resolve_subject(ctx, sentence, doc[tok.left_edge.i: tok.i + 1].text)
            if who is not None and (who.known or who.kind != "unknown"):
                return who, "claimant:record-of"
            continue
        if tok.dep_ == "amod" and tok.lower_ == "official" and tok.head.lemma_.lower() in terms.record_nouns \
                and tok.head.dep_ in ("nsubj", "nsubjpass") \
                and not any(c.dep_ in ("amod", "compound") and c.text[:1].isupper() and c.i != tok.i for c in tok.head.children):
            # "Official figures show that ...": the story's state's own count (set CX's Nairobi wire)
            who = resolve_subject(ctx, sentence, "the government")
            if who is not None and who.known:
                return who, "claimant:record-of"
            continue
        if tok.dep_ == "amod" and tok.text[:1].isupper() and tok.head.lemma_.lower() in terms.record_nouns \
                and (tok.head.dep_ in ("nsubj", "nsubjpass") or (tok.head.dep_ == "pobj" and tok.head.head.lower_ == "by")):
            # "By the official American count, 216 servicemen were killed", "Official American
            # figures show": a state's record by its demonym is its government's
            who = resolve_subject(ctx, sentence, f"{tok.text} {tok.head.text}")
            if who is not None and who.known:
                return who, "claimant:record-of"
            continue
        if tok.dep_ != "poss" or tok.head.lemma_.lower() not in terms.record_nouns:
            continue
        if tok.lower_ in ("our", "my"):
            # "DEPUTY COMMISSIONER: Our count ... is 24 dead": the line's speaker, or no one named
            who = label_speaker(ctx, sentence.text, sentence.start)
            if who:
                return who, "claimant:line-label"
            continue
        if tok.lower_ in terms.possessive_pronouns:
            who = subject_of_owner(ctx, sentence, doc, tok) \
                or (ctx.reporter.claimant if ctx.reporter else last_claimant_before(ctx, sentence.start))
            if who:
                return who, "claimant:possessive-anaphora"
            continue
        phrase = doc[tok.left_edge.i: tok.i + 1].text
        who = resolve_subject(ctx, sentence, re.sub(r"['’]s?$", "", phrase))
        if who:
            return who, "claimant:record-of"
    return None, ""


def subject_of_main_verb(ctx: ArticleContext, sentence: Sentence, doc) -> tuple[Claimant | None, str]:
    """A known claimant as subject of a main verb with a clause under it ('SANA recalled
    that rockets killed...')."""
    for tok in doc:
        if tok.dep_ == "ROOT":
            for subj in (c for c in tok.children if c.dep_ == "nsubj"):
                phrase = doc[subj.left_edge.i: subj.right_edge.i + 1].text
                who = local_name(ctx, phrase) or ctx.lexicon.resolve(phrase, ctx.countries)
                if who and subj.lower_ not in f"{who.as_written or ''} {who.name}".lower():
                    continue  # "fighting between the ELN and the EPL displaced ...": an event, no speaker (set CI)
                if who and who.known and any(c.dep_ == "ccomp" for c in tok.children):
                    return who, f"claimant:subject-of-main-verb({tok.lemma_.lower()})"
    return None, ""


# A hospital's, clinic's or morgue's name or common noun (``place_institutions``).
_INSTITUTION = re.compile(rf"\b{alternation(read_json('claimant_kinds.json')['place_institutions'])}\b", re.IGNORECASE)


# Clauses an intake verb may head: the sentence's own, or the first of two joined by a
# semicolon ("- Lira Hospital admitted 57 people ...; 14 of them were referred to ...").
_INTAKE_CLAUSES = frozenset({"ROOT", "ccomp", "conj", "parataxis"})


def institution_intake(ctx: ArticleContext, sentence: Sentence, doc) -> tuple[Claimant | None, str]:
    """'Sam Thong hospital admitted 14 wounded civilians', 'the morgue received 30 bodies', '- The
    Somali Red Crescent Society is tracing 600 persons': a hospital, clinic or morgue, or an aid
    body, counts the people it takes in or looks for; its count is its own."""
    intake = load_attribution_terms().intake_verbs
    for tok in doc:
        if tok.dep_ not in _INTAKE_CLAUSES or tok.lemma_.lower() not in intake \
                or not any(c.dep_ == "dobj" for c in tok.children):
            continue
        for subj in (c for c in tok.children if c.dep_ == "nsubj"):
            phrase = doc[subj.left_edge.i: subj.right_edge.i + 1].text
            who = resolve_subject(ctx, sentence, phrase)
            named = who is not None and (who.known or who.name[:1].isupper())  # a body's name, not "aid workers"
            if who is not None and (_INSTITUTION.search(phrase) or named and who.kind in AID_KINDS):
                return who, f"claimant:institution-intake({tok.lemma_.lower()})"
    return None, ""


# ", a number no official has confirmed": nobody said it
_NO_ONE = re.compile(r"\b(?:no|nobody|none|no-one)\b")


def trailing_say(ctx: ArticleContext, sentence: Sentence, doc) -> tuple[Claimant | None, str]:
    """A trailing, inverted or leading attribution the parse missed: ', X said.',
    '," said X, a ...', 'As X reports, ...'."""
    m = TRAILING_SAY.search(sentence.text) or INVERTED_SAY.search(sentence.text) or AS_REPORTS.search(sentence.text)
    if m and not (m.re is INVERTED_SAY and load_attribution_terms().clause_word.search(m.group("who"))) \
            and not _NO_ONE.search(m.group("who")):
        who = resolve_subject(ctx, sentence, m.group("who"))
        if who:
            return who, "claimant:trailing-say"
    for m in (LEADING_SAY.match(sentence.text), LEADING_PLACED_SAY.match(sentence.text)):
        who = resolve_subject(ctx, sentence, m.group("who")) if m else None
        if who is not None and who.known:
            return who, "claimant:leading-say"
    m = ROLE_NAME_SAY.search(sentence.text)
    if m:
        who = resolve_subject(ctx, sentence, m.group("who"))
        if who:
            return who, "claimant:trailing-say"
    return None, ""


# "At Nasser Hospital, doctors said ...", "At the General Hospital of Culiacan, staff said ...":
# a fronted institution and its staff; the parse makes the place an adverbial.
# "At Zmirli hospital in El Harrach, a doctor who would not give his name said ...": the
# role may carry a relative clause.
# (no clause before the comma: "At the Hospital Escuela the doctors treated 70 wounded, the
# director said" fronts no staff; set V's Bolivian daily)
_FRONTED_STAFF = re.compile(rf"^\s*(?:At|In)\s+(?P<org>(?:the\s+)?[A-Z](?:(?!\s(?:the|a|an)\s)[^,;\d]){{2,60}}?)"
                            rf"(?:\s+in\s+[A-Z][^,;]*)?,\s+"
                            rf"(?P<role>(?:the\s+|a\s+|an\s+)?[a-z][\w-]*(?:\s+[a-z][\w-]*){{0,2}}?)"
                            rf"(?:,?\s+who\s+[^,;“”\"]{{3,100}}?,?)?\s+"  # ("a nurse who asked not to be named because ...": set BR)
                            rf"{alternation(load_attribution_terms().speech_forms['leading'])}\b")


def fronted_staff(ctx: ArticleContext, sentence: Sentence, doc) -> tuple[Claimant | None, str]:
    """'At Nasser Hospital, doctors said': the staff speak for the institution (as in 'doctors
    at Nasser Hospital said'), when the words before the verb name a role of its staff."""
    m = _FRONTED_STAFF.match(mask_entry_label(sentence.text))  # "11:20 - At JJ Hospital, a doctor tells"
    if m is None:
        return None, ""
    phrase = f"{m.group('role')} at {m.group('org')}"
    if not staff_at().match(phrase) or is_country_name(m.group("org")):
        return None, ""  # "In Honduras, officials said": a state's officials, not an institution's staff
    role = re.sub(r"^(?:the|a|an)\s+", "", m.group("role")).split()
    if len(role) > 1 and role[0].lower() not in claim_words().generic_qualifiers \
            and not institution_staff().match(" ".join(role)) and _is_town(ctx, m.group("org")):
        return None, ""  # "In Suai, church sources told": a town, and sources with a body of their own
    who = resolve_subject(ctx, sentence, phrase)
    return (who, "claimant:fronted-staff") if who is not None else (None, "")


def _is_town(ctx: ArticleContext, name: str) -> bool:
    """Whether the article resolved ``name`` as a settlement or an area (no facility)."""
    return any(p.text == name and p.place is not None and p.place.feature not in ("facility", "country")
               and "facility" not in p.rule for p in ctx.places)


_THAT_CLAUSE = re.compile(r"\s+that\s+")


_MADE_TO = re.compile(rf"\s+to\s+(?:the\s+|a\s+)?(?:{in_order('made_to_modifiers')}\s+)?(?:{in_order('made_to_audiences')}|"
                      r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3})\s*$")


# After the record's issuer: when it was issued, and the verb of which the record is the subject.
_CITED_TAIL = re.compile(rf"\s+(?:(?:on|last|this)\s+)?(?:{alternation(date_words().weekdays)}|yesterday|today)\b.*$"
                         rf"|\s+(?:show|shows|showed|indicate|indicates|indicated|suggest|suggests|suggested)\b.*$",
                         re.IGNORECASE)


def cited_by(ctx: ArticleContext, sentence: Sentence, doc) -> tuple[Claimant | None, str]:
    """'cited by X', 'as reported by X', 'figures from X', 'data released by X'."""
    m = load_attribution_terms().cited_by.search(sentence.text)
    if m:
        # "dismissed the claim by the rebels' spokesman that they had killed 100 soldiers":
        # the one whose claim it is, before the clause it claims
        phrase = _THAT_CLAUSE.split(m.group(1), maxsplit=1)[0]
        phrase = _MADE_TO.sub("", phrase)  # "a claim made by X to foreign radio that ...": X
        phrase = _CITED_TAIL.sub("", phrase)  # "Figures released by the department Friday show that": the department
        who = resolve_subject(ctx, sentence, phrase)
        if who:
            return _of_the_state(ctx, who, phrase), "claimant:cited-by"
    return None, ""


_OWN_WORDS = re.compile(r"\b(?:its|their|our|his|her)\b", re.IGNORECASE)


@lru_cache(maxsize=1)
def _denied_claim() -> re.Pattern[str]:
    terms = load_attribution_terms()
    return re.compile(rf"\b{alternation(terms.denial_verbs)}\s+(?:the\s+)?(?P<owner>[^,;“”\"]{{2,60}}?)['’]?s?\s+"
                      rf"{alternation(terms.claim_nouns)}\s+that\b", re.IGNORECASE)


@lru_cache(maxsize=1)
def _claim_by_owner() -> re.Pattern[str]:
    terms = load_attribution_terms()
    return re.compile(rf"\b{alternation(terms.claim_nouns)}\s+(?:by|from)\s+(?P<owner>[^,;“”\"]{{2,60}}?),?\s+"
                      rf"{alternation(terms.claiming_participles)}\s+that\b", re.IGNORECASE)


def denied_claims(ctx: ArticleContext, sentence: Sentence, doc) -> tuple[Claimant | None, str]:
    """'Georgia's Defense Ministry denied Russian reports that 50 Georgian soldiers were taken
    prisoner', 'reports by some foreign media alleging that thousands had been killed': the
    figures of the clause claimed are the owner's of the claim (a demonym names its state's
    government), not the speaker's who denies or cites it."""
    m = _denied_claim().search(sentence.text)
    by_owner = _claim_by_owner().search(sentence.text) if m is None else None
    m = m or by_owner
    if m is None or _OWN_WORDS.search(sentence.text, m.end()):
        return None, ""  # "Hamas dismissed Israeli claims that 300 of its fighters ...": whose "its"?
    owner = _SOME.sub("", m.group("owner").strip())  # "reports by some foreign media": the media
    who = ctx.lexicon.state_government(owner) or resolve_subject(ctx, sentence, owner) \
        or (ctx.lexicon.resolve(owner, ctx.countries) if by_owner else None)  # "foreign media": said to claim
    return (_of_the_state(ctx, who, owner), "claimant:denied-claim") if who is not None else (None, "")


_SOME = re.compile(r"^(?:some|several|certain|other)\s+", re.IGNORECASE)


def _of_the_state(ctx: ArticleContext, who: Claimant, phrase: str) -> Claimant:
    """A generic state body ("the royal army") as the article's state's."""
    if who.known or not ctx.countries:
        return who
    words = re.sub(r"^the\s+", "", phrase, flags=re.IGNORECASE).split()
    while len(words) > 1 and words[0].lower() in claim_words().generic_qualifiers:
        words = words[1:]  # "the royal army": the army
    return ctx.lexicon.in_country(who, " ".join(words), ctx.countries[0])


# "By UN count,", "By the army's own tally,": the record's owner opens the sentence.
_BY_COUNT = re.compile(rf"^\W*By\s+(?P<who>(?:the\s+)?[A-Z][^,;:]{{0,50}}?)(?:['’]s?)?\s+(?:own\s+|latest\s+|official\s+)?"
                       rf"{in_order('by_count_records')}\s*,")


def by_count(ctx: ArticleContext, sentence: Sentence, doc) -> tuple[Claimant | None, str]:
    """'By UN count, more than 200,000 people have been displaced', 'By the army's tally,
    ...': the count's owner claims the sentence's figures (set CL's Tripoli analysis)."""
    m = _BY_COUNT.match(sentence.text)
    who = resolve_subject(ctx, sentence, m.group("who")) if m else None
    return (who, "claimant:by-count") if who is not None else (None, "")


# "A health official in Aden, who spoke on condition of anonymity, gave a different picture:":
# a subject, a verb of giving an account, the account's noun, then the figures after a colon.
_ACCOUNT_BEFORE_COLON = re.compile(rf"^(?P<who>[^:;]{{3,160}}?)\s+{in_order('account_giving_verbs')}\s+"
                                   rf"(?:a|an|his|her|its|their)\s+(?:[a-z-]+\s+){{0,2}}?{in_order('account_nouns')}\s*:\s")


def account_before_colon(ctx: ArticleContext, sentence: Sentence, doc) -> tuple[Claimant | None, str]:
    """'A health official in Aden, who spoke on condition of anonymity, gave a different
    picture: at least 87 people had been killed': who gives the account claims the figures
    after the colon (set CL's Aden wire)."""
    m = _ACCOUNT_BEFORE_COLON.match(sentence.text)
    if m is None:
        return None, ""
    phrase = re.sub(r",\s+(?:who|which)\s+[^,]*,?$", "", m.group("who").strip()).strip(" ,")
    who = resolve_subject(ctx, sentence, phrase)
    return (who, "claimant:account-before-colon") if who is not None else (None, "")


# The sentence rules, in order: the first that finds a claimant wins.
SENTENCE_RULES: tuple[SentenceRule, ...] = (
    denied_claims,  # before the subject of "deny": the claim denied is its owner's
    according_to,
    as_given_by,
    by_count,
    account_before_colon,  # before the parse's subject: the figures after the colon have their own verbs
    fronted_staff,  # before the parse's subject: "doctors" alone is the staff of the place before
    quoted_as_saying,  # before the subject of "quote": "the radio quoted the doctor as saying"
    record_of_figure,  # before the subject of "seen": "we've seen estimates from the ICRC of 200 killed"
    put_by,  # before the subject of "rose": "The death toll, put by the army at 40, rose"
    linked_outlet,  # before the subject of "linked" (a misparse): "Accounts linked to the gang claimed"
    record_label,  # before the subject of "said": "Health ministry figures: ..., spokesman X said"
    statement_source,  # before the subject of "killed": "X issued a statement: one officer was killed"
    subject_of_speech_verb,
    impersonal_passive,
    headline_source,
    possessive_record,
    subject_of_main_verb,
    institution_intake,
    trailing_say,
    cited_by,
    parenthetical_source,
    broadcast_header,
    station_item,
    source_line,
    official_count,
    labelled_line_speaker,
)


def attribute_sentence(ctx: ArticleContext, sentence: Sentence, doc) -> tuple[Claimant | None, str]:
    """Who the sentence attributes its statements to, and by which rule (cached per
    sentence: claims and events of one sentence share it). An explicit attribution makes
    that claimant the article's current reporter."""
    cached = ctx.attributions.get(sentence.index)
    if cached is None:
        cached = (None, "")
        for rule in SENTENCE_RULES:
            who, name = rule(ctx, sentence, doc)
            if who is not None:
                cached = (who, name)
                break
        ctx.attributions[sentence.index] = cached
        if cached[0] is not None:
            set_reporter(ctx, cached[0], sentence, cached[1])
    return cached
