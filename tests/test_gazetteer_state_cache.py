"""The gazetteer's in-memory layers read from the cache folder: the same layers and the
same lookups as built from the files, rebuilt when an input changes or the file is damaged."""

from __future__ import annotations

import pytest

from sitrep.extract.gazetteer import index_path, lookup
from sitrep.lexicon import state_cache

NAMES = ["Kharkiv", "Khan Younis", "El Fasher", "Idlib", "Sagaing", "Lebanon", "Illinois", "Middle East"]


@pytest.fixture()
def cache(tmp_path, monkeypatch):
    index = index_path()  # the machine's index, found before the cache folder moves
    if not index.exists():
        lookup.Gazetteer()  # builds it
    monkeypatch.setenv("SITREP_CACHE_DIR", str(tmp_path))
    return index, tmp_path / "state"


def _gazetteer(index, tmp_path):
    return lookup.Gazetteer(index=index, extra=tmp_path / "no-extra.sqlite")


def _looked_up(g):
    return {name: [(c.place.name, c.place.country, c.place.feature, c.match) for c in g.candidates(name)]
            for name in NAMES}


def test_gazetteer_layers_read_from_the_cache_equal_the_built(cache, tmp_path, monkeypatch):
    index, folder = cache
    built = _gazetteer(index, tmp_path)
    (path,) = folder.glob("gazetteer-*.pickle")

    def refuse(self, coords):
        raise AssertionError("built again")

    monkeypatch.setattr(lookup.Gazetteer, "_build_layers", refuse)
    read = _gazetteer(index, tmp_path)
    for name in lookup.LAYERS:
        assert getattr(read, name) == getattr(built, name), name
    assert _looked_up(read) == _looked_up(built)
    assert _looked_up(read)["Khan Younis"] and _looked_up(read)["Sagaing"]
    assert list(folder.glob("gazetteer-*.pickle")) == [path]


def test_gazetteer_layers_rebuilt_when_a_file_changes_or_is_damaged(cache, tmp_path, monkeypatch):
    index, folder = cache
    built = _gazetteer(index, tmp_path)
    (path,) = folder.glob("gazetteer-*.pickle")
    path.write_bytes(path.read_bytes()[:1000])  # cut short, as by a full disk
    again = _gazetteer(index, tmp_path)
    assert _looked_up(again) == _looked_up(built) and path.stat().st_size > 1000
    inputs = lookup.layer_inputs
    monkeypatch.setattr(lookup, "layer_inputs", lambda coords: [*inputs(coords), b"an edited admin1.json"])
    _gazetteer(index, tmp_path)
    assert len(list(folder.glob("gazetteer-*.pickle"))) == 2


def test_gazetteer_state_cache_read_only_folder_still_builds(tmp_path, monkeypatch):
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    monkeypatch.setenv("SITREP_CACHE_DIR", str(blocked))
    assert state_cache.cached_state("probe", [b"x"], lambda: {"Hama": 1}) == {"Hama": 1}
