"""The sentence rule of a quoted speaker: "The radio quoted an army officer as saying",
"Quoting a spokesman, the radio said", "Radio Rabat, quoting a statement from X, said":
the one quoted speaks, not the one quoting (``attribution.SENTENCE_RULES``)."""

from __future__ import annotations

import re

from ...sentences import Sentence
from ...records import Claimant
from ...lexicon.claim_rule_words import words
from ...lexicon.claim_terms import load_attribution_terms
from ...lexicon.patterns import alternation
from .context import ArticleContext
from .subject_resolve import resolve_subject


# "The radio quoted an official military spokesman as saying that ...", for unparsed sentences.
# "as estimating", "as putting the toll at" (set T's Yemen digest) say it as well.
_AS_SAYING = words("quoted_as_verbs")
_QUOTED_AS_SAYING = re.compile(r"\bquot(?:ed|es|ing)\s+(?P<who>(?:(?:an?|the)\s+)?[^,;]{3,60}?)\s+as\s+"
                               rf"{alternation(_AS_SAYING)}\b")


# "Quoting a spokesman, the radio said", "[Radio Cadena Nacional, 0200] Reading a communique of
# the Armed Forces Press Committee, an announcer said" (a digest's bracketed header first)
_QUOTING_FRONT = re.compile(rf"^\W*(?:\[[^\]]{{1,80}}\]\s*)?{alternation(load_attribution_terms().fronted_quoting)}\s+"
                            r"(?P<who>[^,;]{3,80}?),")
# The same words set off after the subject: "Radio Rabat, quoting a statement from the Army of
# Liberation, said ..." (set V's Ifni wire), "The agency, citing hospital officials, said ...".
_QUOTING_ASIDE = re.compile(rf"^[^,;]{{2,80}},\s+(?i:{alternation(load_attribution_terms().fronted_quoting)})\s+"
                            r"(?P<who>[^,;]{3,80}?),\s+(?:has\s+|had\s+)?[a-z]+(?:ed|s)?\b")


def quoted_as_saying(ctx: ArticleContext, sentence: Sentence, doc) -> tuple[Claimant | None, str]:
    """'The radio quoted the duty doctor at Kosevo hospital as saying that 11 people were
    killed', 'state media quoted an army officer as saying': the one quoted speaks, not the
    one quoting ("Quoting a Defence Ministry spokesman, the radio said"). Read from the text
    alone when the sentence is not parsed."""
    front = _QUOTING_FRONT.match(sentence.text)
    aside = _QUOTING_ASIDE.match(sentence.text) if front is None else None
    if front is not None or aside is not None:
        who = resolve_subject(ctx, sentence, (front or aside).group("who"))
        # set aside, only a body the speaker quotes speaks: "Georgian television, citing
        # refugees, said" is the television's report (set M's Sukhumi item)
        if who and (front is not None or who.known or who.kind != "unknown"):
            return who, "claimant:quoted-as-saying"
    low = sentence.text.lower()
    if "quot" not in low and "cite" not in low:
        return None, ""  # cheap test first: "quote" and "cite" have no irregular forms
    if doc is None:
        m = _QUOTED_AS_SAYING.search(sentence.text)
        who = resolve_subject(ctx, sentence, m.group("who")) if m else None
        return (who, "claimant:quoted-as-saying") if who else (None, "")
    for tok in doc:
        if tok.lemma_.lower() not in ("quote", "cite"):  # "It cites Russian officials as saying" (set CM)
            continue
        said = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "as"
                     and any(g.lower_ in _AS_SAYING for g in c.subtree)), None)
        quoted = next((c for c in tok.children if c.dep_ in ("dobj", "obj")), None)
        if quoted is None and tok.tag_ == "VBN":
            # "Honduran officials were quoted (by HRN) as saying": the passive's subject
            quoted = next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
        if said is not None and quoted is not None and quoted.i < said.i:
            # up to "as": "the duty doctor at Kosevo hospital" (the parse may hang "at" on the
            # verb); the passive's subject up to its own end, before "was quoted" ("a spokesman
            # of the command was quoted as saying": set BJ's Vukovar communique)
            end = quoted.right_edge.i + 1 if quoted.dep_ == "nsubjpass" else said.i
            who = resolve_subject(ctx, sentence, doc[quoted.left_edge.i: end].text)
            if who:
                ctx.speech_verbs[sentence.index] = tok.i
                return who, "claimant:quoted-as-saying"
    # the parse may miss the verb ("The radio quoted staff at ... as saying": "quoted" as an
    # adjective of "staff"): the words say it as well
    m = _QUOTED_AS_SAYING.search(sentence.text)
    who = resolve_subject(ctx, sentence, m.group("who")) if m else None
    return (who, "claimant:quoted-as-saying") if who else (None, "")
