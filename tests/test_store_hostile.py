"""The store under values it cannot hold, and runs that die (issue 10, items 1 and 12)."""

from __future__ import annotations

import dataclasses

import pytest

from sitrep.store import Store, open_db
from test_store_writes import make_extraction

GIANT = 99_999_999_999_999_999_999


@pytest.fixture
def store(tmp_path) -> Store:
    with open_db(tmp_path / "t.duckdb") as s:
        yield s


@pytest.mark.parametrize("field", ["value", "low", "high"])
def test_store_value_beyond_bigint_costs_only_its_row(store: Store, field: str) -> None:
    x = make_extraction("d1")
    x.claims[0] = dataclasses.replace(x.claims[0], **{field: GIANT})
    result = store.write_many([x, make_extraction("d2")])
    assert sorted(result.written) == ["d1", "d2"] and result.failed == []
    assert result.dropped == [("d1", f"claim at 9-11 left out: {field} {GIANT} is beyond the database's BIGINT")]
    assert (result.claims, result.events) == (3, 2)
    assert [c.id for c in store.claims(doc="d1")] == ["d1-c2"]
    (article,) = store.articles(doc="d1")
    assert article.n_claims == 1


def test_store_lone_surrogates_are_replaced_not_fatal(store: Store) -> None:
    x = make_extraction("d1")
    x.article.title = "T\ud800itle"
    x.article.outlet = "Out\udffflet"
    x.claims[0] = dataclasses.replace(x.claims[0], source="S\ud83dource")
    result = store.write_many([x])
    assert result.written == ["d1"] and result.failed == []
    (article,) = store.articles(doc="d1")
    assert (article.title, article.outlet) == ("T\ufffditle", "Out\ufffdlet")
    assert {c.source for c in store.claims(doc="d1")} == {"S\ufffdource", x.claims[1].source}


def test_store_unexpected_write_error_costs_only_its_article(store: Store, monkeypatch) -> None:
    from sitrep.store import flatten

    real = flatten.event_row

    def breaking(event):
        if event.doc == "bad":
            raise TypeError("not a row")
        return real(event)

    monkeypatch.setattr(flatten, "event_row", breaking)
    result = store.write_many([make_extraction("a"), make_extraction("bad"), make_extraction("b")])
    assert sorted(result.written) == ["a", "b"]
    assert result.failed == [("bad", "TypeError: not a row")]
    assert store.counts().articles == 2 and result.claims == 4


def test_store_run_left_running_is_marked_interrupted(tmp_path) -> None:
    db = tmp_path / "t.duckdb"
    with open_db(db) as store:
        killed = store.start_run()  # never finished: the process died
    with open_db(db) as store:
        done = store.start_run()
        store.finish_run(done, n_inputs=1)
        status = dict(store.connection.execute("SELECT id, status FROM runs").fetchall())
    assert status == {killed: "interrupted", done: "ok"}


HOLDER = """
import sys, duckdb
con = duckdb.connect(sys.argv[1], read_only=sys.argv[2] == "read")
print("ready", flush=True)
sys.stdin.readline()  # hold the file until the test closes our stdin
"""


@pytest.mark.parametrize("mode", ["write", "read"])
def test_store_lock_error_names_the_holder(tmp_path, mode: str) -> None:
    import subprocess
    import sys

    from sitrep.store import StoreLockedError

    db = tmp_path / "held.duckdb"
    open_db(db).close()
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(db), mode], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "ready"
        with pytest.raises(StoreLockedError) as info:
            open_db(db)
    finally:
        holder.communicate("\n", timeout=30)
    message = str(info.value)
    assert f"(PID {holder.pid}" in message and "sitrep run?" not in message
    assert info.value.holder_reads == (mode == "read")
    assert message.endswith("wait for it to finish or use a copy")
