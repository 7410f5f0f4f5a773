"""Rows the database can hold: integers within their column's range, strings without
lone surrogates.

Extraction does not make such values on purpose (a figure beyond the world's population is
no claim, ingest replaces surrogates), but a row the database refuses must cost only that
row: an article with one impossible claim keeps its text and its other claims.
"""

from __future__ import annotations

import re
from typing import Any

# Bits of the signed integer types the schema uses (DuckDB: INTEGER is 32-bit, BIGINT 64).
_SIGNED_BITS = {"TINYINT": 8, "SMALLINT": 16, "INTEGER": 32, "BIGINT": 64, "HUGEINT": 128}
_SURROGATE = re.compile("[\ud800-\udfff]")


def _fits(value: int, column_type: str) -> bool:
    bits = _SIGNED_BITS.get(column_type)
    return bits is None or -(1 << (bits - 1)) <= value < (1 << (bits - 1))


def storable(row: dict[str, Any], types: dict[str, str]) -> tuple[dict[str, Any], str | None]:
    """``row`` ready to insert (surrogates replaced by U+FFFD), or the reason it cannot be:
    a number beyond its column's type."""
    fixed: dict[str, Any] | None = None
    for key, value in row.items():
        if isinstance(value, int) and not isinstance(value, bool):
            if not _fits(value, types.get(key, "")):
                return row, f"{key} {value} is beyond the database's {types.get(key)}"
        elif isinstance(value, str) and _SURROGATE.search(value):
            fixed = fixed or dict(row)
            fixed[key] = _SURROGATE.sub("\ufffd", value)
    return fixed or row, None
