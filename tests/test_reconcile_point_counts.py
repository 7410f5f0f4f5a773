"""The reconcile stage's kept points of a series built in part (``stage_points``): only
those whose place changes are moved, run by run; the series' count of points, which each of
its rows holds, is set once per series where it changed (``_set_counts``), not by a run per
kept day. Every stored row equals a rebuild's."""

from __future__ import annotations

import random

import pytest

from sitrep.reconcile import reconcile, stage_points
from sitrep.store import open_db
from test_reconcile_gain import _articles, _corpus, _random_articles
from test_reconcile_touch import _rebuilt_rows_equal


def _spy(monkeypatch) -> dict[str, list]:
    """Per run: the series built in part, the runs of points moved, the counts set."""
    seen: dict[str, list] = {"partial": [], "runs": [], "counts": []}
    write, move, count = (stage_points.PointWrites._write_points, stage_points.PointWrites._move_places,
                          stage_points.PointWrites._set_counts)

    def writing(self, stored, p_rows, r_rows, prefixes, layouts={}):
        seen["partial"].append(set(layouts))
        return write(self, stored, p_rows, r_rows, prefixes, layouts)

    def moving(self, points, reports):
        seen["runs"].append(list(points))
        return move(self, points, reports)

    def counting(self, counts):
        seen["counts"].append(dict(counts))
        return count(self, counts)

    monkeypatch.setattr(stage_points.PointWrites, "_write_points", writing)
    monkeypatch.setattr(stage_points.PointWrites, "_move_places", moving)
    monkeypatch.setattr(stage_points.PointWrites, "_set_counts", counting)
    return seen


@pytest.mark.parametrize("war,seed", [("syria", 8), ("sudan", 9)])
def test_reconcile_kept_points_move_only_where_their_place_changes(tmp_path, war, seed, same_as_fresh, monkeypatch):
    """Batches of new figures on a few days of grown series: the runs of kept points passed
    on are those that move, each series built in part has its count set once, and every
    stored row equals a rebuild's."""
    rng = random.Random(seed)
    with open_db(tmp_path / "x.duckdb") as store:
        store.write_many(_articles(_corpus(war, seed, n=50)))
        reconcile(store)
        seen = _spy(monkeypatch)
        for batch in range(3):
            store.write_many(_random_articles(war, rng, f"{war}_n{batch}", (4, 56), (77, 120, 150, 300, 640, 900),
                                              lambda r: 0, 3))
            reconcile(store)
            checks = same_as_fresh(store)
            assert all(checks.values()), (batch, checks)
    assert any(seen["partial"]), "no series was built in part"
    for partial, runs, counts in zip(seen["partial"], seen["runs"], seen["counts"]):
        assert set(counts) == partial
        assert all(by for key, _, _, by, _ in runs if key in partial)  # no run of a kept point left in its place
    assert _rebuilt_rows_equal(tmp_path)
