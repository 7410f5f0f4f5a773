"""The web API on a generated database: filters, totals and pagination stay right at scale.

``python tests/test_web_scale.py DB N_CLAIMS`` builds a database of ``N_CLAIMS`` claims and
measures API latency (p50/p95 over typical filtered requests); the test runs a small one.
"""

from __future__ import annotations

import random
import statistics
import sys
import time
from datetime import date, timedelta
from pathlib import Path

from sitrep.records import Article, Claim, Extraction, content_id
from sitrep.store import open_db

CLAIMS_PER_ARTICLE = 20  # a long wire story with a casualty breakdown
OUTLETS = ("Wire A", "Courier B", "Bulletin C", "Daily D", "Radio E")
SOURCES = ("Syrian Observatory for Human Rights", "United Nations", "Syrian army", None)
QUANTITIES = ("killed", "injured", "displaced", "detained")
CATEGORIES = ("total", "civilians", "combatants")
PLACES = ("Aleppo", "Hama", "Idlib", "Homs", None)
WRITE_BATCH = 200  # articles per write transaction
FIRST_DAY = date(2024, 11, 1)


def _extraction(i: int, rng: random.Random) -> Extraction:
    sentences = [f"In report {i} line {k}, {rng.randint(2, 900)} people were killed near town {k}."
                 for k in range(CLAIMS_PER_ARTICLE)]
    text = " ".join(sentences)
    doc = f"gen{i:06d}"
    article = Article(id=doc, text=text, content_hash=content_id(text, 64), title=f"Report {i}",
                      outlet=OUTLETS[i % len(OUTLETS)], published=FIRST_DAY + timedelta(days=i % 60),
                      url=f"https://example.org/{doc}")
    claims, pos = [], 0
    for k, sentence in enumerate(sentences):
        start = pos + sentence.index(",") + 2
        end = text.index(" ", start)
        claims.append(Claim(
            id=content_id(doc, k), doc=doc, quantity=QUANTITIES[(i + k) % len(QUANTITIES)],
            category=CATEGORIES[k % len(CATEGORIES)], value=int(text[start:end]), low=None,
            high=None, qualifier=None, source=SOURCES[(i * 7 + k) % len(SOURCES)],
            source_kind="monitor", sentence=sentence, start=start, end=end, sentence_start=pos,
            rule="generated", place=PLACES[(i + 3 * k) % len(PLACES)]))
        pos += len(sentence) + 1
    return Extraction(article=article, claims=claims)


def build_synthetic(path: Path, n_claims: int, seed: int = 7) -> None:
    """A database of about ``n_claims`` generated claims (``CLAIMS_PER_ARTICLE`` per article)."""
    rng = random.Random(seed)
    n_articles = max(1, n_claims // CLAIMS_PER_ARTICLE)
    with open_db(path) as store:
        for first in range(0, n_articles, WRITE_BATCH):
            last = min(n_articles, first + WRITE_BATCH)
            store.write_many(_extraction(i, rng) for i in range(first, last))


def typical_requests(n: int, seed: int = 3) -> list[tuple[str, dict]]:
    """Paths and query params analysts typically ask for."""
    rng = random.Random(seed)
    shapes = [
        lambda: ("/api/claims", {}),
        lambda: ("/api/claims", {"quantity": rng.choice(QUANTITIES)}),
        lambda: ("/api/claims", {"source": SOURCES[0], "quantity": "killed"}),
        lambda: ("/api/claims", {"outlet": rng.choice(OUTLETS), "since": "2024-11-10",
                                 "until": "2024-11-20"}),
        lambda: ("/api/claims", {"place": rng.choice(PLACES[:-1]), "offset": 500}),
        lambda: ("/api/claims", {"doc": f"gen{rng.randrange(100):06d}"}),
        lambda: ("/api/articles", {"outlet": rng.choice(OUTLETS)}),
        lambda: ("/api/search", {"q": f"town {rng.randrange(20)}."}),
    ]
    return [rng.choice(shapes)() for _ in range(n)]


def measure(client, requests: list[tuple[str, dict]]) -> dict[str, float]:
    timings = []
    for path, params in requests:
        started = time.perf_counter()
        response = client.get(path, params=params)
        timings.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, (path, params, response.text[:200])
    timings.sort()
    return {"n": len(timings), "p50_ms": statistics.median(timings),
            "p95_ms": timings[int(0.95 * (len(timings) - 1))], "max_ms": timings[-1]}


def test_web_scale_totals_and_pages_match_counts(tmp_path) -> None:
    from fastapi.testclient import TestClient

    from sitrep.web.app import create_app

    db = tmp_path / "gen.duckdb"
    build_synthetic(db, 2_000)
    with TestClient(create_app(db), base_url="http://127.0.0.1") as client:
        every = client.get("/api/claims", params={"limit": 1}).json()
        assert every["total"] == 2_000
        killed = client.get("/api/claims", params={"quantity": "killed", "limit": 1}).json()
        assert 0 < killed["total"] < every["total"]
        seen, offset = [], 0
        while offset is not None:
            page = client.get("/api/claims", params={"quantity": "killed", "limit": 200,
                                                      "offset": offset}).json()
            seen.extend(item["id"] for item in page["items"])
            offset = page["next_offset"]
        assert len(seen) == len(set(seen)) == killed["total"]
        stats = measure(client, typical_requests(40))
        assert stats["n"] == 40


if __name__ == "__main__":
    from fastapi.testclient import TestClient

    from sitrep.web.app import create_app

    target, size = Path(sys.argv[1]), int(sys.argv[2])
    if not target.exists():
        started = time.perf_counter()
        build_synthetic(target, size)
        print(f"built {target} ({size} claims) in {time.perf_counter() - started:.1f}s")
    with TestClient(create_app(target), base_url="http://127.0.0.1") as client:
        measure(client, typical_requests(20))  # warm up
        print(measure(client, typical_requests(200)))
