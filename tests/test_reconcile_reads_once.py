"""What the reconcile stage reads for a batch of new articles, it reads once: their events
serve control contradictions and stories alike (``stage_docs``); an estimate makes a member
only of the series it reads a figure of (``series.estimates_on``)."""

from __future__ import annotations

import random
from datetime import date

from report_synth import _places, extraction
from sitrep.reconcile import reconcile, series
from sitrep.reconcile.stage_io import StageIO
from sitrep.records.series import Scope, Series, SeriesPoint
from sitrep.store import open_db


def test_reconcile_stage_reads_a_batch_of_new_articles_events_once(tmp_path, same_as_fresh, monkeypatch):
    rng = random.Random(4)
    items = [extraction(i, rng, _places()[:2], n_events=4) for i in range(30)]
    asked: list[list[str]] = []
    real = StageIO.events

    def counting(self, docs):
        asked.append(sorted(docs))
        return real(self, docs)

    monkeypatch.setattr(StageIO, "events", counting)
    with open_db(tmp_path / "x.duckdb") as store:
        store.write_many(items[:20])
        reconcile(store)
        asked.clear()
        store.write_many(items[20:])
        reconcile(store)
        assert asked == [sorted(x.article.id for x in items[20:])]
        checks = same_as_fresh(store)
        assert all(checks.values()), checks


def test_reconcile_estimate_makes_members_of_series_with_a_figure_only(monkeypatch):
    made: list[str] = []
    real = series._Member.__init__

    def counting(self, s, kind_rank):
        made.append(s.key)
        real(self, s, kind_rank)

    monkeypatch.setattr(series._Member, "__init__", counting)
    scope = Scope(era="current")

    def one(key: str, kind: str, points: list[SeriesPoint]) -> Series:
        s = Series(key, key, kind, "killed", "total", None, scope)
        s.points = points
        return s

    day = date(2025, 3, 10)
    group = [one("monitor", "monitor", [SeriesPoint(day, 120, None, None, None)]),
             one("ministry", "ministry", [SeriesPoint(day, 150, None, None, None)]),
             one("quiet", "ngo", [])]  # no figure read: the stage read none of its old points
    (estimate,) = series.estimates_on(group, [day])
    assert (estimate.low, estimate.best, estimate.high) == (120, 120, 150)
    assert sorted(made) == ["ministry", "monitor"]
