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

Modules: ``synthetic`` writes the corpora (the news corpus itself is ``bench_corpus``),
``run`` times one end-to-end run and the reconcile stage, ``startup`` a one-article run to
its first parsed sentence (fresh interpreters), ``scale`` the cluster, copy detection and
search benchmarks; ``python -m sitrep.bench`` is one size in a fresh process.
"""

from .run import BenchResult, bench, measure_run, measure_spacy_baseline
from .scale import bench_copies, bench_dask, bench_search, synthetic_signatures
from .synthetic import CORPORA, bench_one_line, generate_corpus, one_line_text

__all__ = ["CORPORA", "BenchResult", "bench", "bench_copies", "bench_dask", "bench_one_line", "bench_search",
           "generate_corpus", "measure_run", "measure_spacy_baseline", "one_line_text", "synthetic_signatures"]
