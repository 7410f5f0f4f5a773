"""Hostile and damaged input at ingest (issue 10): nothing stops the walk, nothing hangs,
decodable text is read, and every field that cannot be used gets a note while the
article still lands."""

from __future__ import annotations

import codecs
import json
import os
import threading
from pathlib import Path

import pytest

from sitrep.ingest import iter_inputs
from sitrep.ingest.chars import normalize_chars
from sitrep.ingest.decode import decode_bytes
from sitrep.records import Article, IngestError

PARA = ("Fighters from the northern brigades entered the market town of Northfield on Monday "
        "after two days of heavy shelling, according to residents who fled to nearby camps.")
AFTER = json.dumps({"id": "after", "text": PARA})


def _items(path: Path) -> list:
    return list(iter_inputs([path]))


# --- whole-run stoppers (item 2) -------------------------------------------------------

def test_ingest_deeply_nested_jsonl_line_costs_only_itself(tmp_path: Path) -> None:
    path = tmp_path / "deep.jsonl"
    path.write_text("[" * 1000 + "]" * 1000 + "\n" + '{"a":' * 5000 + "1" + "}" * 5000 + "\n" + AFTER + "\n")
    first, second, third = _items(path)
    assert isinstance(first, IngestError) and first.reason == "malformed JSONL line 1: nested too deeply"
    assert isinstance(second, IngestError) and second.line == 2
    assert isinstance(third, Article) and third.id == "after"


@pytest.mark.parametrize("field", ["text", "id", "title", "outlet", "url"])
def test_ingest_lone_surrogate_in_jsonl_never_reaches_a_record(tmp_path: Path, field: str) -> None:
    record = {"id": "s", "text": PARA, "title": "Title", "outlet": "Outlet", "url": "https://x.test/a"}
    record[field] = record[field][:3] + "\ud800" + record[field][3:]
    path = tmp_path / "s.jsonl"
    path.write_text(json.dumps(record) + "\n" + AFTER + "\n", encoding="utf-8")
    article, after = _items(path)
    assert isinstance(article, Article) and isinstance(after, Article)
    for value in (article.id, article.text, article.title, article.outlet, article.url):
        assert value is None or not any("\ud800" <= ch <= "\udfff" for ch in value)
        assert value is None or value.encode("utf-8")  # storable


def test_ingest_file_name_not_utf8_gets_a_readable_id(tmp_path: Path) -> None:
    name = os.fsencode(tmp_path) + b"/caf\xe9 report.txt"
    try:
        with open(name, "w", encoding="utf-8") as handle:
            handle.write(PARA)
    except OSError:
        pytest.skip("this file system refuses names that are not UTF-8")
    (item,) = list(iter_inputs([tmp_path]))
    assert isinstance(item, Article)
    assert item.id == "caf\ufffd report"
    assert item.path is not None and item.path.endswith("caf\ufffd report.txt")
    item.path.encode("utf-8")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_ingest_fifo_named_like_an_article_is_refused_not_read(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "x.txt")
    os.mkfifo(tmp_path / "y.jsonl")
    (tmp_path / "z.txt").write_text(PARA, encoding="utf-8")
    found: list = []
    walker = threading.Thread(target=lambda: found.extend(iter_inputs([tmp_path])), daemon=True)
    walker.start()
    walker.join(30)
    assert not walker.is_alive(), "reading a FIFO blocked"
    assert [(type(i).__name__, getattr(i, "reason", None)) for i in found] == [
        ("IngestError", "not a regular file"), ("IngestError", "not a regular file"), ("Article", None)]
    (named,) = list(iter_inputs([tmp_path / "x.txt"]))
    assert isinstance(named, IngestError) and named.reason == "not a regular file"


def test_ingest_unexpected_error_in_one_file_costs_only_that_file(tmp_path: Path, monkeypatch) -> None:
    (tmp_path / "a.txt").write_text("boom " + PARA, encoding="utf-8")
    (tmp_path / "b.txt").write_text(PARA, encoding="utf-8")
    import sitrep.ingest.readers as readers

    real = readers.article_from_text

    def exploding(raw: str, **kwargs):
        if raw.startswith("boom"):
            raise ValueError("surprise")
        return real(raw, **kwargs)

    monkeypatch.setattr(readers, "article_from_text", exploding)
    first, second = list(iter_inputs([tmp_path]))
    assert isinstance(first, IngestError) and first.reason == "not read: ValueError: surprise"
    assert isinstance(second, Article)


# --- decodable text is read (item 10) ------------------------------------------------

ARABIC = "قالت وزارة الصحة إن 12 شخصا قتلوا في غارة على المدينة يوم الاثنين، وأصيب 40 آخرون. "


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("text", [PARA, ARABIC * 3])
def test_ingest_decode_utf16_with_and_without_bom(text: str, encoding: str) -> None:
    decoded = decode_bytes(text.encode(encoding))
    assert decoded.text == text and decoded.notes == ()


def test_ingest_decode_utf16_jsonl_with_bom(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    lines = [json.dumps({"id": "a", "text": PARA}), json.dumps({"id": "b", "text": "Caf\u00e9 " + PARA})]
    path.write_bytes("\n".join(lines).encode("utf-16"))
    items = _items(path)
    assert [i.id for i in items if isinstance(i, Article)] == ["a", "b"]
    assert items[1].text.startswith("Caf\u00e9 ")


def test_ingest_decode_utf16_jsonl_without_bom(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_bytes((AFTER + "\r\n" + AFTER.replace('"after"', '"second"') + "\r\n").encode("utf-16-le"))
    assert [i.id for i in _items(path) if isinstance(i, Article)] == ["after", "second"]


@pytest.mark.parametrize("data, text, notes", [
    (PARA[:40].encode() + b"\x00" + PARA[40:].encode(), PARA, ("1 NUL byte dropped",)),
    (b"\xef\xbb\xbf" + PARA.encode().replace(b"two", b"t\x00wo\x00"), PARA, ("2 NUL bytes dropped",)),
    ("Caf\u00e9 \u201c".encode() + b"\x81" + PARA.encode(), "Caf\u00e9 \u201c" + PARA, ("1 byte not UTF-8 dropped",)),
    (PARA.encode() + b"\x8d", PARA, ("1 byte not UTF-8 dropped",)),
    ("caf\u00e9 ".encode("cp1252") + PARA.encode(), "caf\u00e9 " + PARA, ()),
])
def test_ingest_decode_drops_stray_bytes_with_a_count(data: bytes, text: str, notes: tuple) -> None:
    decoded = decode_bytes(data)
    assert (decoded.text, decoded.reason, decoded.notes) == (text, None, notes)


@pytest.mark.parametrize("data", [
    b"\x7fELF\x02\x01\x01" + bytes(200) + PARA.encode(),          # an executable
    b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8,                  # an image
    bytes(range(256)) * 40,                                          # random-ish bytes
    PARA.encode()[:20] + bytes(30) + PARA.encode()[20:],            # more NUL than text has
])
def test_ingest_decode_really_binary_is_refused(data: bytes) -> None:
    decoded = decode_bytes(data)
    assert decoded.text is None and decoded.reason in ("binary file", "not UTF-8 and not decodable")


def test_ingest_decode_notes_reach_the_article(tmp_path: Path) -> None:
    (tmp_path / "nul.txt").write_bytes(PARA[:40].encode() + b"\x00" + PARA[40:].encode())
    (item,) = _items(tmp_path / "nul.txt")
    assert isinstance(item, Article) and item.notes == ["1 NUL byte dropped"] and "\x00" not in item.text


def test_ingest_decode_bom_constants_stay_text() -> None:
    assert decode_bytes(codecs.BOM_UTF16_LE).reason == "empty"


# --- silently ignored before (item 11) --------------------------------------------------

@pytest.mark.parametrize("value, note", [
    ("garbage", 'published "garbage" is not a date; left empty'),
    (-1, "published -1 is not a date; left empty"),
    (True, "published true is not a date; left empty"),
    ([2024, 12, 1], "published [2024, 12, 1] is not a date; left empty"),
    ({"day": 1}, 'published {"day": 1} is not a date; left empty'),
])
def test_ingest_bad_published_is_noted_and_the_article_lands(tmp_path: Path, value, note: str) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_text(json.dumps({"id": "a", "published": value, "text": PARA}) + "\n", encoding="utf-8")
    (item,) = _items(path)
    assert isinstance(item, Article) and item.published is None and item.date_rule is None
    assert item.notes == [note] and item.line == 1


@pytest.mark.parametrize("value, note", [
    ({"x": 1}, "id is an object, not text; bad-1 used"),
    ([1, 2], "id is a list, not text; bad-1 used"),
    (False, "id is true or false, not text; bad-1 used"),
])
def test_ingest_unusable_id_is_noted_and_the_default_used(tmp_path: Path, value, note: str) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text(json.dumps({"id": value, "outlet": ["x"], "text": PARA}) + "\n", encoding="utf-8")
    (item,) = _items(path)
    assert isinstance(item, Article) and item.id == "bad-1" and item.outlet is None
    assert item.notes == [note, "outlet is a list, not text; left empty"]


def test_ingest_unreadable_subfolder_gets_its_line(tmp_path: Path, monkeypatch) -> None:
    (tmp_path / "a.txt").write_text(PARA, encoding="utf-8")
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "b.txt").write_text(PARA, encoding="utf-8")
    (tmp_path / "z.txt").write_text(PARA, encoding="utf-8")
    real = os.scandir

    def scandir(path=".", *args):
        if os.fspath(path) == os.fspath(locked):  # permission bits do not stop root: simulate
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real(path, *args)

    monkeypatch.setattr(os, "scandir", scandir)
    items = _items(tmp_path)
    assert [(type(i).__name__, getattr(i, "reason", None)) for i in items] == [
        ("Article", None), ("Article", None), ("IngestError", "cannot read folder: Permission denied")]
    assert items[2].path == str(locked)


# --- escape sequences in text (item 6) ---------------------------------------------------

@pytest.mark.parametrize("raw, expected", [
    ("\x1b[31m31\x1b[0m people were killed", "31 people were killed"),
    ("[31m killed in Hama [0m", " killed in Hama "),
    ("ALERT[1;33m 5 killed", "ALERT 5 killed"),
    ("\x1b]0;title\x07Rebels advanced", "Rebels advanced"),
    ("a budget of [5m] and [K] stays", "a budget of [5m] and [K] stays"),
])
def test_ingest_escape_sequence_remnants_are_noise(raw: str, expected: str) -> None:
    assert normalize_chars(raw) == expected


@pytest.mark.slow
def test_ingest_escape_remnant_is_no_claim(extract_text) -> None:
    from sitrep.ingest import clean_text

    x = extract_text(clean_text("The monitor said [31m killed in Hama, and 12 people were wounded."))
    assert [c.value for c in x.claims] == [12]
