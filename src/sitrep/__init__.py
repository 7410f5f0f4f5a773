"""Sitrep: news about armed conflicts -> a sourced situation record."""

import os as _os
import sys as _sys

__version__ = "0.1.0"

# The spaCy parse multiplies its matrices through numpy's OpenBLAS (``nlp.USE_BLIS``), one
# core's work per process: the worker pool is the parallelism, and more BLAS threads only
# spin on a batch's small matrices (twice the CPU for the same parse). OpenBLAS reads this
# once, when numpy loads it, so it is set before anything of Sitrep imports numpy; a value
# the environment gives wins.
BLAS_THREADS = "1"
if "numpy" not in _sys.modules:
    _os.environ.setdefault("OPENBLAS_NUM_THREADS", BLAS_THREADS)

# The regexes the last run compiled before its first parse, placed compiled in ``re``'s own
# cache before any module of Sitrep compiles its patterns (``lexicon.regex_bundle``: 0.3 s
# of every start).
from .lexicon import regex_bundle as _regex_bundle  # noqa: E402

_regex_bundle.preload()
