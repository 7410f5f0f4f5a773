"""The Parquet dataset of a cluster run (issue 11), without a cluster: shards run in this
process write the same rows as the single-machine run; the dataset reads as a store
(``--db DIR``: claims, events, report, export, web API) and loads into DuckDB
incrementally; one article in two shards is read once, the newer; a bad input is
reported once; inputs and outputs may be fsspec URLs."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sitrep.cli import app
from sitrep.cluster.plan import list_inputs, shard_of
from sitrep.cluster.shard import run_shard
from sitrep.demo import sample_dir
from sitrep.store import StoreError, open_db
from sitrep.store.parquet import dataset_columns, load, schema

pytestmark = pytest.mark.slow

# Columns that say when a row entered one store, not what it holds.
WHEN = {"ingested_at", "run_id"}
TABLES = ("articles", "claims", "events", "place_mentions")


def table_rows(db, table: str, skip: frozenset[str] = frozenset()) -> list[tuple]:
    """Every row of ``table`` (all columns but WHEN and ``skip``), sorted."""
    columns = [c for c, _ in schema()[table] if c not in WHEN and c not in skip]
    names = ", ".join(f'"{c}"' for c in columns)
    with open_db(db, read_only=True) as store:
        return sorted(store.connection.execute(f"SELECT {names} FROM {table}").fetchall(), key=repr)


def write_dataset(paths, out) -> list:
    """One shard per input file (as a cluster run with tiny shards), in this process."""
    return [run_shard(shard_of([piece]), str(out)) for piece in list_inputs(paths)]


@pytest.fixture(scope="module")
def single(sample_db) -> Path:
    return sample_db


@pytest.fixture(scope="module")
def dataset(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("dataset") / "out"
    write_dataset([sample_dir()], out)
    return out


def test_store_parquet_dataset_has_the_single_machine_rows(single, dataset):
    for table in TABLES:
        assert table_rows(dataset, table) == table_rows(single, table), table
    with open_db(single, read_only=True) as a, open_db(dataset, read_only=True) as b:
        assert a.claims() == b.claims() and a.events() == b.events()
        assert a.place_mentions() == b.place_mentions()
        assert list(a.iter_signatures()) == list(b.iter_signatures())  # what copy detection reads
        assert [r.id for r in a.articles()] == [r.id for r in b.articles()]
        assert a.claims(quantity="killed", source="observatory") == b.claims(quantity="killed", source="observatory")
        counts = b.counts()
        assert (counts.articles, counts.claims, counts.events) == (8, len(a.claims()), len(a.events()))


def test_store_parquet_dataset_is_read_only(dataset):
    with pytest.raises(StoreError, match="sitrep load"):
        open_db(dataset)


def test_store_parquet_report_export_and_web_read_a_dataset(dataset, tmp_path):
    runner = CliRunner()
    result = runner.invoke(app, ["export", "claims", "--db", str(dataset), "-o", str(tmp_path / "c.jsonl")])
    assert result.exit_code == 0, result.output
    assert len((tmp_path / "c.jsonl").read_text().splitlines()) == len(table_rows(dataset, "claims"))
    result = runner.invoke(app, ["report", "--db", str(dataset), "-o", str(tmp_path / "r.html")])
    assert result.exit_code == 0, result.output
    assert "Syrian Observatory for Human Rights" in (tmp_path / "r.html").read_text(encoding="utf-8")
    result = runner.invoke(app, ["contradictions", "--db", str(dataset)])
    assert result.exit_code == 0 and "partisan" in result.output
    from fastapi.testclient import TestClient

    from sitrep.web.app import create_app

    with TestClient(create_app(dataset), base_url="http://127.0.0.1") as client:
        page = client.get("/api/claims", params={"quantity": "killed", "limit": 5})
        assert page.status_code == 200 and len(page.json()["items"]) == 5
        assert client.get("/api/events").status_code == 200
        assert client.get("/claims").status_code == 200


def test_store_parquet_search_scans_a_dataset_for_the_same_phrase_and_says_so(single, dataset, tmp_path):
    """A dataset has no search index (nothing is written beside or inside it): search scans
    its texts for the words as a phrase, finding what the index finds in the same rows, and
    the page says why the order is not ranked. `sitrep load` leaves the index caught up."""
    from fastapi.testclient import TestClient

    from sitrep.web.app import create_app
    from sitrep.web import pages
    from sitrep.web.params import SearchParams
    from sitrep.store import search as fts

    before = sorted(p.name for p in dataset.parent.iterdir()), sorted(str(p) for p in dataset.rglob("*"))
    with TestClient(create_app(dataset), base_url="http://127.0.0.1") as client:
        for q in ("killed", "Syrian Observatory", "air strikes", "Hama"):
            scanned = client.get("/api/search", params={"q": q, "limit": 500}).json()
            with open_db(single, read_only=True) as store:
                indexed = pages.search(store, SearchParams(q=q, limit=500))
            assert scanned["total"] == indexed.total > 0, q
            assert {h["id"] for h in scanned["items"]} == {h.id for h in indexed.items}, q
        page = client.get("/search", params={"q": "killed"}).text
        assert 'id="search-note"' in page and "Parquet dataset" in page
    assert (sorted(p.name for p in dataset.parent.iterdir()), sorted(str(p) for p in dataset.rglob("*"))) == before

    db = tmp_path / "loaded.duckdb"
    result = CliRunner().invoke(app, ["load", str(dataset), "--db", str(db)])
    assert result.exit_code == 0, result.output
    index = fts.SearchIndex(str(db))
    try:
        with open_db(db, read_only=True) as store:
            assert index.recorded_fingerprint() == fts.fingerprint(store.connection)
            assert len(index) == store.counts().articles
    finally:
        index.close()


def test_store_parquet_load_is_incremental_and_the_newer_shard_wins(single, tmp_path):
    corpus = tmp_path / "in"
    shutil.copytree(sample_dir(), corpus)
    out = tmp_path / "out"
    write_dataset([corpus], out)
    db = tmp_path / "loaded.duckdb"
    with open_db(db) as store:
        first = load(store, str(out))
        again = load(store, str(out))
    assert (first.new, first.replaced, first.shards) == (8, 0, 7)
    assert (again.new, again.replaced, again.unchanged, again.claims) == (0, 0, 8, 0)
    for table in ("claims", "events", "place_mentions"):
        assert table_rows(db, table) == table_rows(single, table)
    assert table_rows(db, "articles", frozenset({"path"})) == table_rows(single, "articles", frozenset({"path"}))

    # The wire copy's text changes: a re-run writes a second shard (new bytes, new name)
    # holding the same doc id. Both files stay; the newer one is read and loaded.
    changed = corpus / "sample_02_wire_copy_gmp.txt"
    changed.write_text(changed.read_text(encoding="utf-8") + "\nAt least 9 people were killed in Homs on "
                       "Friday, the Syrian Observatory for Human Rights said.\n", encoding="utf-8")
    write_dataset([changed], out)
    assert len(list((out / "articles").glob("*.parquet"))) == 8
    with open_db(out, read_only=True) as store:
        doc = store.articles(doc="sample_02_wire_copy_gmp")
        assert len(doc) == 1 and store.counts().articles == 8
        assert any(c.value == 9 for c in store.claims(doc="sample_02_wire_copy_gmp"))
        n_claims = store.counts().claims
    with open_db(db) as store:
        third = load(store, str(out))
        assert (third.new, third.replaced, third.unchanged) == (0, 1, 7)
        assert store.counts().claims == n_claims
        assert any(c.value == 9 for c in store.claims(doc="sample_02_wire_copy_gmp"))


def test_cluster_shard_bad_input_reported_once_and_its_shard_lands(tmp_path):
    corpus = tmp_path / "in"
    corpus.mkdir()
    shutil.copy(sample_dir() / "sample_03_hama_front_bosphorus.txt", corpus)
    (corpus / "blob.txt").write_bytes(b"\x00\xff\x10" * 400)
    lines = (sample_dir() / "sample_07_08_api_export.jsonl").read_text(encoding="utf-8").splitlines()
    (corpus / "feed.jsonl").write_text(lines[0] + '\n{"id": "x", "text": "cut short\n' + lines[1] + "\n",
                                       encoding="utf-8")
    result = run_shard(shard_of(list_inputs([corpus])), str(tmp_path / "out"))
    assert result.articles == 3 and result.inputs == 5
    assert sorted((Path(e.path).name, e.line) for e in result.errors) == [("blob.txt", None), ("feed.jsonl", 2)]
    db = tmp_path / "s.duckdb"
    with open_db(db) as store:
        assert load(store, str(tmp_path / "out")).errors == 2
        assert load(store, str(tmp_path / "out")).errors == 0  # recorded once
        assert store.counts().articles == 3
    with open_db(tmp_path / "out", read_only=True) as store:
        assert store.counts().errors == 2


def test_cluster_shard_notes_what_its_articles_lost_and_a_dataset_reads_with_the_current_schema(dataset, tmp_path):
    corpus = tmp_path / "in"
    corpus.mkdir()
    text = (sample_dir() / "sample_03_hama_front_bosphorus.txt").read_bytes()
    (corpus / "nul.txt").write_bytes(text.replace(b". ", b".\x00 ", 1))  # stored, with a note (issue 10)
    result = run_shard(shard_of(list_inputs([corpus])), str(tmp_path / "out"))
    assert result.articles == 1 and not result.errors
    assert [(Path(n.path).name, "NUL" in n.reason) for n in result.notes] == [("nul.txt", True)]
    # claims.mentions travels in the dataset; the watch tables stay the database's own, and
    # read empty from a dataset.
    assert "mentions" in {c for c, _ in dataset_columns("claims")}
    shown = CliRunner().invoke(app, ["alerts", "--db", str(dataset)])
    assert shown.exit_code == 0, shown.output
    written = CliRunner().invoke(app, ["run", str(corpus), "--db", str(dataset), "-q"])
    assert written.exit_code == 2 and "sitrep load" in written.output


def test_cluster_shard_reads_and_writes_fsspec_urls(single):
    fsspec = pytest.importorskip("fsspec", reason="fsspec comes with the cluster extra")
    fs = fsspec.filesystem("memory")
    for path in sample_dir().iterdir():
        fs.pipe(f"memory://shard-test/in/{path.name}", path.read_bytes())
    try:
        pieces = list(list_inputs(["memory://shard-test/in"]))
        assert len(pieces) == 7
        result = run_shard(shard_of(pieces), "memory://shard-test/out")
        assert result.articles == 8 and not result.errors
        for table in ("claims", "events", "place_mentions"):
            assert table_rows("memory://shard-test/out", table) == table_rows(single, table)
        with open_db("memory://shard-test/out", read_only=True) as store:
            paths = {a.path for a in store.articles()}
            assert all(p.startswith("memory://") for p in paths)
    finally:
        fs.rm("memory://shard-test", recursive=True)
