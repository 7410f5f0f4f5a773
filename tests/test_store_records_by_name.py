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
