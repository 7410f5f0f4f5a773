"""Wire copies: the same story reprinted by several outlets, found with MinHash LSH.

Syndicated copy keeps most sentences of the original but changes the headline, the site
boilerplate (menus, bylines, "Advertisement") and often trims a sentence or a paragraph.
Each article becomes a MinHash signature of its word 5-shingles, computed once when the
article is extracted and stored with it (``articles.minhash``, see ``pack_signature``), so
``find_copies(store)`` reads signatures only, no text; rows stored before signatures existed
are signed from their text on first use. LSH banding (the bands and rows datasketch's
``MinHashLSH`` picks for the threshold) proposes the pairs sharing a band: every band is
sorted once and its runs of equal values give the candidates, so the cost is near-linear
and no pair of articles is compared unless a band proposes it; candidates are checked in
vectorised chunks. Only signatures (and a few numbers per article) are kept in memory,
never the texts.

A candidate is a copy when its estimated Jaccard similarity, or the estimated share of the
shorter article's shingles found in the longer one (containment: a copy cut down to the
top paragraphs), is high enough. Copies are grouped with union-find; each group's canonical
article is the earliest published, then the longest, then the smallest id.
"""

from __future__ import annotations

import re
import struct
import zlib
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
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

# Candidate pairs checked per vectorised step: small enough that the gathered signatures
# stay in the CPU cache. Measured on 10,000 synthetic articles (tests/report_synth.py, ~3
# million candidate pairs): 0.5 s at 4,096-8,192, 0.7 s at 16,384, 1.2 s at 32,768.
PAIR_CHUNK = 8_192
# Layout of a stored signature (the ``articles.minhash`` BLOB): a little-endian header
# (format, num_perm, n_shingles, n_words), then NUM_PERM uint32 MinHash values. Bump
# SIGNATURE_FORMAT whenever shingling, hashing or NUM_PERM change: blobs of another format
# are then signed again from their text instead of compared with new ones.
SIGNATURE_FORMAT = 1
_HEADER = struct.Struct("<HHII")

_WORD = re.compile(r"\w+")
# One set of MinHash permutations for every signature (building them costs more than
# signing a short article). Seed 1 is datasketch's default: signatures stay comparable.
_TEMPLATE = MinHash(num_perm=NUM_PERM, seed=1)


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


def pack_signature(text: str) -> bytes:
    """The stored form of a text's signature (the ``articles.minhash`` BLOB)."""
    words = _WORD.findall(text.lower())
    mh, n = _signature(words)
    header = _HEADER.pack(SIGNATURE_FORMAT, NUM_PERM, n, len(words))
    return header + mh.hashvalues.astype("<u4").tobytes()


def unpack_signature(blob: bytes | None) -> tuple[int, int, bytes] | None:
    """(n_shingles, n_words, NUM_PERM little-endian uint32 values) of a stored signature;
    None when there is none, or it has another format (it must be signed again)."""
    if blob is None or len(blob) != _HEADER.size + 4 * NUM_PERM:
        return None
    fmt, num_perm, n_shingles, n_words = _HEADER.unpack_from(blob)
    if fmt != SIGNATURE_FORMAT or num_perm != NUM_PERM:
        return None
    return n_shingles, n_words, bytes(blob[_HEADER.size:])


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


def _band_pairs(hashes: np.ndarray, band: int, rows: int) -> Iterator[tuple[np.ndarray, np.ndarray]]:
    """Chunks of (i, j) row pairs whose values in one band are equal (i != j)."""
    keys = hashes[:, band * rows:(band + 1) * rows]
    order = np.lexsort(keys.T[::-1])
    ordered = keys[order]
    n = len(order)
    pos = np.arange(n)
    new_run = np.ones(n, dtype=bool)
    new_run[1:] = np.any(ordered[1:] != ordered[:-1], axis=1)
    run_start = np.maximum.accumulate(np.where(new_run, pos, 0))
    earlier = pos - run_start  # pairs each position makes with the earlier ones of its run
    ends = np.cumsum(earlier)
    begin = 0
    while begin < n:
        # As many positions as fit PAIR_CHUNK pairs (at least one, however large its run).
        stop = max(begin + 1, int(np.searchsorted(ends, ends[begin] - earlier[begin] + PAIR_CHUNK,
                                                   side="right")))
        counts = earlier[begin:stop]
        total = int(counts.sum())
        if total:
            right = np.repeat(pos[begin:stop], counts)
            first = np.cumsum(counts) - counts
            left = run_start[right] + np.arange(total) - np.repeat(first, counts)
            yield order[left], order[right]
        begin = stop


def _passes(matches: np.ndarray, na: np.ndarray, nb: np.ndarray) -> np.ndarray:
    """``is_copy`` for arrays of pairs, with the same arithmetic (``matches`` of NUM_PERM)."""
    jac = matches / NUM_PERM
    smaller = np.minimum(na, nb)  # >= MIN_SHINGLES > 0: shorter articles are never signed in
    contain = np.minimum(1.0, jac * (na + nb) / (1.0 + jac) / smaller)
    return (jac >= COPY_MIN_JACCARD) | (contain >= COPY_MIN_CONTAINMENT)


def _copy_pairs(sigs: _Signatures, hashes: np.ndarray) -> Iterator[tuple[int, int]]:
    """Row pairs proposed by a band and confirmed by ``is_copy`` (a pair may repeat).

    Candidates are first compared on the low 16 bits of each value: equal values have equal
    low bits, so that count is an upper bound (exceeding the true one ~1 time in 65,536), and
    ``is_copy`` only grows with it; the pairs it lets through are compared in full. A quarter
    of the memory traffic: 0.35 s instead of 1.3 s for 3 million candidates.
    """
    n_shingles = np.asarray(sigs.n_shingles, dtype=np.int64)
    low = hashes.astype(np.uint16)
    n_bands, rows = _bands()
    for band in range(n_bands):
        for i, j in _band_pairs(hashes, band, rows):
            for start in range(0, len(i), PAIR_CHUNK):
                a, b = i[start:start + PAIR_CHUNK], j[start:start + PAIR_CHUNK]
                bound = np.count_nonzero(low[a] == low[b], axis=1)
                maybe = _passes(bound, n_shingles[a], n_shingles[b])
                a, b = a[maybe], b[maybe]
                matches = np.count_nonzero(hashes[a] == hashes[b], axis=1)
                hit = _passes(matches, n_shingles[a], n_shingles[b])
                yield from zip(a[hit].tolist(), b[hit].tolist())


def find_copies(articles: Iterable[_ArticleLike] | _SignatureStore) -> list[CopyGroup]:
    """Groups of articles that are copies of one another, largest first.

    ``articles`` is a ``Store`` (its stored signatures are read, no text unless a row has
    none) or articles with ``text`` (``Store.iter_articles(with_text=True)``), streamed:
    texts are dropped once signed. Articles without text are skipped.
    """
    if hasattr(articles, "iter_signatures"):
        sigs = _from_store(articles)  # type: ignore[arg-type]
    else:
        sigs = _from_articles(articles)  # type: ignore[arg-type]
    hashes = sigs.matrix()
    uf = UnionFind()
    for i, j in _copy_pairs(sigs, hashes):
        uf.union(sigs.docs[i], sigs.docs[j])
    members: dict[str, list[str]] = {}
    for doc in uf.parent:
        members.setdefault(uf.find(doc), []).append(doc)
    row = {doc: i for i, doc in enumerate(sigs.docs)} if members else {}
    in_groups = {doc: sigs.sig(row[doc], hashes) for docs in members.values() if len(docs) > 1
                 for doc in docs}
    groups = [_group(docs, in_groups) for docs in members.values() if len(docs) > 1]
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
           "is_copy", "pack_signature", "shingles", "signature", "unpack_signature"]
