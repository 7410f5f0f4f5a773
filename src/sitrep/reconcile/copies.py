"""Wire copies: the same story reprinted by several outlets, found with MinHash LSH.

Syndicated copy keeps most sentences of the original but changes the headline, the site
boilerplate (menus, bylines, "Advertisement") and often trims a sentence or a paragraph.
Each article becomes a MinHash signature of its word 5-shingles, computed once when the
article is extracted and stored with it (``articles.minhash``, see ``sitrep.minhash``), so
``find_copies(store)`` reads signatures only, no text; rows stored before signatures existed
are signed from their text on first use. LSH banding (the bands and rows datasketch's
``MinHashLSH`` would pick for the threshold, ``lsh_bands``) proposes the pairs sharing a band: every band is
sorted once and its runs of equal values are the buckets. A bucket is taken as a whole
(``copy_search.ComponentSearch``): its members are compared with its first member, then only the members still
in another component with the rest; pairs already joined or compared before are skipped.
A story reprinted ``k`` times makes ``k^2/2`` candidate pairs in every band, but about ``k``
comparisons in all, so the cost is near-linear in the articles (issue 14: 10,000 articles
of 36 stories with ~280 copies each made 33 million union-find calls before). Only
signatures (and a few numbers per article) are kept in memory, never the texts.

A candidate is a copy when its estimated Jaccard similarity, or the estimated share of the
shorter article's shingles found in the longer one (containment: a copy cut down to the
top paragraphs), is high enough. Copies are grouped with union-find; each group's canonical
article is the earliest published, then the longest, then the smallest id.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

import numpy as np

from ..minhash import NUM_PERM, pack_signature, unpack_signature
from ..records.groups import CopyGroup, CopyMember
from ..records.rows import ArticleRow
from ..store import Store
from .copy_search import COPY_MIN_CONTAINMENT, COPY_MIN_JACCARD, ComponentSearch, CopyStats

# LSH candidate threshold: low, so that trimmed copies (Jaccard ~0.4 when a copy keeps only
# the top 60 % of the story) are proposed; the checks below decide. Different articles about
# the same events (Jaccard ~0.01) are practically never proposed at this threshold.
LSH_THRESHOLD = 0.25
# Articles with fewer shingles than this are too short to call copies (a one-line brief
# can be word for word the same as another outlet's without one copying the other).
MIN_SHINGLES = 20


@dataclass(slots=True)
class _Sig:
    outlet: str | None
    published: date | None
    n_shingles: int
    n_words: int
    hashes: np.ndarray  # the MinHash values (uint32, datasketch's affine32): 512 bytes per article


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


@lru_cache(maxsize=1)
def _bands() -> tuple[int, int]:
    """(bands, rows per band) for LSH_THRESHOLD and NUM_PERM."""
    return lsh_bands(LSH_THRESHOLD, NUM_PERM)


def lsh_bands(threshold: float, num_perm: int) -> tuple[int, int]:
    """The (bands, rows) that datasketch's ``MinHashLSH`` picks: of all ``b * r <= num_perm``,
    the least mean of the false-positive probability below ``threshold`` and the
    false-negative one above it. Computed here with numpy: datasketch integrates with scipy,
    whose import cost ~0.5-0.7 s of CPU in every run that sought copies (tests check both agree)."""
    # Gauss-Legendre: the integrands are polynomials of degree b * r <= num_perm, which n
    # nodes integrate exactly (degree <= 2n - 1).
    nodes, weights = np.polynomial.legendre.leggauss(num_perm // 2 + 1)
    below = threshold / 2 * (nodes + 1)  # nodes mapped onto [0, threshold] and [threshold, 1]
    above = threshold + (1 - threshold) / 2 * (nodes + 1)
    best, opt = float("inf"), (0, 0)
    for b in range(1, num_perm + 1):
        for r in range(1, num_perm // b + 1):
            fp = threshold / 2 * weights @ (1 - (1 - below ** r) ** b)
            fn = (1 - threshold) / 2 * weights @ ((1 - above ** r) ** b)
            if (error := 0.5 * fp + 0.5 * fn) < best:
                best, opt = error, (b, r)
    return opt


class _Signatures:
    """Signatures in columns: one row of ``NUM_PERM`` uint32 values per article."""

    def __init__(self) -> None:
        self.docs: list[str] = []
        self.outlets: list[str | None] = []
        self.published: list[date | None] = []
        self.n_shingles: list[int] = []
        self.n_words: list[int] = []
        self._hashes = bytearray()

    def add(self, doc: str, outlet: str | None, published: date | None,
            n_shingles: int, n_words: int, hashes: bytes) -> None:
        if n_shingles < MIN_SHINGLES:
            return  # too short to call a copy
        self.docs.append(doc)
        self.outlets.append(outlet)
        self.published.append(published)
        self.n_shingles.append(n_shingles)
        self.n_words.append(n_words)
        self._hashes += hashes

    def matrix(self) -> np.ndarray:
        return np.frombuffer(bytes(self._hashes), dtype="<u4").reshape(len(self.docs), NUM_PERM)

    def sig(self, i: int, hashes: np.ndarray) -> _Sig:
        return _Sig(self.outlets[i], self.published[i], self.n_shingles[i], self.n_words[i],
                    hashes[i])


def _from_articles(articles: Iterable[ArticleRow]) -> _Signatures:
    out, seen = _Signatures(), set()
    for art in articles:
        if not art.text or art.id in seen:
            continue
        n_shingles, n_words, hashes = unpack_signature(pack_signature(art.text))  # type: ignore[misc]
        if n_shingles >= MIN_SHINGLES:
            seen.add(art.id)
        out.add(art.id, art.outlet, art.published, n_shingles, n_words, hashes)
    return out


def _from_store(store: Store) -> _Signatures:
    """Stored signatures; rows without one (stored before signatures, or of another format)
    are signed from their text, and the signature saved when the store is writable."""
    out = _Signatures()
    unsigned: dict[str, tuple[str | None, date | None]] = {}
    for doc, outlet, published, blob in store.iter_signatures():
        found = unpack_signature(blob)
        if found is None:
            unsigned[doc] = (outlet, published)
            continue
        out.add(doc, outlet, published, *found)
    if not unsigned:
        return out
    signed: list[tuple[str, bytes]] = []
    for doc, text in store.iter_texts(list(unsigned)):
        blob = pack_signature(text or "")
        signed.append((doc, blob))
        out.add(doc, *unsigned[doc], *unpack_signature(blob))  # type: ignore[misc]
    if not store.read_only:
        store.write_signatures(signed)
    return out


def find_copies(articles: Iterable[ArticleRow] | Store,
                stats: CopyStats | None = None) -> list[CopyGroup]:
    """Groups of articles that are copies of one another, largest first.

    ``articles`` is a ``Store`` (its stored signatures are read, no text unless a row has
    none) or articles with ``text`` (``Store.iter_articles(with_text=True)``), streamed:
    texts are dropped once signed. Articles without text are skipped. ``stats``, when
    given, is filled in with what the search did.
    """
    if hasattr(articles, "iter_signatures"):
        sigs = _from_store(articles)  # type: ignore[arg-type]
    else:
        sigs = _from_articles(articles)  # type: ignore[arg-type]
    return _groups(sigs, stats if stats is not None else CopyStats())


def extend_copies(store: Store, known: Iterable[Sequence[str]], new: Iterable[str],
                  stats: CopyStats | None = None) -> list[CopyGroup]:
    """``find_copies(store)`` when the store only gained the articles ``new`` since it
    gave the groups ``known`` (no article went or changed): those groups are joined from the
    start and only the LSH buckets holding a new article are looked at, so the cost follows
    the new articles, not the corpus. The groups are the same as ``find_copies``'s."""
    sigs = _from_store(store)
    row = {doc: i for i, doc in enumerate(sigs.docs)}
    parent = np.arange(len(sigs.docs), dtype=np.int64)
    for docs in known:
        rows = [row[d] for d in docs if d in row]
        if len(rows) > 1:
            parent[rows] = min(rows)
    touched = np.zeros(len(sigs.docs), dtype=np.int64)
    touched[[row[d] for d in new if d in row]] = 1
    return _groups(sigs, stats if stats is not None else CopyStats(), parent=parent, touched=touched)


def _groups(sigs: _Signatures, stats: CopyStats, *, parent: np.ndarray | None = None,
            touched: np.ndarray | None = None) -> list[CopyGroup]:
    hashes = sigs.matrix()
    stats.signatures = len(sigs.docs)
    search = ComponentSearch(np.asarray(sigs.n_shingles, dtype=np.int64), hashes, stats, _bands())
    if parent is not None:
        search.parent = parent
    roots = search.components(touched)
    # Rows in a component of two or more: those joined to a root, and those roots.
    joined = np.flatnonzero(roots != np.arange(len(roots)))
    grouped = np.union1d(joined, roots[joined])
    members: dict[int, list[str]] = {}
    for row in grouped.tolist():
        members.setdefault(int(roots[row]), []).append(sigs.docs[row])
    in_groups = {sigs.docs[row]: sigs.sig(row, hashes) for row in grouped.tolist()}
    groups = [_group(docs, in_groups) for docs in members.values()]
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


__all__ = ["copy_map", "extend_copies",
           "find_copies", "is_copy"]
