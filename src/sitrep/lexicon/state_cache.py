"""State built from data files, kept in the cache folder like the compiled regexes.

The gazetteer's in-memory layers (every country's admin-1 areas, US counties, countries,
regions: 10,800 name keys) take about 0.2 s of CPU to build from their JSON files at every
start, and read back pickled in about 20 ms. What was built depends only on the files read
and the code that read them, so the cached copy is keyed by a digest of both (the caller
names them: file contents, source files, versions); a change to any of them builds afresh.
Anything unexpected (a damaged or foreign file, an unpicklable state, a read-only folder)
builds as if there were no cache: the cache can only save time.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
import tempfile
from pathlib import Path
from typing import Callable, Iterable, TypeVar

from .loader import cache_dir

T = TypeVar("T")
FORMAT = 1


def digest_of(parts: Iterable[bytes | str]) -> str:
    """One digest of the cache format, this Python and every part named (in order)."""
    key = hashlib.sha256(f"{FORMAT} {sys.version} {pickle.HIGHEST_PROTOCOL}\n".encode())
    for part in parts:
        data = part.encode("utf-8", "surrogatepass") if isinstance(part, str) else part
        key.update(len(data).to_bytes(8, "little"))
        key.update(data)
    return key.hexdigest()[:24]


def source_of(*modules) -> list[bytes]:
    """The source files of ``modules``: a change to the code that builds a state rebuilds it."""
    return [Path(module.__file__).read_bytes() for module in modules]


def state_path(name: str, parts: Iterable[bytes | str]) -> Path:
    return cache_dir() / "state" / f"{name}-{digest_of(parts)}.pickle"


def read_checked(path: Path) -> bytes:
    """The body of a cache file written by ``write_checked``; ValueError when it is damaged."""
    raw = path.read_bytes()
    head, _, body = raw.partition(b"\n")
    if hashlib.sha256(body).hexdigest().encode() != head:
        raise ValueError(f"damaged cache file {path.name}")
    return body


def write_checked(path: Path, body: bytes) -> None:
    """``body`` under its digest, written atomically: a concurrent run never reads half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    with os.fdopen(fd, "wb") as handle:
        handle.write(hashlib.sha256(body).hexdigest().encode() + b"\n")
        handle.write(body)
    os.replace(tmp, path)


def _load(path: Path):
    return pickle.loads(read_checked(path))


def _store(path: Path, state) -> None:
    body = pickle.dumps(state, protocol=pickle.HIGHEST_PROTOCOL)
    try:
        write_checked(path, body)
    except OSError:
        pass  # a read-only cache is no error: the state is built again next time


def cached_state(name: str, parts: Iterable[bytes | str], build: Callable[[], T]) -> T:
    """``build()``, or what it returned before for the same ``parts`` (read from the cache
    folder). The caller must name in ``parts`` everything ``build`` reads."""
    try:
        path = state_path(name, parts)
    except OSError:  # a part could not be read: build as usual
        return build()
    if path.exists():
        try:
            return _load(path)
        except Exception:  # noqa: BLE001  (damaged or foreign file: built again below)
            pass
    state = build()
    try:
        _store(path, state)
    except Exception:  # noqa: BLE001  (an unpicklable state: nothing is cached)
        pass
    return state
