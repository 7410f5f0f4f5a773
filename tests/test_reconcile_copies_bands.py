"""The LSH bands and rows of the copy search (``copies.lsh_bands``) are the ones datasketch's
``MinHashLSH`` picks, computed without importing scipy (as datasketch does)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from sitrep.minhash import NUM_PERM
from sitrep.reconcile import copies


@pytest.mark.parametrize("threshold", [0.1, copies.LSH_THRESHOLD, 0.5, 0.8])
@pytest.mark.parametrize("num_perm", [64, NUM_PERM])
def test_reconcile_copies_bands_as_datasketch_picks(threshold, num_perm):
    from datasketch import MinHashLSH

    lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
    assert copies.lsh_bands(threshold, num_perm) == (lsh.b, lsh.r)


def test_reconcile_copies_bands_import_no_scipy():
    """In a fresh interpreter: seeking copies needs neither datasketch nor scipy."""
    import sitrep

    code = ("import sys\n"
            "from sitrep.reconcile import copies\n"
            "copies._bands()\n"
            "print(sorted(m for m in ('datasketch', 'scipy') if m in sys.modules))\n")
    src = str(Path(sitrep.__file__).parent.parent)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         env={**__import__("os").environ, "PYTHONPATH": src}).stdout.strip()
    assert out == "[]"
