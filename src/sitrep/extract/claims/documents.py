"""Documents a story reproduces, and whose they are: the paragraphs after "The text of the
communique reads as follows:" are its issuer's; in a page of several communiques, a line
heading a body's text ("2. ISRAEL DEFENCE FORCES SPOKESMAN, TEL AVIV") makes the paragraph
under it that body's. Read by ``discourse.current_reporter`` for sentences with no
attribution of their own."""

from __future__ import annotations

import re
from functools import lru_cache

from ...lexicon.claim_rule_words import in_order
from ...lexicon.claim_terms import load_attribution_terms
from ...lexicon.patterns import alternation
from ...records import Claimant
from ...sentences import Sentence
from .context import ArticleContext

# "The text of the communique reads as follows:", "The statement said in full:": what follows,
# paragraph after paragraph, is the document of the body that issued it (Western Sahara probe M).
# "Excerpts from a "victory bulletin" of the High Command of ...:" in a monitoring digest (set Q).
# "The Joint Forces Command issued the following communique:" (set BD's Khafji agency copy).
_DOCUMENT_TEXT_CUE = re.compile(rf"\b{in_order('document_text_verbs')}(?:\s+as\s+follows|\s+in\s+full)?\s*:\s*$"
                                r"|\bas\s+follows\s*:\s*$"
                                rf"|\bthe\s+following\s+(?:[\w-]+\s+)?{alternation(load_attribution_terms().issued_documents)}\b[^:\n]{{0,40}}:\s*$"
                                # "The General Command of the Armed Forces issued the following
                                # communiques on the events ... during the past 24 hours." (set CF);
                                # "... issued the following communique on the third day of what it
                                # calls a limited operation against the insurgent republic:" (set DB)
                                rf"|\bissued\s+the\s+following\s+(?:[\w-]+\s+)?{alternation(load_attribution_terms().issued_documents)}s?\b[^:\n]{{0,160}}[.:]\s*$"
                                rf"|^\W*(?:{in_order('document_excerpt_nouns')}|(?:the\s+)?(?:full\s+)?text)\s+(?:from|of)\b[^\n]{{0,160}}:\s*$",
                                re.IGNORECASE)


def document_text_issuer(ctx: ArticleContext, sentence: Sentence) -> Claimant | None:
    """The issuer of the document whose text the sentence is in: the last sentence before it
    that opens one ("The text of the communique reads as follows:"), with no speaker named
    since; its issuer is the body that issued the record it names, else who spoke then."""
    from .broadcasters import issuer_of_record

    spoke = ctx.reporter.sentence if ctx.reporter is not None else -1
    for earlier in reversed(ctx.sentences[max(spoke, 0):sentence.index]):
        m = _DOCUMENT_TEXT_CUE.search(earlier.text)
        if m is None:
            continue
        record = _record_noun().search(earlier.text)
        issuer = issuer_of_record(ctx, earlier, f"the {record.group(0).lower()}") if record else None
        return _issuer_named_with(ctx, earlier) or _issuer_of_following(ctx, earlier) or issuer or (
            ctx.reporter.claimant if ctx.reporter is not None and spoke <= earlier.index else None)
    return None


# "The Joint Forces Command issued the following communique:": the subject that issued it.
_ISSUED_FOLLOWING = re.compile(r"^\W*(?P<body>[A-Z][^:\n]{2,100}?)\s+(?:has\s+|have\s+|had\s+)?(?:issued|released|published|put\s+out)"
                               r"\s+the\s+following\b")


def _issuer_of_following(ctx: ArticleContext, sentence: Sentence) -> Claimant | None:
    m = _ISSUED_FOLLOWING.search(sentence.text)
    if m is None:
        return None
    from .subject_resolve import resolve_subject

    who = resolve_subject(ctx, sentence, m.group("body"))
    return who if who is not None and who.kind != "media" else None


# 'a "victory bulletin" of the High Command of the Viet Nam People's Army:': the body the
# document is named with, in the sentence that opens its text.
_DOCUMENT_OF = re.compile(rf"\b{alternation(load_attribution_terms().issued_documents)}[\"”’']?\s+(?:of|by|from|issued\s+by)\s+"
                          r"(?P<body>(?:the\s+)?[A-Z][^:\n]{2,100}?)\s*:\s*$", re.IGNORECASE)


# "Excerpts from National Guard communique:": the body named before the document word.
# (capitals only in the body: "of the Armed Forces issued the following communique:" names no body
# called "Armed Forces issued the following")
_OWNER_DOCUMENT = re.compile(rf"(?i:from|of)\s+(?i:a\s+|the\s+)?(?P<body>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){{0,5}})\s+"
                             rf"(?i:{alternation(load_attribution_terms().issued_documents)})\s*:\s*$")
# What a label adds after the body: its acronym in brackets, who read it out.
_BODY_ASIDES = re.compile(r"\s*\([^)]*\)|,\s*(?:read|broadcast|issued|signed)\b.*$", re.IGNORECASE)


def _issuer_named_with(ctx: ArticleContext, sentence: Sentence) -> Claimant | None:
    """The body a text-opening line names with its document: "communique of the FSLN, read by
    announcer:", "Excerpts from National Guard communique:" (a digest's item labels, set AV)."""
    m = _DOCUMENT_OF.search(sentence.text) or _OWNER_DOCUMENT.search(sentence.text)
    if m is None:
        return None
    from .subject_resolve import resolve_subject

    who = resolve_subject(ctx, sentence, _BODY_ASIDES.sub("", m.group("body")).strip())
    return who if who is not None and who.kind != "media" else None


# "1. ALLIED FORCES HEADQUARTERS, CYPRUS - COMMUNIQUE No. 11 (issued 0900 hrs)", "ISRAEL DEFENCE
# FORCES SPOKESMAN, TEL AVIV": a line heading a body's text in a page of several (Suez probe O);
# the document words are ``issued_documents`` and ``spokes_titles``, capitalised as a header writes them.
@lru_cache(maxsize=1)
def _header_line() -> re.Pattern[str]:
    terms = load_attribution_terms()
    words = alternation(terms.issued_documents + terms.spokes_titles)
    return re.compile(r"^\W*(?:\d{1,2}[.)]\s+)?(?P<body>[A-Z][^\n]{2,80}?)(?:,\s+[A-Z][\w .'’-]{1,30})?"
                      rf"(?:\s+[-–—]\s+|\s+)(?P<doc>(?i:{words}))\b[^\n]{{0,60}}(?<![.!?\"”])$")


MAX_HEADER_CHARS = 140


def header_issuer(ctx: ArticleContext, sentence: Sentence) -> Claimant | None:
    """The body whose document the sentence's paragraph is, when the line before it is a
    header naming the body and its document ("ISRAEL DEFENCE FORCES SPOKESMAN, TEL AVIV")."""
    line = ctx.line_of(sentence.start)
    if line < 1 or line >= len(ctx.line_starts):
        return None
    text = ""
    while line >= 1 and not text:  # the line before, past blank ones
        text = ctx.article.text[ctx.line_starts[line - 1]:ctx.line_starts[line]].strip()
        line -= 1
    m = _header_line().match(text) if len(text) <= MAX_HEADER_CHARS and line >= 1 else None
    if m is None or m.group("doc").islower() or re.match(r"(?i)the\s+\S+$", m.group("body").strip()):
        return None  # the first line is the page's title; "THE RELIEF BULLETIN" a periodical's name
    from .subject_resolve import resolve_subject

    body = m.group("body").strip(" ,-–—")
    who = resolve_subject(ctx, sentence, body.title() if body.isupper() else body)
    from .discourse import names_a_body

    if who is None or who.kind == "media" or who.kind == "unknown" and not names_a_body(who):
        return None
    return who


@lru_cache(maxsize=1)
def _record_noun() -> re.Pattern[str]:
    """The document a text-opening sentence names ("the communique", "the statement")."""
    return re.compile(rf"\b{alternation(load_attribution_terms().issued_documents)}\b", re.IGNORECASE)
