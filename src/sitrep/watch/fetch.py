"""Fetching like a good citizen: polite HTTP for the watch.

- only http and https, redirects followed by hand (at most ``MAX_REDIRECTS``), each hop
  checked against its host's robots.txt (``robots``, RFC 9309: a 4xx robots.txt allows
  everything, a 5xx or an unreachable host disallows the host until it is asked again);
- per host: at most ``per_host`` requests at once and ``host_delay_s`` between the starts
  of two requests (robots.txt's Crawl-delay wins when larger, up to ``MAX_CRAWL_DELAY_S``);
- conditional GET (``If-None-Match`` / ``If-Modified-Since``): a 304 is a ``Response``
  with ``not_modified``;
- a timeout to connect and between reads, and a whole-response deadline (a server that
  trickles bytes forever is a timeout too);
- a size limit checked on the declared length and on the bytes read (after decompression);
- retries with exponential backoff for what may pass (timeouts, refused connections, 429,
  5xx; a ``Retry-After`` is honoured up to ``MAX_RETRY_AFTER_S``).

Every failure is a ``FetchError`` with a ``kind`` (the counter it goes to) and a one-line
message. A ``Fetcher`` is shared by threads; waits end early when ``stop`` is set.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from urllib.parse import urljoin, urlsplit

import httpx

from sitrep import __version__
from sitrep.watch.config import FetchOptions
from sitrep.watch.robots import Rules, parse_robots

DEFAULT_USER_AGENT = f"sitrep-watch/{__version__} (conflict news monitor)"
# The robots.txt product token this fetcher answers to (the user agent's first word).
ROBOTS_TOKEN = "sitrep-watch"
MAX_REDIRECTS = 5
# RFC 9309 §2.5: crawlers must parse at least 500 KiB of robots.txt; more is not read.
ROBOTS_MAX_BYTES = 500 * 1024
# How long a robots.txt answer is trusted (RFC 9309 §2.4: not more than 24 hours), and
# how long an unreachable one keeps its host disallowed before it is asked again.
ROBOTS_TTL_S = 3600.0
ROBOTS_RETRY_S = 300.0
# A Crawl-delay above this is taken as this: some sites ask for hours, which would stall
# a pass; their pages still get one request at a time per MAX_CRAWL_DELAY_S.
MAX_CRAWL_DELAY_S = 60.0
# A server's Retry-After longer than this is not waited for within a pass: the request
# fails now and the page is asked again at the next poll.
MAX_RETRY_AFTER_S = 60.0
# The whole response (all reads together) may take this many times the read timeout.
TOTAL_TIMEOUT_FACTOR = 3.0

# Failures of the connection itself (not an answer from the server).
NETWORK_KINDS = frozenset({"dns", "connect", "timeout", "network"})

ACCEPT_HTML = "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5"
ACCEPT_FEED = ("application/rss+xml,application/atom+xml,application/xml;q=0.9,text/xml;q=0.9,"
               "*/*;q=0.5")
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
REDIRECTS = frozenset({301, 302, 303, 307, 308})
# Statuses worth asking again after a pause: rate limited, or the server's own trouble.
RETRY_STATUSES = frozenset({408, 429, 500, 502, 503, 504})


class FetchError(Exception):
    """A request that did not give a usable response. ``kind`` is the counter it goes to:
    dns, connect, timeout, http_4xx, http_5xx, oversize, robots, bad_url, network,
    redirects (and ``stopped`` when the watch is stopping, which is no failure)."""

    def __init__(self, kind: str, url: str, message: str, *, retryable: bool = False,
                 retry_after: float | None = None, status: int | None = None) -> None:
        super().__init__(f"{kind}: {url}: {message}")
        self.kind = kind
        self.url = url
        self.message = message
        self.retryable = retryable
        self.retry_after = retry_after
        self.status = status


@dataclass(slots=True)
class Response:
    url: str  # after redirects
    status: int  # 2xx, or 304 (not_modified)
    content: bytes
    content_type: str  # media type, lower case, without parameters ("" when not given)
    charset: str | None
    etag: str | None
    last_modified: str | None

    @property
    def not_modified(self) -> bool:
        return self.status == 304

    def is_html(self) -> bool:
        """An HTML page by its declared type, or by its first bytes when it declares none."""
        if self.content_type:
            return self.content_type in HTML_TYPES
        head = self.content[:1024].lstrip().lower()
        return head.startswith((b"<!doctype html", b"<html")) or b"<html" in head


def host_key(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme.lower()}://{parts.netloc.lower()}"


def check_url(url: str) -> str:
    """``url`` when it is an absolute http(s) URL with a host, else a FetchError bad_url."""
    try:
        parts = urlsplit(url)
    except ValueError as exc:
        raise FetchError("bad_url", url, f"not a URL ({exc})") from exc
    if parts.scheme.lower() not in ("http", "https"):
        raise FetchError("bad_url", url, f"only http and https are fetched, not {parts.scheme or 'a relative URL'}")
    if not parts.hostname:
        raise FetchError("bad_url", url, "no host")
    return url


class _HostGate:
    """At most ``per_host`` requests at once to one host, starts ``delay`` seconds apart."""

    def __init__(self, per_host: int, delay: float) -> None:
        self.slots = threading.BoundedSemaphore(per_host)
        self.lock = threading.Lock()
        self.delay = delay
        self.next_start = 0.0

    @contextmanager
    def slot(self, stop: threading.Event, url: str) -> Iterator[None]:
        while not self.slots.acquire(timeout=0.1):
            if stop.is_set():
                raise FetchError("stopped", url, "the watch is stopping")
        try:
            with self.lock:
                now = time.monotonic()
                start = max(now, self.next_start)
                self.next_start = start + self.delay
            if start > now and stop.wait(start - now):
                raise FetchError("stopped", url, "the watch is stopping")
            yield
        finally:
            self.slots.release()


@dataclass(slots=True)
class _Robots:
    rules: Rules | None  # None: everything allowed
    expires: float
    disallow_all: str | None = None  # why the host is off limits for now
    # The host could not be reached for its robots.txt (DNS, refused, timeout): its pages
    # fail with that reason, not as "robots".
    failure: FetchError | None = None


def _retry_after(value: str | None) -> float | None:
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


def _is_dns(exc: BaseException) -> bool:
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, socket.gaierror):
            return True
        text = str(current).lower()
        if "name or service not known" in text or "nodename nor servname" in text \
                or "temporary failure in name resolution" in text or "getaddrinfo" in text:
            return True
        current = current.__cause__ or current.__context__
    return False


def _transport_error(exc: Exception, url: str) -> FetchError:
    if isinstance(exc, httpx.TimeoutException):
        return FetchError("timeout", url, f"no answer in time ({type(exc).__name__})", retryable=True)
    if isinstance(exc, httpx.ConnectError):
        if _is_dns(exc):
            return FetchError("dns", url, f"host name not found ({exc})", retryable=True)
        return FetchError("connect", url, f"cannot connect ({exc})", retryable=True)
    if isinstance(exc, (httpx.UnsupportedProtocol, httpx.InvalidURL)):
        return FetchError("bad_url", url, str(exc))
    return FetchError("network", url, f"{type(exc).__name__}: {exc}", retryable=True)


class Fetcher:
    """Polite GETs (module docstring). Use as a context manager, or ``close()``."""

    def __init__(self, options: FetchOptions = FetchOptions(), *, stop: threading.Event | None = None,
                 transport: httpx.BaseTransport | None = None) -> None:
        self.options = options
        self.stop = stop or threading.Event()
        self.user_agent = options.user_agent or DEFAULT_USER_AGENT
        timeout = httpx.Timeout(options.timeout_s)
        self._client = httpx.Client(timeout=timeout, follow_redirects=False, transport=transport,
                                    headers={"User-Agent": self.user_agent},
                                    limits=httpx.Limits(max_connections=64,
                                                        max_keepalive_connections=16))
        self._lock = threading.Lock()
        self._gates: dict[str, _HostGate] = {}
        self._robots: dict[str, _Robots] = {}
        self._robots_locks: dict[str, threading.Lock] = {}

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- per host -------------------------------------------------------------------

    def _gate(self, host: str) -> _HostGate:
        with self._lock:
            gate = self._gates.get(host)
            if gate is None:
                gate = self._gates[host] = _HostGate(self.options.per_host, self.options.host_delay_s)
            return gate

    def _robots_for(self, host: str) -> _Robots:
        with self._lock:
            lock = self._robots_locks.setdefault(host, threading.Lock())
        with lock:  # one robots.txt request per host, however many threads ask
            cached = self._robots.get(host)
            if cached is not None and cached.expires > time.monotonic():
                return cached
            robots = self._fetch_robots(host)
            self._robots[host] = robots
            return robots

    def _fetch_robots(self, host: str) -> _Robots:
        url = f"{host}/robots.txt"
        now = time.monotonic()
        try:
            response: Response | str = url
            for _ in range(MAX_REDIRECTS + 1):  # RFC 9309 §2.3.1.2: follow at least five
                target = check_url(urljoin(url, response))
                response = self._request(target, None, None, "text/plain,*/*;q=0.5", ROBOTS_MAX_BYTES,
                                         truncate=True)
                if not isinstance(response, str):
                    break
            if isinstance(response, str):
                raise FetchError("redirects", url, f"more than {MAX_REDIRECTS} redirects")
        except FetchError as exc:
            if exc.kind == "stopped":
                raise
            if exc.status is not None and 400 <= exc.status < 500 and exc.status != 429:
                return _Robots(None, now + ROBOTS_TTL_S)  # no robots.txt: all allowed
            why = f"robots.txt unreachable ({exc.message})"
            if exc.status is None and exc.kind in NETWORK_KINDS:
                return _Robots(None, now + ROBOTS_RETRY_S, why, failure=exc)
            return _Robots(None, now + ROBOTS_RETRY_S, disallow_all=why)
        rules = parse_robots(response.content.decode("utf-8", "replace"), ROBOTS_TOKEN)
        if rules.crawl_delay:
            gate = self._gate(host)
            gate.delay = max(gate.delay, min(rules.crawl_delay, MAX_CRAWL_DELAY_S))
        return _Robots(rules, now + ROBOTS_TTL_S)

    def allowed(self, url: str) -> str | None:
        """None when robots.txt lets this fetcher read ``url``, else why not."""
        robots = self._robots_for(host_key(url))
        if robots.failure is not None:  # the host is unreachable: say how, once per pass
            raise FetchError(robots.failure.kind, url, f"{robots.failure.message} (asking for robots.txt)")
        if robots.disallow_all:
            return robots.disallow_all
        if robots.rules is not None and not robots.rules.allowed(url):
            return "disallowed by robots.txt"
        return None

    # -- requests ---------------------------------------------------------------------

    def get(self, url: str, *, etag: str | None = None, last_modified: str | None = None,
            accept: str = ACCEPT_HTML) -> Response:
        """GET ``url`` politely, with retries; a FetchError says why it failed."""
        check_url(url)
        attempt = 0
        while True:
            try:
                return self._follow(url, etag, last_modified, accept)
            except FetchError as exc:
                if not exc.retryable or attempt >= self.options.retries:
                    raise
                wait = self.options.backoff_s * (2 ** attempt)
                if exc.retry_after is not None:
                    if exc.retry_after > MAX_RETRY_AFTER_S:
                        raise
                    wait = max(wait, exc.retry_after)
                attempt += 1
                if self.stop.wait(wait):
                    raise FetchError("stopped", url, "the watch is stopping") from exc

    def _follow(self, url: str, etag: str | None, last_modified: str | None, accept: str) -> Response:
        current = url
        for _ in range(MAX_REDIRECTS + 1):
            check_url(current)
            why = self.allowed(current)
            if why:
                raise FetchError("robots", current, why)
            response = self._request(current, etag, last_modified, accept, self.options.max_bytes)
            if isinstance(response, str):  # a redirect: its target
                current = urljoin(current, response)
                continue
            return response
        raise FetchError("redirects", url, f"more than {MAX_REDIRECTS} redirects")

    def _request(self, url: str, etag: str | None, last_modified: str | None, accept: str,
                 max_bytes: int, *, truncate: bool = False) -> Response | str:
        """One GET (no redirects followed): a Response, a redirect's Location, or a FetchError."""
        headers = {"Accept": accept}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        with self._gate(host_key(url)).slot(self.stop, url):
            try:
                with self._client.stream("GET", url, headers=headers) as r:
                    return self._read(r, url, max_bytes, truncate)
            except httpx.HTTPError as exc:
                raise _transport_error(exc, url) from exc
            except ValueError as exc:  # a URL httpx cannot parse
                raise FetchError("bad_url", url, str(exc)) from exc

    def _read(self, r: httpx.Response, url: str, max_bytes: int, truncate: bool) -> Response | str:
        status = r.status_code
        if status in REDIRECTS and r.headers.get("location"):
            return r.headers["location"]
        if status >= 400 or (status >= 300 and status != 304):
            kind = "http_5xx" if status >= 500 else "http_4xx" if status >= 400 else "http_status"
            raise FetchError(kind, url, f"HTTP {status} {r.reason_phrase}".strip(),
                             retryable=status in RETRY_STATUSES, status=status,
                             retry_after=_retry_after(r.headers.get("retry-after")))
        content_type, _, params = r.headers.get("content-type", "").partition(";")
        charset = None
        for param in params.split(";"):
            key, _, value = param.partition("=")
            if key.strip().lower() == "charset" and value.strip():
                charset = value.strip().strip('"\'').lower()
        body = b""
        if status != 304:
            declared = r.headers.get("content-length", "")
            if declared.isdigit() and int(declared) > max_bytes and not truncate:
                raise FetchError("oversize", url, f"{int(declared):,} bytes declared > limit {max_bytes:,}")
            body = self._body(r, url, max_bytes, truncate)
        return Response(str(r.url), status, body, content_type.strip().lower(), charset,
                        r.headers.get("etag"), r.headers.get("last-modified"))

    def _body(self, r: httpx.Response, url: str, max_bytes: int, truncate: bool) -> bytes:
        deadline = time.monotonic() + self.options.timeout_s * TOTAL_TIMEOUT_FACTOR
        buf = bytearray()
        for chunk in r.iter_bytes():
            buf += chunk
            if len(buf) > max_bytes:
                if truncate:
                    return bytes(buf[:max_bytes])
                raise FetchError("oversize", url, f"more than {max_bytes:,} bytes")
            if time.monotonic() > deadline:
                raise FetchError("timeout", url, f"response not complete after "
                                 f"{self.options.timeout_s * TOTAL_TIMEOUT_FACTOR:g}s", retryable=True)
            if self.stop.is_set():
                raise FetchError("stopped", url, "the watch is stopping")
        return bytes(buf)


def decode_page(response: Response) -> str | None:
    """The text of an HTML response: the HTTP charset when it decodes, else what the page
    declares or what its bytes look like (``ingest.decode``); None when undecodable."""
    from sitrep.ingest.decode import decode_html

    if response.charset:
        try:
            return response.content.decode(response.charset)
        except (LookupError, UnicodeDecodeError):
            pass
    decoded = decode_html(response.content)
    return decoded.text
