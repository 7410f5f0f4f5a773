"""The compiled-regex cache: the same matches as ``re.compile``, from the cache the second
time, and a damaged cache file costs time, never a wrong match."""

import re

import pytest

from sitrep.lexicon import regex_cache
from sitrep.extract.name_text import alias_regex

# Aliases from several wars; the trie makes them one long pattern.
ALIASES = [f"{word} {chr(97 + i % 26)}{chr(97 + i // 26 % 26)}{chr(97 + i // 676)}"
           for i in range(0, 3000, 7) for word in ("brigade", "battalion", "front")] + [
    "Rapid Support Forces", "Arakan Army", "Hayat Tahrir al-Sham", "Palestine Red Crescent",
    "Ukrainian General Staff", "Houthi Health Ministry", "Tigray People's Liberation Front"]
TEXT = ("The Rapid Support Forces said on Monday that Brigade 17 had entered the town; the "
        "Arakan Army denied it. Hayat Tahrir al-Sham and the Palestine Red Crescent, the "
        "Tigray People’s Liberation Front and the ukrainian general staff. Front kb and front kbaa.")


@pytest.fixture()
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("SITREP_CACHE_DIR", str(tmp_path))
    return tmp_path / "regex"


def _spans(rx):
    return [(m.start(), m.end(), m.group(0)) for m in rx.finditer(TEXT)]


def test_regex_cache_matches_like_re_compile_and_is_reused(cache):
    fresh = alias_regex([a.lower() for a in ALIASES], re.IGNORECASE)
    assert len(fresh.pattern) >= regex_cache.MIN_CACHED_PATTERN
    files = list(cache.glob("*.bin"))
    assert len(files) == 1
    again = regex_cache.compile_cached(fresh.pattern, re.IGNORECASE)
    plain = re.compile(fresh.pattern, re.IGNORECASE)
    assert _spans(again) == _spans(plain) == _spans(fresh)
    assert ("Rapid Support Forces" in [s[2] for s in _spans(again)]
            and "Tigray People’s Liberation Front" in [s[2] for s in _spans(again)])
    assert list(cache.glob("*.bin")) == files


def test_regex_cache_damaged_file_is_rebuilt(cache):
    pattern = alias_regex([a.lower() for a in ALIASES], re.IGNORECASE).pattern
    (path,) = cache.glob("*.bin")
    raw = path.read_bytes()
    path.write_bytes(raw[: len(raw) // 2])  # cut in half, as by a full disk
    rx = regex_cache.compile_cached(pattern, re.IGNORECASE)
    assert _spans(rx) == _spans(re.compile(pattern, re.IGNORECASE))
    assert path.read_bytes() == raw


def test_regex_cache_short_patterns_are_not_stored(cache):
    rx = regex_cache.compile_cached(r"\bHama\b")
    assert rx.search("east of Hama") and not cache.exists()


def test_regex_cache_read_only_folder_still_compiles(tmp_path, monkeypatch):
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    monkeypatch.setenv("SITREP_CACHE_DIR", str(blocked))
    pattern = alias_regex([a.lower() for a in ALIASES], re.IGNORECASE).pattern
    assert _spans(regex_cache.compile_cached(pattern, re.IGNORECASE)) == _spans(re.compile(pattern, re.IGNORECASE))
