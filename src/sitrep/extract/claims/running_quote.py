"""A quotation that runs over several sentences and paragraphs: a communique read out in
full ("The following is the text of the communique of the Ministry of National Defence
...", then quoted paragraphs, only the last one closed), a statement after "said:". Its
sentences are the speaker's, though none of them says so (set AE's Niger agency item).

``follow_quote`` is called once per sentence, parsed or not, after its claims; the
discourse rules read ``quote_speaker`` for the sentences of an open quotation
(``claimant:quote-runs``)."""

from __future__ import annotations

import re

from ...lexicon.claim_rule_words import in_order
from ...lexicon.claim_terms import claim_words
from ...lexicon.patterns import alternation
from ...records import Claimant
from ...sentences import Sentence
from .context import ArticleContext

# A quotation still open this many paragraphs after it opened is taken for a stray mark, not
# a document read out (the communiques of sets AE and T run three to six paragraphs).
MAX_QUOTE_LINES = 10

# "The following is the text of the communique of the Ministry of National Defence read on
# Tele Sahel": who issued the document the next paragraphs quote (after a dateline, if any).
_TEXT_OF = re.compile(
    rf"(?:^|\s[-–—]\s)\W*(?:the\s+)?following\s+is\s+(?:the\s+)?(?:full\s+)?text\s+of\s+(?:the|a|an)\s+(?:[a-z-]+\s+)?"
    rf"{alternation(claim_words().issued_records)}\s+(?:of|by|from|issued\s+by)\s+"
    rf"(?P<who>[^,;:“”\"]{{2,80}}?)(?=\s+(?:{in_order('text_of_issuing_verbs')}|on|in|at|as|which|that|and)\b|[,.;:]|$)",
    re.IGNORECASE)


def follow_quote(ctx: ArticleContext, sentence: Sentence) -> None:
    """Whether a quotation is open after ``sentence``, and whose it is: the one the line
    before it opened introduced it with."""
    text = sentence.text
    straight, opens, closes = text.count('"'), text.count("“"), text.count("”")
    line = ctx.line_of(sentence.start) if ctx.line_starts else 0
    # the first sentence read on its line (not a slice back to the line's start: a 300 KB
    # one-line text has thousands of sentences on its one line)
    first_in_line, ctx.quote_last_line = line != ctx.quote_last_line, line
    was = ctx.quote_running
    lead = text.lstrip()[:1]
    if was and first_in_line and lead in ('"', "“"):
        # each paragraph of a quotation opens with a mark again; only the last one closes
        straight, opens = (straight - 1, opens) if lead == '"' else (straight, opens - 1)
    now = not (closes > opens or straight % 2) if was else (opens > closes or straight % 2 == 1)
    if now and not was:
        # only a quotation a line introduced: one opened inside an attributed sentence is
        # the previous-sentence rule's ("quote-continues"), and a mark in a headline
        # ('Marawi "liberated from the terrorist influence') opens no one's document
        ctx.quote_speaker, ctx.quote_line = ctx.quote_intro, line
    if now and line - ctx.quote_line > MAX_QUOTE_LINES:
        now = False
    if not now:
        ctx.quote_speaker = None
    ctx.quote_running = now
    ctx.quote_intro = None if now else _introduced_by(ctx, sentence)


def _introduced_by(ctx: ArticleContext, sentence: Sentence) -> Claimant | None:
    """Who a line introducing a quotation names: 'The following is the text of the
    communique of X', or the speaker of a line that ends with a colon ("X said in a statement:")."""
    m = _TEXT_OF.search(sentence.text)
    if m is not None:
        from .subject_resolve import resolve_subject

        who = resolve_subject(ctx, sentence, m.group("who"))
        if who is not None and not who.known and who.kind != "unknown" and ctx.countries:
            who = ctx.lexicon.in_country(who, m.group("who"), ctx.countries[0])  # the state's ministry
        return who
    if sentence.text.rstrip().endswith(":"):
        return ctx.attributions.get(sentence.index, (None, ""))[0]
    return None


def opens_quote_from_intro(ctx: ArticleContext, sentence: Sentence) -> Claimant | None:
    """The speaker of a sentence inside a running quotation, or of the sentence that opens
    one right after a line introducing it."""
    if ctx.quote_running:
        return ctx.quote_speaker
    lead = sentence.text.lstrip()[:1]
    return ctx.quote_intro if lead in ('"', "“") else None
