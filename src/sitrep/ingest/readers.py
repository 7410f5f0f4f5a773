"""Walk input paths and turn each file (or JSONL line) into an Article or an
IngestError. Never raises on bad input: every problem becomes a one-line reason, and a
surprise while reading one file is caught at that file's boundary."""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping, Sequence
from datetime import date
from pathlib import Path

from sitrep.ingest.build import DEFAULT_MAX_BYTES, Item, Options, article_from_text, from_html
from sitrep.ingest.decode import decode_bytes, decode_html
from sitrep.ingest.files import (
    HTML_SUFFIXES, JSONL_SUFFIXES, TEXT_SUFFIXES, iter_files, open_regular, read_bytes, shown,
)
from sitrep.ingest.jsonl import LineRange, read_jsonl
from sitrep.ingest.metadata import SourceMeta, parse_date_value
from sitrep.records import IngestError
from sitrep.safe_text import clean_field

__all__ = [
    "DEFAULT_MAX_BYTES", "LineRange", "Options", "article_from_text", "count_inputs", "iter_files", "iter_inputs",
    "load_index", "read_article_text", "read_path",
]


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
        with open_regular(path) as handle:
            return sum(1 for line in handle if line.strip(b"\x00\r\n\t "))
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
            continue
        try:
            yield from read_path(item, options)
        except Exception as exc:  # a surprise while reading costs this file, not the run
            yield IngestError(shown(item), f"not read: {type(exc).__name__}: {exc}")


def read_path(path: Path, options: Options = Options(), lines: LineRange | None = None) -> Iterator[Item]:
    """Everything one file yields: one article or error, or one per JSONL line (of
    ``lines`` only, when given: a piece of a large file, ``sitrep run --dask``)."""
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        yield from read_jsonl(path, options, lines)
    elif suffix in TEXT_SUFFIXES or suffix in HTML_SUFFIXES:
        yield _read_single(path, suffix, options)
    else:
        yield IngestError(shown(path), f"unsupported file type {shown(suffix)}" if suffix
                          else "unsupported file type (no extension)")


def read_article_text(path: str | Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> str | IngestError:
    """The decoded, uncleaned contents of a text file, or why it cannot be read."""
    data = read_bytes(Path(path), max_bytes)
    if isinstance(data, IngestError):
        return data
    decoded = decode_bytes(data)
    return decoded.text if decoded.text is not None else IngestError(shown(path), decoded.reason or "unreadable")


def _read_single(path: Path, suffix: str, options: Options) -> Item:
    where = shown(path)
    data = read_bytes(path, options.max_bytes)
    if isinstance(data, IngestError):
        return data
    decoded = decode_html(data) if suffix in HTML_SUFFIXES else decode_bytes(data)
    if decoded.text is None:
        return IngestError(where, decoded.reason or "unreadable")
    meta = options.index.get(path.name) or options.index.get(path.stem) or SourceMeta()
    doc_id = shown(path.stem)
    if suffix in HTML_SUFFIXES:
        return from_html(decoded.text, doc_id=doc_id, path=where, line=None, meta=meta, options=options,
                         notes=decoded.notes)
    return article_from_text(decoded.text, doc_id=doc_id, path=where, meta=meta, options=options,
                             notes=decoded.notes)


def _str_field(record: dict[str, object], key: str) -> str | None:
    value = record.get(key)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        value = str(value)
    return clean_field(value) or None if isinstance(value, str) else None


# Keys of an index line that name the file it describes.
_INDEX_FILE_KEYS = ("file", "path", "id")


def load_index(path: str | Path) -> dict[str, SourceMeta] | IngestError:
    """A metadata sidecar: JSONL with one object per article file, ``{"file": "a.txt",
    "outlet", "published", "title", "url"}`` (``file`` may also be ``path`` or ``id``).
    Returns file name (and stem) -> SourceMeta, or why the index cannot be read."""
    where = shown(path)
    try:
        with open_regular(path) as handle:
            raw = handle.read().decode("utf-8-sig")
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
        except RecursionError:
            return IngestError(where, f"malformed index line {number}: nested too deeply", number)
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
