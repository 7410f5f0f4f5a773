"""Readers: .txt, .html, .jsonl, folders; ids, hashes and order are deterministic."""

from __future__ import annotations

import hashlib
import json
from datetime import date
from pathlib import Path

import pytest

from sitrep.ingest import count_inputs, iter_inputs, read_article_text
from sitrep.records import Article, IngestError

PARA1 = ("Fighters from the northern brigades entered the market town of Northfield on Monday "
         "after two days of heavy shelling, according to residents who fled to nearby camps.")
PARA2 = ("Local medics said at least twelve civilians were killed and dozens wounded, while the "
         "regional health office put the number of displaced families at more than four hundred.")
PARA3 = ("Aid agencies warned that food and fuel supplies in the camps along the river were running "
         "low and called on all sides to allow convoys through the remaining open crossings.")

HTML_PAGE = f"""<!DOCTYPE html>
<html><head>
<title>Fighters take Northfield | Example Times</title>
<meta property="og:title" content="Fighters take Northfield">
<meta property="og:site_name" content="Example Times">
<meta property="article:published_time" content="2024-03-02T08:15:00Z">
</head><body>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li>
<li><a href="/subscribe">Subscribe</a></li></ul></nav></header>
<main><article>
<h1>Fighters take Northfield</h1>
<p>{PARA1}</p>
<p>{PARA2}</p>
<p>{PARA3}</p>
</article></main>
<aside><h3>Most read</h3><ul><li><a href="/a">Markets rally on rate hopes</a></li></ul></aside>
<footer><p>Copyright 2024 Example Times. All rights reserved.</p><a href="/privacy">Privacy policy</a></footer>
</body></html>"""


def _write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    """A folder with one input of each kind, nested, plus a hidden file."""
    root = tmp_path / "corpus"
    _write(root / "b_story.txt", f"Fighters take Northfield\n\n{PARA1}\n\n{PARA2}")
    _write(root / "a_page.html", HTML_PAGE)
    _write(root / "nested" / "feed.jsonl", "\n".join(json.dumps(r) for r in [
        {"id": "wire-1", "text": PARA1, "outlet": "Deutsche Welle", "published": "2024-03-01", "title": "One"},
        {"text": PARA2, "url": "https://www.aljazeera.com/news/2024/3/1/x"},
        {"id": 77, "html": HTML_PAGE},
    ]) + "\n")
    _write(root / ".hidden.txt", PARA3)
    return root


def _articles(items: list[Article | IngestError]) -> list[Article]:
    return [i for i in items if isinstance(i, Article)]


def test_readers_folder_walk_sorted(corpus: Path) -> None:
    items = list(iter_inputs([corpus]))
    assert [i.id for i in _articles(items)] == ["a_page", "b_story", "wire-1", "feed-2", "77"]
    assert not [i for i in items if isinstance(i, IngestError)]
    # the progress bar's total: one per file, one per JSONL line
    assert count_inputs([corpus]) == len(items) == 5


def test_readers_deterministic_ids_and_hashes(corpus: Path) -> None:
    first = [(a.id, a.content_hash, a.text) for a in _articles(list(iter_inputs([corpus])))]
    second = [(a.id, a.content_hash, a.text) for a in _articles(list(iter_inputs([corpus])))]
    assert first == second
    for _, digest, text in first:
        assert digest == hashlib.sha256(text.encode("utf-8")).hexdigest()


def test_readers_txt_article(corpus: Path) -> None:
    (article,) = list(iter_inputs([corpus / "b_story.txt"]))
    assert isinstance(article, Article)
    assert article.id == "b_story"
    assert article.text == f"Fighters take Northfield\n\n{PARA1}\n\n{PARA2}"
    assert article.title == "Fighters take Northfield"
    assert article.path == str(corpus / "b_story.txt")
    assert (article.outlet, article.published) == (None, None)


def test_readers_html_strips_nav_and_footer(corpus: Path) -> None:
    (article,) = list(iter_inputs([corpus / "a_page.html"]))
    assert isinstance(article, Article)
    assert article.id == "a_page"
    for para in (PARA1, PARA2, PARA3):
        assert para in article.text
    for furniture in ("Subscribe", "Most read", "Markets rally", "All rights reserved", "Privacy"):
        assert furniture not in article.text
    assert article.title == "Fighters take Northfield"
    assert (article.outlet, article.outlet_rule) == ("Example Times", "metadata")
    assert (article.published, article.date_rule) == (date(2024, 3, 2), "metadata")


def test_readers_jsonl_fields(corpus: Path) -> None:
    items = _articles(list(iter_inputs([corpus / "nested" / "feed.jsonl"])))
    by_id = {a.id: a for a in items}
    one = by_id["wire-1"]
    assert (one.outlet, one.outlet_rule, one.published, one.title) == ("DW", "metadata", date(2024, 3, 1), "One")
    two = by_id["feed-2"]
    assert (two.outlet, two.url) == ("Al Jazeera", "https://www.aljazeera.com/news/2024/3/1/x")
    assert PARA3 in by_id["77"].text


def test_readers_outlet_option_applies_without_metadata(corpus: Path) -> None:
    items = {a.id: a for a in _articles(list(iter_inputs([corpus], outlet="Example Post",
                                                          published=date(2020, 5, 5))))}
    assert (items["b_story"].outlet, items["b_story"].outlet_rule) == ("Example Post", "option")
    assert (items["b_story"].published, items["b_story"].date_rule) == (date(2020, 5, 5), "option")
    assert items["wire-1"].outlet == "DW"  # JSONL metadata beats the option


def test_readers_explicit_paths_keep_given_order(corpus: Path) -> None:
    items = list(iter_inputs([corpus / "b_story.txt", corpus / "a_page.html"]))
    assert [i.id for i in _articles(items)] == ["b_story", "a_page"]


def test_readers_read_article_text(corpus: Path) -> None:
    assert read_article_text(corpus / "b_story.txt").startswith("Fighters take Northfield")
    assert isinstance(read_article_text(corpus / "missing.txt"), IngestError)


def test_readers_utf8_bom_and_crlf(tmp_path: Path) -> None:
    path = _write(tmp_path / "bom.txt", b"\xef\xbb\xbfHeadline\r\n\r\n" + PARA1.encode())
    (article,) = list(iter_inputs([path]))
    assert isinstance(article, Article)
    assert article.text == f"Headline\n\n{PARA1}"


def test_readers_utf16_and_cp1252(tmp_path: Path) -> None:
    utf16 = _write(tmp_path / "u16.txt", ("Caf\u00e9 talks\n\n" + PARA1).encode("utf-16"))
    cp1252 = _write(tmp_path / "win.txt", ("The army\u2019s caf\u00e9 \u2013 " + PARA1).encode("cp1252"))
    a16, a1252 = list(iter_inputs([utf16, cp1252]))
    assert isinstance(a16, Article) and a16.text.startswith("Caf\u00e9 talks")
    assert isinstance(a1252, Article) and a1252.text.startswith("The army\u2019s caf\u00e9 \u2013 ")


def test_readers_html_declared_charset_and_xml_declaration(tmp_path: Path) -> None:
    arabic = "\u0627\u0644\u0645\u062f\u064a\u0646\u0629"
    page = HTML_PAGE.replace("<head>", '<head><meta charset="windows-1256">').replace(
        f"<p>{PARA3}</p>", f"<p>{PARA3} ({arabic})</p>")
    legacy = _write(tmp_path / "legacy.html", page.encode("cp1256"))
    xhtml = _write(tmp_path / "xhtml.html", '<?xml version="1.0" encoding="utf-8"?>\n' + HTML_PAGE)
    first, second = list(iter_inputs([legacy, xhtml]))
    assert isinstance(first, Article) and f"({arabic})" in first.text
    assert isinstance(second, Article) and PARA2 in second.text


def test_ingest_readers_index_sidecar_gives_metadata(tmp_path):
    """A metadata sidecar (index.jsonl) names the outlet and date of plain text files."""
    import json
    from datetime import date

    from sitrep.ingest import iter_inputs, load_index

    (tmp_path / "a.txt").write_text("Shelling hit the market on Monday, officials said.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Fighting went on near the airport.\n", encoding="utf-8")
    index = tmp_path / "meta.jsonl"
    index.write_text(json.dumps({"file": "a.txt", "outlet": "Kyiv Post", "published": "2024-03-02",
                                 "title": "Market hit"}) + "\n", encoding="utf-8")
    meta = load_index(index)
    arts = {a.id: a for a in iter_inputs([tmp_path / "a.txt", tmp_path / "b.txt"], index=meta)}
    assert arts["a"].outlet == "Kyiv Post" and arts["a"].published == date(2024, 3, 2)
    assert arts["a"].title == "Market hit"
    assert arts["b"].published is None


def test_ingest_readers_bad_index_is_one_line(tmp_path):
    from sitrep.ingest import load_index
    from sitrep.records import IngestError

    bad = tmp_path / "meta.jsonl"
    bad.write_text('{"file": "a.txt"}\n{not json\n', encoding="utf-8")
    result = load_index(bad)
    assert isinstance(result, IngestError) and "line 2" in str(result)
