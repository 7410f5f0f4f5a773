"""When an event happened: the date of its own clause, else of its sentence, else the
first explicit date of its paragraph or, near the publication day, of the article before
it ("On 5 May 2020, ... Additionally, ..."), else the publication day. ``date_rule`` says
which: explicit | weekday | relative (its own clause or sentence), paragraph, article,
publication or none."""

from __future__ import annotations

from datetime import timedelta

from ...nlp import Sentence
from .. import dates
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
    own = _blank(sentence.text, doc, keep={t.i for t in clause.subtree})
    found = dates.resolve_event_date(own, published)
    if found.rule not in ("publication", "none"):
        return found
    drop = set()
    for tok in doc:
        if tok.dep_ in ("relcl", "acl") and trigger.i not in {t.i for t in tok.subtree}:
            drop.update(t.i for t in tok.subtree)
    rest = _blank(sentence.text, doc, keep={t.i for t in doc if t.i not in drop})
    found = dates.resolve_event_date(rest, published)
    if found.rule not in ("publication", "none"):
        return found
    return context_date(ctx, sentence) or found


def context_date(ctx: EventContext, sentence: Sentence) -> dates.DateResolution | None:
    """The first explicit date of the sentence's paragraph before it (rule ``paragraph``),
    else the article's first explicit date before it, when near publication (``article``)."""
    article = ctx.article
    if "explicit" not in ctx._dates:
        ctx._dates["explicit"] = dates.explicit_days(article.text, article.published)
    para_start = article.text.rfind("\n", 0, sentence.start) + 1
    before = [d for d in ctx._dates["explicit"] if (d.start or 0) < sentence.start]
    published = article.published
    if published is not None:
        before = [d for d in before if d.date is not None and d.date <= published + timedelta(days=1)]
    in_para = [d for d in before if (d.start or 0) >= para_start]
    if in_para:
        d = in_para[0]
        return dates.DateResolution(d.date, d.precision, "paragraph", d.text, None, None)
    if before:
        d = before[0]
        if published is None or (published - d.date).days <= ARTICLE_DATE_MAX_DAYS:
            return dates.DateResolution(d.date, d.precision, "article", d.text, None, None)
    return None


def _blank(text: str, doc, keep: set[int]) -> str:
    """``text`` with the tokens not in ``keep`` replaced by spaces (offsets unchanged)."""
    chars = list(text)
    for tok in doc:
        if tok.i not in keep:
            for k in range(tok.idx, min(tok.idx + len(tok.text), len(chars))):
                chars[k] = " "
    return "".join(chars)
