"""The web app's reads (``store.web_reads``): each page's total counts the rows its filters
keep, however the count is taken."""

from __future__ import annotations

import pytest

from report_synth import extractions
from sitrep.store import open_db
from sitrep.store.web_reads import claim_page, event_page

FILTERS = [{}, {"type": "airstrike"}, {"outlet": "wire"}, {"place": "a"}, {"country": "sy"},
           {"source": "observatory"}, {"type": "armed_clash", "outlet": "a"}]


@pytest.fixture(scope="module")
def synth_db(tmp_path_factory):
    db = tmp_path_factory.mktemp("reads") / "synth.duckdb"
    with open_db(db) as store:
        store.write_many(extractions(60))
    return db


@pytest.mark.parametrize("filters", FILTERS)
def test_store_web_reads_event_total_counts_what_the_filters_keep(synth_db, filters) -> None:
    with open_db(synth_db, read_only=True) as store:
        every = store.events(**filters)
        page, total = event_page(store, filters, 5, 2)
    assert total == len(every) and page == every[2:7]


def test_store_web_reads_claim_page_is_a_page_of_the_claims(synth_db) -> None:
    with open_db(synth_db, read_only=True) as store:
        every = store.claims(quantity="killed")
        page, total = claim_page(store, quantity="killed", limit=7, offset=3)
    assert total == len(every) > 10 and page == every[3:10]
