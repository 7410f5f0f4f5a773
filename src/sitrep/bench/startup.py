"""Start-up: from a `sitrep run` process's start to its first parsed sentence (issue 14:
under 2 s), each time in a fresh interpreter on a one-article folder and a new database.

The probe is the command line itself (``sitrep.cli.main``) with one hook: the spaCy
pipeline, once loaded, marks the wall-clock time and the process's CPU time when it hands
out its first parsed sentence. Nothing else is imported first (not this package), so what
is timed is what `sitrep run` imports and builds before it parses.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

# Fresh processes per measurement: the figure is a median, the machine being shared.
STARTUP_RUNS = 5

PROBE = r"""
import json, os, sys, time
from sitrep import nlp

marks = []
load = nlp.load_pipeline

def marked():
    pipeline = load()
    kind = type(pipeline)
    if not getattr(kind, "_sitrep_probe", False):
        pipe = kind.pipe

        def first(self, *args, **kwargs):
            for doc in pipe(self, *args, **kwargs):
                if not marks:
                    marks.append((time.time(), time.process_time()))
                yield doc

        kind.pipe, kind._sitrep_probe = first, True
    return pipeline

nlp.load_pipeline = marked
folder, db = sys.argv[1], sys.argv[2]
sys.argv = ["sitrep", "run", folder, "--db", db, "-q"]
from sitrep.cli import main
try:
    main()
except SystemExit:
    pass
print(json.dumps({"first_parse": marks[0][0] if marks else None, "cpu": marks[0][1] if marks else None}))
"""


def _installed_env() -> dict[str, str]:
    """The environment of a probe: Sitrep's bytecode written at the first start and read
    back after, as Python does by default and as an installed Sitrep has it (pip compiles
    it), also where this environment forbids writing it (PYTHONDONTWRITEBYTECODE: compiling
    Sitrep's 120 modules from source at every start was 0.24 s of the figure)."""
    return {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def first_parse(folder: Path, db: Path) -> tuple[float, float]:
    """Wall seconds from starting a `sitrep run` over ``folder`` (a new database ``db``) to
    its first parsed sentence, and the CPU seconds the process had used by then."""
    for path in (db, db.with_name(db.name + ".wal"), db.with_name(db.name + ".search")):
        path.unlink(missing_ok=True)
    started = time.time()
    res = subprocess.run([sys.executable, "-c", PROBE, str(folder), str(db)],
                         capture_output=True, text=True, check=True, env=_installed_env())
    marks = json.loads(res.stdout.strip().splitlines()[-1])
    if marks["first_parse"] is None:
        raise RuntimeError(f"no sentence of {folder} was parsed")
    return marks["first_parse"] - started, marks["cpu"]


def measure_startup(article: Path, workdir: Path, runs: int = STARTUP_RUNS) -> dict:
    """Start-up ``runs`` times on a folder holding ``article`` alone: median and range."""
    folder = workdir / "startup"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / article.name).write_bytes(article.read_bytes())
    first_parse(folder, workdir / "startup.duckdb")  # the caches (gazetteer, regexes, bytecode) filled, as after a first run
    walls, cpus = zip(*(first_parse(folder, workdir / "startup.duckdb") for _ in range(runs)))
    return {"startup_seconds": round(statistics.median(walls), 2), "startup_min_seconds": round(min(walls), 2),
            "startup_max_seconds": round(max(walls), 2), "startup_cpu_seconds": round(statistics.median(cpus), 2),
            "startup_runs": runs}
