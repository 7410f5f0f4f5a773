"""Every API endpoint answers; filters narrow; pagination walks all rows; bad input is a 422."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from sitrep.web.app import create_app
from web_data import build_small_db


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    db = build_small_db(tmp_path_factory.mktemp("web") / "small.duckdb")
    with TestClient(create_app(db), base_url="http://127.0.0.1") as c:
        yield c


@pytest.mark.parametrize("path", [
    "/api/overview", "/api/articles", "/api/claims", "/api/events", "/api/search?q=killed",
    "/api/series", "/api/contradictions", "/api/framing", "/api/copies", "/api/stories", "/api/articles/wire",
    "/openapi.json",
])
def test_web_api_endpoints_answer_json(client, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("application/json")


@pytest.mark.parametrize("path", ["/api/claims", "/api/events", "/api/articles", "/api/search?q=the"])
def test_web_api_lists_have_total_and_next_offset(client, path: str) -> None:
    body = client.get(path).json()
    assert set(body) == {"total", "limit", "offset", "next_offset", "items"}
    assert body["total"] == len(body["items"]) and body["next_offset"] is None


@pytest.mark.parametrize("params, expected", [
    ({}, 5),
    ({"quantity": "killed"}, 3),
    ({"quantity": "killed", "source": "syrian army"}, 1),
    ({"outlet": "WIRE A"}, 2),
    ({"place": "aleppo"}, 1),
    ({"doc": "evil"}, 2),
    ({"since": "2024-12-04"}, 3),
    ({"since": "2024-12-02", "until": "2024-12-04"}, 1),
    ({"source_kind": "un"}, 1),
    ({"category": "rebels"}, 1),
])
def test_web_api_claim_filters_narrow(client, params: dict, expected: int) -> None:
    body = client.get("/api/claims", params=params).json()
    assert body["total"] == expected == len(body["items"])


def test_web_api_event_and_article_filters_narrow(client) -> None:
    assert client.get("/api/events", params={"type": "territory_change"}).json()["total"] == 1
    assert client.get("/api/events", params={"type": "airstrike"}).json()["total"] == 0
    assert client.get("/api/events", params={"place": "aleppo"}).json()["total"] == 1
    assert client.get("/api/events", params={"until": "2024-11-01"}).json()["total"] == 0
    assert client.get("/api/articles", params={"outlet": "courier b"}).json()["items"][0]["id"] == "courier"
    assert client.get("/api/articles", params={"since": "2024-12-04"}).json()["total"] == 2


def test_web_api_pagination_walks_every_row_once(client) -> None:
    seen, offset, pages = [], 0, 0
    while offset is not None:
        body = client.get("/api/claims", params={"limit": 2, "offset": offset}).json()
        assert body["total"] == 5 and body["limit"] == 2
        seen += [c["id"] for c in body["items"]]
        offset, pages = body["next_offset"], pages + 1
    assert pages == 3 and len(seen) == len(set(seen)) == 5
    past = client.get("/api/claims", params={"offset": 99}).json()
    assert past["items"] == [] and past["total"] == 5 and past["next_offset"] is None


def test_web_api_search_finds_whole_words_as_a_phrase_any_case(client) -> None:
    hits = client.get("/api/search", params={"q": "OBSERVATORY"}).json()
    assert [h["id"] for h in hits["items"]] == ["wire"]
    assert hits["items"][0]["match"] == "Observatory"
    assert client.get("/api/search", params={"q": "100%"}).json()["total"] == 1  # the word 100
    # Whole words, in order; punctuation between them is ignored.
    assert client.get("/api/search", params={"q": "Observ"}).json()["total"] == 0
    assert client.get("/api/search", params={"q": "friday the syrian"}).json()["total"] == 1
    assert client.get("/api/search", params={"q": "syrian the friday"}).json()["total"] == 0
    # A query with no letter or digit is looked for literally: % and _ are not wildcards.
    assert client.get("/api/search", params={"q": "%"}).json()["total"] == 1
    assert client.get("/api/search", params={"q": "_"}).json()["total"] == 0
    assert client.get("/api/search", params={"q": "killed", "outlet": "courier b"}).json()["total"] == 1


def test_web_api_search_semantics_are_documented(client) -> None:
    from sitrep.store import search as fts

    op = client.get("/openapi.json").json()["paths"]["/api/search"]["get"]
    assert "whole words" in op["summary"] and f"{fts.COUNT_LIMIT:,}" in op["summary"]
    assert "phrase" in op["description"] and "Parquet dataset" in op["description"]
    docs = client.get("/docs").text
    assert "whole words" in docs and "10,000" in docs
    page = client.get("/search").text
    assert "whole words only" in page and "10,000" in page
    assert "looked for literally" in client.get("/search", params={"q": "%"}).text
    assert 'id="search-note"' not in client.get("/search", params={"q": "killed"}).text  # the index answered


@pytest.mark.parametrize("path", [
    "/api/claims?limit=0", "/api/claims?limit=100000", "/api/claims?offset=-1",
    "/api/claims?since=yesterday", "/api/events?until=2024-13-01", "/api/search",
    "/api/search?q=" + "x" * 500,
])
def test_web_api_bad_parameters_are_422_with_a_reason(client, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 422
    assert response.json()["detail"]


def test_web_api_unknown_article_is_404(client) -> None:
    response = client.get("/api/articles/nope")
    assert response.status_code == 404 and "nope" in response.json()["detail"]
    assert client.get("/articles/nope").status_code == 404


def test_web_api_article_detail_has_text_and_claims(client) -> None:
    body = client.get("/api/articles/wire").json()
    assert body["article"]["text"].startswith("Rebels entered Aleppo")
    assert {c["value"] for c in body["claims"]} == {412, 50000}
    assert len(body["events"]) == 1 and body["places"][0]["name"] == "Aleppo"


def test_web_api_docs_are_local(client) -> None:
    page = client.get("/docs")
    assert page.status_code == 200 and "/api/claims" in page.text
    assert "cdn" not in page.text.lower() and "<script" not in page.text
    assert client.get("/redoc").status_code == 404
    assert "/api/claims" in client.get("/openapi.json").json()["paths"]
