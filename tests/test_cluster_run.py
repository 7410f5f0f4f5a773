"""``sitrep run --dask`` on a LocalCluster of two workers (issue 11): the same article, claim,
event and place rows as the single-machine run, from the Parquet dataset and after
``sitrep load``; a re-run changes nothing; a worker killed in the middle of a run still
gives the same rows, with no duplicates, and the summary counts the retried shard.

These tests need the cluster extra (dask, distributed, pyarrow), which the test extra
installs; outside CI they skip, with the reason, when it is missing (CI=true fails).
"""

from __future__ import annotations

import os
import shutil
import signal
import threading
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sitrep.cli import app
from sitrep.demo import sample_dir
from sitrep.pipeline import run
from sitrep.store import open_db
from sitrep.store.parquet import TABLES, dataset_columns

from test_store_parquet import table_rows

pytestmark = [pytest.mark.slow, pytest.mark.cluster]

ROW_TABLES = ("articles", "claims", "events", "place_mentions")
# Seconds the kill test waits for a shard to be running on a worker before giving up.
KILL_WAIT_S = 60


# The cluster extra: what `sitrep run --dask` needs, and pyarrow, which reads the dataset here.
EXTRA = ("dask", "distributed", "pyarrow")


def _need_extra() -> None:
    missing = [m for m in EXTRA if _absent(m)]
    if missing:
        reason = f"the cluster extra is not installed ({', '.join(missing)}): pip install -e '.[test]'"
        if os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)


def _absent(module: str) -> bool:
    import importlib.util

    return importlib.util.find_spec(module) is None


@pytest.fixture(scope="module")
def client():
    _need_extra()
    from sitrep.cluster.driver import connect

    with connect("local:2") as c:
        yield c


@pytest.fixture(scope="module")
def single(sample_db) -> Path:
    return sample_db


def _raw_count(out: Path, table: str) -> tuple[int, int]:
    """(rows, distinct ids) over every file of a table, without the dataset's dedup."""
    import duckdb

    key = "id" if table in ("articles", "claims", "events") else 'doc || \':\' || "start" || \':\' || text'
    return duckdb.connect().execute(
        f"SELECT count(*), count(DISTINCT {key}) FROM read_parquet('{out}/{table}/*.parquet')").fetchone()


def test_cluster_same_rows_as_one_machine_then_load_and_a_rerun_changes_nothing(client, single, tmp_path,
                                                                                monkeypatch):
    """The README's commands on a scheduler's address: run, load, read in place; a re-run."""
    from sitrep.cluster import run_dask

    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    result = runner.invoke(app, ["run", str(sample_dir()), "--dask", client.scheduler.address, "--out", "out/",
                                 "--shard-articles", "4", "-q"], terminal_width=200)
    assert result.exit_code == 0, result.output
    said = " ".join(result.output.split())
    assert "8 articles" in said and "on 2 workers, 0 shards retried" in said
    out = tmp_path / "out"
    for table in ROW_TABLES:
        assert table_rows(out, table) == table_rows(single, table), table

    import pyarrow.dataset as pads  # the files are plain Parquet, with the store's columns

    for table in TABLES:
        names = pads.dataset(out / table, format="parquet").schema.names
        assert names == [c for c, _ in dataset_columns(table)], table

    # The spaCy model was loaded once per worker, by the plugin, not once per task.
    def loads() -> int:
        from sitrep.nlp import load_pipeline

        return load_pipeline.cache_info().misses

    assert set(client.run(loads).values()) == {1}
    assert all("sitrep-models" in p for p in client.run(lambda dask_worker: list(dask_worker.plugins)).values())

    result = runner.invoke(app, ["load", "out/", "--db", "sitrep.duckdb"])  # load's help example
    assert result.exit_code == 0 and "8 new" in " ".join(result.output.split()), result.output
    result = runner.invoke(app, ["claims", "--db", "out/", "--quantity", "killed"])
    assert result.exit_code == 0 and "claims shown" in result.output

    files = sorted(p.relative_to(out) for p in out.rglob("*.parquet"))
    again = run_dask([sample_dir()], out, client=client, shard_articles=4)
    assert (again.articles, again.claims, again.failed, again.errors) == (8, len(table_rows(single, "claims")), 0, [])
    assert sorted(p.relative_to(out) for p in out.rglob("*.parquet")) == files  # the same files, rewritten
    result = runner.invoke(app, ["load", "out/", "--db", "sitrep.duckdb"])
    assert result.exit_code == 0 and "0 new, 0 replaced, 8 unchanged" in " ".join(result.output.split())
    for table in ROW_TABLES:
        assert table_rows(out, table) == table_rows(single, table)
        assert table_rows(Path("sitrep.duckdb"), table) == table_rows(single, table)
        rows, distinct = _raw_count(out, table)
        assert rows == distinct == len(table_rows(single, table))
    result = runner.invoke(app, ["run", str(sample_dir()), "--dask", "local:0", "--out", "o2"])
    assert result.exit_code == 2 and "local:N" in result.output


def _kill_a_busy_worker(client, pids: dict, done: threading.Event, killed: list) -> None:
    """Kill (SIGKILL) the process of the first worker seen running a shard."""
    deadline = time.monotonic() + KILL_WAIT_S
    while not done.is_set() and time.monotonic() < deadline:
        for address, keys in client.processing().items():
            if any("run_shard" in str(k) for k in keys) and address in pids:
                os.kill(pids[address], signal.SIGKILL)
                killed.append(address)
                return
        time.sleep(0.05)


def test_cluster_worker_killed_mid_run_gives_the_same_rows(client, tmp_path):
    """Last in this file: the killed worker's restart (and model load) needs no waiting for."""
    from sitrep.bench import generate_corpus
    from sitrep.cluster import run_dask

    corpus = tmp_path / "in"
    generate_corpus(corpus, 12, corpus="synthetic")  # bench_NNNNNN.txt files
    shutil.copy(sample_dir() / "sample_07_08_api_export.jsonl", corpus)
    (corpus / "bench_000003b.txt").write_bytes(b"\x00\xff\x10" * 400)  # a bad file among the shard's others
    baseline = tmp_path / "single.duckdb"
    run([corpus], baseline)

    pids = client.run(os.getpid)
    done, killed = threading.Event(), []
    killer = threading.Thread(target=_kill_a_busy_worker, args=(client, pids, done, killed), daemon=True)
    killer.start()
    out = tmp_path / "out"
    try:
        # The JSONL file cut into line ranges: every kind of shard is killed and retried alike.
        summary = run_dask([corpus], out, client=client, shard_articles=4, split_bytes=1024)
    finally:
        done.set()
        killer.join()
    assert killed, "no worker was seen running a shard"
    assert summary.retried >= 1 and summary.failed == 0
    assert [Path(e.path).name for e in summary.errors] == ["bench_000003b.txt"]  # reported once
    assert summary.articles == 14
    errors = "SELECT path, line, reason FROM ingest_errors ORDER BY ALL"
    with open_db(out, read_only=True) as a, open_db(baseline, read_only=True) as b:
        assert a.connection.execute(errors).fetchall() == b.connection.execute(errors).fetchall()
    for table in ROW_TABLES:
        assert table_rows(out, table) == table_rows(baseline, table), table
        rows, distinct = _raw_count(out, table)
        assert rows == distinct  # no shard's rows twice, in any file
