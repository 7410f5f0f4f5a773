"""Servers on loopback for the watch tests: a scriptable HTTP site (feeds, pages, robots.txt,
a webhook receiver) and an SMTP receiver. Ephemeral ports on 127.0.0.1 only: no test of the
watch touches any other address."""

from __future__ import annotations

import os
import socket
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib.util import find_spec

import pytest

WATCH_TEST_PACKAGES = ("feedparser", "httpx", "aiosmtpd")


def require_watch_extra() -> None:
    """Skip the module when the watch's packages are absent, except in CI (CI=true installs
    the test extra, so there a missing package is a failure, not a skip)."""
    missing = [name for name in WATCH_TEST_PACKAGES if find_spec(name) is None]
    if not missing:
        return
    message = f"the watch tests need {', '.join(missing)} (pip install -e '.[test]')"
    if os.environ.get("CI"):
        pytest.fail(message, pytrace=False)
    pytest.skip(message, allow_module_level=True)


@dataclass
class Route:
    body: bytes = b""
    status: int = 200
    content_type: str = "text/html; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)
    etag: str | None = None  # answered with 304 when the request's If-None-Match is this
    last_modified: str | None = None
    delay: float = 0.0  # seconds before answering
    hang: bool = False  # accept, then never answer (until the server stops)
    length: bool = True  # send Content-Length (else the body ends when the connection closes)


@dataclass
class Seen:
    method: str
    path: str
    headers: dict[str, str]
    body: bytes
    at: float


class Site:
    """A scriptable HTTP server on 127.0.0.1 (an ephemeral port)."""

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.seen: list[Seen] = []
        self.lock = threading.Lock()
        self.in_flight = 0
        self.max_in_flight = 0
        self.closing = threading.Event()
        site = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: object) -> None:
                pass

            def _record(self, body: bytes = b"") -> None:
                with site.lock:
                    site.seen.append(Seen(self.command, self.path, dict(self.headers), body, time.monotonic()))

            def do_POST(self) -> None:
                size = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(size)
                self._record(body)
                route = site.routes.get(self.path, Route(b"ok", content_type="text/plain"))
                self._answer(route)

            def do_GET(self) -> None:
                self._record()
                with site.lock:
                    site.in_flight += 1
                    site.max_in_flight = max(site.max_in_flight, site.in_flight)
                try:
                    route = site.routes.get(self.path)
                    if route is None:
                        route = Route(b"not found", status=404, content_type="text/plain")
                    if route.hang:
                        site.closing.wait(10)
                        return
                    if route.delay:
                        time.sleep(route.delay)
                    if route.etag and self.headers.get("If-None-Match") == route.etag:
                        self.send_response(304)
                        self.send_header("ETag", route.etag)
                        self.send_header("Content-Length", "0")
                        self.end_headers()
                        return
                    if route.last_modified and self.headers.get("If-Modified-Since") == route.last_modified:
                        self.send_response(304)
                        self.send_header("Content-Length", "0")
                        self.end_headers()
                        return
                    self._answer(route)
                finally:
                    with site.lock:
                        site.in_flight -= 1

            def _answer(self, route: Route) -> None:
                self.send_response(route.status)
                self.send_header("Content-Type", route.content_type)
                if route.etag:
                    self.send_header("ETag", route.etag)
                if route.last_modified:
                    self.send_header("Last-Modified", route.last_modified)
                for k, v in route.headers.items():
                    self.send_header(k, v)
                if route.length:
                    self.send_header("Content-Length", str(len(route.body)))
                else:
                    self.send_header("Connection", "close")
                    self.close_connection = True
                self.end_headers()
                try:
                    for at in range(0, len(route.body), 65536):
                        self.wfile.write(route.body[at:at + 65536])
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client stopped reading (a size limit): expected

        class Server(ThreadingHTTPServer):
            def handle_error(self, request, client_address) -> None:  # noqa: ANN001
                import sys

                if not isinstance(sys.exc_info()[1], OSError):  # a client that hung up: expected
                    super().handle_error(request, client_address)

        self.server = Server(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.port = self.server.server_address[1]
        self.thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.05},
                                       daemon=True)
        self.thread.start()

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def set(self, path: str, body: bytes | str = b"", **kwargs: object) -> Route:
        route = Route(body.encode("utf-8") if isinstance(body, str) else body, **kwargs)  # type: ignore[arg-type]
        self.routes[path] = route
        return route

    def requests(self, path: str) -> list[Seen]:
        with self.lock:
            return [s for s in self.seen if s.path == path]

    def close(self) -> None:
        self.closing.set()
        self.server.shutdown()
        self.server.server_close()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class SmtpReceiver:
    """An SMTP server on 127.0.0.1 (aiosmtpd) that keeps every message it is given."""

    def __init__(self) -> None:
        from aiosmtpd.controller import Controller

        self.messages: list[tuple[str, list[str], bytes]] = []
        receiver = self

        class Handler:
            async def handle_DATA(self, server, session, envelope):  # noqa: ANN001
                receiver.messages.append((envelope.mail_from, list(envelope.rcpt_tos), envelope.original_content))
                return "250 OK"

        self.port = free_port()
        self.controller = Controller(Handler(), hostname="127.0.0.1", port=self.port)
        self.controller.start()

    def close(self) -> None:
        self.controller.stop()


# -- content ------------------------------------------------------------------------------

def article_html(title: str, published: str, paragraphs: list[str], site: str = "Orontes Wire") -> str:
    """A news page as publishers write them: title, site name and date in meta tags, the
    story in <article>, navigation around it."""
    body = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{title} | {site}</title>
<meta property="og:title" content="{title}">
<meta property="og:site_name" content="{site}">
<meta property="article:published_time" content="{published}T09:00:00Z">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<article><h1>{title}</h1>
{body}
</article>
<footer>Copyright {site}. All rights reserved.</footer>
</body></html>"""


def rss(items: list[tuple[str, str, str]], title: str = "Orontes Wire: Syria") -> str:
    """An RSS 2.0 feed of (title, link, pubDate) items."""
    entries = "\n".join(f"<item><title>{t}</title><link>{link}</link><guid>{link}</guid>"
                        f"<pubDate>{when}</pubDate></item>" for t, link, when in items)
    return f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>{title}</title><link>http://127.0.0.1/</link>
<description>News</description>
{entries}
</channel></rss>"""


def atom(items: list[tuple[str, str, str]], title: str = "Orontes Wire") -> str:
    """An Atom feed of (title, link, updated) entries."""
    entries = "\n".join(f"<entry><title>{t}</title><link href=\"{link}\"/><id>{link}</id>"
                        f"<updated>{when}</updated></entry>" for t, link, when in items)
    return f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>{title}</title><id>urn:x</id>
<updated>2024-12-05T00:00:00Z</updated>
{entries}
</feed>"""
