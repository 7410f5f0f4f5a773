"""What a newcomer meets (issue 15): help examples that work, filters that match, errors that
list the valid values, a run summary that says what is missing, stored articles corrected."""

from __future__ import annotations

import re
import shlex

import pytest
from typer.testing import CliRunner

from sitrep.cli import app, export_app
from sitrep.demo import sample_dir

pytestmark = pytest.mark.slow

runner = CliRunner()
WIDTH = 100


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("newcomer") / "sample.duckdb"
    result = runner.invoke(app, ["run", str(sample_dir()), "--db", str(path), "-q"])
    assert result.exit_code == 0, result.output
    return path


def _examples() -> list[tuple[str, str]]:
    """(command path, example) of every query command whose example reads the database."""
    out = []
    for group, prefix in ((app, ""), (export_app, "export ")):
        for info in group.registered_commands:
            name = prefix + (info.name or info.callback.__name__.replace("_cmd", "").replace("export_", ""))
            example = (info.epilog or "").removeprefix("Example: ").strip()
            if example:
                out.append((name, example))
    return out


# Commands whose example needs files or a server rather than the database: run elsewhere
# (watch and alerts in tests/test_watch_run.py: the sample has no watch behind it; load in
# tests/test_cluster_run.py; reconcile, which writes and shows no rows, in
# tests/test_reconcile_stage.py).
NOT_A_QUERY = {"run", "demo", "bench", "serve", "eval", "places", "watch", "alerts", "load", "reconcile"}


@pytest.mark.parametrize("name,example", [e for e in _examples() if e[0].split()[0] not in NOT_A_QUERY or e[0] == "places"])
def test_cli_help_example_returns_rows(db, tmp_path, name, example):
    words = shlex.split(example.split("&&")[0])[1:]  # drop "sitrep"
    words = [w for w in words]
    if "--db" in words:
        i = words.index("--db")
        del words[i:i + 2]
    if "-o" in words:
        words[words.index("-o") + 1] = str(tmp_path / words[words.index("-o") + 1])
    result = runner.invoke(app, words + ["--db", str(db)], terminal_width=WIDTH, env={"COLUMNS": str(WIDTH)})
    assert result.exit_code == 0, result.output
    shown = re.search(r"(\d[\d,]*) (?:claims?|events?|places?|series|estimates?|contradictions?|rows?) shown", result.output)
    exported = re.search(r"(\d[\d,]*) (?:rows|events) exported", result.output)
    written = list(tmp_path.iterdir())
    if shown:
        assert int(shown.group(1).replace(",", "")) > 0, result.output
    elif exported:
        assert int(exported.group(1).replace(",", "")) > 0
    else:
        assert written and written[0].stat().st_size > 0, result.output


@pytest.mark.parametrize("args,expect", [
    (["claims", "--source", "observatory"], "Syrian Observatory"),
    (["claims", "--source", "OBSERVATORY"], "Syrian Observatory"),
    (["claims", "--outlet", "levant"], "Levant Press Agency"),
    (["events", "--place", "hama"], "Hama"),
])
def test_cli_text_filters_are_case_blind_substrings(db, args, expect):
    result = runner.invoke(app, args + ["--db", str(db)], terminal_width=200, env={"COLUMNS": str(200)})
    assert result.exit_code == 0 and expect in result.output
    assert not re.search(r"(?<![\d,])0 (?:claims|events) shown", result.output)


@pytest.mark.parametrize("args,valid", [
    (["claims", "--quantity", "kiled"], "killed"),
    (["claims", "--category", "kids"], "civilians"),
    (["events", "--type", "capture"], "territory_change"),
    (["contradictions", "--kind", "bogus"], "partisan"),
    (["framing", "--side", "rebels"], "opposition"),
    (["series", "--quantity", "deaths"], "killed"),
])
def test_cli_enumerated_values_are_checked(db, args, valid):
    result = runner.invoke(app, args + ["--db", str(db)], terminal_width=200, env={"COLUMNS": str(200)})
    assert result.exit_code == 2
    assert valid in result.output


def test_cli_tables_fit_100_columns(db):
    for args in (["claims"], ["events"], ["places"], ["series", "--estimates"], ["framing"]):
        result = runner.invoke(app, args + ["--db", str(db), "--limit", "5"], terminal_width=WIDTH, env={"COLUMNS": str(WIDTH)})
        assert result.exit_code == 0, result.output
        assert max(len(line) for line in result.output.splitlines()) <= WIDTH


def test_cli_claims_table_shows_article_flags_and_separators(db):
    out = runner.invoke(app, ["claims", "--db", str(db), "--limit", "200"], terminal_width=160, env={"COLUMNS": str(160)}).output
    assert "sample_0" in out  # the article id column
    assert re.search(r"\d,\d{3}", out)  # thousands separators
    assert "historical" in out or "unverified" in out


def test_cli_estimates_print_their_rule_once(db):
    out = runner.invoke(app, ["series", "--estimates", "--db", str(db)], terminal_width=WIDTH, env={"COLUMNS": str(WIDTH)}).output
    assert out.count("rule:") == 1


def test_cli_run_notes_and_corrections(tmp_path):
    text = ("Rebels took the town of Suran on Tuesday, the Syrian Observatory for Human Rights said.\n\n"
            "At least 12 people were killed, the Observatory said.\n")
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    db = tmp_path / "x.duckdb"
    first = runner.invoke(app, ["run", str(tmp_path / "a.txt"), "--db", str(db), "-q"], terminal_width=200, env={"COLUMNS": str(200)})
    assert first.exit_code == 0, first.output
    assert "1 article (1 new" in first.output
    assert "no publication date" in first.output and "--date" in first.output
    assert "no outlet" in first.output and "--outlet" in first.output
    again = runner.invoke(app, ["run", str(tmp_path / "a.txt"), "--db", str(db), "-q", "--date", "2024-12-04",
                                "--outlet", "Wire"], terminal_width=200, env={"COLUMNS": str(200)})
    assert "1 updated" in again.output and "no publication date" not in again.output
    from sitrep.store import open_db

    with open_db(db, read_only=True) as store:
        (article,) = store.articles()
        assert (article.outlet, str(article.published), article.date_rule) == ("Wire", "2024-12-04", "option")
        ids = {c.id for c in store.claims()}
    plain = runner.invoke(app, ["run", str(tmp_path / "a.txt"), "--db", str(db), "-q"], terminal_width=200, env={"COLUMNS": str(200)})
    assert "1 unchanged" in plain.output  # a re-run without options never undoes a correction
    redo = runner.invoke(app, ["run", "--reprocess", "--db", str(db), "-q"], terminal_width=200, env={"COLUMNS": str(200)})
    assert redo.exit_code == 0 and "1 re-extracted" in redo.output
    with open_db(db, read_only=True) as store:
        assert {c.id for c in store.claims()} == ids  # content ids unchanged
        assert store.articles()[0].outlet == "Wire"
