"""Inputs listed and cut into shards, the unit of work of ``sitrep run --dask``.

A shard is a group of whole files, or a range of lines of one large JSONL file. Listing
uses the single-machine run's own walk (``ingest.iter_files``) for local paths, so the
files, their order and the ``path`` every row records are the same; fsspec URLs
(``s3://bucket/articles/``) are listed with fsspec under the same rules.

Small files are grouped by a content-defined cut (as rsync and backup tools cut a stream
into chunks): once a group holds half the target, it ends after a file whose path hashes
to a cut, so a file added to a folder changes its own group (and that group's output
file) and rarely the next one, never all the groups after it. Groups average the target
and never grow past ``GROUP_CAP`` times it, whatever the hashes.

Nothing here imports dask: the plan is plain data, pickled to the workers.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from sitrep.ingest import LineRange, SourceMeta, iter_files
from sitrep.ingest.decode import looks_binary, text_encoding
from sitrep.ingest.files import shown
from sitrep.ingest.jsonl import JSONL_SNIFF_BYTES
from sitrep.records import IngestError

# Articles per shard. One shard is one task: ~256 articles take 10-20 s on one worker
# core, against a fixed cost of well under a second (an empty database, five Parquet
# files, the scheduler's round trip: "per-shard overhead" in docs/benchmarks.md), and a
# killed worker costs at most one shard's work.
SHARD_ARTICLES = 256
# Bytes per JSONL article, to guess how many articles a small JSONL file holds and when
# one is large enough to cut into line ranges. Wire copy of 600-800 words is 4-6 kB
# with its JSON fields; the bundled sample's JSONL is 1.8 kB a line.
JSONL_BYTES_PER_ARTICLE = 4096
# A group of small files stops at this many times the target even without a cut.
GROUP_CAP = 4
# Bytes read at a time when counting the lines of a JSONL file.
SCAN_BLOCK = 1 << 20

TEXT_SUFFIXES = frozenset({".txt", ".html", ".htm"})
JSONL_SUFFIX = ".jsonl"
ARTICLE_SUFFIXES = TEXT_SUFFIXES | {JSONL_SUFFIX}


@dataclass(frozen=True, slots=True)
class Piece:
    """One input of a shard: a whole file, or ``lines`` of a JSONL file."""

    path: str  # as a single-machine run names it: the ``path`` of its rows and errors
    location: str  # where a worker reads it: an absolute local path or an fsspec URL
    size: int  # bytes of the file, or of the line range
    lines: LineRange | None = None

    @property
    def suffix(self) -> str:
        return os.path.splitext(self.location.rsplit("/", 1)[-1])[1].lower()

    @property
    def name(self) -> str:
        return self.location.replace("\\", "/").rsplit("/", 1)[-1]


@dataclass(frozen=True, slots=True)
class Shard:
    pieces: tuple[Piece, ...]
    # ``--index`` metadata of its files (file name or stem -> metadata), not the whole index.
    meta: tuple[tuple[str, SourceMeta], ...] = field(default=())

    def describe(self) -> str:
        first = self.pieces[0]
        where = first.path + (f" lines {first.lines.first}-{first.lines.first + first.lines.count - 1}"
                              if first.lines else "")
        return where + (f" and {len(self.pieces) - 1} more files" if len(self.pieces) > 1 else "")


def is_url(path: str | os.PathLike[str]) -> bool:
    return "://" in str(path)


def split_bytes_for(shard_articles: int) -> int:
    """JSONL files larger than this are cut into line ranges of ``shard_articles`` lines."""
    return max(1, shard_articles) * JSONL_BYTES_PER_ARTICLE


# -- listing -----------------------------------------------------------------------


def list_inputs(paths: Sequence[str | os.PathLike[str]]) -> Iterator[Piece | IngestError]:
    """Every input file as a Piece (or an error for a path that is missing), in the order
    of a single-machine run."""
    for given in paths:
        if is_url(given):
            yield from _list_url(str(given))
            continue
        for item in iter_files([given]):
            if isinstance(item, IngestError):
                yield item
                continue
            try:
                size = item.stat().st_size
            except OSError:
                size = 0  # the reader says why it cannot read it
            # path as the single-machine readers name it (``shown``: no surrogate escapes)
            yield Piece(path=shown(item), location=os.path.abspath(item), size=size)


def _hidden(relative: str) -> bool:
    return any(part.startswith(".") for part in relative.split("/") if part)


def _list_url(url: str) -> Iterator[Piece | IngestError]:
    from fsspec.core import url_to_fs

    fs, root = url_to_fs(url)
    full = fs.unstrip_protocol
    try:
        if fs.isdir(root):
            found = fs.find(root, detail=True)
            for path in sorted(found):
                relative = path[len(root.rstrip("/")):]
                if _hidden(relative) or os.path.splitext(path)[1].lower() not in ARTICLE_SUFFIXES:
                    continue
                yield Piece(path=full(path), location=full(path), size=int(found[path].get("size") or 0))
        elif fs.isfile(root):
            yield Piece(path=url, location=url, size=int(fs.size(root) or 0))
        else:
            yield IngestError(url, "no such file or directory")
    except OSError as err:
        yield IngestError(url, f"cannot list: {err.strerror or err}")


def open_input(location: str, mode: str = "rb"):
    """A local path or an fsspec URL opened for reading."""
    if is_url(location):
        import fsspec

        return fsspec.open(location, mode).open()
    return open(location, mode)


# -- cutting a large JSONL file ---------------------------------------------------------


def jsonl_ranges(piece: Piece, lines_per_range: int) -> list[Piece]:
    """A large JSONL file as pieces of ``lines_per_range`` lines each, cut at line starts
    and numbered as the file's lines (as ``ingest`` numbers them: blank lines count). A file
    that is not plain UTF-8 text at its head (binary, UTF-16) stays whole, so its reader
    reports it once. Runs on a worker: the file is read once, in blocks."""
    import numpy as np

    lines_per_range = max(1, lines_per_range)
    starts = [0]  # byte offset of each range's first line
    counted = 0  # newlines seen so far
    position = 0
    last = b""
    with open_input(piece.location) as handle:
        head = handle.read(SCAN_BLOCK)
        # As the JSONL reader sniffs a file's head: UTF-16 (with a BOM or not) or binary.
        sniffed = head[:JSONL_SNIFF_BYTES]
        if text_encoding(sniffed) is not None or looks_binary(sniffed):
            return [piece]
        block = head
        while block:
            newlines = np.flatnonzero(np.frombuffer(block, dtype=np.uint8) == 10)
            # Line k+1 starts after the k-th newline; a range starts every lines_per_range lines.
            next_cut = len(starts) * lines_per_range  # newline count after which the next range starts
            while counted + len(newlines) >= next_cut:
                offset = position + int(newlines[next_cut - counted - 1]) + 1
                starts.append(offset)
                next_cut += lines_per_range
            counted += len(newlines)
            position += len(block)
            last = block[-1:]
            block = handle.read(SCAN_BLOCK)
    total = counted + (1 if last and last != b"\n" else 0)  # a last line with no newline
    if starts and starts[-1] >= position:  # a cut right at the end of the file
        starts.pop()
    if len(starts) <= 1:
        return [piece]
    out = []
    for i, offset in enumerate(starts):
        first = i * lines_per_range + 1
        end = starts[i + 1] if i + 1 < len(starts) else position
        count = lines_per_range if i + 1 < len(starts) else total - first + 1
        out.append(Piece(path=piece.path, location=piece.location, size=end - offset,
                         lines=LineRange(offset=offset, first=first, count=count)))
    return out


# -- grouping small files -----------------------------------------------------------------


def estimated_articles(piece: Piece) -> int:
    if piece.lines is not None:
        return piece.lines.count
    if piece.suffix == JSONL_SUFFIX:
        return max(1, piece.size // JSONL_BYTES_PER_ARTICLE)
    return 1


def _cut_after(piece: Piece, weight: int, span: int) -> bool:
    """Content-defined cut: true for about ``weight`` in ``span`` paths."""
    digest = int.from_bytes(hashlib.sha256(piece.path.encode("utf-8", "replace")).digest()[:8], "big")
    return digest % max(1, span) < weight


class Grouper:
    """Small files into shards of about ``target`` articles (see the module docstring)."""

    def __init__(self, target: int = SHARD_ARTICLES, index: Mapping[str, SourceMeta] | None = None) -> None:
        self.target = max(1, target)
        self.index = index or {}
        self._pieces: list[Piece] = []
        self._weight = 0

    def add(self, piece: Piece) -> Iterator[Shard]:
        weight = estimated_articles(piece)
        self._pieces.append(piece)
        self._weight += weight
        half = max(1, self.target // 2)
        if self._weight >= GROUP_CAP * self.target or (
                self._weight >= half and _cut_after(piece, weight, self.target - half or 1)):
            yield self._flush()

    def finish(self) -> Iterator[Shard]:
        if self._pieces:
            yield self._flush()

    def _flush(self) -> Shard:
        pieces, self._pieces, self._weight = tuple(self._pieces), [], 0
        return shard_of(pieces, self.index)


def shard_of(pieces: Iterable[Piece], index: Mapping[str, SourceMeta] | None = None) -> Shard:
    """A shard of ``pieces`` with the ``--index`` entries its files use."""
    pieces = tuple(pieces)
    meta: dict[str, SourceMeta] = {}
    for piece in pieces:
        for key in (piece.name, Path(piece.name).stem):
            if index and key in index:
                meta[key] = index[key]
    return Shard(pieces=pieces, meta=tuple(sorted(meta.items(), key=lambda kv: kv[0])))
