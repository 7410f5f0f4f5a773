"""What the reconcile stage needs from the text is read at extraction and stored with the
article (``extract.readings``: claim scopes, named actors, actor labels): the store keeps it,
the reconcile stage reads it without text, and old stores are read again by the pipeline
(``backfill``) with identical results (issue 13, point 2)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from sitrep.backfill import ensure_reconciled, read_stored, reconcile_store
from sitrep.extract.actors import load_actors
from sitrep.extract.labels import actor_labels, framing_words
from sitrep.extract.readings import claim_scope, names_group
from sitrep.sentences import split_sentences
from sitrep.reconcile import reconcile
from sitrep.store import open_db

pytestmark = pytest.mark.slow

# Our own sentences, one article a line, from several wars (two outlets share Syria).
ARTICLES = [
    ("syria_hama", "Levant Wire", "2024-12-05",
     "Islamist rebels entered Hama on Thursday as regime forces pulled back to the south. "
     "The UN said 115,000 people had been newly displaced across Idlib and northern Aleppo since the offensive began. "
     "The Syrian Observatory for Human Rights said an airstrike on a market in Idlib killed 12 civilians on Wednesday. "
     "\"The terrorists will be crushed,\" the Syrian army said."),
    ("syria_citadel", "Levant Wire", "2024-12-06",
     "Hayat Tahrir al-Sham fighters held the citadel of Hama on Friday. "
     "The UN said 280,000 people had been displaced in north-west Syria. "
     "The Syrian Observatory for Human Rights said the death toll of the offensive had risen to 826."),
    ("syria_state", "State Courier", "2024-12-06",
     "The Syrian Arab Army said it had repelled terrorists near Hama. "
     "The Syrian Observatory for Human Rights said 790 people had been killed since the offensive began."),
    ("sudan_fasher", "Nile Courier", "2024-06-10",
     "RSF militiamen stormed the market in El Fasher on Sunday, residents said. "
     "Doctors Without Borders said an RSF drone strike on the Saudi hospital in El Fasher killed 19 patients. "
     "The Sudanese army said its troops had repelled the attack."),
    ("ukraine_odesa", "Dnipro Daily", "2024-03-05",
     "Russian occupiers shelled Kherson overnight, the regional governor said. "
     "A Russian missile strike on Odesa killed 9 people, Ukraine's emergency service said. "
     "Ukrainian forces said they had repelled an assault near Avdiivka."),
    ("gaza_shifa", "Coastal Times", "2023-11-05",
     "Hamas militants ambushed an Israeli patrol in Khan Younis. "
     "The Gaza health ministry said more than 9,400 people had been killed in the territory since October 7. "
     "Al-Shifa Hospital said 25 bodies had been brought in on Sunday."),
]
DOCS = [a[0] for a in ARTICLES]


@pytest.fixture(scope="module")
def readings_db(tmp_path_factory) -> Path:
    """The articles run through the pipeline (``sitrep run``): copy it before writing."""
    from sitrep.pipeline import run

    folder = tmp_path_factory.mktemp("readings")
    lines = [json.dumps({"id": doc, "outlet": outlet, "published": day, "title": doc, "text": text})
             for doc, outlet, day, text in ARTICLES]
    (folder / "articles.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    db = folder / "readings.duckdb"
    run([folder / "articles.jsonl"], db)
    return db


@pytest.fixture()
def copy_db(readings_db, tmp_path) -> Path:
    target = tmp_path / "copy.duckdb"
    shutil.copy(readings_db, target)
    return target


def results(store) -> dict:
    """Everything the reconcile stage stores, as records."""
    return {"series": store.series(), "estimates": store.estimates(), "contradictions": store.contradictions(),
            "stories": store.stories(), "framing": store.framing(), "outlets": store.outlet_framing(),
            "copies": store.copy_groups()}


def readings(store) -> dict:
    """What extraction read for the reconcile stage, as stored."""
    claims = {c.id: (c.scope_region, c.scope_region_text, c.scope_place, c.scope_incident, c.scope_facility)
              for c in store.claims()}
    events = {e.id: (e.actor1_named, e.actor2_named) for e in store.events()}
    return {"claims": claims, "events": events, "labels": list(store.iter_labels())}


def make_old(store) -> None:
    """Clear what extraction now stores, as in a store written before migration 8."""
    con = store.connection
    con.execute("UPDATE articles SET read_for_reconcile = NULL")
    con.execute("UPDATE claims SET scope_region = NULL, scope_region_text = NULL, scope_place = NULL, "
                "scope_incident = NULL, scope_facility = NULL")
    con.execute("UPDATE events SET actor1_named = NULL, actor2_named = NULL")
    con.execute("DELETE FROM actor_labels")


@pytest.mark.parametrize("doc", DOCS)
def test_store_readings_round_trip(readings_db, doc):
    """The stored readings are those extraction's functions give on the stored rows and text."""
    lexicon = load_actors()
    with open_db(readings_db, read_only=True) as store:
        claims = store.claims(doc=doc)
        assert claims, doc
        for c in claims:
            assert c.scope is not None and c.scope == claim_scope(c)
        for e in store.events(doc=doc):
            assert (e.actor1_named, e.actor2_named) == (names_group(e.actor1, lexicon), names_group(e.actor2, lexicon))
        (_, text), = store.iter_texts([doc])
        labels = store.labels_of([doc])
        assert labels and labels == sorted(actor_labels(doc, text, lexicon, framing_words(lexicon), split_sentences(text)),
                                           key=lambda r: (r.example_start, r.label_key, r.voice, r.label))
        assert store.unread_articles() == []


@pytest.mark.parametrize(("doc", "field", "value"), [
    ("syria_hama", "scope_region", "idlib + northern aleppo"),
    ("syria_citadel", "scope_region", "north-west syria"),
    ("sudan_fasher", "scope_incident", True),
    ("ukraine_odesa", "scope_incident", True),
    ("gaza_shifa", "scope_facility", True),
])
def test_store_readings_scope_columns(readings_db, doc, field, value):
    with open_db(readings_db, read_only=True) as store:
        assert value in [getattr(c, field) for c in store.claims(doc=doc)]


def test_store_readings_not_exported(readings_db):
    """The readings are for the reconcile stage: exports keep the contract's columns."""
    from io import StringIO

    from sitrep.publish.exports import export_claims

    with open_db(readings_db, read_only=True) as store:
        out = StringIO()
        export_claims(store, out, "jsonl")
    row = json.loads(out.getvalue().splitlines()[0])
    assert not any(key.startswith("scope_") for key in row) and "mentions" in row


def test_reconcile_reads_stored_rows_not_text(copy_db, monkeypatch):
    """With every text replaced and extraction's readers broken, the stage rebuilds the same."""
    from sitrep.extract import labels, scope_text
    from sitrep.extract.actors import ActorLexicon

    with open_db(copy_db) as store:
        before = results(store)
        store.connection.execute("UPDATE articles SET text = 'Nothing to read here.'")

        def boom(*args, **kwargs):
            raise AssertionError("the reconcile stage read text")

        for module, name in ((labels, "label_uses"), (scope_text, "find_regions"), (ActorLexicon, "match")):
            monkeypatch.setattr(module, name, boom)
        done = reconcile_store(store, full=True)
        assert done.full and results(store) == before


def test_pipeline_backfill_old_store(copy_db):
    """A store whose articles were extracted before migration 8 is read again before the
    reconcile stage: the readings and every result are the same as a fresh store's."""
    with open_db(copy_db) as store:
        before, stored = results(store), readings(store)
        make_old(store)
        assert sorted(store.unread_articles()) == sorted(DOCS)
        reconcile(store, full=True)  # without the backfill: no labels, no regions
        assert not store.framing() and results(store) != before
        make_old(store)
        done = reconcile_store(store, full=True)
        assert done.full and store.unread_articles() == []
        assert readings(store) == stored
        assert results(store) == before


def test_pipeline_backfill_on_read(copy_db):
    """A reader that finds the results stale (another version) reads old articles first."""
    from sitrep.store import reconciled as recon

    with open_db(copy_db) as store:
        before = results(store)
        make_old(store)
        recon.set_state(store.connection, {"fingerprint": "an older version"})
        assert ensure_reconciled(store) is not None
        assert results(store) == before and store.unread_articles() == []
        assert read_stored(store) == 0  # nothing left to read
        assert ensure_reconciled(store) is None


def test_pipeline_backfill_pre_migration_schema(readings_db, tmp_path):
    """A database made with the schema before migration 8 (its rows copied from a fresh
    one) migrates on open, and its articles are read again with the same results."""
    import duckdb

    from sitrep.store.migrations import MIGRATIONS, apply_migrations

    with open_db(readings_db, read_only=True) as store:
        before = results(store)
        stored = readings(store)
    old = tmp_path / "old.duckdb"
    con = duckdb.connect(str(old))
    apply_migrations(con, tuple(m for m in MIGRATIONS if m.version < 8))
    con.execute(f"ATTACH '{readings_db}' AS fresh (READ_ONLY)")
    for table in ("articles", "claims", "events", "place_mentions"):
        columns = ", ".join(f'"{name}"' for (name,) in con.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_catalog = 'old' AND table_name = ? "
            "ORDER BY ordinal_position", [table]).fetchall())
        con.execute(f"INSERT INTO {table} ({columns}) SELECT {columns} FROM fresh.{table}")
    con.close()
    with open_db(old) as store:
        assert sorted(store.unread_articles()) == sorted(DOCS) and not list(store.iter_labels())
        reconcile_store(store)
        assert readings(store) == stored
        assert results(store) == before
