"""The benchmark corpus and the stand-alone benchmarks (issue 14): shape, not timings."""

from __future__ import annotations

import random

import pytest

from sitrep import bench, bench_corpus
from sitrep.bench.scale import SEARCH_QUERIES
from sitrep.ingest import iter_inputs
from sitrep.records import Article


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("news")
    words = bench_corpus.generate(folder, 40, seed=3)
    return folder, words


def test_bench_corpus_articles_are_news_sized_with_real_news_sentence_mix(corpus) -> None:
    folder, words = corpus
    articles = [a for a in iter_inputs([str(folder)]) if isinstance(a, Article)]
    assert len(articles) == 40
    assert 0.85 * bench_corpus.TARGET_WORDS <= words / 40 <= 1.15 * bench_corpus.TARGET_WORDS
    sentences, parsed = bench_corpus.parsed_share([a.text for a in articles])
    assert 25 * 40 <= sentences <= 45 * 40  # news-length sentences, not one-liners
    assert 0.55 <= parsed / sentences <= 0.66  # real news: 58-64 %


def test_bench_corpus_varies_wars_places_and_figures(corpus) -> None:
    folder, _ = corpus
    texts = [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]
    assert len(set(texts)) == len(texts)
    t = bench_corpus.templates()
    towns = {war: set(w.towns) for war, w in t.wars.items()}
    seen = {war for war, names in towns.items() if any(n in text for text in texts for n in names)}
    assert len(seen) >= 5  # moved to most of the wars
    assert any("Observatory" in text for text in texts) and any("Rapid Support Forces" in text for text in texts)


def test_bench_corpus_draws_its_mix_by_trigger_words_not_by_the_gate() -> None:
    """A narrower parse gate shows in the parsed share; it does not redraw the corpus."""
    from sitrep import sentence_gate as nlp

    drawn = bench_corpus.templates().sentences
    assert any(s.parsed and not nlp.worth_parsing(s.text) for s in drawn)  # a bound cue alone
    assert all(s.parsed == nlp.worth_parsing(s.text, bound_cues=False) for s in drawn)


def test_bench_corpus_is_reproducible() -> None:
    one = bench_corpus.article(0, random.Random(1))
    two = bench_corpus.article(0, random.Random(1))
    assert one == two


def test_bench_corpus_figures_keep_years_and_size() -> None:
    rng = random.Random(2)
    assert bench_corpus._figure("2011", rng) == "2011"
    changed = bench_corpus._figure("48,500", rng)
    assert "," in changed and 24_250 <= int(changed.replace(",", "")) <= 97_000


def test_bench_copies_reports_counts(tmp_path) -> None:
    report = bench.bench_copies(600, copies_per_story=100, workdir=tmp_path)
    assert report["signatures"] == 600 and report["groups"] == 6
    assert report["unions"] <= report["compared"] <= report["candidate_pairs"]


def test_bench_search_reports_latency_and_index(tmp_path) -> None:
    report = bench.bench_search(60, workdir=tmp_path, scan_queries=2, batch=25)
    assert report["articles"] == 60 and report["queries"] == 3 * len(SEARCH_QUERIES)
    assert report["index_mb"] > 0 and report["p95_ms"] >= report["p50_ms"] > 0
    assert report["totals"]["killed"] > 0


def test_bench_cli_keeps_every_benchmark_option() -> None:
    """Issue 14's options beside the ones main added (--one-line-mb, --dask), one at a time."""
    from typer.testing import CliRunner

    from sitrep.cli import app

    runner = CliRunner()
    help_text = runner.invoke(app, ["bench", "--help"], terminal_width=200).output
    for option in ("--sizes", "--jobs", "--corpus", "--copies", "--search", "--one-line-mb", "--dask",
                   "--shard-articles", "--json"):
        assert option in help_text, option
    bad = runner.invoke(app, ["bench", "--corpus", "tweets"])
    assert bad.exit_code == 2 and "news, synthetic" in bad.output
    both = runner.invoke(app, ["bench", "--copies", "100", "--one-line-mb", "1"])
    assert both.exit_code == 2 and "separate benchmarks" in both.output
    one_line = runner.invoke(app, ["bench", "--one-line-mb", "0.01", "--json"])
    assert one_line.exit_code == 0, one_line.output
    assert '"sentences"' in one_line.output
    copies = runner.invoke(app, ["bench", "--copies", "300", "--json"])
    assert copies.exit_code == 0, copies.output
    assert '"groups": 2' in copies.output


def test_bench_startup_reports_the_first_parse_of_a_fresh_run(tmp_path) -> None:
    """The start-up probe runs the command line in a fresh interpreter and reads when its
    first sentence came out of the parser (shape, not timings)."""
    from sitrep.bench.startup import first_parse, measure_startup

    folder = tmp_path / "in"
    folder.mkdir()
    article = folder / "kharkiv.txt"
    article.write_text("Russian missiles struck Kharkiv on Monday, killing 4 people, the governor said.\n",
                       encoding="utf-8")
    seconds, cpu = first_parse(folder, tmp_path / "probe.duckdb")
    assert 0 < cpu and 0 < seconds
    report = measure_startup(article, tmp_path / "work", runs=1)
    assert report["startup_runs"] == 1
    assert report["startup_min_seconds"] <= report["startup_seconds"] <= report["startup_max_seconds"]
    assert report["startup_cpu_seconds"] > 0


def test_bench_startup_reads_bytecode_compiled_once(monkeypatch) -> None:
    """An installed Sitrep starts from compiled bytecode: the probe lets Python write it at
    the first start, also where the environment says not to."""
    from sitrep.bench.startup import _installed_env

    monkeypatch.setenv("PYTHONDONTWRITEBYTECODE", "1")
    monkeypatch.setenv("SITREP_CACHE_DIR", "/tmp/sitrep-probe-cache")
    env = _installed_env()
    assert "PYTHONDONTWRITEBYTECODE" not in env and env["SITREP_CACHE_DIR"] == "/tmp/sitrep-probe-cache"


def test_bench_startup_says_when_nothing_was_parsed(tmp_path) -> None:
    from sitrep.bench.startup import first_parse

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "weather.txt").write_text("Weather: sunny.\n", encoding="utf-8")
    with pytest.raises(RuntimeError, match="no sentence"):
        first_parse(folder, tmp_path / "probe.duckdb")
