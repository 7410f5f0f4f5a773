"""Article text and metadata from an HTML page, through trafilatura."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from sitrep.ingest.metadata import SourceMeta, parse_date_value

# trafilatura logs every page it cannot parse at WARNING; the reason is
# reported once as an IngestError instead.
logging.getLogger("trafilatura").setLevel(logging.ERROR)
logging.getLogger("htmldate").setLevel(logging.ERROR)

# Only dates the page declares (meta tags, URL, time elements); the extensive
# search guesses from any date in the page and would take a photo caption's.
_DATE_PARAMS = {"extensive_search": False, "original_date": True}


@dataclass(slots=True, frozen=True)
class HtmlArticle:
    text: str
    meta: SourceMeta


def extract_html(html: str, url: str | None = None) -> HtmlArticle | None:
    """Main text and metadata (title, date, site name) of a page, or None when
    no article text can be found."""
    doc = None
    # Precision first; pages that yield nothing (short or unusual markup) get
    # a second, recall-oriented pass before being given up.
    for options in ({"favor_precision": True}, {"favor_recall": True}):
        try:
            import trafilatura  # ~0.3 s to import: only runs that meet HTML pay it

            doc = trafilatura.bare_extraction(
                html, url=url, with_metadata=True, include_comments=False, include_tables=False,
                date_extraction_params=_DATE_PARAMS, **options,
            )
        except (ValueError, TypeError, AttributeError, LookupError) as err:
            # trafilatura/lxml raise these on markup they cannot parse.
            logging.getLogger(__name__).debug("trafilatura failed: %s", err)
            doc = None
        if doc is not None and (doc.text or "").strip():
            break
    if doc is None or not (doc.text or "").strip():
        return None
    meta = SourceMeta(
        title=doc.title or None,
        outlet=doc.sitename or None,
        published=parse_date_value(doc.date),
        url=url or doc.url or None,
    )
    return HtmlArticle(text=doc.text, meta=meta)
