"""The reconcile stage's points updated in place (``reconcile.stage_touch``): a stored point
whose figure gains reports of new articles keeps its row and reports, the new ones inserted
among them, and is digested again from its reports' stored digests; the stored rows equal a
rebuild's. Points that cannot be so updated (a new first report, an article in a copy group)
are built again from their day's claims, as before; a database written before the reports'
digests (migration 11) gets them on open."""

from __future__ import annotations

import random
import shutil
from datetime import timedelta

import pytest

from sitrep.reconcile import reconcile, stage_gain, stage_touch
from sitrep.store import open_db
from test_reconcile_gain import START, WARS, _article, _articles, _corpus, _every_other_day, _rows


def _spy(monkeypatch) -> dict[str, list]:
    """The points each run updated in place, and the claims its days built again read."""
    seen: dict[str, list] = {"touches": [], "claims": []}
    write, plans = stage_touch.PointTouches._write_touches, stage_gain.SeriesGain._plans

    def writing(self, touches):
        seen["touches"].append(list(touches))
        return write(self, touches)

    def planning(self, gained):
        found = plans(self, gained)
        seen["claims"].append(sum(len(plan.claims) for plan in found.values()))
        return found

    monkeypatch.setattr(stage_touch.PointTouches, "_write_touches", writing)
    monkeypatch.setattr(stage_gain.SeriesGain, "_plans", planning)
    return seen


def _rebuilt_rows_equal(tmp_path) -> bool:
    shutil.copy(tmp_path / "x.duckdb", tmp_path / "full.duckdb")
    with open_db(tmp_path / "full.duckdb") as store:
        reconcile(store, full=True)
    return _rows(tmp_path / "x.duckdb") == _rows(tmp_path / "full.duckdb")


@pytest.mark.parametrize("war", ["syria", "sudan"])
def test_reconcile_point_that_gains_a_report_is_updated_in_place(tmp_path, war, same_as_fresh, monkeypatch):
    """A figure reported on six days, then by an article of the third day: its report goes
    fourth among the stored ones, in place; no claim of its day is read, and every stored
    row (reports' places, the point's lists and digest) equals a rebuild's."""
    who, kind = WARS[war][0]
    base = _every_other_day(war, who, kind)
    late = _article(f"{war}_late", START + timedelta(days=5), [(who, kind, "killed", 440, None, 0)], outlet="Outlet 9")
    seen = _spy(monkeypatch)
    with open_db(tmp_path / "x.duckdb") as store:
        store.write_many(base)
        reconcile(store)
        store.write_many([late])
        reconcile(store)
        checks = same_as_fresh(store)
        assert all(checks.values()), checks
        (point,) = [p for s in store.series() if s.claimant == who for p in s.points]
        assert [r.doc for r in point.reports][3] == late.article.id
    (touch,) = seen["touches"][-1]
    assert [row["idx"] for row in touch.new_rows] == [3] and touch.shifts == [(3, 5, 1)]
    assert seen["claims"][-1] == 0
    assert _rebuilt_rows_equal(tmp_path)


def test_reconcile_new_first_report_or_copy_is_built_from_its_day(tmp_path, same_as_fresh, monkeypatch):
    """A new article dated before a point's first report (on the point's day), and a wire
    copy of a stored article: neither point is updated in place (the first report is the
    point's sentence; a copy joins its original's report); both equal a full recompute."""
    who, kind = WARS["syria"][1]
    base = [_article(f"syria_b_{k}", START + timedelta(days=k), [(who, kind, "killed", 610 + 10 * (k % 2), None, 0)],
                     outlet=f"Outlet {k}") for k in range(6)]
    early = _article("syria_a_early", START + timedelta(days=2), [(who, kind, "killed", 610, None, -2)],
                     outlet="Outlet 8")
    wire = _article("syria_b_3_wire", START + timedelta(days=3), [(who, kind, "killed", 620, None, 0)],
                    outlet="Wire Outlet", text=base[3].article.text)
    seen = _spy(monkeypatch)
    with open_db(tmp_path / "x.duckdb") as store:
        store.write_many(base)
        reconcile(store)
        store.write_many([early, wire])
        reconcile(store)
        checks = same_as_fresh(store)
        assert all(checks.values()), checks
        assert any(wire.article.id in g.docs for g in store.copy_groups())
    assert not seen["touches"][-1]
    assert _rebuilt_rows_equal(tmp_path)


@pytest.mark.parametrize("war,seed", [("syria", 11), ("sudan", 12)])
def test_reconcile_points_updated_in_place_over_batches_store_the_rows_of_a_rebuild(tmp_path, war, seed,
                                                                                 same_as_fresh, monkeypatch):
    """Batches repeating stored figures (points that merge agreeing figures of a day among
    them): points are updated in place in each, and every stored row equals a rebuild's."""
    rng = random.Random(seed)
    who = WARS[war]
    seen = _spy(monkeypatch)
    with open_db(tmp_path / "x.duckdb") as store:
        store.write_many(_articles(_corpus(war, seed, n=50)))
        reconcile(store)
        for batch in range(3):
            store.write_many([_article(f"{war}_t{batch}_{i}", START + timedelta(days=rng.randrange(20, 56)),
                                       [(*rng.choice(who), rng.choice(("killed", "displaced")),
                                         rng.choice((120, 121, 150, 300, 302, 900)), rng.choice((None, "at least")),
                                         -rng.randrange(12)) for _ in range(3)], outlet=f"Outlet {i % 4}")
                              for i in range(4)])
            reconcile(store)
            checks = same_as_fresh(store)
            assert all(checks.values()), (batch, checks)
    assert all(seen["touches"][1:]), "no point was updated in place"
    assert _rebuilt_rows_equal(tmp_path)


def test_reconcile_report_digests_of_an_older_database_are_filled_on_open(tmp_path, same_as_fresh, monkeypatch):
    """A database reconciled before reports kept their digests (migration 11) gets them on
    open, and every point's digest made of them: the same a rebuild writes, so its points
    are kept and updated in place as in a new database."""
    digests = "SELECT series, idx, row_hash FROM recon_points ORDER BY series, idx"
    with open_db(tmp_path / "x.duckdb") as store:
        store.write_many(_articles(_corpus("sudan", 13)))
        reconcile(store)
        written = store.connection.execute(digests).fetchall()
        store.connection.execute("ALTER TABLE recon_reports DROP COLUMN digest")  # as migration 10 left it
        store.connection.execute("UPDATE recon_points SET row_hash = 'old:' || row_hash")
        store.connection.execute("DELETE FROM schema_migrations WHERE version = 11")
    seen = _spy(monkeypatch)
    with open_db(tmp_path / "x.duckdb") as store:
        assert store.connection.execute(digests).fetchall() == written
        assert not store.connection.execute("SELECT count(*) FROM recon_reports WHERE digest IS NULL").fetchone()[0]
        who, kind = WARS["sudan"][0]
        day, figures = next((day, figures) for _, day, figures, _ in _corpus("sudan", 13) if figures[0][0] == who)
        store.write_many([_article("sudan_again", day + timedelta(days=1), [figures[0][:5] + (0,)])])
        reconcile(store)
        checks = same_as_fresh(store)
        assert all(checks.values()), checks
    assert seen["touches"][-1]
    assert _rebuilt_rows_equal(tmp_path)
