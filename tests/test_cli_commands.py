"""The commands of issues 3-5 end to end on the bundled sample, through the CLI."""

import csv
import io
import json

import pytest
from typer.testing import CliRunner

from sitrep.cli import app
from sitrep.demo import sample_dir

pytestmark = pytest.mark.slow

runner = CliRunner()


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("cli") / "sample.duckdb"
    result = runner.invoke(app, ["run", str(sample_dir()), "--db", str(path), "-q"])
    assert result.exit_code == 0, result.output
    return path


def _jsonl(output):
    return [json.loads(line) for line in output.splitlines() if line.startswith("{")]


@pytest.mark.parametrize("what,key", [
    ("series", "claimant"), ("contradictions", "kind"), ("framing", "label"),
])
def test_cli_export_cross_source(db, what, key):
    result = runner.invoke(app, ["export", what, "--db", str(db), "--format", "jsonl"])
    rows = _jsonl(result.stdout)
    assert result.exit_code == 0 and rows and all(key in r for r in rows)


def test_cli_export_events_every_format(db, tmp_path):
    for fmt in ("jsonl", "csv", "acled", "geojson"):
        out = tmp_path / f"events.{fmt}"
        result = runner.invoke(app, ["export", "events", "--db", str(db), "--format", fmt, "-o", str(out)])
        assert result.exit_code == 0, result.output
        text = out.read_text(encoding="utf-8")
        if fmt == "geojson":
            assert json.loads(text)["features"]
        elif fmt == "jsonl":
            assert {json.loads(line)["type"] for line in text.splitlines()} >= {"territory_change"}
        else:
            rows = list(csv.DictReader(io.StringIO(text)))
            assert rows and ("event_type" in rows[0] if fmt == "acled" else "geo_precision" in rows[0])


@pytest.mark.parametrize("cmd,expect", [
    (["series", "--quantity", "killed"], "Observatory"),
    (["series", "--estimates"], "best"),
    (["contradictions", "--kind", "partisan"], "[partisan]"),
    (["framing", "--side", "opposition"], "opposition"),
    (["framing", "--outlets"], "Levant Press Agency"),
    (["events", "--type", "territory_change"], "events shown"),
    (["places", "--unresolved"], "places shown"),
])
def test_cli_tables(db, cmd, expect):
    result = runner.invoke(app, cmd + ["--db", str(db)], terminal_width=200, env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    assert expect in result.output


def test_cli_report_writes_one_offline_file(db, tmp_path):
    out = tmp_path / "report.html"
    result = runner.invoke(app, ["report", "--db", str(db), "-o", str(out)])
    assert result.exit_code == 0, result.output
    html = out.read_text(encoding="utf-8")
    assert "<svg" in html and "Syrian Observatory" in html
    # self-contained: no script, style or image is loaded from anywhere
    assert 'src="http' not in html and '<link rel="stylesheet" href="http' not in html


def test_cli_gazetteer_import(tmp_path, monkeypatch):
    monkeypatch.setenv("SITREP_GAZETTEER_DIR", str(tmp_path / "store"))
    row = ["99100001", "Qaryat Test", "Qaryat Test", "", "35.3", "36.7", "P", "PPL", "SY", "", "10",
           "", "", "", "50", "", "300", "Asia/Damascus", "2024-01-01"]
    dump = tmp_path / "SY.txt"
    dump.write_text("\t".join(row) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["gazetteer", "import", str(dump)])
    assert result.exit_code == 0 and "1 place imported" in result.output.replace("\n", " ")
