"""The store's full-text search index kept level with its articles (``store.search``): the
part of ``Store`` that opens it, adds each write to it, and catches it up when it is behind."""

from __future__ import annotations

import sqlite3
from typing import Any

import duckdb

from sitrep.store import lock
from sitrep.store import search as fts


class SearchIndexing:
    """The index state of a ``Store``: ``_search`` (the open index or None), ``_search_state``
    (None: not looked at yet; "ready": level with the database; "writing": this store adds
    its writes to it; "behind": left for a catch-up) and ``_search_level`` (while writing,
    the fingerprint the index matches). ``Store`` sets them and holds the connection."""

    _con: duckdb.DuckDBPyConnection
    _search: fts.SearchIndex | None
    _search_state: str | None
    _search_level: tuple[int, int]
    is_dataset: bool
    read_only: bool
    path: str

    def search_index(self) -> fts.SearchIndex | None:
        """The full-text index, level with the articles (caught up here if it is not);
        None where it cannot be kept, then search scans the texts: a Parquet dataset (a
        read-only folder of shards, perhaps a URL, with nowhere of its own for an index),
        a folder that cannot be written, an index that cannot be caught up."""
        if self.is_dataset:
            return None
        if self._search is None:
            self._search = fts.open_index(self)
            if self._search is None:
                return None
        if self._search_state not in ("ready", "writing"):
            # A long catch-up gives way to a run waiting for the file (as `sitrep serve`
            # lets go of it between requests): this search scans, the next one goes on.
            give_way = (lambda: lock.writer_waiting(self.path)) if self.read_only else None
            try:
                if not self._search.in_sync(self) and self._search.catch_up(self, give_way) is None:
                    return None
            except (*fts.INDEX_ERRORS, duckdb.Error):
                return None  # tried again by the next connection
            self._search_state = "ready"
        return self._search

    def drop_search_index(self) -> None:
        """Let go of an index that failed while read (a damaged or replaced file): the
        search that failed scans the texts; the next one opens it again (rebuilt if damaged,
        caught up if behind)."""
        index, self._search, self._search_state = self._search, None, "behind"
        if index is not None:
            try:
                index.close()
            except sqlite3.Error:
                pass

    def _start_indexing(self) -> None:
        """Before a write: add the writes to the index when it is level with the
        database (else they are left to the next reader's catch-up, which indexes
        everything missing at once, instead of slowing this write)."""
        if self._search_state in ("writing", "behind") or self.is_dataset:
            return
        try:
            if self._search is None:
                self._search = fts.open_index(self)
            level = fts.fingerprint(self._con)
            if self._search is not None and self._search.recorded_fingerprint() == level:
                self._search.mark(None)  # being written: a crash mid-run is caught up later
                self._search_state = "writing"
                count, xor = level.split(":")
                self._search_level = (int(count), int(xor))
            else:
                self._search_state = "behind"
        except (sqlite3.Error, duckdb.Error):  # the index never stops a write
            self._search_state = "behind"

    def _index(self, articles: list[dict[str, Any]], old: tuple[int, int], new: tuple[int, int]) -> None:
        """Add the articles just committed to the index. Whatever goes wrong here costs the
        index only (it stays marked as being written: the next reader catches up), never the
        write, which has landed: a failure here must not send write_many to retry it."""
        if self._search_state != "writing" or self._search is None:
            return
        try:
            if articles:
                self._search.add(fts.IndexRow(a["id"], a["content_hash"], a["title"], a["outlet"],
                                              a["published"], a["url"], a["text"] or "") for a in articles)
        except BaseException as exc:
            self._search_state = "behind"
            if not isinstance(exc, Exception):
                raise  # Ctrl-C: stop, with the index left for a catch-up
            return
        # The fingerprint the index now matches (parts of it combine: counts add, hashes XOR).
        count, xor = self._search_level
        self._search_level = (count - old[0] + new[0], xor ^ old[1] ^ new[1])

    def _close_index(self) -> None:
        """Level the index again with what this store wrote, and close it."""
        try:
            if self._search is not None:
                if self._search_state == "writing":  # level again (with what it wrote)
                    self._search.mark("{}:{}".format(*self._search_level))
                self._search.close()
        except (sqlite3.Error, duckdb.Error):
            pass  # the index is derived data: the next reader catches up
        finally:
            self._search = None
