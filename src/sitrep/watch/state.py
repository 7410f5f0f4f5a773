"""The watch's state in the store (tables ``watch_*``, migration 5): sources and when they
were polled, HTTP validators, watched pages and their versions, failure counters, the
articles the alert rules have seen, alerts and their delivery per channel.

Every change that belongs together is one transaction, so a watch killed at any point
(kill -9 included) finds a consistent state when it starts again.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from sitrep.store import Store
from sitrep.store.queries import column, dicts, first, records, rows_as, scalar
from sitrep.watch.alert_rows import ALERT_COLUMNS, alert_from_row, evidence_json
from sitrep.watch.alerts import Alert
from sitrep.watch.config import Source

# Attempts of one delivery (one alert to one channel) before it is given up; one per pass,
# so a webhook down for a few passes still gets every alert when it is back.
MAX_DELIVERY_ATTEMPTS = 10
# watch_state key: set once the first pass has set the alerts' baseline.
BASELINE_KEY = "alerts_baseline_set"


def utcnow() -> datetime:
    """Now, in UTC without a zone (the store's TIMESTAMP columns hold UTC)."""
    return datetime.now(timezone.utc).replace(tzinfo=None)


@dataclass(slots=True)
class PageState:
    url: str
    source: str | None
    marker: str | None
    doc: str | None  # the latest stored version; None while nothing was stored
    version: int
    content_hash: str | None
    status: str | None


class WatchState:
    """Reads and writes of the ``watch_*`` tables through an open Store."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.con = store.connection

    @contextmanager
    def transaction(self) -> Iterator[None]:
        self.con.execute("BEGIN TRANSACTION")
        try:
            yield
            self.con.execute("COMMIT")
        except BaseException:
            self.con.execute("ROLLBACK")
            raise

    # -- sources ----------------------------------------------------------------------

    def sync_sources(self, sources: Iterable[Source]) -> None:
        """Make sure every configured source has a row (a new one is due at once)."""
        with self.transaction():
            for s in sources:
                self.con.execute(
                    "INSERT INTO watch_sources (id, kind, url, outlet) VALUES (?, ?, ?, ?) "
                    "ON CONFLICT (id) DO UPDATE SET outlet = excluded.outlet",
                    [s.id, s.kind, s.url or " ".join(s.urls), s.outlet])

    def next_polls(self, sources: Iterable[Source]) -> dict[str, datetime | None]:
        ids = [s.id for s in sources]
        found = {r["id"]: r["next_poll"] for r in dicts(
            self.con, "SELECT id, next_poll FROM watch_sources WHERE list_contains(?, id)", [ids])}
        return {i: found.get(i) for i in ids}

    def source_polled(self, source: Source, status: str, *, failures: int, articles: int,
                      at: datetime | None = None) -> None:
        at = at or utcnow()
        self.con.execute(
            "UPDATE watch_sources SET last_poll = ?, next_poll = ?, last_status = ?, polls = polls + 1, "
            "failures = failures + ?, articles = articles + ? WHERE id = ?",
            [at, at + timedelta(seconds=source.interval_s), status[:500], failures, articles, source.id])

    # -- HTTP validators -------------------------------------------------------------------

    def validators(self, url: str) -> tuple[str | None, str | None]:
        row = first(self.con, "SELECT etag, last_modified FROM watch_http WHERE url = ?", [url])
        return (row["etag"], row["last_modified"]) if row else (None, None)

    def validators_of(self, urls: Iterable[str]) -> dict[str, tuple[str | None, str | None]]:
        rows = dicts(self.con, "SELECT url, etag, last_modified FROM watch_http WHERE list_contains(?, url)",
                     [list(urls)])
        return {r["url"]: (r["etag"], r["last_modified"]) for r in rows}

    def set_validators(self, url: str, etag: str | None, last_modified: str | None) -> None:
        self.con.execute(
            "INSERT INTO watch_http (url, etag, last_modified, checked_at) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified, "
            "checked_at = excluded.checked_at", [url, etag, last_modified, utcnow()])

    # -- pages ---------------------------------------------------------------------------

    def pages(self, urls: Iterable[str]) -> dict[str, PageState]:
        pages = rows_as(self.con, "SELECT url, source, marker, doc, version, content_hash, status FROM watch_pages "
                        "WHERE list_contains(?, url)", [list(urls)], PageState)
        return {page.url: page for page in pages}

    def page_checked(self, url: str, source: str, marker: str | None, status: str, *,
                     etag: str | None = None, last_modified: str | None = None,
                     validators: bool = False, content_hash: str | None = None) -> None:
        """A page looked at with nothing stored: unchanged, a 304, a duplicate (its text's
        ``content_hash``), or a failure."""
        now = utcnow()
        with self.transaction():
            self.con.execute(
                "INSERT INTO watch_pages (url, source, marker, content_hash, status, first_seen, last_checked) "
                "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (url) DO UPDATE SET marker = excluded.marker, "
                "content_hash = coalesce(excluded.content_hash, watch_pages.content_hash), "
                "status = excluded.status, last_checked = excluded.last_checked",
                [url, source, marker, content_hash, status[:500], now, now])
            if validators:
                self.set_validators(url, etag, last_modified)

    def source_pages(self, source: str) -> list[PageState]:
        return rows_as(self.con, "SELECT url, source, marker, doc, version, content_hash, status FROM watch_pages "
                       "WHERE source = ? ORDER BY url", [source], PageState)

    def page_stored(self, url: str, source: str, marker: str | None, *, doc: str, version: int,
                    previous: str | None, content_hash: str, etag: str | None,
                    last_modified: str | None) -> None:
        """A page whose (new) text was stored as article ``doc``: version ``version`` of
        the page, linked to ``previous``."""
        now = utcnow()
        with self.transaction():
            self.con.execute(
                "INSERT INTO watch_versions (doc, url, version, previous, stored_at) VALUES (?, ?, ?, ?, ?) "
                "ON CONFLICT (doc) DO NOTHING", [doc, url, version, previous, now])
            self.con.execute(
                "INSERT INTO watch_pages (url, source, marker, doc, version, content_hash, status, first_seen, "
                "last_checked, last_changed) VALUES (?, ?, ?, ?, ?, ?, 'stored', ?, ?, ?) "
                "ON CONFLICT (url) DO UPDATE SET marker = excluded.marker, doc = excluded.doc, "
                "version = excluded.version, content_hash = excluded.content_hash, status = 'stored', "
                "last_checked = excluded.last_checked, last_changed = excluded.last_changed",
                [url, source, marker, doc, version, content_hash, now, now, now])
            self.set_validators(url, etag, last_modified)

    def doc_with_hash(self, content_hash: str) -> str | None:
        """A stored article with this exact text, if any (the same article at another URL,
        or a page that went back to an earlier version)."""
        return scalar(self.con, "SELECT id FROM articles WHERE content_hash = ? ORDER BY id LIMIT 1", [content_hash])

    def stored_hash(self, doc: str) -> str | None:
        """The content hash of the stored article ``doc``, if there is one."""
        return scalar(self.con, "SELECT content_hash FROM articles WHERE id = ?", [doc])

    def versions(self, url: str) -> list[tuple[str, int, str | None]]:
        """(doc, version, previous doc) of every stored version of a page, oldest first."""
        return [(r["doc"], r["version"], r["previous"]) for r in dicts(
            self.con, "SELECT doc, version, previous FROM watch_versions WHERE url = ? ORDER BY version", [url])]

    # -- counters ---------------------------------------------------------------------------

    def count(self, source: str, counts: dict[str, int]) -> None:
        for name, n in counts.items():
            if n:
                self.con.execute(
                    "INSERT INTO watch_counters (source, name, n) VALUES (?, ?, ?) "
                    "ON CONFLICT (source, name) DO UPDATE SET n = watch_counters.n + excluded.n",
                    [source, name, n])

    def counters(self) -> dict[tuple[str, str], int]:
        return {(r["source"], r["name"]): int(r["n"]) for r in dicts(
            self.con, "SELECT source, name, n FROM watch_counters ORDER BY source, name", [])}

    # -- alerts -------------------------------------------------------------------------------

    def flag(self, key: str) -> bool:
        return scalar(self.con, "SELECT 1 FROM watch_state WHERE key = ?", [key]) is not None

    def set_flag(self, key: str, value: str = "1") -> None:
        self.con.execute("INSERT INTO watch_state VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                         [key, value])

    def unseen_docs(self) -> set[str]:
        """Stored articles the alert rules have not looked at yet."""
        return set(column(self.con, "SELECT a.id FROM articles a ANTI JOIN watch_seen s ON s.doc = a.id"))

    def _mark_seen(self, docs: Iterable[str]) -> None:
        docs = sorted(set(docs))
        if docs:
            self.con.execute("INSERT INTO watch_seen SELECT unnest(?) ON CONFLICT DO NOTHING", [docs])

    def set_baseline(self, docs: Iterable[str]) -> None:
        """The first pass: what is stored now is what alerts are measured against."""
        with self.transaction():
            self._mark_seen(docs)
            self.set_flag(BASELINE_KEY)

    def record_alerts(self, alerts: list[Alert], docs: Iterable[str], channels: Iterable[str]) -> list[Alert]:
        """In one transaction: the alerts not recorded before, one pending delivery per
        channel each, and ``docs`` marked seen. Returns the alerts that were new."""
        channels = list(channels)
        now = utcnow()
        with self.transaction():
            known = set(column(self.con, "SELECT id FROM watch_alerts WHERE list_contains(?, id)",
                               [[a.id for a in alerts]]))
            fresh = [a for a in alerts if a.id not in known]
            for a in fresh:
                a.created_at = now
                self.con.execute(f"INSERT INTO watch_alerts ({ALERT_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                                 [a.id, a.rule, a.kind, a.subject, a.summary, a.before, a.after,
                                  evidence_json(a), now])
                for channel in channels:
                    self.con.execute("INSERT INTO watch_deliveries (alert, channel, status, updated_at) "
                                     "VALUES (?, ?, 'pending', ?)", [a.id, channel, now])
            self._mark_seen(docs)
        return fresh

    def pending(self, channels: Iterable[str]) -> list[tuple[Alert, str, int]]:
        """(alert, channel, attempts so far) of every delivery still to make, oldest first."""
        rows = records(self.con,
            f"SELECT d.channel, d.attempts, {', '.join('a.' + c.strip() for c in ALERT_COLUMNS.split(','))} "
            "FROM watch_deliveries d JOIN watch_alerts a ON a.id = d.alert "
            "WHERE d.status <> 'sent' AND d.attempts < ? AND list_contains(?, d.channel) "
            "ORDER BY a.created_at, a.id, d.channel", [MAX_DELIVERY_ATTEMPTS, list(channels)], dict)
        return [(alert_from_row(r), r["channel"], int(r["attempts"])) for r in rows]

    def delivered(self, alert: str, channel: str) -> None:
        self.con.execute("UPDATE watch_deliveries SET status = 'sent', attempts = attempts + 1, last_error = NULL, "
                         "updated_at = ? WHERE alert = ? AND channel = ?", [utcnow(), alert, channel])

    def delivery_failed(self, alert: str, channel: str, error: str) -> None:
        self.con.execute("UPDATE watch_deliveries SET status = 'failed', attempts = attempts + 1, last_error = ?, "
                         "updated_at = ? WHERE alert = ? AND channel = ?", [error[:500], utcnow(), alert, channel])
