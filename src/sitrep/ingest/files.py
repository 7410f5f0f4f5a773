"""Which files are read and how: regular files only, opened without ever blocking, every
folder that cannot be listed reported, and file names turned into text even when they
are not UTF-8.

A FIFO, a socket or a device named ``x.txt`` would block a reader forever (while the run
holds the database); it gets one line instead. ``open_regular`` checks the opened file
itself, so a file swapped for a FIFO after the folder was listed is caught too.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import BinaryIO

from sitrep.records import IngestError

TEXT_SUFFIXES = frozenset({".txt"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
JSONL_SUFFIXES = frozenset({".jsonl"})
ARTICLE_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES

# O_NONBLOCK: opening a FIFO for reading with no writer returns at once instead of waiting.
# It changes nothing for a regular file. (Absent on Windows, which has no FIFOs to open.)
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0)


class NotRegularFile(OSError):
    """The path is a FIFO, socket, device or folder, not a file to read."""

    def __init__(self, path: str) -> None:
        super().__init__(0, "not a regular file", path)


def shown(path: str | os.PathLike[str]) -> str:
    """A path as text: bytes of a name that is not UTF-8 become U+FFFD (``str(path)`` holds
    surrogate escapes, which no database or terminal should get)."""
    return os.fsencode(path).decode("utf-8", "replace")


def why(err: OSError) -> str:
    """An OSError's reason in a few words ("Permission denied")."""
    return err.strerror or type(err).__name__


def _open_fd(path: str | os.PathLike[str]) -> int:
    return os.open(path, _OPEN_FLAGS)


def open_regular(path: str | os.PathLike[str]) -> BinaryIO:
    """Open a regular file for reading; raises OSError (NotRegularFile for anything else)."""
    fd = _open_fd(path)
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise NotRegularFile(shown(path))
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def _is_hidden(name: str) -> bool:
    return name.startswith(".")


def iter_files(paths: Sequence[str | Path]) -> Iterator[Path | IngestError]:
    """Files named, and article files under folders named (recursively, sorted, hidden
    entries skipped), in a deterministic order. Missing paths, folders that cannot be
    read and anything that is not a regular file become errors.

    In a folder, files that are not articles by their extension (a README, a gold file,
    images) are left alone; a file named explicitly is always read, so an unsupported
    one gets its one-line reason."""
    for given in paths:
        path = Path(given)
        try:
            mode = os.stat(path).st_mode
        except FileNotFoundError:
            yield IngestError(shown(path), "no such file or directory")
            continue
        except OSError as err:
            yield IngestError(shown(path), f"cannot read: {why(err)}")
            continue
        if stat.S_ISDIR(mode):
            yield from _walk(path)
        elif stat.S_ISREG(mode):
            yield path
        else:
            yield IngestError(shown(path), "not a regular file")


def _walk(root: Path) -> Iterator[Path | IngestError]:
    failed: list[OSError] = []

    def folder_errors() -> Iterator[IngestError]:
        while failed:
            err = failed.pop(0)
            yield IngestError(shown(err.filename or root), f"cannot read folder: {why(err)}")

    for folder, dirs, files in os.walk(root, onerror=failed.append):
        yield from folder_errors()
        dirs[:] = sorted(d for d in dirs if not _is_hidden(d))
        for name in sorted(files):
            if _is_hidden(name) or Path(name).suffix.lower() not in ARTICLE_SUFFIXES:
                continue
            path = Path(folder) / name
            try:
                mode = os.stat(path).st_mode
            except OSError as err:
                yield IngestError(shown(path), f"cannot read: {why(err)}")
                continue
            yield path if stat.S_ISREG(mode) else IngestError(shown(path), "not a regular file")
    yield from folder_errors()


def read_bytes(path: Path, max_bytes: int) -> bytes | IngestError:
    """A whole file's bytes, or why not (too large, unreadable, not a regular file)."""
    try:
        with open_regular(path) as handle:
            size = os.fstat(handle.fileno()).st_size
            if size > max_bytes:
                return IngestError(shown(path), f"too large: {size} bytes > limit {max_bytes}")
            data = handle.read(max_bytes + 1)
    except NotRegularFile:
        return IngestError(shown(path), "not a regular file")
    except OSError as err:
        return IngestError(shown(path), f"cannot read: {why(err)}")
    if len(data) > max_bytes:  # the file grew since stat
        return IngestError(shown(path), f"too large: {len(data)}+ bytes > limit {max_bytes}")
    return data
