"""The claimants lexicon read from the cache folder: the same entries as built from the
files, and built again when a claimant file changes."""

from __future__ import annotations

import json

import pytest

from sitrep.extract import claimant_files


@pytest.fixture()
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("SITREP_CACHE_DIR", str(tmp_path))
    claimant_files.load_claimants.cache_clear()
    yield tmp_path / "state"
    claimant_files.load_claimants.cache_clear()


def _entries(lex):
    return lex.entries, lex.acronyms, lex.parents, [(k, rx.pattern) for k, rx in lex.kind_words]


def test_claimants_lexicon_read_from_the_cache_equals_the_built(cache, monkeypatch):
    built = claimant_files.load_claimants()
    (path,) = cache.glob("claimants-*.pickle")
    claimant_files.load_claimants.cache_clear()

    def refuse(files):
        raise AssertionError("built again")

    monkeypatch.setattr(claimant_files, "_build", refuse)
    read = claimant_files.load_claimants()
    assert _entries(read) == _entries(built)
    for text, countries, name in [("the Sudanese Doctors Network said", ["SD"], "Sudan Doctors Network"),
                                  ("al-Shabaab said in a statement", ["SO"], "al-Shabaab"),
                                  ("the Gaza health ministry said", ["PS"], None)]:
        assert [m.claimant.name for m in read.find(text, countries)] == \
            [m.claimant.name for m in built.find(text, countries)]
        assert name is None or name in [m.claimant.name for m in read.find(text, countries)]


def test_claimants_lexicon_built_again_when_a_file_changes(cache, tmp_path):
    extra = tmp_path / "mine.json"
    extra.write_text(json.dumps({"countries": ["MM"], "claimants": [
        {"name": "Karenni Nationalities Defense Force", "kind": "opposition", "aliases": ["KNDF"]}]}))
    first = claimant_files.load_claimants((extra,))
    assert "kndf" in first.entries
    extra.write_text(json.dumps({"countries": ["MM"], "claimants": [
        {"name": "Karenni Nationalities Defense Force", "kind": "opposition", "aliases": ["KNDF", "the Karenni force"]}]}))
    claimant_files.load_claimants.cache_clear()
    second = claimant_files.load_claimants((extra,))
    assert "the karenni force" in second.entries and "the karenni force" not in first.entries
    assert len(list(cache.glob("claimants-*.pickle"))) == 2
