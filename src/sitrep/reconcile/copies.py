"""Wire copies: the same story reprinted by several outlets, found with MinHash LSH.

Syndicated copy keeps most sentences of the original but changes the headline, the site
boilerplate (menus, bylines, "Advertisement") and often trims a sentence or a paragraph.
Each article becomes a MinHash signature of its word 5-shingles, computed once when the
article is extracted and stored with it (``articles.minhash``, see ``sitrep.minhash``), so
``find_copies(store)`` reads signatures only, no text; rows stored before signatures existed
are signed from their text on first use. LSH banding (the bands and rows datasketch's
``MinHashLSH`` picks for the threshold) proposes the pairs sharing a band: every band is
sorted once and its runs of equal values are the buckets. A bucket is taken as a whole
(``_Search``): its members are compared with its first member, then only the members still
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

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Protocol

import numpy as np

from ..minhash import NUM_PERM, pack_signature, unpack_signature
from ..records.groups import CopyGroup, CopyMember, CopyRow

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

# Candidate pairs checked per vectorised step: small enough that the gathered signatures
# stay in the CPU cache. Measured on 10,000 synthetic articles (tests/report_synth.py, ~3
# million candidate pairs): 0.5 s at 4,096-8,192, 0.7 s at 16,384, 1.2 s at 32,768.
PAIR_CHUNK = 8_192
class _ArticleLike(Protocol):
    id: str
    outlet: str | None
    published: date | None
    text: str | None


class _SignatureStore(Protocol):
    """What ``find_copies`` needs of a ``sitrep.store.Store``."""

    read_only: bool

    def iter_signatures(self) -> Iterator[tuple[str, str | None, date | None, bytes | None]]: ...

    def iter_texts(self, docs: Sequence[str]) -> Iterator[tuple[str, str]]: ...

    def write_signatures(self, rows: Sequence[tuple[str, bytes]]) -> None: ...


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
    """(bands, rows per band): what ``MinHashLSH`` picks for LSH_THRESHOLD and NUM_PERM."""
    from datasketch import MinHashLSH  # imports scipy (~0.7 s): only when copies are sought

    lsh = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM)
    return lsh.b, lsh.r


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


def _from_articles(articles: Iterable[_ArticleLike]) -> _Signatures:
    out, seen = _Signatures(), set()
    for art in articles:
        if not art.text or art.id in seen:
            continue
        n_shingles, n_words, hashes = unpack_signature(pack_signature(art.text))  # type: ignore[misc]
        if n_shingles >= MIN_SHINGLES:
            seen.add(art.id)
        out.add(art.id, art.outlet, art.published, n_shingles, n_words, hashes)
    return out


def _from_store(store: _SignatureStore) -> _Signatures:
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


def _roots(parent: np.ndarray, rows: np.ndarray) -> np.ndarray:
    """The union-find root of each of ``rows`` (pointer chasing, all rows at once)."""
    found = parent[rows]
    while True:
        up = parent[found]
        if np.array_equal(up, found):
            return found
        found = up


def _hook(parent: np.ndarray, a: np.ndarray, b: np.ndarray) -> None:
    """Union of each pair (a[k], b[k]): the larger root points at the smaller, so no
    cycle can form; repeated until every pair shares a root (a root hooked twice in one
    step keeps only the smaller parent, the next round joins the other)."""
    while len(a):
        ra, rb = _roots(parent, a), _roots(parent, b)
        apart = ra != rb
        if not apart.any():
            return
        ra, rb = ra[apart], rb[apart]
        np.minimum.at(parent, np.maximum(ra, rb), np.minimum(ra, rb))
        a, b = a[apart], b[apart]


def _band_runs(hashes: np.ndarray, band: int, rows: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(order, starts, lengths): the rows sorted on one band's values, and where each run
    of two or more equal values (one LSH bucket) starts in that order and how long it is."""
    keys = hashes[:, band * rows:(band + 1) * rows]
    order = np.lexsort(keys.T[::-1])
    ordered = keys[order]
    new_run = np.ones(len(order), dtype=bool)
    new_run[1:] = np.any(ordered[1:] != ordered[:-1], axis=1)
    starts = np.flatnonzero(new_run)
    lengths = np.diff(np.append(starts, len(order)))
    many = lengths > 1
    return order, starts[many], lengths[many]


@dataclass(slots=True)
class CopyStats:
    """What one search did (``find_copies(..., stats=CopyStats())`` fills it in)."""

    signatures: int = 0  # articles signed in (long enough to call copies)
    candidates: int = 0  # pairs sharing a band, counted once per band they share
    checked: int = 0  # pairs compared (``is_copy``), each at most once
    copies: int = 0  # compared pairs that are copies: the union-find calls


class _Search:
    """Connected components of the graph whose edges are the LSH candidates that pass
    ``is_copy``, without visiting every candidate.

    Per band, each bucket (a run of equal band values) is taken as a whole: its members
    whose component differs from the bucket's first member's are compared with that first
    member (a star: one comparison per member, where a bucket of ``k`` copies has ``k^2/2``
    candidate pairs); the members still apart afterwards are compared with the rest of
    their bucket. A pair already in one component is never compared: the components are
    the same whether or not it is a copy. So every candidate pair of every band is either
    compared or joined already, and the components are exactly those of comparing every
    candidate pair, in about one comparison per article and band when copies abound.
    Pairs that are not copies are compared again in each band they share, as before:
    remembering them (measured) cost more than comparing them again.
    """

    def __init__(self, n_shingles: np.ndarray, hashes: np.ndarray, stats: CopyStats) -> None:
        self.n_shingles = n_shingles
        self.hashes = hashes
        self.low = hashes.astype(np.uint16)
        self.n = len(hashes)
        self.parent = np.arange(self.n, dtype=np.int64)
        self.stats = stats

    def components(self, touched: np.ndarray | None = None) -> np.ndarray:
        """The root row of every row. ``touched``: when the rows not touched are already
        joined into their components (``parent``), only the candidate pairs with a touched
        row need comparing (``_touched_pairs``): every pair of the others is joined already
        or is no copy."""
        if touched is not None:
            return self._touched(touched)
        n_bands, rows = _bands()
        for band in range(n_bands):
            order, starts, lengths = _band_runs(self.hashes, band, rows)
            if len(starts):
                self.stats.candidates += int((lengths * (lengths - 1) // 2).sum())
                self._bucket_pass(order, starts, lengths)
        return _roots(self.parent, np.arange(self.n))

    def _touched(self, touched: np.ndarray) -> np.ndarray:
        """Components when only the pairs with a touched row are new: each such candidate
        pair (sharing a band) once, however many bands it shares, compared unless joined."""
        n_bands, rows = _bands()
        codes: list[np.ndarray] = []
        for band in range(n_bands):
            order, starts, lengths = _band_runs(self.hashes, band, rows)
            if not len(starts):
                continue
            seen = np.concatenate(([0], np.cumsum(touched[order])))
            keep = seen[starts + lengths] > seen[starts]
            starts, lengths = starts[keep], lengths[keep]
            self.stats.candidates += int((lengths * (lengths - 1) // 2).sum())
            for start, length in zip(starts.tolist(), lengths.tolist()):
                members = order[start:start + length]
                new = members[touched[members] > 0]
                # every touched member with every other member of its bucket
                a = np.repeat(new, length)
                b = np.tile(members, len(new))
                pick = a != b
                a, b = a[pick], b[pick]
                codes.append(np.minimum(a, b) * self.n + np.maximum(a, b))
        if codes:
            pairs = np.unique(np.concatenate(codes))
            a, b = pairs // self.n, pairs % self.n
            keep = _roots(self.parent, a) != _roots(self.parent, b)
            self._compare(a[keep], b[keep])
        return _roots(self.parent, np.arange(self.n))

    def _bucket_pass(self, order: np.ndarray, starts: np.ndarray, lengths: np.ndarray) -> None:
        # Every member of every bucket, laid out bucket after bucket.
        first = np.cumsum(lengths) - lengths  # where each bucket begins in ``members``
        offsets = np.arange(int(lengths.sum())) - np.repeat(first, lengths)
        members = order[np.repeat(starts, lengths) + offsets]
        heads = np.repeat(members[first], lengths)
        # The star: each member apart from its bucket's first member is compared with it.
        apart = _roots(self.parent, members) != _roots(self.parent, heads)
        self._compare(heads[apart], members[apart])
        # Members still apart from their bucket's first: compared with the rest of it.
        apart = _roots(self.parent, members) != _roots(self.parent, heads)
        if not apart.any():
            return
        owner = np.repeat(np.arange(len(lengths)), lengths)  # bucket of each member
        chosen = np.zeros(len(lengths), dtype=bool)
        chosen[owner[apart]] = True
        pos = np.flatnonzero(chosen[owner])  # members of those buckets
        begins = first[owner[pos]]
        earlier = pos - begins  # pairs each member makes with the earlier ones of its bucket
        ends = np.cumsum(earlier)
        start = 0
        while start < len(pos):
            # As many members as make about PAIR_CHUNK pairs (at least one).
            stop = max(start + 1, int(np.searchsorted(ends, ends[start] - earlier[start] + PAIR_CHUNK,
                                                       side="right")))
            counts = earlier[start:stop]
            total = int(counts.sum())
            if total:
                y = np.repeat(pos[start:stop], counts)
                x = np.repeat(begins[start:stop], counts) + np.arange(total) \
                    - np.repeat(np.cumsum(counts) - counts, counts)
                # Two members joined to the first are joined; the first was compared above.
                pair = (apart[x] | apart[y]) & (x != np.repeat(begins[start:stop], counts))
                x, y = members[x[pair]], members[y[pair]]
                keep = _roots(self.parent, x) != _roots(self.parent, y)
                self._compare(x[keep], y[keep])
            start = stop

    def _compare(self, a: np.ndarray, b: np.ndarray) -> None:
        """Compare pairs; join the copies."""
        for start in range(0, len(a), PAIR_CHUNK):
            i, j = a[start:start + PAIR_CHUNK], b[start:start + PAIR_CHUNK]
            hit = self._passes(i, j)
            self.stats.checked += len(i)
            self.stats.copies += int(hit.sum())
            _hook(self.parent, i[hit], j[hit])

    def _passes(self, a: np.ndarray, b: np.ndarray) -> np.ndarray:
        """``is_copy`` of each pair. Pairs are first compared on the low 16 bits of each
        value: equal values have equal low bits, so that count is an upper bound (exceeding
        the true one ~1 time in 65,536), and ``is_copy`` only grows with it; the pairs it
        lets through are compared in full. A quarter of the memory traffic."""
        na, nb = self.n_shingles[a], self.n_shingles[b]
        bound = np.count_nonzero(self.low[a] == self.low[b], axis=1)
        hit = _passes(bound, na, nb)
        maybe = np.flatnonzero(hit)
        matches = np.count_nonzero(self.hashes[a[maybe]] == self.hashes[b[maybe]], axis=1)
        hit[maybe] = _passes(matches, na[maybe], nb[maybe])
        return hit


def _passes(matches: np.ndarray, na: np.ndarray, nb: np.ndarray) -> np.ndarray:
    """``is_copy`` for arrays of pairs, with the same arithmetic (``matches`` of NUM_PERM)."""
    jac = matches / NUM_PERM
    smaller = np.minimum(na, nb)  # >= MIN_SHINGLES > 0: shorter articles are never signed in
    contain = np.minimum(1.0, jac * (na + nb) / (1.0 + jac) / smaller)
    return (jac >= COPY_MIN_JACCARD) | (contain >= COPY_MIN_CONTAINMENT)


def find_copies(articles: Iterable[_ArticleLike] | _SignatureStore,
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


def extend_copies(store: _SignatureStore, known: Iterable[Sequence[str]], new: Iterable[str],
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
    search = _Search(np.asarray(sigs.n_shingles, dtype=np.int64), hashes, stats)
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


def copy_rows(groups: Iterable[CopyGroup]) -> list[CopyRow]:
    """One flat row per article of each group, canonical first (for ``export_rows``)."""
    rows: list[CopyRow] = []
    for g in groups:
        rows.append(CopyRow(g.canonical, g.canonical, g.canonical_outlet, True, 1.0, 1.0))
        rows.extend(CopyRow(g.canonical, m.doc, m.outlet, False, m.similarity, m.containment)
                    for m in g.members)
    return rows


__all__ = ["CopyStats", "copy_map", "copy_rows", "extend_copies",
           "find_copies", "is_copy"]
