"""JSON lines: one object a line, keys in the row's field order."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, TextIO

from sitrep.publish.exports.values import json_line, row_dict


def write_jsonl(rows: Iterable[Any], out: TextIO, fields: Sequence[str]) -> int:
    """Write each row's ``fields`` as one JSON line; returns the number of rows."""
    n = 0
    for row in rows:
        out.write(json_line(row_dict(row, fields)) + "\n")
        n += 1
    return n
