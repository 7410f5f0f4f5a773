"""Adding an article through the web app: the same ingest -> extract -> store path as `sitrep run`."""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel, Field, model_validator

from sitrep.ingest import SourceMeta, article_from_text
from sitrep.ingest.html import extract_html
from sitrep.pipeline import extract_stream
from sitrep.publish.web_db import Database
from sitrep.records import Article, IngestError, content_id

# Largest article accepted through the app (text or HTML, in bytes of UTF-8). Long reports
# run to ~200 kB of text; web pages rarely pass 2 MB of HTML (the same bound as ingest's
# DEFAULT_MAX_BYTES is meant for batch files, a request should be smaller).
MAX_ARTICLE_BYTES = 2 * 1024 * 1024
# A request body is the article plus a little JSON or form encoding around it.
MAX_BODY_BYTES = 3 * MAX_ARTICLE_BYTES
MAX_FIELD_CHARS = 2_000  # id, url, outlet, title


class NotStored(Exception):
    """The store refused the article (the reason is the message)."""


class ArticleIn(BaseModel):
    """An article to add: ``text`` or ``html``, with optional metadata (as in a JSONL line)."""

    text: str | None = None
    html: str | None = None
    id: str | None = Field(None, max_length=MAX_FIELD_CHARS, description="doc id; default: from the content")
    url: str | None = Field(None, max_length=MAX_FIELD_CHARS)
    outlet: str | None = Field(None, max_length=MAX_FIELD_CHARS)
    title: str | None = Field(None, max_length=MAX_FIELD_CHARS)
    published: date | None = None

    @model_validator(mode="before")
    @classmethod
    def _blank_is_none(cls, data: object) -> object:
        if isinstance(data, dict):
            return {k: (None if isinstance(v, str) and not v.strip() else v) for k, v in data.items()}
        return data

    @model_validator(mode="after")
    def _one_body(self) -> ArticleIn:
        body = self.text if self.text is not None else self.html
        if body is None:
            raise ValueError("give the article as `text` or `html`")
        if self.text is not None and self.html is not None:
            raise ValueError("give `text` or `html`, not both")
        if len(body.encode("utf-8")) > MAX_ARTICLE_BYTES:
            raise ValueError(f"article too large: over {MAX_ARTICLE_BYTES} bytes")
        return self


class Added(BaseModel):
    id: str
    written: bool  # False when the same article (same id and text) was already stored
    claims: int
    events: int
    # What the article lost on the way (a row the database could not hold, ...).
    notes: list[str] = Field(default_factory=list)


def to_article(item: ArticleIn) -> Article | IngestError:
    meta = SourceMeta(title=item.title, outlet=item.outlet, published=item.published, url=item.url)
    raw = item.text
    empty = "no article text left after cleaning"
    if raw is None:
        page = extract_html(item.html or "", url=item.url)
        if page is None:
            return IngestError(item.id or "html", "no article text found in HTML")
        meta = SourceMeta(title=meta.title or page.meta.title, outlet=meta.outlet or page.meta.outlet,
                          published=meta.published or page.meta.published, url=meta.url or page.meta.url)
        raw, empty = page.text, "no article text found in HTML"
    doc_id = item.id or f"web-{content_id(raw)}"
    return article_from_text(raw, doc_id=doc_id, meta=meta, empty_reason=empty)


def add_article(db: Database, article: Article) -> Added:
    """Extract (outside any lock: it takes the longest) and store in one short write,
    followed by the reconcile stage so the cross-source views include it."""
    (x,) = [x for batch in extract_stream([article]) for x in batch]
    if isinstance(x, IngestError):
        raise NotStored(x.reason)
    with db.write() as store:
        result = store.write_many([x])
        if not result.failed:
            from sitrep.reconcile import reconcile  # the stage, as after `sitrep run`: only what it touches

            reconcile(store)
    if result.failed:
        raise NotStored("; ".join(reason for _, reason in result.failed))
    written = article.id in result.written
    return Added(id=article.id, written=written,
                 claims=result.claims if written else len(x.claims),
                 events=result.events if written else len(x.events),
                 notes=article.notes + [reason for _, reason in result.dropped])
