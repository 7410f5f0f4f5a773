"""The watch's TOML config: sources to poll, how to fetch, alert rules, where alerts go.

    db = "syria.duckdb"                 # optional; `--db` overrides it
    interval = "10m"                    # default polling interval: seconds, or 30s / 10m / 1h
    report = "report.html"              # optional: rewritten after each pass that stored articles

    [[source]]                          # one of feed / sitemap / list / urls per source
    feed = "https://www.example.org/world/rss.xml"
    outlet = "Example News"             # optional; else the page's own site name
    interval = "5m"                     # optional; else the default above

    [[alert]]                           # type: figure (default) | control | contradiction | new_claimant
    quantity = "killed"
    rise_percent = 10

    [deliver]                           # the terminal always; and any of:
    jsonl = "alerts.jsonl"
    webhook = "https://hooks.example.org/sitrep"

Everything is checked when the file is read: an unknown key, a wrong type or value, or a
missing field is a ``ConfigError`` that says where (``source 2: ...``), so a typo never
silently turns a rule or a source off. Relative paths are relative to the config file.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from sitrep.ingest import DEFAULT_MAX_BYTES
from sitrep.records import CATEGORIES, QUANTITIES, SOURCE_KINDS, content_id
from sitrep.watch.config_values import ConfigError, Table, choice, config_path, http_url, parse_duration

# Polling interval when neither the source nor the file gives one: news feeds change every
# few minutes to hours, and most publishers ask aggregators not to poll more often.
DEFAULT_INTERVAL_S = 15 * 60
# Seconds between two requests to one host (robots.txt's Crawl-delay wins when larger);
# 1 s is what most publishers' robots.txt files that set a Crawl-delay ask for.
DEFAULT_HOST_DELAY_S = 1.0
# At most this many requests to one host at once (the limit, and the old HTTP/1.1
# advice of two connections per server).
MAX_PER_HOST = 2
# Seconds to connect, and between two reads of a response; a page that takes longer to
# start answering is counted as a timeout.
DEFAULT_TIMEOUT_S = 20.0
# Retries of a request that failed in a way that may pass (a timeout, a refused connection,
# 429 or a 5xx), after BACKOFF_S, then twice that, ...
DEFAULT_RETRIES = 2
DEFAULT_BACKOFF_S = 2.0
# Largest response read, the same bound as a file given to `sitrep run`.
DEFAULT_MAX_BYTES_FETCH = DEFAULT_MAX_BYTES

SOURCE_KINDS_WATCHED = ("feed", "sitemap", "list", "urls")
ALERT_TYPES = ("figure", "control", "contradiction", "new_claimant")
CONTRADICTION_KINDS = ("update", "scope", "partisan", "category", "genuine", "control")
# Contradiction kinds alerted when a contradiction rule names none: the disagreements an
# analyst acts on (an update is a rising series, a scope difference is not like-for-like).
DEFAULT_CONTRADICTION_KINDS = ("genuine", "control")



@dataclass(frozen=True, slots=True)
class Source:
    """One thing to poll: a feed, a news sitemap, a URL list file, or inline URLs."""

    kind: str  # one of SOURCE_KINDS_WATCHED
    url: str  # the feed, sitemap or list (a URL or, for a list, a local file); "" for urls
    outlet: str | None = None
    interval_s: float = DEFAULT_INTERVAL_S
    urls: tuple[str, ...] = ()  # kind "urls": the pages themselves
    # Pages already stored are requested again (conditionally) at every poll, to catch
    # revisions; by default only for inline ``urls`` (live pages one follows). Feed and
    # sitemap items are fetched again when their listing's update stamp changes.
    recheck: bool = False

    @property
    def id(self) -> str:
        """Stable id in the store: the same source in an edited file keeps its state."""
        return content_id(self.kind, self.url, *self.urls, length=12)

    @property
    def label(self) -> str:
        if self.kind == "urls":
            return f"urls ({len(self.urls)}: {self.urls[0]}{' ...' if len(self.urls) > 1 else ''})"
        return f"{self.kind} {self.url}"


@dataclass(frozen=True, slots=True)
class FetchOptions:
    user_agent: str = ""  # empty: fetch.DEFAULT_USER_AGENT
    host_delay_s: float = DEFAULT_HOST_DELAY_S
    per_host: int = MAX_PER_HOST
    timeout_s: float = DEFAULT_TIMEOUT_S
    retries: int = DEFAULT_RETRIES
    backoff_s: float = DEFAULT_BACKOFF_S
    max_bytes: int = DEFAULT_MAX_BYTES_FETCH
    # Links in a public feed that point to localhost or a private address are refused,
    # unless the feed itself is on such an address or this is set.
    allow_private: bool = False


@dataclass(frozen=True, slots=True)
class AlertRule:
    name: str
    type: str  # one of ALERT_TYPES
    quantity: str | None = None
    category: str | None = None
    claimant: str | None = None  # any part of the claimant's canonical name, any case
    rise_percent: float | None = None
    crosses: tuple[int, ...] = ()
    place: str | None = None  # control: any part of the place's name, any case
    kinds: tuple[str, ...] = ()  # contradiction kinds, or claimant kinds for new_claimant
    contradictions: bool = True  # control: also control contradictions


@dataclass(frozen=True, slots=True)
class EmailOptions:
    host: str
    to: tuple[str, ...]
    sender: str
    port: int = 25
    starttls: bool = False
    ssl: bool = False
    username: str | None = None
    password_env: str | None = None  # the name of the variable holding the password
    timeout_s: float = DEFAULT_TIMEOUT_S

    def password(self) -> str | None:
        return os.environ.get(self.password_env) if self.password_env else None


@dataclass(frozen=True, slots=True)
class Delivery:
    terminal: bool = True
    jsonl: Path | None = None
    webhook: str | None = None
    webhook_timeout_s: float = DEFAULT_TIMEOUT_S
    email: EmailOptions | None = None

    @property
    def channels(self) -> tuple[str, ...]:
        names = [n for n, on in (("terminal", self.terminal), ("jsonl", self.jsonl),
                                 ("webhook", self.webhook), ("email", self.email)) if on]
        return tuple(names)


@dataclass(frozen=True, slots=True)
class WatchConfig:
    path: Path | None
    sources: tuple[Source, ...]
    rules: tuple[AlertRule, ...] = ()
    fetch: FetchOptions = FetchOptions()
    deliver: Delivery = Delivery()
    db: Path | None = None
    report: Path | None = None
    interval_s: float = DEFAULT_INTERVAL_S
    # The first pass of a new watch sets the baseline (no alerts for what the feeds
    # already hold) unless this is set.
    alerts_on_first_pass: bool = False


def _source(t: Table, default_interval: float, base: Path | None) -> Source:
    given = [k for k in SOURCE_KINDS_WATCHED if k in t.data]
    if len(given) != 1:
        raise ConfigError(f"{t.where}: give exactly one of {', '.join(SOURCE_KINDS_WATCHED)}"
                          + (f" (got {', '.join(given)})" if given else ""))
    kind = given[0]
    outlet = t.text("outlet")
    interval = parse_duration(t.get("interval", (int, float, str), default_interval), f"{t.where}: interval")
    if kind == "urls":
        urls = tuple(http_url(u, f"{t.where}: urls") for u in t.strings("urls"))
        if not urls:
            raise ConfigError(f"{t.where}: urls is empty")
        recheck = t.get("recheck", bool, True)
        t.done()
        return Source("urls", "", outlet, interval, urls, recheck)
    value = t.text(kind)
    recheck = t.get("recheck", bool, False)
    t.done()
    if kind == "list" and value and not urlsplit(value).scheme:
        local = config_path(value, base)
        return Source("list", str(local), outlet, interval, (), recheck)
    return Source(kind, http_url(value, f"{t.where}: {kind}"), outlet, interval, (), recheck)


def _rule(t: Table, number: int) -> AlertRule:
    kind = choice(t.text("type", "figure"), ALERT_TYPES, t.where, "type") or "figure"
    name = t.text("name") or f"{kind}-{number}"
    quantity = choice(t.text("quantity"), QUANTITIES, t.where, "quantity")
    category = choice(t.text("category"), CATEGORIES, t.where, "category")
    claimant = t.text("claimant")
    rise = t.get("rise_percent", (int, float))
    crosses_raw = t.get("crosses", (int, list), [])
    crosses = [crosses_raw] if isinstance(crosses_raw, int) else crosses_raw
    if not all(isinstance(c, int) and not isinstance(c, bool) and c > 0 for c in crosses):
        raise ConfigError(f"{t.where}: crosses must be a positive whole number or a list of them")
    place = t.text("place")
    kinds = t.strings("kinds")
    contradictions = t.get("contradictions", bool, True)
    t.done()
    if kind == "figure":
        if rise is None and not crosses:
            raise ConfigError(f"{t.where}: a figure rule needs rise_percent, crosses or both")
        if rise is not None and rise <= 0:
            raise ConfigError(f"{t.where}: rise_percent must be more than 0, got {rise!r}")
    elif rise is not None or crosses:
        raise ConfigError(f"{t.where}: rise_percent and crosses are for figure rules (type = \"figure\")")
    if kind == "contradiction":
        for k in kinds:
            choice(k, CONTRADICTION_KINDS, t.where, "kinds")
        kinds = kinds or DEFAULT_CONTRADICTION_KINDS
    elif kind == "new_claimant":
        for k in kinds:
            choice(k, SOURCE_KINDS, t.where, "kinds")
    elif kinds:
        raise ConfigError(f"{t.where}: kinds is for contradiction and new_claimant rules")
    if place and kind != "control":
        raise ConfigError(f"{t.where}: place is for control rules (type = \"control\")")
    return AlertRule(name, kind, quantity, category, claimant,
                     None if rise is None else float(rise), tuple(sorted(set(crosses))),
                     place, tuple(kinds), contradictions)


def _email(t: Table) -> EmailOptions:
    host = t.text("host")
    sender = t.text("from")
    to = t.strings("to")
    if not host or not sender or not to:
        raise ConfigError(f"{t.where}: host, from and to are required")
    port = t.get("port", int, None)
    starttls = t.get("starttls", bool, False)
    ssl = t.get("ssl", bool, False)
    if starttls and ssl:
        raise ConfigError(f"{t.where}: starttls and ssl exclude each other")
    options = EmailOptions(
        host=host, to=to, sender=sender, port=port or (465 if ssl else 587 if starttls else 25),
        starttls=starttls, ssl=ssl, username=t.text("username"), password_env=t.text("password_env"),
        timeout_s=t.number("timeout", DEFAULT_TIMEOUT_S, minimum=0.1),
    )
    if "password" in t.data:
        raise ConfigError(f"{t.where}: do not put the password in the file; name the environment "
                          "variable that holds it with password_env")
    t.done()
    return options


def parse_config(data: dict[str, Any], path: Path | None = None) -> WatchConfig:
    """A ``WatchConfig`` from parsed TOML (``path``: where it was read, for relative paths)."""
    base = path.parent if path is not None else None
    top = Table(data, str(path) if path else "config")
    interval = parse_duration(top.get("interval", (int, float, str), DEFAULT_INTERVAL_S), f"{top.where}: interval")
    raw_sources = top.get("source", list, [])
    if not raw_sources:
        raise ConfigError(f"{top.where}: no [[source]]; name at least one feed, sitemap, list or urls")
    sources = tuple(_source(Table(s, f"source {i}"), interval, base) for i, s in enumerate(raw_sources, 1))
    seen: dict[str, int] = {}
    for i, s in enumerate(sources, 1):
        if s.id in seen:
            raise ConfigError(f"source {i}: the same as source {seen[s.id]}")
        seen[s.id] = i
    rules = tuple(_rule(Table(r, f"alert {i}"), i) for i, r in enumerate(top.get("alert", list, []), 1))
    names = [r.name for r in rules]
    if len(set(names)) != len(names):
        raise ConfigError(f"{top.where}: alert names must differ ({', '.join(names)})")

    f = Table(top.get("fetch", dict, {}), "fetch")
    per_host = int(f.number("per_host", MAX_PER_HOST, minimum=1))
    if per_host > MAX_PER_HOST:
        raise ConfigError(f"fetch: per_host is at most {MAX_PER_HOST} (requests at once to one host)")
    fetch = FetchOptions(
        user_agent=f.text("user_agent", "") or "",
        host_delay_s=f.number("host_delay", DEFAULT_HOST_DELAY_S),
        per_host=per_host,
        timeout_s=f.number("timeout", DEFAULT_TIMEOUT_S, minimum=0.01),
        retries=int(f.number("retries", DEFAULT_RETRIES)),
        backoff_s=f.number("backoff", DEFAULT_BACKOFF_S),
        max_bytes=int(f.number("max_mb", DEFAULT_MAX_BYTES_FETCH / 1_048_576, minimum=0.001) * 1_048_576),
        allow_private=f.get("allow_private", bool, False),
    )
    f.done()

    d = Table(top.get("deliver", dict, {}), "deliver")
    webhook = d.text("webhook")
    email = d.get("email", dict)
    deliver = Delivery(
        terminal=d.get("terminal", bool, True),
        jsonl=config_path(d.text("jsonl"), base),
        webhook=http_url(webhook, "deliver: webhook") if webhook else None,
        webhook_timeout_s=d.number("webhook_timeout", DEFAULT_TIMEOUT_S, minimum=0.01),
        email=_email(Table(email, "deliver.email")) if email is not None else None,
    )
    d.done()
    config = WatchConfig(
        path=path, sources=sources, rules=rules, fetch=fetch, deliver=deliver,
        db=config_path(top.text("db"), base), report=config_path(top.text("report"), base), interval_s=interval,
        alerts_on_first_pass=top.get("alerts_on_first_pass", bool, False),
    )
    top.done()
    return config


def load_config(path: str | Path) -> WatchConfig:
    """Read and check the TOML file at ``path``."""
    p = Path(path)
    try:
        raw = p.read_bytes()
    except OSError as exc:
        raise ConfigError(f"cannot read {p}: {exc.strerror or exc}") from exc
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{p}: not UTF-8 text") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{p}: not valid TOML: {exc}") from exc
    return parse_config(data, p)
