"""Polite fetching against servers on loopback: conditional GET, robots.txt, per-host limits,
timeouts, retries with backoff, size limits, only http(s), and a name for every failure."""

from __future__ import annotations

import socket
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace

import pytest

from watch_servers import Site, require_watch_extra

require_watch_extra()

import httpx  # noqa: E402

from sitrep.watch.config import FetchOptions  # noqa: E402
from sitrep.watch.fetch import FetchError, Fetcher  # noqa: E402

# Short waits: the tests' servers answer at once or never.
FAST = FetchOptions(host_delay_s=0.0, timeout_s=0.5, retries=1, backoff_s=0.01, max_bytes=64 * 1024)


@pytest.fixture
def site():
    s = Site()
    yield s
    s.close()


def _fetcher(**changes) -> Fetcher:
    return Fetcher(replace(FAST, **changes))


def test_fetch_conditional_get_answers_304(site) -> None:
    site.set("/feed.xml", "<rss/>", content_type="application/rss+xml", etag='"v1"',
             last_modified="Wed, 04 Dec 2024 10:00:00 GMT")
    with _fetcher() as f:
        first = f.get(site.url("/feed.xml"))
        assert first.status == 200 and first.etag == '"v1"' and not first.not_modified
        second = f.get(site.url("/feed.xml"), etag=first.etag, last_modified=first.last_modified)
    assert second.not_modified and second.content == b""
    sent = site.requests("/feed.xml")[-1].headers
    assert sent["If-None-Match"] == '"v1"' and sent["If-Modified-Since"] == "Wed, 04 Dec 2024 10:00:00 GMT"
    assert sent["User-Agent"].startswith("sitrep-watch/")


def test_fetch_robots_disallowed_path_is_not_requested(site) -> None:
    site.set("/robots.txt", "User-agent: *\nDisallow: /private/\n", content_type="text/plain")
    site.set("/private/a.html", "<html>secret</html>")
    site.set("/public/b.html", "<html>open</html>")
    with _fetcher() as f:
        with pytest.raises(FetchError) as caught:
            f.get(site.url("/private/a.html"))
        assert caught.value.kind == "robots"
        assert f.get(site.url("/public/b.html")).content == b"<html>open</html>"
    assert site.requests("/private/a.html") == []
    assert len(site.requests("/robots.txt")) == 1  # asked once per host


def test_fetch_robots_rules_for_this_agent(site) -> None:
    site.set("/robots.txt", "User-agent: sitrep-watch\nDisallow: /\n\nUser-agent: *\nAllow: /\n",
             content_type="text/plain")
    site.set("/a.html", "<html>a</html>")
    with _fetcher() as f, pytest.raises(FetchError, match="robots"):
        f.get(site.url("/a.html"))


@pytest.mark.parametrize("robots, path, allowed", [
    ("User-agent: *\nDisallow: /*.pdf$\n", "/files/report.pdf", False),
    ("User-agent: *\nDisallow: /*.pdf$\n", "/files/report.pdf?x=1", True),
    ("User-agent: *\nDisallow: /*?\n", "/news?page=2", False),
    ("User-agent: *\nDisallow: /*?\n", "/news", True),
    ("User-agent: *\nDisallow: /private/\nAllow: /private/open/\n", "/private/open/a.html", True),
    ("User-agent: *\nAllow: /private/open/\nDisallow: /private/\n", "/private/x.html", False),
    ("User-agent: *\nDisallow: /a\nAllow: /a\n", "/a/b", True),  # a tie: allow wins
    ("User-agent: other\nDisallow: /\n", "/a.html", True),
    ("User-agent: Other\nUser-agent: SITREP-WATCH\nDisallow: /live\n\nUser-agent: *\nDisallow: /\n",
     "/news/a.html", True),
    ("User-agent: *\nDisallow: /\n", "/robots.txt", True),
    ("User-agent: *\nDisallow: /caf%C3%A9/\n", "/café/menu", False),
    ("User-agent: *\nDisallow:\n", "/anything", True),
])
def test_fetch_robots_rfc9309_matching(robots: str, path: str, allowed: bool) -> None:
    from sitrep.watch.robots import parse_robots

    assert parse_robots(robots, "sitrep-watch").allowed(f"https://a.example{path}") is allowed


def test_fetch_robots_crawl_delay_spaces_requests(site) -> None:
    site.set("/robots.txt", "User-agent: *\nCrawl-delay: 0.3\n", content_type="text/plain")
    for i in range(3):
        site.set(f"/c{i}.html", "<html>c</html>")
    with _fetcher() as f:
        for i in range(3):
            f.get(site.url(f"/c{i}.html"))
    starts = [s.at for s in site.seen if s.path.startswith("/c")]
    # arrival times at the test server jitter under load (a request's arrival may lag its
    # send): the three requests span at least two delays, and no two come together
    assert starts[-1] - starts[0] >= 0.5 and all(b - a >= 0.15 for a, b in zip(starts, starts[1:]))


def test_fetch_robots_missing_allows_and_unreachable_disallows(site) -> None:
    site.set("/a.html", "<html>a</html>")
    with _fetcher() as f:  # no robots.txt (404): everything allowed
        assert f.get(site.url("/a.html")).status == 200
    site.set("/robots.txt", "down", status=503, content_type="text/plain")
    with _fetcher() as f:  # a 5xx robots.txt: the host is off limits (RFC 9309)
        with pytest.raises(FetchError) as caught:
            f.get(site.url("/a.html"))
    assert caught.value.kind == "robots" and "unreachable" in caught.value.message


def test_fetch_500_is_retried_with_backoff_then_named(site) -> None:
    site.set("/robots.txt", "", content_type="text/plain")
    site.set("/feed.xml", "oops", status=500, content_type="text/plain")
    with _fetcher(retries=2, backoff_s=0.05) as f:
        with pytest.raises(FetchError) as caught:
            f.get(site.url("/feed.xml"))
    assert caught.value.kind == "http_5xx" and "500" in caught.value.message
    hits = site.requests("/feed.xml")
    assert len(hits) == 3  # the first try and two retries
    gaps = [b.at - a.at for a, b in zip(hits, hits[1:])]
    assert gaps[0] >= 0.04 and gaps[1] >= 0.09  # 0.05 s, then twice that


def test_fetch_404_is_not_retried(site) -> None:
    with _fetcher(retries=3) as f, pytest.raises(FetchError) as caught:
        f.get(site.url("/gone.html"))
    assert caught.value.kind == "http_4xx" and caught.value.status == 404
    assert len(site.requests("/gone.html")) == 1


def test_fetch_hanging_server_times_out(site) -> None:
    site.set("/slow.xml", hang=True)
    started = time.monotonic()
    with _fetcher(timeout_s=0.3, retries=1) as f, pytest.raises(FetchError) as caught:
        f.get(site.url("/slow.xml"))
    assert caught.value.kind == "timeout"
    assert time.monotonic() - started < 3.0
    assert len(site.requests("/slow.xml")) == 2


def test_fetch_huge_page_is_cut_at_the_limit(site) -> None:
    huge = b"<html><body>" + b"x" * (1024 * 1024) + b"</body></html>"
    site.set("/declared.html", huge)
    site.set("/streamed.html", huge, length=False)
    with _fetcher() as f:
        for path in ("/declared.html", "/streamed.html"):
            with pytest.raises(FetchError) as caught:
                f.get(site.url(path))
            assert caught.value.kind == "oversize", path
            assert "65,536" in caught.value.message


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://127.0.0.1/a", "javascript:alert(1)", "/relative"])
def test_fetch_only_http_and_https(url: str) -> None:
    with _fetcher() as f, pytest.raises(FetchError) as caught:
        f.get(url)
    assert caught.value.kind == "bad_url"


def test_fetch_redirects_are_followed_and_checked(site) -> None:
    site.set("/old.html", status=301, headers={"Location": "/new.html"})
    site.set("/new.html", "<html>new</html>")
    site.set("/evil.html", status=302, headers={"Location": "file:///etc/passwd"})
    site.set("/loop.html", status=302, headers={"Location": "/loop.html"})
    with _fetcher() as f:
        moved = f.get(site.url("/old.html"))
        assert moved.content == b"<html>new</html>" and moved.url == site.url("/new.html")
        with pytest.raises(FetchError) as evil:
            f.get(site.url("/evil.html"))
        assert evil.value.kind == "bad_url"
        with pytest.raises(FetchError) as loop:
            f.get(site.url("/loop.html"))
        assert loop.value.kind == "redirects"


def test_fetch_at_most_two_at_once_per_host_and_delay_between_starts(site) -> None:
    for i in range(6):
        site.set(f"/p{i}.html", f"<html>{i}</html>", delay=0.3)
    with _fetcher(host_delay_s=0.1, per_host=2) as f:
        with ThreadPoolExecutor(max_workers=6) as pool:
            list(pool.map(lambda i: f.get(site.url(f"/p{i}.html")), range(6)))
    assert site.max_in_flight == 2  # six asked at once, two served at a time
    starts = sorted(s.at for s in site.seen if s.path.startswith("/p"))
    # 0.1 s apart as sent; arrival on loopback may shift each by a few milliseconds
    assert all(b - a >= 0.08 for a, b in zip(starts, starts[1:]))


def test_fetch_dns_failure_is_named_dns() -> None:
    def no_such_host(request: httpx.Request) -> httpx.Response:
        cause = socket.gaierror(-2, "Name or service not known")
        raise httpx.ConnectError("[Errno -2] Name or service not known", request=request) from cause

    with Fetcher(FAST, transport=httpx.MockTransport(no_such_host)) as f, pytest.raises(FetchError) as caught:
        f.get("http://news.example.invalid/feed.xml")
    assert caught.value.kind == "dns"


def test_fetch_refused_connection_is_named_connect() -> None:
    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with _fetcher(retries=0) as f, pytest.raises(FetchError) as caught:
        f.get(f"http://127.0.0.1:{port}/feed.xml")
    assert caught.value.kind == "connect"


def test_fetch_stop_ends_waits_early(site) -> None:
    site.set("/a.html", "<html>a</html>", status=503)
    stop = threading.Event()
    options = replace(FAST, retries=5, backoff_s=30.0)
    started = time.monotonic()
    with Fetcher(options, stop=stop) as f:
        threading.Timer(0.2, stop.set).start()
        with pytest.raises(FetchError) as caught:
            f.get(site.url("/a.html"))
    assert caught.value.kind == "stopped" and time.monotonic() - started < 3
