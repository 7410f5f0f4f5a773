"""The report in a real browser (from file://): map, charts, filters, and no script runs
from hostile article text."""

from __future__ import annotations

import pytest

from report_synth import extractions
from sitrep.publish.report import write_report
from sitrep.store import open_db

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def report_path(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("report_browser")
    store = open_db(tmp / "r.duckdb")
    store.write_many(extractions(60, hostile_every=6))
    write_report(store, tmp / "report.html", title="Synthetic conflict report")
    store.close()
    return tmp / "report.html"


@pytest.fixture()
def page(browser, report_path):
    page = browser.new_page(viewport={"width": 1366, "height": 900})
    dialogs: list[str] = []
    errors: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(report_path.as_uri())
    page.wait_for_selector("#pv-table tbody tr")
    yield page, dialogs, errors
    page.close()


def test_report_browser_map_charts_and_filter(page, artifacts_dir):
    page, dialogs, errors = page
    page.wait_for_selector("#leaflet-map .map-marker, #leaflet-map .map-cluster")
    assert page.locator("#leaflet-map .map-marker, #leaflet-map .map-cluster").count() > 0
    assert page.locator("#leaflet-map canvas").count() > 0  # the basemap
    page.locator("#leaflet-map .map-marker, #leaflet-map .map-cluster").first.click()  # a popup or a zoom
    assert not errors
    assert page.locator("#charts polyline").count() > 0
    page.screenshot(path=str(artifacts_dir / "report_top.png"))
    page.locator("#map").screenshot(path=str(artifacts_dir / "report_map.png"))

    before = page.locator("#pv-count").text_content()
    page.select_option("#pv-quantity", "injured")
    after = page.locator("#pv-count").text_content()
    assert int(after.split()[0].replace(",", "")) < int(before.split()[0].replace(",", ""))
    qs = page.locator("#pv-table tbody tr td:nth-child(2)").all_text_contents()
    assert qs and all(q.startswith("injured") for q in qs)
    assert page.locator("#pv-table mark").count() > 0  # the figure is highlighted
    page.locator("#provenance").screenshot(path=str(artifacts_dir / "report_provenance.png"))
    assert not errors


def test_report_browser_day_slider_changes_control(page):
    page, _, _ = page
    last = int(page.get_attribute("#leaflet-map", "data-markers"))
    page.eval_on_selector("#map-day", "e => { e.value = 0; e.dispatchEvent(new Event('input')); }")
    assert int(page.get_attribute("#leaflet-map", "data-markers")) < last
    assert page.locator("#map-day-label").text_content() == "2024-11-27"


def test_report_browser_hostile_text_does_not_run(page, artifacts_dir):
    page, dialogs, errors = page
    page.select_option("#pv-quantity", "")
    page.fill("#pv-search", "alert(1)")
    assert page.locator("#pv-table tbody tr").count() > 0
    text = page.locator("#pv-table tbody").text_content()
    assert "<script>alert(1)</script>" in text  # shown as text, not run
    assert page.locator("#pv-table img").count() == 0
    assert page.locator("a[href^='javascript:' i]").count() == 0
    page.fill("#pv-search", "")
    page.locator("#timeline").scroll_into_view_if_needed()
    page.wait_for_timeout(200)
    page.screenshot(path=str(artifacts_dir / "report_hostile.png"), full_page=True)
    assert dialogs == [] and not errors
