"""A database held for writing by another process gives a clear error."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import duckdb
import pytest

from sitrep.store import StoreError, StoreLockedError, open_db

HOLDER = textwrap.dedent("""
    import sys, duckdb
    con = duckdb.connect(sys.argv[1])
    print("ready", flush=True)
    sys.stdin.readline()  # hold the file until the test closes our stdin
""")


@pytest.mark.parametrize("read_only", [False, True])
def test_store_lock_other_process_gives_clear_error(tmp_path, read_only: bool) -> None:
    path = tmp_path / "locked.duckdb"
    open_db(path).close()
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(path)],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "ready"
        try:
            store = open_db(path, read_only=read_only)
        except StoreLockedError as exc:
            message, cause = str(exc), exc.__cause__
        else:
            store.close()
            pytest.skip("this DuckDB lets a second process open a file held for writing")
        assert str(path) in message
        assert "another process" in message and "use a copy" in message
        assert isinstance(cause, duckdb.IOException)
    finally:
        holder.communicate("\n", timeout=30)


def test_store_lock_other_io_errors_are_not_lock_errors(tmp_path) -> None:
    not_db = tmp_path / "notes.duckdb"
    not_db.write_text("this is not a database file\n" * 100)
    with pytest.raises(StoreError, match="not a valid DuckDB database") as info:
        open_db(not_db)
    assert not isinstance(info.value, StoreLockedError)
