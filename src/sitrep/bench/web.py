"""Two of `sitrep bench`'s measures (issue 13's targets): a re-run of the same files that has
nothing to do, and the web API's latency from its first request on."""

from __future__ import annotations

import statistics
import time
from pathlib import Path

# Requests of the API latency measure: every kind of page the API serves, filtered and not.
API_REQUESTS = ("/api/overview", "/api/articles", "/api/claims", "/api/claims?quantity=killed",
                "/api/events", "/api/events?type=airstrike", "/api/search?q=killed",
                "/api/search?q=air%20strikes", "/api/series", "/api/series?source=observatory",
                "/api/contradictions", "/api/framing", "/api/copies", "/api/stories", "/api/map",
                "/api/alerts", "/api")
API_ROUNDS = 12


def measure_noop_rerun(corpus: Path, db: Path, jobs: int) -> float:
    """Seconds for `run` over ``corpus`` again when every file is stored as it is."""
    from ..pipeline import run

    started = time.perf_counter()
    summary = run([corpus], db, jobs=jobs)
    assert summary.new == 0 and summary.updated == 0, "the re-run was not a no-op"
    return round(time.perf_counter() - started, 2)


def measure_api(db: Path, rounds: int = API_ROUNDS) -> dict[str, float]:
    """The app's start-up (its warm-up) and the latency of ``rounds`` rounds over
    ``API_REQUESTS`` through the test client, first requests included: p50, p95 and the
    slowest, in ms. Empty where the test client's HTTP library (httpx) is not installed."""
    try:
        from fastapi.testclient import TestClient
    except ImportError:
        return {}
    from ..web.app import create_app

    started = time.perf_counter()
    with TestClient(create_app(db), base_url="http://127.0.0.1") as client:
        startup = time.perf_counter() - started
        times = []
        for _ in range(rounds):
            for path in API_REQUESTS:
                began = time.perf_counter()
                client.get(path).raise_for_status()
                times.append(1000 * (time.perf_counter() - began))
    cuts = statistics.quantiles(times, n=100)
    return {"api_startup_seconds": round(startup, 2), "api_p50_ms": round(cuts[49], 1),
            "api_p95_ms": round(cuts[94], 1), "api_max_ms": round(max(times), 1)}
