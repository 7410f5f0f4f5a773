"""The reconcile stage's figure contradictions read a compared bucket's points without their
reports (``stage_contradictions._bucket_points``): which figures disagree reads none
(``contradictions.bucket_pairs``), and only the points of the pairs found then have their
first report and articles read (``_first_reports``), for their sides. The stored
contradictions, row by row, equal a rebuild's."""

from __future__ import annotations

import random

import pytest

from sitrep.reconcile import contradictions as contra
from sitrep.reconcile import reconcile, stage_contradictions
from sitrep.store import open_db
from test_reconcile_gain import _articles, _corpus, _random_articles
from test_reconcile_touch import _rebuilt_rows_equal


def _spy(monkeypatch) -> dict[str, list]:
    """Per run: the points of the compared buckets, those of the pairs found, and those
    whose reports were read (each by ``id``)."""
    seen: dict[str, list] = {"compared": [], "paired": [], "read": []}
    points, pairs, first = (stage_contradictions.ContradictionSteps._bucket_points, contra.bucket_pairs,
                            stage_contradictions.ContradictionSteps._first_reports)

    def reading_points(self, buckets):
        found = points(self, buckets)
        seen["compared"].append({id(p) for part in found.by_bucket.values() for ps in part.values() for p in ps})
        seen["paired"].append(set())
        return found

    def pairing(*args, **kwargs):
        found = pairs(*args, **kwargs)
        if seen["paired"] and type(seen["paired"][-1]) is set:  # in the stage's run, before its reports are read
            seen["paired"][-1] |= {id(item[1]) for a, b, _ in found for item in (a, b)}
        return found

    def reading_reports(self, places, wanted):
        wanted = list(wanted)
        seen["read"].append({id(p) for p in wanted})
        seen["paired"][-1] = frozenset(seen["paired"][-1])  # this run's (a full recompute after it finds more)
        return first(self, places, wanted)

    monkeypatch.setattr(stage_contradictions.ContradictionSteps, "_bucket_points", reading_points)
    monkeypatch.setattr(contra, "bucket_pairs", pairing)
    monkeypatch.setattr(stage_contradictions.ContradictionSteps, "_first_reports", reading_reports)
    return seen


@pytest.mark.parametrize("war,seed", [("syria", 5), ("sudan", 7)])
def test_reconcile_compared_bucket_reads_the_reports_of_its_pairs_only(tmp_path, war, seed, same_as_fresh,
                                                                      monkeypatch):
    """Batches of new figures among stored ones (buckets compared again, pairs found and
    gone): the reports read are those of the points of the pairs found, fewer than the
    compared buckets hold, and every stored contradiction equals a rebuild's."""
    rng = random.Random(seed)
    with open_db(tmp_path / "x.duckdb") as store:
        store.write_many(_articles(_corpus(war, seed, n=50)))
        reconcile(store)
        seen = _spy(monkeypatch)
        for batch in range(3):
            store.write_many(_random_articles(war, rng, f"{war}_p{batch}", (10, 56), (40, 120, 150, 300, 900, 2500),
                                              lambda r: -r.randrange(5), 4))
            reconcile(store)
            checks = same_as_fresh(store)
            assert all(checks.values()), (batch, checks)
    assert all(seen["read"]), "no pair was found"
    for compared, paired, read in zip(seen["compared"], seen["paired"], seen["read"]):
        assert read == paired & compared  # the pairs' points of the buckets read, and no other
        assert len(read) < len(compared)
    assert _rebuilt_rows_equal(tmp_path)
