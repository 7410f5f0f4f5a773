"""The search for wire copies over MinHash signatures, vectorised: LSH buckets per band,
compared a bucket at a time, joined with an array union-find (``copies`` says why and how;
``ComponentSearch`` says how candidate pairs are spared)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..minhash import NUM_PERM

# A proposed pair is a copy when either estimate clears its floor. Tuned on variants of the
# sample wire story (other headline and boilerplate, a sentence cut, cut to its top half):
# all pass with margin; two different stories sharing one quoted paragraph stay below.
COPY_MIN_JACCARD = 0.5
COPY_MIN_CONTAINMENT = 0.8
# Candidate pairs checked per vectorised step: small enough that the gathered signatures
# stay in the CPU cache. Measured on 10,000 synthetic articles (tests/report_synth.py, ~3
# million candidate pairs): 0.5 s at 4,096-8,192, 0.7 s at 16,384, 1.2 s at 32,768.
PAIR_CHUNK = 8_192
# Touched rows whose candidate pairs are found at a time (``ComponentSearch._touched``), and
# the most cells of the touched-rows-by-rows table that marks them (``_partners``; 16 MB:
# 100 new articles on 10,000 stored, or 512 on 31,000; past that, pair codes sorted).
TOUCHED_CHUNK = 512
PARTNER_CELLS = 16_000_000


def _band_keys(values: np.ndarray) -> np.ndarray:
    """One 64-bit key per row for a band's values (``rows`` per band): rows of equal values
    have equal keys; rows of equal keys are compared on their values by the caller."""
    keys = np.zeros(len(values), dtype=np.uint64)
    for column in range(values.shape[1]):
        keys = keys * np.uint64(0x9E3779B97F4A7C15) + values[:, column].astype(np.uint64)
    return keys


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


class ComponentSearch:
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

    def __init__(self, n_shingles: np.ndarray, hashes: np.ndarray, stats: CopyStats,
                 bands: tuple[int, int]) -> None:
        self.bands = bands  # (bands, rows per band) of the LSH
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
        n_bands, rows = self.bands
        for band in range(n_bands):
            order, starts, lengths = _band_runs(self.hashes, band, rows)
            if len(starts):
                self.stats.candidates += int((lengths * (lengths - 1) // 2).sum())
                self._bucket_pass(order, starts, lengths)
        return _roots(self.parent, np.arange(self.n))

    def _touched(self, touched: np.ndarray) -> np.ndarray:
        """Components when only the pairs with a touched row are new: each such candidate
        pair (sharing a band) once, however many bands it shares, compared unless joined.
        The rows sharing a band with a touched row are found by that band's values alone
        (``_band_keys``, sorted once per band), not by sorting every row on every band's
        columns: the cost follows the touched rows and their buckets."""
        new = np.flatnonzero(touched)
        if not len(new):
            return _roots(self.parent, np.arange(self.n))
        bands = [self._band_index(band) for band in range(self.bands[0])]
        for at in range(0, len(new), TOUCHED_CHUNK):
            chunk = new[at:at + TOUCHED_CHUNK]
            i, b = self._partners(chunk, bands)
            a = chunk[i]
            # A pair of two touched rows is found from both ends: compared once.
            keep = (a != b) & ((touched[b] == 0) | (a < b))
            a, b = a[keep], b[keep]
            keep = _roots(self.parent, a) != _roots(self.parent, b)
            self._compare(a[keep], b[keep])
        return _roots(self.parent, np.arange(self.n))

    def _band_index(self, band: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(values, order, keys in order) of one band: every row sorted on its key."""
        rows = self.bands[1]
        values = self.hashes[:, band * rows:(band + 1) * rows]
        keys = _band_keys(values)
        order = np.argsort(keys, kind="stable")
        return values, order, keys[order]

    def _partners(self, new: np.ndarray, bands: list[tuple[np.ndarray, np.ndarray, np.ndarray]]
                  ) -> tuple[np.ndarray, np.ndarray]:
        """(i, row): each row sharing a band's values with ``new[i]`` (itself included),
        once however many bands they share: marked in a table of ``new`` by rows when it is
        small (``PARTNER_CELLS``), else as pair codes made unique."""
        table = np.zeros((len(new), self.n), dtype=bool) if len(new) * self.n <= PARTNER_CELLS else None
        codes: list[np.ndarray] = []
        for values, order, ordered in bands:
            mine = _band_keys(values[new])
            lo = np.searchsorted(ordered, mine, side="left")
            counts = np.searchsorted(ordered, mine, side="right") - lo
            i = np.repeat(np.arange(len(new)), counts)
            partner = order[np.repeat(lo - (np.cumsum(counts) - counts), counts) + np.arange(int(counts.sum()))]
            same = np.all(values[new[i]] == values[partner], axis=1)  # equal keys, equal values: checked
            self.stats.candidates += int(same.sum()) - len(new)
            if table is not None:
                table[i[same], partner[same]] = True
            else:
                codes.append(i[same] * self.n + partner[same])
        if table is not None:
            return np.nonzero(table)
        found = np.unique(np.concatenate(codes))
        return found // self.n, found % self.n

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
        hit = pair_passes(bound, na, nb)
        maybe = np.flatnonzero(hit)
        matches = np.count_nonzero(self.hashes[a[maybe]] == self.hashes[b[maybe]], axis=1)
        hit[maybe] = pair_passes(matches, na[maybe], nb[maybe])
        return hit


def pair_passes(matches: np.ndarray, na: np.ndarray, nb: np.ndarray) -> np.ndarray:
    """``is_copy`` for arrays of pairs, with the same arithmetic (``matches`` of NUM_PERM)."""
    jac = matches / NUM_PERM
    smaller = np.minimum(na, nb)  # >= MIN_SHINGLES > 0: shorter articles are never signed in
    contain = np.minimum(1.0, jac * (na + nb) / (1.0 + jac) / smaller)
    return (jac >= COPY_MIN_JACCARD) | (contain >= COPY_MIN_CONTAINMENT)
