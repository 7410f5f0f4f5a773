"""`sitrep bench`'s web API measure: every request answered, latencies reported."""

from __future__ import annotations

from sitrep.bench.web import measure_api
from web_data import build_small_db


def test_bench_api_latency_is_measured_over_every_request(tmp_path) -> None:
    found = measure_api(build_small_db(tmp_path / "small.duckdb"), rounds=2)
    assert set(found) == {"api_startup_seconds", "api_p50_ms", "api_p95_ms", "api_max_ms"}
    assert 0 < found["api_p50_ms"] <= found["api_p95_ms"] <= found["api_max_ms"]
