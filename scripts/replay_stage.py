"""Time the reconcile stage after 100 more articles on a large stored corpus (issue 13's
budget: under 5 s of CPU on 10,000), replayed from stored databases so each try starts from
the same state. Run by a developer (``docs/benchmarks.md``, stop 20):

    python scripts/replay_stage.py corpus DIR 10000     # DIR/c10000, DIR/c10000_added: bench's news corpus and its 100
    python scripts/replay_stage.py extract DIR 10000    # DIR/db10000.duckdb: extraction alone (--jobs 2)
    python scripts/replay_stage.py prep DIR 10000       # DIR/rec10000.duckdb: read for reconcile, reconciled once
    python scripts/replay_stage.py added DIR 10000      # DIR/add10000.duckdb: the 100 extracted alone
    python scripts/replay_stage.py plus DIR 10000 [--profile] [--check]

``plus`` copies the reconciled store, inserts the 100 articles' rows and times the stage on
them (CPU seconds, and per step; wall seconds); ``--profile`` prints cProfile's top entries, ``--check``
compares every stored result with a full recompute. The 100 are those of ``sitrep bench
--sizes N`` (seed 8, dated in the corpus's last two weeks).
"""

from __future__ import annotations

import collections
import cProfile
import functools
import pstats
import shutil
import sys
import time
from pathlib import Path

STEPS = ("copies", "claim_index", "series", "estimates", "control_blocks", "docs", "figure_contradictions",
         "control_contradictions", "stories", "framing")


def _copy(src: Path, dst: Path) -> None:
    for old in dst.parent.glob(dst.name + "*"):
        old.unlink()
    shutil.copy(src, dst)


def _timed_steps() -> collections.Counter:
    """CPU seconds per step of the stage, added up as they run."""
    from sitrep.reconcile import stage

    spent: collections.Counter = collections.Counter()
    for name in STEPS:
        real = getattr(stage._Run, name)

        def timed(*args, _real=real, _name=name, **kwargs):
            started = time.process_time()
            try:
                return _real(*args, **kwargs)
            finally:
                spent[_name] += time.process_time() - started

        setattr(stage._Run, name, functools.wraps(real)(timed))
    return spent


def plus(folder: Path, n: str, flags: set[str]) -> None:
    from sitrep.reconcile import reconcile
    from sitrep.store import open_db

    spent = _timed_steps()
    _copy(folder / f"add{n}.duckdb", folder / "warm.duckdb")
    with open_db(folder / "warm.duckdb") as store:  # imports, lexicons and rules loaded, as in a run
        reconcile(store)
    spent.clear()
    work = folder / f"work{n}.duckdb"
    _copy(folder / f"rec{n}.duckdb", work)
    with open_db(work) as store:
        con = store.connection
        con.execute(f"ATTACH '{folder / f'add{n}.duckdb'}' AS added (READ_ONLY)")
        for table in ("articles", "claims", "events", "place_mentions", "actor_labels"):
            con.execute(f"INSERT INTO {table} SELECT * FROM added.{table}")
        con.execute("DETACH added")
    with open_db(work) as store:
        wall = time.perf_counter()
        profile = cProfile.Profile() if "--profile" in flags else None
        cpu = time.process_time()
        if profile:
            profile.enable()
        done = reconcile(store)
        if profile:
            profile.disable()
        print({k: round(v, 2) for k, v in spent.items()})
        print(f"+100 on {n}: {time.process_time() - cpu:.2f} s CPU, {time.perf_counter() - wall:.2f} s wall; {done.line()}")
        if profile:
            pstats.Stats(profile).sort_stats("cumulative").print_stats(40)
        if "--check" in flags:
            sys.path.insert(0, "tests")
            from conftest import reconciled_equals_fresh

            print("equal to a full recompute:", reconciled_equals_fresh(store))


def main(argv: list[str]) -> None:
    command, folder, n = argv[0], Path(argv[1]), argv[2]
    if command == "corpus":
        from sitrep.bench.run import ADDED_ARTICLES, ADDED_DAYS
        from sitrep.bench.synthetic import generate_corpus

        generate_corpus(folder / f"c{n}", int(n))
        generate_corpus(folder / f"c{n}_added", ADDED_ARTICLES, seed=8, first=int(n), latest=ADDED_DAYS)
    elif command == "prep":
        from sitrep.backfill import reconcile_store
        from sitrep.store import open_db

        _copy(folder / f"db{n}.duckdb", folder / f"rec{n}.duckdb")
        with open_db(folder / f"rec{n}.duckdb") as store:
            cpu = time.process_time()
            print(reconcile_store(store).line(), f"({time.process_time() - cpu:.0f} s CPU)")
    elif command in ("extract", "added"):
        from sitrep.pipeline import run

        if command == "extract":
            run([folder / f"c{n}"], folder / f"db{n}.duckdb", jobs=2, reconcile=False)
        else:
            run([folder / f"c{n}_added"], folder / f"add{n}.duckdb", jobs=1, reconcile=False)
    else:
        plus(folder, n, set(argv[3:]))


if __name__ == "__main__":
    main(sys.argv[1:])
