"""Why a database cannot be used as asked."""

from __future__ import annotations


class StoreError(Exception):
    """The database cannot be used as asked."""


class StoreOutdated(StoreError):
    """A read-only open of a database of an older schema: open it once for writing to migrate."""


class StoreLockedError(StoreError):
    """Another process holds the database file: ``holder`` says which when DuckDB names it,
    ``holder_reads`` whether it only reads (and will let go)."""

    def __init__(self, message: str, holder: str | None = None, holder_reads: bool = False) -> None:
        super().__init__(message)
        self.holder = holder
        self.holder_reads = holder_reads
