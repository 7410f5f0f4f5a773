"""Whether the stored reconcile results are up to date (light: no compute module is imported).

``recon_state`` holds a fingerprint of the stage's format version, sitrep's version and the
rules data; a store whose fingerprint differs, or that holds articles not reconciled yet
(or records of removed ones), is stale (``stale_reason``); ``ensure_reconciled`` brings it
up to date, or raises ``ReconcileStale`` when the store cannot be written.
"""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING

from sitrep import __version__
from sitrep.lexicon.loader import lexicon_files, read_bytes
from sitrep.reconcile.scope import DEFAULT_WINDOW_DAYS  # the window contradictions are stored for
from sitrep.store import reconciled as recon
from sitrep.store.queries import records

if TYPE_CHECKING:
    from sitrep.reconcile.stage import Reconciled

# Bump when what the stage stores changes meaning (a new column, another rule in code):
# stores reconciled by another format are rebuilt from scratch on their next run or read.
RECONCILE_FORMAT = 1
# The stamp of an article row: a rewrite (new text, new metadata, extracted again) changes it.
STAMP = "a.content_hash || '|' || coalesce(CAST(a.ingested_at AS VARCHAR), '')"
_RULE_FILES = ("reconcile.json", "framing.json", "loaded_terms.json")


class ReconcileStale(Exception):
    """The stored reconcile results are out of date and the store cannot be written."""


def fingerprint() -> str:
    """The code format, version and rules data the stored results depend on."""
    digest = hashlib.sha256(f"{RECONCILE_FORMAT}|{__version__}|{DEFAULT_WINDOW_DAYS}".encode())
    for name in _RULE_FILES:
        digest.update(name.encode() + b"\0" + read_bytes(name))
    for path in lexicon_files("actors"):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:20]


_PENDING = f"""
SELECT (SELECT count(*) FROM articles a ANTI JOIN recon_docs r ON r.doc = a.id AND r.stamp = {STAMP}) AS new,
       (SELECT count(*) FROM recon_docs r ANTI JOIN articles a ON a.id = r.doc) AS removed
"""


def stale_reason(store) -> str | None:
    """Why the stored results are out of date, or None when they are up to date."""
    con = store.connection
    found = recon.state(con).get("fingerprint")
    if found is None:
        return "the cross-source results (series, contradictions, ...) have not been computed yet"
    if found != fingerprint():
        return "the cross-source results were computed by another version of sitrep or other rules"
    (pending,) = records(con, _PENDING, [], dict)
    new, removed = pending["new"], pending["removed"]
    if new or removed:
        bits = [f"{new:,} article{'s' * (new != 1)} not reconciled yet"] if new else []
        bits += [f"{removed:,} removed article{'s' * (removed != 1)} still counted"] if removed else []
        return "the cross-source results are out of date (" + ", ".join(bits) + ")"
    return None


def can_write(store) -> bool:
    """Whether the stage can store its results: a writable file, or a dataset folder's
    in-memory database (its results live as long as the connection)."""
    return not store.read_only or getattr(store, "is_dataset", False)


def ensure_reconciled(store) -> Reconciled | None:
    """Bring stale results up to date (None when they already were); ``ReconcileStale``
    when they are stale and the store is read-only."""
    reason = stale_reason(store)
    if reason is None:
        return None
    if not can_write(store):
        raise ReconcileStale(f"{reason}; run `sitrep reconcile --db {store.path}` (or `sitrep run`) to update them")
    from sitrep.reconcile.stage import reconcile

    return reconcile(store)


