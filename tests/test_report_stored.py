"""The report reads the reconcile stage's stored results (no fallbacks, nothing computed
at read time); stale results are brought up to date first, or refused when read-only."""

from __future__ import annotations

from datetime import date

import pytest

from report_synth import extractions
from sitrep.publish.report import write_report
from sitrep.publish.report_views import latest_estimates
from sitrep.records.series import Estimate
from sitrep.reconcile import ReconcileStale, reconcile
from sitrep.store import open_db


@pytest.fixture()
def db(tmp_path):
    path = tmp_path / "r.duckdb"
    with open_db(path) as store:
        store.write_many(extractions(12))
    return path


@pytest.fixture()
def reconciled(db):
    with open_db(db) as store:
        reconcile(store)
    return db


def test_report_stored_results_make_every_section(reconciled, tmp_path, no_recompute):
    with open_db(reconciled, read_only=True) as store:
        stats = write_report(store, tmp_path / "r.html")
    html = (tmp_path / "r.html").read_text(encoding="utf-8")
    for section in ("figures", "charts", "contradictions", "framing", "provenance"):
        assert f'<section id="{section}">' in html
    assert stats.n_claims == 60


def test_report_stored_charts_headline_and_no_notes_of_fallbacks(db, tmp_path):
    with open_db(db) as store:
        reconcile(store)
    with open_db(db, read_only=True) as store:
        stats = write_report(store, tmp_path / "r.html")
    html = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert "<polyline" in html  # charts from the stored series
    assert 'class="card-value"' in html  # headline from the stored estimates
    assert not any("fallback" in n or "not available" in n for n in stats.notes)


def test_report_stored_stale_results_are_updated_first_or_refused(db, tmp_path):
    with open_db(db, read_only=True) as store:
        with pytest.raises(ReconcileStale, match="sitrep reconcile"):
            write_report(store, tmp_path / "r.html")
    with open_db(db) as store:  # writable: the stage runs first
        stats = write_report(store, tmp_path / "r.html")
    assert stats.n_claims == 60 and "<polyline" in (tmp_path / "r.html").read_text(encoding="utf-8")


def test_report_stored_latest_estimate_per_group():
    old = Estimate("killed", "total", date(2024, 12, 1), low=5, best=10, high=20, best_rule="rule", best_source="a",
                   sources=["a: 10 (2024-12-01)"])
    new = Estimate("killed", "total", date(2024, 12, 3), low=5, best=30, high=40, best_rule="rule", best_source="a",
                   sources=["a: 30 (2024-12-03)"])
    assert latest_estimates([old, new]) == [new] == latest_estimates([new, old])


def test_report_stored_pages_equal_sorting_everything(reconciled):
    """The report reads only what it shows; that is what sorting every stored row gave."""
    from sitrep.publish.report import KIND_ORDER, MAX_CONTRADICTIONS, MAX_FRAMING_ROWS
    from sitrep.publish.report_charts import series_charts, stored_charts

    with open_db(reconciled, read_only=True) as store:
        assert stored_charts(store) == series_charts(store.series())
        everything = sorted(store.contradictions(),
                            key=lambda c: KIND_ORDER.index(c.kind) if c.kind in KIND_ORDER else len(KIND_ORDER))
        page, total = store.contradictions_page(limit=MAX_CONTRADICTIONS, kinds_first=KIND_ORDER)
        assert page == everything[:MAX_CONTRADICTIONS] and total == len(everything)
        rows = sorted(store.framing(), key=lambda r: (r.outlet, -r.count, r.label))
        assert store.framing_page(limit=MAX_FRAMING_ROWS) == (rows[:MAX_FRAMING_ROWS], len(rows))
        latest = latest_estimates(store.estimates())
        assert store.latest_estimates() == latest
        series, n = store.series_page(quantity="killed", source="observatory", limit=3)
        chosen = sorted((s for s in store.series() if s.quantity == "killed"
                         and "observatory" in (s.claimant or "").lower()), key=lambda s: (-len(s.points), s.claimant or ""))
        assert series == chosen[:3] and n == len(chosen)


def test_report_stored_series_lines_are_the_pages_latest_points(reconciled):
    from sitrep.records.series import to_rows

    with open_db(reconciled, read_only=True) as store:
        page, total = store.series_page(limit=5)
        lines, n = store.series_lines(limit=5, last=3)
        assert n == total and [x.key for x in lines] == [s.key for s in page]
        for line, s in zip(lines, page):
            assert line.points == to_rows([s])[-3:] and line.n_points == len(s.points)
            assert line.scope_text == s.scope.describe() and line.claimant == s.claimant


def test_report_stored_framing_pages_equal_sorting_everything(reconciled):
    with open_db(reconciled, read_only=True) as store:
        every = store.framing()
        for side in (None, "opposition", "government"):
            rows = sorted((r for r in every if not side or r.actor_side == side),
                          key=lambda r: (r.actor_side, r.outlet, -r.count))
            assert store.framing_by_side(side=side, limit=7) == (rows[:7], len(rows))
        summaries = store.outlet_framing()
        page, n, filled = store.outlet_page(limit=4)
        assert page == summaries[:4] and n == len(summaries)
        assert filled == {f for f in ("outlet", "n_articles", "loaded_share", "opposition_labels", "government_labels",
                                      "foreign_labels", "other_labels", "loaded_labels", "quoted_labels")
                          if any(getattr(x, f) for x in summaries)}
