"""The main job end to end: idempotent re-runs, interrupted runs, bad inputs, the CLI."""

import json

import pytest
from typer.testing import CliRunner

from sitrep.cli import app
from sitrep.pipeline import run
from sitrep.store import open_db

pytestmark = pytest.mark.slow

ARTICLE = ("Fighting near {town}\nDecember {day}, 2024\n\n"
           "At least {n} people were killed in {town} on Tuesday, the Syrian Observatory for Human Rights said.\n\n"
           "Around {m} people have fled the town since the weekend, according to the UN.\n")


def _corpus(folder, count=5):
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(count):
        (folder / f"a{i}.txt").write_text(
            ARTICLE.format(town=["Hama", "Homs", "Idlib", "Saraqeb", "Aleppo"][i % 5], day=i + 1,
                           n=10 + i, m=1000 * (i + 1)), encoding="utf-8")
    return folder


def _counts(db):
    with open_db(db, read_only=True) as store:
        c = store.counts()
        return c.articles, c.claims


def test_pipeline_rerun_adds_nothing(tmp_path):
    corpus = _corpus(tmp_path / "in")
    db = tmp_path / "s.duckdb"
    first = run([corpus], db)
    assert (first.articles, first.new, first.claims) == (5, 5, 10)
    second = run([corpus], db)
    assert (second.new, second.unchanged) == (0, 5)
    assert _counts(db) == (5, 10)


def test_pipeline_interrupted_run_reruns_cleanly(tmp_path, killed_on_second_write):
    let_writes_through = killed_on_second_write
    corpus = _corpus(tmp_path / "in", 6)
    db = tmp_path / "s.duckdb"
    with pytest.raises(KeyboardInterrupt):
        run([corpus], db)
    assert _counts(db)[0] == 2  # the first batch landed whole, nothing else
    let_writes_through()
    again = run([corpus], db)
    assert (again.new, again.unchanged) == (4, 2)
    assert _counts(db) == (6, 12)


def test_pipeline_bad_inputs_do_not_stop_the_run(tmp_path):
    corpus = _corpus(tmp_path / "in", 2)
    (corpus / "empty.txt").write_text("", encoding="utf-8")
    (corpus / "bin.txt").write_bytes(b"\x00\x01\x02garbage")
    (corpus / "feed.jsonl").write_text(
        json.dumps({"id": "j1", "text": ARTICLE.format(town="Homs", day=9, n=7, m=500)}) + "\n{not json\n",
        encoding="utf-8")
    summary = run([corpus], tmp_path / "s.duckdb")
    assert summary.articles == 3
    reasons = sorted(e.reason.split(":")[0] for e in summary.errors)
    assert reasons == ["binary file", "empty", "malformed JSONL line 2"]


def test_pipeline_same_name_in_two_folders_keeps_both(tmp_path):
    a = tmp_path / "x" / "report.txt"
    b = tmp_path / "y" / "report.txt"
    a.parent.mkdir()
    b.parent.mkdir()
    a.write_text(ARTICLE.format(town="Hama", day=1, n=5, m=100), encoding="utf-8")
    b.write_text(ARTICLE.format(town="Homs", day=2, n=6, m=200), encoding="utf-8")
    summary = run([tmp_path], tmp_path / "s.duckdb")
    assert summary.new == 2 and _counts(tmp_path / "s.duckdb")[0] == 2


def test_pipeline_cli_run_reports_bad_input_and_exit_status(tmp_path):
    corpus = _corpus(tmp_path / "in", 1)
    (corpus / "empty.txt").write_text("  \n", encoding="utf-8")
    db = tmp_path / "s.duckdb"
    result = CliRunner().invoke(app, ["run", str(corpus), "--db", str(db), "-q"])
    assert result.exit_code == 1
    assert "empty.txt: empty" in result.output.replace("\n", "")
    listed = CliRunner().invoke(app, ["claims", "--db", str(db), "--json"])
    rows = [json.loads(line) for line in listed.output.splitlines() if line.startswith("{")]
    assert {r["source"] for r in rows} == {"Syrian Observatory for Human Rights", "United Nations"}


def test_pipeline_cli_every_command_has_help_with_example():
    runner = CliRunner()
    for cmd in (["run"], ["claims"], ["events"], ["places"], ["eval"], ["demo"], ["bench"],
                ["report"], ["serve"], ["watch"], ["alerts"], ["export", "claims"], ["export", "events"],
                ["gazetteer", "import"]):
        result = runner.invoke(app, cmd + ["-h"])
        assert result.exit_code == 0, cmd
        assert result.output.rstrip().splitlines()[-1].strip().startswith("Example: sitrep"), cmd


def test_pipeline_cli_missing_database_is_a_clear_error(tmp_path):
    result = CliRunner().invoke(app, ["claims", "--db", str(tmp_path / "none.duckdb")])
    assert result.exit_code == 2 and "no database" in result.output


def test_pipeline_writes_whole_extraction_batches_together_in_order():
    """Batches are joined, in order and never split, into transactions of at least the
    write size; the last takes what is left."""
    from sitrep.pipeline import _written_together

    batches = [[f"kyiv-{i}", f"goma-{i}"] for i in range(5)] + [["gaza-9"]]
    groups = list(_written_together(iter(batches), size=4))
    assert [len(g) for g in groups] == [4, 4, 3]
    assert sum(groups, []) == sum(batches, [])


def _gold_folder(tmp_path, second_text: str):
    """A two-article gold folder: one real article and one whose text is ``second_text``."""
    folder = tmp_path / "gold"
    (folder / "articles").mkdir(parents=True)
    (folder / "articles" / "a_port.txt").write_text(
        "Officials in Aden said on Tuesday that 12 people were killed when shells hit the port.\n")
    (folder / "articles" / "b_other.txt").write_text(second_text)
    claim = {"quantity": "killed", "category": "total", "value": 12, "qualifier": "exact",
             "source": "officials in Aden",
             "sentence": "Officials in Aden said on Tuesday that 12 people were killed when shells hit the port."}
    docs = [{"doc": "a_port", "claims": [claim], "events": [], "negatives": []},
            {"doc": "b_other", "claims": [], "events": [], "negatives": []}]
    (folder / "gold.json").write_text(json.dumps({"about": "test", "documents": docs}))
    return folder


@pytest.mark.parametrize("second_text, exit_code", [
    ("Rebels in Goma said the night had been quiet.\n", 0),  # both articles run: a score
    ("", 1),  # an empty gold article is skipped: the scores would count its rows as missed
])
def test_pipeline_eval_fails_when_a_gold_article_is_skipped(tmp_path, second_text, exit_code):
    result = CliRunner().invoke(app, ["eval", str(_gold_folder(tmp_path, second_text)), "--no-lists"])
    assert result.exit_code == exit_code, result.output
    assert ("not extracted" in result.output) == bool(exit_code)
