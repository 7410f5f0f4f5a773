"""Migrations run once, are recorded, and later ones just append."""

from __future__ import annotations

import duckdb
import pytest

from sitrep.store import StoreError, open_db
from sitrep.store.migrations import (
    LATEST_VERSION, MIGRATIONS, Migration, apply_migrations, sql,
)

TABLES = {"articles", "claims", "events", "place_mentions", "ingest_errors", "runs"}


def _tables(con: duckdb.DuckDBPyConnection) -> set[str]:
    return {r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}


def test_store_migrations_versions_strictly_increase() -> None:
    versions = [m.version for m in MIGRATIONS]
    assert versions == sorted(set(versions)) and versions[0] == 1


def test_store_migrations_applied_once_and_recorded(tmp_path) -> None:
    path = tmp_path / "s.duckdb"
    with open_db(path) as store:
        assert TABLES <= _tables(store.connection)
        first = store.connection.execute(
            "SELECT version, name, applied_at FROM schema_migrations").fetchall()
    assert [r[0] for r in first] == [m.version for m in MIGRATIONS]
    assert all(r[1] and r[2] for r in first)
    with open_db(path) as store:  # second open must not re-apply (would fail: tables exist)
        again = store.connection.execute(
            "SELECT version, name, applied_at FROM schema_migrations").fetchall()
    assert again == first


def test_store_migrations_new_migration_appends(tmp_path) -> None:
    con = duckdb.connect(str(tmp_path / "m.duckdb"))
    assert apply_migrations(con) == [m.version for m in MIGRATIONS]
    extra = Migration(LATEST_VERSION + 1, "series table", sql("CREATE TABLE series (id VARCHAR)"))
    assert apply_migrations(con, MIGRATIONS + (extra,)) == [LATEST_VERSION + 1]
    assert apply_migrations(con, MIGRATIONS + (extra,)) == []
    assert "series" in _tables(con)


def test_store_migrations_failed_migration_rolls_back(tmp_path) -> None:
    con = duckdb.connect(str(tmp_path / "f.duckdb"))
    apply_migrations(con)
    bad = Migration(LATEST_VERSION + 1, "broken",
                    sql("CREATE TABLE half (id VARCHAR); SELECT * FROM no_such_table"))
    with pytest.raises(duckdb.Error):
        apply_migrations(con, MIGRATIONS + (bad,))
    assert "half" not in _tables(con)
    versions = {r[0] for r in con.execute("SELECT version FROM schema_migrations").fetchall()}
    assert LATEST_VERSION + 1 not in versions


def test_store_migrations_read_only_needs_existing_db(tmp_path) -> None:
    with pytest.raises(StoreError, match="no database"):
        open_db(tmp_path / "missing.duckdb", read_only=True)
    path = tmp_path / "ro.duckdb"
    open_db(path).close()
    with open_db(path, read_only=True) as store:
        assert store.counts().articles == 0


def test_store_migrations_minhash_added_to_migration_1_database(tmp_path) -> None:
    from sitrep.minhash import unpack_signature
    from sitrep.reconcile.copies import find_copies

    path = tmp_path / "v1.duckdb"
    con = duckdb.connect(str(path))
    assert apply_migrations(con, MIGRATIONS[:1]) == [1]  # a database from before signatures
    text = " ".join(f"word{i}" for i in range(40))
    for doc in ("a", "b"):
        con.execute("INSERT INTO articles (id, content_hash, text) VALUES (?, ?, ?)", [doc, doc, text])
    con.close()
    with pytest.raises(StoreError, match="schema version 1"):
        open_db(path, read_only=True)  # reading needs the migration first
    with open_db(path) as store:
        versions = store.connection.execute("SELECT version FROM schema_migrations ORDER BY 1")
        assert [v for (v,) in versions.fetchall()] == [m.version for m in MIGRATIONS]
        rows = store.connection.execute("SELECT id, minhash FROM articles ORDER BY id").fetchall()
        assert rows == [("a", None), ("b", None)]  # old rows keep their data, no signature yet
        assert [g.docs for g in find_copies(store)] == [["a", "b"]]
        blobs = store.connection.execute("SELECT minhash FROM articles").fetchall()
        assert all(unpack_signature(b) is not None for (b,) in blobs)  # signed on first use
    with open_db(path, read_only=True) as store:
        assert store.counts().articles == 2
