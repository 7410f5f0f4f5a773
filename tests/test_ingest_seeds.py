"""The real seed articles in ../shared/seeds (read-only, never copied): outcomes only."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from sitrep.ingest import iter_inputs
from sitrep.records import Article

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"

# Furniture that must not survive cleaning on any page layout.
_FURNITURE = re.compile(
    r"^(?:\d\.\s*)?Skip |^This browser does not support|^\d+ min read|^\d{1,2}:\d{2}$|^NEWSLETTER$"
    r"|^Also Read:|^Author |^Profile picture of|\[Getty\]$|\(AA Photo\)$|Photo: AFP$",
    re.MULTILINE,
)
# Arabic-script characters glued to a Latin letter are scraping debris.
_GLUED_RTL = re.compile(r"[\u0600-\u06ff][A-Za-z]|[A-Za-z][\u0600-\u06ff]")

EXPECTED = {  # file-name prefix: (publication date, outlet) that the text itself supports
    "000": (date(2024, 12, 4), None),
    "001": (date(2024, 12, 1), "DW"),
    "002": (date(2024, 12, 4), "The New Region"),
    # no dateline: the latest date the text names, marked inferred (a photo caption's in
    # 003, the start of the offensive in 004: an inferred date is a lower bound)
    "003": (date(2024, 12, 4), None),
    "004": (date(2024, 11, 27), None),
}
INFERRED = {"003", "004"}


@pytest.fixture(scope="module")
def seeds() -> dict[str, Article]:
    if not SEEDS.is_dir():
        pytest.skip(f"seed articles not present at {SEEDS}")
    items = list(iter_inputs([SEEDS]))
    articles = {a.id[:3]: a for a in items if isinstance(a, Article)}
    assert len(articles) == len(items)
    return articles


@pytest.mark.parametrize("prefix", sorted(EXPECTED))
def test_ingest_seeds_clean_and_metadata(seeds: dict[str, Article], prefix: str) -> None:
    if prefix not in seeds:
        pytest.skip(f"seed {prefix} not present")
    article = seeds[prefix]
    assert not _FURNITURE.search(article.text)
    assert not _GLUED_RTL.search(article.text)
    assert "\n\n\n" not in article.text and article.text == article.text.strip()
    assert (article.published, article.outlet) == EXPECTED[prefix]
    assert article.date_rule == ("inferred" if prefix in INFERRED else "text")
