"""Shared fixtures. Tests that load the spaCy model are marked ``slow``."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SEEDS = SHARED / "seeds"
SEEDS_GOLD = SHARED / "dev" / "seeds.gold.json"


@pytest.fixture(scope="session")
def extractor():
    from sitrep.extract import default_extractor

    return default_extractor()


@pytest.fixture(scope="session")
def extract_text(extractor):
    """Claims of a short text, as an article published on 5 December 2024."""
    from sitrep.records import Article

    def run(text: str, published: date | None = date(2024, 12, 5), outlet: str | None = None):
        article = Article(id="t", text=text, content_hash="t", published=published, outlet=outlet)
        return extractor.extract(article)

    return run


@pytest.fixture(scope="session")
def sample_db(tmp_path_factory) -> Path:
    """The bundled sample corpus run on one machine (``sitrep run``): read it, don't write it."""
    from sitrep.demo import sample_dir
    from sitrep.pipeline import run

    db = tmp_path_factory.mktemp("sample") / "sample.duckdb"
    run([sample_dir()], db)
    return db


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    if not SEEDS.is_dir() or not SEEDS_GOLD.is_file():
        pytest.skip("../shared/seeds and ../shared/dev/seeds.gold.json are not beside the repo")
    return SEEDS


@pytest.fixture(scope="session")
def seeds_gold() -> dict:
    if not SEEDS_GOLD.is_file():
        pytest.skip("../shared/dev/seeds.gold.json is not beside the repo")
    return json.loads(SEEDS_GOLD.read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def seeds_gold_path(seeds_dir) -> Path:
    return SEEDS_GOLD


CHROMIUM = Path("/usr/bin/chromium")
# Flags for headless chromium on a machine with no network and no sandbox (root).
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
ARTIFACTS = Path(__file__).resolve().parents[1] / "test-artifacts"


@pytest.fixture(scope="session")
def browser():
    """A Playwright browser on Debian's chromium. In CI it must exist (.ci/run installs it)."""
    import os

    if not CHROMIUM.exists():
        if os.environ.get("CI"):
            pytest.fail("CI must install Debian's chromium (apt-get install chromium)")
        pytest.skip("Debian's chromium is not installed (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture(scope="session")
def artifacts_dir() -> Path:
    """Where browser tests save screenshots (kept as CI artifacts)."""
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS


@pytest.fixture()
def no_recompute(monkeypatch):
    """Every function that computes the cross-source layer raises: a reader that passes
    with this fixture reads the reconcile stage's stored results only."""
    from sitrep.reconcile import contradictions, copies, framing, from_scratch, series, stage, stage_gain, stories

    def refuse(name):
        def boom(*args, **kwargs):
            raise AssertionError(f"{name} was called: a reader recomputed the cross-source layer")
        return boom

    for module, names in ((copies, ("find_copies",)), (series, ("build_series", "estimates")),
                          (contradictions, ("find_contradictions", "control_contradictions")),
                          (framing, ("framing", "doc_slots", "add_up")), (stories, ("find_stories", "connected")),
                          (stage, ("find_copies", "scope_of")), (stage_gain, ("build_series",)),
                          (from_scratch, ("find_copies", "build_series", "estimates", "compute"))):
        for name in names:
            monkeypatch.setattr(module, name, refuse(f"{module.__name__}.{name}"))
    monkeypatch.setattr(stage._Run, "run", refuse("the reconcile stage"))


@pytest.fixture()
def killed_on_second_write(monkeypatch):
    """Runs extract and write batches of two and die on the second write, as a run killed
    in the middle does; call the fixture's value to let writes through again."""
    from sitrep import pipeline
    from sitrep.store.db import Store

    monkeypatch.setattr(pipeline, "BATCH_SIZE", 2)
    monkeypatch.setattr(pipeline, "WRITE_SIZE", 2)
    real = Store.write_many
    calls = {"n": 0}

    def dying(self, extractions, replace=()):
        calls["n"] += 1
        if calls["n"] == 2:
            raise KeyboardInterrupt  # killed in the middle of the run
        return real(self, extractions, replace)

    monkeypatch.setattr(Store, "write_many", dying)
    return lambda: monkeypatch.setattr(Store, "write_many", real)


def reconciled_equals_fresh(store) -> dict[str, bool]:
    """Each stored result of the reconcile stage against a full recompute from scratch."""
    from sitrep.reconcile import compute

    fresh = compute(store)
    return {"copies": store.copy_groups() == fresh.copies, "copy_of": store.copy_map() == fresh.copy_of,
            "series": store.series() == fresh.series, "estimates": store.estimates() == fresh.estimates,
            "contradictions": store.contradictions() == fresh.contradictions,
            "stories": store.stories() == fresh.stories, "framing": store.framing() == fresh.framing}


@pytest.fixture()
def same_as_fresh():
    """``same_as_fresh(store)``: which stored results equal a full recompute (all must)."""
    return reconciled_equals_fresh


def claim_row(doc: str, quantity: str, category: str, value: int | None, low: int | None = None,
              high: int | None = None, source: str | None = None, source_kind: str = "unknown",
              sentence: str = "", **fields):
    """A stored claim (``records.rows.ClaimRow``) with what a test gives and neutral rest."""
    from sitrep.records.rows import ClaimRow

    defaults = dict(id=f"{doc}-{quantity}-{category}-{value}-{low}-{high}-{source}", outlet=None, published=None,
                    subgroup=None, qualifier=None, source_text=None, as_of=None, period_start=None, place=None,
                    historical=False, unverified=False, start=0, end=0, rule="", sentence_start=0, url=None)
    return ClaimRow(doc=doc, quantity=quantity, category=category, value=value, low=low, high=high, source=source,
                    source_kind=source_kind, sentence=sentence, **{**defaults, **fields})


def event_row(doc: str, type: str, place: str | None, winner: str | None, rule: str = "", **fields):
    """A stored event (``records.rows.EventRow``) with what a test gives and neutral rest."""
    from sitrep.records.rows import EventRow

    defaults = dict(id=f"{doc}-{type}-{place}", date=None, date_precision=None, actor1=None, actor1_side=None,
                    actor2=None, actor2_side=None, country=None, admin1=None, lat=None, lon=None, geo_precision=None,
                    source=None, source_kind="unknown", sentence="", start=0, end=0, fatalities=None, outlet=None,
                    published=None, actor1_type=None, actor2_type=None, actor1_text=None, actor2_text=None,
                    place_text=None, anchor=None, place_rule=None, date_rule=None, sentence_start=0)
    return EventRow(doc=doc, type=type, place=place, winner=winner, rule=rule, **{**defaults, **fields})


def article_row(id: str, outlet: str | None = None, published: date | None = None, text: str | None = None):
    """A stored article (``records.rows.ArticleRow``) with what a test gives and neutral rest."""
    from sitrep.records.rows import ArticleRow

    return ArticleRow(id=id, content_hash=f"hash-{id}", title=None, outlet=outlet, outlet_rule=None,
                      published=published, date_rule=None, url=None, path=None, n_claims=0, n_events=0,
                      ingested_at=None, text=text)


def mention_row(doc: str, text: str, name: str | None, country: str | None = "XX", feature: str | None = "city",
                precision: int | None = 1):
    """A stored place mention (``records.rows.PlaceMentionRow``) with what a test gives and neutral rest."""
    from sitrep.records.rows import PlaceMentionRow

    return PlaceMentionRow(doc=doc, text=text, start=0, end=len(text), name=name, country=country, admin1=None,
                           lat=None, lon=None, geonameid=None, feature=feature, precision=precision, rule="", anchor=None)
