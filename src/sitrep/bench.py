"""`sitrep bench`: throughput, CPU and memory on a corpus of ~800-word news articles.

The corpus is made of variants of the bundled sample articles (``bench_corpus``: other
wars, places, claimants, figures; the share of sentences that reach the parser as in
real news); ``--corpus synthetic`` keeps the older generated one (one-line templates, 40 %
of sentences parsed), which flatters the throughput.

Each size runs in a fresh subprocess so that its peak memory (ru_maxrss) is its own; memory
is flat when the peak does not grow with the corpus. CPU time (all processes, workers
included) is the steady figure on a busy machine; wall time gives articles/s. The baseline
is one plain full spaCy pass (``nlp.pipe`` over whole texts, every component) over the
first articles of the same corpus in the same run; ``spacy_ratio`` is its CPU time per
article over Sitrep's.

Two more benchmarks stand alone: ``bench_copies`` (wire-copy detection on stored
signatures only, the worst case of many copies per story) and ``bench_search`` (the
full-text index: building it as articles are stored, and query latency).
"""

from __future__ import annotations

import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

# Words per generated article: the DESIGN.md budget is stated for ~800-word news articles.
TARGET_WORDS = 800
# Articles in the spaCy baseline sample: enough for a stable words/s figure in ~10 s.
BASELINE_ARTICLES = 60
CORPORA = ("news", "synthetic")
# Articles added after the first reconcile, to time the incremental stage (the issue's
# budget: 100 articles on 10,000 in under 5 s), dated in the corpus's last ADDED_DAYS days
# as a day's or a week's news are.
ADDED_ARTICLES = 100
ADDED_DAYS = 14

_PLACES = ["Hama", "Homs", "Idlib", "Aleppo", "Saraqeb", "Kharkiv", "Pokrovsk", "Goma", "El Fasher",
           "Khan Younis", "Rafah", "Bakhmut", "Omdurman", "Sittwe", "Marib", "Deir ez-Zor"]
_CLAIMANTS = ["the Syrian Observatory for Human Rights", "the United Nations", "the health ministry",
              "the army", "a rebel commander", "the Red Cross", "local medics", "the regional governor"]
_GROUPS = ["rebels", "government forces", "insurgents", "the army", "militants", "troops"]
_FIGURE_SENTENCES = [
    "At least {n} people were killed in {place} on {day}, according to {claimant}.",
    "{Claimant} said {n} civilians, including {k} children, had been wounded in strikes on {place}.",
    "The death toll in {place} has reached {n}, {claimant} reported.",
    "Around {n} people have fled {place} since {day}, {claimant} said.",
    "{Groups} captured {place} after {k} days of fighting, {claimant} said.",
    "Airstrikes on {place} killed {k} fighters and injured dozens more, said {claimant}.",
]
_FILLER = [
    "Residents described long queues for bread and fuel as prices rose sharply across the region.",
    "Analysts said the speed of the advance had surprised diplomats in several capitals.",
    "The road linking {place} to the coast has been closed to civilian traffic for most of the week.",
    "Aid agencies warned that winter would make conditions in the camps far harder.",
    "Officials in neighbouring countries held talks on how to keep the fighting from spreading.",
    "Schools in {place} remained shut and many families moved in with relatives further south.",
    "Local journalists said phone and internet services were cut for several hours.",
    "The offensive followed months of relative calm along the front lines.",
]


@dataclass
class BenchResult:
    articles: int
    words: int
    seconds: float
    articles_per_s: float
    words_per_s: float
    peak_rss_mb: float
    claims: int
    jobs: int
    # The reconcile stage (copies, series, estimates, contradictions, stories, framing) on
    # the whole corpus once, stored; then again after ADDED_ARTICLES more articles (only
    # what they touch is recomputed); and reading the stored results as the commands do.
    reconcile_seconds: float = 0.0
    reconcile_ms_per_article: float = 0.0
    reconcile_peak_rss_mb: float = 0.0
    cpu_seconds: float = 0.0  # the run's CPU time, every process (workers included)
    cpu_ms_per_article: float = 0.0
    sentences: int = 0  # sentences of the cleaned articles
    parsed_share: float = 0.0  # share of them that reach the parser (nlp.worth_parsing)
    reconcile_cpu_seconds: float = 0.0
    copies_seconds: float = 0.0  # wire-copy detection alone (part of reconcile)
    copy_groups: int = 0
    added_articles: int = 0
    reconcile_added_seconds: float = 0.0
    read_series_seconds: float = 0.0  # `sitrep series` from the stored results
    read_contradictions_seconds: float = 0.0  # `sitrep contradictions`
    read_report_seconds: float = 0.0  # `sitrep report`


def _sentence(rng: random.Random) -> str:
    """One sentence of generated conflict news: a third carry a figure or an event."""
    tpl = rng.choice(_FIGURE_SENTENCES) if rng.random() < 0.35 else rng.choice(_FILLER)
    claimant = rng.choice(_CLAIMANTS)
    return tpl.format(
        n=f"{rng.randint(3, 90000):,}", k=rng.randint(2, 60), place=rng.choice(_PLACES),
        day=rng.choice(["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]),
        claimant=claimant, Claimant=claimant[0].upper() + claimant[1:],
        Groups=rng.choice(_GROUPS).capitalize(),
    )


def generate_corpus(folder: Path, n: int, seed: int = 7, corpus: str = "news", *, first: int = 0,
                    latest: int | None = None) -> int:
    """Write ``n`` articles (txt) into ``folder``, numbered from ``first``; returns the
    total word count. ``latest``: date them in the corpus's last ``latest`` days only (new
    articles arriving after a corpus of ``first`` articles).

    ``news``: variants of the sample articles (``bench_corpus``); ``synthetic``: distinct
    articles from one-line templates (the benchmark's corpus before issue 14)."""
    if corpus == "news":
        from .bench_corpus import generate

        return generate(folder, n, seed, first=first, latest=latest)
    if corpus != "synthetic":
        raise ValueError(f"corpus must be one of {', '.join(CORPORA)}")
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    total = 0
    start = date(2024, 11, 27)
    for i in range(first, first + n):
        published = start + timedelta(days=i % 30 if latest is None else 30 - latest + i % latest)
        lines = [f"Fighting around {rng.choice(_PLACES)} enters day {i % 40 + 2}", published.strftime("%B %d, %Y"), ""]
        words = 0
        while words < TARGET_WORDS:
            sentence = _sentence(rng)
            # A serial keeps every article distinct (no accidental wire copies).
            lines.append(f"{sentence} (Report {i}-{words}.)" if rng.random() < 0.1 else sentence)
            words += len(sentence.split())
        (folder / f"bench_{i:06d}.txt").write_text("\n\n".join(lines), encoding="utf-8")
        total += words
    return total


def one_line_text(chars: int, seed: int = 7) -> str:
    """About ``chars`` characters of generated news on a single line (a feed flattened by a
    scraper, a dump): the input that made sentence splitting quadratic (issue 10)."""
    rng = random.Random(seed)
    parts: list[str] = []
    size = 0
    while size < chars:
        sentence = f"{_sentence(rng)} (Report {len(parts)}.)" if rng.random() < 0.1 else _sentence(rng)
        parts.append(sentence)
        size += len(sentence) + 1
    return " ".join(parts)


def bench_one_line(megabytes: float) -> dict:
    """Seconds to clean and split ``megabytes`` MB of one-line text into sentences."""
    from .ingest import clean_text
    from .nlp import split_sentences

    text = one_line_text(int(megabytes * 1_000_000))
    started = time.perf_counter()
    cleaned = clean_text(text)
    cleaned_at = time.perf_counter()
    sentences = split_sentences(cleaned)
    done = time.perf_counter()
    return {"one_line_chars": len(text), "clean_seconds": round(cleaned_at - started, 2),
            "split_seconds": round(done - cleaned_at, 2), "sentences": len(sentences),
            "split_chars_per_s": round(len(cleaned) / max(done - cleaned_at, 1e-9))}


def _cpu_seconds() -> float:
    """User and system CPU seconds of this process and its finished children (a pool's workers)."""
    total = 0.0
    for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN):
        usage = resource.getrusage(who)
        total += usage.ru_utime + usage.ru_stime
    return total


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _cleaned_texts(corpus: Path) -> list[str]:
    from .ingest import iter_inputs
    from .records import Article

    return [a.text for a in iter_inputs([str(corpus)]) if isinstance(a, Article)]


def measure_run(corpus: Path, db: Path, jobs: int, *, kind: str = "news", incremental: bool = True) -> BenchResult:
    """One end-to-end `run` over ``corpus`` (called in a fresh process by `bench`), then
    the reconcile stage once, again after ``ADDED_ARTICLES`` more articles of the corpus
    ``kind``, and the reads of its stored results (``incremental=False``: the stage once)."""
    from .bench_corpus import parsed_share
    from .pipeline import run

    words = sum(len(p.read_text(encoding="utf-8").split()) for p in corpus.glob("*.txt"))
    cpu = _cpu_seconds()
    started = time.perf_counter()
    summary = run([corpus], db, jobs=jobs, reconcile=False)  # the stage is timed on its own below
    seconds = time.perf_counter() - started
    cpu = _cpu_seconds() - cpu
    # Peak of the run itself (main process or a worker, whichever is larger), taken before
    # the cross-source layer runs in this process.
    peak = max(_peak_rss_mb(), resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)
    rec_seconds, rec_cpu, copies_seconds, groups = measure_reconcile(db)
    n = max(summary.articles, 1)
    sentences, chosen = parsed_share(_cleaned_texts(corpus))
    result = BenchResult(summary.articles, words, seconds, summary.articles / seconds, words / seconds,
                         peak, summary.claims, jobs, rec_seconds, 1000 * rec_seconds / n,
                         _peak_rss_mb(), cpu, 1000 * cpu / n, sentences,
                         round(chosen / max(sentences, 1), 3), rec_cpu, copies_seconds, groups)
    if incremental:
        extra = corpus.with_name(corpus.name + "_added")
        generate_corpus(extra, ADDED_ARTICLES, seed=8, corpus=kind, first=len(list(corpus.glob("*.txt"))),
                        latest=ADDED_DAYS)
        added = run([extra], db, jobs=jobs, reconcile=False)
        result.added_articles = added.new
        result.reconcile_added_seconds = measure_reconcile(db, copies=False)[0]
        reads = measure_reads(db, db.with_suffix(".html"))
        result.read_series_seconds = reads["series"]
        result.read_contradictions_seconds = reads["contradictions"]
        result.read_report_seconds = reads["report"]
    return result


def measure_reconcile(db: Path, *, copies: bool = True) -> tuple[float, float, float, int]:
    """(seconds, CPU seconds) for the reconcile stage to bring the stored results up to
    date, and the seconds and groups of wire-copy detection alone (which it includes)."""
    from .reconcile import reconcile
    from .reconcile.copies import find_copies
    from .store import open_db

    cpu = time.process_time()
    started = time.perf_counter()
    with open_db(db) as store:
        reconcile(store)
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    if not copies:
        return seconds, cpu, 0.0, 0
    with open_db(db, read_only=True) as store:
        copies_started = time.process_time()
        groups = find_copies(store)
        copies_cpu = time.process_time() - copies_started
    return seconds, cpu, copies_cpu, len(groups)


def measure_reads(db: Path, report: Path) -> dict[str, float]:
    """Seconds to read the stored results as `sitrep series`, `sitrep contradictions` and
    `sitrep report` do (open read-only, check they are up to date, read what is shown)."""
    from .publish.report import write_report
    from .reconcile import stale_reason
    from .store import open_db

    def timed(read) -> float:
        started = time.perf_counter()
        with open_db(db, read_only=True) as store:
            assert stale_reason(store) is None
            read(store)
        return round(time.perf_counter() - started, 3)

    return {"series": timed(lambda s: (s.series_lines(limit=40), s.copy_group_count())),
            "contradictions": timed(lambda s: s.contradictions_page(limit=40)),
            "report": timed(lambda s: write_report(s, report))}


def measure_spacy_baseline(corpus: Path, n: int = BASELINE_ARTICLES) -> dict:
    """One plain full spaCy pass (all components, whole cleaned texts) on one core:
    articles/s, words/s and CPU ms per article."""
    import spacy

    from .nlp import MODEL

    nlp = spacy.load(MODEL)  # every component, NER included: the plain pass Sitrep must beat
    texts = _cleaned_texts(corpus)[:n]
    cpu = time.process_time()
    started = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=16):
        pass
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    words = sum(len(t.split()) for t in texts)
    return {"articles": len(texts), "articles_per_s": round(len(texts) / seconds, 2),
            "words_per_s": round(words / seconds), "cpu_ms_per_article": round(1000 * cpu / len(texts), 1)}


def bench(sizes: list[int], jobs: int, workdir: Path | None = None, baseline: bool = True,
          corpus: str = "news") -> dict:
    """Run every size in a subprocess; returns a JSON-ready report."""
    report: dict = {"sizes": [], "jobs": jobs, "corpus": corpus}
    with tempfile.TemporaryDirectory(dir=workdir) as tmp:
        tmp_path = Path(tmp)
        for n in sizes:
            folder = tmp_path / f"corpus_{n}"
            generate_corpus(folder, n, corpus=corpus)
            db = tmp_path / f"bench_{n}.duckdb"
            # Warm the gazetteer cache and model files outside the timed run.
            cmd = [sys.executable, "-m", "sitrep.bench", str(folder), str(db), str(jobs), corpus]
            res = subprocess.run(cmd, capture_output=True, text=True, check=True)
            report["sizes"].append(json.loads(res.stdout.strip().splitlines()[-1]))
        if baseline:
            plain = measure_spacy_baseline(tmp_path / f"corpus_{sizes[0]}")
            report["spacy_full_pass"] = plain
            report["spacy_full_pass_articles_per_s_one_core"] = plain["articles_per_s"]
            for r in report["sizes"]:
                r["spacy_ratio"] = round(plain["cpu_ms_per_article"] / max(r["cpu_ms_per_article"], 1e-9), 2)
    return report


def _single_run(corpus: Path, db: Path, jobs: int) -> dict:
    cmd = [sys.executable, "-m", "sitrep.bench", str(corpus), str(db), str(jobs), "once"]
    res = subprocess.run(cmd, capture_output=True, text=True, check=True)
    return json.loads(res.stdout.strip().splitlines()[-1])


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
    from .cluster.driver import connect, run_dask
    from .cluster.plan import SHARD_ARTICLES
    from .cluster.worker import WorkerModels
    from .store import open_db
    from .store.parquet import load

    shard_articles = shard_articles or SHARD_ARTICLES
    report: dict = {"shard_articles": shard_articles, "jobs": jobs, "corpus": corpus, "sizes": [],
                    "load_average_before": round(os.getloadavg()[0], 2)}
    with tempfile.TemporaryDirectory(dir=workdir) as tmp:
        tmp_path = Path(tmp)
        for n in sizes:
            folder = tmp_path / f"corpus_{n}"
            words = generate_corpus(folder, n, corpus=corpus)
            single = _single_run(folder, tmp_path / f"single_{n}.duckdb", 1)
            pool = _single_run(folder, tmp_path / f"pool_{n}.duckdb", jobs) if jobs > 1 else None
            row: dict = {"articles": n, "words": words, "single_process": single, "one_machine_jobs": pool,
                         "dask": []}
            for address in addresses:
                with connect(address) as client:
                    client.register_plugin(WorkerModels())
                    out = tmp_path / f"out_{n}_{address.replace(':', '_').replace('/', '_')}"
                    driver_cpu = _cpu_seconds()
                    summary = run_dask([folder], out, client=client, shard_articles=shard_articles,
                                       keep_results=True)
                    driver_cpu = _cpu_seconds() - driver_cpu
                db = tmp_path / f"loaded_{n}_{len(row['dask'])}.duckdb"
                with open_db(db) as store:
                    loaded = load(store, str(out))  # the merge alone (the stage: `bench`)
                workers = summary.workers
                rate = summary.articles / summary.seconds
                row["dask"].append({
                    "address": address, "workers": workers, "articles": summary.articles, "claims": summary.claims,
                    "shards": summary.shards, "retried": summary.retried, "seconds": round(summary.seconds, 2),
                    "articles_per_s": round(rate, 2),
                    "speedup_vs_single_process": round(rate / single["articles_per_s"], 2),
                    "overhead_ms_per_shard": round(
                        1000 * (summary.seconds * workers - single["seconds"]) / max(summary.shards, 1), 1),
                    "parquet_write_ms_per_shard": round(1000 * summary.write_seconds / max(summary.shards, 1), 1),
                    "mean_articles_per_shard": round(summary.articles / max(summary.shards, 1), 1),
                    "parquet_bytes": summary.bytes,
                    "parquet_bytes_per_article": round(summary.bytes / max(summary.articles, 1)),
                    "task_cpu_seconds": round(summary.task_cpu_seconds, 2),
                    "driver_cpu_seconds": round(driver_cpu, 2),  # listing, scheduler (local), summing
                    "cpu_ms_per_article": round(1000 * (summary.task_cpu_seconds + driver_cpu)
                                                / max(summary.articles, 1), 1),
                    "cpu_overhead_ms_per_shard": round(
                        1000 * (summary.task_cpu_seconds + driver_cpu - single["cpu_seconds"])
                        / max(summary.shards, 1), 1),
                    "load_seconds": round(loaded.seconds, 2),
                    "load_articles_per_s": round(loaded.articles / max(loaded.seconds, 1e-9), 1),
                    "duckdb_bytes_per_article": round(db.stat().st_size / max(loaded.articles, 1)),
                })
            report["sizes"].append(row)
    report["load_average_after"] = round(os.getloadavg()[0], 2)
    return report


# The worst case of wire copies in issue 14: stories reprinted ~280 times each.
COPIES_PER_STORY = 280


def synthetic_signatures(n: int, copies_per_story: int = COPIES_PER_STORY,
                         seed: int = 1) -> Iterator[tuple[str, bytes]]:
    """(doc, stored signature) of ``n`` articles in stories of ``copies_per_story`` near-
    copies each (0: no copies). A copy keeps each MinHash value of its story with the
    probability of its Jaccard similarity to it (0.55-0.98, other values at random) and a
    share of its shingles (0.8-1: trimmed), as MinHash of an edited copy does."""
    import numpy as np

    from .minhash import HEADER as _HEADER, NUM_PERM, SIGNATURE_FORMAT

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
    from .reconcile.copies import find_copies
    from .reconcile.copy_search import CopyStats
    from .store import open_db

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
            "compared": stats.checked, "unions": stats.copies, "peak_rss_mb": round(_peak_rss_mb())}


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
    import random
    import statistics

    from .bench_corpus import article, templates
    from .publish import web_query as wq
    from .records import Article, Extraction, content_id
    from .store import open_db

    rng = random.Random(11)
    t = templates()
    with tempfile.TemporaryDirectory(dir=workdir) as tmp:
        db = Path(tmp) / "search.duckdb"
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
        size_mb = sum(p.stat().st_size for p in Path(tmp).glob("search.duckdb.search*")) / 2**20
        db_mb = sum(p.stat().st_size for p in Path(tmp).glob("search.duckdb")) / 2**20

        def timed(fn, q: str) -> tuple[float, float]:
            cpu, started = time.process_time(), time.perf_counter()
            fn(q)
            return 1000 * (time.perf_counter() - started), 1000 * (time.process_time() - cpu)

        with open_db(db, read_only=True) as store:
            opened = time.perf_counter()
            store.search_index()  # opened (and checked) once per connection, as the app does
            open_ms = 1000 * (time.perf_counter() - opened)
            indexed = [timed(lambda q: wq.search(store, wq.SearchParams(q=q)), q)
                       for _ in range(3) for q in SEARCH_QUERIES]
            scanned = [timed(lambda q: wq._scan(store, wq.SearchParams(q=q)), q)
                       for q in SEARCH_QUERIES[:scan_queries]]
            totals = {q: wq.search(store, wq.SearchParams(q=q, limit=1)).total for q in SEARCH_QUERIES[:6]}

    def p(values: list[float], share: float) -> float:
        values = sorted(values)
        return round(values[int(share * (len(values) - 1))], 1)

    wall, cpu = [w for w, _ in indexed], [c for _, c in indexed]
    return {"articles": n, "index_ms_per_article": round(1000 * index_cpu[0] / max(n, 1), 2),
            "index_mb": round(size_mb, 1), "database_mb": round(db_mb, 1),
            "open_ms": round(open_ms, 1), "queries": len(indexed),
            "p50_ms": p(wall, 0.5), "p95_ms": p(wall, 0.95), "max_ms": round(max(wall), 1),
            "cpu_p50_ms": p(cpu, 0.5), "cpu_p95_ms": p(cpu, 0.95),
            "scan_p50_ms": p([w for w, _ in scanned], 0.5), "scan_p95_ms": p([w for w, _ in scanned], 0.95),
            "mean_ms": round(statistics.mean(wall), 1), "totals": totals}


if __name__ == "__main__":  # a worker of `bench`: one size, one fresh process
    from .nlp import load_pipeline
    from .extract import default_extractor

    load_pipeline()
    default_extractor()
    extra = sys.argv[4] if len(sys.argv) > 4 else "news"  # the corpus of `bench`, or "once" (no more articles)
    result = measure_run(Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3]),
                         kind=extra if extra in CORPORA else "news", incremental=extra != "once")
    print(json.dumps({k: (round(v, 3 if k == "parsed_share" else 2) if isinstance(v, float) else v)
                      for k, v in asdict(result).items()}))
