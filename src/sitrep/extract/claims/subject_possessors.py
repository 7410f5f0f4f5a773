"""Bodies a subject points back to by a pronoun or a possessive: "it" after a body opened a
sentence, "our" in a labelled line or a body's own statement, "its spokesman", "the
group's publicity secretary" (read by ``subject_resolve``)."""

from __future__ import annotations

import re

from ...sentences import Sentence
from ...records import Claimant
from ...lexicon.claim_rule_words import in_order, word_set
from ...lexicon.claim_terms import load_attribution_terms
from .context import ArticleContext
from .defined_names import label_speaker
from .discourse import last_claimant_before
from .subject_anaphora import body_of_state_subject, reporter_or_last
from .bodies_before import INSTITUTION_HEAD, institution_named_before


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


def possessor_speaking(ctx: ArticleContext, sentence: Sentence, phrase: str) -> Claimant | None:
    """The body a possessive subject speaks for: "our" in a transcript's labelled line or in a
    body's own statement, "the group's" officer, "its" or "their" spokesman; else None."""
    terms = load_attribution_terms()
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
    if first.lower() == "its" and rest and (own := sentence_body(ctx, sentence)) is not None:
        # "The Getulio Vargas state hospital has received 14 people ..., its director said": the
        # body that opens the sentence (set CU's Rio liveblog)
        return own
    if first.lower() == "its" and INSTITUTION_HEAD.match("its " + rest) \
            and (named := institution_named_before(ctx, sentence)) is not None:
        # "Figures from the city's Baragwanath Hospital ran higher. Its superintendent said": the
        # head of the institution named just before (set CX's Soweto daily)
        from .subject_resolve import resolve_subject

        return resolve_subject(ctx, sentence, named)
    if first.lower() in terms.possessive_pronouns and rest and not rest[:1].isupper():
        # "Its spokesman, Lam Paul Gabriel, said": the body named before speaks
        earlier = (first.lower() == "its" and (body_of_state_subject(ctx, sentence, rest)
                                                or neuter_antecedent(ctx, sentence))) \
            or reporter_or_last(ctx, sentence, None)
        if earlier is not None:
            return earlier
    return None


# A sentence that opens with a named body: "The Getulio Vargas state hospital has received ..."
# (capitalised words, perhaps a lowercase word, then one of the attribution terms' body heads).
_OPENING_BODY = re.compile(r"^\W*(?:The\s+)?(?P<body>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,5}"
                           r"(?:\s+(?!(?:has|have|had|is|are|was|were|did|does)\b)[a-z]+){0,2}?)\s+"
                           r"(?:has|have|had|is|are|was|were|did|does|says|reports|[a-z]+ed)\b")


def sentence_body(ctx: ArticleContext, sentence: Sentence) -> Claimant | None:
    """The body that opens the sentence, when its last word is a body's head noun (a
    hospital, a ministry, an agency) or its words give it a kind; None otherwise."""
    m = _OPENING_BODY.match(sentence.text)
    if m is None or m.group("body").split()[0].lower() in load_attribution_terms().possessive_pronouns:
        return None  # "Its spokesman claimed ...": the possessive opens the sentence itself
    body = ctx.lexicon.resolve(m.group("body"), ctx.countries)
    if body is None or not (body.known or body.kind != "unknown"
                            or load_attribution_terms().body_heads.search(m.group("body").lower())):
        return None
    return body


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
