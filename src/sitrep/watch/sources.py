"""What a source lists: RSS/Atom feeds (feedparser), news sitemaps and URL lists -> Items.

A listing is parsed from bytes already fetched (feedparser is never handed a URL, so it
never fetches anything itself; sitemaps are parsed by lxml with entities and network
access off). A listing that cannot be read raises ``ListingError`` (counted as
``malformed_feed``); one that feedparser could only partly read gives its items and a
``warning``.
"""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass, field
from datetime import date
from urllib.parse import urljoin, urlsplit
from xml.sax import SAXException

from sitrep.ingest.metadata import parse_date_value

# Items read from one listing; a news feed or news sitemap holds tens to a thousand (Google
# News sitemaps are capped at 1,000 URLs); anything beyond is not news but an archive.
MAX_ITEMS_PER_LISTING = 1_000
# Child sitemaps of a sitemap index read per poll, newest (by lastmod) first.
MAX_CHILD_SITEMAPS = 10


class ListingError(Exception):
    """A feed, sitemap or list that gives no items: malformed, empty or not one at all."""

    kind = "malformed_feed"


@dataclass(slots=True, frozen=True)
class Item:
    """A page a listing names, with what the listing says about it."""

    url: str
    # The listing's update stamp for the page (a feed entry's updated/published, a sitemap's
    # lastmod): a known page is fetched again when it changes. None when the listing has none.
    marker: str | None = None
    title: str | None = None
    published: date | None = None
    outlet: str | None = None


@dataclass(slots=True)
class Listing:
    items: list[Item] = field(default_factory=list)
    children: list[str] = field(default_factory=list)  # child sitemaps of a sitemap index
    warning: str | None = None  # partly malformed, or cut at MAX_ITEMS_PER_LISTING
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (link, why) not followed


def _is_private_host(host: str | None) -> bool:
    if not host:
        return False
    name = host.strip("[]").lower()
    if name == "localhost" or name.endswith(".localhost"):
        return True
    try:
        ip = ipaddress.ip_address(name)
    except ValueError:
        return False
    return ip.is_private or ip.is_loopback or ip.is_link_local or ip.is_reserved or ip.is_unspecified


def link_refused(link: str, listing_url: str, allow_private: bool) -> str | None:
    """Why a link a listing gives is not followed (None when it is): not http(s), or a
    local or private address named by a listing that is not itself on one."""
    parts = urlsplit(link)
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return f"not an http(s) link: {link[:200]!r}"
    if not allow_private and _is_private_host(parts.hostname) \
            and not _is_private_host(urlsplit(listing_url).hostname):
        return "a public listing links to a local or private address"
    return None


def _date_of(value: object) -> date | None:
    if isinstance(value, tuple) and len(value) >= 3:  # feedparser's time.struct_time
        try:
            return date(value[0], value[1], value[2])
        except (TypeError, ValueError):
            return None
    return parse_date_value(value)


def _clean(value: object) -> str | None:
    return " ".join(value.split()) or None if isinstance(value, str) else None


def _add(listing: Listing, item: Item, base: str, allow_private: bool) -> None:
    why = link_refused(item.url, base, allow_private)
    if why:
        listing.skipped.append((item.url, why))
    elif len(listing.items) >= MAX_ITEMS_PER_LISTING:
        listing.warning = f"more than {MAX_ITEMS_PER_LISTING} items; the rest are left for later"
    elif all(i.url != item.url for i in listing.items):
        listing.items.append(item)


def parse_feed(content: bytes, url: str, content_type: str = "", *, allow_private: bool = False) -> Listing:
    """Items of an RSS or Atom feed, newest first as the feed orders them."""
    import feedparser

    headers = {"content-location": url}
    if content_type:
        headers["content-type"] = content_type
    parsed = feedparser.parse(content, response_headers=headers)
    entries = parsed.get("entries", [])
    if not entries:
        problem = parsed.get("bozo_exception")
        if isinstance(problem, SAXException):
            raise ListingError(f"malformed feed: {problem}")
        if not parsed.get("version"):
            raise ListingError("not an RSS or Atom feed")
    listing = Listing()
    if parsed.get("bozo"):
        listing.warning = f"malformed feed, {len(entries)} items recovered: {parsed.get('bozo_exception')}"
    for entry in entries:
        link = entry.get("link") or next((l.get("href") for l in entry.get("links", []) if l.get("href")), None)
        if not link:
            listing.skipped.append((entry.get("id") or entry.get("title") or "?", "entry has no link"))
            continue
        # dict.get: feedparser's own get maps a missing "updated" to "published", with a warning
        stamp = dict.get(entry, "updated") or dict.get(entry, "published")
        _add(listing, Item(
            url=urljoin(url, link.strip()), marker=_clean(stamp), title=_clean(entry.get("title")),
            published=_date_of(dict.get(entry, "published_parsed") or dict.get(entry, "updated_parsed")),
        ), url, allow_private)
    return listing


def _local(tag: object) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _child_text(element, name: str) -> str | None:
    for child in element.iter():
        if _local(child.tag) == name and child.text and child.text.strip():
            return child.text.strip()
    return None


def parse_sitemap(content: bytes, url: str, *, allow_private: bool = False) -> Listing:
    """Pages of a (news) sitemap, or the child sitemaps of a sitemap index."""
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False,
                             remove_comments=True, recover=False)
    try:
        root = etree.fromstring(content, parser=parser)
    except etree.XMLSyntaxError as exc:
        raise ListingError(f"malformed sitemap: {exc}") from exc
    if root is None:
        raise ListingError("empty sitemap")
    listing = Listing()
    kind = _local(root.tag)
    if kind == "sitemapindex":
        children = []
        for sm in root:
            loc = _child_text(sm, "loc")
            if loc:
                children.append((_child_text(sm, "lastmod") or "", urljoin(url, loc)))
        children.sort(reverse=True)
        listing.children = [u for _, u in children[:MAX_CHILD_SITEMAPS]
                            if not link_refused(u, url, allow_private)]
        return listing
    if kind != "urlset":
        raise ListingError(f"not a sitemap (root element <{kind}>)")
    for entry in root:
        if _local(entry.tag) != "url":
            continue
        loc = _child_text(entry, "loc")
        if not loc:
            continue
        published = _child_text(entry, "publication_date")
        lastmod = _child_text(entry, "lastmod")
        _add(listing, Item(
            url=urljoin(url, loc), marker=lastmod or published, title=_clean(_child_text(entry, "title")),
            published=_date_of(published) or _date_of(lastmod), outlet=_clean(_child_text(entry, "name")),
        ), url, allow_private)
    return listing


def parse_url_list(text: str, base: str, *, allow_private: bool = False) -> Listing:
    """A plain list: one URL per line; blank lines and lines starting with # are ignored."""
    listing = Listing()
    for line in text.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            _add(listing, Item(url=urljoin(base, line) if base.startswith("http") else line), base or line,
                 allow_private or not base.startswith("http"))
    return listing
