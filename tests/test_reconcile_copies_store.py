"""Wire copies from stored signatures: no text read, NULL rows signed lazily, same groups.

The banded, vectorised search must give exactly the groups of datasketch's streaming
``MinHashLSH`` (query then insert, each candidate checked with ``is_copy``), kept here as
the reference.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from importlib import resources

import pytest
from datasketch import MinHashLSH

from report_synth import extractions
from sitrep.ingest import iter_inputs
from sitrep.reconcile import copies, copy_search
from sitrep import minhash
from sitrep.minhash import pack_signature, signature, unpack_signature
from sitrep.records.groups import CopyGroup
from sitrep.reconcile.copies import _canonical_key, _group, _Sig, UnionFind, find_copies, is_copy
from sitrep.records import Article, Extraction, content_id
from sitrep.store import Store, open_db
from test_reconcile_copies import OTHER, Art, _wire


def _reference(articles: list[Art]) -> list[CopyGroup]:
    """The streaming datasketch search find_copies replaced (results must not change)."""
    lsh = MinHashLSH(threshold=copies.LSH_THRESHOLD, num_perm=minhash.NUM_PERM)
    sigs: dict[str, _Sig] = {}
    uf = UnionFind()
    for art in articles:
        if not art.text or art.id in sigs:
            continue
        mh, n = signature(art.text)
        if n < copies.MIN_SHINGLES:
            continue
        n_words = len(minhash._WORD.findall(art.text.lower()))
        sigs[art.id] = _Sig(art.outlet, art.published, n, n_words, mh.hashvalues.astype("uint32"))
        for other in lsh.query(mh):
            if is_copy(copies._jaccard(sigs[art.id].hashes, sigs[other].hashes), n,
                       sigs[other].n_shingles):
                uf.union(art.id, other)
        lsh.insert(art.id, mh)
    members: dict[str, list[str]] = {}
    for doc in uf.parent:
        members.setdefault(uf.find(doc), []).append(doc)
    groups = [_group(d, sigs) for d in members.values() if len(d) > 1]
    groups.sort(key=lambda g: (-len(g.members), g.canonical))
    assert all(_canonical_key(g.canonical, sigs[g.canonical]) <= _canonical_key(d, sigs[d])
               for g in groups for d in g.docs)
    return groups


def _corpus(n: int = 400, seed: int = 5) -> list[Art]:
    """Templated synthetic articles (many LSH candidates) plus trimmed and edited copies."""
    rng = random.Random(seed)
    base = [x.article for x in extractions(n, seed=seed)]
    arts = [Art(a.id, a.outlet, a.published, a.text) for a in base]
    for a in base[::10]:
        words = a.text.split()
        for v in range(rng.randrange(1, 4)):
            kind = rng.randrange(4)
            if kind == 0:
                text = "Home | World | Sport " + a.text + " All rights reserved."
            elif kind == 1:
                text = " ".join(words[:int(len(words) * rng.uniform(0.4, 0.9))])
            elif kind == 2:
                cut = rng.randrange(len(words))
                text = " ".join(words[:cut] + words[cut + rng.randrange(5, 40):])
            else:
                text = " ".join(w if rng.random() > 0.15 else "x" for w in words)
            day = None if rng.random() < 0.2 else a.published + timedelta(days=rng.randrange(-2, 3))
            arts.append(Art(f"{a.id}_v{v}", f"Copy {v}", day, text))
    arts += [Art("wire", "Wire", date(2024, 5, 7), _wire()),
             Art("wire_copy", "Planet", date(2024, 5, 8), _wire("Other headline", drop=2)),
             Art("other", "Planet", date(2024, 5, 8), "\n".join(OTHER)),
             Art("brief", None, None, "Too short to call a copy."), Art("empty", None, None, None)]
    rng.shuffle(arts)
    return arts


def _store(path, arts: list[Art]) -> Store:
    store = open_db(path)
    store.write_many(Extraction(Article(a.id, a.text, content_id(a.text), outlet=a.outlet,
                                        published=a.published)) for a in arts if a.text)
    return store


def _no_text(*args: object, **kwargs: object) -> None:
    raise AssertionError("article text was read")


@pytest.fixture(scope="module")
def corpus() -> list[Art]:
    return _corpus()


@pytest.fixture(scope="module")
def expected(corpus) -> list[CopyGroup]:
    groups = _reference(corpus)
    assert len(groups) >= 20  # the corpus really has copies to find
    return groups


def test_reconcile_copies_store_same_groups_as_reference(corpus, expected) -> None:
    assert find_copies(corpus) == expected
    assert find_copies(iter(corpus)) == expected


@pytest.mark.parametrize("chunk", [1, 7, 100_000])
def test_reconcile_copies_store_chunking_does_not_change_groups(monkeypatch, corpus, expected,
                                                                chunk) -> None:
    monkeypatch.setattr(copy_search, "PAIR_CHUNK", chunk)
    assert find_copies(corpus) == expected


def test_reconcile_copies_store_reads_signatures_not_text(tmp_path, monkeypatch, corpus,
                                                          expected) -> None:
    with _store(tmp_path / "s.duckdb", corpus) as store:
        nulls = store.connection.execute(
            "SELECT count(*) FROM articles WHERE minhash IS NULL").fetchone()
        assert nulls == (0,)  # signed when written
        monkeypatch.setattr(Store, "iter_texts", _no_text)
        monkeypatch.setattr(Store, "iter_articles", _no_text)
        assert find_copies(store) == expected


def test_reconcile_copies_store_null_rows_signed_once(tmp_path, monkeypatch, corpus,
                                                      expected) -> None:
    path = tmp_path / "n.duckdb"
    _store(path, corpus).close()
    with open_db(path) as store:
        store.connection.execute("UPDATE articles SET minhash = NULL WHERE hash(id) % 2 = 0")
        assert find_copies(store) == expected  # NULL rows signed from their text ...
        left = store.connection.execute("SELECT count(*) FROM articles WHERE minhash IS NULL")
        assert left.fetchone() == (0,)  # ... and their signatures kept
        monkeypatch.setattr(Store, "iter_texts", _no_text)
        assert find_copies(store) == expected  # the next time reads no text


def test_reconcile_copies_store_read_only_signs_without_writing(tmp_path, corpus,
                                                                expected) -> None:
    path = tmp_path / "r.duckdb"
    with _store(path, corpus) as store:
        store.connection.execute("UPDATE articles SET minhash = NULL WHERE id LIKE 'wire%'")
    with open_db(path, read_only=True) as store:
        assert find_copies(store) == expected
        nulls = store.connection.execute("SELECT count(*) FROM articles WHERE minhash IS NULL")
        assert nulls.fetchone() == (2,)


def test_reconcile_copies_store_other_format_is_signed_again(tmp_path, monkeypatch) -> None:
    arts = [Art("wire", "Wire", date(2024, 5, 7), _wire()),
            Art("copy", "Planet", date(2024, 5, 8), _wire("Other"))]
    with _store(tmp_path / "f.duckdb", arts) as store:
        blob = store.connection.execute("SELECT minhash FROM articles WHERE id = 'copy'").fetchone()[0]
        assert unpack_signature(blob) is not None
        monkeypatch.setattr(minhash, "SIGNATURE_FORMAT", minhash.SIGNATURE_FORMAT + 1)
        assert unpack_signature(blob) is None  # a stale blob is never compared
        groups = find_copies(store)
        assert [g.docs for g in groups] == [["wire", "copy"]]
        fresh = store.connection.execute("SELECT minhash FROM articles WHERE id = 'copy'").fetchone()[0]
        assert unpack_signature(fresh) is not None and fresh != blob


def test_reconcile_copies_store_signature_roundtrip() -> None:
    text = _wire()
    n_shingles, n_words, hashes = unpack_signature(pack_signature(text))
    mh, n = signature(text)
    assert n_shingles == n and n_words == len(minhash._WORD.findall(text))
    assert hashes == mh.hashvalues.astype("<u4").tobytes()
    assert unpack_signature(None) is None and unpack_signature(b"short") is None


def test_reconcile_copies_store_sample_wire_copy(tmp_path, monkeypatch) -> None:
    sample = resources.files("sitrep") / "data" / "sample"
    articles = [a for a in iter_inputs([str(sample)]) if isinstance(a, Article)]
    before = find_copies(articles)
    assert [(g.canonical, [m.doc for m in g.members]) for g in before] == [
        ("sample_01_wire_lpa", ["sample_02_wire_copy_gmp"])]
    with open_db(tmp_path / "sample.duckdb") as store:
        store.write_many(Extraction(a) for a in articles)
        monkeypatch.setattr(Store, "iter_texts", _no_text)
        assert find_copies(store) == before


def test_reconcile_copies_extended_with_new_articles_equal_a_full_search(tmp_path):
    """Groups found again from the stored ones and the new articles' buckets only are the
    groups of a full search, for any split of the corpus into old and new."""
    from sitrep.reconcile.copies import copy_map, extend_copies

    arts = _corpus(300, seed=9)
    rng = random.Random(4)
    with open_db(tmp_path / "c.duckdb") as store:
        store.write_many(Extraction(Article(a.id, a.text, content_id(a.text), outlet=a.outlet,
                                            published=a.published), [], [], []) for a in arts)
        full = find_copies(store)
        assert full
        for _ in range(4):
            new = {a.id for a in arts if rng.random() < rng.choice((0.05, 0.3, 0.7))}
            old_groups: dict[str, list[str]] = {}
            # The groups the old articles alone make (what a store held before the new ones).
            olds = [a for a in arts if a.id not in new]
            for doc, head in copy_map(find_copies(olds)).items():
                old_groups.setdefault(head, []).append(doc)
            assert extend_copies(store, old_groups.values(), new) == full
