"""The one reader of Sitrep's data files and of the user's overlay.

Package files (``sitrep/data``) are parsed once per process and shared: callers read
them and never change them. Folders of lexicon files (``claimants``, ``actors``) list the
package's files, then those of ``$SITREP_DATA_DIR/<folder>`` a user adds, then any files a
caller names, so a later file can correct an earlier one.
"""

from __future__ import annotations

import json
import os
from functools import lru_cache
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any, Iterable

_DATA = resources.files("sitrep") / "data"
# The user's own lexicon files: $SITREP_DATA_DIR/claimants/*.json, $SITREP_DATA_DIR/actors/*.json.
OVERLAY_ENV = "SITREP_DATA_DIR"


def data_path(*parts: str) -> Traversable:
    """A file or folder of the package data (``data_path("gazetteer", "admin1.json")``)."""
    return _DATA.joinpath(*parts)


@lru_cache(maxsize=None)
def read_json(*parts: str) -> Any:
    """A package data file, parsed once per process (shared: never change what it returns)."""
    return json.loads(read_text(*parts))


def read_text(*parts: str) -> str:
    return data_path(*parts).read_text(encoding="utf-8")


def read_bytes(*parts: str) -> bytes:
    return data_path(*parts).read_bytes()


def read_json_file(path: str | os.PathLike[str]) -> Any:
    """A lexicon file by its path (package, overlay or named by a caller), parsed afresh."""
    return json.loads(Path(path).read_text(encoding="utf-8"))


def overlay_dir() -> str | None:
    """The user's data folder (``$SITREP_DATA_DIR``), or None."""
    return os.environ.get(OVERLAY_ENV) or None


def package_files(folder: str) -> list[Path]:
    """The package's JSON files of a lexicon folder, by name."""
    return sorted(Path(str(data_path(folder))).glob("*.json"))


def lexicon_files(folder: str, extra: Iterable[str | os.PathLike[str]] = (),
                  user_dir: str | None = None) -> list[Path]:
    """The JSON files of a lexicon folder: the package's, the overlay's (``user_dir``, which
    callers that cache per overlay pass in; else ``$SITREP_DATA_DIR``), then ``extra``."""
    files = package_files(folder)
    user_dir = user_dir if user_dir is not None else overlay_dir()
    if user_dir:
        files += sorted((Path(user_dir) / folder).glob("*.json"))
    return files + [Path(p) for p in extra]


def cache_dir() -> Path:
    """Where compiled data lives: $SITREP_CACHE_DIR, $XDG_CACHE_HOME/sitrep or ~/.cache/sitrep."""
    if env := os.environ.get("SITREP_CACHE_DIR"):
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "sitrep"


def gazetteer_dir() -> Path:
    """Where imported GeoNames places (the gazetteer's overlay) live: $SITREP_GAZETTEER_DIR or
    the cache dir."""
    if env := os.environ.get("SITREP_GAZETTEER_DIR"):
        return Path(env)
    return cache_dir()
