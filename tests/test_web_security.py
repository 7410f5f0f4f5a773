"""Untrusted article text renders inert: escaped text, escaped highlights, no javascript: links,
a strict Content-Security-Policy and no cross-site posts."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from sitrep.web.app import create_app
from sitrep.web.html import Span, highlight, safe_url
from web_data import HOSTILE_DOC, HOSTILE_IMG, HOSTILE_SCRIPT, HOSTILE_SOURCE, HOSTILE_URL, build_small_db

SCRIPT_TAG = re.compile(r"<script[^>]*>", re.IGNORECASE)
MAP_SCRIPT = re.compile(r'<script src="/static/map/[\w.]+\.js">')
EVENT_HANDLER = re.compile(r"<[a-z][^>]*\son[a-z]+\s*=", re.IGNORECASE)
PAGES = ["/", "/articles", f"/articles/{HOSTILE_DOC}", "/claims", "/claims?doc=evil", "/search?q=alert",
         "/series", "/contradictions", "/framing", "/copies", "/events", "/docs", "/add"]


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    db = build_small_db(tmp_path_factory.mktemp("web") / "small.duckdb")
    with TestClient(create_app(db), base_url="http://127.0.0.1") as c:
        yield c


@pytest.mark.parametrize("path", PAGES)
def test_web_security_hostile_text_is_escaped_everywhere(client, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 200, response.text[:300]
    html = response.text
    for raw in (HOSTILE_SCRIPT, HOSTILE_IMG, HOSTILE_SOURCE, "<b>Evil</b>"):
        assert raw not in html
    assert not EVENT_HANDLER.search(html)  # no tag carries an on...= attribute
    # The only scripts: the map's, from this app (/static/map/), and its data as inert JSON.
    for tag in SCRIPT_TAG.findall(html):
        assert MAP_SCRIPT.fullmatch(tag) or tag == '<script type="application/json" id="map-data">', tag
    assert 'href="javascript:' not in html.lower()


def test_web_security_article_page_shows_escaped_text_and_marks(client) -> None:
    html = client.get(f"/articles/{HOSTILE_DOC}").text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert html.count("<mark ") == 2
    assert f'<span class="unsafe-url" title="not an http(s) link">{HOSTILE_URL}</span>' in html


def test_web_security_headers_on_every_response(client) -> None:
    for path in ("/", "/api/claims", "/static/sitrep.css", "/nope", "/api/claims?limit=0"):
        headers = client.get(path).headers
        assert "default-src 'self'" in headers["content-security-policy"]
        assert "script-src 'self'" in headers["content-security-policy"]
        assert "unsafe-inline" not in headers["content-security-policy"]
        assert headers["x-content-type-options"] == "nosniff"


def test_web_security_cross_origin_post_is_refused(client) -> None:
    response = client.post("/add", data={"text": "x"}, headers={"Origin": "https://evil.example"})
    assert response.status_code == 403


@pytest.mark.parametrize("url, expected", [
    ("https://example.org/a?b=1", "https://example.org/a?b=1"),
    ("http://example.org", "http://example.org"),
    ("javascript:alert(1)", None), (" JavaScript:alert(1)", None), ("data:text/html,x", None),
    ("//evil.example/x", None), ("/relative", None), ("vbscript:x", None), ("", None), (None, None),
    ("https:///nohost", None), ("http://[::1", None),
])
def test_web_security_only_http_urls_become_links(url, expected) -> None:
    assert safe_url(url) == expected


def test_web_security_highlight_escapes_segments_and_labels() -> None:
    text = "a <b>7</b> & 12 killed"
    out = highlight(text, [Span(5, 6, "x", '"><script>'), Span(13, 15, "y<", "ok"), Span(13, 14, "z", "overlap"), Span(14, 16, "w", "overlap")])
    assert str(out) == ('a &lt;b&gt;<mark id="m-x" title="&#34;&gt;&lt;script&gt;">7</mark>&lt;/b&gt; &amp; '
                        '<mark id="m-y&lt;" title="ok">12</mark> killed')
    assert str(highlight("abc", [Span(2, 9, "out", "past the end")])) == "abc"
