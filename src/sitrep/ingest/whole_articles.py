"""One article handed over whole, not found in a file: a web page `sitrep watch` fetched, or
the text or page of the web app's add form; read as `sitrep run` reads an .html or a .txt
file, with what the caller knows of it (``SourceMeta``) winning over what a page declares."""

from __future__ import annotations

from typing import Callable

from sitrep.records import Article, IngestError
from sitrep.ingest.metadata import SourceMeta


def article_from_page(html: str, *, doc_id: str, url: str | None = None,
                      meta: SourceMeta = SourceMeta()) -> Article | IngestError:
    """The Article of a web page already fetched (`sitrep watch`), read as `sitrep run` reads
    an .html file: trafilatura's main text and metadata (title, date, site name), where
    ``meta`` (what the feed or the config says) wins over what the page declares; or why
    the page has no article."""
    return _article_of_page(html, doc_id=lambda _: doc_id, url=url, meta=meta)


def read_article(*, text: str | None = None, html: str | None = None, doc_id: str | None = None,
                 meta: SourceMeta = SourceMeta(), id_prefix: str = "") -> Article | IngestError:
    """An article given as ``text`` or as an ``html`` page (the web app's add form), read as
    `sitrep run` reads a .txt or an .html file; ``meta`` wins over what a page declares.
    Without ``doc_id`` the id is ``id_prefix`` and a hash of the text (the page's text for
    ``html``), so the same article sent twice is stored once."""
    from sitrep.ingest.readers import article_from_text
    from sitrep.records import content_id

    if html is None:
        body = text or ""
        return article_from_text(body, doc_id=doc_id or f"{id_prefix}{content_id(body)}", meta=meta,
                                 empty_reason="no article text left after cleaning")
    return _article_of_page(html, doc_id=lambda page_text: doc_id or f"{id_prefix}{content_id(page_text)}",
                            url=meta.url, meta=meta)


def _article_of_page(html: str, *, doc_id: Callable[[str], str], url: str | None,
                     meta: SourceMeta) -> Article | IngestError:
    """An HTML page's article; ``doc_id`` gives its id from the page's text."""
    from sitrep.ingest.html import extract_html
    from sitrep.ingest.readers import article_from_text

    page = extract_html(html, url=url)
    empty = "no article text found in HTML"
    if page is None:
        return IngestError(url or doc_id(""), empty)
    merged = SourceMeta(title=meta.title or page.meta.title, outlet=meta.outlet or page.meta.outlet,
                        published=meta.published or page.meta.published, url=url or meta.url or page.meta.url)
    return article_from_text(page.text, doc_id=doc_id(page.text), meta=merged, empty_reason=empty)
