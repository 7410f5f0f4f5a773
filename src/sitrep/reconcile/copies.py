"""Wire copies: the same story reprinted by several outlets, found with MinHash LSH.

Syndicated copy keeps most sentences of the original but changes the headline, the site
boilerplate (menus, bylines, "Advertisement") and often trims a sentence or a paragraph.
Each article becomes a MinHash signature of its word 5-shingles; one ``MinHashLSH`` index
proposes candidates as the articles stream by (each article is queried, then inserted), so
the cost is near-linear and no pair of articles is compared unless the index proposes it.
Only signatures (and a few numbers per article) are kept in memory, never the texts.

A candidate is a copy when its estimated Jaccard similarity, or the estimated share of the
shorter article's shingles found in the longer one (containment: a copy cut down to the
top paragraphs), is high enough. Copies are grouped with union-find; each group's canonical
article is the earliest published, then the longest, then the smallest id.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Protocol

import numpy as np
from datasketch import MinHash, MinHashLSH

# Word n-grams as shingles: 5 words rarely repeat between different articles on the same
# events (measured: Jaccard <= 0.01 between any two different articles of the seeds and the
# sample corpus, 0.80 for the sample's wire copy with another headline and boilerplate).
SHINGLE_WORDS = 5
NUM_PERM = 128  # standard error of the Jaccard estimate ~ 1/sqrt(128) = 0.09 at J = 0.5
# LSH candidate threshold: low, so that trimmed copies (Jaccard ~0.4 when a copy keeps only
# the top 60 % of the story) are proposed; the checks below decide. Different articles about
# the same events (Jaccard ~0.01) are practically never proposed at this threshold.
LSH_THRESHOLD = 0.25
# A proposed pair is a copy when either estimate clears its floor. Tuned on variants of the
# sample wire story (other headline and boilerplate, a sentence cut, cut to its top half):
# all pass with margin; two different stories sharing one quoted paragraph stay below.
COPY_MIN_JACCARD = 0.5
COPY_MIN_CONTAINMENT = 0.8
# Articles with fewer shingles than this are too short to call copies (a one-line brief
# can be word for word the same as another outlet's without one copying the other).
MIN_SHINGLES = 20

_WORD = re.compile(r"\w+")
# One set of MinHash permutations for every signature (building them costs more than
# signing a short article). Seed 1 is datasketch's default: signatures stay comparable.
_TEMPLATE = MinHash(num_perm=NUM_PERM, seed=1)


class _ArticleLike(Protocol):
    id: str
    outlet: str | None
    published: date | None
    text: str | None


@dataclass(slots=True)
class CopyMember:
    """A copy of a group's canonical article and how similar it is to it."""

    doc: str
    outlet: str | None
    similarity: float  # estimated Jaccard similarity of word 5-shingles with the canonical
    containment: float  # estimated share of the shorter text's shingles found in the other


@dataclass(slots=True)
class CopyGroup:
    """Articles that are copies of one another. ``members`` excludes the canonical one."""

    canonical: str
    canonical_outlet: str | None
    published: date | None
    members: list[CopyMember] = field(default_factory=list)

    @property
    def docs(self) -> list[str]:
        return [self.canonical, *(m.doc for m in self.members)]


@dataclass(slots=True)
class CopyRow:
    """One article of a copy group, flat for ``export_rows``."""

    group: str  # the canonical doc id names the group
    doc: str
    outlet: str | None
    canonical: bool
    similarity: float
    containment: float


@dataclass(slots=True)
class _Sig:
    outlet: str | None
    published: date | None
    n_shingles: int
    n_words: int
    hashes: np.ndarray  # the MinHash values (uint32, datasketch's affine32): 512 bytes per article


def shingles(text: str, k: int = SHINGLE_WORDS) -> set[bytes]:
    """Lower-cased word k-grams of a text (the whole text when it is shorter than k words)."""
    return _shingles(_WORD.findall(text.lower()), k)


def _shingles(words: list[str], k: int = SHINGLE_WORDS) -> set[bytes]:
    if len(words) < k:
        return {" ".join(words).encode("utf-8")} if words else set()
    return {" ".join(words[i:i + k]).encode("utf-8") for i in range(len(words) - k + 1)}


def _crc32(data: bytes) -> int:
    # CRC-32 in C: several times faster than datasketch's default SHA-1 per shingle, and as
    # good here: datasketch (scheme affine32) pre-mixes each hash before its permutations.
    # Deterministic across runs, unlike Python's hash().
    return zlib.crc32(data)


def signature(text: str) -> tuple[MinHash, int]:
    """MinHash signature of a text and its number of distinct shingles."""
    return _signature(_WORD.findall(text.lower()))


def _signature(words: list[str]) -> tuple[MinHash, int]:
    found = _shingles(words)
    mh = MinHash(num_perm=NUM_PERM, hashfunc=_crc32, permutations=_TEMPLATE.permutations,
                 scheme=_TEMPLATE.scheme)
    mh.update_batch(list(found))
    return mh, len(found)


def _jaccard(a: np.ndarray, b: np.ndarray) -> float:
    return float(np.count_nonzero(a == b)) / len(a)


def _containment(jaccard: float, a: int, b: int) -> float:
    # |A & B| = J (|A| + |B|) / (1 + J); divided by the smaller set.
    if min(a, b) == 0:
        return 0.0
    inter = jaccard * (a + b) / (1.0 + jaccard)
    return min(1.0, inter / min(a, b))


def is_copy(jaccard: float, a: int, b: int) -> bool:
    return jaccard >= COPY_MIN_JACCARD or _containment(jaccard, a, b) >= COPY_MIN_CONTAINMENT


class UnionFind:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        root = x
        while self.parent.get(root, root) != root:
            root = self.parent[root]
        while x != root:  # path compression
            self.parent[x], x = root, self.parent.get(x, x)
        return root

    def union(self, a: str, b: str) -> None:
        self.parent.setdefault(a, a)
        self.parent.setdefault(b, b)
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def _canonical_key(doc: str, sig: _Sig) -> tuple:
    # Earliest published first (unknown dates last), then the longest, then the id.
    return (sig.published is None, sig.published or date.max, -sig.n_words, doc)


def find_copies(articles: Iterable[_ArticleLike]) -> list[CopyGroup]:
    """Groups of articles that are copies of one another, largest first.

    ``articles`` need ``text`` (``Store.iter_articles(with_text=True)``); it is streamed:
    texts are dropped once signed. Articles without text are skipped.
    """
    lsh = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM)
    sigs: dict[str, _Sig] = {}
    uf = UnionFind()
    for art in articles:
        if not art.text or art.id in sigs:
            continue
        words = _WORD.findall(art.text.lower())
        mh, n = _signature(words)
        if n < MIN_SHINGLES:
            continue
        hashes = mh.hashvalues.astype(np.uint32)
        sigs[art.id] = _Sig(art.outlet, art.published, n, len(words), hashes)
        for other in lsh.query(mh):
            if is_copy(_jaccard(hashes, sigs[other].hashes), n, sigs[other].n_shingles):
                uf.union(art.id, other)
        lsh.insert(art.id, mh)
    members: dict[str, list[str]] = {}
    for doc in uf.parent:
        members.setdefault(uf.find(doc), []).append(doc)
    groups = [_group(docs, sigs) for docs in members.values() if len(docs) > 1]
    groups.sort(key=lambda g: (-len(g.members), g.canonical))
    return groups


def _group(docs: list[str], sigs: Mapping[str, _Sig]) -> CopyGroup:
    canonical = min(docs, key=lambda d: _canonical_key(d, sigs[d]))
    head = sigs[canonical]
    group = CopyGroup(canonical, head.outlet, head.published)
    for doc in sorted(docs):
        if doc == canonical:
            continue
        sig = sigs[doc]
        j = _jaccard(head.hashes, sig.hashes)
        group.members.append(CopyMember(doc, sig.outlet, round(j, 3),
                                        round(_containment(j, head.n_shingles, sig.n_shingles), 3)))
    group.members.sort(key=lambda m: (-m.similarity, m.doc))
    return group


def copy_map(groups: Iterable[CopyGroup]) -> dict[str, str]:
    """doc -> canonical doc for every article in a group (the canonical maps to itself).

    Articles in no group are absent: use ``mapping.get(doc, doc)``.
    """
    out: dict[str, str] = {}
    for group in groups:
        for doc in group.docs:
            out[doc] = group.canonical
    return out


def copy_rows(groups: Iterable[CopyGroup]) -> list[CopyRow]:
    """One flat row per article of each group, canonical first (for ``export_rows``)."""
    rows: list[CopyRow] = []
    for g in groups:
        rows.append(CopyRow(g.canonical, g.canonical, g.canonical_outlet, True, 1.0, 1.0))
        rows.extend(CopyRow(g.canonical, m.doc, m.outlet, False, m.similarity, m.containment)
                    for m in g.members)
    return rows


__all__ = ["CopyGroup", "CopyMember", "CopyRow", "copy_map", "copy_rows", "find_copies",
           "is_copy", "shingles", "signature"]
