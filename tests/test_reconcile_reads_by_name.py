"""The reconcile stage reads every row by column name (issue 13, point 3): its queries go
through ``StageIO._dicts`` / ``_records`` or the store's ``records`` / ``rows_as``, which
build records from the cursor's column names, never through ``fetchall``/``fetchone``
and an index into the row (``row[3]`` breaks silently when a column is added)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

RECONCILE = Path(__file__).resolve().parents[1] / "src" / "sitrep" / "reconcile"
FETCHES = {"fetchall", "fetchone", "fetchmany"}


def _positional_reads(source: str) -> list[int]:
    """Lines where ``source`` fetches rows itself (they come back as tuples)."""
    return [node.lineno for node in ast.walk(ast.parse(source))
            if isinstance(node, ast.Attribute) and node.attr in FETCHES]


def test_reconcile_reads_rows_by_column_name():
    found = {path.name: lines for path in sorted(RECONCILE.glob("*.py"))
             if (lines := _positional_reads(path.read_text(encoding="utf-8")))}
    assert found == {}


@pytest.mark.parametrize("source", [
    "rows = con.execute('SELECT a, b FROM t').fetchall()\nfirst = rows[0][1]",
    "n = self.con.execute(sql, params).fetchone()[0]",
])
def test_reconcile_a_positional_read_is_caught(source):
    assert _positional_reads(source) == [1]


def test_reconcile_a_read_by_name_passes():
    assert _positional_reads("rows = self._dicts('SELECT a, b FROM t')\nfirst = rows[0]['b']") == []
