"""Full-text search over article texts: an SQLite FTS5 index beside the DuckDB file.

Why not DuckDB's own ``fts`` extension: it ships on the package registry only for DuckDB
1.2-1.5 (``duckdb-ext-fts``, ``duckdb-extension-fts``), not for the DuckDB this project
installs (2.0), and nothing may be fetched at run time; and its index is built in one go
over a table ("does not update automatically when the input table changes"), where
Sitrep's must grow as articles arrive. SQLite's FTS5, in the Python standard library,
is incremental, ranks with BM25 and answers a phrase from its posting lists.

The index lives in ``<database>.search`` (in memory for an in-memory database): per article
its id, title, outlet, date and URL, its text compressed (for the snippet around a match,
and to remove its postings when it changes: the FTS5 table itself is contentless), and the
postings of its words. A page of results is answered from this file alone; DuckDB finds
50 articles by id no faster than by scanning every id (~10 ms at 100,000 articles). It is
derived data:

- a writable ``Store`` adds the articles of each write after the DuckDB commit (and
  removes what an article replaced);
- whoever opens it compares a fingerprint of the ``articles`` table (count and XOR of the
  hashes of id, content hash and the metadata shown) with the one recorded with the index,
  and catches up on a mismatch by comparing the two lists of articles: a database written
  by an older Sitrep, by a run that died, or by SQL outside ``Store`` is indexed on first
  use.

Query semantics: the words of ``q`` (letters and digits; punctuation and case ignored,
accents folded) as a phrase, whole words only ("Hama" does not find "Hamas"). Results are
ranked by BM25; when more than ``RANKED_MATCHES`` articles match (a word in most of the
corpus), the most recently stored ``RANKED_MATCHES`` come first, ranked, then the others,
newest first. Totals are exact up to ``COUNT_LIMIT`` (10,000) matches.
"""

from __future__ import annotations

import re
import sqlite3
import threading
import zlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sitrep.store.queries import first, records, scalar

if TYPE_CHECKING:  # the store passes itself (``store.indexing``); ``store.db`` imports this module
    from sitrep.store.db import Store

# Matches ranked by BM25 at most: ranking costs ~3-4 us per match in FTS5 (measured on the
# benchmark corpus: 300 ms for a word in 97,000 of 100,000 articles, 10 ms for one in
# 2,700), where counting them costs 0.3-14 ms. Past this, the most recently stored
# matches are ranked.
RANKED_MATCHES = 2_000
# Matches counted at most (the total of a page): counting a phrase of common words checks
# the positions of every article holding them (measured: 40 ms for one in 85,000 of
# 100,000 articles). Past this the total says COUNT_LIMIT and pages stop there, as
# Elasticsearch counts hits exactly up to 10,000 by default.
COUNT_LIMIT = 10_000
# Articles indexed per SQLite transaction when catching up (texts streamed from DuckDB).
CATCH_UP_BATCH = 500
# zlib level of the stored texts: 3 is ~4x faster than the default 6, 5 % larger.
PACK_LEVEL = 3
# Longest wait for another process's write to the index (it holds it for one batch).
BUSY_TIMEOUT_S = 30.0
SUFFIX = ".search"
# The fingerprint of DuckDB's articles; parts of it combine by adding counts, XOR-ing hashes.
ROW_HASH = ("hash(id, content_hash, coalesce(outlet, ''), coalesce(CAST(published AS VARCHAR), ''), "
            "coalesce(title, ''), coalesce(url, ''))")
FINGERPRINT_SQL = f"SELECT count(*) AS n, coalesce(bit_xor({ROW_HASH}), 0) AS xor FROM articles"
PART_SQL = FINGERPRINT_SQL + " WHERE list_contains(?, id)"
_ARTICLES_SQL = ("SELECT id, content_hash AS hash, title, outlet, CAST(published AS VARCHAR) AS published, url "
                 "FROM articles")
# What the index keeps of an article, to tell a stored one that changed (``catch_up``).
_META = ("hash", "title", "outlet", "published", "url")
# What a damaged, replaced or locked index file raises while it is read: search then scans.
INDEX_ERRORS = (sqlite3.Error, zlib.error, UnicodeDecodeError)
# Word characters for FTS5's unicode61 tokenizer: letters, digits (not "_").
_TOKEN = re.compile(r"[^\W_]+")
_SCHEMA = """
CREATE TABLE IF NOT EXISTS docs (
    rowid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, hash TEXT NOT NULL, title TEXT,
    outlet TEXT, published TEXT, url TEXT, folded_outlet TEXT);
CREATE TABLE IF NOT EXISTS texts (rowid INTEGER PRIMARY KEY, packed BLOB NOT NULL);
CREATE VIRTUAL TABLE IF NOT EXISTS words USING fts5(
    text, content='', tokenize='unicode61 remove_diacritics 2');
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
INSERT OR IGNORE INTO meta VALUES ('fingerprint', '0:0');
"""
# (A new index is level with an empty articles table, whose fingerprint is '0:0'.)


def tokens(q: str | None) -> list[str]:
    """The words of a query as the index splits them (empty when it has none)."""
    return _TOKEN.findall(q or "")


def phrase_regex(words: Sequence[str]) -> str:
    """An RE2 pattern (DuckDB's ``regexp_matches``, with the 'i' option) finding the words
    as the index matches them: whole words, in order, anything but letters and digits
    between them (for a scan of the texts where there is no index; accents not folded)."""
    inner = r"[^\pL\pN]+".join(re.escape(w) for w in words)
    return rf"(?:^|[^\pL\pN])(?:{inner})(?:$|[^\pL\pN])"


def phrase_pattern(words: Sequence[str]) -> re.Pattern[str]:
    """A regex finding the phrase in a text as the index matched it (for the snippet)."""
    inner = r"[\W_]+".join(re.escape(w) for w in words)
    return re.compile(rf"\b{inner}\b", re.IGNORECASE)


def sidecar_path(db_path: str) -> str:
    return ":memory:" if db_path == ":memory:" else db_path + SUFFIX


def fingerprint(con: Any) -> str:
    row = first(con, FINGERPRINT_SQL)
    return f"{row['n']}:{row['xor']}"


def part(con: Any, ids: Sequence[str]) -> tuple[int, int]:
    """(count, XOR of row hashes) of the given articles as stored now."""
    row = first(con, PART_SQL, [list(ids)])
    return int(row["n"]), int(row["xor"])


@dataclass(slots=True)
class IndexRow:
    """An article as the index keeps it."""

    id: str
    hash: str
    title: str | None
    outlet: str | None
    published: date | str | None
    url: str | None
    text: str


@dataclass(slots=True)
class Found:
    """A matching article: what a result shows, and its text."""

    id: str
    title: str | None
    outlet: str | None
    published: date | None
    url: str | None
    text: str


class SearchIndex:
    """The FTS5 index of one DuckDB database. Thread-safe (one lock around the connection)."""

    def __init__(self, db_path: str) -> None:
        self.path = sidecar_path(db_path)
        self._con = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_S, check_same_thread=False,
                                    isolation_level=None)
        self._lock = threading.RLock()
        try:
            if self.path != ":memory:":
                self._con.execute("PRAGMA journal_mode=WAL")
            self._con.executescript(_SCHEMA)
        except sqlite3.Error:
            self._con.close()
            raise

    def close(self) -> None:
        with self._lock:
            self._con.close()

    # -- bookkeeping ------------------------------------------------------------

    def _meta(self, key: str) -> str | None:
        return scalar(self._con, "SELECT value FROM meta WHERE key = ?", [key])

    def recorded_fingerprint(self) -> str | None:
        with self._lock:
            return self._meta("fingerprint")

    def mark(self, value: str | None) -> None:
        """Record the fingerprint the index matches (None: being written, check next time)."""
        with self._lock:
            self._con.execute("INSERT OR REPLACE INTO meta VALUES ('fingerprint', ?)", [value])

    def in_sync(self, store: Store) -> bool:
        return self.recorded_fingerprint() == fingerprint(store.connection)

    def __len__(self) -> int:
        with self._lock:
            return int(scalar(self._con, "SELECT count(*) FROM docs"))

    # -- writes ---------------------------------------------------------------------

    def add(self, rows: Iterable[IndexRow]) -> int:
        """Index articles; one already indexed under the same id is replaced. One transaction."""
        with self._lock:
            self._con.execute("BEGIN IMMEDIATE")
            try:
                n = 0
                for row in rows:
                    self._remove(row.id)
                    self._insert(row)
                    n += 1
                self._con.execute("COMMIT")
            except BaseException:
                self._con.execute("ROLLBACK")
                raise
            return n

    def _insert(self, row: IndexRow) -> None:
        published = row.published.isoformat() if isinstance(row.published, date) else row.published
        packed = zlib.compress(row.text.encode("utf-8"), PACK_LEVEL)
        cur = self._con.execute(
            "INSERT INTO docs (id, hash, title, outlet, published, url, folded_outlet) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            [row.id, row.hash, row.title, row.outlet, published, row.url, _fold(row.outlet)])
        self._con.execute("INSERT INTO texts (rowid, packed) VALUES (?, ?)", [cur.lastrowid, packed])
        self._con.execute("INSERT INTO words (rowid, text) VALUES (?, ?)", [cur.lastrowid, row.text])

    def _remove(self, doc: str) -> bool:
        """Remove an article and its postings (a contentless FTS5 table is told the text
        it indexed, kept compressed in ``docs``)."""
        found = first(self._con, "SELECT d.rowid AS rowid, t.packed AS packed FROM docs d "
                                 "JOIN texts t ON t.rowid = d.rowid WHERE d.id = ?", [doc])
        if found is None:
            return False
        rowid, packed = found["rowid"], found["packed"]
        self._con.execute("INSERT INTO words (words, rowid, text) VALUES ('delete', ?, ?)",
                          [rowid, _unpack(packed)])
        self._con.execute("DELETE FROM docs WHERE rowid = ?", [rowid])
        self._con.execute("DELETE FROM texts WHERE rowid = ?", [rowid])
        return True

    def catch_up(self, store: Store, give_way: Callable[[], bool] | None = None) -> int | None:
        """Bring the index level with the database; returns the articles (re)indexed, or
        None when ``give_way`` said to stop between two batches (another process waits to
        write the database): what was indexed stays, the rest is caught up next time."""
        with self._lock:
            target = fingerprint(store.connection)
            if self._meta("fingerprint") == target:
                return 0  # another connection caught up meanwhile
            stored = {row["id"]: [row[k] for k in _META]
                      for row in records(store.connection, _ARTICLES_SQL, [], dict)}
            mine = {row["id"]: [row[k] for k in _META]
                    for row in records(self._con, "SELECT id, hash, title, outlet, published, url FROM docs", [], dict)}
            stale = [doc for doc, meta in mine.items() if stored.get(doc) != meta]
            todo = [doc for doc, meta in stored.items() if mine.get(doc) != meta]
            self._con.execute("BEGIN IMMEDIATE")
            try:
                for doc in stale:
                    self._remove(doc)
                self.mark(None)
                self._con.execute("COMMIT")
            except BaseException:
                self._con.execute("ROLLBACK")
                raise
            for start in range(0, len(todo), CATCH_UP_BATCH):
                if give_way is not None and give_way():
                    return None  # still marked as being written: the next reader goes on
                chunk = todo[start:start + CATCH_UP_BATCH]
                self.add(IndexRow(doc, *stored[doc], text or "") for doc, text in store.iter_texts(chunk))
            if len(todo) > CATCH_UP_BATCH:  # a bulk load: merge the index's segments
                self._con.execute("INSERT INTO words (words) VALUES ('optimize')")
            self.mark(target)
            return len(todo)

    # -- reads ----------------------------------------------------------------------

    def search(self, words: Sequence[str], *, outlet: str | None = None,
               since: date | None = None, until: date | None = None,
               limit: int = 50, offset: int = 0) -> tuple[list[Found], int]:
        """(one page of matching articles, best first; how many match, up to COUNT_LIMIT)."""
        match = '"' + " ".join(w.replace('"', "") for w in words) + '"'
        where, params = ["words MATCH ?"], [match]
        if outlet and outlet.strip():
            where.append("instr(d.folded_outlet, ?) > 0")
            params.append(_fold(outlet.strip()))
        if since is not None:
            where.append("d.published >= ?")
            params.append(since.isoformat())
        if until is not None:
            where.append("d.published <= ?")
            params.append(until.isoformat())
        body = " AND ".join(where)
        joined = "JOIN docs d ON d.rowid = words.rowid" if len(where) > 1 else ""
        # The page's rowids first (ranking reads postings only), then their rows and texts.
        newest = f"FROM words {joined} WHERE {body} ORDER BY words.rowid DESC"
        rowids: list[int] = []
        with self._lock:
            if offset < RANKED_MATCHES:  # the newest RANKED_MATCHES matches, best first
                rowids += [r for (r,) in self._con.execute(f"""
                    SELECT rowid FROM (SELECT words.rowid AS rowid, bm25(words) AS score
                                       {newest} LIMIT {RANKED_MATCHES})
                    ORDER BY score, rowid DESC LIMIT ? OFFSET ?""",
                    [*params, min(limit, RANKED_MATCHES - offset), offset])]
            if offset + limit > RANKED_MATCHES:  # then the older ones, newest first
                start = max(offset, RANKED_MATCHES)
                rowids += [r for (r,) in self._con.execute(
                    f"SELECT words.rowid {newest} LIMIT ? OFFSET ?",
                    [*params, offset + limit - start, start])]
            if offset == 0 and len(rowids) < limit:
                total = len(rowids)  # the first page holds every match: no count needed
            else:
                total = min(COUNT_LIMIT, scalar(
                    self._con, f"SELECT count(*) FROM (SELECT 1 FROM words {joined} WHERE {body} "
                    f"LIMIT {COUNT_LIMIT + 1})", params))
            marks = ",".join("?" * len(rowids))
            rows = {r["rowid"]: r for r in records(
                self._con, "SELECT d.rowid AS rowid, d.id, d.title, d.outlet, d.published, d.url, t.packed "
                f"FROM docs d JOIN texts t ON t.rowid = d.rowid WHERE d.rowid IN ({marks})",
                rowids, dict)} if rowids else {}
        found = [Found(id=r["id"], title=r["title"], outlet=r["outlet"],
                       published=date.fromisoformat(r["published"]) if r["published"] else None, url=r["url"],
                       text=_unpack(r["packed"])) for r in (rows[i] for i in rowids if i in rows)]
        return found, int(total)


def _fold(text: str | None) -> str | None:
    return text.casefold() if text is not None else None


def _unpack(packed: bytes) -> str:
    return zlib.decompress(packed).decode("utf-8")


def open_index(store: Store) -> SearchIndex | None:
    """The store's index, or None where it cannot be kept (no SQLite FTS5, a folder
    that cannot be written): search then scans the texts. A file that is no SQLite
    database, or a damaged one, is derived data: removed and built again (caught up)."""
    try:
        return SearchIndex(store.path)
    except sqlite3.OperationalError:  # cannot open or write the file, locked, no FTS5
        return None
    except sqlite3.DatabaseError:  # "file is not a database", "disk image is malformed"
        pass
    except OSError:
        return None
    if not remove(store.path):
        return None
    try:
        return SearchIndex(store.path)
    except (sqlite3.Error, OSError):
        return None


def remove(db_path: str) -> bool:
    """Remove the index of the database at ``db_path`` (and its journal files); False if
    it cannot be (a folder that cannot be written)."""
    path = sidecar_path(db_path)
    if path == ":memory:":
        return True
    try:
        for suffix in ("", "-wal", "-shm"):
            Path(path + suffix).unlink(missing_ok=True)
    except OSError:
        return False
    return True


__all__ = ["Found", "IndexRow", "SearchIndex", "fingerprint", "open_index", "phrase_pattern", "phrase_regex",
           "remove", "tokens"]
