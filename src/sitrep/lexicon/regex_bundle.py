"""The regexes a run compiles before its first parse, handed back compiled at the next start.

Sitrep's modules and the libraries they import compile about 660 small regexes by the time
the first sentence is parsed and 750 by the end of the first batch (rule patterns, lexicon
tries, date cues, the CLI's and spaCy's own; stop 43): 0.3 s of CPU at every start, none of them large enough for ``regex_cache``'s
one-file-a-pattern store to pay. Python's ``re`` keeps what it compiled in a dict keyed by
(type, pattern, flags), ``re._cache``, and looks there before compiling. So the patterns of
that cache are written once, compiled, in one file (``save``, after a run's first parsed
batch), and the next process places them in ``re``'s cache when ``sitrep`` is imported
(``preload``: 5 ms): every ``re.compile`` of those patterns, anywhere, is then a lookup.

A pattern compiled from the file is the one ``re.compile`` builds: the program is keyed by
the pattern's text and flags, and the file by this Python's engine. The file's name also
holds a digest of the package's files (names, sizes, times), so a changed rule or word list
starts a new file rather than carrying patterns no longer used (the KEPT_BUNDLES newest are
kept: work trees or installs side by side share the cache folder).
Anything unexpected (a damaged file, another engine, a read-only folder) leaves ``re`` to
compile as usual: the bundle can only save time.
"""

from __future__ import annotations

import array
import hashlib
import marshal
import os
import re
import sys
from functools import lru_cache
from pathlib import Path

from .loader import cache_dir
from .state_cache import read_checked, write_checked

FORMAT = 1
_PACKAGE = Path(__file__).resolve().parents[1]
KEPT_BUNDLES = 8
# How many patterns ``re`` keeps (its own default is 512, the oldest dropped first). The
# start-up compiled ~480 when the bundle was written (stop 24) and ~750 by stop 43: past
# 512, every import's pattern dropped one the bundle had placed, so that 659 were compiled
# again before the first parse. Room for three times that many costs a few MB.
RE_CACHE_SIZE = 2048


# Compiled when ``sitrep`` is imported (``preload``), before anything of the start-up: while
# it is still in re's cache nothing compiled since has been dropped (re drops its oldest
# first, re.purge() drops all), so the cache holds the whole start-up and may be saved. A
# bundle written after a purge (the regex tests purge, then the suite's runs saved) held
# none of the start-up's patterns, and every start of that package paid 0.2 s (stop 47).
START_MARK = "(?#sitrep: start-up)"


def mark_start() -> None:
    try:
        re.compile(START_MARK)
    except Exception:  # noqa: BLE001  (an re without its cache: then nothing is saved anyway)
        pass


def holds_start() -> bool:
    """Whether re's cache still holds everything compiled since the mark."""
    return (str, START_MARK, 0) in getattr(re, "_cache", {})


def _engine():
    from re import _compiler, _parser  # noqa: F401  (only to check that they are there)
    import _sre

    return _sre, _compiler, _parser


@lru_cache(maxsize=1)
def _package_digest() -> str:
    """A digest of every file of the package (relative name, size, modification time) and of
    this Python's regex engine: what the patterns compiled at start-up depend on."""
    _sre = _engine()[0]
    key = hashlib.sha256(f"{FORMAT} {sys.version} {_sre.MAGIC} {_sre.CODESIZE}\n".encode())
    for root, dirs, files in os.walk(_PACKAGE):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        for name in sorted(files):
            stat = os.stat(os.path.join(root, name))
            key.update(f"{os.path.relpath(os.path.join(root, name), _PACKAGE)} {stat.st_size} "
                       f"{stat.st_mtime_ns}\n".encode("utf-8", "surrogateescape"))
    return key.hexdigest()[:24]


def bundle_path() -> Path:
    return cache_dir() / "regex" / f"bundle-{_package_digest()}.bin"


def _compiled(entry: tuple) -> re.Pattern[str]:
    """The pattern of one bundle entry: (pattern, flags as compiled, program, groups, group names)."""
    _sre = _engine()[0]
    pattern, flags, program, groups, groupindex = entry
    indexgroup = [None] * (groups + 1)
    for name, i in groupindex.items():
        indexgroup[i] = name
    code = array.array("I" if _sre.CODESIZE == 4 else "H")
    code.frombytes(program)
    return _sre.compile(pattern, flags, code.tolist(), groups, groupindex, tuple(indexgroup))


def _entry(pattern: str, flags: int) -> tuple:
    """What the bundle keeps of ``re.compile(pattern, flags)``: it is compiled again here,
    as ``re`` does, since a compiled pattern does not give its program back."""
    _sre, _compiler, _parser = _engine()
    parsed = _parser.parse(pattern, flags)
    code = _compiler._code(parsed, flags)
    program = array.array("I" if _sre.CODESIZE == 4 else "H", code).tobytes()
    return (pattern, flags | parsed.state.flags, program, parsed.state.groups - 1,
            dict(parsed.state.groupdict))


def read_bundle(path: Path) -> list[tuple[int, tuple]]:
    """(flags as given, entry) of each pattern of a bundle file, checked against its digest."""
    return marshal.loads(read_checked(path))


def preload() -> int:
    """Place the bundle's patterns in re's own cache; how many (0 without a bundle). ``re``
    keeps at most ``re._MAXCACHE`` patterns, dropping the oldest when full: raised here to
    RE_CACHE_SIZE, so that the ~750 of a start-up and first batch fit beside the
    program's own."""
    try:
        cache = re._cache  # type: ignore[attr-defined]
        re._MAXCACHE = limit = max(re._MAXCACHE, RE_CACHE_SIZE)  # type: ignore[attr-defined]
        entries = read_bundle(bundle_path())
        compiled = [((str, entry[0], given), _compiled(entry)) for given, entry in entries]
    except Exception:  # noqa: BLE001  (no file, damaged or foreign, another re: it compiles as usual)
        mark_start()
        return 0
    placed = [(key, pattern) for key, pattern in compiled if key not in cache][:max(0, limit - len(cache))]
    cache.update(placed)
    mark_start()
    return len(placed)


def save() -> bool:
    """Write the patterns in re's cache now as this package's bundle, unless it has one
    (written once per package digest: at the end of a run's first parsed batch, the
    patterns of the start-up and of the first articles) or the cache has lost some of the
    start-up's since ``mark_start``. Whether a file was written."""
    try:
        path = bundle_path()
        if path.exists() or not holds_start():
            return False
        keys = [key for key in list(re._cache)  # type: ignore[attr-defined]
                if key[0] is str and isinstance(key[2], int) and key[1] != START_MARK]
        entries = [(key[2], _entry(key[1], key[2])) for key in keys]
        _write(path, entries)
    except Exception:  # noqa: BLE001  (a read-only cache, an engine without this interface)
        return False
    return True


def _write(path: Path, entries: list[tuple[int, tuple]]) -> None:
    """Written atomically (a concurrent run never reads half a file); bundles beyond the
    KEPT_BUNDLES newest removed."""
    write_checked(path, marshal.dumps(entries))
    bundles = sorted(path.parent.glob("bundle-*.bin"), key=lambda p: p.stat().st_mtime_ns, reverse=True)
    for old in bundles[KEPT_BUNDLES:]:
        old.unlink(missing_ok=True)
