"""How one value is written in each export format, shared by every format module.

- Missing values (e.g. an unknown outlet) are ``null`` in JSON and ``""`` in CSV; no
  placeholder such as "unknown" is invented.
- Dates are ISO ``YYYY-MM-DD``; booleans are ``true``/``false`` in CSV too.
- Lists (an event's ``fatality_claims``) are JSON arrays, ``;``-joined in CSV.
- JSON is written with ``ensure_ascii=False`` but U+2028/U+2029 escaped, so line-based
  readers that also split on those separators see one row a line.
- CSV text cells that a spreadsheet would run as a formula (starting with ``= + - @``, a
  tab or a carriage return: article text is untrusted) get a leading apostrophe, which
  spreadsheets do not show; ``raw=True`` (``--raw-csv``) writes them as they are. Numbers
  are never changed (a longitude of -3.7 stays a number).
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from sitrep.records.rows import exported
from sitrep.safe_text import csv_cell

CSV_LIST_SEPARATOR = ";"


def row_fields(row_type: type) -> list[str]:
    """Column names of a row dataclass, in export order (fields stored only for the
    reconcile stage, ``records.rows.STORED_ONLY``, left out)."""
    return [f.name for f in dataclasses.fields(row_type) if exported(f)]


def json_value(value: Any) -> Any:
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return value


def row_dict(row: Any, fields: Sequence[str]) -> dict[str, Any]:
    """``row``'s ``fields`` as JSON values, in that order."""
    return {name: json_value(getattr(row, name)) for name in fields}


def json_line(obj: Any) -> str:
    """One JSON text without raw line separators (see module docstring)."""
    text = json.dumps(obj, ensure_ascii=False)
    return text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def csv_value(value: Any, raw: bool = False) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, (list, tuple)):
        value = CSV_LIST_SEPARATOR.join(str(v) for v in value)
    text = str(value) if raw else csv_cell(str(value))
    # The csv module quotes a field with "\n" but not one with a lone "\r", which readers
    # take for a line end: a carriage return in a cell is written as a newline.
    return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text
