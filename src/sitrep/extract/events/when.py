"""When an event happened: the date of its own clause, else of its sentence."""

from __future__ import annotations

from ...nlp import Sentence
from .. import dates
from .context import EventContext


def event_date(ctx: EventContext, sentence: Sentence, doc, trigger) -> dates.DateResolution:
    """The date of the trigger's own clause; else of the sentence without the relative
    clauses that do not hold the trigger ("In Kursk, where Ukraine seized land in August,
    Moscow said it retook the village": not August)."""
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
    return dates.resolve_event_date(rest, published)


def _blank(text: str, doc, keep: set[int]) -> str:
    """``text`` with the tokens not in ``keep`` replaced by spaces (offsets unchanged)."""
    chars = list(text)
    for tok in doc:
        if tok.i not in keep:
            for k in range(tok.idx, min(tok.idx + len(tok.text), len(chars))):
                chars[k] = " "
    return "".join(chars)
