"""Store reads build records by column name, not by position."""

import duckdb

from sitrep.records.rows import Counts
from sitrep.store.queries import record_maker, rows_as


def test_store_records_by_name_columns_in_any_order():
    con = duckdb.connect()
    shuffled = "SELECT 6 AS runs, 1 AS articles, 3 AS events, 2 AS claims, 5 AS errors, 4 AS place_mentions"
    in_order = "SELECT 1 AS articles, 2 AS claims, 3 AS events, 4 AS place_mentions, 5 AS errors, 6 AS runs"
    assert rows_as(con, shuffled, [], Counts) == rows_as(con, in_order, [], Counts) == [Counts(1, 2, 3, 4, 5, 6)]


def test_store_records_by_name_a_missing_column_is_an_error():
    make = record_maker(["articles", "claims", "events", "place_mentions", "runs"], Counts)
    try:
        make((1, 2, 3, 4, 6))
    except TypeError as exc:
        assert "errors" in str(exc)
    else:
        raise AssertionError("a record was built without its `errors` column")


def test_store_single_values_and_columns_through_one_helper():
    """``scalar`` and ``column`` read queries of one column (a count, an id list); a query of
    more columns is an error, so no value is taken from a row by its position among others."""
    import pytest

    from sitrep.store.queries import column, first, scalar

    con = duckdb.connect()
    con.execute("CREATE TABLE t (id VARCHAR, n INTEGER)")
    con.execute("INSERT INTO t VALUES ('b', 2), ('a', 1)")
    assert scalar(con, "SELECT count(*) FROM t") == 2
    assert scalar(con, "SELECT id FROM t WHERE n = ?", [3]) is None
    assert column(con, "SELECT id FROM t ORDER BY id") == ["a", "b"]
    assert first(con, "SELECT n, id FROM t ORDER BY n") == {"n": 1, "id": "a"}
    for read in (scalar, column):
        with pytest.raises(ValueError):
            read(con, "SELECT id, n FROM t")


def test_store_rows_are_fetched_only_by_the_helpers_that_read_by_name():
    """Every read outside ``store.queries`` (and the store's row stream, ``StoreReads._stream``)
    goes through them: no ``fetchone()[0]``, ``dict(fetchall())`` or tuple unpacking of a
    row, which breaks silently when a column is added or moved."""
    import ast
    from pathlib import Path

    package = Path(__file__).resolve().parents[1] / "src" / "sitrep"
    allowed = {package / "store" / "queries.py", package / "store" / "reads.py"}
    found = {str(path.relative_to(package)): node.lineno for path in sorted(package.rglob("*.py")) if path not in allowed
             for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
             if isinstance(node, ast.Attribute) and node.attr in {"fetchall", "fetchone", "fetchmany"}}
    assert found == {}
