"""Walk input paths and turn each file (or JSONL line) into an Article or an
IngestError. Never raises on bad input: every problem becomes a one-line reason."""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterator, Sequence
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import BinaryIO

from sitrep.ingest.clean import clean_lines, prepare_lines
from sitrep.ingest.decode import MAX_CONTROL_SHARE, decode_bytes, decode_html
from sitrep.ingest.html import extract_html
from sitrep.ingest.metadata import SourceMeta, parse_date_value, resolve
from sitrep.records import Article, IngestError

# Largest input accepted: a whole .txt/.html file, or one JSONL line. News
# articles are 5-50 kB of text and pages rarely pass 2 MB of HTML; anything
# bigger is a dump or a binary that would stall the pipeline.
DEFAULT_MAX_BYTES = 5 * 1024 * 1024
# Bytes sniffed for NUL at the start of a JSONL file before streaming it.
JSONL_SNIFF_BYTES = 8192

TEXT_SUFFIXES = frozenset({".txt"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
JSONL_SUFFIXES = frozenset({".jsonl"})

Item = Article | IngestError


@dataclass(slots=True, frozen=True)
class LineRange:
    """Part of a JSONL file, for reading a large file in pieces (``sitrep run --dask``): the
    ``count`` lines from byte ``offset``, the first of which is line ``first`` of the file.
    Line numbers (and the ``{stem}-{line}`` ids of records with no ``id``) are the file's.
    Only the piece holding line 1 sniffs the head for binary bytes; "empty" is said of
    whole files only."""

    offset: int
    first: int
    count: int


@dataclass(slots=True, frozen=True)
class Options:
    """User options that apply to every input of a run."""

    outlet: str | None = None
    published: date | None = None
    max_bytes: int = DEFAULT_MAX_BYTES
    # Metadata of files given in a sidecar index (``load_index``): file name -> SourceMeta.
    index: Mapping[str, SourceMeta] = field(default_factory=dict)


def _is_hidden(name: str) -> bool:
    return name.startswith(".")


ARTICLE_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES


def iter_files(paths: Sequence[str | Path]) -> Iterator[Path | IngestError]:
    """Files named, and article files under folders named (recursively, sorted, hidden
    entries skipped), in a deterministic order. Missing paths become errors.

    In a folder, files that are not articles by their extension (a README, a gold file,
    images) are left alone; a file named explicitly is always read, so an unsupported
    one gets its one-line reason."""
    for given in paths:
        path = Path(given)
        if path.is_dir():
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not _is_hidden(d))
                for name in sorted(files):
                    if not _is_hidden(name) and Path(name).suffix.lower() in ARTICLE_SUFFIXES:
                        yield Path(root) / name
        elif path.is_file():
            yield path
        elif path.exists():
            yield IngestError(str(path), "not a regular file")
        else:
            yield IngestError(str(path), "no such file or directory")


def count_inputs(paths: Sequence[str | Path]) -> int:
    """How many items iter_inputs will yield, for a progress bar: one per file and one per
    non-blank line of a JSONL file (counted by streaming its bytes), one per bad path."""
    total = 0
    for item in iter_files(paths):
        if isinstance(item, Path) and item.suffix.lower() in JSONL_SUFFIXES:
            total += max(_count_lines(item), 1)
        else:
            total += 1
    return total


def _count_lines(path: Path) -> int:
    try:
        with path.open("rb") as handle:
            return sum(1 for line in handle if line.strip())
    except OSError:
        return 1


def iter_inputs(paths: Sequence[str | Path], *, outlet: str | None = None,
                published: date | None = None, max_bytes: int = DEFAULT_MAX_BYTES,
                index: Mapping[str, SourceMeta] | None = None) -> Iterator[Item]:
    """Articles and errors from files and folders, in a deterministic order. ``index``
    gives per-file metadata (see ``load_index``) to .txt and .html files."""
    options = Options(outlet=outlet, published=published, max_bytes=max_bytes, index=index or {})
    for item in iter_files(paths):
        if isinstance(item, IngestError):
            yield item
        else:
            yield from read_path(item, options)


def read_path(path: Path, options: Options = Options(), lines: LineRange | None = None) -> Iterator[Item]:
    """Everything one file yields: one article or error, or one per JSONL line (of
    ``lines`` only, when given)."""
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        yield from _read_jsonl(path, options, lines)
    elif suffix in TEXT_SUFFIXES or suffix in HTML_SUFFIXES:
        yield _read_single(path, suffix, options)
    else:
        yield IngestError(str(path), f"unsupported file type {suffix}" if suffix
                          else "unsupported file type (no extension)")


def _read_bytes(path: Path, max_bytes: int) -> bytes | IngestError:
    try:
        size = path.stat().st_size
        if size > max_bytes:
            return IngestError(str(path), f"too large: {size} bytes > limit {max_bytes}")
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1)
    except OSError as err:
        return IngestError(str(path), f"cannot read: {err.strerror or err}")
    if len(data) > max_bytes:  # the file grew since stat
        return IngestError(str(path), f"too large: {len(data)}+ bytes > limit {max_bytes}")
    return data


def read_article_text(path: str | Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> str | IngestError:
    """The decoded, uncleaned contents of a text file, or why it cannot be read."""
    data = _read_bytes(Path(path), max_bytes)
    if isinstance(data, IngestError):
        return data
    decoded = decode_bytes(data)
    return decoded.text if decoded.text is not None else IngestError(str(path), decoded.reason or "unreadable")


def _read_single(path: Path, suffix: str, options: Options) -> Item:
    data = _read_bytes(path, options.max_bytes)
    if isinstance(data, IngestError):
        return data
    decoded = decode_html(data) if suffix in HTML_SUFFIXES else decode_bytes(data)
    if decoded.text is None:
        return IngestError(str(path), decoded.reason or "unreadable")
    meta = options.index.get(path.name) or options.index.get(path.stem) or SourceMeta()
    if suffix in HTML_SUFFIXES:
        return _from_html(decoded.text, doc_id=path.stem, path=str(path), line=None,
                          meta=meta, options=options)
    return article_from_text(decoded.text, doc_id=path.stem, path=str(path), meta=meta, options=options)


def _from_html(html: str, *, doc_id: str, path: str, line: int | None, meta: SourceMeta,
               options: Options) -> Item:
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
                             empty_reason="no article text found in HTML")


def article_from_text(raw: str, *, doc_id: str, path: str | None = None, line: int | None = None,
                      meta: SourceMeta = SourceMeta(), options: Options = Options(),
                      empty_reason: str = "no article text left after cleaning") -> Item:
    """Clean ``raw`` and resolve its metadata into an Article (or an error with
    ``empty_reason`` when nothing is left after cleaning)."""
    lines = prepare_lines(raw)
    text = clean_lines(lines)
    if not text:
        return IngestError(path or doc_id, empty_reason, line)
    found = resolve(lines, text, meta, outlet_option=options.outlet, published_option=options.published)
    return Article(
        id=doc_id,
        text=text,
        content_hash=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        title=found.title,
        outlet=found.outlet,
        published=found.published,
        url=meta.url,
        path=path,
        outlet_rule=found.outlet_rule,
        date_rule=found.date_rule,
    )


def _iter_lines(handle: BinaryIO, max_bytes: int, first: int = 1) -> Iterator[tuple[int, bytes | None, int]]:
    """(line number, line bytes or None when over max_bytes, size) with bounded memory;
    the handle's first line is line ``first``."""
    number = first - 1
    while True:
        chunk = handle.readline(max_bytes + 1)
        if not chunk:
            return
        number += 1
        if len(chunk) <= max_bytes or chunk.endswith(b"\n"):
            yield number, chunk, len(chunk)
            continue
        size = len(chunk)
        while chunk and not chunk.endswith(b"\n"):  # skip the rest of the long line
            chunk = handle.readline(max_bytes + 1)
            size += len(chunk)
        yield number, None, size


def _read_jsonl(path: Path, options: Options, lines: LineRange | None = None) -> Iterator[Item]:
    where = str(path)
    try:
        handle = path.open("rb")
    except OSError as err:
        yield IngestError(where, f"cannot read: {err.strerror or err}")
        return
    with handle:
        try:
            if lines is None or lines.first == 1:
                head = handle.read(JSONL_SNIFF_BYTES)
                if b"\x00" in head or _mostly_binary(head):
                    yield IngestError(where, "binary file")
                    return
            handle.seek(lines.offset if lines else 0)
            seen_content = False
            first = lines.first if lines else 1
            for number, raw, size in _iter_lines(handle, options.max_bytes, first):
                if lines is not None and number >= lines.first + lines.count:
                    break
                if raw is None:
                    yield IngestError(where, f"too large: {size} bytes > limit {options.max_bytes}", number)
                    continue
                if number == 1 and raw.startswith(b"\xef\xbb\xbf"):
                    raw = raw[3:]
                if not raw.strip():
                    continue
                seen_content = True
                yield _jsonl_record(raw, number, path, options)
        except OSError as err:
            yield IngestError(where, f"cannot read: {err.strerror or err}")
            return
    if not seen_content and lines is None:
        yield IngestError(where, "empty")


def _mostly_binary(head: bytes) -> bool:
    """Whether a JSONL file's first bytes are binary rather than text with a few
    bad lines (one error for the file instead of one per line)."""
    text = head.decode("utf-8", errors="replace")
    junk = text.count("\ufffd") + sum(1 for ch in text if ch < " " and ch not in "\t\r\n")
    return bool(text) and junk / len(text) > MAX_CONTROL_SHARE


def _str_field(record: dict[str, object], key: str) -> str | None:
    value = record.get(key)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        value = str(value)
    return value.strip() or None if isinstance(value, str) else None


def _jsonl_record(raw: bytes, number: int, path: Path, options: Options) -> Item:
    where = str(path)
    try:
        line = raw.decode("utf-8").strip()
    except UnicodeDecodeError:
        return IngestError(where, f"malformed JSONL line {number}: not UTF-8", number)
    try:
        record = json.loads(line)
    except json.JSONDecodeError as err:
        message = err.msg.removesuffix(" at")  # "Unterminated string starting at"
        return IngestError(where, f"malformed JSONL line {number}: {message} at column {err.colno}", number)
    if not isinstance(record, dict):
        return IngestError(where, f"malformed JSONL line {number}: expected a JSON object, "
                                  f"got {type(record).__name__}", number)
    doc_id = _str_field(record, "id") or f"{path.stem}-{number}"
    meta = SourceMeta(
        title=_str_field(record, "title"),
        outlet=_str_field(record, "outlet"),
        published=parse_date_value(record.get("published")),
        url=_str_field(record, "url"),
    )
    text, html = record.get("text"), record.get("html")
    if isinstance(text, str) and text.strip():
        return article_from_text(text, doc_id=doc_id, path=where, line=number, meta=meta, options=options)
    if isinstance(html, str) and html.strip():
        return _from_html(html, doc_id=doc_id, path=where, line=number, meta=meta, options=options)
    return IngestError(where, f"JSONL line {number} has no text or html", number)


# Keys of an index line that name the file it describes.
_INDEX_FILE_KEYS = ("file", "path", "id")


def load_index(path: str | Path) -> dict[str, SourceMeta] | IngestError:
    """A metadata sidecar: JSONL with one object per article file, ``{"file": "a.txt",
    "outlet", "published", "title", "url"}`` (``file`` may also be ``path`` or ``id``).
    Returns file name (and stem) -> SourceMeta, or why the index cannot be read."""
    where = str(path)
    try:
        raw = Path(path).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as err:
        return IngestError(where, f"cannot read index: {getattr(err, 'strerror', None) or err}")
    out: dict[str, SourceMeta] = {}
    for number, line in enumerate(raw.splitlines(), 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as err:
            return IngestError(where, f"malformed index line {number}: {err.msg}", number)
        if not isinstance(record, dict):
            return IngestError(where, f"malformed index line {number}: expected a JSON object", number)
        name = next((_str_field(record, k) for k in _INDEX_FILE_KEYS if _str_field(record, k)), None)
        if name is None:
            return IngestError(where, f"index line {number} names no file (file, path or id)", number)
        meta = SourceMeta(title=_str_field(record, "title"), outlet=_str_field(record, "outlet"),
                          published=parse_date_value(record.get("published")), url=_str_field(record, "url"))
        base = Path(name).name
        out[base] = meta
        out.setdefault(Path(base).stem, meta)
    return out
