"""JSONL files: one article per line, streamed with bounded memory.

Each line becomes an Article or an IngestError of its own, so one bad line (malformed,
nested a thousand deep, not decodable, too large) costs only itself. UTF-16 files (with
or without a BOM) are read as text; other files line by line as bytes, each line decoded
like a file (stray NULs and undecodable bytes dropped with a note). Metadata fields that
cannot be used (an object as ``id``, "garbage" as ``published``) leave the field empty,
with a note, and the article still lands.

A large file can be read in pieces (``LineRange``, cut by ``sitrep run --dask``): each
piece yields the lines it holds, numbered as the file's lines.
"""

from __future__ import annotations

import io
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sitrep.ingest.build import Item, Options, article_from_text, from_html
from sitrep.ingest.decode import decode_bytes, looks_binary, text_encoding
from sitrep.ingest.files import NotRegularFile, open_regular, shown, why
from sitrep.ingest.metadata import SourceMeta, parse_date_value
from sitrep.records import IngestError
from sitrep.safe_text import clean_field, clean_id

# Bytes read at the start of a JSONL file to tell UTF-16 and binary files before streaming.
JSONL_SNIFF_BYTES = 8192
# Characters of a bad field value quoted in its note.
NOTE_VALUE_CHARS = 40

META_FIELDS = ("title", "outlet", "url")


@dataclass(slots=True, frozen=True)
class LineRange:
    """Part of a JSONL file, for reading a large file in pieces (``sitrep run --dask``): the
    ``count`` lines from byte ``offset``, the first of which is line ``first`` of the file.
    Line numbers (and the ``{stem}-{line}`` ids of records with no ``id``) are the file's.
    Only the piece holding line 1 sniffs the head (binary bytes, UTF-16); the others are
    read as bytes, line by line (the planner, ``cluster.plan.jsonl_ranges``, leaves a
    UTF-16 or binary file whole). "empty" is said of whole files only."""

    offset: int
    first: int
    count: int


def read_jsonl(path: Path, options: Options, lines: LineRange | None = None) -> Iterator[Item]:
    """Every line of the file (or of ``lines``) as an Article or an IngestError."""
    where = shown(path)
    first = lines.first if lines is not None else 1
    try:
        handle = open_regular(path)
    except NotRegularFile:
        yield IngestError(where, "not a regular file")
        return
    except OSError as err:
        yield IngestError(where, f"cannot read: {why(err)}")
        return
    seen_content = False
    with handle:
        try:
            encoding = None
            if first == 1:
                head = handle.read(JSONL_SNIFF_BYTES)
                encoding = text_encoding(head)
                if encoding is None and looks_binary(head):
                    yield IngestError(where, "binary file")
                    return
            handle.seek(lines.offset if lines is not None else 0)
            for number, raw, size in _lines(handle, encoding, options.max_bytes, first):
                if lines is not None and number >= lines.first + lines.count:
                    break
                if raw is None:
                    yield IngestError(where, f"too large: {size} bytes > limit {options.max_bytes}", number)
                    continue
                if not raw.strip():
                    continue
                seen_content = True
                try:
                    item = _record(raw, number, where, shown(path.stem), options)
                except Exception as exc:  # one line's surprise costs that line, not the file
                    item = IngestError(where, f"line {number} not read: {type(exc).__name__}: {exc}", number)
                yield item
        except OSError as err:
            yield IngestError(where, f"cannot read: {why(err)}")
            return
    if not seen_content and lines is None:
        yield IngestError(where, "empty")


def _lines(handle: io.BufferedIOBase, encoding: str | None, max_bytes: int,
           first: int = 1) -> Iterator[tuple[int, bytes | None, int]]:
    """(line number, UTF-8 or raw bytes of the line or None when over max_bytes, size);
    the handle's first line is line ``first``."""
    if encoding is None:
        for number, raw, size in _bounded(handle.readline, max_bytes, b"\n", first):
            if number == 1 and raw is not None and raw.startswith(b"\xef\xbb\xbf"):
                raw = raw[3:]
            yield number, raw, size
        return
    # UTF-16: two bytes a character for all but the rarest characters.
    text = io.TextIOWrapper(handle, encoding=encoding, errors="replace", newline="")
    try:
        for number, line, size in _bounded(text.readline, max_bytes // 2, "\n", first):
            yield number, None if line is None else line.encode("utf-8"), size * 2
    finally:
        text.detach()  # the caller closes the file


def _bounded(readline: Callable[[int], Any], limit: int, newline: Any,
             first: int = 1) -> Iterator[tuple[int, Any, int]]:
    """Lines of at most ``limit`` units, numbered from ``first``; a longer line is skipped
    (None) with its size."""
    number = first - 1
    while True:
        chunk = readline(limit + 1)
        if not chunk:
            return
        number += 1
        if len(chunk) <= limit or chunk.endswith(newline):
            yield number, chunk, len(chunk)
            continue
        size = len(chunk)
        while chunk and not chunk.endswith(newline):  # skip the rest of the long line
            chunk = readline(limit + 1)
            size += len(chunk)
        yield number, None, size


def _record(raw: bytes, number: int, where: str, stem: str, options: Options) -> Item:
    decoded = decode_bytes(raw, utf16=False)
    if decoded.text is None:
        return IngestError(where, f"malformed JSONL line {number}: {decoded.reason}", number)
    notes = list(decoded.notes)
    try:
        record = json.loads(decoded.text, strict=False)
    except json.JSONDecodeError as err:
        message = err.msg.removesuffix(" at")  # "Unterminated string starting at"
        return IngestError(where, f"malformed JSONL line {number}: {message} at column {err.colno}", number)
    except RecursionError:
        return IngestError(where, f"malformed JSONL line {number}: nested too deeply", number)
    if not isinstance(record, dict):
        return IngestError(where, f"malformed JSONL line {number}: expected a JSON object, "
                                  f"got {type(record).__name__}", number)
    fallback = f"{stem}-{number}"
    doc_id = _text_field(record, "id", notes, clean=clean_id, empty=f"{fallback} used") or fallback
    meta = SourceMeta(
        title=_text_field(record, "title", notes),
        outlet=_text_field(record, "outlet", notes),
        published=_date_field(record, notes),
        url=_text_field(record, "url", notes),
    )
    text, html = record.get("text"), record.get("html")
    if isinstance(text, str) and text.strip():
        return article_from_text(text, doc_id=doc_id, path=where, line=number, meta=meta, options=options,
                                 notes=notes)
    if isinstance(html, str) and html.strip():
        return from_html(html, doc_id=doc_id, path=where, line=number, meta=meta, options=options, notes=notes)
    for key in ("text", "html"):
        if record.get(key) is not None and not isinstance(record.get(key), str):
            return IngestError(where, f"JSONL line {number}: {key} is {_kind(record[key])}, not text", number)
    return IngestError(where, f"JSONL line {number} has no text or html", number)


def _kind(value: object) -> str:
    if isinstance(value, bool):
        return "true or false"
    return {dict: "an object", list: "a list"}.get(type(value), f"a {type(value).__name__}")


def _quoted(value: object) -> str:
    shown_value = json.dumps(value, ensure_ascii=True)
    if len(shown_value) > NOTE_VALUE_CHARS:
        shown_value = shown_value[:NOTE_VALUE_CHARS - 1] + "…"
    return shown_value


def _text_field(record: dict[str, Any], key: str, notes: list[str], *,
                clean: Callable[[str], str] = clean_field, empty: str = "left empty") -> str | None:
    """A string field (a number is written as text); anything else is noted and dropped."""
    value = record.get(key)
    if value is None:
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        value = str(value)
    if isinstance(value, str):
        return clean(value) or None
    notes.append(f"{key} is {_kind(value)}, not text; {empty}")
    return None


def _date_field(record: dict[str, Any], notes: list[str]) -> Any:
    value = record.get("published")
    if value is None or isinstance(value, str) and not value.strip():
        return None
    found = parse_date_value(value) if isinstance(value, str) else None
    if found is None:
        notes.append(f"published {_quoted(value)} is not a date; left empty")
    return found
