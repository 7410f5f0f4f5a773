"""CSV: a header of the field names, then one line a row.

``\\n`` line ends; fields holding separators, quotes or newlines are quoted, so sentences
with line breaks survive ``csv.DictReader`` (cell encoding: ``values.csv_value``).
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from typing import Any, TextIO

from sitrep.publish.exports.values import csv_value


def write_csv(rows: Iterable[Any], out: TextIO, fields: Sequence[str], *, raw: bool = False) -> int:
    """Write the header and each row's ``fields``; returns the number of rows. Cells that
    would run as spreadsheet formulas are neutralised unless ``raw``."""
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(fields)
    n = 0
    for row in rows:
        writer.writerow([csv_value(getattr(row, name), raw) for name in fields])
        n += 1
    return n
