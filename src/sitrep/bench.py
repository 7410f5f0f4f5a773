"""`sitrep bench`: throughput and memory on a generated corpus of distinct ~800-word articles.

Each size runs in a fresh subprocess so that its peak memory (ru_maxrss) is its own; memory
is flat when the peak does not grow with the corpus. The baseline is one plain full spaCy
pass (``nlp.pipe`` over whole texts) on a sample of the same articles.
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
from datetime import date, timedelta
from pathlib import Path

# Words per generated article: the DESIGN.md budget is stated for ~800-word news articles.
TARGET_WORDS = 800
# Articles in the spaCy baseline sample: enough for a stable words/s figure in ~10 s.
BASELINE_ARTICLES = 40
# Articles added after the first reconcile, to time the incremental stage (the issue's
# budget: 100 articles on 10,000 in under 5 s).
ADDED_ARTICLES = 100

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
    cpu_seconds: float = 0.0  # CPU time of the run (this process and its worker processes)
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


def generate_corpus(folder: Path, n: int, seed: int = 7, first: int = 0) -> int:
    """Write ``n`` distinct articles (txt) into ``folder``, numbered from ``first``; returns
    the total word count."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    total = 0
    start = date(2024, 11, 27)
    for i in range(first, first + n):
        published = start + timedelta(days=i % 30)
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


def measure_run(corpus: Path, db: Path, jobs: int, *, incremental: bool = True) -> BenchResult:
    """One end-to-end `run` over ``corpus`` (called in a fresh process by `bench`), then
    the reconcile stage once, again after ``ADDED_ARTICLES`` more articles, and the reads
    of its stored results (``incremental=False``: the stage once only)."""
    from .pipeline import run

    words = sum(len(p.read_text(encoding="utf-8").split()) for p in corpus.glob("*.txt"))
    started, cpu = time.perf_counter(), _cpu_seconds()
    summary = run([corpus], db, jobs=jobs, reconcile=False)  # the stage is timed on its own below
    seconds = time.perf_counter() - started
    cpu = _cpu_seconds() - cpu
    # Peak of the run itself (main process or a worker, whichever is larger), taken before
    # the cross-source layer runs in this process.
    peak = max(_peak_rss_mb(), resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)
    rec_seconds = measure_reconcile(db)
    result = BenchResult(summary.articles, words, seconds, summary.articles / seconds, words / seconds,
                         peak, summary.claims, jobs, rec_seconds, 1000 * rec_seconds / max(summary.articles, 1),
                         _peak_rss_mb(), cpu)
    if incremental:
        extra = corpus.with_name(corpus.name + "_added")
        n_files = len(list(corpus.glob("*.txt")))
        generate_corpus(extra, ADDED_ARTICLES, seed=8, first=n_files)
        added = run([extra], db, jobs=jobs, reconcile=False)
        result.added_articles = added.new
        result.reconcile_added_seconds = measure_reconcile(db)
        reads = measure_reads(db, db.with_suffix(".html"))
        result.read_series_seconds = reads["series"]
        result.read_contradictions_seconds = reads["contradictions"]
        result.read_report_seconds = reads["report"]
    return result


def measure_reconcile(db: Path) -> float:
    """Seconds for the reconcile stage to bring the stored results up to date."""
    from .reconcile import reconcile
    from .store import open_db

    started = time.perf_counter()
    with open_db(db) as store:
        reconcile(store)
    return time.perf_counter() - started


def measure_reads(db: Path, report: Path) -> dict[str, float]:
    """Seconds to read the stored results as `sitrep series`, `sitrep contradictions` and
    `sitrep report` do (open read-only, check they are up to date, read)."""
    from .publish.report import write_report
    from .reconcile import stale_reason
    from .store import open_db

    def timed(read) -> float:
        started = time.perf_counter()
        with open_db(db, read_only=True) as store:
            assert stale_reason(store) is None
            read(store)
        return round(time.perf_counter() - started, 3)

    return {"series": timed(lambda s: (s.series(), s.copy_groups())),
            "contradictions": timed(lambda s: s.contradictions()),
            "report": timed(lambda s: write_report(s, report))}


def measure_spacy_baseline(corpus: Path, n: int = BASELINE_ARTICLES) -> float:
    """Articles/s of one plain full spaCy pass (all components, whole texts) on one core."""
    import spacy

    from .nlp import MODEL

    nlp = spacy.load(MODEL)  # every component, NER included: the plain pass Sitrep must beat
    texts = [p.read_text(encoding="utf-8") for p in sorted(corpus.glob("*.txt"))[:n]]
    started = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=16):
        pass
    return len(texts) / (time.perf_counter() - started)


def bench(sizes: list[int], jobs: int, workdir: Path | None = None, baseline: bool = True) -> dict:
    """Run every size in a subprocess; returns a JSON-ready report."""
    report: dict = {"sizes": [], "jobs": jobs}
    with tempfile.TemporaryDirectory(dir=workdir) as tmp:
        tmp_path = Path(tmp)
        for n in sizes:
            corpus = tmp_path / f"corpus_{n}"
            generate_corpus(corpus, n)
            db = tmp_path / f"bench_{n}.duckdb"
            # Warm the gazetteer cache and model files outside the timed run.
            cmd = [sys.executable, "-m", "sitrep.bench", str(corpus), str(db), str(jobs)]
            res = subprocess.run(cmd, capture_output=True, text=True, check=True)
            report["sizes"].append(json.loads(res.stdout.strip().splitlines()[-1]))
        if baseline:
            corpus = tmp_path / f"corpus_{sizes[0]}"
            report["spacy_full_pass_articles_per_s_one_core"] = round(measure_spacy_baseline(corpus), 2)
    return report


def _single_run(corpus: Path, db: Path, jobs: int) -> dict:
    cmd = [sys.executable, "-m", "sitrep.bench", str(corpus), str(db), str(jobs), "once"]
    res = subprocess.run(cmd, capture_output=True, text=True, check=True)
    return json.loads(res.stdout.strip().splitlines()[-1])


def bench_dask(addresses: list[str], sizes: list[int], jobs: int = 2, shard_articles: int | None = None,
               workdir: Path | None = None) -> dict:
    """The same generated corpus run on one machine (one process, and ``jobs`` processes)
    and on each Dask address (``local:1``, ``local:2``, a scheduler): throughput, speed-up
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
    report: dict = {"shard_articles": shard_articles, "jobs": jobs, "sizes": [],
                    "load_average_before": round(os.getloadavg()[0], 2)}
    with tempfile.TemporaryDirectory(dir=workdir) as tmp:
        tmp_path = Path(tmp)
        for n in sizes:
            corpus = tmp_path / f"corpus_{n}"
            words = generate_corpus(corpus, n)
            single = _single_run(corpus, tmp_path / f"single_{n}.duckdb", 1)
            pool = _single_run(corpus, tmp_path / f"pool_{n}.duckdb", jobs) if jobs > 1 else None
            row: dict = {"articles": n, "words": words, "single_process": single, "one_machine_jobs": pool,
                         "dask": []}
            for address in addresses:
                with connect(address) as client:
                    client.register_plugin(WorkerModels())
                    out = tmp_path / f"out_{n}_{address.replace(':', '_').replace('/', '_')}"
                    driver_cpu = _cpu_seconds()
                    summary = run_dask([corpus], out, client=client, shard_articles=shard_articles,
                                       keep_results=True)
                    driver_cpu = _cpu_seconds() - driver_cpu
                db = tmp_path / f"loaded_{n}_{len(row['dask'])}.duckdb"
                with open_db(db) as store:
                    loaded = load(store, str(out), reconcile=False)  # the merge alone (the stage: `bench`)
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


if __name__ == "__main__":  # a worker of `bench`: one size, one fresh process
    from .nlp import load_pipeline
    from .extract import default_extractor

    load_pipeline()
    default_extractor()
    result = measure_run(Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3]),
                         incremental=sys.argv[4:] != ["once"])
    print(json.dumps({k: (round(v, 2) if isinstance(v, float) else v) for k, v in asdict(result).items()}))
