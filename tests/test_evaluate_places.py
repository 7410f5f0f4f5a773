"""The geoparsing scorer: how gold toponyms meet place mentions, and the measures."""

import json

import pytest

from sitrep.evaluate_places import (
    GoldToponym, articles_path_for, evaluate_places, haversine_km, load_geo_gold, score_places,
)
from sitrep.records import Place, PlaceMention


def _m(text, start, lat=None, lon=None):
    place = Place(name=text, lat=lat, lon=lon) if lat is not None else None
    return PlaceMention(doc="d", text=text, start=start, end=start + len(text), place=place,
                        precision=1 if place else None, rule="test")


@pytest.mark.parametrize(
    ("a", "b", "km"),
    [((0.0, 0.0), (0.0, 1.0), 111.2), ((33.51, 36.29), (36.20, 37.16), 308.0), ((50.45, 30.52), (50.45, 30.52), 0.0)],
)
def test_evaluate_places_haversine(a, b, km):
    assert haversine_km(*a, *b) == pytest.approx(km, abs=1.5)


def test_evaluate_places_measures():
    gold = [
        GoldToponym("d", "Goma", 10, 14, -1.68, 29.22),      # found, within 161 km
        GoldToponym("d", "Kherson", 30, 37, 46.64, 32.61),   # found, 500 km off
        GoldToponym("d", "Marib", 50, 55, 15.46, 45.32),     # found, unresolved
        GoldToponym("d", "Sittwe", 70, 76, 20.15, 92.90),    # not found
    ]
    mentions = {"d": [_m("Goma", 10, -1.68, 29.23), _m("Kherson", 30, 46.64, 39.0), _m("Marib", 50)]}
    s = score_places("t", gold, mentions)
    assert (s.gold, s.found, s.resolved, s.within) == (4, 3, 2, 1)
    assert (s.recall, s.accuracy_all, s.accuracy_resolved) == (0.75, 0.25, 0.5)
    assert [m.found for m in s.misses] == ["Kherson", "Marib", None]


@pytest.mark.parametrize(
    ("gold_span", "mention_span", "found"),
    [((10, 14), (10, 14), True), ((10, 14), (10, 30), True), ((10, 30), (20, 24), True), ((10, 14), (14, 20), False)],
)
def test_evaluate_places_overlap_matches(gold_span, mention_span, found):
    g = GoldToponym("d", "x", *gold_span, 0.0, 0.0)
    m = PlaceMention(doc="d", text="x", start=mention_span[0], end=mention_span[1],
                     place=Place(name="x", lat=0.0, lon=0.0), precision=1, rule="test")
    assert score_places("t", [g], {"d": [m]}).found == int(found)


def test_evaluate_places_reads_corpus_files(tmp_path):
    text = "Shelling hit Kharkiv on Monday, officials in Kyiv said."
    (tmp_path / "mini.jsonl").write_text(json.dumps({"id": "a1", "text": text, "outlet": "x"}) + "\n")
    gold = [{"doc": "a1", "text": "Kharkiv", "start": 13, "end": 20, "lat": 49.98, "lon": 36.25, "standard": True},
            {"doc": "a1", "text": "Kyiv", "start": 45, "end": 49, "lat": 50.45, "lon": 30.52, "standard": True},
            {"doc": "a1", "text": "Monday", "start": 24, "end": 30, "standard": False}]
    gold_path = tmp_path / "mini_gold.jsonl"
    gold_path.write_text("".join(json.dumps(g) + "\n" for g in gold))
    assert articles_path_for(gold_path) == tmp_path / "mini.jsonl"
    assert len(load_geo_gold(gold_path)) == 2  # standard: false has no coordinates
    s = evaluate_places(gold_path)
    assert (s.corpus, s.gold, s.found, s.within) == ("mini", 2, 2, 2)
