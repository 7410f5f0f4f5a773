"""Which file each stored article was read from, byte for byte: a re-run of the same files
skips a file whose bytes hash as recorded, without decoding or cleaning it.

A row says: the file at ``path``, whose bytes hashed to ``raw_hash`` when read by the
ingest code ``reader`` (a fingerprint of that code: cleaning changed by an upgrade reads
every file again), gave the article ``doc`` with the text hash ``content_hash``. It counts
only while that article is stored with that text (``known_files`` joins them), so an
article replaced or deleted since is read again. Rows are written after the article's
own transaction: a run killed in between leaves no row, and the file is read again.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from sitrep.store.queries import records

if TYPE_CHECKING:
    from sitrep.store.db import Store

# The migration that creates the table (registered in ``store.migrations``).
CREATE_TABLE = """
CREATE TABLE input_files (
    path VARCHAR PRIMARY KEY,
    raw_hash VARCHAR NOT NULL,
    reader VARCHAR NOT NULL,
    doc VARCHAR NOT NULL,
    content_hash VARCHAR NOT NULL
)
"""


@dataclass(frozen=True, slots=True)
class KnownFile:
    """A recorded file and what its stored article needs for a run's summary."""

    raw_hash: str
    reader: str
    id: str
    content_hash: str
    published: date | None
    date_rule: str | None
    outlet: str | None


@dataclass(frozen=True, slots=True)
class FileRead:
    """A file a run read and what it gave: recorded once the article is stored."""

    path: str
    raw_hash: str
    reader: str
    doc: str
    content_hash: str


def known_files(store: Store) -> dict[str, KnownFile]:
    """Path -> the recorded file, for files whose article is stored with the recorded text."""
    found = records(store.connection,
                    "SELECT f.path, f.raw_hash, f.reader, a.id, a.content_hash, a.published, a.date_rule, a.outlet "
                    "FROM input_files f JOIN articles a ON a.id = f.doc AND a.content_hash = f.content_hash", [],
                    lambda row: (row.pop("path"), KnownFile(**row)))
    return dict(found)


def record_files(store: Store, reads: Sequence[FileRead]) -> None:
    """Record (or replace) the files read, in one statement."""
    if not reads:
        return
    latest = {r.path: r for r in reads}  # one row per path, as the table keeps
    columns = list(zip(*((r.path, r.raw_hash, r.reader, r.doc, r.content_hash) for r in latest.values())))
    store.connection.execute(
        "INSERT OR REPLACE INTO input_files "
        "SELECT unnest(CAST(? AS VARCHAR[])), unnest(CAST(? AS VARCHAR[])), unnest(CAST(? AS VARCHAR[])), "
        "unnest(CAST(? AS VARCHAR[])), unnest(CAST(? AS VARCHAR[]))", [list(c) for c in columns])


def forget_docs(store: Store, docs: Iterable[str]) -> None:
    """Drop the rows of these articles: written by a run whose options the file alone would
    not give again (``--outlet``, ``--date``, ``--index``, ``--reprocess``)."""
    wanted = list(docs)
    if wanted:
        store.connection.execute("DELETE FROM input_files WHERE list_contains(?, doc)", [wanted])
