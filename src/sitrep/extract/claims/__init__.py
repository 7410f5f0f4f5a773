"""Claims: figures of people killed, injured, displaced... with who claims them.

Candidates first, annotations second (as spaCy components do), each step an ordered list
of named rules whose names make up the claim's ``rule``:

1. ``candidates.FIGURE_RULES``: which numbers of a parsed sentence count people;
2. ``quantity.QUANTITY_RULES``: what happened to them (killed, injured, displaced...);
3. ``category.CATEGORY_RULES``: whose people they are (civilians, government, rebels...);
4. ``attribution.SENTENCE_RULES`` and the clause rules: who the sentence says claims it;
5. the discourse rules (``discourse``): a quote or a count that continues, the current
   reporter of the paragraph, an attribution in the next sentence, the publisher of a
   primary report; then one figure once per article.

``extract_claims`` reads one parsed sentence, ``observe_sentence`` one that was not parsed
(it may still name the reporter), ``finish_article`` runs the article-level rules.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ...sentences import Sentence
from ...records import Claim, Claimant, content_id
from .. import dates
from ...lexicon.claim_rule_words import in_order
from ...lexicon.claim_terms import ClaimTerms, claim_words, load_figure_terms, load_terms
from .attribution import attribute_sentence
from .sentence_state import (
    fronted_place_first, fronted_state_first, speaker_town_first, station_state_first, victims_state_first,
)
from .candidates import distributive_list, enumerated_people, sentence_candidates
from .named_victims import named_people
from .figure_view import Candidate
from .category import CategoryView, category
from .claim_places import attach_places
from .context import ArticleContext
from .after_article import attributed_after, generic_side_named, one_figure_once, own_reporting, publisher_fallback, publisher_officers, source_lines, unverified_after
from .discourse import build_context, current_reporter
from .publisher import issuers_own, speaks_as_issuer
from .quantity import quantity, quantity_tokens, then_released
from .unparsed import figureless_parse_matters, leaves_quote_open, may_attribute, observe_sentence
from .running_quote import follow_quote, opens_quote_from_intro
from .summed_list import summed_list_parent
from .subjects import according_covers, clause_attribution, speech_between, speech_covers

__all__ = [
    "ArticleContext", "attach_places", "attribute_sentence", "build_context", "clause_attribution", "extract_claims",
    "figureless_parse_matters", "finish_article", "follow_quote", "observe_sentence", "speech_covers",
]

# Names the event extractor used before this module became a package.
_attribution = attribute_sentence
_speech_covers = speech_covers


def extract_claims(ctx: ArticleContext, sentence: Sentence, doc, terms: ClaimTerms | None = None) -> list[Claim]:
    """Claims of one parsed sentence (``doc`` is the spaCy Doc of ``sentence.text``); a
    sentence fronted by one of the article's states reads generic bodies as that state's."""
    countries = ctx.countries
    ordered = fronted_place_first(ctx, sentence, fronted_state_first(sentence.text, station_state_first(ctx, sentence, countries)))
    ctx.countries = speaker_town_first(ctx, sentence, victims_state_first(sentence.text, ordered))
    try:
        return _sentence_claims(ctx, sentence, doc, terms or load_terms())
    finally:
        ctx.countries = countries


def _sentence_claims(ctx: ArticleContext, sentence: Sentence, doc, terms: ClaimTerms) -> list[Claim]:
    text = sentence.text
    ctx.parsed[sentence.index] = (sentence, doc)
    adjacent = ctx.previous_index == sentence.index - 1
    candidates = _figure_candidates(text, doc, terms, ctx.lexicon)
    if not candidates:
        _observe_figureless(ctx, sentence, doc, adjacent)
        return []
    # Attribution needs a walk over the parse: only for sentences that have figures (events
    # ask for it themselves), or lazily when a later sentence continues this one's quote.
    claimant, claimant_rule = attribute_sentence(ctx, sentence, doc)
    inherited = None
    fallback, fallback_rule = None, ""
    if claimant is None:
        fallback, fallback_rule, inherited = _discourse_claimant(ctx, sentence, text, terms, adjacent)

    claims: list[Claim] = []
    lower = text.lower().lstrip("\"“‘'( ")
    anaphoric_parent = None
    if adjacent and ctx.previous and (any(lower.startswith(a) for a in terms.anaphora)
                                      or distributive_list(candidates)):
        anaphoric_parent = _anaphor_target(lower, ctx.previous)
    breakdown = load_figure_terms().breakdown
    previous = [c for c in ctx.previous if "breakdown-of" not in c.rule] if adjacent else []
    for k, cand in enumerate(candidates):
        parent = _parent_claim(text, cand, claims, breakdown) or anaphoric_parent
        # the stretch between the figures on either side: where the figure's own verb may be
        window = (candidates[k - 1].figure.end if k else 0,
                  candidates[k + 1].figure.start if k + 1 < len(candidates) else len(text))
        q, q_rule = _figure_quantity(doc, text, cand, terms, parent, claims or _renamed_count(cand, previous),
                                     window)
        if q is None or (cand.noun and cand.noun.unit and not cand.figure.vague):
            # no casualty word; or "300 families": a count of groups, not of people ("hundreds of
            # families" names no count, only how many: sets AN and AM count it)
            continue
        who, who_rule = _figure_claimant(ctx, sentence, doc, cand, claimant, claimant_rule)
        if who is None and parent is not None and parent.source:
            who = Claimant(parent.source, parent.source_kind, parent.source_text, True)
            who_rule = "claimant:breakdown"
        if who is None and claimant is None and fallback is not None and _continues_topic(ctx, fallback_rule, q) \
                and not _background(ctx, fallback_rule, text):
            who, who_rule = fallback, fallback_rule
        # The side rules ("its fighters", "our comrades", "the enemy") read who speaks for this
        # figure; an unattributed figure of a primary statement is its publisher's.
        speaker = who or claimant or ctx.publisher
        if ctx.publisher is not None and issuers_own(text, cand):
            speaker = ctx.publisher  # "The JTF boasts that over 30 of our men were killed": the issuer's men
        view = CategoryView(text, cand, terms, ctx.countries, speaker, claims, parent, q, previous,
                            armed_demonyms=ctx.armed_demonyms(), coup_story=q == "detained" and ctx.coup_story())
        cat, subgroup, c_rule = category(view)
        if q == "displaced" and cat in _FIGHTING_SIDES:
            continue  # "two mutineers ... are believed to have fled": fighters who flee are not displaced
        claims.append(_claim(ctx, sentence, cand, q, cat, subgroup, who,
                             " ".join(r for r in (cand.rule, q_rule, c_rule, who_rule if who else "claimant:none") if r)))
        if then_released(doc, cand, q, terms):  # "were abducted on Wednesday and released on Friday"
            claims.append(_claim(ctx, sentence, cand, "released", cat, subgroup, who,
                                 " ".join(r for r in (cand.rule, "quantity:then-released", c_rule,
                                                      who_rule if who else "claimant:none") if r)))
    _remember(ctx, sentence, doc, claims, inherited, adjacent)
    return claims


def _figure_candidates(text: str, doc, terms: ClaimTerms, lexicon) -> list[Candidate]:
    """The figures of people of a sentence; relatives or people named one by one are one
    figure, the "two other children" inside it none of its own."""
    candidates = sentence_candidates(text, terms)
    quantities = quantity_tokens(doc, terms)
    enumerated = enumerated_people(doc, terms, quantities) + named_people(doc, terms, quantities, lexicon)
    if enumerated:
        spans = [(e.figure.start, e.figure.end) for e in enumerated]
        candidates = sorted([c for c in candidates if not any(a <= c.figure.start < b for a, b in spans)]
                            + enumerated, key=lambda c: c.figure.start)
    return candidates


def _observe_figureless(ctx: ArticleContext, sentence: Sentence, doc, adjacent: bool) -> None:
    """No figure, but an attribution here may name the reporter, or cover the figures of the
    sentence before ("... nine were wounded. The situation is escalating, Daily Sabah
    reported.")."""
    observe_sentence(ctx, sentence)
    if sentence.index not in ctx.attributions and may_attribute(sentence.text):
        attribute_sentence(ctx, sentence, doc)
    _remember(ctx, sentence, doc, [], None, adjacent)


def _renamed_count(cand: Candidate, previous: list[Claim]) -> list[Claim]:
    """'Witnesses said 300 civilians were killed. Human Rights Watch has put the number at
    about 500', '75,000 have fled ... About 40,000 of them are in Nariman district': a count
    put at another value, or a part of it by place, continues the count of the sentence
    before."""
    return previous if cand.rule in ("figure+put-at", "figure+part-by-place") else []


def _figure_quantity(doc, text: str, cand: Candidate, terms: ClaimTerms, parent: Claim | None,
                     claims: list[Claim], window: tuple[int, int] | None = None) -> tuple[str | None, str]:
    """What happened to a figure's people: its own casualty word, else its total's (a
    breakdown), else the figure's before it (a continued count)."""
    q, q_rule = quantity(doc, text, cand, terms)
    verb = re.match(r"quantity:parse\((\w+)\)", q_rule)  # a verb, not a noun ("alongside 8,408 injuries")
    # "35 of them Han and two Uighur, and 13 others were injured": a part named by a people's
    # name has no verb of its own, whatever the parse hangs it on
    own_verb = q is not None and parent is not None and q != parent.quantity and cand.rule != "figure+of-them-people" and (
        q_rule.startswith(("quantity:own-passive", "quantity:partitive-verb"))
        or bool(verb and verb.group(1) in terms.quantity_lemmas
                and _verb_between_figures(doc, q, window, terms)))  # ("nine of the wounded died": set AN)
    if parent is not None and not q_rule.startswith("quantity:noun") and not own_verb:
        # a breakdown counts what its total counts ("1,640 martyrs, which includes 104
        # children, alongside 8,408 injuries": the children are dead, not injured); a verb
        # of its own says otherwise ("eight dead, among them a girl, and 30 had been injured")
        q, q_rule = parent.quantity, "quantity:breakdown-of-" + parent.id
    if q is None and cand.continues and claims:
        q, q_rule = claims[-1].quantity, "quantity:continues-" + claims[-1].id
    return q, q_rule


def _verb_between_figures(doc, q: str, window: tuple[int, int] | None, terms: ClaimTerms) -> bool:
    """Whether a casualty word of ``q`` stands between the figures on either side of a part
    ("arrested 40 people and released 12 of them": its own): "60 killed, among them 15 children
    and 12 women, and over 200 wounded": the 15 and the 12 have no verb of their own, the
    "wounded" is the 200's (set CY's Gaza liveblog; the parse hangs the list on it)."""
    if window is None or doc is None:
        return True
    lo, hi = window
    return any(qq == q and lo <= doc[i].idx < hi for i, qq, _ in quantity_tokens(doc, terms))


def _background(ctx: ArticleContext, rule: str, text: str) -> bool:
    """'... the worst since the 1993 serial blasts, which killed 257 people': a figure of a
    past phase in a sentence of no one's is the outlet's background, not the current
    reporter's statement."""
    return rule == "claimant:current-reporter" and historical(text, ctx.reference_year)


def _continues_topic(ctx: ArticleContext, rule: str, q: str) -> bool:
    """A current reporter covers figures of what it spoke of ("the ministry said 40 were
    killed ... 12 more died"), not a new topic in its paragraph ("... hostages were
    released"); a reporter introduced with no casualty word covers any."""
    if rule != "claimant:current-reporter" or ctx.reporter is None:
        return True
    spoken = ctx.reporter.quantities
    return not spoken or q in spoken or (q in _CASUALTIES and bool(spoken & _CASUALTIES))


# Sides of people who fight: when they flee they withdraw, they are not displaced (GUIDE:
# displaced people are the ones who fled their homes; no gold of dev2 or sets J-S counts
# fighters as displaced; set S's Fiji blog).
_FIGHTING_SIDES = frozenset({"government", "rebels", "combatants"})


# Killed, wounded and missing are one topic: the casualties of an attack.
_CASUALTIES = frozenset({"killed", "injured", "missing"})


@lru_cache(maxsize=1)
def _breakdown_openers() -> tuple[tuple[re.Pattern[str], str], ...]:
    """'Among the dead', 'the wounded': (opening, quantity) from claim_terms' words."""
    return tuple((re.compile(r"^(?:(?:among|of)\s+)?(?:the|those)\s+(?:" + "|".join(nouns) + r")\b"), q)
                 for q, nouns in claim_words().breakdown_openers.items())


def _anaphor_target(lower: str, previous: list[Claim]) -> Claim | None:
    """The previous sentence's figure an opening like "Among the victims are ..." breaks
    down: the dead for "the victims", the wounded for "the wounded", else the last."""
    for pattern, q in _breakdown_openers():
        if pattern.match(lower):
            hit = [c for c in previous if c.quantity == q]
            if hit:
                return hit[-1]
            if q not in _CASUALTIES:
                return None  # "Of those rescued, 58 men ...": no rescued figure before, no other's part (set BY)
    return previous[-1]


# The outlet's own count, whoever spoke before (set AE's Capitol transcript; Sudan and
# Mexico-like tallies "by our count", "according to this newspaper's tally").
_OWN_COUNT = re.compile(rf"\b(?:by|according\s+to)\s+(?:our|this\s+{in_order('own_outlet_nouns')}['’]s)\s+"
                        rf"(?:own\s+)?{in_order('own_count_nouns')}\b", re.IGNORECASE)


# A transcript's question line (sets AF's and AC's press conferences).
_QUESTION_LABEL = re.compile(r"^\W*(?:Q|QUESTION)\s*[:.]\s", re.IGNORECASE)


def _discourse_claimant(ctx: ArticleContext, sentence: Sentence, text: str, terms: ClaimTerms,
                        adjacent: bool) -> tuple[Claimant | None, str, Claimant | None]:
    """The claimant a sentence with no attribution of its own inherits, by the first
    discourse rule that gives one: a quote that continues, an opening that continues the
    previous report ("Another 20 ..."), the paragraph's current reporter."""
    if adjacent and ctx.previous_open_quote and ctx.previous_parsed:
        p_sentence, p_doc, p_inherited = ctx.previous_parsed
        inherited = attribute_sentence(ctx, p_sentence, p_doc)[0] or p_inherited
        if inherited is not None:
            return inherited, "claimant:quote-continues", inherited
    if _OWN_COUNT.search(text) or _QUESTION_LABEL.match(text):
        # "By our count, that brings the number ... to five": the outlet's own; "Q: Minister,
        # last year 384 prisoners were freed": the reporter's question, not the one who answers
        return None, "", None
    quoted = opens_quote_from_intro(ctx, sentence)  # (follow_quote saw every sentence between)
    if quoted is not None:  # a communique read out over several paragraphs
        return quoted, "claimant:quote-runs", quoted
    if adjacent and ctx.previous and text.lower().startswith(terms.carry_over):
        last = ctx.previous[-1]  # "Another 20 people were wounded." continues that report
        if last.source:
            return Claimant(last.source, last.source_kind, last.source_text, True), "claimant:continues-previous", None
    who, rule = current_reporter(ctx, sentence)
    if who is not None and ctx.publisher is not None and who.name != ctx.publisher.name \
            and not ctx.previous_open_quote and speaks_as_issuer(text):
        # "We lost two gallant fighters" in a group's own statement, after it relayed the
        # army's boast: the issuer speaks, not the one it relayed (set R's Niger Delta statement)
        return ctx.publisher, "claimant:publisher-speaks", None
    return who, rule, None


def _figure_claimant(ctx: ArticleContext, sentence: Sentence, doc, cand: Candidate, claimant: Claimant | None,
                     claimant_rule: str) -> tuple[Claimant | None, str]:
    """The sentence's claimant narrowed to the figure's clause: "according to" covers its
    own clause, a speech verb the clauses under it ("Strike kills 13 as Moscow claims a
    village": Moscow does not claim the 13)."""
    who, who_rule = claimant, claimant_rule
    start = cand.figure.start
    if claimant_rule == "claimant:according-to" and not according_covers(doc, start):
        # "X died, according to A, while Y fled, the UN says": Y is the UN's
        local, local_rule = clause_attribution(ctx, sentence, doc, start)
        if local is None and (local := speech_between(ctx, sentence, doc, start)) is not None:
            local_rule = "claimant:speech-between"
        if local is not None:
            who, who_rule = local, local_rule
    elif claimant_rule.startswith("claimant:subject-of"):
        local, local_rule = clause_attribution(ctx, sentence, doc, start)
        if local is not None and local.name != (who.name if who else None):
            who, who_rule = local, local_rule
        elif local is None and not speech_covers(ctx, sentence, doc, start):
            who, who_rule = None, ""
    return who, who_rule


def _claim(ctx: ArticleContext, sentence: Sentence, cand: Candidate, q: str, cat: str, subgroup: str | None,
           who: Claimant | None, rule: str) -> Claim:
    fig = cand.figure
    text = sentence.text
    start, end = sentence.start + fig.start, sentence.start + fig.end
    period = ctx.periods.get(sentence.index, _UNSET)
    if period is _UNSET:  # once per sentence: its figures share the period
        period = ctx.periods[sentence.index] = dates.resolve_period_start(text, ctx.article.published)
    return Claim(
        id=content_id(ctx.article.id, start, end, q, cat),
        doc=ctx.article.id, quantity=q, category=cat, subgroup=subgroup,
        value=fig.value, low=fig.low, high=fig.high, qualifier=fig.qualifier,
        source=who.name if who else None, source_kind=who.kind if who else "unknown",
        source_text=who.as_written if who else None,
        as_of=ctx.article.published, period_start=period.date if period else None,
        historical=historical(text, ctx.reference_year),
        unverified=bool(load_figure_terms().unverified.search(text)),
        sentence=text, start=start, end=end, sentence_start=sentence.start, rule=rule,
    )


_UNSET = object()


def _remember(ctx: ArticleContext, sentence: Sentence, doc, claims: list[Claim], inherited, adjacent: bool) -> None:
    ctx.previous = claims or ([] if not adjacent else [])
    ctx.previous_index = sentence.index
    ctx.previous_parsed = (sentence, doc, inherited)
    ctx.previous_open_quote = leaves_quote_open(sentence.text)


def finish_article(ctx: ArticleContext, claims: list[Claim]) -> list[Claim]:
    """The article-level rules, once every sentence is read: an attribution in the next
    sentence, the publisher of a primary report, then one figure once."""
    attributed_after(ctx, claims)
    unverified_after(ctx, claims)
    source_lines(ctx, claims)
    own_reporting(ctx, claims)
    publisher_officers(ctx, claims)
    publisher_fallback(ctx, claims)
    generic_side_named(ctx, claims)
    return one_figure_once(ctx, claims)


_OF_THEM = re.compile(r"^\s+of\s+(?:them|whom|those|these)\b", re.IGNORECASE)
# A list of figures after a dash or colon breaks the figure before it down ("52 bodies --
# 27 men, 16 women and nine children"; "390,000 displaced — 315,000 in December").
_LIST_BREAK = re.compile(r"\s(?:--|—|–)\s|:\s")


def _parent_claim(text: str, cand: Candidate, claims: list[Claim], breakdown: re.Pattern[str]) -> Claim | None:
    """The earlier figure of this sentence that ``cand`` breaks down, if any."""
    if claims and _OF_THEM.match(text[cand.figure.end:]):
        return claims[-1]  # "704 deaths, 110 of them civilians"
    if claims and _OF_THE_WHOLE.match(text) and claims[0].start - claims[0].sentence_start < cand.figure.start \
            and not _casualty_verb().search(re.split(r",|\band\b", text[cand.figure.end:], maxsplit=1)[0]):
        return claims[0]  # "Of the 136 people killed, 93 were men, 27 women and 16 children"
    for parent in reversed(claims):
        p_end = parent.end - parent.sentence_start
        if p_end <= cand.figure.start:
            between = text[p_end:cand.figure.start]
            marks = [m for m in list(breakdown.finditer(between)) + list(_LIST_BREAK.finditer(between))
                     if not _COPULA_BEFORE.search(between[:m.start()])]
            if not marks:
                continue
            # "killed 11, including four children, and wounded 60": a casualty verb after
            # the breakdown starts a new figure of its own
            tail = between[max(m.end() for m in marks):]
            # "... at some 70 dead, including the crews of two boats, and said 62 had been taken
            # prisoner": a speech verb after the breakdown starts a statement of its own too
            if not _casualty_verb().search(tail) and not _SAID_AFTER.search(tail):
                return parent
    return summed_list_parent(text, cand.figure.start, claims)  # "50 ... were killed, 32 men and 18 women"


# ", and said", "and added that": a new statement joined to the sentence.
_SAID_AFTER = re.compile(rf"\band\s+(?:also\s+)?{in_order('statement_joining_verbs')}\b", re.IGNORECASE)
# "Of the 136 people killed, ...": the sentence breaks down the figure it opens with.
_OF_THE_WHOLE = re.compile(r"^\W*Of\s+(?:the|these|those)\s+(?:[\w’'-]+\s+){0,3}?[\d][\d,.]*\s", re.IGNORECASE)
# "Three soldiers were among the dead, he said, and 27 were wounded": "among the dead" after
# a copula is the predicate of the figure before, not the opening of a breakdown.
_COPULA_BEFORE = re.compile(r"\b(?:was|were|is|are)\s+$", re.IGNORECASE)


@lru_cache(maxsize=1)
def _casualty_verb() -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(sorted(claim_words().sentence_casualty_verbs)) + r")\b", re.IGNORECASE)


# --- flags ----------------------------------------------------------------------------

_YEAR_REF = re.compile(r"\b(?:in|since|from|until|of|between|by|during)\s+(?:the\s+)?(?:\w+\s+)?((?:19|20)\d\d)\b|^((?:19|20)\d\d)\b"
                       r"|\b(?:in|during|of)\s+the\s+(?:early\s+|late\s+|mid-)?((?:19|20)\d0)s\b", re.IGNORECASE)
# A year this many years before publication makes a figure historical ("since 2011").
HISTORICAL_YEARS = 2


def historical(text: str, ref_year: int | None) -> bool:
    for m in _YEAR_REF.finditer(text):
        year = int(m.group(1) or m.group(2) or int(m.group(3)) + 9)  # "in the 2000s": up to 2009
        if ref_year is not None and year <= ref_year - HISTORICAL_YEARS:
            return True
    return False
