"""Wire-copy search at scale: one comparison per bucket member, the same groups as before.

The search takes each LSH bucket as a whole instead of comparing every candidate pair of
every band (issue 14). Its groups must be exactly those of comparing every candidate pair
(datasketch's streaming ``MinHashLSH``, ``_reference``), on the bundled sample, on the
development seeds, and on many near-copies of them; and the number of comparisons must
grow with the articles, not with the candidate pairs.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from importlib import resources

import pytest

from sitrep.ingest import iter_inputs
from sitrep.reconcile import copies
from sitrep.reconcile.copies import find_copies
from sitrep.reconcile.copy_search import CopyStats
from sitrep.records import Article
from test_reconcile_copies import Art
from test_reconcile_copies_store import _reference


def _articles(folder) -> list[Art]:
    found = [a for a in iter_inputs([str(folder)]) if isinstance(a, Article)]
    return [Art(a.id, a.outlet, a.published, a.text) for a in found]


def _sample() -> list[Art]:
    return _articles(resources.files("sitrep") / "data" / "sample")


def _near_copies(originals: list[Art], per: int, seed: int = 3) -> list[Art]:
    """``per`` edited copies of each article: other boilerplate, trimmed, a cut, words
    replaced, as syndication does; some are copies by the thresholds, some not."""
    rng = random.Random(seed)
    out = list(originals)
    for a in originals:
        words = (a.text or "").split()
        if len(words) < 40:
            continue
        for v in range(per):
            kind = v % 4
            if kind == 0:
                text = f"Home | World | Edition {v} " + " ".join(words) + " All rights reserved."
            elif kind == 1:
                text = " ".join(words[:int(len(words) * rng.uniform(0.3, 0.95))])
            elif kind == 2:
                cut = rng.randrange(len(words))
                text = " ".join(words[:cut] + words[cut + rng.randrange(5, 80):])
            else:
                share = rng.uniform(0.02, 0.3)
                text = " ".join(w if rng.random() > share else f"w{rng.randrange(999)}" for w in words)
            day = a.published and a.published + timedelta(days=rng.randrange(-2, 3))
            out.append(Art(f"{a.id}~{v}", f"Outlet {v % 7}", day, text))
    rng.shuffle(out)
    return out


def test_reconcile_copies_scale_sample_same_groups_as_every_pair() -> None:
    arts = _sample()
    groups = find_copies(arts)
    assert groups == _reference(arts)
    assert [g.docs for g in groups] == [["sample_01_wire_lpa", "sample_02_wire_copy_gmp"]]


def test_reconcile_copies_scale_seeds_same_groups_as_every_pair(seeds_dir) -> None:
    arts = _articles(seeds_dir) + _sample()
    assert find_copies(arts) == _reference(arts)


@pytest.mark.parametrize("per", [3, 25])
def test_reconcile_copies_scale_near_copies_same_groups_as_every_pair(per: int) -> None:
    arts = _near_copies(_sample(), per)
    expected = _reference(arts)
    assert len(expected) >= 7 and sum(len(g.docs) for g in expected) > 5 * per
    assert find_copies(arts) == expected


def test_reconcile_copies_scale_near_copies_of_seeds(seeds_dir) -> None:
    arts = _near_copies(_articles(seeds_dir), 12, seed=11)
    assert find_copies(arts) == _reference(arts)


def _story(k: int, rng: random.Random) -> list[str]:
    vocab = [f"{w}{k}" for w in ("town", "army", "rebels", "toll", "strike", "road", "aid", "camp")]
    return [rng.choice(vocab + ["the", "of", "in", "said", "on", "and"]) + str(rng.randrange(50))
            for _ in range(300)]


def test_reconcile_copies_scale_comparisons_linear_in_articles() -> None:
    """The worst case of the issue in small: few stories, many near-copies of each. The old
    search compared (and joined) every candidate pair of every band: quadratic in the copies
    of a story. The bucket search compares about once per article and band."""
    rng = random.Random(5)
    arts = []
    for k in range(4):
        words = _story(k, rng)
        for v in range(60):
            text = " ".join(w if rng.random() > 0.04 else "edit" for w in words)
            arts.append(Art(f"s{k}_{v:02d}", "Wire", date(2024, 5, 1) + timedelta(days=v % 5), text))
    stats = CopyStats()
    groups = find_copies(arts, stats=stats)
    assert groups == _reference(arts)
    assert len(groups) == 4 and all(len(g.docs) >= 55 for g in groups)
    n_bands, _ = copies._bands()
    assert stats.signatures == 240
    assert stats.candidates > 100 * 240  # pairs proposed, counted per band: ~ copies^2
    # Compared: a few times per article (old: every candidate, 180 per article here).
    assert stats.copies <= stats.checked <= 10 * stats.signatures
    assert stats.checked < stats.candidates / 20 and stats.checked < n_bands * stats.signatures


def test_reconcile_copies_scale_pairs_not_copies_compared_as_candidates() -> None:
    """Articles sharing bands without being copies (one long shared paragraph, otherwise
    different texts): no group, and no more comparisons than candidate pairs."""
    rng = random.Random(9)
    shared = " ".join(f"shared{rng.randrange(10_000)}" for _ in range(400))
    arts = [Art(f"d{i}", None, None, shared + " " + " ".join(f"own{i}x{rng.randrange(10_000)}"
                                                           for _ in range(260)))
            for i in range(12)]
    stats = CopyStats()
    groups = find_copies(arts, stats=stats)
    assert groups == _reference(arts) == []
    assert 12 * 11 // 2 < stats.checked <= stats.candidates
