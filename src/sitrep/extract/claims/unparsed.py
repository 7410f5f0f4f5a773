"""What a sentence says before, or without, its parse: whom a sentence with no figure makes
the current reporter ("Lebanese Health Minister Firas Abiad delivered an update"), and
whether parsing a figureless sentence can change the claims of others (``parse_choice``)."""

from __future__ import annotations

import re
from functools import lru_cache

from ...sentences import Sentence
from ...lexicon.claim_terms import claim_words, load_attribution_terms
from ...lexicon.patterns import alternation
from ..spans import starting_in
from .attribution import SENTENCE_RULES
from .context import ArticleContext, Reporter
from .discourse import set_reporter
from .subjects import described_speaker, leading_body, leading_speaker, role_neutral_lead

# The sentence rules that need no parse: an unparsed sentence may still name the reporter.
_TEXT_RULES = tuple(r for r in SENTENCE_RULES if r.__name__ in (
    "headline_source", "quoted_as_saying", "trailing_say", "cited_by", "parenthetical_source", "broadcast_header",
    "source_line", "official_count"))
_ACCORDING_TO_PRONOUN = re.compile(r"^\W*According\s+to\s+(?:him|her|them|the\s+"
                                   rf"{alternation(load_attribution_terms().spokes_titles)})\b")
# A claimant named this close to a sentence's start is its subject, near enough.
SUBJECT_CHARS = 90
# ... unless it is told ("Major Mohamed Adan, an army officer, told Reuters by phone that").
_TOLD_BEFORE = re.compile(r"\b(?:told|tells|telling)\s+(?:the\s+)?$")  # "told the BBC": the one told
# ... nor one inside a relative clause on the subject ("The radio, which speaks for X, said").
_RELATIVE_BEFORE = re.compile(r",\s+(?:which|who)\b[^,]*$")
# ... nor the place a speaker spoke from ("A spokesman for X, speaking in Damascus, denied").
_WHERE_SPOKEN_BEFORE = re.compile(r",\s+(?:speaking|talking|writing)\s+(?:[a-z]+\s+)*?(?:in|from|at)\s+[^,]*$")


def observe_sentence(ctx: ArticleContext, sentence: Sentence) -> None:
    """A sentence with no figure still moves the discourse on: "Lebanese Health Minister
    Firas Abiad delivered an update" makes the ministry the current reporter."""
    if sentence.index in ctx.attributions:
        return
    if ctx.reporter is not None and ctx.reporter.sentence < sentence.index and _ACCORDING_TO_PRONOUN.match(sentence.text):
        # "According to him, 17 firefights took place": the speaker goes on, into this paragraph
        ctx.attributions[sentence.index] = (ctx.reporter.claimant, "claimant:according-to")
        set_reporter(ctx, ctx.reporter.claimant, sentence, "claimant:according-to")
        return
    body = leading_body(ctx, sentence)
    if body is not None:
        ctx.body_subject = Reporter(body, sentence.index, ctx.line_of(sentence.start), "claimant:leading-body")
    for rule in _TEXT_RULES:
        who, name = rule(ctx, sentence, None)
        if who is not None:
            ctx.attributions[sentence.index] = (who, name)
            set_reporter(ctx, who, sentence, name)
            return
    terms = load_attribution_terms()
    if not terms.reporting_words.search(sentence.text):
        return
    if ctx.reporter is not None and role_neutral_lead(sentence.text):
        # "The spokesman said Indian forces had entered Sylhet": the one speaking goes on,
        # whatever body the sentence names after the verb
        ctx.attributions[sentence.index] = (ctx.reporter.claimant, "claimant:current-reporter")
        set_reporter(ctx, ctx.reporter.claimant, sentence, "claimant:current-reporter")
        return
    for m in starting_in(ctx.mentions, sentence.start, sentence.start + SUBJECT_CHARS):
        if _RELATIVE_BEFORE.search(ctx.article.text, max(0, sentence.start), m.start):
            continue  # "The radio, which speaks for the Bangladesh government, said": not the speaker
        if _WHERE_SPOKEN_BEFORE.search(ctx.article.text, max(0, sentence.start), m.start):
            continue  # "A spokesman for the guerrillas, speaking in Damascus, denied": where, not who (set CY)
        if _backed_by_before(ctx.article.text[max(0, m.start - 30):m.start]):
            continue  # "Syrian rebels backed by the Turkish navy reported": the rebels speak (dev2's Saraqeb wire)
        if m.claimant.known and not _TOLD_BEFORE.search(ctx.article.text, max(0, m.start - 13), m.start):
            ctx.attributions[sentence.index] = (m.claimant, "claimant:named-speaker")
            set_reporter(ctx, m.claimant, sentence, "claimant:named-speaker")
            return
    speaker = leading_speaker(ctx, sentence)
    if speaker is not None:
        # "Defence Minister John Smith said the attack was the rebels'. He said 27 soldiers
        # were killed": a named speaker with no figure yet is whom "he" refers to next.
        set_reporter(ctx, speaker, sentence, "claimant:named-speaker")
        return
    speaker = described_speaker(ctx, sentence)
    if speaker is not None:
        set_reporter(ctx, speaker, sentence, "claimant:described-speaker")


@lru_cache(maxsize=1)
def _attribution_cues() -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(sorted(claim_words().attribution_cues)) + r")\b", re.IGNORECASE)


def may_attribute(text: str) -> bool:
    """Whether a figureless parsed sentence is worth an attribution walk."""
    return bool(_attribution_cues().search(text))


def figureless_parse_matters(text: str) -> bool:
    """Whether parsing a sentence with no figure can change the claims of others: an
    attribution cue (the walk over its parse may name the reporter), or a quote left open
    (the next sentence's figures may be the speaker's). Otherwise a figureless sentence
    moves the discourse on as ``observe_sentence`` reads it, parsed or not."""
    return may_attribute(text) or leaves_quote_open(text)


def leaves_quote_open(text: str) -> bool:
    """A quote opened and not closed, or a line ending with a colon: what follows is said."""
    return _opens_quote(text) or text.rstrip().endswith(":")


def _opens_quote(text: str) -> bool:
    opens = text.count("“") + text.count('"') % 2
    closes = text.count("”")
    return ("“" in text and opens > closes) or text.count('"') % 2 == 1


def _backed_by_before(before: str) -> bool:
    """'... backed by the' right before a body: it backs the speaker, it does not speak."""
    from ...lexicon.actor_words import actor_words

    words = before.lower().split()
    if words and words[-1] == "the":
        words = words[:-1]
    return len(words) >= 2 and words[-1] == "by" and words[-2] in actor_words().backing_verbs
