"""The seeds' cross-source items (series and contradictions) surface end to end."""

from __future__ import annotations

from datetime import date

import pytest

from sitrep.pipeline import run
from sitrep.reconcile.contradictions import find_contradictions
from sitrep.reconcile.series import build_series
from sitrep.store import open_db

pytestmark = pytest.mark.slow

OBSERVATORY = "Syrian Observatory for Human Rights"


@pytest.fixture(scope="module")
def seeds_store(seeds_dir, seeds_gold, tmp_path_factory):
    db = tmp_path_factory.mktemp("reconcile") / "seeds.duckdb"
    for doc in seeds_gold["documents"]:  # two seeds have no dateline: dates from the gold
        run([seeds_dir / f"{doc['doc']}.txt"], db, published=date.fromisoformat(doc["published"]))
    with open_db(db, read_only=True) as store:
        yield store.claims(), store.events()


def _values(series, claimant, quantity, category):
    for s in series:
        if (s.claimant, s.quantity, s.category, s.scope.key) == (claimant, quantity, category, "current"):
            return [(p.as_of.isoformat(), p.value) for p in s.points]
    return None


@pytest.mark.parametrize("category, what", [
    ("total", "Syrian Observatory total death toll of the offensive"),
    ("civilians", "Syrian Observatory civilian death toll"),
])
def test_reconcile_contradictions_seeds_series(seeds_store, seeds_gold, category, what):
    gold = next(x for x in seeds_gold["cross_source"] if x["what"] == what)
    series = build_series(seeds_store[0])
    assert _values(series, OBSERVATORY, "killed", category) == [tuple(p) for p in gold["points"]]


def test_reconcile_contradictions_seeds_displaced_scope(seeds_store):
    found = find_contradictions(*seeds_store)
    scoped = [c for c in found if c.kind == "scope" and c.subject.startswith("displaced")]
    assert any({c.a.value, c.b.value} == {50000, 115000} and "Idlib and northern Aleppo only"
               in c.explanation for c in scoped)


def test_reconcile_contradictions_seeds_rebels_partisan(seeds_store):
    found = find_contradictions(*seeds_store)
    rebels = [c for c in found if c.subject == "killed / rebels"]
    values = {v for c in rebels for v in (c.a.value, c.b.value)}
    assert {214, 1000, 1600} <= values
    assert all(c.kind == "partisan" for c in rebels if 214 in (c.a.value, c.b.value))
    # The Observatory's rising toll is a series, never a disagreement.
    assert not [c for c in found if c.kind != "update" and c.a.source == c.b.source == OBSERVATORY]


def test_reconcile_contradictions_seeds_hama_front_line(seeds_store):
    """The army's 4 Dec push-back (over 20 km from Hama) is overtaken by Hama's fall on 5 Dec."""
    found = find_contradictions(*seeds_store)
    control = [c for c in found if c.kind == "control" and "Hama" in c.subject]
    assert any("20 km from Hama" in c.explanation and "took Hama" in c.explanation for c in control)
