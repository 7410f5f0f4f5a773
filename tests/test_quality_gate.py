"""The quality gate: extraction scored against reference annotations, with pinned floors.

CI fails when a change drops claims F1 or claimant accuracy below these floors. The dev
set (../shared) is the five real seed articles; the sample is the bundled corpus.
"""

import pytest

from sitrep.demo import sample_dir, sample_gold
from sitrep.evaluate import evaluate, format_report
from sitrep.pipeline import run
from sitrep.store import open_db

pytestmark = pytest.mark.slow

# Floors from the issue (core claim ledger). Measured values are in the README.
SEEDS_MIN_F1 = 0.90
SEEDS_MIN_CLAIMANT = 0.90
SAMPLE_MIN_F1 = 0.95


def _score(paths, gold, db):
    summary = run(paths, db)
    assert summary.articles > 0
    with open_db(db, read_only=True) as store:
        report = evaluate(gold, store.iter_claims(), store.events())
    print(format_report(report))
    return report


@pytest.fixture(scope="module")
def seeds_report(seeds_dir, seeds_gold_path, tmp_path_factory):
    return _score([seeds_dir], seeds_gold_path, tmp_path_factory.mktemp("gate") / "seeds.duckdb")


@pytest.fixture(scope="module")
def sample_report(tmp_path_factory):
    return _score([sample_dir()], sample_gold(), tmp_path_factory.mktemp("gate") / "sample.duckdb")


def test_quality_gate_seeds_claims_f1(seeds_report):
    assert seeds_report.claims.f1 >= SEEDS_MIN_F1, format_report(seeds_report)


def test_quality_gate_seeds_claimant_accuracy(seeds_report):
    assert seeds_report.claimant_accuracy >= SEEDS_MIN_CLAIMANT, format_report(seeds_report)


def test_quality_gate_sample_claims_f1(sample_report):
    assert sample_report.claims.f1 >= SAMPLE_MIN_F1, format_report(sample_report)
