"""Every page has a JSON twin built from the same query: the rows a page shows are its twin's."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from sitrep.web.app import create_app
from web_data import build_small_db

ROW_ID = re.compile(r'<tr data-id="([^"]+)"|<li data-id="([^"]+)"')


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    db = build_small_db(tmp_path_factory.mktemp("web") / "small.duckdb")
    with TestClient(create_app(db), base_url="http://127.0.0.1") as c:
        yield c


def _ids(html: str) -> list[str]:
    return [a or b for a, b in ROW_ID.findall(html)]


@pytest.mark.parametrize("page, query", [
    ("/claims", ""), ("/claims", "quantity=killed"), ("/claims", "limit=2&offset=2"),
    ("/claims", "outlet=wire+a&since=2024-11-01"), ("/events", ""), ("/articles", ""),
    ("/articles", "outlet=Courier+B"), ("/search", "q=killed"),
])
def test_web_twins_page_rows_equal_json_items(client, page: str, query: str) -> None:
    html = client.get(f"{page}?{query}")
    assert html.status_code == 200 and html.headers["content-type"].startswith("text/html")
    twin = client.get(f"{page}.json?{query}").json()
    assert _ids(html.text) == [item["id"] for item in twin["items"]]
    assert twin == client.get(f"{page}?{query}&format=json").json()
    assert twin == client.get(f"/api{page}?{query}").json()
    link = f'href="{page}.json' + (f"?{query}".replace("&", "&amp;") if query else "")
    assert link in html.text or page == "/search"


def test_web_twins_article_and_overview(client) -> None:
    page = client.get("/articles/wire")
    twin = client.get("/articles/wire?format=json").json()
    assert twin == client.get("/api/articles/wire").json()
    for claim in twin["claims"]:
        assert f'id="m-{claim["id"]}"' in page.text
    overview = client.get("/index.json").json()
    assert overview["counts"]["claims"] == 5
    assert ">5</b> claims" in client.get("/").text


def test_web_twins_pager_links_keep_filters(client) -> None:
    html = client.get("/claims?quantity=killed&limit=1").text
    assert 'href="/claims?quantity=killed&amp;limit=1&amp;offset=1"' in html
    assert "rows 1–1 of 3" in html
    last = client.get("/claims?quantity=killed&limit=1&offset=2").text
    assert 'rel="next"' not in last and 'rel="prev"' in last


def test_web_twins_form_keeps_values_and_blank_fields_are_ignored(client) -> None:
    html = client.get("/claims?quantity=killed&source=&since=&place=Hama").text
    assert '<option value="killed" selected>' in html and 'name="place" type="text" value="Hama"' in html
    assert _ids(html) == [c["id"] for c in client.get("/api/claims?quantity=killed&place=Hama").json()["items"]]


def test_web_twins_bad_filter_on_a_page_is_a_readable_422(client) -> None:
    page = client.get("/claims?since=someday")
    assert page.status_code == 422 and page.headers["content-type"].startswith("text/html")
    assert "since" in page.text
