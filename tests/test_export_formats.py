"""Every export format parses back with the contract columns; text survives."""

from __future__ import annotations

import csv
import io
import json
from datetime import date

import pytest

from sitrep.publish.exports import export_claims, export_events, export_rows
from sitrep.publish.exports.acled import ACLED_COLUMNS, AcledRow
from sitrep.publish.exports.values import row_fields
from sitrep.records import ActorRef, Article, Claim, Event, Extraction, Place, PlaceMention
from sitrep.records.rows import ClaimRow, EventRow
from sitrep.store import Store, open_db

CLAIM_CONTRACT = [
    "id", "doc", "outlet", "published", "quantity", "category", "subgroup", "value", "low",
    "high", "qualifier", "source", "source_kind", "source_text", "as_of", "period_start",
    "place", "historical", "unverified", "sentence", "start", "end", "rule",
]
EVENT_CONTRACT = [
    "id", "doc", "date", "date_precision", "type", "actor1", "actor1_side", "actor2",
    "actor2_side", "winner", "place", "country", "admin1", "lat", "lon", "geo_precision",
    "source", "source_kind", "sentence", "start", "end", "rule", "fatalities",
]
# Quotes, a comma, a line break, non-Latin script and a Unicode line separator.
TRICKY = 'Die "Beobachtungsstelle", said: 12 killed\nin Ḥalab — حلب\u2028end.'


def _claim(doc: str, cid: str, value: int | None, **kw) -> Claim:
    base = dict(id=cid, doc=doc, quantity="killed", category="total", value=value, low=None,
                high=None, qualifier=None, source=None, source_kind="unknown", sentence=TRICKY,
                start=30, end=32, sentence_start=0, rule="r")
    base.update(kw)
    return Claim(**base)


def _event(doc: str, eid: str, type_: str, place: PlaceMention | None, **kw) -> Event:
    return Event(id=eid, doc=doc, type=type_, sentence=TRICKY, start=0, end=3, sentence_start=0,
                 rule="r", place=place, **kw)


@pytest.fixture
def store(tmp_path) -> Store:
    doc = "doc-ü"
    aleppo = PlaceMention(doc, "Ḥalab", 40, 45, Place("Aleppo", 36.2, 37.16, "SY", "Aleppo"), 1, "gaz")
    village = PlaceMention(doc, "Tell X", 50, 56, None, 2, "unresolved", anchor="Aleppo")
    claims = [
        _claim(doc, "c1", 12, source="Syrian Observatory for Human Rights", source_kind="monitor",
               as_of=date(2024, 11, 30), unverified=True),
        _claim(doc, "c2", None, low=24, high=99, qualifier="dozens", category="civilians"),
    ]
    hts = ActorRef("Hayat Tahrir al-Sham", "opposition", "Rebel group")
    army = ActorRef("Syrian Arab Army", "government", None)
    events = [
        _event(doc, "e1", "territory_change", aleppo, actor1=hts, actor2=army, winner="opposition",
               date=date(2024, 11, 30), date_precision="day", source="SOHR",
               fatality_claims=["c1"]),
        _event(doc, "e2", "airstrike", aleppo, actor1=ActorRef("Russian Air Force", "foreign"),
               date=date(2024, 11, 1), date_precision="month", fatality_claims=["c2"]),
        _event(doc, "e3", "prison_break", village),
        _event(doc, "e4", "territory_change", None, winner="government"),
    ]
    article = Article(doc, TRICKY, "h", outlet=None, published=date(2024, 12, 1))
    with open_db(tmp_path / "x.duckdb") as s:
        s.write_extraction(Extraction(article, claims, events, [aleppo, village]))
        yield s


def test_export_row_fields_start_with_the_contract() -> None:
    assert row_fields(ClaimRow)[: len(CLAIM_CONTRACT)] == CLAIM_CONTRACT
    assert row_fields(EventRow)[: len(EVENT_CONTRACT)] == EVENT_CONTRACT
    assert row_fields(AcledRow) == list(ACLED_COLUMNS)


def test_export_claims_jsonl_parses_back(store: Store) -> None:
    out = io.StringIO()
    assert export_claims(store, out, "jsonl") == 2
    lines = out.getvalue().splitlines()  # splitlines also splits on U+2028: must be escaped
    rows = [json.loads(line) for line in lines]
    assert len(rows) == 2 and list(rows[0])[: len(CLAIM_CONTRACT)] == CLAIM_CONTRACT
    first = rows[0]
    assert first["sentence"] == TRICKY and first["doc"] == "doc-ü"
    assert first["outlet"] is None and first["published"] == "2024-12-01"
    assert first["as_of"] == "2024-11-30" and first["unverified"] is True
    assert rows[1]["value"] is None and rows[1]["low"] == 24
    assert "doc-ü" in out.getvalue()  # ensure_ascii=False


def test_export_claims_csv_parses_back(store: Store) -> None:
    out = io.StringIO()
    assert export_claims(store, out, "csv", category="civilians") == 1
    reader = csv.DictReader(io.StringIO(out.getvalue(), newline=""))
    assert reader.fieldnames[: len(CLAIM_CONTRACT)] == CLAIM_CONTRACT
    (row,) = list(reader)
    assert row["sentence"] == TRICKY
    assert (row["outlet"], row["value"], row["low"], row["historical"]) == ("", "", "24", "false")


@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_export_events_rows_parse_back(store: Store, fmt: str) -> None:
    out = io.StringIO()
    assert export_events(store, out, fmt) == 4
    if fmt == "jsonl":
        rows = [json.loads(line) for line in out.getvalue().splitlines()]
        assert list(rows[0])[: len(EVENT_CONTRACT)] == EVENT_CONTRACT
        assert rows[0]["fatalities"] == 12 and rows[2]["fatalities"] is None
        assert rows[0]["lat"] == 36.2 and rows[0]["date"] == "2024-11-30"
    else:
        reader = csv.DictReader(io.StringIO(out.getvalue(), newline=""))
        assert reader.fieldnames[: len(EVENT_CONTRACT)] == EVENT_CONTRACT
        rows = list(reader)
        assert rows[0]["fatalities"] == "12" and rows[0]["fatality_claims"] == "c1"
    assert [r["id"] for r in rows] == ["e1", "e2", "e3", "e4"]
    assert all(r["sentence"] == TRICKY for r in rows)
    assert rows[2]["place"] == "Tell X"  # unresolved: the place as written


def test_export_events_geojson_structure(store: Store) -> None:
    out = io.StringIO()
    assert export_events(store, out, "geojson") == 2  # e3, e4 have no coordinates
    collection = json.loads(out.getvalue())
    assert collection["type"] == "FeatureCollection"
    features = collection["features"]
    assert [f["id"] for f in features] == ["e1", "e2"]
    for feature in features:
        assert feature["type"] == "Feature"
        assert feature["geometry"] == {"type": "Point", "coordinates": [37.16, 36.2]}
        assert list(feature["properties"])[: len(EVENT_CONTRACT)] == EVENT_CONTRACT
        assert feature["properties"]["sentence"] == TRICKY


def test_export_events_geojson_empty_is_valid(store: Store) -> None:
    out = io.StringIO()
    assert export_events(store, out, "geojson", type="shelling") == 0
    assert json.loads(out.getvalue()) == {"type": "FeatureCollection", "features": []}


def test_export_empty_csv_still_has_header(store: Store) -> None:
    out = io.StringIO()
    assert export_claims(store, out, "csv", doc="nothing") == 0
    assert next(csv.reader(io.StringIO(out.getvalue())))[: len(CLAIM_CONTRACT)] == CLAIM_CONTRACT


@pytest.mark.parametrize("fmt", ["xml", "geojson"])
def test_export_unknown_format_is_refused(store: Store, fmt: str) -> None:
    with pytest.raises(ValueError, match="unknown format"):
        export_claims(store, io.StringIO(), fmt)


def test_export_rows_streams_a_generator() -> None:
    def rows():
        for i in range(3):
            yield ClaimRow(*([f"id{i}"] + [None] * (len(row_fields(ClaimRow)) - 1)))
    out = io.StringIO()
    assert export_rows(rows(), out, "jsonl") == 3
    assert [json.loads(line)["id"] for line in out.getvalue().splitlines()] == ["id0", "id1", "id2"]


def test_export_acled_columns_and_codes(store: Store) -> None:
    out = io.StringIO()
    assert export_events(store, out, "acled") == 4
    reader = csv.DictReader(io.StringIO(out.getvalue(), newline=""))
    assert tuple(reader.fieldnames) == ACLED_COLUMNS
    rows = {r["event_id_cnty"]: r for r in reader}
    e1, e2, e3, e4 = rows["e1"], rows["e2"], rows["e3"], rows["e4"]
    assert (e1["event_type"], e1["sub_event_type"]) == ("Battles", "Non-state actor overtakes territory")
    assert (e1["inter1"], e1["inter2"], e1["interaction"]) == ("2", "1", "12")
    assert (e1["event_date"], e1["year"], e1["time_precision"]) == ("2024-11-30", "2024", "1")
    assert (e1["country"], e1["iso"], e1["location"], e1["admin1"]) == ("Syria", "760", "Aleppo", "Aleppo")
    assert (e1["latitude"], e1["longitude"], e1["geo_precision"]) == ("36.2", "37.16", "1")
    assert (e1["fatalities"], e1["source"], e1["notes"]) == ("12", "SOHR", TRICKY)
    assert (e2["event_type"], e2["sub_event_type"]) == ("Explosions/Remote violence", "Air/drone strike")
    assert (e2["time_precision"], e2["inter1"], e2["fatalities"]) == ("3", "8", "24")
    assert (e3["event_type"], e3["sub_event_type"], e3["fatalities"]) == ("Strategic developments", "Other", "0")
    assert e3["notes"].startswith("Prison break") and e3["notes"].endswith(TRICKY)
    assert (e4["sub_event_type"], e4["country"], e4["latitude"]) == ("Government regains territory", "", "")
