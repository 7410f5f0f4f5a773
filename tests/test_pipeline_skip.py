"""A re-run skips files whose bytes are unchanged since their article was stored, without
cleaning them; a changed file, a run with options, a new reader and an interrupted run
still read what they must. Extraction is replaced by an empty one (no model needed): what
is tested is which files are read."""

from __future__ import annotations

import pytest

from sitrep import pipeline, run_inputs
from sitrep.pipeline import run
from sitrep.records import Extraction
from sitrep.store import open_db

ARTICLE = ("Fighting near {town}\nDecember {day}, 2024\n\n"
           "At least {n} people were killed in {town} on Tuesday, a monitor said.\n")
TOWNS = ["Hama", "Homs", "Idlib", "Saraqeb", "Aleppo", "Raqqa"]


def _corpus(folder, count=5):
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(count):
        (folder / f"a{i}.txt").write_text(ARTICLE.format(town=TOWNS[i], day=i + 1, n=10 + i), encoding="utf-8")
    return folder


@pytest.fixture()
def reads(monkeypatch):
    """The files read (decoded and cleaned) through ingest, by name; extraction made empty."""

    def extract(articles, jobs=1, batch_size=None):
        batch = []
        for article in articles:
            batch.append(Extraction(article))
            if len(batch) >= pipeline.BATCH_SIZE:
                yield batch
                batch = []
        if batch:
            yield batch

    names: list[str] = []
    real = run_inputs.iter_inputs

    def counted(paths, **options):
        names.extend(p.name for p in paths)
        return real(paths, **options)

    monkeypatch.setattr(pipeline, "extract_stream", extract)
    monkeypatch.setattr(run_inputs, "iter_inputs", counted)
    return names


def _texts(db):
    with open_db(db, read_only=True) as store:
        return {row.id: row.content_hash for row in store.articles()}


def test_pipeline_rerun_skips_unchanged_files_unread(tmp_path, reads):
    corpus = _corpus(tmp_path / "in")
    db = tmp_path / "s.duckdb"
    first = run([corpus], db, reconcile=False)
    assert first.new == 5 and len(reads) == 5
    reads.clear()
    second = run([corpus], db, reconcile=False)
    assert (second.inputs, second.articles, second.new, second.unchanged) == (5, 5, 0, 5)
    assert reads == []  # not one file decoded or cleaned
    assert sorted(second.undated) == sorted(first.undated) and second.no_outlet == first.no_outlet


def test_pipeline_rerun_reads_a_changed_file_again(tmp_path, reads):
    corpus = _corpus(tmp_path / "in")
    db = tmp_path / "s.duckdb"
    run([corpus], db, reconcile=False)
    before = _texts(db)
    changed = corpus / "a2.txt"
    text = changed.read_text(encoding="utf-8")
    changed.write_text(text.replace("12", "21"), encoding="utf-8")  # same size: only the bytes differ
    reads.clear()
    second = run([corpus], db, reconcile=False)
    assert reads == ["a2.txt"] and (second.new, second.unchanged) == (1, 4)
    after = _texts(db)
    assert after["a2"] != before["a2"] and {k: v for k, v in after.items() if k != "a2"} == {
        k: v for k, v in before.items() if k != "a2"}
    reads.clear()
    assert run([corpus], db, reconcile=False).unchanged == 5 and reads == []  # recorded again


def test_pipeline_rerun_after_an_interrupted_run_reads_what_was_not_stored(tmp_path, reads, killed_on_second_write):
    let_writes_through = killed_on_second_write
    corpus = _corpus(tmp_path / "in", 6)
    db = tmp_path / "s.duckdb"
    with pytest.raises(KeyboardInterrupt):
        run([corpus], db, reconcile=False)
    let_writes_through()
    assert len(_texts(db)) == 2
    reads.clear()
    again = run([corpus], db, reconcile=False)
    assert (again.new, again.unchanged) == (4, 2)
    assert sorted(reads) == ["a2.txt", "a3.txt", "a4.txt", "a5.txt"]  # the stored two skipped
    reads.clear()
    assert run([corpus], db, reconcile=False).unchanged == 6 and reads == []


def test_pipeline_rerun_with_options_reads_every_file(tmp_path, reads):
    corpus = _corpus(tmp_path / "in")
    db = tmp_path / "s.duckdb"
    run([corpus], db, reconcile=False)
    reads.clear()
    given = run([corpus], db, outlet="Wire X", reconcile=False)
    assert len(reads) == 5 and given.updated == 5  # the option reaches every article
    reads.clear()
    plain = run([corpus], db, reconcile=False)  # the articles written with the option are read again
    assert len(reads) == 5 and plain.unchanged == 5
    with open_db(db, read_only=True) as store:
        assert {row.outlet for row in store.articles()} == {"Wire X"}  # a plain re-run undoes nothing
    reads.clear()
    assert run([corpus], db, reconcile=False).unchanged == 5 and reads == []


def test_pipeline_rerun_reads_every_file_after_the_reader_changed(tmp_path, reads, monkeypatch):
    corpus = _corpus(tmp_path / "in")
    db = tmp_path / "s.duckdb"
    run([corpus], db, reconcile=False)
    monkeypatch.setattr(run_inputs, "reader_fingerprint", lambda: "an upgraded cleaner")
    reads.clear()
    assert run([corpus], db, reconcile=False).unchanged == 5 and len(reads) == 5


def test_pipeline_rerun_skips_same_names_in_two_folders_apart(tmp_path, reads):
    for folder, town in (("x", "Hama"), ("y", "Homs")):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "report.txt").write_text(ARTICLE.format(town=town, day=1, n=5), encoding="utf-8")
    db = tmp_path / "s.duckdb"
    assert run([tmp_path], db, reconcile=False).new == 2
    reads.clear()
    again = run([tmp_path], db, reconcile=False)
    assert (again.new, again.unchanged) == (0, 2) and reads == [] and len(_texts(db)) == 2
    (tmp_path / "x" / "report.txt").write_text(ARTICLE.format(town="Idlib", day=1, n=5), encoding="utf-8")
    reads.clear()
    third = run([tmp_path], db, reconcile=False)
    assert reads == ["report.txt"] and third.new == 1 and len(_texts(db)) == 2
