"""What the reconcile stage needs from an article's text, read at extraction and stored
with the article, so that stage reads rows and never text (issue 13, point 2):

- each claim's scope as written (``scope_text.read_scope``: columns ``claims.scope_*``);
- whether each event actor names a group or is a side word such as "rebels"
  (``events.actor1_named``, ``actor2_named``), for stories;
- the labels the article gives each actor (``labels.actor_labels``: table ``actor_labels``),
  for framing.

``read_article`` fills them on a fresh extraction. Articles stored before they were kept
are read again from their stored rows and text by the pipeline (``pipeline.read_stored``)
with the same functions, so old stores give the same results.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..sentences import Sentence
from ..records import Claim, Extraction, ScopeReading
from ..records.rows import ClaimRow
from .actors import GENERIC_CONFLICT, ActorLexicon
from .labels import actor_labels, framing_words
from .scope_text import read_scope


def claim_scope(claim: Claim | ClaimRow) -> ScopeReading:
    """The scope written in a claim's sentence (a fresh claim or a stored row)."""
    return read_scope(claim.sentence, claim.start - claim.sentence_start, claim.place, claim.source)


def names_group(actor: str | None, lexicon: ActorLexicon) -> bool | None:
    """True for an actor that names a group, False for a side word ("rebels", "troops"):
    a name the actor lexicon resolves to a generic entry. None when there is no actor."""
    if not actor:
        return None
    entry = lexicon.lookup(actor)
    return entry is None or entry.conflict != GENERIC_CONFLICT


def read_article(extraction: Extraction, lexicon: ActorLexicon,
                 sentences: Sequence[Sentence] | None = None) -> Extraction:
    """Fill the scope of each claim, the named flags of each event and the article's
    labels (module docstring); ``sentences``: the article's, when already split."""
    for claim in extraction.claims:
        claim.scope = claim_scope(claim)
    for event in extraction.events:
        event.actor1_named = names_group(event.actor1.name if event.actor1 else None, lexicon)
        event.actor2_named = names_group(event.actor2.name if event.actor2 else None, lexicon)
    article = extraction.article
    extraction.labels = actor_labels(article.id, article.text, lexicon, framing_words(lexicon), sentences)
    extraction.read_for_reconcile = True
    return extraction


__all__ = ["claim_scope", "names_group", "read_article"]
