"""One pass of `sitrep watch`: its counts (``PassSummary``), the pages it fetches, and the
ids watched pages are stored under."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from sitrep.records import content_id
from sitrep.watch.alerts import Alert
from sitrep.watch.config import Source
from sitrep.watch.sources import Item
from sitrep.watch.state import PageState

# Longest slug of a page's doc id (the URL's last path segment); a hash of the URL follows.
SLUG_CHARS = 48
_SLUG = re.compile(r"[^a-z0-9]+")


def page_doc_id(url: str) -> str:
    """A readable, stable article id for a watched page: its URL's last path segment and
    a hash of the URL (``toll-rises-in-hama-3fa9c2d1``)."""
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    segments = [s for s in parts.path.split("/") if s]
    last = segments[-1].rsplit(".", 1)[0] if segments else (parts.hostname or "page")
    slug = _SLUG.sub("-", last.lower()).strip("-")[:SLUG_CHARS].strip("-") or "page"
    return f"{slug}-{content_id(url, length=8)}"


def version_id(base: str, version: int) -> str:
    return base if version <= 1 else f"{base}-v{version}"


@dataclass
class PassSummary:
    sources: int = 0  # sources polled
    listings_not_modified: int = 0
    items: int = 0  # pages the listings name
    known: int = 0  # pages already stored and not asked again
    fetched: int = 0  # pages fetched (a 200)
    not_modified: int = 0  # pages answered 304
    new: int = 0  # pages stored for the first time
    revised: int = 0  # new versions of pages stored
    unchanged: int = 0  # fetched, the text stored for them
    duplicates: int = 0  # fetched, a text already stored under another article
    recovered: int = 0  # stored by a pass killed before it could note it: noted now
    claims: int = 0
    events: int = 0
    failures: Counter[str] = field(default_factory=Counter)
    alerts: list[Alert] = field(default_factory=list)
    delivered: int = 0
    delivery_failures: int = 0
    baseline: int | None = None  # articles taken as the baseline on the first pass
    report: str | None = None
    stopped: bool = False
    seconds: float = 0.0

    def line(self) -> str:
        parts = [f"{self.sources} source{'s' * (self.sources != 1)} polled",
                 f"{self.new} new", f"{self.revised} revised", f"{self.unchanged + self.not_modified} unchanged",
                 f"{self.known} known"]
        if self.duplicates:
            parts.append(f"{self.duplicates} duplicate")
        if self.recovered:
            parts.append(f"{self.recovered} recovered")
        failures = sum(self.failures.values())
        parts.append(f"{failures} failure{'s' * (failures != 1)}"
                     + (f" ({', '.join(f'{k} {n}' for k, n in sorted(self.failures.items()))})" if failures else ""))
        parts.append(f"{len(self.alerts)} alert{'s' * (len(self.alerts) != 1)}")
        if self.baseline is not None:
            parts.append(f"baseline set on {self.baseline} articles")
        text = ", ".join(parts) + f" in {self.seconds:.1f}s"
        return text + (" (stopped)" if self.stopped else "")


@dataclass(slots=True)
class Job:
    source: Source
    item: Item
    page: PageState | None


@dataclass
class SourcePoll:
    """A source being polled: its listing validators are saved only once all its pages
    are done, so a stopped pass asks for the whole listing again."""

    source: Source
    validators: list[tuple[str, str | None, str | None]] = field(default_factory=list)
    status: str = "ok"
    pending: int = 0
    articles: int = 0
    failures: Counter[str] = field(default_factory=Counter)
    finished: bool = False

