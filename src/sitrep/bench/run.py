"""One end-to-end run timed (wall, CPU, peak memory), the reconcile stage, its reads,
and the plain spaCy pass it is compared with."""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from .startup import measure_startup
from .synthetic import generate_corpus
from .web import measure_api, measure_noop_rerun

# Articles in the spaCy baseline sample: enough for a stable words/s figure in ~10 s.
BASELINE_ARTICLES = 60
# Articles added after the first reconcile, to time the incremental stage (the issue's
# budget: 100 articles on 10,000 in under 5 s), dated in the corpus's last ADDED_DAYS days
# as a day's or a week's news are.
ADDED_ARTICLES = 100
ADDED_DAYS = 14


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
    parsed_share: float = 0.0  # share of them that reach the parser (extract.parse_choice)
    reconcile_cpu_seconds: float = 0.0
    copies_seconds: float = 0.0  # wire-copy detection alone (part of reconcile)
    copy_groups: int = 0
    added_articles: int = 0
    reconcile_added_seconds: float = 0.0
    read_series_seconds: float = 0.0  # `sitrep series` from the stored results
    read_contradictions_seconds: float = 0.0  # `sitrep contradictions`
    read_report_seconds: float = 0.0  # `sitrep report`
    noop_rerun_seconds: float = 0.0  # `run` over the same files again (bench.web)
    api: dict[str, float] = field(default_factory=dict)  # the web API's latency (bench.web.measure_api)


def cpu_seconds() -> float:
    """User and system CPU seconds of this process and its finished children (a pool's workers)."""
    total = 0.0
    for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN):
        usage = resource.getrusage(who)
        total += usage.ru_utime + usage.ru_stime
    return total


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _cleaned_texts(corpus: Path) -> list[str]:
    from ..ingest import iter_inputs
    from ..records import Article

    return [a.text for a in iter_inputs([str(corpus)]) if isinstance(a, Article)]


def measure_run(corpus: Path, db: Path, jobs: int, *, kind: str = "news", incremental: bool = True) -> BenchResult:
    """One end-to-end `run` over ``corpus`` (called in a fresh process by `bench`), then
    the reconcile stage once, again after ``ADDED_ARTICLES`` more articles of the corpus
    ``kind``, and the reads of its stored results (``incremental=False``: the stage once)."""
    from ..bench_corpus import parsed_share
    from ..pipeline import run

    words = sum(len(p.read_text(encoding="utf-8").split()) for p in corpus.glob("*.txt"))
    cpu = cpu_seconds()
    started = time.perf_counter()
    summary = run([corpus], db, jobs=jobs, reconcile=False)  # the stage is timed on its own below
    seconds = time.perf_counter() - started
    cpu = cpu_seconds() - cpu
    # Peak of the run itself (main process or a worker, whichever is larger), taken before
    # the cross-source layer runs in this process.
    peak = max(peak_rss_mb(), resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)
    rec_seconds, rec_cpu, copies_seconds, groups = measure_reconcile(db)
    n = max(summary.articles, 1)
    sentences, chosen = parsed_share(_cleaned_texts(corpus))
    result = BenchResult(summary.articles, words, seconds, summary.articles / seconds, words / seconds,
                         peak, summary.claims, jobs, rec_seconds, 1000 * rec_seconds / n,
                         peak_rss_mb(), cpu, 1000 * cpu / n, sentences,
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
        result.noop_rerun_seconds = measure_noop_rerun(corpus, db, jobs)
        result.api = measure_api(db)
    return result


def measure_reconcile(db: Path, *, copies: bool = True) -> tuple[float, float, float, int]:
    """(seconds, CPU seconds) for the reconcile stage to bring the stored results up to
    date, and the seconds and groups of wire-copy detection alone (which it includes)."""
    from ..backfill import reconcile_store as reconcile
    from ..reconcile.copies import find_copies
    from ..store import open_db

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
    from ..publish.report import write_report
    from ..reconcile import stale_reason
    from ..store import open_db

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

    from ..nlp import MODEL

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
        first = min((tmp_path / f"corpus_{sizes[0]}").glob("*.txt"))
        report["startup"] = measure_startup(first, tmp_path)
        if baseline:
            plain = measure_spacy_baseline(tmp_path / f"corpus_{sizes[0]}")
            report["spacy_full_pass"] = plain
            report["spacy_full_pass_articles_per_s_one_core"] = plain["articles_per_s"]
            for r in report["sizes"]:
                r["spacy_ratio"] = round(plain["cpu_ms_per_article"] / max(r["cpu_ms_per_article"], 1e-9), 2)
    return report


def single_run(corpus: Path, db: Path, jobs: int) -> dict:
    cmd = [sys.executable, "-m", "sitrep.bench", str(corpus), str(db), str(jobs), "once"]
    res = subprocess.run(cmd, capture_output=True, text=True, check=True)
    return json.loads(res.stdout.strip().splitlines()[-1])

