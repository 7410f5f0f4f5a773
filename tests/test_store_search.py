"""The full-text index beside the database: built as articles are stored, caught up when
behind, ranked, and the same articles as a scan of the texts for plain words."""

from __future__ import annotations

import sqlite3
from datetime import date
from importlib import resources

import pytest

from sitrep.ingest import iter_inputs
from sitrep.web import pages
from sitrep.web.params import SearchParams
from sitrep.records import Article, Extraction, content_id
from sitrep.store import open_db
from sitrep.store import search as fts


def _has_fts5() -> bool:
    try:
        sqlite3.connect(":memory:").execute("CREATE VIRTUAL TABLE t USING fts5(x)")
    except sqlite3.Error:
        return False
    return True


pytestmark = pytest.mark.skipif(not _has_fts5(), reason="this Python's SQLite has no FTS5 "
                                "(search falls back to scanning the texts)")


def _x(doc: str, text: str, outlet: str | None = "Wire", published: date | None = date(2024, 12, 1)) -> Extraction:
    return Extraction(Article(doc, text, content_id(text, 64), outlet=outlet, published=published))


TEXTS = {
    "a": "Rebels entered Hama on Friday. Hama residents fled south.",
    "b": "Hamas said 12 people were killed in air strikes on Gaza.",
    "c": "Air-strikes hit the bridge; the Observatory said 40 were killed.",
    "d": "A quiet day in the capital, with shops open and traffic normal.",
}


def _search(store, q: str, **kw) -> list[str]:
    return [h.id for h in pages.search(store, SearchParams(q=q, **kw)).items]


@pytest.fixture()
def db(tmp_path):
    path = tmp_path / "s.duckdb"
    with open_db(path) as store:
        store.write_many(_x(doc, text, outlet=f"Outlet {doc.upper()}") for doc, text in TEXTS.items())
    return path


def test_store_search_indexes_articles_as_they_are_stored(db, monkeypatch) -> None:
    monkeypatch.setattr(fts.SearchIndex, "catch_up", lambda *a: pytest.fail("caught up"))
    with open_db(db, read_only=True) as store:
        assert sorted(_search(store, "killed")) == ["b", "c"]
        assert _search(store, "Hama") == ["a"]  # whole words: not Hamas
        assert sorted(_search(store, "air strikes")) == ["b", "c"]  # punctuation ignored
        assert _search(store, "strikes air") == []  # a phrase, in order
        assert _search(store, "OBSERVATORY") == ["c"]


def test_store_search_ranks_and_marks_the_match(db) -> None:
    with open_db(db) as store:
        store.write_many([_x("e", "Hama. " * 3 + "Fighting near Hama went on. " + TEXTS["d"] * 4)])
    with open_db(db, read_only=True) as store:
        page = pages.search(store, SearchParams(q="hama"))
        assert [h.id for h in page.items] == ["a", "e"]  # shorter text, same count: first
        assert page.items[0].match == "Hama" and page.total == 2
        assert pages.search(store, SearchParams(q="hama", limit=1, offset=1)).total == 2


def test_store_search_filters(db) -> None:
    with open_db(db, read_only=True) as store:
        assert _search(store, "killed", outlet="outlet c") == ["c"]
        assert _search(store, "killed", since=date(2024, 12, 2)) == []
        assert sorted(_search(store, "killed", until=date(2024, 12, 1))) == ["b", "c"]


def test_store_search_replaced_article_is_searched_by_its_new_text(db) -> None:
    with open_db(db) as store:
        store.write_many([_x("a", "Government troops retook the town of Suran.")])
    with open_db(db, read_only=True) as store:
        assert _search(store, "Hama") == []
        assert _search(store, "Suran") == ["a"]
        assert pages.search(store, SearchParams(q="Hama")).total == 0
        index = store.search_index()
        assert index._con.execute("SELECT count(*) FROM words WHERE words MATCH 'Hama'").fetchone() == (0,)


def test_store_search_catches_up_with_rows_written_elsewhere(db) -> None:
    with open_db(db) as store:
        # SQL outside Store (as a bulk load would): the index cannot know.
        store.connection.execute(
            "INSERT INTO articles (id, content_hash, text, outlet) VALUES ('z', 'hz', 'Shelling of Kherson.', 'X')")
        store.connection.execute("DELETE FROM articles WHERE id = 'b'")
    with open_db(db, read_only=True) as store:
        assert _search(store, "Kherson") == ["z"]
        assert _search(store, "killed") == ["c"]


def test_store_search_catches_up_on_a_database_without_index(db) -> None:
    for suffix in ("", "-wal", "-shm"):
        path = db.parent / (db.name + fts.SUFFIX + suffix)
        if path.exists():
            path.unlink()
    with open_db(db, read_only=True) as store:
        assert sorted(_search(store, "killed")) == ["b", "c"]
    with open_db(db) as store:  # level again: writes are indexed as they come
        store.write_many([_x("f", "A drone struck Kherson.")])
        assert store._search_state == "writing"
    with open_db(db, read_only=True) as store:
        assert _search(store, "drone") == ["f"]


def test_store_search_interrupted_write_is_caught_up(db) -> None:
    store = open_db(db)
    store.write_many([_x("g", "Sappers cleared the bridge at Kupiansk.")])
    index = store.search_index()
    assert index is not None and index.recorded_fingerprint() is None  # being written
    index._con.execute("DELETE FROM docs WHERE id = 'g'")  # as if the run died before indexing it
    store._search = None  # ... and before closing
    store.close()
    with open_db(db, read_only=True) as store:
        assert _search(store, "Kupiansk") == ["g"]


def test_store_search_removes_what_is_replaced_or_gone(db) -> None:
    with open_db(db) as store:
        store.write_many([_x(doc, f"Version two of {doc}, about Bakhmut.") for doc in TEXTS])
        store.connection.execute("DELETE FROM articles WHERE id = 'd'")  # behind its back
    with open_db(db, read_only=True) as store:
        assert sorted(_search(store, "Bakhmut")) == ["a", "b", "c"]
        index = store.search_index()
        assert len(index) == 3
        postings = index._con.execute("SELECT count(*) FROM words WHERE words MATCH 'killed OR Hama'")
        assert postings.fetchone() == (0,)  # no postings left of the old texts


def test_store_search_without_words_or_without_index_scans(db, monkeypatch) -> None:
    with open_db(db, read_only=True) as store:
        assert _search(store, ";") == ["c"]  # no word: looked for literally
    monkeypatch.setattr(fts, "open_index", lambda store: None)  # e.g. a read-only folder
    with open_db(db, read_only=True) as store:
        assert sorted(_search(store, "killed")) == ["b", "c"]


def test_store_search_in_memory_database() -> None:
    with open_db(":memory:") as store:
        store.write_many([_x("m", "Sudan's army said it retook Wad Madani.")])
        assert _search(store, "wad madani") == ["m"]


def test_store_search_unwritable_index_falls_back(db, monkeypatch) -> None:
    def refuse(self, db_path):
        raise sqlite3.OperationalError("unable to open database file")

    monkeypatch.setattr(fts.SearchIndex, "__init__", refuse)
    with open_db(db) as store:
        store.write_many([_x("h", "Talks on a ceasefire resumed.")])  # the write still lands
        assert _search(store, "ceasefire") == ["h"]


@pytest.mark.parametrize("q", ["killed", "Observatory", "displaced", "United Nations", "Aleppo",
                               "at least", "civilians", "prison"])
def test_store_search_same_articles_as_a_scan_on_the_sample(tmp_path, q: str) -> None:
    sample = resources.files("sitrep") / "data" / "sample"
    articles = [a for a in iter_inputs([str(sample)]) if isinstance(a, Article)]
    with open_db(tmp_path / "sample.duckdb") as store:
        store.write_many(Extraction(a) for a in articles)
        indexed = pages.search(store, SearchParams(q=q, limit=500))
        scanned = pages.scan_literal(store, SearchParams(q=q, limit=500))
        assert indexed.total == scanned.total > 0
        assert {h.id for h in indexed.items} == {h.id for h in scanned.items}
        assert all(h.match.lower() == q.lower() for h in indexed.items)


def test_store_search_ranks_the_newest_matches_when_too_many_match(tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(fts, "RANKED_MATCHES", 3)
    with open_db(tmp_path / "many.duckdb") as store:
        for i in range(6):  # stored one after another: 5 is the newest
            store.write_many([_x(f"n{i}", "killed " * (1 + i % 2) + "in the town of Izium.")])
        page = pages.search(store, SearchParams(q="killed", limit=2))
        assert page.total == 6 and page.next_offset == 2
        assert {h.id for h in page.items} <= {"n3", "n4", "n5"}
        assert page.items[0].id in ("n3", "n5")  # twice the word: ranked first
        every = [h.id for o in range(0, 6, 2)
                 for h in pages.search(store, SearchParams(q="killed", limit=2, offset=o)).items]
        assert sorted(every) == [f"n{i}" for i in range(6)]  # pages still walk every match
        filtered = [h.id for o in range(0, 6, 4)
                    for h in pages.search(store, SearchParams(q="killed", outlet="wire", limit=4,
                                                              offset=o)).items]
        assert sorted(filtered) == [f"n{i}" for i in range(6)]


def test_store_search_counts_up_to_the_limit(tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(fts, "COUNT_LIMIT", 4)
    with open_db(tmp_path / "count.duckdb") as store:
        store.write_many([_x(f"c{i}", f"Shelling of Kherson, report {i}.") for i in range(7)])
        page = pages.search(store, SearchParams(q="kherson", limit=2))
        assert page.total == 4 and page.next_offset == 2
        assert pages.search(store, SearchParams(q="kherson", limit=10)).total == 7  # one page: all


# -- merged with main's hardening: the index never costs a write, damaged files are rebuilt,
# -- and where there is no index the texts are scanned for the same phrase.


def test_store_search_damaged_index_file_is_rebuilt(db) -> None:
    sidecar = db.parent / (db.name + fts.SUFFIX)
    for suffix in ("-wal", "-shm"):
        (db.parent / (db.name + fts.SUFFIX + suffix)).unlink(missing_ok=True)
    sidecar.write_bytes(b"not an index at all" * 100)
    with open_db(db, read_only=True) as store:
        assert sorted(_search(store, "killed")) == ["b", "c"]
        assert store.search_index() is not None  # rebuilt, not scanned
    assert sqlite3.connect(sidecar).execute("SELECT count(*) FROM docs").fetchone() == (4,)


def test_store_search_index_failure_never_costs_the_write(db, monkeypatch) -> None:
    def broken(self, rows):
        raise ValueError("index exploded")

    monkeypatch.setattr(fts.SearchIndex, "add", broken)
    with open_db(db) as store:
        result = store.write_many([_x("i", "Mortar fire hit Avdiivka."), _x("j", "Calm in Avdiivka.")])
        assert sorted(result.written) == ["i", "j"] and not result.failed
    monkeypatch.undo()
    with open_db(db, read_only=True) as store:  # left for a catch-up, which finds them
        assert sorted(_search(store, "Avdiivka")) == ["i", "j"]


def test_store_search_interrupted_while_indexing_is_caught_up(db, monkeypatch) -> None:
    def interrupted(self, rows):
        raise KeyboardInterrupt

    monkeypatch.setattr(fts.SearchIndex, "add", interrupted)
    with open_db(db) as store:
        with pytest.raises(KeyboardInterrupt):
            store.write_many([_x("k", "Sirens sounded over Zaporizhzhia.")])
        assert store.stored_article("k") is not None  # committed before the index was touched
    monkeypatch.undo()
    with open_db(db, read_only=True) as store:
        assert store.search_index().recorded_fingerprint() == fts.fingerprint(store.connection)
        assert _search(store, "Zaporizhzhia") == ["k"]


def test_store_search_index_failing_on_read_falls_back_to_a_scan(db, monkeypatch) -> None:
    def broken(self, *a, **kw):
        raise sqlite3.DatabaseError("database disk image is malformed")

    with open_db(db, read_only=True) as store:
        store.search_index()
        monkeypatch.setattr(fts.SearchIndex, "search", broken)
        page, note = pages.search_noted(store, SearchParams(q="Hama"))
        assert [h.id for h in page.items] == ["a"] and note == pages.NOTE_NO_INDEX  # whole words still


@pytest.mark.parametrize("q", ["killed", "Observatory", "displaced", "United Nations", "Aleppo",
                               "at least", "civilians", "prison", "air strikes", "Hama", "the army said"])
def test_store_search_scan_without_index_finds_what_the_index_finds(tmp_path, q: str) -> None:
    sample = resources.files("sitrep") / "data" / "sample"
    articles = [a for a in iter_inputs([str(sample)]) if isinstance(a, Article)]
    with open_db(tmp_path / "sample.duckdb") as store:
        store.write_many(Extraction(a) for a in articles)
        indexed = pages.search(store, SearchParams(q=q, limit=500))
        scanned = pages.scan_phrase(store, SearchParams(q=q, limit=500), fts.tokens(q))
        assert indexed.total == scanned.total
        assert {h.id for h in indexed.items} == {h.id for h in scanned.items}
        assert all(h.match for h in indexed.items) and all(h.match for h in scanned.items)


def test_store_search_scan_matches_whole_words_only(db, monkeypatch) -> None:
    monkeypatch.setattr(fts, "open_index", lambda store: None)
    with open_db(db, read_only=True) as store:
        assert _search(store, "Hama") == ["a"]
        assert sorted(_search(store, "air strikes")) == ["b", "c"]
        assert _search(store, "strikes air") == []
        page, note = pages.search_noted(store, SearchParams(q="killed"))
        assert page.total == 2 and note == pages.NOTE_NO_INDEX


def test_store_search_articles_stored_from_fetched_pages_are_indexed(db) -> None:
    """What `sitrep watch` and the web app's add form store (pipeline.store_articles,
    Store.write_many) is in the index at once, without a catch-up."""
    from sitrep.pipeline import store_articles

    with open_db(db) as store:
        store.write_many([_x("w1", "Drones struck Kherson overnight.")])
    result = store_articles([Article("w2", "Shelling resumed in Kherson.", content_id("w2", 64))], db)
    assert result.new == 1
    with open_db(db, read_only=True) as store:
        assert store.search_index().recorded_fingerprint() == fts.fingerprint(store.connection)
        assert sorted(_search(store, "Kherson")) == ["w1", "w2"]


def test_store_search_catch_up_gives_way_to_a_waiting_run(db, monkeypatch) -> None:
    """A reader catching up stops between batches while `sitrep run` waits for the file (the
    marker of store.lock), as the web app lets go of the file; the next search goes on."""
    from sitrep.store import lock

    for suffix in ("", "-wal", "-shm"):
        (db.parent / (db.name + fts.SUFFIX + suffix)).unlink(missing_ok=True)
    monkeypatch.setattr(fts, "CATCH_UP_BATCH", 1)
    with lock.waiting_to_write(db):  # this (live) process waits to write
        assert lock.writer_waiting(db)
        with open_db(db, read_only=True) as store:
            page, note = pages.search_noted(store, SearchParams(q="killed"))
            assert sorted(h.id for h in page.items) == ["b", "c"] and note == pages.NOTE_NO_INDEX
    with open_db(db, read_only=True) as store:
        page, note = pages.search_noted(store, SearchParams(q="killed"))
        assert sorted(h.id for h in page.items) == ["b", "c"] and note is None
        assert len(store.search_index()) == 4
