"""Adding an article through the web app: the pipeline's ingest -> extract -> store, as `sitrep run`."""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel, Field, model_validator

from sitrep.ingest import SourceMeta
from sitrep.ingest.whole_articles import read_article
from sitrep.pipeline import store_articles
from sitrep.records import IngestError
from sitrep.web.db import Database

# Largest article accepted through the app (text or HTML, in bytes of UTF-8). Long reports
# run to ~200 kB of text; web pages rarely pass 2 MB of HTML (the same bound as ingest's
# DEFAULT_MAX_BYTES is meant for batch files, a request should be smaller).
MAX_ARTICLE_BYTES = 2 * 1024 * 1024
# A request body is the article plus a little JSON or form encoding around it.
MAX_BODY_BYTES = 3 * MAX_ARTICLE_BYTES
MAX_FIELD_CHARS = 2_000  # id, url, outlet, title


class NotStored(Exception):
    """The article was not stored: unreadable, not extracted or refused by the store (the
    reason is the message)."""


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


def add_article(db: Database, item: ArticleIn) -> Added:
    """Read the article as `sitrep run` reads a file, extract it (outside any lock: it takes
    the longest) and store it in one short write followed by the reconcile stage, so the
    cross-source views include it: ``pipeline.store_articles``. Raises NotStored with the
    reason when the article is refused."""
    meta = SourceMeta(title=item.title, outlet=item.outlet, published=item.published, url=item.url)
    article = read_article(text=item.text, html=item.html, doc_id=item.id, meta=meta, id_prefix="web-")
    if isinstance(article, IngestError):
        raise NotStored(article.reason)
    summary = store_articles([article], db.write)
    if summary.errors:
        raise NotStored("; ".join(error.reason for error in summary.errors))
    with db.read() as store:
        stored = store.stored_article(article.id)
    if stored is None:  # removed by another writer in between: say what was stored
        raise NotStored("the article was replaced while it was being stored")
    return Added(id=article.id, written=summary.new > 0, claims=stored.n_claims, events=stored.n_events,
                 notes=[note.reason for note in summary.notes])
