"""What a run extracts from its inputs: new articles, changed ones, stored ones given new
metadata, every stored one it meets with ``reprocess``; and what it skips.

A re-run of the same files is mostly skipping: a file whose bytes hash as when its stored
article was read from it (``store.input_files``) is skipped without being decoded or
cleaned, when the run gives no option that could change the article (``--outlet``,
``--date``, ``--index``, ``--reprocess``; such a run reads every file, and forgets the
bytes recorded for the articles it writes). Any other file is read and cleaned, and its
text hash compared with the stored article's, as before; its bytes are recorded once its
article is stored (or found unchanged), so the next run skips it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from datetime import date
from importlib import metadata, resources
from pathlib import Path
from typing import TYPE_CHECKING

from .ingest import SourceMeta, iter_files, iter_inputs
from .ingest.files import HTML_SUFFIXES, TEXT_SUFFIXES, read_bytes, shown
from .ingest.metadata import latest_date_in
from .records import Article, IngestError
from .store import Store
from sitrep.records.rows import ArticleRow
from .store.input_files import FileRead, KnownFile, forget_docs, known_files, record_files

if TYPE_CHECKING:
    from .pipeline import RunSummary

# Rules by which metadata was given rather than guessed (ingest.metadata.resolve): only
# these correct a stored article; a re-run without options never undoes a correction.
GIVEN_RULES = frozenset({"metadata", "option"})
# Stored articles read back per query when reprocessing without paths.
REPROCESS_BATCH = 64
# What turns a file's bytes into an article's text: when any of it changes (an upgrade),
# the same bytes may clean to another text, so recorded files are read again.
READER_SOURCES = ("ingest/*.py", "records.py", "safe_text.py", "data/ingest_*.json")

ProgressFn = Callable[[int], None]


def metadata_changes(stored: ArticleRow, article: Article) -> list[str]:
    """Fields the input gives (metadata or an option, ``GIVEN_RULES``) that differ from the
    stored article's: ``outlet``, ``date``, ``url``."""
    changes = []
    if article.outlet_rule in GIVEN_RULES and article.outlet and article.outlet != stored.outlet:
        changes.append("outlet")
    if article.date_rule in GIVEN_RULES and article.published and article.published != stored.published:
        changes.append("date")
    if article.url and article.url != stored.url:
        changes.append("url")
    return changes


def stored_article(row: ArticleRow, *, outlet: str | None = None,
                   published: date | None = None) -> Article:
    """An Article from its stored row, for extraction again. The run's ``outlet`` and
    ``published`` options apply where ingest would have used them (an outlet found only in
    the text, no date or an inferred one); a missing date is inferred with the current code."""
    article = Article(id=row.id, text=row.text or "", content_hash=row.content_hash, title=row.title,
                      outlet=row.outlet, published=row.published, url=row.url, path=row.path,
                      outlet_rule=row.outlet_rule, date_rule=row.date_rule)
    if outlet and outlet.strip() and row.outlet_rule not in ("metadata",):
        from .ingest import canonical_outlet

        article.outlet, article.outlet_rule = canonical_outlet(outlet), "option"
    if row.published is None or row.date_rule == "inferred":
        if published is not None:
            article.published, article.date_rule = published, "option"
        elif (inferred := latest_date_in(article.text)) is not None:
            article.published, article.date_rule = inferred, "inferred"
    return article


def reader_fingerprint() -> str:
    """A hash of the code and data that turn bytes into an article's text (``READER_SOURCES``)
    and of the HTML extractor's version."""
    digest = hashlib.blake2b(digest_size=16)
    root = resources.files("sitrep")
    for pattern in READER_SOURCES:
        for path in sorted(Path(str(root)).glob(pattern)):
            digest.update(path.name.encode() + b"\0" + path.read_bytes())
    digest.update(metadata.version("trafilatura").encode())
    return digest.hexdigest()


class FileLedger:
    """The run's side of ``store.input_files``: which files it may skip unread, and which
    files its articles came from, recorded once they are stored."""

    def __init__(self, store: Store, *, skipping: bool) -> None:
        self.skipping = skipping
        self.reader = reader_fingerprint() if skipping else ""
        self.known = known_files(store) if skipping else {}
        self._hashes: dict[str, str] = {}  # path -> hash of the bytes read this run
        self._extracting: dict[str, FileRead] = {}  # doc id -> its file, until it is stored
        self._found: list[FileRead] = []  # files of articles found unchanged, to record

    def unchanged(self, path: Path, max_bytes: int) -> KnownFile | None:
        """The recorded file when ``path``'s bytes hash as recorded; else None (the hash is
        kept, to record once the file's article is stored)."""
        if not self.skipping or path.suffix.lower() not in TEXT_SUFFIXES | HTML_SUFFIXES:
            return None
        data = read_bytes(path, max_bytes)
        if isinstance(data, IngestError):
            return None  # reading it again says why
        where, raw_hash = shown(path), hashlib.blake2b(data, digest_size=16).hexdigest()
        known = self.known.get(where)
        if known is not None and known.raw_hash == raw_hash and known.reader == self.reader:
            return known
        self._hashes[where] = raw_hash
        return None

    def _read(self, article: Article) -> FileRead | None:
        raw_hash = self._hashes.pop(article.path or "", None) if article.line is None else None
        if raw_hash is None:
            return None
        return FileRead(article.path or "", raw_hash, self.reader, article.id, article.content_hash)

    def found(self, article: Article) -> None:
        """``article``, read from its file, is stored as it is."""
        if (read := self._read(article)) is not None:
            self._found.append(read)

    def extracting(self, article: Article) -> None:
        """``article``, read from its file, is on its way to the store."""
        if (read := self._read(article)) is not None:
            self._extracting[article.id] = read

    def written(self, store: Store, docs: Collection[str]) -> None:
        """After a write: record the files of the articles stored (and found unchanged) by
        a run that skips; forget those of the articles written by one that does not."""
        if not self.skipping:
            forget_docs(store, docs)
            return
        reads = self._found + [self._extracting.pop(doc) for doc in docs if doc in self._extracting]
        self._found = []
        record_files(store, reads)


class RunInputs:
    """The articles of one run that need extracting, counted into its summary."""

    def __init__(self, store: Store, summary: RunSummary, *, reprocess: bool, skipping: bool,
                 on_input: ProgressFn | None, on_error: Callable[[IngestError], None] | None) -> None:
        self.store, self.summary, self.reprocess = store, summary, reprocess
        self.on_input, self.on_error = on_input, on_error
        self.again: set[str] = set()  # stored doc ids whose rows this run replaces
        self.seen: dict[str, str] = {}  # doc id -> content hash, within this run
        self.ledger = FileLedger(store, skipping=skipping)
        # Ids stored before this run or extracted in it: only those are looked up in the
        # store (a query per new article cost ~1.5 ms of CPU). Read on first need.
        self._known_ids: set[str] | None = None

    def _count_input(self) -> None:
        self.summary.inputs += 1
        if self.on_input:
            self.on_input(1)

    def stored(self, *, outlet: str | None, published: date | None) -> Iterator[Article]:
        """Every stored article, from its stored text, in batches (no open cursor while writing)."""
        ids = [row.id for row in self.store.articles()]
        for at in range(0, len(ids), REPROCESS_BATCH):
            for row in self.store.articles(docs=ids[at:at + REPROCESS_BATCH], with_text=True):
                self._count_input()
                self.summary.articles += 1
                article = stored_article(row, outlet=outlet, published=published)
                self.summary.reprocessed += 1
                self.summary.note(article)
                self.again.add(article.id)
                yield article

    def from_paths(self, paths: Sequence[str | Path], *, outlet: str | None, published: date | None,
                   max_bytes: int, index: Mapping[str, SourceMeta] | None) -> Iterator[Article]:
        """Articles of the files under ``paths`` that need extracting (``fresh``), files
        unchanged since their article was stored skipped unread."""

        def items() -> Iterator[Article | IngestError | KnownFile]:
            for entry in iter_files(paths):
                if isinstance(entry, IngestError):
                    yield entry
                elif (known := self.ledger.unchanged(entry, max_bytes)) is not None and known.id not in self.seen:
                    yield known
                else:
                    yield from iter_inputs([entry], outlet=outlet, published=published, max_bytes=max_bytes,
                                           index=index)

        return self.fresh(items())

    def fresh(self, items: Iterable[Article | IngestError | KnownFile]) -> Iterator[Article]:
        """The articles among ``items`` that need extracting: new, changed, given new
        metadata, or all stored ones met with ``reprocess``."""
        for item in items:
            self._count_input()
            if isinstance(item, IngestError):
                if self.on_error:
                    self.on_error(item)  # the run's fail(): recorded and reported
                else:
                    self.summary.errors.append(item)
                continue
            self.summary.articles += 1
            if isinstance(item, KnownFile):
                self.seen[item.id] = item.content_hash[:16]
                self.summary.unchanged += 1
                self.summary.note(item)
                continue
            if item.id in self.seen:
                if self.seen[item.id] == item.content_hash[:16]:
                    self.summary.unchanged += 1  # the same article twice in one run
                    continue
                # Two different articles with one id (x.txt in two folders, a repeated
                # JSONL id): keep both, the later one under an id made unique by its content.
                item.id = f"{item.id}~{item.content_hash[:8]}"
            self.seen[item.id] = item.content_hash[:16]
            if self._needs_extracting(item):
                yield item

    def _needs_extracting(self, item: Article) -> bool:
        if self._known_ids is None:
            self._known_ids = self.store.article_ids()
        stored = self.store.stored_article(item.id) if item.id in self._known_ids else None
        if stored is None or stored.content_hash != item.content_hash:
            self._known_ids.add(item.id)  # written by this run: looked up if met again
            self.summary.note(item)
            self.ledger.extracting(item)
            return True  # new, or its text changed: its rows are replaced
        changes = metadata_changes(stored, item)
        if not changes and not self.reprocess:
            self.summary.unchanged += 1
            self.summary.note(stored)
            self.ledger.found(item)
            return False
        if changes:
            self.summary.updated += 1
            for name in changes:
                self.summary.corrected[name] = self.summary.corrected.get(name, 0) + 1
        else:
            self.summary.reprocessed += 1
        _keep_given(item, stored)
        self.summary.note(item)
        self.again.add(item.id)
        self.ledger.extracting(item)
        return True


def _keep_given(item: Article, stored: ArticleRow) -> None:
    """Metadata given before (an option or metadata field) that this run does not give stays."""
    if item.outlet_rule not in GIVEN_RULES and stored.outlet_rule in GIVEN_RULES:
        item.outlet, item.outlet_rule = stored.outlet, stored.outlet_rule
    if item.date_rule not in GIVEN_RULES and stored.date_rule in GIVEN_RULES:
        item.published, item.date_rule = stored.published, stored.date_rule
    if not item.url and stored.url:
        item.url = stored.url
