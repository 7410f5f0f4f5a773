"""The trie-shaped alternation matches exactly what the flat alternation of the same words
matches (it is only faster), including words that are prefixes of others."""

import re

import pytest

from sitrep.lexicon.patterns import trie_pattern

WORDS = ["kill", "killed", "killing", "death toll", "dead", "deaths", "displace", "displaced people", "flee",
         "fled", "taken prisoner", "take", "toll"]


def _flat(words):
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


@pytest.mark.parametrize("text", [
    "Shelling killed 12 people in Kharkiv.", "The death  toll rose to 40 in Khan Younis.", "Thousands fled Goma.",
    "They were taken prisoner near Bakhmut.", "Nobody was hurt in Marib.", "The deadline passed in El Fasher.",
    "A take-over of the base at Kidal.", "KILLED: 86", "tolls on the road",
])
def test_lexicon_trie_matches_as_the_flat_alternation(text):
    for edge in (r"\b(?:{})", r"\b(?:{})\b"):
        flat = re.compile(edge.format(_flat(WORDS)), re.IGNORECASE)
        trie = re.compile(edge.format(trie_pattern(WORDS)), re.IGNORECASE)
        assert bool(flat.search(text)) == bool(trie.search(text))
        assert [m.span() for m in flat.finditer(text)] == [m.span() for m in trie.finditer(text)]


def test_lexicon_trie_of_nothing_is_empty():
    assert trie_pattern([]) == ""


# Enough phrases from several wars for the trie to be kept in the cache folder.
MANY = [f"{word} {chr(97 + i % 26)}{chr(97 + i // 26 % 26)}" for i in range(0, 676, 3)
        for word in ("brigade", "battalion")] + ["Rapid Support Forces", "Arakan Army", "al-Shabaab"]


def test_lexicon_trie_is_read_from_the_cache_the_second_time(tmp_path, monkeypatch):
    monkeypatch.setenv("SITREP_CACHE_DIR", str(tmp_path))
    from sitrep.lexicon import patterns

    assert len(MANY) >= patterns.MIN_CACHED_KEYS
    built = trie_pattern(MANY)
    files = list((tmp_path / "trie").glob("*.txt"))
    assert len(files) == 1 and files[0].read_text(encoding="utf-8") == built
    assert trie_pattern(reversed(MANY + MANY[:5])) == built  # order and repeats do not matter
    files[0].write_text("(?:stale)", encoding="utf-8")
    assert trie_pattern(MANY) == "(?:stale)"  # proof the file is what was read
    assert trie_pattern(MANY + ["Hezbollah"]) != "(?:stale)"  # other phrases, another file


def test_lexicon_trie_cache_is_keyed_by_the_writer_of_characters(tmp_path, monkeypatch):
    monkeypatch.setenv("SITREP_CACHE_DIR", str(tmp_path))
    plain = trie_pattern(MANY)
    spaced = trie_pattern(MANY, lambda ch: r"[ ]" if ch == " " else re.escape(ch))
    assert plain != spaced and r"[ ]" in spaced


def test_lexicon_trie_unwritable_cache_still_builds(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("SITREP_CACHE_DIR", str(blocker))
    flat = re.compile(r"\b(?:" + _flat(MANY) + r")\b", re.IGNORECASE)
    trie = re.compile(r"\b(?:" + trie_pattern(MANY) + r")\b", re.IGNORECASE)
    text = "The brigade ad and battalion zz met Rapid  Support Forces near the al-Shabaab base."
    assert [m.span() for m in flat.finditer(text)] == [m.span() for m in trie.finditer(text)]
