"""Writing extractions: roundtrip, idempotence, replacement, atomicity, batches, reads."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from sitrep.records import (
    ActorRef, Article, Claim, Event, Extraction, IngestError, Place, PlaceMention,
)
from sitrep.store import Store, open_db

SENTENCE = "At least 12 people, including 5 civilians, were killed in Saraqib, the Observatory said."


def make_extraction(doc: str = "d1", text: str = SENTENCE, outlet: str | None = "Reuters",
                    published: date | None = date(2024, 12, 1)) -> Extraction:
    """One article with two claims (every field set), a placed event and a place mention."""
    article = Article(id=doc, text=text, content_hash=f"hash-{doc}-{text}", title="Title ü",
                      outlet=outlet, published=published, url=f"https://x.test/{doc}",
                      path=f"/in/{doc}.txt", outlet_rule="metadata", date_rule="metadata")
    total = Claim(id=f"{doc}-c1", doc=doc, quantity="killed", category="total", value=12,
                  low=12, high=None, qualifier="at least", source="Syrian Observatory for Human Rights",
                  source_kind="monitor", sentence=text, start=9, end=11, sentence_start=0,
                  rule="num+verb", subgroup=None, source_text="the Observatory",
                  as_of=date(2024, 11, 30), period_start=date(2024, 11, 27), place="Saraqib",
                  historical=False, unverified=True)
    civilians = dataclasses.replace(total, id=f"{doc}-c2", category="civilians", subgroup="children",
                                    value=5, low=None, qualifier=None, start=30, end=31,
                                    historical=True, unverified=False, as_of=None)
    saraqib = Place("Saraqib", 35.86, 36.8, country="SY", admin1="Idlib", geonameid=163270)
    mention = PlaceMention(doc=doc, text="Saraqib", start=60, end=67, place=saraqib,
                           precision=1, rule="gazetteer", anchor=None)
    village = PlaceMention(doc=doc, text="Tell Sultan", start=70, end=81, place=None,
                           precision=2, rule="unresolved", anchor="Saraqib")
    event = Event(id=f"{doc}-e1", doc=doc, type="territory_change", sentence=text, start=40,
                  end=46, sentence_start=0, rule="capture-verb",
                  actor1=ActorRef("Hayat Tahrir al-Sham", "opposition", "Rebel group", "HTS", True),
                  actor2=ActorRef("Syrian Arab Army", "government", "State Forces"),
                  winner="opposition", place=mention, date=date(2024, 11, 30),
                  date_precision="day", date_rule="sentence",
                  source="Syrian Observatory for Human Rights", source_kind="monitor",
                  fatality_claims=[total.id, civilians.id])
    return Extraction(article, [total, civilians], [event], [mention, village])


@pytest.fixture
def store(tmp_path) -> Store:
    with open_db(tmp_path / "t.duckdb") as s:
        yield s


def test_store_write_roundtrip_keeps_every_field(store: Store) -> None:
    x = make_extraction()
    assert store.write_extraction(x) is True
    claims = store.claims()
    assert [c.id for c in claims] == ["d1-c1", "d1-c2"]
    for row, claim in zip(claims, x.claims):
        for name in (f.name for f in dataclasses.fields(Claim)):
            assert getattr(row, name) == getattr(claim, name), name
        assert row.outlet == "Reuters" and row.published == date(2024, 12, 1)
    (event,) = store.events()
    assert (event.type, event.actor1, event.actor1_side, event.actor1_type, event.actor1_text) == (
        "territory_change", "Hayat Tahrir al-Sham", "opposition", "Rebel group", "HTS")
    assert (event.place, event.country, event.admin1, event.lat, event.lon) == (
        "Saraqib", "SY", "Idlib", 35.86, 36.8)
    assert (event.date, event.date_precision, event.geo_precision) == (date(2024, 11, 30), "day", 1)
    assert event.fatality_claims == ["d1-c1", "d1-c2"]
    (article,) = store.articles(with_text=True)
    assert (article.text, article.title, article.n_claims, article.n_events) == (
        SENTENCE, "Title ü", 2, 1)
    places = store.place_mentions(doc="d1")
    assert [(p.name, p.anchor, p.precision) for p in places] == [
        ("Saraqib", None, 1), (None, "Saraqib", 2)]


def test_store_write_fatalities_do_not_double_count(store: Store) -> None:
    # 12 in total "including 5 civilians": the total wins, not 12 + 5.
    store.write_extraction(make_extraction())
    assert store.events()[0].fatalities == 12


def test_store_write_same_content_is_a_no_op(store: Store) -> None:
    x = make_extraction()
    assert store.write_extraction(x) is True
    assert store.has_article("d1", x.article.content_hash)
    assert store.write_extraction(make_extraction()) is False
    counts = store.counts()
    assert (counts.articles, counts.claims, counts.events, counts.place_mentions) == (1, 2, 1, 2)


def test_store_write_changed_content_replaces_rows(store: Store) -> None:
    store.write_extraction(make_extraction())
    changed = make_extraction(text=SENTENCE + " Updated.")
    changed.claims = changed.claims[:1]
    changed.claims[0] = dataclasses.replace(changed.claims[0], id="d1-c9", value=14)
    assert not store.has_article("d1", changed.article.content_hash)
    assert store.write_extraction(changed) is True
    assert [(c.id, c.value) for c in store.claims()] == [("d1-c9", 14)]
    assert store.counts().articles == 1 and store.counts().events == 1
    assert store.articles(with_text=True)[0].text.endswith("Updated.")


@pytest.mark.parametrize("fail_on", ["claims", "events", "place_mentions"])
@pytest.mark.parametrize("existing", [False, True])
def test_store_write_failure_leaves_no_partial_rows(store: Store, monkeypatch, fail_on: str,
                                                   existing: bool) -> None:
    if existing:
        store.write_extraction(make_extraction())
    before = store.counts()
    original = Store._insert

    def failing(self: Store, table: str, rows: list) -> None:
        original(self, table, rows)  # the rows are in, then the write breaks
        if table == fail_on:
            raise RuntimeError("disk on fire")

    monkeypatch.setattr(Store, "_insert", failing)
    with pytest.raises(RuntimeError):
        store.write_extraction(make_extraction(text=SENTENCE + " changed"))
    monkeypatch.undo()
    assert store.counts() == before
    if existing:  # the old version survives untouched
        assert store.articles(with_text=True)[0].text == SENTENCE


def test_store_write_many_batches_and_isolates_bad_records(store: Store) -> None:
    good = [make_extraction(f"d{i}") for i in range(5)]
    bad = make_extraction("bad")
    bad.claims[0] = dataclasses.replace(bad.claims[0], quantity=None)  # violates NOT NULL
    collide = make_extraction("dup")
    collide.claims[0] = dataclasses.replace(collide.claims[0], id="d0-c1")  # id of another doc
    result = store.write_many([*good, bad, collide, good[0]])
    assert sorted(result.written) == [f"d{i}" for i in range(5)]
    assert {doc for doc, _ in result.failed} == {"bad", "dup"}
    assert all(reason for _, reason in result.failed)
    assert store.counts().articles == 5 and store.counts().claims == 10
    again = store.write_many(good)
    assert again.written == [] and sorted(again.skipped) == [f"d{i}" for i in range(5)]


def test_store_runs_and_errors_are_recorded(store: Store) -> None:
    run = store.start_run()
    n = store.record_errors(run, [IngestError("a.bin", "binary"), IngestError("b.jsonl", "bad", 3)])
    store.finish_run(run, n_inputs=3, n_articles=1, n_errors=n)
    assert store.counts().errors == 2 and store.counts().runs == 1
    row = store.connection.execute(
        "SELECT status, n_errors, finished_at IS NOT NULL FROM runs WHERE id = ?", [run]).fetchone()
    assert row == ("ok", 2, True)
    assert store.connection.execute(
        "SELECT line FROM ingest_errors WHERE path = 'b.jsonl'").fetchone() == (3,)


@pytest.fixture
def filled(store: Store) -> Store:
    store.write_many([
        make_extraction("a", outlet="Reuters", published=date(2024, 11, 28)),
        make_extraction("b", outlet="Al Jazeera", published=date(2024, 12, 5)),
        make_extraction("c", outlet=None, published=None),
    ])
    return store


@pytest.mark.parametrize(("filters", "expected"), [
    ({}, ["a-c1", "a-c2", "b-c1", "b-c2", "c-c1", "c-c2"]),
    ({"doc": "b"}, ["b-c1", "b-c2"]),
    ({"category": "civilians"}, ["a-c2", "b-c2", "c-c2"]),
    ({"quantity": "injured"}, []),
    ({"outlet": "reuters"}, ["a-c1", "a-c2"]),
    ({"source": "syrian observatory for human rights", "doc": "a"}, ["a-c1", "a-c2"]),
    # as_of 2024-11-30 for c1; c2 has none and falls back to publication date.
    ({"since": "2024-12-01"}, ["b-c2"]),
    ({"until": date(2024, 11, 30)}, ["a-c1", "a-c2", "b-c1", "c-c1"]),
    ({"limit": 2, "offset": 1}, ["a-c2", "b-c1"]),
])
def test_store_read_claim_filters(filled: Store, filters: dict, expected: list[str]) -> None:
    assert [c.id for c in filled.claims(**filters)] == expected
    assert [c.id for c in filled.iter_claims(**filters)] == expected


@pytest.mark.parametrize(("filters", "expected"), [
    ({}, ["a-e1", "b-e1", "c-e1"]),
    ({"type": "airstrike"}, []),
    ({"place": "saraqib", "doc": "c"}, ["c-e1"]),
    ({"country": "SY", "outlet": "Al Jazeera"}, ["b-e1"]),
    ({"since": "2024-12-01"}, []),
])
def test_store_read_event_filters(filled: Store, filters: dict, expected: list[str]) -> None:
    assert [e.id for e in filled.events(**filters)] == expected


def test_store_read_articles_and_counts(filled: Store) -> None:
    assert [a.id for a in filled.articles(since="2024-12-01")] == ["b"]
    assert filled.articles()[0].text is None  # text only on request
    counts = filled.counts()
    assert (counts.articles, counts.claims, counts.events, counts.place_mentions) == (3, 6, 3, 6)


def test_store_read_unknown_filter_is_an_error(filled: Store) -> None:
    with pytest.raises(TypeError):
        filled.claims(colour="red")


def test_store_write_keeps_worker_signature(store: Store) -> None:
    from sitrep.minhash import pack_signature

    signed = dataclasses.replace(make_extraction("d1"), signature=b"from the worker")
    unsigned = make_extraction("d2")
    store.write_many([signed, unsigned])
    rows = dict(store.connection.execute("SELECT id, minhash FROM articles").fetchall())
    assert rows == {"d1": b"from the worker", "d2": pack_signature(SENTENCE)}
    changed = make_extraction("d2", text=SENTENCE + " Updated.")
    assert store.write_extraction(changed) is True  # new content: signed again
    (blob,) = store.connection.execute("SELECT minhash FROM articles WHERE id = 'd2'").fetchone()
    assert blob == pack_signature(SENTENCE + " Updated.")
    assert [row[0] for row in store.iter_signatures()] == ["d1", "d2"]


def test_store_bulk_insert_as_json_reads_back_as_parameters_do(tmp_path):
    """Columns go to DuckDB as one JSON text where their values allow it (``bulk_columns.as_json``):
    what is read back equals a row-by-row insert, for text (quotes, a backslash, Arabic,
    Cyrillic, emoji, a newline), numbers, booleans, dates, lists, lists of lists and NULLs;
    a timestamp or a non-number goes as parameters."""
    from datetime import datetime, timezone

    columns = ("s VARCHAR, i BIGINT, n INTEGER, f DOUBLE, b BOOLEAN, d DATE, l VARCHAR[], ll VARCHAR[][], "
               "t TIMESTAMP, x DOUBLE")
    rows = [{"s": 'say "no" \\ قتل ли 🕊\nend', "i": 2**40, "n": -7, "f": 0.1 + 0.2, "b": True, "d": date(2024, 2, 29),
             "l": ["a", "ü"], "ll": [["x"], []], "t": datetime(2024, 1, 2, 3, 4, 5, tzinfo=timezone.utc),
             "x": float("nan")},
            {"s": None, "i": None, "n": 0, "f": 1e-300, "b": False, "d": None, "l": [], "ll": None, "t": None,
             "x": 1.5}]
    with open_db(tmp_path / "x.duckdb") as store:
        con = store.connection
        for table in ("bulk", "one_by_one"):
            con.execute(f"CREATE TABLE {table} ({columns})")
        store.insert_rows("bulk", rows)
        for row in rows:
            con.execute(f"INSERT INTO one_by_one VALUES ({', '.join('?' * len(row))})", list(row.values()))
        read = [con.execute(f"SELECT * EXCLUDE (x), isnan(x) FROM {t} ORDER BY n").fetchall()
                for t in ("bulk", "one_by_one")]
        assert read[0] == read[1]
        assert read[0][0][0] == 'say "no" \\ قتل ли 🕊\nend' and read[0][0][3] == 0.1 + 0.2


@pytest.mark.parametrize("lists", [
    [["a", "ü 🕊"], [], [""], None, ["", "", "x"], ['say "no" \\ end\n']],
    [["a"], ["holds \x1f the separator"], []],  # sent as JSON arrays instead
    [["a"], [1, 2]],  # not texts: as parameters
])
def test_store_bulk_insert_lists_of_texts_and_repeated_values_read_back_as_parameters_do(tmp_path, lists):
    """A column of lists of texts goes as one text per list (``bulk_columns.as_joined_texts``) and a
    column of one value on every row as that value (``bulk_columns.one_value``): what is read back
    equals a row-by-row insert, empty lists, empty texts and NULLs included."""
    rows = [{"n": i, "l": value, "same": "a rule " * 80, "none": None, "d": date(2024, 2, 29)}
            for i, value in enumerate(lists)]
    with open_db(tmp_path / "x.duckdb") as store:
        con = store.connection
        for table in ("bulk", "one_by_one"):
            con.execute(f"CREATE TABLE {table} (n INTEGER, l VARCHAR[], same VARCHAR, none BIGINT, d DATE)")
        store.insert_rows("bulk", rows)
        for row in rows:
            con.execute("INSERT INTO one_by_one VALUES (?, ?, ?, ?, ?)", list(row.values()))
        read = [con.execute(f"SELECT * FROM {t} ORDER BY n").fetchall() for t in ("bulk", "one_by_one")]
        assert read[0] == read[1] and len(read[0]) == len(lists)
