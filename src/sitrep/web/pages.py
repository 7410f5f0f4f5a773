"""The pages behind every view and its JSON twin: filters in, a page of typed rows out.

One function per view; the HTML route and the JSON route both call it, so a page and its
twin always show the same rows. The rows come through the store (``Store`` reads and
``store.web_reads``); nothing here speaks SQL.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from sitrep.store import Store
from sitrep.records.rows import ArticleRow, ClaimRow, Counts, EventRow, PlaceMentionRow
from sitrep.store import search as fts
from sitrep.store import web_reads
from sitrep.web.params import ArticleFilters, ClaimFilters, EventFilters, Page, SearchParams

# Characters of article text shown either side of a search match.
SNIPPET_CHARS = 90


@dataclass(slots=True)
class SearchHit:
    id: str
    title: str | None
    outlet: str | None
    published: date | None
    url: str | None
    before: str  # text before the match, the match, and after (shown escaped, match marked)
    match: str
    after: str


@dataclass(slots=True)
class ArticleDetail:
    article: ArticleRow
    claims: list[ClaimRow] = field(default_factory=list)
    events: list[EventRow] = field(default_factory=list)
    places: list[PlaceMentionRow] = field(default_factory=list)


@dataclass(slots=True)
class Overview:
    counts: Counts
    first_published: date | None
    last_published: date | None
    outlets: list[tuple[str, int]]


def claims(store: Store, f: ClaimFilters) -> Page[ClaimRow]:
    found, total = web_reads.claim_page(store, **f.model_dump(exclude={"limit", "offset"}),
                                        limit=f.limit, offset=f.offset)
    return Page.of(found, total, f)


def events(store: Store, f: EventFilters) -> Page[EventRow]:
    found, total = web_reads.event_page(store, f.model_dump(exclude={"limit", "offset"}), f.limit, f.offset)
    return Page.of(found, total, f)


def articles(store: Store, f: ArticleFilters) -> Page[ArticleRow]:
    found, total = web_reads.article_page(store, f.model_dump(exclude={"limit", "offset"}), f.limit, f.offset)
    return Page.of(found, total, f)


def article(store: Store, doc: str) -> ArticleDetail | None:
    found = store.articles(doc=doc, with_text=True)
    if not found:
        return None
    return ArticleDetail(found[0], store.claims(doc=doc), store.events(doc=doc),
                         store.place_mentions(doc=doc))


def overview(store: Store) -> Overview:
    first, last = web_reads.published_range(store)
    return Overview(store.counts(), first, last, web_reads.top_outlets(store, 20))


# What /search and /api/search do, for the API's docs (the summary of the endpoint).
SEARCH_SUMMARY = (f"Articles whose text holds the words of q as a phrase (whole words, any case, punctuation "
                  f"ignored), best first; totals exact up to {fts.COUNT_LIMIT:,}")
SEARCH_DESCRIPTION = f"""The words of `q` (letters and digits) are found as a phrase: whole words, in
order, any case, punctuation between them ignored, accents folded ("Hama" does not find
"Hamas"; "air strikes" finds "air-strikes"). Results come best first (BM25) from the
full-text index beside the database (`<db>.search`, built as articles are stored and
caught up when behind); when more than {fts.RANKED_MATCHES:,} articles match, the most recently
stored {fts.RANKED_MATCHES:,} are ranked first, then the others, newest first. `total` is exact up
to {fts.COUNT_LIMIT:,} matches and says {fts.COUNT_LIMIT:,} past that (pages stop there).

A query with no letter or digit in it (`%`) is looked for literally. A Parquet dataset
(`--db DIR`) has no index, nor has a database whose folder cannot be written: their texts
are scanned for the same whole-word phrase (accents not folded), newest first, not ranked."""

# Notes the search page shows when it did not use the index.
NOTE_DATASET = ("This is a Parquet dataset (--db DIR), which has no search index: its texts were scanned for "
                "the words as a phrase, newest first, not ranked. Merge it into a database with `sitrep load` "
                "for ranked search.")
NOTE_NO_INDEX = ("The search index could not be used here: the texts were scanned for the words as a phrase, "
                 "newest first, not ranked.")
NOTE_LITERAL = "No letter or digit in the query: it was looked for literally, newest first."


def search(store: Store, p: SearchParams) -> Page[SearchHit]:
    """Articles whose text holds the words of ``q`` as a phrase (any case, punctuation
    ignored), best match first (BM25), from the full-text index (``store/search.py``);
    the total is exact up to ``search.COUNT_LIMIT`` (10,000) matches (``SEARCH_DESCRIPTION``).

    A query with no word in it ("%") is looked for literally, scanning the texts. Where
    there is no index (a Parquet dataset, a folder that cannot be written, a damaged
    index) the texts are scanned for the same phrase, newest first."""
    return search_noted(store, p)[0]


def search_noted(store: Store, p: SearchParams) -> tuple[Page[SearchHit], str | None]:
    """``search``, and a note for the reader when the index was not used (else None)."""
    if not p.q:
        return Page.of([], 0, p), None
    words = fts.tokens(p.q)
    if not words:
        return scan_literal(store, p), NOTE_LITERAL
    index = store.search_index()
    if index is not None:
        try:
            found, total = index.search(words, outlet=p.outlet, since=p.since, until=p.until,
                                        limit=p.limit, offset=p.offset)
        except fts.INDEX_ERRORS:  # a damaged or locked index file: derived data, scan instead
            store.drop_search_index()
        else:
            pattern = fts.phrase_pattern(words)
            return Page.of([_snippet(f, pattern) for f in found], total, p), None
    return scan_phrase(store, p, words), NOTE_DATASET if store.is_dataset else NOTE_NO_INDEX


def scan_literal(store: Store, p: SearchParams) -> Page[SearchHit]:
    """Articles whose text holds ``q`` literally (any case), newest first, by a scan."""
    assert p.q
    windows, total = web_reads.scan_literal(store, p.q, outlet=p.outlet, since=p.since, until=p.until,
                                            limit=p.limit, offset=p.offset, around=SNIPPET_CHARS)
    return Page.of([_literal_hit(w, p.q) for w in windows], total, p)


def scan_phrase(store: Store, p: SearchParams, words: list[str]) -> Page[SearchHit]:
    """Articles whose text holds ``words`` as a phrase, newest first, by a scan of the
    texts (``web_reads.scan_phrase``): where there is no index."""
    found, total = web_reads.scan_phrase(store, words, outlet=p.outlet, since=p.since, until=p.until,
                                         limit=p.limit, offset=p.offset)
    pattern = fts.phrase_pattern(words)
    return Page.of([_snippet(f, pattern) for f in found], total, p)


def _snippet(f: fts.Found, pattern: re.Pattern[str]) -> SearchHit:
    head = (f.id, f.title, f.outlet, f.published, f.url)
    m = pattern.search(f.text)
    if m is None:  # folded accents or another spelling: the start of the text, unmarked
        return SearchHit(*head, before=f.text[:2 * SNIPPET_CHARS], match="", after="")
    begin = max(0, m.start() - SNIPPET_CHARS)
    return SearchHit(*head, before=f.text[begin:m.start()], match=m.group(0),
                     after=f.text[m.end():m.end() + SNIPPET_CHARS])


def _literal_hit(f: fts.Found, q: str) -> SearchHit:
    """A hit of a literal scan, whose text is the window around the match."""
    head = (f.id, f.title, f.outlet, f.published, f.url)
    window = f.text
    at = window.lower().find(q.lower())
    if at < 0:  # case folding changed lengths; show the window unmarked
        return SearchHit(*head, before=window, match="", after="")
    return SearchHit(*head, before=window[:at], match=window[at:at + len(q)],
                     after=window[at + len(q):])
