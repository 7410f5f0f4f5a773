"""The reconcile stage's series that only gained claims (``reconcile.stage_gain``): built
from their stored points and the claims of the days that changed, they equal a build from
all their claims; a series that lost or changed a claim is built from all of them. A point
reported by more articles keeps its stored reports (``reconcile.stage_points``)."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date, timedelta

import pytest

from report_synth import CLAIMANTS, WORDS
from sitrep.extract.actors import load_actors
from sitrep.extract.readings import read_article
from sitrep.reconcile import reconcile, stage_gain
from sitrep.reconcile.stage_gain import FigureSpan, day_of, days_to_rebuild
from sitrep.records import Article, Claim, Extraction, content_id
from sitrep.store import open_db

START = date(2025, 3, 3)
# (claimant, kind) of two wars, so keys, scopes and merges are not one war's.
WARS = {"syria": CLAIMANTS[:3], "sudan": [("Sudan Doctors Network", "ngo"), ("Rapid Support Forces", "rebel"),
                                          ("OCHA", "un")]}


def _article(doc: str, day: date, figures: list[tuple], *, outlet: str = "Outlet A", text: str | None = None):
    """An article of ``figures`` (claimant, kind, quantity, value, qualifier, days after ``day``)."""
    rng = random.Random(doc)
    sentences, claims, offset = [], [], 0
    for k, (who, kind, quantity, value, qualifier, late) in enumerate(figures):
        lead = f"The {who} said "
        s = f"{lead}{qualifier + ' ' if qualifier else ''}{value} people were {quantity} on day {k}."
        start = offset + len(lead)
        claims.append(Claim(id=content_id(doc, "c", k), doc=doc, quantity=quantity, category="total", value=value,
                            low=value if qualifier else None, high=None, qualifier=qualifier, source=who,
                            source_kind=kind, sentence=s, start=start, end=start + len(str(value)),
                            sentence_start=offset, rule="synthetic", as_of=day + timedelta(days=late)))
        sentences.append(s)
        offset += len(s) + 1
    body = text or " ".join(sentences) + " " + " ".join(rng.choice(WORDS) for _ in range(80)) + "."
    art = Article(id=doc, text=body, content_hash=content_id(body), title=doc, outlet=outlet, published=day,
                  url=f"https://news.example.org/{doc}")
    return read_article(Extraction(art, claims, [], []), load_actors())


def _corpus(war: str, seed: int, n: int = 40) -> list[tuple[str, date, list[tuple], str]]:
    """Articles (id, date, figures, outlet) over eight weeks whose claimants repeat a few
    figures (points with many reports, same-day figures that agree and merge)."""
    rng = random.Random(seed)
    who = WARS[war]
    specs = []
    for i in range(n):
        figures = [(*rng.choice(who), rng.choice(("killed", "displaced")), rng.choice((120, 121, 150, 300, 302, 900)),
                    rng.choice((None, None, "at least")), rng.randrange(2)) for _ in range(4)]
        specs.append((f"{war}_{i:03d}", START + timedelta(days=rng.randrange(56)), figures, f"Outlet {i % 5}"))
    return specs


def _articles(specs) -> list[Extraction]:
    return [_article(doc, day, figures, outlet=outlet) for doc, day, figures, outlet in specs]


def _spy_plans(monkeypatch) -> dict[str, list]:
    """What ``SeriesGain._plans`` was asked (``gained``) and planned, run by run."""
    seen: dict[str, list] = {"gained": [], "planned": []}
    real = stage_gain.SeriesGain._plans

    def spying(self, gained):
        found = real(self, gained)
        seen["gained"].append(set(gained))
        seen["planned"].append(set(found))
        return found

    monkeypatch.setattr(stage_gain.SeriesGain, "_plans", spying)
    return seen


def _spy_prefixes(monkeypatch) -> list[int]:
    """How many stored reports each run kept under points written again (``stage_points``)."""
    from sitrep.reconcile import stage_points

    kept: list[int] = []
    real = stage_points.PointWrites._report_prefixes

    def spying(self, before, p_rows, r_rows):
        found = real(self, before, p_rows, r_rows)
        kept.append(sum(n for _, n in found.values()))
        return found

    monkeypatch.setattr(stage_points.PointWrites, "_report_prefixes", spying)
    return kept


def _kept_points(store) -> set[tuple]:
    return set(store.connection.execute("SELECT series, row_hash FROM recon_points").fetchall())


@pytest.mark.parametrize("war,seed", [("syria", 1), ("sudan", 2), ("syria", 4)])
def test_reconcile_series_that_gains_claims_equals_its_full_rebuild(tmp_path, war, seed, same_as_fresh, monkeypatch):
    """New articles repeating stored figures, giving new ones between and after them, one
    agreeing with a figure of its day, and a wire copy of a stored article: the series that
    gained are built from their stored points, and equal a full recompute."""
    rng = random.Random(seed + 10)
    specs = _corpus(war, seed)
    base = _articles(specs)
    who = WARS[war]
    added = [_article(f"{war}_new_{i}", START + timedelta(days=rng.randrange(20, 64)),
                      [(*rng.choice(who), rng.choice(("killed", "displaced")), rng.choice((120, 150, 301, 302, 905)),
                        rng.choice((None, "at least")), 0) for _ in range(3)], outlet=f"Outlet {i % 7}")
             for i in range(6)]
    doc, day, figures, _ = specs[7]
    added.append(_article(doc + "_wire", day, figures, outlet="Wire Outlet", text=base[7].article.text))
    seen = _spy_plans(monkeypatch)
    reports_kept = _spy_prefixes(monkeypatch)
    with open_db(tmp_path / "x.duckdb") as store:
        store.write_many(base)
        reconcile(store)
        before = _kept_points(store)
        store.write_many(added)
        done = reconcile(store)
        assert done.new == len(added) and not done.full
        checks = same_as_fresh(store)
        assert all(checks.values()), checks
        assert seen["planned"][-1], "no series was built from its stored points"
        assert any(base[7].article.id + "_wire" in [m.doc for m in g.members] for g in store.copy_groups())
        kept = {s for s, _ in before & _kept_points(store)}
        assert kept & seen["planned"][-1]  # points of a grown series stayed as written
        assert reports_kept[-1]  # so did the reports of a point reported by more articles


def test_reconcile_series_that_loses_or_changes_a_claim_is_rebuilt_from_all_its_claims(tmp_path, same_as_fresh,
                                                                                       monkeypatch):
    """An article whose figure changed, and one removed: their series are not among those
    that only gained, and the results equal a full recompute."""
    base = _articles(_corpus("sudan", 3))
    seen = _spy_plans(monkeypatch)
    with open_db(tmp_path / "x.duckdb") as store:
        store.write_many(base)
        reconcile(store)
        changed = base[4]
        lost = {r[0] for r in store.connection.execute(
            "SELECT series FROM recon_claims WHERE doc IN (?, ?)", [changed.article.id, base[9].article.id]).fetchall()}
        text = changed.article.text + " Updated."
        store.write_many([replace(changed, article=replace(changed.article, text=text, content_hash=content_id(text)),
                                  claims=[replace(c, value=c.value + 7) for c in changed.claims[1:]])])
        for table, column in (("claims", "doc"), ("events", "doc"), ("place_mentions", "doc"), ("articles", "id")):
            store.connection.execute(f"DELETE FROM {table} WHERE {column} = ?", [base[9].article.id])
        done = reconcile(store)
        assert done.new == 1 and done.removed == 1 and not done.full
        checks = same_as_fresh(store)
        assert all(checks.values()), checks
        assert lost and not lost & seen["gained"][-1]


def test_reconcile_gained_claim_before_the_series_first_is_rebuilt_from_all_its_claims(tmp_path, same_as_fresh,
                                                                                      monkeypatch):
    """A new figure dated before a series' first (its claimant kind and scope are its first
    claim's): that series is built from all its claims; the others from their points."""
    base = _articles(_corpus("syria", 5))
    who, kind = WARS["syria"][0]
    early = _article("syria_early", START - timedelta(days=3), [(who, "ngo", "killed", 77, None, 0),
                                                                (who, kind, "displaced", 300, None, 60)])
    seen = _spy_plans(monkeypatch)
    with open_db(tmp_path / "x.duckdb") as store:
        store.write_many(base)
        reconcile(store)
        store.write_many([early])
        reconcile(store)
        key = store.connection.execute("SELECT series FROM recon_claims WHERE claim = ?",
                                       [early.claims[0].id]).fetchone()[0]
        checks = same_as_fresh(store)
        assert all(checks.values()), checks
        assert key in seen["gained"][-1] and key not in seen["planned"][-1]
        assert seen["planned"][-1]  # the series of its later figure grew from its points
        assert store.series(keys=[key])[0].claimant_kind == "ngo"


def _span(old: date | None, new: date | None, n_old: int = 1, n_new: int = 1) -> FigureSpan:
    return FigureSpan(n_old, old, n_new, new)


def test_reconcile_gain_days_are_the_changed_figures_and_their_neighbours():
    """The days built again: a grown figure's day before and after, and the stored day on
    either side; None (built from all claims) when a new claim may come first."""
    d = [START + timedelta(days=k) for k in range(10)]
    stored = sorted(day_of(x) for x in (d[0], d[2], d[4], d[6], d[8]))
    # A figure of day 4 reported again on day 9 keeps day 4; a new figure on day 7.
    spans = [_span(d[0], None, n_new=0), _span(d[4], d[9]), _span(None, d[7], n_old=0), _span(d[8], None, n_new=0)]
    assert days_to_rebuild(spans, stored) == {day_of(x) for x in (d[2], d[4], d[6], d[7], d[8])}
    # A figure first given on day 6 now reported on day 3: both days and their neighbours.
    assert days_to_rebuild([_span(d[0], None, n_new=0), _span(d[6], d[3])], stored) == \
        {day_of(x) for x in (d[2], d[3], d[4], d[6], d[8])}
    assert days_to_rebuild([_span(d[2], None, n_new=0), _span(None, d[1], n_old=0)], stored) is None
    assert days_to_rebuild([_span(d[2], None, n_new=0), _span(None, d[2], n_old=0)], stored) is None  # a tie
    assert days_to_rebuild([_span(None, d[5], n_old=0)], []) is None  # a new series


@pytest.mark.parametrize("war", ["syria", "sudan"])
def test_reconcile_report_among_stored_ones_keeps_those_before_it(tmp_path, war, same_as_fresh, monkeypatch):
    """A figure reported on six days, then by an article of the third day that also gives
    another figure on the first: the day is built again (a point of it is new), and the
    figure's report falls among the stored ones (reports go by date), so the first three
    stay as stored and only those from there on are written again; the result equals a
    full recompute. (Alone, the report is inserted in place: ``test_reconcile_touch``.)"""
    who, kind = WARS[war][0]
    base = _every_other_day(war, who, kind)
    late = _article(f"{war}_late", START + timedelta(days=5), [(who, kind, "killed", 440, None, 0),
                                                              (who, kind, "killed", 9100, None, -5)], outlet="Outlet 9")
    reports_kept = _spy_prefixes(monkeypatch)
    with open_db(tmp_path / "x.duckdb") as store:
        store.write_many(base)
        reconcile(store)
        store.write_many([late])
        reconcile(store)
        checks = same_as_fresh(store)
        assert all(checks.values()), checks
        (points,) = [s.points for s in store.series() if s.claimant == who]
        assert [r.doc for r in points[0].reports][3] == late.article.id
        assert reports_kept[-1] == 3


def test_reconcile_estimate_days_a_changed_figure_reaches():
    """A changed figure reaches the estimates of the days until its series' next date (before
    or after the run), at most ``max_age_days`` after it; all its dates when the whole
    series changed."""
    from sitrep.reconcile.scope import rules
    from sitrep.reconcile.stage_figures import reach_of

    max_age = rules()["estimate"]["max_age_days"]
    d = [START + timedelta(days=k) for k in range(0, 100, 5)]
    points = [("b", 1, "fp", "fig", x) for x in (d[0], d[1], d[2], d[12])] + [("b", None, "fp", "fig", None)]
    assert reach_of(points, {d[1]}) == [(d[1], d[2])]
    assert reach_of(points, {d[2]}) == [(d[2], d[2] + timedelta(days=max_age + 1))]  # the next is further
    assert reach_of(points, {d[12]}) == [(d[12], d[12] + timedelta(days=max_age + 1))]  # the last
    assert reach_of(points, None) == [(d[0], d[1]), (d[1], d[2]), (d[2], d[2] + timedelta(days=max_age + 1)),
                                      (d[12], d[12] + timedelta(days=max_age + 1))]


def test_reconcile_stored_pairs_looked_for_in_a_bucket_are_of_its_points_and_the_week_before():
    """A bucket compared again drops the stored pairs of the series it finds again: a pair
    joins two points of the bucket or of the one before, so only those points' refs are
    looked for, not every point a large series has in other weeks."""
    from sitrep.reconcile.stage_contradictions import ContradictionSteps
    from sitrep.reconcile.stage_figures import SeriesChange

    change = SeriesChange(built=[], keys={"s1", "s2"}, weights={}, sizes={}, was_in={})
    change.refs = {"s1": {("figures:b", k): {f"s1@{k}"} for k in (3, 4, 5, 9)},
                   "s2": {("figures:b", 5): {"s2@5"}, ("figures:other", 5): {"other@5"}}}
    assert ContradictionSteps._refs(change, ("figures:b", 5), {"s1", "s2"}, [], {}) == {"s1@4", "s1@5", "s2@5"}
    assert ContradictionSteps._refs(change, ("figures:b", 5), {"s2"}, [], {}) == {"s2@5"}
    assert ContradictionSteps._refs(change, ("figures:b", 10), {"s1"}, [], {}) == {"s1@9"}


def test_reconcile_window_places_of_a_series_built_in_part():
    """Where the points of a grown series go (``stage_window.layout``): the stored points of
    the days built again give way to the new ones, each run of such days is a segment with
    the kept point on either side, and the kept days after a segment move by the points it
    gained (all kept days' rows are rewritten in SQL when the series' size changes)."""
    from sitrep.reconcile.stage_window import Segment, layout

    d = [day_of(START + timedelta(days=k)) for k in range(10)]
    stored = [(d[0], 2), (d[2], 1), (d[4], 3), (d[6], 1), (d[8], 2)]
    # Day 4 gains a point, a new figure on day 5; days 2 and 6 are its neighbours.
    grown = layout(stored, {d[2], d[4], d[5], d[6]}, [d[2], d[4], d[4], d[4], d[4], d[5], d[6]])
    assert grown.n_points == 11
    assert grown.segments == [Segment(old_first=2, old_count=5, new_first=2, new_count=7, before=(1, 1), after=(7, 9))]
    assert grown.shifts == [(0, 2, 0), (7, 2, 2)]
    # The same number of points on the first day and on day 6: two segments, nothing moves.
    same = layout(stored, {d[0], d[6]}, [d[0], d[0], d[6]])
    assert same.segments == [Segment(0, 2, 0, 2, None, (2, 2)), Segment(6, 1, 6, 1, (5, 5), (7, 7))]
    assert (same.n_points, same.shifts) == (9, [])
    # The last day loses a point to a merge: the last segment has nothing after it.
    assert layout(stored, {d[6], d[8]}, [d[6], d[8]]).segments == [Segment(6, 3, 6, 2, (5, 5), None)]
    with pytest.raises(ValueError):
        layout(stored, {d[6]}, [d[6], d[7]])  # a point on a day not built again


def _rows(path) -> dict[str, list[tuple]]:
    """The stored series, points, reports, estimates and contradictions, row by row."""
    with open_db(path) as store:
        return {table: sorted(map(repr, store.connection.execute(f"SELECT * FROM {table}").fetchall()))
                for table in ("recon_series", "recon_points", "recon_reports", "recon_estimates",
                              "recon_contradictions")}


@pytest.mark.parametrize("war,seed", [("syria", 3), ("sudan", 6)])
def test_reconcile_series_built_in_part_stores_the_rows_of_a_rebuild(tmp_path, war, seed, same_as_fresh, monkeypatch):
    """A grown series passes only its days built again through the stage; its kept points
    move in SQL. Every stored row (places, sizes, digests, update pairs) equals a rebuild's,
    over three batches, and fewer points than the series hold passed through."""
    import shutil

    rng = random.Random(seed)
    specs = _corpus(war, seed, n=60)
    who = WARS[war]
    passed: list[tuple[int, int]] = []  # (points passed through, points of those series)
    real = stage_gain.SeriesGain._windows

    def spying(self, plans, copy_of):
        found = real(self, plans, copy_of)
        passed.append((sum(len(w.series.points) for w in found.values()),
                       sum(w.layout.n_points for w in found.values())))
        return found

    monkeypatch.setattr(stage_gain.SeriesGain, "_windows", spying)
    with open_db(tmp_path / "x.duckdb") as store:
        store.write_many(_articles(specs))
        reconcile(store)
        for batch in range(3):
            store.write_many([_article(f"{war}_b{batch}_{i}", START + timedelta(days=rng.randrange(8, 60)),
                                       [(*rng.choice(who), rng.choice(("killed", "displaced")),
                                         rng.choice((120, 150, 302, 640, 900)), rng.choice((None, "at least")), 0)
                                        for _ in range(2)], outlet=f"Outlet {i % 3}") for i in range(3)])
            reconcile(store)
        checks = same_as_fresh(store)
        assert all(checks.values()), checks
    shutil.copy(tmp_path / "x.duckdb", tmp_path / "full.duckdb")
    with open_db(tmp_path / "full.duckdb") as store:
        reconcile(store, full=True)
    assert _rows(tmp_path / "x.duckdb") == _rows(tmp_path / "full.duckdb")
    grown = [(through, total) for through, total in passed if total]
    assert len(grown) == 3 and all(through < total for through, total in grown)


def test_reconcile_claim_figures_of_an_older_database_are_filled_on_open(tmp_path, same_as_fresh, monkeypatch):
    """A database reconciled before ``recon_claims`` kept each claim's figure and date
    (migration 10) gets them on open, from its claims and articles; its grown series are
    then built in part, and equal a full recompute."""
    base = _articles(_corpus("sudan", 7))
    figures = "SELECT claim, day, value, low, high FROM recon_claims ORDER BY claim"
    with open_db(tmp_path / "x.duckdb") as store:
        store.write_many(base)
        reconcile(store)
        written = store.connection.execute(figures).fetchall()
        for column in ("day", "value", "low", "high"):  # as a database of migration 9 holds it
            store.connection.execute(f"ALTER TABLE recon_claims DROP COLUMN {column}")
        store.connection.execute("DELETE FROM schema_migrations WHERE version = 10")
    seen = _spy_plans(monkeypatch)
    with open_db(tmp_path / "x.duckdb") as store:
        assert store.connection.execute(figures).fetchall() == written
        assert any(day is not None for _, day, *_ in written) and any(value for *_, value, _, _ in written)
        who, kind = WARS["sudan"][1]
        store.write_many([_article("sudan_after", START + timedelta(days=30), [(who, kind, "killed", 302, None, 0)])])
        reconcile(store)
        checks = same_as_fresh(store)
        assert all(checks.values()), checks
        assert seen["planned"][-1]


class _CountedUpdates:
    """A connection that counts the ``UPDATE``s of contradictions run through it."""

    def __init__(self, con, seen: list[str]) -> None:
        self._con, self._seen = con, seen

    def execute(self, sql, *args):
        if "UPDATE recon_contradictions" in sql:
            self._seen.append(sql)
        return self._con.execute(sql, *args)

    def __getattr__(self, name):
        return getattr(self._con, name)


def test_reconcile_contradictions_article_lists_are_set_in_one_statement(tmp_path, same_as_fresh, monkeypatch):
    """Points reported by more articles: the lists of articles of both sides of their
    contradictions are set by one ``UPDATE`` (DuckDB writes a row whose list changes whole,
    once for both sides), and equal a full recompute."""
    from sitrep.reconcile.stage_io import StageIO

    updates: list[str] = []
    real = StageIO.__init__

    def counted(self, store, full, out):
        real(self, store, full, out)
        self.con = _CountedUpdates(self.con, updates)

    monkeypatch.setattr(StageIO, "__init__", counted)
    specs = _corpus("syria", 1)
    with open_db(tmp_path / "x.duckdb") as store:
        store.write_many(_articles(specs[:30]))
        reconcile(store)
        updates.clear()
        store.write_many(_articles([(doc + "_again", day, figures, "Outlet 9") for doc, day, figures, _ in specs[:6]]
                                   + specs[30:]))
        reconcile(store)
        checks = same_as_fresh(store)
        assert all(checks.values()), checks
        assert len(updates) == 1 and "a_docs" in updates[0] and "b_docs" in updates[0]


def _random_articles(war: str, rng, name: str, days: tuple[int, int], values: tuple[int, ...], shift, n: int) -> list:
    """``n`` articles of three random figures of ``war``'s claimants each, dated within
    ``days`` of START (``shift(rng)``: the last field of each figure), four outlets."""
    who = WARS[war]
    return [_article(f"{name}_{i}", START + timedelta(days=rng.randrange(*days)),
                     [(*rng.choice(who), rng.choice(("killed", "displaced")), rng.choice(values),
                       rng.choice((None, "at least")), shift(rng)) for _ in range(3)], outlet=f"Outlet {i % 4}")
            for i in range(n)]


def _every_other_day(war: str, who: str, kind: str) -> list:
    """Six articles, one every other day from START, each with the same figure of ``who``."""
    return [_article(f"{war}_day_{k}", START + timedelta(days=2 * k), [(who, kind, "killed", 440, None, 0)],
                     outlet=f"Outlet {k}") for k in range(6)]
