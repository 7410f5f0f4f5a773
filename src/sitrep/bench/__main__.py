"""A worker of `sitrep bench`: one size, in a fresh process (its peak memory is its own)."""

import json
import sys
from dataclasses import asdict
from pathlib import Path

from ..extract import default_extractor
from ..nlp import load_pipeline
from .run import measure_run
from .synthetic import CORPORA

if __name__ == "__main__":
    load_pipeline()
    default_extractor()
    extra = sys.argv[4] if len(sys.argv) > 4 else "news"  # the corpus of `bench`, or "once" (no more articles)
    result = measure_run(Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3]),
                         kind=extra if extra in CORPORA else "news", incremental=extra != "once")
    print(json.dumps({k: (round(v, 3 if k == "parsed_share" else 2) if isinstance(v, float) else v)
                      for k, v in asdict(result).items()}))
