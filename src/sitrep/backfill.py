"""Old stores read again: what the reconcile stage needs from the text, for articles stored
before extraction kept it, filled before that stage runs.

Since schema migration 8, extraction reads from each article's text what the reconcile stage
needs (``extract.readings``: claim scopes, whether event actors name a group, actor labels)
and the store keeps it with the article, so that stage reads rows, never text. Articles
stored before (``articles.read_for_reconcile`` NULL) are read here from their stored rows
and text with the same functions, so an old store gives the same series, contradictions,
stories and framing as one extracted today. Every caller of the reconcile stage goes
through ``reconcile_store`` or ``ensure_reconciled`` here; after the first call on a store
there is nothing left to read and they cost one query.

A Parquet dataset folder read in place (``--db DIR``) cannot be written: one written by an
older sitrep is read as it is; ``sitrep load DIR`` merges it into a database, where its
articles are read again.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .extract.actors import load_actors
from .extract.labels import actor_labels, framing_words
from .extract.readings import claim_scope, names_group
from .sentences import split_sentences

if TYPE_CHECKING:
    from .reconcile import Reconciled

# Articles read per transaction: memory stays flat however old and large the store.
READ_BATCH = 500


def read_stored(store, batch: int = READ_BATCH) -> int:
    """Read what the reconcile stage needs for every stored article that lacks it; returns
    how many articles were read (0 when none, or when the store cannot be written)."""
    if store.read_only or getattr(store, "is_dataset", False):
        return 0
    docs = store.unread_articles()
    if not docs:
        return 0
    lexicon = load_actors()
    words = framing_words(lexicon)
    for at in range(0, len(docs), batch):
        chunk = docs[at:at + batch]
        scopes = [(c.id, claim_scope(c)) for c in store.claims_of(chunk)]
        named = [(e.id, names_group(e.actor1, lexicon), names_group(e.actor2, lexicon))
                 for e in store.events_of(chunk)]
        labels = [label for doc, text in store.iter_texts(chunk)
                  for label in actor_labels(doc, text, lexicon, words, split_sentences(text))]
        store.write_readings(chunk, scopes, named, labels)
    return len(docs)


def reconcile_store(store, *, full: bool = False) -> Reconciled:
    """The reconcile stage (``reconcile.reconcile``), old articles read first."""
    from .reconcile import reconcile

    read_stored(store)
    return reconcile(store, full=full)


def ensure_reconciled(store) -> Reconciled | None:
    """``reconcile.ensure_reconciled``, old articles read first when the results are stale."""
    from .reconcile import ensure_reconciled as ensure, stale_reason

    if stale_reason(store) is not None:
        read_stored(store)
    return ensure(store)


__all__ = ["READ_BATCH", "ensure_reconciled", "read_stored", "reconcile_store"]
