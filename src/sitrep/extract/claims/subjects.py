"""Who the subject of a speech verb is, and which clauses a speaker or 'according to'
covers: the clause rules that narrow a sentence's claimant per figure."""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import Callable

from ...sentences import Sentence
from ..doc_arrays import doc_text, token_bounds
from ...records import Claimant
from ...lexicon.claim_terms import claim_words, load_attribution_terms, person_role_words
from ...lexicon.place_words import place_words
from ...lexicon.claim_rule_words import word_set
from ...lexicon.patterns import alternation
from .context import ArticleContext
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


# Verbs that report with "of" ("Jordanian officials spoke of around 1,500 dead", "residents
# talked of dozens killed"); "spoke to reporters" reports nothing by itself (Jordan 1970 probe O).
_SAY_WITH_OF = word_set("say_with_of")


# Verbs that report only with a clause after them.
_SAY_WITH_CLAUSE = word_set("say_with_clause")

# Verbs that report only with a record as their object ("used a figure of 140 dead").
_SAY_WITH_RECORD = word_set("say_with_record")

# Verbs that report when a record is their subject and a clause follows ("Records shared by
# the hospital show that ...").
SAID_BY_RECORDS = word_set("said_by_records")
RECORDS_RANGING = word_set("records_ranging_verbs")

# What "claim" takes when it claims a deed, not a figure ("claimed responsibility for").
_CLAIMED_DEEDS = word_set("claimed_deeds")


def _claims_a_deed(tok) -> bool:
    """'claimed responsibility for the bombing', 'claimed the attack', 'the bombing, which was
    claimed by X': a claim of responsibility, no statement."""
    for c in tok.children:
        if c.dep_ == "dobj" and c.lemma_.lower() in _CLAIMED_DEEDS:
            return True
        if c.dep_ == "nsubjpass":
            subject = tok.head if c.tag_ == "WDT" and tok.dep_ == "relcl" else c
            if subject.lemma_.lower() in _CLAIMED_DEEDS:
                return True
    if any(c.dep_ == "auxpass" for c in tok.children):
        # "a bombing, which killed 40 personnel and was claimed by X": the clause's antecedent
        clause = tok
        while clause.dep_ == "conj" and clause.head is not clause:
            clause = clause.head
        antecedent = clause.head if clause.dep_ == "relcl" else None
        for _ in range(6):  # the parse may hang the clause on the deed's place ("bombing ... in Pulwama, which")
            if antecedent is None or antecedent.lemma_.lower() in _CLAIMED_DEEDS:
                return antecedent is not None
            antecedent = antecedent.head if antecedent.dep_ in ("pobj", "prep") else None
    return False


def is_say(tok) -> bool:
    """A speech verb; "the war claimed the lives of 3,800" is no speech (its object says so)."""
    terms = load_attribution_terms()
    if tok.lemma_.lower() in _SAY_WITH_OF and tok.pos_ == "VERB":
        # "spoke of around 1,500 dead", "spoke about 36 terrorists killed" (parsed as a
        # hedge of the figure in the verb's object)
        return any(c.dep_ == "prep" and c.lower_ in ("of", "about") for c in tok.children) or any(
            c.dep_ == "dobj" and any(n.dep_ == "nummod" and any(a.lower_ == "about" for a in n.children)
                                     for n in c.children) for c in tok.children)
    if tok.lemma_.lower() in _SAY_WITH_CLAUSE and tok.pos_ == "VERB":
        # "The regime's television admitted that 57 of its police were killed"; not a hospital
        # that admitted 86 people (set W's Darfur statement)
        return any(c.dep_ == "ccomp" for c in tok.children)
    if tok.lemma_.lower() in _SAY_WITH_RECORD:
        return tok.pos_ == "VERB" and any(c.dep_ == "dobj" and c.lemma_.lower() in terms.record_nouns for c in tok.children)
    if tok.lemma_.lower() in RECORDS_RANGING:
        # "Estimates given by foreign residents range from 10,000 to 30,000": the owner's span
        return tok.pos_ == "VERB" and any(c.dep_ == "prep" and c.lower_ == "from" for c in tok.children) and any(
            c.dep_ == "nsubj" and c.lemma_.lower() in terms.record_nouns
            and any(a.dep_ in ("acl", "prep") and a.i > c.i for a in c.children) for c in tok.children)
    if tok.lemma_.lower() in SAID_BY_RECORDS:
        # a record whose owner follows it ("Records shared by X", "Figures from X"); one named
        # before it ("Official Indian figures") is the record-of rule's
        return tok.pos_ == "VERB" and any(c.dep_ == "ccomp" for c in tok.children) and any(
            c.dep_ == "nsubj" and c.lower_ in terms.record_nouns
            and any(a.dep_ in ("acl", "prep") and a.i > c.i for a in c.children) for c in tok.children)
    if tok.lemma_.lower() not in terms.say_lemmas or tok.pos_ not in ("VERB", "AUX"):
        return False
    if tok.lemma_.lower() == "claim" and _claims_a_deed(tok):
        return False
    return not any(c.dep_ == "dobj" and c.lemma_.lower() in terms.say_taken_objects for c in tok.children)


from .speech_patterns import ATTRIBUTION as _ATTRIBUTION, LEADING_APPOSITIVE_SAY, LEADING_SAY, ROLE_THEN_NAME_SAY, SPEECH as _SPEECH
from .subject_resolve import resolve_subject


# Parts of a subject that describe rather than name it: "The army, which is battling the
# RSF, said" names the army, not the RSF.
_DESCRIBING_DEPS = frozenset({"relcl", "acl", "appos", "advcl", "parataxis"})


# Prepositions that open a list of the figure's parts, never part of who speaks.
_LISTING_PREPS = frozenset({"including", "excluding"})


def _transcript_label(tok) -> bool:
    nxt = tok.nbor() if tok.i + 1 < len(tok.doc) else None
    return tok.text in ("Q", "A") and nxt is not None and nxt.text == ":"


def _subject_tokens(verb) -> list:
    """The tokens that name who speaks by ``verb``: its own subject (a transcript's label is
    none), the record it qualifies, a passive's agent, the subject of the verb it completes
    or is joined to, or a speaker a misparse stranded; empty when none."""
    # "Q: General, the Interior Ministry said ...": a transcript's label is no subject
    subj = [c for c in verb.children if c.dep_ == "nsubj" and not _transcript_label(c)]
    if not subj and verb.dep_ == "acl" and verb.head.lemma_.lower() in claim_words().issued_records:
        subj = [verb.head]  # "issued a statement claiming ...": the statement, then its issuer
    if not subj and verb.dep_ == "acl" and verb.head.dep_ == "ROOT" and verb.head.pos_ in ("NOUN", "PROPN") \
            and any(c.dep_ == "ccomp" for c in verb.children):
        subj = [verb.head]  # "A spokesman for X, ..., claimed by telephone that ...": read as his description
    if not subj:
        subj = _passive_agent(verb)  # "is put at 40 by the security forces", "were told by the hospital that"
    if not subj and (verb.dep_ == "xcomp" or verb.dep_ == "advcl" and (any(c.lower_ == "to" for c in verb.children)
                                                                        or verb.tag_ == "VBG")) \
            and verb.head.i != verb.i:
        # "Radio Pakistan has continued to claim that ...": the subject of the verb it completes;
        # "Kabalu disputed the figure, saying only six ...": the subject of the verb it qualifies
        # (of the speech verb above it when that verb is reported: "announced that the forces
        # had regained Palma, adding that ..." is the announcer's)
        governing = next((a for a in verb.head.ancestors if is_say(a)), verb.head) if verb.tag_ == "VBG" else verb.head
        if governing.dep_ == "acomp":
            governing = governing.head  # "Helsinki Watch was able to confirm ...": the subject of "was"
        subj = _relative_clause_speaker(verb) or \
            [c for c in governing.children if c.dep_ == "nsubj" and not _transcript_label(c)]
    if not subj and verb.dep_ == "conj" and verb.head.i != verb.i:
        # "Jordanian officials dismissed it and spoke of around 1,500 dead": the shared subject;
        # "acknowledged that rebels had entered Aleppo and said ...": the reporting verb's
        governing = next((a for a in verb.head.ancestors if is_say(a)), verb.head)
        subj = [c for c in governing.children if c.dep_ == "nsubj" and not _transcript_label(c)]
    if not subj:
        # "Aid workers in Goma said": the parse reads a noun opening the sentence as a verb
        # whose object is the speakers ("Aid" VB, "workers" its object)
        subj = [c for c in verb.children if c.dep_ == "csubj" and c.i == c.sent.start and c.tag_ == "VB"
                and c.text[:1].isupper() and any(o.dep_ == "dobj" and o.tag_ == "NNS" and o.i == c.i + 1 for o in c.children)]
    if not subj:
        subj = _stranded_speaker(verb)
    return [_record_issuer(_speaker_after_fronted_phrase(t, verb)) for t in subj]


def _record_issuer(subj):
    """'The first figure, released by the Federal Security Service late on Friday, spoke of
    ...': a record whose issuer a participle names is that issuer's (the participle is a
    describing part, left out of the subject's words; set AZ's Crocus wire). A record with its
    owner written in it ('A Hungarian Red Cross estimate, broadcast by ...') stays its owner's."""
    if subj.lemma_.lower() not in load_attribution_terms().record_nouns:
        return subj
    if any(c.dep_ in ("compound", "poss") and c.pos_ == "PROPN" for c in subj.children):
        return subj
    for clause in subj.children:
        if clause.dep_ == "acl" and clause.tag_ == "VBN" and clause.text.lower() in word_set("issuer_participles"):
            agent = next((g for c in clause.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"), None)
            if agent is not None and agent.pos_ in ("PROPN", "NOUN"):
                return agent
    return subj


def _relative_clause_speaker(verb) -> list:
    """'..., a figure the governor's spokesman dismissed as exaggerated, saying four policemen
    died': a participle right after a relative clause with a subject of its own is that
    subject's, not the main clause's (the parse hangs it on the main verb)."""
    if verb.tag_ != "VBG" or verb.i < 2 or verb.doc[verb.i - 1].text != ",":
        return []
    end = verb.i - 2
    for clause in verb.doc[end].ancestors if verb.doc[end].dep_ != "relcl" else [verb.doc[end]]:
        if clause.dep_ == "relcl":
            break
    else:
        return []
    if clause.right_edge.i != end or clause.i > end or clause.head.i > clause.i:
        return []
    relative = load_attribution_terms().relative_pronouns
    return [c for c in clause.children if c.dep_ == "nsubj" and c.pos_ in ("NOUN", "PROPN")
            and c.lower_ not in relative][:1]


def _speaker_after_fronted_phrase(subj, verb):
    """'At Sione, the first stockade taken by the security forces on Thursday, a police officer
    who went in with the troops said ...': a parse that makes the fronted place's description
    the subject hangs the speaker on it in apposition; an appositive that runs up to the verb
    with no comma between is the one who speaks (set AO's Lumpa story; "In Hilla, the
    provincial capital, a police official said" alike)."""
    if subj.pos_ != "NOUN":
        return subj  # "Hassan, a leader of the rebels, said": the name speaks
    for child in subj.children:
        if child.dep_ == "appos" and child.pos_ == "NOUN" and child.right_edge.i == verb.i - 1 \
                and any(d.dep_ == "det" for d in child.children):
            return child
    return subj


# The speaker's description before a name given "as" ("A FARC commander who gave his name as ").
_GAVE_NAME_BEFORE = re.compile(r"(?:^|[,;:]\s+|\bthat\s+)(?P<who>(?i:an?|the|one)\s+[^,;]{1,60}?\s+who\s+"
                               r"(?:gave|give|gives)\s+(?:only\s+)?(?:his|her|their)\s+(?:first\s+)?name(?:\s+only)?\s+as\s+)$")


_SPOKES_WORDS = frozenset(w.lower() for w in _ATTRIBUTION.spokes_titles) | {"spokesperson"}


def subject_claimant(ctx: ArticleContext, sentence: Sentence, doc, verb) -> Claimant | None:
    """The claimant named by the subject of ``verb``: its core first (without relative
    clauses or a second party after "and"), then the whole phrase (so "Hassan, a leader of
    the rebels" still resolves)."""
    subj = _subject_tokens(verb)
    if not subj:
        return None
    # Two subjects are a misparse ("Co-Minister of Interior Sar Kheng told": "Co" and
    # "Kheng"): the one next to the verb names the speaker.
    before = [c for c in subj if c.i < verb.i]
    if len(before) > 1 and before[0].lower_ in _SPOKES_WORDS:
        # "A spokesman for the breakaway <group>, <his name>, claimed": the parse splits the role
        # from its body; the whole phrase names the speaker (set CW's Mamasapano story)
        whole = resolve_subject(ctx, sentence, doc[before[0].left_edge.i:verb.i].text.strip(" ,"))
        if whole is not None:
            return whole
    head = before[-1] if before else subj[0]
    if head.lower_ in load_attribution_terms().relative_pronouns and head.head.dep_ == "relcl" \
            and head.head.head is not head.head:
        # "The BLA, which said ... that it had executed 50 hostages": the BLA said it; "Human
        # Rights Watch, which spent a year ..., documented ... and concluded": HRW did (set Z)
        head = head.head.head
    head = _issuer_of(head)
    if head is None:
        return None
    gave = _GAVE_NAME_BEFORE.search(doc[:head.left_edge.i].text + " ") if head.pos_ == "PROPN" else None
    if gave is not None:
        # "A FARC commander who gave his name as Ramiro told": the parse makes the name the
        # subject; the whole phrase says who speaks (set CI's Mitu wire)
        return resolve_subject(ctx, sentence, gave.group("who") + doc[head.left_edge.i:head.i + 1].text)
    if any(c.dep_ == "det" and c.lower_ == "no" for c in head.children) or head.lower_ in ("nobody", "none", "no-one"):
        return None  # "a number no official has confirmed": no one said it
    skip: set[int] = set()
    second_party = False
    for child in head.children:
        if child.dep_ in _DESCRIBING_DEPS or child.dep_ == "prep" and child.lower_ in _LISTING_PREPS:
            # "The police tabulation lists 1,189 persons injured, including 214 policemen":
            # the parse may hang the figure's breakdown on the subject
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
        if _one_name_with_and(head) and (named := resolve_subject(ctx, sentence, whole)) is not None:
            return named  # "The Jammu and Kashmir Liberation Front claimed": one body no file knows (set DE)
    named = _named_apposition(ctx, sentence, head) or _name_before_description(ctx, sentence, doc, head)
    if named is not None:  # "A local human rights group, the Uganda Human Rights Activists, said"
        return named
    core = "".join(t.text_with_ws for t in head.subtree if t.i not in skip).strip(" ,")
    if head.i >= 2 and doc[head.i - 1].text == "-" and not doc[head.i - 1].whitespace_ \
            and not doc[head.i - 2].whitespace_ and doc[head.i - 2].pos_ == "PROPN" and core.startswith(head.text):
        core = f"{doc[head.i - 2].text}-{core}"  # "MSF-Holland said": the parse keeps "Holland" alone (set DC)
    who = resolve_subject(ctx, sentence, core)
    if who is not None and (who.known or not skip or second_party):
        return who
    end = head.right_edge.i if head.i > verb.i or head.right_edge.i < verb.i else verb.i - 1
    full = doc[head.left_edge.i: end + 1].text  # a subject the parse stretches past its verb ends there
    return resolve_subject(ctx, sentence, full) or who


def _one_name_with_and(head) -> bool:
    """'Jammu and Kashmir Liberation Front', 'Trinidad and Tobago Regiment': one capitalised word,
    "and", then capitalised words that end in a force's or a body's head or hold a liberation
    word: one body's name, not two parties ("Hamas and Islamic Jihad", "the Army and Police")."""
    from ...lexicon.actor_words import actor_words

    words = actor_words()
    conj = [c for c in head.children if c.dep_ == "conj"]
    cc = [c for c in head.children if c.dep_ == "cc"]
    if len(conj) != 1 or len(cc) != 1 or cc[0].lower_ != "and" or cc[0].i != head.i + 1:
        return False
    tail = list(conj[0].subtree)
    if head.pos_ != "PROPN" or head.lower_ in words.force_name_ends or len(tail) < 2 \
            or tail[0].i != head.i + 2 or not all(t.text[:1].isupper() for t in tail):
        return False
    last = tail[-1].lower_
    return last in words.force_name_ends or bool(load_attribution_terms().body_heads.search(last)) \
        or any(t.lower_ in words.insurgent_name_words for t in tail)


def _stranded_speaker(verb) -> list:
    """'In the border town of Adigrat, a doctor at the district hospital said ...': a parse
    that hangs the speaker on the fronted place in apposition leaves the speech verb with no
    subject; the appositive ending right before the verb is its subject (set AC's wire)."""
    if not is_say(verb) or verb.i == 0:
        return []
    reduced = _reduced_relative_subject(verb)
    if reduced is not None:
        return [reduced]
    fused = _name_fused_with_a_day(verb)
    if fused is not None:
        return [fused]
    before = verb.doc[verb.i - 1]
    for tok in before.ancestors if before.dep_ != "appos" else [before]:
        if tok.dep_ == "appos":
            before = tok
            break
        if tok.i == verb.i:
            return []
    if before.dep_ != "appos" or before.right_edge.i != verb.i - 1 or before.pos_ != "NOUN" \
            or not any(d.dep_ == "det" for d in before.children):
        return []
    return [before]


def _name_fused_with_a_day(verb):
    """'On Saturday Lev Dzugayev, head of ..., said': the parse reads "Saturday Lev Dzugayev"
    as one name, the object of "On", and leaves the verb with no subject; the name after the
    weekday speaks."""
    from ...lexicon.date_words import date_words

    for prep in verb.children:
        if prep.dep_ != "prep" or prep.i != verb.left_edge.i or prep.lower_ != "on":
            continue
        for name in prep.children:
            first = name.left_edge
            if name.dep_ == "pobj" and name.pos_ == "PROPN" and first.lower_ in date_words().weekdays \
                    and first.i + 1 < name.i and name.doc[first.i + 1].text[:1].isupper():
                return name
    return None


def _reduced_relative_subject(verb):
    """'A KDP statement faxed to Reuters in Ankara said ...': a parse that reads the participle
    describing the subject as a clause of its own ("statement faxed") leaves the speech verb
    with no subject; the participle's subject, the clause ending right before the verb, speaks
    (set AR's Kurdish wire)."""
    clauses = [c for c in verb.children if c.dep_ in ("ccomp", "advcl") and c.right_edge.i == verb.i - 1]
    if verb.dep_ in ("parataxis", "conj") and verb.head.i < verb.i and verb.left_edge.i == verb.i:
        clauses.append(verb.head)  # "statement faxed ... said": the participle read as the root
    for clause in clauses:
        # a participle with no auxiliary and no object of its own ("Russia lost 10,000 troops,
        # the commander ... reported" is a clause of its own) ...
        if clause.i > verb.i or clause.tag_ not in ("VBN", "VBD") \
                or any(c.dep_ in ("aux", "auxpass", "dobj", "obj", "ccomp") for c in clause.children):
            continue
        # ... describing a noun with its determiner ("A KDP statement faxed to ...")
        subject = [c for c in clause.children if c.dep_ == "nsubj" and c.pos_ == "NOUN"
                   and any(d.dep_ == "det" for d in c.children)]
        if subject:
            return subject[0]
    return None


def _passive_agent(verb) -> list:
    """The agent of a passive speech verb, who speaks ("The number of rebels killed is put
    at 40 by the security forces", "Officers were told by the district hospital that 33
    people were killed": set S's Brunei and Cyprus stories); [] when it has none."""
    if not any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children):
        return []
    return [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"][:1]


def _named_apposition(ctx: ArticleContext, sentence: Sentence, head) -> Claimant | None:
    """The name in apposition to a common-noun subject ("a local human rights group, the
    Uganda Human Rights Activists"): the body the description describes."""
    if head.pos_ == "PROPN" or head.text[:1].isupper() and head.i > 0 or head.lower_ in person_role_words():
        return None  # "the spokesman for X, Karim al-Nuri": a person's name, and X's
    for child in head.children:
        if child.dep_ != "appos":
            continue
        words = [t for t in child.subtree if t.dep_ != "punct"]
        # (or one known name in capitals: "The official news agency TASS, in its first report,
        # had said": TASS, not the state media of the story's state; set AP's Tbilisi wire)
        acronym = len(words) == 1 and words[0].text.isupper() and len(words[0].text) >= 3
        if (sum(t.text[:1].isupper() for t in words) >= 2 or acronym) and child.pos_ == "PROPN":
            who = resolve_subject(ctx, sentence, " ".join(t.text for t in words))
            if who is not None and who.name[:1].isupper() and (who.known or not acronym):
                return who
    return None


# A name that opens the sentence, set off by a comma before an indefinite description that the
# parse made the subject ("Airwars, a London-registered monitoring group, reckons"): capitalised
# words, with the small words of a body's name between them.
_OPENING_NAME = re.compile(r"^\s*(?P<name>[A-Z][\w'’&.-]*(?:\s+(?:of|for|the|and|on|[A-Z][\w'’&.-]*)){0,6})\s*,\s*$")


def _name_before_description(ctx: ArticleContext, sentence: Sentence, doc, head) -> Claimant | None:
    """'Airwars, a London-registered monitoring group, reckons': a body's name before its
    description, which the parse took for the subject (it read the unknown name as an
    adverb); the name speaks, as the description's own apposition does (set DH's Mosul
    weekly)."""
    first = doc[head.left_edge.i]
    if first.lower_ not in ("a", "an") or head.pos_ == "PROPN" or head.lower_ in person_role_words():
        return None
    opening = _OPENING_NAME.match(doc[:first.i].text)
    if opening is None or opening.group("name").split()[0].lower() in place_words().function_words:
        return None  # "In Goma, a doctor said", "On Monday, an official said": who, not where or when
    who = resolve_subject(ctx, sentence, opening.group("name"))
    return who if who is not None and who.name[:1].isupper() else None


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
    if _semicolon_between(doc, tok.i, verb):
        return False  # "44 SAF commandos dead in Mamasapano; MILF says it lost 18": its own clause
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


def _semicolon_between(doc, i: int, verb) -> bool:
    """A semicolon after the figure and before the speech verb's clause (its subject and the
    verb after it): two clauses, the first not reported by the second's speaker."""
    start = min((c.left_edge.i for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), default=verb.i)
    return i < start and any(t.text == ";" for t in doc[i:start])


# What the parse hangs ", X said," on when an apposition follows it: a modifier of the main clause.
_TRAILING_MODIFIERS = ("advcl", "appos", "npadvmod", "dep")


def clause_attribution(ctx: ArticleContext, sentence: Sentence, doc, char: int) -> tuple[Claimant | None, str]:
    """The speaker of the clause holding character ``char``: the nearest speech verb above
    it in the parse ("Kyiv says X, while the UN has verified Y": Y is the UN's)."""
    tok = token_at(doc, char)
    if tok is None:
        return None, ""
    ranks_only = None
    for anc in tok.ancestors:
        if is_say(anc) and anc.dep_ == "acl" and anc.head.dep_ == "pobj":
            continue  # "said in a report published on Tuesday that ...": it describes the report
        if is_say(anc):
            if _semicolon_between(doc, tok.i, anc):
                return ranks_only or (None, "")  # "44 commandos dead in Mamasapano; MILF says it lost 18"
            who = subject_claimant(ctx, sentence, doc, anc)
            if who and _rank_and_file_subject(anc):
                # "Ground troops and intelligence reports indicated that 500 cadres had been
                # killed, the Spokesman said": the rank and file report to the speaker above
                # them, who makes the claim (set CD's Sri Lankan daily)
                ranks_only = ranks_only or (who, f"claimant:clause-subject-of({anc.lemma_.lower()})")
                continue
            if who:
                return who, f"claimant:clause-subject-of({anc.lemma_.lower()})"
            return ranks_only or (None, "")
    return ranks_only or (None, "")


def _rank_and_file_subject(verb) -> bool:
    """Whether a subject of a speech verb is a force's rank and file ("troops", "units", no
    body that speaks for itself) and the verb's clause is reported by a speaker above it."""
    from ...lexicon.actor_words import actor_words

    heads = [c for c in verb.children if c.dep_ == "nsubj"]
    heads += [c for h in heads for c in h.children if c.dep_ == "conj"]
    return bool(heads) and any(h.lower_ in actor_words().rank_and_file for h in heads) \
        and verb.dep_ in ("ccomp", "parataxis") and any(is_say(a) for a in verb.ancestors)


def leading_speaker(ctx: ArticleContext, sentence: Sentence) -> Claimant | None:
    """The named speaker a sentence opens with ("Information Minister Michael Makuei said
    ..."), from the text alone (the sentence may not be parsed); pronouns are not names."""
    text = mask_entry_label(sentence.text)  # "10:40 - Captain X, a spokesman for Y, tells us ..."
    text = _SPEAKING_ASIDE.sub("", text, count=1)  # "A spokesman for X, speaking in Damascus, said"
    m = LEADING_SAY.match(text) or LEADING_APPOSITIVE_SAY.match(text) or ROLE_THEN_NAME_SAY.match(text) \
        or _ROLE_FOR_BODY_SAY.match(text)
    if m is None:
        # "The army says the village has been cleared. Two militants were killed.": a body by
        # its common noun, known to the lexicon, opening an unparsed sentence
        g = _GENERIC_LEADING_SAY.match(text)
        who = resolve_subject(ctx, sentence, g.group("who")) if g else None
        return who if who is not None and who.known else None
    if m.group("who").strip().lower() in load_attribution_terms().pronoun_subjects:
        return None
    return resolve_subject(ctx, sentence, m.group("who"))


# "A spokesman for the Crimean Tatar assembly, speaking in Kyiv, said": how and where the speaker
# spoke, set off by commas, is no part of the speaker (set CY's Irbid wire).
_SPEAKING_ASIDE = re.compile(r",\s+(?:speaking|talking|writing)\b[^,]{0,60},")
# "A spokesman for the northern movement said": a role and the body it speaks for, opening an
# unparsed sentence.
_ROLE_FOR_BODY_SAY = re.compile(rf"^\s*(?P<who>(?:A|An|The)\s+(?:[a-z]+\s+)?{alternation(_ATTRIBUTION.spokes_titles)}"
                                rf"\s+(?:for|of)\s+[^,;:]{{3,80}}?)\s+{alternation(_SPEECH['leading'])}\b")


# A person given by a description, who speaks: "One of the rebel officers, speaking to
# reporters, insisted that ...", "A senior doctor said ..." (opening the sentence), and "Our
# correspondent spoke to a witness who said ..." (the one spoken to). Whom "he said" points
# to next, though no figure is given yet and no body is named (set CZ's Buenos Aires bulletin).
# (the people who can speak: titles, roles and the human sources of claim_terms.json)
_PERSON_NOUNS = rf"(?:{alternation(sorted({*_ATTRIBUTION.title_words, *_ATTRIBUTION.role_nouns}))}|{_ATTRIBUTION.human_sources.pattern})"
_DESCRIBED_LEADING_SAY = re.compile(rf"^\s*(?P<who>(?:(?:One|Some|Several|Two|Three)\s+of\s+(?:the|their|its)|A|An)\s+"
                                    rf"(?:[a-z][\w-]*\s+){{0,2}}{_PERSON_NOUNS}(?:e?s)?)\s+"
                                    rf"{alternation(_SPEECH['leading'])}\b")
_SPOKEN_TO_WHO_SAID = re.compile(rf"\b(?:spoke|talked|speaking|talking)\s+(?:to|with)\s+(?P<who>(?:a|an)\s+"
                                 rf"(?:[a-z][\w-]*\s+){{0,2}}{_PERSON_NOUNS})\s+who\s+{alternation(_SPEECH['leading'])}\b")


def described_speaker(ctx: ArticleContext, sentence: Sentence) -> Claimant | None:
    """A speaker a sentence gives by a description only (see above), as its subject resolves."""
    text = _SPEAKING_ASIDE.sub("", mask_entry_label(sentence.text), count=1)
    m = _DESCRIBED_LEADING_SAY.match(text) or _SPOKEN_TO_WHO_SAID.search(text)
    return resolve_subject(ctx, sentence, m.group("who")) if m else None


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
                           rf"(?:\s+(?:has|have|had)(?:\s+(?:just|now|also|again))?)?"  # "has just revised its figure"
                           rf"\s+{alternation(_ATTRIBUTION.body_subject_verbs)}\b")



# A transcript line's speaker label in capitals ("ANCHOR:", "REPORTER (at the tower):").
_LINE_LABEL = re.compile(r"^\s*[A-Z][A-Z'’.]+(?:\s+[A-Z][A-Z'’.]+){0,2}\s*(?:\([^()\n]{1,30}\)\s*)?:\s+")


def leading_body(ctx: ArticleContext, sentence: Sentence) -> Claimant | None:
    """The body a sentence opens with as its subject: a claimant the lexicon knows, or a
    phrase whose words name a body ("group", "office", "army"); not a person, not "they"."""
    m = _LEADING_BODY.match(_LINE_LABEL.sub("", sentence.text, count=1))  # "ANCHOR: The committee said ..."
    if m is None:
        return None
    phrase = m.group("who")
    words = {w.strip("'’").lower() for w in re.findall(r"[\w'’-]+", phrase)}
    if words & _ATTRIBUTION.pronoun_subjects or words & _ATTRIBUTION.possessive_pronouns:
        return None
    who = resolve_subject(ctx, sentence, phrase)
    if who is None or not (who.known or words & _ATTRIBUTION.neuter_heads or who.kind == "media"):
        # (a broadcaster by its name: "Radio Republik Indonesia gave a very different
        # picture. It said ...": set DB's Batavia agency copy)
        return None
    return who


def subject_of_owner(ctx: ArticleContext, sentence: Sentence, doc, pronoun) -> Claimant | None:
    """"The Army Command admitted in its communique only seven dead": "its" is the subject of
    the verb the record hangs on, when that subject is a name (set V's ERP communique)."""
    verb = next((a for a in pronoun.ancestors if a.pos_ in ("VERB", "AUX")), None)
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None) if verb is not None else None
    if subj is None or not any(t.text[:1].isupper() for t in subj.subtree if t.i > subj.left_edge.i or t.i == subj.i):
        return None
    return resolve_subject(ctx, sentence, doc[subj.left_edge.i: subj.i + 1].text)
