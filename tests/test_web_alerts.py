"""The web app's alerts page: the alerts `sitrep watch` recorded, with their sentences, a
JSON twin from the same query, and article text escaped."""

from __future__ import annotations

from datetime import date

import pytest
from fastapi.testclient import TestClient

from sitrep.web.app import create_app
from sitrep.store import open_db
from sitrep.watch.alerts import Alert, Evidence
from sitrep.watch.state import WatchState

EVIL = '<script>alert("x")</script><img src=x onerror=alert(1)>'


def _alert(n: int, kind: str = "figure", sentence: str = "The Observatory said 704 people had been killed.") -> Alert:
    return Alert(f"a{n}", "toll", kind, f"people killed · Observatory {n}", f"raised from 602 to 704 ({n})",
                 "602 (2024-12-04)", "704 (2024-12-04)",
                 [Evidence("live-1", "Example News", "javascript:alert(1)" if n == 2 else "https://www.example.org/a",
                           date(2024, 12, 4), "Syrian Observatory for Human Rights", sentence, "c1",
                           "/articles/live-1#m-c1")])


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    db = tmp_path_factory.mktemp("alerts") / "a.duckdb"
    with open_db(db) as store:
        state = WatchState(store)
        state.record_alerts([_alert(1), _alert(2, "control", EVIL)], [], ["terminal", "webhook"])
        state.delivered("a1", "terminal")
        state.delivery_failed("a1", "webhook", "HTTP 503")
    with TestClient(create_app(db), base_url="http://127.0.0.1") as c:
        yield c


def test_web_alerts_page_and_twin(client) -> None:
    page = client.get("/alerts")
    assert page.status_code == 200 and 'href="/alerts"' in page.text
    twin = client.get("/alerts.json").json()
    assert twin == client.get("/api/alerts").json() == client.get("/alerts?format=json").json()
    assert twin["total"] == 2 and {a["id"] for a in twin["items"]} == {"a1", "a2"}
    assert [x for x in page.text.split('data-id="')[1:]][0][:2] in ("a1", "a2")
    assert "602 (2024-12-04) → 704 (2024-12-04)" in page.text
    assert 'href="/articles/live-1#m-c1"' in page.text
    assert "webhook failed: HTTP 503" in page.text and "terminal sent" in page.text


def test_web_alerts_filters(client) -> None:
    assert client.get("/api/alerts", params={"kind": "control"}).json()["total"] == 1
    assert client.get("/api/alerts", params={"rule": "TOL"}).json()["total"] == 2
    bad = client.get("/api/alerts", params={"kind": "rumour"})
    assert bad.status_code == 422 and "kind must be one of" in bad.text


def test_web_alerts_article_text_is_escaped(client) -> None:
    html = client.get("/alerts", params={"kind": "control"}).text
    assert "<script>alert" not in html and "<img src=x" not in html
    assert "&lt;script&gt;" in html
    assert 'href="javascript:' not in html  # an unsafe URL is shown as text, not a link
