"""A fetched page into the record (``runner`` module docstring): left alone when its text is
the one stored for it (``unchanged``) or is stored under another article (``duplicate``);
else stored through the pipeline as a new article, version N+1 of the page."""

from __future__ import annotations

import logging
from pathlib import Path

from sitrep.ingest import SourceMeta
from sitrep.ingest.whole_articles import article_from_page
from sitrep.pipeline import store_articles
from sitrep.records import Article, IngestError
from sitrep.watch.after_pass import OpenDb
from sitrep.watch.alerts import plain
from sitrep.watch.fetch import FetchError, Response, decode_page
from sitrep.watch.passes import Job, PassSummary, SourcePoll, page_doc_id, version_id
from sitrep.watch.state import WatchState

log = logging.getLogger("sitrep.watch")


def store_page(db: OpenDb, db_path: str | Path, jobs: int, job: Job, response: Response, poll: SourcePoll,
               summary: PassSummary) -> None:
    """Store a fetched page's article, or note why not; raises ``FetchError`` for a page
    that is no article."""
    url, page, source = job.item.url, job.page, job.source
    if response.not_modified:
        summary.not_modified += 1
        with db() as store:
            WatchState(store).page_checked(url, source.id, job.item.marker, "not modified")
        return
    summary.fetched += 1
    version = (page.version if page is not None else 0) + 1
    article = _page_article(job, response, version_id(page_doc_id(url), version))
    if page is not None and page.content_hash == article.content_hash:
        summary.unchanged += 1
        with db() as store:
            WatchState(store).page_checked(url, source.id, job.item.marker, "unchanged",
                                           etag=response.etag, last_modified=response.last_modified,
                                           validators=True)
        return
    placed = _place_version(db, job, response, article, version, summary)
    if placed is None:
        return  # a duplicate
    existing, version, previous = placed
    if existing is None:  # else stored by a pass stopped before it could note it
        # The reconcile stage runs once per pass (``Watcher._reconcile``), not once per article.
        result = store_articles([article], db_path, jobs=jobs, reconcile=False)
        if result.errors:
            raise FetchError("store", url, "; ".join(e.reason for e in result.errors))
        summary.claims += result.claims
        summary.events += result.events
    with db() as store:
        WatchState(store).page_stored(url, source.id, job.item.marker, doc=article.id, version=version,
                                      previous=previous, content_hash=article.content_hash,
                                      etag=response.etag, last_modified=response.last_modified)
    poll.articles += 1
    _count_stored(summary, url, article.id, version, previous, existing)


def _page_article(job: Job, response: Response, doc: str) -> Article:
    """The article of an HTML page, as `sitrep run` reads an .html file."""
    url, source = job.item.url, job.source
    if not response.is_html():
        raise FetchError("not_html", url, f"not an HTML page ({response.content_type or 'no type'})")
    html = decode_page(response)
    if html is None:
        raise FetchError("not_html", url, "the page's bytes are not text")
    meta = SourceMeta(title=job.item.title, outlet=source.outlet or job.item.outlet,
                      published=job.item.published)
    article = article_from_page(html, doc_id=doc, url=url, meta=meta)
    if isinstance(article, IngestError):
        raise FetchError("no_text", url, article.reason)
    return article


def _place_version(db: OpenDb, job: Job, response: Response, article: Article, version: int,
                   summary: PassSummary) -> tuple[str | None, int, str | None] | None:
    """Where a changed page's article goes: (the article already storing its text, its
    version, the version before), the article's id moved past versions a stopped pass
    stored; None for a text stored under another article (noted as a duplicate)."""
    url, page, source = job.item.url, job.page, job.source
    base = page_doc_id(url)
    previous = page.doc if page is not None else None
    with db() as store:
        state = WatchState(store)
        existing = state.doc_with_hash(article.content_hash)
        if existing is not None and existing != article.id:
            summary.duplicates += 1
            state.page_checked(url, source.id, job.item.marker, f"duplicate of {existing}",
                               etag=response.etag, last_modified=response.last_modified,
                               validators=True, content_hash=article.content_hash)
            return None
        while existing is None and (orphan := state.stored_hash(article.id)) is not None:
            # Version `version` was stored by a pass killed before it could note it, and
            # the page changed again since: note that version, store this one after it.
            state.page_stored(url, source.id, page.marker if page else None, doc=article.id, version=version,
                              previous=previous, content_hash=orphan, etag=None, last_modified=None)
            previous, version = article.id, version + 1
            article.id = version_id(base, version)
    return existing, version, previous


def _count_stored(summary: PassSummary, url: str, doc: str, version: int, previous: str | None,
                  existing: str | None) -> None:
    """Count and log a stored page: recovered (stored before a stop), new or revised."""
    if existing is not None:
        summary.recovered += 1
        log.info("recovered: %s -> %s (stored before a stop)", plain(url), doc)
    elif previous is None:
        summary.new += 1
        log.info("new: %s -> %s", plain(url), doc)
    else:
        summary.revised += 1
        log.info("revised: %s -> %s (version %d, after %s)", plain(url), doc, version, previous)
