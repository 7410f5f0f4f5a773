"""The reconcile stage: stored results equal a full recompute after incremental additions,
changes and removals; an interrupted run is repaired by the next one; staleness is never
silent; readers read the stored tables."""

from __future__ import annotations

import random
import shutil
from dataclasses import replace
from datetime import date, timedelta

import pytest

from report_synth import _places, extraction, extractions
from sitrep.demo import sample_dir
from sitrep.pipeline import run
from sitrep.reconcile import DEFAULT_WINDOW_DAYS, ReconcileStale, compute, ensure_reconciled, reconcile, stale_reason
from sitrep.reconcile import stage, state
from sitrep.store import open_db

def _sample_halves(tmp_path):
    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir()
    second.mkdir()
    files = sorted(p for p in sample_dir().iterdir() if p.suffix in (".txt", ".html", ".jsonl"))
    for i, path in enumerate(files):
        shutil.copy(path, (first if i % 2 else second) / path.name)
    return first, second


@pytest.mark.slow
def test_reconcile_incremental_equals_full_recompute_on_the_sample(tmp_path, same_as_fresh):
    first, second = _sample_halves(tmp_path)
    db = tmp_path / "s.duckdb"
    one = run([first], db)
    assert one.reconciled is not None and one.reconciled.full and one.reconciled.new == one.new
    with open_db(db) as store:
        assert all(same_as_fresh(store).values()), same_as_fresh(store)
    two = run([second], db)
    assert not two.reconciled.full and two.reconciled.new == two.new > 0
    with open_db(db) as store:
        assert stale_reason(store) is None
        checks = same_as_fresh(store)
        assert all(checks.values()), checks
        assert store.series() and store.contradictions() and store.framing() and store.copy_groups()
    again = run([first, second], db)  # nothing new: nothing recomputed
    assert not again.reconciled.did_something


def test_reconcile_incremental_equals_full_after_changes_and_removals(tmp_path, same_as_fresh):
    """Synthetic articles (wire copies, shared claimants) arriving in random batches, some
    replaced with new text and some removed: each step equals a recompute from scratch."""
    rng = random.Random(3)
    items = list(extractions(60, seed=11))
    copies = []
    for x in items[:6]:  # wire copies under other ids and outlets
        art = x.article
        twin = type(art)(id=art.id + "_copy", text="Wire copy. " + art.text, content_hash=art.content_hash + "c",
                         title=art.title, outlet="Copy Outlet", published=art.published)
        copies.append(type(x)(twin, [], [], []))
    batch = items + copies
    rng.shuffle(batch)
    with open_db(tmp_path / "x.duckdb") as store:
        for at in (0, 25, 50):
            store.write_many(batch[at:at + 25 if at < 50 else None])
            done = reconcile(store)
            assert done.did_something
            assert all(same_as_fresh(store).values()), same_as_fresh(store)
        assert store.copy_groups()
        canonical = store.copy_groups()[0].canonical
        for table, column in (("claims", "doc"), ("events", "doc"), ("place_mentions", "doc"), ("articles", "id")):
            store.connection.execute(f"DELETE FROM {table} WHERE {column} = ?", [canonical])
        changed = extraction(10, random.Random(99), _places())  # synth_00010 again, another text
        assert changed.article.id == items[10].article.id != canonical
        assert store.write_many([changed]).written == [changed.article.id]
        done = reconcile(store)
        assert done.removed == 1 and done.new == 1 and done.copies_changed
        assert all(same_as_fresh(store).values()), same_as_fresh(store)


@pytest.mark.slow
def test_reconcile_run_interrupted_before_reconcile_is_repaired_by_the_next_run(tmp_path, monkeypatch, same_as_fresh):
    first, second = _sample_halves(tmp_path)
    db = tmp_path / "s.duckdb"
    run([first], db)

    def killed(store, **kwargs):
        raise KeyboardInterrupt  # the run is killed once its articles are written

    monkeypatch.setattr("sitrep.reconcile.reconcile", killed)
    with pytest.raises(KeyboardInterrupt):
        run([second], db)
    monkeypatch.undo()
    with open_db(db, read_only=True) as store:
        reason = stale_reason(store)
        assert reason and "not reconciled yet" in reason
        with pytest.raises(ReconcileStale, match="sitrep reconcile"):
            ensure_reconciled(store)  # read-only: says so, never shows stale results
    again = run([second], db)  # every article is stored already: only the stage runs
    assert again.new == 0 and again.reconciled.new > 0
    with open_db(db) as store:
        assert stale_reason(store) is None
        assert all(same_as_fresh(store).values())


def test_reconcile_interrupted_mid_stage_keeps_the_old_results(tmp_path, monkeypatch):
    with open_db(tmp_path / "x.duckdb") as store:
        store.write_many(extractions(10))
        reconcile(store)
        before = store.series()
        store.write_many(extractions(5, seed=4))

        def boom(self, *args):
            raise KeyboardInterrupt

        monkeypatch.setattr(stage._Run, "framing", boom)  # the last step
        with pytest.raises(KeyboardInterrupt):
            reconcile(store)
        assert store.series() == before  # rolled back: one transaction
        assert stale_reason(store)
        monkeypatch.undo()
        assert reconcile(store).new == 5 and stale_reason(store) is None


def test_reconcile_older_rules_or_version_rebuild_from_scratch(tmp_path, monkeypatch):
    with open_db(tmp_path / "x.duckdb") as store:
        store.write_many(extractions(8))
        assert reconcile(store).full
        assert not reconcile(store).did_something
        monkeypatch.setattr(state, "RECONCILE_FORMAT", state.RECONCILE_FORMAT + 1)
        assert "another version" in stale_reason(store)
        done = reconcile(store)
        assert done.full and done.new == 8
        assert reconcile(store, full=True).full


@pytest.fixture()
def reconciled_db(tmp_path):
    db = tmp_path / "r.duckdb"
    with open_db(db) as store:
        store.write_many(extractions(30, hostile_every=7))
        reconcile(store)
    return db


def test_reconcile_stored_reads_need_no_compute(reconciled_db, tmp_path, no_recompute):
    from typer.testing import CliRunner

    from sitrep.cli import app
    from sitrep.publish.report import write_report

    with open_db(reconciled_db, read_only=True) as store:
        assert store.series() and store.estimates() and store.framing() and store.stories() is not None
        stats = write_report(store, tmp_path / "r.html")
        assert stats.n_claims == 150
    runner = CliRunner()
    for args in (["series"], ["series", "--estimates"], ["contradictions"], ["framing", "--outlets"],
                 ["export", "series"], ["export", "contradictions"], ["export", "framing"], ["export", "stories"],
                 ["report", "-o", str(tmp_path / "c.html")]):
        result = runner.invoke(app, [*args, "--db", str(reconciled_db)])
        assert result.exit_code == 0, (args, result.output)


def test_reconcile_other_window_from_stored_series(reconciled_db):
    from sitrep.reconcile import contradictions_for_window
    from sitrep.reconcile.contradictions import find_contradictions

    with open_db(reconciled_db, read_only=True) as store:
        fresh = compute(store, window_days=3)
        assert contradictions_for_window(store, 3) == fresh.contradictions
        assert contradictions_for_window(store, DEFAULT_WINDOW_DAYS) == store.contradictions()
        assert find_contradictions  # the module function stays public


def test_reconcile_cli_repairs_stale_results_with_a_note(tmp_path):
    from typer.testing import CliRunner

    from sitrep.cli import app

    db = tmp_path / "x.duckdb"
    with open_db(db) as store:
        store.write_many(extractions(12))  # written without the stage (an older sitrep, a killed run)
    result = CliRunner().invoke(app, ["series", "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "not been computed yet" in result.stderr and "brought up to date" in result.stderr
    again = CliRunner().invoke(app, ["series", "--db", str(db)])
    assert again.exit_code == 0 and "note:" not in again.stderr
    done = CliRunner().invoke(app, ["reconcile", "--db", str(db)])
    assert done.exit_code == 0 and "up to date" in done.output
    full = CliRunner().invoke(app, ["reconcile", "--full", "--db", str(db)])
    assert full.exit_code == 0 and "rebuilt for 12" in full.output


@pytest.mark.parametrize("seed", [1, 2])
def test_reconcile_batches_over_weeks_and_crowded_places_equal_full(tmp_path, seed, same_as_fresh):
    """Articles arriving in batches of their own weeks, their events crowded on two places:
    figure buckets and places merged or compared again stay equal to a full compare."""
    rng = random.Random(seed)
    places = _places()[:2]
    items = [extraction(i, rng, places, n_events=4) for i in range(90)]
    for x in items:  # spread over 100 days
        shift = timedelta(days=rng.randrange(100))
        x.article.published += shift
        for c in x.claims:
            c.as_of += shift
        for e in x.events:
            e.date += shift
    if seed % 2:  # in date order; else in any order (old news arriving late)
        items.sort(key=lambda x: (x.article.published, rng.random()))
    with open_db(tmp_path / "x.duckdb") as store:
        _write_in_batches(store, items, rng, (4, 25), same_as_fresh)
        assert sum(c.kind == "control" for c in store.contradictions()) > 5


def _write_in_batches(store, items, rng, sizes, same_as_fresh) -> None:
    """Write ``items`` in batches of random size, reconciling after each; every time the
    stored results must equal a full recompute."""
    at = 0
    while at < len(items):
        n = rng.randrange(*sizes)
        store.write_many(items[at:at + n])
        at += n
        reconcile(store)
        checks = same_as_fresh(store)
        assert all(checks.values()), (at, checks)


@pytest.mark.parametrize("seed", [0, 3])
def test_reconcile_many_claimants_repeated_figures_equal_full(tmp_path, seed, same_as_fresh):
    """More claimants than reference series per week (which ones are references moves as
    reports pile up), figures repeated across articles, claimant kinds that change with an
    earlier first figure, old news arriving late: still equal to a full recompute."""
    rng = random.Random(seed)
    items = [extraction(i, rng, _places()[:3], n_claims=6, n_events=2) for i in range(130)]
    for x in items:
        shift = timedelta(days=rng.randrange(150))
        x.article.published += shift
        for c in x.claims:
            c.as_of += shift
            c.source, c.source_kind = f"Claimant {rng.randrange(14)}", rng.choice(("monitor", "un", "government", "ngo"))
            if rng.random() < 0.5:
                c.value = 100 + c.value % 7
        for e in x.events:
            e.date += shift
    items.sort(key=lambda x: x.article.published)
    first, rest = items[:80], items[80:]
    rng.shuffle(rest)
    with open_db(tmp_path / "x.duckdb") as store:
        store.write_many(first)
        reconcile(store)
        _write_in_batches(store, rest, rng, (1, 10), same_as_fresh)


def _later(x, i: int, days: int, *, value_times: int = 1, source=None, outlet=None):
    """Article ``x`` again as a new article ``i`` (new id, claim ids and text, not a copy of
    it), its dates moved by ``days``, its figures multiplied by ``value_times``, from
    ``source`` if given."""
    from report_synth import WORDS
    from sitrep.records import content_id

    doc = f"later_{i:03d}"
    filler = random.Random(i)
    text = f"Later report {i}. " + " ".join(filler.choice(WORDS) for _ in range(200)) + "."
    art = replace(x.article, id=doc, text=text, content_hash=content_id(text),
                  published=x.article.published + timedelta(days=days), outlet=outlet or x.article.outlet)
    claims = [replace(c, id=content_id(doc, c.id), doc=doc, as_of=c.as_of + timedelta(days=days),
                      value=c.value * value_times, source=(source or (c.source, c.source_kind))[0],
                      source_kind=(source or (c.source, c.source_kind))[1]) for c in x.claims]
    events = [replace(e, id=content_id(doc, e.id), doc=doc, date=e.date + timedelta(days=days),
                      place=replace(e.place, doc=doc)) for e in x.events]
    return type(x)(art, claims, events, [e.place for e in events if e.place])


def _incremental_case(case: str, base: list):
    """The articles of one case of ``test_reconcile_each_incremental_path_equals_full``."""
    if case == "joins_series":  # the same claimants a day later, other figures
        return [_later(base[0], 1, 1, value_times=2)]
    if case == "changes_estimate":  # a figure dated among the others: estimates of the days it reaches
        return [_later(base[5], 2, 0, value_times=3)]
    if case == "contradiction_in_old_bucket":  # an independent claimant ten-fold off, in a week already compared
        return [_later(base[3], 3, 0, value_times=10, source=("Independent Monitor", "monitor"))]
    if case == "contradiction_in_new_bucket":  # two claimants far apart, weeks after everything stored
        return [_later(base[4], 4, 70, value_times=2),
                _later(base[4], 5, 70, value_times=20, source=("Other Monitor", "monitor"))]
    if case == "joins_giant_story":  # events on the corpus's crowded places, on its days
        return [_later(base[7], 6, 0), _later(base[8], 7, 1)]
    assert case == "wire_copy_later"  # the same text under another id and outlet
    x = base[2]
    twin = type(x.article)(id=x.article.id + "_wire", text=x.article.text, content_hash=x.article.content_hash + "w",
                           title=x.article.title, outlet="Wire Outlet", published=x.article.published)
    return [type(x)(twin, [], [], [])]


@pytest.mark.parametrize("case", ["joins_series", "changes_estimate", "contradiction_in_old_bucket",
                                  "contradiction_in_new_bucket", "joins_giant_story", "wire_copy_later"])
def test_reconcile_each_incremental_path_equals_full(tmp_path, case, same_as_fresh, monkeypatch):
    """Each step the stage makes incremental (points of a grown series moved in place, not
    rewritten; estimates of the days a figure reaches; contradictions of old and new
    buckets; a grown story's totals added to; copies found late) equals a full recompute."""
    rng = random.Random(5)
    base = [extraction(i, rng, _places()[:2], n_claims=5, n_events=3) for i in range(40)]
    grown: list[int] = []
    real = stage._Run._grown_stories

    def spying(self, build, keep):
        found = real(self, build, keep)
        grown.extend(len(old) for _, old in found.values())
        return found

    monkeypatch.setattr(stage._Run, "_grown_stories", spying)
    with open_db(tmp_path / "x.duckdb") as store:
        store.write_many(base)
        reconcile(store)
        assert all(same_as_fresh(store).values())
        before = set(store.connection.execute("SELECT series, row_hash FROM recon_points").fetchall())
        grown.clear()
        store.write_many(_incremental_case(case, base))
        done = reconcile(store)
        assert done.new and not done.full
        checks = same_as_fresh(store)
        assert all(checks.values()), checks
        after = set(store.connection.execute("SELECT series, row_hash FROM recon_points").fetchall())
        if case in ("joins_series", "changes_estimate"):  # a series grew: its other points stay as written
            grew = {s for s, _ in after - before}
            assert any(s in grew for s, _ in before & after)
        if case == "joins_giant_story":
            assert grown and max(grown) >= 10  # the big story's totals reused, its new articles added
        if case == "wire_copy_later":
            assert done.copies_changed and any(g.members for g in store.copy_groups())
        if case.startswith("contradiction"):
            assert any(c.kind != "update" and ("later_003" in (c.a.doc, c.b.doc) or "later_005" in (c.a.doc, c.b.doc))
                       for c in store.contradictions())


def _claims_of(x, categories: set[str]):
    """Extraction ``x`` with only its claims of ``categories``."""
    return type(x)(x.article, [c for c in x.claims if c.category in categories], x.events, x.places)


@pytest.mark.parametrize("days", [0, 8])
def test_reconcile_claimant_giving_a_part_later_equals_full(tmp_path, days, same_as_fresh, monkeypatch):
    """A claimant's whole is not compared with another claimant's part it gives itself:
    once it gives the part, the pairs of its whole change in weeks where none of its new
    figures land, and are found again there (``change.also``)."""
    rng = random.Random(8)
    base = [extraction(i, rng, _places()[:2], n_claims=5, n_events=1) for i in range(30)]
    source = ("Part Monitor", "monitor")
    # A low whole, reported often (a reference series): other claimants' parts are above it.
    wholes = [_claims_of(_later(base[1], i, 0, source=source), {"total"}) for i in range(1, 6)]
    for x in wholes:
        x.claims[:] = [replace(c, value=5) for c in x.claims]
    part = _claims_of(_later(base[1], 9, days, source=source), {"civilians", "rebels"})
    also: list[set] = []
    real = stage._Run.figure_contradictions

    def spying(self, change):
        also.extend(change.also.values())
        return real(self, change)

    monkeypatch.setattr(stage._Run, "figure_contradictions", spying)
    with open_db(tmp_path / "x.duckdb") as store:
        store.write_many(base + wholes)
        reconcile(store)
        assert all(same_as_fresh(store).values())
        before = {c.id for c in store.contradictions() if c.kind == "category"}
        also.clear()
        store.write_many([part])
        reconcile(store)
        checks = same_as_fresh(store)
        assert all(checks.values()), checks
        assert any(also)  # the whole's weeks were compared again for it
        assert before - {c.id for c in store.contradictions() if c.kind == "category"}
