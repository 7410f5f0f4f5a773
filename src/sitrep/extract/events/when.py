"""When an event happened: the date of its own clause, else of its sentence, else the
first explicit date of its paragraph or, near the publication day, of the article before
it ("On 5 May 2020, ... Additionally, ..."), else the publication day. ``date_rule`` says
which: explicit | weekday | relative (its own clause or sentence), paragraph, article,
publication or none."""

from __future__ import annotations

from datetime import timedelta

from ...sentences import Sentence
from .. import dates
from ..spans import count_before
from .context import EventContext

# An article's first explicit date dates an undated event only when it lies this many days
# or fewer before publication (an older one is background: "the war began on 15 April
# 2023"); tuned on dev2's OCHA updates and wire copy, which report the last days or weeks.
ARTICLE_DATE_MAX_DAYS = 31


def event_date(ctx: EventContext, sentence: Sentence, doc, trigger) -> dates.DateResolution:
    """The date of the trigger's own clause; else of the sentence without the relative
    clauses that do not hold the trigger ("In Kursk, where Ukraine seized land in August,
    Moscow said it retook the village": not August); else ``context_date``."""
    published = ctx.article.published
    clause = trigger if trigger.dep_ not in ("compound", "amod") else trigger.head
    if clause.pos_ != "VERB":
        clause = clause.head if clause.head.pos_ == "VERB" else clause
    if not dates.has_event_date_phrase(sentence.text, published):  # most sentences: no clause to weigh
        return context_date(ctx, sentence) or dates.resolve_event_date_within(sentence.text, published, frozenset())
    found = dates.resolve_event_date_within(sentence.text, published, _chars(doc, {t.i for t in clause.subtree}))
    if found.rule not in ("publication", "none"):
        return found
    drop = set()
    for tok in doc:
        if tok.dep_ in ("relcl", "acl") and trigger.i not in {t.i for t in tok.subtree}:
            drop.update(t.i for t in tok.subtree)
    found = dates.resolve_event_date_within(sentence.text, published, _chars(doc, {t.i for t in doc if t.i not in drop}))
    if found.rule not in ("publication", "none"):
        return found
    return context_date(ctx, sentence) or found


def context_date(ctx: EventContext, sentence: Sentence) -> dates.DateResolution | None:
    """The first explicit date of the sentence's paragraph before it (rule ``paragraph``),
    else the article's first explicit date before it, when near publication (``article``).
    Each sentence's dates are read at most once per article, and the article is read from
    its start only as far as its first explicit date."""
    article = ctx.article
    published = article.published
    para_start = article.text.rfind("\n", 0, sentence.start) + 1
    memo = ctx._dates.setdefault("explicit", {})
    sents = ctx.sentences

    def first_of(k: int) -> dates.DateResolution | None:
        if k not in memo:
            memo[k] = next((d for d in dates.explicit_days(sents[k].text, published)
                            if published is None or d.date <= published + timedelta(days=1)), None)
        return memo[k]

    here = count_before(sents, sentence.start)
    para = count_before(sents, para_start)
    d = next((d for k in range(para, here) if (d := first_of(k)) is not None), None)
    if d is not None:
        return dates.DateResolution(d.date, d.precision, "paragraph", d.text, None, None)
    # the article's first explicit date: scanned once, up to where it is (or as far as asked)
    scanned, first = ctx._dates.get("first", (0, None))
    while first is None and scanned < here:
        first = first_of(scanned)
        scanned += first is None
    ctx._dates["first"] = (scanned, first)
    if first is not None and scanned < here and (
            published is None or (published - first.date).days <= ARTICLE_DATE_MAX_DAYS):
        return dates.DateResolution(first.date, first.precision, "article", first.text, None, None)
    return None


def _chars(doc, keep: set[int]) -> set[int]:
    """Character offsets of the tokens in ``keep``."""
    return {k for i in keep for tok in (doc[i],) for k in range(tok.idx, tok.idx + len(tok.text))}
