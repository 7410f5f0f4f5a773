"""Bad input: each problem becomes one IngestError with a one-line reason; nothing raises."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sitrep.ingest import iter_inputs
from sitrep.records import Article, IngestError

PARA = ("Fighters from the northern brigades entered the market town of Northfield on Monday "
        "after two days of heavy shelling, according to residents who fled to nearby camps.")


@pytest.mark.parametrize("name, content, reason", [
    ("empty.txt", b"", "empty"),
    ("blank.txt", b"  \n\t\n  ", "empty"),
    ("nul.txt", b"some text\x00\x01\x02 more", "binary file"),
    ("controls.txt", bytes(range(1, 9)) * 20 + b"abc", "binary file"),
    ("image.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "binary file"),
    ("latin.txt", bytes(range(0x80, 0x100)) * 8, "not UTF-8 and not decodable"),
    ("furniture.txt", b"Skip to content\n\n4 min read\n\nNEWSLETTER\n", "no article text left after cleaning"),
    ("notes.md", PARA.encode(), "unsupported file type .md"),
    ("README", PARA.encode(), "unsupported file type (no extension)"),
    ("empty.html", b"<html><head><title>x</title></head><body><nav>Home</nav></body></html>",
     "no article text found in HTML"),
    ("empty.jsonl", b"\n\n", "empty"),
    ("binary.jsonl", b'{"text": "a"}\n\x00\x00\x00', "binary file"),
    ("noise.jsonl", bytes(range(0x80, 0x100)) * 8 + b"\n" + bytes(range(1, 9)) * 30, "binary file"),
])
def test_bad_input_single_reason(tmp_path: Path, name: str, content: bytes, reason: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    items = list(iter_inputs([path]))
    assert len(items) == 1
    (error,) = items
    assert isinstance(error, IngestError)
    assert error.reason == reason
    assert error.path == str(path)
    assert "\n" not in str(error)


def test_bad_input_too_large(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_text(PARA * 10, encoding="utf-8")
    size = path.stat().st_size
    (error,) = list(iter_inputs([path], max_bytes=100))
    assert isinstance(error, IngestError)
    assert error.reason == f"too large: {size} bytes > limit 100"


def test_bad_input_missing_path(tmp_path: Path) -> None:
    missing = tmp_path / "nope" / "gone.txt"
    (error,) = list(iter_inputs([missing]))
    assert isinstance(error, IngestError) and error.reason == "no such file or directory"


@pytest.mark.parametrize("name", ["locked.txt", "locked.jsonl"])
def test_bad_input_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    # Permission bits do not stop root (CI), so the refusal is simulated.
    path = tmp_path / name
    path.write_text(PARA, encoding="utf-8")

    def refuse(path: object) -> None:
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr("sitrep.ingest.files._open_fd", refuse)
    (error,) = list(iter_inputs([path]))
    assert isinstance(error, IngestError)
    assert error.reason == "cannot read: Permission denied"


def test_bad_input_jsonl_bad_lines_keep_the_others(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": "a", "text": PARA}),          # 1 ok
        '{"id": "b", "text": "unterminated',             # 2 malformed
        "",                                              # 3 blank: skipped silently
        json.dumps(["not", "an", "object"]),             # 4 not an object
        json.dumps({"id": "e", "title": "no body"}),     # 5 no text or html
        json.dumps({"id": "f", "text": "   "}),          # 6 empty text
        json.dumps({"id": "g", "text": "Skip to content\n4 min read"}),  # 7 nothing left after cleaning
        json.dumps({"id": "h", "text": PARA}),          # 8 ok
    ]
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = list(iter_inputs([path]))
    assert [i.id for i in items if isinstance(i, Article)] == ["a", "h"]
    errors = {i.line: i.reason for i in items if isinstance(i, IngestError)}
    assert sorted(errors) == [2, 4, 5, 6, 7]
    assert errors[2].startswith("malformed JSONL line 2: Unterminated string")
    assert errors[4] == "malformed JSONL line 4: expected a JSON object, got list"
    assert errors[5] == errors[6].replace("6", "5") == "JSONL line 5 has no text or html"
    assert errors[7] == "no article text left after cleaning"


def test_bad_input_jsonl_line_too_large(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    big = json.dumps({"id": "big", "text": PARA * 20})
    path.write_text("\n".join([big, json.dumps({"id": "small", "text": PARA})]) + "\n", encoding="utf-8")
    items = list(iter_inputs([path], max_bytes=1000))
    assert isinstance(items[0], IngestError) and items[0].line == 1
    assert items[0].reason.startswith("too large: ") and items[0].reason.endswith("> limit 1000")
    assert isinstance(items[1], Article) and items[1].id == "small"


def test_bad_input_jsonl_not_utf8_line(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    junk = bytes([0x81, 0x8d, 0x8f, 0x90, 0x9d]) * 8  # neither UTF-8 nor cp1252
    path.write_bytes(b'{"text": "' + junk + b'"}\n' + b'{"id": "cafe", "text": "caf\xe9 ' + PARA.encode() + b'"}\n'
                     + json.dumps({"id": "ok", "text": PARA}).encode() + b"\n")
    first, second, third = list(iter_inputs([path]))
    assert isinstance(first, IngestError) and first.reason == "malformed JSONL line 1: not UTF-8 and not decodable"
    # a Latin-1/cp1252 line is read as such
    assert isinstance(second, Article) and second.text.startswith("caf\u00e9 ") and not second.notes
    assert isinstance(third, Article)


def test_bad_input_one_bad_file_does_not_stop_folder(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(b"\x00\x01binary")
    (tmp_path / "b.txt").write_text(PARA, encoding="utf-8")
    (tmp_path / "c.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / "d.txt").write_text("", encoding="utf-8")
    items = list(iter_inputs([tmp_path]))
    # The PDF in a folder is not an article file: left alone, not an error.
    assert [type(i).__name__ for i in items] == ["IngestError", "Article", "IngestError"]
    assert items[2].reason == "empty"


def test_bad_input_unsupported_file_named_explicitly(tmp_path: Path) -> None:
    pdf = tmp_path / "c.pdf"
    pdf.write_bytes(b"%PDF-1.4")
    (item,) = list(iter_inputs([pdf]))
    assert isinstance(item, IngestError) and item.reason == "unsupported file type .pdf"
