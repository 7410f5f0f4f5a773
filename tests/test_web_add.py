"""Articles added through the app go through ingest -> extract -> store and then show up
with their claims; bad input is refused with a reason."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from sitrep.web.app import create_app
from sitrep.web.add import MAX_ARTICLE_BYTES
from web_data import build_small_db

TEXT = ("Clashes near Homs\n\nThe Syrian Observatory for Human Rights said on Thursday that "
        "at least 35 people had been killed in clashes near Homs, including nine civilians.")


@pytest.fixture()
def client(tmp_path):
    db = build_small_db(tmp_path / "small.duckdb")
    with TestClient(create_app(db), base_url="http://127.0.0.1") as c:
        yield c


@pytest.mark.slow
def test_web_add_posted_article_appears_with_its_claims(client) -> None:
    body = {"text": TEXT, "id": "homs-1", "outlet": "Test Wire", "published": "2024-12-05",
            "url": "https://example.org/homs-1", "title": "Clashes near Homs"}
    response = client.post("/api/articles", json=body)
    assert response.status_code == 201, response.text
    added = response.json()
    assert added["id"] == "homs-1" and added["written"] and added["claims"] >= 1
    claims = client.get("/api/claims", params={"doc": "homs-1"}).json()["items"]
    assert any(c["value"] == 35 and c["quantity"] == "killed" for c in claims)
    assert claims[0]["outlet"] == "Test Wire"
    page = client.get("/articles/homs-1").text
    assert "<mark " in page and "Clashes near Homs" in page
    again = client.post("/api/articles", json=body)  # same id and text: nothing new
    assert again.status_code == 200 and again.json()["written"] is False
    assert client.get("/api/articles").json()["total"] == 4


@pytest.mark.slow
def test_web_add_posted_article_is_searchable_at_once(client, monkeypatch) -> None:
    """The add is written to the search index with the article (no catch-up needed)."""
    from sitrep.store import search as fts

    assert client.get("/api/search", params={"q": "clashes near homs"}).json()["total"] == 0
    monkeypatch.setattr(fts.SearchIndex, "catch_up", lambda *a: pytest.fail("caught up"))
    response = client.post("/api/articles", json={"text": TEXT, "id": "homs-2", "outlet": "Test Wire"})
    assert response.status_code == 201, response.text
    hits = client.get("/api/search", params={"q": "clashes near homs"}).json()
    assert [h["id"] for h in hits["items"]] == ["homs-2"] and hits["items"][0]["match"].lower() == "clashes near homs"


@pytest.mark.slow
def test_web_add_form_redirects_to_the_new_article(client) -> None:
    response = client.post("/add", data={"text": TEXT, "outlet": "Form Wire"}, follow_redirects=False)
    assert response.status_code == 303
    page = client.get(response.headers["location"])
    assert page.status_code == 200 and "Form Wire" in page.text and "<mark " in page.text


@pytest.mark.slow
def test_web_add_html_is_read_like_an_html_file(client) -> None:
    html = f"<html><head><title>Homs</title></head><body><article><p>{TEXT}</p></article></body></html>"
    response = client.post("/api/articles", json={"html": html, "id": "homs-html"})
    assert response.status_code == 201, response.text


@pytest.mark.parametrize("body, reason", [
    ({"text": ""}, "text` or `html"),
    ({"text": "   \n  "}, "text` or `html"),
    ({}, "text` or `html"),
    ({"text": "x", "html": "<p>x</p>"}, "not both"),
    ({"text": "Ten killed.", "published": "last week"}, "published"),
    ({"text": "x" * (MAX_ARTICLE_BYTES + 1)}, "too large"),
    ({"text": "Ten killed.", "id": "x" * 5000}, "id"),
])
def test_web_add_bad_input_is_422_with_a_reason(client, body: dict, reason: str) -> None:
    response = client.post("/api/articles", json=body)
    assert response.status_code == 422
    assert reason in response.text


def test_web_add_text_that_cleans_to_nothing_is_422(client) -> None:
    response = client.post("/api/articles", json={"text": "\u200b\u200b\n\u00a0"})
    assert response.status_code == 422 and response.json()["detail"]


def test_web_add_form_errors_keep_what_was_typed(client) -> None:
    response = client.post("/add", data={"text": "", "outlet": "<i>Kept</i>"})
    assert response.status_code == 422 and response.headers["content-type"].startswith("text/html")
    assert "&lt;i&gt;Kept&lt;/i&gt;" in response.text and "text` or `html" in response.text


def test_web_add_oversized_body_is_refused_before_reading(client) -> None:
    response = client.post("/api/articles", content=b"{}", headers={
        "content-type": "application/json", "content-length": str(10 * MAX_ARTICLE_BYTES)})
    assert response.status_code == 413
