"""One pass of the watch, and the polling loop around it.

A pass: for each source due, fetch its listing (conditionally) and pick the pages to fetch
(new ones; known ones only when the listing's update stamp changed, or at every poll for
``recheck`` sources); fetch them a few at a time (``Fetcher`` keeps the per-host limits);
read each page as `sitrep run` reads an .html file and store it through the same pipeline
(``ingest.whole_articles.article_from_page``, ``pipeline.store_articles``; ``page_store``),
one article at a time:

- a page whose text is the one stored for it is left alone (``unchanged``);
- a text already stored under another article (the same story at another URL, a page back
  to an earlier text) is not stored again (``duplicate``);
- a page whose text changed is stored as a new article, version N+1 of the page
  (doc id ``<page id>-vN``), linked to the one before in ``watch_versions``.

Then the alert rules run over the record (``alerts.compute_alerts``), new alerts are
recorded and delivered, and the HTML report is rewritten when the config names one.

Every failure (DNS, timeout, 4xx/5xx, malformed feed, non-HTML, oversize, robots.txt, no
article text) is one line in the log (logger ``sitrep.watch``) and a counter (per pass in
``PassSummary.failures``, in all in ``watch_counters``); none stops the watch. The
database is opened only for short writes, so `sitrep serve` and `sitrep alerts` can read
it between them. A stopped watch (``stop`` set: Ctrl-C) finishes the article in hand and
leaves; the state in the store lets the next start go on where it was.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor, as_completed
from contextlib import contextmanager
from pathlib import Path

from sitrep.store import Store, StoreLockedError, open_db
from sitrep.watch.after_pass import deliver_pending, record_alerts, write_pass_report
from sitrep.watch.config import Source, WatchConfig
from sitrep.watch.deliver import Channel, channels
from sitrep.watch.fetch import ACCEPT_FEED, FetchError, Fetcher, Response
from sitrep.watch.sources import Item, Listing, ListingError, parse_feed, parse_sitemap, parse_url_list
from sitrep.watch.page_store import store_page
from sitrep.watch.passes import Job, PassSummary, SourcePoll
from sitrep.watch.alerts import plain
from sitrep.watch.state import WatchState, utcnow

log = logging.getLogger("sitrep.watch")

# Pages fetched at once across all hosts (each host still gets at most fetch.per_host).
FETCH_WORKERS = 8
# Seconds to wait for the database when another process holds it (`sitrep run` writing,
# `sitrep serve` reading: it lets go within a second of its last request).
DB_WAIT_S = 60.0
# Failures that will not pass by asking again soon: the page is not fetched again until
# its listing says it changed. Others (timeouts, 5xx, DNS) are retried at the next poll.
PERMANENT_FAILURES = frozenset({"http_4xx", "not_html", "no_text", "oversize", "robots", "bad_url",
                                "redirects", "http_status"})

class Watcher:
    """Polls the sources of one config into one database. ``write`` shows alerts in the
    terminal; ``transport`` replaces the network in tests (httpx transports)."""

    def __init__(self, config: WatchConfig, db_path: str | Path, *, stop: threading.Event | None = None,
                 write: Callable[[str], None] = print, transport=None, jobs: int = 1) -> None:
        self.config = config
        self.db_path = Path(db_path)
        self.stop = stop or threading.Event()
        self.fetcher = Fetcher(config.fetch, stop=self.stop, transport=transport)
        self.channels: list[Channel] = channels(config.deliver, write=write, user_agent=self.fetcher.user_agent)
        self.jobs = jobs

    def close(self) -> None:
        self.fetcher.close()

    def __enter__(self) -> Watcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def _db(self) -> Iterator[Store]:
        deadline = time.monotonic() + DB_WAIT_S
        while True:
            try:
                store = open_db(self.db_path)
                break
            except StoreLockedError:
                if time.monotonic() >= deadline or self.stop.wait(0.25):
                    raise
        try:
            yield store
        finally:
            store.close()

    # -- the loop -------------------------------------------------------------------------

    def due(self) -> list[Source]:
        with self._db() as store:
            state = WatchState(store)
            state.sync_sources(self.config.sources)
            polls = state.next_polls(self.config.sources)
        now = utcnow()
        return [s for s in self.config.sources if polls.get(s.id) is None or polls[s.id] <= now]

    def seconds_to_next(self) -> float:
        with self._db() as store:
            polls = WatchState(store).next_polls(self.config.sources)
        now = utcnow()
        waits = [(p - now).total_seconds() if p else 0.0 for p in polls.values()]
        return max(0.0, min(waits, default=self.config.interval_s))

    def run(self, *, once: bool = False, on_pass: Callable[[PassSummary], None] | None = None) -> list[PassSummary]:
        """Poll until ``stop`` is set (or one pass over every source with ``once``)."""
        done: list[PassSummary] = []
        while not self.stop.is_set():
            try:
                sources = list(self.config.sources) if once else self.due()
                if sources:
                    summary = self.run_pass(sources)
                    done.append(summary)
                    if on_pass:
                        on_pass(summary)
                if once:
                    break
                wait = self.seconds_to_next()
            except StoreLockedError as exc:
                log.warning("database: %s; trying again later", exc)
                if once:
                    raise
                wait = min(self.config.interval_s, DB_WAIT_S)
            except Exception as exc:  # noqa: BLE001 - a monitor outlives one bad pass
                if once or not done:  # a first pass that fails is a set-up problem: say so now
                    raise
                log.exception("pass failed (%s: %s); trying again at the next poll", type(exc).__name__, exc)
                wait = self.config.interval_s
            self.stop.wait(max(wait, 1.0))
        return done

    # -- a pass ----------------------------------------------------------------------------

    def run_pass(self, sources: list[Source]) -> PassSummary:
        started = time.perf_counter()
        summary = PassSummary()
        with self._db() as store:
            WatchState(store).sync_sources(self.config.sources)
        polls: dict[str, SourcePoll] = {}
        jobs: list[Job] = []
        for source in sources:
            if self.stop.is_set():
                break
            poll = polls[source.id] = SourcePoll(source)
            summary.sources += 1
            jobs.extend(self._poll(poll, summary))
            if not poll.pending:
                self._finish(poll)
        self._fetch_all(jobs, polls, summary)
        self._reconcile(summary)
        summary.stopped = self.stop.is_set()
        if not summary.stopped:
            for poll in polls.values():
                if not poll.finished:
                    self._finish(poll)
            self._alerts(summary)
            self._deliver(summary)
            self._report(summary)
        summary.seconds = time.perf_counter() - started
        return summary

    def _fail(self, kind: str, url: str, message: str, *, poll: SourcePoll, summary: PassSummary) -> None:
        """One failure: one log line and a counter."""
        log.warning("%s: %s: %s [%s]", kind, plain(url), plain(message), plain(poll.source.label))
        summary.failures[kind] += 1
        poll.failures[kind] += 1

    def _listing(self, poll: SourcePoll, url: str, summary: PassSummary) -> Response | None:
        with self._db() as store:
            etag, last_modified = WatchState(store).validators(url)
        try:
            response = self.fetcher.get(url, etag=etag, last_modified=last_modified, accept=ACCEPT_FEED)
        except FetchError as exc:
            if exc.kind != "stopped":
                self._fail(exc.kind, url, exc.message, poll=poll, summary=summary)
                poll.status = f"failed: {exc.kind}: {exc.message}"
            return None
        poll.validators.append((url, response.etag, response.last_modified))
        return response

    def _parse(self, poll: SourcePoll, url: str, response: Response, summary: PassSummary) -> Listing | None:
        allow = self.config.fetch.allow_private
        try:
            if poll.source.kind == "feed":
                listing = parse_feed(response.content, response.url, response.content_type, allow_private=allow)
            elif poll.source.kind == "sitemap":
                listing = parse_sitemap(response.content, response.url, allow_private=allow)
            else:
                text = response.content.decode(response.charset or "utf-8", "replace")
                listing = parse_url_list(text, response.url, allow_private=allow)
        except ListingError as exc:
            self._fail(exc.kind, url, str(exc), poll=poll, summary=summary)
            poll.status = f"failed: {exc.kind}: {exc}"
            return None
        if listing.warning:
            self._fail("malformed_feed" if "malformed" in listing.warning else "truncated", url,
                       listing.warning, poll=poll, summary=summary)
        for link, why in listing.skipped:
            self._fail("bad_url", link, why, poll=poll, summary=summary)
        return listing

    def _items(self, poll: SourcePoll, summary: PassSummary) -> list[Item] | None:
        """What the source lists now; None when the listing is unchanged (304) or failed."""
        source = poll.source
        if source.kind == "urls":
            return [Item(url=u) for u in source.urls]
        if source.kind == "list" and not source.url.startswith(("http://", "https://")):
            try:
                text = Path(source.url).read_text(encoding="utf-8", errors="replace")
            except OSError as exc:
                self._fail("list", source.url, f"cannot read: {exc.strerror or exc}", poll=poll, summary=summary)
                poll.status = f"failed: cannot read {source.url}"
                return None
            return parse_url_list(text, "", allow_private=True).items
        response = self._listing(poll, source.url, summary)
        if response is None:
            return None
        if response.not_modified:
            summary.listings_not_modified += 1
            poll.status = "not modified"
            return None
        listing = self._parse(poll, source.url, response, summary)
        if listing is None:
            return None
        items = list(listing.items)
        for child in listing.children:
            if self.stop.is_set():
                break
            child_response = self._listing(poll, child, summary)
            if child_response is None or child_response.not_modified:
                continue
            child_listing = self._parse(poll, child, child_response, summary)
            if child_listing is not None:
                items.extend(child_listing.items)
        return items

    def _poll(self, poll: SourcePoll, summary: PassSummary) -> list[Job]:
        """The pages of a source to fetch in this pass (module docstring)."""
        items = self._items(poll, summary)
        source = poll.source
        with self._db() as store:
            state = WatchState(store)
            if items is None:  # unchanged or failed listing: pages left to retry, or to recheck
                items = [Item(url=p.url, marker=p.marker) for p in state.source_pages(source.id)
                         if source.recheck or (p.status or "").startswith("retry")]
            else:
                items = list({i.url: i for i in items}.values())
            pages = state.pages([i.url for i in items])
        summary.items += len(items)
        jobs = []
        for item in items:
            page = pages.get(item.url)
            settled = page is not None and not (page.status or "").startswith("retry")
            if settled and not source.recheck and item.marker == page.marker:
                summary.known += 1
                continue
            jobs.append(Job(source, item, page))
        poll.pending = len(jobs)
        return jobs

    def _finish(self, poll: SourcePoll) -> None:
        with self._db() as store:
            state = WatchState(store)
            with state.transaction():
                for url, etag, last_modified in poll.validators:
                    state.set_validators(url, etag, last_modified)
                status = poll.status
                if status == "ok" and poll.failures:
                    status = "ok, with failures: " + ", ".join(f"{k} {n}" for k, n in sorted(poll.failures.items()))
                state.source_polled(poll.source, status, failures=sum(poll.failures.values()),
                                    articles=poll.articles)
                state.count(poll.source.id, dict(poll.failures))
        poll.finished = True

    def _fetch_all(self, jobs: list[Job], polls: dict[str, SourcePoll], summary: PassSummary) -> None:
        if not jobs:
            return
        pool = ThreadPoolExecutor(max_workers=FETCH_WORKERS, thread_name_prefix="sitrep-fetch")
        futures: dict[Future, Job] = {}
        with self._db() as store:  # pages stored before are asked for conditionally
            known = WatchState(store).validators_of(j.item.url for j in jobs if j.page is not None and j.page.doc)
        try:
            for job in jobs:
                etag, last_modified = known.get(job.item.url, (None, None))
                futures[pool.submit(self.fetcher.get, job.item.url, etag=etag,
                                    last_modified=last_modified)] = job
            for future in as_completed(futures):
                if self.stop.is_set():
                    break
                job = futures[future]
                poll = polls[job.source.id]
                try:
                    self._page(job, future.result(), poll, summary)
                except FetchError as exc:
                    if exc.kind == "stopped":
                        continue
                    self._page_failed(job, exc.kind, exc.message, poll, summary)
                except StoreLockedError as exc:
                    self._fail("database", job.item.url, str(exc), poll=poll, summary=summary)
                except Exception as exc:  # one bad page never stops the watch
                    log.debug("error on %s", plain(job.item.url), exc_info=True)  # the trace, for -v runs
                    self._page_failed(job, "error", f"{type(exc).__name__}: {exc}", poll, summary)
                poll.pending -= 1
                if poll.pending == 0 and not self.stop.is_set():
                    self._finish(poll)
        finally:
            pool.shutdown(wait=False, cancel_futures=True)

    def _page_failed(self, job: Job, kind: str, message: str, poll: SourcePoll, summary: PassSummary) -> None:
        self._fail(kind, job.item.url, message, poll=poll, summary=summary)
        permanent = kind in PERMANENT_FAILURES
        with self._db() as store:
            # A permanent failure keeps the listing's stamp (not fetched again until it
            # changes); a passing one keeps the old stamp, so it is asked again next poll.
            marker = job.item.marker if permanent else (job.page.marker if job.page else None)
            WatchState(store).page_checked(job.item.url, job.source.id, marker,
                                           f"{'failed' if permanent else 'retry'}: {kind}: {message}")

    def _page(self, job: Job, response: Response, poll: SourcePoll, summary: PassSummary) -> None:
        store_page(self._db, self.db_path, self.jobs, job, response, poll, summary)

    # -- alerts, delivery, report ----------------------------------------------------------

    def _reconcile(self, summary: PassSummary) -> None:
        """The reconcile stage once for the pass's articles (even a stopped pass leaves the
        stored cross-source results up to date; a second Ctrl-C rolls it back, and the next
        pass or read brings them up to date)."""
        if not (summary.new or summary.revised or summary.recovered):
            return
        from sitrep.backfill import reconcile_store as reconcile

        with self._db() as store:
            reconcile(store)

    def _alerts(self, summary: PassSummary) -> None:
        record_alerts(self._db, self.config, self.channels, summary)

    def _deliver(self, summary: PassSummary) -> None:
        deliver_pending(self._db, self.channels, self.stop, summary)

    def _report(self, summary: PassSummary) -> None:
        write_pass_report(self._db, self.config.report, summary)


def watch(config: WatchConfig, db_path: str | Path, *, once: bool = False, stop: threading.Event | None = None,
          write: Callable[[str], None] = print, on_pass: Callable[[PassSummary], None] | None = None,
          transport=None) -> list[PassSummary]:
    """Poll ``config``'s sources into ``db_path`` until ``stop`` is set, or once."""
    with Watcher(config, db_path, stop=stop, write=write, transport=transport) as watcher:
        return watcher.run(once=once, on_pass=on_pass)
