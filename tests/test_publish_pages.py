"""What the read commands show: a page of rows and the total they come from, counted by the
database; places grouped as written and resolved; contradictions for another window."""

from __future__ import annotations

from dataclasses import replace

import pytest

from report_synth import extractions
from sitrep.publish.pages import claims_page, contradictions_page, events_page, place_groups
from sitrep.reconcile import DEFAULT_WINDOW_DAYS, contradictions_for_window, reconcile
from sitrep.records import Place, PlaceMention
from sitrep.store import open_db


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("pages") / "p.duckdb"
    found = list(extractions(12))
    first = found[0]
    # One mention left unresolved, one of a country (context, not a place an event can have),
    # one resolved only to its province: what `sitrep places --unresolved` is for.
    syria = Place("Syria", 35.0, 38.0, "SY", feature="country")
    first.places += [PlaceMention(first.article.id, "Kafr Nabudah", 0, 5, None, None, "unresolved"),
                     PlaceMention(first.article.id, "Syria", 6, 11, syria, 1, "country"),
                     replace(first.places[0], precision=3, rule="province-only")]
    with open_db(path) as store:
        store.write_many(found)
        reconcile(store)
    return path


def test_publish_pages_claims_page_counts_every_match(db):
    with open_db(db, read_only=True) as store:
        every = store.claims(quantity="killed")
        rows, total = claims_page(store, limit=3, quantity="killed")
    assert rows == every[:3] and total == len(every) > 3


def test_publish_pages_events_page_counts_every_match(db):
    with open_db(db, read_only=True) as store:
        every = store.events()
        rows, total = events_page(store, limit=5)
        _, none = events_page(store, limit=5, doc="no such article")
    assert rows == every[:5] and total == len(every) == 24 and none == 0


def test_publish_pages_place_groups_most_mentioned_first(db):
    with open_db(db, read_only=True) as store:
        mentions = store.place_mentions()
        groups = place_groups(store)
    assert sum(g.mentions for g in groups) == len(mentions)
    assert [g.mentions for g in groups] == sorted((g.mentions for g in groups), reverse=True)
    assert all(g.articles <= g.mentions for g in groups)


def test_publish_pages_unresolved_places_leave_countries_out(db):
    with open_db(db, read_only=True) as store:
        groups = place_groups(store, unresolved=True)
    assert {(g.text, g.rule) for g in groups} >= {("Kafr Nabudah", "unresolved")}
    assert all(g.rule != "country" and not g.resolved for g in groups)
    assert any(g.precision == 3 for g in groups)


def test_publish_pages_contradictions_of_another_window(db):
    with open_db(db, read_only=True) as store:
        stored = contradictions_page(store, kind=None, window=DEFAULT_WINDOW_DAYS, limit=5)
        assert stored == store.contradictions_page(kind=None, limit=5)
        wide = [c for c in contradictions_for_window(store, 30) if c.kind == "genuine"]
        assert len(wide) > 2
        assert contradictions_page(store, kind="genuine", window=30, limit=2) == (wide[:2], len(wide))
