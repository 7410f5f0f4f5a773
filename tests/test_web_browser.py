"""In a real browser: filter the claims list, open an article; hostile text fires nothing."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator

import pytest

from sitrep.web.app import create_app
from web_data import HOSTILE_DOC, build_small_db

START_TIMEOUT_S = 20  # uvicorn starts in well under a second; generous for a loaded CI box
PAGE_TIMEOUT_MS = 15_000


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def base_url(tmp_path_factory) -> Iterator[str]:
    import uvicorn

    db = build_small_db(tmp_path_factory.mktemp("web") / "small.duckdb")
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + START_TIMEOUT_S
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("the web server did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=START_TIMEOUT_S)


@pytest.fixture()
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    p = context.new_page()
    p.set_default_timeout(PAGE_TIMEOUT_MS)
    dialogs: list[str] = []
    p.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    p.dialogs = dialogs  # type: ignore[attr-defined]
    outside: list[str] = []
    p.on("request", lambda r: outside.append(r.url) if not r.url.startswith("http://127.0.0.1") else None)
    p.outside = outside  # type: ignore[attr-defined]
    yield p
    context.close()


@pytest.mark.browser
def test_web_browser_filter_claims_and_open_an_article(page, base_url, artifacts_dir) -> None:
    page.goto(f"{base_url}/claims")
    rows = page.locator("#rows tbody tr")
    assert rows.count() == 5
    page.screenshot(path=str(artifacts_dir / "web_claims.png"), full_page=True)
    page.select_option("select[name=quantity]", "killed")
    page.fill("input[name=place]", "Aleppo")
    page.click("form.filters button[type=submit]")
    page.wait_for_url("**/claims?*quantity=killed*")
    assert rows.count() == 1
    assert "412" in rows.first.inner_text()
    page.screenshot(path=str(artifacts_dir / "web_claims_filtered.png"), full_page=True)
    page.click("#rows tbody tr >> a[href^='/articles/']")
    page.wait_for_url("**/articles/wire*")
    assert page.locator("article.text mark").count() == 2
    assert page.locator("#claims .claim").count() == 2
    page.screenshot(path=str(artifacts_dir / "web_article.png"), full_page=True)
    assert page.dialogs == [] and page.outside == []  # type: ignore[attr-defined]


@pytest.mark.browser
def test_web_browser_hostile_article_fires_nothing(page, base_url, artifacts_dir) -> None:
    for path in (f"/articles/{HOSTILE_DOC}", "/claims?doc=evil", "/articles", "/search?q=alert"):
        page.goto(base_url + path)
        page.wait_for_load_state("load")
        page.wait_for_timeout(200)  # give an injected handler (img onerror) time to fire
    page.goto(f"{base_url}/articles/{HOSTILE_DOC}")
    assert page.locator("article.text img, article.text script").count() == 0
    assert "<script>alert(1)</script>" in page.locator("article.text").inner_text()
    assert page.locator("a[href^='javascript:']").count() == 0
    page.screenshot(path=str(artifacts_dir / "web_hostile_article.png"), full_page=True)
    assert page.dialogs == [] and page.outside == []  # type: ignore[attr-defined]
