"""Shards of a cluster run (issue 11): listing in the single-machine order, large JSONL files
cut into line ranges that read exactly as the whole file, small files grouped so that an
added file changes only its own group. No model, no cluster."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sitrep.cluster.plan import Grouper, Piece, jsonl_ranges, list_inputs
from sitrep.demo import sample_dir
from sitrep.ingest import Options, iter_files, read_path
from sitrep.records import Article, IngestError


def _jsonl(path: Path, newline_at_end: bool = True) -> Path:
    lines = []
    for i in range(11):
        if i == 4:
            lines.append("")  # a blank line still counts as a line
        elif i == 6:
            lines.append('{"id": "broken", "text": "unterminated')
        elif i % 3 == 0:
            lines.append(json.dumps({"text": f"Article {i} without an id.\nAt least {i + 2} people were killed."}))
        else:
            lines.append(json.dumps({"id": f"a{i}", "text": f"Article {i}.\nAround {i}00 people fled."}))
    path.write_text("\n".join(lines) + ("\n" if newline_at_end else ""), encoding="utf-8")
    return path


def _seen(items) -> list[tuple]:
    out = []
    for item in items:
        if isinstance(item, Article):
            out.append(("article", item.id, item.text, item.path))
        else:
            assert isinstance(item, IngestError)
            out.append(("error", item.path, item.line, item.reason))
    return out


def _piece(path: Path) -> Piece:
    return Piece(path=str(path), location=str(path), size=path.stat().st_size)


@pytest.mark.parametrize("lines_per_range", [1, 3, 4, 11, 50])
@pytest.mark.parametrize("newline_at_end", [True, False])
def test_plan_jsonl_ranges_read_as_the_whole_file(tmp_path, lines_per_range, newline_at_end):
    path = _jsonl(tmp_path / "feed.jsonl", newline_at_end)
    ranges = jsonl_ranges(_piece(path), lines_per_range)
    whole = _seen(read_path(path, Options()))
    if len(ranges) == 1:
        assert ranges[0].lines is None and lines_per_range >= 11
        return
    assert [r.lines.first for r in ranges] == list(range(1, 12, lines_per_range))
    assert sum(r.lines.count for r in ranges) == 11
    assert sum(r.size for r in ranges) == path.stat().st_size
    pieces = [item for r in ranges for item in _seen(read_path(path, Options(), r.lines))]
    assert pieces == whole  # ids "feed-1", line numbers of errors: the file's own
    assert [e[2] for e in whole if e[0] == "error"] == [7]  # the broken line, numbered as in the file


def test_plan_jsonl_ranges_keep_binary_and_utf16_files_whole(tmp_path):
    binary = tmp_path / "blob.jsonl"
    binary.write_bytes(b"\x00\x01\x02" * 5000 + b"\n" * 50)
    utf16 = tmp_path / "wide.jsonl"
    utf16.write_bytes("\n".join('{"text": "x"}' for _ in range(40)).encode("utf-16"))
    for path in (binary, utf16):
        assert jsonl_ranges(_piece(path), 5) == [_piece(path)]


def test_plan_listing_is_the_single_machine_order():
    listed = list(list_inputs([sample_dir()]))
    assert [p.path for p in listed] == [str(p) for p in iter_files([sample_dir()])]
    assert all(Path(p.location).is_absolute() and p.size > 0 for p in listed)
    missing = list(list_inputs(["/no/such/folder"]))
    assert len(missing) == 1 and isinstance(missing[0], IngestError)


def test_plan_listing_of_fsspec_urls_skips_hidden_and_other_files():
    fsspec = pytest.importorskip("fsspec", reason="fsspec comes with the cluster extra")
    fs = fsspec.filesystem("memory")
    for name in ("corpus/b.txt", "corpus/a.txt", "corpus/sub/c.jsonl", "corpus/.hidden/d.txt",
                 "corpus/README.md"):
        fs.pipe(f"memory://plan-test/{name}", b"text")
    listed = list(list_inputs(["memory://plan-test/corpus"]))
    assert [p.path.rsplit("corpus/", 1)[1] for p in listed] == ["a.txt", "b.txt", "sub/c.jsonl"]
    assert all(p.location.startswith("memory://") and p.size == 4 for p in listed)
    fs.rm("memory://plan-test", recursive=True)


def _groups(paths: list[str], target: int) -> list[tuple[str, ...]]:
    grouper = Grouper(target)
    shards = [s for p in paths for s in grouper.add(Piece(path=p, location=p, size=100))]
    shards += list(grouper.finish())
    return [tuple(piece.path for piece in shard.pieces) for shard in shards]


def test_plan_groups_average_the_target_and_an_added_file_changes_few():
    paths = [f"/corpus/{i:05d}.txt" for i in range(4000)]
    before = _groups(paths, 32)
    sizes = [len(g) for g in before]
    assert 24 <= sum(sizes) / len(sizes) <= 40 and max(sizes) <= 4 * 32 and min(sizes[:-1]) >= 16
    after = _groups(paths[:2000] + ["/corpus/01999b.txt"] + paths[2000:], 32)
    changed = set(after) - set(before)
    assert 1 <= len(changed) <= 3  # the added file's group (and at most its neighbours), not all after it


@pytest.mark.parametrize("lines_per_range", [1, 2, 3])
def test_plan_jsonl_ranges_keep_the_readers_per_line_errors_and_notes(tmp_path, lines_per_range):
    # What the JSONL reader says of each bad line (issue 10) is the same read in pieces:
    # errors and notes carry the file's line numbers, ids fall back to the file's stem.
    rows = [
        json.dumps({"id": "ok", "text": "Article one.\nAt least 5 people were killed."}).encode(),
        b'{"id": "nul", "text": "Article \x00two.\\nAt least 6 people were killed."}',  # a stray NUL byte
        b"[1, 2]",  # not an object
        b"[" * 5000 + b"]" * 5000,  # nested too deeply
        json.dumps({"id": {"x": 1}, "text": "Article five.\nAround 700 people fled."}).encode(),
        json.dumps({"id": "d", "published": "garbage", "text": "Article six.\nAt least 8 were killed."}).encode(),
        b'{"text": 42}',
    ]
    path = tmp_path / "hostile.jsonl"
    path.write_bytes(b"\n".join(rows) + b"\n")

    def seen(items) -> list[tuple]:
        return [("article", i.id, i.line, tuple(i.notes)) if isinstance(i, Article) else ("error", i.line, i.reason)
                for i in items]

    whole = seen(read_path(path, Options()))
    ranges = jsonl_ranges(_piece(path), lines_per_range)
    assert len(ranges) > 1  # a stray NUL does not keep the file whole: it is text
    assert [item for r in ranges for item in seen(read_path(path, Options(), r.lines))] == whole
    assert [e[1] for e in whole if e[0] == "error"] == [3, 4, 7]
    notes = {e[1]: e[3] for e in whole if e[0] == "article"}
    assert notes["nul"] and notes["hostile-5"] and notes["d"] and not notes["ok"]
