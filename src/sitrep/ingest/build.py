"""Raw text (or HTML) and what the input says about it -> a cleaned Article, or an
IngestError when nothing is left."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from sitrep.ingest.clean import clean_lines, prepare_lines
from sitrep.ingest.html import extract_html
from sitrep.ingest.metadata import SourceMeta, resolve
from sitrep.records import Article, IngestError
from sitrep.safe_text import clean_field, clean_id

# Largest input accepted: a whole .txt/.html file, or one JSONL line. News
# articles are 5-50 kB of text and pages rarely pass 2 MB of HTML; anything
# bigger is a dump or a binary that would stall the pipeline.
DEFAULT_MAX_BYTES = 5 * 1024 * 1024

Item = Article | IngestError


@dataclass(slots=True, frozen=True)
class Options:
    """User options that apply to every input of a run."""

    outlet: str | None = None
    published: date | None = None
    max_bytes: int = DEFAULT_MAX_BYTES
    # Metadata of files given in a sidecar index (``load_index``): file name -> SourceMeta.
    index: Mapping[str, SourceMeta] = field(default_factory=dict)


def _field(value: str | None) -> str | None:
    return (clean_field(value) or None) if value else None


def clean_meta(meta: SourceMeta) -> SourceMeta:
    """Metadata fields as one line of plain text each (no controls, escapes or surrogates)."""
    return SourceMeta(title=_field(meta.title), outlet=_field(meta.outlet), published=meta.published,
                      url=_field(meta.url))


def from_html(html: str, *, doc_id: str, path: str, line: int | None, meta: SourceMeta,
              options: Options, notes: Sequence[str] = ()) -> Item:
    page = extract_html(html, url=meta.url)
    if page is None:
        return IngestError(path, "no article text found in HTML", line)
    merged = SourceMeta(  # the record's own fields win over what the page declares
        title=meta.title or page.meta.title,
        outlet=meta.outlet or page.meta.outlet,
        published=meta.published or page.meta.published,
        url=meta.url or page.meta.url,
    )
    return article_from_text(page.text, doc_id=doc_id, path=path, line=line, meta=merged, options=options,
                             empty_reason="no article text found in HTML", notes=notes)


def article_from_text(raw: str, *, doc_id: str, path: str | None = None, line: int | None = None,
                      meta: SourceMeta = SourceMeta(), options: Options = Options(),
                      empty_reason: str = "no article text left after cleaning",
                      notes: Sequence[str] = ()) -> Item:
    """Clean ``raw`` and resolve its metadata into an Article (or an error with
    ``empty_reason`` when nothing is left after cleaning). ``notes`` say what the input
    lost on the way (bytes dropped, a field left empty): the article keeps them."""
    lines = prepare_lines(raw)
    text = clean_lines(lines)
    doc_id = clean_id(doc_id) or "article"
    if not text:
        return IngestError(path or doc_id, empty_reason, line)
    found = resolve(lines, text, clean_meta(meta), outlet_option=options.outlet,
                    published_option=options.published)
    return Article(
        id=doc_id,
        text=text,
        content_hash=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        title=found.title,
        outlet=found.outlet,
        published=found.published,
        url=_field(meta.url),
        path=path,
        outlet_rule=found.outlet_rule,
        date_rule=found.date_rule,
        line=line,
        notes=list(notes),
    )
