"""Series, contradictions and framing go through a guarded adapter: a missing reconcile
function makes its view a 503 with a reason, never a crash."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from sitrep.publish import web_reconcile
from sitrep.publish.web import create_app
from sitrep.publish.web_reconcile import Step, View, matches
from web_data import build_small_db


@pytest.fixture()
def client(tmp_path):
    db = build_small_db(tmp_path / "small.duckdb")
    with TestClient(create_app(db), base_url="http://127.0.0.1") as c:
        yield c


def test_web_reconcile_missing_function_is_503_with_reason(client, monkeypatch) -> None:
    monkeypatch.setitem(web_reconcile.VIEWS, "series", View("x", (Step("series", "no_such_fn"),)))
    response = client.get("/api/series")
    assert response.status_code == 503
    assert "sitrep.reconcile.series.no_such_fn is not available" in response.json()["detail"]
    monkeypatch.setitem(web_reconcile.VIEWS, "series", View("x", (Step("no_module", "f"),)))
    page = client.get("/series")
    assert page.status_code == 503 and "not available" in page.text


def test_web_reconcile_series_filters_and_pages(client) -> None:
    response = client.get("/api/series", params={"quantity": "killed"})
    if response.status_code == 503:
        pytest.skip(response.json()["detail"])
    tables = response.json()["tables"]
    assert tables and all(row["quantity"] == "killed" for t in tables for row in t["items"])
    first = client.get("/api/series", params={"limit": 1}).json()["tables"][0]
    assert len(first["items"]) == 1 and (first["next_offset"] == 1) == (first["total"] > 1)


def test_web_reconcile_rows_match_filters_by_field_aliases() -> None:
    row = {"claimant": "United Nations", "outlets": ["Wire A"], "as_of": "2024-12-01", "quantity": "killed"}
    assert matches(row, {"source": "united nations", "outlet": "wire a", "quantity": "killed"})
    assert not matches(row, {"outlet": "Courier B"})
    from datetime import date
    assert matches(row, {"since": date(2024, 11, 30), "until": date(2024, 12, 1)})
    assert not matches(row, {"since": date(2024, 12, 2)})
    assert matches(row, {"place": "Hama"})  # a filter the row has no field for does not apply
