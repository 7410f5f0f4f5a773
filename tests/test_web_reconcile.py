"""Series, contradictions, framing and copies pages read the reconcile stage's stored
tables: filtered and paged by the database, never computed per request; a database
whose stored results are out of date is brought up to date on the first request."""

from __future__ import annotations

from datetime import date
from itertools import product

import pytest
from fastapi.testclient import TestClient

from report_synth import extractions
from sitrep.web.crosssource import view_tables
from sitrep.web.app import create_app
from sitrep.store.web_reads import matches
from sitrep.reconcile import reconcile, stale_reason
from sitrep.store import open_db
from web_data import build_small_db

VIEWS = ("series", "contradictions", "framing", "copies", "stories")


@pytest.fixture()
def client(tmp_path):
    db = build_small_db(tmp_path / "small.duckdb")
    with TestClient(create_app(db), base_url="http://127.0.0.1") as c:
        yield c


@pytest.fixture(scope="module")
def synth_db(tmp_path_factory):
    """Thirty synthetic articles with wire copies: every view has rows."""
    db = tmp_path_factory.mktemp("webrec") / "synth.duckdb"
    items = list(extractions(30, seed=5))
    for x in items[:4]:
        art = x.article
        twin = type(art)(id=art.id + "_copy", text="Copy. " + art.text, content_hash=art.content_hash + "c",
                         title=art.title, outlet="Copy Outlet", published=art.published)
        items.append(type(x)(twin, [], [], []))
    with open_db(db) as store:
        store.write_many(items)
        reconcile(store)
    return db


def test_web_reconcile_series_filters_and_pages(client) -> None:
    response = client.get("/api/series", params={"quantity": "killed"})
    assert response.status_code == 200, response.text
    tables = response.json()["tables"]
    assert [t["name"] for t in tables] == ["series.build_series", "series.estimates"]
    assert tables and all(row["quantity"] == "killed" for t in tables for row in t["items"])
    first = client.get("/api/series", params={"limit": 1}).json()["tables"][0]
    assert len(first["items"]) == 1 and (first["next_offset"] == 1) == (first["total"] > 1)


def test_web_reconcile_rows_match_filters_by_field_aliases() -> None:
    row = {"claimant": "United Nations", "outlets": ["Wire A"], "as_of": "2024-12-01", "quantity": "killed"}
    assert matches(row, {"source": "united nations", "outlet": "wire a", "quantity": "killed"})
    assert not matches(row, {"outlet": "Courier B"})
    assert matches(row, {"since": date(2024, 11, 30), "until": date(2024, 12, 1)})
    assert not matches(row, {"since": date(2024, 12, 2)})
    assert matches(row, {"place": "Hama"})  # a filter the row has no field for does not apply


@pytest.mark.parametrize("view", VIEWS)
def test_web_reconcile_endpoints_answer_from_the_stored_tables(synth_db, view, no_recompute) -> None:
    with TestClient(create_app(synth_db), base_url="http://127.0.0.1") as c:
        for path in (f"/api/{view}", f"/{view}", f"/{view}.json"):
            response = c.get(path)
            assert response.status_code == 200, (path, response.text[:300])
        tables = c.get(f"/api/{view}").json()["tables"]
        assert tables and all(t["total"] > 0 and t["items"] for t in tables), view


FILTERS = [{}, {"quantity": "killed"}, {"doc": "synth_00002"}, {"outlet": "OUTLET 2"}, {"category": "civilians"}, {"source": "united"}, {"source": "OBSERVATORY"},
           {"outlet": "outlet 1"}, {"outlet": "copy"}, {"doc": "SYNTH_00003"}, {"doc": "synth_00001_copy"},
           {"since": date(2024, 12, 10)}, {"until": date(2024, 12, 1)}, {"place": "hama"},
           {"quantity": "injured", "source": "white", "since": date(2024, 12, 1), "until": date(2024, 12, 20)}]


def test_web_reconcile_sql_filters_agree_with_the_rule(synth_db) -> None:
    """What the database keeps for each filter is what ``matches`` keeps over all rows."""
    with open_db(synth_db, read_only=True) as store:
        for view, filters in product(VIEWS, FILTERS):
            everything = view_tables(store, view, {}, 100_000, 0)
            found = view_tables(store, view, filters, 100_000, 0)
            for table, kept in zip(everything, found):
                expected = [r for r in table.items if matches(r, filters)]
                assert kept.items == expected and kept.total == len(expected), (view, table.name, filters)


def test_web_reconcile_pages_walk_every_row_once(synth_db) -> None:
    with TestClient(create_app(synth_db), base_url="http://127.0.0.1") as c:
        total = c.get("/api/series").json()["tables"][0]["total"]
        seen, offset = [], 0
        while offset is not None:
            page = c.get("/api/series", params={"limit": 17, "offset": offset}).json()["tables"][0]
            seen += [(r["series"], r["as_of"], r["value"], r["low"]) for r in page["items"]]
            offset = page["next_offset"]
        assert len(seen) == total and len(set(seen)) == total


def test_web_reconcile_stale_database_is_brought_up_to_date_on_first_request(tmp_path) -> None:
    db = tmp_path / "stale.duckdb"
    with open_db(db) as store:
        store.write_many(extractions(10))  # written without the stage
    with open_db(db, read_only=True) as store:
        assert stale_reason(store)
    with TestClient(create_app(db), base_url="http://127.0.0.1") as c:
        response = c.get("/api/series")
        assert response.status_code == 200 and response.json()["tables"][0]["total"] > 0
    with open_db(db, read_only=True) as store:
        assert stale_reason(store) is None


def test_web_reconcile_added_article_is_reconciled(client) -> None:
    before = client.get("/api/series", params={"source": "white helmets"}).json()["tables"][0]["total"]
    assert before == 0
    from sitrep import pipeline
    from sitrep.records import Claim, Extraction

    def extract(articles, **_):  # no model: one hand-made claim
        (article,) = articles
        sentence = article.text
        start = sentence.index("31")
        claim = Claim(id="wh-31", doc=article.id, quantity="killed", category="civilians", value=31, low=31,
                      high=31, qualifier=None, source="White Helmets", source_kind="ngo", sentence=sentence,
                      start=start, end=start + 2, sentence_start=0, rule="test", as_of=date(2024, 12, 6))
        yield [Extraction(article, [claim])]

    original = pipeline.extract_stream
    pipeline.extract_stream = extract
    try:
        added = client.post("/api/articles", json={"id": "wh", "outlet": "Wire A", "published": "2024-12-06",
                                                   "text": "The White Helmets said 31 civilians were killed."})
    finally:
        pipeline.extract_stream = original
    assert added.status_code == 201, added.text
    after = client.get("/api/series", params={"source": "white helmets"}).json()["tables"][0]
    assert after["total"] == 1 and after["items"][0]["value"] == 31
