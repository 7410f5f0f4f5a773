"""Checked values out of the watch config's TOML tables: a typed getter per kind that says
where a bad value is (``source 2: interval ...``), durations, URLs and paths."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(s|m|h|d)?\s*$")
_UNITS = {None: 1, "s": 1, "m": 60, "h": 3600, "d": 86400}


class ConfigError(ValueError):
    """The config file cannot be used; the message says where and why."""


def parse_duration(value: Any, where: str) -> float:
    """Seconds from 90, 90.5, "90", "90s", "10m", "1h", "1d"."""
    if isinstance(value, bool):
        raise ConfigError(f"{where}: expected seconds or a duration like 10m, got {value!r}")
    if isinstance(value, (int, float)):
        seconds = float(value)
    elif isinstance(value, str) and (m := _DURATION.match(value)):
        seconds = float(m.group(1)) * _UNITS[m.group(2)]
    else:
        raise ConfigError(f"{where}: expected seconds or a duration like 30s, 10m, 1h, got {value!r}")
    if seconds <= 0:
        raise ConfigError(f"{where}: must be more than 0 seconds, got {value!r}")
    return seconds


def http_url(value: Any, where: str) -> str:
    """An http(s) URL, stripped; anything else is a ``ConfigError``."""
    if not isinstance(value, str) or not value.strip():
        raise ConfigError(f"{where}: expected an http(s) URL, got {value!r}")
    parts = urlsplit(value.strip())
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        raise ConfigError(f"{where}: only http and https URLs are fetched, got {value!r}")
    return value.strip()


class Table:
    """One TOML table being read: typed getters that say where a bad value is, and a
    check that no unknown key is left."""

    def __init__(self, data: Any, where: str) -> None:
        if not isinstance(data, dict):
            raise ConfigError(f"{where}: expected a table, got {type(data).__name__}")
        self.data = data
        self.where = where
        self.used: set[str] = set()

    def get(self, key: str, types: type | tuple[type, ...], default: Any = None) -> Any:
        self.used.add(key)
        if key not in self.data:
            return default
        value = self.data[key]
        if isinstance(value, bool) and bool not in (types if isinstance(types, tuple) else (types,)):
            raise ConfigError(f"{self.where}: {key} has the wrong type ({value!r})")
        if not isinstance(value, types):
            raise ConfigError(f"{self.where}: {key} has the wrong type ({type(value).__name__}: {value!r})")
        return value

    def text(self, key: str, default: str | None = None) -> str | None:
        value = self.get(key, str, default)
        return value.strip() or default if isinstance(value, str) else value

    def number(self, key: str, default: float, *, minimum: float = 0.0) -> float:
        value = self.get(key, (int, float), default)
        if value < minimum:
            raise ConfigError(f"{self.where}: {key} must be at least {minimum:g}, got {value!r}")
        return float(value)

    def strings(self, key: str) -> tuple[str, ...]:
        value = self.get(key, (str, list), [])
        items = [value] if isinstance(value, str) else value
        if not all(isinstance(v, str) and v.strip() for v in items):
            raise ConfigError(f"{self.where}: {key} must be a string or a list of strings")
        return tuple(v.strip() for v in items)

    def done(self) -> None:
        unknown = sorted(set(self.data) - self.used)
        if unknown:
            raise ConfigError(f"{self.where}: unknown key{'s' if len(unknown) > 1 else ''} "
                              f"{', '.join(unknown)}")


def choice(value: str | None, valid: tuple[str, ...], where: str, key: str) -> str | None:
    """``value`` when it is one of ``valid`` (or None)."""
    if value is not None and value not in valid:
        raise ConfigError(f"{where}: {key} {value!r} is not one of: {', '.join(valid)}")
    return value


def config_path(value: str | None, base: Path | None) -> Path | None:
    """A path of the config, relative to the config file's folder ``base``."""
    if not value:
        return None
    path = Path(value).expanduser()
    return path if path.is_absolute() or base is None else base / path
