"""How one column of a bulk insert (``Store._insert``: one parameter per column, zipped back
by ``unnest``) goes to DuckDB, the cheapest way its values allow:

- one value on every row: that value, once (``one_value``);
- lists of texts: one text per list, its items each after a separator, split back in SQL
  (``as_joined_texts``);
- JSON's own types and lists of them: one JSON text (``as_json``), which DuckDB parses in
  C, where it turns a Python list into a DuckDB list one value at a time (half the CPU or
  less: 13 ms against 24 for 2,400 lists of strings);
- anything else (timestamps, blobs, JSON columns): the Python list itself.

Each reads back what a row-by-row insert gives (``tests/test_store_writes.py``).
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

# Column types whose values (and lists of them) go to DuckDB as JSON text (``as_json``):
# JSON's own types, read back as they are. Not JSON columns (a text would stay a string,
# not become the value it spells), timestamps or blobs.
JSON_TYPES = frozenset({"VARCHAR", "BIGINT", "INTEGER", "DOUBLE", "BOOLEAN", "DATE"})
# Between the items of a list of texts sent as one text (``as_joined_texts``); a list whose
# items hold it goes as JSON.
ITEM_SEPARATOR = "\x1f"


def _json_value(value: Any) -> Any:
    if type(value) is date:
        return value.isoformat()
    raise TypeError(type(value).__name__)


def as_json(column: list[Any]) -> str | None:
    """A column's values as one JSON array, or None when one of them does not go as JSON
    exactly (a timestamp, whose zone DuckDB reads apart; not a number; anything but JSON's
    own types, lists, tuples and dates)."""
    try:
        return json.dumps(column, ensure_ascii=False, allow_nan=False, default=_json_value)
    except (TypeError, ValueError):
        return None


def as_joined_texts(column: list[Any]) -> str | None:
    """A column of lists of texts as one JSON array of texts, each item after the separator
    (``[]``: "", ``["a", "b"]``: "\\x1fa\\x1fb"), or None when a value is not such a list or
    an item holds the separator. DuckDB reads a few long texts faster than the many short
    ones of nested JSON arrays (an estimate's sources: 127,690 texts in 3,801 lists at
    10,000 + 100 articles, 0.06 s against 0.15-0.2 s; ``docs/benchmarks.md``, stop 26)."""
    texts: list[str | None] = []
    items = 0
    try:
        for value in column:
            if value is None:
                texts.append(None)
                continue
            if type(value) is not list:
                return None
            texts.append("".join([ITEM_SEPARATOR + item for item in value]))
            items += len(value)
    except TypeError:  # an item that is not a text
        return None
    if sum(text.count(ITEM_SEPARATOR) for text in texts if text) != items:
        return None
    return as_json(texts)


def one_value(column: list[Any], sql_type: str) -> bool:
    """Whether a column holds one and the same value of a JSON type on every row: it goes
    once, not as a list for DuckDB to read value by value (an estimate's rule, 500
    characters on each of 3,801 rows at 10,000 + 100 articles: 0.06 s of 0.29 s)."""
    return len(column) > 1 and sql_type in JSON_TYPES and column.count(column[0]) == len(column)


def column_parameter(column: list[Any], sql_type: str, *, rows_given: bool) -> tuple[str, Any]:
    """(what the insert's ``SELECT`` reads, the parameter) for one column of type
    ``sql_type``; ``rows_given``: another column unnests the rows, so this one may go once."""
    if rows_given and one_value(column, sql_type):
        return f"CAST(? AS {sql_type})", column[0]  # repeated on every row
    joined = as_joined_texts(column) if sql_type == "VARCHAR[]" else None
    if joined is not None:  # split back, less the empty text before the first separator
        return f"(string_split(unnest(CAST(CAST(? AS JSON) AS VARCHAR[])), chr({ord(ITEM_SEPARATOR)})))[2:]", joined
    text = as_json(column) if sql_type.replace("[]", "") in JSON_TYPES else None
    if text is None:
        return f"unnest(CAST(? AS {sql_type}[]))", column
    return f"unnest(CAST(CAST(? AS JSON) AS {sql_type}[]))", text
