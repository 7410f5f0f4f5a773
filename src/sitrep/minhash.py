"""MinHash signatures of article texts: the one format extraction writes and copy
detection reads.

Each article becomes a MinHash signature of its word 5-shingles, computed once when the
article is extracted and stored with it (``articles.minhash``). This module sits beside
``records``, below every stage: extraction signs, the store keeps the bytes, reconcile's
copy detection (``reconcile.copies``) compares them; neither imports the other for it.

Signing needs no datasketch: ``pack_signature`` computes datasketch's MinHash (scheme
"affine32", seed 1, the CRC-32 of each shingle) with numpy alone, bit for bit the same
values (tests/test_minhash_sign.py checks them against datasketch). datasketch's package
import pulls in scipy (~0.7 s of CPU), which every extraction worker paid once; only
copy detection (its LSH index) and ``signature`` import it now.
"""

from __future__ import annotations

import re
import struct
import zlib
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from datasketch import MinHash

# Word n-grams as shingles: 5 words rarely repeat between different articles on the same
# events (measured: Jaccard <= 0.01 between any two different articles of the seeds and the
# sample corpus, 0.80 for the sample's wire copy with another headline and boilerplate).
SHINGLE_WORDS = 5
NUM_PERM = 128  # standard error of the Jaccard estimate ~ 1/sqrt(128) = 0.09 at J = 0.5
# Layout of a stored signature (the ``articles.minhash`` BLOB): a little-endian header
# (format, num_perm, n_shingles, n_words), then NUM_PERM uint32 MinHash values. Bump
# SIGNATURE_FORMAT whenever shingling, hashing or NUM_PERM change: blobs of another format
# are then signed again from their text instead of compared with new ones.
SIGNATURE_FORMAT = 1
HEADER = struct.Struct("<HHII")

_WORD = re.compile(r"\w+")


@lru_cache(maxsize=1)
def _template() -> "MinHash":
    # One set of permutations for every signature (building them costs more than signing a
    # short article). Seed 1 is datasketch's default: signatures stay comparable.
    from datasketch import MinHash

    return MinHash(num_perm=NUM_PERM, seed=1)


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


def signature(text: str) -> tuple["MinHash", int]:
    """MinHash signature of a text and its number of distinct shingles."""
    return _signature(_WORD.findall(text.lower()))


def _signature(words: list[str]) -> tuple["MinHash", int]:
    from datasketch import MinHash

    template = _template()
    found = _shingles(words)
    mh = MinHash(num_perm=NUM_PERM, hashfunc=_crc32, permutations=template.permutations,
                 scheme=template.scheme)
    mh.update_batch(list(found))
    return mh, len(found)


# datasketch's permutation seed (its default) and MurmurHash3's 32-bit finalizer, which its
# "affine32" scheme applies to every input hash before the permutations.
PERMUTATION_SEED = 1
_FMIX32 = (16, 0x85EBCA6B, 13, 0xC2B2AE35, 16)
_EMPTY = 0xFFFFFFFF  # the value of a permutation no shingle has reached


@lru_cache(maxsize=1)
def _permutations():
    """(a, b) of the NUM_PERM permutations h -> a * h + b mod 2^32, drawn as datasketch
    draws them (numpy's RandomState(seed), a odd)."""
    import numpy as np

    gen = np.random.RandomState(PERMUTATION_SEED)
    a = gen.randint(0, 1 << 31, NUM_PERM, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
    b = gen.randint(0, 1 << 32, NUM_PERM, dtype=np.uint32)
    return a, b


def _hashvalues(found: set[bytes]):
    """The NUM_PERM minima (uint32) of a set of shingles."""
    import numpy as np

    if not found:
        return np.full(NUM_PERM, _EMPTY, dtype=np.uint32)
    s1, m1, s2, m2, s3 = (np.uint32(c) for c in _FMIX32)
    hv = np.fromiter((_crc32(s) for s in found), dtype=np.uint32, count=len(found)).reshape(-1, 1)
    hv = hv ^ (hv >> s1)
    hv = hv * m1
    hv = hv ^ (hv >> s2)
    hv = hv * m2
    hv = hv ^ (hv >> s3)
    a, b = _permutations()
    return (hv * a + b).min(axis=0)


def pack_signature(text: str) -> bytes:
    """The stored form of a text's signature (the ``articles.minhash`` BLOB)."""
    words = _WORD.findall(text.lower())
    found = _shingles(words)
    header = HEADER.pack(SIGNATURE_FORMAT, NUM_PERM, len(found), len(words))
    return header + _hashvalues(found).astype("<u4").tobytes()


def unpack_signature(blob: bytes | None) -> tuple[int, int, bytes] | None:
    """(n_shingles, n_words, NUM_PERM little-endian uint32 values) of a stored signature;
    None when there is none, or it has another format (it must be signed again)."""
    if blob is None or len(blob) != HEADER.size + 4 * NUM_PERM:
        return None
    fmt, num_perm, n_shingles, n_words = HEADER.unpack_from(blob)
    if fmt != SIGNATURE_FORMAT or num_perm != NUM_PERM:
        return None
    return n_shingles, n_words, bytes(blob[HEADER.size:])
