"""Signing without datasketch: the stored signature is bit for bit the one datasketch's
MinHash makes (the scheme, seed and hash copy detection was built on), so blobs stored
before and after compare as equals."""

from __future__ import annotations

import pytest

from sitrep import minhash

datasketch = pytest.importorskip("datasketch")

TEXTS = [
    "",
    "Shelling",
    "Rebels took Goma",
    "Russian forces shelled Kharkiv overnight, killing four civilians, the regional governor said.",
    "The RSF said it had seized the army base in El Fasher after two days of fighting; the army "
    "denied it and said its troops still held the airport and the market.",
    "Israeli strikes on Khan Younis killed 40 people, the Gaza health ministry said. " * 40,
    "Houthi forces fired missiles at a ship in the Red Sea, the US military said, é ü ß 2024",
]


def _datasketch_blob(text: str) -> bytes:
    words = minhash._WORD.findall(text.lower())
    found = minhash._shingles(words)
    template = datasketch.MinHash(num_perm=minhash.NUM_PERM, seed=minhash.PERMUTATION_SEED)
    mh = datasketch.MinHash(num_perm=minhash.NUM_PERM, hashfunc=minhash._crc32,
                            permutations=template.permutations, scheme=template.scheme)
    mh.update_batch(list(found))
    header = minhash.HEADER.pack(minhash.SIGNATURE_FORMAT, minhash.NUM_PERM, len(found), len(words))
    return header + mh.hashvalues.astype("<u4").tobytes()


@pytest.mark.parametrize("text", TEXTS)
def test_minhash_sign_equals_datasketch(text):
    assert minhash.pack_signature(text) == _datasketch_blob(text)


def test_minhash_sign_equals_signature():
    text = TEXTS[4]
    mh, n = minhash.signature(text)
    assert minhash.unpack_signature(minhash.pack_signature(text)) == (
        n, len(minhash._WORD.findall(text.lower())), mh.hashvalues.astype("<u4").tobytes())
