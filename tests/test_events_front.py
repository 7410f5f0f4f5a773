"""Front lines: forces some distance from a place, and what contradicts them."""

import dataclasses

import pytest

from sitrep.reconcile.control import control_contradictions

from test_reconcile_contradictions import event


@pytest.mark.slow
@pytest.mark.parametrize("text,side,km", [
    ("Rebels said they had made it to within five miles of Hama on Tuesday.", "opposition", 8.0),
    ("The Syrian army has pushed the insurgents more than 20 kilometres away from Hama.", "opposition", 20.0),
    ("Russian troops have advanced to about 8 km from Pokrovsk, Ukrainian officials said.", "foreign", 8.0),
])
def test_events_front_line_found(extract_text, text, side, km):
    fronts = [e for e in extract_text(text).events if e.type == "front_line"]
    assert len(fronts) == 1
    assert fronts[0].actor1.side == side and fronts[0].distance_km == km


@pytest.mark.slow
@pytest.mark.parametrize("text", [
    "Hama lies 210 km north of Damascus on the main highway.",
    "Idlib city is 65 kilometers southeast of Aleppo and has been shelled for weeks.",
    "Iraq sent troops to secure its 600-kilometre-long border with Syria.",
])
def test_events_front_line_not_geography(extract_text, text):
    assert [e for e in extract_text(text).events if e.type == "front_line"] == []


def _front(place, km, *, side="opposition", day=4, doc="f", source="Syrian army"):
    row = event(place, type="front_line", side=side, day=day, doc=doc, source=source)
    return dataclasses.replace(row, distance_km=km)


@pytest.mark.parametrize("events,n", [
    # 20 km out on the 4th, the city taken on the 5th: the front line was overtaken.
    ([_front("Hama", 20.0), event("Hama", winner="opposition", day=5, doc="g")], 1),
    # 3 km out and then the capture is consistent: no contradiction.
    ([_front("Hama", 3.0), event("Hama", winner="opposition", day=5, doc="g")], 0),
    # Government forces 20 km out says nothing against the opposition taking it.
    ([_front("Hama", 20.0, side="government"), event("Hama", winner="opposition", day=5, doc="g")], 0),
    # Two accounts of the front line are not a control contradiction by themselves.
    ([_front("Hama", 20.0), _front("Hama", 9.7, doc="h", source="opposition")], 0),
])
def test_events_front_line_control_contradiction(events, n):
    found = control_contradictions(events, window_days=7)
    assert len(found) == n
    if n:
        assert "20 km from Hama" in found[0].explanation
