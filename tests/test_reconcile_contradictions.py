"""Contradictions from hand-made claim and event rows (no model, no database)."""

from __future__ import annotations

import io
import json
from datetime import date

import pytest

from sitrep.publish.exports import export_rows
from sitrep.reconcile.contradictions import find_contradictions
from sitrep.reconcile.control import control_contradictions
from sitrep.records.contradictions import to_rows
from sitrep.records.rows import EventRow

from test_reconcile_series import ARMY, SOHR, UN, claim

TV = ("Syrian state television", "government")
CD = ("Civil Defence", "ngo")
MSF = ("Doctors Without Borders", "ngo")


def kinds(claims, **kw):
    return sorted(c.kind for c in find_contradictions(claims, **kw))


@pytest.mark.parametrize("claims, expected", [
    # A rising series of one claimant is an update, never a disagreement.
    ([claim(412, day=1), claim(602, day=4), claim(704, day=5)], ["update", "update"]),
    # A belligerent's count of enemy dead far above the monitor's.
    ([claim(214, category="rebels"), claim(1000, category="rebels", source=TV)], ["partisan"]),
    ([claim(214, category="rebels"), claim(1600, day=4, category="rebels", source=ARMY,
                                           qualifier="over", high=None)], ["partisan"]),
    # Same claimant, a regional figure above its whole-theatre one: scope.
    ([claim(50000, day=4, source=UN, quantity="displaced",
            sentence="The UN said 50,000 people have been displaced since last week."),
      claim(115000, day=5, source=UN, quantity="displaced",
            sentence="The UN said 115,000 people were newly displaced across Idlib and northern Aleppo.")],
     ["scope"]),
    # Two independent claimants, same day and scope, far apart: genuine.
    ([claim(300, source=SOHR), claim(90, source=MSF)], ["genuine"]),
    # A part (combatants) above another claimant's whole (total): category.
    ([claim(100, source=MSF), claim(250, category="combatants", source=CD)], ["category"]),
    # Agreeing figures, a part below its whole, and growth are not contradictions.
    ([claim(600, source=SOHR, qualifier="over", high=None), claim(602, source=CD)], []),
    ([claim(412, source=SOHR), claim(61, category="civilians", source=CD)], []),
    ([claim(412, day=1, source=SOHR), claim(602, day=4, source=CD)], []),
    # Figures more than the window apart, or in another era, are not compared.
    ([claim(100, day=1, source=SOHR), claim(900, day=20, source=CD)], []),
    ([claim(704, day=5), claim(500000, day=6, source=CD, historical=True)], []),
])
def test_reconcile_contradictions_kind(claims, expected):
    assert kinds(claims) == expected


def test_reconcile_contradictions_explanation_and_provenance():
    claims = [claim(214, category="rebels", doc="dw", outlet="DW"),
              claim(1600, day=4, category="rebels", source=ARMY, doc="tnr", outlet="The New Region",
                    qualifier="over", high=None,
                    sentence="The Syrian army has reported killing over 1600 Islamist rebels.")]
    (c,) = find_contradictions(claims)
    assert c.kind == "partisan"
    assert c.explanation == ("Syrian army claims over 1,600 rebels killed (4 Dec), far above "
                             "Syrian Observatory for Human Rights' 214 (1 Dec): "
                             "a belligerent's count of enemy losses.")
    assert (c.a.doc, c.a.outlet, c.a.source) == ("dw", "DW", SOHR[0])
    assert c.b.sentence.startswith("The Syrian army") and c.b.date == date(2024, 12, 4)


def test_reconcile_contradictions_wire_copy_counts_once():
    claims = [claim(300, doc="orig"), claim(300, doc="copy"), claim(90, source=MSF, doc="m")]
    (c,) = find_contradictions(claims, copy_of={"copy": "orig"})
    assert c.a.docs == ["orig"] or c.b.docs == ["orig"]


def test_reconcile_contradictions_window():
    claims = [claim(300, day=1), claim(90, day=6, source=MSF)]
    assert kinds(claims, window_days=7) == ["genuine"]
    assert kinds(claims, window_days=3) == []


def event(place, *, type="territory_change", winner=None, side=None, day=3, doc="e",
          source=None) -> EventRow:
    return EventRow(
        id=f"{doc}-{type}-{place}-{day}", doc=doc, date=date(2024, 12, day), date_precision="day",
        type=type, actor1=None, actor1_side=side, actor2=None, actor2_side=None, winner=winner,
        place=place, country="SY", admin1=None, lat=None, lon=None, geo_precision=None,
        source=source, source_kind="unknown", sentence=f"{place} sentence.", start=0, end=1,
        rule="test", fatalities=None, outlet=None, published=date(2024, 12, day),
        actor1_type=None, actor2_type=None, actor1_text=None, actor2_text=None,
        place_text=place, anchor=None, place_rule=None, date_rule=None, sentence_start=0,
    )


@pytest.mark.parametrize("events, n", [
    ([event("Hama", winner="opposition", doc="a"), event("Hama", winner="government", doc="b", day=4)], 1),
    ([event("Hama", winner="opposition", doc="a"),
      event("Hama", type="withdrawal", side="opposition", doc="b", day=4)], 1),
    # Consistent: the opposition took it and the army withdrew.
    ([event("Hama", winner="opposition", doc="a"),
      event("Hama", type="withdrawal", side="government", doc="b")], 0),
    # Different places, one article's own narrative, or outside the window.
    ([event("Hama", winner="opposition", doc="a"), event("Homs", winner="government", doc="b")], 0),
    ([event("Hama", winner="opposition", doc="a"), event("Hama", winner="government", doc="a")], 0),
    ([event("Hama", winner="opposition", doc="a", day=1),
      event("Hama", winner="government", doc="b", day=20)], 0),
    # Many outlets repeating one side: one contradiction per pair of statements.
    ([event("Hama", winner="opposition", doc=f"a{i}") for i in range(5)]
     + [event("Hama", winner="government", doc="b", day=4)], 1),
])
def test_reconcile_contradictions_control(events, n):
    found = control_contradictions(events)
    assert len(found) == n
    assert all(c.kind == "control" and "Hama" in c.explanation for c in found)
    assert len(find_contradictions([], events)) == n


@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_reconcile_contradictions_rows_export(fmt):
    rows = to_rows(find_contradictions([claim(214, category="rebels"),
                                        claim(1000, category="rebels", source=TV)]))
    out = io.StringIO()
    assert export_rows(rows, out, fmt) == 1
    if fmt == "jsonl":
        row = json.loads(out.getvalue())
        assert row["kind"] == "partisan" and row["a_source"] == SOHR[0]
        assert row["b_statement"] == "nearly 1,000 rebels killed" or row["b_statement"].endswith("rebels killed")
