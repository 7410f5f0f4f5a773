"""Who holds a database file, and a waiting writer's claim to it.

DuckDB lets one process write a file, or several read it, never both at once. Its lock
error names the process that holds the file (program and PID): ``describe_holder`` turns
that into words ("`sitrep serve` (PID 4242), reading").

A writer that has to wait leaves a marker beside the file (``<db>.wait``, holding its PID)
while it waits. `sitrep serve` holds the file only while it answers requests; it checks the
marker before each one, lets go of the file and answers 503 while a writer waits, so a run
never loses the file to a server that is polled every second.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sitrep.safe_text import for_terminal

# DuckDB: 'Could not set lock on file "x": Conflicting lock is held in /usr/bin/python3
# (PID 4242) by user ... However, you would be able to open this database in read-only mode'
# (the last sentence only when the holder itself reads).
_HOLDER = re.compile(r"Conflicting lock is held in (?P<exe>.+?) \(PID (?P<pid>\d+)\)")
_HOLDER_READS = "read-only mode"
MARKER_SUFFIX = ".wait"


def holder_pid(message: str) -> int | None:
    m = _HOLDER.search(message)
    return int(m.group("pid")) if m else None


def holder_reads(message: str) -> bool:
    """Whether the process holding the file only reads it (it will let go sooner or later)."""
    return _HOLDER_READS in message


def describe_holder(message: str) -> str | None:
    """The process a DuckDB lock error names, in words, or None when it names none."""
    m = _HOLDER.search(message)
    if not m:
        return None
    pid = int(m.group("pid"))
    what = _command_of(pid) or Path(m.group("exe")).name
    return for_terminal(f"{what} (PID {pid})" + (", reading" if holder_reads(message) else ""))


def _command_of(pid: int) -> str | None:
    """'`sitrep serve`' for a sitrep process (Linux: from /proc), else None."""
    try:
        raw = Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return None
    args = [a.decode("utf-8", "replace") for a in raw.split(b"\0") if a]
    for i, arg in enumerate(args):
        if Path(arg).name == "sitrep" or arg == "sitrep.cli":
            command = next((a for a in args[i + 1:] if not a.startswith("-")), "")
            return f"`sitrep {command}`".replace(" `", "`")
    return None


def marker_path(db_path: str | os.PathLike[str]) -> Path:
    return Path(os.fspath(db_path) + MARKER_SUFFIX)


@contextmanager
def waiting_to_write(db_path: str | os.PathLike[str]) -> Iterator[None]:
    """Leave the marker while the body runs (nothing when the folder is read-only)."""
    marker = marker_path(db_path)
    mine = json.dumps({"pid": os.getpid()})
    try:
        marker.write_text(mine, encoding="utf-8")
    except OSError:
        yield
        return
    try:
        yield
    finally:
        try:
            if marker.read_text(encoding="utf-8") == mine:  # another writer may have taken it over
                marker.unlink()
        except OSError:
            pass


def writer_waiting(db_path: str | os.PathLike[str]) -> bool:
    """Whether a live process waits to write the file (a marker left by a killed one is ignored)."""
    try:
        pid = int(json.loads(marker_path(db_path).read_text(encoding="utf-8"))["pid"])
    except (OSError, ValueError, KeyError, TypeError):
        return False
    if os.name == "nt":
        return True  # os.kill would end the process there; trust the marker
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # alive, another user's
    return True
