"""Sources a text names by form rather than by a speech verb: a body in brackets closing a
sentence ("... killed since 8 October (MoPH)."), a source line ("Source: OCHA"), a
broadcast's header ("Radio Muhabura in Kinyarwanda 1700 gmt"), an official count ("the
official toll"). Sentence rules of ``attribution.SENTENCE_RULES``."""

from __future__ import annotations

import re
from functools import lru_cache

from ...records import Claimant
from ...sentences import Sentence
from ...lexicon.claim_terms import claim_words, load_attribution_terms
from ...lexicon.claim_rule_words import in_order
from ...lexicon.loader import read_json
from ...lexicon.patterns import alternation
from ..claimants import ClaimantMatch
from ..entry_labels import stamped_header
from ..context import is_country_name
from .context import ArticleContext
from .defined_names import local_name
from .subject_resolve import resolve_subject


# '(Government of Manipur, 3 June)': a date may follow the source (set AD's sitrep).
_PAREN_SOURCE = re.compile(r"\((?P<who>[A-Z][\w&'’.\- ]{1,60}?)(?:,\s*[\w ]{1,20})?\)\s*[.;]?\s*$")


# A body's name right before the brackets ("the Free Aceh Movement (GAM)"): what follows in
# them is its short name, no source.
_BODY_NAMED_BEFORE = re.compile(rf"(?:[A-Z][\w'’-]+\s+)+{in_order('bracketed_name_heads')}\s*$")


def parenthetical_source(ctx: ArticleContext, sentence: Sentence, doc) -> tuple[Claimant | None, str]:
    """A source in brackets closing the sentence, as situation reports cite them:
    '... killed since 8 October (MoPH).'"""
    m = _PAREN_SOURCE.search(sentence.text)
    if m and _BODY_NAMED_BEFORE.search(sentence.text, 0, m.start()):
        return None, ""  # "62 suspected members of the Free Aceh Movement (GAM).": the body's short name (set CQ)
    if m and not is_country_name(m.group("who").strip()):  # "(North Kordofan)" locates, it does not source
        who = local_name(ctx, m.group("who")) or ctx.lexicon.resolve(m.group("who"), ctx.countries)
        if who and (who.known or who.kind != "unknown"):
            return who, "claimant:parenthetical-source"
    return None, ""


_SOURCE_LINE = re.compile(rf"^\s*{in_order('source_line_labels')}\s*:\s*(?P<who>.{{2,80}}?)\s*\.?\s*$", re.IGNORECASE)


@lru_cache(maxsize=1)
def _broadcast_header() -> re.Pattern[str]:
    """An upper-case line naming a broadcaster, then (after a comma or a bracket) its seat,
    language or time; an upper-case headline has none of them."""
    words = "|".join(re.escape(w) for w in read_json("claimant_kinds.json")["broadcaster_words"])
    return re.compile(rf"^\s*(?P<name>(?:[A-Z][A-Z'’.-]*\s+){{0,5}}(?i:{words})(?:\s+[A-Z][A-Z'’.-]*){{0,5}})\s*[,(]")


def broadcast_header(ctx: ArticleContext, sentence: Sentence, doc) -> tuple[Claimant | None, str]:
    """'RADIO PAKISTAN, Karachi, in English 0300' heading a section of a monitoring digest: the
    broadcaster speaks in the section ("The radio said", "It said", "According to the
    radio"), so it becomes the current reporter and the claimant "the radio" points back to."""
    m = _broadcast_header().match(sentence.text)
    if m is None or m.group("name") != m.group("name").upper() or len(m.group("name").split()) < 2:
        m = stamped_header(sentence.text)
        if m is None:
            return None, ""
        who = Claimant(name=m.group("name"), kind="media", as_written=m.group("name"), known=True)
        start = sentence.start + m.start("name")
        ctx.mentions.append(ClaimantMatch(start, start + len(m.group("name")), who))
        ctx.mentions.sort(key=lambda x: x.start)
        if not ctx.broadcast_headers or ctx.broadcast_headers[-1] < sentence.index:
            ctx.broadcast_headers.append(sentence.index)
        return who, "claimant:broadcast-header"
    name = " ".join(w if len(w) <= 3 and w.isupper() and w != "ALL" else w.capitalize() for w in m.group("name").split())
    who = Claimant(name=name, kind="media", as_written=m.group("name"), known=True)
    start = sentence.start + m.start("name")
    ctx.mentions.append(ClaimantMatch(start, start + len(m.group("name")), who))
    ctx.mentions.sort(key=lambda x: x.start)
    return who, "claimant:broadcast-header"


def source_line(ctx: ArticleContext, sentence: Sentence, doc) -> tuple[Claimant | None, str]:
    """A 'Source: X' line (tables, fact boxes, bulletins)."""
    m = _SOURCE_LINE.match(sentence.text)
    if m:
        who = resolve_subject(ctx, sentence, m.group("who"))
        if who:
            return who, "claimant:source-line"
    return None, ""


# "Officially, 76 people were treated", "98 people were killed, by the official count",
# "according to official figures": the state's own count.
_OFFICIAL_COUNT = re.compile(
    rf"^\W*Officially,|\bby\s+(?:the|an)\s+official\s+{alternation(load_attribution_terms().official_count_by)}\b|"
    rf"\b[Aa]ccording\s+to\s+(?:the\s+)?[Oo]fficial\s+{alternation(load_attribution_terms().official_count_according)}\b")
# (a capital "According" too: a sentence opens with it; set DB's Malay Mail story)


def official_count(ctx: ArticleContext, sentence: Sentence, doc) -> tuple[Claimant | None, str]:
    """'Officially, 76 people were treated in the city's hospitals', 'by the official count':
    an official figure with no body named is the government's of the article's state."""
    if not ctx.countries or not _OFFICIAL_COUNT.search(sentence.text):
        return None, ""
    generic = Claimant("government", "government", "government", False)
    who = ctx.lexicon.in_country(generic, "government", ctx.countries[0])
    return (who, "claimant:official-count") if who.known else (None, "")


# "The National Police have issued a statement: one officer was killed ..." (set Y's Masaya
# liveblog): the issuer's document, its words after the colon.
_STATEMENT_COLON = re.compile(
    rf"^\W*(?P<who>[^:;“”\"]{{2,80}}?)\s+(?:has\s+|have\s+|had\s+)?{in_order('statement_issuing_verbs')}\s+"
    rf"(?:a|an|its|their|the\s+following)\s+(?:[a-z-]+\s+)?{alternation(claim_words().issued_records)}\s*:\s")
# "The Ministry of Public Security on January 9 issued an announcement on the incident ..., in
# which three police officers died": the issuer of a record about the event the sentence
# tells (set AD's Vietnamese agency item).
_STATEMENT_ON = re.compile(
    rf"^\W*(?P<who>[^:;“”\"]{{2,80}}?)(?:\s+on\s+\w+(?:\s+\d{{1,2}})?)?\s+(?:has\s+|have\s+|had\s+)?"
    rf"{in_order('statement_issuing_verbs')}\s+(?:a|an|its|their)\s+(?:[a-z-]+\s+)?"
    rf"{alternation(claim_words().issued_records)}\s+(?:on|about|regarding|concerning)\s")
# "The latest figure from the Amazonas state security secretary is 56 inmates killed" (set Y's
# Manaus transcript): the one the figure is from.
_FIGURE_FROM = re.compile(
    rf"^\W*(?:the\s+)?(?:{in_order('figure_from_qualifiers')}\s+)?"
    rf"{alternation({*load_attribution_terms().official_count_by, *load_attribution_terms().official_count_according})}\s+from\s+"
    r"(?P<who>(?:(?!\s(?:show|shows|showed|indicate|indicates|indicated|said|says|put|puts)\s)[^,;:“”\"]){2,80}?)"
    r"\s+(?:is|was|are|were|stands\s+at|stood\s+at)\s+", re.IGNORECASE)
# (no verb in the owner: "Figures from the health ministry on February 3 showed 40 people were
# killed" is the figures' "showed", their owner the ministry)


# "Latest official figures, from the military spokesman: at least 50 militants killed, ..."
# (set T's Red Mosque liveblog): a liveblog's label naming whose figures follow the colon.
_FIGURES_FROM_COLON = re.compile(
    rf"^\W*(?:\d{{1,2}}[:.]\d{{2}}\s*(?:[-–—]\s*)?)?(?:the\s+)?(?:{in_order('figures_label_qualifiers')}\s+){{0,2}}"
    rf"{alternation({*load_attribution_terms().official_count_by, *load_attribution_terms().official_count_according})}"
    r"\s*,?\s+from\s+(?P<who>[^,;:“”\"]{2,80}?)\s*:\s", re.IGNORECASE)


def statement_source(ctx: ArticleContext, sentence: Sentence, doc) -> tuple[Claimant | None, str]:
    """'X has issued a statement: ...', 'The latest figure from X is ...', 'Latest official
    figures, from X: ...' and 'X issued an announcement on the incident, in which ...': X."""
    m = _STATEMENT_COLON.match(sentence.text) or _FIGURE_FROM.match(sentence.text) \
        or _FIGURES_FROM_COLON.match(sentence.text) or _STATEMENT_ON.match(sentence.text)
    who = resolve_subject(ctx, sentence, m.group("who")) if m else None
    if who is None or not (who.known or who.kind != "unknown" or _speaker_words(m.group("who"))):
        return None, ""  # "The toll from the Odesa strike stood at 21": an event, no speaker
    return who, "claimant:statement-source"


def _speaker_words(phrase: str) -> bool:
    terms = load_attribution_terms()
    words = set(phrase.lower().split())
    return bool(words & set(terms.titled_words)) or bool(terms.body_heads.search(phrase.lower()))
