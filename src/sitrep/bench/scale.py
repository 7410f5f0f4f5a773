"""Benchmarks at scale: a Dask cluster against one machine, wire-copy detection on
stored signatures alone, and the full-text search index."""

from __future__ import annotations

import os
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from .run import cpu_seconds, peak_rss_mb, single_run
from .synthetic import generate_corpus

def bench_dask(addresses: list[str], sizes: list[int], jobs: int = 2, shard_articles: int | None = None,
               workdir: Path | None = None, corpus: str = "news") -> dict:
    """The same corpus (``corpus``, as in ``bench``) run on one machine (one process, and
    ``jobs`` processes) and on each Dask address (``local:1``, ``local:2``, a scheduler): throughput, speed-up
    over the single process, per-shard overhead, Parquet bytes per article, and the time
    ``sitrep load`` takes to merge the dataset into a DuckDB file.

    Models are loaded before the clock starts everywhere (the single runs in their fresh
    process, the workers through the plugin). Per-shard overhead is what a cluster run
    costs beyond the single process's work, per shard: (run seconds x workers - single
    process seconds) / shards; the shard tasks' own Parquet writing is given apart."""
    from ..cluster.plan import SHARD_ARTICLES

    shard_articles = shard_articles or SHARD_ARTICLES
    report: dict = {"shard_articles": shard_articles, "jobs": jobs, "corpus": corpus, "sizes": [],
                    "load_average_before": round(os.getloadavg()[0], 2)}
    with tempfile.TemporaryDirectory(dir=workdir) as tmp:
        tmp_path = Path(tmp)
        for n in sizes:
            folder = tmp_path / f"corpus_{n}"
            words = generate_corpus(folder, n, corpus=corpus)
            single = single_run(folder, tmp_path / f"single_{n}.duckdb", 1)
            pool = single_run(folder, tmp_path / f"pool_{n}.duckdb", jobs) if jobs > 1 else None
            row: dict = {"articles": n, "words": words, "single_process": single, "one_machine_jobs": pool,
                         "dask": []}
            for address in addresses:
                row["dask"].append(_dask_row(address, folder, tmp_path, n, len(row["dask"]), shard_articles, single))
            report["sizes"].append(row)
    report["load_average_after"] = round(os.getloadavg()[0], 2)
    return report



def _dask_row(address: str, folder: Path, tmp_path: Path, n: int, index: int, shard_articles: int,
              single: dict) -> dict:
    """One Dask address's run of the corpus in ``folder`` and ``sitrep load`` of its dataset,
    measured against the single process's run."""
    from ..cluster.driver import connect, run_dask
    from ..cluster.worker import WorkerModels
    from ..store import open_db
    from ..store.parquet import load

    with connect(address) as client:
        client.register_plugin(WorkerModels())
        out = tmp_path / f"out_{n}_{address.replace(':', '_').replace('/', '_')}"
        driver_cpu = cpu_seconds()
        summary = run_dask([folder], out, client=client, shard_articles=shard_articles, keep_results=True)
        driver_cpu = cpu_seconds() - driver_cpu
    db = tmp_path / f"loaded_{n}_{index}.duckdb"
    with open_db(db) as store:
        loaded = load(store, str(out))  # the merge alone (the stage: `bench`)
    workers = summary.workers
    rate = summary.articles / summary.seconds
    per_shard = max(summary.shards, 1)
    return {
        "address": address, "workers": workers, "articles": summary.articles, "claims": summary.claims,
        "shards": summary.shards, "retried": summary.retried, "seconds": round(summary.seconds, 2),
        "articles_per_s": round(rate, 2),
        "speedup_vs_single_process": round(rate / single["articles_per_s"], 2),
        "overhead_ms_per_shard": round(1000 * (summary.seconds * workers - single["seconds"]) / per_shard, 1),
        "parquet_write_ms_per_shard": round(1000 * summary.write_seconds / per_shard, 1),
        "mean_articles_per_shard": round(summary.articles / per_shard, 1),
        "parquet_bytes": summary.bytes,
        "parquet_bytes_per_article": round(summary.bytes / max(summary.articles, 1)),
        "task_cpu_seconds": round(summary.task_cpu_seconds, 2),
        "driver_cpu_seconds": round(driver_cpu, 2),  # listing, scheduler (local), summing
        "cpu_ms_per_article": round(1000 * (summary.task_cpu_seconds + driver_cpu) / max(summary.articles, 1), 1),
        "cpu_overhead_ms_per_shard": round(
            1000 * (summary.task_cpu_seconds + driver_cpu - single["cpu_seconds"]) / per_shard, 1),
        "load_seconds": round(loaded.seconds, 2),
        "load_articles_per_s": round(loaded.articles / max(loaded.seconds, 1e-9), 1),
        "duckdb_bytes_per_article": round(db.stat().st_size / max(loaded.articles, 1)),
    }


# The worst case of wire copies in issue 14: stories reprinted ~280 times each.
COPIES_PER_STORY = 280


def synthetic_signatures(n: int, copies_per_story: int = COPIES_PER_STORY,
                         seed: int = 1) -> Iterator[tuple[str, bytes]]:
    """(doc, stored signature) of ``n`` articles in stories of ``copies_per_story`` near-
    copies each (0: no copies). A copy keeps each MinHash value of its story with the
    probability of its Jaccard similarity to it (0.55-0.98, other values at random) and a
    share of its shingles (0.8-1: trimmed), as MinHash of an edited copy does."""
    import numpy as np

    from ..minhash import HEADER as _HEADER, NUM_PERM, SIGNATURE_FORMAT

    rng = np.random.default_rng(seed)
    i = 0
    while i < n:
        base = rng.integers(0, 2**32, NUM_PERM, dtype=np.uint64).astype(np.uint32)
        shingles = int(rng.integers(500, 900))
        for _ in range(max(1, copies_per_story)):
            if i >= n:
                break
            if copies_per_story:
                kept = rng.random(NUM_PERM) < rng.uniform(0.55, 0.98)
                values = np.where(kept, base, rng.integers(0, 2**32, NUM_PERM, dtype=np.uint64).astype(np.uint32))
                size = int(shingles * rng.uniform(0.8, 1.0))
            else:
                values, size = base, shingles
            header = _HEADER.pack(SIGNATURE_FORMAT, NUM_PERM, size, size + 4)
            yield f"sig{i:07d}", header + values.astype("<u4").tobytes()
            i += 1
            if not copies_per_story:
                break


def bench_copies(n: int, copies_per_story: int = COPIES_PER_STORY, workdir: Path | None = None) -> dict:
    """Wire-copy detection on ``n`` stored signatures alone (no text, no extraction)."""
    from ..reconcile.copies import find_copies
    from sitrep.reconcile.copy_search import CopyStats
    from ..store import open_db

    with tempfile.TemporaryDirectory(dir=workdir) as tmp:
        db = Path(tmp) / "copies.duckdb"
        with open_db(db) as store:
            rows = list(synthetic_signatures(n, copies_per_story))
            store.connection.execute(
                "INSERT INTO articles (id, content_hash, text, minhash, published) "
                "SELECT id, id, '', minhash, DATE '2024-01-01' + (hash(id) % 300)::INTEGER "
                "FROM (SELECT unnest(CAST(? AS VARCHAR[])) AS id, unnest(CAST(? AS BLOB[])) AS minhash)",
                [[d for d, _ in rows], [b for _, b in rows]])
            del rows
        with open_db(db, read_only=True) as store:
            stats = CopyStats()
            cpu, started = time.process_time(), time.perf_counter()
            groups = find_copies(store, stats=stats)
            seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    return {"signatures": n, "copies_per_story": copies_per_story, "seconds": round(seconds, 2),
            "cpu_seconds": round(cpu, 2), "groups": len(groups), "candidate_pairs": stats.candidates,
            "compared": stats.checked, "unions": stats.copies, "peak_rss_mb": round(peak_rss_mb())}


# Queries of the search benchmark: what an analyst types (places, claimants, actors, a
# casualty word, a short phrase; some common, some rare).
SEARCH_QUERIES = ("killed", "Aleppo", "Observatory", "displaced", "air strikes", "Qamhana",
                  "Rapid Support Forces", "hospital", "at least", "United Nations", "Kharkiv",
                  "prison", "civilians", "M23", "reinforcements", "ceasefire", "rubble",
                  "shelling", "Health Ministry", "told CNN", "convoy", "Sittwe",
                  "Houthi", "Gaza", "bridge", "curfew", "the army said", "volunteer")


def bench_search(n: int, workdir: Path | None = None, scan_queries: int = 10,
                 batch: int = 200) -> dict:
    """The full-text index on ``n`` stored articles of the news corpus: the cost of
    indexing them as they are stored, and the latency of ``/api/search``'s query (the
    function behind it, no HTTP) over ``SEARCH_QUERIES``, against the text scan it replaced."""
    import statistics

    with tempfile.TemporaryDirectory(dir=workdir) as tmp:
        db = Path(tmp) / "search.duckdb"
        index_cpu = _store_news_corpus(db, n, batch)
        size_mb = sum(p.stat().st_size for p in Path(tmp).glob("search.duckdb.search*")) / 2**20
        db_mb = sum(p.stat().st_size for p in Path(tmp).glob("search.duckdb")) / 2**20
        open_ms, indexed, scanned, totals = _search_times(db, scan_queries)
    wall, cpu = [w for w, _ in indexed], [c for _, c in indexed]
    p = _percentile
    return {"articles": n, "index_ms_per_article": round(1000 * index_cpu / max(n, 1), 2),
            "index_mb": round(size_mb, 1), "database_mb": round(db_mb, 1),
            "open_ms": round(open_ms, 1), "queries": len(indexed),
            "p50_ms": p(wall, 0.5), "p95_ms": p(wall, 0.95), "max_ms": round(max(wall), 1),
            "cpu_p50_ms": p(cpu, 0.5), "cpu_p95_ms": p(cpu, 0.95),
            "scan_p50_ms": p([w for w, _ in scanned], 0.5), "scan_p95_ms": p([w for w, _ in scanned], 0.95),
            "mean_ms": round(statistics.mean(wall), 1), "totals": totals}


def _store_news_corpus(db: Path, n: int, batch: int) -> float:
    """Store ``n`` articles of the news corpus in batches; the CPU seconds the search index
    took of the writes."""
    import random

    from ..bench_corpus import article, templates
    from ..records import Article, Extraction, content_id
    from ..store import open_db

    rng = random.Random(11)
    t = templates()
    index_cpu = [0.0]
    with open_db(db) as store:
        store._start_indexing()
        index = store._search
        if index is not None:  # the index's share of each write, timed
            add = index.add

            def timed_add(rows):  # type: ignore[no-untyped-def]
                cpu = time.process_time()
                try:
                    return add(rows)
                finally:
                    index_cpu[0] += time.process_time() - cpu

            index.add = timed_add  # type: ignore[method-assign]
        for first in range(0, n, batch):
            batch_rows = []
            for i in range(first, min(n, first + batch)):
                text = article(i, rng, t)[0]
                batch_rows.append(Extraction(Article(f"news_{i:07d}", text, content_id(text, 64),
                                                     outlet=f"Outlet {i % 40}"), signature=b""))
            store.write_many(batch_rows)
    return index_cpu[0]


def _search_times(db: Path, scan_queries: int) -> tuple[float, list, list, dict]:
    """(ms to open the index, (wall, cpu) ms of each indexed query, of each scanned one,
    the totals of the first queries)."""
    from ..web import pages
    from ..web.params import SearchParams
    from ..store import open_db

    def timed(fn, q: str) -> tuple[float, float]:
        cpu, started = time.process_time(), time.perf_counter()
        fn(q)
        return 1000 * (time.perf_counter() - started), 1000 * (time.process_time() - cpu)

    with open_db(db, read_only=True) as store:
        opened = time.perf_counter()
        store.search_index()  # opened (and checked) once per connection, as the app does
        open_ms = 1000 * (time.perf_counter() - opened)
        indexed = [timed(lambda q: pages.search(store, SearchParams(q=q)), q)
                   for _ in range(3) for q in SEARCH_QUERIES]
        scanned = [timed(lambda q: pages.scan_literal(store, SearchParams(q=q)), q)
                   for q in SEARCH_QUERIES[:scan_queries]]
        totals = {q: pages.search(store, SearchParams(q=q, limit=1)).total for q in SEARCH_QUERIES[:6]}
    return open_ms, indexed, scanned, totals


def _percentile(values: list[float], share: float) -> float:
    values = sorted(values)
    return round(values[int(share * (len(values) - 1))], 1)
