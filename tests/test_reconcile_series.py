"""Series and estimates from hand-made claim rows (no model, no database)."""

from __future__ import annotations

import io
import json
from datetime import date

import pytest

from sitrep.extract.readings import claim_scope
from sitrep.publish.exports import export_rows
from sitrep.reconcile.series import build_series, estimates
from sitrep.records.rows import ClaimRow
from sitrep.records.series import to_rows

SOHR = ("Syrian Observatory for Human Rights", "monitor")
UN = ("United Nations", "un")
ARMY = ("Syrian army", "government")


def claim(value, *, day=1, doc=None, source=SOHR, category="total", quantity="killed",
          sentence=None, qualifier=None, low=None, high=None, historical=False,
          period_start=None, outlet="Wire", place=None) -> ClaimRow:
    doc = doc or f"d{day}"
    sentence = sentence or f"The toll has reached {value}, the monitor said."
    start = sentence.find(str(value)) if value is not None else 0
    return stored(ClaimRow(
        id=f"{doc}-{quantity}-{category}-{value}", doc=doc, outlet=outlet,
        published=date(2024, 12, day), quantity=quantity, category=category, subgroup=None,
        value=value, low=value if low is None else low, high=value if high is None else high,
        qualifier=qualifier, source=source[0] if source else None,
        source_kind=source[1] if source else "unknown", source_text=None,
        as_of=date(2024, 12, day), period_start=period_start, place=place,
        historical=historical, unverified=False, sentence=sentence, start=max(start, 0),
        end=max(start, 0) + 3, rule="test", sentence_start=0, url=None,
    ))


def stored(row: ClaimRow) -> ClaimRow:
    """The row as the store holds it: with the scope extraction read from its sentence."""
    scope = claim_scope(row)
    row.scope_region, row.scope_region_text, row.scope_place = scope.region, scope.region_text, scope.place
    row.scope_incident, row.scope_facility = scope.incident, scope.facility
    return row


@pytest.mark.parametrize("claims, expected", [
    ([claim(412, day=1), claim(602, day=4), claim(704, day=5)], [412, 602, 704]),
    ([claim(704, day=5), claim(412, day=1)], [412, 704]),  # ordered by date, not input
    ([claim(602, day=4, doc="a"), claim(602, day=4, doc="b"), claim(602, day=6, doc="c")], [602]),
])
def test_reconcile_series_points(claims, expected):
    series = build_series(claims)
    assert len(series) == 1
    assert [p.value for p in series[0].points] == expected


def test_reconcile_series_repeated_figure_is_one_point_with_reports():
    series = build_series([claim(602, day=4, doc="a", outlet="DW"),
                           claim(602, day=5, doc="b", outlet="AFP")])
    (point,) = series[0].points
    assert [r.doc for r in point.reports] == ["a", "b"]
    assert point.as_of == date(2024, 12, 4)


@pytest.mark.parametrize("copy_of, reports, copies", [
    ({}, ["orig", "copy"], []),
    ({"copy": "orig"}, ["orig"], ["copy"]),
])
def test_reconcile_series_wire_copies_count_once(copy_of, reports, copies):
    claims = [claim(602, day=4, doc="copy"), claim(602, day=4, doc="orig")]
    (point,) = build_series(claims, copy_of=copy_of)[0].points
    assert sorted(r.doc for r in point.reports) == sorted(reports)
    assert [c for r in point.reports for c in r.copies] == copies


def test_reconcile_series_same_day_hedged_figures_merge():
    claims = [claim(600, day=4, doc="a", qualifier="over", high=None),
              claim(602, day=4, doc="b", qualifier="at least", high=None)]
    (point,) = build_series(claims)[0].points
    assert point.value == 602 and len(point.reports) == 2


@pytest.mark.parametrize("a, b", [
    # Historical figures are another era than the current fighting.
    (claim(704, day=5), claim(500000, day=6, historical=True, period_start=date(2011, 3, 15))),
    # A regional qualifier is another scope than the whole theatre.
    (claim(50000, day=4, source=UN, quantity="displaced",
           sentence="The UN said 50,000 people have been displaced since last week."),
     claim(115000, day=5, source=UN, quantity="displaced",
           sentence="According to the UN, 115,000 people were newly displaced across Idlib and northern Aleppo.")),
    # Another claimant is another series.
    (claim(214, category="rebels"), claim(1600, day=4, category="rebels", source=ARMY)),
    # Unattributed figures of two outlets are not one claimant.
    (claim(10, source=None, outlet="A", doc="x"), claim(20, source=None, outlet="B", doc="y")),
])
def test_reconcile_series_split(a, b):
    assert len(build_series([a, b])) == 2


def test_reconcile_series_scope_text():
    c = claim(115000, source=UN, quantity="displaced",
              sentence="115,000 people were newly displaced across Idlib and northern Aleppo.")
    (series,) = build_series([c])
    assert series.scope.region == "idlib + northern aleppo"
    assert "Idlib and northern Aleppo only" in series.scope.describe()


@pytest.mark.parametrize("claims, day, low, best, high, best_source", [
    # A belligerent's claim of enemy dead counts in high, never as best.
    ([claim(214, category="rebels"), claim(1600, day=4, category="rebels", source=ARMY)],
     4, 214, 214, 1600, SOHR[0]),
    # best is the latest independent figure on or before the day.
    ([claim(412, day=1), claim(602, day=4), claim(704, day=5)], 4, 602, 602, 602, SOHR[0]),
    ([claim(40000, source=UN, quantity="displaced"),
      claim(90000, day=3, source=None, quantity="displaced")], 3, 40000, 40000, 90000, UN[0]),
    # No independent claimant: no best.
    ([claim(1000, category="rebels", source=ARMY)], 1, None, None, 1000, None),
])
def test_reconcile_series_estimates(claims, day, low, best, high, best_source):
    found = {e.as_of: e for e in estimates(claims)}
    e = found[date(2024, 12, day)]
    assert (e.low, e.best, e.high, e.best_source) == (low, best, high, best_source)
    assert "best = " in e.best_rule


@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_reconcile_series_rows_export(fmt):
    rows = to_rows(build_series([claim(412, day=1), claim(602, day=4)]))
    out = io.StringIO()
    assert export_rows(rows, out, fmt) == 2
    if fmt == "jsonl":
        last = json.loads(out.getvalue().splitlines()[-1])
        assert last["value"] == 602 and last["change"] == 190 and last["as_of"] == "2024-12-04"
