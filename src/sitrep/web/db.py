"""How the web app reaches the DuckDB file without getting in the way of `sitrep run`.

DuckDB lets one process write a file and then no other process may open it, not even to
read. So the app holds the file only while it is being used: each request borrows a
read-only connection from a small pool, and the pool closes its connections once no request
has come for ``IDLE_CLOSE_S`` (opening costs ~30 ms, too much for every request, and a
page view is several requests in a row). An article added through the app is written
through a short-lived write connection, after the pool is emptied: a readers-writer lock
keeps reads and that write apart (DuckDB refuses a read-write and a read-only connection
to one file in the same process).

A server polled every second would never be idle that long; so whenever `sitrep run`
waits for the file (it leaves a marker beside it, see ``store.lock``), the app closes its
connections as soon as the requests in flight are done and answers 503 until the run has
the file: a long run never loses to a busy reader.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sitrep.store import Store, StoreError, StoreLockedError, StoreOutdated, open_db
from sitrep.store.lock import writer_waiting

# Shown (with HTTP 503) whenever another process holds the file for writing.
LOCKED_MESSAGE = "database is being written by `sitrep run`; try again when it finishes"
# Shown (with HTTP 503) while a run waits for this app to let go of the file.
WAITING_MESSAGE = "`sitrep run` is about to write the database; try again when it finishes"
# Seconds a client is told to wait before retrying a locked database (Retry-After);
# a batch of `sitrep run` commits every few seconds, a whole run takes longer.
RETRY_AFTER_S = 10
# Seconds without a request after which the app lets go of the file, so `sitrep run` can
# open it. Measured: a page and its follow-up requests come within ~0.3 s of each other.
IDLE_CLOSE_S = 1.0


class DatabaseBusy(Exception):
    """The file is held by another process; the message says what to do."""

    def __init__(self, detail: str = LOCKED_MESSAGE) -> None:
        super().__init__(detail)
        self.detail = detail


class DatabaseUnavailable(Exception):
    """The file is missing, not a database, or of an older schema."""


class DatabaseOutdated(DatabaseUnavailable):
    """The file is of an older schema: a write (the reconcile stage's) migrates it."""


class _ReadWriteLock:
    """Many readers or one writer; not re-entrant, not tied to a thread."""

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._readers = 0
        self._writing = False

    @contextmanager
    def read(self) -> Iterator[None]:
        with self._cond:
            self._cond.wait_for(lambda: not self._writing)
            self._readers += 1
        try:
            yield
        finally:
            with self._cond:
                self._readers -= 1
                self._cond.notify_all()

    @contextmanager
    def write(self) -> Iterator[None]:
        with self._cond:
            self._cond.wait_for(lambda: not self._writing and self._readers == 0)
            self._writing = True
        try:
            yield
        finally:
            with self._cond:
                self._writing = False
                self._cond.notify_all()


class Database:
    """The database file behind one app."""

    def __init__(self, path: str | Path, idle_close_s: float = IDLE_CLOSE_S) -> None:
        self.path = Path(path)
        self.idle_close_s = idle_close_s
        self._lock = _ReadWriteLock()
        self._pool_lock = threading.Lock()
        self._idle: list[Store] = []  # open read-only stores not in use
        self._version: tuple[int, ...] | None = None  # file version the pool was opened at
        self._last_used = 0.0
        self._reaper: threading.Timer | None = None

    def _open(self, read_only: bool) -> Store:
        try:
            return open_db(self.path, read_only=read_only)
        except StoreLockedError as exc:
            raise DatabaseBusy() from exc
        except StoreOutdated as exc:
            raise DatabaseOutdated(str(exc)) from exc
        except StoreError as exc:
            raise DatabaseUnavailable(str(exc)) from exc

    def _borrow(self) -> Store:
        if writer_waiting(self.path):
            self.release()
            raise DatabaseBusy(WAITING_MESSAGE)
        version = self.version()
        with self._pool_lock:
            if version != self._version:  # changed on disk while we were not holding it
                self._close_idle()
                self._version = version
            if self._idle:
                return self._idle.pop()
        return self._open(read_only=True)

    def _give_back(self, store: Store) -> None:
        if writer_waiting(self.path):  # a run waits: let go now, not after the idle delay
            store.close()
            return
        with self._pool_lock:
            self._idle.append(store)
            self._last_used = time.monotonic()
            if self._reaper is None:
                self._schedule(self.idle_close_s)

    def _schedule(self, delay: float) -> None:
        self._reaper = threading.Timer(delay, self._reap)
        self._reaper.daemon = True
        self._reaper.start()

    def _reap(self) -> None:
        with self._pool_lock:
            idle_for = time.monotonic() - self._last_used
            if idle_for >= self.idle_close_s:
                self._close_idle()
                self._reaper = None
            else:
                self._schedule(self.idle_close_s - idle_for)

    def _close_idle(self) -> None:
        while self._idle:
            self._idle.pop().close()

    def release(self) -> None:
        """Close the connections not in use now (at shutdown, or before writing)."""
        with self._pool_lock:
            self._close_idle()
            if self._reaper is not None:
                self._reaper.cancel()  # a live timer thread at exit makes DuckDB report leaks
                self._reaper = None

    @contextmanager
    def read(self) -> Iterator[Store]:
        """A read-only store for one request."""
        with self._lock.read():
            store = self._borrow()
            try:
                yield store
            finally:
                self._give_back(store)

    @contextmanager
    def write(self) -> Iterator[Store]:
        """A short-lived write connection (migrates and creates the file if needed)."""
        if writer_waiting(self.path):
            raise DatabaseBusy(WAITING_MESSAGE)
        with self._lock.write():
            self.release()  # no read-only connection of ours may stay open beside it
            store = self._open(read_only=False)
            try:
                yield store
            finally:
                store.close()

    def version(self) -> tuple[int, int, int, int]:
        """Changes whenever the file (or its write-ahead log) changes: a cache key. For a
        Parquet dataset folder (``--db DIR``), whenever a shard lands: its articles file is
        the last one a shard writes (``store.parquet``)."""
        parts: list[int] = []
        beside = self.path / "articles" if self.path.is_dir() else self.path.with_name(self.path.name + ".wal")
        for p in (self.path, beside):
            try:
                st = p.stat()
                parts += [st.st_mtime_ns, st.st_size]
            except FileNotFoundError:
                parts += [0, 0]
        return (parts[0], parts[1], parts[2], parts[3])
