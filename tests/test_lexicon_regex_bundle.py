"""The start-up's regex bundle: patterns placed in ``re``'s cache match as ``re.compile``'s,
a changed package starts a new bundle, and a damaged file costs time, never a wrong match."""

import re

import pytest

from sitrep.lexicon import regex_bundle

# Patterns shaped like the rules' (named groups, flags, look-arounds), with sentences from
# several wars.
PATTERNS = [
    (r"(?P<count>\d[\d,]*)\s+(?:civilians|soldiers|fighters)\s+(?:were\s+)?killed", re.IGNORECASE),
    (r"\b(?:captured|seized|took)\s+(?:the\s+)?(?:town|village)\s+of\s+(?P<place>[A-Z][\w'-]+)", 0),
    (r"(?<=\bin\s)(?P<town>El[- ]Fasher|Khan Younis|Bakhmut|Myawaddy)\b", re.IGNORECASE | re.MULTILINE),
]
TEXT = ("Health officials said 1,200 civilians were killed in Khan Younis. Russian forces captured "
        "the town of Bakhmut; the RSF seized the village of Umm Kadada near El Fasher, and 30 "
        "soldiers killed in Myawaddy were named. 45 FIGHTERS KILLED in El-Fasher.")


@pytest.fixture()
def bundle(tmp_path, monkeypatch):
    """A cache folder of its own and a package of two files, so the digest is the test's."""
    monkeypatch.setenv("SITREP_CACHE_DIR", str(tmp_path / "cache"))
    package = tmp_path / "package"
    package.mkdir()
    (package / "rules.py").write_text("RULES = 1\n")
    (package / "words.json").write_text('["killed"]\n')
    monkeypatch.setattr(regex_bundle, "_PACKAGE", package)
    regex_bundle._package_digest.cache_clear()
    cache = re._cache
    kept = dict(cache)  # the suite's own compiled patterns, given back after the test
    yield package
    regex_bundle._package_digest.cache_clear()
    cache.clear()
    cache.update(kept)


def _purge():
    """re's cache emptied, as at a fresh start (the mark compiled as ``sitrep``'s import does)."""
    re.purge()
    regex_bundle.mark_start()


def _matches(rx):
    return [(m.span(), m.groupdict()) for m in rx.finditer(TEXT)]


def _compiled_fresh(pattern, flags):
    from re import _compiler

    return _compiler.compile(pattern, flags)


def test_regex_bundle_patterns_match_like_re_compile(bundle):
    _purge()
    for pattern, flags in PATTERNS:
        re.compile(pattern, flags)
    assert regex_bundle.save()
    re.purge()
    assert regex_bundle.preload() >= len(PATTERNS) and regex_bundle.holds_start()
    for pattern, flags in PATTERNS:
        placed = re._cache[str, pattern, flags]
        assert re.compile(pattern, flags) is placed  # a lookup, not a compile
        fresh = _compiled_fresh(pattern, flags)
        assert (placed.pattern, placed.flags, placed.groups, placed.groupindex) == (
            fresh.pattern, fresh.flags, fresh.groups, fresh.groupindex)
        assert _matches(placed) == _matches(fresh) and _matches(placed)


def test_regex_bundle_is_written_once_per_package(bundle):
    _purge()
    re.compile(*PATTERNS[0])
    assert regex_bundle.save()
    first = regex_bundle.bundle_path()
    re.compile(*PATTERNS[1])
    assert not regex_bundle.save()  # this package has its bundle
    (bundle / "words.json").write_text('["killed", "wounded"]\n')  # a word list changed
    regex_bundle._package_digest.cache_clear()
    assert regex_bundle.bundle_path() != first
    assert regex_bundle.save()
    assert regex_bundle.bundle_path().exists()


def test_regex_bundle_keeps_the_newest_bundles_only(bundle, monkeypatch):
    monkeypatch.setattr(regex_bundle, "KEPT_BUNDLES", 2)
    _purge()
    re.compile(*PATTERNS[0])
    for version in range(4):
        (bundle / "rules.py").write_text(f"RULES = {version}\n")
        regex_bundle._package_digest.cache_clear()
        assert regex_bundle.save()
    kept = list(regex_bundle.bundle_path().parent.glob("bundle-*.bin"))
    assert len(kept) == 2 and regex_bundle.bundle_path() in kept


def test_regex_bundle_damaged_file_places_nothing(bundle):
    _purge()
    for pattern, flags in PATTERNS:
        re.compile(pattern, flags)
    assert regex_bundle.save()
    path = regex_bundle.bundle_path()
    raw = path.read_bytes()
    path.write_bytes(raw[: len(raw) // 2])  # cut in half, as by a full disk
    re.purge()
    assert regex_bundle.preload() == 0 and set(re._cache) == {(str, regex_bundle.START_MARK, 0)}
    pattern, flags = PATTERNS[0]
    assert _matches(re.compile(pattern, flags)) == _matches(_compiled_fresh(pattern, flags))


def test_regex_bundle_without_a_file_or_folder_compiles_as_usual(bundle, tmp_path, monkeypatch):
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    monkeypatch.setenv("SITREP_CACHE_DIR", str(blocked))
    assert regex_bundle.preload() == 0 and regex_bundle.holds_start()
    re.compile(*PATTERNS[1])
    assert not regex_bundle.save()  # a cache folder that cannot be made is no error
    assert re.search(PATTERNS[1][0], TEXT).group("place") == "Bakhmut"


def test_regex_bundle_with_another_re_places_nothing(bundle, monkeypatch):
    """A Python whose ``re`` keeps no such cache: nothing placed, nothing written, no error."""
    _purge()
    re.compile(*PATTERNS[0])
    assert regex_bundle.save()
    monkeypatch.delattr(re, "_cache")
    assert regex_bundle.preload() == 0
    regex_bundle._package_digest.cache_clear()
    (bundle / "rules.py").write_text("RULES = 2\n")
    assert not regex_bundle.save()


def test_regex_bundle_keeps_more_patterns_than_res_default(bundle, monkeypatch):
    """The start-up compiles ~750 patterns (stop 43), more than ``re``'s default 512: with the
    default, each import's new pattern dropped one the bundle had placed, so nearly all were
    compiled again. Preloading makes room; none placed is dropped by the next 100 compiles."""
    monkeypatch.setattr(re, "_MAXCACHE", 512)  # re's default, restored after the test
    many = [(rf"\b(?:brigade|battalion)\s+{n}\s+(?P<place>[A-Z]\w+)", re.IGNORECASE) for n in range(700)]
    _purge()
    monkeypatch.setattr(re, "_MAXCACHE", regex_bundle.RE_CACHE_SIZE)
    for pattern, flags in many:
        re.compile(pattern, flags)
    assert regex_bundle.save()
    re.purge()
    monkeypatch.setattr(re, "_MAXCACHE", 512)
    assert regex_bundle.preload() == len(many)
    for n in range(100):  # what the imports compile afterwards
        re.compile(rf"\bsector\s+{n}\b")
    assert all((str, p, f) in re._cache for p, f in many)
    placed = re._cache[str, many[3][0], many[3][1]]
    assert placed.search("Fighters of BRIGADE 3 Kherson").group("place") == "Kherson"


def test_regex_bundle_not_written_once_the_start_up_is_lost(bundle, monkeypatch):
    # A purge (a library's, a test's) or a full cache dropping its oldest patterns leaves
    # a cache without the start-up's: a bundle of it would make every later start compile
    # them again, so none is written until a process that holds them all saves.
    _purge()
    re.compile(*PATTERNS[0])
    re.purge()
    re.compile(*PATTERNS[1])
    assert not regex_bundle.save() and not regex_bundle.bundle_path().exists()
    _purge()
    monkeypatch.setattr(re, "_MAXCACHE", 3)
    for pattern, flags in PATTERNS:  # the third pushes the mark out
        re.compile(pattern, flags)
    assert not regex_bundle.holds_start() and not regex_bundle.save()
    monkeypatch.setattr(re, "_MAXCACHE", 2048)
    _purge()
    re.compile(*PATTERNS[2])
    assert regex_bundle.save() and regex_bundle.bundle_path().exists()
